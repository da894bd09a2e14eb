/*
 * render.c: CommonMark prose -> man, LaTeX, HTML or normalised CommonMark,
 * through cmark (see render.h).
 */
#include "render.h"

#include <stdlib.h>
#include <string.h>

#include <cmark.h>

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
		s = cmark_render_commonmark(doc, CMARK_OPT_DEFAULT, 0);
		break;
	}
	cmark_node_free(doc);
	return s;
}
