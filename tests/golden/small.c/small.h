/* generated from small.xml by amigen; do not edit */
/*
 * Validators for AMI messages: look-ups of header, action and event names,
 * and checks of actions, events and responses against the dictionary.  The
 * contract is docs/validators.md of amidict.  No allocation, no global
 * mutable state, nothing to initialise: call from any thread.
 */
#ifndef SMALL_H
#define SMALL_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Borrowed bytes, not NUL-terminated. */
struct small_slice {
	const char *ptr;
	size_t len;
};

/* One "Name: value" line; the value starts after the blanks that follow
 * the colon (trailing blanks are part of it, as Asterisk keeps them). */
struct small_field {
	struct small_slice name, value;
};

/* Header and action names match ignoring ASCII case, event names exactly;
 * ids run from 0; -1 when the name is unknown. */
int small_header_lookup(const char *name, size_t len);
const char *small_header_name(int id); /* canonical spelling, or NULL */
int small_header_count(void);          /* ids are 0 .. count-1 */
int small_action_lookup(const char *name, size_t len);
const char *small_action_name(int id);
int small_event_lookup(const char *name, size_t len);
const char *small_event_name(int id);

enum small_problem {
	SMALL_FIRST_HEADER,       /* first header is not Action, Response or Event */
	SMALL_UNKNOWN_ACTION,     /* Action: value not in the dictionary */
	SMALL_UNKNOWN_EVENT,      /* Event: value not in the dictionary */
	SMALL_MESSAGE_CASE,       /* event known under another case; name = canonical */
	SMALL_UNKNOWN_HEADER,     /* header name not in the dictionary */
	SMALL_HEADER_CASE,        /* known header spelled in another case */
	SMALL_NOT_FOR_MESSAGE,    /* known header this action/event does not define */
	SMALL_REPEATED,           /* second and later occurrences of a non-repeatable header */
	SMALL_BAD_VALUE,          /* value not of its meaning's type, range or values */
	SMALL_MISSING_REQUIRED,   /* a required header is absent */
	SMALL_INCOMPLETE_GROUP,   /* a group is used but a required member is absent */
	SMALL_NO_GROUP,           /* a required choice: none of its groups is used */
	SMALL_CONFLICTING_GROUPS, /* more than one group of one choice is used */
	SMALL_DEPRECATED_MESSAGE, /* the action/event has version facts */
	SMALL_DEPRECATED_HEADER,  /* the header as used here has version facts */
	SMALL__MAX
};

struct small_report {
	enum small_problem problem;
	size_t field;       /* index of the field concerned; nfields when none */
	const char *name;   /* canonical name of the header or message, or NULL */
	const char *detail; /* static text, or NULL */
	const char *since, *deprecated, *removed, *renamed_to; /* or NULL */
};

typedef void (*small_report_fn)(void *ctx, const struct small_report *);

/* Check one message (fields in wire order); fn (may be NULL) gets each
 * problem in turn; returns how many there were. */
size_t small_validate(const struct small_field *f, size_t n,
    small_report_fn fn, void *ctx);
/* The same for a response to a known action (an id of
 * small_action_lookup, or -1 for small_validate's behaviour). */
size_t small_validate_response(const struct small_field *f, size_t n,
    int action, small_report_fn fn, void *ctx);

#ifdef __cplusplus
}
#endif

#endif
