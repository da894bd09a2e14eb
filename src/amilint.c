/*
 * amilint.c: the linter's front-end.  For each input (a file, or stdin):
 * bytes -> ami_msg.c (lines, messages) -> lint.c (sessions, rules) ->
 * diag_*.c (text, JSON, SARIF).  Each input is one session.
 * Exit: 0 clean, 1 findings at or above the threshold, 2 usage or input
 * error.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "amilint_opts.h"
#include "diag.h"
#include "lint.h"
#include "lint_dict.h"

struct run {
	struct amilint_opts *opt;
	struct diag diag;
	const char *file; /* the input being read, as shown */
	size_t counts[RULE__COUNT];
	size_t shown; /* findings at or above the threshold */
};

static void
on_finding(void *ctx, const struct lint_finding *f)
{
	struct run *r = ctx;

	if (f->severity < r->opt->threshold)
		return;
	r->counts[f->rule]++;
	r->shown++;
	r->opt->format->finding(&r->diag, r->file, f);
}

static void
list_rules(void)
{
	static const char *const sev[] = {"note", "warning", "error"};
	size_t i;

	for (i = 0; i < RULE__COUNT; i++)
		printf("%s  %-30s %-10s %-7s  %s\n", rule_table[i].id,
		       rule_table[i].name, rule_table[i].category,
		       sev[rule_table[i].severity], rule_table[i].summary);
}

/* Lints one input; -1 when it could not be read. */
static int
lint_input(struct run *r, const struct lint_dict *dict, const char *path)
{
	struct ami_msg_handler hd = {lint_message, lint_banner, NULL};
	struct ami_parser *p;
	struct lint *l;
	int fd = 0, rc;

	r->file = strcmp(path, "-") == 0 ? "<stdin>" : path;
	if (strcmp(path, "-") != 0 && (fd = open(path, O_RDONLY)) < 0) {
		fprintf(stderr, "amilint: %s: %s\n", path, strerror(errno));
		return -1;
	}
	l = lint_new(dict, &r->opt->lint, on_finding, r);
	hd.ctx = l;
	if (l == NULL || (p = ami_parser_new(&hd)) == NULL) {
		fprintf(stderr, "amilint: out of memory\n");
		exit(2);
	}
	rc = ami_parser_read_fd(p, fd);
	if (rc < 0)
		fprintf(stderr, "amilint: %s: read error: %s\n", path,
		        strerror(errno));
	ami_parser_finish(p);
	lint_finish(l);
	ami_parser_free(p);
	lint_free(l);
	if (fd != 0)
		close(fd);
	return rc;
}

static void
summary(const struct run *r, FILE *f)
{
	size_t i;

	for (i = 0; i < RULE__COUNT; i++)
		if (r->counts[i] > 0)
			fprintf(f, "%8zu  %s %s\n", r->counts[i],
			        rule_table[i].id, rule_table[i].name);
	fprintf(f, "%8zu  finding%s in total\n", r->shown,
	        r->shown == 1 ? "" : "s");
}

static int
want_color(const struct amilint_opts *o)
{
	const char *term = getenv("TERM");

	if (o->format != &diag_text || o->color == COLOR_NEVER)
		return 0;
	if (o->color == COLOR_ALWAYS)
		return 1;
	return isatty(1) && getenv("NO_COLOR") == NULL &&
	       !(term != NULL && strcmp(term, "dumb") == 0);
}

static int
open_dict(const struct amilint_opts *o, struct lint_dict *d)
{
	if (o->ndict > 0)
		return lint_dict_load(d, o->dict, o->ndict);
	return lint_dict_builtin(d);
}

int
main(int argc, char **argv)
{
	static const char *const stdin_only[] = {"-"};
	struct amilint_opts opt;
	struct lint_dict dict;
	struct run *r;
	const char *const *inputs;
	int first, status, i, n, bad = 0;

	if ((first = amilint_parse(argc, argv, &opt, &status)) < 0) {
		amilint_opts_free(&opt);
		return status;
	}
	if (opt.list_rules) {
		list_rules();
		amilint_opts_free(&opt);
		return ferror(stdout) || fflush(stdout) ? 2 : 0;
	}
	if (open_dict(&opt, &dict) < 0) {
		amilint_opts_free(&opt);
		return 2;
	}
	if ((r = calloc(1, sizeof(*r))) == NULL)
		return 2;
	r->opt = &opt;
	r->diag.f = stdout;
	r->diag.color = want_color(&opt);
	inputs = first < argc ? (const char *const *)argv + first : stdin_only;
	n = first < argc ? argc - first : 1;
	opt.format->begin(&r->diag);
	for (i = 0; i < n; i++)
		if (lint_input(r, &dict, inputs[i]) < 0)
			bad = 1;
	opt.format->end(&r->diag);
	if (opt.summary)
		summary(r, opt.format == &diag_text ? stdout : stderr);
	status = bad ? 2 : r->shown > 0 ? 1 : 0;
	if (ferror(stdout) || fflush(stdout) != 0) {
		fprintf(stderr, "amilint: error writing standard output\n");
		status = 2;
	}
	if (dict.free != NULL)
		dict.free(dict.impl);
	free(r);
	amilint_opts_free(&opt);
	return status;
}
