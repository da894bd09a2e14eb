/*
 * cap_tcp.h: the second stage of amilint's capture pipeline: TCP segments
 * (cap_read.h) -> for each connection that carries AMI, its client's and
 * its server's byte streams, in sequence order as a receiver would take
 * them, with gaps where bytes never made it into the capture.
 *
 * Reassembly is per connection and direction: retransmitted and
 * overlapping bytes are taken from their first copy; out-of-order
 * segments wait (up to window bytes of sequence space ahead, and budget
 * bytes for all connections) for the hole before them, which is declared
 * a gap when they can wait no more, or as soon as the other side
 * acknowledges the bytes after it (it got the hole; the capture did
 * not).  Sequence numbers compare modulo 2^32.  A direction whose SYN the capture missed starts at the first
 * sequence number seen.
 *
 * Which connections carry AMI and which side is the client: a connection
 * with one of the AMI ports is AMI, and its server is the side with the
 * port (or, when both have one, the side that was sent the SYN).  Any
 * other connection is AMI when a line of its first bytes starts like
 * AMI: the side that sends "Action:" is the client, the side that sends
 * "Response:", "Event:" or the banner the server.
 */
#ifndef CAP_TCP_H
#define CAP_TCP_H

#include <stdbool.h>
#include <stddef.h>

#include "cap_read.h"

enum cap_side {
	CAP_CLIENT,
	CAP_SERVER
};

enum cap_gap_why {
	CAP_GAP_START, /* the capture starts mid-connection: size unknown */
	CAP_GAP_LOST,  /* bytes no packet of the capture holds */
	CAP_GAP_CUT,   /* bytes the snapshot length cut off a packet */
	CAP_GAP_END    /* bytes acknowledged or before the FIN, never seen */
};

struct cap_conn {
	unsigned long index; /* 1, 2, ...: order in which AMI was recognised */
	struct cap_endpoint ep[2]; /* [CAP_CLIENT], [CAP_SERVER] */
	void *user;                /* the consumer's */
};

struct cap_tcp_handler {
	/* A connection starts carrying AMI (first bytes or gap to come). */
	void (*open)(void *ctx, struct cap_conn *);
	/* Bytes of a side, in order; frame: the packet they came in. */
	void (*data)(void *ctx, struct cap_conn *, enum cap_side,
	             const unsigned char *, size_t, unsigned long long frame);
	/* n bytes (0 for CAP_GAP_START) are missing here; frame: the packet
	 * after them, or the one that showed them missing. */
	void (*gap)(void *ctx, struct cap_conn *, enum cap_side,
	            enum cap_gap_why, unsigned long long n,
	            unsigned long long frame);
	/* The connection ended (FIN, RST, end of the capture), or was
	 * evicted: then it goes on, and its next packet starts another. */
	void (*close)(void *ctx, struct cap_conn *, bool evicted);
	void *ctx;
};

#define CAP_TCP_MAX_PORTS 64

struct cap_tcp_limits {
	unsigned ports[CAP_TCP_MAX_PORTS]; /* the AMI ports */
	size_t nports;
	size_t max_conns;  /* connections followed at once (65536) */
	size_t max_ami;    /* AMI connections open at once (256: each holds a
	                      lint session and two parsers, up to 2.5 MiB) */
	size_t window;     /* out-of-order bytes ahead, per direction (1 MiB) */
	size_t budget;     /* out-of-order bytes held in all (64 MiB) */
};

/* The defaults above, with port 5038. */
void cap_tcp_defaults(struct cap_tcp_limits *);

struct cap_tcp;

struct cap_tcp *cap_tcp_new(const struct cap_tcp_limits *,
                            const struct cap_tcp_handler *);
void cap_tcp_packet(struct cap_tcp *, const struct cap_packet *);
/* End of the capture: every connection still open ends. */
void cap_tcp_finish(struct cap_tcp *);
void cap_tcp_free(struct cap_tcp *);

#endif
