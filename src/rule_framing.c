/*
 * rule_framing.c: framing and syntax rules: line endings, terminators,
 * blank lines, lines that are not headers, the colon, header names,
 * trailing blanks, Asterisk's line and header limits, NUL and UTF-8, the
 * first header, and legacy Follows output.  Line-level facts come from
 * ami_lex.c and ami_msg.c; this file only decides what to report.
 */
#include "lint_internal.h"

/* Asterisk's input limits (manager.c: inbuf[1025], AST_MAX_MANHEADERS). */
#define AST_MAX_LINE 1024
#define AST_MAX_HEADERS 128

static void
line_endings(struct lint *l, const struct ami_message *m)
{
	enum ami_eol first;
	size_t i, nlf = 0;

	if (m->n == 0)
		return;
	first = m->h[0].line.eol;
	for (i = 0; i < m->n; i++) {
		const struct ami_header *h = &m->h[i];

		if (h->line.eol == AMI_EOL_NONE)
			continue;
		if (h->line.eol == AMI_EOL_LF)
			nlf++;
		if (first != AMI_EOL_NONE && h->line.eol != first) {
			lint_report(l, RULE_MIXED_LINE_ENDINGS, h, 0,
			            h->line.len + 1,
			            "line ends with %s while the message's first "
			            "line ends with %s",
			            h->line.eol == AMI_EOL_LF ? "a bare LF" : "CRLF",
			            first == AMI_EOL_LF ? "a bare LF" : "CRLF");
			return;
		}
	}
	if (nlf > 0 && first == AMI_EOL_LF)
		lint_report(l, RULE_BARE_LF, &m->h[0], 0, m->h[0].line.len + 1,
		            "message lines end with a bare LF, not CRLF");
}

static void
bytes(struct lint *l, const struct ami_header *h)
{
	if (h->line.flags & AMI_LINE_NUL)
		lint_report(l, RULE_NUL_BYTE, h, 0, h->line.nul_col,
		            "NUL byte in line; Asterisk ignores the rest of it");
	if (h->line.flags & AMI_LINE_BAD_UTF8)
		lint_report(l, RULE_INVALID_UTF8, h, 0, h->line.bad_utf8_col,
		            "invalid UTF-8 byte sequence");
}

static void
syntax(struct lint *l, const struct ami_message *m, const struct ami_header *h)
{
	if (h->flags & AMI_HDR_NOT_HEADER) {
		lint_report(l, RULE_LINE_NOT_A_HEADER, h, 0, 1,
		            "line has no colon: not a header");
		return;
	}
	if (h->flags & AMI_HDR_SPACE_BEFORE)
		lint_report(l, RULE_SPACE_BEFORE_COLON, h, 0, h->name_len + 1,
		            "blank before the colon: Asterisk never matches "
		            "header '%.*s'",
		            (int)h->name_len, h->name);
	if (h->flags & AMI_HDR_BAD_NAME)
		lint_report(l, RULE_BAD_HEADER_NAME, h, 0, 1,
		            "header name '%.*s' has characters other than "
		            "letters, digits, '-' and '_'",
		            (int)(h->name_len > 80 ? 80 : h->name_len), h->name);
	if ((h->flags & AMI_HDR_NO_SPACE) && !(h->flags & AMI_HDR_BAD_NAME))
		lint_report(l, RULE_NO_SPACE_AFTER_COLON, h, 0,
		            (size_t)(h->value - h->line.ptr) + 1,
		            "no space after the colon");
	if (h->flags & AMI_HDR_TRAILING_WS)
		lint_report(l, RULE_TRAILING_WHITESPACE, h, 0, h->line.len,
		            "value of '%.*s' ends with blanks, which Asterisk "
		            "keeps and most clients trim",
		            (int)h->name_len, h->name);
	if (m->kind == AMI_MSG_ACTION && h->line.full_len > AST_MAX_LINE)
		lint_report(l, RULE_LINE_TOO_LONG, h, 0, AST_MAX_LINE + 1,
		            "line of %zu bytes; Asterisk refuses lines over %d",
		            h->line.full_len, AST_MAX_LINE);
}

static void
message_shape(struct lint *l, const struct ami_message *m)
{
	const struct ami_header *first = m->n > 0 ? &m->h[0] : NULL;

	if (m->extra_blank)
		lint_report(l, RULE_EXTRA_BLANK_LINES, NULL, m->extra_blank, 1,
		            "more than one blank line between messages");
	if (first != NULL && m->kind == AMI_MSG_UNKNOWN)
		lint_report(l, RULE_FIRST_HEADER_NOT_TYPE, first, 0, 1,
		            "first header is '%.*s', not Action, Response or "
		            "Event",
		            (int)(first->name ? first->name_len : 0),
		            first->name ? first->name : "");
	if (first != NULL && m->follows)
		lint_report(l, RULE_LEGACY_COMMAND_OUTPUT, first, 0,
		            first->value_col,
		            "legacy 'Response: Follows' output (Asterisk 13 "
		            "and older); since 14, Command replies with Output: "
		            "headers");
	if (m->kind == AMI_MSG_ACTION && m->nheaders > AST_MAX_HEADERS)
		lint_report(l, RULE_TOO_MANY_HEADERS, first, 0, 1,
		            "%zu header lines; Asterisk keeps at most %d",
		            m->nheaders, AST_MAX_HEADERS);
	if (m->oversized)
		lint_report(l, RULE_TOO_MANY_HEADERS, first, 0, 1,
		            "message larger than amilint's buffer; the rest of "
		            "it was skipped");
	else if (!m->terminated && !m->gap) /* the gap is reported */
		lint_report(l, RULE_MISSING_TERMINATOR, NULL, m->last_line, 0,
		            "message starting at line %lu is not ended by a "
		            "blank line",
		            m->first_line);
}

/* The most bytes a line of an action has (only actions are limited). */
static size_t
longest_line(const struct ami_message *m)
{
	size_t i, longest = 0;

	for (i = 0; m->kind == AMI_MSG_ACTION && i < m->n; i++)
		if (m->h[i].line.full_len > longest)
			longest = m->h[i].line.full_len;
	return longest;
}

void
rule_framing(struct lint *l, const struct ami_message *m)
{
	size_t i;
	unsigned odd = 0, lf = 0;

	/*
	 * Nearly every message has nothing to say: one pass finds whether
	 * any line does (line_endings() speaks only of bare LFs).
	 */
	for (i = 0; i < m->n; i++) {
		odd |= m->h[i].line.flags | m->h[i].flags;
		lf |= m->h[i].line.eol == AMI_EOL_LF;
	}
	message_shape(l, m);
	if (lf)
		line_endings(l, m);
	if (odd == 0 && longest_line(m) <= AST_MAX_LINE)
		return;
	for (i = 0; i < m->n; i++) {
		bytes(l, &m->h[i]);
		syntax(l, m, &m->h[i]);
	}
}
