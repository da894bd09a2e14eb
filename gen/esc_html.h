/*
 * esc_html.h: the HTML escapers used by -T html (emit_html.c): dictionary
 * text as HTML text or attribute value, and as a URL path component or
 * fragment.  Prose does not come here: cmark's HTML renderer escapes it.
 */
#ifndef AMIGEN_ESC_HTML_H
#define AMIGEN_ESC_HTML_H

#include <stdio.h>

/*
 * Text, safe in element content and in a quoted attribute value:
 * & < > " ' become references.  The signature of esc_fn (out.h).
 */
void esc_html(FILE *, const char *s, int *bol);

/*
 * One component of a URL (a file name, a fragment, an id that fragments
 * name): bytes other than letters, digits and - . _ ~ are
 * percent-encoded, so the result needs no further escaping anywhere.
 */
void esc_html_path(FILE *, const char *s);

#endif
