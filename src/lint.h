/*
 * lint.h: amilint's engine.  Messages (ami_msg.h) go in; each goes through
 * the rule groups (rule_framing.c, rule_headers.c, rule_dictionary.c,
 * rule_session.c, rule_security.c) and findings come out through a
 * callback, already filtered by the enabled rules.  The engine never
 * prints and never keeps a message after the call that handed it over.
 */
#ifndef LINT_H
#define LINT_H

#include <stdbool.h>
#include <stddef.h>

#include "ami_msg.h"
#include "lint_dict.h"
#include "rule.h"

enum lint_severity {
	LINT_NOTE,
	LINT_WARNING,
	LINT_ERROR
};

/*
 * Where in a packet capture a finding is: set by the capture front-end
 * (cap_lint.c) for the writers, NULL for a transcript.  line, col and
 * offset are then those of one direction's bytes as captured (the file
 * amilint --extract writes for it; but a gap inside a line ends it, see
 * ami_parser_gap()).
 */
struct lint_place {
	const char *connection; /* "10.0.0.1:40000->10.0.0.2:5038", client first */
	unsigned long index;    /* its number in the capture, or 0 */
	const char *direction;  /* "client" or "server" (who sent it), or NULL */
	unsigned long long frame; /* frame holding the place, or 0 */
	int has_offset;         /* offset is known though no line is quoted */
};

struct lint_finding {
	enum rule_id rule;
	enum lint_severity severity;
	unsigned long line; /* 1-based; 0 when the finding has no place */
	size_t col;         /* 1-based; 0 when none */
	unsigned long long offset; /* byte offset of the line in the input */
	const char *message;
	/* The line to quote, or NULL; valid during the callback only. */
	const struct ami_line *source;
	/* Bytes of the source that must not be shown (a secret), or 0. */
	size_t redact_from, redact_len;
	int stream;                     /* see lint_stream() */
	const struct lint_place *place; /* NULL from the engine */
};

typedef void (*lint_emit_fn)(void *ctx, const struct lint_finding *);

struct lint_options {
	bool enabled[RULE__COUNT];
	const char *target; /* Asterisk version such as "18", or NULL */
};

struct lint;

struct lint *lint_new(const struct lint_dict *, const struct lint_options *,
                      lint_emit_fn, void *ctx);
void lint_free(struct lint *);

/* The ami_msg_handler callbacks, with a struct lint * as ctx. */
void lint_banner(void *lint, const struct ami_line *, const char *version,
                 size_t version_len);
void lint_message(void *lint, const struct ami_message *);
/* End of the transcript: rules over the whole session. */
void lint_finish(struct lint *);

/*
 * For a session read from several byte streams (a capture's two
 * directions, each with its own line numbers): the messages handed over
 * from now on come from this stream, and each finding's stream names the
 * one its line is in.  0 until called.
 */
void lint_stream(struct lint *, int stream);
/*
 * Bytes of the session were lost (a capture gap): what was in flight may
 * have been answered in them, so the session forgets it, responses to
 * actions it never saw are no longer reported, and the client counts as
 * logged in.
 */
void lint_gap(struct lint *);

/* Asterisk version for an AMI version ("2.8.0" -> "13"); NULL if unknown. */
const char *lint_ami_to_asterisk(const char *ami, size_t len, char *buf,
                                 size_t size);

#endif
