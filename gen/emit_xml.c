/*
 * emit_xml.c: -T xml, any linked model (merged files, Asterisk's own
 * documentation, a --as-of view) written back as one dictionary file in
 * amidict's own format, valid against dictionary/amidict.rng.  Loading
 * the output and writing it again gives the same bytes.  Text goes
 * through esc_xml; prose is indented under its element, and the loader's
 * dedenting gives it back unchanged.
 */
#include <stdlib.h>
#include <string.h>

#include "emit.h"
#include "esc_xml.h"
#include "out.h"

struct xw {
	struct out o; /* markup and element content */
	struct out a; /* attribute values, on the same stream */
	int nomem;
};

static void
indent(struct xw *w, int depth)
{
	out_markup(&w->o, "%*s", depth * 2, "");
}

static void
attr(struct xw *w, const char *name, const char *value)
{
	if (value == NULL)
		return;
	out_markup(&w->o, " %s=\"", name);
	out_text(&w->a, value);
	out_markup(&w->o, "\"");
}

static void
attr_list(struct xw *w, const char *name, const char **v, size_t n)
{
	size_t i;

	if (n == 0)
		return;
	out_markup(&w->o, " %s=\"", name);
	for (i = 0; i < n; i++) {
		if (i > 0)
			out_markup(&w->o, " ");
		out_text(&w->a, v[i]);
	}
	out_markup(&w->o, "\"");
}

static void
versions(struct xw *w, const struct amid_versions *v)
{
	attr(w, "since", v->since);
	attr(w, "deprecated", v->deprecated);
	attr(w, "removed", v->removed);
	attr_list(w, "renamed-to", v->renamed_to, v->nrenamed_to);
}

static void
source(struct xw *w, enum amid_source s)
{
	if (s != AMID_SRC_NONE)
		attr(w, "source", amid_source_name(s));
}

/* Writes s[0..len) escaped as content. */
static void
text_part(struct xw *w, const char *s, size_t len)
{
	char *line = strndup(s, len);

	if (line == NULL) {
		w->nomem = 1;
		return;
	}
	out_text(&w->o, line);
	free(line);
}

/*
 * Prose as an element: one line stays on the element's line; more lines
 * go below it, indented one step deeper than the element, blank lines
 * left empty: what the loader's dedenting takes away again.
 */
static void
prose(struct xw *w, int depth, const char *el, const char *s)
{
	const char *p, *nl;

	if (s == NULL)
		return;
	indent(w, depth);
	out_markup(&w->o, "<%s>", el);
	if (strchr(s, '\n') == NULL) {
		out_text(&w->o, s);
		out_markup(&w->o, "</%s>\n", el);
		return;
	}
	out_markup(&w->o, "\n");
	for (p = s; p != NULL; p = nl != NULL ? nl + 1 : NULL) {
		nl = strchr(p, '\n');
		if (nl != p && *p != '\0') {
			indent(w, depth + 1);
			text_part(w, p,
			          nl != NULL ? (size_t)(nl - p) : strlen(p));
		}
		out_markup(&w->o, "\n");
	}
	indent(w, depth);
	out_markup(&w->o, "</%s>\n", el);
}

/* Ends a start tag: "/>" when the element has nothing inside. */
static int
open_end(struct xw *w, int body)
{
	out_markup(&w->o, body ? ">\n" : "/>\n");
	return body;
}

static void
close_el(struct xw *w, int depth, const char *el)
{
	indent(w, depth);
	out_markup(&w->o, "</%s>\n", el);
}

static void
class_el(struct xw *w, const struct amid_class *c)
{
	out_markup(&w->o, "  <class");
	attr(w, "name", c->name);
	versions(w, &c->ver);
	source(w, c->source);
	if (open_end(w, c->description != NULL)) {
		prose(w, 2, "description", c->description);
		close_el(w, 1, "class");
	}
}

static void
value_el(struct xw *w, const struct amid_value *v)
{
	out_markup(&w->o, "      <value");
	attr(w, "name", v->name);
	versions(w, &v->ver);
	if (open_end(w, v->description != NULL)) {
		prose(w, 4, "description", v->description);
		close_el(w, 3, "value");
	}
}

static void
number(struct xw *w, const char *name, int has, long long v)
{
	if (has)
		out_markup(&w->o, " %s=\"%lld\"", name, v);
}

static void
meaning_el(struct xw *w, const struct amid_meaning *mn)
{
	size_t i;

	out_markup(&w->o, "    <meaning");
	attr(w, "key", mn->key);
	attr(w, "type", amid_type_name(mn->type));
	number(w, "min", mn->has_min, mn->min);
	number(w, "max", mn->has_max, mn->max);
	if (mn->has_max_length)
		out_markup(&w->o, " max-length=\"%llu\"", mn->max_length);
	if (mn->has_repeat)
		attr(w, "repeat", mn->repeat ? "yes" : "no");
	if (mn->has_case)
		attr(w, "case", mn->case_insensitive ? "insensitive" : "exact");
	versions(w, &mn->ver);
	source(w, mn->source);
	if (!open_end(w, mn->description != NULL || mn->nvalues > 0))
		return;
	prose(w, 3, "description", mn->description);
	for (i = 0; i < mn->nvalues; i++)
		value_el(w, &mn->values[i]);
	close_el(w, 2, "meaning");
}

static void
header_el(struct xw *w, const struct amid_header *h)
{
	size_t i;

	out_markup(&w->o, "  <header");
	attr(w, "name", h->name);
	out_markup(&w->o, ">\n");
	for (i = 0; i < h->nmeanings; i++)
		meaning_el(w, &h->meanings[i]);
	close_el(w, 1, "header");
}

/* A <param> or <field>: meaning as written, required only when stated. */
static void
use_el(struct xw *w, int depth, const char *el, const struct amid_use *u)
{
	indent(w, depth);
	out_markup(&w->o, "<%s", el);
	attr(w, "name", u->name);
	attr(w, "meaning", u->meaning_key);
	if (u->has_required || u->required)
		attr(w, "required", u->required ? "yes" : "no");
	versions(w, &u->ver);
	if (open_end(w, u->description != NULL)) {
		prose(w, depth + 1, "description", u->description);
		close_el(w, depth, el);
	}
}

/* A <choice> with its groups, each with its parameters in model order. */
static void
choice_el(struct xw *w, const struct amid_message *msg, size_t c)
{
	const struct amid_choice *ch = &msg->choices[c];
	size_t g, i;

	out_markup(&w->o, "    <choice");
	if (ch->required)
		attr(w, "required", "yes");
	out_markup(&w->o, ">\n");
	for (g = ch->first_group; g < ch->first_group + ch->ngroups; g++) {
		out_markup(&w->o, "      <group");
		attr(w, "name", msg->groups[g].name);
		out_markup(&w->o, ">\n");
		for (i = 0; i < msg->nuses; i++)
			if (msg->uses[i].group == (int)g)
				use_el(w, 4, "param", &msg->uses[i]);
		close_el(w, 3, "group");
	}
	close_el(w, 2, "choice");
}

/*
 * Parameters in model order; a choice goes where its first parameter
 * was, which is where the dictionary had it.
 */
static void
params(struct xw *w, const struct amid_message *msg, const char *el)
{
	size_t i;
	int g;

	for (i = 0; i < msg->nuses; i++) {
		const struct amid_use *u = &msg->uses[i];
		size_t j;

		if ((g = u->group) < 0) {
			use_el(w, 2, el, u);
			continue;
		}
		for (j = 0; j < i; j++)
			if (msg->uses[j].group >= 0 &&
			    msg->groups[msg->uses[j].group].choice ==
			        msg->groups[g].choice)
				break;
		if (j == i)
			choice_el(w, msg, msg->groups[g].choice);
	}
}

static void
action_parts(struct xw *w, const struct amid_message *msg)
{
	size_t i;

	if (msg->has_response) {
		out_markup(&w->o, "    <response");
		if (open_end(w, msg->nresponse > 0)) {
			for (i = 0; i < msg->nresponse; i++)
				use_el(w, 3, "field", &msg->response[i]);
			close_el(w, 2, "response");
		}
	}
	if (msg->list_complete != NULL && msg->nlist_items > 0) {
		out_markup(&w->o, "    <list");
		attr_list(w, "items", msg->list_items, msg->nlist_items);
		attr(w, "complete", msg->list_complete);
		out_markup(&w->o, "/>\n");
	}
	for (i = 0; i < msg->nemits; i++) {
		out_markup(&w->o, "    <emits");
		attr(w, "event", msg->emits[i].event);
		if (open_end(w, msg->emits[i].description != NULL)) {
			prose(w, 3, "description", msg->emits[i].description);
			close_el(w, 2, "emits");
		}
	}
}

static int
has_body(const struct amid_message *msg)
{
	return msg->description != NULL || msg->nuses > 0 ||
	       msg->has_response || msg->list_complete != NULL ||
	       msg->nemits > 0;
}

static void
message_el(struct xw *w, const struct amid_message *msg)
{
	const char *el = amid_kind_name(msg->kind);

	out_markup(&w->o, "  <%s", el);
	attr(w, "name", msg->name);
	attr_list(w, "class", msg->classes, msg->nclasses);
	versions(w, &msg->ver);
	source(w, msg->source);
	if (!open_end(w, has_body(msg)))
		return;
	prose(w, 2, "description", msg->description);
	params(w, msg, msg->kind == AMID_ACTION ? "param" : "field");
	if (msg->kind == AMID_ACTION)
		action_parts(w, msg);
	close_el(w, 1, el);
}

static void
common_el(struct xw *w, const struct amid_message *c, enum amid_kind k)
{
	size_t i;

	if (c->nuses == 0)
		return;
	out_markup(&w->o, "  <common");
	attr(w, "kind", amid_kind_name(k));
	out_markup(&w->o, ">\n");
	for (i = 0; i < c->nuses; i++)
		use_el(w, 2, "field", &c->uses[i]);
	close_el(w, 1, "common");
}

/* The schema wants all four texts of a rule: an empty one stays empty. */
static void
rule_el(struct xw *w, const struct amid_rule *r)
{
	out_markup(&w->o, "  <rule");
	attr(w, "id", r->id);
	attr(w, "name", r->name);
	attr(w, "category", amid_category_name(r->category));
	attr(w, "severity", amid_severity_name(r->severity));
	out_markup(&w->o, ">\n");
	prose(w, 2, "summary", r->summary ? r->summary : "");
	prose(w, 2, "description", r->description ? r->description : "");
	prose(w, 2, "bad", r->bad ? r->bad : "");
	prose(w, 2, "good", r->good ? r->good : "");
	close_el(w, 1, "rule");
}

int
emit_xml(const struct amid_model *m, FILE *f, const struct emit_opts *o)
{
	struct xw w = {0};
	size_t i;
	int k;

	(void)o;
	out_init(&w.o, f, esc_xml);
	out_init(&w.a, f, esc_xml_attr);
	out_markup(&w.o, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	                 "<!-- Written by amigen -T xml.  See "
	                 "docs/dictionary-format.md. -->\n"
	                 "<amidict format=\"1\">\n");
	for (i = 0; i < m->nclasses; i++)
		class_el(&w, &m->classes[i]);
	for (i = 0; i < m->nheaders; i++)
		header_el(&w, &m->headers[i]);
	for (i = 0; i < m->nactions; i++)
		message_el(&w, &m->actions[i]);
	for (i = 0; i < m->nevents; i++)
		message_el(&w, &m->events[i]);
	for (i = 0; i < m->nresponses; i++)
		message_el(&w, &m->responses[i]);
	for (k = 0; k < AMID_KIND__MAX; k++)
		common_el(&w, &m->common[k], (enum amid_kind)k);
	for (i = 0; i < m->nrules; i++)
		rule_el(&w, &m->rules[i]);
	out_markup(&w.o, "</amidict>\n");
	if (w.nomem)
		fputs("amigen: -T xml: out of memory\n", stderr);
	return w.nomem ? -1 : 0;
}
