/*
 * dict_link.c: the merged model -> a linked, checked, read-only model.
 * Sorts entries by name, resolves every reference to a pointer, and checks
 * what the schema cannot: names unique, meanings distinguishable,
 * enumerations not empty, ranges and version facts sane, every referenced
 * header, meaning, class and event defined.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "dict_build.h"
#include "version.h"

/* ---- sorting ----------------------------------------------------------- */

static int
cmp_class(const void *a, const void *b)
{
	return strcasecmp(((const struct amid_class *)a)->name,
	                  ((const struct amid_class *)b)->name);
}

static int
cmp_header(const void *a, const void *b)
{
	return strcasecmp(((const struct amid_header *)a)->name,
	                  ((const struct amid_header *)b)->name);
}

static int
cmp_msg_fold(const void *a, const void *b)
{
	return strcasecmp(((const struct amid_message *)a)->name,
	                  ((const struct amid_message *)b)->name);
}

static int
cmp_msg(const void *a, const void *b)
{
	return strcmp(((const struct amid_message *)a)->name,
	              ((const struct amid_message *)b)->name);
}

static int
cmp_rule(const void *a, const void *b)
{
	return strcmp(((const struct amid_rule *)a)->id,
	              ((const struct amid_rule *)b)->id);
}

static void
sort_model(struct amid_model *m)
{
	if (m->nrules)
		qsort(m->rules, m->nrules, sizeof(*m->rules), cmp_rule);
	if (m->nclasses)
		qsort(m->classes, m->nclasses, sizeof(*m->classes), cmp_class);
	if (m->nheaders)
		qsort(m->headers, m->nheaders, sizeof(*m->headers), cmp_header);
	if (m->nactions)
		qsort(m->actions, m->nactions, sizeof(*m->actions),
		      cmp_msg_fold);
	if (m->nevents)
		qsort(m->events, m->nevents, sizeof(*m->events), cmp_msg);
	if (m->nresponses)
		qsort(m->responses, m->nresponses, sizeof(*m->responses),
		      cmp_msg);
}

/* ---- version facts --------------------------------------------------- */

static void
check_order(struct amid_build *b, const char *what, const struct amid_loc *l,
            const char *a_name, const char *a, const char *b_name,
            const char *bv, int strict)
{
	int c;

	if (a == NULL || bv == NULL)
		return;
	c = amid_version_cmp(a, bv);
	if (c > 0 || (strict && c == 0))
		amid_report(b->errs, AMID_ERROR, l->file, l->line,
		            "%s: %s %s is not before %s %s", what, a_name, a,
		            b_name, bv);
}

static void
check_versions(struct amid_build *b, const char *what,
               const struct amid_versions *v, const struct amid_loc *l)
{
	check_order(b, what, l, "since", v->since, "deprecated",
	            v->deprecated, 0);
	check_order(b, what, l, "since", v->since, "removed", v->removed, 1);
	check_order(b, what, l, "deprecated", v->deprecated, "removed",
	            v->removed, 0);
}

/* ---- headers ----------------------------------------------------------- */

static int
is_numeric(enum amid_type t)
{
	return t == AMID_T_INTEGER || t == AMID_T_SECONDS ||
	       t == AMID_T_MILLISECONDS || t == AMID_T_PORT;
}

static void
check_values(struct amid_build *b, const char *what,
             const struct amid_meaning *mn)
{
	char vwhat[400];
	size_t i, j;

	if (mn->type == AMID_T_ENUM && mn->nvalues == 0)
		amid_report(b->errs, AMID_ERROR, mn->loc.file, mn->loc.line,
		            "%s: enumeration has no values", what);
	if (mn->type != AMID_T_ENUM && mn->nvalues > 0)
		amid_report(b->errs, AMID_ERROR, mn->loc.file, mn->loc.line,
		            "%s: values given for type %s; only an enum has "
		            "values",
		            what, amid_type_name(mn->type));
	for (i = 0; i < mn->nvalues; i++) {
		const struct amid_value *v = &mn->values[i];

		snprintf(vwhat, sizeof(vwhat), "%s value '%s'", what, v->name);
		check_versions(b, vwhat, &v->ver, &v->loc);
		for (j = 0; j < i; j++) {
			int same = mn->case_insensitive
			               ? strcasecmp(v->name, mn->values[j].name)
			               : strcmp(v->name, mn->values[j].name);
			if (same == 0)
				amid_report(b->errs, AMID_ERROR, v->loc.file,
				            v->loc.line,
				            "%s: value '%s' listed twice", what,
				            v->name);
		}
	}
}

/* Meanings without a key: at most one, the default of its header. */
static const struct amid_meaning *
first_keyless(const struct amid_header *h)
{
	size_t i;

	for (i = 0; i < h->nmeanings; i++)
		if (h->meanings[i].key == NULL)
			return &h->meanings[i];
	return NULL;
}

static void
check_meaning(struct amid_build *b, const struct amid_header *h,
              const struct amid_meaning *mn)
{
	const struct amid_loc *l = &mn->loc;
	char what[300];

	snprintf(what, sizeof(what), "header '%s'%s%s%s", h->name,
	         mn->key ? " meaning '" : "", mn->key ? mn->key : "",
	         mn->key ? "'" : "");
	if (mn->key == NULL && first_keyless(h) != mn)
		amid_report(b->errs, AMID_ERROR, l->file, l->line,
		            "%s: a second meaning without a key (only one "
		            "meaning, the default, may go without; the first is "
		            "at line %lu)",
		            what, first_keyless(h)->loc.line);
	check_values(b, what, mn);
	if ((mn->has_min || mn->has_max) && !is_numeric(mn->type))
		amid_report(b->errs, AMID_ERROR, l->file, l->line,
		            "%s: min and max need a numeric type, not %s", what,
		            amid_type_name(mn->type));
	if (mn->has_min && mn->has_max && mn->min > mn->max)
		amid_report(b->errs, AMID_ERROR, l->file, l->line,
		            "%s: min %lld is greater than max %lld", what,
		            mn->min, mn->max);
	check_versions(b, what, &mn->ver, l);
}

static void
link_headers(struct amid_build *b)
{
	struct amid_model *m = b->m;
	size_t i, j, k;

	for (i = 0; i < m->nheaders; i++) {
		struct amid_header *h = &m->headers[i];

		for (j = 0; j < h->nmeanings; j++) {
			struct amid_meaning *mn = &h->meanings[j];

			mn->header = h;
			check_meaning(b, h, mn);
			for (k = 0; k < j; k++)
				if (mn->key != NULL && h->meanings[k].key &&
				    strcmp(mn->key, h->meanings[k].key) == 0)
					amid_report(
					    b->errs, AMID_ERROR, mn->loc.file,
					    mn->loc.line,
					    "header '%s': duplicate meaning '%s'",
					    h->name, mn->key);
		}
	}
}

/* ---- messages ------------------------------------------------------------ */

static void
msg_what(const struct amid_message *msg, char *buf, size_t size)
{
	if (msg->name != NULL)
		snprintf(buf, size, "%s '%s'", amid_kind_name(msg->kind),
		         msg->name);
	else
		snprintf(buf, size, "common %s headers",
		         amid_kind_name(msg->kind));
}

static const struct amid_meaning *
resolve_meaning(struct amid_build *b, const char *what,
                const struct amid_use *u)
{
	const struct amid_header *h = amid_find_header(b->m, u->name);
	size_t i;

	if (h == NULL) {
		amid_report(b->errs, AMID_ERROR, u->loc.file, u->loc.line,
		            "%s: unknown header '%s'", what, u->name);
		return NULL;
	}
	if (u->meaning_key == NULL) {
		/* The one meaning without a key is the header's default. */
		for (i = 0; i < h->nmeanings; i++)
			if (h->nmeanings == 1 || h->meanings[i].key == NULL)
				return &h->meanings[i];
		amid_report(b->errs, AMID_ERROR, u->loc.file, u->loc.line,
		            "%s: header '%s' has %zu meanings; say which with "
		            "meaning=\"...\"",
		            what, h->name, h->nmeanings);
		return NULL;
	}
	for (i = 0; i < h->nmeanings; i++)
		if (h->meanings[i].key != NULL &&
		    strcmp(h->meanings[i].key, u->meaning_key) == 0)
			return &h->meanings[i];
	amid_report(b->errs, AMID_ERROR, u->loc.file, u->loc.line,
	            "%s: header '%s' has no meaning '%s'", what, h->name,
	            u->meaning_key);
	return NULL;
}

static void check_renames(struct amid_build *, const char *, int,
                          const struct amid_versions *,
                          const struct amid_loc *);

static void
link_uses(struct amid_build *b, const char *what,
          const struct amid_message *owner, struct amid_use *v, size_t n)
{
	char uwhat[400];
	size_t i, j;

	for (i = 0; i < n; i++) {
		struct amid_use *u = &v[i];

		u->owner = owner;
		u->meaning = resolve_meaning(b, what, u);
		snprintf(uwhat, sizeof(uwhat), "%s, header '%s'", what, u->name);
		check_versions(b, uwhat, &u->ver, &u->loc);
		check_renames(b, uwhat, -1, &u->ver, &u->loc);
		/* A header is spelled one way, unless files disagree (the
		 * merge warned about that already). */
		if (u->meaning != NULL && !u->meaning->header->respelled &&
		    strcmp(u->name, u->meaning->header->name) != 0)
			amid_report(b->errs, AMID_ERROR, u->loc.file,
			            u->loc.line,
			            "%s: header '%s' is spelled '%s' in its "
			            "definition",
			            what, u->name, u->meaning->header->name);
		for (j = 0; j < i; j++)
			if (strcasecmp(v[j].name, u->name) == 0)
				amid_report(b->errs, AMID_ERROR, u->loc.file,
				            u->loc.line,
				            "%s: header '%s' listed twice", what,
				            u->name);
	}
}

static const struct amid_message *
need_event(struct amid_build *b, const char *what, const char *name,
           const struct amid_loc *l)
{
	const struct amid_message *e = amid_find_event(b->m, name);

	if (e == NULL)
		amid_report(b->errs, AMID_ERROR, l->file, l->line,
		            "%s: unknown event '%s'", what, name);
	return e;
}

static int
link_classes(struct amid_build *b, const char *what,
             struct amid_message *msg)
{
	const struct amid_class **refs;
	size_t i;

	if (msg->nclasses == 0)
		return 0;
	refs = amid_arena_alloc(b->m->arena, msg->nclasses * sizeof(*refs));
	if (refs == NULL)
		return -1;
	for (i = 0; i < msg->nclasses; i++)
		if ((refs[i] = amid_find_class(b->m, msg->classes[i])) == NULL)
			amid_report(b->errs, AMID_ERROR, msg->loc.file,
			            msg->loc.line, "%s: unknown class '%s'", what,
			            msg->classes[i]);
	msg->class_refs = refs;
	return 0;
}

static int
link_list(struct amid_build *b, const char *what, struct amid_message *msg)
{
	const struct amid_message **refs;
	size_t i;

	if (msg->list_complete == NULL)
		return 0;
	msg->list_complete_ref =
	    need_event(b, what, msg->list_complete, &msg->list_loc);
	refs = amid_arena_alloc(b->m->arena,
	                        (msg->nlist_items + 1) * sizeof(*refs));
	if (refs == NULL)
		return -1;
	for (i = 0; i < msg->nlist_items; i++)
		refs[i] = need_event(b, what, msg->list_items[i],
		                     &msg->list_loc);
	msg->list_item_refs = refs;
	return 0;
}

/* A rename names an entry of the same kind: a header, action or event. */
static void
check_renames(struct amid_build *b, const char *what, int kind,
              const struct amid_versions *v, const struct amid_loc *l)
{
	size_t i;
	int found;

	for (i = 0; i < v->nrenamed_to; i++) {
		const char *to = v->renamed_to[i];

		if (kind == AMID_ACTION)
			found = amid_find_action(b->m, to) != NULL;
		else if (kind == AMID_EVENT)
			found = amid_find_event(b->m, to) != NULL;
		else
			found = amid_find_header(b->m, to) != NULL;
		if (!found)
			amid_report(b->errs, AMID_ERROR, l->file, l->line,
			            "%s: renamed to unknown %s '%s'", what,
			            kind == AMID_ACTION  ? "action"
			            : kind == AMID_EVENT ? "event"
			                                 : "header",
			            to);
	}
}

static int
link_message(struct amid_build *b, struct amid_message *msg)
{
	char what[300];
	size_t i;

	msg_what(msg, what, sizeof(what));
	check_versions(b, what, &msg->ver, &msg->loc);
	if (msg->name != NULL &&
	    (msg->kind == AMID_ACTION || msg->kind == AMID_EVENT))
		check_renames(b, what, (int)msg->kind, &msg->ver, &msg->loc);
	link_uses(b, what, msg, msg->uses, msg->nuses);
	link_uses(b, what, msg, msg->response, msg->nresponse);
	for (i = 0; i < msg->nemits; i++)
		msg->emits[i].target = need_event(b, what, msg->emits[i].event,
		                                  &msg->emits[i].loc);
	if (link_classes(b, what, msg) < 0 || link_list(b, what, msg) < 0)
		return -1;
	return 0;
}

/* ---- back-references: which messages use each meaning ---------------- */

static void
count_uses(struct amid_use *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (v[i].meaning != NULL)
			((struct amid_meaning *)v[i].meaning)->nuses++;
}

static void
fill_uses(struct amid_use *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (v[i].meaning != NULL) {
			struct amid_meaning *mn =
			    (struct amid_meaning *)v[i].meaning;
			mn->uses[mn->nuses++] = &v[i];
		}
}

/* Calls fn on every use list of the model, in a stable order. */
static void
each_use_list(struct amid_model *m, void (*fn)(struct amid_use *, size_t))
{
	struct amid_message *lists[] = {m->actions, m->events, m->responses};
	size_t counts[] = {m->nactions, m->nevents, m->nresponses};
	size_t i, k;

	for (k = 0; k < 3; k++)
		for (i = 0; i < counts[k]; i++) {
			fn(lists[k][i].uses, lists[k][i].nuses);
			fn(lists[k][i].response, lists[k][i].nresponse);
		}
	for (k = 0; k < AMID_KIND__MAX; k++)
		fn(m->common[k].uses, m->common[k].nuses);
}

static int
back_references(struct amid_build *b)
{
	struct amid_model *m = b->m;
	size_t i, j;

	each_use_list(m, count_uses);
	for (i = 0; i < m->nheaders; i++)
		for (j = 0; j < m->headers[i].nmeanings; j++) {
			struct amid_meaning *mn = &m->headers[i].meanings[j];

			mn->uses = amid_arena_alloc(
			    m->arena, (mn->nuses + 1) * sizeof(*mn->uses));
			if (mn->uses == NULL)
				return -1;
			/* Meanings kept only as history need no user. */
			if (mn->nuses == 0 && mn->ver.removed == NULL)
				amid_report(b->errs, AMID_WARNING, mn->loc.file,
				            mn->loc.line,
				            "header '%s'%s%s%s: no message uses "
				            "this meaning",
				            m->headers[i].name,
				            mn->key ? " meaning '" : "",
				            mn->key ? mn->key : "",
				            mn->key ? "'" : "");
			mn->nuses = 0;
		}
	each_use_list(m, fill_uses);
	return 0;
}

/* ---- lint rules ----------------------------------------------------------- */

static void
check_rules(struct amid_build *b)
{
	const struct amid_model *m = b->m;
	char where[512];
	size_t i, j;

	for (i = 0; i < m->nrules; i++)
		for (j = 0; j < i; j++)
			if (strcmp(m->rules[i].name, m->rules[j].name) == 0)
				amid_report(b->errs, AMID_ERROR,
				            m->rules[i].loc.file,
				            m->rules[i].loc.line,
				            "rule %s: name '%s' is also the name "
				            "of rule %s at %s",
				            m->rules[i].id, m->rules[i].name,
				            m->rules[j].id,
				            amid_loc_str(&m->rules[j].loc, where,
				                         sizeof(where)));
}

/* ---- the whole model ---------------------------------------------------- */

int
amid_link(struct amid_build *b)
{
	struct amid_model *m = b->m;
	size_t i, k, *n;
	size_t before = b->errs->nerrors;

	sort_model(m);
	link_headers(b);
	check_rules(b);
	for (i = 0; i < m->nclasses; i++) {
		char what[300];

		snprintf(what, sizeof(what), "class '%s'", m->classes[i].name);
		check_versions(b, what, &m->classes[i].ver, &m->classes[i].loc);
	}
	for (i = 0; i < m->nheaders; i++)
		for (k = 0; k < m->headers[i].nmeanings; k++) {
			const struct amid_meaning *mn =
			    &m->headers[i].meanings[k];
			char what[300];

			snprintf(what, sizeof(what), "header '%s'",
			         m->headers[i].name);
			check_renames(b, what, -1, &mn->ver, &mn->loc);
		}
	for (k = 0; k < AMID_KIND__MAX; k++) {
		struct amid_message *v = *amid_build_msgs(b, k, &n);

		for (i = 0; i < *n; i++)
			if (link_message(b, &v[i]) < 0)
				return -1;
		if (m->common[k].loc.file != NULL &&
		    link_message(b, &m->common[k]) < 0)
			return -1;
	}
	if (back_references(b) < 0)
		return -1;
	return b->errs->nerrors > before ? -1 : 0;
}
