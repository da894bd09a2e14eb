/*
 * emit_tree.c: -T tree, a stable, line-oriented dump of the linked model,
 * for tests and for reviewing a dictionary change with diff.  One fact per
 * line; prose is shown as one line with its newlines escaped.
 */
#include "emit.h"

static void
indent(FILE *f, int depth)
{
	while (depth-- > 0)
		fputs("  ", f);
}

static void
labelled(FILE *f, int depth, const char *label, const char *s)
{
	if (s == NULL)
		return;
	indent(f, depth);
	fprintf(f, "%s: ", label);
	for (; *s != '\0'; s++) {
		if (*s == '\n')
			fputs("\\n", f);
		else if (*s == '\\')
			fputs("\\\\", f);
		else
			putc(*s, f);
	}
	putc('\n', f);
}

static void
prose(FILE *f, int depth, const char *s)
{
	labelled(f, depth, "description", s);
}

/* Attributes shared by every entry, on the entry's own line. */
static void
versions(FILE *f, const struct amid_versions *v)
{
	size_t i;

	if (v->since)
		fprintf(f, " since=%s", v->since);
	if (v->deprecated)
		fprintf(f, " deprecated=%s", v->deprecated);
	if (v->removed)
		fprintf(f, " removed=%s", v->removed);
	for (i = 0; i < v->nrenamed_to; i++)
		fprintf(f, "%s%s", i ? "," : " renamed-to=", v->renamed_to[i]);
}

static void
source(FILE *f, enum amid_source s)
{
	if (s != AMID_SRC_NONE)
		fprintf(f, " source=%s", amid_source_name(s));
}

static void
meaning(FILE *f, const struct amid_meaning *mn)
{
	size_t i;

	fprintf(f, "  meaning %s type=%s", mn->key ? mn->key : "-",
	        amid_type_name(mn->type));
	if (mn->has_min)
		fprintf(f, " min=%lld", mn->min);
	if (mn->has_max)
		fprintf(f, " max=%lld", mn->max);
	if (mn->has_max_length)
		fprintf(f, " max-length=%llu", mn->max_length);
	if (mn->repeat)
		fputs(" repeat", f);
	if (mn->case_insensitive)
		fputs(" case-insensitive", f);
	versions(f, &mn->ver);
	source(f, mn->source);
	putc('\n', f);
	prose(f, 2, mn->description);
	for (i = 0; i < mn->nvalues; i++) {
		fprintf(f, "    value %s", mn->values[i].name);
		versions(f, &mn->values[i].ver);
		putc('\n', f);
		prose(f, 3, mn->values[i].description);
	}
	for (i = 0; i < mn->nuses; i++) {
		const struct amid_use *u = mn->uses[i];

		fprintf(f, "    used-by %s %s%s\n", amid_kind_name(u->owner->kind),
		        u->owner->name ? u->owner->name : "(common)",
		        u->in_response ? " response" : "");
	}
}

static void
use(FILE *f, const char *what, const struct amid_message *msg,
    const struct amid_use *u)
{
	fprintf(f, "  %s %s", what, u->name);
	if (u->meaning->key != NULL)
		fprintf(f, "/%s", u->meaning->key);
	if (u->required)
		fputs(" required", f);
	if (u->group >= 0)
		fprintf(f, " group=%s", msg->groups[u->group].name);
	versions(f, &u->ver);
	putc('\n', f);
	prose(f, 2, u->description);
}

static void
action_parts(FILE *f, const struct amid_message *msg)
{
	size_t i, g;

	for (i = 0; i < msg->nchoices; i++) {
		const struct amid_choice *c = &msg->choices[i];

		fprintf(f, "  choice%s\n", c->required ? " required" : "");
		for (g = c->first_group; g < c->first_group + c->ngroups; g++)
			fprintf(f, "    group %s\n", msg->groups[g].name);
	}
	if (msg->has_response)
		fputs("  response\n", f);
	for (i = 0; i < msg->nresponse; i++)
		use(f, "  field", msg, &msg->response[i]);
	if (msg->list_complete != NULL) {
		fputs("  list items=", f);
		for (i = 0; i < msg->nlist_items; i++)
			fprintf(f, "%s%s", i ? "," : "", msg->list_items[i]);
		fprintf(f, " complete=%s\n", msg->list_complete);
	}
	for (i = 0; i < msg->nemits; i++) {
		fprintf(f, "  emits %s\n", msg->emits[i].event);
		prose(f, 2, msg->emits[i].description);
	}
}

static void
message(FILE *f, const struct amid_message *msg)
{
	size_t i;

	if (msg->name != NULL)
		fprintf(f, "%s %s", amid_kind_name(msg->kind), msg->name);
	else
		fprintf(f, "common %s", amid_kind_name(msg->kind));
	for (i = 0; i < msg->nclasses; i++)
		fprintf(f, "%s%s", i ? "," : " class=", msg->classes[i]);
	versions(f, &msg->ver);
	source(f, msg->source);
	putc('\n', f);
	prose(f, 1, msg->description);
	for (i = 0; i < msg->nuses; i++)
		use(f, msg->kind == AMID_ACTION ? "param" : "field", msg,
		    &msg->uses[i]);
	if (msg->kind == AMID_ACTION)
		action_parts(f, msg);
}

int
emit_tree(const struct amid_model *m, FILE *f, const struct emit_opts *o)
{
	size_t i, k;

	(void)o;
	for (i = 0; i < m->nfiles; i++)
		fprintf(f, "file %s\n", m->files[i]);
	for (i = 0; i < m->nclasses; i++) {
		fprintf(f, "class %s", m->classes[i].name);
		versions(f, &m->classes[i].ver);
		source(f, m->classes[i].source);
		putc('\n', f);
		prose(f, 1, m->classes[i].description);
	}
	for (i = 0; i < m->nheaders; i++) {
		fprintf(f, "header %s\n", m->headers[i].name);
		for (k = 0; k < m->headers[i].nmeanings; k++)
			meaning(f, &m->headers[i].meanings[k]);
	}
	for (i = 0; i < m->nactions; i++)
		message(f, &m->actions[i]);
	for (i = 0; i < m->nevents; i++)
		message(f, &m->events[i]);
	for (i = 0; i < m->nresponses; i++)
		message(f, &m->responses[i]);
	for (k = 0; k < AMID_KIND__MAX; k++)
		if (m->common[k].nuses > 0)
			message(f, &m->common[k]);
	for (i = 0; i < m->nrules; i++) {
		const struct amid_rule *r = &m->rules[i];

		fprintf(f, "rule %s %s category=%s severity=%s\n", r->id,
		        r->name, amid_category_name(r->category),
		        amid_severity_name(r->severity));
		labelled(f, 1, "summary", r->summary);
		prose(f, 1, r->description);
		labelled(f, 1, "bad", r->bad);
		labelled(f, 1, "good", r->good);
	}
	return 0;
}
