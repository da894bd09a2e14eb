/*
 * ami_msg.c: lines -> messages (see ami_msg.h).  Owns the lexer and the
 * array of headers of the message being assembled; nothing is allocated
 * per message or per header.
 */
#include "ami_msg.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

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

/* The value after the colon at s[c]: its blanks, bounds and flags. */
static void
value_part(struct ami_header *h, size_t c)
{
	const char *s = h->line.ptr;
	size_t len = h->line.len, v = c + 1;

	if (v >= len || s[v] != ' ')
		h->flags |= AMI_HDR_NO_SPACE;
	while (v < len && (s[v] == ' ' || s[v] == '\t'))
		v++;
	h->value = s + v;
	h->value_len = len - v;
	h->value_col = v + 1;
	if (h->value_len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		h->flags |= AMI_HDR_TRAILING_WS;
}

/* A name with odd bytes, or no colon: the careful way. */
static void
odd_name(struct ami_header *h, size_t from)
{
	const char *s = h->line.ptr;
	const char *colon = memchr(s + from, ':', h->line.len - from);
	size_t i, n;

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
	value_part(h, (size_t)(colon - s));
}

/*
 * Splits h->line.  The first colon ends the name; the usual line has
 * only name bytes before it, found in one pass.
 */
static void
parse_line(struct ami_header *h)
{
	const char *s = h->line.ptr;
	size_t len = h->line.len, i = 0;

	h->name = h->value = NULL;
	h->name_len = h->value_len = h->value_col = 0;
	h->flags = 0;
	/* Four at a time: names run to a dozen bytes, this is the hot loop. */
	while (i + 4 <= len && (name_char[(unsigned char)s[i]] &
	                        name_char[(unsigned char)s[i + 1]] &
	                        name_char[(unsigned char)s[i + 2]] &
	                        name_char[(unsigned char)s[i + 3]]))
		i += 4;
	while (i < len && name_char[(unsigned char)s[i]])
		i++;
	if (i == 0 || i == len || s[i] != ':') {
		odd_name(h, i);
		return;
	}
	h->name = s;
	h->name_len = i;
	value_part(h, i);
}

void
ami_header_parse(struct ami_header *h, const struct ami_line *l)
{
	memset(h, 0, sizeof(*h));
	h->line = *l;
	parse_line(h);
}

static int
name_is(const struct ami_header *h, const char *name)
{
	size_t n = strlen(name);

	return h->name_len == n && strncasecmp(h->name, name, n) == 0;
}

static int
value_is(const struct ami_header *h, const char *value)
{
	size_t n = strlen(value);

	return h->value_len == n && strncasecmp(h->value, value, n) == 0;
}

static enum ami_msg_kind
kind_of(const struct ami_header *first)
{
	if (first->flags & AMI_HDR_NOT_HEADER)
		return AMI_MSG_UNKNOWN;
	if (name_is(first, "Action"))
		return AMI_MSG_ACTION;
	if (name_is(first, "Response"))
		return AMI_MSG_RESPONSE;
	if (name_is(first, "Event"))
		return AMI_MSG_EVENT;
	return AMI_MSG_UNKNOWN;
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
	memset(&p->m, 0, sizeof(p->m));
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
	    (name_is(h, "Privilege") || name_is(h, "ActionID"))) {
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
	parse_line(h);
	p->m.last_line = h->line.lineno;
	if (p->follows == FOLLOWS_HEADERS || p->follows == FOLLOWS_RAW) {
		follows_line(p, h);
		return;
	}
	if (!(h->flags & AMI_HDR_NOT_HEADER))
		p->m.nheaders++;
	if (p->m.n == 0 && p->m.ndropped == 0) {
		p->m.kind = kind_of(h);
		if (p->m.kind == AMI_MSG_RESPONSE && value_is(h, "Follows")) {
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

static void
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

static void
pump(struct ami_parser *p)
{
	struct ami_header *h;

	for (;;) {
		h = next_slot(p);
		switch (ami_lex_next(&p->lx, &h->line)) {
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
