/*
 * proxy.c: amilint --proxy (see proxy.h): accepted clients and their
 * upstream connections on one poll(2) loop; bytes read from one side go
 * to the side's parser (lint) and into a bounded buffer, then out to the
 * other side.  Signals reach the loop through a pipe it polls.
 */
#include "proxy.h"

#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "ami_msg.h"

#define ADDR_SIZE 80 /* "[" host (63) "]:" port (7) */
#define NAME_SIZE (2 * ADDR_SIZE + 8) /* client "->" upstream */
#define NO_SLOT ((size_t)-1)

enum side {
	CLIENT, /* also the stream tag given to lint, as in cap_lint.c */
	SERVER
};

struct conn;

struct flow { /* the bytes one side sends, on their way to the other */
	struct conn *c;
	enum side from;
	char *buf;
	size_t head, tail;  /* bytes [head, tail) wait to be written */
	bool eof;           /* read to its end: no more to come */
	bool hung_up;       /* the sender closed or failed (it was not us) */
	bool shut;          /* the receiver was told (shutdown) */
	bool finished;      /* the parser was told */
	struct ami_parser *p;
	struct lint_place place;
};

struct conn {
	struct proxy *px;
	unsigned long index;
	int fd[2]; /* [CLIENT], [SERVER] */
	bool connecting;
	bool linked; /* the upstream connection is up (or was) */
	bool dead; /* to be closed at the end of this round */
	struct flow flow[2]; /* flow[CLIENT]: client to server */
	struct lint *lint;
	size_t slot[2]; /* each fd's entry in this round's poll set */
	char name[NAME_SIZE];
};

struct proxy {
	struct proxy_options o;
	int lfd;
	struct sockaddr_storage up;
	socklen_t uplen;
	char lname[ADDR_SIZE], upname[ADDR_SIZE];
	struct conn **conns;
	size_t n;
	unsigned long last_index;
	bool paused; /* not accepting: out of descriptors or connections */
	struct pollfd *pfd;
	int wake[2]; /* the signal handler writes, the loop reads */
};

/* The one thing a signal handler may touch: where to wake the loop. */
static volatile sig_atomic_t wake_fd = -1;

static const char *const side_name[] = {"client", "server"};

/* ---- addresses -------------------------------------------------------- */

/* "HOST:PORT" or "[HOST]:PORT" into host (NUL-ended) and port. */
static int
split_addr(const char *s, char *host, size_t size, const char **port)
{
	const char *end, *colon;

	if (s[0] == '[') {
		if ((end = strchr(s, ']')) == NULL || end[1] != ':')
			return -1;
		s++;
		colon = end + 1;
	} else {
		if ((colon = strrchr(s, ':')) == NULL)
			return -1;
		end = colon;
	}
	if (end == s || (size_t)(end - s) >= size || colon[1] == '\0' ||
	    strspn(colon + 1, "0123456789") != strlen(colon + 1))
		return -1;
	memcpy(host, s, (size_t)(end - s));
	host[end - s] = '\0';
	*port = colon + 1;
	return 0;
}

static int
resolve(const char *opt, const char *s, bool passive,
        struct sockaddr_storage *ss, socklen_t *len, char *err)
{
	struct addrinfo hints, *res;
	char host[256];
	const char *port;
	int rc;

	if (split_addr(s, host, sizeof(host), &port) < 0) {
		snprintf(err, PROXY_ERRSIZE, "%s: '%s' is not HOST:PORT", opt, s);
		return -1;
	}
	memset(&hints, 0, sizeof(hints));
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_NUMERICSERV | (passive ? AI_PASSIVE : 0);
	if ((rc = getaddrinfo(host, port, &hints, &res)) != 0) {
		snprintf(err, PROXY_ERRSIZE, "%s: %s: %s", opt, s,
		         gai_strerror(rc));
		return -1;
	}
	/* The first address only: give a numeric one to choose. */
	memcpy(ss, res->ai_addr, res->ai_addrlen);
	*len = res->ai_addrlen;
	freeaddrinfo(res);
	return 0;
}

static void
addr_str(const struct sockaddr *sa, socklen_t len, char *buf, size_t size)
{
	char host[64], port[8];

	if (getnameinfo(sa, len, host, sizeof(host), port, sizeof(port),
	                NI_NUMERICHOST | NI_NUMERICSERV) != 0)
		snprintf(buf, size, "?");
	else if (sa->sa_family == AF_INET6)
		snprintf(buf, size, "[%s]:%s", host, port);
	else
		snprintf(buf, size, "%s:%s", host, port);
}

/* Non-blocking, and no Nagle delay: a proxy must not add latency. */
static int
tune(int fd)
{
	int one = 1, fl = fcntl(fd, F_GETFL);

	if (fl < 0 || fcntl(fd, F_SETFL, fl | O_NONBLOCK) < 0)
		return -1;
	(void)setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	return 0;
}

/* ---- setting up --------------------------------------------------------- */

static int
listen_on(struct proxy *px, char *err)
{
	struct sockaddr_storage ss;
	socklen_t len;
	int one = 1;

	if (resolve("--proxy", px->o.listen, true, &ss, &len, err) < 0)
		return -1;
	if ((px->lfd = socket(ss.ss_family, SOCK_STREAM, 0)) < 0 ||
	    setsockopt(px->lfd, SOL_SOCKET, SO_REUSEADDR, &one,
	               sizeof(one)) < 0 ||
	    bind(px->lfd, (struct sockaddr *)&ss, len) < 0 ||
	    listen(px->lfd, 128) < 0 || tune(px->lfd) < 0) {
		snprintf(err, PROXY_ERRSIZE, "--proxy: %s: %s", px->o.listen,
		         strerror(errno));
		return -1;
	}
	len = sizeof(ss);
	if (getsockname(px->lfd, (struct sockaddr *)&ss, &len) == 0)
		addr_str((struct sockaddr *)&ss, len, px->lname,
		         sizeof(px->lname));
	return 0;
}

static int
wake_pipe(struct proxy *px, char *err)
{
	int i, fl;

	if (pipe(px->wake) < 0) {
		snprintf(err, PROXY_ERRSIZE, "pipe: %s", strerror(errno));
		return -1;
	}
	for (i = 0; i < 2; i++)
		if ((fl = fcntl(px->wake[i], F_GETFL)) >= 0)
			(void)fcntl(px->wake[i], F_SETFL, fl | O_NONBLOCK);
	return 0;
}

struct proxy *
proxy_new(const struct proxy_options *o, char err[PROXY_ERRSIZE])
{
	struct proxy *px = calloc(1, sizeof(*px));

	if (px == NULL) {
		snprintf(err, PROXY_ERRSIZE, "out of memory");
		return NULL;
	}
	px->o = *o;
	px->lfd = px->wake[0] = px->wake[1] = -1;
	px->conns = calloc(PROXY_MAX_CONNS, sizeof(*px->conns));
	px->pfd = calloc(2 + 2 * PROXY_MAX_CONNS, sizeof(*px->pfd));
	if (px->conns == NULL || px->pfd == NULL) {
		snprintf(err, PROXY_ERRSIZE, "out of memory");
		proxy_free(px);
		return NULL;
	}
	if (resolve("--upstream", o->upstream, false, &px->up, &px->uplen,
	            err) < 0 ||
	    listen_on(px, err) < 0 || wake_pipe(px, err) < 0) {
		proxy_free(px);
		return NULL;
	}
	addr_str((struct sockaddr *)&px->up, px->uplen, px->upname,
	         sizeof(px->upname));
	return px;
}

const char *
proxy_address(const struct proxy *px)
{
	return px->lname;
}

/* ---- lint ------------------------------------------------------------- */

static void
on_finding(void *ctx, const struct lint_finding *f)
{
	struct conn *c = ctx;
	struct lint_finding g = *f;
	struct lint_place pl = c->flow[f->stream == SERVER].place;

	if (f->source == NULL && f->line == 0)
		pl.direction = NULL; /* about the whole session */
	g.place = &pl;
	c->px->o.emit(c->px->o.ctx, &g);
}

static void
on_message(void *ctx, const struct ami_message *m)
{
	struct flow *f = ctx;

	lint_stream(f->c->lint, (int)f->from);
	lint_message(f->c->lint, m);
}

static void
on_banner(void *ctx, const struct ami_line *l, const char *v, size_t n)
{
	struct flow *f = ctx;

	lint_stream(f->c->lint, (int)f->from);
	lint_banner(f->c->lint, l, v, n);
}

/*
 * The sender hung up: the message it was sending is cut (the parser
 * reports it).  Otherwise the connection ends under a sender still
 * there, as at a capture gap: its message in progress is not its fault.
 */
static void
finish_flow(struct flow *f, bool cut)
{
	if (f->finished)
		return;
	f->finished = true;
	lint_stream(f->c->lint, (int)f->from);
	if (!cut)
		ami_parser_gap(f->p);
	ami_parser_finish(f->p);
}

/* ---- connections ------------------------------------------------------ */

static void
log_conn(const struct conn *c, const char *who, const char *what)
{
	fprintf(c->px->o.log, "amilint: connection %lu (%s): %s: %s\n",
	        c->index, c->name, who, what);
	fflush(c->px->o.log);
}

static void
free_conn(struct conn *c)
{
	int i;

	for (i = 0; i < 2; i++) {
		if (c->fd[i] >= 0)
			close(c->fd[i]);
		ami_parser_free(c->flow[i].p);
		free(c->flow[i].buf);
	}
	lint_free(c->lint);
	free(c);
}

static int
init_flows(struct conn *c)
{
	int i;

	for (i = 0; i < 2; i++) {
		struct flow *f = &c->flow[i];
		struct ami_msg_handler hd = {on_message, on_banner, f};
		struct lint_place pl = {c->name, c->index, side_name[i], 0, 0};

		f->c = c;
		f->from = (enum side)i;
		f->place = pl;
		if ((f->buf = malloc(PROXY_BUFSIZE)) == NULL ||
		    (f->p = ami_parser_new(&hd)) == NULL)
			return -1;
	}
	return 0;
}

static struct conn *
new_conn(struct proxy *px, int cfd, const struct sockaddr *peer,
         socklen_t len)
{
	struct conn *c = calloc(1, sizeof(*c));
	char a[ADDR_SIZE];

	if (c == NULL)
		return NULL;
	c->px = px;
	c->index = ++px->last_index;
	c->fd[CLIENT] = c->fd[SERVER] = -1; /* the caller's until we succeed */
	c->slot[CLIENT] = c->slot[SERVER] = NO_SLOT;
	addr_str(peer, len, a, sizeof(a));
	snprintf(c->name, sizeof(c->name), "%s->%s", a, px->upname);
	if (init_flows(c) < 0 ||
	    (c->lint = lint_new(px->o.dict, px->o.lint, on_finding, c)) ==
	        NULL) {
		free_conn(c);
		return NULL;
	}
	c->fd[CLIENT] = cfd;
	return c;
}

/* The upstream cannot be reached: the client learns it by a close. */
static void
upstream_failed(struct conn *c, int err)
{
	char msg[160];

	snprintf(msg, sizeof(msg), "%s; client connection closed",
	         strerror(err));
	log_conn(c, "upstream", msg);
	c->dead = true;
}

static void
connect_upstream(struct conn *c)
{
	struct proxy *px = c->px;
	int fd = socket(px->up.ss_family, SOCK_STREAM, 0);

	c->fd[SERVER] = fd;
	if (fd < 0 || tune(fd) < 0) {
		upstream_failed(c, errno);
		return;
	}
	if (connect(fd, (struct sockaddr *)&px->up, px->uplen) == 0) {
		c->linked = true;
		return;
	}
	if (errno == EINPROGRESS || errno == EINTR)
		c->connecting = true;
	else
		upstream_failed(c, errno);
}

static void
connect_done(struct conn *c)
{
	int err = 0;
	socklen_t len = sizeof(err);

	if (getsockopt(c->fd[SERVER], SOL_SOCKET, SO_ERROR, &err, &len) < 0)
		err = errno;
	c->connecting = false;
	if (err != 0)
		upstream_failed(c, err);
	else
		c->linked = true;
}

/*
 * Ends a connection's session: a side that hung up ends as a transcript
 * ends (its cut message reported); a side still there when the
 * connection ends (the other side failed, or a signal) as at a gap, and
 * then the session forgets what was in flight.
 */
static void
close_conn(struct conn *c)
{
	bool gap = false;
	int i;

	if (!c->linked) { /* nothing flowed */
		free_conn(c);
		return;
	}
	for (i = 0; i < 2; i++) {
		gap |= !c->flow[i].hung_up;
		finish_flow(&c->flow[i], c->flow[i].hung_up);
	}
	if (gap)
		lint_gap(c->lint);
	lint_finish(c->lint);
	free_conn(c);
}

/* ---- moving bytes ------------------------------------------------------- */

static bool
again(void)
{
	return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR;
}

/* Reads what the sender has, lints it and holds it for the receiver. */
static void
flow_read(struct flow *f)
{
	struct conn *c = f->c;
	ssize_t n;

	if (f->head == f->tail)
		f->head = f->tail = 0;
	else if (f->head > 0 && PROXY_BUFSIZE - f->tail < PROXY_BUFSIZE / 2) {
		memmove(f->buf, f->buf + f->head, f->tail - f->head);
		f->tail -= f->head;
		f->head = 0;
	}
	n = read(c->fd[f->from], f->buf + f->tail, PROXY_BUFSIZE - f->tail);
	if (n > 0) {
		ami_parser_feed(f->p, f->buf + f->tail, (size_t)n);
		f->tail += (size_t)n;
		return;
	}
	if (n < 0 && again())
		return;
	if (n < 0) { /* a reset: the receiver cannot be told either */
		log_conn(c, side_name[f->from], strerror(errno));
		c->dead = true;
	}
	f->eof = f->hung_up = true;
	finish_flow(f, true);
}

static void
flow_write(struct flow *f)
{
	struct conn *c = f->c;
	enum side to = f->from == CLIENT ? SERVER : CLIENT;
	ssize_t n;

	if (f->head == f->tail || c->dead)
		return;
	n = write(c->fd[to], f->buf + f->head, f->tail - f->head);
	if (n >= 0) {
		f->head += (size_t)n;
		return;
	}
	if (again())
		return;
	log_conn(c, side_name[to], strerror(errno));
	c->flow[to].hung_up = true; /* it is gone: it sends no more either */
	c->dead = true;
}

/* All the sender sent was delivered: the receiver is told there is no
 * more (a half-close, as the sender did). */
static void
flow_shut(struct flow *f)
{
	struct conn *c = f->c;

	if (!f->eof || f->shut || f->head != f->tail || c->dead)
		return;
	(void)shutdown(c->fd[f->from == CLIENT ? SERVER : CLIENT], SHUT_WR);
	f->shut = true;
}

/* ---- the event loop ----------------------------------------------------- */

static short
interest(const struct conn *c, enum side s)
{
	const struct flow *in = &c->flow[s], *out = &c->flow[!s];
	short ev = 0;

	if (c->connecting)
		return s == SERVER ? POLLOUT : 0;
	if (!in->eof && in->tail - in->head < PROXY_BUFSIZE)
		ev |= POLLIN; /* else back-pressure: the receiver is slow */
	if (out->head != out->tail)
		ev |= POLLOUT;
	return ev;
}

/* This round's poll set: the wake pipe, the listener, the connections
 * (a descriptor with nothing to wait for is left out: see step()). */
static nfds_t
poll_set(struct proxy *px)
{
	nfds_t n = 2;
	size_t i;
	int s;

	px->pfd[0].fd = px->wake[0];
	px->pfd[0].events = POLLIN;
	px->pfd[1].fd = px->paused ? -1 : px->lfd;
	px->pfd[1].events = POLLIN;
	for (i = 0; i < px->n; i++)
		for (s = 0; s < 2; s++) {
			struct conn *c = px->conns[i];
			short ev = interest(c, (enum side)s);

			c->slot[s] = NO_SLOT;
			if (ev == 0)
				continue;
			px->pfd[n].fd = c->fd[s];
			px->pfd[n].events = ev;
			px->pfd[n].revents = 0;
			c->slot[s] = n++;
		}
	px->pfd[0].revents = px->pfd[1].revents = 0;
	return n;
}

static void
step(struct conn *c)
{
	const struct pollfd *p;
	int s;

	if (c->connecting) {
		if (c->slot[SERVER] != NO_SLOT &&
		    c->px->pfd[c->slot[SERVER]].revents != 0)
			connect_done(c);
		return;
	}
	for (s = 0; s < 2; s++) {
		if (c->slot[s] == NO_SLOT || c->dead)
			continue;
		p = &c->px->pfd[c->slot[s]];
		if ((p->events & POLLIN) &&
		    (p->revents & (POLLIN | POLLHUP | POLLERR)))
			flow_read(&c->flow[s]);
	}
	/* Written at once, not in the next round: a round trip less. */
	for (s = 0; s < 2; s++) {
		flow_write(&c->flow[s]);
		flow_shut(&c->flow[s]);
	}
	if (c->flow[CLIENT].shut && c->flow[SERVER].shut)
		c->dead = true; /* both sides closed, all delivered */
}

static void
accept_all(struct proxy *px)
{
	struct sockaddr_storage ss;
	socklen_t len;
	struct conn *c;
	int fd;

	while (px->n < PROXY_MAX_CONNS) {
		len = sizeof(ss);
		if ((fd = accept(px->lfd, (struct sockaddr *)&ss, &len)) < 0) {
			if (errno == ECONNABORTED || errno == EINTR)
				continue;
			if (errno == EAGAIN || errno == EWOULDBLOCK)
				return;
			fprintf(px->o.log, "amilint: accept: %s; new connections "
			                   "wait until one closes\n",
			        strerror(errno));
			break; /* out of descriptors, most likely */
		}
		if (tune(fd) < 0 ||
		    (c = new_conn(px, fd, (struct sockaddr *)&ss, len)) == NULL) {
			fprintf(px->o.log, "amilint: out of memory: connection "
			                   "closed\n");
			close(fd);
			continue;
		}
		px->conns[px->n++] = c;
		connect_upstream(c);
	}
	px->paused = true;
}

/* Closes the connections that ended this round. */
static void
reap(struct proxy *px)
{
	size_t i, kept = 0;

	for (i = 0; i < px->n; i++)
		if (px->conns[i]->dead) {
			close_conn(px->conns[i]);
			px->paused = false;
		} else
			px->conns[kept++] = px->conns[i];
	px->n = kept;
}

static void
on_signal(int sig)
{
	int saved = errno;

	(void)sig;
	if (wake_fd >= 0) {
		ssize_t r = write(wake_fd, "", 1);

		(void)r; /* a full pipe has woken the loop already */
	}
	errno = saved;
}

/*
 * SIGINT and SIGTERM wake the loop through the pipe (poll(2) is never
 * restarted); other calls are, so that a finding being written to a slow
 * standard output is not cut.  SIGPIPE becomes EPIPE.
 */
static void
signals(struct proxy *px, struct sigaction old[3], bool on)
{
	static const int sig[3] = {SIGINT, SIGTERM, SIGPIPE};
	struct sigaction sa;
	int i;

	if (!on) {
		for (i = 0; i < 3; i++)
			sigaction(sig[i], &old[i], NULL);
		wake_fd = -1;
		return;
	}
	wake_fd = px->wake[1];
	memset(&sa, 0, sizeof(sa));
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_RESTART;
	for (i = 0; i < 3; i++) {
		sa.sa_handler = sig[i] == SIGPIPE ? SIG_IGN : on_signal;
		sigaction(sig[i], &sa, &old[i]);
	}
}

int
proxy_run(struct proxy *px)
{
	struct sigaction old[3];
	nfds_t n;
	size_t i;
	int rc = 0;

	signals(px, old, true);
	for (;;) {
		n = poll_set(px);
		if (poll(px->pfd, n, -1) < 0) {
			if (errno == EINTR)
				continue;
			fprintf(px->o.log, "amilint: poll: %s\n", strerror(errno));
			rc = -1;
			break;
		}
		if (px->pfd[0].revents != 0)
			break; /* a signal */
		for (i = 0; i < px->n; i++)
			step(px->conns[i]);
		if (px->pfd[1].revents != 0)
			accept_all(px);
		reap(px);
	}
	for (i = 0; i < px->n; i++)
		close_conn(px->conns[i]);
	px->n = 0;
	signals(px, old, false);
	return rc;
}

void
proxy_free(struct proxy *px)
{
	size_t i;
	int j;

	if (px == NULL)
		return;
	for (i = 0; i < px->n; i++)
		free_conn(px->conns[i]);
	if (px->lfd >= 0)
		close(px->lfd);
	for (j = 0; j < 2; j++)
		if (px->wake[j] >= 0)
			close(px->wake[j]);
	free(px->conns);
	free(px->pfd);
	free(px);
}
