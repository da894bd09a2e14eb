/*
 * dict_read.c: one dictionary file -> entries handed to dict_merge.c.
 * The only file that includes libxml2.  Untrusted input: no network, no
 * DTD loading, no entity expansion (entity declarations are refused before
 * libxml2 sees the bytes), a size limit, then RELAX NG validation against
 * the embedded schema, then a walk of the validated tree.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sys/stat.h>

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "arena.h"
#include "dict_build.h"
#include "prose.h"
#include "schema.h"

/* Larger than Asterisk's own core-en_US.xml by far. */
#define MAX_FILE_SIZE (64UL * 1024 * 1024)

struct rd {
	struct amid_build *b;
	struct amid_arena *a;
	const char *file; /* interned in the model */
	int nomem;
};

/* ---- errors from libxml2, collected instead of printed ---------------- */

struct xml_errs {
	struct amid_errors *errs;
	const char *file;
	int count;
};

static void
collect_error(void *data, xmlErrorPtr err)
{
	struct xml_errs *x = data;
	char msg[512];
	size_t len, i;

	if (err == NULL || err->level == XML_ERR_WARNING)
		return;
	/* Schema errors repeat for each parent that fails; keep it short. */
	if (++x->count > 20)
		return;
	snprintf(msg, sizeof(msg), "%s", err->message ? err->message : "?");
	len = strlen(msg);
	while (len > 0 && (msg[len - 1] == '\n' || msg[len - 1] == ' '))
		msg[--len] = '\0';
	for (i = 0; i < len; i++)
		if (msg[i] == '\n')
			msg[i] = ' ';
	amid_report(x->errs, AMID_ERROR, x->file, err->line > 0 ? (unsigned long)err->line : 0,
	            "%s", msg);
}

/* libxml2 hands parser errors to the SAX structured handler. */
static void
parser_error(void *ctx, xmlErrorPtr err)
{
	xmlParserCtxtPtr p = ctx;

	collect_error(p->_private, err);
}

/* ---- the embedded schema ----------------------------------------------- */

static xmlDocPtr parse(struct amid_build *, const char *, const char *,
                       size_t);

/*
 * The schema's own XML is parsed like a dictionary, so that even its
 * errors are collected, never printed by libxml2.
 */
int
amid_read_init(struct amid_build *b)
{
	static const char name[] = "dictionary/amidict.rng";
	struct xml_errs x = {b->errs, name, 0};
	xmlRelaxNGParserCtxtPtr pc;
	xmlDocPtr doc;

	xmlInitParser();
	doc = parse(b, name, (const char *)amid_schema_rng_bytes,
	            amid_schema_rng_len);
	if (doc == NULL)
		return -1;
	pc = xmlRelaxNGNewDocParserCtxt(doc);
	xmlFreeDoc(doc); /* the context keeps its own copy */
	if (pc == NULL)
		return -1;
	xmlRelaxNGSetParserStructuredErrors(pc, collect_error, &x);
	b->schema = xmlRelaxNGParse(pc);
	xmlRelaxNGFreeParserCtxt(pc);
	if (b->schema == NULL) {
		amid_report(b->errs, AMID_ERROR, NULL, 0,
		            "the built-in schema does not compile");
		return -1;
	}
	return 0;
}

void
amid_read_fini(struct amid_build *b)
{
	xmlRelaxNGFree(b->schema);
	b->schema = NULL;
}

/* ---- bytes in -------------------------------------------------------- */

static char *
slurp(struct amid_build *b, const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL, *nbuf;
	size_t n = 0, cap = 0, got;
	struct stat st;

	if (f == NULL) {
		amid_report(b->errs, AMID_ERROR, path, 0, "cannot open: %s",
		            strerror(errno));
		return NULL;
	}
	/* Refuse an oversized file before reading it, where we can tell. */
	if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) &&
	    (unsigned long long)st.st_size > MAX_FILE_SIZE) {
		amid_report(b->errs, AMID_ERROR, path, 0,
		            "file larger than %lu bytes", MAX_FILE_SIZE);
		goto fail;
	}
	do {
		if (n == cap) {
			if (cap >= MAX_FILE_SIZE) {
				amid_report(b->errs, AMID_ERROR, path, 0,
				            "file larger than %lu bytes",
				            MAX_FILE_SIZE);
				goto fail;
			}
			cap = cap ? cap * 2 : 65536;
			if ((nbuf = realloc(buf, cap)) == NULL) {
				amid_report(b->errs, AMID_ERROR, path, 0,
				            "out of memory");
				goto fail;
			}
			buf = nbuf;
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
	} while (got > 0);
	if (ferror(f)) {
		amid_report(b->errs, AMID_ERROR, path, 0, "read error: %s",
		            strerror(errno));
		goto fail;
	}
	fclose(f);
	*len = n;
	return buf;
fail:
	fclose(f);
	free(buf);
	return NULL;
}

/*
 * Entities are how XML reads other files and how it explodes in memory; a
 * dictionary never needs one, so any declaration is refused up front.
 */
static int
refuse_entities(struct amid_build *b, const char *path, const char *buf,
                size_t len)
{
	static const char decl[] = "<!ENTITY";
	unsigned long line = 1;
	size_t i;

	/* UTF-16 would hide the declarations from this scan. */
	if (len >= 2 && (((unsigned char)buf[0] == 0xff &&
	                  (unsigned char)buf[1] == 0xfe) ||
	                 ((unsigned char)buf[0] == 0xfe &&
	                  (unsigned char)buf[1] == 0xff) ||
	                 (buf[0] == '<' && buf[1] == '\0') ||
	                 (buf[0] == '\0' && buf[1] == '<'))) {
		amid_report(b->errs, AMID_ERROR, path, 1,
		            "a dictionary must be UTF-8 (this looks like "
		            "UTF-16)");
		return -1;
	}
	for (i = 0; i < len; i++) {
		if (buf[i] == '\n')
			line++;
		else if (buf[i] == '<' && len - i >= sizeof(decl) - 1 &&
		         memcmp(buf + i, decl, sizeof(decl) - 1) == 0) {
			amid_report(b->errs, AMID_ERROR, path, line,
			            "entity declarations are not allowed in a "
			            "dictionary");
			return -1;
		}
	}
	return 0;
}

static xmlDocPtr
parse(struct amid_build *b, const char *path, const char *buf, size_t len)
{
	struct xml_errs x = {b->errs, path, 0};
	xmlParserCtxtPtr p;
	xmlDocPtr doc;

	if (len > INT_MAX)
		return NULL;
	if ((p = xmlNewParserCtxt()) == NULL)
		return NULL;
	p->_private = &x;
	p->sax->serror = parser_error;
	/* UTF-8 only: another encoding could hide entity declarations. */
	doc = xmlCtxtReadMemory(p, buf, (int)len, path, "UTF-8",
	                        XML_PARSE_NONET | XML_PARSE_BIG_LINES |
	                            XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (doc != NULL && !p->wellFormed) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
	if (doc == NULL && x.count == 0)
		amid_report(b->errs, AMID_ERROR, path, 0, "not well-formed XML");
	xmlFreeParserCtxt(p);
	return doc;
}

static int
validate(struct amid_build *b, const char *path, xmlDocPtr doc)
{
	struct xml_errs x = {b->errs, path, 0};
	xmlRelaxNGValidCtxtPtr v;
	int rc;

	if ((v = xmlRelaxNGNewValidCtxt(b->schema)) == NULL)
		return -1;
	xmlRelaxNGSetValidStructuredErrors(v, collect_error, &x);
	rc = xmlRelaxNGValidateDoc(v, doc);
	xmlRelaxNGFreeValidCtxt(v);
	if (rc != 0 && x.count == 0)
		amid_report(b->errs, AMID_ERROR, path, 0,
		            "does not match the dictionary schema");
	return rc == 0 ? 0 : -1;
}

/* ---- the validated tree -> entries ------------------------------------ */

static int
is_el(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE &&
	       strcmp((const char *)n->name, name) == 0;
}

static struct amid_loc
loc_of(const struct rd *r, const xmlNode *n)
{
	struct amid_loc l = {r->file, (unsigned long)xmlGetLineNo(n)};

	return l;
}

static const char *
keep(struct rd *r, xmlChar *s)
{
	char *p = NULL;

	if (s != NULL) {
		if ((p = amid_arena_strdup(r->a, (const char *)s)) == NULL)
			r->nomem = 1;
		xmlFree(s);
	}
	return p;
}

/*
 * An attribute with the blanks around it removed: the schema validates
 * tokens after collapsing blanks, so the reader must see what it saw.
 */
static xmlChar *
prop(const xmlNode *n, const char *name)
{
	xmlChar *s = xmlGetProp(n, (const xmlChar *)name);
	size_t len, start = 0;

	if (s == NULL)
		return NULL;
	len = strlen((const char *)s);
	while (len > 0 && strchr(" \t\r\n", s[len - 1]) != NULL)
		s[--len] = '\0';
	while (start < len && strchr(" \t\r\n", s[start]) != NULL)
		start++;
	memmove(s, s + start, len - start + 1);
	return s;
}

static const char *
attr(struct rd *r, const xmlNode *n, const char *name)
{
	return keep(r, prop(n, name));
}

/* An attribute of type xsd:string, kept exactly (enumeration values). */
static const char *
raw_attr(struct rd *r, const xmlNode *n, const char *name)
{
	return keep(r, xmlGetProp(n, (const xmlChar *)name));
}

static int
attr_yes(const xmlNode *n, const char *name)
{
	xmlChar *s = prop(n, name);
	int yes = s != NULL && strcmp((const char *)s, "yes") == 0;

	xmlFree(s);
	return yes;
}

/* Splits a whitespace-separated list attribute. */
static const char **
attr_list(struct rd *r, const xmlNode *n, const char *name, size_t *count)
{
	const char *s = attr(r, n, name), *p, **v = NULL;
	size_t cap = 0, len;

	*count = 0;
	for (p = s; p != NULL && *p != '\0';) {
		p += strspn(p, " \t\r\n");
		if ((len = strcspn(p, " \t\r\n")) == 0)
			break;
		v = amid_arena_push(r->a, v, *count, &cap, sizeof(*v));
		if (v == NULL || (v[*count] = amid_arena_strndup(r->a, p, len)) == NULL) {
			r->nomem = 1;
			*count = 0;
			return NULL;
		}
		(*count)++;
		p += len;
	}
	return v;
}

static void
read_versions(struct rd *r, const xmlNode *n, struct amid_versions *v)
{
	v->since = attr(r, n, "since");
	v->deprecated = attr(r, n, "deprecated");
	v->removed = attr(r, n, "removed");
	v->renamed_to = attr_list(r, n, "renamed-to", &v->nrenamed_to);
}

static enum amid_source
read_source(const xmlNode *n)
{
	static const struct { const char *name; enum amid_source src; } t[] = {
		{"seed", AMID_SRC_SEED},
		{"asterisk", AMID_SRC_ASTERISK},
		{"wire", AMID_SRC_WIRE},
	};
	xmlChar *s = prop(n, "source");
	enum amid_source src = AMID_SRC_NONE;
	size_t i;

	for (i = 0; s != NULL && i < sizeof(t) / sizeof(t[0]); i++)
		if (strcmp((const char *)s, t[i].name) == 0)
			src = t[i].src;
	xmlFree(s);
	return src;
}

static const char *child_text(struct rd *, const xmlNode *, const char *);

static const char *
read_description(struct rd *r, const xmlNode *parent)
{
	return child_text(r, parent, "description");
}

/* Numeric attributes were checked by the schema (xsd:long and friends). */
static int
attr_ll(const xmlNode *n, const char *name, long long *out)
{
	xmlChar *s = prop(n, name);
	char *end;
	int ok = 0;

	if (s != NULL) {
		errno = 0;
		*out = strtoll((const char *)s, &end, 10);
		ok = errno == 0 && *end == '\0';
	}
	xmlFree(s);
	return ok;
}

static void
read_class(struct rd *r, const xmlNode *n)
{
	struct amid_class c = {0};

	c.name = attr(r, n, "name");
	read_versions(r, n, &c.ver);
	c.source = read_source(n);
	c.description = read_description(r, n);
	c.loc = loc_of(r, n);
	if (!r->nomem && amid_merge_class(r->b, &c) < 0)
		r->nomem = 1;
}

static void
read_value(struct rd *r, const xmlNode *n, struct amid_value *v)
{
	v->name = raw_attr(r, n, "name");
	read_versions(r, n, &v->ver);
	v->description = read_description(r, n);
	v->loc = loc_of(r, n);
}

static void
read_meaning(struct rd *r, const xmlNode *n, struct amid_meaning *mn)
{
	const char *type = attr(r, n, "type"), *cs;
	const xmlNode *c;
	size_t cap = 0;
	long long ll;

	mn->key = attr(r, n, "key");
	if (type == NULL || amid_type_from_name(type, &mn->type) < 0)
		mn->type = AMID_T_STRING; /* the schema allows no other */
	mn->has_type = true;
	mn->has_min = attr_ll(n, "min", &mn->min);
	mn->has_max = attr_ll(n, "max", &mn->max);
	if ((mn->has_max_length = attr_ll(n, "max-length", &ll)))
		mn->max_length = (unsigned long long)ll;
	mn->repeat = attr_yes(n, "repeat");
	mn->has_repeat = xmlHasProp(n, (const xmlChar *)"repeat") != NULL;
	mn->has_case = xmlHasProp(n, (const xmlChar *)"case") != NULL;
	cs = attr(r, n, "case");
	mn->case_insensitive = cs != NULL && strcmp(cs, "insensitive") == 0;
	read_versions(r, n, &mn->ver);
	mn->source = read_source(n);
	mn->description = read_description(r, n);
	mn->loc = loc_of(r, n);
	for (c = n->children; c != NULL && !r->nomem; c = c->next) {
		if (!is_el(c, "value"))
			continue;
		mn->values = amid_arena_push(r->a, mn->values, mn->nvalues,
		                             &cap, sizeof(*mn->values));
		if (mn->values == NULL) {
			r->nomem = 1;
			break;
		}
		memset(&mn->values[mn->nvalues], 0, sizeof(*mn->values));
		read_value(r, c, &mn->values[mn->nvalues++]);
	}
}

static void
read_header(struct rd *r, const xmlNode *n)
{
	struct amid_header h = {0};
	const xmlNode *c;
	size_t cap = 0;

	h.name = attr(r, n, "name");
	h.loc = loc_of(r, n);
	for (c = n->children; c != NULL && !r->nomem; c = c->next) {
		if (!is_el(c, "meaning"))
			continue;
		h.meanings = amid_arena_push(r->a, h.meanings, h.nmeanings,
		                             &cap, sizeof(*h.meanings));
		if (h.meanings == NULL) {
			r->nomem = 1;
			break;
		}
		memset(&h.meanings[h.nmeanings], 0, sizeof(*h.meanings));
		read_meaning(r, c, &h.meanings[h.nmeanings++]);
	}
	if (!r->nomem && amid_merge_header(r->b, &h) < 0)
		r->nomem = 1;
}

/* Growable arrays of one message while it is read. */
struct msg_caps {
	size_t uses, response, groups, choices, emits;
};

static struct amid_use *
push_use(struct rd *r, struct amid_use **v, size_t *n, size_t *cap,
         const xmlNode *el, int group)
{
	struct amid_use *u;

	if ((*v = amid_arena_push(r->a, *v, *n, cap, sizeof(**v))) == NULL) {
		r->nomem = 1;
		return NULL;
	}
	u = &(*v)[(*n)++];
	memset(u, 0, sizeof(*u));
	u->name = attr(r, el, "name");
	u->meaning_key = attr(r, el, "meaning");
	u->required = attr_yes(el, "required");
	u->has_required = xmlHasProp(el, (const xmlChar *)"required") != NULL;
	u->group = group;
	read_versions(r, el, &u->ver);
	u->description = read_description(r, el);
	u->loc = loc_of(r, el);
	return u;
}

static void
read_choice(struct rd *r, const xmlNode *n, struct amid_message *msg,
            struct msg_caps *caps)
{
	struct amid_choice *ch;
	const xmlNode *g, *p;

	msg->choices = amid_arena_push(r->a, msg->choices, msg->nchoices,
	                               &caps->choices, sizeof(*msg->choices));
	if (msg->choices == NULL) {
		r->nomem = 1;
		return;
	}
	ch = &msg->choices[msg->nchoices];
	memset(ch, 0, sizeof(*ch));
	ch->required = attr_yes(n, "required");
	ch->first_group = msg->ngroups;
	ch->loc = loc_of(r, n);
	for (g = n->children; g != NULL && !r->nomem; g = g->next) {
		struct amid_group *gr;

		if (!is_el(g, "group"))
			continue;
		msg->groups = amid_arena_push(r->a, msg->groups, msg->ngroups,
		                              &caps->groups,
		                              sizeof(*msg->groups));
		if (msg->groups == NULL) {
			r->nomem = 1;
			return;
		}
		gr = &msg->groups[msg->ngroups];
		gr->name = attr(r, g, "name");
		gr->choice = msg->nchoices;
		gr->loc = loc_of(r, g);
		for (p = g->children; p != NULL && !r->nomem; p = p->next)
			if (is_el(p, "param"))
				push_use(r, &msg->uses, &msg->nuses, &caps->uses,
				         p, (int)msg->ngroups);
		msg->ngroups++;
		ch->ngroups++;
	}
	msg->nchoices++;
}

static void
read_list(struct rd *r, const xmlNode *n, struct amid_message *msg)
{
	msg->list_items = attr_list(r, n, "items", &msg->nlist_items);
	msg->list_complete = attr(r, n, "complete");
	msg->list_loc = loc_of(r, n);
}

static void
read_emits(struct rd *r, const xmlNode *n, struct amid_message *msg,
           struct msg_caps *caps)
{
	struct amid_emit *e;

	msg->emits = amid_arena_push(r->a, msg->emits, msg->nemits,
	                             &caps->emits, sizeof(*msg->emits));
	if (msg->emits == NULL) {
		r->nomem = 1;
		return;
	}
	e = &msg->emits[msg->nemits++];
	memset(e, 0, sizeof(*e));
	e->event = attr(r, n, "event");
	e->description = read_description(r, n);
	e->loc = loc_of(r, n);
}

static void
read_message_children(struct rd *r, const xmlNode *n,
                      struct amid_message *msg)
{
	struct msg_caps caps = {0};
	const xmlNode *c, *f;

	for (c = n->children; c != NULL && !r->nomem; c = c->next) {
		if (is_el(c, "param") || is_el(c, "field"))
			push_use(r, &msg->uses, &msg->nuses, &caps.uses, c, -1);
		else if (is_el(c, "choice"))
			read_choice(r, c, msg, &caps);
		else if (is_el(c, "response")) {
			msg->has_response = true;
			for (f = c->children; f != NULL && !r->nomem; f = f->next)
				if (is_el(f, "field") &&
				    push_use(r, &msg->response, &msg->nresponse,
				             &caps.response, f, -1) != NULL)
					msg->response[msg->nresponse - 1]
					    .in_response = true;
		} else if (is_el(c, "list"))
			read_list(r, c, msg);
		else if (is_el(c, "emits"))
			read_emits(r, c, msg, &caps);
	}
}

static void
read_message(struct rd *r, const xmlNode *n, enum amid_kind kind)
{
	struct amid_message msg = {0};

	msg.kind = kind;
	msg.name = attr(r, n, "name");
	msg.classes = attr_list(r, n, "class", &msg.nclasses);
	read_versions(r, n, &msg.ver);
	msg.source = read_source(n);
	msg.description = read_description(r, n);
	msg.loc = loc_of(r, n);
	read_message_children(r, n, &msg);
	if (!r->nomem && amid_merge_message(r->b, &msg) < 0)
		r->nomem = 1;
}

static void
read_common(struct rd *r, const xmlNode *n)
{
	static const char *const kinds[AMID_KIND__MAX] = {
		[AMID_ACTION] = "action",
		[AMID_EVENT] = "event",
		[AMID_RESPONSE] = "response",
	};
	struct amid_message msg = {0};
	xmlChar *k = prop(n, "kind");
	size_t i;

	for (i = 0; k != NULL && i < AMID_KIND__MAX; i++)
		if (strcmp((const char *)k, kinds[i]) == 0)
			msg.kind = (enum amid_kind)i;
	xmlFree(k);
	msg.loc = loc_of(r, n);
	read_message_children(r, n, &msg);
	if (!r->nomem && amid_merge_message(r->b, &msg) < 0)
		r->nomem = 1;
}

/* The text of the first child element called name, dedented. */
static const char *
child_text(struct rd *r, const xmlNode *parent, const char *name)
{
	const xmlNode *n;
	xmlChar *text;
	char *d;

	for (n = parent->children; n != NULL; n = n->next)
		if (is_el(n, name))
			break;
	if (n == NULL)
		return NULL;
	if ((text = xmlNodeGetContent(n)) == NULL) {
		r->nomem = 1;
		return NULL;
	}
	d = amid_prose_dedent(r->a, (const char *)text,
	                      strlen((const char *)text));
	xmlFree(text);
	if (d == NULL)
		r->nomem = 1;
	return d;
}

/* Index of s in names[n], or 0 (the schema allows nothing else). */
static int
attr_index(const xmlNode *n, const char *attr_name, const char *const *names,
           int count)
{
	xmlChar *s = prop(n, attr_name);
	int i, found = 0;

	for (i = 0; s != NULL && i < count; i++)
		if (strcmp((const char *)s, names[i]) == 0)
			found = i;
	xmlFree(s);
	return found;
}

static void
read_rule(struct rd *r, const xmlNode *n)
{
	const char *cats[AMID_CAT__MAX], *sevs[AMID_SEV__MAX];
	struct amid_rule rule = {0};
	int i;

	for (i = 0; i < AMID_CAT__MAX; i++)
		cats[i] = amid_category_name((enum amid_rule_category)i);
	for (i = 0; i < AMID_SEV__MAX; i++)
		sevs[i] = amid_severity_name((enum amid_rule_severity)i);
	rule.id = attr(r, n, "id");
	rule.name = attr(r, n, "name");
	rule.category = (enum amid_rule_category)attr_index(
	    n, "category", cats, AMID_CAT__MAX);
	rule.severity = (enum amid_rule_severity)attr_index(
	    n, "severity", sevs, AMID_SEV__MAX);
	rule.summary = child_text(r, n, "summary");
	rule.description = child_text(r, n, "description");
	rule.bad = child_text(r, n, "bad");
	rule.good = child_text(r, n, "good");
	rule.loc = loc_of(r, n);
	if (!r->nomem && amid_merge_rule(r->b, &rule) < 0)
		r->nomem = 1;
}

static void
read_root(struct rd *r, const xmlNode *root)
{
	const xmlNode *n;

	for (n = root->children; n != NULL && !r->nomem; n = n->next) {
		if (is_el(n, "class"))
			read_class(r, n);
		else if (is_el(n, "header"))
			read_header(r, n);
		else if (is_el(n, "action"))
			read_message(r, n, AMID_ACTION);
		else if (is_el(n, "event"))
			read_message(r, n, AMID_EVENT);
		else if (is_el(n, "response"))
			read_message(r, n, AMID_RESPONSE);
		else if (is_el(n, "common"))
			read_common(r, n);
		else if (is_el(n, "rule"))
			read_rule(r, n);
	}
}

/* Files are interned so every loc of the model can point at one copy. */
static const char *
intern_file(struct amid_build *b, const char *path)
{
	struct amid_model *m = b->m;
	char *copy;

	m->files = amid_arena_push(m->arena, m->files, m->nfiles,
	                           &b->cap_files, sizeof(*m->files));
	if (m->files == NULL ||
	    (copy = amid_arena_strdup(m->arena, path)) == NULL)
		return NULL;
	m->files[m->nfiles++] = copy;
	return copy;
}

int
amid_read_file(struct amid_build *b, const char *path)
{
	struct rd r = {b, b->m->arena, NULL, 0};
	xmlDocPtr doc = NULL;
	xmlNodePtr root;
	size_t len = 0;
	char *buf;
	int rc = -1;

	if ((buf = slurp(b, path, &len)) == NULL)
		return -1;
	if (refuse_entities(b, path, buf, len) < 0 ||
	    (doc = parse(b, path, buf, len)) == NULL)
		goto out;
	root = xmlDocGetRootElement(doc);
	if (root == NULL || (!is_el(root, "amidict") && !is_el(root, "docs"))) {
		amid_report(b->errs, AMID_ERROR, path,
		            root ? (unsigned long)xmlGetLineNo(root) : 0,
		            "not an amidict dictionary: the root element is "
		            "<%s>, not <amidict>",
		            root ? (const char *)root->name : "");
		goto out;
	}
	if (!is_el(root, "docs") && validate(b, path, doc) < 0)
		goto out;
	amid_merge_new_file(b);
	if ((r.file = intern_file(b, path)) == NULL) {
		amid_report(b->errs, AMID_ERROR, path, 0, "out of memory");
		goto out;
	}
	if (is_el(root, "docs")) /* Asterisk's core-en_US.xml, no schema */
		r.nomem = amid_read_asterisk(b, r.file, root) < 0;
	else
		read_root(&r, root);
	if (r.nomem)
		amid_report(b->errs, AMID_ERROR, path, 0, "out of memory");
	else
		rc = 0;
out:
	xmlFreeDoc(doc);
	free(buf);
	return rc;
}
