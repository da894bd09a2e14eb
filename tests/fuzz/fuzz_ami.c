/*
 * fuzz_ami.c: libFuzzer target for amilint's parsers: bytes -> ami_lex.c
 * -> ami_msg.c -> lint.c and the rule groups, with the built-in
 * dictionary, wired as src/amilint.c lint_input() wires them.
 *
 * Each input is linted twice: fed whole, then in chunks whose sizes come
 * from a PRNG seeded by the input.  A streaming parser must not care how
 * its bytes arrive, so the two runs must give the same findings (a digest
 * of rule, place, message and quoted line); a difference aborts.  And
 * every line and header handed over is checked against the input.
 *
 * So that small inputs reach the 64 KiB line cut and the 1 MiB buffer,
 * three escapes expand before lint (0xff is never in UTF-8, and real
 * transcripts are text):
 *   ff fe B N   the byte B, (N + 1) * 1024 times
 *   ff fd N     the last line written (with its line end), (N + 1) * 64
 *               times
 *   ff fc N     the last message written (back to the blank line before
 *               it), (N + 1) * 16 times
 * The expansion stops at EXPAND_MAX bytes.  With FUZZ_AMI_DUMP=FILE in the
 * environment, the expanded input is written there: amilint can read it;
 * with FUZZ_AMI_SHOW set, both runs print their findings.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ami_msg.h"
#include "diag.h"
#include "lint.h"
#include "lint_dict.h"
#include "lint_internal.h"

#define EXPAND_MAX (2u * 1024 * 1024)

struct digest {
	uint64_t h;
	size_t n;
	FILE *out; /* the text writer's output: /dev/null, or stderr */
	struct diag diag;
};

static uint64_t
fnv(uint64_t h, const void *p, size_t n)
{
	const unsigned char *s = p;
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ s[i]) * 1099511628211u;
	return h;
}

/* What the writers rely on; a broken promise is a bug to find. */
static void
check_finding(const struct lint_finding *f)
{
	const struct ami_line *l = f->source;
	const unsigned char *m = (const unsigned char *)f->message;
	size_t i;

	if ((int)f->rule < 0 || f->rule >= RULE__COUNT || m == NULL ||
	    strlen(f->message) >= LINT_MSG_MAX)
		abort();
	for (i = 0; m[i] != '\0'; i++)
		if (m[i] < 0x20 || m[i] == 0x7f)
			abort(); /* lint.c sanitizes every message */
	if (l == NULL)
		return;
	if (l->len > AMI_LEX_MAX_LINE || l->len > l->full_len ||
	    l->lineno == 0 || f->line != l->lineno)
		abort();
	if (f->redact_len > 0 && f->redact_from + f->redact_len > l->len)
		abort(); /* the writers would quote past the line */
	if (f->col > l->len + 1)
		abort(); /* the caret would point past the line */
}

static void
on_finding(void *ctx, const struct lint_finding *f)
{
	struct digest *d = ctx;
	unsigned long long v[6];

	check_finding(f);
	v[0] = f->rule;
	v[1] = f->severity;
	v[2] = f->line;
	v[3] = f->col;
	v[4] = f->redact_from;
	v[5] = f->redact_len;
	d->h = fnv(d->h, v, sizeof(v));
	d->h = fnv(d->h, f->message, strlen(f->message) + 1);
	if (f->source != NULL) {
		v[0] = f->source->offset;
		v[1] = f->source->full_len;
		v[2] = f->source->eol;
		v[3] = f->source->flags;
		d->h = fnv(d->h, v, 4 * sizeof(v[0]));
		d->h = fnv(d->h, f->source->ptr, f->source->len);
	}
	d->n++;
	if (d->out != NULL && (d->out != stderr || d->n <= 40 ||
	                       getenv("FUZZ_AMI_SHOW") != NULL))
		diag_text.finding(&d->diag, "fuzz", f);
}

/* Appends n copies of the last k bytes of out. */
static size_t
repeat(char *out, size_t len, size_t k, size_t n)
{
	size_t i, start = len - k;

	for (i = 0; i < n && len + k <= EXPAND_MAX; i++) {
		memmove(out + len, out + start, k);
		len += k;
	}
	return len;
}

/*
 * How many bytes follow the blank line before the final one (all of them
 * when there is none): the last message.
 */
static size_t
last_message(const char *out, size_t o)
{
	size_t i;

	for (i = o > 3 ? o - 3 : 0; i > 0; i--)
		if (out[i - 1] == '\n' &&
		    (out[i] == '\n' || (out[i] == '\r' && i + 1 < o &&
		                        out[i + 1] == '\n')))
			return o - (i + (out[i] == '\r' ? 2 : 1));
	return o;
}

/*
 * The input with its escapes expanded; *len is set.  One buffer for all
 * runs (a fresh 2 MiB each time costs more than the lint).  NULL on no
 * memory.
 */
static char *
expand(const uint8_t *in, size_t n, size_t *len)
{
	static char *out;
	size_t i = 0, o = 0, k;

	if (out == NULL && (out = malloc(EXPAND_MAX)) == NULL)
		return NULL;
	while (i < n && o < EXPAND_MAX) {
		if (in[i] == 0xff && i + 3 < n && in[i + 1] == 0xfe) {
			k = ((size_t)in[i + 3] + 1) * 1024;
			if (k > EXPAND_MAX - o)
				k = EXPAND_MAX - o;
			memset(out + o, in[i + 2], k);
			o += k;
			i += 4;
		} else if (in[i] == 0xff && i + 2 < n && in[i + 1] == 0xfd) {
			/* The last line: back to the newline before the last. */
			for (k = o > 0 ? 1 : 0; k < o && out[o - k - 1] != '\n';
			     k++)
				;
			if (k > 0)
				o = repeat(out, o, k, ((size_t)in[i + 2] + 1) * 64);
			i += 3;
		} else if (in[i] == 0xff && i + 2 < n && in[i + 1] == 0xfc) {
			if ((k = last_message(out, o)) > 0)
				o = repeat(out, o, k, ((size_t)in[i + 2] + 1) * 16);
			i += 3;
		} else
			out[o++] = (char)in[i++];
	}
	*len = o;
	return out;
}

/* xorshift64: chunk sizes, the same for the same input. */
static size_t
chunk(uint64_t *s)
{
	uint64_t x = *s;

	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	*s = x;
	switch (x & 7) {
	case 0: case 1: case 2: case 3:
		return 1 + (x >> 8) % 16;
	case 4: case 5:
		return 1 + (x >> 8) % 700;
	default: /* whole-buffer reads are the other run's */
		return 1 + (x >> 8) % 70000;
	}
}

static const char *
target_of(uint64_t h)
{
	static const char *const t[] = {NULL, "1.4", "13", "21"};

	return t[(h >> 3) % 4];
}

/*
 * The second oracle: every line the parser hands over is checked against
 * the input bytes at its offset (bytes, kept length, line end, line
 * number), and every stored header against a fresh ami_header_parse().
 */
struct source {
	const char *in;
	size_t len;
	unsigned long long last_off; /* lines come in stream order */
	unsigned long last_lineno;
	struct lint *l;
};

static void
fail(const char *what, const struct ami_line *l)
{
	fprintf(stderr, "fuzz_ami: %s (line %lu at offset %llu, %zu of %zu "
	                "bytes)\n",
	        what, l->lineno, l->offset, l->len, l->full_len);
	abort();
}

static int
right_end(const struct source *s, const struct ami_line *l)
{
	const char *in = s->in;
	size_t end = (size_t)l->offset + l->full_len;

	switch (l->eol) {
	case AMI_EOL_CRLF:
		return end + 1 < s->len && in[end] == '\r' && in[end + 1] == '\n';
	case AMI_EOL_LF:
		return end < s->len && in[end] == '\n' &&
		       (l->full_len == 0 || in[end - 1] != '\r');
	default:
		return end == s->len;
	}
}

static void
check_line(struct source *s, const struct ami_line *l)
{
	const char *at = s->in + l->offset, *p;
	size_t max = AMI_LEX_MAX_LINE;

	if (l->offset > s->len || l->full_len > s->len - l->offset)
		fail("line past the end of the input", l);
	if (l->len != (l->full_len < max ? l->full_len : max))
		fail("kept length is not min(length, AMI_LEX_MAX_LINE)", l);
	if (memcmp(l->ptr, at, l->len) != 0)
		fail("line bytes differ from the input", l);
	if (memchr(at, '\n', l->full_len) != NULL || !right_end(s, l))
		fail("line end misplaced or mistaken", l);
	if (l->offset < s->last_off)
		fail("lines out of order", l);
	for (p = s->in + s->last_off; (p = memchr(p, '\n', (size_t)(at - p)));
	     p++)
		s->last_lineno++;
	s->last_off = l->offset;
	if (l->lineno != s->last_lineno)
		fail("wrong line number", l);
}

static void
check_header(const struct ami_header *h)
{
	struct ami_header re;

	ami_header_parse(&re, &h->line);
	if (re.flags != (h->flags & ~(unsigned)AMI_HDR_BODY) ||
	    re.name_len != h->name_len || re.value_len != h->value_len ||
	    re.value_col != h->value_col ||
	    (h->name != NULL && h->name != h->line.ptr) ||
	    (h->value != NULL && h->value != h->line.ptr + h->value_col - 1))
		fail("header differs from ami_header_parse() of its line",
		     &h->line);
}

static void
on_message(void *ctx, const struct ami_message *m)
{
	struct source *s = ctx;
	size_t i;

	if (m->n > AMI_MSG_MAX_HEADERS)
		abort();
	for (i = 0; i < m->n; i++) {
		check_line(s, &m->h[i].line);
		check_header(&m->h[i]);
	}
	lint_message(s->l, m);
}

static void
on_banner(void *ctx, const struct ami_line *l, const char *v, size_t n)
{
	struct source *s = ctx;

	check_line(s, l);
	if (v < l->ptr || n > l->len || v + n != l->ptr + l->len)
		fail("banner version outside its line", l);
	lint_banner(s->l, l, v, n);
}

/* Lints buf once; chunked when seed is not 0.  Returns the digest. */
static uint64_t
lint_once(const char *buf, size_t len, uint64_t seed, const char *target,
          FILE *out)
{
	static struct lint_dict dict;
	struct lint_options opt;
	struct digest d = {14695981039346656037u, 0, out, {0}};
	struct source src = {buf, len, 0, 1, NULL};
	struct ami_msg_handler hd = {on_message, on_banner, &src};
	struct ami_parser *p;
	struct lint *l;
	size_t i, n;

	if (dict.validate == NULL)
		lint_dict_builtin(&dict);
	memset(&opt, 0, sizeof(opt));
	for (i = 0; i < RULE__COUNT; i++)
		opt.enabled[i] = true;
	opt.target = target;
	d.diag.f = out;
	if ((l = lint_new(&dict, &opt, on_finding, &d)) == NULL)
		abort();
	src.l = l;
	if ((p = ami_parser_new(&hd)) == NULL)
		abort();
	for (i = 0; i < len; i += n) {
		n = seed != 0 ? chunk(&seed) : len;
		if (n > len - i)
			n = len - i;
		ami_parser_feed(p, buf + i, n);
	}
	ami_parser_finish(p);
	lint_finish(l);
	ami_parser_free(p);
	lint_free(l);
	return fnv(d.h, &d.n, sizeof(d.n));
}

static void
dump(const char *buf, size_t len)
{
	const char *path = getenv("FUZZ_AMI_DUMP");
	FILE *f;

	if (path == NULL)
		return;
	if ((f = fopen(path, "wb")) == NULL || fwrite(buf, 1, len, f) != len ||
	    fclose(f) != 0)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *devnull;
	size_t len;
	char *buf = expand(data, size, &len);
	uint64_t h = fnv(14695981039346656037u, data, size) | 1;
	const char *target = target_of(h);

	if (buf == NULL)
		return 0;
	dump(buf, len);
	if (devnull == NULL && (devnull = fopen("/dev/null", "w")) == NULL)
		abort();
	if (getenv("FUZZ_AMI_SHOW") != NULL)
		devnull = stderr; /* the first 40 findings of each run */
	if (lint_once(buf, len, 0, target, devnull) !=
	    lint_once(buf, len, h, target, devnull == stderr ? stderr : NULL)) {
		fprintf(stderr, "fuzz_ami: findings depend on chunking "
		                "(%zu bytes expanded)\n--- fed whole:\n", len);
		lint_once(buf, len, 0, target, stderr);
		fprintf(stderr, "--- fed in chunks:\n");
		lint_once(buf, len, h, target, stderr);
		abort();
	}
	return 0;
}
