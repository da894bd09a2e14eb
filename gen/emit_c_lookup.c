/*
 * emit_c_lookup.c: -T c's name look-ups: the tables of header, action and
 * event names, the hash tables emit_c_hash.c found for them, and the
 * look-up functions, whose key computation must match emit_c_hash.c's
 * key() byte for byte.  Names compared ignoring case sit in their slots in
 * lower case, with a mask, so a look-up reads one slot and compares eight
 * bytes at a time.
 */
#include <stdlib.h>
#include <string.h>

#include "emit_c.h"

static void
numbers(struct cgen *g, const char *type, const char *name, const int *v,
        const unsigned *u, size_t n)
{
	size_t i;

	out_markup(&g->o, "static const %s %s[%zu] = {", type, name, n);
	for (i = 0; i < n; i++)
		out_markup(&g->o, "%s%d,", i % 12 ? " " : "\n\t",
		           v ? v[i] : (int)u[i]);
	out_markup(&g->o, "\n};\n");
}

/* A slot of a table compared ignoring case: see same_fold_code. */
static void
folded_slot(struct cgen *g, int id, const char *name)
{
	char *low;
	size_t j;

	if (id < 0) {
		out_markup(&g->o, "\t{-1, 0, \"\", \"\"},\n");
		return;
	}
	if ((low = strdup(name)) == NULL) {
		g->nomem = 1;
		return;
	}
	for (j = 0; low[j] != '\0'; j++)
		if (low[j] >= 'A' && low[j] <= 'Z')
			low[j] = (char)(low[j] + 32);
	out_markup(&g->o, "\t{%d, %zu, ", id, j);
	cgen_str(g, low);
	out_markup(&g->o, ", \"");
	for (j = 0; low[j] != '\0'; j++)
		out_markup(&g->o, "%s",
		           low[j] >= 'a' && low[j] <= 'z' ? " " : "\\0");
	out_markup(&g->o, "\"},\n");
	free(low);
}

/*
 * The slots of a table compared ignoring case hold the name itself, so a
 * look-up reads one slot: the name in lower case, and a mask with 0x20
 * where it has a letter (s | mask == low holds exactly for the name in any
 * case, eight bytes at a time).
 */
static void
folded_slots(struct cgen *g, const struct cgen_hash *p)
{
	size_t i;
	int id;

	out_markup(&g->o, "static const struct folded %s_slot[%u] = {\n",
	           p->what, 1u << p->sbits);
	for (i = 0; i < (1u << p->sbits); i++) {
		id = p->slot[i];
		folded_slot(g, id, id >= 0 ? p->names[id] : NULL);
	}
	out_markup(&g->o, "};\n");
}

static void
names(struct cgen *g, const struct cgen_hash *p)
{
	size_t i;

	out_markup(&g->o, "static const struct name %s[%zu] = {\n", p->tab,
	           p->n + 1);
	for (i = 0; i < p->n; i++) {
		out_markup(&g->o, "\t{");
		cgen_str(g, p->names[i]);
		out_markup(&g->o, ", %zu},\n", strlen(p->names[i]));
	}
	out_markup(&g->o, "\t{NULL, 0},\n};\n");
}

/* The expression of the byte at position pos, as key() takes it. */
static void
key_byte(struct cgen *g, int pos)
{
	if (pos == 0)
		out_markup(&g->o, "s[0]");
	else if (pos > 0)
		out_markup(&g->o, "s[len > %d ? %d : len - 1]", pos, pos);
	else if (pos == -1)
		out_markup(&g->o, "s[len - 1]");
	else
		out_markup(&g->o, "s[len >= %d ? len - %d : 0]", -pos, -pos);
}

static void
lookup_key(struct cgen *g, const struct cgen_hash *p)
{
	size_t j, packed = p->npos < CGEN_PACKED ? p->npos : CGEN_PACKED;

	if (p->full) {
		out_markup(&g->o,
		           "\tfor (x = UINT64_C(0x%016llx), i = 0; i < len; "
		           "i++)\n\t\tx = (x ^ %s) * UINT64_C(0x%llx);\n",
		           (unsigned long long)CGEN_FNV_BASIS,
		           p->fold ? "(s[i] | 0x20u)" : "s[i]",
		           (unsigned long long)CGEN_FNV_PRIME);
		return;
	}
	if (packed == 0) {
		out_markup(&g->o, "\tx = len;\n");
		return;
	}
	out_markup(&g->o, "\tx = 0;\n");
	for (j = 0; j < packed; j++) {
		out_markup(&g->o, "\tx = (x << 8) | ");
		key_byte(g, p->pos[j]);
		out_markup(&g->o, ";\n");
	}
	if (p->fold && packed > 0)
		out_markup(&g->o, "\tx |= UINT64_C(0x%llx); /* case */\n",
		           (unsigned long long)(CGEN_FOLD_BITS >>
		                                (64 - 8 * packed)));
	out_markup(&g->o, "\tx ^= (uint64_t)len << %zu;\n", 8 * packed);
	for (; j < p->npos; j++) {
		out_markup(&g->o, "\tx = (x ^ (");
		key_byte(g, p->pos[j]);
		out_markup(&g->o, "%s)) * UINT64_C(0x%llx);\n",
		           p->fold ? " | 0x20u" : "",
		           (unsigned long long)CGEN_FNV_PRIME);
	}
}

static void
lookup_function(struct cgen *g, const struct cgen_hash *p)
{
	out_markup(&g->o,
	           "\nint\n%s_%s_lookup(const char *name, size_t len)\n{\n",
	           g->name, p->what);
	if (p->n == 0) {
		out_markup(&g->o,
		           "\t(void)name;\n\t(void)len;\n\treturn -1;\n}\n");
		return;
	}
	out_markup(&g->o, "\tconst unsigned char *s = "
	                  "(const unsigned char *)name;\n"
	                  "\tuint64_t x;\n\t%s;\n%s\n",
	           p->fold ? "const struct folded *e" : "int id",
	           p->full ? "\tsize_t i;\n" : "");
	out_markup(&g->o, "\tif (len - 1 >= %zu) /* empty, or longer than "
	                  "any */\n\t\treturn -1;\n",
	           p->maxlen);
	lookup_key(g, p);
	out_markup(&g->o,
	           "\tx = (x ^ UINT64_C(0x%016llx)) * UINT64_C(0x%016llx);\n",
	           (unsigned long long)p->seed, (unsigned long long)CGEN_MULT);
	out_markup(&g->o,
	           "\t%s%s_slot[((x >> %u) & 0x%x) ^ %s_disp[x >> %u]];\n",
	           p->fold ? "e = &" : "id = ", p->what,
	           64 - p->rbits - p->sbits, (1u << p->sbits) - 1, p->what,
	           64 - p->rbits);
	if (p->fold) {
		out_markup(&g->o, "\tif (e->len != len || "
		                  "!same_fold(s, e->low, e->mask, len))\n"
		                  "\t\treturn -1;\n\treturn e->id;\n}\n");
		return;
	}
		out_markup(&g->o, "\tif (id < 0 || %s[id].len != len ||\n"
		                  "\t    memcmp(s, %s[id].s, len) != 0)\n",
		           p->tab, p->tab);
	out_markup(&g->o, "\t\treturn -1;\n\treturn id;\n}\n");
}

static void
name_function(struct cgen *g, const struct cgen_hash *p, const char *count)
{
	out_markup(&g->o, "\nconst char *\n%s_%s_name(int id)\n{\n"
	                  "\treturn id >= 0 && id < %s ? %s[id].s : NULL;\n}\n",
	           g->name, p->what, count, p->tab);
}

static void
hash_tables(struct cgen *g, const struct cgen_hash *p)
{
	char disp[64], slot[64];

	if (p->n == 0)
		return;
	snprintf(disp, sizeof(disp), "%s_disp", p->what);
	snprintf(slot, sizeof(slot), "%s_slot", p->what);
	out_markup(&g->o,
	           "/* %s: %zu names, key of %s; %u buckets, %u slots */\n",
	           p->what, p->n,
	           p->full ? "every byte" : "the length and bytes",
	           1u << p->rbits, 1u << p->sbits);
	numbers(g, "unsigned short", disp, NULL, p->disp, 1u << p->rbits);
	if (p->fold)
		folded_slots(g, p);
	else
		numbers(g, "short", slot, p->slot, NULL, 1u << p->sbits);
}

static int
table(struct cgen *g, struct cgen_hash *p)
{
	if (p->n > 0 && cgen_hash_build(p) < 0) {
		if (!g->nomem)
			fprintf(stderr, "amigen: no collision-free hash found "
			                "for the %s names\n",
			        p->what);
		return -1;
	}
	out_markup(&g->o, "\n");
	names(g, p);
	hash_tables(g, p);
	return 0;
}

static void
fold_table(struct cgen *g)
{
	unsigned c;

	out_markup(&g->o, "\n/* ASCII letters in lower case; other bytes as "
	                  "they are. */\nstatic const unsigned char "
	                  "fold[256] = {");
	for (c = 0; c < 256; c++)
		out_markup(&g->o, "%s%u,", c % 16 ? " " : "\n\t",
		           c >= 'A' && c <= 'Z' ? c + 32 : c);
	out_markup(&g->o, "\n};\n");
}

static const char *const same_fold_code[] = {
	"",
	"/* A slot of a table compared ignoring case: see same_fold(). */",
	"struct folded {",
	"\tshort id;            /* -1: empty */",
	"\tunsigned short len;",
	"\tchar low[FOLDED_MAX + 1]; /* the name in lower case */",
	"\tchar mask[FOLDED_MAX + 1]; /* a space where it has a letter */",
	"};",
	"",
	"/* n bytes as one number: any order, the same for every operand. */",
	"static uint64_t",
	"load8(const void *p)",
	"{",
	"\tuint64_t w;",
	"",
	"\tmemcpy(&w, p, sizeof(w));",
	"\treturn w;",
	"}",
	"",
	"static uint32_t",
	"load4(const void *p)",
	"{",
	"\tuint32_t w;",
	"",
	"\tmemcpy(&w, p, sizeof(w));",
	"\treturn w;",
	"}",
	"",
	"/*",
	" * Whether s is the name low in any ASCII case: (s | mask) == low",
	" * holds byte for byte exactly then.  Eight bytes at a time, the last",
	" * word overlapping the one before.",
	" */",
	"static int",
	"same_fold(const unsigned char *s, const char *low, const char *mask,",
	"          size_t n)",
	"{",
	"\tsize_t i;",
	"",
	"\tif (n >= 8) {",
	"\t\tfor (i = 0; i + 8 < n; i += 8)",
	"\t\t\tif ((load8(s + i) | load8(mask + i)) != load8(low + i))",
	"\t\t\t\treturn 0;",
	"\t\ti = n - 8;",
	"\t\treturn (load8(s + i) | load8(mask + i)) == load8(low + i);",
	"\t}",
	"\tif (n >= 4)",
	"\t\treturn (load4(s) | load4(mask)) == load4(low) &&",
	"\t\t       (load4(s + n - 4) | load4(mask + n - 4)) ==",
	"\t\t           load4(low + n - 4);",
	"\tfor (i = 0; i < n; i++)",
	"\t\tif ((s[i] | (unsigned char)mask[i]) != (unsigned char)low[i])",
	"\t\t\treturn 0;",
	"\treturn 1;",
	"}",
	NULL,
};

static int
header_id(const struct amid_model *m, const char *name)
{
	const struct amid_header *h = amid_find_header(m, name);

	return h != NULL ? (int)(h - m->headers) : -1;
}

static void
counts(struct cgen *g)
{
	const struct amid_model *m = g->m;

	out_markup(&g->o, "\nenum {\n\tNHEADERS = %zu,\n\tNACTIONS = %zu,\n"
	                  "\tNEVENTS = %zu,\n\tNSEEN = (NHEADERS + 8) / 8,\n"
	                  "\tACTIONID = %d /* the header, or -1 */\n};\n",
	           m->nheaders, m->nactions, m->nevents,
	           header_id(m, "ActionID"));
}

/* The longest name of the first n tables. */
static size_t
longest(const struct cgen_hash *t, size_t n)
{
	size_t k, i, max = 0;

	for (k = 0; k < n; k++)
		for (i = 0; i < t[k].n; i++)
			if (strlen(t[k].names[i]) > max)
				max = strlen(t[k].names[i]);
	return max;
}

static void
free_tables(struct cgen_hash *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(v[i].names);
		free(v[i].disp);
		free(v[i].slot);
	}
}

int
cgen_lookups(struct cgen *g)
{
	const struct amid_model *m = g->m;
	struct cgen_hash t[3] = {
		{.what = "header", .tab = "headers", .n = m->nheaders,
		 .fold = 1},
		{.what = "action", .tab = "action_names", .n = m->nactions,
		 .fold = 1},
		{.what = "event", .tab = "event_names", .n = m->nevents},
	};
	const char *count[3] = {"NHEADERS", "NACTIONS", "NEVENTS"};
	size_t i, k;
	int rc = 0;

	for (k = 0; k < 3; k++)
		if ((t[k].names = malloc((t[k].n + 1) * sizeof(char *))) ==
		    NULL)
			g->nomem = 1;
	for (i = 0; !g->nomem && i < m->nheaders; i++)
		t[0].names[i] = m->headers[i].name;
	for (i = 0; !g->nomem && i < m->nactions; i++)
		t[1].names[i] = m->actions[i].name;
	for (i = 0; !g->nomem && i < m->nevents; i++)
		t[2].names[i] = m->events[i].name;
	counts(g);
	fold_table(g);
	if (m->nheaders + m->nactions > 0) {
		out_markup(&g->o, "\nenum { FOLDED_MAX = %zu };\n",
		           longest(t, 2));
		cgen_lines(g, same_fold_code);
	}
	for (k = 0; rc == 0 && !g->nomem && k < 3; k++) {
		rc = table(g, &t[k]);
		lookup_function(g, &t[k]);
		name_function(g, &t[k], count[k]);
		if (k == 0)
			out_markup(&g->o, "\nint\n%s_header_count(void)\n{\n"
			                  "\treturn NHEADERS;\n}\n",
			           g->name);
	}
	free_tables(t, 3);
	return g->nomem ? -1 : rc;
}
