/*
 * cap_read.h: the first stage of amilint's capture pipeline (cap_read ->
 * cap_tcp -> cap_lint or cap_extract): pcap and pcapng files, read
 * through libpcap, -> link layer -> IPv4 or IPv6 -> TCP segments.  The
 * only file that includes pcap.h.  Checksums are not checked (offloading
 * makes them wrong in most captures); IP fragments are not reassembled.
 */
#ifndef CAP_READ_H
#define CAP_READ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define CAP_ERRSIZE 512

enum cap_kind {
	CAP_TCP,      /* a TCP segment */
	CAP_FRAGMENT, /* a fragment of a TCP packet: skipped */
	CAP_OTHER     /* anything else, or too broken to read: ignored */
};

enum {
	CAP_FIN = 0x01,
	CAP_SYN = 0x02,
	CAP_RST = 0x04,
	CAP_ACK = 0x10
};

struct cap_endpoint {
	unsigned char addr[16]; /* IPv4 in the first 4 bytes */
	uint16_t port;
	unsigned char family; /* 4 or 6 */
};

struct cap_packet {
	unsigned long long frame; /* 1-based, as Wireshark numbers them */
	enum cap_kind kind;
	struct cap_endpoint src, dst; /* CAP_FRAGMENT: ports may be 0 */
	uint32_t seq, ack;
	unsigned flags;
	const unsigned char *payload; /* valid until the next cap_next() */
	size_t len;                   /* payload bytes captured */
	size_t missing; /* payload bytes the IP header counts but the capture
	                   cut off (its snapshot length) */
	unsigned long frag_id, frag_offset; /* CAP_FRAGMENT */
	bool frag_more;
};

struct cap_reader;

/* Whether a file starting with these bytes is a pcap or pcapng capture. */
bool cap_sniff(const unsigned char *head, size_t n);
/*
 * A stream of the whole file open on fd, of which the first n bytes
 * (head) were already read: fd itself when it can seek back, else a
 * temporary copy (a pipe).  NULL with errno set.
 */
FILE *cap_stream(int fd, const unsigned char *head, size_t n);
/* Takes f over (cap_close closes it); NULL with a message in err. */
struct cap_reader *cap_open(FILE *f, char err[CAP_ERRSIZE]);
/* 1: *pk is the next packet; 0: the end; -1: an error (cap_error). */
int cap_next(struct cap_reader *, struct cap_packet *pk);
const char *cap_error(const struct cap_reader *);
void cap_close(struct cap_reader *);

/* "10.0.0.1:5038", "[2001:db8::1]:5038"; without the port when 0. */
void cap_endpoint_str(const struct cap_endpoint *, char *buf, size_t size);

#endif
