/*
 * validate.c: the run-time validator (see validate.h).  Walks a message
 * against the linked model in the passes of the generated validators
 * (emit_c_engine.c): first header, fields in wire order, required headers,
 * groups and choices, the message's version facts.  Value rules and texts
 * are those of emit_c_values.c; tests/run-c.sh checks that both agree.
 */
#include "validate.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

/* Texts are cut to this size as amigen cuts them (CGEN_TEXT_MAX). */
#define TEXT_MAX 1024

struct text {
	char s[TEXT_MAX];
	size_t len;
	int over;
};

/* Where a header's use is looked up, in order. */
struct set {
	const struct amid_use *v;
	size_t n;
	int required; /* whether the required flags apply */
};

struct run {
	const struct amid_model *m;
	const struct amid_field *f;
	size_t n, count;
	amid_report_fn fn;
	void *ctx;
	struct set set[3];
	size_t nsets;
	int strict;        /* report headers no set allows */
	int empty_missing; /* an empty value counts as absent (actions) */
};

/* ---- texts ------------------------------------------------------------- */

static void
text_init(struct text *t)
{
	t->s[0] = '\0';
	t->len = 0;
	t->over = 0;
}

static void
text_put(struct text *t, const char *s)
{
	for (; *s != '\0'; s++) {
		if (t->len + 1 >= sizeof(t->s)) {
			t->over = 1;
			break;
		}
		t->s[t->len++] = *s;
	}
	t->s[t->len] = '\0';
}

static const char *
text_end(struct text *t)
{
	if (t->over)
		memcpy(t->s + sizeof(t->s) - 4, "...", 4);
	return t->s;
}

/* ---- names ------------------------------------------------------------- */

static int
fold(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static int
eq_fold(const char *a, const char *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (fold((unsigned char)a[i]) != fold((unsigned char)b[i]))
			return 0;
	return 1;
}

static const struct amid_header *
find_header(const struct amid_model *m, const struct amid_slice *s)
{
	if (s->len == 0)
		return NULL;
	return amid_find_header_n(m, s->ptr, s->len);
}

/* An event known under another case: the first in strcmp order. */
static const struct amid_message *
find_event_fold(const struct amid_model *m, const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < m->nevents; i++)
		if (strlen(m->events[i].name) == len &&
		    eq_fold(m->events[i].name, s, len))
			return &m->events[i];
	return NULL;
}

/* ---- values ------------------------------------------------------------ */

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int
is_digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!is_digit(s[i]))
			return 0;
	return n > 0;
}

/*
 * The value of n digits, negated if neg; when it does not fit a long long,
 * *over is set and the value saturated.
 */
static long long
digits_value(const char *s, size_t n, int neg, int *over)
{
	unsigned long long lim = (unsigned long long)LLONG_MAX + (neg != 0);
	unsigned long long v = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned d = (unsigned)(s[i] - '0');

		if (v > (lim - d) / 10) {
			*over = 1;
			v = lim;
			break;
		}
		v = v * 10 + d;
	}
	if (!neg)
		return (long long)v;
	return v == lim ? LLONG_MIN : -(long long)v;
}

/* Beyond a long long is beyond any bound on that side. */
static int
in_range(const struct amid_meaning *mn, long long v, int over)
{
	if (over)
		return v < 0 ? !mn->has_min : !mn->has_max;
	return !(mn->has_min && v < mn->min) && !(mn->has_max && v > mn->max);
}

static int
check_integer(const struct amid_meaning *mn, const char *s, size_t n)
{
	size_t neg = n > 0 && s[0] == '-';
	int over = 0;
	long long v;

	if (!is_digits(s + neg, n - neg))
		return 0;
	v = digits_value(s + neg, n - neg, neg != 0, &over);
	return in_range(mn, v, over);
}

/* seconds, milliseconds, port: digits, at most hi. */
static int
check_count(const struct amid_meaning *mn, const char *s, size_t n,
            long long hi)
{
	int over = 0;
	long long v;

	if (!is_digits(s, n))
		return 0;
	v = digits_value(s, n, 0, &over);
	return v <= hi && in_range(mn, v, over);
}

/* Is s one of n names, the first member of elements of the given size? */
static int
in_names(const void *base, size_t count, size_t size, const char *s,
         size_t n, int casefold)
{
	size_t i;

	for (i = 0; i < count; i++) {
		const char *name =
		    *(const char *const *)((const char *)base + i * size);

		if (strlen(name) == n && (casefold ? eq_fold(s, name, n)
		                                   : memcmp(s, name, n) == 0))
			return 1;
	}
	return 0;
}

/* Asterisk's ast_true and ast_false words. */
static const char *const bool_words[] = {
	"yes", "true", "y", "t", "1", "on", "no", "false", "n", "f", "0", "off",
};

static int
check_bool(const char *s, size_t n)
{
	return in_names(bool_words, sizeof(bool_words) / sizeof(bool_words[0]),
	                sizeof(bool_words[0]), s, n, 1);
}

static int
is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static int
check_classlist(const struct amid_model *m, const char *s, size_t n)
{
	size_t i = 0, start, end;

	for (;;) {
		while (i < n && is_blank(s[i]))
			i++;
		start = i;
		while (i < n && s[i] != ',')
			i++;
		end = i;
		while (end > start && is_blank(s[end - 1]))
			end--;
		if (end == start ||
		    !in_names(m->classes, m->nclasses, sizeof(*m->classes),
		              s + start, end - start, 1))
			return 0;
		if (i == n)
			return 1;
		i++;
	}
}

static int
is_alpha(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* [A-Za-z0-9_-] */
static int
is_word(char c)
{
	return is_alpha(c) || is_digit(c) || c == '_' || c == '-';
}

/* Tech/rest: a channel or a dial string. */
static int
check_tech(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && is_word(s[i]))
		i++;
	return i > 0 && i + 1 < n && s[i] == '/';
}

static int
check_uniqueid(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (is_blank(s[i]))
			return 0;
	return n > 0;
}

static int
check_timestamp(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && is_digit(s[i]))
		i++;
	if (i == 0 || i == n)
		return i > 0;
	return s[i] == '.' && is_digits(s + i + 1, n - i - 1);
}

static int
check_datetime(const char *s, size_t n)
{
	static const char pattern[] = "dddd-dd-dd dd:dd:dd";
	size_t i;

	if (n != sizeof(pattern) - 1)
		return 0;
	for (i = 0; i < n; i++)
		if (pattern[i] == 'd' ? !is_digit(s[i]) : s[i] != pattern[i])
			return 0;
	return 1;
}

static int
check_variable(const char *s, size_t n)
{
	return n > 1 && s[0] != '=' && memchr(s, '=', n) != NULL;
}

static int
check_ipv4(const char *s, size_t n)
{
	size_t i = 0, part;

	for (part = 0; part < 4; part++) {
		size_t start = i;
		unsigned v = 0;

		while (i < n && is_digit(s[i]) && i - start < 3)
			v = v * 10 + (unsigned)(s[i++] - '0');
		if (i == start || v > 255)
			return 0;
		if (part < 3 && (i == n || s[i++] != '.'))
			return 0;
	}
	return i == n;
}

static int
is_hex(char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* Hex groups and colons, at most one "::", maybe a dotted-quad tail. */
static int
check_ipv6(const char *s, size_t n)
{
	size_t i = 0, groups = 0, gap = 0;

	if (n >= 2 && s[0] == ':' && s[1] == ':') {
		gap = 1;
		i = 2;
		if (i == n)
			return 1;
	}
	for (;;) {
		size_t start = i;

		while (i < n && is_hex(s[i]) && i - start < 5)
			i++;
		if (i < n && s[i] == '.' && check_ipv4(s + start, n - start))
			return gap ? groups + 2 <= 7 : groups + 2 == 8;
		if (i == start || i - start > 4)
			return 0;
		groups++;
		if (i == n)
			break;
		if (s[i++] != ':' || i == n)
			return 0;
		if (s[i] == ':') {
			if (gap)
				return 0;
			gap = 1;
			if (++i == n)
				break;
		}
	}
	return gap ? groups <= 7 : groups == 8;
}

static int
check_priority(const char *s, size_t n)
{
	size_t i;
	int over = 0;

	if (is_digits(s, n))
		return digits_value(s, n, 0, &over) >= 1;
	if (n == 0 || !(is_alpha(s[0]) || s[0] == '_'))
		return 0;
	for (i = 1; i < n; i++)
		if (!is_word(s[i]))
			return 0;
	return 1;
}

static int
check_type(const struct amid_model *m, const struct amid_meaning *mn,
           const char *s, size_t n)
{
	switch (mn->type) {
	case AMID_T_INTEGER:
		return check_integer(mn, s, n);
	case AMID_T_BOOL:
		return check_bool(s, n);
	case AMID_T_YESNO:
		return n == 1 && (s[0] == 'Y' || s[0] == 'N');
	case AMID_T_ENUM:
		return in_names(mn->values, mn->nvalues, sizeof(*mn->values), s,
		                n, mn->case_insensitive);
	case AMID_T_CLASSLIST:
		return check_classlist(m, s, n);
	case AMID_T_EVENTMASK:
		return check_bool(s, n) || is_digits(s, n) ||
		       check_classlist(m, s, n);
	case AMID_T_CHANNEL:
	case AMID_T_DIALSTRING:
		return check_tech(s, n);
	case AMID_T_UNIQUEID:
		return check_uniqueid(s, n);
	case AMID_T_TIMESTAMP:
		return check_timestamp(s, n);
	case AMID_T_DATETIME:
		return check_datetime(s, n);
	case AMID_T_SECONDS:
	case AMID_T_MILLISECONDS:
		return check_count(mn, s, n, LLONG_MAX);
	case AMID_T_VARIABLE:
		return check_variable(s, n);
	case AMID_T_IPADDR:
		return check_ipv4(s, n) || check_ipv6(s, n);
	case AMID_T_PORT:
		return check_count(mn, s, n, 65535);
	case AMID_T_PRIORITY:
		return check_priority(s, n);
	default: /* string, actionid: anything */
		return 1;
	}
}

static int
check_value(const struct amid_model *m, const struct amid_meaning *mn,
            const char *s, size_t n)
{
	return check_type(m, mn, s, n) &&
	       !(mn->has_max_length && n > mn->max_length);
}

/* ---- what a good value looks like (as emit_c_values.c says it) -------- */

static const char *const type_text[AMID_T__MAX] = {
	[AMID_T_STRING] = "string",
	[AMID_T_INTEGER] = "integer",
	[AMID_T_BOOL] = "Asterisk boolean (yes/true/y/t/1/on or "
	                "no/false/n/f/0/off)",
	[AMID_T_YESNO] = "Y or N",
	[AMID_T_ENUM] = "one of: ",
	[AMID_T_CLASSLIST] = "comma-separated classes: ",
	[AMID_T_EVENTMASK] = "on, off, a boolean word, a number or "
	                     "comma-separated classes: ",
	[AMID_T_CHANNEL] = "channel name Tech/resource",
	[AMID_T_DIALSTRING] = "dial string Tech/resource",
	[AMID_T_UNIQUEID] = "unique id without blanks",
	[AMID_T_ACTIONID] = "action id",
	[AMID_T_TIMESTAMP] = "timestamp: digits, optionally . and digits",
	[AMID_T_DATETIME] = "date and time YYYY-MM-DD HH:MM:SS",
	[AMID_T_SECONDS] = "whole seconds",
	[AMID_T_MILLISECONDS] = "whole milliseconds",
	[AMID_T_VARIABLE] = "NAME=value",
	[AMID_T_IPADDR] = "IPv4 or IPv6 address",
	[AMID_T_PORT] = "port",
	[AMID_T_PRIORITY] = "priority: a positive integer or a label",
};

static void
range(const struct amid_meaning *mn, struct text *t)
{
	long long lo = mn->min, hi = mn->max;
	int has_lo = mn->has_min, has_hi = mn->has_max;
	char num[64];

	if (mn->type == AMID_T_PORT) {
		lo = has_lo && lo > 0 ? lo : 0;
		hi = has_hi && hi < 65535 ? hi : 65535;
		has_lo = has_hi = 1;
	} else if (mn->type != AMID_T_INTEGER && mn->type != AMID_T_SECONDS &&
	           mn->type != AMID_T_MILLISECONDS)
		return;
	if (has_lo && has_hi)
		snprintf(num, sizeof(num), " %lld..%lld", lo, hi);
	else if (has_lo)
		snprintf(num, sizeof(num), " >= %lld", lo);
	else if (has_hi)
		snprintf(num, sizeof(num), " <= %lld", hi);
	else
		return;
	text_put(t, num);
}

static const char *
detail(const struct amid_model *m, const struct amid_meaning *mn,
       struct text *t)
{
	char num[64];
	size_t i;

	text_init(t);
	if (mn->type == AMID_T_ENUM && mn->case_insensitive)
		text_put(t, "one of (any case): ");
	else
		text_put(t, type_text[mn->type]);
	for (i = 0; mn->type == AMID_T_ENUM && i < mn->nvalues; i++) {
		text_put(t, i > 0 ? ", " : "");
		text_put(t, mn->values[i].name);
	}
	for (i = 0; (mn->type == AMID_T_CLASSLIST ||
	             mn->type == AMID_T_EVENTMASK) &&
	            i < m->nclasses;
	     i++) {
		text_put(t, i > 0 ? ", " : "");
		text_put(t, m->classes[i].name);
	}
	range(mn, t);
	if (mn->has_max_length) {
		snprintf(num, sizeof(num), ", at most %llu bytes",
		         mn->max_length);
		text_put(t, num);
	}
	return text_end(t);
}

/* "name: Member, Member": a group and its parameters. */
static void
group_text(const struct amid_message *msg, size_t grp, struct text *t)
{
	size_t i, k = 0;

	text_put(t, msg->groups[grp].name);
	text_put(t, ": ");
	for (i = 0; i < msg->nuses; i++)
		if (msg->uses[i].group == (int)grp) {
			text_put(t, k++ > 0 ? ", " : "");
			text_put(t, msg->uses[i].name);
		}
}

/* ---- reports ----------------------------------------------------------- */

static void
report(struct run *r, enum amid_problem p, size_t field, const char *name,
       const char *detail_text)
{
	struct amid_report rep = {p, field, name, detail_text, NULL, NULL,
	                          NULL, NULL};

	r->count++;
	if (r->fn != NULL)
		r->fn(r->ctx, &rep);
}

/* The version facts of v, each missing one taken from fb (may be NULL). */
static void
report_facts(struct run *r, enum amid_problem p, size_t field,
             const char *name, const struct amid_versions *v,
             const struct amid_versions *fb)
{
	struct amid_report rep = {p, field, name, NULL, NULL, NULL, NULL, NULL};
	const struct amid_versions *rn = v->nrenamed_to > 0 || !fb ? v : fb;
	struct text t;
	size_t i;

	r->count++;
	if (r->fn == NULL)
		return;
	rep.since = v->since ? v->since : fb ? fb->since : NULL;
	rep.deprecated = v->deprecated ? v->deprecated
	                 : fb          ? fb->deprecated
	                               : NULL;
	rep.removed = v->removed ? v->removed : fb ? fb->removed : NULL;
	text_init(&t);
	for (i = 0; i < rn->nrenamed_to; i++) {
		text_put(&t, i > 0 ? " " : "");
		text_put(&t, rn->renamed_to[i]);
	}
	rep.renamed_to = rn->nrenamed_to > 0 ? text_end(&t) : NULL;
	r->fn(r->ctx, &rep);
}

static int
has_facts(const struct amid_versions *v)
{
	return v->since || v->deprecated || v->removed || v->nrenamed_to > 0;
}

/* ---- the passes -------------------------------------------------------- */

static void
add_set(struct run *r, const struct amid_use *v, size_t n, int required)
{
	r->set[r->nsets].v = v;
	r->set[r->nsets].n = n;
	r->set[r->nsets].required = required;
	r->nsets++;
}

/* The first use of header h in the sets, in order; NULL if none. */
static const struct amid_use *
find_use(const struct run *r, const struct amid_header *h)
{
	size_t s, i;

	for (s = 0; s < r->nsets; s++)
		for (i = 0; i < r->set[s].n; i++)
			if (r->set[s].v[i].meaning->header == h)
				return &r->set[s].v[i];
	return NULL;
}

static int
is_named(const struct amid_slice *s, const struct amid_header *h)
{
	return strlen(h->name) == s->len && eq_fold(s->ptr, h->name, s->len);
}

/* Whether header h is among fields 0 .. end-1 (with a value, if need be). */
static int
occurs(const struct run *r, const struct amid_header *h, size_t end,
       int need_value)
{
	size_t i;

	for (i = 0; i < end; i++)
		if (is_named(&r->f[i].name, h) &&
		    (!need_value || r->f[i].value.len > 0))
			return 1;
	return 0;
}

static int
present(const struct run *r, const struct amid_header *h)
{
	return occurs(r, h, r->n, r->empty_missing);
}

/* Field i, header h (or NULL); again: the header came earlier. */
static void
check_field(struct run *r, size_t i, const struct amid_header *h, int again)
{
	const struct amid_field *fd = &r->f[i];
	const struct amid_use *u;
	struct text t;

	if (h == NULL) {
		report(r, AMID_V_UNKNOWN_HEADER, i, NULL, NULL);
		return;
	}
	if (memcmp(fd->name.ptr, h->name, fd->name.len) != 0)
		report(r, AMID_V_HEADER_CASE, i, h->name, NULL);
	if ((u = find_use(r, h)) == NULL) {
		if (r->strict)
			report(r, AMID_V_NOT_FOR_MESSAGE, i, h->name, NULL);
		return;
	}
	if (again && !u->meaning->repeat)
		report(r, AMID_V_REPEATED, i, h->name, NULL);
	if (fd->value.len > 0 &&
	    !check_value(r->m, u->meaning, fd->value.ptr, fd->value.len))
		report(r, AMID_V_BAD_VALUE, i, h->name,
		       detail(r->m, u->meaning, &t));
	if (has_facts(&u->ver) || has_facts(&u->meaning->ver))
		report_facts(r, AMID_V_DEPRECATED_HEADER, i, h->name, &u->ver,
		             &u->meaning->ver);
}

/* In a UserEvent, the one header checked besides the first. */
static int
is_actionid(const struct amid_header *h)
{
	return strlen(h->name) == 8 && eq_fold(h->name, "ActionID", 8);
}

/*
 * Every field in wire order.  The first (the type header) is checked by
 * first_header() alone, but counts as present like the others.
 */
static void
check_fields(struct run *r, int free_form)
{
	size_t i;

	for (i = 1; i < r->n; i++) {
		const struct amid_header *h = find_header(r->m, &r->f[i].name);

		if (free_form && (h == NULL || !is_actionid(h)))
			continue;
		check_field(r, i, h, h != NULL && occurs(r, h, i, 0));
	}
}

static void
check_required(struct run *r)
{
	size_t s, i;

	for (s = 0; s < r->nsets; s++)
		for (i = 0; i < r->set[s].n; i++) {
			const struct amid_use *u = &r->set[s].v[i];
			const struct amid_header *h = u->meaning->header;

			if (!r->set[s].required || !u->required ||
			    u->group >= 0 || find_use(r, h) != u ||
			    present(r, h))
				continue;
			report(r, AMID_V_MISSING_REQUIRED, r->n, h->name, NULL);
		}
}

static int
group_used(const struct run *r, const struct amid_message *m, int g)
{
	size_t i;

	for (i = 0; i < m->nuses; i++)
		if (m->uses[i].group == g &&
		    present(r, m->uses[i].meaning->header))
			return 1;
	return 0;
}

static void
incomplete_group(struct run *r, const struct amid_message *m, int g)
{
	struct text t;
	size_t i;

	for (i = 0; i < m->nuses; i++) {
		const struct amid_use *u = &m->uses[i];

		if (u->group != g || !u->required ||
		    present(r, u->meaning->header))
			continue;
		text_init(&t);
		group_text(m, (size_t)g, &t);
		report(r, AMID_V_INCOMPLETE_GROUP, r->n,
		       u->meaning->header->name, text_end(&t));
	}
}

static void
check_choice(struct run *r, const struct amid_message *m,
             const struct amid_choice *c)
{
	struct text t;
	size_t g, used = 0;

	for (g = c->first_group; g < c->first_group + c->ngroups; g++)
		if (group_used(r, m, (int)g)) {
			used++;
			incomplete_group(r, m, (int)g);
		}
	if (!(used == 0 && c->required) && used <= 1)
		return;
	text_init(&t);
	for (g = c->first_group; g < c->first_group + c->ngroups; g++) {
		text_put(&t, g > c->first_group ? "; " : "");
		group_text(m, g, &t);
	}
	report(r, used == 0 ? AMID_V_NO_GROUP : AMID_V_CONFLICTING_GROUPS,
	       r->n, m->name, text_end(&t));
}

/* The passes after the first header; m is the message, or NULL. */
static size_t
finish(struct run *r, const struct amid_message *m)
{
	size_t c;

	check_fields(r, m != NULL && m->kind != AMID_RESPONSE &&
	                    strcmp(m->name, "UserEvent") == 0);
	check_required(r);
	if (m == NULL)
		return r->count;
	for (c = 0; c < m->nchoices; c++)
		check_choice(r, m, &m->choices[c]);
	if (m->kind != AMID_RESPONSE && has_facts(&m->ver))
		report_facts(r, AMID_V_DEPRECATED_MESSAGE, 0, m->name, &m->ver,
		             NULL);
	return r->count;
}

static const char *const kinds[AMID_KIND__MAX] = {
	[AMID_ACTION] = "Action",
	[AMID_EVENT] = "Event",
	[AMID_RESPONSE] = "Response",
};

/* Which kind of message the first header starts; -1 when none. */
static int
first_header(struct run *r)
{
	const struct amid_slice *s = &r->f[0].name;
	int k;

	for (k = 0; r->n > 0 && k < AMID_KIND__MAX; k++)
		if (strlen(kinds[k]) == s->len &&
		    eq_fold(s->ptr, kinds[k], s->len)) {
			if (memcmp(s->ptr, kinds[k], s->len) != 0)
				report(r, AMID_V_HEADER_CASE, 0, kinds[k],
				       NULL);
			return k;
		}
	report(r, AMID_V_FIRST_HEADER, 0, NULL, NULL);
	return -1;
}

static size_t
validate_action(struct run *r)
{
	const struct amid_slice *v = &r->f[0].value;
	const struct amid_message *m = amid_find_action_n(r->m, v->ptr, v->len);

	if (m == NULL)
		report(r, AMID_V_UNKNOWN_ACTION, 0, NULL, NULL);
	else
		add_set(r, m->uses, m->nuses, 1);
	add_set(r, r->m->common[AMID_ACTION].uses,
	        r->m->common[AMID_ACTION].nuses, 1);
	r->strict = m != NULL;
	r->empty_missing = 1;
	return finish(r, m);
}

static size_t
validate_event(struct run *r)
{
	const struct amid_slice *v = &r->f[0].value;
	const struct amid_message *m =
	    amid_find_event_n(r->m, v->ptr, v->len);

	if (m == NULL && (m = find_event_fold(r->m, v->ptr, v->len)) != NULL)
		report(r, AMID_V_MESSAGE_CASE, 0, m->name, NULL);
	if (m == NULL)
		report(r, AMID_V_UNKNOWN_EVENT, 0, NULL, NULL);
	else
		add_set(r, m->uses, m->nuses, 1);
	add_set(r, r->m->common[AMID_EVENT].uses,
	        r->m->common[AMID_EVENT].nuses, 1);
	r->strict = m != NULL;
	return finish(r, m);
}

/* A response, to action a if known: a's fields are required on Success. */
static size_t
validate_resp(struct run *r, const struct amid_message *a)
{
	const struct amid_slice *v = &r->f[0].value;
	const struct amid_message *m = amid_find_response_n(r->m, v->ptr, v->len);
	int success = v->len == 7 && memcmp(v->ptr, "Success", 7) == 0;

	if (m != NULL)
		add_set(r, m->uses, m->nuses, 1);
	if (a != NULL)
		add_set(r, a->response, a->nresponse, success);
	add_set(r, r->m->common[AMID_RESPONSE].uses,
	        r->m->common[AMID_RESPONSE].nuses, 1);
	r->strict = a != NULL;
	return finish(r, m);
}

size_t
amid_validate(const struct amid_model *m, const struct amid_field *f,
              size_t n, amid_report_fn fn, void *ctx)
{
	return amid_validate_response(m, f, n, NULL, fn, ctx);
}

size_t
amid_validate_response(const struct amid_model *m, const struct amid_field *f,
                       size_t n, const struct amid_message *action,
                       amid_report_fn fn, void *ctx)
{
	struct run r = {0};

	r.m = m;
	r.f = f;
	r.n = n;
	r.fn = fn;
	r.ctx = ctx;
	if (action != NULL && action->kind != AMID_ACTION)
		action = NULL;
	switch (first_header(&r)) {
	case AMID_ACTION:
		return validate_action(&r);
	case AMID_EVENT:
		return validate_event(&r);
	case AMID_RESPONSE:
		return validate_resp(&r, action);
	default:
		return r.count;
	}
}
