/*
 * ami_lex.c: bytes -> lines (see ami_lex.h).  One buffer, filled by the
 * caller, compacted when the lines before `keep` are no longer needed.
 */
#include "ami_lex.h"

#include <stdlib.h>
#include <string.h>

int
ami_lex_init(struct ami_lexer *lx, size_t cap)
{
	memset(lx, 0, sizeof(*lx));
	if (cap < 2 * AMI_LEX_MAX_LINE)
		cap = 2 * AMI_LEX_MAX_LINE;
	if ((lx->buf = malloc(cap)) == NULL)
		return -1;
	lx->cap = cap;
	return 0;
}

void
ami_lex_free(struct ami_lexer *lx)
{
	free(lx->buf);
	lx->buf = NULL;
}

/* Drops the bytes before keep; lines handed out before it die. */
static void
compact(struct ami_lexer *lx)
{
	if (lx->keep == 0)
		return;
	memmove(lx->buf, lx->buf + lx->keep, lx->end - lx->keep);
	lx->base += lx->keep;
	lx->shifted += lx->keep;
	lx->pos -= lx->keep;
	lx->end -= lx->keep;
	lx->keep = 0;
}

char *
ami_lex_space(struct ami_lexer *lx, size_t *avail)
{
	if (lx->end == lx->cap || lx->keep > lx->cap / 2)
		compact(lx);
	*avail = lx->cap - lx->end;
	return lx->buf + lx->end;
}

/*
 * While skipping the rest of a cut line, new bytes up to its line end are
 * counted and dropped; the bytes after it move down to where they belong.
 */
static void
skip_cut_rest(struct ami_lexer *lx, size_t n)
{
	char *start = lx->buf + lx->end;
	char *nl = memchr(start, '\n', n);
	size_t upto;

	if (nl == NULL) {
		lx->cut.full_len += n;
		lx->base += n; /* dropped bytes still count as stream offset */
		return;
	}
	upto = (size_t)(nl - start);
	lx->cut.full_len += upto;
	lx->cut.eol = AMI_EOL_LF;
	if (upto > 0 ? start[upto - 1] == '\r'
	             : lx->cut.len > 0 && lx->cut.ptr[lx->cut.len - 1] == '\r') {
		lx->cut.eol = AMI_EOL_CRLF;
		lx->cut.full_len--;
	}
	lx->base += upto + 1;
	memmove(start, nl + 1, n - upto - 1);
	lx->end += n - upto - 1;
	lx->skipping = false;
}

void
ami_lex_commit(struct ami_lexer *lx, size_t n)
{
	if (lx->skipping)
		skip_cut_rest(lx, n);
	else
		lx->end += n;
}

size_t
ami_lex_feed(struct ami_lexer *lx, const char *data, size_t len)
{
	size_t avail, n;
	char *p = ami_lex_space(lx, &avail);

	n = len < avail ? len : avail;
	memcpy(p, data, n);
	ami_lex_commit(lx, n);
	return n;
}

void
ami_lex_finish(struct ami_lexer *lx)
{
	lx->eof = true;
}

const char *
ami_lex_ptr(const struct ami_lexer *lx, unsigned long long bufpos)
{
	return lx->buf + (size_t)(bufpos - lx->shifted);
}

void
ami_lex_keep(struct ami_lexer *lx, const char *p)
{
	lx->keep = p != NULL ? (size_t)(p - lx->buf) : lx->pos;
}

/* Length of the valid UTF-8 sequence at s (1..4), or 0 when invalid. */
static size_t
utf8_seq(const unsigned char *s, size_t n)
{
	size_t len, i;
	unsigned c = s[0];

	if (c < 0xc2 || c > 0xf4)
		return 0;
	len = c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
	if (n < len)
		return 0;
	for (i = 1; i < len; i++)
		if ((s[i] & 0xc0) != 0x80)
			return 0;
	/* Overlong forms, surrogates and values past U+10FFFF. */
	if ((c == 0xe0 && s[1] < 0xa0) || (c == 0xed && s[1] > 0x9f) ||
	    (c == 0xf0 && s[1] < 0x90) || (c == 0xf4 && s[1] > 0x8f))
		return 0;
	return len;
}

/* Sets NUL and UTF-8 flags of a line. */
static void
scan_bytes(struct ami_line *l)
{
	const unsigned char *s = (const unsigned char *)l->ptr;
	size_t i = 0, k;

	while (i < l->len) {
		if (s[i] >= 0x80) {
			if ((k = utf8_seq(s + i, l->len - i)) == 0) {
				if (!(l->flags & AMI_LINE_BAD_UTF8))
					l->bad_utf8_col = i + 1;
				l->flags |= AMI_LINE_BAD_UTF8;
				k = 1;
			}
			i += k;
			continue;
		}
		if (s[i] == '\0' && !(l->flags & AMI_LINE_NUL)) {
			l->flags |= AMI_LINE_NUL;
			l->nul_col = i + 1;
		}
		i++;
	}
}

static void
make_line(struct ami_lexer *lx, struct ami_line *l, size_t len,
          enum ami_eol eol)
{
	memset(l, 0, sizeof(*l));
	l->ptr = lx->buf + lx->pos;
	l->len = len;
	l->full_len = len;
	l->lineno = ++lx->lineno;
	l->offset = lx->base + lx->pos;
	l->eol = eol;
	l->bufpos = lx->shifted + lx->pos;
	scan_bytes(l);
}

/* A line with no end in sight has grown past the limit: cut it. */
static void
cut_line(struct ami_lexer *lx)
{
	make_line(lx, &lx->cut, AMI_LEX_MAX_LINE, AMI_EOL_NONE);
	lx->cut.flags |= AMI_LINE_CUT;
	lx->cut.full_len = lx->end - lx->pos;
	/* Everything after the kept part is dropped, as later input will be. */
	lx->base += lx->end - (lx->pos + AMI_LEX_MAX_LINE);
	lx->end = lx->pos + AMI_LEX_MAX_LINE;
	lx->pos = lx->end;
	lx->skipping = true;
}

enum ami_lex_status
ami_lex_next(struct ami_lexer *lx, struct ami_line *l)
{
	char *start = lx->buf + lx->pos, *nl;
	size_t avail = lx->end - lx->pos, len;

	if (lx->cut.ptr != NULL && !lx->skipping) {
		*l = lx->cut;
		lx->cut.ptr = NULL;
		return AMI_LEX_LINE;
	}
	if (lx->skipping)
		return lx->eof ? (lx->skipping = false, ami_lex_next(lx, l))
		               : AMI_LEX_MORE;
	if ((nl = memchr(start, '\n', avail)) != NULL) {
		len = (size_t)(nl - start);
		if (len > AMI_LEX_MAX_LINE) {
			/* Cut here too, so every kept line has the same bound. */
			make_line(lx, l, AMI_LEX_MAX_LINE, AMI_EOL_LF);
			l->flags |= AMI_LINE_CUT;
			l->full_len = len;
		} else
			make_line(lx, l, len, AMI_EOL_LF);
		if (len > 0 && start[len - 1] == '\r') {
			l->eol = AMI_EOL_CRLF;
			l->full_len--;
			if (l->len == len)
				l->len--;
		}
		lx->pos += len + 1;
		return AMI_LEX_LINE;
	}
	if (lx->eof) {
		if (avail == 0)
			return AMI_LEX_EOF;
		make_line(lx, l, avail, AMI_EOL_NONE);
		lx->pos = lx->end;
		return AMI_LEX_LINE;
	}
	if (avail >= AMI_LEX_MAX_LINE) {
		cut_line(lx);
		return AMI_LEX_MORE;
	}
	if (lx->end == lx->cap && lx->keep == 0)
		return AMI_LEX_FULL;
	return AMI_LEX_MORE;
}
