/*
 * ami_msg.c: lines -> messages (see ami_msg.h).  Owns the lexer and the
 * array of headers of the message being assembled; nothing is allocated
 * per message or per header.
 */
#include "ami_msg.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#define MSG_SSE2 1
#endif

/*
 * The rare cases stay out of line: inlined into the per-line code, their
 * registers would be saved and restored for every line.  The line parser
 * goes into it, whatever the compiler thinks of its size.
 */
#if defined(__GNUC__)
#define RARE __attribute__((noinline))
#define HOT __attribute__((always_inline))
#else
#define RARE
#define HOT
#endif

#define BANNER "Asterisk Call Manager/"
#define END_COMMAND "--END COMMAND--"

enum follows_state {
	FOLLOWS_NONE,    /* not a Follows response */
	FOLLOWS_HEADERS, /* its few headers, before the raw output */
	FOLLOWS_RAW,     /* raw output up to --END COMMAND-- */
	FOLLOWS_DONE
};

struct ami_parser {
	struct ami_lexer lx;
	struct ami_msg_handler hd;
	struct ami_message m;
	struct ami_header h[AMI_MSG_MAX_HEADERS];
	struct ami_header spare; /* where lines past the limit are parsed */
	unsigned long long shifted; /* lx.shifted when the message began */
	bool in_msg;
	bool skipping;     /* the rest of an oversized message */
	bool seen_message; /* blank lines before the first one are not "extra" */
	bool resync;       /* after a gap: looking for a message start */
	bool resync_ok;    /* the next line may be one (see ami_parser_gap) */
	enum follows_state follows;
	unsigned blank_run;
	unsigned long second_blank;
};

struct ami_parser *
ami_parser_new(const struct ami_msg_handler *hd)
{
	struct ami_parser *p = calloc(1, sizeof(*p));

	if (p == NULL)
		return NULL;
	if (ami_lex_init(&p->lx, AMI_LEX_BUFSIZE) < 0) {
		free(p);
		return NULL;
	}
	p->hd = *hd;
	p->m.h = p->h;
	return p;
}

void
ami_parser_free(struct ami_parser *p)
{
	if (p == NULL)
		return;
	ami_lex_free(&p->lx);
	free(p);
}

/* The bytes of a header name: [A-Za-z0-9_-]. */
static const unsigned char name_char[256] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
	0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1,
	0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

static int
is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/*
 * The value after the colon at s[c]: where it starts, and its flags.
 * Nearly always one space, then the value.
 */
static inline size_t
value_start(const char *s, size_t len, size_t c, unsigned *flags)
{
	size_t v = c + 1;

	/* A byte above ' ' is no blank. */
	if (v + 1 < len && s[v] == ' ' && (unsigned char)s[v + 1] > ' ')
		v++;
	else {
		if (v < len && s[v] == ' ')
			v++;
		else
			*flags |= AMI_HDR_NO_SPACE;
		while (v < len && is_blank(s[v]))
			v++;
	}
	if (v < len && is_blank(s[len - 1]))
		*flags |= AMI_HDR_TRAILING_WS;
	return v;
}

static void
set_value(struct ami_header *h, size_t v)
{
	h->value = h->line.ptr + v;
	h->value_len = h->line.len - v;
	h->value_col = v + 1;
}

/* A name with odd bytes, or no colon: the careful way. */
static RARE void
odd_name(struct ami_header *h, size_t from)
{
	const char *s = h->line.ptr;
	const char *colon = memchr(s + from, ':', h->line.len - from);
	size_t i, n;

	h->name = h->value = NULL;
	h->name_len = h->value_len = h->value_col = 0;
	h->flags = 0;
	if (colon == NULL) {
		h->flags = AMI_HDR_NOT_HEADER;
		return;
	}
	n = (size_t)(colon - s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t')) {
		n--;
		h->flags |= AMI_HDR_SPACE_BEFORE;
	}
	h->name = s;
	h->name_len = n;
	for (i = 0; i < n; i++)
		if (!name_char[(unsigned char)s[i]])
			h->flags |= AMI_HDR_BAD_NAME;
	if (n == 0)
		h->flags |= AMI_HDR_BAD_NAME;
	set_value(h, value_start(s, h->line.len, (size_t)(colon - s),
	                         &h->flags));
}

/*
 * The name bytes (name_char) at the start of the len bytes at s; the
 * first `readable` bytes at s may be read (len or more: a line in the
 * lexer's buffer is followed by its line end, and often by more).  With
 * SSE2 (every x86-64), the first 16 at once when that many may be read:
 * letters ((c | 0x20) - 'a' at most 25), digits (c - '0' at most 9), '_'
 * and '-'; "at most" is a saturating subtraction that leaves 0.
 */
static inline size_t
name_length(const unsigned char *s, size_t len, size_t readable)
{
	size_t i = 0;

#if !defined(MSG_SSE2)
	(void)readable;
#else
	if (readable >= 16) {
		const __m128i zero = _mm_setzero_si128();
		__m128i x = _mm_loadu_si128((const void *)s);
		__m128i low = _mm_or_si128(x, _mm_set1_epi8(0x20));
		__m128i letter = _mm_subs_epu8(
		    _mm_sub_epi8(low, _mm_set1_epi8('a')), _mm_set1_epi8(25));
		__m128i digit = _mm_subs_epu8(
		    _mm_sub_epi8(x, _mm_set1_epi8('0')), _mm_set1_epi8(9));
		__m128i name = _mm_or_si128(
		    _mm_or_si128(_mm_cmpeq_epi8(letter, zero),
		                 _mm_cmpeq_epi8(digit, zero)),
		    _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('_')),
		                 _mm_cmpeq_epi8(x, _mm_set1_epi8('-'))));
		unsigned m = ~(unsigned)_mm_movemask_epi8(name);

		/* Bits 16 and up are set, and bit len when that is below. */
		if (len < 16)
			m |= 1u << len;
		if ((i = (size_t)__builtin_ctz(m)) < 16)
			return i;
	}
#endif
	/* Four at a time: names run to a dozen bytes, this is a hot loop. */
	while (i + 4 <= len && (name_char[s[i]] & name_char[s[i + 1]] &
	                        name_char[s[i + 2]] & name_char[s[i + 3]]))
		i += 4;
	while (i < len && name_char[s[i]])
		i++;
	return i;
}

/*
 * Splits h->line (whose first `readable` bytes may be read, see
 * name_length()).  The first colon ends the name; the usual line has
 * only name bytes before it, found in one pass.  The header is written
 * last: its members could alias the bytes (chars), and the compiler would
 * read them again after each.
 */
static inline HOT void
parse_line(struct ami_header *h, size_t readable)
{
	const char *line = h->line.ptr;
	const unsigned char *s = (const unsigned char *)line;
	size_t len = h->line.len, i = name_length(s, len, readable), v;
	unsigned flags = 0;

	if (i == 0 || i == len || s[i] != ':') {
		odd_name(h, i);
		return;
	}
	v = value_start(line, len, i, &flags);
	h->name = line;
	h->name_len = i;
	h->value = line + v;
	h->value_len = len - v;
	h->value_col = v + 1;
	h->flags = flags;
}

void
ami_header_parse(struct ami_header *h, const struct ami_line *l)
{
	memset(h, 0, sizeof(*h));
	h->line = *l;
	parse_line(h, l->len);
}

/* The names differ in length: one comparison tells. */
static enum ami_msg_kind
kind_of(const struct ami_header *first)
{
	if (first->flags & AMI_HDR_NOT_HEADER)
		return AMI_MSG_UNKNOWN;
	switch (first->name_len) {
	case sizeof("Action") - 1:
		return ami_header_name_is(first, "Action") ? AMI_MSG_ACTION
		                                : AMI_MSG_UNKNOWN;
	case sizeof("Response") - 1:
		return ami_header_name_is(first, "Response") ? AMI_MSG_RESPONSE
		                                  : AMI_MSG_UNKNOWN;
	case sizeof("Event") - 1:
		return ami_header_name_is(first, "Event") ? AMI_MSG_EVENT : AMI_MSG_UNKNOWN;
	default:
		return AMI_MSG_UNKNOWN;
	}
}

/* Kept lines may have moved since they were parsed: point at them again. */
static void
rebase(struct ami_parser *p)
{
	size_t i;

	for (i = 0; i < p->m.n; i++) {
		struct ami_header *h = &p->h[i];
		const char *now = ami_lex_ptr(&p->lx, h->line.bufpos);
		ptrdiff_t d = now - h->line.ptr;

		h->line.ptr += d;
		if (h->name != NULL)
			h->name += d;
		if (h->value != NULL)
			h->value += d;
	}
}

static void
deliver(struct ami_parser *p, bool terminated)
{
	p->m.terminated = terminated;
	if (p->lx.shifted != p->shifted)
		rebase(p);
	if (p->hd.message != NULL)
		p->hd.message(p->hd.ctx, &p->m);
	p->in_msg = false;
	p->seen_message = true;
	p->follows = FOLLOWS_NONE;
	ami_lex_keep(&p->lx, NULL);
}

static void
start_message(struct ami_parser *p, const struct ami_line *l)
{
	/* Not memset(): GCC makes that a slow "rep stos" at this size. */
	static const struct ami_message empty;

	p->m = empty;
	p->m.h = p->h;
	p->m.first_line = l->lineno;
	p->m.offset = l->offset;
	if (p->seen_message && p->blank_run >= 1)
		p->m.extra_blank = p->second_blank;
	p->blank_run = 0;
	p->in_msg = true;
	p->shifted = p->lx.shifted;
	ami_lex_keep(&p->lx, l->ptr);
}

/*
 * Lines are read straight into the next free header (see pump()), so
 * storing one is counting it.
 */
static struct ami_header *
next_slot(struct ami_parser *p)
{
	size_t n = p->in_msg ? p->m.n : 0;

	return n < AMI_MSG_MAX_HEADERS ? &p->h[n] : &p->spare;
}

static void
store(struct ami_parser *p, const struct ami_header *h)
{
	if (h != &p->spare)
		p->m.n++;
	else
		p->m.ndropped++;
}

/* Lines of a legacy Follows response: a few headers, then raw output. */
static void
follows_line(struct ami_parser *p, struct ami_header *h)
{
	if (p->follows == FOLLOWS_HEADERS &&
	    !(h->flags & AMI_HDR_NOT_HEADER) &&
	    (ami_header_name_is(h, "Privilege") || ami_header_name_is(h, "ActionID"))) {
		p->m.nheaders++;
		store(p, h);
		return;
	}
	p->follows = FOLLOWS_RAW;
	p->m.nbody++;
	if (h->line.len == sizeof(END_COMMAND) - 1 &&
	    memcmp(h->line.ptr, END_COMMAND, h->line.len) == 0) {
		p->follows = FOLLOWS_DONE;
		p->m.end_command = true;
	}
}

/* h: the slot its line was read into. */
static void
message_line(struct ami_parser *p, struct ami_header *h)
{
	parse_line(h, h->line.len);
	p->m.last_line = h->line.lineno;
	if (p->follows == FOLLOWS_HEADERS || p->follows == FOLLOWS_RAW) {
		follows_line(p, h);
		return;
	}
	if (!(h->flags & AMI_HDR_NOT_HEADER))
		p->m.nheaders++;
	if (p->m.n == 0 && p->m.ndropped == 0) {
		p->m.kind = kind_of(h);
		if (p->m.kind == AMI_MSG_RESPONSE && ami_header_value_is(h, "Follows")) {
			p->m.follows = true;
			p->follows = FOLLOWS_HEADERS;
		}
	}
	store(p, h);
}

static int
is_banner(const struct ami_line *l)
{
	return l->len > sizeof(BANNER) - 1 &&
	       memcmp(l->ptr, BANNER, sizeof(BANNER) - 1) == 0;
}

/*
 * After a gap, lines are skipped up to one that starts a message or is
 * the banner, right after the gap or after a blank line; a line the gap
 * cut through never counts.  Returns 1 when l is skipped.
 */
static int
resync_skip(struct ami_parser *p, const struct ami_line *l)
{
	struct ami_header h;

	ami_lex_keep(&p->lx, NULL);
	if (l->len == 0 && l->eol != AMI_EOL_NONE) {
		p->resync_ok = true;
		return 1;
	}
	ami_header_parse(&h, l);
	if (p->resync_ok && (is_banner(l) || kind_of(&h) != AMI_MSG_UNKNOWN)) {
		p->resync = false;
		p->blank_run = 0;
		return 0;
	}
	p->resync_ok = false;
	return 1;
}

static RARE void
process_line(struct ami_parser *p, struct ami_header *h)
{
	const struct ami_line *l = &h->line;

	if (p->resync && resync_skip(p, l))
		return;
	if (l->len == 0 && l->eol != AMI_EOL_NONE &&
	    p->follows != FOLLOWS_RAW) {
		if (p->in_msg)
			deliver(p, true);
		else if (p->skipping)
			p->skipping = false;
		else if (++p->blank_run == 1)
			p->second_blank = l->lineno; /* the terminator was one */
		ami_lex_keep(&p->lx, NULL);
		return;
	}
	if (p->skipping)
		return;
	if (!p->in_msg) {
		if (is_banner(l)) {
			if (p->hd.banner != NULL)
				p->hd.banner(p->hd.ctx, l,
				             l->ptr + sizeof(BANNER) - 1,
				             l->len - (sizeof(BANNER) - 1));
			ami_lex_keep(&p->lx, NULL);
			return;
		}
		start_message(p, l);
	}
	message_line(p, h);
}

/* The message outgrew the buffer: hand over what it has, skip the rest. */
static void
flush_oversized(struct ami_parser *p)
{
	if (p->in_msg) {
		p->m.oversized = true;
		deliver(p, false);
		p->skipping = true;
	}
	ami_lex_keep(&p->lx, NULL);
}

/*
 * The usual lines, headers of the message being read (in a message, not
 * blank, no Follows output, no gap to resynchronise after, a header slot
 * free), are process_line() and message_line() without their cases, in a
 * loop of their own that keeps the counts in registers (a header's size_t
 * members could alias them).  Returns what ami_lex_next() said of the
 * first line that is not one, read into *hp; *hp is NULL when no slot is
 * left (then nothing was read).
 */
static enum ami_lex_status
message_lines(struct ami_parser *p, struct ami_header **hp)
{
	size_t n = p->m.n, nheaders = p->m.nheaders;
	unsigned long last = p->m.last_line;
	enum ami_lex_status st = AMI_LEX_LINE;
	struct ami_header *h = NULL;

	while (n < AMI_MSG_MAX_HEADERS) {
		h = &p->h[n];
		st = ami_lex_next(&p->lx, &h->line);
		if (st != AMI_LEX_LINE || h->line.len == 0)
			break;
		/* The line is in the buffer, the bytes to its end readable. */
		parse_line(h, (size_t)(p->lx.buf + p->lx.end - h->line.ptr));
		last = h->line.lineno;
		nheaders += !(h->flags & AMI_HDR_NOT_HEADER);
		n++;
		h = NULL;
	}
	p->m.n = n;
	p->m.nheaders = nheaders;
	p->m.last_line = last;
	*hp = h;
	return st;
}

static void
pump(struct ami_parser *p)
{
	struct ami_header *h;
	enum ami_lex_status st = AMI_LEX_LINE;

	for (;;) {
		h = NULL;
		if (p->in_msg && p->follows == FOLLOWS_NONE && !p->resync)
			st = message_lines(p, &h);
		if (h == NULL) {
			h = next_slot(p);
			st = ami_lex_next(&p->lx, &h->line);
		}
		switch (st) {
		case AMI_LEX_LINE:
			process_line(p, h);
			break;
		case AMI_LEX_FULL:
			flush_oversized(p);
			if (!p->in_msg && p->lx.keep == 0 && p->lx.pos == 0)
				return; /* one line fills it all: wait */
			break;
		case AMI_LEX_MORE:
		case AMI_LEX_EOF:
			return;
		}
	}
}

void
ami_parser_feed(struct ami_parser *p, const char *data, size_t len)
{
	while (len > 0) {
		size_t n = ami_lex_feed(&p->lx, data, len);

		data += n;
		len -= n;
		pump(p);
	}
}

int
ami_parser_read_fd(struct ami_parser *p, int fd)
{
	for (;;) {
		size_t avail;
		char *space = ami_lex_space(&p->lx, &avail);
		ssize_t r = read(fd, space, avail);

		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return -1;
		if (r == 0)
			return 0;
		ami_lex_commit(&p->lx, (size_t)r);
		pump(p);
	}
}

void
ami_parser_finish(struct ami_parser *p)
{
	ami_lex_finish(&p->lx);
	pump(p);
	if (p->in_msg)
		deliver(p, false);
}

void
ami_parser_gap(struct ami_parser *p)
{
	if (p->in_msg) {
		p->m.gap = true;
		deliver(p, false);
	}
	p->skipping = false;
	p->follows = FOLLOWS_NONE;
	p->resync = true;
	p->resync_ok = false;
	/* The line the gap cut through ends here, as at the end of input,
	 * and is skipped: glued to the bytes after the gap, it would hide
	 * the message they may start. */
	p->lx.eof = true;
	pump(p);
	p->lx.eof = false;
	p->resync_ok = true;
	ami_lex_keep(&p->lx, NULL);
}
