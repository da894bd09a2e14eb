/*
 * proxy.h: amilint --proxy, live traffic instead of a transcript.  A
 * transparent TCP proxy between AMI clients and one AMI server: every
 * byte is forwarded unchanged, and both directions are linted as they
 * flow.  Each connection is one lint session (lint.h) fed by two parsers
 * (ami_msg.h), one per direction, as cap_lint.c does for a capture's
 * connections; findings leave with their place (struct lint_place): the
 * connection, its number, the direction, line and column in that
 * direction's bytes.
 */
#ifndef PROXY_H
#define PROXY_H

#include <stdio.h>

#include "lint.h"

#define PROXY_ERRSIZE 256

/* Bytes held per direction: a side is not read while the other side's
 * buffer is full (back-pressure). */
#define PROXY_BUFSIZE (64 * 1024)
/* Connections open at once; more wait in the listen queue. */
#define PROXY_MAX_CONNS 1024

struct proxy_options {
	const char *listen;   /* HOST:PORT or [HOST]:PORT; port 0 picks one */
	const char *upstream; /* the AMI server, HOST:PORT or [HOST]:PORT */
	const struct lint_dict *dict;
	const struct lint_options *lint;
	lint_emit_fn emit; /* every finding, its place set */
	void *ctx;
	FILE *log; /* connection errors (upstream down, resets), as they happen */
};

struct proxy;

/* Resolves both addresses and listens; NULL with a message in err. */
struct proxy *proxy_new(const struct proxy_options *, char err[PROXY_ERRSIZE]);
/* The address listened on (with the port chosen for port 0). */
const char *proxy_address(const struct proxy *);
/*
 * Forwards and lints until SIGINT or SIGTERM.  Connections still open
 * then end as at a capture gap: what they had in flight is not reported.
 * 0, or -1 after a message on the log when the event loop itself failed.
 */
int proxy_run(struct proxy *);
void proxy_free(struct proxy *);

#endif
