/*
 * cap_lint.c: AMI connections -> parsers -> lint sessions (see
 * cap_lint.h).  Each direction remembers which frame its bytes came in
 * (a bounded list of marks), so that a finding can name the frame of its
 * line, and counts lines so that a gap can be placed.
 */
#include "cap_lint.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "ami_msg.h"

/* Marks kept per direction: enough for the lines a finding can name
 * while its message is assembled; older lines may lose their frame. */
#define MARKS_MAX 4096
#define NAME_SIZE 136

struct mark {
	unsigned long long offset;
	unsigned long long key; /* 2 * line, + 1 unless at a line start */
	unsigned long long frame;
};

struct cl_conn;

struct side {
	struct cl_conn *c;
	int idx; /* enum cap_side: the stream tag given to lint */
	struct ami_parser *p;
	unsigned long long bytes, lines; /* fed so far, and their newlines */
	size_t col;                      /* bytes since the last newline */
	struct mark *marks;              /* a ring, oldest at head */
	size_t cap, n, head;
	struct lint_place place;
};

struct cl_conn {
	const struct cap_lint_options *o;
	struct lint *lint;
	struct side side[2];
	char name[NAME_SIZE];
};

#define FRAGS 64

struct frag { /* an IP packet whose first fragment was on an AMI port */
	struct cap_endpoint src, dst;
	unsigned long id;
};

struct run {
	const struct cap_lint_options *o;
	bool oom;
	struct frag frags[FRAGS]; /* a ring of the latest */
	size_t nfrags;
};

/* ---- frames of places ------------------------------------------------ */

static void
add_mark(struct side *s, unsigned long long frame)
{
	struct mark m = {s->bytes, 2 * (s->lines + 1) + (s->col > 0), frame};
	struct mark *bigger;

	if (s->n > 0 && s->marks[(s->head + s->n - 1) % s->cap].frame == frame)
		return;
	if (s->n == s->cap && s->cap < MARKS_MAX && s->head == 0) {
		/* Not wrapped yet: growing keeps the order. */
		size_t cap = s->cap == 0 ? 16 : 2 * s->cap;

		if ((bigger = realloc(s->marks, cap * sizeof(*bigger))) != NULL) {
			s->marks = bigger;
			s->cap = cap;
		}
	}
	if (s->cap == 0)
		return;
	if (s->n == s->cap) { /* full: the oldest goes */
		s->marks[s->head] = m;
		s->head = (s->head + 1) % s->cap;
		return;
	}
	s->marks[(s->head + s->n++) % s->cap] = m;
}

/* The frame of the last mark at or before v (an offset, or a line's
 * key); 0 when its mark is gone. */
static unsigned long long
frame_of(const struct side *s, unsigned long long v, bool by_line)
{
	size_t lo = 0, hi = s->n, mid;

	while (lo < hi) {
		const struct mark *m = &s->marks[(s->head + (mid = (lo + hi) / 2)) %
		                                 s->cap];

		if ((by_line ? m->key : m->offset) <= v)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo == 0 ? 0 : s->marks[(s->head + lo - 1) % s->cap].frame;
}

static void
count(struct side *s, const unsigned char *p, size_t len)
{
	const unsigned char *nl, *end = p + len, *last = NULL;

	for (nl = p; (nl = memchr(nl, '\n', (size_t)(end - nl))) != NULL;
	     last = nl++)
		s->lines++;
	s->col = last != NULL ? (size_t)(end - last - 1) : s->col + len;
	s->bytes += len;
}

/* ---- findings -------------------------------------------------------- */

static void
on_finding(void *ctx, const struct lint_finding *f)
{
	struct cl_conn *c = ctx;
	const struct side *s = &c->side[f->stream == CAP_SERVER];
	struct lint_finding g = *f;
	struct lint_place pl = s->place;

	if (f->source != NULL)
		pl.frame = frame_of(s, f->offset, false);
	else if (f->line > 0)
		pl.frame = frame_of(s, 2 * (unsigned long long)f->line, true);
	else
		pl.direction = NULL; /* about the whole session */
	g.place = &pl;
	c->o->emit(c->o->ctx, &g);
}

/* A finding of the capture's own, at the end of what a side sent. */
static void
report(const struct cap_lint_options *o, enum rule_id rule,
       const struct side *s, struct lint_place *pl, const char *msg)
{
	struct lint_finding f;

	if (!o->lint->enabled[rule])
		return;
	memset(&f, 0, sizeof(f));
	f.rule = rule;
	f.severity = (enum lint_severity)rule_table[rule].severity;
	f.message = msg;
	if (s != NULL) {
		f.line = (unsigned long)s->lines + 1;
		f.col = s->col + 1;
		f.offset = s->bytes;
		pl->has_offset = 1;
	}
	f.place = pl;
	o->emit(o->ctx, &f);
}

static void
report_gap(struct side *s, enum cap_gap_why why, unsigned long long n,
           unsigned long long frame)
{
	static const char *const what[] = {
		[CAP_GAP_LOST] = "missing from the capture (lost); linting "
		                 "resumes at the next message",
		[CAP_GAP_CUT] = "cut off by the capture's snapshot length; "
		                "linting resumes at the next message",
		[CAP_GAP_END] = "before the end of the connection missing from "
		                "the capture",
	};
	struct lint_place pl = s->place;
	char msg[160];

	pl.frame = frame;
	snprintf(msg, sizeof(msg), "%llu byte%s %s", n, n == 1 ? "" : "s",
	         what[why]);
	report(s->c->o, RULE_CAPTURE_GAP, s, &pl, msg);
}

static bool
same_host(const struct cap_endpoint *a, const struct cap_endpoint *b)
{
	return a->family == b->family && memcmp(a->addr, b->addr, 16) == 0;
}

/*
 * Whether a fragment belongs to AMI traffic: the first one by its ports;
 * the others (which have none) when the first was.
 */
static bool
ami_fragment(struct run *r, const struct cap_packet *pk)
{
	const struct cap_tcp_limits *lim = &r->o->limits;
	struct frag *f;
	size_t i;

	if (pk->frag_offset > 0) {
		for (i = 0; i < FRAGS && i < r->nfrags; i++) {
			f = &r->frags[i];
			if (f->id == pk->frag_id && same_host(&f->src, &pk->src) &&
			    same_host(&f->dst, &pk->dst))
				return true;
		}
		return false;
	}
	for (i = 0; i < lim->nports; i++)
		if (lim->ports[i] == pk->src.port || lim->ports[i] == pk->dst.port)
			break;
	if (i == lim->nports)
		return false;
	f = &r->frags[r->nfrags++ % FRAGS];
	f->src = pk->src;
	f->dst = pk->dst;
	f->id = pk->frag_id;
	return true;
}

static void
report_fragment(const struct cap_lint_options *o, const struct cap_packet *pk)
{
	char a[64], b[64], name[NAME_SIZE], msg[160];
	struct lint_place pl = {name, 0, NULL, pk->frame, 0};

	cap_endpoint_str(&pk->src, a, sizeof(a));
	cap_endpoint_str(&pk->dst, b, sizeof(b));
	snprintf(name, sizeof(name), "%s->%s", a, b);
	snprintf(msg, sizeof(msg),
	         "IPv%d fragment of a TCP packet (ID %lu, offset %lu%s) "
	         "skipped: amilint does not reassemble IP",
	         pk->src.family, pk->frag_id, pk->frag_offset,
	         pk->frag_more ? ", more follow" : "");
	report(o, RULE_IP_FRAGMENT, NULL, &pl, msg);
}

/* ---- the parsers' and the reassembler's callbacks -------------------- */

static void
on_message(void *ctx, const struct ami_message *m)
{
	struct side *s = ctx;

	lint_stream(s->c->lint, s->idx);
	lint_message(s->c->lint, m);
}

static void
on_banner(void *ctx, const struct ami_line *l, const char *v, size_t n)
{
	struct side *s = ctx;

	lint_stream(s->c->lint, s->idx);
	lint_banner(s->c->lint, l, v, n);
}

static void
free_conn(struct cl_conn *c)
{
	int i;

	for (i = 0; i < 2; i++) {
		ami_parser_free(c->side[i].p);
		free(c->side[i].marks);
	}
	lint_free(c->lint);
	free(c);
}

static void
on_open(void *ctx, struct cap_conn *cc)
{
	static const char *const dir[] = {"client", "server"};
	struct run *r = ctx;
	struct cl_conn *c = calloc(1, sizeof(*c));
	char a[64], b[64];
	int i;

	if (c == NULL ||
	    (c->lint = lint_new(r->o->dict, r->o->lint, on_finding, c)) == NULL)
		goto oom;
	c->o = r->o;
	cap_endpoint_str(&cc->ep[CAP_CLIENT], a, sizeof(a));
	cap_endpoint_str(&cc->ep[CAP_SERVER], b, sizeof(b));
	snprintf(c->name, sizeof(c->name), "%s->%s", a, b);
	for (i = 0; i < 2; i++) {
		struct side *s = &c->side[i];
		struct ami_msg_handler hd = {on_message, on_banner, s};
		struct lint_place pl = {c->name, cc->index, dir[i], 0, 0};

		s->c = c;
		s->idx = i;
		s->place = pl;
		if ((s->p = ami_parser_new(&hd)) == NULL)
			goto oom;
	}
	cc->user = c;
	return;
oom:
	r->oom = true;
	if (c != NULL)
		free_conn(c);
	cc->user = NULL;
}

static void
on_data(void *ctx, struct cap_conn *cc, enum cap_side side,
        const unsigned char *p, size_t len, unsigned long long frame)
{
	struct cl_conn *c = cc->user;
	struct side *s;

	(void)ctx;
	if (c == NULL)
		return;
	s = &c->side[side];
	add_mark(s, frame);
	count(s, p, len);
	ami_parser_feed(s->p, (const char *)p, len);
}

static void
on_gap(void *ctx, struct cap_conn *cc, enum cap_side side,
       enum cap_gap_why why, unsigned long long n, unsigned long long frame)
{
	struct cl_conn *c = cc->user;
	struct side *s;

	(void)ctx;
	if (c == NULL)
		return;
	s = &c->side[side];
	lint_stream(c->lint, side);
	ami_parser_gap(s->p); /* the message cut short goes first */
	/* At the start of a capture that begins mid-connection nothing is
	 * missing that the capture could have held, but the session began
	 * before it (the login too). */
	if (why != CAP_GAP_START)
		report_gap(s, why, n, frame);
	lint_gap(c->lint);
	if (s->col > 0) { /* the parser ended the line at the gap */
		s->lines++;
		s->col = 0;
	}
}

/*
 * An evicted connection is not over: what it has in flight may be
 * answered in its next bytes (another session), so it ends as at a gap.
 */
static void
on_close(void *ctx, struct cap_conn *cc, bool evicted)
{
	struct cl_conn *c = cc->user;
	int i;

	(void)ctx;
	if (c == NULL)
		return;
	for (i = 0; i < 2; i++) {
		lint_stream(c->lint, i);
		if (evicted)
			ami_parser_gap(c->side[i].p);
		ami_parser_finish(c->side[i].p);
	}
	if (evicted)
		lint_gap(c->lint);
	lint_finish(c->lint);
	free_conn(c);
	cc->user = NULL;
}

int
cap_lint(FILE *f, const struct cap_lint_options *o, char err[CAP_ERRSIZE])
{
	struct run r = {.o = o};
	struct cap_tcp_handler hd = {on_open, on_data, on_gap, on_close, &r};
	struct cap_reader *rd;
	struct cap_tcp *t;
	struct cap_packet pk;
	int rc;

	if ((rd = cap_open(f, err)) == NULL)
		return -1;
	if ((t = cap_tcp_new(&o->limits, &hd)) == NULL) {
		cap_close(rd);
		snprintf(err, CAP_ERRSIZE, "out of memory");
		return -1;
	}
	while ((rc = cap_next(rd, &pk)) > 0) {
		if (pk.kind == CAP_FRAGMENT && ami_fragment(&r, &pk))
			report_fragment(o, &pk);
		cap_tcp_packet(t, &pk);
	}
	if (rc < 0)
		snprintf(err, CAP_ERRSIZE, "%s", cap_error(rd));
	cap_tcp_free(t); /* the connections still open end here */
	cap_close(rd);
	if (rc == 0 && r.oom)
		snprintf(err, CAP_ERRSIZE, "out of memory");
	return rc < 0 || r.oom ? -1 : 0;
}
