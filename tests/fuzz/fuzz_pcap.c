/*
 * fuzz_pcap.c: libFuzzer target for amilint's capture pipeline: bytes ->
 * libpcap (reading memory through fmemopen) -> cap_read.c -> cap_tcp.c
 * -> cap_lint.c and the rules, with the built-in dictionary, wired as
 * src/amilint.c lint_capture() wires them; then the same capture through
 * cap_extract.c into a temporary directory.  The limits are small (4 AMI
 * connections, 8 in all, a 64 KiB window, a 256 KiB budget) so that
 * eviction and giving up on a hole are reached.
 *
 * An input that starts with a pcap or pcapng magic number is read as it
 * is: libpcap and the link layers are fuzzed.  Any other input is a
 * script of TCP segments, written as an Ethernet pcap first, so that the
 * reassembler is fuzzed past libpcap's checks.  Each segment is
 *   byte 0    bit 0: from the server; bits 1-2: the connection (of 4);
 *             bit 3 SYN, bit 4 FIN, bit 5 RST, bit 6 no ACK, bit 7 cut
 *             (the frame's last half is not captured)
 *   bytes 1-2 sequence offset, big-endian and signed, from the furthest
 *             byte that side sent so far
 *   byte 3    payload length (less when the input ends first)
 *   then the payload.
 * Connections 0 to 2 have the server port 5038; connection 3 has 6000,
 * so only its content can tell it carries AMI.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cap_extract.h"
#include "cap_lint.h"
#include "lint.h"
#include "lint_dict.h"

#define CAPTURE_MAX (4u * 1024 * 1024)

struct ctx {
	size_t n;
	unsigned long long frames; /* an upper bound on frame numbers */
};

/* What the writers rely on; a broken promise is a bug to find. */
static void
on_finding(void *arg, const struct lint_finding *f)
{
	struct ctx *c = arg;
	const struct lint_place *p = f->place;
	const unsigned char *m = (const unsigned char *)f->message;
	size_t i;

	if ((int)f->rule < 0 || f->rule >= RULE__COUNT || m == NULL || p == NULL)
		abort();
	for (i = 0; m[i] != '\0'; i++)
		if (m[i] < 0x20 || m[i] == 0x7f)
			abort();
	if (p->frame > c->frames || (p->direction != NULL && p->index == 0))
		abort();
	if (p->direction != NULL && strcmp(p->direction, "client") != 0 &&
	    strcmp(p->direction, "server") != 0)
		abort();
	if (p->has_offset && (f->line == 0 || f->col == 0))
		abort(); /* a gap has a place */
	if (f->source != NULL && (f->line != f->source->lineno ||
	                          f->col > f->source->len + 1 ||
	                          f->redact_from + f->redact_len >
	                              f->source->len))
		abort();
	c->n++;
}

/* ---- scripts -> pcap ------------------------------------------------- */

struct out {
	unsigned char *p;
	size_t len;
};

static void
put32(struct out *o, uint32_t v) /* little-endian, as the pcap header says */
{
	memcpy(o->p + o->len, &(uint32_t){v}, 4);
	o->len += 4;
}

static void
be(unsigned char *p, uint32_t v, int n)
{
	while (n-- > 0) {
		p[n] = (unsigned char)v;
		v >>= 8;
	}
}

static const unsigned char eth[14] = {2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1, 8, 0};

/* One frame: Ethernet, IPv4, TCP, payload. */
static void
frame(struct out *o, unsigned conn, int server, uint32_t seq, uint32_t ack,
      unsigned flags, const uint8_t *pl, size_t n, int cut)
{
	unsigned char h[54];
	size_t len = sizeof(h) + n;

	memcpy(h, eth, sizeof(eth));
	memset(h + 14, 0, 40);
	h[14] = 0x45;
	be(h + 16, (uint32_t)(40 + n), 2);
	h[22] = 64;
	h[23] = 6;
	be(h + 26 + 4 * server, 0x0a000001 + conn, 4);  /* client 10.0.0.x */
	be(h + 30 - 4 * server, 0x0a0000fe, 4);         /* server 10.0.0.254 */
	be(h + 34 + 2 * server, 40000 + conn, 2);
	be(h + 36 - 2 * server, conn == 3 ? 6000 : 5038, 2);
	be(h + 38, seq, 4);
	be(h + 42, ack, 4);
	h[46] = 0x50;
	h[47] = (unsigned char)flags;
	be(h + 48, 65535, 2);
	put32(o, 1700000000);
	put32(o, 0);
	put32(o, (uint32_t)(cut ? len / 2 : len));
	put32(o, (uint32_t)len);
	memcpy(o->p + o->len, h, cut && len / 2 < sizeof(h) ? len / 2 : sizeof(h));
	if (cut && len / 2 < sizeof(h)) {
		o->len += len / 2;
		return;
	}
	o->len += sizeof(h);
	n = cut ? len / 2 - sizeof(h) : n;
	memcpy(o->p + o->len, pl, n);
	o->len += n;
}

/* The script, as a pcap in *o (room for CAPTURE_MAX bytes). */
static void
script(const uint8_t *d, size_t size, struct out *o)
{
	uint32_t sent[4][2] = {{0}}, isn[4][2];
	size_t i = 0, n, k;

	for (k = 0; k < 8; k++)
		isn[k / 2][k % 2] = 0xfffff000u + (uint32_t)k * 0x10000000u;
	put32(o, 0xa1b2c3d4);
	put32(o, 0x00040002);
	put32(o, 0);
	put32(o, 0);
	put32(o, 262144);
	put32(o, 1);
	while (i + 4 <= size && o->len + 70 + 255 < CAPTURE_MAX) {
		unsigned b = d[i], c = (b >> 1) & 3, s = b & 1;
		unsigned flags = (b & 8 ? 0x02 : 0) | (b & 16 ? 0x01 : 0) |
		                 (b & 32 ? 0x04 : 0) | (b & 64 ? 0 : 0x10) | 0x08;
		int16_t off = (int16_t)(d[i + 1] << 8 | d[i + 2]);
		uint32_t seq = isn[c][s] + sent[c][s] + (uint32_t)(int32_t)off;

		n = d[i + 3] < size - i - 4 ? d[i + 3] : size - i - 4;
		frame(o, c, (int)s, b & 8 ? isn[c][s] : seq,
		      isn[c][!s] + sent[c][!s], flags, d + i + 4, n, b >> 7);
		if ((int32_t)(seq + (uint32_t)n - isn[c][s] - sent[c][s]) > 0)
			sent[c][s] = seq + (uint32_t)n - isn[c][s];
		i += 4 + n;
	}
}

/* ---- the pipeline ---------------------------------------------------- */

static void
limits(struct cap_tcp_limits *lim)
{
	cap_tcp_defaults(lim);
	lim->max_conns = 8;
	lim->max_ami = 4;
	lim->window = 64 * 1024;
	lim->budget = 256 * 1024;
}

static void
lint_capture(unsigned char *buf, size_t len, unsigned long long frames)
{
	static struct lint_dict dict;
	struct lint_options opt;
	struct cap_lint_options co;
	struct ctx c = {0, frames};
	char err[CAP_ERRSIZE];
	FILE *f;
	size_t i;

	if (dict.validate == NULL)
		lint_dict_builtin(&dict);
	memset(&opt, 0, sizeof(opt));
	for (i = 0; i < RULE__COUNT; i++)
		opt.enabled[i] = true;
	memset(&co, 0, sizeof(co));
	co.dict = &dict;
	co.lint = &opt;
	limits(&co.limits);
	co.emit = on_finding;
	co.ctx = &c;
	if ((f = fmemopen(buf, len, "rb")) == NULL)
		abort();
	cap_lint(f, &co, err);
}

static void
extract(unsigned char *buf, size_t len)
{
	static char dir[] = "/tmp/fuzz_pcap.XXXXXX";
	static int made;
	struct cap_tcp_limits lim;
	char err[CAP_ERRSIZE], path[sizeof(dir) + 300];
	struct dirent *e;
	DIR *d;
	FILE *f;

	if (!made++ && mkdtemp(dir) == NULL)
		abort();
	limits(&lim);
	if ((f = fmemopen(buf, len, "rb")) == NULL)
		abort();
	cap_extract(f, dir, &lim, NULL, "fuzz", err);
	if ((d = opendir(dir)) == NULL)
		abort();
	while ((e = readdir(d)) != NULL)
		if (e->d_name[0] != '.') {
			snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
			unlink(path);
		}
	closedir(d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct out o = {NULL, 0};

	if (size == 0)
		return 0;
	if ((o.p = malloc(CAPTURE_MAX)) == NULL)
		return 0;
	if (cap_sniff(data, size)) {
		o.len = size < CAPTURE_MAX ? size : CAPTURE_MAX;
		memcpy(o.p, data, o.len);
	} else
		script(data, size, &o);
	/* Frame numbers: at most one per 16 bytes (a record's header). */
	lint_capture(o.p, o.len, o.len / 16 + 1);
	extract(o.p, o.len);
	free(o.p);
	return 0;
}
