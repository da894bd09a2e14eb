/*
 * cap_tcp.c: TCP segments -> the byte streams of AMI connections (see
 * cap_tcp.h).  A hash table of connections, each on one of two lists by
 * recent activity (open AMI connections, and the rest) so that the
 * idlest goes first when a bound is reached.  Out-of-order bytes wait in
 * a list of pieces sorted by sequence number, none overlapping another.
 */
#include "cap_tcp.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* An undecided connection is AMI or not within its first bytes: it holds
 * them meanwhile (under 4 KiB, for each of max_conns). */
#define SNIFF_BYTES 2048
#define SNIFF_EVENTS 32
#define SNIFF_PREFIX 22 /* strlen("Asterisk Call Manager/") */

enum state {
	ST_WAIT,  /* not known yet whether it carries AMI */
	ST_AMI,   /* carries AMI; client known */
	ST_OTHER, /* does not: ignored */
	ST_CLOSED /* ended; kept so its stray packets are ignored */
};

enum { LIST_AMI, LIST_REST };

struct seg { /* out-of-order bytes: len captured, then missing cut off */
	struct seg *next;
	uint32_t seq;
	size_t len, missing;
	unsigned long long frame;
	unsigned char data[];
};

struct dir {
	bool started, syn, fin, acked;
	uint32_t isn, next, fin_seq, max_ack;
	unsigned long long fin_frame, ack_frame;
	struct seg *ooo;
};

/* Bytes or a gap, on their way to the consumer. */
struct piece {
	const unsigned char *data; /* NULL: a gap */
	size_t len;
	enum cap_gap_why why;
	unsigned long long gap, frame;
};

struct early_ev {
	int e;
	struct piece p; /* data: an offset into buf, kept in off */
	size_t off;
};

struct sniff {
	char pre[SNIFF_PREFIX];
	size_t n;
	bool skip;  /* this line cannot tell: wait for the next */
	bool later; /* past the first line */
};

struct early { /* what an undecided connection said so far */
	unsigned char *buf; /* grown as needed: most say little */
	size_t len, cap, nev, evcap;
	struct early_ev *ev;
	struct sniff sn[2];
};

struct conn {
	struct cap_conn pub;
	struct cap_endpoint ep[2]; /* key order: ep[0] sorts first */
	struct dir d[2];           /* by the sender's index in ep */
	enum state state;
	int client;     /* index in ep, once known */
	bool both;      /* both ports are AMI ports: the SYN tells */
	bool opened;    /* the consumer knows it */
	int list;
	struct early *early;
	struct conn *hnext, *prev, *next;
	unsigned long long last;
};

struct lru {
	struct conn *head, *tail;
	size_t n;
};

struct cap_tcp {
	struct cap_tcp_limits lim;
	struct cap_tcp_handler hd;
	struct conn **bucket;
	size_t nbucket, nconns, held;
	struct lru lists[2];
	unsigned long long clock, nopened;
	bool finishing; /* no evicting: connections end one by one anyway */
};

static void emit(struct cap_tcp *, struct conn *, int e, const struct piece *);
static void end_conn(struct cap_tcp *, struct conn *, bool evicted);

void
cap_tcp_defaults(struct cap_tcp_limits *lim)
{
	memset(lim, 0, sizeof(*lim));
	lim->ports[0] = 5038;
	lim->nports = 1;
	lim->max_conns = 65536;
	lim->max_ami = 256;
	lim->window = 1024 * 1024;
	lim->budget = 64 * 1024 * 1024;
}

struct cap_tcp *
cap_tcp_new(const struct cap_tcp_limits *lim, const struct cap_tcp_handler *hd)
{
	struct cap_tcp *t = calloc(1, sizeof(*t));

	if (t == NULL)
		return NULL;
	t->lim = *lim;
	if (t->lim.max_conns < 2)
		t->lim.max_conns = 2;
	if (t->lim.max_ami < 1)
		t->lim.max_ami = 1;
	if (t->lim.window > INT32_MAX)
		t->lim.window = INT32_MAX;
	t->hd = *hd;
	for (t->nbucket = 16; t->nbucket < 2 * t->lim.max_conns;)
		t->nbucket *= 2;
	if ((t->bucket = calloc(t->nbucket, sizeof(*t->bucket))) == NULL) {
		free(t);
		return NULL;
	}
	return t;
}

/* ---- the table and the lists ----------------------------------------- */

static int
ep_cmp(const struct cap_endpoint *a, const struct cap_endpoint *b)
{
	int c;

	if (a->family != b->family)
		return a->family < b->family ? -1 : 1;
	if ((c = memcmp(a->addr, b->addr, sizeof(a->addr))) != 0)
		return c;
	return a->port < b->port ? -1 : a->port > b->port;
}

static size_t
hash(const struct cap_tcp *t, const struct cap_endpoint *a,
     const struct cap_endpoint *b)
{
	uint64_t h = 14695981039346656037u;
	const struct cap_endpoint *e[2] = {a, b};
	size_t i, k;

	for (k = 0; k < 2; k++) {
		for (i = 0; i < sizeof(e[k]->addr); i++)
			h = (h ^ e[k]->addr[i]) * 1099511628211u;
		h = (h ^ e[k]->port) * 1099511628211u;
	}
	return (size_t)(h ^ (h >> 29)) & (t->nbucket - 1);
}

/* The packet's connection, and *e the index in ep of its sender. */
static struct conn *
lookup(struct cap_tcp *t, const struct cap_packet *pk, int *e, size_t *slot)
{
	const struct cap_endpoint *a = &pk->src, *b = &pk->dst;
	struct conn *c;

	*e = ep_cmp(a, b) > 0;
	if (*e) {
		a = &pk->dst;
		b = &pk->src;
	}
	*slot = hash(t, a, b);
	for (c = t->bucket[*slot]; c != NULL; c = c->hnext)
		if (ep_cmp(&c->ep[0], a) == 0 && ep_cmp(&c->ep[1], b) == 0)
			return c;
	return NULL;
}

static void
unlist(struct cap_tcp *t, struct conn *c)
{
	struct lru *l = &t->lists[c->list];

	*(c->prev != NULL ? &c->prev->next : &l->head) = c->next;
	*(c->next != NULL ? &c->next->prev : &l->tail) = c->prev;
	c->prev = c->next = NULL;
	l->n--;
}

/* To the head of list: the most recently active. */
static void
enlist(struct cap_tcp *t, struct conn *c, int list)
{
	struct lru *l = &t->lists[list];

	c->list = list;
	c->prev = NULL;
	c->next = l->head;
	*(l->head != NULL ? &l->head->prev : &l->tail) = c;
	l->head = c;
	l->n++;
}

static void
touch(struct cap_tcp *t, struct conn *c)
{
	c->last = ++t->clock;
	unlist(t, c);
	enlist(t, c, c->list);
}

static void
free_segs(struct cap_tcp *t, struct dir *d)
{
	struct seg *s;

	while ((s = d->ooo) != NULL) {
		d->ooo = s->next;
		t->held -= s->len;
		free(s);
	}
}

static void
free_early(struct conn *c)
{
	if (c->early != NULL) {
		free(c->early->buf);
		free(c->early->ev);
		free(c->early);
		c->early = NULL;
	}
}

/* Forgets c altogether: its next packet starts a new connection. */
static void
drop(struct cap_tcp *t, struct conn *c, bool evicted)
{
	struct conn **pp = &t->bucket[hash(t, &c->ep[0], &c->ep[1])];

	if (c->state != ST_CLOSED)
		end_conn(t, c, evicted);
	while (*pp != c)
		pp = &(*pp)->hnext;
	*pp = c->hnext;
	unlist(t, c);
	free_segs(t, &c->d[0]);
	free_segs(t, &c->d[1]);
	free_early(c);
	free(c);
	t->nconns--;
}

/* The idlest of the lists' tails, or of list alone when list >= 0. */
static void
evict(struct cap_tcp *t, int list)
{
	struct conn *a = t->lists[LIST_AMI].tail, *r = t->lists[LIST_REST].tail;

	if (list == LIST_AMI || (a != NULL && (r == NULL || a->last < r->last)))
		r = a;
	if (r != NULL)
		drop(t, r, true);
}

static bool
ami_port(const struct cap_tcp *t, unsigned port)
{
	size_t i;

	for (i = 0; i < t->lim.nports; i++)
		if (t->lim.ports[i] == port)
			return true;
	return false;
}

static struct conn *
create(struct cap_tcp *t, const struct cap_packet *pk, int e, size_t slot)
{
	struct conn *c;
	bool a, b;

	if (t->nconns >= t->lim.max_conns) {
		evict(t, -1);
		slot = hash(t, e ? &pk->dst : &pk->src, e ? &pk->src : &pk->dst);
	}
	if ((c = calloc(1, sizeof(*c))) == NULL)
		return NULL;
	c->ep[e] = pk->src;
	c->ep[!e] = pk->dst;
	c->hnext = t->bucket[slot];
	t->bucket[slot] = c;
	enlist(t, c, LIST_REST);
	t->nconns++;
	a = ami_port(t, c->ep[0].port);
	b = ami_port(t, c->ep[1].port);
	c->state = a != b ? ST_AMI : ST_WAIT;
	c->client = a ? 1 : 0; /* the server has the port */
	c->both = a && b;
	return c;
}

/* ---- deciding: AMI or not, and who is the client --------------------- */

static void
open_conn(struct cap_tcp *t, struct conn *c)
{
	if (t->lists[LIST_AMI].n >= t->lim.max_ami && !t->finishing)
		evict(t, LIST_AMI);
	c->opened = true;
	c->pub.index = (unsigned long)++t->nopened;
	c->pub.ep[CAP_CLIENT] = c->ep[c->client];
	c->pub.ep[CAP_SERVER] = c->ep[!c->client];
	unlist(t, c);
	enlist(t, c, LIST_AMI);
	if (t->hd.open != NULL)
		t->hd.open(t->hd.ctx, &c->pub);
}

/* Room for one more event of n bytes, within the bounds; false if not. */
static bool
early_room(struct early *w, size_t n)
{
	void *p;

	if (w->nev == SNIFF_EVENTS || SNIFF_BYTES - w->len < n)
		return false;
	if (w->nev == w->evcap) {
		w->evcap = w->evcap == 0 ? 4 : 2 * w->evcap;
		if ((p = realloc(w->ev, w->evcap * sizeof(*w->ev))) == NULL)
			return false;
		w->ev = p;
	}
	while (w->cap - w->len < n) {
		w->cap = w->cap == 0 ? 256 : 2 * w->cap;
		if ((p = realloc(w->buf, w->cap)) == NULL)
			return false;
		w->buf = p;
	}
	return true;
}

/* c carries AMI, client is its client: what it said so far goes out. */
static void
decide(struct cap_tcp *t, struct conn *c, int client)
{
	struct early *w = c->early;
	size_t i;

	c->state = ST_AMI;
	c->client = client;
	for (i = 0; w != NULL && i < w->nev; i++) {
		if (w->ev[i].p.data != NULL)
			w->ev[i].p.data = w->buf + w->ev[i].off;
		emit(t, c, w->ev[i].e, &w->ev[i].p);
	}
	free_early(c);
}

/* Who a line starting with these n bytes says sent it: 0 client, 1
 * server, -1 not yet known, -2 it cannot tell. */
static int
judge(const char *s, size_t n)
{
	static const struct {
		const char *start;
		int side;
	} known[] = {{"Action:", 0},
	             {"Response:", 1},
	             {"Event:", 1},
	             {"Asterisk Call Manager/", 1}};
	size_t i, k;
	int r = -2;

	for (i = 0; i < sizeof(known) / sizeof(known[0]); i++) {
		k = strlen(known[i].start);
		if (strncasecmp(s, known[i].start, n < k ? n : k) != 0)
			continue;
		if (n >= k)
			return known[i].side;
		r = -1;
	}
	return r;
}

/*
 * Looks for a line that starts like AMI in bytes a side sent: 0 client,
 * 1 server, -1 not yet known, -2 not AMI (the first line of a stream
 * seen from its SYN, a real line start, is not).
 */
static int
sniff(struct sniff *sn, bool syn, const unsigned char *p, size_t len)
{
	size_t i;
	int r;

	for (i = 0; i < len; i++) {
		if (p[i] == '\n') {
			sn->n = 0;
			sn->skip = false;
			sn->later = true;
			continue;
		}
		if (sn->skip)
			continue;
		sn->pre[sn->n++] = (char)p[i];
		if ((r = judge(sn->pre, sn->n)) >= 0)
			return r;
		sn->skip = r == -2 || sn->n == SNIFF_PREFIX;
		if (sn->skip && syn && !sn->later)
			return -2;
	}
	return -1;
}

/* An undecided connection: keep what it says, and look at it. */
static void
wait_event(struct cap_tcp *t, struct conn *c, int e, const struct piece *p)
{
	struct early *w = c->early;
	struct early_ev *ev;
	int side = -1;

	if (w == NULL && (w = c->early = calloc(1, sizeof(*w))) == NULL) {
		c->state = ST_OTHER;
		return;
	}
	if (p->data != NULL)
		side = sniff(&w->sn[e], c->d[e].syn, p->data, p->len);
	if (side >= 0) { /* what came before, then this */
		decide(t, c, side == 0 ? e : !e);
		emit(t, c, e, p);
		return;
	}
	if (side == -2 || !early_room(w, p->len))
		goto other; /* nothing like AMI so far: it is not */
	ev = &w->ev[w->nev++];
	ev->e = e;
	ev->p = *p;
	ev->off = w->len;
	if (p->data != NULL) {
		memcpy(w->buf + w->len, p->data, p->len);
		w->len += p->len;
	}
	return;
other:
	c->state = ST_OTHER;
	free_early(c);
}

static void
emit(struct cap_tcp *t, struct conn *c, int e, const struct piece *p)
{
	enum cap_side side;

	if (c->state == ST_WAIT) {
		wait_event(t, c, e, p);
		return;
	}
	if (c->state != ST_AMI)
		return;
	if (!c->opened)
		open_conn(t, c);
	side = e == c->client ? CAP_CLIENT : CAP_SERVER;
	if (p->data != NULL && t->hd.data != NULL)
		t->hd.data(t->hd.ctx, &c->pub, side, p->data, p->len, p->frame);
	else if (p->data == NULL && t->hd.gap != NULL)
		t->hd.gap(t->hd.ctx, &c->pub, side, p->why, p->gap, p->frame);
}

static void
emit_gap(struct cap_tcp *t, struct conn *c, int e, enum cap_gap_why why,
         unsigned long long n, unsigned long long frame)
{
	struct piece p = {NULL, 0, why, n, frame};

	emit(t, c, e, &p);
}

/* ---- reassembly ------------------------------------------------------ */

/*
 * Delivers bytes that start skip bytes before next: len captured, then
 * missing cut off by the snapshot length.
 */
static void
take(struct cap_tcp *t, struct conn *c, int e, const unsigned char *data,
     size_t len, size_t missing, size_t skip, unsigned long long frame)
{
	struct dir *d = &c->d[e];
	struct piece p = {NULL, 0, CAP_GAP_CUT, 0, frame};

	if (skip < len) {
		p.data = data + skip;
		p.len = len - skip;
		d->next += (uint32_t)p.len;
		emit(t, c, e, &p);
		skip = 0;
	} else
		skip -= len;
	if (skip < missing) {
		d->next += (uint32_t)(missing - skip);
		emit_gap(t, c, e, CAP_GAP_CUT, missing - skip, frame);
	}
}

/* Out-of-order pieces that the stream has reached go out. */
static void
drain(struct cap_tcp *t, struct conn *c, int e)
{
	struct dir *d = &c->d[e];
	struct seg *s;

	while ((s = d->ooo) != NULL && (int32_t)(s->seq - d->next) <= 0) {
		uint32_t end = s->seq + (uint32_t)(s->len + s->missing);

		d->ooo = s->next;
		t->held -= s->len;
		if ((int32_t)(end - d->next) > 0)
			take(t, c, e, s->data, s->len, s->missing,
			     (size_t)(d->next - s->seq), s->frame);
		free(s);
	}
}

/* Stops waiting for the bytes at next: they are a gap up to the first
 * piece held (or to seq, when none is). */
static void
give_up(struct cap_tcp *t, struct conn *c, int e, uint32_t seq,
        unsigned long long frame)
{
	struct dir *d = &c->d[e];
	uint32_t to = d->ooo != NULL ? d->ooo->seq : seq;

	if (d->ooo != NULL)
		frame = d->ooo->frame;
	emit_gap(t, c, e, CAP_GAP_LOST, (uint32_t)(to - d->next), frame);
	d->next = to;
	drain(t, c, e);
}

/* A piece [a, b) of a segment at seq, offsets from next. */
static struct seg *
new_seg(struct cap_tcp *t, uint32_t next, uint32_t a, uint32_t b,
        uint32_t seq, const unsigned char *data, size_t len,
        unsigned long long frame)
{
	uint32_t from = a - (seq - next); /* offset into the segment */
	size_t n = from < len ? (b - a < len - from ? b - a : len - from) : 0;
	struct seg *s = malloc(sizeof(*s) + n);

	if (s == NULL)
		return NULL;
	s->seq = next + a;
	s->len = n;
	s->missing = b - a - n;
	s->frame = frame;
	memcpy(s->data, data + (n > 0 ? from : 0), n);
	t->held += n;
	return s;
}

/* Holds the parts of a segment that no piece held already covers (the
 * first copy wins), keeping the list sorted. */
static void
hold(struct cap_tcp *t, struct dir *d, uint32_t seq, const unsigned char *data,
     size_t len, size_t missing, unsigned long long frame)
{
	struct seg **pp = &d->ooo, *s, *n;
	uint32_t cur = seq - d->next, end = cur + (uint32_t)(len + missing);

	while (cur < end) {
		uint32_t sa = 0, sb = 0, upto = end;

		if ((s = *pp) != NULL) {
			sa = s->seq - d->next;
			sb = sa + (uint32_t)(s->len + s->missing);
			if (sb <= cur) {
				pp = &s->next;
				continue;
			}
			if (sa < upto)
				upto = sa;
		}
		if (cur < upto) {
			if ((n = new_seg(t, d->next, cur, upto, seq, data, len,
			                 frame)) == NULL)
				return;
			n->next = s;
			*pp = n;
			pp = &n->next;
		}
		if (s == NULL)
			return;
		cur = sb > cur ? sb : cur;
		pp = &s->next;
	}
}

static void
accept(struct cap_tcp *t, struct conn *c, int e, uint32_t seq,
       const struct cap_packet *pk)
{
	struct dir *d = &c->d[e];
	uint32_t end = seq + (uint32_t)(pk->len + pk->missing);

	for (;;) {
		if ((int32_t)(end - d->next) <= 0)
			return; /* had it all: a retransmission */
		if ((int32_t)(seq - d->next) <= 0) {
			take(t, c, e, pk->payload, pk->len, pk->missing,
			     (size_t)(d->next - seq), pk->frame);
			drain(t, c, e);
			return;
		}
		if (end - d->next <= t->lim.window &&
		    t->held + pk->len <= t->lim.budget)
			break;
		give_up(t, c, e, seq, pk->frame);
	}
	hold(t, d, seq, pk->payload, pk->len, pk->missing, pk->frame);
}

/*
 * Where e's bytes end as far as the peer acknowledged them.  One byte
 * more than was seen is taken for a FIN the capture missed (a FIN takes
 * a sequence number), not for a byte lost.
 */
static uint32_t
acked_end(const struct dir *d)
{
	if (!d->acked)
		return d->next;
	if (d->fin && (int32_t)(d->max_ack - d->fin_seq) > 0)
		return d->fin_seq;
	if (!d->fin && d->max_ack - d->next == 1)
		return d->next;
	return d->max_ack;
}

/* The end of a direction: what still waits, and what was acknowledged
 * or came before the FIN but never showed up, are gaps. */
static void
end_dir(struct cap_tcp *t, struct conn *c, int e)
{
	struct dir *d = &c->d[e];
	uint32_t want;

	while (d->ooo != NULL)
		give_up(t, c, e, 0, 0);
	if (!d->started)
		return;
	want = d->fin ? d->fin_seq : acked_end(d);
	if ((int32_t)(want - d->next) > 0)
		emit_gap(t, c, e, CAP_GAP_END, (uint32_t)(want - d->next),
		         d->fin ? d->fin_frame : d->ack_frame);
	d->next = want;
}

static void
end_conn(struct cap_tcp *t, struct conn *c, bool evicted)
{
	end_dir(t, c, 0);
	end_dir(t, c, 1);
	if (c->opened && t->hd.close != NULL)
		t->hd.close(t->hd.ctx, &c->pub, evicted);
	free_early(c);
	c->state = ST_CLOSED;
	if (c->list == LIST_AMI) {
		unlist(t, c);
		enlist(t, c, LIST_REST);
	}
}

/* ---- packets --------------------------------------------------------- */

static bool
done(const struct dir *d)
{
	return d->fin && (int32_t)(d->next - d->fin_seq) >= 0;
}

/*
 * The peer acknowledged e's bytes up to ack.  Bytes it acknowledged were
 * received, and when the capture has not shown them it missed them: say
 * so now, rather than hold what comes after behind the other direction.
 */
static void
note_ack(struct cap_tcp *t, struct conn *c, int e, uint32_t ack,
         unsigned long long frame)
{
	struct dir *d = &c->d[e];
	uint32_t want;

	if (!d->started || (d->acked && (int32_t)(ack - d->max_ack) <= 0))
		return;
	d->acked = true;
	d->max_ack = ack;
	d->ack_frame = frame;
	while (d->ooo != NULL && (int32_t)(ack - d->ooo->seq) >= 0)
		give_up(t, c, e, 0, 0);
	want = acked_end(d);
	/* Further than the window ahead, an ACK is more likely garbage. */
	if (d->ooo == NULL && (int32_t)(want - d->next) > 0 &&
	    want - d->next <= t->lim.window) {
		emit_gap(t, c, e, CAP_GAP_LOST, (uint32_t)(want - d->next), frame);
		d->next = want;
	}
}

static void
segment(struct cap_tcp *t, struct conn *c, int e, const struct cap_packet *pk)
{
	struct dir *d = &c->d[e];
	uint32_t seq = pk->seq;

	if (pk->flags & CAP_SYN) {
		if (!d->started) {
			d->started = d->syn = true;
			d->isn = seq;
			d->next = seq + 1;
		}
		seq++;
		if (!(pk->flags & CAP_ACK) && c->state == ST_WAIT && c->both)
			decide(t, c, e);
	}
	if (!d->started) {
		d->started = true;
		d->next = seq;
		emit_gap(t, c, e, CAP_GAP_START, 0, pk->frame);
	}
	if (pk->flags & CAP_ACK)
		note_ack(t, c, !e, pk->ack, pk->frame);
	if (pk->len + pk->missing > 0)
		accept(t, c, e, seq, pk);
	if ((pk->flags & CAP_FIN) && !d->fin) {
		d->fin = true;
		d->fin_seq = seq + (uint32_t)(pk->len + pk->missing);
		d->fin_frame = pk->frame;
	}
	if ((pk->flags & CAP_RST) || (done(&c->d[0]) && done(&c->d[1])))
		end_conn(t, c, false);
}

/* A SYN that is no retransmission of the one seen: a new connection on
 * the same addresses and ports. */
static bool
new_syn(const struct conn *c, int e, const struct cap_packet *pk)
{
	if ((pk->flags & (CAP_SYN | CAP_ACK)) != CAP_SYN)
		return false;
	return c->state == ST_CLOSED || !c->d[e].syn || c->d[e].isn != pk->seq;
}

void
cap_tcp_packet(struct cap_tcp *t, const struct cap_packet *pk)
{
	struct conn *c;
	size_t slot;
	int e;

	if (pk->kind != CAP_TCP)
		return;
	if ((c = lookup(t, pk, &e, &slot)) != NULL && new_syn(c, e, pk)) {
		drop(t, c, false);
		c = NULL;
	}
	if (c == NULL) {
		/* Only a SYN or bytes are worth following. */
		if ((pk->flags & CAP_RST) ||
		    (!(pk->flags & CAP_SYN) && pk->len + pk->missing == 0))
			return;
		if ((c = create(t, pk, e, slot)) == NULL)
			return;
	}
	touch(t, c);
	if (c->state != ST_CLOSED && c->state != ST_OTHER)
		segment(t, c, e, pk);
}

static int
by_index(const void *a, const void *b)
{
	const struct conn *x = *(const struct conn *const *)a;
	const struct conn *y = *(const struct conn *const *)b;

	return x->pub.index < y->pub.index ? -1 : x->pub.index > y->pub.index;
}

/* Every connection ends, in the order they were opened. */
void
cap_tcp_finish(struct cap_tcp *t)
{
	struct conn **v, *c;
	size_t n = 0, i, k;

	t->finishing = true;
	if ((v = malloc((t->nconns + 1) * sizeof(*v))) == NULL) {
		while (t->nconns > 0)
			evict(t, -1);
		return;
	}
	for (k = 0; k < 2; k++)
		for (c = t->lists[k].head; c != NULL; c = c->next)
			v[n++] = c;
	qsort(v, n, sizeof(*v), by_index);
	for (i = 0; i < n; i++)
		drop(t, v[i], false);
	free(v);
}

void
cap_tcp_free(struct cap_tcp *t)
{
	if (t == NULL)
		return;
	cap_tcp_finish(t);
	free(t->bucket);
	free(t);
}
