/*
 * emit_c_lookup.c: -T c's name look-ups: the tables of header, action and
 * event names, the hash tables emit_c_hash.c found for them (and for the
 * privilege classes), and the look-up functions, whose key computation
 * must match emit_c_hash.c's key() byte for byte.  Names compared ignoring
 * case sit in their slots as spelt, with a mask of their letters, so a
 * look-up reads one slot, compares eight bytes at a time and tells
 * whether the case matched.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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
	size_t j;

	if (id < 0) {
		out_markup(&g->o, "\t{-1, 0, \"\", \"\"},\n");
		return;
	}
	out_markup(&g->o, "\t{%d, %zu, ", id, strlen(name));
	cgen_str(g, name);
	out_markup(&g->o, ", \"");
	for (j = 0; name[j] != '\0'; j++)
		out_markup(&g->o, "%s",
		           (name[j] >= 'a' && name[j] <= 'z') ||
		                   (name[j] >= 'A' && name[j] <= 'Z')
		               ? " "
		               : "\\0");
	out_markup(&g->o, "\"},\n");
}

/*
 * The slots of a table compared ignoring case hold the name itself, so a
 * look-up reads one slot: the name as the dictionary spells it, and a mask
 * with 0x20 where it has a letter (s ^ name has no bit outside the mask
 * exactly for the name in any case, and none at all for the name as
 * spelt; eight bytes at a time).
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

static const char *const words_code[] = {
	"",
	"/*",
	" * Bytes as a little-endian number, whatever the machine: compilers make",
	" * it one load (inline, so that they see it).",
	" */",
	"static inline uint64_t",
	"le8(const unsigned char *s)",
	"{",
	"\treturn (uint64_t)s[0] | (uint64_t)s[1] << 8 | (uint64_t)s[2] << 16 |",
	"\t       (uint64_t)s[3] << 24 | (uint64_t)s[4] << 32 |",
	"\t       (uint64_t)s[5] << 40 | (uint64_t)s[6] << 48 |",
	"\t       (uint64_t)s[7] << 56;",
	"}",
	"",
	"static inline uint64_t",
	"le4(const unsigned char *s)",
	"{",
	"\treturn (uint64_t)s[0] | (uint64_t)s[1] << 8 | (uint64_t)s[2] << 16 |",
	"\t       (uint64_t)s[3] << 24;",
	"}",
	NULL,
};

/* The key of whole words: emit_c_hash.c's words_key(). */
static void
words_key(struct cgen *g, const struct cgen_hash *p)
{
	const char *f = p->fold ? " | f" : "";

	if (p->fold)
		out_markup(&g->o, "\tf = UINT64_C(0x%016llx);\n",
		           (unsigned long long)CGEN_FOLD_BITS);
	out_markup(&g->o, "\tif (len >= 8) {\n\t\tlo = le8(s);\n"
	                  "\t\thi = le8(s + len - 8);\n");
	if (p->mid)
		out_markup(&g->o, "\t\tmid = %sle8(s + (len - 8) / 2)%s%s *\n"
		                  "\t\t      UINT64_C(0x%016llx);\n",
		           p->fold ? "(" : "", f, p->fold ? ")" : "",
		           (unsigned long long)CGEN_MULT2);
	out_markup(&g->o, "\t} else if (len >= 4) {\n\t\tlo = le4(s);\n"
	                  "\t\thi = le4(s + len - 4);\n\t} else\n"
	                  "\t\tlo = (uint64_t)s[0] | (uint64_t)s[len / 2] << 8 |"
	                  "\n\t\t     (uint64_t)s[len - 1] << 16;\n");
	if (p->fold)
		out_markup(&g->o, "\tx = ((lo | f) * UINT64_C(0x%016llx)) ^ "
		                  "(hi | f) ^ len%s;\n",
		           (unsigned long long)CGEN_MULT, p->mid ? " ^ mid" : "");
	else
		out_markup(&g->o, "\tx = (lo * UINT64_C(0x%016llx)) ^ hi ^ len%s;\n",
		           (unsigned long long)CGEN_MULT, p->mid ? " ^ mid" : "");
}

static void
lookup_key(struct cgen *g, const struct cgen_hash *p)
{
	size_t j, packed = p->npos < CGEN_PACKED ? p->npos : CGEN_PACKED;

	if (p->words) {
		words_key(g, p);
		return;
	}
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

/* The public look-up; for a table compared ignoring case, over WHAT_find(). */
static void
lookup_head(struct cgen *g, const struct cgen_hash *p)
{
	if (!p->fold) {
		out_markup(&g->o,
		           "\nint\n%s_%s_lookup(const char *name, size_t len)"
		           "\n{\n\treturn %s_find(name, len);\n}\n",
		           g->name, p->what, p->what);
		out_markup(&g->o, "\n/* The id of name among the %s names, or "
		                  "-1. */\nstatic int\n%s_find(const char "
		                  "*name, size_t len)\n{\n",
		           p->what, p->what);
		return;
	}
	out_markup(&g->o,
	           "\nint\n%s_%s_lookup(const char *name, size_t len)\n{\n"
	           "\treturn found_id(%s_find(name, len));\n}\n",
	           g->name, p->what, p->what);
	out_markup(&g->o, "\n/* Name among the %s names: see found(). */\n"
	                  "static int\n%s_find(const char *name, size_t len)"
	                  "\n{\n",
	           p->what, p->what);
}

static void
lookup_function(struct cgen *g, const struct cgen_hash *p)
{
	if (p->words && !g->words_code) {
		cgen_lines(g, words_code);
		g->words_code = 1;
	}
	if (p->internal)
		out_markup(&g->o, "\n/* Name among the %s names: see found(). */\n"
		                  "static int\n%s_find(const char *name, size_t len)"
		                  "\n{\n",
		           p->what, p->what);
	else {
		/*
		 * WHAT_find() comes after the public look-up that calls it;
		 * the engine calls it too, and can have it inline (the
		 * public one may be interposed in a shared library).
		 */
		out_markup(&g->o, "\nstatic int %s_find(const char *name, "
		                  "size_t len);\n",
		           p->what);
		lookup_head(g, p);
	}
	if (p->n == 0) {
		out_markup(&g->o, "\t(void)name;\n\t(void)len;\n"
		                  "\treturn -1;\n}\n");
		return;
	}
	out_markup(&g->o, "\tconst unsigned char *s = "
	                  "(const unsigned char *)name;\n"
	                  "\tuint64_t x%s%s%s;\n\t%s;\n%s\n",
	           p->words ? ", lo, hi = 0" : "",
	           p->words && p->fold ? ", f" : "",
	           p->words && p->mid ? ", mid = 0" : "",
	           p->fold ? "const struct folded *e;\n\tint m" : "int id",
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
		out_markup(&g->o, "\tif (e->len != len ||\n"
		                  "\t    (m = match_fold(s, e->name, e->mask, "
		                  "len)) == 0)\n"
		                  "\t\treturn -1;\n"
		                  "\treturn found(e->id, m == 2);\n}\n");
		return;
	}
	out_markup(&g->o, "\tif (id < 0 || %s[id].len != len ||\n"
	                  "\t    !same_bytes(s, %s[id].s, len))\n",
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
	if (!p->internal)
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
	"/* A slot of a table compared ignoring case: see match_fold(). */",
	"struct folded {",
	"\tshort id;            /* -1: empty */",
	"\tunsigned short len;",
	"\tchar name[FOLDED_MAX + 1]; /* the name as the dictionary spells it */",
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
	" * The bits where n bytes at s and name differ, outside those mask has",
	" * when any_case.  Eight bytes at a time, the last word overlapping the one",
	" * before.",
	" */",
	"static inline uint64_t",
	"differ(const unsigned char *s, const char *name, const char *mask, size_t n,",
	"       int any_case)",
	"{",
	"\tuint64_t d;",
	"\tsize_t i;",
	"",
	"\t/* The first and the last word: names of up to 16 bytes, no loop. */",
	"\tif (n >= 8) {",
	"\t\td = ((load8(s) ^ load8(name)) & ~(any_case ? load8(mask) : 0)) |",
	"\t\t    ((load8(s + n - 8) ^ load8(name + n - 8)) &",
	"\t\t     ~(any_case ? load8(mask + n - 8) : 0));",
	"\t\tfor (i = 8; i + 8 < n; i += 8)",
	"\t\t\td |= (load8(s + i) ^ load8(name + i)) &",
	"\t\t\t     ~(any_case ? load8(mask + i) : 0);",
	"\t\treturn d;",
	"\t}",
	"\tif (n >= 4)",
	"\t\treturn ((load4(s) ^ load4(name)) &",
	"\t\t        ~(any_case ? load4(mask) : 0)) |",
	"\t\t       ((load4(s + n - 4) ^ load4(name + n - 4)) &",
	"\t\t        ~(any_case ? load4(mask + n - 4) : 0));",
	"\tfor (d = 0, i = 0; i < n; i++)",
	"\t\td |= (uint64_t)(s[i] ^ (unsigned char)name[i]) &",
	"\t\t     ~(uint64_t)(any_case ? (unsigned char)mask[i] : 0);",
	"\treturn d;",
	"}",
	"",
	"/*",
	" * Whether s is name in any ASCII case: s ^ name may differ only in the",
	" * bits mask has (0x20 where name has a letter).  2 when s is name as",
	" * spelt (nearly always, and the quickest), 1 in another case, 0 when it",
	" * is another name.",
	" */",
	"static inline int",
	"match_fold(const unsigned char *s, const char *name, const char *mask,",
	"           size_t n)",
	"{",
	"\tif (differ(s, name, mask, n, 0) == 0)",
	"\t\treturn 2;",
	"\treturn differ(s, name, mask, n, 1) == 0;",
	"}",
	"",
	"/*",
	" * What a look-up ignoring case finds: the id, and whether the name is",
	" * spelt as the dictionary spells it, in one int that stays in a register",
	" * (found_id(), found_cased()); -1 when the name is unknown.",
	" */",
	"static inline int",
	"found(int id, int cased)",
	"{",
	"\treturn id * 2 + (cased != 0);",
	"}",
	"",
	"static inline int",
	"found_id(int k)",
	"{",
	"\treturn k < 0 ? -1 : k / 2;",
	"}",
	"",
	"static inline int",
	"found_cased(int k)",
	"{",
	"\treturn k >= 0 && k % 2 == 1;",
	"}",
	"",
	"/* memcmp(a, b, n) == 0, inline: the names and values are short. */",
	"static inline int",
	"same_bytes(const void *a, const char *b, size_t n)",
	"{",
	"\treturn differ((const unsigned char *)a, b, b, n, 0) == 0;",
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
	                  "\tNEVENTS = %zu,\n"
	                  "\tACTIONID = %d /* the header, or -1 */\n};\n",
	           m->nheaders, m->nactions, m->nevents,
	           header_id(m, "ActionID"));
}

/* The longest name of the tables compared ignoring case, among n. */
static size_t
longest(const struct cgen_hash *t, size_t n)
{
	size_t k, i, max = 0;

	for (k = 0; k < n; k++)
		for (i = 0; t[k].fold && i < t[k].n; i++)
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

/*
 * The privilege classes, for class_find(): only whether a name is one
 * matters, so names that differ only in case count once.
 */
static size_t
class_names(const struct amid_model *m, const char **v)
{
	size_t i, j, n = 0;

	for (i = 0; i < m->nclasses; i++) {
		for (j = 0; j < n; j++)
			if (strcasecmp(v[j], m->classes[i].name) == 0)
				break;
		if (j == n)
			v[n++] = m->classes[i].name;
	}
	return n;
}

int
cgen_lookups(struct cgen *g)
{
	const struct amid_model *m = g->m;
	struct cgen_hash t[4] = {
		{.what = "header", .tab = "headers", .n = m->nheaders,
		 .fold = 1},
		{.what = "action", .tab = "action_names", .n = m->nactions,
		 .fold = 1},
		{.what = "event", .tab = "event_names", .n = m->nevents},
		{.what = "class", .n = m->nclasses, .fold = 1, .internal = 1},
	};
	const char *count[3] = {"NHEADERS", "NACTIONS", "NEVENTS"};
	size_t i, k;
	int rc = 0;

	for (k = 0; k < 4; k++)
		if ((t[k].names = malloc((t[k].n + 1) * sizeof(char *))) ==
		    NULL)
			g->nomem = 1;
	for (i = 0; !g->nomem && i < m->nheaders; i++)
		t[0].names[i] = m->headers[i].name;
	for (i = 0; !g->nomem && i < m->nactions; i++)
		t[1].names[i] = m->actions[i].name;
	for (i = 0; !g->nomem && i < m->nevents; i++)
		t[2].names[i] = m->events[i].name;
	if (!g->nomem)
		t[3].n = class_names(m, t[3].names);
	counts(g);
	fold_table(g);
	out_markup(&g->o, "\nenum { FOLDED_MAX = %zu };\n", longest(t, 4));
	cgen_lines(g, same_fold_code);
	for (k = 0; rc == 0 && !g->nomem && k < 4; k++) {
		rc = table(g, &t[k]);
		lookup_function(g, &t[k]);
		if (t[k].internal)
			continue;
		name_function(g, &t[k], count[k]);
		if (k == 0)
			out_markup(&g->o, "\nint\n%s_header_count(void)\n{\n"
			                  "\treturn NHEADERS;\n}\n",
			           g->name);
	}
	free_tables(t, 4);
	return g->nomem ? -1 : rc;
}
