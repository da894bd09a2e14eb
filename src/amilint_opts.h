/*
 * amilint_opts.h: amilint's settings: defaults, then the .amilintrc found
 * from the current directory upwards (or in $HOME), then the command
 * line.  Rule selection accepts IDs, names, categories and "all".
 */
#ifndef AMILINT_OPTS_H
#define AMILINT_OPTS_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "lint.h"

#define AMILINT_MAX_DICT 32
#define AMILINT_MAX_PORTS 64

enum color_when {
	COLOR_AUTO,
	COLOR_ALWAYS,
	COLOR_NEVER
};

struct amilint_opts {
	const struct diag_format *format;
	enum lint_severity threshold;
	struct lint_options lint;
	const char *dict[AMILINT_MAX_DICT];
	size_t ndict;
	bool summary;
	bool list_rules;
	unsigned ports[AMILINT_MAX_PORTS]; /* AMI ports in captures */
	size_t nports;
	const char *extract; /* --extract DIR */
	const char *proxy, *upstream; /* --proxy ADDR --upstream ADDR */
	enum color_when color;
	char *owned[64]; /* strings read from the rc file */
	size_t nowned;
};

/* Returns the index of the first operand, or -1 to exit with *status. */
int amilint_parse(int argc, char **argv, struct amilint_opts *, int *status);
void amilint_opts_free(struct amilint_opts *);
void amilint_usage(FILE *);
/* Enables or disables every rule a comma list names; -1 on an unknown. */
int amilint_select(struct amilint_opts *, const char *list, bool on);

#endif
