/*
 * errors.c: the list of problems a dictionary load returns.
 */
#include "errors.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void
amid_errors_init(struct amid_errors *e)
{
	memset(e, 0, sizeof(*e));
}

void
amid_errors_free(struct amid_errors *e)
{
	size_t i;

	for (i = 0; i < e->n; i++) {
		free(e->v[i].file);
		free(e->v[i].message);
	}
	free(e->v);
	amid_errors_init(e);
}

#if defined(__GNUC__)
__attribute__((format(printf, 1, 0)))
#endif
static char *
vformat(const char *fmt, va_list ap)
{
	va_list copy;
	char *s;
	int len;

	va_copy(copy, ap);
	len = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (len < 0)
		return NULL;
	s = malloc((size_t)len + 1);
	if (s != NULL)
		vsnprintf(s, (size_t)len + 1, fmt, ap);
	return s;
}

void
amid_report(struct amid_errors *e, enum amid_severity sev, const char *file,
            unsigned long line, const char *fmt, ...)
{
	struct amid_error *v, *r;
	va_list ap;

	if (sev == AMID_ERROR)
		e->nerrors++;
	if (e->n == e->cap) {
		size_t ncap = e->cap ? e->cap * 2 : 8;
		v = realloc(e->v, ncap * sizeof(*v));
		if (v == NULL) {
			e->nomem = 1;
			return;
		}
		e->v = v;
		e->cap = ncap;
	}
	r = &e->v[e->n];
	r->severity = sev;
	r->line = line;
	r->file = NULL;
	if (file != NULL && (r->file = strdup(file)) == NULL) {
		e->nomem = 1;
		return;
	}
	va_start(ap, fmt);
	r->message = vformat(fmt, ap);
	va_end(ap);
	if (r->message == NULL) {
		free(r->file);
		e->nomem = 1;
		return;
	}
	e->n++;
}
