/*
 * render.c: CommonMark prose -> man, LaTeX, HTML or normalised CommonMark,
 * through cmark (see render.h).
 */
#include "render.h"

#include <stdlib.h>
#include <string.h>

#include <cmark.h>

/*
 * cmark's CommonMark renderer copies raw HTML through (it has no safe
 * mode), so raw HTML becomes literal text first: shown, never obeyed.
 */
static int
neutralise_html(cmark_node *doc)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	int rc = 0;

	if (it == NULL)
		return -1;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it), *t;
		cmark_node_type type = cmark_node_get_type(n);

		if (ev != CMARK_EVENT_ENTER ||
		    (type != CMARK_NODE_HTML_INLINE &&
		     type != CMARK_NODE_HTML_BLOCK))
			continue;
		t = cmark_node_new(type == CMARK_NODE_HTML_INLINE
		                       ? CMARK_NODE_TEXT
		                       : CMARK_NODE_CODE_BLOCK);
		if (t == NULL ||
		    !cmark_node_set_literal(t, cmark_node_get_literal(n)) ||
		    !cmark_node_replace(n, t)) {
			rc = -1;
			break;
		}
		/* The iterator stands on n: move it to t, then free n. */
		cmark_iter_reset(it, t, CMARK_EVENT_EXIT);
		cmark_node_free(n);
	}
	cmark_iter_free(it);
	return rc;
}

char *
render_prose(const char *md, enum render_fmt fmt)
{
	cmark_node *doc;
	char *s = NULL;

	if (md == NULL)
		md = "";
	doc = cmark_parse_document(md, strlen(md), CMARK_OPT_DEFAULT);
	if (doc == NULL)
		return NULL;
	switch (fmt) {
	case RENDER_MAN:
		s = cmark_render_man(doc, CMARK_OPT_DEFAULT, 0);
		break;
	case RENDER_LATEX:
		s = cmark_render_latex(doc, CMARK_OPT_DEFAULT, 0);
		break;
	case RENDER_HTML:
		s = cmark_render_html(doc, CMARK_OPT_DEFAULT);
		break;
	case RENDER_COMMONMARK:
		if (neutralise_html(doc) == 0)
			s = cmark_render_commonmark(doc, CMARK_OPT_DEFAULT, 0);
		break;
	}
	cmark_node_free(doc);
	return s;
}
