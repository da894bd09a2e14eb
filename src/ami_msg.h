/*
 * ami_msg.h: lines -> messages, the second stage of amilint's pipeline.
 * Splits each line into header name and value (borrowed slices), notes
 * what is odd about it, and groups lines into messages ended by a blank
 * line; recognises the banner and legacy `Response: Follows` bodies.
 * Messages are handed to a callback and are valid only during it.
 */
#ifndef AMI_MSG_H
#define AMI_MSG_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "ami_lex.h"

/* Asterisk keeps 128; more are counted, and kept up to this many. */
#define AMI_MSG_MAX_HEADERS 512

enum {
	AMI_HDR_NOT_HEADER = 1 << 0,   /* no colon */
	AMI_HDR_SPACE_BEFORE = 1 << 1, /* blanks between name and colon */
	AMI_HDR_NO_SPACE = 1 << 2,     /* no space after the colon */
	AMI_HDR_TRAILING_WS = 1 << 3,  /* value ends with blanks */
	AMI_HDR_BAD_NAME = 1 << 4,     /* name outside [A-Za-z0-9_-] */
	AMI_HDR_BODY = 1 << 5          /* a raw line of a Follows body */
};

struct ami_header {
	struct ami_line line; /* the whole line, its place and its flags */
	const char *name;     /* name as written, blanks before colon excluded */
	size_t name_len;
	const char *value; /* after the colon and leading blanks */
	size_t value_len;  /* trailing blanks included, as Asterisk keeps */
	size_t value_col;  /* 1-based */
	unsigned flags;
};

enum ami_msg_kind {
	AMI_MSG_ACTION,
	AMI_MSG_RESPONSE,
	AMI_MSG_EVENT,
	AMI_MSG_UNKNOWN /* first header is none of the three */
};

struct ami_message {
	enum ami_msg_kind kind;
	const struct ami_header *h; /* stored lines (headers and odd lines) */
	size_t n;
	size_t nheaders;  /* header lines, stored or not */
	size_t ndropped;  /* lines not stored (past AMI_MSG_MAX_HEADERS) */
	size_t nbody;     /* raw lines of a Follows body */
	bool follows;     /* legacy Response: Follows */
	bool end_command; /* its --END COMMAND-- was seen */
	bool terminated;  /* ended by a blank line */
	bool oversized;   /* outgrew the buffer; the rest was skipped */
	bool gap;         /* cut short by bytes lost (ami_parser_gap) */
	unsigned long first_line, last_line;
	unsigned long long offset; /* of the first line */
	unsigned long extra_blank; /* line of a second blank line before it, or 0 */
};

struct ami_msg_handler {
	void (*message)(void *ctx, const struct ami_message *);
	/* The "Asterisk Call Manager/X.Y.Z" line; version is its X.Y.Z. */
	void (*banner)(void *ctx, const struct ami_line *, const char *version,
	               size_t version_len);
	void *ctx;
};

struct ami_parser;

struct ami_parser *ami_parser_new(const struct ami_msg_handler *);
void ami_parser_free(struct ami_parser *);

/* Push interface: bytes in, messages out through the handler. */
void ami_parser_feed(struct ami_parser *, const char *data, size_t len);
/* Pull interface: reads the whole file descriptor; -1 on a read error. */
int ami_parser_read_fd(struct ami_parser *, int fd);
/* End of input: a message in progress is handed over unterminated. */
void ami_parser_finish(struct ami_parser *);
/*
 * Bytes were lost from the input here (a gap in a packet capture, or a
 * capture that starts mid-connection).  A message in progress is handed
 * over unterminated with gap set.  The line the gap cut through ends at
 * the gap (and counts as a line); then lines are skipped up to the next
 * one that starts a message (Action:, Response:, Event:) or is the
 * banner, right after the gap or after a blank line.  Offsets go on
 * counting the bytes fed.
 */
void ami_parser_gap(struct ami_parser *);

/*
 * Comparisons ignoring ASCII case, as Asterisk compares names (the C
 * locale's strncasecmp, inline: parsers and rules ask this per message).
 */
static inline unsigned char
ami_lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c + ('a' - 'A')) : c;
}

/* The n bytes at a and at b are the same, ignoring case. */
static inline int
ami_same_ignoring_case(const char *a, const char *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (a[i] != b[i] && ami_lower((unsigned char)a[i]) !=
		                        ami_lower((unsigned char)b[i]))
			return 0;
	return 1;
}

/* The header's name, or its value, is the string given, ignoring case. */
static inline int
ami_header_name_is(const struct ami_header *h, const char *name)
{
	size_t n = strlen(name);

	return h->name != NULL && h->name_len == n &&
	       ami_same_ignoring_case(h->name, name, n);
}

static inline int
ami_header_value_is(const struct ami_header *h, const char *value)
{
	size_t n = strlen(value);

	return h->value_len == n && ami_same_ignoring_case(h->value, value, n);
}

/* Splits one line into a header (exposed for tests). */
void ami_header_parse(struct ami_header *, const struct ami_line *);

#endif
