/*
 * lint_internal.h: what the engine (lint.c) shares with the rule groups
 * (rule_*.c).  Rules report through lint_report(); header helpers find
 * headers of the current message.
 */
#ifndef LINT_INTERNAL_H
#define LINT_INTERNAL_H

#include "ami_session.h"
#include "lint.h"

/* Findings of one message, held back to be handed over in line order. */
#define LINT_HELD 64
#define LINT_MSG_MAX 512
#define LINT_VERDICTS 16 /* a power of two */

struct lint_held {
	struct lint_finding f;
	char message[LINT_MSG_MAX];
	size_t seq; /* report order: the tie-breaker */
};

struct lint {
	const struct lint_dict *dict;
	struct lint_options opt;
	char target[32]; /* Asterisk version in force, or "" */
	lint_emit_fn emit;
	void *ctx;
	int stream; /* of the messages now handed over (lint_stream) */
	struct ami_session session;
	/* The message being checked, its fields for the validator, and
	 * which header each field came from. */
	const struct ami_message *msg;
	struct lint_field fields[AMI_MSG_MAX_HEADERS];
	size_t field_header[AMI_MSG_MAX_HEADERS];
	size_t nfields;
	/* Set by rules that explain a header better than the validator. */
	bool quiet_field[AMI_MSG_MAX_HEADERS];
	struct lint_held held[LINT_HELD];
	size_t nheld;
	/*
	 * Version facts already judged against target, by the address of
	 * their strings (rule_dictionary.c): most messages repeat the same
	 * few.  All zero is a valid entry; emptied when target changes.
	 */
	struct lint_verdict {
		const char *since, *deprecated, *removed;
		int verdict;
	} verdicts[LINT_VERDICTS];
};

/*
 * Reports a finding of rule at header h of the current message (its line
 * is quoted) and column col, or at line (no quote) when h is NULL.
 */
void lint_report(struct lint *, enum rule_id, const struct ami_header *h,
                 unsigned long line, size_t col, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;

/* The first header of the message called name (ignoring case), or NULL. */
const struct ami_header *lint_header(const struct ami_message *,
                                     const char *name);
/* Edit distance ignoring case, giving up past max (returns max + 1). */
size_t lint_distance(const char *a, size_t la, const char *b, size_t lb,
                     size_t max);
/* A header whose value must never be shown (a password). */
int lint_is_secret(const struct ami_header *);
/* The header a validator field came from. */
const struct ami_header *lint_field_header(const struct lint *, size_t field);

/* The rule groups, in the order the engine runs them. */
void rule_framing(struct lint *, const struct ami_message *);
void rule_headers(struct lint *, const struct ami_message *);
void rule_headers_report(struct lint *, const struct lint_report *);
void rule_dictionary_report(struct lint *, const struct lint_report *);
void rule_session(struct lint *, const struct ami_message *);
void rule_session_finish(struct lint *);
/* A server message or the banner: the transcript has a server side. */
void rule_session_server(struct lint *);
void rule_security(struct lint *, const struct ami_message *);

#endif
