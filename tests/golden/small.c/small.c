/* generated from small.xml by amigen; do not edit */
/*
 * Validators for AMI messages: see small.h and docs/validators.md of amidict.
 */
#include <limits.h>
#include <stdint.h>
#include <string.h>

#include "small.h"

/* Value types, as in the dictionary. */
enum type {
	T_STRING,
	T_INTEGER,
	T_BOOL,
	T_YESNO,
	T_ENUM,
	T_CLASSLIST,
	T_EVENTMASK,
	T_CHANNEL,
	T_DIALSTRING,
	T_UNIQUEID,
	T_ACTIONID,
	T_TIMESTAMP,
	T_DATETIME,
	T_SECONDS,
	T_MILLISECONDS,
	T_VARIABLE,
	T_IPADDR,
	T_PORT,
	T_PRIORITY,
};

enum {
	C_MIN = 1,   /* min applies */
	C_MAX = 2,   /* max applies */
	C_MAXLEN = 4,/* maxlen applies */
	C_FOLD = 8   /* enum values match ignoring case */
};
enum { U_REQUIRED = 1, U_REPEAT = 2 };
enum { M_FREE_FORM = 1 }; /* UserEvent: other headers are the user's */

struct name {
	const char *s;
	size_t len;
};

/* A meaning of a header: how its values are checked. */
struct check {
	const char *detail; /* what a good value looks like */
	const struct name *values; /* an enum's, ended by {NULL, 0} */
	long long min, max;
	unsigned long long maxlen;
	unsigned char type, flags;
};

/* Version facts: Asterisk versions, or NULL. */
struct facts {
	const char *since, *deprecated, *removed, *renamed_to;
};

/* A header as one message uses it. */
struct use {
	unsigned short header, check;
	short facts, group; /* -1: none */
	unsigned char flags;
};

/* Groups of parameters of which one may (or must) be used. */
struct choice {
	const char *detail; /* "group: Member, Member; group: Member" */
	unsigned short first, ngroups;
	unsigned char required;
};

struct msg {
	const char *name;
	const struct use *uses, *resp; /* params or fields; response fields */
	const char *const *groups;     /* "group: Member, Member" */
	const struct choice *choices;
	unsigned short nuses, nresp, nchoices;
	short facts;
	unsigned char flags;
};

enum {
	NHEADERS = 17,
	NACTIONS = 2,
	NEVENTS = 5,
	NSEEN = (NHEADERS + 8) / 8,
	ACTIONID = 0 /* the header, or -1 */
};

/* ASCII letters in lower case; other bytes as they are. */
static const unsigned char fold[256] = {
	0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
	16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31,
	32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47,
	48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63,
	64, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111,
	112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 91, 92, 93, 94, 95,
	96, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111,
	112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123, 124, 125, 126, 127,
	128, 129, 130, 131, 132, 133, 134, 135, 136, 137, 138, 139, 140, 141, 142, 143,
	144, 145, 146, 147, 148, 149, 150, 151, 152, 153, 154, 155, 156, 157, 158, 159,
	160, 161, 162, 163, 164, 165, 166, 167, 168, 169, 170, 171, 172, 173, 174, 175,
	176, 177, 178, 179, 180, 181, 182, 183, 184, 185, 186, 187, 188, 189, 190, 191,
	192, 193, 194, 195, 196, 197, 198, 199, 200, 201, 202, 203, 204, 205, 206, 207,
	208, 209, 210, 211, 212, 213, 214, 215, 216, 217, 218, 219, 220, 221, 222, 223,
	224, 225, 226, 227, 228, 229, 230, 231, 232, 233, 234, 235, 236, 237, 238, 239,
	240, 241, 242, 243, 244, 245, 246, 247, 248, 249, 250, 251, 252, 253, 254, 255,
};

enum { FOLDED_MAX = 11 };

/* A slot of a table compared ignoring case: see same_fold(). */
struct folded {
	short id;            /* -1: empty */
	unsigned short len;
	char low[FOLDED_MAX + 1]; /* the name in lower case */
	char mask[FOLDED_MAX + 1]; /* a space where it has a letter */
};

/* n bytes as one number: any order, the same for every operand. */
static uint64_t
load8(const void *p)
{
	uint64_t w;

	memcpy(&w, p, sizeof(w));
	return w;
}

static uint32_t
load4(const void *p)
{
	uint32_t w;

	memcpy(&w, p, sizeof(w));
	return w;
}

/*
 * Whether s is the name low in any ASCII case: (s | mask) == low
 * holds byte for byte exactly then.  Eight bytes at a time, the last
 * word overlapping the one before.
 */
static int
same_fold(const unsigned char *s, const char *low, const char *mask,
          size_t n)
{
	size_t i;

	if (n >= 8) {
		for (i = 0; i + 8 < n; i += 8)
			if ((load8(s + i) | load8(mask + i)) != load8(low + i))
				return 0;
		i = n - 8;
		return (load8(s + i) | load8(mask + i)) == load8(low + i);
	}
	if (n >= 4)
		return (load4(s) | load4(mask)) == load4(low) &&
		       (load4(s + n - 4) | load4(mask + n - 4)) ==
		           load4(low + n - 4);
	for (i = 0; i < n; i++)
		if ((s[i] | (unsigned char)mask[i]) != (unsigned char)low[i])
			return 0;
	return 1;
}

static const struct name headers[18] = {
	{"ActionID", 8},
	{"Application", 11},
	{"Async", 5},
	{"Channel", 7},
	{"Context", 7},
	{"Data", 4},
	{"EventList", 9},
	{"Exten", 5},
	{"ListItems", 9},
	{"Message", 7},
	{"Priority", 8},
	{"Privilege", 9},
	{"Response", 8},
	{"Timeout", 7},
	{"Uniqueid", 8},
	{"Uniqueid1", 9},
	{"Variable", 8},
	{NULL, 0},
};
/* header: 17 names, key of the length and bytes; 16 buckets, 32 slots */
static const unsigned short header_disp[16] = {
	2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	1, 0, 5, 0,
};
static const struct folded header_slot[32] = {
	{-1, 0, "", ""},
	{-1, 0, "", ""},
	{-1, 0, "", ""},
	{3, 7, "channel", "       "},
	{14, 8, "uniqueid", "        "},
	{2, 5, "async", "     "},
	{11, 9, "privilege", "         "},
	{13, 7, "timeout", "       "},
	{-1, 0, "", ""},
	{-1, 0, "", ""},
	{-1, 0, "", ""},
	{1, 11, "application", "           "},
	{12, 8, "response", "        "},
	{8, 9, "listitems", "         "},
	{7, 5, "exten", "     "},
	{-1, 0, "", ""},
	{-1, 0, "", ""},
	{4, 7, "context", "       "},
	{6, 9, "eventlist", "         "},
	{0, 8, "actionid", "        "},
	{15, 9, "uniqueid1", "        \0"},
	{9, 7, "message", "       "},
	{5, 4, "data", "    "},
	{10, 8, "priority", "        "},
	{-1, 0, "", ""},
	{-1, 0, "", ""},
	{16, 8, "variable", "        "},
	{-1, 0, "", ""},
	{-1, 0, "", ""},
	{-1, 0, "", ""},
	{-1, 0, "", ""},
	{-1, 0, "", ""},
};

int
small_header_lookup(const char *name, size_t len)
{
	const unsigned char *s = (const unsigned char *)name;
	uint64_t x;
	const struct folded *e;

	if (len - 1 >= 11) /* empty, or longer than any */
		return -1;
	x = 0;
	x = (x << 8) | s[len > 1 ? 1 : len - 1];
	x |= UINT64_C(0x20); /* case */
	x ^= (uint64_t)len << 8;
	x = (x ^ UINT64_C(0x910a2dec89025cc1)) * UINT64_C(0x9e3779b97f4a7c15);
	e = &header_slot[((x >> 55) & 0x1f) ^ header_disp[x >> 60]];
	if (e->len != len || !same_fold(s, e->low, e->mask, len))
		return -1;
	return e->id;
}

const char *
small_header_name(int id)
{
	return id >= 0 && id < NHEADERS ? headers[id].s : NULL;
}

int
small_header_count(void)
{
	return NHEADERS;
}

static const struct name action_names[3] = {
	{"Originate", 9},
	{"Status", 6},
	{NULL, 0},
};
/* action: 2 names, key of the length and bytes; 2 buckets, 4 slots */
static const unsigned short action_disp[2] = {
	0, 0,
};
static const struct folded action_slot[4] = {
	{-1, 0, "", ""},
	{-1, 0, "", ""},
	{1, 6, "status", "      "},
	{0, 9, "originate", "         "},
};

int
small_action_lookup(const char *name, size_t len)
{
	const unsigned char *s = (const unsigned char *)name;
	uint64_t x;
	const struct folded *e;

	if (len - 1 >= 9) /* empty, or longer than any */
		return -1;
	x = len;
	x = (x ^ UINT64_C(0x910a2dec89025cc1)) * UINT64_C(0x9e3779b97f4a7c15);
	e = &action_slot[((x >> 61) & 0x3) ^ action_disp[x >> 63]];
	if (e->len != len || !same_fold(s, e->low, e->mask, len))
		return -1;
	return e->id;
}

const char *
small_action_name(int id)
{
	return id >= 0 && id < NACTIONS ? action_names[id].s : NULL;
}

static const struct name event_names[6] = {
	{"Bridge", 6},
	{"Link", 4},
	{"OriginateResponse", 17},
	{"Status", 6},
	{"StatusComplete", 14},
	{NULL, 0},
};
/* event: 5 names, key of the length and bytes; 4 buckets, 8 slots */
static const unsigned short event_disp[4] = {
	1, 0, 2, 4,
};
static const short event_slot[8] = {
	0, -1, -1, -1, 3, 2, 4, 1,
};

int
small_event_lookup(const char *name, size_t len)
{
	const unsigned char *s = (const unsigned char *)name;
	uint64_t x;
	int id;

	if (len - 1 >= 17) /* empty, or longer than any */
		return -1;
	x = 0;
	x = (x << 8) | s[0];
	x ^= (uint64_t)len << 8;
	x = (x ^ UINT64_C(0x1d0b14e4db018fed)) * UINT64_C(0x9e3779b97f4a7c15);
	id = event_slot[((x >> 59) & 0x7) ^ event_disp[x >> 62]];
	if (id < 0 || event_names[id].len != len ||
	    memcmp(s, event_names[id].s, len) != 0)
		return -1;
	return id;
}

const char *
small_event_name(int id)
{
	return id >= 0 && id < NEVENTS ? event_names[id].s : NULL;
}

/* Privilege classes, for classlist and eventmask values. */
static const struct name classes[] = {
	{"call", 4},
	{"originate", 9},
	{"system", 6},
	{NULL, 0},
};

static const struct name values_7[] = {
	{"start", 5},
	{"Complete", 8},
	{NULL, 0},
};
static const struct name values_13[] = {
	{"Success", 7},
	{"Error", 5},
	{"Follows", 7},
	{"Failure", 7},
	{NULL, 0},
};

/* One check per meaning of a header. */
static const struct check checks[19] = {
	/* 0: ActionID */
	{"action id, at most 67 bytes", NULL, 0LL, 0LL, 67ULL, T_ACTIONID, C_MAXLEN},
	/* 1: Application */
	{"string", NULL, 0LL, 0LL, 0ULL, T_STRING, 0},
	/* 2: Async */
	{"Asterisk boolean (yes/true/y/t/1/on or no/false/n/f/0/off)", NULL, 0LL, 0LL, 0ULL, T_BOOL, 0},
	/* 3: Channel/channel */
	{"channel name Tech/resource", NULL, 0LL, 0LL, 0ULL, T_CHANNEL, 0},
	/* 4: Channel/dialstring */
	{"dial string Tech/resource", NULL, 0LL, 0LL, 0ULL, T_DIALSTRING, 0},
	/* 5: Context */
	{"string", NULL, 0LL, 0LL, 0ULL, T_STRING, 0},
	/* 6: Data */
	{"string", NULL, 0LL, 0LL, 0ULL, T_STRING, 0},
	/* 7: EventList */
	{"one of: start, Complete", values_7, 0LL, 0LL, 0ULL, T_ENUM, 0},
	/* 8: Exten */
	{"string", NULL, 0LL, 0LL, 0ULL, T_STRING, 0},
	/* 9: ListItems */
	{"integer >= 0", NULL, 0LL, 0LL, 0ULL, T_INTEGER, C_MIN},
	/* 10: Message */
	{"string", NULL, 0LL, 0LL, 0ULL, T_STRING, 0},
	/* 11: Priority */
	{"priority: a positive integer or a label", NULL, 0LL, 0LL, 0ULL, T_PRIORITY, 0},
	/* 12: Privilege */
	{"comma-separated classes: call, originate, system", NULL, 0LL, 0LL, 0ULL, T_CLASSLIST, 0},
	/* 13: Response */
	{"one of: Success, Error, Follows, Failure", values_13, 0LL, 0LL, 0ULL, T_ENUM, 0},
	/* 14: Timeout/originate */
	{"whole milliseconds >= 0", NULL, 0LL, 0LL, 0ULL, T_MILLISECONDS, C_MIN},
	/* 15: Uniqueid */
	{"unique id without blanks", NULL, 0LL, 0LL, 0ULL, T_UNIQUEID, 0},
	/* 16: Uniqueid1 */
	{"unique id without blanks", NULL, 0LL, 0LL, 0ULL, T_UNIQUEID, 0},
	/* 17: Variable/assign */
	{"NAME=value", NULL, 0LL, 0LL, 0ULL, T_VARIABLE, 0},
	{NULL, NULL, 0LL, 0LL, 0ULL, T_STRING, 0},
};

/* Originate */
static const struct use a0_uses[] = {
	{3, 4, -1, -1, U_REQUIRED}, /* Channel */
	{7, 8, -1, 0, U_REQUIRED}, /* Exten */
	{4, 5, -1, 0, U_REQUIRED}, /* Context */
	{10, 11, -1, 0, U_REQUIRED}, /* Priority */
	{1, 1, -1, 1, U_REQUIRED}, /* Application */
	{5, 6, -1, 1, 0}, /* Data */
	{13, 14, -1, -1, 0}, /* Timeout */
	{2, 2, -1, -1, 0}, /* Async */
	{16, 17, -1, -1, U_REPEAT}, /* Variable */
};
static const struct use a0_resp[] = {
	{9, 10, -1, -1, 0}, /* Message */
};
static const char *const a0_groups[] = {
	"dialplan: Exten, Context, Priority",
	"application: Application, Data",
};
static const struct choice a0_choices[] = {
	{"dialplan: Exten, Context, Priority; application: Application, Data", 0, 2, 1},
};

/* Status */
static const struct use a1_uses[] = {
	{3, 3, -1, -1, 0}, /* Channel */
};
static const struct use a1_resp[] = {
	{6, 7, -1, -1, 0}, /* EventList */
};

static const struct msg actions[3] = {{
	.name = "Originate",
	.uses = a0_uses,
	.nuses = 9,
	.resp = a0_resp,
	.nresp = 1,
	.groups = a0_groups,
	.choices = a0_choices,
	.nchoices = 1,
	.facts = 0,
	.flags = 0,
}, {
	.name = "Status",
	.uses = a1_uses,
	.nuses = 1,
	.resp = a1_resp,
	.nresp = 1,
	.facts = -1,
	.flags = 0,
}, {
	.name = NULL,
	.facts = -1,
}};

/* Bridge */
static const struct use e0_uses[] = {
	{15, 16, 1, -1, U_REQUIRED}, /* Uniqueid1 */
};

/* Link */
static const struct use e1_uses[] = {
	{15, 16, 1, -1, U_REQUIRED}, /* Uniqueid1 */
};

/* OriginateResponse */
static const struct use e2_uses[] = {
	{12, 13, -1, -1, U_REQUIRED}, /* Response */
	{3, 3, -1, -1, U_REQUIRED}, /* Channel */
};

/* Status */
static const struct use e3_uses[] = {
	{3, 3, -1, -1, U_REQUIRED}, /* Channel */
	{14, 15, -1, -1, U_REQUIRED}, /* Uniqueid */
};

/* StatusComplete */
static const struct use e4_uses[] = {
	{6, 7, -1, -1, U_REQUIRED}, /* EventList */
	{8, 9, -1, -1, U_REQUIRED}, /* ListItems */
};

static const struct msg events[6] = {{
	.name = "Bridge",
	.uses = e0_uses,
	.nuses = 1,
	.facts = 2,
	.flags = 0,
}, {
	.name = "Link",
	.uses = e1_uses,
	.nuses = 1,
	.facts = 3,
	.flags = 0,
}, {
	.name = "OriginateResponse",
	.uses = e2_uses,
	.nuses = 2,
	.facts = -1,
	.flags = 0,
}, {
	.name = "Status",
	.uses = e3_uses,
	.nuses = 2,
	.facts = -1,
	.flags = 0,
}, {
	.name = "StatusComplete",
	.uses = e4_uses,
	.nuses = 2,
	.facts = -1,
	.flags = 0,
}, {
	.name = NULL,
	.facts = -1,
}};

/* Error */
static const struct use r0_uses[] = {
	{9, 10, -1, -1, U_REQUIRED}, /* Message */
};

/* Success */
static const struct use r1_uses[] = {
	{9, 10, -1, -1, 0}, /* Message */
};

static const struct msg responses[3] = {{
	.name = "Error",
	.uses = r0_uses,
	.nuses = 1,
	.facts = -1,
	.flags = 0,
}, {
	.name = "Success",
	.uses = r1_uses,
	.nuses = 1,
	.facts = -1,
	.flags = 0,
}, {
	.name = NULL,
	.facts = -1,
}};

/* headers common to every action */
static const struct use common_action_uses[] = {
	{0, 0, -1, -1, 0}, /* ActionID */
};
static const struct msg common_action = {
	.name = NULL,
	.uses = common_action_uses,
	.nuses = 1,
	.facts = -1,
	.flags = 0,
};

/* headers common to every event */
static const struct use common_event_uses[] = {
	{11, 12, -1, -1, 0}, /* Privilege */
};
static const struct msg common_event = {
	.name = NULL,
	.uses = common_event_uses,
	.nuses = 1,
	.facts = -1,
	.flags = 0,
};

/* headers common to every response */
static const struct use common_response_uses[] = {
	{0, 0, -1, -1, 0}, /* ActionID */
};
static const struct msg common_response = {
	.name = NULL,
	.uses = common_response_uses,
	.nuses = 1,
	.facts = -1,
	.flags = 0,
};

/* Version facts: since, deprecated, removed, renamed to. */
static const struct facts facts[5] = {
	{"1.0", NULL, NULL, NULL},
	{NULL, NULL, "12", "Uniqueid"},
	{"1.6", NULL, "12", NULL},
	{NULL, NULL, "1.6", "Bridge"},
	{NULL, NULL, NULL, NULL},
};

static int
eq_fold(const char *a, const char *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (fold[(unsigned char)a[i]] != fold[(unsigned char)b[i]])
			return 0;
	return 1;
}

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
in_range(const struct check *c, long long v, int over)
{
	if (over)
		return v < 0 ? !(c->flags & C_MIN) : !(c->flags & C_MAX);
	return !((c->flags & C_MIN) && v < c->min) &&
	       !((c->flags & C_MAX) && v > c->max);
}

static int
check_integer(const struct check *c, const char *s, size_t n)
{
	size_t neg = n > 0 && s[0] == '-';
	int over = 0;
	long long v;

	if (!is_digits(s + neg, n - neg))
		return 0;
	v = digits_value(s + neg, n - neg, neg != 0, &over);
	return in_range(c, v, over);
}

/* seconds, milliseconds, port: digits, at most hi. */
static int
check_count(const struct check *c, const char *s, size_t n, long long hi)
{
	int over = 0;
	long long v;

	if (!is_digits(s, n))
		return 0;
	v = digits_value(s, n, 0, &over);
	return v <= hi && in_range(c, v, over);
}

static int
in_names(const struct name *v, const char *s, size_t n, int casefold)
{
	for (; v->s != NULL; v++)
		if (v->len == n && (casefold ? eq_fold(s, v->s, n)
		                             : memcmp(s, v->s, n) == 0))
			return 1;
	return 0;
}

/* Asterisk's ast_true and ast_false words. */
static const struct name bool_words[] = {
	{"yes", 3}, {"true", 4},  {"y", 1}, {"t", 1}, {"1", 1}, {"on", 2},
	{"no", 2},  {"false", 5}, {"n", 1}, {"f", 1}, {"0", 1}, {"off", 3},
	{NULL, 0},
};

static int
is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static int
check_classlist(const char *s, size_t n)
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
		if (end == start || !in_names(classes, s + start, end - start, 1))
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

	while (i < n && is_word(s[i]) && s[i] != '/')
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
check_type(const struct check *c, const char *s, size_t n)
{
	switch (c->type) {
	case T_INTEGER:
		return check_integer(c, s, n);
	case T_BOOL:
		return in_names(bool_words, s, n, 1);
	case T_YESNO:
		return n == 1 && (s[0] == 'Y' || s[0] == 'N');
	case T_ENUM:
		return in_names(c->values, s, n, c->flags & C_FOLD);
	case T_CLASSLIST:
		return check_classlist(s, n);
	case T_EVENTMASK:
		return in_names(bool_words, s, n, 1) || is_digits(s, n) ||
		       check_classlist(s, n);
	case T_CHANNEL:
	case T_DIALSTRING:
		return check_tech(s, n);
	case T_UNIQUEID:
		return check_uniqueid(s, n);
	case T_TIMESTAMP:
		return check_timestamp(s, n);
	case T_DATETIME:
		return check_datetime(s, n);
	case T_SECONDS:
	case T_MILLISECONDS:
		return check_count(c, s, n, LLONG_MAX);
	case T_VARIABLE:
		return check_variable(s, n);
	case T_IPADDR:
		return check_ipv4(s, n) || check_ipv6(s, n);
	case T_PORT:
		return check_count(c, s, n, 65535);
	case T_PRIORITY:
		return check_priority(s, n);
	default: /* string, actionid: anything */
		return 1;
	}
}

static int
check_value(const struct check *c, const char *s, size_t n)
{
	return check_type(c, s, n) &&
	       !((c->flags & C_MAXLEN) && n > c->maxlen);
}

/* An event known under another case: the first in strcmp order. */
static int
event_lookup_fold(const char *name, size_t len)
{
	int i;

	for (i = 0; i < NEVENTS; i++)
		if (event_names[i].len == len &&
		    eq_fold(event_names[i].s, name, len))
			return i;
	return -1;
}

/* Response names match exactly, as Asterisk spells them. */
static const struct msg *
response_lookup(const char *name, size_t len)
{
	const struct msg *m;

	for (m = responses; m->name != NULL; m++)
		if (strlen(m->name) == len && memcmp(m->name, name, len) == 0)
			return m;
	return NULL;
}

/* The state of one validation: the message, its use sets, what was seen. */
struct run {
	const struct small_field *f;
	size_t n, count;
	small_report_fn fn;
	void *ctx;
	const struct use *set[3];  /* where a header's use is looked up */
	size_t nset[3], nsets;
	int set_required[3];       /* whether the set's required flags apply */
	int strict;                /* report headers no set allows */
	int empty_missing;         /* an empty value counts as absent */
	unsigned char seen[NSEEN]; /* bit per header: present */
	unsigned char full[NSEEN]; /* bit per header: with a value */
};

static void
report(struct run *r, enum small_problem p, size_t field,
    const char *name, const char *detail, int fa)
{
	struct small_report rep;

	r->count++;
	if (r->fn == NULL)
		return;
	rep.problem = p;
	rep.field = field;
	rep.name = name;
	rep.detail = detail;
	rep.since = fa >= 0 ? facts[fa].since : NULL;
	rep.deprecated = fa >= 0 ? facts[fa].deprecated : NULL;
	rep.removed = fa >= 0 ? facts[fa].removed : NULL;
	rep.renamed_to = fa >= 0 ? facts[fa].renamed_to : NULL;
	r->fn(r->ctx, &rep);
}

static int
test_bit(const unsigned char *v, int h)
{
	return v[h >> 3] >> (h & 7) & 1;
}

static void
set_bit(unsigned char *v, int h)
{
	v[h >> 3] = (unsigned char)(v[h >> 3] | 1u << (h & 7));
}

static void
add_set(struct run *r, const struct use *u, size_t n, int required)
{
	r->set[r->nsets] = u;
	r->nset[r->nsets] = n;
	r->set_required[r->nsets] = required;
	r->nsets++;
}

/* The first use of header h in the sets, in order; NULL if none. */
static const struct use *
find_use(const struct run *r, int h)
{
	size_t s, i;

	for (s = 0; s < r->nsets; s++)
		for (i = 0; i < r->nset[s]; i++)
			if (r->set[s][i].header == h)
				return &r->set[s][i];
	return NULL;
}

static int
present(const struct run *r, int h)
{
	return test_bit(r->empty_missing ? r->full : r->seen, h);
}

/* Field i, header h (or -1); again: the header came earlier. */
static void
check_field(struct run *r, size_t i, int h, int again)
{
	const struct small_field *fd = &r->f[i];
	const struct use *u;
	const char *name;

	if (h < 0) {
		report(r, SMALL_UNKNOWN_HEADER, i, NULL, NULL, -1);
		return;
	}
	name = headers[h].s;
	if (memcmp(fd->name.ptr, name, fd->name.len) != 0)
		report(r, SMALL_HEADER_CASE, i, name, NULL, -1);
	if ((u = find_use(r, h)) == NULL) {
		if (r->strict)
			report(r, SMALL_NOT_FOR_MESSAGE, i, name, NULL, -1);
		return;
	}
	if (again && !(u->flags & U_REPEAT))
		report(r, SMALL_REPEATED, i, name, NULL, -1);
	if (fd->value.len > 0 &&
	    !check_value(&checks[u->check], fd->value.ptr, fd->value.len))
		report(r, SMALL_BAD_VALUE, i, name, checks[u->check].detail, -1);
	if (u->facts >= 0)
		report(r, SMALL_DEPRECATED_HEADER, i, name, NULL, u->facts);
}

/*
 * Every field in wire order.  The first (the type header) is checked by
 * first_header() alone, but counts as present like the others.
 */
static void
check_fields(struct run *r, int free_form)
{
	size_t i;

	for (i = 0; i < r->n; i++) {
		const struct small_field *fd = &r->f[i];
		int h = small_header_lookup(fd->name.ptr, fd->name.len);
		int again = h >= 0 && test_bit(r->seen, h);

		if (h >= 0) {
			set_bit(r->seen, h);
			if (fd->value.len > 0)
				set_bit(r->full, h);
		}
		if (i == 0 || (free_form && (h < 0 || h != ACTIONID)))
			continue;
		check_field(r, i, h, again);
	}
}

static void
check_required(struct run *r)
{
	size_t s, i;

	for (s = 0; s < r->nsets; s++)
		for (i = 0; i < r->nset[s]; i++) {
			const struct use *u = &r->set[s][i];

			if (!r->set_required[s] || !(u->flags & U_REQUIRED) ||
			    u->group >= 0 || find_use(r, u->header) != u ||
			    present(r, u->header))
				continue;
			report(r, SMALL_MISSING_REQUIRED, r->n,
			       headers[u->header].s, NULL, -1);
		}
}

static int
group_used(const struct run *r, const struct msg *m, int g)
{
	size_t i;

	for (i = 0; i < m->nuses; i++)
		if (m->uses[i].group == g && present(r, m->uses[i].header))
			return 1;
	return 0;
}

static void
check_choice(struct run *r, const struct msg *m, const struct choice *c)
{
	size_t i, used = 0;
	int g;

	for (g = c->first; g < c->first + c->ngroups; g++) {
		if (!group_used(r, m, g))
			continue;
		used++;
		for (i = 0; i < m->nuses; i++) {
			const struct use *u = &m->uses[i];

			if (u->group == g && (u->flags & U_REQUIRED) &&
			    !present(r, u->header))
				report(r, SMALL_INCOMPLETE_GROUP, r->n,
				       headers[u->header].s, m->groups[g], -1);
		}
	}
	if (used == 0 && c->required)
		report(r, SMALL_NO_GROUP, r->n, m->name, c->detail, -1);
	if (used > 1)
		report(r, SMALL_CONFLICTING_GROUPS, r->n, m->name, c->detail, -1);
}

/* The passes after the first header; m is the message, or NULL. */
static size_t
finish(struct run *r, const struct msg *m)
{
	size_t c;

	check_fields(r, m != NULL && (m->flags & M_FREE_FORM));
	check_required(r);
	if (m == NULL)
		return r->count;
	for (c = 0; c < m->nchoices; c++)
		check_choice(r, m, &m->choices[c]);
	if (m->facts >= 0)
		report(r, SMALL_DEPRECATED_MESSAGE, 0, m->name, NULL, m->facts);
	return r->count;
}

static const struct name kinds[] = {
	{"Action", 6}, {"Event", 5}, {"Response", 8}, {NULL, 0},
};

enum { K_ACTION, K_EVENT, K_RESPONSE };

/* Which kind of message the first header starts; -1 when none. */
static int
first_header(struct run *r)
{
	const struct small_slice *s = &r->f[0].name;
	int k;

	for (k = 0; r->n > 0 && kinds[k].s != NULL; k++)
		if (s->len == kinds[k].len && eq_fold(s->ptr, kinds[k].s, s->len)) {
			if (memcmp(s->ptr, kinds[k].s, s->len) != 0)
				report(r, SMALL_HEADER_CASE, 0, kinds[k].s, NULL, -1);
			return k;
		}
	report(r, SMALL_FIRST_HEADER, 0, NULL, NULL, -1);
	return -1;
}

static size_t
validate_action(struct run *r)
{
	const struct small_slice *v = &r->f[0].value;
	int id = small_action_lookup(v->ptr, v->len);
	const struct msg *m = id >= 0 ? &actions[id] : NULL;

	if (m == NULL)
		report(r, SMALL_UNKNOWN_ACTION, 0, NULL, NULL, -1);
	else
		add_set(r, m->uses, m->nuses, 1);
	add_set(r, common_action.uses, common_action.nuses, 1);
	r->strict = m != NULL;
	r->empty_missing = 1;
	return finish(r, m);
}

static size_t
validate_event(struct run *r)
{
	const struct small_slice *v = &r->f[0].value;
	int id = small_event_lookup(v->ptr, v->len);
	const struct msg *m;

	if (id < 0 && (id = event_lookup_fold(v->ptr, v->len)) >= 0)
		report(r, SMALL_MESSAGE_CASE, 0, events[id].name, NULL, -1);
	m = id >= 0 ? &events[id] : NULL;
	if (m == NULL)
		report(r, SMALL_UNKNOWN_EVENT, 0, NULL, NULL, -1);
	else
		add_set(r, m->uses, m->nuses, 1);
	add_set(r, common_event.uses, common_event.nuses, 1);
	r->strict = m != NULL;
	return finish(r, m);
}

/* A response, to action a if known: a's fields are required on Success. */
static size_t
validate_resp(struct run *r, const struct msg *a)
{
	const struct small_slice *v = &r->f[0].value;
	const struct msg *m = response_lookup(v->ptr, v->len);
	int success = v->len == 7 && memcmp(v->ptr, "Success", 7) == 0;

	if (m != NULL)
		add_set(r, m->uses, m->nuses, 1);
	if (a != NULL)
		add_set(r, a->resp, a->nresp, success);
	add_set(r, common_response.uses, common_response.nuses, 1);
	r->strict = a != NULL;
	return finish(r, m);
}

size_t
small_validate(const struct small_field *f, size_t n, small_report_fn fn,
    void *ctx)
{
	return small_validate_response(f, n, -1, fn, ctx);
}

size_t
small_validate_response(const struct small_field *f, size_t n,
    int action, small_report_fn fn, void *ctx)
{
	struct run r = {0};

	r.f = f;
	r.n = n;
	r.fn = fn;
	r.ctx = ctx;
	switch (first_header(&r)) {
	case K_ACTION:
		return validate_action(&r);
	case K_EVENT:
		return validate_event(&r);
	case K_RESPONSE:
		return validate_resp(&r, action >= 0 && action < NACTIONS
		                             ? &actions[action]
		                             : NULL);
	default:
		return r.count;
	}
}
