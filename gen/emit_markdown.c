/*
 * emit_markdown.c: -T markdown, the linked model as a tree of CommonMark
 * pages under -o DIR (README.md, headers.md, classes.md, actions/NAME.md,
 * events/NAME.md, and rules.md for amilint's rules) to read on a forge or
 * to convert with pandoc.  Dictionary text goes through esc_md, prose
 * through cmark's CommonMark renderer; pages link both ways (message <->
 * header, action <-> event).
 */
#include <stdlib.h>
#include <string.h>

#include "emit.h"
#include "esc_md.h"
#include "out.h"
#include "page_name.h"
#include "phrase.h"
#include "render.h"
#include "xref.h"

struct md {
	const struct amid_model *m;
	const char *dir; /* the -o directory */
	struct page_names pages;
	struct out o;    /* the page being written */
	struct phrase ph; /* facts in words, written to o */
	const char *up;  /* from that page to the top: "" or "../" */
	int bad;         /* out of memory, or a page could not be written */
};

/*
 * Events may differ only in case (Newcallerid, NewCallerid): the later one
 * gets "~2" (then "~3"...) after its name, so no two files collide on a
 * case-insensitive file system; '~' is never part of a name.
 */
static const struct page_style page_style = {.sep = '~'};

/* ---- file names and links ---------------------------------------------- */

/* The file name of a message's page, without directory and ".md". */
static void
write_stem(FILE *f, const struct md *d, const struct amid_message *msg)
{
	esc_md_path(f, page_name(&d->pages, msg));
}

static void
link_message(struct md *d, const struct amid_message *msg)
{
	out_markup(&d->o, "[");
	out_text(&d->o, msg->name);
	out_markup(&d->o, "](%s%s/", d->up, page_dir(msg->kind));
	write_stem(d->o.f, d, msg);
	out_markup(&d->o, ".md)");
}

/* Headers are sections of headers.md; the heading text is the name. */
static void
link_header(struct md *d, const struct amid_header *h)
{
	out_markup(&d->o, "[");
	out_text(&d->o, h->name);
	out_markup(&d->o, "](%sheaders.md#", d->up);
	esc_md_anchor(d->o.f, h->name);
	out_markup(&d->o, ")");
}

static void
link_class(struct md *d, const char *name)
{
	const struct amid_class *c = amid_find_class(d->m, name);

	if (c == NULL) {
		out_text(&d->o, name);
		return;
	}
	out_markup(&d->o, "[");
	out_text(&d->o, c->name);
	out_markup(&d->o, "](%sclasses.md#", d->up);
	esc_md_anchor(d->o.f, c->name);
	out_markup(&d->o, ")");
}

/* Responses have no page: they are listed in the index. */
static void
link_response(struct md *d, const struct amid_message *r)
{
	out_markup(&d->o, "[");
	out_text(&d->o, r->name);
	out_markup(&d->o, "](%sREADME.md#responses)", d->up);
}

/* The links of phrase.c: its ctx is the md. */
static void
ph_link_header(void *ctx, const struct amid_header *h)
{
	link_header(ctx, h);
}

static void
ph_link_message(void *ctx, const struct amid_message *msg)
{
	link_message(ctx, msg);
}

static void
ph_link_class(void *ctx, const char *name)
{
	link_class(ctx, name);
}

static void
ph_link_response(void *ctx, const struct amid_message *r)
{
	link_response(ctx, r);
}

/* ---- prose ------------------------------------------------------------- */

/* s with every non-empty line indented by ind columns (malloc'd). */
static char *
indent_lines(const char *s, int ind)
{
	size_t lines = 1, len = 0;
	const char *p;
	char *r, *q;

	for (p = s; *p != '\0'; p++, len++)
		lines += *p == '\n';
	if ((q = r = malloc(len + lines * (size_t)ind + 1)) == NULL)
		return NULL;
	for (p = s; *p != '\0'; p++) {
		if ((p == s || p[-1] == '\n') && *p != '\n') {
			memset(q, ' ', (size_t)ind);
			q += ind;
		}
		*q++ = *p;
	}
	*q = '\0';
	return r;
}

/* Prose as blocks, indented by ind columns (the content of a list item). */
static void
prose_blocks(struct md *d, const char *text, int ind)
{
	char *r, *in;

	if (text == NULL)
		return;
	if ((r = render_prose(text, RENDER_COMMONMARK)) == NULL) {
		d->bad = 1;
		return;
	}
	if ((in = indent_lines(r, ind)) == NULL)
		d->bad = 1;
	else
		out_rendered(&d->o, in);
	free(in);
	free(r);
}

/*
 * The prose as one line of inline CommonMark when it is one paragraph
 * (cmark's HTML shows it: one <p>, no hard break); NULL otherwise.  A
 * soft line break is a space, so joining the lines changes nothing.
 */
static char *
prose_inline(const char *text)
{
	char *html, *md, *p;
	size_t len;
	int one;

	if (text == NULL || (html = render_prose(text, RENDER_HTML)) == NULL)
		return NULL;
	len = strlen(html);
	one = strncmp(html, "<p>", 3) == 0 && len >= 8 &&
	      strstr(html, "</p>") == html + len - 5 &&
	      strstr(html, "<br />") == NULL;
	free(html);
	if (!one || (md = render_prose(text, RENDER_COMMONMARK)) == NULL)
		return NULL;
	for (p = md; *p != '\0'; p++)
		if (*p == '\n')
			*p = ' ';
	while (p > md && p[-1] == ' ')
		*--p = '\0';
	return md;
}

/*
 * Prose after a list item's first words: on the same line when it is
 * one paragraph, else as indented blocks below.
 */
static void
prose_item(struct md *d, const char *text)
{
	char *s = prose_inline(text);

	if (s != NULL) {
		out_markup(&d->o, ": ");
		out_rendered(&d->o, s);
		out_markup(&d->o, "\n");
	} else if (text != NULL) {
		out_markup(&d->o, "\n\n");
		prose_blocks(d, text, 2);
	} else
		out_markup(&d->o, "\n");
	free(s);
}

/*
 * Prose in a table cell, '|' escaped; returns 0 when it is not one
 * paragraph and the caller must show it below the table.
 */
static int
prose_cell(struct md *d, const char *text)
{
	char *s = prose_inline(text), *p;

	if (s == NULL) {
		if (text != NULL)
			out_markup(&d->o, "see below");
		return text == NULL;
	}
	for (p = s; *p != '\0'; p++) {
		if (*p == '|')
			putc('\\', d->o.f);
		putc(*p, d->o.f);
	}
	free(s);
	return 1;
}

/* Text at the start of a block's content (a list item, a heading). */
static void
text_at_start(struct md *d, const char *s)
{
	d->o.bol = 1;
	out_text(&d->o, s);
}

/* ---- pages ------------------------------------------------------------- */

/* Every page starts with the same way back. */
static void
nav(struct md *d)
{
	out_markup(&d->o,
	           "[Index](%sREADME.md) · [Headers](%sheaders.md) · "
	           "[Classes](%sclasses.md) · [Actions](%sREADME.md#actions) · "
	           "[Events](%sREADME.md#events)\n",
	           d->up, d->up, d->up, d->up, d->up);
}

static int
page_open(struct md *d, const char *relpath, const char *up)
{
	FILE *f = out_open(d->dir, relpath);

	if (f == NULL)
		return -1;
	out_init(&d->o, f, esc_md);
	d->up = up;
	/* An HTML comment: forges and pandoc do not show it. */
	out_markup(&d->o, "<!-- generated by amigen -T markdown from the AMI "
	                  "dictionary; do not edit -->\n\n");
	nav(d);
	return 0;
}

static void
page_close(struct md *d, const char *relpath)
{
	if (out_close(d->o.f, d->dir, relpath) < 0)
		d->bad = 1;
}

/* Opens DIR/actions/<stem>.md or DIR/events/<stem>.md. */
static int
message_open(struct md *d, const struct amid_message *msg, char **relpath)
{
	size_t len;
	FILE *mem = open_memstream(relpath, &len);

	if (mem == NULL)
		return -1;
	fprintf(mem, "%s/", page_dir(msg->kind));
	write_stem(mem, d, msg);
	fputs(".md", mem);
	if (fclose(mem) != 0)
		return -1;
	return page_open(d, *relpath, "../");
}


/* Writes what once the first time *done is 0: a lazy heading or prefix. */
static void
once(struct md *d, int *done, const char *what)
{
	if (!*done)
		out_markup(&d->o, "%s", what);
	*done = 1;
}

/* ---- message pages ------------------------------------------------------ */

static const char *
use_prose(const struct amid_use *u)
{
	return u->description ? u->description : u->meaning->description;
}

/* One row of a parameter or field table; 0 if its prose goes below. */
static int
use_row(struct md *d, const struct amid_message *msg, const struct amid_use *u)
{
	const struct amid_meaning *mn = u->meaning;
	int inline_ok;

	out_markup(&d->o, "| ");
	link_header(d, mn->header);
	if (mn->key != NULL && mn->header->nmeanings > 1) {
		out_markup(&d->o, " (");
		out_text(&d->o, mn->key);
		out_markup(&d->o, ")");
	}
	out_markup(&d->o, " | `%s`%s | %s", amid_type_name(mn->type),
	           mn->repeat ? ", repeatable" : "", u->required ? "yes" : "no");
	if (u->group >= 0) {
		out_markup(&d->o, ", group ");
		out_text(&d->o, msg->groups[u->group].name);
	}
	out_markup(&d->o, " | ");
	phrase_versions(&d->ph, &u->ver, RN_HEADER);
	out_markup(&d->o, " | ");
	inline_ok = prose_cell(d, use_prose(u));
	out_markup(&d->o, " |\n");
	return inline_ok;
}

/* Prose too long for a table cell, after the table. */
static void
use_notes(struct md *d, const struct amid_use *v, size_t n)
{
	size_t i;
	char *s;

	for (i = 0; i < n; i++) {
		if (use_prose(&v[i]) == NULL)
			continue;
		if ((s = prose_inline(use_prose(&v[i]))) != NULL) {
			free(s);
			continue;
		}
		out_markup(&d->o, "\n");
		link_header(d, v[i].meaning->header);
		out_markup(&d->o, ":\n\n");
		prose_blocks(d, use_prose(&v[i]), 0);
	}
}

static void
uses_table(struct md *d, const struct amid_message *msg,
           const struct amid_use *v, size_t n, const char *what)
{
	size_t i;
	int notes = 0;

	out_markup(&d->o,
	           "\n| %s | Type | Required | Versions | Description |\n"
	           "| --- | --- | --- | --- | --- |\n",
	           what);
	for (i = 0; i < n; i++)
		notes |= !use_row(d, msg, &v[i]);
	if (notes)
		use_notes(d, v, n);
}

/* "Every action may also carry the common headers: ActionID." */
static void
common_note(struct md *d, enum amid_kind k)
{
	const struct amid_message *c = &d->m->common[k];
	size_t i;

	if (c->nuses == 0)
		return;
	out_markup(&d->o, "\nEvery %s may also carry the [common headers]"
	                  "(%sREADME.md#common-headers): ",
	           amid_kind_name(k), d->up);
	for (i = 0; i < c->nuses; i++) {
		out_markup(&d->o, "%s", i ? ", " : "");
		link_header(d, c->uses[i].meaning->header);
	}
	out_markup(&d->o, ".\n");
}

static void
uses_section(struct md *d, const struct amid_message *msg)
{
	int action = msg->kind == AMID_ACTION;

	out_markup(&d->o, "\n## %s\n", action ? "Parameters" : "Fields");
	if (msg->nuses == 0)
		out_markup(&d->o, "\nNone of its own.\n");
	else
		uses_table(d, msg, msg->uses, msg->nuses,
		           action ? "Parameter" : "Field");
	common_note(d, msg->kind);
}

static void
choices_section(struct md *d, const struct amid_message *msg)
{
	size_t i, g, k;

	if (msg->nchoices > 0)
		out_markup(&d->o, "\n## Parameter groups\n");
	for (i = 0; i < msg->nchoices; i++) {
		const struct amid_choice *c = &msg->choices[i];

		out_markup(&d->o, "\nThe parameters of a group go together; "
		                  "%s:\n\n",
		           c->required ? "one of these groups is required"
		                       : "these groups are alternatives");
		for (g = c->first_group; g < c->first_group + c->ngroups; g++) {
			const char *sep = "";

			out_markup(&d->o, "- ");
			text_at_start(d, msg->groups[g].name);
			out_markup(&d->o, ":");
			for (k = 0; k < msg->nuses; k++)
				if (msg->uses[k].group == (int)g) {
					out_markup(&d->o, "%s ", sep);
					link_header(d, msg->uses[k].meaning->header);
					sep = ",";
				}
			out_markup(&d->o, "\n");
		}
	}
}

static void
response_section(struct md *d, const struct amid_message *msg)
{
	if (!msg->has_response)
		return;
	out_markup(&d->o, "\n## Response\n");
	if (msg->nresponse == 0)
		out_markup(&d->o, "\nA successful response carries no fields "
		                  "of its own.\n");
	else {
		out_markup(&d->o, "\nA successful response carries:\n");
		uses_table(d, msg, msg->response, msg->nresponse, "Field");
	}
	common_note(d, AMID_RESPONSE);
}

static void
events_section(struct md *d, const struct amid_message *msg)
{
	size_t i;

	if (msg->list_complete_ref == NULL && msg->nemits == 0)
		return;
	out_markup(&d->o, "\n## Events\n");
	if (msg->list_complete_ref != NULL) {
		out_markup(&d->o, "\nThe response is followed by a list of ");
		for (i = 0; i < msg->nlist_items; i++) {
			out_markup(&d->o, "%s", i ? ", " : "");
			link_message(d, msg->list_item_refs[i]);
		}
		out_markup(&d->o, " events, ended by ");
		link_message(d, msg->list_complete_ref);
		out_markup(&d->o, ".\n");
	}
	if (msg->nemits > 0)
		out_markup(&d->o, "\nIt causes:\n\n");
	for (i = 0; i < msg->nemits; i++) {
		out_markup(&d->o, "- ");
		link_message(d, msg->emits[i].target);
		prose_item(d, msg->emits[i].description);
	}
}

/* The actions that list or cause this event. */
static void
sent_by_section(struct md *d, const struct amid_message *ev)
{
	static const char *const how[XREF_HOW__MAX] = {
	    [XREF_LIST_ITEM] = ", as an item of its list\n",
	    [XREF_LIST_END] = ", to end its list\n",
	    [XREF_EMITS] = " causes it",
	};
	struct xref_send x = {0};
	int done = 0;

	while (xref_next_send(d->m, ev, &x)) {
		once(d, &done, "\n## Sent by\n\n");
		out_markup(&d->o, "- ");
		link_message(d, x.action);
		out_markup(&d->o, "%s", how[x.how]);
		if (x.emit != NULL)
			prose_item(d, x.emit->description);
	}
}

static void
message_page(struct md *d, const struct amid_message *msg)
{
	char *relpath = NULL;

	if (message_open(d, msg, &relpath) < 0) {
		d->bad = 1;
		free(relpath);
		return;
	}
	out_markup(&d->o, "\n# ");
	text_at_start(d, msg->name);
	out_markup(&d->o, "\n");
	out_markup(&d->o, "\n");
	phrase_message(&d->ph, msg);
	out_markup(&d->o, "\n");
	if (msg->description != NULL) {
		out_markup(&d->o, "\n");
		prose_blocks(d, msg->description, 0);
	}
	uses_section(d, msg);
	if (msg->kind == AMID_ACTION) {
		choices_section(d, msg);
		response_section(d, msg);
		events_section(d, msg);
	} else
		sent_by_section(d, msg);
	page_close(d, relpath);
	free(relpath);
}

/* ---- headers.md --------------------------------------------------------- */

/* "Type `enum`, repeatable, min 0; since 1.6." */
static void
meaning_facts(struct md *d, const struct amid_meaning *mn)
{
	out_markup(&d->o, "\n");
	if (mn->key != NULL) {
		out_markup(&d->o, "**Meaning ");
		out_text(&d->o, mn->key);
		out_markup(&d->o, "**: type");
	} else
		out_markup(&d->o, "Type");
	out_markup(&d->o, " `%s`", amid_type_name(mn->type));
	phrase_limits(&d->ph, mn);
	out_markup(&d->o, "\n");
}

static void
values_list(struct md *d, const struct amid_meaning *mn)
{
	size_t i;

	if (mn->nvalues == 0)
		return;
	out_markup(&d->o, "\nValues%s:\n\n",
	           mn->case_insensitive ? ", in any case" : "");
	for (i = 0; i < mn->nvalues; i++) {
		const struct amid_value *v = &mn->values[i];

		out_markup(&d->o, "- ");
		text_at_start(d, v->name);
		if (phrase_has_versions(&v->ver)) {
			out_markup(&d->o, " (");
			phrase_versions(&d->ph, &v->ver, RN_TEXT);
			out_markup(&d->o, ")");
		}
		prose_item(d, v->description);
	}
}

static void
used_by(struct md *d, const struct amid_meaning *mn)
{
	size_t i;
	int k;

	if (mn->nuses == 0)
		out_markup(&d->o, "\nNo message uses it.\n");
	for (k = 0; k < AMID_KIND__MAX; k++)
		phrase_used_by(&d->ph, mn, (enum amid_kind)k);
	for (i = 0; i < mn->nuses; i++)
		if (mn->uses[i]->owner->name == NULL)
			out_markup(&d->o, "\nEvery %s may carry it: see the "
			                  "[common headers](%sREADME.md"
			                  "#common-headers).\n",
			           amid_kind_name(mn->uses[i]->owner->kind),
			           d->up);
}

static void
header_section(struct md *d, const struct amid_header *h)
{
	size_t k;

	out_markup(&d->o, "\n## ");
	text_at_start(d, h->name);
	out_markup(&d->o, "\n");
	for (k = 0; k < h->nmeanings; k++) {
		const struct amid_meaning *mn = &h->meanings[k];

		meaning_facts(d, mn);
		if (mn->description != NULL) {
			out_markup(&d->o, "\n");
			prose_blocks(d, mn->description, 0);
		}
		values_list(d, mn);
		used_by(d, mn);
	}
}

/*
 * Only the title and one heading per header: every other heading would
 * take an id a header's name could need.
 */
static void
headers_page(struct md *d)
{
	size_t i;

	if (page_open(d, "headers.md", "") < 0) {
		d->bad = 1;
		return;
	}
	out_markup(&d->o, "\n# AMI headers\n\nEvery header of the dictionary. "
	                  "A header may have several meanings, told apart by "
	                  "a key; each has a value type and lists the "
	                  "messages using it.\n\n");
	for (i = 0; i < d->m->nheaders; i++) {
		out_markup(&d->o, "%s", i ? " · " : "");
		link_header(d, &d->m->headers[i]);
	}
	out_markup(&d->o, "\n");
	for (i = 0; i < d->m->nheaders; i++)
		header_section(d, &d->m->headers[i]);
	page_close(d, "headers.md");
}

/* ---- classes.md --------------------------------------------------------- */

static void
classes_page(struct md *d)
{
	size_t i;

	if (page_open(d, "classes.md", "") < 0) {
		d->bad = 1;
		return;
	}
	out_markup(&d->o, "\n# Privilege classes\n\nA user may send an action "
	                  "when manager.conf's `write=` grants one of its "
	                  "classes, and receives an event when `read=` grants "
	                  "one of its classes.\n");
	for (i = 0; i < d->m->nclasses; i++) {
		const struct amid_class *c = &d->m->classes[i];

		out_markup(&d->o, "\n## ");
		text_at_start(d, c->name);
		out_markup(&d->o, "\n");
		if (phrase_facts(&d->ph, &c->ver, c->source, RN_TEXT, "\n"))
			out_markup(&d->o, "\n");
		if (c->description != NULL) {
			out_markup(&d->o, "\n");
			prose_blocks(d, c->description, 0);
		}
		phrase_members(&d->ph, c, AMID_ACTION);
		phrase_members(&d->ph, c, AMID_EVENT);
	}
	page_close(d, "classes.md");
}

/* ---- rules.md: amilint's rules ---------------------------------------- */

static const char rules_intro[] =
    "\n# Lint rules\n\n"
    "amilint checks transcripts of AMI traffic against these rules. Each "
    "rule has a stable ID, such as `AMI0101`, a name, such as `bare-lf`, "
    "and a category; amilint names the rule of each finding by its ID and "
    "name, and its `--enable` and `--disable` options take IDs, names and "
    "categories. Each rule has a default severity, note, warning or "
    "error; `-W` hides the findings below a severity.\n\n"
    "The rules come in five categories: framing (line ends and the syntax "
    "of messages), headers (the headers of each message), session (the "
    "conversation as a whole), dictionary (what the dictionary and the "
    "target version know) and security.\n\n"
    "Each rule comes with an example that triggers it and one that does "
    "not. In the examples every line ends with CR LF, except that a line "
    "ending in `<LF>` ends with a bare LF and one ending in `<EOF>` ends "
    "the input there, and `<NUL>`, `<TAB>`, `<CR>` and `<XHH>` stand for "
    "a NUL byte, a tab, a carriage return and the byte with the "
    "hexadecimal value HH. The empty line that ends the last message is "
    "not shown.\n";

/* "AMI0101 bare-lf": a rule's heading, and the text of links to it. */
static void
rule_title(struct md *d, const struct amid_rule *r)
{
	out_text(&d->o, r->id);
	out_markup(&d->o, " ");
	out_text(&d->o, r->name);
}

/* The id of a rule's heading (a space becomes '-'). */
static void
rule_anchor(struct md *d, const struct amid_rule *r)
{
	esc_md_anchor(d->o.f, r->id);
	putc('-', d->o.f);
	esc_md_anchor(d->o.f, r->name);
}

/* One row of the table of rules, linked to the rule's section. */
static void
rule_row(struct md *d, const struct amid_rule *r)
{
	out_markup(&d->o, "| [");
	rule_title(d, r);
	out_markup(&d->o, "](#");
	rule_anchor(d, r);
	out_markup(&d->o, ") | %s | %s | ", amid_category_name(r->category),
	           amid_severity_name(r->severity));
	/* A summary of several paragraphs is in full in the section. */
	prose_cell(d, r->summary);
	out_markup(&d->o, " |\n");
}

/*
 * A code block holds its text as it is; only its fence must be longer
 * than any run of backticks inside (and at least the usual three).
 */
static size_t
fence_len(const char *s)
{
	size_t run = 0, max = 2;

	for (; *s != '\0'; s++) {
		run = *s == '`' ? run + 1 : 0;
		if (run > max)
			max = run;
	}
	return max + 1;
}

static void
fence(struct md *d, size_t n, const char *info)
{
	while (n-- > 0)
		putc('`', d->o.f);
	out_markup(&d->o, "%s\n", info);
}

/* An example transcript as the dictionary writes it, markers and all. */
static void
example(struct md *d, const char *title, const char *text)
{
	size_t n;
	const char *p;

	if (text == NULL || *text == '\0')
		return;
	n = fence_len(text);
	out_markup(&d->o, "\n%s\n\n", title);
	fence(d, n, "text");
	/* Control characters would end or garble a line: shown as spaces. */
	for (p = text; *p != '\0'; p++)
		putc(*p != '\n' && *p != '\t' && (unsigned char)*p < 0x20 ? ' '
		                                                           : *p,
		     d->o.f);
	out_markup(&d->o, "\n");
	fence(d, n, "");
}

static void
rule_section(struct md *d, const struct amid_rule *r)
{
	char *s = prose_inline(r->summary);

	out_markup(&d->o, "\n### ");
	d->o.bol = 1;
	rule_title(d, r);
	out_markup(&d->o, "\n\n");
	if (s != NULL) {
		out_rendered(&d->o, s);
		out_markup(&d->o, " ");
	} else if (r->summary != NULL) {
		prose_blocks(d, r->summary, 0);
		out_markup(&d->o, "\n");
	}
	free(s);
	out_markup(&d->o, "Default severity: **%s**.\n",
	           amid_severity_name(r->severity));
	if (r->description != NULL && *r->description != '\0') {
		out_markup(&d->o, "\n");
		prose_blocks(d, r->description, 0);
	}
	example(d, "Bad example:", r->bad);
	example(d, "Good example:", r->good);
}

static void
rules_page(struct md *d)
{
	const struct amid_model *m = d->m;
	size_t i;
	int c;

	if (page_open(d, "rules.md", "") < 0) {
		d->bad = 1;
		return;
	}
	out_markup(&d->o, "%s", rules_intro);
	out_markup(&d->o, "\n| Rule | Category | Severity | Summary |\n"
	                  "| --- | --- | --- | --- |\n");
	for (i = 0; i < m->nrules; i++)
		rule_row(d, &m->rules[i]);
	for (c = 0; c < AMID_CAT__MAX; c++) {
		const char *title = phrase_category((enum amid_rule_category)c);
		int any = 0;

		for (i = 0; i < m->nrules; i++) {
			if (m->rules[i].category != (enum amid_rule_category)c)
				continue;
			if (!any++)
				out_markup(&d->o, "\n## %s\n", title);
			rule_section(d, &m->rules[i]);
		}
	}
	page_close(d, "rules.md");
}

/* ---- README.md: the index ----------------------------------------------- */

static void
protocol_section(struct md *d)
{
	out_markup(&d->o,
	           "\n## The protocol\n\n"
	           "AMI is a text protocol on TCP port 5038. A message is a "
	           "block of `Header: value` lines, each ended by CR LF, and "
	           "an empty line ends it. A client sends *actions* (the "
	           "`Action` header names one); the server answers each with "
	           "a *response* (the `Response` header tells the outcome) "
	           "and sends *events* (the `Event` header names one) to "
	           "every client allowed to see them. Header names match in "
	           "any case.\n");
}

static void
common_section(struct md *d)
{
	int k;

	out_markup(&d->o, "\n## Common headers\n");
	for (k = 0; k < AMID_KIND__MAX; k++) {
		const struct amid_message *c = &d->m->common[k];
		size_t i;

		if (c->nuses == 0)
			continue;
		out_markup(&d->o, "\nEvery %s may carry ",
		           amid_kind_name((enum amid_kind)k));
		for (i = 0; i < c->nuses; i++) {
			out_markup(&d->o, "%s", i ? ", " : "");
			link_header(d, c->uses[i].meaning->header);
		}
		out_markup(&d->o, ".\n");
	}
}

static void
responses_section(struct md *d)
{
	size_t i, k;

	out_markup(&d->o, "\n## Responses\n\nThe `Response` header of a "
	                  "reply tells its outcome; each outcome may carry "
	                  "headers of its own.\n\n");
	for (i = 0; i < d->m->nresponses; i++) {
		const struct amid_message *r = &d->m->responses[i];

		out_markup(&d->o, "- ");
		text_at_start(d, r->name);
		for (k = 0; k < r->nuses; k++) {
			out_markup(&d->o, "%s", k ? ", " : ", with ");
			link_header(d, r->uses[k].meaning->header);
			if (r->uses[k].required)
				out_markup(&d->o, " (required)");
		}
		prose_item(d, r->description);
	}
}

static void
messages_table(struct md *d, enum amid_kind k)
{
	size_t n, i, c;
	const struct amid_message *v = xref_messages(d->m, k, &n);
	int action = k == AMID_ACTION;

	out_markup(&d->o, "\n## %s\n\n", action ? "Actions" : "Events");
	if (n == 0) {
		out_markup(&d->o, "None.\n");
		return;
	}
	out_markup(&d->o, "| %s | Classes | Versions |\n| --- | --- | --- |\n",
	           action ? "Action" : "Event");
	for (i = 0; i < n; i++) {
		out_markup(&d->o, "| ");
		link_message(d, &v[i]);
		out_markup(&d->o, " | ");
		for (c = 0; c < v[i].nclasses; c++) {
			out_markup(&d->o, "%s", c ? ", " : "");
			link_class(d, v[i].classes[c]);
		}
		out_markup(&d->o, " | ");
		phrase_versions(&d->ph, &v[i].ver,
		                action ? RN_ACTION : RN_EVENT);
		out_markup(&d->o, " |\n");
	}
}

static void
index_page(struct md *d)
{
	const struct amid_model *m = d->m;
	size_t i;

	if (page_open(d, "README.md", "") < 0) {
		d->bad = 1;
		return;
	}
	out_markup(&d->o,
	           "\n# AMI reference\n\nThe Asterisk Manager Interface as "
	           "its dictionary describes it: %zu actions, %zu events, "
	           "%zu headers and %zu privilege classes. These pages are "
	           "generated by amigen; edit the dictionary, not them.\n",
	           m->nactions, m->nevents, m->nheaders, m->nclasses);
	protocol_section(d);
	common_section(d);
	if (m->nresponses > 0)
		responses_section(d);
	out_markup(&d->o, "\n## Privilege classes\n\n[Privilege classes]"
	                  "(classes.md): ");
	for (i = 0; i < m->nclasses; i++) {
		out_markup(&d->o, "%s", i ? ", " : "");
		link_class(d, m->classes[i].name);
	}
	out_markup(&d->o, ".\n\n## Headers\n\n[All %zu headers](headers.md), "
	                  "with their meanings, types and the messages using "
	                  "them.\n",
	           m->nheaders);
	if (m->nrules > 0)
		out_markup(&d->o, "\n## Lint rules\n\n[The %zu lint rules](rules.md) "
		                  "of amilint, by category, each with an example "
		                  "that triggers it.\n",
		           m->nrules);
	messages_table(d, AMID_ACTION);
	messages_table(d, AMID_EVENT);
	page_close(d, "README.md");
}

int
emit_markdown(const struct amid_model *m, FILE *f, const struct emit_opts *o)
{
	struct md d = {.m = m, .dir = o->out};
	size_t i;

	(void)f;
	d.ph = (struct phrase){.o = &d.o, .m = m, .par = "\n",
	                       .end_par = "\n", .ctx = &d,
	                       .link_header = ph_link_header,
	                       .link_message = ph_link_message,
	                       .link_class = ph_link_class,
	                       .link_response = ph_link_response};
	if (page_names_init(&d.pages, m, &page_style) < 0) {
		fputs("amigen: out of memory\n", stderr);
		return -1;
	}
	index_page(&d);
	headers_page(&d);
	classes_page(&d);
	for (i = 0; i < m->nactions; i++)
		message_page(&d, &m->actions[i]);
	for (i = 0; i < m->nevents; i++)
		message_page(&d, &m->events[i]);
	if (m->nrules > 0)
		rules_page(&d);
	page_names_free(&d.pages);
	return d.bad ? -1 : 0;
}
