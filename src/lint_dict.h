/*
 * lint_dict.h: what the lint rules ask of a dictionary.  Two sources
 * answer: the built-in one, through the validators amigen generated from
 * dictionary/ (lint_dict_builtin.c), and one loaded at run time with
 * --dictionary (lint_dict_model.c).  Both report in the same terms, so
 * the rules cannot tell them apart (and a differential test checks it).
 */
#ifndef LINT_DICT_H
#define LINT_DICT_H

#include <stddef.h>

/* The problems a validator reports; same order as docs/validators.md. */
enum lint_problem {
	LP_FIRST_HEADER,
	LP_UNKNOWN_ACTION,
	LP_UNKNOWN_EVENT,
	LP_MESSAGE_CASE,
	LP_UNKNOWN_HEADER,
	LP_HEADER_CASE,
	LP_NOT_FOR_MESSAGE,
	LP_REPEATED,
	LP_BAD_VALUE,
	LP_MISSING_REQUIRED,
	LP_INCOMPLETE_GROUP,
	LP_NO_GROUP,
	LP_CONFLICTING_GROUPS,
	LP_DEPRECATED_MESSAGE,
	LP_DEPRECATED_HEADER,
	LP__MAX
};

struct lint_field {
	const char *name;
	size_t name_len;
	const char *value;
	size_t value_len;
};

struct lint_report {
	enum lint_problem problem;
	size_t field;
	const char *name;
	const char *detail;
	const char *since, *deprecated, *removed, *renamed_to;
};

typedef void (*lint_report_fn)(void *ctx, const struct lint_report *);

struct lint_dict {
	const char *origin; /* "built-in" or the files given */
	void *impl;
	/* action: an id from action_lookup to check a response against, or -1 */
	size_t (*validate)(void *impl, const struct lint_field *, size_t n,
	                   int action, lint_report_fn, void *ctx);
	int (*action_lookup)(void *impl, const char *name, size_t len);
	int (*header_count)(void *impl);
	const char *(*header_name)(void *impl, int id);
	void (*free)(void *impl);
};

/* The dictionary compiled into amilint. */
int lint_dict_builtin(struct lint_dict *);
/* Dictionary files loaded now; errors go to stderr as file:line: error. */
int lint_dict_load(struct lint_dict *, const char *const *paths, size_t n);

#endif
