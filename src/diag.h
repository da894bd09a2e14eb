/*
 * diag.h: the last stage of amilint's pipeline: findings -> output.
 * One writer per format (diag_text.c, diag_json.c, diag_sarif.c) behind
 * the same three calls; amilint.c picks one.  Writers never show a
 * secret: the bytes a finding marks as redacted are replaced.
 */
#ifndef DIAG_H
#define DIAG_H

#include <stdbool.h>
#include <stdio.h>

#include "lint.h"

#define DIAG_NCOUNT 4096

struct diag {
	FILE *f;
	bool color;
	size_t nresults;
	/* SARIF: occurrences by fingerprint (approximate, deterministic). */
	unsigned fp_counts[DIAG_NCOUNT];
};

struct diag_format {
	const char *name;
	void (*begin)(struct diag *);
	/* file: the input's name as shown ("-" is shown as "<stdin>"). */
	void (*finding)(struct diag *, const char *file,
	                const struct lint_finding *);
	void (*end)(struct diag *);
};

extern const struct diag_format diag_text, diag_json, diag_sarif;

/* The source line of a finding, escaped and redacted, for quoting. */
void diag_quote(FILE *, const struct lint_finding *, size_t max);

#endif
