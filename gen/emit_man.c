/*
 * emit_man.c: -T man, a tree of man(7) pages under the -o directory:
 * man7/ami.7 (the protocol), man7/ami-headers.7 (every header), one
 * page per action and per event, and man7/amilint-rules.7 (the lint rules,
 * when the dictionary has any).  Dictionary text goes through esc_roff,
 * prose through cmark (render_prose) and roff_fix_cmark; the pages pass
 * mandoc -T lint.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "amidict.h"
#include "emit.h"
#include "esc_roff.h"
#include "out.h"
#include "page_name.h"
#include "phrase.h"
#include "render.h"
#include "xref.h"

/*
 * The date in .TH is that of the page layout, not of the run: pages must
 * be byte-identical on every run.  Change it when the layout changes.
 */
#define MAN_DATE "2026-11-26"
#define MAN_SOURCE "amidict " AMIDICT_VERSION
#define MAN_VOLUME "Asterisk Manager Interface"

struct man {
	const struct amid_model *m;
	const char *dir;
	struct page_names pages;
	struct out o;       /* the page being written */
	int after_sh;       /* just after .SH/.SS: no .PP wanted */
	int failed;         /* out of memory or a write error */
};

/* Cross-reference targets of a page, sorted before they are written. */
struct refs {
	const char **v;
	size_t n, cap;
};

/* What each value type looks like in a synopsis, and what it accepts. */
static const struct {
	const char *placeholder, *accepts;
} type_docs[] = {
	[AMID_T_STRING] = {"\\fItext\\fP", "Any text."},
	[AMID_T_INTEGER] = {"\\fInumber\\fP",
	                    "A whole number: an optional sign and digits."},
	[AMID_T_BOOL] = {"yes|no",
	                 "Asterisk's boolean: yes, true, y, t, 1 or on for "
	                 "true, no, false, n, f, 0 or off for false, in any "
	                 "case.  Asterisk reads any other value as false."},
	[AMID_T_YESNO] = {"Y|N", "Y or N."},
	[AMID_T_ENUM] = {"\\fIvalue\\fP", "One of a fixed list of values."},
	[AMID_T_CLASSLIST] = {"\\fIclass\\fP,\\fIclass\\fP",
	                      "A comma\\-separated list of privilege class "
	                      "names."},
	[AMID_T_EVENTMASK] = {"on|off|\\fIclass\\fP,\\fIclass\\fP",
	                      "on, off, a boolean word, a number (a bit "
	                      "mask), or a comma\\-separated list of class "
	                      "names."},
	[AMID_T_CHANNEL] = {"\\fITech\\fP/\\fIresource\\fP",
	                    "A channel name, \\fITech\\fP/\\fIresource\\fP, "
	                    "such as PJSIP/100\\-00000001."},
	[AMID_T_DIALSTRING] = {"\\fITech\\fP/\\fIresource\\fP",
	                       "What to dial, \\fITech\\fP/\\fIresource\\fP, "
	                       "such as PJSIP/100."},
	[AMID_T_UNIQUEID] = {"\\fIuniqueid\\fP",
	                     "A channel's unique id, such as 1732591089.12."},
	[AMID_T_ACTIONID] = {"\\fIid\\fP",
	                     "An id chosen by the client to match replies to "
	                     "its request."},
	[AMID_T_TIMESTAMP] = {"\\fIseconds\\fP.\\fIfraction\\fP",
	                      "Seconds since the epoch, with an optional "
	                      "fraction."},
	[AMID_T_DATETIME] = {"\\fIYYYY\\fP\\-\\fIMM\\fP\\-\\fIDD\\fP "
	                     "\\fIHH\\fP:\\fIMM\\fP:\\fISS\\fP",
	                     "A calendar date and time, YYYY\\-MM\\-DD "
	                     "HH:MM:SS."},
	[AMID_T_SECONDS] = {"\\fIseconds\\fP",
	                    "A non\\-negative count of seconds."},
	[AMID_T_MILLISECONDS] = {"\\fImilliseconds\\fP",
	                         "A non\\-negative count of milliseconds."},
	[AMID_T_VARIABLE] = {"\\fINAME\\fP=\\fIvalue\\fP",
	                     "A variable assignment, \\fINAME\\fP=\\fIvalue\\fP."},
	[AMID_T_IPADDR] = {"\\fIaddress\\fP", "An IPv4 or IPv6 address."},
	[AMID_T_PORT] = {"\\fIport\\fP", "A TCP or UDP port, 0 to 65535."},
	[AMID_T_PRIORITY] = {"\\fIpriority\\fP",
	                     "A dialplan priority: a positive number or a "
	                     "label."},
};
_Static_assert(sizeof(type_docs) / sizeof(type_docs[0]) == AMID_T__MAX,
               "one row of type_docs per value type");

/* ---- page names -------------------------------------------------------- */

/*
 * Page names in lower case, a byte outside [a-z0-9_-] as '_'.  Names
 * differing only in case (events Newcallerid and NewCallerid) would
 * collide: the first in the model's order keeps the plain name, each
 * later one gets -2, -3 ..., skipping names another page has.
 */
static const struct page_style page_style = {
    .prefix = {[AMID_ACTION] = "ami-action-", [AMID_EVENT] = "ami-event-"},
    .lower = 1,
    .sep = '-',
};

/* The page of an action or event; NULL for responses and common headers. */
static const char *
msg_page(const struct man *mp, const struct amid_message *msg)
{
	return page_name(&mp->pages, msg);
}

/* ---- writing helpers --------------------------------------------------- */

static void
section(struct man *mp, const char *macro, const char *title)
{
	out_markup(&mp->o, "%s %s\n", macro, title);
	mp->after_sh = 1;
}

/* A new paragraph; right after a heading, mandoc wants none. */
static void
para(struct man *mp)
{
	if (!mp->after_sh)
		out_markup(&mp->o, ".PP\n");
	mp->after_sh = 0;
}

static void
item(struct man *mp)
{
	out_markup(&mp->o, ".TP\n");
	mp->after_sh = 0;
}

/* `.BR page (7)tail`: a cross-reference, tail being trusted markup. */
static void
xref(struct man *mp, const char *page, const char *tail)
{
	out_markup(&mp->o, ".BR ");
	out_text(&mp->o, page);
	out_markup(&mp->o, " (7)%s\n", tail);
}

/*
 * "Name (page(7))tail": a message by its exact name (page names are in
 * lower case, and may carry a suffix), and its page.  One line, so it can
 * be the tag of a .TP item.
 */
static void
named_xref(struct man *mp, const char *name, const char *page,
           const char *tail)
{
	out_markup(&mp->o, ".BR ");
	out_text(&mp->o, name);
	out_markup(&mp->o, " \" (\" ");
	out_text(&mp->o, page);
	out_markup(&mp->o, " \"(7))%s\"\n", tail);
}

/* Bold dictionary text, on the current line. */
static void
bold(struct man *mp, const char *s)
{
	out_markup(&mp->o, "\\fB");
	out_text(&mp->o, s);
	out_markup(&mp->o, "\\fP");
}

/* Prose as roff, "" when it renders to nothing; NULL: out of memory. */
static char *
rendered(struct man *mp, const char *md)
{
	char *r, *fixed;

	if (md == NULL)
		return strdup("");
	r = render_prose(md, RENDER_MAN);
	fixed = r != NULL ? roff_fix_cmark(r) : NULL;
	free(r);
	if (fixed == NULL)
		mp->failed = 1;
	return fixed;
}

/* Writes rendered prose r; drops its first .PP when one is not wanted. */
static void
put_prose(struct man *mp, const char *r, int strip)
{
	if (r == NULL || *r == '\0')
		return;
	if ((strip || mp->after_sh) && strncmp(r, ".PP\n", 4) == 0)
		r += 4;
	out_rendered(&mp->o, r);
	mp->after_sh = 0;
}

static void
prose(struct man *mp, const char *md, int strip)
{
	char *r = rendered(mp, md);

	put_prose(mp, r, strip);
	free(r);
}

/*
 * The indented body of a .TP item: up to two descriptions.  notes says
 * whether text lines already follow the tag (then a paragraph separates
 * them from the prose).  Writes nothing when both render to nothing.
 */
static void
item_prose(struct man *mp, const char *md1, const char *md2, int notes)
{
	char *r1 = rendered(mp, md1), *r2 = rendered(mp, md2);

	if (r1 != NULL && r2 != NULL && (*r1 != '\0' || *r2 != '\0')) {
		out_markup(&mp->o, ".RS\n");
		put_prose(mp, r1, !notes);
		put_prose(mp, r2, !notes && *r1 == '\0');
		out_markup(&mp->o, ".RE\n");
	}
	free(r1);
	free(r2);
}

/* ---- version facts ----------------------------------------------------- */

/* One sentence a line; renames named in bold (headers have no page). */
static void
versions(struct man *mp, const struct amid_versions *v)
{
	size_t i;

	if (v->since) {
		out_markup(&mp->o, "Since Asterisk ");
		out_text(&mp->o, v->since);
		out_markup(&mp->o, ".\n");
	}
	if (v->deprecated) {
		out_markup(&mp->o, "Deprecated since Asterisk ");
		out_text(&mp->o, v->deprecated);
		out_markup(&mp->o, ".\n");
	}
	if (v->removed) {
		out_markup(&mp->o, "Removed in Asterisk ");
		out_text(&mp->o, v->removed);
		out_markup(&mp->o, ".\n");
	}
	for (i = 0; i < v->nrenamed_to; i++) {
		out_markup(&mp->o, i == 0 ? "Renamed to " : "Also renamed to ");
		bold(mp, v->renamed_to[i]);
		out_markup(&mp->o, ".\n");
	}
}

/* "(since 1.6, removed in 12)" after an enumeration value, or nothing. */
static void
short_versions(struct man *mp, const struct amid_versions *v)
{
	const char *sep = " (";
	size_t i;

	if (v->since) {
		out_markup(&mp->o, "%ssince ", sep);
		out_text(&mp->o, v->since);
		sep = ", ";
	}
	if (v->deprecated) {
		out_markup(&mp->o, "%sdeprecated in ", sep);
		out_text(&mp->o, v->deprecated);
		sep = ", ";
	}
	if (v->removed) {
		out_markup(&mp->o, "%sremoved in ", sep);
		out_text(&mp->o, v->removed);
		sep = ", ";
	}
	for (i = 0; i < v->nrenamed_to; i++) {
		out_markup(&mp->o, "%srenamed to ", sep);
		out_text(&mp->o, v->renamed_to[i]);
		sep = ", ";
	}
	if (phrase_has_versions(v))
		out_markup(&mp->o, ")");
}

/* ---- types and meanings ------------------------------------------------ */

static const char *
placeholder_of(enum amid_type t)
{
	return (unsigned)t < AMID_T__MAX && type_docs[t].placeholder != NULL
	           ? type_docs[t].placeholder
	           : "\\fIvalue\\fP";
}

/* A sample value: a short enumeration spelled out, else the type's. */
static void
placeholder(struct man *mp, const struct amid_meaning *mn)
{
	size_t i;

	if (mn->type != AMID_T_ENUM || mn->nvalues == 0 || mn->nvalues > 4) {
		out_markup(&mp->o, "%s", placeholder_of(mn->type));
		return;
	}
	for (i = 0; i < mn->nvalues; i++) {
		if (i > 0)
			out_markup(&mp->o, "|");
		out_text(&mp->o, mn->values[i].name);
	}
}

static void
enum_values_inline(struct man *mp, const struct amid_meaning *mn)
{
	size_t i;

	if (mn->nvalues == 0)
		return;
	out_markup(&mp->o, "One of ");
	for (i = 0; i < mn->nvalues; i++) {
		if (i > 0)
			out_markup(&mp->o, ", ");
		bold(mp, mn->values[i].name);
		short_versions(mp, &mn->values[i].ver);
	}
	out_markup(&mp->o, ".\n");
}

/* Range, length, values and repetition of a meaning, one line each. */
static void
meaning_facts(struct man *mp, const struct amid_meaning *mn, int values)
{
	if (mn->has_min && mn->has_max)
		out_markup(&mp->o, "From %lld to %lld.\n", mn->min, mn->max);
	else if (mn->has_min)
		out_markup(&mp->o, "At least %lld.\n", mn->min);
	else if (mn->has_max)
		out_markup(&mp->o, "At most %lld.\n", mn->max);
	if (mn->has_max_length)
		out_markup(&mp->o, "At most %llu characters.\n",
		           mn->max_length);
	if (values && mn->type == AMID_T_ENUM)
		enum_values_inline(mp, mn);
	if (mn->type == AMID_T_ENUM && mn->case_insensitive)
		out_markup(&mp->o, "Values match in any case.\n");
	if (mn->repeat)
		out_markup(&mp->o, "May be given more than once.\n");
}

/* ---- parameters and fields --------------------------------------------- */

/*
 * Whether a common header of msg's kind is worth naming on msg's page: not
 * when msg names it itself, nor when it is the first line (Action: X).
 */
static int
shows_common(const struct amid_message *msg, const struct amid_use *cu)
{
	const struct amid_header *h = cu->meaning->header;
	size_t i;

	if (strcasecmp(h->name, msg->kind == AMID_ACTION ? "Action" : "Event") ==
	    0)
		return 0;
	for (i = 0; i < msg->nuses; i++)
		if (msg->uses[i].meaning->header == h)
			return 0;
	return 1;
}

static void
presence(struct man *mp, const struct amid_message *msg,
         const struct amid_use *u, int param)
{
	if (!param)
		out_markup(&mp->o, u->required ? "Always present.\n"
		                               : "May be absent.\n");
	else if (u->group < 0)
		out_markup(&mp->o, u->required ? "Required.\n" : "Optional.\n");
	else {
		out_markup(&mp->o, u->required ? "Required in group "
		                               : "Optional, in group ");
		bold(mp, msg->groups[u->group].name);
		out_markup(&mp->o, ".\n");
	}
}

/* A parameter or field as a .TP item: the header as the message uses it. */
static void
use_item(struct man *mp, const struct amid_message *msg,
         const struct amid_use *u, int param)
{
	const struct amid_meaning *mn = u->meaning;

	item(mp);
	bold(mp, u->name);
	out_markup(&mp->o, ": \\fI%s\\fP\n", amid_type_name(mn->type));
	presence(mp, msg, u, param);
	meaning_facts(mp, mn, 1);
	if (mn->key != NULL) {
		/* ami-headers(7) lists meanings by label: Channel/dialstring. */
		char label[512];

		amid_meaning_label(mn, label, sizeof(label));
		out_markup(&mp->o, "Meaning ");
		bold(mp, label);
		out_markup(&mp->o, " in\n");
		xref(mp, "ami-headers", ".");
	}
	versions(mp, &u->ver);
	item_prose(mp, u->description, mn->description, 1);
}

static void
use_items(struct man *mp, const struct amid_message *msg,
          const struct amid_use *v, size_t n, int param)
{
	size_t i;

	for (i = 0; i < n; i++)
		use_item(mp, msg, &v[i], param);
}

/* The common headers of msg's kind that msg does not name itself. */
static void
common_names(struct man *mp, const struct amid_message *msg)
{
	const struct amid_message *c = &mp->m->common[msg->kind];
	size_t i, k = 0;

	for (i = 0; i < c->nuses; i++) {
		if (!shows_common(msg, &c->uses[i]))
			continue;
		out_markup(&mp->o, k++ == 0 ? "" : ", ");
		bold(mp, c->uses[i].name);
	}
}

static size_t
count_common(const struct man *mp, const struct amid_message *msg)
{
	const struct amid_message *c = &mp->m->common[msg->kind];
	size_t i, k = 0;

	for (i = 0; i < c->nuses; i++)
		k += shows_common(msg, &c->uses[i]);
	return k;
}

/* ---- synopsis ------------------------------------------------------------ */

/* One line of the example message: lead, [Name: value]..., tail. */
static void
syn_line(struct man *mp, const char *lead, const struct amid_use *u,
         const char *tail)
{
	if (*lead != '\0')
		out_markup(&mp->o, "%s", lead);
	if (!u->required)
		out_markup(&mp->o, "[");
	out_text(&mp->o, u->name);
	out_markup(&mp->o, ": ");
	placeholder(mp, u->meaning);
	out_markup(&mp->o, "%s%s%s\n", u->required ? "" : "]",
	           u->meaning->repeat ? "..." : "", tail);
}

static size_t
choice_of(const struct amid_message *msg, const struct amid_use *u)
{
	return msg->groups[u->group].choice;
}

/* Whether uses[i] is the first parameter of its choice. */
static int
first_of_choice(const struct amid_message *msg, size_t i)
{
	size_t j, c = choice_of(msg, &msg->uses[i]);

	for (j = 0; j < i; j++)
		if (msg->uses[j].group >= 0 &&
		    choice_of(msg, &msg->uses[j]) == c)
			return 0;
	return 1;
}

static size_t
choice_members(const struct amid_message *msg, size_t c)
{
	size_t i, n = 0;

	for (i = 0; i < msg->nuses; i++)
		n += msg->uses[i].group >= 0 && choice_of(msg, &msg->uses[i]) == c;
	return n;
}

/* A choice as { group | group } (required) or [ group | group ]. */
static void
syn_choice(struct man *mp, const struct amid_message *msg, size_t c)
{
	const struct amid_choice *ch = &msg->choices[c];
	size_t g, i, left = choice_members(msg, c);
	int first = 1;

	for (g = ch->first_group; g < ch->first_group + ch->ngroups; g++) {
		int first_in_group = 1;

		for (i = 0; i < msg->nuses; i++) {
			const struct amid_use *u = &msg->uses[i];

			if (u->group != (int)g)
				continue;
			syn_line(mp,
			         first            ? (ch->required ? "{ " : "[ ")
			         : first_in_group ? "| "
			                          : "  ",
			         u,
			         --left > 0       ? ""
			         : ch->required ? " }"
			                          : " ]");
			first = first_in_group = 0;
		}
	}
}

static void
synopsis(struct man *mp, const struct amid_message *msg)
{
	const struct amid_message *c = &mp->m->common[msg->kind];
	size_t i;

	section(mp, ".SH", "SYNOPSIS");
	out_markup(&mp->o, ".nf\n%s: ",
	           msg->kind == AMID_ACTION ? "Action" : "Event");
	out_text(&mp->o, msg->name);
	out_markup(&mp->o, "\n");
	for (i = 0; i < msg->nuses; i++) {
		const struct amid_use *u = &msg->uses[i];

		if (u->group < 0)
			syn_line(mp, "", u, "");
		else if (first_of_choice(msg, i))
			syn_choice(mp, msg, choice_of(msg, u));
	}
	for (i = 0; i < c->nuses; i++)
		if (shows_common(msg, &c->uses[i])) {
			out_markup(&mp->o, "[");
			out_text(&mp->o, c->uses[i].name);
			out_markup(&mp->o, ": ");
			placeholder(mp, c->uses[i].meaning);
			out_markup(&mp->o, "]\n");
		}
	out_markup(&mp->o, ".fi\n");
	mp->after_sh = 0;
}

/* ---- the page frame ---------------------------------------------------- */

/* .TH, the generated-file comment and NAME; summary is trusted markup. */
static void
page_head(struct man *mp, const char *page, const char *summary,
          const char *name)
{
	char *title = strdup(page), *p;
	size_t i;

	if (title == NULL) {
		mp->failed = 1;
		return;
	}
	for (p = title; *p != '\0'; p++)
		if (*p >= 'a' && *p <= 'z')
			*p = (char)(*p - 'a' + 'A');
	out_markup(&mp->o, ".\\\" Generated by amigen -T man from");
	for (i = 0; i < mp->m->nfiles; i++) {
		out_markup(&mp->o, " ");
		out_text(&mp->o, mp->m->files[i]);
	}
	out_markup(&mp->o, ";\n.\\\" do not edit.\n.TH ");
	out_text(&mp->o, title);
	out_markup(&mp->o, " 7 %s \"%s\" \"%s\"\n", MAN_DATE, MAN_SOURCE,
	           MAN_VOLUME);
	/*
	 * Wire names must not be broken with a hyphen, and long unbreakable
	 * page names make justified lines gappy: no hyphenation, ragged right.
	 */
	out_markup(&mp->o, ".nh\n.ad l\n");
	free(title);
	section(mp, ".SH", "NAME");
	out_text(&mp->o, page);
	out_markup(&mp->o, " \\- %s", summary);
	out_text(&mp->o, name);
	out_markup(&mp->o, "\n");
}

/* Writes DIR/man7/page.7 with body(mp, arg). */
static void
write_page(struct man *mp, const char *page,
           void (*body)(struct man *, const void *), const void *arg)
{
	size_t len = strlen(page) + 8;
	char *rel;
	FILE *f;

	if (mp->failed) /* the reason is printed once; stop at the first */
		return;
	if ((rel = malloc(len)) == NULL) {
		mp->failed = 1;
		return;
	}
	snprintf(rel, len, "man7/%s.7", page);
	if ((f = out_open(mp->dir, rel)) == NULL)
		mp->failed = 1;
	else {
		out_init(&mp->o, f, esc_roff);
		mp->after_sh = 0;
		body(mp, arg);
		if (out_close(f, mp->dir, rel) < 0)
			mp->failed = 1;
	}
	free(rel);
}

/* ---- see also -------------------------------------------------------- */

static void
refs_add(struct man *mp, struct refs *r, const char *page)
{
	if (page == NULL)
		return;
	if (r->n == r->cap) {
		size_t cap = r->cap ? 2 * r->cap : 16;
		const char **v = realloc(r->v, cap * sizeof(*v));

		if (v == NULL) {
			mp->failed = 1;
			return;
		}
		r->v = v;
		r->cap = cap;
	}
	r->v[r->n++] = page;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Renames to and from msg (messages of its kind). */
static void
refs_renames(struct man *mp, struct refs *r, const struct amid_message *msg)
{
	const struct amid_message *old = NULL;
	size_t k;

	for (k = 0; k < msg->ver.nrenamed_to; k++)
		refs_add(mp, r,
		         msg_page(mp, xref_find(mp->m, msg->kind,
		                                msg->ver.renamed_to[k])));
	while ((old = xref_next_replaced(mp->m, msg, old)) != NULL)
		refs_add(mp, r, msg_page(mp, old));
}

/* SEE ALSO: sorted, without duplicates and without the page itself. */
static void
see_also(struct man *mp, struct refs *r, const char *self)
{
	size_t i, k = 0;

	refs_add(mp, r, "ami");
	refs_add(mp, r, "ami-headers");
	if (r->n == 0)
		return;
	qsort(r->v, r->n, sizeof(*r->v), cmp_str);
	for (i = 0; i < r->n; i++)
		if (strcmp(r->v[i], self) != 0 &&
		    (k == 0 || strcmp(r->v[i], r->v[k - 1]) != 0))
			r->v[k++] = r->v[i];
	section(mp, ".SH", "SEE ALSO");
	for (i = 0; i < k; i++)
		xref(mp, r->v[i], i + 1 < k ? "," : "");
	free(r->v);
	r->v = NULL;
	r->n = r->cap = 0;
}

/* ---- sections shared by action and event pages ------------------------- */

static void
description(struct man *mp, const struct amid_message *msg)
{
	char *r = rendered(mp, msg->description);

	section(mp, ".SH", "DESCRIPTION");
	if (r != NULL && *r != '\0')
		put_prose(mp, r, 1);
	else {
		out_markup(&mp->o, "The dictionary has no description of this %s.\n",
		           amid_kind_name(msg->kind));
		mp->after_sh = 0;
	}
	free(r);
}

static void
privilege(struct man *mp, const struct amid_message *msg)
{
	int action = msg->kind == AMID_ACTION;
	size_t i;

	section(mp, ".SH", "PRIVILEGE");
	if (msg->nclasses == 0) {
		out_markup(&mp->o, "The dictionary names no privilege class for "
		                   "this %s.\n", amid_kind_name(msg->kind));
		mp->after_sh = 0;
		return;
	}
	out_markup(&mp->o, "The %s belongs to the privilege class%s below.\n",
	           amid_kind_name(msg->kind), msg->nclasses > 1 ? "es" : "");
	out_markup(&mp->o, action ? "The \\fBwrite=\\fP setting of a manager "
	                            "user in manager.conf decides whether it "
	                            "may send the action.\n"
	                          : "Sessions receive the event according to "
	                            "the \\fBread=\\fP setting of their manager "
	                            "user in manager.conf and to their event "
	                            "mask.\n");
	mp->after_sh = 0;
	for (i = 0; i < msg->nclasses; i++) {
		const struct amid_class *c = msg->class_refs[i];

		item(mp);
		bold(mp, c->name);
		out_markup(&mp->o, "\n");
		item_prose(mp, c->description, NULL, 0);
	}
}

/* "Replaces Old (page(7))." for each message renamed to msg. */
static int
replaces(struct man *mp, const struct amid_message *msg, int write)
{
	const struct amid_message *old = NULL;
	int found = 0;

	while ((old = xref_next_replaced(mp->m, msg, old)) != NULL) {
		found = 1;
		if (!write)
			break;
		out_markup(&mp->o, "Replaces\n");
		named_xref(mp, old->name, msg_page(mp, old), ".");
	}
	return found;
}

/* VERSIONS, with the renamed pages as cross-references. */
static void
message_versions(struct man *mp, const struct amid_message *msg)
{
	const struct amid_versions *v = &msg->ver;
	struct amid_versions plain = *v;
	size_t i;

	if (!phrase_has_versions(v) && !replaces(mp, msg, 0))
		return;
	section(mp, ".SH", "VERSIONS");
	plain.nrenamed_to = 0;
	versions(mp, &plain);
	for (i = 0; i < v->nrenamed_to; i++) {
		const char *to = msg_page(mp, xref_find(mp->m, msg->kind,
		                                        v->renamed_to[i]));

		out_markup(&mp->o, "Renamed to\n");
		if (to != NULL)
			named_xref(mp, v->renamed_to[i], to, ".");
		else {
			bold(mp, v->renamed_to[i]);
			out_markup(&mp->o, ".\n");
		}
	}
	replaces(mp, msg, 1);
	mp->after_sh = 0;
}

/* ---- action pages ---------------------------------------------------- */

/* "Exten, Context, Priority": the parameters of group g. */
static void
group_members(struct man *mp, const struct amid_message *msg, size_t g)
{
	size_t i, k = 0;

	for (i = 0; i < msg->nuses; i++)
		if (msg->uses[i].group == (int)g) {
			out_markup(&mp->o, k++ == 0 ? "" : ", ");
			out_text(&mp->o, msg->uses[i].name);
		}
}

static void
choice_para(struct man *mp, const struct amid_message *msg, size_t c)
{
	const struct amid_choice *ch = &msg->choices[c];
	size_t g;

	para(mp);
	out_markup(&mp->o, "Alternative groups of parameters:\n");
	for (g = ch->first_group; g < ch->first_group + ch->ngroups; g++) {
		bold(mp, msg->groups[g].name);
		out_markup(&mp->o, " (");
		group_members(mp, msg, g);
		out_markup(&mp->o, ")%s\n",
		           g + 1 == ch->first_group + ch->ngroups ? "."
		           : g + 2 == ch->first_group + ch->ngroups ? " or"
		                                                    : ",");
	}
	out_markup(&mp->o, "The required parameters of a group go together: "
	                   "give all of them or none.\n%s\n",
	           ch->required ? "At least one of the groups must be used."
	                        : "The groups are optional.");
}

static void
parameters(struct man *mp, const struct amid_message *msg)
{
	size_t i;

	section(mp, ".SH", "PARAMETERS");
	for (i = 0; i < msg->nchoices; i++)
		choice_para(mp, msg, i);
	use_items(mp, msg, msg->uses, msg->nuses, 1);
	if (count_common(mp, msg) == 0)
		return;
	para(mp);
	out_markup(&mp->o, "Like every action, it also takes ");
	common_names(mp, msg);
	out_markup(&mp->o, "; see\n");
	xref(mp, "ami", ".");
}

static void
response(struct man *mp, const struct amid_message *msg)
{
	section(mp, ".SH", "RESPONSE");
	if (msg->has_response) {
		out_markup(&mp->o, "On success the reply is \\fBResponse: "
		                   "Success\\fP%s\n",
		           msg->nresponse > 0 ? ", with these headers:"
		                              : ".");
		mp->after_sh = 0;
		use_items(mp, msg, msg->response, msg->nresponse, 0);
	} else {
		out_markup(&mp->o, "The dictionary does not describe the headers "
		                   "of a successful reply.\n");
		mp->after_sh = 0;
	}
	if (msg->list_complete != NULL) {
		para(mp);
		out_markup(&mp->o, "The reply announces a list with "
		                   "\\fBEventList: start\\fP; its events follow "
		                   "(see EVENTS).\n");
	}
	para(mp);
	out_markup(&mp->o, "A failure is answered with \\fBResponse: "
	                   "Error\\fP and a \\fBMessage\\fP saying why.\n");
}

static void
list_events(struct man *mp, const struct amid_message *msg)
{
	size_t i;

	para(mp);
	out_markup(&mp->o, "The reply is a list.\n");
	if (msg->nlist_items > 0)
		out_markup(&mp->o, "Each item is sent as event\n");
	for (i = 0; i < msg->nlist_items; i++)
		named_xref(mp, msg->list_items[i],
		           msg_page(mp, msg->list_item_refs[i]),
		           i + 2 < msg->nlist_items    ? ","
		           : i + 2 == msg->nlist_items ? " or"
		                                       : ",");
	out_markup(&mp->o, "%s the action's \\fBActionID\\fP; the list ends "
	                   "with event\n",
	           msg->nlist_items > 0 ? "carrying" : "Its events carry");
	named_xref(mp, msg->list_complete, msg_page(mp, msg->list_complete_ref),
	           ",");
	out_markup(&mp->o, "which carries \\fBEventList: Complete\\fP and "
	                   "\\fBListItems\\fP, the number of items.\n");
}

static void
events(struct man *mp, const struct amid_message *msg)
{
	size_t i;

	if (msg->list_complete == NULL && msg->nemits == 0)
		return;
	section(mp, ".SH", "EVENTS");
	if (msg->list_complete != NULL)
		list_events(mp, msg);
	if (msg->nemits == 0)
		return;
	para(mp);
	out_markup(&mp->o, "The action also causes these events:\n");
	for (i = 0; i < msg->nemits; i++) {
		item(mp);
		named_xref(mp, msg->emits[i].event,
		           msg_page(mp, msg->emits[i].target), "");
		item_prose(mp, msg->emits[i].description, NULL, 0);
	}
}

static void
action_refs(struct man *mp, const struct amid_message *msg)
{
	struct refs r = {0};
	size_t i;

	for (i = 0; i < msg->nlist_items; i++)
		refs_add(mp, &r, msg_page(mp, msg->list_item_refs[i]));
	refs_add(mp, &r, msg_page(mp, msg->list_complete_ref));
	for (i = 0; i < msg->nemits; i++)
		refs_add(mp, &r, msg_page(mp, msg->emits[i].target));
	refs_renames(mp, &r, msg);
	see_also(mp, &r, msg_page(mp, msg));
}

static void
action_page(struct man *mp, const void *arg)
{
	const struct amid_message *msg = arg;

	page_head(mp, msg_page(mp, msg), "AMI action ", msg->name);
	synopsis(mp, msg);
	description(mp, msg);
	parameters(mp, msg);
	response(mp, msg);
	events(mp, msg);
	privilege(mp, msg);
	message_versions(mp, msg);
	action_refs(mp, msg);
}

/* ---- event pages ------------------------------------------------------- */

/* How action a relates to event ev, as trusted markup; NULL: it does not. */
static const char *
relation(const struct amid_message *a, const struct amid_message *ev,
         const char **emit_desc)
{
	const struct amid_emit *e = xref_emit_of(a, ev);

	if (e != NULL) {
		*emit_desc = e->description;
		return "Caused by this action.";
	}
	if (xref_lists(a, ev))
		return "Sent as an item of the list that answers this action.";
	if (a->list_complete_ref == ev)
		return "Ends the list that answers this action.";
	return NULL;
}

static void
event_actions(struct man *mp, const struct amid_message *ev,
              struct refs *r)
{
	size_t i;
	int any = 0;

	for (i = 0; i < mp->m->nactions; i++) {
		const struct amid_message *a = &mp->m->actions[i];
		const char *desc = NULL, *how = relation(a, ev, &desc);

		if (how == NULL)
			continue;
		if (!any++)
			section(mp, ".SH", "ACTIONS");
		refs_add(mp, r, msg_page(mp, a));
		item(mp);
		named_xref(mp, a->name, msg_page(mp, a), "");
		out_markup(&mp->o, "%s\n", how);
		item_prose(mp, desc, NULL, 1);
	}
}

static void
fields(struct man *mp, const struct amid_message *msg)
{
	section(mp, ".SH", "FIELDS");
	if (msg->nuses == 0) {
		out_markup(&mp->o, "The dictionary lists no fields of its own.\n");
		mp->after_sh = 0;
	}
	use_items(mp, msg, msg->uses, msg->nuses, 0);
	if (count_common(mp, msg) == 0)
		return;
	para(mp);
	out_markup(&mp->o, "Like every event, it may also carry ");
	common_names(mp, msg);
	out_markup(&mp->o, "; see\n");
	xref(mp, "ami", ".");
}

static void
event_page(struct man *mp, const void *arg)
{
	const struct amid_message *msg = arg;
	struct refs r = {0};

	page_head(mp, msg_page(mp, msg), "AMI event ", msg->name);
	synopsis(mp, msg);
	description(mp, msg);
	fields(mp, msg);
	event_actions(mp, msg, &r);
	privilege(mp, msg);
	message_versions(mp, msg);
	refs_renames(mp, &r, msg);
	see_also(mp, &r, msg_page(mp, msg));
}

/* ---- ami(7): the protocol ---------------------------------------------- */

/*
 * The protocol prose is trusted markup written here; facts from Asterisk's
 * main/manager.c (see the reference notes of the project).  Examples are
 * indented no-fill blocks; an empty line in one is a message's end.
 * Not .EX/.EE: groff's .EE turns hyphenation back on.
 */
static const char proto_description[] =
    "The Asterisk Manager Interface (AMI) is the text protocol that\n"
    "Asterisk offers over TCP, on port 5038 by default, to monitor and\n"
    "control the PBX.\n"
    "A client connects, logs in and sends \\fIactions\\fP; Asterisk\n"
    "answers each action with a \\fIresponse\\fP and, as things happen,\n"
    "sends \\fIevents\\fP.\n"
    "Manager users, their secrets and their permissions are set in\n"
    "manager.conf.\n"
    ".PP\n"
    "On connection the server sends one line,\n"
    "\\fBAsterisk Call Manager/\\fP\\fIversion\\fP,\n"
    "where \\fIversion\\fP is the AMI version: 2.x is Asterisk 12 and 13;\n"
    "from Asterisk 14 on, the AMI major version is the Asterisk major\n"
    "version minus 11.\n"
    ".PP\n"
    "This page describes the protocol and lists the responses, privilege\n"
    "classes, actions and events of the dictionary.\n"
    "Each header is described in\n"
    ".BR ami\\-headers (7),\n"
    "each action and each event on a page of its own.\n";

static const char proto_messages[] =
    "A message is a list of lines of the form\n"
    "\\fIName\\fP\\fB:\\fP \\fIvalue\\fP,\n"
    "each ended by CR LF; an empty line ends the message.\n"
    "The first header says what the message is:\n"
    ".TP\n"
    ".B Action\n"
    "a request from the client;\n"
    ".TP\n"
    ".B Response\n"
    "the server's reply to an action;\n"
    ".TP\n"
    ".B Event\n"
    "a report the server sends when something happens.\n"
    ".PP\n"
    "Header names match in any case, and the colon must follow the name\n"
    "directly.\n"
    "Asterisk skips blanks at the start of a value but keeps blanks at\n"
    "its end.\n"
    "When a header appears twice the first usually wins; headers that may\n"
    "be given more than once (such as \\fBVariable\\fP) say so.\n"
    "Asterisk also accepts a bare LF as a line end, silently ignores\n"
    "headers an action does not use, takes at most 128 headers in a\n"
    "message, and answers a line longer than 1024 bytes with\n"
    "\\fBResponse: Error\\fP.\n"
    "A request and its reply:\n"
    ".PP\n"
    ".RS 4\n"
    ".nf\n"
    "Action: Ping\n"
    "ActionID: 1\n"
    "\n"
    "Response: Success\n"
    "ActionID: 1\n"
    "Ping: Pong\n"
    "Timestamp: 1732591089.123456\n"
    "\n"
    ".fi\n"
    ".RE\n";

static const char proto_login[] =
    "Until it logs in, a session may only send \\fBLogin\\fP,\n"
    "\\fBLogoff\\fP and \\fBChallenge\\fP; any other action is answered\n"
    "\\fBResponse: Error\\fP with \\fBMessage: Permission denied\\fP.\n"
    "\\fBLogin\\fP takes the manager user in \\fBUsername\\fP and its\n"
    "password in \\fBSecret\\fP (or, after \\fBChallenge\\fP, a digest in\n"
    "\\fBKey\\fP with \\fBAuthType: md5\\fP), and an optional\n"
    "\\fBEvents\\fP header saying which events the session wants:\n"
    "\\fBon\\fP, \\fBoff\\fP, or a comma\\-separated list of classes.\n"
    ".PP\n"
    ".RS 4\n"
    ".nf\n"
    "Action: Login\n"
    "Username: admin\n"
    "Secret: mysecret\n"
    "Events: off\n"
    "\n"
    "Response: Success\n"
    "Message: Authentication accepted\n"
    "\n"
    ".fi\n"
    ".RE\n"
    ".PP\n"
    "The \\fBEvents\\fP action changes the event mask later; it reads the\n"
    "\\fBEventMask\\fP header, not \\fBEvents\\fP.\n"
    "\\fBLogoff\\fP ends the session: the server answers\n"
    "\\fBResponse: Goodbye\\fP and closes the connection.\n";

static const char proto_actionid[] =
    "An action may carry an \\fBActionID\\fP header with a value the\n"
    "client chooses.\n"
    "The server copies it into the response and into every event of a\n"
    "list that answers the action, so a client can tell which reply and\n"
    "which events belong to which request, even when unrelated events\n"
    "arrive in between.\n"
    "Keep action ids short and printable: some list actions copy them\n"
    "into buffers as small as 80 bytes and cut longer ones short.\n";

static const char proto_lists[] =
    "An action that returns many items answers with a list.\n"
    "The response carries \\fBResponse: Success\\fP and\n"
    "\\fBEventList: start\\fP; every item follows as an event carrying the\n"
    "action's \\fBActionID\\fP; a last event, whose name usually ends in\n"
    "\\fBComplete\\fP, closes the list with \\fBEventList: Complete\\fP and\n"
    "\\fBListItems\\fP, the number of items sent.\n"
    "The page of a list action names its events.\n"
    ".PP\n"
    ".RS 4\n"
    ".nf\n"
    "Action: Status\n"
    "ActionID: 7\n"
    "\n"
    "Response: Success\n"
    "ActionID: 7\n"
    "EventList: start\n"
    "Message: Channel status will follow\n"
    "\n"
    "Event: Status\n"
    "ActionID: 7\n"
    "Channel: PJSIP/100\\-00000001\n"
    "\n"
    "Event: StatusComplete\n"
    "ActionID: 7\n"
    "EventList: Complete\n"
    "ListItems: 1\n"
    "\n"
    ".fi\n"
    ".RE\n";

static const char proto_classes[] =
    "Every action and every event belongs to privilege classes.\n"
    "In manager.conf, the \\fBwrite=\\fP setting of a manager user lists\n"
    "the classes of the actions it may send, and its \\fBread=\\fP setting\n"
    "the classes of the events it receives; an event names its classes in\n"
    "its \\fBPrivilege\\fP header.\n"
    "The classes:\n";

static const char proto_files[] =
    ".TP\n"
    ".I /etc/asterisk/manager.conf\n"
    "Manager users, their secrets and their \\fBread=\\fP and\n"
    "\\fBwrite=\\fP classes; whether AMI is enabled and on which port.\n";

/* A hand-written section: trusted markup. */
static void
proto_section(struct man *mp, const char *title, const char *markup)
{
	section(mp, ".SH", title);
	out_markup(&mp->o, "%s", markup);
	mp->after_sh = 0;
}

static void
responses(struct man *mp)
{
	size_t i;

	section(mp, ".SH", "RESPONSES");
	out_markup(&mp->o, "The value of the \\fBResponse\\fP header says how "
	                   "an action went.\nThe responses and the headers "
	                   "they may carry:\n");
	mp->after_sh = 0;
	for (i = 0; i < mp->m->nresponses; i++) {
		const struct amid_message *r = &mp->m->responses[i];

		item(mp);
		out_markup(&mp->o, "\\fBResponse: ");
		out_text(&mp->o, r->name);
		out_markup(&mp->o, "\\fP\n");
		versions(mp, &r->ver);
		item_prose(mp, r->description, NULL,
		           phrase_has_versions(&r->ver));
		if (r->nuses == 0)
			continue;
		out_markup(&mp->o, ".RS\n");
		use_items(mp, r, r->uses, r->nuses, 0);
		out_markup(&mp->o, ".RE\n");
	}
}

static void
common_headers(struct man *mp)
{
	static const char *const title[AMID_KIND__MAX] = {
	    [AMID_ACTION] = "Every action",
	    [AMID_EVENT] = "Every event",
	    [AMID_RESPONSE] = "Every response",
	};
	int k;

	section(mp, ".SH", "COMMON HEADERS");
	out_markup(&mp->o, "Headers any message of a kind may carry, besides "
	                   "its own.\n");
	mp->after_sh = 0;
	for (k = 0; k < AMID_KIND__MAX; k++) {
		const struct amid_message *c = &mp->m->common[k];

		if (c->nuses == 0)
			continue;
		section(mp, ".SS", title[k]);
		use_items(mp, c, c->uses, c->nuses, k == AMID_ACTION);
	}
}

static void
classes(struct man *mp)
{
	size_t i;

	proto_section(mp, "PRIVILEGE CLASSES", proto_classes);
	for (i = 0; i < mp->m->nclasses; i++) {
		const struct amid_class *c = &mp->m->classes[i];

		item(mp);
		bold(mp, c->name);
		out_markup(&mp->o, "\n");
		versions(mp, &c->ver);
		item_prose(mp, c->description, NULL,
		           phrase_has_versions(&c->ver));
	}
}

/* The messages v[0..n) by name, each with its page; comma-separated. */
static void
page_list(struct man *mp, const char *title, const struct amid_message *v,
          size_t n, const char *what)
{
	size_t i;

	section(mp, ".SH", title);
	mp->after_sh = 0;
	if (n == 0) {
		out_markup(&mp->o, "The dictionary describes no %s.\n", what);
		return;
	}
	for (i = 0; i < n; i++)
		named_xref(mp, v[i].name, msg_page(mp, &v[i]),
		           i + 1 < n ? "," : ".");
}

static void
ami_page(struct man *mp, const void *arg)
{
	struct refs r = {0};

	(void)arg;
	page_head(mp, "ami", "the Asterisk Manager Interface protocol", "");
	proto_section(mp, "DESCRIPTION", proto_description);
	proto_section(mp, "MESSAGES", proto_messages);
	proto_section(mp, "LOGIN", proto_login);
	proto_section(mp, "ACTION IDS", proto_actionid);
	proto_section(mp, "LISTS", proto_lists);
	responses(mp);
	common_headers(mp);
	classes(mp);
	page_list(mp, "ACTIONS", mp->m->actions, mp->m->nactions, "actions");
	page_list(mp, "EVENTS", mp->m->events, mp->m->nevents, "events");
	proto_section(mp, "FILES", proto_files);
	if (mp->m->nrules > 0)
		refs_add(mp, &r, "amilint-rules");
	see_also(mp, &r, "ami");
}

/* ---- ami-headers(7) ---------------------------------------------------- */

static const char headers_description[] =
    "Every AMI message is a list of headers,\n"
    "\\fIName\\fP\\fB:\\fP \\fIvalue\\fP.\n"
    "This page lists every header of the dictionary, in alphabetical\n"
    "order ignoring case; names match in any case, and the spelling shown\n"
    "is the usual one.\n"
    ".PP\n"
    "One header can mean different things in different messages.\n"
    "Each meaning is listed on its own, with a key telling it apart when\n"
    "there are several (\\fIName\\fP/\\fIkey\\fP): its type and what the\n"
    "type allows, its version history, what it means, and the actions,\n"
    "events and responses that use it.\n";

static const char *const source_text[AMID_SRC__MAX] = {
    [AMID_SRC_SEED] = "Source: the classic manager API text.",
    [AMID_SRC_ASTERISK] = "Source: Asterisk's XML documentation.",
    [AMID_SRC_WIRE] = "Source: seen on the wire, undocumented.",
};

static void
types(struct man *mp)
{
	int t;

	section(mp, ".SH", "TYPES");
	out_markup(&mp->o, "The value types of headers:\n");
	mp->after_sh = 0;
	for (t = 0; t < AMID_T__MAX; t++) {
		item(mp);
		out_markup(&mp->o, "\\fI%s\\fP\n%s\n",
		           amid_type_name((enum amid_type)t),
		           type_docs[t].accepts ? type_docs[t].accepts : "");
	}
}

/* One use of a meaning: "page(7) (role)" or words for the rest. */
static void
used_by_one(struct man *mp, const struct amid_use *u, const char *tail)
{
	static const char *const every[AMID_KIND__MAX] = {
	    [AMID_ACTION] = "every action",
	    [AMID_EVENT] = "every event",
	    [AMID_RESPONSE] = "every response",
	};
	const struct amid_message *o = u->owner;

	if (o->name == NULL)
		out_markup(&mp->o, "%s (common)%s\n", every[o->kind], tail);
	else if (o->kind == AMID_RESPONSE) {
		out_markup(&mp->o, "response ");
		bold(mp, o->name);
		out_markup(&mp->o, "%s\n", tail);
	} else {
		xref(mp, msg_page(mp, o), "");
		out_markup(&mp->o, "(%s)%s\n",
		           o->kind == AMID_EVENT ? "field"
		           : u->in_response      ? "response"
		                                 : "parameter",
		           tail);
	}
}

static void
used_by(struct man *mp, const struct amid_meaning *mn)
{
	size_t i;

	para(mp);
	if (mn->nuses == 0) {
		out_markup(&mp->o, "No message of the dictionary uses it.\n");
		return;
	}
	out_markup(&mp->o, "Used by\n");
	for (i = 0; i < mn->nuses; i++)
		used_by_one(mp, mn->uses[i], i + 1 < mn->nuses ? "," : ".");
}

/* An enumeration's values, each with its versions and description. */
static void
values(struct man *mp, const struct amid_meaning *mn)
{
	size_t i;

	if (mn->nvalues == 0)
		return;
	para(mp);
	out_markup(&mp->o, "Values:\n");
	for (i = 0; i < mn->nvalues; i++) {
		const struct amid_value *v = &mn->values[i];

		item(mp);
		bold(mp, v->name);
		out_markup(&mp->o, "\n");
		versions(mp, &v->ver);
		item_prose(mp, v->description, NULL,
		           phrase_has_versions(&v->ver));
	}
}

static void
meaning_item(struct man *mp, const struct amid_meaning *mn)
{
	char label[512];

	amid_meaning_label(mn, label, sizeof(label));
	item(mp);
	bold(mp, label);
	out_markup(&mp->o, ": \\fI%s\\fP\n", amid_type_name(mn->type));
	meaning_facts(mp, mn, 0);
	if (source_text[mn->source] != NULL)
		out_markup(&mp->o, "%s\n", source_text[mn->source]);
	versions(mp, &mn->ver);
	out_markup(&mp->o, ".RS\n");
	prose(mp, mn->description, 0);
	values(mp, mn);
	used_by(mp, mn);
	out_markup(&mp->o, ".RE\n");
}

static void
headers_page(struct man *mp, const void *arg)
{
	struct refs r = {0};
	size_t i, k;

	(void)arg;
	page_head(mp, "ami-headers",
	          "the headers of the Asterisk Manager Interface", "");
	proto_section(mp, "DESCRIPTION", headers_description);
	types(mp);
	section(mp, ".SH", "HEADERS");
	for (i = 0; i < mp->m->nheaders; i++)
		for (k = 0; k < mp->m->headers[i].nmeanings; k++)
			meaning_item(mp, &mp->m->headers[i].meanings[k]);
	if (mp->m->nheaders == 0) {
		out_markup(&mp->o, "The dictionary describes no headers.\n");
		mp->after_sh = 0;
	}
	see_also(mp, &r, "ami-headers");
}

/* ---- amilint-rules(7) -------------------------------------------------- */

static const char rules_description[] =
    ".BR amilint (1)\n"
    "checks transcripts of AMI traffic against the rules on this page.\n"
    "Each rule has a stable ID, such as AMI0101, a name, such as\n"
    "bare\\-lf, and a category; amilint names the rule of each finding by\n"
    "its ID and name, and its \\fB\\-\\-enable\\fP and \\fB\\-\\-disable\\fP\n"
    "options take IDs, names and categories.\n"
    "Each rule has a default severity, \\fBnote\\fP, \\fBwarning\\fP or\n"
    "\\fBerror\\fP; \\fB\\-W\\fP hides the findings below a severity.\n"
    ".PP\n"
    "The rules come in five categories: framing (line ends and the syntax\n"
    "of messages), headers (the headers of each message), session (the\n"
    "conversation as a whole), dictionary (what the dictionary and the\n"
    "target version know) and security.\n"
    ".PP\n"
    "Each rule comes with an example that triggers it and one that does\n"
    "not.\n"
    "In the examples every line ends with CR LF, except that a line ending\n"
    "in <LF> ends with a bare LF and one ending in <EOF> ends the input\n"
    "there, and <NUL>, <TAB>, <CR> and <X\\fIHH\\fP> stand for a NUL byte,\n"
    "a tab, a carriage return and the byte with the hexadecimal value\n"
    "\\fIHH\\fP.\n"
    "The empty line that ends the last message is not shown.\n";

/*
 * One line of an example in a no-fill block.  Blanks at its end are part
 * of the example: \& after them keeps them without a trailing blank.
 */
static void
example_line(struct man *mp, const char *line)
{
	size_t len = strlen(line);

	out_text(&mp->o, line);
	if (len > 0 && (line[len - 1] == ' ' || line[len - 1] == '\t'))
		out_markup(&mp->o, "\\&");
	out_markup(&mp->o, "\n");
}

/* An example transcript as the dictionary writes it, markers and all. */
static void
example(struct man *mp, const char *title, const char *text)
{
	char *copy, *line, *nl;

	if (text == NULL || *text == '\0')
		return;
	if ((copy = strdup(text)) == NULL) {
		mp->failed = 1;
		return;
	}
	para(mp);
	out_markup(&mp->o, "%s\n.PP\n.RS 4\n.nf\n", title);
	for (line = copy; line != NULL; line = nl) {
		if ((nl = strchr(line, '\n')) != NULL)
			*nl++ = '\0';
		example_line(mp, line);
	}
	out_markup(&mp->o, ".fi\n.RE\n");
	free(copy);
}

static void
rule_section(struct man *mp, const struct amid_rule *r)
{
	out_markup(&mp->o, ".SS ");
	out_text(&mp->o, r->id);
	out_markup(&mp->o, " ");
	out_text(&mp->o, r->name);
	out_markup(&mp->o, "\n");
	mp->after_sh = 1;
	prose(mp, r->summary, 1);
	out_markup(&mp->o, "Default severity: \\fB%s\\fP.\n",
	           amid_severity_name(r->severity));
	mp->after_sh = 0;
	prose(mp, r->description, 0);
	example(mp, "Bad example:", r->bad);
	example(mp, "Good example:", r->good);
}

/* "FRAMING RULES": the title the other formats give, as .SH spells it. */
static void
category_section(struct man *mp, enum amid_rule_category c)
{
	const char *t = phrase_category(c);
	char title[64];
	size_t i;

	for (i = 0; t[i] != '\0' && i + 1 < sizeof(title); i++)
		title[i] = (char)toupper((unsigned char)t[i]);
	title[i] = '\0';
	section(mp, ".SH", title);
}

/* The rules of category c, in the model's order (by ID). */
static void
rule_category(struct man *mp, enum amid_rule_category c)
{
	size_t i;
	int any = 0;

	for (i = 0; i < mp->m->nrules; i++) {
		if (mp->m->rules[i].category != c)
			continue;
		if (!any++)
			category_section(mp, c);
		rule_section(mp, &mp->m->rules[i]);
	}
}

static void
rules_page(struct man *mp, const void *arg)
{
	int c;

	(void)arg;
	page_head(mp, "amilint-rules", "the lint rules of amilint", "");
	proto_section(mp, "DESCRIPTION", rules_description);
	for (c = 0; c < AMID_CAT__MAX; c++)
		rule_category(mp, (enum amid_rule_category)c);
	section(mp, ".SH", "SEE ALSO");
	out_markup(&mp->o, ".BR amilint (1),\n");
	xref(mp, "ami", ",");
	xref(mp, "ami-headers", "");
}

/* ---- the back-end ------------------------------------------------------ */

int
emit_man(const struct amid_model *m, FILE *f, const struct emit_opts *opts)
{
	struct man mp = {.m = m, .dir = opts->out};
	size_t i;

	(void)f;
	if (page_names_init(&mp.pages, m, &page_style) < 0)
		mp.failed = 1;
	else {
		write_page(&mp, "ami", ami_page, NULL);
		write_page(&mp, "ami-headers", headers_page, NULL);
		if (m->nrules > 0)
			write_page(&mp, "amilint-rules", rules_page, NULL);
		for (i = 0; i < m->nactions; i++)
			write_page(&mp, msg_page(&mp, &m->actions[i]),
			           action_page, &m->actions[i]);
		for (i = 0; i < m->nevents; i++)
			write_page(&mp, msg_page(&mp, &m->events[i]),
			           event_page, &m->events[i]);
		page_names_free(&mp.pages);
	}
	if (mp.failed)
		fprintf(stderr, "amigen: -T man: could not write the pages "
		                "under %s\n", opts->out);
	return mp.failed ? -1 : 0;
}
