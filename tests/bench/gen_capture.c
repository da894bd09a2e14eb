/*
 * gen_capture.c: writes a large pcap of many AMI connections for amilint's
 * capture benchmark (run-capture.sh).  The AMI bytes are a transcript
 * written by gen_transcript (realistic messages, seeded), cut into one
 * slice per connection at message boundaries; actions go client to server,
 * the rest server to client.  Segments of 100-1460 bytes from connections
 * picked at random are interleaved, with pure ACKs, and about 0.5% of the
 * segments reordered and 0.5% retransmitted.  Same seed, same bytes.
 * usage: gen_capture [-s SEED] [-c CONNS] SIZE_MIB TRANSCRIPT > capture.pcap
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_CONNS 4096
#define SEG_MIN 100
#define SEG_MAX 1460

static const char banner[] = "Asterisk Call Manager/13.0.0\r\n";
static const char login_c[] = "Action: Login\r\nActionID: login-1\r\n"
                              "Username: admin\r\nSecret: amp111\r\n\r\n";
static const char login_s[] = "Response: Success\r\nActionID: login-1\r\n"
                              "Message: Authentication accepted\r\n\r\n";

/* A connection: its slice of the transcript [pos, end) and, per
 * direction (0 client, 1 server), the bytes sent so far. */
struct conn {
	unsigned char ip[4];
	unsigned port;
	uint32_t isn[2];
	unsigned long long sent[2];
	size_t pos, end;
	int d, mid; /* direction of the message at pos, started or not */
	int done;
	struct { /* a segment sent again (on 1) or held back (on 2) */
		int on, d;
		unsigned long long off;
		size_t pos, len;
	} late;
};

static struct {
	const unsigned char *t; /* the transcript */
	size_t tlen;
	struct conn c[MAX_CONNS];
	size_t n;
	unsigned long long written, usec;
	uint16_t ipid;
} g;

/* ---- the PRNG: splitmix64, as gen_transcript's ----------------------- */

static uint64_t rng_state;

static unsigned
pick(unsigned n)
{
	uint64_t z = (rng_state += UINT64_C(0x9e3779b97f4a7c15));

	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return (unsigned)((z ^ (z >> 31)) % n);
}

/* ---- pcap records: Ethernet, IPv4, TCP ------------------------------- */

static void
be16(unsigned char *p, unsigned v)
{
	p[0] = (unsigned char)(v >> 8);
	p[1] = (unsigned char)v;
}

static void
be32(unsigned char *p, uint32_t v)
{
	be16(p, v >> 16);
	be16(p + 2, v & 0xffff);
}

static void
le32(unsigned char *p, uint32_t v)
{
	int i;

	for (i = 0; i < 4; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

static void
out(const void *p, size_t n)
{
	if (fwrite(p, 1, n, stdout) != n) {
		perror("gen_capture: write");
		exit(2);
	}
	g.written += n;
}

static void
ip_checksum(unsigned char *p)
{
	unsigned long s = 0;
	int i;

	for (i = 0; i < 20; i += 2)
		s += (unsigned long)p[i] << 8 | p[i + 1];
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	be16(p + 10, (unsigned)(~s & 0xffff));
}

/* One frame from direction d of c: flags, n payload bytes at stream
 * offset off.  The ACK acknowledges everything the peer sent so far. */
static void
frame(const struct conn *c, int d, unsigned flags, unsigned long long off,
      const void *pl, size_t n)
{
	static const unsigned char server[4] = {10, 1, 0, 1};
	unsigned char h[16 + 54] = {0}, *e = h + 16, *ip = e + 14, *tcp = ip + 20;
	uint32_t seq = c->isn[d] + 1 + (uint32_t)off;

	g.usec += 20 + pick(200);
	le32(h, (uint32_t)(1700000000 + g.usec / 1000000));
	le32(h + 4, (uint32_t)(g.usec % 1000000));
	le32(h + 8, (uint32_t)(54 + n));
	le32(h + 12, (uint32_t)(54 + n));
	memcpy(e, d ? "\x02\0\0\0\0\x01\x02\0\0\0\0\x02"
	            : "\x02\0\0\0\0\x02\x02\0\0\0\0\x01", 12);
	be16(e + 12, 0x0800);
	ip[0] = 0x45;
	be16(ip + 2, (unsigned)(40 + n));
	be16(ip + 4, g.ipid++);
	be16(ip + 6, 0x4000);
	ip[8] = 64;
	ip[9] = 6;
	memcpy(ip + 12, d ? server : c->ip, 4);
	memcpy(ip + 16, d ? c->ip : server, 4);
	ip_checksum(ip);
	be16(tcp, d ? 5038 : c->port);
	be16(tcp + 2, d ? c->port : 5038);
	be32(tcp + 4, flags & 0x02 ? c->isn[d] : seq);
	if (flags & 0x10) /* never past a hole: the peer has not seen it */
		be32(tcp + 8, c->isn[!d] + 1 +
		                  (uint32_t)(c->late.on == 2 && c->late.d == !d
		                                 ? c->late.off
		                                 : c->sent[!d]));
	tcp[12] = 0x50;
	tcp[13] = (unsigned char)flags;
	be16(tcp + 14, 65535);
	out(h, sizeof(h));
	out(pl, n);
}

/* ---- connections ----------------------------------------------------- */

/* Sends n bytes of p from direction d as one segment, with now and then
 * the peer's pure ACK. */
static void
send_bytes(struct conn *c, int d, const void *p, size_t n)
{
	frame(c, d, 0x18, c->sent[d], p, n);
	c->sent[d] += n;
	if (pick(2) == 0)
		frame(c, !d, 0x10, c->sent[!d], NULL, 0);
}

static void
handshake(struct conn *c)
{
	frame(c, 0, 0x02, 0, NULL, 0);
	frame(c, 1, 0x12, 0, NULL, 0);
	frame(c, 0, 0x10, 0, NULL, 0);
	send_bytes(c, 1, banner, sizeof(banner) - 1);
	send_bytes(c, 0, login_c, sizeof(login_c) - 1);
	send_bytes(c, 1, login_s, sizeof(login_s) - 1);
}

static void
finish(struct conn *c)
{
	frame(c, 0, 0x11, c->sent[0], NULL, 0);
	c->sent[0]++;
	frame(c, 1, 0x11, c->sent[1], NULL, 0);
	c->sent[1]++;
	frame(c, 0, 0x10, c->sent[0], NULL, 0);
}

/* The end of the message that starts at pos (after its blank line). */
static size_t
msg_end(size_t pos, size_t end)
{
	const unsigned char *m;

	while (pos < end && (m = memchr(g.t + pos, '\r', end - pos)) != NULL) {
		pos = (size_t)(m - g.t) + 1;
		if (end - pos >= 3 && memcmp(g.t + pos, "\n\r\n", 3) == 0)
			return pos + 3;
	}
	return end;
}

static int
client_msg(size_t pos)
{
	return g.tlen - pos > 7 && memcmp(g.t + pos, "Action:", 7) == 0;
}

/* The end of the run of same-direction messages from c->pos, at most max
 * bytes on (a segment never mixes the two directions); *more: whether
 * bytes of the same direction follow it; *mid: whether it ends inside a
 * message. */
static size_t
run_end(const struct conn *c, size_t max, int *more, int *mid)
{
	size_t p = c->pos, lim = c->end - c->pos > max ? c->pos + max : c->end;

	if (c->mid) /* the one cut by the last segment goes on; its blank
	             * line may have been cut too, hence the 3 bytes back */
		p = msg_end(p - 3, c->end);
	while (p < lim && client_msg(p) == !c->d)
		p = msg_end(p, c->end);
	*mid = p > lim;
	*more = p > lim || (p < c->end && client_msg(p) == !c->d);
	return p < lim ? p : lim;
}

static void
flush_late(struct conn *c)
{
	int d = c->late.d;

	if (c->late.on == 0)
		return;
	c->late.on = 0; /* from now on, ACKs cover it */
	frame(c, d, 0x18, c->late.off, g.t + c->late.pos, c->late.len);
}

static void
hold(struct conn *c, size_t n)
{
	c->late.on = 1, c->late.d = c->d, c->late.off = c->sent[c->d] - n;
	c->late.pos = c->pos, c->late.len = n;
}

/* One segment of c's next bytes: about 0.5% held back until the next
 * segment of that direction went, 0.5% sent again after it. */
static void
step(struct conn *c, size_t max)
{
	size_t e, n;
	int more, r = (int)pick(1000);

	if (!c->mid)
		c->d = !client_msg(c->pos);
	e = run_end(c, max, &more, &c->mid);
	n = e - c->pos;
	if (r < 5 && more && !c->late.on) {
		c->sent[c->d] += n; /* the next segment overtakes it */
		hold(c, n);
		c->late.on = 2;
	} else {
		send_bytes(c, c->d, g.t + c->pos, n);
		if (r < 10 && more && !c->late.on)
			hold(c, n);
		else
			flush_late(c);
	}
	c->pos = e;
}

/* The transcript past its banner and login, cut into n slices. */
static void
setup(unsigned long long seed)
{
	size_t i, start = msg_end(msg_end(msg_end(0, g.tlen), g.tlen), g.tlen);
	size_t per = (g.tlen - start) / g.n;

	rng_state = seed;
	for (i = 0; i < g.n; i++) {
		struct conn *c = &g.c[i];

		c->ip[0] = 10, c->ip[2] = (unsigned char)(i / 250);
		c->ip[3] = (unsigned char)(i % 250 + 1);
		c->port = 40000 + (unsigned)i;
		c->isn[0] = (uint32_t)pick(0x7fffffff) * 2u;
		c->isn[1] = (uint32_t)pick(0x7fffffff) * 2u;
		c->pos = i == 0 ? start : g.c[i - 1].end;
		c->end = i + 1 == g.n ? g.tlen : msg_end(start + (i + 1) * per,
		                                         g.tlen);
	}
}

static void
load(const char *path)
{
	FILE *f = fopen(path, "rb");
	long n;

	if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) <= 0 ||
	    fseek(f, 0, SEEK_SET) != 0 || (g.t = malloc((size_t)n)) == NULL ||
	    fread((void *)g.t, 1, (size_t)n, f) != (size_t)n) {
		perror(path);
		exit(2);
	}
	g.tlen = (size_t)n;
	fclose(f);
}

static void
usage(void)
{
	fputs("usage: gen_capture [-s SEED] [-c CONNS] SIZE_MIB TRANSCRIPT\n",
	      stderr);
	exit(2);
}

static void
file_header(void)
{
	unsigned char h[24] = {0};

	le32(h, 0xa1b2c3d4);
	h[4] = 2, h[6] = 4; /* version 2.4 */
	le32(h + 16, 262144);
	le32(h + 20, 1); /* Ethernet */
	out(h, sizeof(h));
}

int
main(int argc, char **argv)
{
	static char obuf[1 << 20];
	unsigned long long seed = 1, size = 0;
	size_t i, live;
	int a;

	g.n = 200;
	for (a = 1; a + 1 < argc && argv[a][0] == '-'; a += 2) {
		if (strcmp(argv[a], "-s") == 0)
			seed = strtoull(argv[a + 1], NULL, 10);
		else if (strcmp(argv[a], "-c") == 0)
			g.n = strtoul(argv[a + 1], NULL, 10);
		else
			usage();
	}
	if (a + 2 != argc || (size = strtoull(argv[a], NULL, 10)) == 0 ||
	    g.n == 0 || g.n > MAX_CONNS)
		usage();
	load(argv[a + 1]);
	setvbuf(stdout, obuf, _IOFBF, sizeof(obuf));
	setup(seed);
	file_header();
	for (i = 0; i < g.n; i++)
		handshake(&g.c[i]);
	for (live = g.n; live > 0 && g.written < size << 20;) {
		struct conn *c = &g.c[pick((unsigned)g.n)];

		if (c->pos < c->end)
			step(c, SEG_MIN + pick(SEG_MAX - SEG_MIN + 1));
		else if (!c->done) /* its slice is used up */
			flush_late(c), c->done = 1, live--;
	}
	for (i = 0; i < g.n; i++) { /* the message under way, then FIN */
		while (g.c[i].mid)
			step(&g.c[i], SEG_MAX);
		flush_late(&g.c[i]);
		finish(&g.c[i]);
	}
	return fflush(stdout) != 0 || ferror(stdout) ? 2 : 0;
}
