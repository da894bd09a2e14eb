/*
 * emit_latex.c: -T latex, the linked model as one LaTeX reference for
 * pdflatex: the protocol, privilege classes, actions, events, one table of
 * every header, amilint's lint rules (when the dictionary has any), and
 * an index.  Dictionary text goes through esc_latex.c, prose through
 * cmark's LaTeX renderer; every \ref and \hyperref points at a label this
 * file writes (tests/run-latex.sh checks that pdflatex agrees).
 */
#include <stdlib.h>
#include <string.h>

#include "emit.h"
#include "esc_latex.h"
#include "out.h"
#include "phrase.h"
#include "render.h"
#include "xref.h"

/* What a label names; its prefix keeps names of different kinds apart. */
enum lkind {
	LK_ACTION,
	LK_EVENT,
	LK_RESPONSE,
	LK_HEADER,
	LK_CLASS,
	LK_TYPE,
	LK_COMMON,
	LK_RULE,
	LK__MAX
};

static const char *const lkind_prefix[] = {
    [LK_ACTION] = "action", [LK_EVENT] = "event", [LK_RESPONSE] = "response",
    [LK_HEADER] = "header", [LK_CLASS] = "class", [LK_TYPE] = "type",
    [LK_COMMON] = "common", [LK_RULE] = "rule",
};
_Static_assert(sizeof(lkind_prefix) / sizeof(lkind_prefix[0]) == LK__MAX,
               "one prefix per label kind");
/* Names that are never linked, such as enumeration values. */
#define LK_PLAIN LK__MAX

/* What each value type accepts, for the table of types. */
static const char *const type_text[] = {
    [AMID_T_STRING] = "anything",
    [AMID_T_INTEGER] = "an optional sign and digits",
    [AMID_T_BOOL] = ("Asterisk's boolean: yes, true, y, t, 1, on or no, "
                     "false, n, f, 0, off, in any case; Asterisk reads "
                     "anything else as false"),
    [AMID_T_YESNO] = "Y or N",
    [AMID_T_ENUM] = "one of the values listed for the header",
    [AMID_T_CLASSLIST] = "comma-separated privilege class names",
    [AMID_T_EVENTMASK] = ("on or off, a boolean word, a number, or a "
                          "comma list of privilege classes"),
    [AMID_T_CHANNEL] = "a channel name, Tech/resource",
    [AMID_T_DIALSTRING] = "what to dial, Tech/resource",
    [AMID_T_UNIQUEID] = "a channel's unique id, such as 1732591089.12",
    [AMID_T_ACTIONID] = "a correlation id chosen by the client",
    [AMID_T_TIMESTAMP] = "seconds since the epoch, with an optional fraction",
    [AMID_T_DATETIME] = "a calendar date and time, YYYY-MM-DD HH:MM:SS",
    [AMID_T_SECONDS] = "a non-negative count of seconds",
    [AMID_T_MILLISECONDS] = "a non-negative count of milliseconds",
    [AMID_T_VARIABLE] = "NAME=value",
    [AMID_T_IPADDR] = "an IPv4 or IPv6 address",
    [AMID_T_PORT] = "a TCP or UDP port, 0 to 65535",
    [AMID_T_PRIORITY] = "a dialplan priority: a positive number or a label",
};
_Static_assert(sizeof(type_text) / sizeof(type_text[0]) == AMID_T__MAX,
               "one text per value type");

/* Where an entry comes from, said for a reader. */
static const char *const source_text[] = {
    [AMID_SRC_NONE] = NULL,
    [AMID_SRC_SEED] = "the classic manager API text",
    [AMID_SRC_ASTERISK] = "Asterisk's XML documentation",
    [AMID_SRC_WIRE] = "seen on the wire, undocumented",
};
_Static_assert(sizeof(source_text) / sizeof(source_text[0]) == AMID_SRC__MAX,
               "one text per source");

struct ltx {
	struct out o;
	const struct amid_model *m;
	int nomem; /* prose could not be rendered */
};

/* Trusted markup with no arguments: a % in it is just a %. */
static void
raw(struct ltx *L, const char *s)
{
	out_markup(&L->o, "%s", s);
}

static void
text(struct ltx *L, const char *s)
{
	out_text(&L->o, s);
}

static void
tt(struct ltx *L, const char *s)
{
	raw(L, "\\texttt{");
	text(L, s);
	raw(L, "}");
}

static void
label_key(struct ltx *L, enum lkind k, const char *name)
{
	out_markup(&L->o, "%s:", lkind_prefix[k]);
	esc_latex_label(L->o.f, name);
}

static void
label(struct ltx *L, enum lkind k, const char *name)
{
	raw(L, "\\label{");
	label_key(L, k, name);
	raw(L, "}");
}

/* A label inside a table or list, where no counter made an anchor. */
static void
anchor(struct ltx *L, enum lkind k, const char *name)
{
	raw(L, "\\phantomsection");
	label(L, k, name);
}

/* The name in typewriter type, linked to its label. */
static void
link_to(struct ltx *L, enum lkind k, const char *name)
{
	raw(L, "\\hyperref[");
	label_key(L, k, name);
	raw(L, "]{");
	tt(L, name);
	raw(L, "}");
}

/* The link and the number of the section it points to. */
static void
link_to_ref(struct ltx *L, enum lkind k, const char *name)
{
	link_to(L, k, name);
	raw(L, "~(\\S\\ref{");
	label_key(L, k, name);
	raw(L, "})");
}

/*
 * "Status (event)", one line per entry; the sort key "Status event" puts
 * a name's kinds together, before longer names such as StatusComplete.
 */
static void
index_entry(struct ltx *L, const char *name, const char *kind)
{
	raw(L, "\\index{");
	esc_latex_index(L->o.f, name);
	out_markup(&L->o, " %s@\\texttt{", kind);
	esc_latex_index(L->o.f, name);
	out_markup(&L->o, "} (%s)}", kind);
}

/*
 * Prose leaves its last paragraph open: a table cell that ended between
 * paragraphs would get an empty line (array's final strut), so whatever
 * follows prose in a cell starts with \par itself.
 */
static void
prose(struct ltx *L, const char *md)
{
	char *r;

	if (md == NULL)
		return;
	if ((r = render_prose(md, RENDER_LATEX)) == NULL) {
		L->nomem = 1;
		return;
	}
	raw(L, "\\begin{amiprose}\n");
	out_rendered(&L->o, r);
	raw(L, "\\end{amiprose}\n");
	free(r);
}

/* Writes s with the characters that would end a % comment as spaces. */
static void
comment_text(FILE *f, const char *s)
{
	for (; *s != '\0'; s++)
		putc(*s == '\n' || *s == '\r' ? ' ' : *s, f);
}

static const struct amid_message *
find_response(const struct amid_model *m, const char *name)
{
	size_t i;

	for (i = 0; i < m->nresponses; i++)
		if (strcmp(m->responses[i].name, name) == 0)
			return &m->responses[i];
	return NULL;
}

/* The canonical spelling of a name of kind k, NULL when there is none. */
static const char *
canonical(const struct amid_model *m, enum lkind k, const char *name)
{
	const struct amid_message *msg = NULL;
	const struct amid_header *h;
	const struct amid_class *c;

	switch (k) {
	case LK_ACTION:
		msg = amid_find_action(m, name);
		break;
	case LK_EVENT:
		msg = amid_find_event(m, name);
		break;
	case LK_RESPONSE:
		msg = find_response(m, name);
		break;
	case LK_HEADER:
		h = amid_find_header(m, name);
		return h != NULL ? h->name : NULL;
	case LK_CLASS:
		c = amid_find_class(m, name);
		return c != NULL ? c->name : NULL;
	default:
		return NULL;
	}
	return msg != NULL ? msg->name : NULL;
}

/* A link when the dictionary has the entry, else the plain name. */
static void
maybe_link(struct ltx *L, enum lkind k, const char *name, int with_ref)
{
	const char *c = canonical(L->m, k, name);

	if (c == NULL)
		tt(L, name);
	else if (with_ref)
		link_to_ref(L, k, c);
	else
		link_to(L, k, c);
}

/* A header's meaning: the header itself when it has only one. */
static void
meaning_key(struct ltx *L, const struct amid_meaning *mn)
{
	if (mn->key == NULL) {
		label_key(L, LK_HEADER, mn->header->name);
		return;
	}
	/* "::" never occurs in an escaped label, so it cannot collide. */
	raw(L, "meaning:");
	esc_latex_label(L->o.f, mn->header->name);
	raw(L, "::");
	esc_latex_label(L->o.f, mn->key);
}

static void
meaning_link(struct ltx *L, const struct amid_meaning *mn)
{
	raw(L, "\\hyperref[");
	meaning_key(L, mn);
	raw(L, "]{");
	tt(L, mn->header->name);
	raw(L, "}");
	if (mn->key != NULL) {
		raw(L, " {\\small(\\textit{");
		text(L, mn->key);
		raw(L, "})}");
	}
}

static void
type_link(struct ltx *L, enum amid_type t)
{
	raw(L, "\\hyperref[");
	label_key(L, LK_TYPE, amid_type_name(t));
	raw(L, "]{");
	text(L, amid_type_name(t));
	raw(L, "}");
}

/* Names, comma separated, each linked when the dictionary has it. */
static void
name_list(struct ltx *L, enum lkind k, const char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (i > 0)
			raw(L, ", ");
		maybe_link(L, k, v[i], 0);
	}
}

/*
 * Version facts, as rows of a two-column table (rows != 0) or as
 * sentences; renamed-to names link to entries of kind k.
 */
static void
versions(struct ltx *L, const struct amid_versions *v, enum lkind k,
         int rows)
{
	const char *what[] = {"Since", "Deprecated in", "Removed in"};
	const char *ver[] = {v->since, v->deprecated, v->removed};
	size_t i;

	for (i = 0; i < sizeof(ver) / sizeof(ver[0]); i++) {
		if (ver[i] == NULL)
			continue;
		out_markup(&L->o, rows ? "%s & Asterisk " : "%s Asterisk ",
		           what[i]);
		text(L, ver[i]);
		raw(L, rows ? "\\\\\n" : ". ");
	}
	if (v->nrenamed_to > 0) {
		raw(L, rows ? "Renamed to & " : "Renamed to ");
		name_list(L, k, v->renamed_to, v->nrenamed_to);
		raw(L, rows ? "\\\\\n" : ". ");
	}
}

static void
source_row(struct ltx *L, enum amid_source s)
{
	if (source_text[s] != NULL)
		out_markup(&L->o, "Source & %s\\\\\n", source_text[s]);
}

/* The facts of a message, as a small table under its heading. */
static void
message_facts(struct ltx *L, const struct amid_message *msg, enum lkind k)
{
	size_t i;

	if (msg->nclasses == 0 && source_text[msg->source] == NULL &&
	    !phrase_has_versions(&msg->ver))
		return;
	raw(L, "\\begin{amifacts}\n");
	if (msg->nclasses > 0) {
		raw(L, msg->nclasses > 1 ? "Classes & " : "Class & ");
		for (i = 0; i < msg->nclasses; i++) {
			if (i > 0)
				raw(L, ", ");
			link_to(L, LK_CLASS, msg->class_refs[i]->name);
		}
		raw(L, "\\\\\n");
	}
	versions(L, &msg->ver, k, 1);
	source_row(L, msg->source);
	raw(L, "\\end{amifacts}\n\n");
}

/* An enumeration's values, names only, for a parameter's row. */
static void
value_names(struct ltx *L, const struct amid_meaning *mn)
{
	size_t i;

	if (mn->type != AMID_T_ENUM || mn->nvalues == 0)
		return;
	raw(L, "Values: ");
	for (i = 0; i < mn->nvalues; i++) {
		if (i > 0)
			raw(L, ", ");
		tt(L, mn->values[i].name);
	}
	raw(L, ".\n");
}

/* The description cell of a parameter or field. */
static void
use_cell(struct ltx *L, const struct amid_message *msg,
         const struct amid_use *u)
{
	const struct amid_meaning *mn = u->meaning;

	prose(L, u->description != NULL ? u->description : mn->description);
	if (u->group >= 0 || mn->repeat || phrase_has_versions(&u->ver) ||
	    (mn->type == AMID_T_ENUM && mn->nvalues > 0))
		raw(L, "\\par ");
	if (u->group >= 0) {
		raw(L, "In group \\emph{");
		text(L, msg->groups[u->group].name);
		raw(L, "}. ");
	}
	if (mn->repeat)
		raw(L, "May be repeated. ");
	versions(L, &u->ver, LK_HEADER, 0);
	value_names(L, mn);
}

static void
use_row(struct ltx *L, const struct amid_message *msg,
        const struct amid_use *u)
{
	meaning_link(L, u->meaning);
	raw(L, " & ");
	type_link(L, u->meaning->type);
	raw(L, u->required ? " & yes & " : " & & ");
	use_cell(L, msg, u);
	raw(L, "\\\\\n");
}

/* Parameters or fields: a table that may break across pages. */
static void
uses_table(struct ltx *L, const struct amid_message *msg,
           const struct amid_use *v, size_t n)
{
	size_t i;

	raw(L, "\\begin{amiuses}\n");
	for (i = 0; i < n; i++)
		use_row(L, msg, &v[i]);
	raw(L, "\\end{amiuses}\n\n");
}

/* "Every action may also carry the headers common to all actions (1.6)." */
static void
common_note(struct ltx *L, enum amid_kind k)
{
	const char *kind = amid_kind_name(k);

	if (L->m->common[k].nuses == 0)
		return;
	out_markup(&L->o, "Every %s may also carry the headers common to all "
	                  "%ss (\\S\\ref{",
	           kind, kind);
	label_key(L, LK_COMMON, kind);
	raw(L, "}).\n\n");
}

/* \section{Name}, its label and its index entry. */
static void
section_head(struct ltx *L, const struct amid_message *msg, enum lkind k)
{
	raw(L, "\\section{");
	text(L, msg->name);
	raw(L, "}");
	label(L, k, msg->name);
	index_entry(L, msg->name, lkind_prefix[k]);
	raw(L, "\n\n");
}

static void
params(struct ltx *L, const struct amid_message *a)
{
	raw(L, "\\subsection*{Parameters}\n");
	if (a->nuses == 0)
		raw(L, "None of its own.\n");
	else
		uses_table(L, a, a->uses, a->nuses);
	common_note(L, AMID_ACTION);
}

/* One group of a choice: its name and its parameters. */
static void
group_item(struct ltx *L, const struct amid_message *a, size_t g)
{
	size_t k, n = 0;

	raw(L, "\\item \\emph{");
	text(L, a->groups[g].name);
	raw(L, "}: ");
	for (k = 0; k < a->nuses; k++) {
		if (a->uses[k].group != (int)g)
			continue;
		if (n++ > 0)
			raw(L, ", ");
		meaning_link(L, a->uses[k].meaning);
		if (!a->uses[k].required)
			raw(L, " (optional)");
	}
	raw(L, "\n");
}

static void
choices(struct ltx *L, const struct amid_message *a)
{
	size_t i, g;

	if (a->nchoices == 0)
		return;
	raw(L, "\\subsection*{Choices}\n"
	       "The parameters of a group go together: when one of them is "
	       "given, so are all the others not marked optional.\n\n");
	for (i = 0; i < a->nchoices; i++) {
		const struct amid_choice *c = &a->choices[i];

		raw(L, c->required
		           ? "Give at least one of these groups:\n"
		           : "These groups are alternatives; none is needed:\n");
		raw(L, "\\begin{itemize}\n");
		for (g = c->first_group; g < c->first_group + c->ngroups; g++)
			group_item(L, a, g);
		raw(L, "\\end{itemize}\n\n");
	}
}

/* How a list action's events follow its response (see "Lists"). */
static void
list_note(struct ltx *L, const struct amid_message *a)
{
	size_t i;

	raw(L, "This action answers with a list (\\S\\ref{sec:lists}): the "
	       "response carries \\texttt{EventList: start}");
	if (a->nlist_items > 0)
		raw(L, a->nlist_items > 1 ? ", then one event per item, one of "
		                            : ", then one event per item, ");
	for (i = 0; i < a->nlist_items; i++) {
		if (i > 0)
			raw(L, i + 1 < a->nlist_items ? ", " : " or ");
		link_to_ref(L, LK_EVENT, a->list_item_refs[i]->name);
	}
	raw(L, "; the event ");
	link_to_ref(L, LK_EVENT, a->list_complete_ref->name);
	raw(L, " closes the list with \\texttt{EventList: Complete} and "
	       "\\texttt{ListItems}, the number of items sent.  All of them "
	       "carry the action's \\texttt{ActionID}.\n\n");
}

static void
response(struct ltx *L, const struct amid_message *a)
{
	raw(L, "\\subsection*{Response}\n");
	if (a->list_complete != NULL)
		list_note(L, a);
	if (!a->has_response) {
		if (a->list_complete == NULL)
			raw(L, "The dictionary does not describe the response.\n\n");
		return;
	}
	if (a->nresponse == 0) {
		raw(L, "A successful response carries no headers beyond "
		       "\\texttt{Response} and the common ones.\n\n");
		return;
	}
	raw(L, "A successful response carries these headers:\n\n");
	uses_table(L, a, a->response, a->nresponse);
}

static void
emitted_events(struct ltx *L, const struct amid_message *a)
{
	size_t i;

	if (a->nemits == 0)
		return;
	raw(L, "\\subsection*{Events}\nThis action may cause these events:\n"
	       "\\begin{itemize}\n");
	for (i = 0; i < a->nemits; i++) {
		raw(L, "\\item ");
		link_to_ref(L, LK_EVENT, a->emits[i].target->name);
		if (a->emits[i].description != NULL) {
			raw(L, ": ");
			prose(L, a->emits[i].description);
		}
		raw(L, "\n");
	}
	raw(L, "\\end{itemize}\n\n");
}

static void
action(struct ltx *L, const struct amid_message *a)
{
	section_head(L, a, LK_ACTION);
	message_facts(L, a, LK_ACTION);
	prose(L, a->description);
	params(L, a);
	choices(L, a);
	response(L, a);
	emitted_events(L, a);
}

/* How action a makes event ev appear, or NULL when it does not. */
static const char *
sends(const struct amid_message *a, const struct amid_message *ev)
{
	if (xref_lists(a, ev))
		return "sends it as an item of its list";
	if (a->list_complete_ref == ev)
		return "sends it to end its list";
	if (xref_emit_of(a, ev) != NULL)
		return "may cause it";
	return NULL;
}

static void
sent_by(struct ltx *L, const struct amid_message *ev)
{
	size_t i;
	int any = 0;

	for (i = 0; i < L->m->nactions; i++) {
		const struct amid_message *a = &L->m->actions[i];
		const char *how = sends(a, ev);

		if (how == NULL)
			continue;
		if (!any)
			raw(L, "\\subsection*{Sent by actions}\n"
			       "\\begin{itemize}\n");
		any = 1;
		raw(L, "\\item ");
		link_to_ref(L, LK_ACTION, a->name);
		out_markup(&L->o, " %s\n", how);
	}
	if (any)
		raw(L, "\\end{itemize}\n\n");
}

static void
event(struct ltx *L, const struct amid_message *ev)
{
	section_head(L, ev, LK_EVENT);
	message_facts(L, ev, LK_EVENT);
	prose(L, ev->description);
	raw(L, "\\subsection*{Fields}\n");
	if (ev->nuses == 0)
		raw(L, "None of its own.\n");
	else
		uses_table(L, ev, ev->uses, ev->nuses);
	common_note(L, AMID_EVENT);
	sent_by(L, ev);
}

/* Minimum, maximum, length and repetition of a meaning, as sentences. */
static void
limits(struct ltx *L, const struct amid_meaning *mn)
{
	if (mn->has_min || mn->has_max || mn->has_max_length || mn->repeat ||
	    source_text[mn->source] != NULL || phrase_has_versions(&mn->ver))
		raw(L, "\\par ");
	if (mn->has_min)
		out_markup(&L->o, "Minimum %lld. ", mn->min);
	if (mn->has_max)
		out_markup(&L->o, "Maximum %lld. ", mn->max);
	if (mn->has_max_length)
		out_markup(&L->o, "At most %llu characters. ", mn->max_length);
	if (mn->repeat)
		raw(L, "May appear more than once in a message. ");
	if (source_text[mn->source] != NULL)
		out_markup(&L->o, "Source: %s. ", source_text[mn->source]);
	versions(L, &mn->ver, LK_HEADER, 0);
}

/* An enumeration's values, each with its version facts and prose. */
static void
values(struct ltx *L, const struct amid_meaning *mn)
{
	size_t i;

	if (mn->type != AMID_T_ENUM || mn->nvalues == 0)
		return;
	out_markup(&L->o, "\\par Values%s:\n\\begin{amivalues}\n",
	           mn->case_insensitive ? " (any case)" : "");
	for (i = 0; i < mn->nvalues; i++) {
		const struct amid_value *v = &mn->values[i];

		raw(L, "\\item ");
		tt(L, v->name);
		if (phrase_has_versions(&v->ver) || v->description != NULL)
			raw(L, ": ");
		versions(L, &v->ver, LK_PLAIN, 0);
		prose(L, v->description);
		raw(L, "\n");
	}
	raw(L, "\\end{amivalues}\n");
}

/* The uses of a meaning of one category, comma separated after a lead. */
struct use_cat {
	const char *lead;
	enum amid_kind kind;
	int in_response;
	enum lkind link;
};

static const struct use_cat use_cats[] = {
    {"Parameter of actions", AMID_ACTION, 0, LK_ACTION},
    {"In responses to actions", AMID_ACTION, 1, LK_ACTION},
    {"Field of events", AMID_EVENT, 0, LK_EVENT},
    {"Field of responses", AMID_RESPONSE, 0, LK_RESPONSE},
};

static int
in_cat(const struct amid_use *u, const struct use_cat *c)
{
	return u->owner->kind == c->kind && u->owner->name != NULL &&
	       u->in_response == c->in_response;
}

static void
used_in_cat(struct ltx *L, const struct amid_meaning *mn,
            const struct use_cat *c)
{
	size_t i;
	int n = 0;

	for (i = 0; i < mn->nuses; i++) {
		if (!in_cat(mn->uses[i], c))
			continue;
		if (n++ > 0)
			raw(L, ", ");
		else
			out_markup(&L->o, "\\par %s: ", c->lead);
		link_to(L, c->link, mn->uses[i]->owner->name);
	}
	if (n > 0)
		raw(L, ".\n");
}

static void
used_by(struct ltx *L, const struct amid_meaning *mn)
{
	size_t i;
	int n = 0;

	for (i = 0; i < mn->nuses; i++) {
		const struct amid_message *o = mn->uses[i]->owner;
		const char *kind = amid_kind_name(o->kind);

		if (o->name != NULL)
			continue;
		raw(L, n++ > 0 ? ", " : "\\par Common to every ");
		out_markup(&L->o, "%s (\\S\\ref{", kind);
		label_key(L, LK_COMMON, kind);
		raw(L, "})");
	}
	if (n > 0)
		raw(L, ".\n");
	for (i = 0; i < sizeof(use_cats) / sizeof(use_cats[0]); i++)
		used_in_cat(L, mn, &use_cats[i]);
}

/* One row of the table of headers: a meaning, named on its first row. */
static void
meaning_row(struct ltx *L, const struct amid_meaning *mn, int first)
{
	if (first) {
		anchor(L, LK_HEADER, mn->header->name);
		index_entry(L, mn->header->name, "header");
		tt(L, mn->header->name);
	}
	raw(L, " & ");
	if (mn->key != NULL) {
		raw(L, "\\phantomsection\\label{");
		meaning_key(L, mn);
		raw(L, "}\\textit{");
		text(L, mn->key);
		raw(L, "}");
	}
	raw(L, " & ");
	type_link(L, mn->type);
	raw(L, " & ");
	prose(L, mn->description);
	limits(L, mn);
	values(L, mn);
	used_by(L, mn);
	raw(L, "\\\\\n");
}

static void
headers_chapter(struct ltx *L)
{
	size_t i, k;

	raw(L, "\\chapter{Headers}\\label{chap:headers}\n"
	       "Every header of the dictionary, in alphabetical order.  A "
	       "header that means different things in different messages has "
	       "one row per meaning, told apart by a key; the tables of "
	       "actions and events name the key they use.  The last column "
	       "says what the header means, which values it takes, and "
	       "where it applies.\n\n"
	       "\\begin{amiheaders}\n");
	for (i = 0; i < L->m->nheaders; i++) {
		const struct amid_header *h = &L->m->headers[i];

		if (i > 0)
			raw(L, "\\midrule\n");
		for (k = 0; k < h->nmeanings; k++)
			meaning_row(L, &h->meanings[k], k == 0);
	}
	raw(L, "\\end{amiheaders}\n\n");
}

/* "Actions: A, B." for the messages of kind k in class c. */
static void
class_members(struct ltx *L, const struct amid_class *c, const char *lead,
              enum amid_kind k, enum lkind lk)
{
	const struct amid_message *msg = NULL;
	int any = 0;

	while ((msg = xref_next_member(L->m, c, k, msg)) != NULL) {
		if (any++)
			raw(L, ", ");
		else
			out_markup(&L->o, "\\par %s: ", lead);
		link_to(L, lk, msg->name);
	}
	if (any)
		raw(L, ".\n");
}

static void
class_item(struct ltx *L, const struct amid_class *c)
{
	raw(L, "\\item[");
	tt(L, c->name);
	raw(L, "]");
	anchor(L, LK_CLASS, c->name);
	index_entry(L, c->name, "class");
	raw(L, "\n");
	prose(L, c->description);
	versions(L, &c->ver, LK_CLASS, 0);
	if (source_text[c->source] != NULL)
		out_markup(&L->o, "Source: %s.", source_text[c->source]);
	raw(L, "\n");
	class_members(L, c, "Actions", AMID_ACTION, LK_ACTION);
	class_members(L, c, "Events", AMID_EVENT, LK_EVENT);
}

static void
classes_chapter(struct ltx *L)
{
	size_t i;

	raw(L, "\\chapter{Privilege classes}\\label{chap:classes}\n"
	       "Each manager user in \\texttt{manager.conf} has a "
	       "\\texttt{read=} and a \\texttt{write=} list of these classes.  "
	       "An action's classes say which write permission a user needs "
	       "to send it; an event's classes say which read permission a "
	       "session needs to receive it.  Events carry their classes in "
	       "the \\texttt{Privilege} header.\n\n");
	if (L->m->nclasses == 0) {
		raw(L, "The dictionary defines no classes.\n\n");
		return;
	}
	/* Long lists of typewriter names do not justify well. */
	raw(L, "\\begin{description}\\raggedright\n");
	for (i = 0; i < L->m->nclasses; i++)
		class_item(L, &L->m->classes[i]);
	raw(L, "\\end{description}\n\n");
}

static void
intro_section(struct ltx *L)
{
	raw(L, "\\section{What AMI is}\n"
	       "The Asterisk Manager Interface (AMI) lets a client program "
	       "watch and control an Asterisk PBX over a plain TCP "
	       "connection, by default on port 5038 once it is enabled in "
	       "\\texttt{manager.conf}.  The client sends \\emph{actions}: "
	       "place a call, hang up a channel, query a queue, run a CLI "
	       "command.  Asterisk answers each action with a "
	       "\\emph{response}, and on its own sends \\emph{events} that "
	       "report what happens in the PBX: channels created and hung up, "
	       "calls bridged, queue members paused.  Some actions answer "
	       "with a list of events rather than a single message, so that "
	       "a large report does not block the interface.\n\n"
	       "Manager users are defined in \\texttt{manager.conf}, each with "
	       "read and write permissions given as lists of privilege "
	       "classes (chapter~\\ref{chap:classes}): write decides which "
	       "actions the user may send, read which events its sessions "
	       "receive.\n\n"
	       "A client should treat the headers of each action, event and "
	       "response as local to that message: the same header name may "
	       "mean different things in different messages.  The table of "
	       "headers (chapter~\\ref{chap:headers}) lists every meaning.\n\n");
}

static void
syntax_section(struct ltx *L)
{
	raw(L, "\\section{Message syntax}\\label{sec:syntax}\n"
	       "On connecting, the server sends one line, the banner "
	       "\\texttt{Asterisk Call Manager/}\\emph{version}.  The version "
	       "is AMI's own, not Asterisk's: AMI~2.x is Asterisk 12 and 13, "
	       "and from Asterisk 14 on the AMI major version is the Asterisk "
	       "major version minus 11 (AMI~3 is Asterisk 14, AMI~9 is "
	       "Asterisk 20).\n\n"
	       "After the banner both sides exchange messages.  A message is "
	       "a sequence of lines \\texttt{Header: value}, each ended by "
	       "CR~LF (\\verb|\\r\\n|); an empty line ends the message.  The "
	       "first header says what the message is: \\texttt{Action} "
	       "(client to server), \\texttt{Response} (the server's reply to "
	       "an action) or \\texttt{Event} (sent by the server).  Classify "
	       "a message by its first header only: some events carry a "
	       "\\texttt{Response} header of their own.\n\n"
	       "What Asterisk's \\texttt{manager.c} does with what it "
	       "receives:\n"
	       "\\begin{itemize}\n"
	       "\\item Header names match in any case, and the colon must "
	       "follow the name directly: \\texttt{Channel~: x} is not the "
	       "\\texttt{Channel} header.  One space follows the colon.\n"
	       "\\item Blanks at the start of a value are skipped; blanks at "
	       "its end are kept.\n"
	       "\\item When a header appears twice, the first one counts, "
	       "except for headers meant to repeat (such as "
	       "\\texttt{Variable}), where every line counts.\n"
	       "\\item A bare LF is accepted as a line end too, but clients "
	       "should send CR~LF.\n"
	       "\\item A line may be at most 1024 bytes long; a longer one is "
	       "answered with \\texttt{Response: Error} and \\texttt{Message: "
	       "Failed to parse message: line too long}.  A message may have "
	       "at most 128 headers.\n"
	       "\\item Headers Asterisk does not know are silently ignored.\n"
	       "\\end{itemize}\n\n"
	       "An action placing a call without waiting for it to be "
	       "answered:\n"
	       "\\begin{quote}\n\\begin{verbatim}\n"
	       "Action: Originate\n"
	       "ActionID: 42\n"
	       "Channel: PJSIP/100\n"
	       "Exten: 200\n"
	       "Context: default\n"
	       "Priority: 1\n"
	       "Async: yes\n"
	       "\n"
	       "\\end{verbatim}\n\\end{quote}\n\n");
}

static void
login_section(struct ltx *L)
{
	raw(L, "\\section{Logging in}\\label{sec:login}\n"
	       "A session starts with the ");
	maybe_link(L, LK_ACTION, "Login", 1);
	raw(L, " action, giving the user's name and secret.  Any other "
	       "action except ");
	maybe_link(L, LK_ACTION, "Logoff", 0);
	raw(L, " and ");
	maybe_link(L, LK_ACTION, "Challenge", 0);
	raw(L, " sent before logging in is answered with "
	       "\\texttt{Response: Error} and \\texttt{Message: Permission "
	       "denied}.  Over plain TCP the secret crosses the network in "
	       "clear text; use TLS (port 5039), or \\texttt{AuthType: MD5} "
	       "with the \\texttt{Challenge} action.\n\n"
	       "The \\texttt{Events} header of \\texttt{Login} chooses which "
	       "classes of events the session receives; later, the ");
	maybe_link(L, LK_ACTION, "Events", 0);
	raw(L, " action changes that choice, but reads it from the "
	       "\\texttt{EventMask} header, not from \\texttt{Events}.\n"
	       "\\begin{quote}\n\\begin{verbatim}\n"
	       "Action: Login\n"
	       "ActionID: 1\n"
	       "Username: admin\n"
	       "Secret: s3cret\n"
	       "\n"
	       "Response: Success\n"
	       "ActionID: 1\n"
	       "Message: Authentication accepted\n"
	       "\n"
	       "\\end{verbatim}\n\\end{quote}\n\n");
}

static void
actionid_section(struct ltx *L)
{
	raw(L, "\\section{Correlation with ActionID}\\label{sec:actionid}\n"
	       "Every action may carry an ");
	maybe_link(L, LK_HEADER, "ActionID", 0);
	raw(L, " header chosen by the client.  Asterisk copies it into the "
	       "response, into the events of a list the action started, and "
	       "into the later results of asynchronous actions (such as the "
	       "\\texttt{OriginateResponse} event of an \\texttt{Originate} "
	       "with \\texttt{Async: yes}).  Responses and events interleave "
	       "on the connection and several actions may be waiting for "
	       "their replies at once, so a client matches replies to "
	       "actions by \\texttt{ActionID}, never by their order.\n\n"
	       "Give each action in flight its own ID, and keep IDs short: "
	       "some actions copy the ID into an 80-byte buffer, so an ID of "
	       "more than 67 characters comes back cut short.\n\n");
}

static void
lists_section(struct ltx *L)
{
	raw(L, "\\section{Lists}\\label{sec:lists}\n"
	       "An action that reports many items answers with a list.  Its "
	       "response carries \\texttt{Response: Success}, the "
	       "\\texttt{ActionID} and \\texttt{EventList: start}.  Then "
	       "comes one event per item, each with the same "
	       "\\texttt{ActionID}.  A last event, usually named after the "
	       "list with \\texttt{Complete} appended, closes the list: it "
	       "carries the \\texttt{ActionID}, \\texttt{EventList: Complete} "
	       "and ");
	maybe_link(L, LK_HEADER, "ListItems", 0);
	raw(L, ", the number of items sent.  Clients should go by the ");
	maybe_link(L, LK_HEADER, "EventList", 0);
	raw(L, " header rather than guess from event names.  Before "
	       "Asterisk 13 the closing events did not always carry "
	       "\\texttt{EventList} and \\texttt{ListItems}.  The section of "
	       "each list action names its item events and its closing "
	       "event.\n"
	       "\\begin{quote}\n\\begin{verbatim}\n"
	       "Response: Success\n"
	       "ActionID: 7\n"
	       "EventList: start\n"
	       "Message: Channel status will follow\n"
	       "\n"
	       "Event: Status\n"
	       "ActionID: 7\n"
	       "Channel: PJSIP/100-00000001\n"
	       "...\n"
	       "\n"
	       "Event: StatusComplete\n"
	       "ActionID: 7\n"
	       "EventList: Complete\n"
	       "ListItems: 1\n"
	       "\n"
	       "\\end{verbatim}\n\\end{quote}\n\n");
}

static void
responses_section(struct ltx *L)
{
	size_t i;

	raw(L, "\\section{Responses}\\label{sec:responses}\n"
	       "The \\texttt{Response} header of a reply to an action takes "
	       "one of these values; each kind of response may carry the "
	       "headers listed.\n\n");
	if (L->m->nresponses == 0)
		raw(L, "The dictionary describes no responses.\n\n");
	for (i = 0; i < L->m->nresponses; i++) {
		const struct amid_message *r = &L->m->responses[i];

		raw(L, "\\subsection{Response: ");
		text(L, r->name);
		raw(L, "}");
		label(L, LK_RESPONSE, r->name);
		index_entry(L, r->name, "response");
		raw(L, "\n");
		message_facts(L, r, LK_RESPONSE);
		prose(L, r->description);
		if (r->nuses > 0)
			uses_table(L, r, r->uses, r->nuses);
		else
			raw(L, "\\par No headers of its own.\n\n");
	}
}

static void
common_section(struct ltx *L)
{
	int k;

	raw(L, "\\section{Headers common to every message}\n"
	       "Besides the headers listed for each message, every message "
	       "of a kind may carry these.\n\n");
	for (k = 0; k < AMID_KIND__MAX; k++) {
		const struct amid_message *c = &L->m->common[k];
		const char *kind = amid_kind_name((enum amid_kind)k);

		out_markup(&L->o, "\\subsection{Every %s}", kind);
		label(L, LK_COMMON, kind);
		raw(L, "\n");
		if (c->nuses > 0)
			uses_table(L, c, c->uses, c->nuses);
		else
			raw(L, "None.\n\n");
	}
}

static void
types_section(struct ltx *L)
{
	int t;

	raw(L, "\\section{Value types}\\label{sec:types}\n"
	       "Every meaning of a header has one of these types, which says "
	       "what its values look like.\n\n"
	       "\\begin{amitypes}\n");
	for (t = 0; t < AMID_T__MAX; t++) {
		const char *name = amid_type_name((enum amid_type)t);

		anchor(L, LK_TYPE, name);
		tt(L, name);
		raw(L, " & ");
		text(L, type_text[t]);
		raw(L, "\\\\\n");
	}
	raw(L, "\\end{amitypes}\n\n");
}

static void
reading_section(struct ltx *L)
{
	raw(L, "\\section{How to read this reference}\n"
	       "Each action and event has a section with its privilege "
	       "classes, its version facts and a table of its headers; "
	       "\\emph{yes} in the Req.\\ column marks a required header.  "
	       "A header name links to its row in the table of headers, a "
	       "type to the table of types (\\S\\ref{sec:types}).  Version "
	       "facts name Asterisk versions: \\emph{since} the version that "
	       "introduced an entry, \\emph{deprecated in} and \\emph{removed "
	       "in} the versions that deprecated and removed it, and "
	       "\\emph{renamed to} its replacements.  The source says where "
	       "the entry was documented: the classic manager API text, "
	       "Asterisk's XML documentation, or only seen on the wire.\n\n");
}

static void
protocol_chapter(struct ltx *L)
{
	raw(L, "\\chapter{The Asterisk Manager Interface}"
	       "\\label{chap:protocol}\n");
	intro_section(L);
	syntax_section(L);
	login_section(L);
	actionid_section(L);
	lists_section(L);
	responses_section(L);
	common_section(L);
	types_section(L);
	reading_section(L);
}

/* ---- the lint rules ------------------------------------------------------ */

static const char rules_intro[] =
    "\\chapter{Lint rules}\\label{chap:rules}\n"
    "amilint checks transcripts of AMI traffic against these rules.  Each "
    "rule has a stable ID, such as \\texttt{AMI0101}, a name, such as "
    "\\texttt{bare-lf}, and a category; amilint names the rule of each "
    "finding by its ID and name, and its \\texttt{-{}-enable} and "
    "\\texttt{-{}-disable} options take IDs, names and categories.  Each "
    "rule has a default severity, note, warning or error; \\texttt{-W} "
    "hides the findings below a severity.\n\n"
    "The rules come in five categories: framing (line ends and the syntax "
    "of messages), headers (the headers of each message), session (the "
    "conversation as a whole), dictionary (what the dictionary and the "
    "target version know) and security.\n\n"
    "Each rule comes with an example that triggers it and one that does "
    "not.  In the examples every line ends with CR~LF, except that a line "
    "ending in \\verb|<LF>| ends with a bare LF and one ending in "
    "\\verb|<EOF>| ends the input there, and \\verb|<NUL>|, "
    "\\verb|<TAB>|, \\verb|<CR>| and "
    "\\texttt{\\textless{}X\\emph{HH}\\textgreater{}} stand for a NUL "
    "byte, a tab, a carriage return and the byte with the hexadecimal "
    "value \\emph{HH}.  The empty line that ends the last message is not "
    "shown, and a line too long for the page goes on in the next after a "
    "$\\hookleftarrow$.\n\n";

/*
 * Examples are shown as the dictionary writes them, so as verbatim text:
 * but a verbatim environment would end at the first "\end{verbatim}" in
 * the text and cannot wrap a long line.  So each line is written as
 * \verb pieces, each with a delimiter it does not contain, and a line
 * too long for the page is cut in short pieces joined by \amibreak.
 */
static const char verb_delims[] = "|!+=/:;.,@?\"'#&^_~-";
#define VERB_WHOLE 72 /* a line this long fits the page */
#define VERB_PIECE 16

/* The length of the piece of s[0..n) from which \verb can be written. */
static size_t
verb_piece(const char *s, size_t n, size_t max, char *delim)
{
	unsigned long used = 0, all = (1UL << (sizeof(verb_delims) - 1)) - 1;
	size_t len;
	const char *d;

	for (len = 0; len < n && len < max; len++) {
		if (s[len] == '\0' || (d = strchr(verb_delims, s[len])) == NULL)
			continue;
		if ((used | 1UL << (d - verb_delims)) == all)
			break;
		used |= 1UL << (d - verb_delims);
	}
	for (d = verb_delims; used & 1UL << (d - verb_delims); d++)
		;
	*delim = *d;
	return len;
}

/* One line of an example; control characters are shown as spaces. */
static void
example_line(struct ltx *L, const char *s, size_t n)
{
	size_t max = n <= VERB_WHOLE ? VERB_WHOLE : VERB_PIECE, len, i;
	char delim;

	if (n == 0)
		raw(L, "\\mbox{}");
	while (n > 0) {
		len = verb_piece(s, n, max, &delim);
		out_markup(&L->o, "\\verb%c", delim);
		for (i = 0; i < len; i++)
			putc((unsigned char)s[i] < 0x20 || s[i] == 0x7f ? ' ' : s[i],
			     L->o.f);
		out_markup(&L->o, "%c", delim);
		s += len;
		n -= len;
		if (n > 0)
			raw(L, "\\amibreak ");
	}
}

static void
example(struct ltx *L, const char *title, const char *text)
{
	const char *nl;

	if (text == NULL || *text == '\0')
		return;
	/* Prose before it leaves its paragraph open. */
	out_markup(&L->o, "\\par %s\n\\begin{amiexample}\n", title);
	for (;;) {
		nl = strchr(text, '\n');
		example_line(L, text, nl != NULL ? (size_t)(nl - text)
		                                 : strlen(text));
		if (nl == NULL)
			break;
		raw(L, "\\\\\n");
		text = nl + 1;
	}
	raw(L, "\n\\end{amiexample}\n\n");
}

/* "AMI0101 bare-lf", the ID linked to the rule's section. */
static void
rule_link(struct ltx *L, const struct amid_rule *r)
{
	link_to(L, LK_RULE, r->id);
	raw(L, " ");
	tt(L, r->name);
}

static void
rules_table(struct ltx *L)
{
	size_t i;

	raw(L, "\\begin{amirules}\n");
	for (i = 0; i < L->m->nrules; i++) {
		const struct amid_rule *r = &L->m->rules[i];

		rule_link(L, r);
		out_markup(&L->o, " & %s & ", amid_severity_name(r->severity));
		prose(L, r->summary);
		raw(L, "\\\\\n");
	}
	raw(L, "\\end{amirules}\n\n");
}

static void
rule_section(struct ltx *L, const struct amid_rule *r)
{
	raw(L, "\\subsection{");
	text(L, r->id);
	raw(L, " ");
	text(L, r->name);
	raw(L, "}");
	label(L, LK_RULE, r->id);
	index_entry(L, r->id, "rule");
	index_entry(L, r->name, "rule");
	raw(L, "\n");
	prose(L, r->summary);
	out_markup(&L->o, "\\par Default severity: \\textbf{%s}.\n\n",
	           amid_severity_name(r->severity));
	prose(L, r->description);
	example(L, "Bad example:", r->bad);
	example(L, "Good example:", r->good);
}

/* The chapter, when the dictionary has rules: by category, then by ID. */
static void
rules_chapter(struct ltx *L)
{
	size_t i;
	int c;

	if (L->m->nrules == 0)
		return;
	raw(L, rules_intro);
	rules_table(L);
	for (c = 0; c < AMID_CAT__MAX; c++) {
		int any = 0;

		for (i = 0; i < L->m->nrules; i++) {
			const struct amid_rule *r = &L->m->rules[i];

			if (r->category != (enum amid_rule_category)c)
				continue;
			if (!any++)
				out_markup(&L->o, "\\section{%s}\\label{rules:%s}\n\n",
				           phrase_category(r->category),
				           amid_category_name(r->category));
			rule_section(L, r);
		}
	}
}

/*
 * Packages from texlive-latex-base, -latex-recommended and
 * -fonts-recommended only.  amiprose holds cmark's output: headings in
 * prose must not become sections of the reference, images are not
 * shipped with it, and \linethickness (cmark's thematic break) is a
 * picture-mode command in LaTeX itself.
 */
static const char preamble[] =
    "\\documentclass[a4paper,10pt]{report}\n"
    "\\usepackage[T1]{fontenc}\n"
    "\\usepackage[utf8]{inputenc}\n"
    "\\usepackage{lmodern}\n"
    "\\usepackage[margin=2cm]{geometry}\n"
    "\\usepackage{array}\n"
    "\\usepackage{longtable}\n"
    "\\usepackage{booktabs}\n"
    "\\usepackage{parskip}\n"
    "\\usepackage{makeidx}\n"
    "\\usepackage{xcolor}\n"
    "\\usepackage{hyperref}\n"
    "\\hypersetup{colorlinks=true, linkcolor=blue!60!black,\n"
    "  urlcolor=blue!60!black, bookmarksnumbered=true,\n"
    "  pdftitle={Asterisk Manager Interface Reference}}\n"
    "\\makeindex\n"
    "\\setcounter{tocdepth}{1}\n"
    "\\setlength{\\emergencystretch}{2em}\n"
    "\\frenchspacing\n"
    "\\newcolumntype{L}[1]{>{\\raggedright\\arraybackslash}p{#1}}\n"
    "% Prose rendered by cmark, which may hold headings, images and rules.\n"
    "\\newcommand{\\amiheading}[1]{\\par\\smallskip\\noindent\\textbf{#1}%\n"
    "  \\par\\nobreak}\n"
    "\\newcommand{\\amiimage}[2][]{\\textit{(image omitted)}}\n"
    "\\newenvironment{amiprose}{%\n"
    "  \\let\\section\\amiheading \\let\\subsection\\amiheading\n"
    "  \\let\\subsubsection\\amiheading \\let\\paragraph\\amiheading\n"
    "  \\let\\subparagraph\\amiheading \\let\\includegraphics\\amiimage\n"
    "  \\def\\linethickness{0.4pt}\\ignorespaces}{}\n"
    "% Class and version facts under a heading.\n"
    "\\newenvironment{amifacts}{\\par\\noindent\n"
    "  \\begin{tabular}{@{}>{\\bfseries}l@{\\quad}L{0.7\\linewidth}@{}}}%\n"
    "  {\\end{tabular}\\par\\medskip}\n"
    "% The values of an enumeration, in a table cell.\n"
    "\\newenvironment{amivalues}{\\list{\\textbullet}{%\n"
    "  \\setlength{\\itemsep}{0pt}\\setlength{\\parsep}{0pt}%\n"
    "  \\setlength{\\topsep}{1pt}\\setlength{\\leftmargin}{1em}%\n"
    "  \\setlength{\\labelwidth}{0.6em}}}{\\endlist}\n"
    "% Parameters and fields of a message.\n"
    "\\newenvironment{amiuses}{\\small\\begin{longtable}{@{}%\n"
    "  L{0.26\\linewidth}L{0.12\\linewidth}L{0.05\\linewidth}%\n"
    "  L{0.49\\linewidth}@{}}\n"
    "  \\toprule Header & Type & Req. & Description\\\\\\midrule\\endhead\n"
    "  \\bottomrule\\endfoot}{\\end{longtable}}\n"
    "% Every header and meaning; rules between headers and at the end.\n"
    "\\newenvironment{amiheaders}{\\small\\begin{longtable}{@{}%\n"
    "  L{0.26\\linewidth}L{0.11\\linewidth}L{0.11\\linewidth}%\n"
    "  L{0.44\\linewidth}@{}}\n"
    "  \\toprule Header & Key & Type & Meaning and use\\\\\\midrule\\endhead\n"
    "  \\endfoot\n"
    "  \\bottomrule\\endlastfoot}{\\end{longtable}}\n"
    "\\newenvironment{amitypes}{\\begin{longtable}{@{}L{0.2\\linewidth}%\n"
    "  L{0.74\\linewidth}@{}}\n"
    "  \\toprule Type & Accepted values\\\\\\midrule\\endhead\n"
    "  \\bottomrule\\endfoot}{\\end{longtable}}\n"
    "% The table of lint rules.\n"
    "\\newenvironment{amirules}{\\small\\begin{longtable}{@{}%\n"
    "  L{0.38\\linewidth}L{0.08\\linewidth}L{0.46\\linewidth}@{}}\n"
    "  \\toprule Rule & Severity & Summary\\\\\\midrule\\endhead\n"
    "  \\bottomrule\\endfoot}{\\end{longtable}}\n"
    "% Example transcripts: \\verb pieces, \\amibreak where a long line\n"
    "% may wrap.\n"
    "\\newenvironment{amiexample}{\\begin{quote}\\raggedright}"
    "{\\end{quote}}\n"
    "\\newcommand{\\amibreak}{\\discretionary{\\mbox{$\\hookleftarrow$}}"
    "{}{}}\n"
    "% Straight quotes in verbatim text, as upquote.sty (not in the packages\n"
    "% above) does: transcripts must show ' and ` as they are sent.\n"
    "\\makeatletter\n"
    "\\begingroup\\catcode`'=\\active \\catcode``=\\active\n"
    "\\g@addto@macro\\@noligs{\\let'\\textquotesingle "
    "\\let`\\textasciigrave}\n"
    "\\endgroup\n"
    "\\makeatother\n";

/*
 * The index, after makeindex has run.  On the first pdflatex run there is
 * no .ind file yet: an empty index keeps the bookmark and the contents
 * line the same on both runs, so the second run is clean.
 */
static const char index_end[] =
    "\\clearpage\\phantomsection\n"
    "\\addcontentsline{toc}{chapter}{\\indexname}\n"
    "\\IfFileExists{\\jobname.ind}{\\printindex}{\\begin{theindex}\n"
    "\\item The index appears once makeindex has run.\n"
    "\\end{theindex}}\n"
    "\\end{document}\n";

/* The first line: where the document came from, as a % comment. */
static void
generated_from(struct ltx *L)
{
	size_t i;

	raw(L, "% generated by amigen -T latex from");
	for (i = 0; i < L->m->nfiles; i++) {
		putc(' ', L->o.f);
		comment_text(L->o.f, L->m->files[i]);
	}
	raw(L, "; do not edit\n");
}

static void
title_page(struct ltx *L)
{
	size_t i;

	raw(L, "\\pagenumbering{Alph}\n"
	       "\\begin{titlepage}\n\\centering\n\\vspace*{5cm}\n"
	       "{\\Huge\\bfseries Asterisk Manager Interface\\par}\n"
	       "\\vspace{1em}{\\LARGE Reference\\par}\n\\vspace{2em}\n");
	out_markup(&L->o,
	           "{\\large %zu actions, %zu events, %zu headers, "
	           "%zu privilege classes\\par}\n\\vfill\n",
	           L->m->nactions, L->m->nevents, L->m->nheaders,
	           L->m->nclasses);
	raw(L, "{\\small Generated by amigen from the dictionary ");
	for (i = 0; i < L->m->nfiles; i++) {
		if (i > 0)
			raw(L, ", ");
		tt(L, L->m->files[i]);
	}
	raw(L, ".\\par}\n\\end{titlepage}\n"
	       "\\pagenumbering{roman}\n\\tableofcontents\n\\clearpage\n"
	       "\\pagenumbering{arabic}\n");
}

static void
actions_chapter(struct ltx *L)
{
	size_t i;

	raw(L, "\\chapter{Actions}\\label{chap:actions}\n"
	       "One section per action, in alphabetical order: what it does, "
	       "the parameters the client sends, how Asterisk answers, and "
	       "the events it causes.  Every action is sent as "
	       "\\texttt{Action:} followed by its name.\n\n");
	if (L->m->nactions == 0)
		raw(L, "The dictionary describes no actions.\n\n");
	for (i = 0; i < L->m->nactions; i++)
		action(L, &L->m->actions[i]);
}

static void
events_chapter(struct ltx *L)
{
	size_t i;

	raw(L, "\\chapter{Events}\\label{chap:events}\n"
	       "One section per event, in alphabetical order: what it "
	       "reports, its fields, and the actions that send it.  Every "
	       "event starts with \\texttt{Event:} followed by its name.  "
	       "Event names are matched exactly: some differ only in case.\n\n");
	if (L->m->nevents == 0)
		raw(L, "The dictionary describes no events.\n\n");
	for (i = 0; i < L->m->nevents; i++)
		event(L, &L->m->events[i]);
}

int
emit_latex(const struct amid_model *m, FILE *f, const struct emit_opts *opts)
{
	struct ltx L = {.m = m};

	(void)opts;
	out_init(&L.o, f, esc_latex);
	generated_from(&L);
	raw(&L, preamble);
	raw(&L, "\\begin{document}\n");
	title_page(&L);
	protocol_chapter(&L);
	classes_chapter(&L);
	actions_chapter(&L);
	events_chapter(&L);
	headers_chapter(&L);
	rules_chapter(&L);
	raw(&L, index_end);
	if (L.nomem) {
		fputs("amigen: out of memory rendering prose\n", stderr);
		return -1;
	}
	return 0;
}
