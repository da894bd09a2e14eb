/*
 * lint.c: amilint's engine (see lint.h): runs each message through the
 * rule groups and the dictionary's validator, and hands findings that
 * pass the enabled-rule filter to the caller.
 */
#include "lint.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lint_internal.h"

struct lint *
lint_new(const struct lint_dict *dict, const struct lint_options *opt,
         lint_emit_fn emit, void *ctx)
{
	struct lint *l = calloc(1, sizeof(*l));

	if (l == NULL)
		return NULL;
	l->dict = dict;
	l->opt = *opt;
	if (opt->target != NULL)
		snprintf(l->target, sizeof(l->target), "%s", opt->target);
	l->emit = emit;
	l->ctx = ctx;
	ami_session_init(&l->session);
	return l;
}

void
lint_free(struct lint *l)
{
	free(l);
}

/* Rules ask this of every message: the lengths are compared first. */
const struct ami_header *
lint_header(const struct ami_message *m, const char *name)
{
	size_t i, n = strlen(name);
	unsigned char first = n > 0 ? ami_lower((unsigned char)name[0]) : 0;

	for (i = 0; i < m->n; i++) {
		const struct ami_header *h = &m->h[i];

		/* Many names share a length: the first byte tells most. */
		if (h->name_len == n && h->name != NULL &&
		    !(h->flags & AMI_HDR_NOT_HEADER) &&
		    (n == 0 || ami_lower((unsigned char)h->name[0]) == first) &&
		    ami_same_ignoring_case(h->name, name, n))
			return h;
	}
	return NULL;
}

const struct ami_header *
lint_field_header(const struct lint *l, size_t field)
{
	if (field >= l->nfields)
		return l->msg->n > 0 ? &l->msg->h[0] : NULL;
	return &l->msg->h[l->field_header[field]];
}

/*
 * Whether a and b are more than max edits apart by their bytes alone:
 * an insertion or a deletion changes one count of a byte (ignoring case),
 * a substitution two, a swap none.  Counting bytes in 32 bins (some share
 * one) keeps the bound: a quick test before the matrix (did you mean
 * tries every known header).
 */
static int
counts_differ(const char *a, size_t la, const char *b, size_t lb, size_t max)
{
	int bins[32] = {0};
	size_t i, d = 0;

	for (i = 0; i < la; i++)
		bins[((unsigned char)a[i] | 0x20) & 31]++;
	for (i = 0; i < lb; i++)
		bins[((unsigned char)b[i] | 0x20) & 31]--;
	for (i = 0; i < 32; i++)
		d += (size_t)(bins[i] < 0 ? -bins[i] : bins[i]);
	return d > 2 * max;
}

/* Edit distance ignoring case, giving up past max (returns max + 1). */
size_t
lint_distance(const char *a, size_t la, const char *b, size_t lb, size_t max)
{
	/* Three rows: swapping two neighbours ("Casue") is one edit. */
	size_t rows[3][64], *pp, *p, *cur, i, j, best;

	if (la >= 64 || lb >= 64)
		return max + 1;
	if ((la > lb ? la - lb : lb - la) > max ||
	    counts_differ(a, la, b, lb, max))
		return max + 1;
	/* Row k of the matrix lives in rows[k % 3]. */
	for (j = 0; j <= lb; j++)
		rows[0][j] = j;
	for (i = 1; i <= la; i++) {
		pp = rows[(i + 1) % 3];
		p = rows[(i + 2) % 3];
		cur = rows[i % 3];
		cur[0] = best = i;
		for (j = 1; j <= lb; j++) {
			int same = (a[i - 1] | 0x20) == (b[j - 1] | 0x20);
			size_t v = p[j] + 1;

			if (cur[j - 1] + 1 < v)
				v = cur[j - 1] + 1;
			if (p[j - 1] + !same < v)
				v = p[j - 1] + !same;
			if (i > 1 && j > 1 &&
			    (a[i - 1] | 0x20) == (b[j - 2] | 0x20) &&
			    (a[i - 2] | 0x20) == (b[j - 1] | 0x20) &&
			    pp[j - 2] + 1 < v)
				v = pp[j - 2] + 1;
			cur[j] = v;
			if (v < best)
				best = v;
		}
		if (best > max)
			return max + 1;
	}
	return rows[la % 3][lb];
}

/*
 * Headers whose value is never shown: any name containing "secret" or
 * "password", or a misspelt "Secret" (the value is still a password).
 */
int
lint_is_secret(const struct ami_header *h)
{
	static const char *const words[] = {"secret", "password"};
	size_t i, w, n;

	if (h->name == NULL)
		return 0;
	for (w = 0; w < sizeof(words) / sizeof(words[0]); w++) {
		n = strlen(words[w]);
		for (i = 0; i + n <= h->name_len; i++)
			if (ami_same_ignoring_case(h->name + i, words[w], n))
				return 1;
	}
	return lint_distance(h->name, h->name_len, "Secret", 6, 2) <= 2;
}

/*
 * Messages quote values from the input: make them safe for every output
 * (control bytes and bytes that are not UTF-8 become '?').
 */
static void
sanitize(char *s)
{
	unsigned char *p = (unsigned char *)s;

	while (*p != '\0') {
		size_t n = *p < 0x80 ? 1 : *p >= 0xc2 && *p < 0xe0 ? 2
		                   : *p >= 0xe0 && *p < 0xf0   ? 3
		                   : *p >= 0xf0 && *p < 0xf5   ? 4
		                                               : 0;
		size_t i;

		for (i = 1; i < n; i++)
			if ((p[i] & 0xc0) != 0x80)
				n = 0;
		if (n == 1 && (*p < 0x20 || *p == 0x7f))
			n = 0;
		if (n == 0) {
			*p++ = '?';
			continue;
		}
		p += n;
	}
}

static void
fill(const struct lint *l, struct lint_finding *f, enum rule_id rule,
     const struct ami_header *h, unsigned long line, size_t col,
     const char *msg)
{
	memset(f, 0, sizeof(*f));
	f->rule = rule;
	f->severity = (enum lint_severity)rule_table[rule].severity;
	f->message = msg;
	f->line = line;
	f->col = col;
	f->stream = l->stream;
	if (h == NULL)
		return;
	f->line = h->line.lineno;
	f->offset = h->line.offset;
	f->source = &h->line;
	if (lint_is_secret(h) && h->value_len > 0) {
		f->redact_from = h->value_col - 1;
		f->redact_len = h->line.len - f->redact_from;
	}
}

static void
hold(struct lint *l, enum rule_id rule, const struct ami_header *h,
     unsigned long line, size_t col, const char *msg)
{
	struct lint_held *k = &l->held[l->nheld];

	memcpy(k->message, msg, sizeof(k->message));
	fill(l, &k->f, rule, h, line, col, k->message);
	k->seq = l->nheld++;
}

static int
by_place(const void *a, const void *b)
{
	const struct lint_held *x = a, *y = b;

	if (x->f.line != y->f.line)
		return x->f.line < y->f.line ? -1 : 1;
	if (x->f.col != y->f.col)
		return x->f.col < y->f.col ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Hands over the findings of a message, in line and column order. */
static void
flush_held(struct lint *l)
{
	size_t i;

	if (l->nheld == 0)
		return; /* nearly every message */
	qsort(l->held, l->nheld, sizeof(l->held[0]), by_place);
	for (i = 0; i < l->nheld; i++) {
		/* Sorting moved the messages: point at them again. */
		l->held[i].f.message = l->held[i].message;
		l->emit(l->ctx, &l->held[i].f);
	}
	l->nheld = 0;
}

void
lint_report(struct lint *l, enum rule_id rule, const struct ami_header *h,
            unsigned long line, size_t col, const char *fmt, ...)
{
	struct lint_finding f;
	char msg[LINT_MSG_MAX];
	va_list ap;

	if (!l->opt.enabled[rule])
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	sanitize(msg);
	if (l->msg != NULL) {
		/* A message with more findings than fit is handed over in
		 * sorted batches: order holds within each. */
		if (l->nheld == LINT_HELD)
			flush_held(l);
		hold(l, rule, h, line, col, msg);
		return;
	}
	fill(l, &f, rule, h, line, col, msg);
	l->emit(l->ctx, &f);
}

/* ---- the validator ------------------------------------------------------ */

static void
on_report(void *ctx, const struct lint_report *r)
{
	struct lint *l = ctx;

	switch (r->problem) {
	case LP_FIRST_HEADER:
		break; /* rule_framing says it, with the line */
	case LP_UNKNOWN_ACTION:
	case LP_UNKNOWN_EVENT:
	case LP_MESSAGE_CASE:
	case LP_DEPRECATED_MESSAGE:
	case LP_DEPRECATED_HEADER:
		rule_dictionary_report(l, r);
		break;
	default:
		if (r->field < l->nfields && l->quiet_field[r->field])
			break;
		rule_headers_report(l, r);
	}
}

/*
 * Fields for the validator: real headers Asterisk would read.  The count
 * is kept in a local: stored through l, it would be read again after
 * every field (a size_t the field's lengths could alias).
 */
static void
collect_fields(struct lint *l, const struct ami_message *m)
{
	size_t i, n = 0;

	for (i = 0; i < m->n; i++) {
		const struct ami_header *h = &m->h[i];
		struct lint_field *f = &l->fields[n];

		if (h->flags & (AMI_HDR_NOT_HEADER | AMI_HDR_SPACE_BEFORE |
		                AMI_HDR_BODY))
			continue;
		f->name = h->name;
		f->name_len = h->name_len;
		f->value = h->value;
		f->value_len = h->value_len;
		l->quiet_field[n] = false;
		l->field_header[n++] = i;
	}
	l->nfields = n;
}

/* The action a response answers, when the session knows it. */
static int
answered_action(struct lint *l, const struct ami_message *m)
{
	const struct ami_header *id = lint_header(m, "ActionID");
	const struct ami_pending *p;

	if (id == NULL ||
	    (p = ami_session_find(&l->session, id->value, id->value_len)) ==
	        NULL)
		return -1;
	return l->dict->action_lookup(l->dict->impl, p->action,
	                              strlen(p->action));
}

void
lint_message(void *arg, const struct ami_message *m)
{
	struct lint *l = arg;
	int action = -1;

	l->msg = m;
	collect_fields(l, m);
	rule_framing(l, m);
	/*
	 * A message cut short by a capture gap is checked line by line
	 * only: its lost part may hold what the whole-message rules miss.
	 */
	if (!m->gap) {
		rule_headers(l, m); /* may quiet fields it explains itself */
		if (m->kind == AMI_MSG_RESPONSE)
			action = answered_action(l, m);
		if (m->kind != AMI_MSG_UNKNOWN && l->nfields > 0)
			l->dict->validate(l->dict->impl, l->fields, l->nfields,
			                  action, on_report, l);
	}
	rule_security(l, m);
	if (!m->gap)
		rule_session(l, m);
	flush_held(l);
	l->msg = NULL;
}

void
lint_banner(void *arg, const struct ami_line *line, const char *version,
            size_t len)
{
	struct lint *l = arg;
	char buf[32];
	const char *ast;

	(void)line;
	rule_session_server(l);
	if (l->opt.target != NULL)
		return;
	ast = lint_ami_to_asterisk(version, len, buf, sizeof(buf));
	if (ast != NULL) {
		snprintf(l->target, sizeof(l->target), "%s", ast);
		memset(l->verdicts, 0, sizeof(l->verdicts)); /* judged anew */
	}
}

void
lint_finish(struct lint *l)
{
	rule_session_finish(l);
}

void
lint_stream(struct lint *l, int stream)
{
	l->stream = stream;
}

void
lint_gap(struct lint *l)
{
	ami_session_lost(&l->session);
	/* The reply to a login may be among the lost bytes. */
	l->session.logged_in = true;
}

/*
 * AMI 1.0, 1.1, 1.2 and 1.3 are Asterisk 1.4, 1.6 to 1.8, 10 and 11; AMI
 * 2.x is 12 and 13; from AMI 3 on, the Asterisk major is the AMI major
 * plus 11 (AMI 13 is the development branch after 23).
 */
const char *
lint_ami_to_asterisk(const char *ami, size_t len, char *buf, size_t size)
{
	static const char *const one[] = {"1.4", "1.8", "10", "11"};
	unsigned long major = 0, minor = 0;
	size_t i = 0;

	while (i < len && ami[i] >= '0' && ami[i] <= '9')
		major = major * 10 + (unsigned long)(ami[i++] - '0');
	if (i == 0 || major > 1000)
		return NULL;
	if (i < len && ami[i] == '.')
		for (i++; i < len && ami[i] >= '0' && ami[i] <= '9'; i++)
			minor = minor * 10 + (unsigned long)(ami[i] - '0');
	if (major == 1)
		return minor < 4 ? one[minor] : NULL;
	if (major == 2)
		snprintf(buf, size, "%s", minor < 1 ? "12" : "13");
	else
		snprintf(buf, size, "%lu", major + 11);
	return buf;
}
