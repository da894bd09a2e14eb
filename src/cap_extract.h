/*
 * cap_extract.h: the other end of amilint's capture pipeline (cap_read ->
 * cap_tcp -> here, for amilint --extract): each AMI connection written
 * out as text transcripts, for people to read and for tools that point
 * at text files: DIR/NNN-client.txt and DIR/NNN-server.txt, each
 * direction's bytes exactly as captured, and DIR/NNN-both.txt, both
 * interleaved in capture order a message at a time.  NNN is the
 * connection's number, as amilint's findings on the capture name it.
 */
#ifndef CAP_EXTRACT_H
#define CAP_EXTRACT_H

#include <stdio.h>

#include "cap_read.h"
#include "cap_tcp.h"

/*
 * Extracts the capture on f (taken over) into dir, created if missing.
 * Gaps are told on warn, each line starting with name.  0, or -1 with
 * a message in err.
 */
int cap_extract(FILE *f, const char *dir, const struct cap_tcp_limits *,
                FILE *warn, const char *name, char err[CAP_ERRSIZE]);

#endif
