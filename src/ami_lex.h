/*
 * ami_lex.h: bytes -> lines, the first stage of amilint's pipeline
 * (ami_lex -> ami_msg -> ami_session -> rules -> diagnostics).
 * A streaming lexer over one bounded buffer: lines are borrowed slices into
 * it, with line number, byte offset, line ending and byte-level findings
 * (NUL, invalid UTF-8).  Memory never grows with the input: a line longer
 * than AMI_LEX_MAX_LINE is cut (the rest is counted and skipped).
 */
#ifndef AMI_LEX_H
#define AMI_LEX_H

#include <stdbool.h>
#include <stddef.h>

#define AMI_LEX_BUFSIZE (1024 * 1024)
#define AMI_LEX_MAX_LINE (64 * 1024)

enum ami_eol {
	AMI_EOL_CRLF,
	AMI_EOL_LF,
	AMI_EOL_NONE /* the input ended without a line end */
};

enum {
	AMI_LINE_NUL = 1 << 0,      /* contains a NUL byte */
	AMI_LINE_BAD_UTF8 = 1 << 1, /* not valid UTF-8 */
	AMI_LINE_CUT = 1 << 2       /* longer than AMI_LEX_MAX_LINE: cut */
};

struct ami_line {
	const char *ptr;  /* borrowed; without the line end */
	size_t len;       /* bytes kept (at most AMI_LEX_MAX_LINE) */
	size_t full_len;  /* bytes the line really had */
	unsigned long lineno;
	unsigned long long offset; /* of the line's first byte in the stream */
	enum ami_eol eol;
	unsigned flags;
	size_t nul_col, bad_utf8_col; /* 1-based columns of the first ones */
	unsigned long long bufpos; /* where ptr is; see ami_lex_ptr() */
};

enum ami_lex_status {
	AMI_LEX_LINE,      /* *line is set */
	AMI_LEX_MORE,      /* feed more input (or call ami_lex_finish) */
	AMI_LEX_FULL,      /* the kept bytes fill the buffer: release some */
	AMI_LEX_EOF        /* finished and drained */
};

struct ami_lexer {
	char *buf;
	size_t cap;
	size_t keep;  /* bytes before this may be dropped on compaction */
	size_t pos;   /* next unread byte */
	size_t end;   /* bytes in buf */
	bool eof;
	bool skipping; /* inside the uncounted rest of a cut line */
	struct ami_line cut; /* the cut line, returned when its end is seen */
	unsigned long lineno;
	unsigned long long base; /* stream offset of buf[0] */
	unsigned long long shifted; /* bytes compaction moved out so far */
};

int ami_lex_init(struct ami_lexer *, size_t cap);
void ami_lex_free(struct ami_lexer *);

/* Room for the next read: reads go straight into the buffer. */
char *ami_lex_space(struct ami_lexer *, size_t *avail);
void ami_lex_commit(struct ami_lexer *, size_t n);
/* Copies bytes in (for sources that push: captures, proxies). */
size_t ami_lex_feed(struct ami_lexer *, const char *data, size_t len);
void ami_lex_finish(struct ami_lexer *);

enum ami_lex_status ami_lex_next(struct ami_lexer *, struct ami_line *);

/*
 * Lines from p on must stay valid (a message being assembled); everything
 * before may be dropped.  NULL releases every line returned so far.
 */
void ami_lex_keep(struct ami_lexer *, const char *p);

/*
 * Compaction moves kept lines; a line's bufpos finds it again, valid while
 * it is kept.  Holders of lines across ami_lex_space() use this.
 */
const char *ami_lex_ptr(const struct ami_lexer *, unsigned long long bufpos);

#endif
