/*
 * amilint.c: the linter's front-end.  For each input (a file, or stdin):
 * bytes -> ami_msg.c (lines, messages) -> lint.c (sessions, rules) ->
 * diag_*.c (text, JSON, SARIF).  A text transcript is one session; a
 * pcap or pcapng capture (known by its first bytes, whatever its name)
 * goes through cap_lint.c instead, one session per AMI connection, or
 * through cap_extract.c with --extract.  With --proxy, live traffic
 * goes through proxy.c, one session per connection, until SIGINT.
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
#include "cap_extract.h"
#include "cap_lint.h"
#include "diag.h"
#include "lint.h"
#include "lint_dict.h"
#include "proxy.h"

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
	if (r->opt->proxy != NULL)
		fflush(r->diag.f); /* shown as it happens */
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

/* The input's fd, and in head its first bytes (*n of them, fewer when
 * it is shorter): a capture is known by them.  -1 when unreadable. */
static int
open_input(const char *path, unsigned char head[4], size_t *n)
{
	int fd = 0;
	ssize_t got;

	if (strcmp(path, "-") != 0 && (fd = open(path, O_RDONLY)) < 0) {
		fprintf(stderr, "amilint: %s: %s\n", path, strerror(errno));
		return -1;
	}
	for (*n = 0; *n < 4; *n += (size_t)got)
		if ((got = read(fd, head + *n, 4 - *n)) <= 0) {
			if (got == 0 || errno != EINTR)
				break;
			got = 0;
		}
	if (got < 0) {
		fprintf(stderr, "amilint: %s: read error: %s\n", path,
		        strerror(errno));
		if (fd != 0)
			close(fd);
		return -1;
	}
	return fd;
}

/* A text transcript, of which n bytes were read into head. */
static int
lint_text(struct run *r, const struct lint_dict *dict, int fd,
          const unsigned char *head, size_t n)
{
	struct ami_msg_handler hd = {lint_message, lint_banner, NULL};
	struct ami_parser *p;
	struct lint *l;
	int rc;

	l = lint_new(dict, &r->opt->lint, on_finding, r);
	hd.ctx = l;
	if (l == NULL || (p = ami_parser_new(&hd)) == NULL) {
		fprintf(stderr, "amilint: out of memory\n");
		exit(2);
	}
	ami_parser_feed(p, (const char *)head, n);
	rc = ami_parser_read_fd(p, fd);
	if (rc < 0)
		fprintf(stderr, "amilint: %s: read error: %s\n", r->file,
		        strerror(errno));
	ami_parser_finish(p);
	lint_finish(l);
	ami_parser_free(p);
	lint_free(l);
	return rc;
}

static void
capture_limits(const struct amilint_opts *o, struct cap_tcp_limits *lim)
{
	size_t i;

	cap_tcp_defaults(lim);
	for (i = 0; i < o->nports; i++)
		lim->ports[i] = o->ports[i];
	if (o->nports > 0)
		lim->nports = o->nports;
}

/* A pcap or pcapng capture: one session per AMI connection. */
static int
lint_capture(struct run *r, const struct lint_dict *dict, int fd,
             const unsigned char *head, size_t n)
{
	struct cap_lint_options co;
	char err[CAP_ERRSIZE];
	FILE *f;

	if ((f = cap_stream(fd, head, n)) == NULL) {
		fprintf(stderr, "amilint: %s: %s\n", r->file, strerror(errno));
		return -1;
	}
	memset(&co, 0, sizeof(co));
	co.dict = dict;
	co.lint = &r->opt->lint;
	capture_limits(r->opt, &co.limits);
	co.emit = on_finding;
	co.ctx = r;
	if (cap_lint(f, &co, err) < 0) {
		fprintf(stderr, "amilint: %s: %s\n", r->file, err);
		return -1;
	}
	return 0;
}

/* Lints one input; -1 when it could not be read. */
static int
lint_input(struct run *r, const struct lint_dict *dict, const char *path)
{
	unsigned char head[4];
	size_t n;
	int fd, rc;

	r->file = strcmp(path, "-") == 0 ? "<stdin>" : path;
	if ((fd = open_input(path, head, &n)) < 0)
		return -1;
	if (cap_sniff(head, n))
		rc = lint_capture(r, dict, fd, head, n);
	else
		rc = lint_text(r, dict, fd, head, n);
	if (fd != 0)
		close(fd);
	return rc;
}

/* amilint --proxy: until SIGINT; -1 when it could not start or failed. */
static int
lint_proxy(struct run *r, const struct lint_dict *dict)
{
	struct proxy_options po;
	char err[PROXY_ERRSIZE];
	struct proxy *px;
	int rc;

	memset(&po, 0, sizeof(po));
	po.listen = r->opt->proxy;
	po.upstream = r->opt->upstream;
	po.dict = dict;
	po.lint = &r->opt->lint;
	po.emit = on_finding;
	po.ctx = r;
	po.log = stderr;
	r->file = "<proxy>";
	if ((px = proxy_new(&po, err)) == NULL) {
		fprintf(stderr, "amilint: %s\n", err);
		return -1;
	}
	fprintf(stderr, "amilint: listening on %s, forwarding to %s; "
	                "interrupt (^C) for the summary\n",
	        proxy_address(px), po.upstream);
	rc = proxy_run(px);
	proxy_free(px);
	return rc;
}

/* amilint --extract DIR capture: exit status. */
static int
extract(const struct amilint_opts *o, int n, char **inputs)
{
	const char *path = n > 0 ? inputs[0] : "-";
	const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
	struct cap_tcp_limits lim;
	unsigned char head[4];
	char err[CAP_ERRSIZE];
	size_t got;
	FILE *f = NULL;
	int fd, rc = 2;

	if (n > 1) {
		fprintf(stderr, "amilint: --extract takes one capture\n");
		return 2;
	}
	if ((fd = open_input(path, head, &got)) < 0)
		return 2;
	if (!cap_sniff(head, got))
		fprintf(stderr, "amilint: %s: not a pcap or pcapng capture\n",
		        name);
	else if ((f = cap_stream(fd, head, got)) == NULL)
		fprintf(stderr, "amilint: %s: %s\n", name, strerror(errno));
	if (f != NULL) {
		capture_limits(o, &lim);
		rc = cap_extract(f, o->extract, &lim, stderr, name, err) < 0;
		if (rc != 0) {
			fprintf(stderr, "amilint: %s: %s\n", name, err);
			rc = 2;
		}
	}
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
	if (opt.extract != NULL) {
		status = extract(&opt, argc - first, argv + first);
		amilint_opts_free(&opt);
		return status;
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
	if (opt.proxy != NULL)
		bad = lint_proxy(r, &dict) < 0;
	for (i = 0; opt.proxy == NULL && i < n; i++)
		if (lint_input(r, &dict, inputs[i]) < 0)
			bad = 1;
	opt.format->end(&r->diag);
	if (opt.summary || opt.proxy != NULL)
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
