/*
 * cap_read.c: capture files -> TCP segments (see cap_read.h).  libpcap
 * reads the records (pcap and pcapng alike); this file peels the link
 * layer, IPv4 or IPv6 (with the extension headers that are simple to
 * skip) and TCP, trusting no length it has not checked.
 */
/* pcap.h uses u_int and u_char, which strict POSIX mode hides. */
#define _DEFAULT_SOURCE 1

#include "cap_read.h"

#include <arpa/inet.h>
#include <errno.h>
#include <pcap/pcap.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_VLAN_TAGS 8
#define MAX_IPV6_EXT 8

struct cap_reader {
	pcap_t *pc;
	int dlt;
	unsigned long long frame;
	char err[CAP_ERRSIZE];
};

static unsigned
be16(const unsigned char *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

static uint32_t
be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

bool
cap_sniff(const unsigned char *h, size_t n)
{
	static const unsigned char magic[][4] = {
		{0xa1, 0xb2, 0xc3, 0xd4}, {0xd4, 0xc3, 0xb2, 0xa1}, /* usec */
		{0xa1, 0xb2, 0x3c, 0x4d}, {0x4d, 0x3c, 0xb2, 0xa1}, /* nsec */
		{0xa1, 0xb2, 0xcd, 0x34}, {0x34, 0xcd, 0xb2, 0xa1}, /* patched */
		{0x0a, 0x0d, 0x0d, 0x0a},                           /* pcapng */
	};
	size_t i;

	for (i = 0; n >= 4 && i < sizeof(magic) / sizeof(magic[0]); i++)
		if (memcmp(h, magic[i], 4) == 0)
			return true;
	return false;
}

/* A pipe cannot seek back over the magic: copy it all to a file. */
static FILE *
copy_pipe(int fd, const unsigned char *head, size_t n)
{
	FILE *f = tmpfile();
	char buf[65536];
	ssize_t r;

	if (f == NULL)
		return NULL;
	fwrite(head, 1, n, f);
	while ((r = read(fd, buf, sizeof(buf))) != 0) {
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0 || fwrite(buf, 1, (size_t)r, f) != (size_t)r) {
			fclose(f);
			return NULL;
		}
	}
	if (fflush(f) != 0 || fseek(f, 0, SEEK_SET) != 0) {
		fclose(f);
		return NULL;
	}
	return f;
}

FILE *
cap_stream(int fd, const unsigned char *head, size_t n)
{
	FILE *f;
	int d;

	if (lseek(fd, 0, SEEK_SET) != 0)
		return copy_pipe(fd, head, n);
	if ((d = dup(fd)) < 0)
		return NULL;
	if ((f = fdopen(d, "rb")) == NULL)
		close(d);
	return f;
}

static bool
supported(int dlt)
{
	return dlt == DLT_EN10MB || dlt == DLT_LINUX_SLL ||
	       dlt == DLT_LINUX_SLL2 || dlt == DLT_NULL || dlt == DLT_LOOP ||
	       dlt == DLT_RAW || dlt == DLT_IPV4 || dlt == DLT_IPV6;
}

struct cap_reader *
cap_open(FILE *f, char err[CAP_ERRSIZE])
{
	char ebuf[PCAP_ERRBUF_SIZE] = "";
	struct cap_reader *r;
	const char *name;

	if ((r = calloc(1, sizeof(*r))) == NULL) {
		fclose(f);
		snprintf(err, CAP_ERRSIZE, "out of memory");
		return NULL;
	}
	if ((r->pc = pcap_fopen_offline(f, ebuf)) == NULL) {
		fclose(f);
		free(r);
		snprintf(err, CAP_ERRSIZE, "not a capture libpcap can read: %s",
		         ebuf);
		return NULL;
	}
	r->dlt = pcap_datalink(r->pc);
	if (!supported(r->dlt)) {
		name = pcap_datalink_val_to_name(r->dlt);
		snprintf(err, CAP_ERRSIZE,
		         "link type %d (%s) is not supported (Ethernet, Linux "
		         "cooked, BSD loopback and raw IP are)",
		         r->dlt, name != NULL ? name : "unknown");
		cap_close(r);
		return NULL;
	}
	return r;
}

void
cap_close(struct cap_reader *r)
{
	if (r == NULL)
		return;
	pcap_close(r->pc);
	free(r);
}

const char *
cap_error(const struct cap_reader *r)
{
	return r->err;
}

/* ---- TCP and IP ------------------------------------------------------ */

/*
 * avail: bytes captured from t on; wire: bytes the IP header says there
 * are; cut: bytes the capture's snapshot length dropped from the frame.
 */
static void
tcp(struct cap_packet *pk, const unsigned char *t, size_t avail, size_t wire,
    size_t cut)
{
	size_t hl, more;

	if (avail < 20 || (hl = (size_t)(t[12] >> 4) * 4) < 20 || hl > avail)
		return;
	pk->src.port = (uint16_t)be16(t);
	pk->dst.port = (uint16_t)be16(t + 2);
	pk->seq = be32(t + 4);
	pk->ack = be32(t + 8);
	pk->flags = t[13] & (CAP_FIN | CAP_SYN | CAP_RST | CAP_ACK);
	pk->payload = t + hl;
	pk->len = avail - hl;
	/* Only bytes that were on the wire: an IP length can lie. */
	more = wire > avail ? wire - avail : 0;
	pk->missing = more < cut ? more : cut;
	pk->kind = CAP_TCP;
}

static void
fragment(struct cap_packet *pk, unsigned long id, unsigned long offset,
         bool more, const unsigned char *t, size_t avail)
{
	pk->kind = CAP_FRAGMENT;
	pk->frag_id = id;
	pk->frag_offset = offset;
	pk->frag_more = more;
	if (offset == 0 && avail >= 4) {
		pk->src.port = (uint16_t)be16(t);
		pk->dst.port = (uint16_t)be16(t + 2);
	}
}

static void
ipv4(struct cap_packet *pk, const unsigned char *p, size_t n, size_t cut)
{
	size_t hl, total;
	unsigned frag;

	if (n < 20 || (p[0] >> 4) != 4 || (hl = (size_t)(p[0] & 15) * 4) < 20 ||
	    hl > n)
		return;
	total = be16(p + 2);
	if (total == 0)
		total = n + cut; /* segmentation offload leaves it out */
	if (total < hl || p[9] != 6)
		return;
	if (n > total)
		n = total; /* link-layer padding */
	pk->src.family = pk->dst.family = 4;
	memcpy(pk->src.addr, p + 12, 4);
	memcpy(pk->dst.addr, p + 16, 4);
	frag = be16(p + 6);
	if ((frag & 0x3fff) != 0) {
		fragment(pk, be16(p + 4), (unsigned long)(frag & 0x1fff) * 8,
		         (frag & 0x2000) != 0, p + hl, n - hl);
		return;
	}
	tcp(pk, p + hl, n - hl, total - hl, cut);
}

/* Extension headers with a length: hop-by-hop, routing, destination, AH. */
static size_t
ext_len(unsigned next, const unsigned char *h)
{
	if (next == 0 || next == 43 || next == 60)
		return ((size_t)h[1] + 1) * 8;
	if (next == 51)
		return ((size_t)h[1] + 2) * 4;
	return 0;
}

static void
ipv6(struct cap_packet *pk, const unsigned char *p, size_t n, size_t cut)
{
	size_t off = 40, total, len, i;
	unsigned next, frag;

	if (n < 40 || (p[0] >> 4) != 6 || be16(p + 4) == 0)
		return; /* too short, or a jumbogram */
	total = 40 + be16(p + 4);
	if (n > total)
		n = total;
	next = p[6];
	pk->src.family = pk->dst.family = 6;
	memcpy(pk->src.addr, p + 8, 16);
	memcpy(pk->dst.addr, p + 24, 16);
	for (i = 0; i < MAX_IPV6_EXT && next != 6; i++) {
		if (off + 8 > n)
			return;
		if (next == 44) {
			frag = be16(p + off + 2);
			if ((frag & 0xfff9) != 0) { /* not an atomic fragment */
				if (p[off] == 6)
					fragment(pk, be32(p + off + 4), frag & 0xfff8,
					         (frag & 1) != 0, p + off + 8,
					         n - off - 8);
				return;
			}
			len = 8;
		} else if ((len = ext_len(next, p + off)) == 0)
			return; /* ESP, no next header, or unknown */
		next = p[off];
		off += len;
	}
	if (next == 6 && off <= n)
		tcp(pk, p + off, n - off, total - off, cut);
}

/* ---- link layers ----------------------------------------------------- */

/* Ethernet with any number (up to a bound) of 802.1Q/802.1ad tags. */
static size_t
ethernet(const unsigned char *p, size_t n, unsigned *type)
{
	size_t off = 14, tags;

	if (n < 14)
		return 0;
	*type = be16(p + 12);
	for (tags = 0; tags < MAX_VLAN_TAGS &&
	               (*type == 0x8100 || *type == 0x88a8 || *type == 0x9100);
	     tags++) {
		if (n < off + 4)
			return 0;
		*type = be16(p + off + 2);
		off += 4;
	}
	return off;
}

/* Where the IP packet starts in a frame (0 with *type 0: none). */
static size_t
link_layer(int dlt, const unsigned char *p, size_t n, unsigned *type)
{
	*type = 0;
	if (dlt == DLT_EN10MB)
		return ethernet(p, n, type);
	if (dlt == DLT_LINUX_SLL && n >= 16) {
		*type = be16(p + 14);
		return 16;
	}
	if (dlt == DLT_LINUX_SLL2 && n >= 20) {
		*type = be16(p);
		return 20;
	}
	/* BSD loopback and raw IP: the version tells (the loopback's family
	 * value differs from one system to the next). */
	if ((dlt == DLT_NULL || dlt == DLT_LOOP) && n > 4) {
		*type = p[4] >> 4 == 6 ? 0x86dd : 0x0800;
		return 4;
	}
	if ((dlt == DLT_RAW || dlt == DLT_IPV4 || dlt == DLT_IPV6) && n > 0)
		*type = p[0] >> 4 == 6 ? 0x86dd : 0x0800;
	return 0;
}

static void
decode(const struct cap_reader *r, struct cap_packet *pk,
       const struct pcap_pkthdr *h, const unsigned char *p)
{
	size_t n = h->caplen, cut = h->len > h->caplen ? h->len - h->caplen : 0;
	unsigned type;
	size_t off = link_layer(r->dlt, p, n, &type);

	if (type == 0x0800)
		ipv4(pk, p + off, n - off, cut);
	else if (type == 0x86dd)
		ipv6(pk, p + off, n - off, cut);
}

int
cap_next(struct cap_reader *r, struct cap_packet *pk)
{
	struct pcap_pkthdr *h;
	const unsigned char *p;
	int rc = pcap_next_ex(r->pc, &h, &p);

	if (rc == PCAP_ERROR_BREAK)
		return 0;
	if (rc != 1) {
		snprintf(r->err, sizeof(r->err), "after frame %llu: %s",
		         r->frame, pcap_geterr(r->pc));
		return -1;
	}
	memset(pk, 0, sizeof(*pk));
	pk->frame = ++r->frame;
	pk->kind = CAP_OTHER;
	decode(r, pk, h, p);
	return 1;
}

void
cap_endpoint_str(const struct cap_endpoint *e, char *buf, size_t size)
{
	char a[INET6_ADDRSTRLEN];

	if (inet_ntop(e->family == 6 ? AF_INET6 : AF_INET, e->addr, a,
	              sizeof(a)) == NULL)
		snprintf(a, sizeof(a), "?");
	if (e->port == 0)
		snprintf(buf, size, "%s", a);
	else if (e->family == 6)
		snprintf(buf, size, "[%s]:%u", a, (unsigned)e->port);
	else
		snprintf(buf, size, "%s:%u", a, (unsigned)e->port);
}
