/*
 * emit_json.c: -T json, the whole linked model as one JSON document, the
 * machine-readable dictionary for AMI libraries in other languages.  The
 * shape is documented in docs/json-format.md; keys come in a fixed order
 * and entries in the model's sorted order, so the output is stable.
 */
#include "emit.h"
#include "json_out.h"

#define JSON_FORMAT 1

static void
versions(struct json_out *j, const struct amid_versions *v)
{
	size_t i;

	json_opt_string(j, "since", v->since);
	json_opt_string(j, "deprecated", v->deprecated);
	json_opt_string(j, "removed", v->removed);
	if (v->nrenamed_to == 0)
		return;
	json_begin_array(j, "renamed_to");
	for (i = 0; i < v->nrenamed_to; i++)
		json_string(j, NULL, v->renamed_to[i]);
	json_end_array(j);
}

static void
source(struct json_out *j, enum amid_source s)
{
	if (s != AMID_SRC_NONE)
		json_string(j, "source", amid_source_name(s));
}

static void
names(struct json_out *j, const char *key, const char **v, size_t n)
{
	size_t i;

	json_begin_array(j, key);
	for (i = 0; i < n; i++)
		json_string(j, NULL, v[i]);
	json_end_array(j);
}

static void
classes(struct json_out *j, const struct amid_model *m)
{
	size_t i;

	json_begin_array(j, "classes");
	for (i = 0; i < m->nclasses; i++) {
		const struct amid_class *c = &m->classes[i];

		json_begin_object(j, NULL);
		json_string(j, "name", c->name);
		versions(j, &c->ver);
		source(j, c->source);
		json_opt_string(j, "description", c->description);
		json_end_object(j);
	}
	json_end_array(j);
}

static void
values(struct json_out *j, const struct amid_meaning *mn)
{
	size_t i;

	if (mn->type != AMID_T_ENUM)
		return;
	json_begin_array(j, "values");
	for (i = 0; i < mn->nvalues; i++) {
		json_begin_object(j, NULL);
		json_string(j, "name", mn->values[i].name);
		versions(j, &mn->values[i].ver);
		json_opt_string(j, "description", mn->values[i].description);
		json_end_object(j);
	}
	json_end_array(j);
}

static void
used_by(struct json_out *j, const struct amid_meaning *mn)
{
	size_t i;

	json_begin_array(j, "used_by");
	for (i = 0; i < mn->nuses; i++) {
		const struct amid_use *u = mn->uses[i];

		json_begin_object(j, NULL);
		json_string(j, "kind", amid_kind_name(u->owner->kind));
		if (u->owner->name != NULL)
			json_string(j, "name", u->owner->name);
		else
			json_bool(j, "common", true);
		if (u->in_response)
			json_bool(j, "in_response", true);
		json_end_object(j);
	}
	json_end_array(j);
}

static void
meaning(struct json_out *j, const struct amid_meaning *mn)
{
	json_begin_object(j, NULL);
	json_opt_string(j, "key", mn->key);
	json_string(j, "type", amid_type_name(mn->type));
	if (mn->has_min)
		json_int(j, "min", mn->min);
	if (mn->has_max)
		json_int(j, "max", mn->max);
	if (mn->has_max_length)
		json_int(j, "max_length", (long long)mn->max_length);
	json_bool(j, "repeat", mn->repeat);
	if (mn->type == AMID_T_ENUM)
		json_bool(j, "case_insensitive", mn->case_insensitive);
	values(j, mn);
	versions(j, &mn->ver);
	source(j, mn->source);
	json_opt_string(j, "description", mn->description);
	used_by(j, mn);
	json_end_object(j);
}

static void
headers(struct json_out *j, const struct amid_model *m)
{
	size_t i, k;

	json_begin_array(j, "headers");
	for (i = 0; i < m->nheaders; i++) {
		const struct amid_header *h = &m->headers[i];

		json_begin_object(j, NULL);
		json_string(j, "name", h->name);
		json_begin_array(j, "meanings");
		for (k = 0; k < h->nmeanings; k++)
			meaning(j, &h->meanings[k]);
		json_end_array(j);
		json_end_object(j);
	}
	json_end_array(j);
}

static void
uses(struct json_out *j, const char *key, const struct amid_message *msg,
     const struct amid_use *v, size_t n)
{
	size_t i;

	json_begin_array(j, key);
	for (i = 0; i < n; i++) {
		const struct amid_use *u = &v[i];

		json_begin_object(j, NULL);
		json_string(j, "name", u->name);
		json_opt_string(j, "meaning", u->meaning->key);
		json_bool(j, "required", u->required);
		if (u->group >= 0)
			json_string(j, "group", msg->groups[u->group].name);
		versions(j, &u->ver);
		json_opt_string(j, "description", u->description);
		json_end_object(j);
	}
	json_end_array(j);
}

static void
choices(struct json_out *j, const struct amid_message *msg)
{
	size_t i, g, k;

	if (msg->nchoices == 0)
		return;
	json_begin_array(j, "choices");
	for (i = 0; i < msg->nchoices; i++) {
		const struct amid_choice *c = &msg->choices[i];

		json_begin_object(j, NULL);
		json_bool(j, "required", c->required);
		json_begin_array(j, "groups");
		for (g = c->first_group; g < c->first_group + c->ngroups; g++) {
			json_begin_object(j, NULL);
			json_string(j, "name", msg->groups[g].name);
			json_begin_array(j, "params");
			for (k = 0; k < msg->nuses; k++)
				if (msg->uses[k].group == (int)g)
					json_string(j, NULL, msg->uses[k].name);
			json_end_array(j);
			json_end_object(j);
		}
		json_end_array(j);
		json_end_object(j);
	}
	json_end_array(j);
}

static void
action_parts(struct json_out *j, const struct amid_message *msg)
{
	size_t i;

	choices(j, msg);
	if (msg->has_response)
		uses(j, "response", msg, msg->response, msg->nresponse);
	if (msg->list_complete != NULL) {
		json_begin_object(j, "list");
		names(j, "items", msg->list_items, msg->nlist_items);
		json_string(j, "complete", msg->list_complete);
		json_end_object(j);
	}
	if (msg->nemits == 0)
		return;
	json_begin_array(j, "emits");
	for (i = 0; i < msg->nemits; i++) {
		json_begin_object(j, NULL);
		json_string(j, "event", msg->emits[i].event);
		json_opt_string(j, "description", msg->emits[i].description);
		json_end_object(j);
	}
	json_end_array(j);
}

static void
message(struct json_out *j, const struct amid_message *msg)
{
	json_begin_object(j, NULL);
	json_string(j, "name", msg->name);
	if (msg->nclasses > 0)
		names(j, "classes", msg->classes, msg->nclasses);
	versions(j, &msg->ver);
	source(j, msg->source);
	json_opt_string(j, "description", msg->description);
	uses(j, msg->kind == AMID_ACTION ? "params" : "fields", msg, msg->uses,
	     msg->nuses);
	if (msg->kind == AMID_ACTION)
		action_parts(j, msg);
	json_end_object(j);
}

static void
messages(struct json_out *j, const char *key, const struct amid_message *v,
         size_t n)
{
	size_t i;

	json_begin_array(j, key);
	for (i = 0; i < n; i++)
		message(j, &v[i]);
	json_end_array(j);
}

static void
common(struct json_out *j, const struct amid_model *m)
{
	int k;

	json_begin_object(j, "common");
	for (k = 0; k < AMID_KIND__MAX; k++)
		uses(j, amid_kind_name((enum amid_kind)k), &m->common[k],
		     m->common[k].uses, m->common[k].nuses);
	json_end_object(j);
}

static void
rules(struct json_out *j, const struct amid_model *m)
{
	size_t i;

	json_begin_array(j, "rules");
	for (i = 0; i < m->nrules; i++) {
		const struct amid_rule *r = &m->rules[i];

		json_begin_object(j, NULL);
		json_string(j, "id", r->id);
		json_string(j, "name", r->name);
		json_string(j, "category", amid_category_name(r->category));
		json_string(j, "severity", amid_severity_name(r->severity));
		json_opt_string(j, "summary", r->summary);
		json_opt_string(j, "description", r->description);
		json_opt_string(j, "bad", r->bad);
		json_opt_string(j, "good", r->good);
		json_end_object(j);
	}
	json_end_array(j);
}

int
emit_json(const struct amid_model *m, FILE *f, const struct emit_opts *o)
{
	struct json_out j;

	(void)o;
	json_init(&j, f);
	json_begin_object(&j, NULL);
	json_int(&j, "format", JSON_FORMAT);
	names(&j, "files", m->files, m->nfiles);
	classes(&j, m);
	headers(&j, m);
	messages(&j, "actions", m->actions, m->nactions);
	messages(&j, "events", m->events, m->nevents);
	messages(&j, "responses", m->responses, m->nresponses);
	common(&j, m);
	rules(&j, m);
	json_end_object(&j);
	return 0;
}
