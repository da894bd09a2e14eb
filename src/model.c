/*
 * model.c: names of the model's enumerations and look-ups on a linked
 * model (entries are sorted, so look-ups are binary searches).
 */
#include "model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "arena.h"

static const char *const type_names[AMID_T__MAX] = {
	[AMID_T_STRING] = "string",
	[AMID_T_INTEGER] = "integer",
	[AMID_T_BOOL] = "bool",
	[AMID_T_YESNO] = "yesno",
	[AMID_T_ENUM] = "enum",
	[AMID_T_CLASSLIST] = "classlist",
	[AMID_T_EVENTMASK] = "eventmask",
	[AMID_T_CHANNEL] = "channel",
	[AMID_T_DIALSTRING] = "dialstring",
	[AMID_T_UNIQUEID] = "uniqueid",
	[AMID_T_ACTIONID] = "actionid",
	[AMID_T_TIMESTAMP] = "timestamp",
	[AMID_T_DATETIME] = "datetime",
	[AMID_T_SECONDS] = "seconds",
	[AMID_T_MILLISECONDS] = "milliseconds",
	[AMID_T_VARIABLE] = "variable",
	[AMID_T_IPADDR] = "ipaddr",
	[AMID_T_PORT] = "port",
	[AMID_T_PRIORITY] = "priority",
};
_Static_assert(sizeof(type_names) / sizeof(type_names[0]) == AMID_T__MAX,
               "one name per type");

static const char *const source_names[AMID_SRC__MAX] = {
	[AMID_SRC_NONE] = "",
	[AMID_SRC_SEED] = "seed",
	[AMID_SRC_ASTERISK] = "asterisk",
	[AMID_SRC_WIRE] = "wire",
};

static const char *const kind_names[AMID_KIND__MAX] = {
	[AMID_ACTION] = "action",
	[AMID_EVENT] = "event",
	[AMID_RESPONSE] = "response",
};

static const char *const category_names[AMID_CAT__MAX] = {
	[AMID_CAT_FRAMING] = "framing",
	[AMID_CAT_HEADERS] = "headers",
	[AMID_CAT_SESSION] = "session",
	[AMID_CAT_DICTIONARY] = "dictionary",
	[AMID_CAT_SECURITY] = "security",
};

static const char *const severity_names[AMID_SEV__MAX] = {
	[AMID_SEV_NOTE] = "note",
	[AMID_SEV_WARNING] = "warning",
	[AMID_SEV_ERROR] = "error",
};

const char *
amid_category_name(enum amid_rule_category c)
{
	return (unsigned)c < AMID_CAT__MAX ? category_names[c] : "?";
}

const char *
amid_severity_name(enum amid_rule_severity s)
{
	return (unsigned)s < AMID_SEV__MAX ? severity_names[s] : "?";
}

void
amid_model_free(struct amid_model *m)
{
	if (m == NULL)
		return;
	amid_arena_free(m->arena);
}

const char *
amid_type_name(enum amid_type t)
{
	return (unsigned)t < AMID_T__MAX ? type_names[t] : "?";
}

int
amid_type_from_name(const char *name, enum amid_type *t)
{
	size_t i;

	for (i = 0; i < AMID_T__MAX; i++)
		if (strcmp(type_names[i], name) == 0) {
			*t = (enum amid_type)i;
			return 0;
		}
	return -1;
}

const char *
amid_source_name(enum amid_source s)
{
	return (unsigned)s < AMID_SRC__MAX ? source_names[s] : "?";
}

const char *
amid_kind_name(enum amid_kind k)
{
	return (unsigned)k < AMID_KIND__MAX ? kind_names[k] : "?";
}

/*
 * Sorted arrays of different element types share one search: compare a
 * name with the name at the start of each element.
 */
static const void *
search(const void *base, size_t n, size_t size, const char *name, int fold)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const void *el = (const char *)base + mid * size;
		const char *elname = *(const char *const *)el;
		int c = fold ? strcasecmp(name, elname) : strcmp(name, elname);

		if (c == 0)
			return el;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

const struct amid_header *
amid_find_header(const struct amid_model *m, const char *name)
{
	return search(m->headers, m->nheaders, sizeof(*m->headers), name, 1);
}

const struct amid_class *
amid_find_class(const struct amid_model *m, const char *name)
{
	return search(m->classes, m->nclasses, sizeof(*m->classes), name, 1);
}

/* Messages do not start with their name, so they get their own search. */
static const struct amid_message *
find_message(const struct amid_message *v, size_t n, const char *name,
             int fold)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = fold ? strcasecmp(name, v[mid].name)
		             : strcmp(name, v[mid].name);

		if (c == 0)
			return &v[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

const struct amid_message *
amid_find_action(const struct amid_model *m, const char *name)
{
	return find_message(m->actions, m->nactions, name, 1);
}

const struct amid_message *
amid_find_event(const struct amid_model *m, const char *name)
{
	return find_message(m->events, m->nevents, name, 0);
}

int
amid_meaning_label(const struct amid_meaning *mn, char *buf, size_t size)
{
	if (mn->key != NULL)
		return snprintf(buf, size, "%s/%s", mn->header->name, mn->key);
	return snprintf(buf, size, "%s", mn->header->name);
}
