/*
 * page_name.c: page names unique ignoring case (see page_name.h), worked
 * out once before a tree back-end writes its first page.
 */
#include "page_name.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const kind_dirs[AMID_KIND__MAX] = {
    [AMID_ACTION] = "actions",
    [AMID_EVENT] = "events",
    [AMID_RESPONSE] = NULL, /* responses have no pages of their own */
};

const char *
page_dir(enum amid_kind k)
{
	return kind_dirs[k];
}

/* prefix + name, as the style spells it. */
static char *
page_base(const struct page_style *st, enum amid_kind k, const char *name)
{
	const char *prefix = st->prefix[k] != NULL ? st->prefix[k] : "";
	size_t n = strlen(prefix);
	char *s = malloc(n + strlen(name) + 1), *p;

	if (s == NULL)
		return NULL;
	memcpy(s, prefix, n);
	for (p = s + n; *name != '\0'; name++, p++) {
		int c = (unsigned char)*name;

		if (st->lower) {
			c = c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
			c = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
			            c == '-' || c == '_'
			        ? c
			        : '_';
		}
		*p = (char)c;
	}
	*p = '\0';
	return s;
}

static int
taken(char **names, size_t n, const char *s)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (names[i] != NULL && strcasecmp(names[i], s) == 0)
			return 1;
	return 0;
}

/* base SEP 2, base SEP 3 ...: the first name no page has. */
static char *
suffixed(char **names, size_t n, const char *base, char sep)
{
	size_t len = strlen(base) + 24;
	char *s = malloc(len);
	unsigned long k;

	for (k = 2; s != NULL; k++) {
		snprintf(s, len, "%s%c%lu", base, sep, k);
		if (!taken(names, n, s))
			break;
	}
	return s;
}

static void
free_names(char **names, size_t n)
{
	size_t i;

	if (names == NULL)
		return;
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

/* The names of v[0..n), messages of kind k; NULL: out of memory. */
static char **
name_all(const struct page_style *st, enum amid_kind k,
         const struct amid_message *v, size_t n)
{
	char **names = calloc(n + 1, sizeof(*names));
	char *base;
	size_t i;
	int ok = names != NULL;

	for (i = 0; ok && i < n; i++) {
		ok = (names[i] = page_base(st, k, v[i].name)) != NULL;
		if (ok && taken(names, i, names[i])) {
			free(names[i]);
			names[i] = NULL; /* named in the second pass */
		}
	}
	for (i = 0; ok && i < n; i++) {
		if (names[i] != NULL)
			continue;
		ok = (base = page_base(st, k, v[i].name)) != NULL &&
		     (names[i] = suffixed(names, n, base, st->sep)) != NULL;
		free(base);
	}
	if (ok)
		return names;
	free_names(names, n);
	return NULL;
}

int
page_names_init(struct page_names *p, const struct amid_model *m,
                const struct page_style *st)
{
	memset(p, 0, sizeof(*p));
	p->m = m;
	p->name[AMID_ACTION] = name_all(st, AMID_ACTION, m->actions,
	                                m->nactions);
	p->name[AMID_EVENT] = name_all(st, AMID_EVENT, m->events, m->nevents);
	if (p->name[AMID_ACTION] != NULL && p->name[AMID_EVENT] != NULL)
		return 0;
	page_names_free(p);
	return -1;
}

void
page_names_free(struct page_names *p)
{
	free_names(p->name[AMID_ACTION], p->m->nactions);
	free_names(p->name[AMID_EVENT], p->m->nevents);
	p->name[AMID_ACTION] = p->name[AMID_EVENT] = NULL;
}

const char *
page_name(const struct page_names *p, const struct amid_message *msg)
{
	if (msg == NULL || msg->name == NULL)
		return NULL;
	if (msg->kind == AMID_ACTION)
		return p->name[AMID_ACTION][msg - p->m->actions];
	if (msg->kind == AMID_EVENT)
		return p->name[AMID_EVENT][msg - p->m->events];
	return NULL;
}
