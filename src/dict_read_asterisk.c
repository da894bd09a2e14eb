/*
 * dict_read_asterisk.c: Asterisk's own documentation (core-en_US.xml, root
 * <docs>, appdocsxml.dtd) -> entries handed to dict_merge.c.  dict_read.c
 * parses the file under its usual limits and calls amid_read_asterisk()
 * when the root is <docs>.  <manager> becomes an action, <managerEvent> an
 * event, each <parameter> a header; <xi:include> elements are resolved by
 * walking this same document, never another file.  See
 * docs/asterisk-import.md for the mapping.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/tree.h>

#include "arena.h"
#include "dict_build.h"
#include "prose.h"
#include "version.h"

#define XI_NS "http://www.w3.org/2001/XInclude"
/* Includes open inside includes deeper than this are taken for a loop. */
#define MAX_INCLUDE_DEPTH 16
/*
 * What following the includes of one file may cost, in nodes scanned or
 * walked and bytes of text read through them: eight times what Asterisk's
 * own file needs (about two million), so that includes that include each
 * other cannot make the work or the model explode.
 */
#define MAX_INCLUDE_WORK (16UL * 1024 * 1024)

/* A parameter of one message, as documented. */
struct ast_param {
	const char *name;
	bool required, has_required;
	bool is_enum;
	const char *description;
	struct amid_value *values;
	size_t nvalues, cap_values;
	const char *key; /* the meaning, chosen once all are read */
	struct amid_loc loc;
};

struct ast_msg {
	enum amid_kind kind;
	const char *name;
	const char **classes;
	size_t nclasses, cap_classes;
	const char *since;
	const char *description;
	struct ast_param *params;
	size_t nparams, cap_params;
	const char **items; /* <list-elements> */
	size_t nitems, cap_items;
	const char *complete;
	struct amid_loc list_loc;
	const char **emits; /* a <responses> event without a list */
	size_t nemits, cap_emits;
	struct amid_loc loc;
};

struct ast {
	struct amid_build *b;
	struct amid_arena *a;
	const char *file;
	const xmlNode *root;
	struct ast_msg **msgs; /* each on its own: readers hold pointers */
	size_t nmsgs, cap_msgs;
	int depth;            /* includes being walked through */
	const xmlNode *inc;   /* the innermost of them */
	unsigned long work;   /* what following includes has cost so far */
	int over;             /* ... too much: no more are followed */
	const xmlNode **warned; /* includes already reported */
	size_t nwarned, cap_warned;
	int nomem;
};

typedef void (*node_fn)(struct ast *, const xmlNode *, void *);

/* ---- small helpers ----------------------------------------------------- */

static int
is_el(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE &&
	       strcmp((const char *)n->name, name) == 0;
}

static int
is_include(const xmlNode *n)
{
	return n->type == XML_ELEMENT_NODE && n->ns != NULL &&
	       strcmp((const char *)n->ns->href, XI_NS) == 0 &&
	       strcmp((const char *)n->name, "include") == 0;
}

static struct amid_loc
loc_of(const struct ast *r, const xmlNode *n)
{
	struct amid_loc l = {r->file, (unsigned long)xmlGetLineNo(n)};

	return l;
}

static void *
push(struct ast *r, void *v, size_t n, size_t *cap, size_t size)
{
	void *nv = amid_arena_push(r->a, v, n, cap, size);

	if (nv == NULL)
		r->nomem = 1;
	return nv;
}

static const char *
keep(struct ast *r, const char *s, size_t len)
{
	char *p = amid_arena_strndup(r->a, s, len);

	if (p == NULL)
		r->nomem = 1;
	return p;
}

/* An attribute, blanks around it removed, in the arena; NULL if absent. */
static const char *
attr(struct ast *r, const xmlNode *n, const char *name)
{
	xmlChar *s = xmlGetProp(n, (const xmlChar *)name);
	const char *p, *e, *out;

	if (s == NULL)
		return NULL;
	for (p = (const char *)s; *p != '\0' && isspace((unsigned char)*p);)
		p++;
	for (e = p + strlen(p); e > p && isspace((unsigned char)e[-1]);)
		e--;
	out = keep(r, p, (size_t)(e - p));
	xmlFree(s);
	return out;
}

/* What amidict can hold as a name: the schema's wire-name. */
static int
is_wire_name(const char *s)
{
	if (s == NULL || *s == '\0' || *s == '-')
		return 0;
	for (; *s != '\0'; s++)
		if (!isalnum((unsigned char)*s) && *s != '_' && *s != '-')
			return 0;
	return 1;
}

static void
warn(struct ast *r, const xmlNode *n, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* A warning at n's line: the file loads, something was not mapped. */
static void
warn(struct ast *r, const xmlNode *n, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	amid_report(r->b->errs, AMID_WARNING, r->file,
	            (unsigned long)xmlGetLineNo(n), "%s", msg);
}

/* ---- xi:include: the xpointer() paths Asterisk writes ------------------- */

struct nodeset {
	const xmlNode **v;
	size_t n, cap;
};

static int
set_add(struct nodeset *s, const xmlNode *n)
{
	const xmlNode **nv;

	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 16;
		if ((nv = realloc(s->v, s->cap * sizeof(*nv))) == NULL)
			return -1;
		s->v = nv;
	}
	s->v[s->n++] = n;
	return 0;
}

/* One predicate: [@a='v'], [contains(@a, 'v')] or [N]. */
struct pred {
	enum { P_EQ, P_CONTAINS, P_POS } op;
	char attr[64];
	char value[256];
	long pos;
};

static const char *
skip_blanks(const char *p)
{
	while (*p == ' ')
		p++;
	return p;
}

/* Reads 'v' or "v" into out; returns what follows, or NULL. */
static const char *
parse_quoted(const char *p, char *out, size_t size)
{
	char q = *p;
	const char *end;

	if (q != '\'' && q != '"')
		return NULL;
	if ((end = strchr(p + 1, q)) == NULL ||
	    (size_t)(end - p - 1) >= size)
		return NULL;
	memcpy(out, p + 1, (size_t)(end - p - 1));
	out[end - p - 1] = '\0';
	return end + 1;
}

static const char *
parse_attr_name(const char *p, char *out, size_t size)
{
	size_t n = 0;

	if (*p++ != '@')
		return NULL;
	while (isalnum((unsigned char)p[n]) || p[n] == '_' || p[n] == '-')
		n++;
	if (n == 0 || n >= size)
		return NULL;
	memcpy(out, p, n);
	out[n] = '\0';
	return p + n;
}

/* Parses the predicate after '['; returns what follows its ']'. */
static const char *
parse_pred(const char *p, struct pred *pr)
{
	char *end;

	p = skip_blanks(p);
	if (isdigit((unsigned char)*p)) {
		pr->op = P_POS;
		pr->pos = strtol(p, &end, 10);
		p = end;
	} else if (strncmp(p, "contains(", 9) == 0) {
		pr->op = P_CONTAINS;
		if ((p = parse_attr_name(skip_blanks(p + 9), pr->attr,
		                         sizeof(pr->attr))) == NULL)
			return NULL;
		p = skip_blanks(p);
		if (*p++ != ',' ||
		    (p = parse_quoted(skip_blanks(p), pr->value,
		                      sizeof(pr->value))) == NULL)
			return NULL;
		if (*(p = skip_blanks(p)) != ')')
			return NULL;
		p++;
	} else {
		pr->op = P_EQ;
		if ((p = parse_attr_name(p, pr->attr, sizeof(pr->attr))) ==
		        NULL ||
		    *(p = skip_blanks(p)) != '=' ||
		    (p = parse_quoted(skip_blanks(p + 1), pr->value,
		                      sizeof(pr->value))) == NULL)
			return NULL;
	}
	p = skip_blanks(p);
	return *p == ']' ? p + 1 : NULL;
}

static int
pred_holds(const struct pred *pr, const xmlNode *n, long position)
{
	xmlChar *v;
	int ok;

	if (pr->op == P_POS)
		return position == pr->pos;
	if (n->type != XML_ELEMENT_NODE ||
	    (v = xmlGetProp(n, (const xmlChar *)pr->attr)) == NULL)
		return 0;
	ok = pr->op == P_EQ ? strcmp((const char *)v, pr->value) == 0
	                    : strstr((const char *)v, pr->value) != NULL;
	xmlFree(v);
	return ok;
}

/* One location step: a name, node() or text(), then predicates. */
#define MAX_PREDS 4
struct step {
	char name[64]; /* "" for node() and text() */
	int text_only;
	struct pred preds[MAX_PREDS];
	int npreds;
};

static const char *
parse_step(const char *p, struct step *st)
{
	size_t n = 0;

	memset(st, 0, sizeof(*st));
	if (strncmp(p, "node()", 6) == 0)
		p += 6;
	else if (strncmp(p, "text()", 6) == 0) {
		st->text_only = 1;
		p += 6;
	} else {
		while (isalnum((unsigned char)p[n]) || p[n] == '_' ||
		       p[n] == '-')
			n++;
		if (n == 0 || n >= sizeof(st->name))
			return NULL;
		memcpy(st->name, p, n);
		p += n;
	}
	while (*p == '[') {
		if (st->npreds == MAX_PREDS ||
		    (p = parse_pred(p + 1, &st->preds[st->npreds++])) == NULL)
			return NULL;
	}
	return p;
}

static int
step_matches(const struct step *st, const xmlNode *n)
{
	if (st->text_only)
		return n->type == XML_TEXT_NODE ||
		       n->type == XML_CDATA_SECTION_NODE;
	if (st->name[0] == '\0')
		return n->type != XML_DTD_NODE;
	return is_el(n, st->name);
}

/*
 * The children of one context node the step selects, predicates applied in
 * turn to the survivors of the previous one (XPath's proximity positions).
 * A NULL context stands for the document node.
 */
static int
apply_step(struct ast *r, const struct step *st, const xmlNode *ctx,
           struct nodeset *out)
{
	struct nodeset cand = {0}, next = {0}, tmp;
	const xmlNode *c = ctx != NULL ? ctx->children : r->root->doc->children;
	size_t i;
	int k, rc = 0;

	for (; c != NULL && rc == 0; c = c->next, r->work++)
		if (step_matches(st, c))
			rc = set_add(&cand, c);
	for (k = 0; k < st->npreds && rc == 0; k++) {
		for (i = 0; i < cand.n && rc == 0; i++)
			if (pred_holds(&st->preds[k], cand.v[i], (long)i + 1))
				rc = set_add(&next, cand.v[i]);
		tmp = cand, cand = next, next = tmp;
		next.n = 0;
	}
	for (i = 0; i < cand.n && rc == 0; i++)
		rc = set_add(out, cand.v[i]);
	free(cand.v);
	free(next.v);
	return rc;
}

/*
 * Evaluates "xpointer(/a[@n='x']/b/node())" from the document node: an
 * absolute (or root-relative) path of child steps.  Returns -1 out of
 * memory, -2 for a form this reader does not know.
 */
static int
xpointer_eval(struct ast *r, const char *xp, struct nodeset *out)
{
	struct nodeset cur = {0}, next = {0}, t;
	struct step st;
	const char *p;
	size_t i;
	int rc = 0, first = 1;

	if (strncmp(xp, "xpointer(", 9) != 0)
		return -2;
	p = xp + 9;
	if (*p == '/')
		p++;
	while (rc == 0 && *p != ')') {
		if ((p = parse_step(p, &st)) == NULL ||
		    (*p != '/' && *p != ')')) {
			rc = -2;
			break;
		}
		if (*p == '/')
			p++;
		next.n = 0;
		if (first)
			rc = apply_step(r, &st, NULL, &next);
		for (i = 0; i < cur.n && rc == 0; i++)
			rc = apply_step(r, &st, cur.v[i], &next);
		first = 0;
		t = cur, cur = next, next = t;
	}
	if (rc == 0 && (first || strcmp(p, ")") != 0))
		rc = -2;
	for (i = 0; i < cur.n && rc == 0; i++)
		rc = set_add(out, cur.v[i]);
	free(cur.v);
	free(next.v);
	return rc;
}

/* Reports a problem with include n once, however often it is walked. */
static void
warn_include(struct ast *r, const xmlNode *n, const char *what,
             const char *arg)
{
	size_t i;

	for (i = 0; i < r->nwarned; i++)
		if (r->warned[i] == n)
			return;
	r->warned = push(r, r->warned, r->nwarned, &r->cap_warned,
	                 sizeof(*r->warned));
	if (r->warned == NULL)
		return;
	r->warned[r->nwarned++] = n;
	warn(r, n, "xi:include %s%s", what, arg);
}

/*
 * The nodes include n stands for, in document order.  Only xpointer()
 * paths into this same document are followed; anything else is a warning
 * and stands for nothing, as an include that finds nothing does.
 */
static int
resolve(struct ast *r, const xmlNode *n, struct nodeset *out)
{
	xmlChar *href = xmlGetProp(n, (const xmlChar *)"href");
	xmlChar *xp = xmlGetProp(n, (const xmlChar *)"xpointer");
	int rc = -2;

	if (href != NULL && href[0] != '\0')
		warn_include(r, n, "of another file is not followed: ",
		             (const char *)href);
	else if (xp == NULL)
		warn_include(r, n, "without an xpointer", "");
	else if ((rc = xpointer_eval(r, (const char *)xp, out)) == -2)
		warn_include(r, n, "with an xpointer this reader does not "
		                   "know: ", (const char *)xp);
	else if (rc == 0 && out->n == 0)
		warn_include(r, n, "finds nothing in this file: ",
		             (const char *)xp);
	if (rc == -1)
		r->nomem = 1;
	xmlFree(href);
	xmlFree(xp);
	return rc;
}

/*
 * Counts cost against the includes' budget when inside one; returns -1
 * (the first time with a warning) once the budget is spent.
 */
static int
spend(struct ast *r, unsigned long cost)
{
	if (r->depth == 0 && r->work <= MAX_INCLUDE_WORK)
		return 0;
	if (r->over)
		return -1;
	if ((r->work += cost) <= MAX_INCLUDE_WORK)
		return 0;
	r->over = 1;
	warn(r, r->inc, "xi:include: no include is followed any further: "
	                "those of this file cost more than %lu nodes and "
	                "bytes",
	     MAX_INCLUDE_WORK);
	return -1;
}

/* Calls fn on n, or on every node include n stands for, recursively. */
static void
expand(struct ast *r, const xmlNode *n, node_fn fn, void *arg)
{
	const xmlNode *outer = r->inc;
	struct nodeset s = {0};
	size_t i;

	if (!is_include(n)) {
		if (spend(r, 1) == 0)
			fn(r, n, arg);
		return;
	}
	if (r->depth >= MAX_INCLUDE_DEPTH) {
		warn_include(r, n, "nested too deep (a loop?)", "");
		return;
	}
	r->inc = n;
	if (spend(r, 0) == 0 && resolve(r, n, &s) == 0) {
		r->depth++;
		for (i = 0; i < s.n && !r->nomem && !r->over; i++)
			expand(r, s.v[i], fn, arg);
		r->depth--;
	}
	r->inc = outer;
	free(s.v);
}

/* Calls fn on each child of parent, includes replaced by what they find. */
static void
each_child(struct ast *r, const xmlNode *parent, node_fn fn, void *arg)
{
	const xmlNode *c;

	for (c = parent->children; c != NULL && !r->nomem; c = c->next)
		expand(r, c, fn, arg);
}

/* ---- prose: Asterisk's docbook-like markup -> CommonMark --------------- */

struct buf {
	char *s;
	size_t n, cap;
	int nomem;
};

static void
buf_add(struct buf *o, const char *s, size_t len)
{
	char *ns;
	size_t cap;

	if (o->nomem)
		return;
	if (o->n + len + 1 > o->cap) {
		for (cap = o->cap ? o->cap : 256; cap < o->n + len + 1;)
			cap *= 2;
		if ((ns = realloc(o->s, cap)) == NULL) {
			o->nomem = 1;
			return;
		}
		o->s = ns;
		o->cap = cap;
	}
	memcpy(o->s + o->n, s, len);
	o->n += len;
	o->s[o->n] = '\0';
}

static void
buf_str(struct buf *o, const char *s)
{
	buf_add(o, s, strlen(s));
}

/* The buffer, dedented, as an arena string; NULL when empty. */
static const char *
buf_keep(struct ast *r, struct buf *o)
{
	char *s = NULL;

	if (o->nomem)
		r->nomem = 1;
	else if (o->n > 0 &&
	         (s = amid_prose_dedent(r->a, o->s, o->n)) == NULL)
		r->nomem = 1;
	free(o->s);
	memset(o, 0, sizeof(*o));
	return s != NULL && *s != '\0' ? s : NULL;
}

static int
is_word_char(int c)
{
	return isalnum(c) || c >= 0x80;
}

/*
 * Text as CommonMark inline text, blanks collapsed to one space: the
 * characters that could start markup get a backslash ('_' only where it
 * could start or end emphasis, '&' only where it could start an entity).
 */
static void
md_text(struct buf *o, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	int prev = o->n > 0 ? (unsigned char)o->s[o->n - 1] : ' ';

	for (; *p != '\0'; prev = *p++) {
		if (isspace(*p)) {
			if (prev != ' ' && !isspace(prev))
				buf_add(o, " ", 1);
			continue;
		}
		if (strchr("\\`*[]<>", *p) != NULL ||
		    (*p == '_' &&
		     (!is_word_char(prev) || !is_word_char(p[1]))) ||
		    (*p == '&' && (isalnum(p[1]) || p[1] == '#')))
			buf_add(o, "\\", 1);
		buf_add(o, (const char *)p, 1);
	}
}

static void
md_code(struct buf *o, const char *s)
{
	size_t run = 0, longest = 0, i;
	struct buf t = {0};
	const char *c;

	/* Collapse blanks first: the fence must fit the final content. */
	for (c = s; *c != '\0'; c++) {
		if (!isspace((unsigned char)*c))
			buf_add(&t, c, 1);
		else if (t.n > 0 && t.s[t.n - 1] != ' ')
			buf_add(&t, " ", 1);
	}
	while (t.n > 0 && t.s[t.n - 1] == ' ')
		t.s[--t.n] = '\0';
	for (i = 0; i < t.n; i++) {
		run = t.s[i] == '`' ? run + 1 : 0;
		if (run > longest)
			longest = run;
	}
	if (t.n > 0 && !t.nomem) {
		for (i = 0; i <= longest; i++)
			buf_add(o, "`", 1);
		if (t.s[0] == '`' || t.s[t.n - 1] == '`')
			buf_add(o, " ", 1);
		buf_add(o, t.s, t.n);
		if (t.s[0] == '`' || t.s[t.n - 1] == '`')
			buf_add(o, " ", 1);
		for (i = 0; i <= longest; i++)
			buf_add(o, "`", 1);
	}
	o->nomem |= t.nomem;
	free(t.s);
}

/* The text of n and its descendants (not following includes). */
static void
text_of(struct ast *r, const xmlNode *n, struct buf *o)
{
	xmlChar *s = xmlNodeGetContent(n);

	if (s == NULL)
		o->nomem = 1;
	else if (spend(r, strlen((const char *)s)) == 0)
		buf_str(o, (const char *)s);
	xmlFree(s);
}

/* A text node as inline text. */
static void
text_node(struct ast *r, const xmlNode *n, struct buf *o)
{
	const char *s = (const char *)n->content;

	if (s != NULL && spend(r, strlen(s)) == 0)
		md_text(o, s);
}

static void inline_node(struct ast *, const xmlNode *, void *);

static void
inline_children(struct ast *r, const xmlNode *n, struct buf *o)
{
	each_child(r, n, inline_node, o);
}

/* One node of a paragraph: text, code, emphasis, or a container. */
static void
inline_node(struct ast *r, const xmlNode *n, void *arg)
{
	static const char *const code[] = {"literal", "filename", "directory",
	                                   "variable", "astcli", "value"};
	struct buf *o = arg, t = {0};
	size_t i;

	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		text_node(r, n, o);
		return;
	}
	if (n->type != XML_ELEMENT_NODE)
		return;
	for (i = 0; i < sizeof(code) / sizeof(code[0]); i++)
		if (is_el(n, code[i])) {
			text_of(r, n, &t);
			md_code(o, t.s != NULL ? t.s : "");
			o->nomem |= t.nomem;
			free(t.s);
			return;
		}
	if (is_el(n, "emphasis") || is_el(n, "replaceable")) {
		inline_children(r, n, &t);
		while (t.n > 0 && t.s[t.n - 1] == ' ')
			t.s[--t.n] = '\0';
		if (t.n > 0 && t.s[0] != ' ') {
			buf_add(o, "*", 1);
			buf_add(o, t.s, t.n);
			buf_add(o, "*", 1);
		} else if (t.n > 0)
			buf_add(o, t.s, t.n);
		o->nomem |= t.nomem;
		free(t.s);
		return;
	}
	inline_children(r, n, o);
}

/* Starts a new block of o: blocks are separated by a blank line. */
static void
block_sep(struct buf *o)
{
	if (o->n > 0)
		buf_str(o, o->s[o->n - 1] == '\n' ? "\n" : "\n\n");
}

/*
 * Appends inline text t to o as a paragraph (or a list item's text after
 * prefix): trimmed, and escaped where it would start a list, a heading
 * or a thematic break (md_text escapes the rest).
 */
static void
add_para(struct buf *o, const char *prefix, struct buf *t)
{
	const char *s = t->s != NULL ? t->s : "";
	size_t len = t->n, d = 0;

	o->nomem |= t->nomem;
	while (len > 0 && s[len - 1] == ' ')
		len--;
	while (len > 0 && *s == ' ')
		s++, len--;
	if (len > 0) {
		if (prefix == NULL)
			block_sep(o);
		else
			buf_str(o, prefix);
		while (d < len && isdigit((unsigned char)s[d]))
			d++;
		if (d > 0 && d < len && (s[d] == '.' || s[d] == ')')) {
			buf_add(o, s, d);
			buf_add(o, "\\", 1);
			buf_add(o, s + d, len - d);
		} else {
			if (d == 0 && strchr("-+=#", *s) != NULL)
				buf_add(o, "\\", 1);
			buf_add(o, s, len);
		}
	}
	free(t->s);
	memset(t, 0, sizeof(*t));
}

struct blocks {
	struct buf *o;
	const char *lead; /* "**Note:** " before the next paragraph */
};

static void block_node(struct ast *, const xmlNode *, void *);

static void
blocks_of(struct ast *r, const xmlNode *n, struct buf *o, const char *lead)
{
	struct blocks bl = {o, lead};

	each_child(r, n, block_node, &bl);
}

/* The text of a list item: its paragraphs, and a variable's values. */
static void
item_part(struct ast *r, const xmlNode *n, void *arg)
{
	struct buf *t = arg;
	xmlChar *name;

	if (t->n > 0 && t->s[t->n - 1] != ' ')
		buf_add(t, " ", 1);
	if (is_el(n, "para"))
		inline_children(r, n, t);
	else if (n->type == XML_TEXT_NODE)
		text_node(r, n, t);
	else if (is_el(n, "value") &&
	         (name = xmlGetProp(n, (const xmlChar *)"name")) != NULL) {
		md_code(t, (const char *)name);
		xmlFree(name);
	}
}

/* A list item per <enum>, <variable> or <option> child. */
static void
list_item(struct ast *r, const xmlNode *n, void *arg)
{
	struct buf *o = arg, t = {0};
	xmlChar *name;

	if (n->type != XML_ELEMENT_NODE)
		return;
	if (o->n > 0 && o->s[o->n - 1] != '\n')
		buf_str(o, "\n");
	buf_str(o, "- ");
	name = xmlGetProp(n, (const xmlChar *)"name");
	md_code(o, name != NULL ? (const char *)name : "");
	xmlFree(name);
	each_child(r, n, item_part, &t);
	add_para(o, ": ", &t);
	buf_str(o, "\n");
}

static void
code_block(struct ast *r, const xmlNode *n, struct buf *o)
{
	struct buf t = {0};
	const char *body;
	size_t run = 0, longest = 2, i;

	text_of(r, n, &t);
	body = t.nomem || t.n == 0 ? NULL : amid_prose_dedent(r->a, t.s, t.n);
	o->nomem |= t.nomem;
	free(t.s);
	if (body == NULL || *body == '\0')
		return;
	for (i = 0; body[i] != '\0'; i++) {
		run = body[i] == '`' ? run + 1 : 0;
		if (run > longest)
			longest = run;
	}
	block_sep(o);
	for (i = 0; i <= longest; i++)
		buf_str(o, "`");
	buf_str(o, "\n");
	buf_str(o, body);
	buf_str(o, "\n");
	for (i = 0; i <= longest; i++)
		buf_str(o, "`");
}

/* One block of a description: a paragraph, a note, a list, an example. */
static void
block_node(struct ast *r, const xmlNode *n, void *arg)
{
	struct blocks *bl = arg;
	struct buf t = {0}, p = {0};

	if (is_el(n, "para") || n->type == XML_TEXT_NODE) {
		if (n->type == XML_TEXT_NODE)
			text_node(r, n, &t);
		else
			inline_children(r, n, &t);
		if (t.n > 0 && bl->lead != NULL) {
			buf_str(&p, bl->lead);
			buf_add(&p, t.s != NULL ? t.s : "", t.n);
			p.nomem |= t.nomem;
			free(t.s);
			t = p;
			bl->lead = NULL;
		}
		add_para(bl->o, NULL, &t);
	} else if (is_el(n, "note") || is_el(n, "warning"))
		blocks_of(r, n, bl->o,
		          is_el(n, "note") ? "**Note:** " : "**Warning:** ");
	else if (is_el(n, "enumlist") || is_el(n, "variablelist") ||
	         is_el(n, "optionlist")) {
		block_sep(bl->o);
		each_child(r, n, list_item, bl->o);
	} else if (is_el(n, "example"))
		code_block(r, n, bl->o);
	else if (is_el(n, "info") || is_el(n, "description"))
		blocks_of(r, n, bl->o, NULL);
}

/* See also: `Name` (kind), ... as the last paragraph. */
static void
ref_node(struct ast *r, const xmlNode *n, void *arg)
{
	static const struct { const char *type, *word; } words[] = {
		{"manager", "action"},
		{"managerEvent", "event"},
	};
	struct buf *o = arg, t = {0};
	xmlChar *type;
	size_t i;

	if (!is_el(n, "ref"))
		return;
	text_of(r, n, &t);
	if (t.n == 0) {
		free(t.s);
		return;
	}
	buf_str(o, o->n > 0 ? ", " : "See also: ");
	md_code(o, t.s);
	o->nomem |= t.nomem;
	free(t.s);
	if ((type = xmlGetProp(n, (const xmlChar *)"type")) == NULL)
		return;
	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strcmp((const char *)type, words[i].type) == 0)
			break;
	buf_str(o, " (");
	md_text(o, i < sizeof(words) / sizeof(words[0]) ? words[i].word
	                                                 : (const char *)type);
	buf_str(o, ")");
	xmlFree(type);
}

/* ---- versions and classes --------------------------------------------- */

/*
 * "12.0.0" -> "12", "1.6.1.0" -> "1.6.1": the dictionary's spelling, so
 * that the same version is the same string (merges compare strings).
 */
static const char *
version_of(struct ast *r, const xmlNode *n)
{
	xmlChar *s = xmlNodeGetContent(n);
	const char *p, *e, *out = NULL;

	if (s == NULL) {
		r->nomem = 1;
		return NULL;
	}
	for (p = (const char *)s; isspace((unsigned char)*p);)
		p++;
	for (e = p + strlen(p); e > p && isspace((unsigned char)e[-1]);)
		e--;
	while (e - p > 2 && e[-1] == '0' && e[-2] == '.')
		e -= 2;
	if ((out = keep(r, p, (size_t)(e - p))) != NULL &&
	    !amid_version_valid(out)) {
		warn(r, n, "<version> '%s' is not a version; ignored", out);
		out = NULL;
	}
	xmlFree(s);
	return out;
}

/* <since>: the oldest of its versions (one per branch it came to). */
static void
since_node(struct ast *r, const xmlNode *n, void *arg)
{
	const char **since = arg, *v;

	if (!is_el(n, "version") || (v = version_of(r, n)) == NULL)
		return;
	if (*since == NULL || amid_version_cmp(v, *since) < 0)
		*since = v;
}

/*
 * EVENT_FLAG_CALL -> "call": the names manager.c gives its privilege
 * classes (manager.conf read= and write=).  Another name is not a class
 * Asterisk knows.
 */
static const char *
class_of(struct ast *r, const xmlNode *n)
{
	static const char *const known[] = {
		"system", "call",     "log",     "verbose",   "command",
		"agent",  "user",     "config",  "dtmf",      "reporting",
		"cdr",    "dialplan", "originate", "agi",     "cc",
		"aoc",    "test",     "security", "message",
	};
	const char *flag = attr(r, n, "class");
	char name[32];
	size_t i;

	if (flag == NULL) {
		warn(r, n, "<managerEventInstance> without a class");
		return NULL;
	}
	if (strncmp(flag, "EVENT_FLAG_", 11) == 0 &&
	    strlen(flag + 11) < sizeof(name)) {
		for (i = 0; flag[11 + i] != '\0'; i++)
			name[i] = (char)tolower((unsigned char)flag[11 + i]);
		name[i] = '\0';
		for (i = 0; i < sizeof(known) / sizeof(known[0]); i++)
			if (strcmp(name, known[i]) == 0)
				return known[i];
	}
	warn(r, n, "class '%s' is not a privilege class of Asterisk; left "
	           "unset", flag);
	return NULL;
}

/* ---- messages and their parameters ------------------------------------ */

/* The message of that kind and name, added when new. */
static struct ast_msg *
msg_get(struct ast *r, enum amid_kind kind, const char *name,
        const xmlNode *n)
{
	struct ast_msg *m;
	size_t i;

	for (i = 0; i < r->nmsgs; i++) {
		m = r->msgs[i];
		if (m->kind != kind ||
		    (kind == AMID_ACTION ? strcasecmp(m->name, name)
		                         : strcmp(m->name, name)) != 0)
			continue;
		if (strcmp(m->name, name) != 0)
			warn(r, n, "action '%s' is also spelled '%s'; merged",
			     name, m->name);
		return m;
	}
	r->msgs = push(r, r->msgs, r->nmsgs, &r->cap_msgs, sizeof(*r->msgs));
	if (r->msgs == NULL ||
	    (m = amid_arena_alloc(r->a, sizeof(*m))) == NULL) {
		r->nomem = 1;
		return NULL;
	}
	r->msgs[r->nmsgs++] = m;
	m->kind = kind;
	m->name = name;
	m->loc = loc_of(r, n);
	return m;
}

static const struct ast_msg *
msg_find(const struct ast *r, enum amid_kind kind, const char *name)
{
	size_t i;

	for (i = 0; i < r->nmsgs; i++)
		if (r->msgs[i]->kind == kind &&
		    strcmp(r->msgs[i]->name, name) == 0)
			return r->msgs[i];
	return NULL;
}

/* Adds name to a list of names unless it is there already. */
static const char **
add_name(struct ast *r, const char **v, size_t *n, size_t *cap,
         const char *name)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if (strcmp(v[i], name) == 0)
			return v;
	if ((v = push(r, v, *n, cap, sizeof(*v))) != NULL)
		v[(*n)++] = name;
	return v;
}

/* One <enum> of a parameter's <enumlist>: a value. */
static void
enum_node(struct ast *r, const xmlNode *n, void *arg)
{
	struct ast_param *p = arg;
	struct amid_value v = {0};
	struct buf d = {0};
	size_t i;

	if (is_el(n, "configOptionToEnum")) {
		each_child(r, n, enum_node, arg);
		return;
	}
	if (!is_el(n, "enum") && !is_el(n, "configOption"))
		return;
	p->is_enum = true;
	if ((v.name = attr(r, n, "name")) == NULL || *v.name == '\0') {
		warn(r, n, "<enum> without a name");
		return;
	}
	for (i = 0; i < p->nvalues; i++)
		if (strcmp(p->values[i].name, v.name) == 0)
			return; /* the same value documented again */
	blocks_of(r, n, &d, NULL);
	v.description = buf_keep(r, &d);
	v.loc = loc_of(r, n);
	p->values = push(r, p->values, p->nvalues, &p->cap_values,
	                 sizeof(*p->values));
	if (p->values != NULL)
		p->values[p->nvalues++] = v;
}

/* A <parameter> while it is read: the parameter, and its description. */
struct param_ctx {
	struct ast_param p;
	struct buf d;
};

/* The parts of a <parameter>: its values and its description. */
static void
param_part(struct ast *r, const xmlNode *n, void *arg)
{
	struct param_ctx *c = arg;
	struct blocks bl = {&c->d, NULL};

	if (is_el(n, "enumlist"))
		each_child(r, n, enum_node, &c->p);
	else if (!is_el(n, "parameter") && !is_el(n, "argument"))
		block_node(r, n, &bl);
}

/*
 * Adds p to m.  A parameter documented again (the same action documented
 * by several modules, an event by several instances) adds what it says
 * and nothing else: the first description and required stay.
 */
static void
add_param(struct ast *r, struct ast_msg *m, const struct ast_param *p)
{
	struct ast_param *old = NULL;
	size_t i, j;

	for (i = 0; i < m->nparams && old == NULL; i++)
		if (strcasecmp(m->params[i].name, p->name) == 0)
			old = &m->params[i];
	if (old == NULL) {
		m->params = push(r, m->params, m->nparams, &m->cap_params,
		                 sizeof(*m->params));
		if (m->params != NULL)
			m->params[m->nparams++] = *p;
		return;
	}
	if (!old->has_required && p->has_required) {
		old->required = p->required;
		old->has_required = true;
	}
	if (old->description == NULL)
		old->description = p->description;
	old->is_enum = old->is_enum || p->is_enum;
	for (i = 0; i < p->nvalues && !r->nomem; i++) {
		for (j = 0; j < old->nvalues; j++)
			if (strcmp(old->values[j].name, p->values[i].name) == 0)
				break;
		if (j < old->nvalues)
			continue;
		old->values = push(r, old->values, old->nvalues,
		                   &old->cap_values, sizeof(*old->values));
		if (old->values != NULL)
			old->values[old->nvalues++] = p->values[i];
	}
}

/* required="true|yes|false|no"; absent or another word states nothing. */
static void
read_required(struct ast *r, const struct ast_msg *m, const xmlNode *n,
              struct ast_param *p)
{
	const char *s = attr(r, n, "required");

	if (s == NULL)
		return;
	if (strcmp(s, "true") == 0 || strcmp(s, "yes") == 0)
		p->required = p->has_required = true;
	else if (strcmp(s, "false") == 0 || strcmp(s, "no") == 0)
		p->has_required = true;
	else
		warn(r, n, "%s '%s': parameter '%s': required=\"%s\" is not a "
		           "boolean; left unset",
		     amid_kind_name(m->kind), m->name, p->name, s);
}

/*
 * Yes/No, true/false, on/off, 0/1: a boolean written as an enumeration.
 * Asterisk often reads any of its boolean words there, so the import
 * states no type and names the values in the description instead.
 */
static int
is_boolean(const struct ast_param *p)
{
	static const char *const words[] = {"yes", "no", "true", "false",
	                                    "on",  "off", "0",   "1"};
	size_t i, k;

	for (i = 0; i < p->nvalues; i++) {
		for (k = 0; k < sizeof(words) / sizeof(words[0]); k++)
			if (strcasecmp(p->values[i].name, words[k]) == 0)
				break;
		if (k == sizeof(words) / sizeof(words[0]))
			return 0;
	}
	return p->nvalues > 0;
}

/* "Values: `Yes`, `No`.", or a list when the values are described. */
static void
boolean_values(struct param_ctx *c)
{
	const struct amid_value *v = c->p.values;
	size_t i, described = 0;

	for (i = 0; i < c->p.nvalues; i++)
		described += v[i].description != NULL;
	block_sep(&c->d);
	buf_str(&c->d, described ? "Values:\n\n" : "Values: ");
	for (i = 0; i < c->p.nvalues; i++) {
		buf_str(&c->d, described ? "- " : i > 0 ? ", " : "");
		md_code(&c->d, v[i].name);
		if (described && v[i].description != NULL) {
			buf_str(&c->d, ": ");
			buf_str(&c->d, v[i].description);
		}
		buf_str(&c->d, described ? "\n" : "");
	}
	buf_str(&c->d, described ? "" : ".");
	c->p.nvalues = 0;
	c->p.values = NULL;
}

static void
read_param(struct ast *r, struct ast_msg *m, const xmlNode *n)
{
	struct param_ctx c;

	memset(&c, 0, sizeof(c));
	c.p.name = attr(r, n, "name");
	c.p.loc = loc_of(r, n);
	if (c.p.name == NULL || *c.p.name == '\0') {
		warn(r, n, "%s '%s': a <parameter> without a name; skipped",
		     amid_kind_name(m->kind), m->name);
		return;
	}
	if (!is_wire_name(c.p.name)) {
		warn(r, n, "%s '%s': parameter '%s' is not a header name "
		           "amidict can hold; skipped",
		     amid_kind_name(m->kind), m->name, c.p.name);
		return;
	}
	read_required(r, m, n, &c.p);
	each_child(r, n, param_part, &c);
	if (is_boolean(&c.p))
		boolean_values(&c);
	c.p.description = buf_keep(r, &c.d);
	if (c.p.nvalues == 0)
		c.p.is_enum = false; /* an empty <enumlist> says nothing */
	add_param(r, m, &c.p);
}

/*
 * <channel_snapshot/> and <bridge_snapshot/> stand for the headers of a
 * snapshot, prefixed; Asterisk expands them with its appdocsxml.xslt at
 * load time, and these are the names it gives them.
 */
static const char *const channel_state_desc[] = {
	"Down", "Rsrvd", "OffHook", "Dialing", "Ring", "Ringing", "Up", "Busy",
	"Dialing Offhook", "Pre-ring", "Unknown", NULL,
};
static const char *const video_source_mode[] = {"none", "talker", "single",
                                                NULL};
static const struct snapshot_field {
	const char *name;
	const char *const *values;
} channel_fields[] = {
	{"Channel", NULL}, {"ChannelState", NULL},
	{"ChannelStateDesc", channel_state_desc}, {"CallerIDNum", NULL},
	{"CallerIDName", NULL}, {"ConnectedLineNum", NULL},
	{"ConnectedLineName", NULL}, {"Language", NULL}, {"AccountCode", NULL},
	{"Context", NULL}, {"Exten", NULL}, {"Priority", NULL},
	{"Uniqueid", NULL}, {"Linkedid", NULL}, {NULL, NULL},
}, bridge_fields[] = {
	{"BridgeUniqueid", NULL}, {"BridgeType", NULL},
	{"BridgeTechnology", NULL}, {"BridgeCreator", NULL},
	{"BridgeName", NULL}, {"BridgeNumChannels", NULL},
	{"BridgeVideoSourceMode", video_source_mode},
	{"BridgeVideoSource", NULL}, {NULL, NULL},
};

static void
snapshot_values(struct ast *r, struct ast_param *p,
                const char *const *values, const xmlNode *n)
{
	size_t i;

	for (i = 0; values != NULL && values[i] != NULL && !r->nomem; i++) {
		p->values = push(r, p->values, p->nvalues, &p->cap_values,
		                 sizeof(*p->values));
		if (p->values == NULL)
			return;
		memset(&p->values[p->nvalues], 0, sizeof(*p->values));
		p->values[p->nvalues].name = values[i];
		p->values[p->nvalues++].loc = loc_of(r, n);
		p->is_enum = true;
	}
}

static void
read_snapshot(struct ast *r, struct ast_msg *m, const xmlNode *n)
{
	const struct snapshot_field *f =
	    is_el(n, "channel_snapshot") ? channel_fields : bridge_fields;
	const char *prefix = attr(r, n, "prefix");
	char name[128];
	struct ast_param p;

	for (; f->name != NULL && !r->nomem; f++) {
		memset(&p, 0, sizeof(p));
		snprintf(name, sizeof(name), "%s%s", prefix ? prefix : "",
		         f->name);
		if (!is_wire_name(name)) {
			warn(r, n, "snapshot prefix '%s' makes no header name; "
			           "skipped", prefix);
			return;
		}
		p.name = keep(r, name, strlen(name));
		p.loc = loc_of(r, n);
		snapshot_values(r, &p, f->values, n);
		if (p.name != NULL)
			add_param(r, m, &p);
	}
}

static void
syntax_node(struct ast *r, const xmlNode *n, void *arg)
{
	if (is_el(n, "parameter"))
		read_param(r, arg, n);
	else if (is_el(n, "channel_snapshot") || is_el(n, "bridge_snapshot"))
		read_snapshot(r, arg, n);
}

/* ---- <manager> and <managerEvent> -------------------------------------- */

static void read_event(struct ast *, const xmlNode *);

/* The events of one <responses>: the list items, and what follows them. */
struct responses {
	struct ast_msg *m;
	int in_list;
	const char **items, **after;
	size_t nitems, cap_items, nafter, cap_after;
};

static void
response_node(struct ast *r, const xmlNode *n, void *arg)
{
	struct responses *rs = arg;
	const char *name;

	if (is_el(n, "list-elements")) {
		rs->in_list = 1;
		each_child(r, n, response_node, rs);
		rs->in_list = 0;
		return;
	}
	if (!is_el(n, "managerEvent") || (name = attr(r, n, "name")) == NULL ||
	    !is_wire_name(name))
		return; /* read_event says why, where it is defined */
	/* Documented right here, not included from the top level. */
	if (n->parent != r->root)
		read_event(r, n);
	if (rs->in_list)
		rs->items = add_name(r, rs->items, &rs->nitems, &rs->cap_items,
		                     name);
	else
		rs->after = add_name(r, rs->after, &rs->nafter, &rs->cap_after,
		                     name);
}

/*
 * <responses>: list items and the event completing the list make the
 * action a list action; an event with no list before it is one the action
 * emits.
 */
static void
read_responses(struct ast *r, struct ast_msg *m, const xmlNode *n)
{
	struct responses rs = {0};
	size_t i = 0;

	rs.m = m;
	each_child(r, n, response_node, &rs);
	if (rs.nitems > 0 && rs.nafter > 0) {
		for (i = 0; i < rs.nitems; i++)
			m->items = add_name(r, m->items, &m->nitems,
			                    &m->cap_items, rs.items[i]);
		if (m->complete == NULL) {
			m->complete = rs.after[0];
			m->list_loc = loc_of(r, n);
		}
		i = 1;
	} else {
		for (i = 0; i < rs.nitems; i++)
			m->emits = add_name(r, m->emits, &m->nemits,
			                    &m->cap_emits, rs.items[i]);
		i = 0;
	}
	for (; i < rs.nafter; i++)
		m->emits = add_name(r, m->emits, &m->nemits, &m->cap_emits,
		                    rs.after[i]);
}

/* The prose of one documentation: synopsis, description, see-also. */
struct doc {
	struct ast_msg *m;
	const char *since;
	struct buf synopsis, body, see;
};

static void
doc_node(struct ast *r, const xmlNode *n, void *arg)
{
	struct doc *d = arg;
	struct buf t = {0};

	if (is_el(n, "since"))
		each_child(r, n, since_node, &d->since);
	else if (is_el(n, "synopsis")) {
		inline_children(r, n, &t);
		add_para(&d->synopsis, NULL, &t);
	} else if (is_el(n, "syntax"))
		each_child(r, n, syntax_node, d->m);
	else if (is_el(n, "description"))
		blocks_of(r, n, &d->body, NULL);
	else if (is_el(n, "see-also"))
		each_child(r, n, ref_node, &d->see);
	else if (is_el(n, "responses") && d->m->kind == AMID_ACTION)
		read_responses(r, d->m, n);
}

/* Reads one documentation of m: the first one's prose is kept. */
static void
read_doc(struct ast *r, struct ast_msg *m, const xmlNode *n)
{
	struct doc d;

	memset(&d, 0, sizeof(d));
	d.m = m;
	each_child(r, n, doc_node, &d);
	if (d.since != NULL &&
	    (m->since == NULL || amid_version_cmp(d.since, m->since) < 0))
		m->since = d.since;
	if (d.body.n > 0) {
		block_sep(&d.synopsis);
		buf_add(&d.synopsis, d.body.s, d.body.n);
	}
	if (d.see.n > 0) {
		block_sep(&d.synopsis);
		buf_add(&d.synopsis, d.see.s, d.see.n);
		buf_str(&d.synopsis, ".");
	}
	d.synopsis.nomem |= d.body.nomem | d.see.nomem;
	free(d.body.s);
	free(d.see.s);
	if (m->description == NULL)
		m->description = buf_keep(r, &d.synopsis);
	else
		free(d.synopsis.s);
}

/* The name of a <manager> or <managerEvent>; NULL (reported) if unusable. */
static const char *
msg_name(struct ast *r, const xmlNode *n)
{
	const char *name = attr(r, n, "name");

	if (name == NULL || *name == '\0') {
		amid_report(r->b->errs, AMID_ERROR, r->file,
		            (unsigned long)xmlGetLineNo(n),
		            "<%s> without a name", (const char *)n->name);
		return NULL;
	}
	if (!is_wire_name(name)) {
		warn(r, n, "<%s> '%s': not a name amidict can hold; skipped",
		     (const char *)n->name, name);
		return NULL;
	}
	return name;
}

static void
read_manager(struct ast *r, const xmlNode *n)
{
	const char *name = msg_name(r, n);
	struct ast_msg *m;

	if (name != NULL && (m = msg_get(r, AMID_ACTION, name, n)) != NULL)
		read_doc(r, m, n);
}

static void
instance_node(struct ast *r, const xmlNode *n, void *arg)
{
	struct ast_msg *m = arg;
	const char *c;

	if (!is_el(n, "managerEventInstance"))
		return;
	if ((c = class_of(r, n)) != NULL)
		m->classes = add_name(r, m->classes, &m->nclasses,
		                      &m->cap_classes, c);
	read_doc(r, m, n);
}

static void
read_event(struct ast *r, const xmlNode *n)
{
	const char *name = msg_name(r, n);
	struct ast_msg *m;

	if (name != NULL && (m = msg_get(r, AMID_EVENT, name, n)) != NULL)
		each_child(r, n, instance_node, m);
}

static void
read_docs(struct ast *r)
{
	const xmlNode *n;

	for (n = r->root->children; n != NULL && !r->nomem; n = n->next) {
		if (is_el(n, "manager"))
			read_manager(r, n);
		else if (is_el(n, "managerEvent"))
			read_event(r, n);
	}
}

/* ---- headers: one per parameter name, a meaning per set of values ------- */

/* One use of a header: a parameter of a message. */
struct ref {
	const struct ast_msg *m;
	struct ast_param *p;
};

static int
cmp_ref(const void *a, const void *b)
{
	const struct ref *x = a, *y = b;
	int c;

	if ((c = strcasecmp(x->p->name, y->p->name)) != 0)
		return c;
	if (x->m->kind != y->m->kind)
		return x->m->kind < y->m->kind ? -1 : 1;
	return strcmp(x->m->name, y->m->name);
}

static int
same_values(const struct ast_param *a, const struct ast_param *b)
{
	size_t i, j;

	if (a->is_enum != b->is_enum || a->nvalues != b->nvalues)
		return 0;
	for (i = 0; i < a->nvalues; i++) {
		for (j = 0; j < b->nvalues; j++)
			if (strcmp(a->values[i].name, b->values[j].name) == 0)
				break;
		if (j == b->nvalues)
			return 0;
	}
	return 1;
}

/*
 * The spelling most uses have (the first in strcmp order on a tie) names
 * the header; the others are reported and respelled, since a header has
 * one canonical spelling.
 */
static void
canonical_spelling(struct ast *r, struct ref *v, size_t n)
{
	const char *best = v[0].p->name, *name;
	size_t i, j, count, best_count = 0;

	for (i = 0; i < n; i++) {
		for (count = 0, j = 0; j < n; j++)
			count += strcmp(v[j].p->name, v[i].p->name) == 0;
		if (count > best_count ||
		    (count == best_count && strcmp(v[i].p->name, best) < 0)) {
			best = v[i].p->name;
			best_count = count;
		}
	}
	for (i = 0; i < n; i++) {
		if (strcmp((name = v[i].p->name), best) == 0)
			continue;
		for (j = 0; j < i; j++)
			if (strcmp(v[j].p->name, name) == 0)
				break;
		if (j == i)
			amid_report(r->b->errs, AMID_WARNING, r->file,
			            v[i].p->loc.line,
			            "%s '%s': header '%s' is spelled '%s' by "
			            "most messages; using '%s'",
			            amid_kind_name(v[i].m->kind), v[i].m->name,
			            name, best, best);
	}
	for (i = 0; i < n; i++)
		v[i].p->name = best;
}

static int
key_taken(const struct amid_meaning *v, size_t n, const char *key)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (v[i].key != NULL && strcmp(v[i].key, key) == 0)
			return 1;
	return 0;
}

/*
 * The key of a meaning: its first user's name in lower case, then
 * "-action" or "-event", then a number, until no other meaning has it.
 */
static const char *
meaning_key(struct ast *r, const struct amid_meaning *v, size_t n,
            const struct ast_msg *first)
{
	char key[256];
	size_t i;
	unsigned k;

	for (i = 0; first->name[i] != '\0' && i < sizeof(key) - 32; i++)
		key[i] = (char)tolower((unsigned char)first->name[i]);
	key[i] = '\0';
	if (key_taken(v, n, key))
		snprintf(key + i, sizeof(key) - i, "-%s",
		         amid_kind_name(first->kind));
	for (k = 2; key_taken(v, n, key); k++)
		snprintf(key + i, sizeof(key) - i, "-%s-%u",
		         amid_kind_name(first->kind), k);
	return keep(r, key, strlen(key));
}

/* Appends the meaning of p's values to h. */
static struct amid_meaning *
add_meaning(struct ast *r, struct amid_header *h, size_t *cap,
            const struct ast_param *p)
{
	struct amid_meaning *mn;

	h->meanings = push(r, h->meanings, h->nmeanings, cap,
	                   sizeof(*h->meanings));
	if (h->meanings == NULL)
		return NULL;
	mn = &h->meanings[h->nmeanings++];
	memset(mn, 0, sizeof(*mn));
	mn->type = p->is_enum ? AMID_T_ENUM : AMID_T_STRING;
	mn->values = p->values;
	mn->nvalues = p->nvalues;
	mn->source = AMID_SRC_ASTERISK;
	mn->loc = p->loc;
	return mn;
}

/*
 * The header of the uses v[0..n) (one name): a meaning per distinct set
 * of enumeration values (a plain string being one), keyed only when
 * there are several.  v is sorted, so the keys do not depend on the order
 * of the file.
 */
static void
read_header(struct ast *r, struct ref *v, size_t n)
{
	struct amid_header h = {0};
	struct amid_meaning *mn;
	size_t i, k, nvar = 0, cap = 0, *first, *var;

	first = malloc(n * sizeof(*first));
	var = malloc(n * sizeof(*var));
	if (first == NULL || var == NULL) {
		r->nomem = 1;
		goto out;
	}
	canonical_spelling(r, v, n);
	h.name = v[0].p->name;
	h.loc = v[0].p->loc;
	for (i = 0; i < n; i++) {
		for (k = 0; k < nvar; k++)
			if (same_values(v[i].p, v[first[k]].p))
				break;
		if (k == nvar)
			first[nvar++] = i;
		var[i] = k;
	}
	for (k = 0; k < nvar && !r->nomem; k++) {
		if ((mn = add_meaning(r, &h, &cap, v[first[k]].p)) != NULL &&
		    nvar > 1)
			mn->key = meaning_key(r, h.meanings, k, v[first[k]].m);
	}
	for (i = 0; i < n && !r->nomem; i++)
		v[i].p->key = h.meanings[var[i]].key;
	if (!r->nomem && amid_merge_header(r->b, &h) < 0)
		r->nomem = 1;
out:
	free(first);
	free(var);
}

/* Every parameter of every message, grouped by name into headers. */
static void
read_headers(struct ast *r)
{
	struct ref *v = NULL, *nv;
	size_t n = 0, cap = 0, i, j, k;

	for (i = 0; i < r->nmsgs && !r->nomem; i++)
		for (k = 0; k < r->msgs[i]->nparams; k++) {
			if (n == cap) {
				cap = cap ? cap * 2 : 256;
				nv = realloc(v, cap * sizeof(*v));
				if (nv == NULL) {
					r->nomem = 1;
					break;
				}
				v = nv;
			}
			v[n].m = r->msgs[i];
			v[n++].p = &r->msgs[i]->params[k];
		}
	if (n > 0 && !r->nomem)
		qsort(v, n, sizeof(*v), cmp_ref);
	for (i = 0; i < n && !r->nomem; i = j) {
		for (j = i + 1; j < n; j++)
			if (strcasecmp(v[i].p->name, v[j].p->name) != 0)
				break;
		read_header(r, v + i, j - i);
	}
	free(v);
}

/* ---- entries for dict_merge.c ------------------------------------------ */

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int
has_name(const char *const *v, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(v[i], name) == 0)
			return 1;
	return 0;
}

/* Every class an event names, defined as Asterisk's where first named. */
static void
read_classes(struct ast *r)
{
	const char **v = NULL;
	size_t n = 0, cap = 0, i, k;
	struct amid_class c;

	for (i = 0; i < r->nmsgs && !r->nomem; i++)
		for (k = 0; k < r->msgs[i]->nclasses; k++)
			v = add_name(r, v, &n, &cap, r->msgs[i]->classes[k]);
	if (n > 0)
		qsort(v, n, sizeof(*v), cmp_str);
	for (i = 0; i < n && !r->nomem; i++) {
		memset(&c, 0, sizeof(c));
		c.name = v[i];
		c.source = AMID_SRC_ASTERISK;
		for (k = 0; k < r->nmsgs && c.loc.file == NULL; k++)
			if (has_name(r->msgs[k]->classes, r->msgs[k]->nclasses,
			             v[i]))
				c.loc = r->msgs[k]->loc;
		if (amid_merge_class(r->b, &c) < 0)
			r->nomem = 1;
	}
}

static struct amid_use *
read_uses(struct ast *r, const struct ast_msg *m)
{
	struct amid_use *v;
	size_t i;

	if (m->nparams == 0)
		return NULL;
	if ((v = amid_arena_alloc(r->a, m->nparams * sizeof(*v))) == NULL) {
		r->nomem = 1;
		return NULL;
	}
	for (i = 0; i < m->nparams; i++) {
		const struct ast_param *p = &m->params[i];

		v[i].name = p->name;
		v[i].meaning_key = p->key;
		v[i].key_guessed = p->key != NULL; /* keys are made up here */
		v[i].required = p->required;
		v[i].has_required = p->has_required;
		v[i].group = -1;
		v[i].description = p->description;
		v[i].loc = p->loc;
	}
	return v;
}

/* Names of events this file defines; others are reported and dropped. */
static const char **
known_events(struct ast *r, const struct ast_msg *m, const char **names,
             size_t n, size_t *out)
{
	const char **v = NULL;
	size_t i, cap = 0;

	*out = 0;
	for (i = 0; i < n; i++) {
		if (msg_find(r, AMID_EVENT, names[i]) != NULL)
			v = add_name(r, v, out, &cap, names[i]);
		else
			amid_report(r->b->errs, AMID_WARNING, r->file,
			            m->loc.line,
			            "action '%s': event '%s' of its responses "
			            "is not defined; dropped",
			            m->name, names[i]);
	}
	return v;
}

static void
read_list_and_emits(struct ast *r, const struct ast_msg *am,
                    struct amid_message *msg)
{
	const char **emits;
	size_t i, n;

	msg->list_items = known_events(r, am, (const char **)am->items,
	                               am->nitems, &msg->nlist_items);
	if (am->complete != NULL &&
	    msg_find(r, AMID_EVENT, am->complete) != NULL &&
	    msg->nlist_items > 0) {
		msg->list_complete = am->complete;
		msg->list_loc = am->list_loc;
	} else
		msg->nlist_items = 0;
	emits = known_events(r, am, am->emits, am->nemits, &n);
	if (n > 0 &&
	    (msg->emits = amid_arena_alloc(r->a, n * sizeof(*msg->emits))) ==
	        NULL) {
		r->nomem = 1;
		return;
	}
	for (i = 0; i < n; i++) {
		msg->emits[i].event = emits[i];
		msg->emits[i].loc = am->list_loc.file ? am->list_loc : am->loc;
	}
	msg->nemits = n;
}

static void
read_messages(struct ast *r)
{
	struct amid_message msg;
	size_t i;

	for (i = 0; i < r->nmsgs && !r->nomem; i++) {
		const struct ast_msg *am = r->msgs[i];

		memset(&msg, 0, sizeof(msg));
		msg.kind = am->kind;
		msg.name = am->name;
		msg.classes = am->classes;
		msg.nclasses = am->nclasses;
		msg.ver.since = am->since;
		msg.source = AMID_SRC_ASTERISK;
		msg.description = am->description;
		msg.uses = read_uses(r, am);
		msg.nuses = am->nparams;
		msg.loc = am->loc;
		if (am->kind == AMID_ACTION)
			read_list_and_emits(r, am, &msg);
		if (!r->nomem && amid_merge_message(r->b, &msg) < 0)
			r->nomem = 1;
	}
}

int
amid_read_asterisk(struct amid_build *b, const char *file,
                   struct _xmlNode *root)
{
	struct ast r;

	memset(&r, 0, sizeof(r));
	r.b = b;
	r.a = b->m->arena;
	r.file = file;
	r.root = root;
	read_docs(&r);
	if (!r.nomem)
		read_classes(&r);
	if (!r.nomem)
		read_headers(&r);
	if (!r.nomem)
		read_messages(&r);
	return r.nomem ? -1 : 0;
}
