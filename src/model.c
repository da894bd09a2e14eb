/*
 * model.c: names of the model's enumerations and look-ups on a linked
 * model (entries are sorted, so look-ups are binary searches).
 */
#include "model.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
 * The len bytes at s against a NUL-terminated name, in strcasecmp (fold)
 * or strcmp order: the order the linker sorted the entries in.
 */
static int
cmp_name(const char *s, size_t len, const char *name, int fold)
{
	size_t i;

	for (i = 0; i < len; i++) {
		int a = (unsigned char)s[i], b = (unsigned char)name[i];

		if (fold) {
			a = a >= 'A' && a <= 'Z' ? a + 32 : a;
			b = b >= 'A' && b <= 'Z' ? b + 32 : b;
		}
		if (b == 0 || a != b)
			return b == 0 ? 1 : a - b;
	}
	return name[len] == '\0' ? 0 : -1;
}

/*
 * Sorted arrays of different element types share one search: each
 * element's name is found at offset within it.
 */
static const void *
search(const void *base, size_t n, size_t size, size_t offset,
       const char *s, size_t len, int fold)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const char *el = (const char *)base + mid * size;
		int c = cmp_name(s, len, *(const char *const *)(el + offset),
		                 fold);

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
amid_find_header_n(const struct amid_model *m, const char *s, size_t len)
{
	return search(m->headers, m->nheaders, sizeof(*m->headers),
	              offsetof(struct amid_header, name), s, len, 1);
}

const struct amid_message *
amid_find_action_n(const struct amid_model *m, const char *s, size_t len)
{
	return search(m->actions, m->nactions, sizeof(*m->actions),
	              offsetof(struct amid_message, name), s, len, 1);
}

const struct amid_message *
amid_find_event_n(const struct amid_model *m, const char *s, size_t len)
{
	return search(m->events, m->nevents, sizeof(*m->events),
	              offsetof(struct amid_message, name), s, len, 0);
}

const struct amid_message *
amid_find_response_n(const struct amid_model *m, const char *s, size_t len)
{
	return search(m->responses, m->nresponses, sizeof(*m->responses),
	              offsetof(struct amid_message, name), s, len, 0);
}

const struct amid_header *
amid_find_header(const struct amid_model *m, const char *name)
{
	return amid_find_header_n(m, name, strlen(name));
}

const struct amid_class *
amid_find_class(const struct amid_model *m, const char *name)
{
	return search(m->classes, m->nclasses, sizeof(*m->classes),
	              offsetof(struct amid_class, name), name, strlen(name), 1);
}

const struct amid_message *
amid_find_action(const struct amid_model *m, const char *name)
{
	return amid_find_action_n(m, name, strlen(name));
}

const struct amid_message *
amid_find_event(const struct amid_model *m, const char *name)
{
	return amid_find_event_n(m, name, strlen(name));
}

int
amid_meaning_label(const struct amid_meaning *mn, char *buf, size_t size)
{
	if (mn->key != NULL)
		return snprintf(buf, size, "%s/%s", mn->header->name, mn->key);
	return snprintf(buf, size, "%s", mn->header->name);
}
