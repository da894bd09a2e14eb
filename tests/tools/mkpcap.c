/*
 * mkpcap.c: writes pcap and pcapng files from a small script, so that
 * amilint's capture tests (tests/run-pcap.sh, tests/pcap/NAME.pcs) build
 * their captures at test time, byte for byte the same on every run.  It
 * shares no code with amilint, and libpcap reads what it writes.
 * usage: mkpcap SCRIPT OUT
 *
 * One directive a line; '#' starts a comment, blank lines are ignored:
 *   format pcap|pcap-swapped|pcap-nsec|pcapng   (default pcap)
 *   link ethernet|sll|sll2|null|loop|raw|ipv4|ipv6|NUMBER (default ethernet)
 *   snaplen N           every frame is cut to N bytes (default 262144)
 *   vlan ID ...         802.1Q tags on Ethernet frames (stacked if several)
 *   conn NAME CLIENT SERVER [ISN_C ISN_S]   defines a connection and
 *                       makes it current; CLIENT: 10.0.0.1:40000 or
 *                       [2001:db8::1]:40000; ISNs default to 1000, 5000
 *   use NAME            makes a connection current
 *   ext6 hop|dst|frag0 ...  IPv6 extension headers before TCP (frag0: an
 *                       atomic fragment header)
 *   syn                 the three-way handshake
 *   fin                 FIN from the client, FIN from the server, ACK
 *   c|s [OPTION ...] [PAYLOAD]   a segment from the client or the server
 *     seq=N    its offset in that direction's stream (default: after the
 *              furthest byte sent so far; 0 is the byte after the SYN)
 *     flags=X  of S, A, F, R, P (default AP)
 *     lost     not written: counts as sent (the peer acknowledges it)
 *     cut=N    only N payload bytes captured (the frame is cut)
 *     frag     sent as two IPv4 fragments
 *     mss=N    the payload split into segments of N bytes
 *     repeat=N the payload sent N times over
 *     PAYLOAD: "text" with \r \n \t \\ \" \xHH, or @FILE, or
 *              @FILE:OFFSET:LENGTH (FILE relative to the script)
 *   raw HEX ...         a frame of exactly these bytes
 *   record CAPLEN LEN   a record header claiming these lengths, no data
 */
#define _POSIX_C_SOURCE 200809L

#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_CONNS 1024
#define MAX_FRAME 70000
#define MAX_PAYLOAD (1 << 20)

struct ep {
	int v6;
	unsigned char a[16];
	unsigned port;
};

struct conn {
	char name[32];
	struct ep ep[2];     /* client, server */
	unsigned long isn[2];
	unsigned long sent[2]; /* furthest offset sent, per direction */
	unsigned char ext6[8];
	size_t next6;
};

static struct {
	const char *dir; /* the script's directory */
	FILE *out;
	int format; /* 0 pcap, 1 swapped, 2 nsec, 3 pcapng */
	unsigned link;
	unsigned long snaplen;
	unsigned vlan[4];
	size_t nvlan;
	struct conn conns[MAX_CONNS];
	size_t nconns;
	struct conn *cur;
	unsigned long frames;
	unsigned ipid;
	unsigned long lineno;
} g = {.link = 1, .snaplen = 262144, .ipid = 1};

static void
die(const char *what)
{
	fprintf(stderr, "mkpcap: line %lu: %s\n", g.lineno, what);
	exit(2);
}

/* ---- the file formats ------------------------------------------------ */

static void
u16(unsigned char *p, unsigned long v, int be)
{
	p[be ? 0 : 1] = (unsigned char)(v >> 8);
	p[be ? 1 : 0] = (unsigned char)v;
}

static void
u32(unsigned char *p, unsigned long v, int be)
{
	int i;

	for (i = 0; i < 4; i++)
		p[be ? 3 - i : i] = (unsigned char)(v >> (8 * i));
}

static void
put(const void *p, size_t n)
{
	if (fwrite(p, 1, n, g.out) != n)
		die("write error");
}

static int header_written;

static void
file_header(void)
{
	unsigned char h[28] = {0};
	int be = g.format == 1;

	if (g.format == 3) { /* pcapng: section header, interface */
		u32(h, 0x0a0d0d0a, 0);
		u32(h + 4, 28, 0);
		u32(h + 8, 0x1a2b3c4d, 0);
		u16(h + 12, 1, 0);
		memset(h + 16, 0xff, 8);
		u32(h + 24, 28, 0);
		put(h, 28);
		memset(h, 0, sizeof(h));
		u32(h, 1, 0);
		u32(h + 4, 20, 0);
		u16(h + 8, g.link, 0);
		u32(h + 12, g.snaplen, 0);
		u32(h + 16, 20, 0);
		put(h, 20);
		return;
	}
	u32(h, g.format == 2 ? 0xa1b23c4d : 0xa1b2c3d4, be);
	u16(h + 4, 2, be);
	u16(h + 6, 4, be);
	u32(h + 16, g.snaplen, be);
	u32(h + 20, g.link, be);
	put(h, 24);
}

/* One record: caplen bytes of p, of a frame of len bytes. */
static void
record(const unsigned char *p, unsigned long caplen, unsigned long len)
{
	unsigned char h[28] = {0}, pad[4] = {0};
	unsigned long t = ++g.frames * 1000; /* microseconds */
	int be = g.format == 1;

	if (!header_written++)
		file_header();

	if (g.format == 3) {
		unsigned long blen = 32 + ((caplen + 3) & ~3UL);
		unsigned long long ts = 1700000000ULL * 1000000 + t;

		u32(h, 6, 0);
		u32(h + 4, blen, 0);
		u32(h + 12, (unsigned long)(ts >> 32), 0);
		u32(h + 16, (unsigned long)ts, 0);
		u32(h + 20, caplen, 0);
		u32(h + 24, len, 0);
		put(h, 28);
		put(p, caplen);
		put(pad, ((caplen + 3) & ~3UL) - caplen);
		u32(h, blen, 0);
		put(h, 4);
		return;
	}
	u32(h, 1700000000 + t / 1000000, be);
	u32(h + 4, (t % 1000000) * (g.format == 2 ? 1000 : 1), be);
	u32(h + 8, caplen, be);
	u32(h + 12, len, be);
	put(h, 16);
	put(p, caplen);
}

/* ---- frames ---------------------------------------------------------- */

static size_t
link_header(unsigned char *p, int v6)
{
	unsigned type = v6 ? 0x86dd : 0x0800;
	size_t n = 0, i;

	switch (g.link) {
	case 1: /* Ethernet */
		memcpy(p, "\x02\0\0\0\0\x02\x02\0\0\0\0\x01", 12);
		for (n = 12, i = 0; i < g.nvlan; i++, n += 4) {
			u16(p + n, i + 1 < g.nvlan ? 0x88a8 : 0x8100, 1);
			u16(p + n + 2, g.vlan[i], 1);
		}
		u16(p + n, type, 1);
		return n + 2;
	case 113: /* Linux cooked */
		memset(p, 0, 16);
		u16(p + 2, 772, 1);
		u16(p + 4, 6, 1);
		u16(p + 14, type, 1);
		return 16;
	case 276: /* Linux cooked v2 */
		memset(p, 0, 20);
		u16(p, type, 1);
		u32(p + 4, 1, 1);
		u16(p + 8, 772, 1);
		p[11] = 6;
		return 20;
	case 0: /* BSD loopback: host byte order (little-endian here) */
	case 108: /* OpenBSD loopback: network byte order */
		u32(p, v6 ? 24 : 2, g.link == 108);
		return 4;
	default: /* raw IP */
		return 0;
	}
}

static unsigned
ip_checksum(const unsigned char *p, size_t n)
{
	unsigned long s = 0;
	size_t i;

	for (i = 0; i + 1 < n; i += 2)
		s += (unsigned long)p[i] << 8 | p[i + 1];
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	return (unsigned)(~s & 0xffff);
}

/* IPv4 header for a payload of n bytes; frag: flags and offset field. */
static size_t
ipv4(unsigned char *p, const struct ep *src, const struct ep *dst, size_t n,
     unsigned frag, unsigned id)
{
	memset(p, 0, 20);
	p[0] = 0x45;
	u16(p + 2, 20 + n, 1);
	u16(p + 4, id, 1);
	u16(p + 6, frag, 1);
	p[8] = 64;
	p[9] = 6;
	memcpy(p + 12, src->a, 4);
	memcpy(p + 16, dst->a, 4);
	u16(p + 10, ip_checksum(p, 20), 1);
	return 20;
}

static size_t
ipv6(unsigned char *p, const struct conn *c, const struct ep *src,
     const struct ep *dst, size_t n)
{
	size_t off = 40, i;

	memset(p, 0, 40);
	p[0] = 0x60;
	p[6] = c->next6 > 0 ? c->ext6[0] : 6;
	p[7] = 64;
	memcpy(p + 8, src->a, 16);
	memcpy(p + 24, dst->a, 16);
	for (i = 0; i < c->next6; i++, off += 8) {
		memset(p + off, 0, 8);
		p[off] = i + 1 < c->next6 ? c->ext6[i + 1] : 6;
		if (c->ext6[i] != 44)
			p[off + 2] = 1, p[off + 3] = 4; /* a PadN option */
		else
			u32(p + off + 4, 0x1234, 1);
	}
	u16(p + 4, off - 40 + n, 1);
	return off;
}

static size_t
tcp(unsigned char *p, const struct conn *c, int d, unsigned long off,
    unsigned flags)
{
	unsigned long seq = c->isn[d] + 1 + off, ack = c->isn[!d] + 1 + c->sent[!d];

	memset(p, 0, 20);
	u16(p, c->ep[d].port, 1);
	u16(p + 2, c->ep[!d].port, 1);
	if (flags & 0x02)
		seq = c->isn[d];
	u32(p + 4, seq & 0xffffffffUL, 1);
	u32(p + 8, (flags & 0x10) ? ack & 0xffffffffUL : 0, 1);
	p[12] = 0x50;
	p[13] = (unsigned char)flags;
	u16(p + 14, 65535, 1);
	return 20;
}

/* Writes a frame: link, IP, TCP, payload; cut: payload bytes captured. */
static void
frame(const struct conn *c, int d, unsigned long off, unsigned flags,
      const unsigned char *pl, size_t n, size_t cut, int frag)
{
	static unsigned char f[MAX_FRAME];
	const struct ep *src = &c->ep[d], *dst = &c->ep[!d];
	size_t l = link_header(f, src->v6), ip, t, len, half;

	if (n > 60000)
		die("segment too large (use mss=)");
	ip = src->v6 ? ipv6(f + l, c, src, dst, 20 + n)
	             : ipv4(f + l, src, dst, 20 + n, frag ? 0x2000 : 0x4000,
	                    g.ipid);
	t = tcp(f + l + ip, c, d, off, flags);
	memcpy(f + l + ip + t, pl, n);
	len = l + ip + t + n;
	if (frag && !src->v6) { /* two fragments, split on 8 bytes */
		half = ((t + n) / 2) & ~(size_t)7;
		ipv4(f + l, src, dst, half, 0x2000, g.ipid);
		record(f, l + 20 + half, l + 20 + half);
		memmove(f + l + 20, f + l + 20 + half, t + n - half);
		ipv4(f + l, src, dst, t + n - half, (unsigned)(half / 8), g.ipid++);
		record(f, l + 20 + t + n - half, l + 20 + t + n - half);
		return;
	}
	g.ipid++;
	cut = len - n + (cut < n ? cut : n);
	record(f, cut < g.snaplen ? cut : g.snaplen, len);
}

/* ---- the script ------------------------------------------------------ */

/* Splits a line into words; a "..." word keeps its quotes. */
static size_t
words(char *s, char **w, size_t max)
{
	size_t n = 0;

	for (;;) {
		while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
			s++;
		if (*s == '\0' || *s == '#')
			return n;
		if (n == max)
			die("too many words");
		w[n++] = s;
		if (*s == '"') {
			for (s++; *s != '\0' && *s != '"'; s++)
				if (*s == '\\' && s[1] != '\0')
					s++;
			if (*s++ != '"')
				die("unterminated string");
		} else
			while (*s != '\0' && *s != ' ' && *s != '\t' &&
			       *s != '\r' && *s != '\n')
				s++;
		if (*s != '\0')
			*s++ = '\0';
	}
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	die("bad hex digit");
	return 0;
}

static size_t
unescape(const char *s, unsigned char *out, size_t max)
{
	size_t n = 0;

	for (s++; *s != '"'; s++) {
		int c = (unsigned char)*s;

		if (n == max)
			die("payload too long");
		if (c == '\\') {
			c = *++s;
			if (c == 'r')
				c = '\r';
			else if (c == 'n')
				c = '\n';
			else if (c == 't')
				c = '\t';
			else if (c == 'x') {
				c = hexval(s[1]) * 16 + hexval(s[2]);
				s += 2;
			}
		}
		out[n++] = (unsigned char)c;
	}
	return n;
}

/* @FILE or @FILE:OFFSET:LENGTH, FILE relative to the script. */
static size_t
from_file(const char *w, unsigned char *out, size_t max)
{
	char path[4096], name[2048];
	unsigned long off = 0, len = (unsigned long)max;
	const char *colon = strchr(w + 1, ':');
	size_t n;
	FILE *f;

	snprintf(name, sizeof(name), "%.*s",
	         (int)(colon != NULL ? (size_t)(colon - w - 1) : strlen(w + 1)),
	         w + 1);
	if (colon != NULL && sscanf(colon, ":%lu:%lu", &off, &len) != 2)
		die("expected @FILE:OFFSET:LENGTH");
	snprintf(path, sizeof(path), "%s%s", name[0] == '/' ? "" : g.dir, name);
	if ((f = fopen(path, "rb")) == NULL || fseek(f, (long)off, SEEK_SET))
		die(strerror(errno));
	n = fread(out, 1, len < max ? len : max, f);
	fclose(f);
	return n;
}

static size_t
payload(const char *w, unsigned char *out, size_t max)
{
	return w[0] == '"' ? unescape(w, out, max) : from_file(w, out, max);
}

static void
endpoint(struct ep *e, const char *s)
{
	char addr[64];
	const char *colon = s[0] == '[' ? strstr(s, "]:") : strrchr(s, ':');

	if (colon == NULL)
		die("expected ADDRESS:PORT");
	e->v6 = s[0] == '[';
	snprintf(addr, sizeof(addr), "%.*s", (int)(colon - s - e->v6),
	         s + e->v6);
	if (inet_pton(e->v6 ? AF_INET6 : AF_INET, addr, e->a) != 1)
		die("bad address");
	e->port = (unsigned)strtoul(colon + 1 + e->v6, NULL, 10);
}

static struct conn *
find(const char *name)
{
	size_t i;

	for (i = 0; i < g.nconns; i++)
		if (strcmp(g.conns[i].name, name) == 0)
			return &g.conns[i];
	die("no such connection");
	return NULL;
}

static void
define(char **w, size_t n)
{
	struct conn *c;

	if (n != 4 && n != 6)
		die("conn NAME CLIENT SERVER [ISN_C ISN_S]");
	if (g.nconns == MAX_CONNS)
		die("too many connections");
	c = g.cur = &g.conns[g.nconns++];
	snprintf(c->name, sizeof(c->name), "%s", w[1]);
	endpoint(&c->ep[0], w[2]);
	endpoint(&c->ep[1], w[3]);
	c->isn[0] = n == 6 ? strtoul(w[4], NULL, 10) : 1000;
	c->isn[1] = n == 6 ? strtoul(w[5], NULL, 10) : 5000;
}

static unsigned
flag_bits(const char *s)
{
	unsigned f = 0;

	for (; *s != '\0'; s++)
		f |= *s == 'F' ? 0x01 : *s == 'S' ? 0x02 : *s == 'R' ? 0x04
		   : *s == 'P' ? 0x08 : *s == 'A' ? 0x10 : (die("bad flag"), 0);
	return f;
}

static void
segment(int d, char **w, size_t n)
{
	static unsigned char pl[MAX_PAYLOAD];
	struct conn *c = g.cur;
	unsigned long off;
	unsigned flags = 0x18;
	size_t cut = (size_t)-1, mss = 0, len = 0, i, k, m;
	unsigned long r, repeat = 1;
	int lost = 0, frag = 0;

	if (c == NULL)
		die("no connection yet");
	off = c->sent[d];
	for (i = 1; i < n; i++)
		if (strncmp(w[i], "seq=", 4) == 0)
			off = strtoul(w[i] + 4, NULL, 10);
		else if (strncmp(w[i], "flags=", 6) == 0)
			flags = flag_bits(w[i] + 6);
		else if (strncmp(w[i], "cut=", 4) == 0)
			cut = strtoul(w[i] + 4, NULL, 10);
		else if (strncmp(w[i], "mss=", 4) == 0)
			mss = strtoul(w[i] + 4, NULL, 10);
		else if (strncmp(w[i], "repeat=", 7) == 0)
			repeat = strtoul(w[i] + 7, NULL, 10);
		else if (strcmp(w[i], "lost") == 0)
			lost = 1;
		else if (strcmp(w[i], "frag") == 0)
			frag = 1;
		else if (w[i][0] == '"' || w[i][0] == '@')
			len = payload(w[i], pl, sizeof(pl));
		else
			die("unknown segment option");
	for (r = 0; r < repeat; r++, off += len)
		for (k = 0;; k += m) {
			m = mss == 0 || len - k < mss ? len - k : mss;
			if (!lost)
				frame(c, d, off + k,
				      k + m < len ? flags & ~1u : flags, pl + k,
				      m, cut, frag);
			if (off + k + m + (flags & 1) > c->sent[d])
				c->sent[d] = off + k + m + (flags & 1);
			if (k + m >= len)
				break;
		}
}

static void
raw(char **w, size_t n)
{
	static unsigned char f[MAX_FRAME];
	size_t len = 0, i;
	const char *s;

	for (i = 1; i < n; i++)
		for (s = w[i]; s[0] != '\0' && s[1] != '\0' && len < MAX_FRAME;
		     s += 2)
			f[len++] = (unsigned char)(hexval(s[0]) * 16 + hexval(s[1]));
	record(f, len, len);
}

/* A record header alone, claiming caplen bytes: a broken file. */
static void
bad_record(char **w, size_t n)
{
	unsigned char h[16] = {0};

	if (n != 3 || g.format == 3)
		die("record CAPLEN LEN (pcap formats only)");
	if (!header_written++)
		file_header();
	u32(h, 1700000000, g.format == 1);
	u32(h + 8, strtoul(w[1], NULL, 10), g.format == 1);
	u32(h + 12, strtoul(w[2], NULL, 10), g.format == 1);
	put(h, 16);
}

static void
settings(char **w, size_t n)
{
	static const char *const formats[] = {"pcap", "pcap-swapped",
	                                      "pcap-nsec", "pcapng"};
	static const struct {
		const char *name;
		unsigned link;
	} links[] = {{"ethernet", 1}, {"sll", 113}, {"sll2", 276}, {"null", 0},
	             {"loop", 108},   {"raw", 101}, {"ipv4", 228}, {"ipv6", 229}};
	size_t i;

	if (n < 2 || header_written)
		die("settings come first, with a value");
	if (strcmp(w[0], "format") == 0) {
		for (i = 0; i < 4 && strcmp(w[1], formats[i]) != 0; i++)
			;
		if ((g.format = (int)i) == 4)
			die("unknown format");
	} else if (strcmp(w[0], "link") == 0) {
		g.link = (unsigned)strtoul(w[1], NULL, 10);
		for (i = 0; i < sizeof(links) / sizeof(links[0]); i++)
			if (strcmp(w[1], links[i].name) == 0)
				g.link = links[i].link;
	} else if (strcmp(w[0], "snaplen") == 0)
		g.snaplen = strtoul(w[1], NULL, 10);
	else
		for (g.nvlan = 0; g.nvlan + 1 < n && g.nvlan < 4; g.nvlan++)
			g.vlan[g.nvlan] = (unsigned)strtoul(w[g.nvlan + 1], NULL, 10);
}

static void
ext6(char **w, size_t n)
{
	size_t i;

	if (g.cur == NULL || n > 9)
		die("ext6 needs a connection, and at most 8 headers");
	for (i = 1; i < n; i++)
		g.cur->ext6[i - 1] = strcmp(w[i], "hop") == 0   ? 0
		                     : strcmp(w[i], "dst") == 0 ? 60
		                     : strcmp(w[i], "frag0") == 0
		                         ? 44
		                         : (die("unknown extension header"), 0);
	g.cur->next6 = n - 1;
}

static void
directive(char **w, size_t n)
{
	struct conn *c = g.cur;

	if (strcmp(w[0], "c") == 0 || strcmp(w[0], "s") == 0)
		segment(w[0][0] == 's', w, n);
	else if (strcmp(w[0], "conn") == 0)
		define(w, n);
	else if (strcmp(w[0], "use") == 0 && n == 2)
		g.cur = find(w[1]);
	else if (strcmp(w[0], "ext6") == 0)
		ext6(w, n);
	else if (strcmp(w[0], "syn") == 0 && c != NULL) {
		frame(c, 0, 0, 0x02, NULL, 0, 0, 0);
		frame(c, 1, 0, 0x12, NULL, 0, 0, 0);
		frame(c, 0, 0, 0x10, NULL, 0, 0, 0);
	} else if (strcmp(w[0], "fin") == 0 && c != NULL) {
		frame(c, 0, c->sent[0]++, 0x11, NULL, 0, 0, 0);
		frame(c, 1, c->sent[1]++, 0x11, NULL, 0, 0, 0);
		frame(c, 0, c->sent[0], 0x10, NULL, 0, 0, 0);
	} else if (strcmp(w[0], "raw") == 0)
		raw(w, n);
	else if (strcmp(w[0], "record") == 0)
		bad_record(w, n);
	else if (strcmp(w[0], "format") == 0 || strcmp(w[0], "link") == 0 ||
	         strcmp(w[0], "snaplen") == 0 || strcmp(w[0], "vlan") == 0)
		settings(w, n);
	else
		die("unknown directive");
}

int
main(int argc, char **argv)
{
	static char line[MAX_PAYLOAD * 4];
	char dir[4096], *w[64], *slash;
	FILE *in;
	size_t n;

	if (argc != 3) {
		fputs("usage: mkpcap SCRIPT OUT\n", stderr);
		return 2;
	}
	snprintf(dir, sizeof(dir), "%s", argv[1]);
	slash = strrchr(dir, '/');
	slash != NULL ? (void)(slash[1] = '\0') : (void)(dir[0] = '\0');
	g.dir = dir;
	if ((in = fopen(argv[1], "r")) == NULL ||
	    (g.out = fopen(argv[2], "wb")) == NULL) {
		perror("mkpcap");
		return 2;
	}
	while (fgets(line, sizeof(line), in) != NULL) {
		g.lineno++;
		if ((n = words(line, w, 64)) > 0)
			directive(w, n);
	}
	if (!header_written++)
		file_header();
	fclose(in);
	if (fclose(g.out) != 0)
		die("write error");
	return 0;
}
