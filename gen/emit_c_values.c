/*
 * emit_c_values.c: -T c's value checks.  One check per meaning of a header
 * (type, range, length, enumeration values, and the text that says what a
 * good value looks like), and the fixed checker of every value type.
 * libamidict's run-time validator (src/validate.c) keeps the same rules
 * and texts; tests/run-c.sh compares the two.
 */
#include <stdio.h>
#include <string.h>

#include "emit_c.h"
#include "esc_c.h"

static const struct {
	const char *c_name; /* the enumerator in the generated code */
	const char *detail; /* what a good value looks like */
} types[] = {
	[AMID_T_STRING] = {"T_STRING", "string"},
	[AMID_T_INTEGER] = {"T_INTEGER", "integer"},
	[AMID_T_BOOL] = {"T_BOOL", "Asterisk boolean (yes/true/y/t/1/on or "
	                           "no/false/n/f/0/off)"},
	[AMID_T_YESNO] = {"T_YESNO", "Y or N"},
	[AMID_T_ENUM] = {"T_ENUM", "one of: "},
	[AMID_T_CLASSLIST] = {"T_CLASSLIST", "comma-separated classes: "},
	[AMID_T_EVENTMASK] = {"T_EVENTMASK",
	                      "on, off, a boolean word, a number or "
	                      "comma-separated classes: "},
	[AMID_T_CHANNEL] = {"T_CHANNEL", "channel name Tech/resource"},
	[AMID_T_DIALSTRING] = {"T_DIALSTRING", "dial string Tech/resource"},
	[AMID_T_UNIQUEID] = {"T_UNIQUEID", "unique id without blanks"},
	[AMID_T_ACTIONID] = {"T_ACTIONID", "action id"},
	[AMID_T_TIMESTAMP] = {"T_TIMESTAMP",
	                      "timestamp: digits, optionally . and digits"},
	[AMID_T_DATETIME] = {"T_DATETIME", "date and time YYYY-MM-DD HH:MM:SS"},
	[AMID_T_SECONDS] = {"T_SECONDS", "whole seconds"},
	[AMID_T_MILLISECONDS] = {"T_MILLISECONDS", "whole milliseconds"},
	[AMID_T_VARIABLE] = {"T_VARIABLE", "NAME=value"},
	[AMID_T_IPADDR] = {"T_IPADDR", "IPv4 or IPv6 address"},
	[AMID_T_PORT] = {"T_PORT", "port"},
	[AMID_T_PRIORITY] = {"T_PRIORITY",
	                     "priority: a positive integer or a label"},
};
_Static_assert(sizeof(types) / sizeof(types[0]) == AMID_T__MAX,
               "one row per value type");

void
cgen_types(struct cgen *g)
{
	size_t t;

	out_markup(&g->o,
	           "/* Value types, as in the dictionary. */\nenum type {");
	for (t = 0; t < AMID_T__MAX; t++)
		out_markup(&g->o, "\n\t%s,", types[t].c_name);
	out_markup(&g->o, "\n};\n\n");
}

/* ---- what a good value looks like ------------------------------------ */

static void
range(const struct amid_meaning *mn, struct cgen_text *t)
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
	cgen_text_put(t, num);
}

static void
detail(const struct amid_model *m, const struct amid_meaning *mn,
       struct cgen_text *t)
{
	char num[64];
	size_t i;

	cgen_text_init(t);
	if (mn->type == AMID_T_ENUM && mn->case_insensitive)
		cgen_text_put(t, "one of (any case): ");
	else
		cgen_text_put(t, types[mn->type].detail);
	for (i = 0; mn->type == AMID_T_ENUM && i < mn->nvalues; i++) {
		cgen_text_put(t, i > 0 ? ", " : "");
		cgen_text_put(t, mn->values[i].name);
	}
	for (i = 0; (mn->type == AMID_T_CLASSLIST ||
	             mn->type == AMID_T_EVENTMASK) &&
	            i < m->nclasses;
	     i++) {
		cgen_text_put(t, i > 0 ? ", " : "");
		cgen_text_put(t, m->classes[i].name);
	}
	range(mn, t);
	if (mn->has_max_length) {
		snprintf(num, sizeof(num), ", at most %llu bytes",
		         mn->max_length);
		cgen_text_put(t, num);
	}
	cgen_text_end(t);
}

/* ---- tables -------------------------------------------------------------- */

static void
name_row(struct cgen *g, const char *s)
{
	out_markup(&g->o, "\t{");
	cgen_str(g, s);
	out_markup(&g->o, ", %zu},\n", strlen(s));
}

static void
enum_values(struct cgen *g, const struct amid_meaning *mn, size_t idx)
{
	size_t i;

	out_markup(&g->o, "static const struct name values_%zu[] = {\n", idx);
	for (i = 0; i < mn->nvalues; i++)
		name_row(g, mn->values[i].name);
	out_markup(&g->o, "\t{NULL, 0},\n};\n");
}

static void
ll(struct cgen *g, long long v)
{
	if (v == -9223372036854775807LL - 1)
		out_markup(&g->o, "(-9223372036854775807LL - 1)");
	else
		out_markup(&g->o, "%lldLL", v);
}

static void
check_flags(struct cgen *g, const struct amid_meaning *mn)
{
	const char *flag[4] = {"C_MIN", "C_MAX", "C_MAXLEN", "C_FOLD"};
	int on[4], i, k = 0;

	on[0] = mn->has_min;
	on[1] = mn->has_max;
	on[2] = mn->has_max_length;
	on[3] = mn->type == AMID_T_ENUM && mn->case_insensitive;
	for (i = 0; i < 4; i++)
		if (on[i])
			out_markup(&g->o, "%s%s", k++ ? " | " : "", flag[i]);
	if (k == 0)
		out_markup(&g->o, "0");
}

static void
check_row(struct cgen *g, const struct amid_meaning *mn, size_t idx)
{
	struct cgen_text t;
	char label[512];

	amid_meaning_label(mn, label, sizeof(label));
	out_markup(&g->o, "\t/* %zu: ", idx);
	esc_c_comment(g->o.f, label);
	out_markup(&g->o, " */\n\t{");
	detail(g->m, mn, &t);
	cgen_str(g, t.s);
	if (mn->type == AMID_T_ENUM)
		out_markup(&g->o, ", values_%zu, ", idx);
	else
		out_markup(&g->o, ", NULL, ");
	ll(g, mn->has_min ? mn->min : 0);
	out_markup(&g->o, ", ");
	ll(g, mn->has_max ? mn->max : 0);
	out_markup(&g->o, ", %lluULL, %s, ",
	           mn->has_max_length ? mn->max_length : 0,
	           types[mn->type].c_name);
	check_flags(g, mn);
	out_markup(&g->o, "},\n");
}

void
cgen_checks(struct cgen *g)
{
	const struct amid_model *m = g->m;
	size_t i, j, idx;

	for (i = 0; i < m->nheaders; i++)
		for (j = 0; j < m->headers[i].nmeanings; j++)
			if (m->headers[i].meanings[j].type == AMID_T_ENUM)
				enum_values(g, &m->headers[i].meanings[j],
				            cgen_check_index(
				                g, &m->headers[i].meanings[j]));
	out_markup(&g->o, "\n/* One check per meaning of a header. */\n"
	                  "static const struct check checks[%zu] = {\n",
	           g->nchecks + 1);
	for (idx = 0, i = 0; i < m->nheaders; i++)
		for (j = 0; j < m->headers[i].nmeanings; j++)
			check_row(g, &m->headers[i].meanings[j], idx++);
	out_markup(&g->o, "\t{NULL, NULL, 0LL, 0LL, 0ULL, T_STRING, 0},\n};\n");
}

/* ---- the checkers (fixed code) ------------------------------------------ */

static const char *const value_code[] = {
	"static int",
	"eq_fold(const char *a, const char *b, size_t n)",
	"{",
	"\tsize_t i;",
	"",
	"\tfor (i = 0; i < n; i++)",
	"\t\tif (fold[(unsigned char)a[i]] != fold[(unsigned char)b[i]])",
	"\t\t\treturn 0;",
	"\treturn 1;",
	"}",
	"",
	"static int",
	"is_digit(char c)",
	"{",
	"\treturn c >= '0' && c <= '9';",
	"}",
	"",
	"static int",
	"is_digits(const char *s, size_t n)",
	"{",
	"\tsize_t i;",
	"",
	"\tfor (i = 0; i < n; i++)",
	"\t\tif (!is_digit(s[i]))",
	"\t\t\treturn 0;",
	"\treturn n > 0;",
	"}",
	"",
	"/*",
	" * The value of n digits, negated if neg; when it does not fit a long long,",
	" * *over is set and the value saturated.",
	" */",
	"static long long",
	"digits_value(const char *s, size_t n, int neg, int *over)",
	"{",
	"\tunsigned long long lim = (unsigned long long)LLONG_MAX + (neg != 0);",
	"\tunsigned long long v = 0;",
	"\tsize_t i;",
	"",
	"\tfor (i = 0; i < n; i++) {",
	"\t\tunsigned d = (unsigned)(s[i] - '0');",
	"",
	"\t\tif (v > (lim - d) / 10) {",
	"\t\t\t*over = 1;",
	"\t\t\tv = lim;",
	"\t\t\tbreak;",
	"\t\t}",
	"\t\tv = v * 10 + d;",
	"\t}",
	"\tif (!neg)",
	"\t\treturn (long long)v;",
	"\treturn v == lim ? LLONG_MIN : -(long long)v;",
	"}",
	"",
	"/* Beyond a long long is beyond any bound on that side. */",
	"static int",
	"in_range(const struct check *c, long long v, int over)",
	"{",
	"\tif (over)",
	"\t\treturn v < 0 ? !(c->flags & C_MIN) : !(c->flags & C_MAX);",
	"\treturn !((c->flags & C_MIN) && v < c->min) &&",
	"\t       !((c->flags & C_MAX) && v > c->max);",
	"}",
	"",
	"static int",
	"check_integer(const struct check *c, const char *s, size_t n)",
	"{",
	"\tsize_t neg = n > 0 && s[0] == '-';",
	"\tint over = 0;",
	"\tlong long v;",
	"",
	"\tif (!is_digits(s + neg, n - neg))",
	"\t\treturn 0;",
	"\tv = digits_value(s + neg, n - neg, neg != 0, &over);",
	"\treturn in_range(c, v, over);",
	"}",
	"",
	"/* seconds, milliseconds, port: digits, at most hi. */",
	"static int",
	"check_count(const struct check *c, const char *s, size_t n, long long hi)",
	"{",
	"\tint over = 0;",
	"\tlong long v;",
	"",
	"\tif (!is_digits(s, n))",
	"\t\treturn 0;",
	"\tv = digits_value(s, n, 0, &over);",
	"\treturn v <= hi && in_range(c, v, over);",
	"}",
	"",
	"static int",
	"in_names(const struct name *v, const char *s, size_t n, int casefold)",
	"{",
	"\tfor (; v->s != NULL; v++)",
	"\t\tif (v->len == n && (casefold ? eq_fold(s, v->s, n)",
	"\t\t                             : same_bytes(s, v->s, n)))",
	"\t\t\treturn 1;",
	"\treturn 0;",
	"}",
	"",
	"/* Asterisk's ast_true and ast_false words. */",
	"static const struct name bool_words[] = {",
	"\t{\"yes\", 3}, {\"true\", 4},  {\"y\", 1}, {\"t\", 1}, {\"1\", 1}, {\"on\", 2},",
	"\t{\"no\", 2},  {\"false\", 5}, {\"n\", 1}, {\"f\", 1}, {\"0\", 1}, {\"off\", 3},",
	"\t{NULL, 0},",
	"};",
	"",
	"static int",
	"is_blank(char c)",
	"{",
	"\treturn c == ' ' || c == '\\t';",
	"}",
	"",
	"static int",
	"check_classlist(const char *s, size_t n)",
	"{",
	"\tsize_t i = 0, start, end;",
	"",
	"\tfor (;;) {",
	"\t\twhile (i < n && is_blank(s[i]))",
	"\t\t\ti++;",
	"\t\tstart = i;",
	"\t\twhile (i < n && s[i] != ',')",
	"\t\t\ti++;",
	"\t\tend = i;",
	"\t\twhile (end > start && is_blank(s[end - 1]))",
	"\t\t\tend--;",
	"\t\tif (end == start || class_find(s + start, end - start) < 0)",
	"\t\t\treturn 0;",
	"\t\tif (i == n)",
	"\t\t\treturn 1;",
	"\t\ti++;",
	"\t}",
	"}",
	"",
	"static int",
	"is_alpha(char c)",
	"{",
	"\treturn (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');",
	"}",
	"",
	"/* [A-Za-z0-9_-] */",
	"static int",
	"is_word(char c)",
	"{",
	"\treturn is_alpha(c) || is_digit(c) || c == '_' || c == '-';",
	"}",
	"",
	"/* Tech/rest: a channel or a dial string. */",
	"static int",
	"check_tech(const char *s, size_t n)",
	"{",
	"\tsize_t i = 0;",
	"",
	"\twhile (i < n && is_word(s[i]) && s[i] != '/')",
	"\t\ti++;",
	"\treturn i > 0 && i + 1 < n && s[i] == '/';",
	"}",
	"",
	"static int",
	"check_uniqueid(const char *s, size_t n)",
	"{",
	"\tconst uint64_t ones = UINT64_C(0x0101010101010101);",
	"\tuint64_t acc = 0, x, y;",
	"\tsize_t i;",
	"",
	"\tif (n < 8) {",
	"\t\tfor (i = 0; i < n; i++)",
	"\t\t\tif (is_blank(s[i]))",
	"\t\t\t\treturn 0;",
	"\t\treturn n > 0;",
	"\t}",
	"\t/* Eight bytes at a time, the last word overlapping the one before:",
	"\t * a byte of x or y is 0 where s has a blank. */",
	"\tfor (i = 0;; i += 8) {",
	"\t\tif (i + 8 > n)",
	"\t\t\ti = n - 8;",
	"\t\tx = load8(s + i) ^ ones * ' ';",
	"\t\ty = load8(s + i) ^ ones * '\\t';",
	"\t\tacc |= ((x - ones) & ~x) | ((y - ones) & ~y);",
	"\t\tif (i + 8 == n)",
	"\t\t\tbreak;",
	"\t}",
	"\treturn (acc & ones << 7) == 0;",
	"}",
	"",
	"static int",
	"check_timestamp(const char *s, size_t n)",
	"{",
	"\tsize_t i = 0;",
	"",
	"\twhile (i < n && is_digit(s[i]))",
	"\t\ti++;",
	"\tif (i == 0 || i == n)",
	"\t\treturn i > 0;",
	"\treturn s[i] == '.' && is_digits(s + i + 1, n - i - 1);",
	"}",
	"",
	"static int",
	"check_datetime(const char *s, size_t n)",
	"{",
	"\tstatic const char pattern[] = \"dddd-dd-dd dd:dd:dd\";",
	"\tsize_t i;",
	"",
	"\tif (n != sizeof(pattern) - 1)",
	"\t\treturn 0;",
	"\tfor (i = 0; i < n; i++)",
	"\t\tif (pattern[i] == 'd' ? !is_digit(s[i]) : s[i] != pattern[i])",
	"\t\t\treturn 0;",
	"\treturn 1;",
	"}",
	"",
	"static int",
	"check_variable(const char *s, size_t n)",
	"{",
	"\treturn n > 1 && s[0] != '=' && memchr(s, '=', n) != NULL;",
	"}",
	"",
	"static int",
	"check_ipv4(const char *s, size_t n)",
	"{",
	"\tsize_t i = 0, part;",
	"",
	"\tfor (part = 0; part < 4; part++) {",
	"\t\tsize_t start = i;",
	"\t\tunsigned v = 0;",
	"",
	"\t\twhile (i < n && is_digit(s[i]) && i - start < 3)",
	"\t\t\tv = v * 10 + (unsigned)(s[i++] - '0');",
	"\t\tif (i == start || v > 255)",
	"\t\t\treturn 0;",
	"\t\tif (part < 3 && (i == n || s[i++] != '.'))",
	"\t\t\treturn 0;",
	"\t}",
	"\treturn i == n;",
	"}",
	"",
	"static int",
	"is_hex(char c)",
	"{",
	"\treturn is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');",
	"}",
	"",
	"/* Hex groups and colons, at most one \"::\", maybe a dotted-quad tail. */",
	"static int",
	"check_ipv6(const char *s, size_t n)",
	"{",
	"\tsize_t i = 0, groups = 0, gap = 0;",
	"",
	"\tif (n >= 2 && s[0] == ':' && s[1] == ':') {",
	"\t\tgap = 1;",
	"\t\ti = 2;",
	"\t\tif (i == n)",
	"\t\t\treturn 1;",
	"\t}",
	"\tfor (;;) {",
	"\t\tsize_t start = i;",
	"",
	"\t\twhile (i < n && is_hex(s[i]) && i - start < 5)",
	"\t\t\ti++;",
	"\t\tif (i < n && s[i] == '.' && check_ipv4(s + start, n - start))",
	"\t\t\treturn gap ? groups + 2 <= 7 : groups + 2 == 8;",
	"\t\tif (i == start || i - start > 4)",
	"\t\t\treturn 0;",
	"\t\tgroups++;",
	"\t\tif (i == n)",
	"\t\t\tbreak;",
	"\t\tif (s[i++] != ':' || i == n)",
	"\t\t\treturn 0;",
	"\t\tif (s[i] == ':') {",
	"\t\t\tif (gap)",
	"\t\t\t\treturn 0;",
	"\t\t\tgap = 1;",
	"\t\t\tif (++i == n)",
	"\t\t\t\tbreak;",
	"\t\t}",
	"\t}",
	"\treturn gap ? groups <= 7 : groups == 8;",
	"}",
	"",
	"static int",
	"check_priority(const char *s, size_t n)",
	"{",
	"\tsize_t i;",
	"\tint over = 0;",
	"",
	"\tif (is_digits(s, n))",
	"\t\treturn digits_value(s, n, 0, &over) >= 1;",
	"\tif (n == 0 || !(is_alpha(s[0]) || s[0] == '_'))",
	"\t\treturn 0;",
	"\tfor (i = 1; i < n; i++)",
	"\t\tif (!is_word(s[i]))",
	"\t\t\treturn 0;",
	"\treturn 1;",
	"}",
	"",
	"static int",
	"check_type(const struct check *c, const char *s, size_t n)",
	"{",
	"\tswitch (c->type) {",
	"\tcase T_INTEGER:",
	"\t\treturn check_integer(c, s, n);",
	"\tcase T_BOOL:",
	"\t\treturn in_names(bool_words, s, n, 1);",
	"\tcase T_YESNO:",
	"\t\treturn n == 1 && (s[0] == 'Y' || s[0] == 'N');",
	"\tcase T_ENUM:",
	"\t\treturn in_names(c->values, s, n, c->flags & C_FOLD);",
	"\tcase T_CLASSLIST:",
	"\t\treturn check_classlist(s, n);",
	"\tcase T_EVENTMASK:",
	"\t\treturn in_names(bool_words, s, n, 1) || is_digits(s, n) ||",
	"\t\t       check_classlist(s, n);",
	"\tcase T_CHANNEL:",
	"\tcase T_DIALSTRING:",
	"\t\treturn check_tech(s, n);",
	"\tcase T_UNIQUEID:",
	"\t\treturn check_uniqueid(s, n);",
	"\tcase T_TIMESTAMP:",
	"\t\treturn check_timestamp(s, n);",
	"\tcase T_DATETIME:",
	"\t\treturn check_datetime(s, n);",
	"\tcase T_SECONDS:",
	"\tcase T_MILLISECONDS:",
	"\t\treturn check_count(c, s, n, LLONG_MAX);",
	"\tcase T_VARIABLE:",
	"\t\treturn check_variable(s, n);",
	"\tcase T_IPADDR:",
	"\t\treturn check_ipv4(s, n) || check_ipv6(s, n);",
	"\tcase T_PORT:",
	"\t\treturn check_count(c, s, n, 65535);",
	"\tcase T_PRIORITY:",
	"\t\treturn check_priority(s, n);",
	"\tdefault: /* string, actionid: anything */",
	"\t\treturn 1;",
	"\t}",
	"}",
	"",
	"static int",
	"check_value(const struct check *c, const char *s, size_t n)",
	"{",
	"\treturn check_type(c, s, n) &&",
	"\t       !((c->flags & C_MAXLEN) && n > c->maxlen);",
	"}",
	NULL,
};

void
cgen_value_code(struct cgen *g)
{
	out_markup(&g->o, "\n");
	cgen_lines(g, value_code);
}
