/*
 * driver.c: runs the validators amigen -T c generated for one dictionary
 * (module "dv", compiled beside this file by tests/run-c.sh) next to
 * libamidict's run-time validator on the same dictionary, and requires
 * identical reports from both; with -c it also checks the reports against
 * the expectations of a cases file (format in tests/c/small.cases).
 * usage: driver [-c CASES] [-t TRAFFIC]... [-s] [-l] DICTIONARY...
 *   -t  AMI traffic (a capture's text: messages separated by blank lines)
 *   -s  sweep: every header of every message with sample values
 *   -l  look-ups: every name, in several cases, and misses
 *   -v  print every case that passes, and the reports on traffic
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "amidict.h"
#include "dv.h"
#include "validate.h"

#define MAXF 600  /* fields per message */
#define MAXR 4000 /* reports per message */

static const char *const problem_names[] = {
	"FIRST_HEADER",     "UNKNOWN_ACTION",     "UNKNOWN_EVENT",
	"MESSAGE_CASE",     "UNKNOWN_HEADER",     "HEADER_CASE",
	"NOT_FOR_MESSAGE",  "REPEATED",           "BAD_VALUE",
	"MISSING_REQUIRED", "INCOMPLETE_GROUP",   "NO_GROUP",
	"CONFLICTING_GROUPS", "DEPRECATED_MESSAGE", "DEPRECATED_HEADER",
};
_Static_assert(sizeof(problem_names) / sizeof(problem_names[0]) == DV__MAX,
               "a name per problem");
/* Same problems in the same order: the values compare as ints. */
_Static_assert((int)DV__MAX == (int)AMID_V__MAX, "same problems");
_Static_assert((int)DV_FIRST_HEADER == (int)AMID_V_FIRST_HEADER &&
                   (int)DV_MESSAGE_CASE == (int)AMID_V_MESSAGE_CASE &&
                   (int)DV_BAD_VALUE == (int)AMID_V_BAD_VALUE &&
                   (int)DV_NO_GROUP == (int)AMID_V_NO_GROUP &&
                   (int)DV_DEPRECATED_HEADER ==
                       (int)AMID_V_DEPRECATED_HEADER,
               "same order");

/* A report with its strings copied, from either validator. */
struct rep {
	int problem;
	size_t field;
	char *name, *detail, *since, *deprecated, *removed, *renamed_to;
};

struct reps {
	struct rep v[MAXR];
	size_t n;
};

struct msg {
	struct dv_field f[MAXF];
	struct amid_field af[MAXF];
	size_t n;
	const char *action; /* validate as a response to this action */
};

static const struct amid_model *model;
static int passed, failed, verbose;

static char *
dup_or_null(const char *s)
{
	return s != NULL ? strdup(s) : NULL;
}

static void
keep(struct reps *r, int problem, size_t field, const char *name,
     const char *detail, const char *const facts[4])
{
	struct rep *x;

	if (r->n == MAXR)
		return;
	x = &r->v[r->n++];
	x->problem = problem;
	x->field = field;
	x->name = dup_or_null(name);
	x->detail = dup_or_null(detail);
	x->since = dup_or_null(facts[0]);
	x->deprecated = dup_or_null(facts[1]);
	x->removed = dup_or_null(facts[2]);
	x->renamed_to = dup_or_null(facts[3]);
}

static void
keep_gen(void *ctx, const struct dv_report *p)
{
	const char *facts[4] = {p->since, p->deprecated, p->removed,
	                        p->renamed_to};

	keep(ctx, (int)p->problem, p->field, p->name, p->detail, facts);
}

static void
keep_run(void *ctx, const struct amid_report *p)
{
	const char *facts[4] = {p->since, p->deprecated, p->removed,
	                        p->renamed_to};

	keep(ctx, (int)p->problem, p->field, p->name, p->detail, facts);
}

static void
clear(struct reps *r)
{
	size_t i;

	for (i = 0; i < r->n; i++) {
		free(r->v[i].name);
		free(r->v[i].detail);
		free(r->v[i].since);
		free(r->v[i].deprecated);
		free(r->v[i].removed);
		free(r->v[i].renamed_to);
	}
	r->n = 0;
}

static const char *
show(const char *s)
{
	return s != NULL ? s : "-";
}

static void
print_rep(const char *who, const struct rep *x)
{
	fprintf(stderr, "    %s: %s %zu %s", who, problem_names[x->problem],
	        x->field, show(x->name));
	if (x->detail)
		fprintf(stderr, " [%s]", x->detail);
	if (x->since || x->deprecated || x->removed || x->renamed_to)
		fprintf(stderr, " {%s %s %s %s}", show(x->since),
		        show(x->deprecated), show(x->removed),
		        show(x->renamed_to));
	putc('\n', stderr);
}

static int
same_str(const char *a, const char *b)
{
	return (a == NULL && b == NULL) ||
	       (a != NULL && b != NULL && strcmp(a, b) == 0);
}

static int
same_rep(const struct rep *a, const struct rep *b)
{
	return a->problem == b->problem && a->field == b->field &&
	       same_str(a->name, b->name) && same_str(a->detail, b->detail) &&
	       same_str(a->since, b->since) &&
	       same_str(a->deprecated, b->deprecated) &&
	       same_str(a->removed, b->removed) &&
	       same_str(a->renamed_to, b->renamed_to);
}

static void
print_msg(const struct msg *m)
{
	size_t i;

	for (i = 0; i < m->n; i++)
		fprintf(stderr, "    > %.*s: %.*s\n", (int)m->f[i].name.len,
		        m->f[i].name.ptr, (int)m->f[i].value.len,
		        m->f[i].value.ptr);
}

/* Runs both validators on m; 0 when they agree (gen holds the reports). */
static int
run_both(const struct msg *m, struct reps *gen, struct reps *run)
{
	const struct amid_message *a = NULL;
	size_t i, ng, nr;
	int id = -1;

	if (m->action != NULL) {
		id = dv_action_lookup(m->action, strlen(m->action));
		a = amid_find_action(model, m->action);
	}
	clear(gen);
	clear(run);
	ng = dv_validate_response(m->f, m->n, id, keep_gen, gen);
	nr = amid_validate_response(model, m->af, m->n, a, keep_run, run);
	if (ng == gen->n && nr == run->n && gen->n == run->n) {
		for (i = 0; i < gen->n && same_rep(&gen->v[i], &run->v[i]); i++)
			;
		if (i == gen->n)
			return 0;
	}
	fprintf(stderr, "  generated and run-time validators differ:\n");
	print_msg(m);
	for (i = 0; i < gen->n; i++)
		print_rep("generated", &gen->v[i]);
	for (i = 0; i < run->n; i++)
		print_rep("run-time ", &run->v[i]);
	return -1;
}

/* ---- messages from text ----------------------------------------------- */

/* Adds "Name: value" (blanks after the colon skipped, as Asterisk does). */
static void
add_line(struct msg *m, const char *line, size_t len)
{
	const char *colon = memchr(line, ':', len), *v;
	size_t k = m->n;

	if (k == MAXF)
		return;
	m->f[k].name.ptr = line;
	m->f[k].name.len = colon ? (size_t)(colon - line) : len;
	v = colon ? colon + 1 : line + len;
	while (v < line + len && (*v == ' ' || *v == '\t'))
		v++;
	m->f[k].value.ptr = v;
	m->f[k].value.len = (size_t)(line + len - v);
	m->af[k].name.ptr = m->f[k].name.ptr;
	m->af[k].name.len = m->f[k].name.len;
	m->af[k].value.ptr = m->f[k].value.ptr;
	m->af[k].value.len = m->f[k].value.len;
	m->n++;
}

static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	long size;

	if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET) != 0 ||
	    (buf = malloc((size_t)size + 1)) == NULL ||
	    fread(buf, 1, (size_t)size, f) != (size_t)size) {
		perror(path);
		exit(2);
	}
	fclose(f);
	buf[size] = '\0';
	*len = (size_t)size;
	return buf;
}

/* ---- traffic: every message of a capture --------------------------------- */

static void
one_message(struct msg *m, const char *what, struct reps *gen,
            struct reps *run)
{
	size_t i;

	if (m->n == 0)
		return;
	if (run_both(m, gen, run) == 0) {
		passed++;
		if (verbose && gen->n > 0) {
			print_msg(m);
			for (i = 0; i < gen->n; i++)
				print_rep("report", &gen->v[i]);
		}
	}
	else {
		fprintf(stderr, "FAIL %s\n", what);
		failed++;
	}
	m->n = 0;
}

static void
traffic(const char *path, struct reps *gen, struct reps *run)
{
	static struct msg m;
	size_t len;
	char *buf = slurp(path, &len), *p = buf, *end = buf + len;

	m.n = 0;
	m.action = NULL;
	while (p < end) {
		char *nl = memchr(p, '\n', (size_t)(end - p));
		char *e = nl ? nl : end;
		size_t n = (size_t)(e - p);

		if (n > 0 && p[n - 1] == '\r')
			n--;
		if (n == 0)
			one_message(&m, path, gen, run);
		else if (strncmp(p, "Asterisk Call Manager/", 22) != 0)
			add_line(&m, p, n);
		p = e + 1;
	}
	one_message(&m, path, gen, run);
	free(buf);
}

/* ---- cases: messages with the reports they must give -------------------- */

/* "PROBLEM FIELD NAME [DETAIL | {SINCE|DEPRECATED|REMOVED|RENAMED}]" */
struct expect {
	const char *problem, *field, *name, *detail;
};

/* A report's facts as a cases file writes them. */
static void
facts_text(const struct rep *p, char *buf, size_t size)
{
	snprintf(buf, size, "{%s|%s|%s|%s}", show(p->since),
	         show(p->deprecated), show(p->removed), show(p->renamed_to));
}

/* The rest of an expectation line: the detail, or the facts in braces. */
static int
same_rest(const struct rep *p, const char *rest)
{
	char buf[2048];

	if (rest == NULL)
		return 1;
	if (rest[0] != '{')
		return same_str(p->detail, rest);
	facts_text(p, buf, sizeof(buf));
	return strcmp(buf, rest) == 0;
}

static int
problem_of(const char *name)
{
	int i;

	for (i = 0; i < DV__MAX; i++)
		if (strcmp(problem_names[i], name) == 0)
			return i;
	return -1;
}

/* Compares reports with "PROBLEM FIELD NAME [DETAIL]" lines. */
static int
matches(const struct reps *r, const struct expect *x, size_t nx, size_t nf)
{
	size_t i;

	if (r->n != nx)
		return 0;
	for (i = 0; i < nx; i++) {
		const struct rep *p = &r->v[i];
		size_t field = strcmp(x[i].field, "n") == 0
		                   ? nf
		                   : (size_t)strtoul(x[i].field, NULL, 10);

		if (p->problem != problem_of(x[i].problem) || p->field != field ||
		    !same_str(p->name,
		              strcmp(x[i].name, "-") ? x[i].name : NULL) ||
		    !same_rest(p, x[i].detail))
			return 0;
	}
	return 1;
}

static void
finish_case(const char *name, const struct msg *m, const struct expect *x,
            size_t nx, struct reps *gen, struct reps *run)
{
	size_t i;

	if (run_both(m, gen, run) != 0) {
		fprintf(stderr, "FAIL case %s: validators differ\n", name);
		failed++;
		return;
	}
	if (matches(gen, x, nx, m->n)) {
		passed++;
		if (verbose)
			fprintf(stderr, "ok case %s\n", name);
		return;
	}
	fprintf(stderr, "FAIL case %s:\n", name);
	print_msg(m);
	for (i = 0; i < nx; i++)
		fprintf(stderr, "    want: %s %s %s%s%s%s\n", x[i].problem,
		        x[i].field, x[i].name, x[i].detail ? " [" : "",
		        x[i].detail ? x[i].detail : "", x[i].detail ? "]" : "");
	for (i = 0; i < gen->n; i++)
		print_rep("got", &gen->v[i]);
	failed++;
}

/* Splits "PROBLEM FIELD NAME [DETAIL...]" in place. */
static int
parse_expect(char *line, struct expect *x)
{
	char *save = NULL;

	x->problem = strtok_r(line, " ", &save);
	x->field = strtok_r(NULL, " ", &save);
	x->name = strtok_r(NULL, " ", &save);
	x->detail = strtok_r(NULL, "", &save);
	return x->name != NULL && problem_of(x->problem) >= 0 ? 0 : -1;
}

enum { IN_NONE, IN_MSG, IN_EXPECT };

static void
cases(const char *path, struct reps *gen, struct reps *run)
{
	static struct msg m;
	static struct expect x[MAXR];
	size_t len, nx = 0, lineno = 0;
	char *buf = slurp(path, &len), *line, *save = NULL, *name = NULL, *to;
	int state = IN_NONE;

	for (line = strtok_r(buf, "\n", &save); line != NULL;
	     line = strtok_r(NULL, "\n", &save)) {
		lineno++;
		if (state != IN_MSG && (line[0] == '#' || line[0] == '\0'))
			continue;
		if (state == IN_NONE && strncmp(line, "case ", 5) == 0) {
			name = line + 5;
			if ((to = strstr(name, " response-to ")) != NULL) {
				*to = '\0';
				to += 13;
			}
			m.action = to;
			m.n = nx = 0;
			state = IN_MSG;
		} else if (state == IN_MSG && strcmp(line, "expect") == 0)
			state = IN_EXPECT;
		else if (state == IN_MSG)
			add_line(&m, line, strlen(line));
		else if (state == IN_EXPECT && strcmp(line, "end") == 0) {
			finish_case(name, &m, x, nx, gen, run);
			state = IN_NONE;
		} else if (state == IN_EXPECT && nx < MAXR &&
		           parse_expect(line, &x[nx]) == 0)
			nx++;
		else {
			fprintf(stderr, "%s:%zu: cannot parse: %s\n", path, lineno,
			        line);
			exit(2);
		}
	}
	/* Fields point into buf: it stays until the end of the run. */
}

/* ---- sweep: sample values for every header of every message ------------ */

static const char *const samples[] = {
	"", "0", "1", "-1", "42", "007", "65535", "65536", "-", "--1", "+1",
	"99999999999999999999", "-99999999999999999999", "9223372036854775807",
	"9223372036854775808", "-9223372036854775808", "-9223372036854775809",
	"1.5", "1.", ".5", "1.2.3", "yes", "No", "ON", "t", "maybe", "Y", "N",
	"y", "PJSIP/100", "SIP/", "/x", "Local/100@ctx-0001;1", "Te ch/1",
	"1732591089.12", "has blank", "tab\there", "2024-01-31 23:59:59",
	"2024-01-31T23:59:59", "2024-1-31 23:59:59", "A=1", "=x", "A=", "=",
	"1.2.3.4", "256.1.1.1", "1.2.3.4.5", "01.2.3.4", "::1", "::", ":",
	"fe80::1:2", "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7",
	"::ffff:10.0.0.1", "1::2::3", "12345::1", "1:2:3:4:5:6:1.2.3.4",
	"g::1", "s", "n", "hint", "_x-1", "9abc", "call", "CALL", "call, system",
	"call,,system", "system,all", " call", "call ", "call,", ",call",
	"Success", "success", "Error", "Follows", "start", "Complete",
	"complete", "off", "on", "12,call", "caf\xc3\xa9", "a?b", "\"quoted\"",
	"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
};

static void
set_field(struct msg *m, size_t k, const char *name, const char *value)
{
	m->f[k].name.ptr = m->af[k].name.ptr = name;
	m->f[k].name.len = m->af[k].name.len = strlen(name);
	m->f[k].value.ptr = m->af[k].value.ptr = value;
	m->f[k].value.len = m->af[k].value.len = strlen(value);
}

static void
lower(char *s)
{
	for (; *s != '\0'; s++)
		if (*s >= 'A' && *s <= 'Z')
			*s = (char)(*s + 32);
}

/* Each header of msg alone, twice, in lower case, with each sample. */
static void
sweep_message(const char *kind, const struct amid_message *msg,
              const struct amid_use *v, size_t n, struct reps *gen,
              struct reps *run)
{
	static struct msg m;
	char low[256];
	size_t i, s;

	for (i = 0; i < n; i++)
		for (s = 0; s < sizeof(samples) / sizeof(samples[0]); s++) {
			snprintf(low, sizeof(low), "%s", v[i].name);
			lower(low);
			m.action = NULL;
			set_field(&m, 0, kind, msg->name ? msg->name : "Nothing");
			set_field(&m, 1, s % 3 ? v[i].name : low, samples[s]);
			set_field(&m, 2, v[i].name, samples[(s * 7) % 31]);
			m.n = s % 5 ? 2 : 3;
			one_message(&m, "sweep", gen, run);
			if (msg->kind == AMID_ACTION && msg->name != NULL) {
				set_field(&m, 0, "Response", s % 2 ? "Success" : "Error");
				m.n = 2 + s % 2;
				m.action = msg->name;
				one_message(&m, "sweep", gen, run);
			}
		}
}

static void
sweep(struct reps *gen, struct reps *run)
{
	static const char *const kinds[AMID_KIND__MAX] = {"Action", "Event",
	                                                  "Response"};
	const struct amid_model *md = model;
	size_t i, k;

	for (i = 0; i < md->nactions; i++) {
		sweep_message("Action", &md->actions[i], md->actions[i].uses,
		              md->actions[i].nuses, gen, run);
		sweep_message("Action", &md->actions[i], md->actions[i].response,
		              md->actions[i].nresponse, gen, run);
	}
	for (i = 0; i < md->nevents; i++)
		sweep_message("Event", &md->events[i], md->events[i].uses,
		              md->events[i].nuses, gen, run);
	for (i = 0; i < md->nresponses; i++)
		sweep_message("Response", &md->responses[i],
		              md->responses[i].uses, md->responses[i].nuses, gen,
		              run);
	for (k = 0; k < AMID_KIND__MAX; k++)
		sweep_message(kinds[k], &md->common[k], md->common[k].uses,
		              md->common[k].nuses, gen, run);
}

/* ---- look-ups ------------------------------------------------------------ */

typedef int (*lookup_fn)(const char *, size_t);

/* The generated look-up and the model's must agree on name. */
static void
compare_lookup(const char *what, lookup_fn fn, const char *name, int want)
{
	int got = fn(name, strlen(name));

	if (got == want) {
		passed++;
		return;
	}
	fprintf(stderr, "FAIL %s look-up '%s': got %d, want %d\n", what, name,
	        got, want);
	failed++;
}

/* The index of name in the model (what a generated look-up returns). */
static int
model_index(char what, const char *name)
{
	const struct amid_model *md = model;
	const struct amid_header *h;
	const struct amid_message *m;

	if (what == 'h')
		return (h = amid_find_header(md, name)) ? (int)(h - md->headers)
		                                        : -1;
	if (what == 'a')
		return (m = amid_find_action(md, name)) ? (int)(m - md->actions)
		                                        : -1;
	return (m = amid_find_event(md, name)) ? (int)(m - md->events) : -1;
}

/* name as it is, in upper, lower and mixed case, one longer, one shorter */
static void
lookup_variants(const char *what, lookup_fn fn, const char *name)
{
	char buf[300];
	size_t i, len = strlen(name), k;

	for (k = 0; k < 6; k++) {
		snprintf(buf, sizeof(buf), "%s%s", name, k == 4 ? "x" : "");
		for (i = 0; i < len; i++)
			if ((k == 1 || (k == 3 && i % 2)) && buf[i] >= 'a' &&
			    buf[i] <= 'z')
				buf[i] = (char)(buf[i] - 32);
		if (k == 2)
			lower(buf);
		if (k == 5)
			buf[len - 1] = '\0';
		compare_lookup(what, fn, buf, model_index(what[0], buf));
	}
}

static void
check_name(const char *what, int id, const char *got, const char *want)
{
	if (same_str(got, want)) {
		passed++;
		return;
	}
	fprintf(stderr, "FAIL %s name %d: got %s, want %s\n", what, id,
	        show(got), show(want));
	failed++;
}

static void
lookups(void)
{
	const struct amid_model *md = model;
	int i;

	if (dv_header_count() != (int)md->nheaders) {
		fprintf(stderr, "FAIL header count %d, model %zu\n",
		        dv_header_count(), md->nheaders);
		failed++;
	}
	for (i = 0; i < (int)md->nheaders; i++) {
		check_name("header", i, dv_header_name(i), md->headers[i].name);
		lookup_variants("header", dv_header_lookup, md->headers[i].name);
	}
	for (i = 0; i < (int)md->nactions; i++) {
		check_name("action", i, dv_action_name(i), md->actions[i].name);
		lookup_variants("action", dv_action_lookup, md->actions[i].name);
	}
	for (i = 0; i < (int)md->nevents; i++) {
		check_name("event", i, dv_event_name(i), md->events[i].name);
		lookup_variants("event", dv_event_lookup, md->events[i].name);
	}
	check_name("header", -1, dv_header_name(-1), NULL);
	check_name("header", i, dv_header_name((int)md->nheaders), NULL);
	compare_lookup("header", dv_header_lookup, "", -1);
	compare_lookup("action", dv_action_lookup, "", -1);
	compare_lookup("event", dv_event_lookup, "", -1);
}

/* ---- main ----------------------------------------------------------------- */

static struct amid_model *
load(char **paths, int n)
{
	struct amid_errors errs;
	struct amid_model *m;
	size_t i;

	amid_errors_init(&errs);
	if (amid_dict_load((const char *const *)paths, (size_t)n, &m, &errs) < 0) {
		for (i = 0; i < errs.n; i++)
			fprintf(stderr, "driver: %s\n", errs.v[i].message);
		exit(2);
	}
	amid_errors_free(&errs);
	return m;
}

int
main(int argc, char **argv)
{
	static struct reps gen, run;
	const char *case_file = NULL, *traffic_files[64];
	int c, ntraffic = 0, do_sweep = 0, do_lookups = 0, i;
	struct amid_model *m;

	while ((c = getopt(argc, argv, "c:t:slv")) != -1)
		switch (c) {
		case 'c':
			case_file = optarg;
			break;
		case 't':
			if (ntraffic < 64)
				traffic_files[ntraffic++] = optarg;
			break;
		case 's':
			do_sweep = 1;
			break;
		case 'l':
			do_lookups = 1;
			break;
		case 'v':
			verbose = 1;
			break;
		default:
			fputs("usage: driver [-c CASES] [-t TRAFFIC]... [-s] [-l] "
			      "DICTIONARY...\n",
			      stderr);
			return 2;
		}
	if (optind >= argc)
		return 2;
	model = m = load(argv + optind, argc - optind);
	if (case_file != NULL)
		cases(case_file, &gen, &run);
	for (i = 0; i < ntraffic; i++)
		traffic(traffic_files[i], &gen, &run);
	if (do_sweep)
		sweep(&gen, &run);
	if (do_lookups)
		lookups();
	clear(&gen);
	clear(&run);
	amid_model_free(m);
	printf("%d passed, %d failed\n", passed, failed);
	return failed > 0;
}
