/*
 * errors.h: problems found while loading a dictionary, returned to the
 * caller (the library never prints).  Each one has a place (file, line)
 * and a severity; the front-end formats them as "file:line: error: ...".
 */
#ifndef AMID_ERRORS_H
#define AMID_ERRORS_H

#include <stddef.h>

enum amid_severity {
	AMID_WARNING,
	AMID_ERROR
};

struct amid_error {
	char *file;      /* owned; NULL when no file is involved */
	unsigned long line; /* 0 when unknown */
	enum amid_severity severity;
	char *message;   /* owned */
};

struct amid_errors {
	struct amid_error *v;
	size_t n, cap;
	size_t nerrors;  /* how many have severity AMID_ERROR */
	int nomem;       /* set when a report itself could not be stored */
};

void amid_errors_init(struct amid_errors *);
void amid_errors_free(struct amid_errors *);

/* Records a problem; on out-of-memory only sets nomem (and counts it). */
void amid_report(struct amid_errors *, enum amid_severity, const char *file,
                 unsigned long line, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

#endif
