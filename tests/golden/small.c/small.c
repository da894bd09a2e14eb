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
/*
 * U_LATER: an earlier use of the same message has the same header;
 * U_ANY: its check takes any value (a string without a maximum length);
 * U_QUIET: U_ANY and no version facts (a field that is the first of its
 * header and spelt right has nothing to report).
 */
enum { U_REQUIRED = 1, U_REPEAT = 2, U_LATER = 4, U_ANY = 8, U_QUIET = 16 };
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

/*
 * The uses of one message (its parameters, fields or response fields),
 * with a map from header ids to the first use of each: slots of
 * index << 16 | (id + 1), 0 when empty, open addressing from use_home().
 */
struct uses {
	const struct use *v;
	const uint32_t *map;       /* mask + 1 slots */
	const unsigned short *req; /* required uses outside groups, in order */
	unsigned short n, mask, nreq;
};

/* Groups of parameters of which one may (or must) be used. */
struct choice {
	const char *detail; /* "group: Member, Member; group: Member" */
	unsigned short first, ngroups;
	unsigned char required;
};

struct msg {
	const char *name;
	struct uses uses, resp;    /* params or fields; response fields */
	const char *const *groups; /* "group: Member, Member" */
	const struct choice *choices;
	unsigned short nchoices;
	short facts;
	unsigned char flags;
};

enum {
	NHEADERS = 17,
	NACTIONS = 2,
	NEVENTS = 5,
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

/* A slot of a table compared ignoring case: see match_fold(). */
struct folded {
	short id;            /* -1: empty */
	unsigned short len;
	char name[FOLDED_MAX + 1]; /* the name as the dictionary spells it */
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
 * The bits where n bytes at s and name differ, outside those mask has
 * when any_case.  Eight bytes at a time, the last word overlapping the one
 * before.
 */
static inline uint64_t
differ(const unsigned char *s, const char *name, const char *mask, size_t n,
       int any_case)
{
	uint64_t d;
	size_t i;

	/* The first and the last word: names of up to 16 bytes, no loop. */
	if (n >= 8) {
		d = ((load8(s) ^ load8(name)) & ~(any_case ? load8(mask) : 0)) |
		    ((load8(s + n - 8) ^ load8(name + n - 8)) &
		     ~(any_case ? load8(mask + n - 8) : 0));
		for (i = 8; i + 8 < n; i += 8)
			d |= (load8(s + i) ^ load8(name + i)) &
			     ~(any_case ? load8(mask + i) : 0);
		return d;
	}
	if (n >= 4)
		return ((load4(s) ^ load4(name)) &
		        ~(any_case ? load4(mask) : 0)) |
		       ((load4(s + n - 4) ^ load4(name + n - 4)) &
		        ~(any_case ? load4(mask + n - 4) : 0));
	for (d = 0, i = 0; i < n; i++)
		d |= (uint64_t)(s[i] ^ (unsigned char)name[i]) &
		     ~(uint64_t)(any_case ? (unsigned char)mask[i] : 0);
	return d;
}

/*
 * Whether s is name in any ASCII case: s ^ name may differ only in the
 * bits mask has (0x20 where name has a letter).  2 when s is name as
 * spelt (nearly always, and the quickest), 1 in another case, 0 when it
 * is another name.
 */
static inline int
match_fold(const unsigned char *s, const char *name, const char *mask,
           size_t n)
{
	if (differ(s, name, mask, n, 0) == 0)
		return 2;
	return differ(s, name, mask, n, 1) == 0;
}

/*
 * What a look-up ignoring case finds: the id, and whether the name is
 * spelt as the dictionary spells it, in one int that stays in a register
 * (found_id(), found_cased()); -1 when the name is unknown.
 */
static inline int
found(int id, int cased)
{
	return id * 2 + (cased != 0);
}

static inline int
found_id(int k)
{
	return k < 0 ? -1 : k / 2;
}

static inline int
found_cased(int k)
{
	return k >= 0 && k % 2 == 1;
}

/* memcmp(a, b, n) == 0, inline: the names and values are short. */
static inline int
same_bytes(const void *a, const char *b, size_t n)
{
	return differ((const unsigned char *)a, b, b, n, 0) == 0;
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
	0, 0, 0, 0, 0, 0, 5, 3, 0, 0, 1, 0,
	0, 1, 2, 2,
};
static const struct folded header_slot[32] = {
	{-1, 0, "", ""},
	{-1, 0, "", ""},
	{1, 11, "Application", "           "},
	{9, 7, "Message", "       "},
	{-1, 0, "", ""},
	{-1, 0, "", ""},
	{5, 4, "Data", "    "},
	{11, 9, "Privilege", "         "},
	{-1, 0, "", ""},
	{-1, 0, "", ""},
	{-1, 0, "", ""},
	{-1, 0, "", ""},
	{0, 8, "ActionID", "        "},
	{-1, 0, "", ""},
	{-1, 0, "", ""},
	{-1, 0, "", ""},
	{-1, 0, "", ""},
	{7, 5, "Exten", "     "},
	{12, 8, "Response", "        "},
	{8, 9, "ListItems", "         "},
	{-1, 0, "", ""},
	{3, 7, "Channel", "       "},
	{2, 5, "Async", "     "},
	{15, 9, "Uniqueid1", "        \0"},
	{13, 7, "Timeout", "       "},
	{-1, 0, "", ""},
	{4, 7, "Context", "       "},
	{16, 8, "Variable", "        "},
	{14, 8, "Uniqueid", "        "},
	{10, 8, "Priority", "        "},
	{-1, 0, "", ""},
	{6, 9, "EventList", "         "},
};

/*
 * Bytes as a little-endian number, whatever the machine: compilers make
 * it one load (inline, so that they see it).
 */
static inline uint64_t
le8(const unsigned char *s)
{
	return (uint64_t)s[0] | (uint64_t)s[1] << 8 | (uint64_t)s[2] << 16 |
	       (uint64_t)s[3] << 24 | (uint64_t)s[4] << 32 |
	       (uint64_t)s[5] << 40 | (uint64_t)s[6] << 48 |
	       (uint64_t)s[7] << 56;
}

static inline uint64_t
le4(const unsigned char *s)
{
	return (uint64_t)s[0] | (uint64_t)s[1] << 8 | (uint64_t)s[2] << 16 |
	       (uint64_t)s[3] << 24;
}

static int header_find(const char *name, size_t len);

int
small_header_lookup(const char *name, size_t len)
{
	return found_id(header_find(name, len));
}

/* Name among the header names: see found(). */
static int
header_find(const char *name, size_t len)
{
	const unsigned char *s = (const unsigned char *)name;
	uint64_t x, lo, hi = 0, f;
	const struct folded *e;
	int m;

	if (len - 1 >= 11) /* empty, or longer than any */
		return -1;
	f = UINT64_C(0x2020202020202020);
	if (len >= 8) {
		lo = le8(s);
		hi = le8(s + len - 8);
	} else if (len >= 4) {
		lo = le4(s);
		hi = le4(s + len - 4);
	} else
		lo = (uint64_t)s[0] | (uint64_t)s[len / 2] << 8 |
		     (uint64_t)s[len - 1] << 16;
	x = ((lo | f) * UINT64_C(0x9e3779b97f4a7c15)) ^ (hi | f) ^ len;
	x = (x ^ UINT64_C(0x1d0b14e4db018fed)) * UINT64_C(0x9e3779b97f4a7c15);
	e = &header_slot[((x >> 55) & 0x1f) ^ header_disp[x >> 60]];
	if (e->len != len ||
	    (m = match_fold(s, e->name, e->mask, len)) == 0)
		return -1;
	return found(e->id, m == 2);
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
	0, 1,
};
static const struct folded action_slot[4] = {
	{0, 9, "Originate", "         "},
	{1, 6, "Status", "      "},
	{-1, 0, "", ""},
	{-1, 0, "", ""},
};

static int action_find(const char *name, size_t len);

int
small_action_lookup(const char *name, size_t len)
{
	return found_id(action_find(name, len));
}

/* Name among the action names: see found(). */
static int
action_find(const char *name, size_t len)
{
	const unsigned char *s = (const unsigned char *)name;
	uint64_t x, lo, hi = 0, f;
	const struct folded *e;
	int m;

	if (len - 1 >= 9) /* empty, or longer than any */
		return -1;
	f = UINT64_C(0x2020202020202020);
	if (len >= 8) {
		lo = le8(s);
		hi = le8(s + len - 8);
	} else if (len >= 4) {
		lo = le4(s);
		hi = le4(s + len - 4);
	} else
		lo = (uint64_t)s[0] | (uint64_t)s[len / 2] << 8 |
		     (uint64_t)s[len - 1] << 16;
	x = ((lo | f) * UINT64_C(0x9e3779b97f4a7c15)) ^ (hi | f) ^ len;
	x = (x ^ UINT64_C(0x910a2dec89025cc1)) * UINT64_C(0x9e3779b97f4a7c15);
	e = &action_slot[((x >> 61) & 0x3) ^ action_disp[x >> 63]];
	if (e->len != len ||
	    (m = match_fold(s, e->name, e->mask, len)) == 0)
		return -1;
	return found(e->id, m == 2);
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
	0, 0, 0, 0,
};
static const short event_slot[8] = {
	-1, 1, -1, 2, -1, 0, 3, 4,
};

static int event_find(const char *name, size_t len);

int
small_event_lookup(const char *name, size_t len)
{
	return event_find(name, len);
}

/* The id of name among the event names, or -1. */
static int
event_find(const char *name, size_t len)
{
	const unsigned char *s = (const unsigned char *)name;
	uint64_t x, lo, hi = 0;
	int id;

	if (len - 1 >= 17) /* empty, or longer than any */
		return -1;
	if (len >= 8) {
		lo = le8(s);
		hi = le8(s + len - 8);
	} else if (len >= 4) {
		lo = le4(s);
		hi = le4(s + len - 4);
	} else
		lo = (uint64_t)s[0] | (uint64_t)s[len / 2] << 8 |
		     (uint64_t)s[len - 1] << 16;
	x = (lo * UINT64_C(0x9e3779b97f4a7c15)) ^ hi ^ len;
	x = (x ^ UINT64_C(0x910a2dec89025cc1)) * UINT64_C(0x9e3779b97f4a7c15);
	id = event_slot[((x >> 59) & 0x7) ^ event_disp[x >> 62]];
	if (id < 0 || event_names[id].len != len ||
	    !same_bytes(s, event_names[id].s, len))
		return -1;
	return id;
}

const char *
small_event_name(int id)
{
	return id >= 0 && id < NEVENTS ? event_names[id].s : NULL;
}

/* class: 3 names, key of the length and bytes; 2 buckets, 4 slots */
static const unsigned short class_disp[2] = {
	0, 0,
};
static const struct folded class_slot[4] = {
	{1, 9, "originate", "         "},
	{2, 6, "system", "      "},
	{-1, 0, "", ""},
	{0, 4, "call", "    "},
};

/* Name among the class names: see found(). */
static int
class_find(const char *name, size_t len)
{
	const unsigned char *s = (const unsigned char *)name;
	uint64_t x, lo, hi = 0, f;
	const struct folded *e;
	int m;

	if (len - 1 >= 9) /* empty, or longer than any */
		return -1;
	f = UINT64_C(0x2020202020202020);
	if (len >= 8) {
		lo = le8(s);
		hi = le8(s + len - 8);
	} else if (len >= 4) {
		lo = le4(s);
		hi = le4(s + len - 4);
	} else
		lo = (uint64_t)s[0] | (uint64_t)s[len / 2] << 8 |
		     (uint64_t)s[len - 1] << 16;
	x = ((lo | f) * UINT64_C(0x9e3779b97f4a7c15)) ^ (hi | f) ^ len;
	x = (x ^ UINT64_C(0x910a2dec89025cc1)) * UINT64_C(0x9e3779b97f4a7c15);
	e = &class_slot[((x >> 61) & 0x3) ^ class_disp[x >> 63]];
	if (e->len != len ||
	    (m = match_fold(s, e->name, e->mask, len)) == 0)
		return -1;
	return found(e->id, m == 2);
}
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

/* The most uses one message is checked against. */
enum { NUSES_MAX = 10 };

/* The map of a message without uses. */
static const uint32_t no_map[1] = {0};

/* Where a map holds header h, or the first slot to try. */
static unsigned
use_home(int h)
{
	return ((uint32_t)h * UINT32_C(0x9e3779b1)) >> 16;
}

/* Originate */
static const struct use a0_uses[] = {
	{3, 4, -1, -1, U_REQUIRED}, /* Channel */
	{7, 8, -1, 0, U_REQUIRED | U_ANY | U_QUIET}, /* Exten */
	{4, 5, -1, 0, U_REQUIRED | U_ANY | U_QUIET}, /* Context */
	{10, 11, -1, 0, U_REQUIRED}, /* Priority */
	{1, 1, -1, 1, U_REQUIRED | U_ANY | U_QUIET}, /* Application */
	{5, 6, -1, 1, U_ANY | U_QUIET}, /* Data */
	{13, 14, -1, -1, 0}, /* Timeout */
	{2, 2, -1, -1, 0}, /* Async */
	{16, 17, -1, -1, U_REPEAT}, /* Variable */
};
static const uint32_t a0_uses_map[32] = {
	0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00010008, 0x00000000,
	0x00000004, 0x00000000, 0x00000000, 0x00000000, 0x0003000b, 0x00000000,
	0x00000000, 0x00000000, 0x00070003, 0x00000000, 0x00000000, 0x0006000e,
	0x00000000, 0x00000000, 0x00000000, 0x00050006, 0x00000000, 0x00040002,
	0x00080011, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00020005,
	0x00000000, 0x00000000,
};
static const unsigned short a0_uses_req[] = {
	0,
};
static const struct use a0_resp[] = {
	{9, 10, -1, -1, U_ANY | U_QUIET}, /* Message */
};
static const uint32_t a0_resp_map[2] = {
	0x00000000, 0x0000000a,
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
static const uint32_t a1_uses_map[2] = {
	0x00000004, 0x00000000,
};
static const struct use a1_resp[] = {
	{6, 7, -1, -1, 0}, /* EventList */
};
static const uint32_t a1_resp_map[2] = {
	0x00000007, 0x00000000,
};

static const struct msg actions[3] = {{
	.name = "Originate",
	.uses = {a0_uses, a0_uses_map, a0_uses_req, 9, 31, 1},
	.resp = {a0_resp, a0_resp_map, NULL, 1, 1, 0},
	.groups = a0_groups,
	.choices = a0_choices,
	.nchoices = 1,
	.facts = 0,
	.flags = 0,
}, {
	.name = "Status",
	.uses = {a1_uses, a1_uses_map, NULL, 1, 1, 0},
	.resp = {a1_resp, a1_resp_map, NULL, 1, 1, 0},
	.facts = -1,
	.flags = 0,
}, {
	.name = NULL,
	.uses = {.map = no_map},
	.resp = {.map = no_map},
	.facts = -1,
}};

/* Bridge */
static const struct use e0_uses[] = {
	{15, 16, 1, -1, U_REQUIRED}, /* Uniqueid1 */
};
static const uint32_t e0_uses_map[2] = {
	0x00000010, 0x00000000,
};
static const unsigned short e0_uses_req[] = {
	0,
};

/* Link */
static const struct use e1_uses[] = {
	{15, 16, 1, -1, U_REQUIRED}, /* Uniqueid1 */
};
static const uint32_t e1_uses_map[2] = {
	0x00000010, 0x00000000,
};
static const unsigned short e1_uses_req[] = {
	0,
};

/* OriginateResponse */
static const struct use e2_uses[] = {
	{12, 13, -1, -1, U_REQUIRED}, /* Response */
	{3, 3, -1, -1, U_REQUIRED}, /* Channel */
};
static const uint32_t e2_uses_map[4] = {
	0x00000000, 0x0000000d, 0x00010004, 0x00000000,
};
static const unsigned short e2_uses_req[] = {
	0, 1,
};

/* Status */
static const struct use e3_uses[] = {
	{3, 3, -1, -1, U_REQUIRED}, /* Channel */
	{14, 15, -1, -1, U_REQUIRED}, /* Uniqueid */
};
static const uint32_t e3_uses_map[4] = {
	0x0001000f, 0x00000000, 0x00000004, 0x00000000,
};
static const unsigned short e3_uses_req[] = {
	0, 1,
};

/* StatusComplete */
static const struct use e4_uses[] = {
	{6, 7, -1, -1, U_REQUIRED}, /* EventList */
	{8, 9, -1, -1, U_REQUIRED}, /* ListItems */
};
static const uint32_t e4_uses_map[4] = {
	0x00000007, 0x00000000, 0x00000000, 0x00010009,
};
static const unsigned short e4_uses_req[] = {
	0, 1,
};

static const struct msg events[6] = {{
	.name = "Bridge",
	.uses = {e0_uses, e0_uses_map, e0_uses_req, 1, 1, 1},
	.resp = {.map = no_map},
	.facts = 2,
	.flags = 0,
}, {
	.name = "Link",
	.uses = {e1_uses, e1_uses_map, e1_uses_req, 1, 1, 1},
	.resp = {.map = no_map},
	.facts = 3,
	.flags = 0,
}, {
	.name = "OriginateResponse",
	.uses = {e2_uses, e2_uses_map, e2_uses_req, 2, 3, 2},
	.resp = {.map = no_map},
	.facts = -1,
	.flags = 0,
}, {
	.name = "Status",
	.uses = {e3_uses, e3_uses_map, e3_uses_req, 2, 3, 2},
	.resp = {.map = no_map},
	.facts = -1,
	.flags = 0,
}, {
	.name = "StatusComplete",
	.uses = {e4_uses, e4_uses_map, e4_uses_req, 2, 3, 2},
	.resp = {.map = no_map},
	.facts = -1,
	.flags = 0,
}, {
	.name = NULL,
	.uses = {.map = no_map},
	.resp = {.map = no_map},
	.facts = -1,
}};

/* Error */
static const struct use r0_uses[] = {
	{9, 10, -1, -1, U_REQUIRED | U_ANY | U_QUIET}, /* Message */
};
static const uint32_t r0_uses_map[2] = {
	0x00000000, 0x0000000a,
};
static const unsigned short r0_uses_req[] = {
	0,
};

/* Success */
static const struct use r1_uses[] = {
	{9, 10, -1, -1, U_ANY | U_QUIET}, /* Message */
};
static const uint32_t r1_uses_map[2] = {
	0x00000000, 0x0000000a,
};

static const struct msg responses[3] = {{
	.name = "Error",
	.uses = {r0_uses, r0_uses_map, r0_uses_req, 1, 1, 1},
	.resp = {.map = no_map},
	.facts = -1,
	.flags = 0,
}, {
	.name = "Success",
	.uses = {r1_uses, r1_uses_map, NULL, 1, 1, 0},
	.resp = {.map = no_map},
	.facts = -1,
	.flags = 0,
}, {
	.name = NULL,
	.uses = {.map = no_map},
	.resp = {.map = no_map},
	.facts = -1,
}};

/* headers common to every action */
static const struct use common_action_uses[] = {
	{0, 0, -1, -1, 0}, /* ActionID */
};
static const uint32_t common_action_uses_map[2] = {
	0x00000001, 0x00000000,
};
static const struct msg common_action = {
	.name = NULL,
	.uses = {common_action_uses, common_action_uses_map, NULL, 1, 1, 0},
	.resp = {.map = no_map},
	.facts = -1,
	.flags = 0,
};

/* headers common to every event */
static const struct use common_event_uses[] = {
	{11, 12, -1, -1, 0}, /* Privilege */
};
static const uint32_t common_event_uses_map[2] = {
	0x0000000c, 0x00000000,
};
static const struct msg common_event = {
	.name = NULL,
	.uses = {common_event_uses, common_event_uses_map, NULL, 1, 1, 0},
	.resp = {.map = no_map},
	.facts = -1,
	.flags = 0,
};

/* headers common to every response */
static const struct use common_response_uses[] = {
	{0, 0, -1, -1, 0}, /* ActionID */
};
static const uint32_t common_response_uses_map[2] = {
	0x00000001, 0x00000000,
};
static const struct msg common_response = {
	.name = NULL,
	.uses = {common_response_uses, common_response_uses_map, NULL, 1, 1, 0},
	.resp = {.map = no_map},
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
		                             : same_bytes(s, v->s, n)))
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
		if (end == start || class_find(s + start, end - start) < 0)
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
	const uint64_t ones = UINT64_C(0x0101010101010101);
	uint64_t acc = 0, x, y;
	size_t i;

	if (n < 8) {
		for (i = 0; i < n; i++)
			if (is_blank(s[i]))
				return 0;
		return n > 0;
	}
	/* Eight bytes at a time, the last word overlapping the one before:
	 * a byte of x or y is 0 where s has a blank. */
	for (i = 0;; i += 8) {
		if (i + 8 > n)
			i = n - 8;
		x = load8(s + i) ^ ones * ' ';
		y = load8(s + i) ^ ones * '\t';
		acc |= ((x - ones) & ~x) | ((y - ones) & ~y);
		if (i + 8 == n)
			break;
	}
	return (acc & ones << 7) == 0;
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
	const struct uses *set[3]; /* where a header's use is looked up */
	unsigned base[3];          /* the slot of each set's first use */
	size_t nsets;
	int set_required[3];       /* whether the set's required flags apply */
	int strict;                /* report headers no set allows */
	int empty_missing;         /* an empty value counts as absent */
	/*
	 * What was seen of each use in the sets (only the first use of a
	 * header counts, for the header): S_SEEN, S_FULL.  The uses of one
	 * message are few: only theirs are cleared (finish()).
	 */
	unsigned char seen[NUSES_MAX];
};

enum { S_SEEN = 1, S_FULL = 2 }; /* present; present with a value */

static void
report(struct run *r, enum small_problem p, size_t field,
    const char *name, const char *detail, int fa)
{
	/* The last row of facts[] has none. */
	const struct facts *fx =
	    &facts[fa >= 0 ? (size_t)fa : sizeof(facts) / sizeof(facts[0]) - 1];
	struct small_report rep;

	r->count++;
	if (r->fn == NULL)
		return;
	rep.problem = p;
	rep.field = field;
	rep.name = name;
	rep.detail = detail;
	rep.since = fx->since;
	rep.deprecated = fx->deprecated;
	rep.removed = fx->removed;
	rep.renamed_to = fx->renamed_to;
	r->fn(r->ctx, &rep);
}

static void
add_set(struct run *r, const struct uses *u, int required)
{
	size_t s = r->nsets++;

	r->set[s] = u;
	r->base[s] = s > 0 ? r->base[s - 1] + r->set[s - 1]->n : 0;
	r->set_required[s] = required;
}

/*
 * The first use of header h in the sets, in order, from their maps, and
 * its slot in seen[] (which stands for the header); NULL if none.
 */
static inline const struct use *
find_use(const struct run *r, int h, unsigned *slot)
{
	uint32_t key = (uint32_t)h + 1, e;
	unsigned home = use_home(h);
	size_t s;

	for (s = 0; s < r->nsets; s++) {
		const struct uses *u = r->set[s];
		const uint32_t *map = u->map;
		unsigned mask = u->mask, i = home & mask;

		for (; (e = map[i]) != 0; i = (i + 1) & mask)
			if ((e & 0xffff) == key) {
				*slot = r->base[s] + (e >> 16);
				return &u->v[e >> 16];
			}
	}
	return NULL;
}

/* Whether set u uses header h. */
static int
uses_header(const struct uses *u, int h)
{
	uint32_t key = (uint32_t)h + 1, e;
	unsigned i = use_home(h) & u->mask;

	for (; (e = u->map[i]) != 0; i = (i + 1) & u->mask)
		if ((e & 0xffff) == key)
			return 1;
	return 0;
}

/* Whether the use's slot says present (with a value, when that counts). */
static int
present_at(const struct run *r, unsigned slot)
{
	return r->seen[slot] & (r->empty_missing ? S_FULL : S_SEEN);
}

static int
present(const struct run *r, int h)
{
	unsigned slot;

	return find_use(r, h, &slot) != NULL && present_at(r, slot);
}

/*
 * Field i, header h (or -1); cased: spelt as the dictionary spells it;
 * u: its use (or NULL); again: the header came earlier.
 */
static void
check_field(struct run *r, size_t i, int h, int cased,
    const struct use *u, int again)
{
	const struct small_field *fd = &r->f[i];

	if (h < 0) {
		report(r, SMALL_UNKNOWN_HEADER, i, NULL, NULL, -1);
		return;
	}
	if (!cased)
		report(r, SMALL_HEADER_CASE, i, headers[h].s, NULL, -1);
	if (u == NULL) {
		if (r->strict)
			report(r, SMALL_NOT_FOR_MESSAGE, i, headers[h].s, NULL, -1);
		return;
	}
	if (again && !(u->flags & U_REPEAT))
		report(r, SMALL_REPEATED, i, headers[h].s, NULL, -1);
	if (fd->value.len > 0 && !(u->flags & U_ANY) &&
	    !check_value(&checks[u->check], fd->value.ptr, fd->value.len))
		report(r, SMALL_BAD_VALUE, i, headers[h].s, checks[u->check].detail,
		       -1);
	if (u->facts >= 0)
		report(r, SMALL_DEPRECATED_HEADER, i, headers[h].s, NULL, u->facts);
}

/*
 * Whether field fd names use u exactly as the dictionary spells its
 * header, u being the first use of that header in its set.
 */
static inline int
names_use(const struct small_field *fd, const struct use *u)
{
	const struct name *hn = &headers[u->header];

	return !(u->flags & U_LATER) && hn->len == fd->name.len &&
	       differ((const unsigned char *)fd->name.ptr, hn->s, hn->s,
	           hn->len, 0) == 0;
}

/* Whether a set before set s uses header h. */
static int
earlier_use(const struct run *r, size_t s, int h)
{
	size_t e;

	for (e = 0; e < s; e++)
		if (uses_header(r->set[e], h))
			return 1;
	return 0;
}

/*
 * Every field in wire order.  The first (the type header) is checked by
 * first_header() alone, but counts as present like the others.  Fields
 * mostly come in the order the dictionary lists the uses of the
 * message's own set (set 0, whose slots come first) and of the common
 * headers (the last set: the type header, then ActionID or Privilege
 * first): in each, the use after the last one found is tried before any
 * look-up.  It is what the look-ups would find when it is the first of
 * its header in its set (names_use()) and no earlier set has the header.
 */
static void
check_fields(struct run *r, int free_form)
{
	size_t i, last = r->nsets - 1;
	const struct uses *own = r->set[0], *common = r->set[last];
	const struct use *ownv = own->v;
	unsigned next = 0, next_last = 0, nown = own->n;

	for (i = 0; i < r->n; i++) {
		const struct small_field *fd = &r->f[i];
		int cased = 1, again = 0, h;
		const struct use *u = NULL;
		unsigned slot = 0;

		if (next < nown && names_use(fd, &ownv[next])) {
			u = &ownv[next];
			h = u->header;
			slot = next++;
		} else if (last > 0 && next_last < common->n &&
		           names_use(fd, &common->v[next_last]) &&
		           !earlier_use(r, last, common->v[next_last].header)) {
			u = &common->v[next_last];
			h = u->header;
			slot = r->base[last] + next_last++;
		} else {
			int k = header_find(fd->name.ptr, fd->name.len);

			h = found_id(k);
			cased = found_cased(k);
			if (h >= 0 && (u = find_use(r, h, &slot)) != NULL) {
				if (slot < nown)
					next = slot + 1;
				else if (slot >= r->base[last])
					next_last = slot - r->base[last] + 1;
			}
		}
		if (u != NULL) {
			again = r->seen[slot] & S_SEEN;
			r->seen[slot] |= fd->value.len > 0 ? S_SEEN | S_FULL : S_SEEN;
			if ((u->flags & U_QUIET) && cased && !again)
				continue; /* nothing to report */
		}
		if (i > 0 && (!free_form || (h >= 0 && h == ACTIONID)))
			check_field(r, i, h, cased, u, again);
	}
}

/*
 * Required uses outside groups (a set's req) that the message lacks.  A
 * use whose own slot says present is (only the first use of a header is
 * marked): nearly always, and then no look-up is needed.
 */
static void
check_required(struct run *r)
{
	size_t s, i;

	for (s = 0; s < r->nsets; s++)
		for (i = 0; r->set_required[s] && i < r->set[s]->nreq; i++) {
			unsigned k = r->set[s]->req[i], slot;
			const struct use *u = &r->set[s]->v[k];

			if (present_at(r, r->base[s] + k) ||
			    find_use(r, u->header, &slot) != u ||
			    present_at(r, slot))
				continue;
			report(r, SMALL_MISSING_REQUIRED, r->n,
			       headers[u->header].s, NULL, -1);
		}
}

static int
group_used(const struct run *r, const struct msg *m, int g)
{
	size_t i;

	for (i = 0; i < m->uses.n; i++)
		if (m->uses.v[i].group == g && present(r, m->uses.v[i].header))
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
		for (i = 0; i < m->uses.n; i++) {
			const struct use *u = &m->uses.v[i];

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
	size_t c, last = r->nsets - 1, slots = r->base[last] + r->set[last]->n;
	/* A constant size is cleared inline: most messages use fewer slots. */
	const size_t some = sizeof(r->seen) < 64 ? sizeof(r->seen) : 64;

	if (slots <= some)
		memset(r->seen, 0, some);
	else
		memset(r->seen, 0, slots);
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
			if (!same_bytes(s->ptr, kinds[k].s, s->len))
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
	int id = found_id(action_find(v->ptr, v->len));
	const struct msg *m = id >= 0 ? &actions[id] : NULL;

	if (m == NULL)
		report(r, SMALL_UNKNOWN_ACTION, 0, NULL, NULL, -1);
	else
		add_set(r, &m->uses, 1);
	add_set(r, &common_action.uses, 1);
	r->strict = m != NULL;
	r->empty_missing = 1;
	return finish(r, m);
}

static size_t
validate_event(struct run *r)
{
	const struct small_slice *v = &r->f[0].value;
	int id = event_find(v->ptr, v->len);
	const struct msg *m;

	if (id < 0 && (id = event_lookup_fold(v->ptr, v->len)) >= 0)
		report(r, SMALL_MESSAGE_CASE, 0, events[id].name, NULL, -1);
	m = id >= 0 ? &events[id] : NULL;
	if (m == NULL)
		report(r, SMALL_UNKNOWN_EVENT, 0, NULL, NULL, -1);
	else
		add_set(r, &m->uses, 1);
	add_set(r, &common_event.uses, 1);
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
		add_set(r, &m->uses, 1);
	if (a != NULL)
		add_set(r, &a->resp, success);
	add_set(r, &common_response.uses, 1);
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
	struct run r;

	r.f = f;
	r.n = n;
	r.count = 0;
	r.fn = fn;
	r.ctx = ctx;
	r.nsets = 0;
	r.strict = r.empty_missing = 0;
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
