/*
 * render.h: dictionary prose (CommonMark) rendered through cmark's own
 * renderers, the only way prose reaches an output format.
 */
#ifndef AMIGEN_RENDER_H
#define AMIGEN_RENDER_H

enum render_fmt {
	RENDER_MAN,
	RENDER_LATEX,
	RENDER_HTML,
	RENDER_COMMONMARK
};

/*
 * Returns the rendering of the CommonMark text md (malloc'd, caller
 * frees), "" for NULL; NULL only when out of memory.  Raw HTML in the
 * prose is never passed through.
 */
char *render_prose(const char *md, enum render_fmt);

#endif
