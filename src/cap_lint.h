/*
 * cap_lint.h: where amilint's capture pipeline (cap_read -> cap_tcp)
 * meets the linter: each AMI connection is one lint session (lint.h) fed
 * by two AMI parsers (ami_msg.h), one per direction, in capture order.
 * Findings leave with their place in the capture (struct lint_place):
 * the connection, the direction, the frame holding the start of the
 * line, and line, column and offset in that direction's bytes.
 */
#ifndef CAP_LINT_H
#define CAP_LINT_H

#include <stdio.h>

#include "cap_read.h"
#include "cap_tcp.h"
#include "lint.h"

struct cap_lint_options {
	const struct lint_dict *dict;
	const struct lint_options *lint;
	struct cap_tcp_limits limits;
	lint_emit_fn emit; /* every finding, its place set */
	void *ctx;
};

/*
 * Lints the capture on f (taken over).  0, or -1 with a message in err
 * when it could not be read to its end (what came before is linted).
 */
int cap_lint(FILE *f, const struct cap_lint_options *, char err[CAP_ERRSIZE]);

#endif
