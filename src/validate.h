/*
 * validate.h: libamidict's run-time validator.  Checks AMI messages against
 * a loaded dictionary (a linked struct amid_model) with exactly the
 * semantics of the validators amigen -T c generates (docs/validators.md):
 * same problems, same order, same names and texts.  No allocation, no
 * printing: problems go to a callback.
 */
#ifndef AMID_VALIDATE_H
#define AMID_VALIDATE_H

#include <stddef.h>

#include "model.h"

/* Borrowed bytes, not NUL-terminated. */
struct amid_slice {
	const char *ptr;
	size_t len;
};

/* One "Name: value" line; the value starts after the blanks that follow
 * the colon (trailing blanks are part of it, as Asterisk keeps them). */
struct amid_field {
	struct amid_slice name, value;
};

/* The problems, in the order and meaning of P_* in docs/validators.md. */
enum amid_problem {
	AMID_V_FIRST_HEADER,
	AMID_V_UNKNOWN_ACTION,
	AMID_V_UNKNOWN_EVENT,
	AMID_V_MESSAGE_CASE,
	AMID_V_UNKNOWN_HEADER,
	AMID_V_HEADER_CASE,
	AMID_V_NOT_FOR_MESSAGE,
	AMID_V_REPEATED,
	AMID_V_BAD_VALUE,
	AMID_V_MISSING_REQUIRED,
	AMID_V_INCOMPLETE_GROUP,
	AMID_V_NO_GROUP,
	AMID_V_CONFLICTING_GROUPS,
	AMID_V_DEPRECATED_MESSAGE,
	AMID_V_DEPRECATED_HEADER,
	AMID_V__MAX
};

/*
 * What the callback gets.  The strings are the model's, or texts built for
 * this report: valid during the callback only.
 */
struct amid_report {
	enum amid_problem problem;
	size_t field;       /* the field concerned; nfields when none */
	const char *name;   /* canonical name of header or message, or NULL */
	const char *detail; /* what was expected, or NULL */
	const char *since, *deprecated, *removed, *renamed_to; /* or NULL */
};

typedef void (*amid_report_fn)(void *ctx, const struct amid_report *);

/*
 * Checks one message (fields in wire order) against m; fn (may be NULL)
 * gets each problem in turn.  Returns how many problems there were.
 */
size_t amid_validate(const struct amid_model *m, const struct amid_field *f,
                     size_t n, amid_report_fn fn, void *ctx);

/*
 * The same for a response to a known action (from amid_find_action, or
 * NULL for amid_validate's behaviour): the action's response fields are
 * allowed too, and other known headers are AMID_V_NOT_FOR_MESSAGE.
 */
size_t amid_validate_response(const struct amid_model *m,
                              const struct amid_field *f, size_t n,
                              const struct amid_message *action,
                              amid_report_fn fn, void *ctx);

#endif
