/*
 * emit_html.c: -T html, the linked model as a static site under -o DIR:
 * index.html, headers.html, classes.html, actions/NAME.html,
 * events/NAME.html and rules.html (amilint's rules), with the style.css
 * and search.js every page loads.
 * Dictionary text goes through esc_html, prose through cmark's HTML
 * renderer; pages link both ways (message <-> header, action <-> event).
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "emit.h"
#include "esc_html.h"
#include "esc_json.h"
#include "out.h"
#include "render.h"

struct site {
	const struct amid_model *m;
	const char *dir; /* the -o directory */
	struct out o;    /* the file being written */
	const char *up;  /* from that page to the top: "" or "../" */
	int bad;         /* out of memory, or a file could not be written */
};

static const char *const kind_dirs[AMID_KIND__MAX] = {
    [AMID_ACTION] = "actions",
    [AMID_EVENT] = "events",
    [AMID_RESPONSE] = NULL, /* responses have no pages of their own */
};

static const char *const source_phrases[AMID_SRC__MAX] = {
    [AMID_SRC_NONE] = NULL,
    [AMID_SRC_SEED] = "the classic manager API documentation",
    [AMID_SRC_ASTERISK] = "Asterisk's XML documentation",
    [AMID_SRC_WIRE] = "seen on the wire, undocumented",
};
_Static_assert(sizeof(source_phrases) / sizeof(source_phrases[0]) ==
                   AMID_SRC__MAX,
               "one phrase per source");

/* What a renamed-to names: the same kind of entry, or just words. */
enum rename_to { RN_TEXT, RN_HEADER, RN_ACTION, RN_EVENT };

/* ---- file names and links ---------------------------------------------- */

static const struct amid_message *
kind_list(const struct amid_model *m, enum amid_kind k, size_t *n)
{
	*n = k == AMID_ACTION ? m->nactions : m->nevents;
	return k == AMID_ACTION ? m->actions : m->events;
}

/*
 * Events may differ only in case (Newcallerid, NewCallerid).  The later
 * one in the model's order gets "~2" (then "~3"...) after its name, so
 * no two files collide on a case-insensitive file system: '~' is never
 * part of a name.  The same rule as -T markdown.
 */
static unsigned
same_name_before(const struct amid_model *m, const struct amid_message *msg)
{
	size_t n, i;
	const struct amid_message *v = kind_list(m, msg->kind, &n);
	unsigned k = 0;

	for (i = 0; i < n && &v[i] != msg; i++)
		if (strcasecmp(v[i].name, msg->name) == 0)
			k++;
	return k;
}

/* "actions/Originate.html", from the top of the site. */
static void
write_path(FILE *f, const struct amid_model *m, const struct amid_message *msg)
{
	unsigned k = same_name_before(m, msg);

	fprintf(f, "%s/", kind_dirs[msg->kind]);
	esc_html_path(f, msg->name);
	if (k > 0)
		fprintf(f, "~%u", k + 1);
	fputs(".html", f);
}

static void
link_message(struct site *s, const struct amid_message *msg)
{
	out_markup(&s->o, "<a href=\"%s", s->up);
	write_path(s->o.f, s->m, msg);
	out_markup(&s->o, "\">");
	out_text(&s->o, msg->name);
	out_markup(&s->o, "</a>");
}

/* Headers are sections of headers.html, with the id "h-NAME". */
static void
link_header(struct site *s, const struct amid_header *h)
{
	out_markup(&s->o, "<a href=\"%sheaders.html#h-", s->up);
	esc_html_path(s->o.f, h->name);
	out_markup(&s->o, "\">");
	out_text(&s->o, h->name);
	out_markup(&s->o, "</a>");
}

/* A meaning with a key has the id "m-NAME.KEY" ('.' is in no name). */
static void
link_meaning(struct site *s, const struct amid_meaning *mn)
{
	if (mn->key == NULL || mn->header->nmeanings < 2) {
		link_header(s, mn->header);
		return;
	}
	out_markup(&s->o, "<a href=\"%sheaders.html#m-", s->up);
	esc_html_path(s->o.f, mn->header->name);
	out_markup(&s->o, ".");
	esc_html_path(s->o.f, mn->key);
	out_markup(&s->o, "\">");
	out_text(&s->o, mn->header->name);
	out_markup(&s->o, "</a> (");
	out_text(&s->o, mn->key);
	out_markup(&s->o, ")");
}

static void
link_class(struct site *s, const char *name)
{
	const struct amid_class *c = amid_find_class(s->m, name);

	if (c == NULL) {
		out_text(&s->o, name);
		return;
	}
	out_markup(&s->o, "<a href=\"%sclasses.html#c-", s->up);
	esc_html_path(s->o.f, c->name);
	out_markup(&s->o, "\">");
	out_text(&s->o, c->name);
	out_markup(&s->o, "</a>");
}

/* A link to the entry name renames to, or the name alone. */
static void
link_renamed(struct site *s, enum rename_to rn, const char *name)
{
	const struct amid_header *h = NULL;
	const struct amid_message *msg = NULL;

	if (rn == RN_HEADER)
		h = amid_find_header(s->m, name);
	else if (rn == RN_ACTION)
		msg = amid_find_action(s->m, name);
	else if (rn == RN_EVENT)
		msg = amid_find_event(s->m, name);
	if (h != NULL)
		link_header(s, h);
	else if (msg != NULL)
		link_message(s, msg);
	else
		out_text(&s->o, name);
}

/* ---- prose and facts ---------------------------------------------------- */

static void
prose(struct site *s, const char *text)
{
	char *r;

	if (text == NULL)
		return;
	if ((r = render_prose(text, RENDER_HTML)) == NULL)
		s->bad = 1;
	else
		out_rendered(&s->o, r);
	free(r);
}

static int
has_versions(const struct amid_versions *v)
{
	return v->since || v->deprecated || v->removed || v->nrenamed_to;
}

/* "since 1.6, removed in 12, renamed to X". */
static void
ver_facts(struct site *s, const struct amid_versions *v, enum rename_to rn)
{
	const char *sep = "";
	size_t i;

	if (v->since) {
		out_markup(&s->o, "since ");
		out_text(&s->o, v->since);
		sep = ", ";
	}
	if (v->deprecated) {
		out_markup(&s->o, "%sdeprecated in ", sep);
		out_text(&s->o, v->deprecated);
		sep = ", ";
	}
	if (v->removed) {
		out_markup(&s->o, "%sremoved in ", sep);
		out_text(&s->o, v->removed);
		sep = ", ";
	}
	for (i = 0; i < v->nrenamed_to; i++) {
		if (i == 0)
			out_markup(&s->o, "%srenamed to ", sep);
		else
			out_markup(&s->o, " and ");
		link_renamed(s, rn, v->renamed_to[i]);
	}
}

/*
 * "Versions: since 1.6. Source: ..." as sentences of the paragraph being
 * written, the first after lead; returns 0 when there is nothing to say.
 */
static int
facts(struct site *s, const struct amid_versions *v, enum amid_source src,
      enum rename_to rn, const char *lead)
{
	if (has_versions(v)) {
		out_markup(&s->o, "%sVersions: ", lead);
		ver_facts(s, v, rn);
		out_markup(&s->o, ".");
		lead = " ";
	}
	if (source_phrases[src] != NULL)
		out_markup(&s->o, "%sSource: %s.", lead, source_phrases[src]);
	return has_versions(v) || source_phrases[src] != NULL;
}

/* ---- files ------------------------------------------------------------- */

static void
head(struct site *s, const char *title, const char *what)
{
	out_markup(&s->o,
	           "<!DOCTYPE html>\n<!-- generated by amigen -T html from the AMI "
	           "dictionary; do not edit -->\n<html lang=\"en\">\n<head>\n"
	           "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
	           "content=\"width=device-width, initial-scale=1\">\n"
	           "<title>");
	if (title != NULL) {
		out_text(&s->o, title);
		if (what != NULL)
			out_markup(&s->o, " (%s)", what);
		out_markup(&s->o, " · ");
	}
	out_markup(&s->o, "AMI reference</title>\n"
	                  "<link rel=\"stylesheet\" href=\"%sstyle.css\">\n"
	                  "<script src=\"%ssearch.js\" defer></script>\n"
	                  "</head>\n",
	           s->up, s->up);
}

/* The same way around on every page, and the search box. */
static void
nav(struct site *s)
{
	const char *u = s->up;
	int rules = s->m->nrules > 0;

	out_markup(&s->o,
	           "<body data-root=\"%s\">\n<div class=\"nav\">\n"
	           "<a href=\"%sindex.html\">Index</a>\n"
	           "<a href=\"%sheaders.html\">Headers</a>\n"
	           "<a href=\"%sclasses.html\">Classes</a>\n"
	           "<a href=\"%sindex.html#actions\">Actions</a>\n"
	           "<a href=\"%sindex.html#events\">Events</a>\n",
	           u, u, u, u, u, u);
	if (rules)
		out_markup(&s->o, "<a href=\"%srules.html\">Rules</a>\n", u);
	out_markup(&s->o,
	           "<div class=\"search\"><input type=\"search\" id=\"search\" "
	           "placeholder=\"Search actions, events, headers%s\" "
	           "aria-label=\"Search actions, events%s headers%s\" "
	           "autocomplete=\"off\">\n<ul id=\"results\" hidden></ul>"
	           "</div>\n</div>\n<div class=\"main\">\n",
	           rules ? ", rules" : "", rules ? "," : " and",
	           rules ? " and rules" : "");
}

/* title: dictionary text naming the page (NULL on the index). */
static int
page_open(struct site *s, const char *relpath, const char *up,
          const char *title, const char *what)
{
	FILE *f = out_open(s->dir, relpath);

	if (f == NULL) {
		s->bad = 1;
		return -1;
	}
	out_init(&s->o, f, esc_html);
	s->up = up;
	head(s, title, what);
	nav(s);
	return 0;
}

static void
page_close(struct site *s, const char *relpath)
{
	out_markup(&s->o, "</div>\n<div class=\"footer\">Generated by amigen "
	                  "from the AMI dictionary; do not edit.</div>\n"
	                  "</body>\n</html>\n");
	if (out_close(s->o.f, s->dir, relpath) < 0)
		s->bad = 1;
}

/* A file that is not a page: style.css, search.js. */
static int
file_open(struct site *s, const char *relpath)
{
	FILE *f = out_open(s->dir, relpath);

	if (f == NULL) {
		s->bad = 1;
		return -1;
	}
	out_init(&s->o, f, esc_html);
	return 0;
}

static void
file_close(struct site *s, const char *relpath)
{
	if (out_close(s->o.f, s->dir, relpath) < 0)
		s->bad = 1;
}

/* ---- message pages ------------------------------------------------------ */

static void
use_row(struct site *s, const struct amid_message *msg,
        const struct amid_use *u)
{
	const struct amid_meaning *mn = u->meaning;

	out_markup(&s->o, "<tr><td>");
	link_meaning(s, mn);
	out_markup(&s->o, "</td><td><code>%s</code>%s</td><td>%s",
	           amid_type_name(mn->type), mn->repeat ? ", repeatable" : "",
	           u->required ? "yes" : "no");
	if (u->group >= 0) {
		out_markup(&s->o, ", group ");
		out_text(&s->o, msg->groups[u->group].name);
	}
	out_markup(&s->o, "</td><td>");
	ver_facts(s, &u->ver, RN_HEADER);
	out_markup(&s->o, "</td><td>");
	prose(s, u->description ? u->description : mn->description);
	out_markup(&s->o, "</td></tr>\n");
}

static void
uses_table(struct site *s, const struct amid_message *msg,
           const struct amid_use *v, size_t n, const char *what)
{
	size_t i;

	out_markup(&s->o, "<table>\n<thead><tr><th>%s</th><th>Type</th>"
	                  "<th>Required</th><th>Versions</th>"
	                  "<th>Description</th></tr></thead>\n<tbody>\n",
	           what);
	for (i = 0; i < n; i++)
		use_row(s, msg, &v[i]);
	out_markup(&s->o, "</tbody>\n</table>\n");
}

static void
common_note(struct site *s, enum amid_kind k)
{
	const struct amid_message *c = &s->m->common[k];
	size_t i;

	if (c->nuses == 0)
		return;
	out_markup(&s->o, "<p>Every %s may also carry the <a href=\"%s"
	                  "index.html#common\">common headers</a>: ",
	           amid_kind_name(k), s->up);
	for (i = 0; i < c->nuses; i++) {
		out_markup(&s->o, "%s", i ? ", " : "");
		link_header(s, c->uses[i].meaning->header);
	}
	out_markup(&s->o, ".</p>\n");
}

static void
uses_section(struct site *s, const struct amid_message *msg)
{
	int action = msg->kind == AMID_ACTION;

	out_markup(&s->o, "<h2>%s</h2>\n", action ? "Parameters" : "Fields");
	if (msg->nuses == 0)
		out_markup(&s->o, "<p>None of its own.</p>\n");
	else
		uses_table(s, msg, msg->uses, msg->nuses,
		           action ? "Parameter" : "Field");
	common_note(s, msg->kind);
}

static void
choices_section(struct site *s, const struct amid_message *msg)
{
	size_t i, g, k;

	if (msg->nchoices > 0)
		out_markup(&s->o, "<h2>Parameter groups</h2>\n");
	for (i = 0; i < msg->nchoices; i++) {
		const struct amid_choice *c = &msg->choices[i];

		out_markup(&s->o, "<p>The parameters of a group go together; "
		                  "%s:</p>\n<ul>\n",
		           c->required ? "one of these groups is required"
		                       : "these groups are alternatives");
		for (g = c->first_group; g < c->first_group + c->ngroups; g++) {
			const char *sep = "";

			out_markup(&s->o, "<li>");
			out_text(&s->o, msg->groups[g].name);
			out_markup(&s->o, ":");
			for (k = 0; k < msg->nuses; k++)
				if (msg->uses[k].group == (int)g) {
					out_markup(&s->o, "%s ", sep);
					link_header(s, msg->uses[k].meaning->header);
					sep = ",";
				}
			out_markup(&s->o, "</li>\n");
		}
		out_markup(&s->o, "</ul>\n");
	}
}

static void
response_section(struct site *s, const struct amid_message *msg)
{
	if (!msg->has_response)
		return;
	out_markup(&s->o, "<h2>Response</h2>\n");
	if (msg->nresponse == 0)
		out_markup(&s->o, "<p>A successful response carries no fields "
		                  "of its own.</p>\n");
	else {
		out_markup(&s->o, "<p>A successful response carries:</p>\n");
		uses_table(s, msg, msg->response, msg->nresponse, "Field");
	}
	common_note(s, AMID_RESPONSE);
}

static void
events_section(struct site *s, const struct amid_message *msg)
{
	size_t i;

	if (msg->list_complete_ref == NULL && msg->nemits == 0)
		return;
	out_markup(&s->o, "<h2>Events</h2>\n");
	if (msg->list_complete_ref != NULL) {
		out_markup(&s->o, "<p>The response is followed by a list of ");
		for (i = 0; i < msg->nlist_items; i++) {
			out_markup(&s->o, "%s", i ? ", " : "");
			link_message(s, msg->list_item_refs[i]);
		}
		out_markup(&s->o, " events, ended by ");
		link_message(s, msg->list_complete_ref);
		out_markup(&s->o, ".</p>\n");
	}
	if (msg->nemits > 0)
		out_markup(&s->o, "<p>It causes:</p>\n<ul>\n");
	for (i = 0; i < msg->nemits; i++) {
		out_markup(&s->o, "<li>");
		link_message(s, msg->emits[i].target);
		prose(s, msg->emits[i].description);
		out_markup(&s->o, "</li>\n");
	}
	if (msg->nemits > 0)
		out_markup(&s->o, "</ul>\n");
}

/* One line of "Sent by", opening the list the first time. */
static void
sent_by_item(struct site *s, int *open, const struct amid_message *a,
             const char *how, const char *text)
{
	if (!*open)
		out_markup(&s->o, "<h2>Sent by</h2>\n<ul>\n");
	*open = 1;
	out_markup(&s->o, "<li>");
	link_message(s, a);
	out_markup(&s->o, "%s", how);
	prose(s, text);
	out_markup(&s->o, "</li>\n");
}

/* The actions that list or cause this event. */
static void
sent_by_section(struct site *s, const struct amid_message *ev)
{
	int open = 0;
	size_t i, k;

	for (i = 0; i < s->m->nactions; i++) {
		const struct amid_message *a = &s->m->actions[i];

		for (k = 0; k < a->nlist_items; k++)
			if (a->list_item_refs[k] == ev)
				sent_by_item(s, &open, a, ", as an item of its list",
				             NULL);
		if (a->list_complete_ref == ev)
			sent_by_item(s, &open, a, ", to end its list", NULL);
		for (k = 0; k < a->nemits; k++)
			if (a->emits[k].target == ev)
				sent_by_item(s, &open, a, " causes it",
				             a->emits[k].description);
	}
	if (open)
		out_markup(&s->o, "</ul>\n");
}

/* Whether msg renames to target (a rename names the same kind). */
static int
renames_to(const struct amid_model *m, const struct amid_message *msg,
           const struct amid_message *target)
{
	size_t i;

	for (i = 0; i < msg->ver.nrenamed_to; i++)
		if ((msg->kind == AMID_ACTION
		         ? amid_find_action(m, msg->ver.renamed_to[i])
		         : amid_find_event(m, msg->ver.renamed_to[i])) == target)
			return 1;
	return 0;
}

/* " It replaces Link." for the other end of a rename. */
static void
replaces(struct site *s, const struct amid_message *msg)
{
	size_t n, i;
	const struct amid_message *v = kind_list(s->m, msg->kind, &n);
	const char *sep = " It replaces ";

	for (i = 0; i < n; i++)
		if (renames_to(s->m, &v[i], msg)) {
			out_markup(&s->o, "%s", sep);
			link_message(s, &v[i]);
			sep = ", ";
		}
	if (sep[0] == ',')
		out_markup(&s->o, ".");
}

/* "An action, sent by a client; class X. Versions: ... Source: ..." */
static void
intro_para(struct site *s, const struct amid_message *msg)
{
	size_t i;

	out_markup(&s->o, "<p class=\"facts\">An %s",
	           msg->kind == AMID_ACTION ? "action, sent by a client"
	                                    : "event, sent by the server");
	for (i = 0; i < msg->nclasses; i++) {
		out_markup(&s->o, "%s", i ? ", " : "; class ");
		link_class(s, msg->classes[i]);
	}
	out_markup(&s->o, ".");
	facts(s, &msg->ver, msg->source,
	      msg->kind == AMID_ACTION ? RN_ACTION : RN_EVENT, " ");
	replaces(s, msg);
	out_markup(&s->o, "</p>\n");
}

static void
message_page(struct site *s, const struct amid_message *msg)
{
	char *relpath = NULL;
	size_t len;
	FILE *mem = open_memstream(&relpath, &len);

	if (mem == NULL) {
		s->bad = 1;
		return;
	}
	write_path(mem, s->m, msg);
	if (fclose(mem) != 0 ||
	    page_open(s, relpath, "../", msg->name,
	              amid_kind_name(msg->kind)) < 0) {
		s->bad = 1;
		free(relpath);
		return;
	}
	out_markup(&s->o, "<h1>");
	out_text(&s->o, msg->name);
	out_markup(&s->o, "</h1>\n");
	intro_para(s, msg);
	prose(s, msg->description);
	uses_section(s, msg);
	if (msg->kind == AMID_ACTION) {
		choices_section(s, msg);
		response_section(s, msg);
		events_section(s, msg);
	} else
		sent_by_section(s, msg);
	page_close(s, relpath);
	free(relpath);
}

/* ---- headers.html ------------------------------------------------------- */

static void
meaning_facts(struct site *s, const struct amid_meaning *mn)
{
	out_markup(&s->o, "<p class=\"facts\">Type <code>%s</code>",
	           amid_type_name(mn->type));
	if (mn->repeat)
		out_markup(&s->o, ", repeatable");
	if (mn->has_min)
		out_markup(&s->o, ", at least %lld", mn->min);
	if (mn->has_max)
		out_markup(&s->o, ", at most %lld", mn->max);
	if (mn->has_max_length)
		out_markup(&s->o, ", at most %llu characters", mn->max_length);
	if (has_versions(&mn->ver)) {
		out_markup(&s->o, "; ");
		ver_facts(s, &mn->ver, RN_HEADER);
	}
	out_markup(&s->o, ".");
	if (source_phrases[mn->source] != NULL)
		out_markup(&s->o, " Source: %s.", source_phrases[mn->source]);
	out_markup(&s->o, "</p>\n");
}

static void
values_list(struct site *s, const struct amid_meaning *mn)
{
	size_t i;

	if (mn->nvalues == 0)
		return;
	out_markup(&s->o, "<p>Values%s:</p>\n<ul class=\"values\">\n",
	           mn->case_insensitive ? ", in any case" : "");
	for (i = 0; i < mn->nvalues; i++) {
		const struct amid_value *v = &mn->values[i];

		out_markup(&s->o, "<li><code>");
		out_text(&s->o, v->name);
		out_markup(&s->o, "</code>");
		if (has_versions(&v->ver)) {
			out_markup(&s->o, " (");
			ver_facts(s, &v->ver, RN_TEXT);
			out_markup(&s->o, ")");
		}
		prose(s, v->description);
		out_markup(&s->o, "</li>\n");
	}
	out_markup(&s->o, "</ul>\n");
}

/* A link to a use's message: a page, or the index for responses. */
static void
link_owner(struct site *s, const struct amid_use *u)
{
	const struct amid_message *o = u->owner;

	if (o->kind != AMID_RESPONSE) {
		link_message(s, o);
		if (u->in_response)
			out_markup(&s->o, " (response)");
		return;
	}
	out_markup(&s->o, "<a href=\"%sindex.html#responses\">", s->up);
	out_text(&s->o, o->name);
	out_markup(&s->o, "</a>");
}

static void
used_by_kind(struct site *s, const struct amid_meaning *mn, enum amid_kind k)
{
	static const char *const plural[AMID_KIND__MAX] = {
	    [AMID_ACTION] = "actions",
	    [AMID_EVENT] = "events",
	    [AMID_RESPONSE] = "responses",
	};
	const char *sep = NULL;
	size_t i;

	for (i = 0; i < mn->nuses; i++) {
		const struct amid_use *u = mn->uses[i];

		if (u->owner->kind != k || u->owner->name == NULL)
			continue;
		if (sep == NULL)
			out_markup(&s->o, "<p>Used by %s: ", plural[k]);
		else
			out_markup(&s->o, "%s", sep);
		link_owner(s, u);
		sep = ", ";
	}
	if (sep != NULL)
		out_markup(&s->o, ".</p>\n");
}

static void
used_by(struct site *s, const struct amid_meaning *mn)
{
	size_t i;
	int k;

	if (mn->nuses == 0)
		out_markup(&s->o, "<p>No message uses it.</p>\n");
	for (k = 0; k < AMID_KIND__MAX; k++)
		used_by_kind(s, mn, (enum amid_kind)k);
	for (i = 0; i < mn->nuses; i++)
		if (mn->uses[i]->owner->name == NULL)
			out_markup(&s->o, "<p>Every %s may carry it: see the "
			                  "<a href=\"%sindex.html#common\">common "
			                  "headers</a>.</p>\n",
			           amid_kind_name(mn->uses[i]->owner->kind),
			           s->up);
}

static void
header_section(struct site *s, const struct amid_header *h)
{
	size_t k;

	out_markup(&s->o, "<h2 id=\"h-");
	esc_html_path(s->o.f, h->name);
	out_markup(&s->o, "\">");
	out_text(&s->o, h->name);
	out_markup(&s->o, "</h2>\n");
	for (k = 0; k < h->nmeanings; k++) {
		const struct amid_meaning *mn = &h->meanings[k];

		if (mn->key != NULL) {
			out_markup(&s->o, "<h3 id=\"m-");
			esc_html_path(s->o.f, h->name);
			out_markup(&s->o, ".");
			esc_html_path(s->o.f, mn->key);
			out_markup(&s->o, "\">Meaning ");
			out_text(&s->o, mn->key);
			out_markup(&s->o, "</h3>\n");
		}
		meaning_facts(s, mn);
		prose(s, mn->description);
		values_list(s, mn);
		used_by(s, mn);
	}
}

static void
headers_page(struct site *s)
{
	size_t i;

	if (page_open(s, "headers.html", "", "Headers", NULL) < 0)
		return;
	out_markup(&s->o, "<h1>AMI headers</h1>\n<p>Every header of the "
	                  "dictionary. A header may have several meanings, "
	                  "told apart by a key; each has a value type and "
	                  "lists the messages using it.</p>\n"
	                  "<p class=\"jump\">");
	for (i = 0; i < s->m->nheaders; i++) {
		out_markup(&s->o, "%s", i ? " · " : "");
		link_header(s, &s->m->headers[i]);
	}
	out_markup(&s->o, "</p>\n");
	for (i = 0; i < s->m->nheaders; i++)
		header_section(s, &s->m->headers[i]);
	page_close(s, "headers.html");
}

/* ---- classes.html ------------------------------------------------------- */

static int
in_class(const struct amid_message *msg, const struct amid_class *c)
{
	size_t i;

	for (i = 0; i < msg->nclasses; i++)
		if (msg->class_refs[i] == c)
			return 1;
	return 0;
}

static void
class_members(struct site *s, const struct amid_class *c, enum amid_kind k)
{
	size_t n, i;
	const struct amid_message *v = kind_list(s->m, k, &n);
	const char *sep = NULL;

	for (i = 0; i < n; i++) {
		if (!in_class(&v[i], c))
			continue;
		if (sep == NULL)
			out_markup(&s->o, "<p>%s: ",
			           k == AMID_ACTION ? "Actions" : "Events");
		else
			out_markup(&s->o, "%s", sep);
		link_message(s, &v[i]);
		sep = ", ";
	}
	if (sep != NULL)
		out_markup(&s->o, ".</p>\n");
}

static void
classes_page(struct site *s)
{
	size_t i;

	if (page_open(s, "classes.html", "", "Privilege classes", NULL) < 0)
		return;
	out_markup(&s->o, "<h1>Privilege classes</h1>\n<p>A user may send an "
	                  "action when manager.conf's <code>write=</code> "
	                  "grants one of its classes, and receives an event "
	                  "when <code>read=</code> grants one of its "
	                  "classes.</p>\n");
	for (i = 0; i < s->m->nclasses; i++) {
		const struct amid_class *c = &s->m->classes[i];

		out_markup(&s->o, "<h2 id=\"c-");
		esc_html_path(s->o.f, c->name);
		out_markup(&s->o, "\">");
		out_text(&s->o, c->name);
		out_markup(&s->o, "</h2>\n");
		if (facts(s, &c->ver, c->source, RN_TEXT, "<p class=\"facts\">"))
			out_markup(&s->o, "</p>\n");
		prose(s, c->description);
		class_members(s, c, AMID_ACTION);
		class_members(s, c, AMID_EVENT);
	}
	page_close(s, "classes.html");
}

/* ---- rules.html ---------------------------------------------------------- */

static const char *const category_titles[] = {
    [AMID_CAT_FRAMING] = "Framing rules",
    [AMID_CAT_HEADERS] = "Header rules",
    [AMID_CAT_SESSION] = "Session rules",
    [AMID_CAT_DICTIONARY] = "Dictionary rules",
    [AMID_CAT_SECURITY] = "Security rules",
};
_Static_assert(sizeof(category_titles) / sizeof(category_titles[0]) ==
                   AMID_CAT__MAX,
               "one title per rule category");

static const char rules_intro[] =
    "<h1>Lint rules</h1>\n"
    "<p>amilint checks transcripts of AMI traffic against these rules. "
    "Each rule has a stable ID, such as <code>AMI0101</code>, a name, such "
    "as <code>bare-lf</code>, and a category; amilint names the rule of "
    "each finding by its ID and name, and its <code>--enable</code> and "
    "<code>--disable</code> options take IDs, names and categories. Each "
    "rule has a default severity, note, warning or error; <code>-W</code> "
    "hides the findings below a severity.</p>\n"
    "<p>The rules come in five categories: framing (line ends and the "
    "syntax of messages), headers (the headers of each message), session "
    "(the conversation as a whole), dictionary (what the dictionary and "
    "the target version know) and security.</p>\n"
    "<p>Each rule comes with an example that triggers it and one that does "
    "not. In the examples every line ends with CR LF, except that a line "
    "ending in <code>&lt;LF&gt;</code> ends with a bare LF and one ending "
    "in <code>&lt;EOF&gt;</code> ends the input there, and "
    "<code>&lt;NUL&gt;</code>, <code>&lt;TAB&gt;</code>, "
    "<code>&lt;CR&gt;</code> and <code>&lt;X<var>HH</var>&gt;</code> stand "
    "for a NUL byte, a tab, a carriage return and the byte with the "
    "hexadecimal value <var>HH</var>. The empty line that ends the last "
    "message is not shown.</p>\n";

/* A rule's id attribute, "r-AMI0101", also the fragment of links to it. */
static void
rule_id(struct site *s, const struct amid_rule *r)
{
	out_markup(&s->o, "r-");
	esc_html_path(s->o.f, r->id);
}

static void
rule_row(struct site *s, const struct amid_rule *r)
{
	out_markup(&s->o, "<tr><td><a href=\"#");
	rule_id(s, r);
	out_markup(&s->o, "\">");
	out_text(&s->o, r->id);
	out_markup(&s->o, "</a></td><td>");
	out_text(&s->o, r->name);
	out_markup(&s->o, "</td><td>%s</td><td>%s</td><td>",
	           amid_category_name(r->category),
	           amid_severity_name(r->severity));
	prose(s, r->summary);
	out_markup(&s->o, "</td></tr>\n");
}

static void
rules_table(struct site *s)
{
	size_t i;

	out_markup(&s->o, "<table>\n<thead><tr><th>ID</th><th>Name</th>"
	                  "<th>Category</th><th>Severity</th><th>Summary</th>"
	                  "</tr></thead>\n<tbody>\n");
	for (i = 0; i < s->m->nrules; i++)
		rule_row(s, &s->m->rules[i]);
	out_markup(&s->o, "</tbody>\n</table>\n");
}

/* An example transcript as the dictionary writes it, markers and all. */
static void
example(struct site *s, const char *title, const char *text)
{
	if (text == NULL || *text == '\0')
		return;
	out_markup(&s->o, "<p>%s</p>\n<pre class=\"example\"><code>", title);
	out_text(&s->o, text);
	out_markup(&s->o, "\n</code></pre>\n");
}

static void
rule_section(struct site *s, const struct amid_rule *r)
{
	out_markup(&s->o, "<h3 id=\"");
	rule_id(s, r);
	out_markup(&s->o, "\">");
	out_text(&s->o, r->id);
	out_markup(&s->o, " ");
	out_text(&s->o, r->name);
	out_markup(&s->o, "</h3>\n");
	prose(s, r->summary);
	out_markup(&s->o, "<p class=\"facts\">Default severity: "
	                  "<strong>%s</strong>.</p>\n",
	           amid_severity_name(r->severity));
	prose(s, r->description);
	example(s, "Bad example:", r->bad);
	example(s, "Good example:", r->good);
}

static void
rules_page(struct site *s)
{
	size_t i;
	int c;

	if (page_open(s, "rules.html", "", "Lint rules", NULL) < 0)
		return;
	out_markup(&s->o, "%s", rules_intro);
	rules_table(s);
	for (c = 0; c < AMID_CAT__MAX; c++) {
		int any = 0;

		for (i = 0; i < s->m->nrules; i++) {
			const struct amid_rule *r = &s->m->rules[i];

			if (r->category != (enum amid_rule_category)c)
				continue;
			if (!any++)
				out_markup(&s->o, "<h2 id=\"%s\">%s</h2>\n",
				           amid_category_name(r->category),
				           category_titles[c]);
			rule_section(s, r);
		}
	}
	page_close(s, "rules.html");
}

/* ---- index.html --------------------------------------------------------- */

static void
protocol_section(struct site *s)
{
	out_markup(&s->o,
	           "<h2 id=\"protocol\">The protocol</h2>\n"
	           "<p>AMI is a text protocol on TCP port 5038. A message is a "
	           "block of <code>Header: value</code> lines, each ended by "
	           "CR LF, and an empty line ends it. A client sends "
	           "<em>actions</em> (the <code>Action</code> header names "
	           "one); the server answers each with a <em>response</em> "
	           "(the <code>Response</code> header tells the outcome) and "
	           "sends <em>events</em> (the <code>Event</code> header names "
	           "one) to every client allowed to see them. Header names "
	           "match in any case.</p>\n");
}

static void
common_section(struct site *s)
{
	int k;

	out_markup(&s->o, "<h2 id=\"common\">Common headers</h2>\n");
	for (k = 0; k < AMID_KIND__MAX; k++) {
		const struct amid_message *c = &s->m->common[k];
		size_t i;

		if (c->nuses == 0)
			continue;
		out_markup(&s->o, "<p>Every %s may carry ",
		           amid_kind_name((enum amid_kind)k));
		for (i = 0; i < c->nuses; i++) {
			out_markup(&s->o, "%s", i ? ", " : "");
			link_header(s, c->uses[i].meaning->header);
		}
		out_markup(&s->o, ".</p>\n");
	}
}

static void
responses_section(struct site *s)
{
	size_t i, k;

	out_markup(&s->o, "<h2 id=\"responses\">Responses</h2>\n<p>The "
	                  "<code>Response</code> header of a reply tells its "
	                  "outcome; each outcome may carry headers of its "
	                  "own.</p>\n<ul>\n");
	for (i = 0; i < s->m->nresponses; i++) {
		const struct amid_message *r = &s->m->responses[i];

		out_markup(&s->o, "<li><code>");
		out_text(&s->o, r->name);
		out_markup(&s->o, "</code>");
		for (k = 0; k < r->nuses; k++) {
			out_markup(&s->o, "%s", k ? ", " : ", with ");
			link_header(s, r->uses[k].meaning->header);
			if (r->uses[k].required)
				out_markup(&s->o, " (required)");
		}
		prose(s, r->description);
		out_markup(&s->o, "</li>\n");
	}
	out_markup(&s->o, "</ul>\n");
}

static void
messages_table(struct site *s, enum amid_kind k)
{
	size_t n, i, c;
	const struct amid_message *v = kind_list(s->m, k, &n);
	int action = k == AMID_ACTION;

	out_markup(&s->o, "<h2 id=\"%s\">%s</h2>\n", kind_dirs[k],
	           action ? "Actions" : "Events");
	out_markup(&s->o, "<table>\n<thead><tr><th>%s</th><th>Classes</th>"
	                  "<th>Versions</th></tr></thead>\n<tbody>\n",
	           action ? "Action" : "Event");
	for (i = 0; i < n; i++) {
		out_markup(&s->o, "<tr><td>");
		link_message(s, &v[i]);
		out_markup(&s->o, "</td><td>");
		for (c = 0; c < v[i].nclasses; c++) {
			out_markup(&s->o, "%s", c ? ", " : "");
			link_class(s, v[i].classes[c]);
		}
		out_markup(&s->o, "</td><td>");
		ver_facts(s, &v[i].ver, action ? RN_ACTION : RN_EVENT);
		out_markup(&s->o, "</td></tr>\n");
	}
	out_markup(&s->o, "</tbody>\n</table>\n");
}

static void
index_page(struct site *s)
{
	const struct amid_model *m = s->m;
	size_t i;

	if (page_open(s, "index.html", "", NULL, NULL) < 0)
		return;
	out_markup(&s->o,
	           "<h1>AMI reference</h1>\n<p>The Asterisk Manager Interface "
	           "as its dictionary describes it: %zu actions, %zu events, "
	           "%zu headers and %zu privilege classes. Type in the search "
	           "box to find one.</p>\n",
	           m->nactions, m->nevents, m->nheaders, m->nclasses);
	protocol_section(s);
	common_section(s);
	if (m->nresponses > 0)
		responses_section(s);
	out_markup(&s->o, "<h2 id=\"classes\">Privilege classes</h2>\n<p><a "
	                  "href=\"classes.html\">Privilege classes</a>: ");
	for (i = 0; i < m->nclasses; i++) {
		out_markup(&s->o, "%s", i ? ", " : "");
		link_class(s, m->classes[i].name);
	}
	out_markup(&s->o, ".</p>\n<h2 id=\"headers\">Headers</h2>\n<p><a "
	                  "href=\"headers.html\">All %zu headers</a>, with "
	                  "their meanings, types and the messages using "
	                  "them.</p>\n",
	           m->nheaders);
	if (m->nrules > 0)
		out_markup(&s->o, "<h2 id=\"rules\">Lint rules</h2>\n<p><a "
		                  "href=\"rules.html\">The %zu lint rules</a> of "
		                  "amilint, by category, each with an example "
		                  "that triggers it.</p>\n",
		           m->nrules);
	messages_table(s, AMID_ACTION);
	messages_table(s, AMID_EVENT);
	page_close(s, "index.html");
}

/* ---- style.css and search.js -------------------------------------------- */

/* Simple and readable; no fonts or anything else fetched. */
static const char *const style_lines[] = {
    "/* style.css: generated by amigen -T html; do not edit. */",
    "body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "
    "\"Segoe UI\", Roboto, sans-serif; color: #1d2330; background: #fff; }",
    ".nav { position: sticky; top: 0; z-index: 1; display: flex; "
    "flex-wrap: wrap; align-items: center; gap: 0.4em 1.2em; "
    "padding: 0.6em 1.5em; background: #1f3b57; }",
    ".nav > a { color: #fff; text-decoration: none; font-weight: 600; }",
    ".nav > a:hover { text-decoration: underline; }",
    ".search { position: relative; margin-left: auto; }",
    "#search { width: 23em; max-width: 70vw; padding: 0.3em 0.6em; "
    "font: inherit; border: 1px solid #9fb3c8; border-radius: 4px; }",
    "#results { position: absolute; right: 0; width: 24em; "
    "max-width: 90vw; max-height: 70vh; overflow-y: auto; margin: 0.2em 0 "
    "0; padding: 0.3em 0; list-style: none; background: #fff; "
    "border: 1px solid #9fb3c8; border-radius: 4px; "
    "box-shadow: 0 4px 12px rgba(0, 0, 0, 0.2); }",
    "#results[hidden] { display: none; }",
    "#results li a { display: flex; justify-content: space-between; "
    "padding: 0.2em 0.8em; color: #1d2330; text-decoration: none; }",
    "#results li a:hover, #results li a:focus { background: #e8f0f8; }",
    "#results .kind { color: #5b6b7d; font-size: 0.85em; }",
    "#results .none { padding: 0.2em 0.8em; color: #5b6b7d; }",
    ".main { max-width: 60rem; margin: 0 auto; padding: 1em 1.5em 2em; }",
    "h1 { font-size: 2em; margin: 0.4em 0; }",
    "h2 { margin-top: 1.6em; border-bottom: 1px solid #d5dde6; }",
    "h3 { margin-bottom: 0.2em; }",
    "h1, h2, h3 { scroll-margin-top: 4rem; }",
    "a { color: #1a5c9e; }",
    "code { font-family: ui-monospace, \"SFMono-Regular\", Menlo, "
    "Consolas, monospace; font-size: 0.92em; background: #f1f4f8; "
    "padding: 0.05em 0.25em; border-radius: 3px; }",
    "pre { background: #f1f4f8; padding: 0.8em; overflow-x: auto; }",
    "pre code { padding: 0; }",
    "table { border-collapse: collapse; width: 100%; margin: 0.8em 0; }",
    "th, td { border: 1px solid #d5dde6; padding: 0.3em 0.6em; "
    "text-align: left; vertical-align: top; }",
    "th { background: #f1f4f8; }",
    "td p { margin: 0; }",
    "td p + p { margin-top: 0.5em; }",
    ".facts { color: #3d4a5a; }",
    ".jump { line-height: 1.9; }",
    ".footer { max-width: 60rem; margin: 0 auto; padding: 1em 1.5em; "
    "color: #5b6b7d; font-size: 0.85em; border-top: 1px solid #d5dde6; }",
    NULL,
};

/*
 * The search box: filters AMIDICT_INDEX as you type, exact names first,
 * then prefixes, then any match; Enter follows the first result.  An
 * entry may have a second name it is found by ("a": a rule's name, its
 * ID being "n").  The index is in this file, not fetched: fetch() fails
 * on file://.
 */
static const char *const search_lines[] = {
    "(function () {",
    "\t\"use strict\";",
    "\tvar input = document.getElementById(\"search\");",
    "\tvar list = document.getElementById(\"results\");",
    "\tvar root = document.body.getAttribute(\"data-root\") || \"\";",
    "\tif (!input || !list)",
    "\t\treturn;",
    "\tfunction rank1(name, q) {",
    "\t\tvar n = name.toLowerCase(), at = n.indexOf(q);",
    "\t\treturn n === q ? 0 : at === 0 ? 1 : at > 0 ? 2 : -1;",
    "\t}",
    "\tfunction rank(e, q) {",
    "\t\tvar r = rank1(e.n, q), a = e.a ? rank1(e.a, q) : -1;",
    "\t\treturn r < 0 ? a : a < 0 ? r : Math.min(r, a);",
    "\t}",
    "\tfunction item(e) {",
    "\t\tvar li = document.createElement(\"li\");",
    "\t\tvar a = document.createElement(\"a\");",
    "\t\tvar kind = document.createElement(\"span\");",
    "\t\ta.href = root + e.u;",
    "\t\ta.appendChild(document.createTextNode(e.a ? e.n + \" \" + e.a "
    ": e.n));",
    "\t\tkind.className = \"kind\";",
    "\t\tkind.textContent = e.k;",
    "\t\ta.appendChild(kind);",
    "\t\tli.appendChild(a);",
    "\t\treturn li;",
    "\t}",
    "\tfunction show() {",
    "\t\tvar q = input.value.trim().toLowerCase(), hits = [], none;",
    "\t\tlist.textContent = \"\";",
    "\t\tlist.hidden = q === \"\";",
    "\t\tif (q === \"\")",
    "\t\t\treturn;",
    "\t\tAMIDICT_INDEX.forEach(function (e, i) {",
    "\t\t\tvar r = rank(e, q);",
    "\t\t\tif (r >= 0)",
    "\t\t\t\thits.push({e: e, r: r, i: i});",
    "\t\t});",
    "\t\thits.sort(function (a, b) { return a.r - b.r || a.i - b.i; });",
    "\t\thits.slice(0, 50).forEach(function (h) {",
    "\t\t\tlist.appendChild(item(h.e));",
    "\t\t});",
    "\t\tif (hits.length === 0) {",
    "\t\t\tnone = document.createElement(\"li\");",
    "\t\t\tnone.className = \"none\";",
    "\t\t\tnone.textContent = \"No match\";",
    "\t\t\tlist.appendChild(none);",
    "\t\t}",
    "\t}",
    "\tinput.addEventListener(\"input\", show);",
    "\tinput.addEventListener(\"keydown\", function (ev) {",
    "\t\tvar first = list.querySelector(\"a\");",
    "\t\tif (ev.key === \"Enter\" && first)",
    "\t\t\twindow.location.href = first.href;",
    "\t\tif (ev.key === \"Escape\") {",
    "\t\t\tinput.value = \"\";",
    "\t\t\tshow();",
    "\t\t}",
    "\t});",
    "\tshow();",
    "})();",
    NULL,
};

static void
write_lines(struct site *s, const char *const *lines)
{
	for (; *lines != NULL; lines++)
		out_markup(&s->o, "%s\n", *lines);
}

static void
style_file(struct site *s)
{
	if (file_open(s, "style.css") < 0)
		return;
	write_lines(s, style_lines);
	file_close(s, "style.css");
}

/*
 * One entry of the index: its name, its kind, its URL from the top; the
 * caller ends the URL and the entry.
 */
static void
index_entry(struct site *s, const char *name, const char *kind)
{
	/* Every entry but the first starts a new line. */
	out_markup(&s->o, "%s{\"n\":", s->o.bol ? "" : ",\n");
	esc_json(s->o.f, name);
	out_markup(&s->o, ",\"k\":\"%s\",\"u\":\"", kind);
}

static void
search_file(struct site *s)
{
	const struct amid_model *m = s->m;
	size_t i;

	if (file_open(s, "search.js") < 0)
		return;
	out_markup(&s->o, "/* search.js: generated by amigen -T html from the AMI "
	                  "dictionary; do not edit. */\nvar AMIDICT_INDEX = [\n");
	for (i = 0; i < m->nactions; i++) {
		index_entry(s, m->actions[i].name, "action");
		write_path(s->o.f, m, &m->actions[i]);
		out_markup(&s->o, "\"}");
	}
	for (i = 0; i < m->nevents; i++) {
		index_entry(s, m->events[i].name, "event");
		write_path(s->o.f, m, &m->events[i]);
		out_markup(&s->o, "\"}");
	}
	for (i = 0; i < m->nheaders; i++) {
		index_entry(s, m->headers[i].name, "header");
		out_markup(&s->o, "headers.html#h-");
		esc_html_path(s->o.f, m->headers[i].name);
		out_markup(&s->o, "\"}");
	}
	for (i = 0; i < m->nrules; i++) {
		index_entry(s, m->rules[i].id, "rule");
		out_markup(&s->o, "rules.html#r-");
		esc_html_path(s->o.f, m->rules[i].id);
		out_markup(&s->o, "\",\"a\":");
		esc_json(s->o.f, m->rules[i].name);
		out_markup(&s->o, "}");
	}
	out_markup(&s->o, "\n];\n");
	write_lines(s, search_lines);
	file_close(s, "search.js");
}

int
emit_html(const struct amid_model *m, FILE *f, const struct emit_opts *o)
{
	struct site s = {.m = m, .dir = o->out};
	size_t i;

	(void)f;
	index_page(&s);
	headers_page(&s);
	classes_page(&s);
	for (i = 0; i < m->nactions; i++)
		message_page(&s, &m->actions[i]);
	for (i = 0; i < m->nevents; i++)
		message_page(&s, &m->events[i]);
	if (m->nrules > 0)
		rules_page(&s);
	style_file(&s);
	search_file(&s);
	return s.bad ? -1 : 0;
}
