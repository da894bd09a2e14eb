/*
 * cap_extract.c: AMI connections -> text transcripts (see
 * cap_extract.h).  Nothing is kept in memory but offsets: each
 * direction's bytes go to its file as they come, and a message goes into
 * NNN-both.txt, copied back from that file, once its blank line has come
 * (the banner line goes alone).  Files are opened per write, so that
 * thousands of connections need no more than two descriptors.
 */
#include "cap_extract.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define BANNER "Asterisk Call Manager/"
#define PATH_SIZE 4096

enum { F_CLIENT, F_SERVER, F_BOTH };

struct scan { /* where a side's messages end */
	unsigned long long size;  /* bytes written */
	unsigned long long ended; /* offset after the last message's end */
	unsigned long long both;  /* bytes already in NNN-both.txt */
	unsigned long long line;  /* 1-based: the line being read */
	size_t len;               /* bytes of it so far */
	bool cr;                  /* its last byte is a CR */
	char first[sizeof(BANNER) - 1];
};

struct ex_conn {
	char path[3][PATH_SIZE];
	char name[192];
	struct scan sc[2];
};

struct run {
	const char *dir, *name;
	FILE *warn;
	char *err; /* the first error; "" while none */
};

static void
fail(struct run *r, const char *path)
{
	if (r->err[0] == '\0')
		snprintf(r->err, CAP_ERRSIZE, "%s: %s", path, strerror(errno));
}

/* Appends to a file; n 0 with mode "wb" creates it empty. */
static void
put(struct run *r, const char *path, const char *mode, const void *p,
    size_t n)
{
	FILE *f;

	if (r->err[0] != '\0')
		return;
	if ((f = fopen(path, mode)) == NULL) {
		fail(r, path);
		return;
	}
	if (fwrite(p, 1, n, f) != n)
		fail(r, path);
	if (fclose(f) != 0)
		fail(r, path);
}

/* Copies bytes [from, to) of a side's file to the end of NNN-both.txt. */
static void
copy_both(struct run *r, struct ex_conn *c, int side, unsigned long long to)
{
	struct scan *s = &c->sc[side];
	char buf[65536];
	FILE *in;
	size_t n;

	if (r->err[0] != '\0' || to <= s->both)
		return;
	if ((in = fopen(c->path[side], "rb")) == NULL ||
	    fseeko(in, (off_t)s->both, SEEK_SET) != 0) {
		fail(r, c->path[side]);
		if (in != NULL)
			fclose(in);
		return;
	}
	while (s->both < to) {
		n = to - s->both < sizeof(buf) ? (size_t)(to - s->both)
		                               : sizeof(buf);
		if (fread(buf, 1, n, in) != n) {
			fail(r, c->path[side]);
			break;
		}
		put(r, c->path[F_BOTH], "ab", buf, n);
		s->both += n;
	}
	fclose(in);
}

/* Finds where messages end in new bytes: after a blank line, and after
 * the banner when it is the first line. */
static void
scan(struct scan *s, const unsigned char *p, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		if (p[i] != '\n') {
			if (s->line == 1 && s->len < sizeof(s->first))
				s->first[s->len] = (char)p[i];
			s->len++;
			s->cr = p[i] == '\r';
			continue;
		}
		if (s->len == 0 || (s->len == 1 && s->cr) ||
		    (s->line == 1 && s->len >= sizeof(s->first) &&
		     memcmp(s->first, BANNER, sizeof(s->first)) == 0))
			s->ended = s->size + i + 1;
		s->line++;
		s->len = 0;
		s->cr = false;
	}
	s->size += len;
}

static void
on_open(void *ctx, struct cap_conn *cc)
{
	static const char *const suffix[] = {"client", "server", "both"};
	struct run *r = ctx;
	struct ex_conn *c = calloc(1, sizeof(*c));
	char a[64], b[64];
	int i;

	if ((cc->user = c) == NULL) {
		snprintf(r->err, CAP_ERRSIZE, "out of memory");
		return;
	}
	cap_endpoint_str(&cc->ep[CAP_CLIENT], a, sizeof(a));
	cap_endpoint_str(&cc->ep[CAP_SERVER], b, sizeof(b));
	snprintf(c->name, sizeof(c->name), "connection %lu (%s->%s)",
	         cc->index, a, b);
	for (i = 0; i < 3; i++) {
		snprintf(c->path[i], PATH_SIZE, "%s/%03lu-%s.txt", r->dir,
		         cc->index, suffix[i]);
		put(r, c->path[i], "wb", "", 0);
	}
	c->sc[0].line = c->sc[1].line = 1;
}

static void
on_data(void *ctx, struct cap_conn *cc, enum cap_side side,
        const unsigned char *p, size_t len, unsigned long long frame)
{
	struct run *r = ctx;
	struct ex_conn *c = cc->user;

	(void)frame;
	if (c == NULL)
		return;
	put(r, c->path[side], "ab", p, len);
	scan(&c->sc[side], p, len);
	copy_both(r, c, side, c->sc[side].ended);
}

static void
on_gap(void *ctx, struct cap_conn *cc, enum cap_side side,
       enum cap_gap_why why, unsigned long long n, unsigned long long frame)
{
	struct run *r = ctx;
	struct ex_conn *c = cc->user;

	if (c == NULL || why == CAP_GAP_START || r->warn == NULL)
		return;
	fprintf(r->warn,
	        "%s: %s, %s stream: %llu byte%s missing at offset %llu "
	        "(frame %llu)\n",
	        r->name, c->name, side == CAP_CLIENT ? "client" : "server", n,
	        n == 1 ? "" : "s", c->sc[side].size, frame);
}

static void
on_close(void *ctx, struct cap_conn *cc, bool evicted)
{
	struct run *r = ctx;
	struct ex_conn *c = cc->user;

	(void)evicted;
	if (c == NULL)
		return;
	copy_both(r, c, CAP_CLIENT, c->sc[CAP_CLIENT].size);
	copy_both(r, c, CAP_SERVER, c->sc[CAP_SERVER].size);
	free(c);
	cc->user = NULL;
}

int
cap_extract(FILE *f, const char *dir, const struct cap_tcp_limits *lim,
            FILE *warn, const char *name, char err[CAP_ERRSIZE])
{
	struct run r = {dir, name, warn, err};
	struct cap_tcp_handler hd = {on_open, on_data, on_gap, on_close, &r};
	struct cap_reader *rd;
	struct cap_tcp *t;
	struct cap_packet pk;
	int rc;

	err[0] = '\0';
	if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
		fclose(f);
		snprintf(err, CAP_ERRSIZE, "%s: %s", dir, strerror(errno));
		return -1;
	}
	if ((rd = cap_open(f, err)) == NULL)
		return -1;
	if ((t = cap_tcp_new(lim, &hd)) == NULL) {
		cap_close(rd);
		snprintf(err, CAP_ERRSIZE, "out of memory");
		return -1;
	}
	while ((rc = cap_next(rd, &pk)) > 0)
		cap_tcp_packet(t, &pk);
	if (rc < 0 && err[0] == '\0')
		snprintf(err, CAP_ERRSIZE, "%s", cap_error(rd));
	cap_tcp_free(t);
	cap_close(rd);
	return rc < 0 || err[0] != '\0' ? -1 : 0;
}
