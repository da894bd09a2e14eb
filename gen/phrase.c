/*
 * phrase.c: facts of the model as English (see phrase.h), for -T html and
 * -T markdown, and the few words -T latex and -T man share with them.
 */
#include "phrase.h"

#include "xref.h"

static const char *const source_phrases[AMID_SRC__MAX] = {
    [AMID_SRC_NONE] = NULL,
    [AMID_SRC_SEED] = "the classic manager API documentation",
    [AMID_SRC_ASTERISK] = "Asterisk's XML documentation",
    [AMID_SRC_WIRE] = "seen on the wire, undocumented",
};
_Static_assert(sizeof(source_phrases) / sizeof(source_phrases[0]) ==
                   AMID_SRC__MAX,
               "one phrase per source");

static const char *const category_titles[] = {
    [AMID_CAT_FRAMING] = "Framing rules",
    [AMID_CAT_HEADERS] = "Header rules",
    [AMID_CAT_SESSION] = "Session rules",
    [AMID_CAT_DICTIONARY] = "Dictionary rules",
    [AMID_CAT_SECURITY] = "Security rules",
};
_Static_assert(sizeof(category_titles) / sizeof(category_titles[0]) ==
                   AMID_CAT__MAX,
               "one title per rule category");

int
phrase_has_versions(const struct amid_versions *v)
{
	return v->since || v->deprecated || v->removed || v->nrenamed_to;
}

const char *
phrase_source(enum amid_source src)
{
	return source_phrases[src];
}

const char *
phrase_category(enum amid_rule_category c)
{
	return category_titles[c];
}

/* A link to the entry name renames to, or the name alone. */
static void
renamed(const struct phrase *p, enum rename_to rn, const char *name)
{
	const struct amid_header *h = NULL;
	const struct amid_message *msg = NULL;

	if (rn == RN_HEADER)
		h = amid_find_header(p->m, name);
	else if (rn == RN_ACTION)
		msg = amid_find_action(p->m, name);
	else if (rn == RN_EVENT)
		msg = amid_find_event(p->m, name);
	if (h != NULL)
		p->link_header(p->ctx, h);
	else if (msg != NULL)
		p->link_message(p->ctx, msg);
	else
		out_text(p->o, name);
}

void
phrase_versions(const struct phrase *p, const struct amid_versions *v,
                enum rename_to rn)
{
	const char *sep = "";
	size_t i;

	if (v->since) {
		out_markup(p->o, "since ");
		out_text(p->o, v->since);
		sep = ", ";
	}
	if (v->deprecated) {
		out_markup(p->o, "%sdeprecated in ", sep);
		out_text(p->o, v->deprecated);
		sep = ", ";
	}
	if (v->removed) {
		out_markup(p->o, "%sremoved in ", sep);
		out_text(p->o, v->removed);
		sep = ", ";
	}
	for (i = 0; i < v->nrenamed_to; i++) {
		if (i == 0)
			out_markup(p->o, "%srenamed to ", sep);
		else
			out_markup(p->o, " and ");
		renamed(p, rn, v->renamed_to[i]);
	}
}

int
phrase_facts(const struct phrase *p, const struct amid_versions *v,
             enum amid_source src, enum rename_to rn, const char *lead)
{
	if (phrase_has_versions(v)) {
		out_markup(p->o, "%sVersions: ", lead);
		phrase_versions(p, v, rn);
		out_markup(p->o, ".");
		lead = " ";
	}
	if (source_phrases[src] != NULL)
		out_markup(p->o, "%sSource: %s.", lead, source_phrases[src]);
	return phrase_has_versions(v) || source_phrases[src] != NULL;
}

void
phrase_limits(const struct phrase *p, const struct amid_meaning *mn)
{
	if (mn->repeat)
		out_markup(p->o, ", repeatable");
	if (mn->has_min)
		out_markup(p->o, ", at least %lld", mn->min);
	if (mn->has_max)
		out_markup(p->o, ", at most %lld", mn->max);
	if (mn->has_max_length)
		out_markup(p->o, ", at most %llu characters", mn->max_length);
	if (phrase_has_versions(&mn->ver)) {
		out_markup(p->o, "; ");
		phrase_versions(p, &mn->ver, RN_HEADER);
	}
	out_markup(p->o, ".");
	if (source_phrases[mn->source] != NULL)
		out_markup(p->o, " Source: %s.", source_phrases[mn->source]);
}

/* " It replaces Link." for the other end of a rename. */
static void
replaces(const struct phrase *p, const struct amid_message *msg)
{
	const struct amid_message *old = NULL;
	const char *sep = " It replaces ";

	while ((old = xref_next_replaced(p->m, msg, old)) != NULL) {
		out_markup(p->o, "%s", sep);
		p->link_message(p->ctx, old);
		sep = ", ";
	}
	if (sep[0] == ',')
		out_markup(p->o, ".");
}

void
phrase_message(const struct phrase *p, const struct amid_message *msg)
{
	size_t i;

	out_markup(p->o, "An %s", msg->kind == AMID_ACTION
	                              ? "action, sent by a client"
	                              : "event, sent by the server");
	for (i = 0; i < msg->nclasses; i++) {
		out_markup(p->o, "%s", i ? ", " : "; class ");
		p->link_class(p->ctx, msg->classes[i]);
	}
	out_markup(p->o, ".");
	phrase_facts(p, &msg->ver, msg->source,
	             msg->kind == AMID_ACTION ? RN_ACTION : RN_EVENT, " ");
	replaces(p, msg);
}

/* A link to a use's message: a page, or the list of responses. */
static void
owner(const struct phrase *p, const struct amid_use *u)
{
	if (u->owner->kind == AMID_RESPONSE) {
		p->link_response(p->ctx, u->owner);
		return;
	}
	p->link_message(p->ctx, u->owner);
	if (u->in_response)
		out_markup(p->o, " (response)");
}

void
phrase_used_by(const struct phrase *p, const struct amid_meaning *mn,
               enum amid_kind k)
{
	static const char *const plural[AMID_KIND__MAX] = {
	    [AMID_ACTION] = "actions",
	    [AMID_EVENT] = "events",
	    [AMID_RESPONSE] = "responses",
	};
	const char *sep = NULL;
	size_t i;

	for (i = 0; i < mn->nuses; i++) {
		const struct amid_use *u = mn->uses[i];

		if (u->owner->kind != k || u->owner->name == NULL)
			continue;
		if (sep == NULL)
			out_markup(p->o, "%sUsed by %s: ", p->par, plural[k]);
		else
			out_markup(p->o, "%s", sep);
		owner(p, u);
		sep = ", ";
	}
	if (sep != NULL)
		out_markup(p->o, ".%s", p->end_par);
}

void
phrase_members(const struct phrase *p, const struct amid_class *c,
               enum amid_kind k)
{
	const struct amid_message *msg = NULL;
	const char *sep = NULL;

	while ((msg = xref_next_member(p->m, c, k, msg)) != NULL) {
		if (sep == NULL)
			out_markup(p->o, "%s%s: ", p->par,
			           k == AMID_ACTION ? "Actions" : "Events");
		else
			out_markup(p->o, "%s", sep);
		p->link_message(p->ctx, msg);
		sep = ", ";
	}
	if (sep != NULL)
		out_markup(p->o, ".%s", p->end_par);
}
