/*
 * emit_c.c: -T c, the C validators back-end.  Writes DIR/NAME.h and
 * DIR/NAME.c, a self-contained C11 module that checks AMI messages against
 * the dictionary (docs/validators.md); the pieces of NAME.c come from the
 * other emit_c*.c files, in the order C needs them declared.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "emit_c.h"
#include "esc_c.h"

void
cgen_text_init(struct cgen_text *t)
{
	t->s[0] = '\0';
	t->len = 0;
	t->over = 0;
}

void
cgen_text_put(struct cgen_text *t, const char *s)
{
	for (; *s != '\0'; s++) {
		if (t->len + 1 >= sizeof(t->s)) {
			t->over = 1;
			break;
		}
		t->s[t->len++] = *s;
	}
	t->s[t->len] = '\0';
}

/* Text that did not fit ends in "..." (libamidict cuts it the same way). */
void
cgen_text_end(struct cgen_text *t)
{
	if (t->over)
		memcpy(t->s + sizeof(t->s) - 4, "...", 4);
}

void
cgen_str(struct cgen *g, const char *s)
{
	if (s == NULL) {
		out_markup(&g->o, "NULL");
		return;
	}
	out_markup(&g->o, "\"");
	out_text(&g->o, s);
	out_markup(&g->o, "\"");
}

void
cgen_lines(struct cgen *g, const char *const *lines)
{
	FILE *f = g->o.f;
	const char *p;

	for (; *lines != NULL; lines++) {
		for (p = *lines; *p != '\0'; p++) {
			if (p[0] == '%' && p[1] == 'p')
				fputs(g->name, f);
			else if (p[0] == '%' && p[1] == 'P')
				fputs(g->upper, f);
			else {
				putc(*p, f);
				continue;
			}
			p++;
		}
		putc('\n', f);
	}
	g->o.bol = 1;
}

static int
same(const char *a, const char *b)
{
	return a == b || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

/* Names joined by spaces, cut like every other text; NULL when none. */
static char *
joined(const struct amid_versions *v)
{
	struct cgen_text t;
	size_t i;

	if (v->nrenamed_to == 0)
		return NULL;
	cgen_text_init(&t);
	for (i = 0; i < v->nrenamed_to; i++) {
		if (i > 0)
			cgen_text_put(&t, " ");
		cgen_text_put(&t, v->renamed_to[i]);
	}
	cgen_text_end(&t);
	return strdup(t.s);
}

int
cgen_facts(struct cgen *g, const struct amid_versions *v,
           const struct amid_versions *fb)
{
	struct cgen_facts x;
	size_t i;

	x.since = v->since ? v->since : fb ? fb->since : NULL;
	x.deprecated = v->deprecated ? v->deprecated
	               : fb          ? fb->deprecated
	                             : NULL;
	x.removed = v->removed ? v->removed : fb ? fb->removed : NULL;
	x.renamed_to = joined(v->nrenamed_to > 0 || fb == NULL ? v : fb);
	if (!x.since && !x.deprecated && !x.removed && !x.renamed_to)
		return -1;
	for (i = 0; i < g->nfacts; i++)
		if (same(g->facts[i].since, x.since) &&
		    same(g->facts[i].deprecated, x.deprecated) &&
		    same(g->facts[i].removed, x.removed) &&
		    same(g->facts[i].renamed_to, x.renamed_to)) {
			free(x.renamed_to);
			return (int)i;
		}
	if (g->nfacts == g->capfacts) {
		size_t cap = g->capfacts ? 2 * g->capfacts : 32;
		struct cgen_facts *p = realloc(g->facts, cap * sizeof(*p));

		if (p == NULL) {
			g->nomem = 1;
			free(x.renamed_to);
			return -1;
		}
		g->facts = p;
		g->capfacts = cap;
	}
	g->facts[g->nfacts] = x;
	return (int)g->nfacts++;
}

size_t
cgen_check_index(const struct cgen *g, const struct amid_meaning *mn)
{
	const struct amid_header *h = mn->header;

	return g->check_base[h - g->m->headers] + (size_t)(mn - h->meanings);
}

/* "generated from FILES by amigen; do not edit", as a comment. */
void
cgen_banner(struct cgen *g)
{
	size_t i;

	out_markup(&g->o, "/* generated from ");
	for (i = 0; i < g->m->nfiles; i++) {
		if (i > 0)
			out_markup(&g->o, " ");
		esc_c_comment(g->o.f, g->m->files[i]);
	}
	out_markup(&g->o, " by amigen; do not edit */\n");
}

static void
source_file(struct cgen *g)
{
	cgen_banner(g);
	out_markup(&g->o, "/*\n * Validators for AMI messages: see %s.h and "
	                  "docs/validators.md of amidict.\n */\n",
	           g->name);
	out_markup(&g->o, "#include <limits.h>\n#include <stdint.h>\n"
	                  "#include <string.h>\n\n#include \"%s.h\"\n\n",
	           g->name);
	cgen_types(g);
	cgen_struct_code(g);
	if (cgen_lookups(g) < 0) {
		g->failed = 1;
		return;
	}
	cgen_checks(g);
	cgen_messages(g);
	cgen_facts_table(g);
	cgen_value_code(g);
	cgen_engine_code(g);
}

static int
write_file(struct cgen *g, const char *dir, const char *ext,
           void (*body)(struct cgen *))
{
	size_t len = strlen(g->name) + strlen(ext) + 1;
	char *rel = malloc(len);
	FILE *f;
	int rc;

	if (rel == NULL) {
		fputs("amigen: out of memory\n", stderr);
		return -1;
	}
	snprintf(rel, len, "%s%s", g->name, ext);
	if ((f = out_open(dir, rel)) == NULL) {
		free(rel);
		return -1;
	}
	out_init(&g->o, f, esc_c);
	body(g);
	rc = out_close(f, dir, rel);
	free(rel);
	return rc;
}

/*
 * The generated tables hold ids, counts and indexes in shorts (they stay
 * small and in cache): refuse a dictionary that would not fit.
 */
#define CGEN_LIMIT 20000

static size_t
biggest(const struct amid_message *v, size_t n, size_t most)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (v[i].nuses > most)
			most = v[i].nuses;
		if (v[i].nresponse > most)
			most = v[i].nresponse;
		if (v[i].ngroups > most)
			most = v[i].ngroups;
	}
	return most;
}

static int
check_limits(const struct cgen *g)
{
	const struct amid_model *m = g->m;
	size_t most = g->nchecks;

	most = m->nheaders > most ? m->nheaders : most;
	most = m->nactions > most ? m->nactions : most;
	most = m->nevents > most ? m->nevents : most;
	most = biggest(m->actions, m->nactions, most);
	most = biggest(m->events, m->nevents, most);
	most = biggest(m->responses, m->nresponses, most);
	most = biggest(m->common, AMID_KIND__MAX, most);
	if (most <= CGEN_LIMIT)
		return 0;
	fprintf(stderr, "amigen: -T c: %zu entries in one table, more than "
	                "the generated code holds (%d)\n",
	        most, CGEN_LIMIT);
	return -1;
}

/* The module name becomes identifiers: it must be one. */
static int
check_name(const char *name)
{
	const char *p;

	if (name == NULL) {
		fputs("amigen: -T c needs a module name: -n NAME\n", stderr);
		return -1;
	}
	for (p = name; *p != '\0'; p++)
		if (!(isalpha((unsigned char)*p) || *p == '_' ||
		      (p > name && isdigit((unsigned char)*p))) ||
		    (unsigned char)*p >= 0x80)
			break;
	if (p == name || *p != '\0' || p - name > 40) {
		fprintf(stderr, "amigen: -n %s: the module name must be a C "
		                "identifier of at most 40 characters\n",
		        name);
		return -1;
	}
	return 0;
}

static int
setup(struct cgen *g, const struct amid_model *m, const char *name)
{
	size_t i, k = 0;

	memset(g, 0, sizeof(*g));
	g->m = m;
	g->name = name;
	g->upper = strdup(name);
	g->check_base = malloc((m->nheaders + 1) * sizeof(*g->check_base));
	if (g->upper == NULL || g->check_base == NULL)
		return -1;
	for (i = 0; g->upper[i] != '\0'; i++)
		g->upper[i] = (char)toupper((unsigned char)g->upper[i]);
	for (i = 0; i < m->nheaders; i++) {
		g->check_base[i] = k;
		k += m->headers[i].nmeanings;
	}
	g->nchecks = k;
	return 0;
}

static void
cleanup(struct cgen *g)
{
	size_t i;

	for (i = 0; i < g->nfacts; i++)
		free(g->facts[i].renamed_to);
	free(g->facts);
	free(g->check_base);
	free(g->upper);
}

int
emit_c(const struct amid_model *m, FILE *unused, const struct emit_opts *opts)
{
	struct cgen g;
	int rc = -1;

	(void)unused;
	if (check_name(opts->name) < 0)
		return -1;
	if (setup(&g, m, opts->name) == 0 && check_limits(&g) == 0 &&
	    write_file(&g, opts->out, ".h", cgen_header_file) == 0 &&
	    write_file(&g, opts->out, ".c", source_file) == 0)
		rc = 0;
	if (g.nomem || g.upper == NULL || g.check_base == NULL) {
		fputs("amigen: out of memory\n", stderr);
		rc = -1;
	}
	if (g.nfacts > CGEN_LIMIT) {
		fprintf(stderr, "amigen: -T c: %zu sets of version facts, more "
		                "than the generated code holds (%d)\n",
		        g.nfacts, CGEN_LIMIT);
		rc = -1;
	}
	if (g.failed)
		rc = -1;
	cleanup(&g);
	return rc;
}
