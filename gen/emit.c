/*
 * emit.c: the table of amigen's back-ends.
 */
#include "emit.h"

const struct emitter amigen_emitters[] = {
	{"check", "validate the dictionary, write nothing", NULL, 0},
	{"tree", "a stable, diffable dump of the linked model", emit_tree, 0},
	{"json", "the whole dictionary as one JSON document", emit_json, 0},
	{"latex", "one LaTeX reference document (pdflatex)", emit_latex, 0},
	{"markdown", "a Markdown reference: README.md, headers, one page per "
	             "action and event", emit_markdown, 1},
	{"html", "a static HTML site with a search box, from file:// too",
	 emit_html, 1},
	{"man", "man(7) pages: ami(7), ami-headers(7), one per action and event",
	 emit_man, 1},
	{"c", "C validators: -n NAME -o DIR writes NAME.h and NAME.c", emit_c,
	 1},
	{"rules", "amilint's rule catalogue as C: -n NAME -o DIR writes "
	          "NAME.h and NAME.c",
	 emit_rules, 1},
	{"xml", "the dictionary as one file in amidict's own format", emit_xml,
	 0},
	{"diff", "what changed from the --old dictionary, as Markdown",
	 emit_diff, 0},
	{"diff-json", "what changed from the --old dictionary, as JSON",
	 emit_diff_json, 0},
};

const size_t amigen_nemitters =
    sizeof(amigen_emitters) / sizeof(amigen_emitters[0]);
