/*
 * ami_lex.c: bytes -> lines (see ami_lex.h).  One buffer, filled by the
 * caller, compacted when the lines before `keep` are no longer needed.
 */
#include "ami_lex.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#define LEX_SSE2 1
#endif

/*
 * The rare cases stay out of line: inlined into ami_lex_next(), their
 * registers would be saved and restored for every line.
 */
#if defined(__GNUC__)
#define RARE __attribute__((noinline, cold))
#else
#define RARE
#endif

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

/*
 * Drops the bytes before keep; lines handed out before it die.  A cut
 * line not handed out yet is not the caller's to release: it stays.
 */
static void
compact(struct ami_lexer *lx)
{
	if (lx->cut.ptr != NULL && lx->keep > lx->cut.bufpos - lx->shifted)
		lx->keep = (size_t)(lx->cut.bufpos - lx->shifted);
	if (lx->keep == 0)
		return;
	memmove(lx->buf, lx->buf + lx->keep, lx->end - lx->keep);
	lx->base += lx->keep;
	lx->shifted += lx->keep;
	lx->pos -= lx->keep;
	lx->end -= lx->keep;
	lx->keep = 0;
}

/*
 * While the rest of a cut line is skipped, the buffer does not fill up:
 * reads must not shrink to a few bytes each (a 100 MB line would take
 * millions of them).  Below this room, compact; ami_lex_next() asks the
 * caller to release when compacting cannot give it.
 */
#define SKIP_MIN_ROOM 4096

/*
 * A long line (AMI_LEX_MAX_LINE bytes or more) keeps that many bytes,
 * whether it came whole (drop_rest()) or in pieces (cut_line()).  When it
 * would leave less than SKIP_MIN_ROOM even after the caller released all
 * it may, the caller is asked to (AMI_LEX_FULL) before the line is handed
 * over: the same either way, so findings do not depend on read sizes.
 */
static int
no_room_for_long(const struct ami_lexer *lx, size_t linepos)
{
	size_t held = linepos - (lx->keep < linepos ? lx->keep : linepos);

	return held + AMI_LEX_MAX_LINE > lx->cap - SKIP_MIN_ROOM;
}

char *
ami_lex_space(struct ami_lexer *lx, size_t *avail)
{
	if (lx->end == lx->cap || lx->keep > lx->cap / 2 ||
	    (lx->skipping && lx->cap - lx->end < SKIP_MIN_ROOM))
		compact(lx);
	*avail = lx->cap - lx->end;
	return lx->buf + lx->end;
}

/*
 * A cut line whose end came right after the kept part (its CR among the
 * kept bytes) was not cut after all: the same line whatever the reads.
 */
static void
fits(struct ami_line *l)
{
	if (l->full_len <= l->len) {
		l->len = l->full_len;
		l->flags &= ~(unsigned)AMI_LINE_CUT;
	}
}

/*
 * While skipping the rest of a cut line, new bytes up to its line end are
 * counted and dropped; the bytes after it move down to where they belong.
 * Until then cut.eol says whether the last byte seen was a CR: the LF may
 * come in the next read, when that CR is long dropped.
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
		if (n > 0)
			lx->cut.eol = start[n - 1] == '\r' ? AMI_EOL_CRLF
			                                   : AMI_EOL_NONE;
		return;
	}
	upto = (size_t)(nl - start);
	lx->cut.full_len += upto;
	if (upto > 0 ? start[upto - 1] == '\r' : lx->cut.eol == AMI_EOL_CRLF) {
		lx->cut.eol = AMI_EOL_CRLF;
		lx->cut.full_len--;
	} else
		lx->cut.eol = AMI_EOL_LF;
	fits(&lx->cut);
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

/*
 * Whether n bytes at s hold a NUL or a non-ASCII byte, eight at a time:
 * (w - 0x01..) | w has a byte's top bit set only where that byte is 0 or
 * at least 0x80 (or above such a byte).  Nearly every AMI line is plain
 * ASCII, and this lets it skip the byte-by-byte scan.  The last word
 * overlaps the one before rather than reading past the line.
 */
static inline int
has_odd_bytes(const unsigned char *s, size_t n)
{
	const uint64_t ones = UINT64_C(0x0101010101010101);
	uint64_t w, acc = 0;
	uint32_t a, b;
	size_t i;

	if (n >= 8) {
		for (i = 0; i + 8 < n; i += 8) {
			memcpy(&w, s + i, 8);
			acc |= (w - ones) | w;
		}
		memcpy(&w, s + n - 8, 8);
		acc |= (w - ones) | w;
		return (acc & (ones << 7)) != 0;
	}
	if (n >= 4) {
		memcpy(&a, s, 4);
		memcpy(&b, s + n - 4, 4);
		return (((a - 0x01010101u) | a | (b - 0x01010101u) | b) &
		        0x80808080u) != 0;
	}
	for (i = 0; i < n; i++)
		if (s[i] == 0 || s[i] >= 0x80)
			return 1;
	return 0;
}

/* Sets NUL and UTF-8 flags of a line that has odd bytes. */
static RARE void
scan_odd_bytes(struct ami_line *l)
{
	const unsigned char *s = (const unsigned char *)l->ptr;
	size_t i = 0, k;

	while (i < l->len) {
		if (s[i] >= 0x80) {
			k = utf8_seq(s + i, l->len - i);
			/* A cut may split a character: that is not the line's. */
			if (k == 0 && l->len == AMI_LEX_MAX_LINE &&
			    l->len - i < 4 && s[i] >= 0xc2)
				break;
			if (k == 0) {
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

/*
 * The usual line's end: the first LF among the n bytes at s, or NULL
 * (then next_line() looks again, and knows); *odd tells whether the bytes
 * before it have a NUL or a byte of 0x80 or more (has_odd_bytes()).  With
 * SSE2 (every x86-64) one pass over 16 bytes at a time finds both,
 * without a call, and gives up on the last 15 bytes of the buffer;
 * elsewhere memchr() and has_odd_bytes().
 */
static inline const char *
line_end(const char *s, size_t n, int *odd)
{
#if defined(LEX_SSE2)
	const __m128i lf = _mm_set1_epi8('\n'), nul = _mm_setzero_si128();
	unsigned odd_bits = 0, m;
	size_t i;

	for (i = 0; i + 16 <= n; i += 16) {
		__m128i x = _mm_loadu_si128((const void *)(s + i));
		/* Top bits (0x80 and more), and NULs. */
		unsigned bad = (unsigned)_mm_movemask_epi8(x) |
		               (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, nul));

		m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, lf));
		if (m != 0) {
			unsigned k = (unsigned)__builtin_ctz(m);

			*odd = (odd_bits | (bad & ((1u << k) - 1))) != 0;
			return s + i + k;
		}
		odd_bits |= bad;
	}
	return NULL;
#else
	const char *nl = memchr(s, '\n', n);

	if (nl != NULL)
		*odd = has_odd_bytes((const unsigned char *)s,
		                     (size_t)(nl - s));
	return nl;
#endif
}

/*
 * The usual line with odd bytes.  Called last, so that ami_lex_next()'s
 * usual path calls nothing and saves no registers.
 */
static RARE enum ami_lex_status
odd_line(struct ami_line *l)
{
	l->full_len = l->len;
	scan_odd_bytes(l);
	return AMI_LEX_LINE;
}

/* Sets NUL and UTF-8 flags of a line. */
static void
scan_bytes(struct ami_line *l)
{
	if (has_odd_bytes((const unsigned char *)l->ptr, l->len))
		scan_odd_bytes(l);
}

/* Every member is set: this runs once per line, a memset costs. */
static void
make_line(struct ami_lexer *lx, struct ami_line *l, size_t len,
          enum ami_eol eol)
{
	l->ptr = lx->buf + lx->pos;
	l->len = len;
	l->full_len = len;
	l->lineno = ++lx->lineno;
	l->offset = lx->base + lx->pos;
	l->eol = eol;
	l->flags = 0;
	l->nul_col = 0;
	l->bad_utf8_col = 0;
	l->bufpos = lx->shifted + lx->pos;
	scan_bytes(l);
}

/*
 * A long line that came whole keeps AMI_LEX_MAX_LINE bytes in the buffer,
 * as a cut one does: the rest of it and its line end are dropped.
 */
static void
drop_rest(struct ami_lexer *lx, size_t len)
{
	size_t to = lx->pos + AMI_LEX_MAX_LINE, from = lx->pos + len + 1;

	memmove(lx->buf + to, lx->buf + from, lx->end - from);
	lx->base += from - to; /* dropped bytes still count as stream offset */
	lx->end -= from - to;
	lx->pos = to;
}

/* A line with no end in sight has grown past the limit: cut it. */
static void
cut_line(struct ami_lexer *lx)
{
	make_line(lx, &lx->cut, AMI_LEX_MAX_LINE, AMI_EOL_NONE);
	lx->cut.flags |= AMI_LINE_CUT;
	lx->cut.full_len = lx->end - lx->pos;
	if (lx->buf[lx->end - 1] == '\r')
		lx->cut.eol = AMI_EOL_CRLF; /* so far; see skip_cut_rest() */
	/* Everything after the kept part is dropped, as later input will be. */
	lx->base += lx->end - (lx->pos + AMI_LEX_MAX_LINE);
	lx->end = lx->pos + AMI_LEX_MAX_LINE;
	lx->pos = lx->end;
	lx->skipping = true;
}

/* Every case of ami_lex_next(); see there for the usual one. */
static RARE enum ami_lex_status
next_line(struct ami_lexer *lx, struct ami_line *l)
{
	char *start = lx->buf + lx->pos, *nl;
	size_t avail = lx->end - lx->pos, len;

	if (lx->cut.ptr != NULL && !lx->skipping) {
		*l = lx->cut;
		/* Compaction may have moved it while its rest was skipped. */
		l->ptr = ami_lex_ptr(lx, l->bufpos);
		lx->cut.ptr = NULL;
		return AMI_LEX_LINE;
	}
	if (lx->skipping && !lx->eof)
		return no_room_for_long(lx, (size_t)(lx->cut.bufpos - lx->shifted))
		           ? AMI_LEX_FULL
		           : AMI_LEX_MORE;
	if (lx->skipping) {
		lx->skipping = false;
		lx->cut.eol = AMI_EOL_NONE; /* the input ended within it */
		fits(&lx->cut);
		return ami_lex_next(lx, l);
	}
	if ((nl = memchr(start, '\n', avail)) != NULL) {
		len = (size_t)(nl - start);
		if (len >= AMI_LEX_MAX_LINE && no_room_for_long(lx, lx->pos))
			return AMI_LEX_FULL;
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
			fits(l);
		}
		if (len >= AMI_LEX_MAX_LINE)
			drop_rest(lx, len);
		else
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
		return ami_lex_next(lx, l); /* FULL when no room is left */
	}
	if (lx->end == lx->cap && lx->keep == 0)
		return AMI_LEX_FULL;
	return AMI_LEX_MORE;
}

/*
 * The usual line, apart so that it costs a few instructions (this runs
 * once per line): no cut line pending, its end in the buffer, shorter
 * than the limit.  next_line() does the same for it, and all the rest.
 */
enum ami_lex_status
ami_lex_next(struct ami_lexer *lx, struct ami_line *l)
{
	size_t pos = lx->pos, avail = lx->end - pos, len, cr;
	const char *start = lx->buf + pos, *nl;
	int odd;

	if (lx->cut.ptr != NULL || lx->skipping)
		return next_line(lx, l);
	/*
	 * Set apart from lineno: GCC would load lineno and base (neighbours)
	 * at once, and such a load waits for the store of lineno of the
	 * line before.  next_line() sets *l anew.
	 */
	l->offset = lx->base + pos;
	/* Past the limit, the line is next_line()'s: look no further. */
	if ((nl = line_end(start, avail < AMI_LEX_MAX_LINE ? avail
	                                                   : AMI_LEX_MAX_LINE,
	                   &odd)) == NULL)
		return next_line(lx, l);
	len = (size_t)(nl - start);
	cr = len > 0 && start[len - 1] == '\r';
	l->ptr = start;
	l->len = len - cr;
	l->lineno = ++lx->lineno;
	l->eol = cr ? AMI_EOL_CRLF : AMI_EOL_LF;
	l->flags = 0;
	l->nul_col = l->bad_utf8_col = 0;
	l->bufpos = lx->shifted + pos;
	lx->pos = pos + len + 1;
	/* The CR is neither NUL nor UTF-8: counting it changes nothing. */
	if (odd)
		return odd_line(l);
	/*
	 * Apart from len: GCC would store both with one 16-byte store, and
	 * the parser's load of len right after waits for it.
	 */
	l->full_len = len - cr;
	return AMI_LEX_LINE;
}
