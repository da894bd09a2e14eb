/*
 * esc_md.h: the Markdown escapers used by -T markdown (emit_markdown.c):
 * dictionary text as CommonMark inline text, as a link destination, and
 * as the id a heading gets.  Prose does not come here: cmark's CommonMark
 * renderer writes it (render.h).
 */
#ifndef AMIGEN_ESC_MD_H
#define AMIGEN_ESC_MD_H

#include <stdio.h>

/*
 * Inline text, safe in a paragraph, a link text and a table cell: the
 * specials \ ` * _ [ ] < > # | & ~ get a backslash; at the start of a
 * line (*bol) so do the block markers - + = and the '.' or ')' after
 * leading digits, and a leading blank becomes an entity (it could start
 * a code block).  Line ends become spaces: text never ends a line or a
 * table row.  The signature of esc_fn (out.h).
 */
void esc_md(FILE *, const char *s, int *bol);

/*
 * One component of a link destination (a file name): bytes other than
 * letters, digits and - . _ ~ are percent-encoded.
 */
void esc_md_path(FILE *, const char *s);

/*
 * The id GitHub and pandoc's gfm_auto_identifiers give a heading whose
 * text is s: ASCII letters lowered, spaces to '-', other ASCII
 * punctuation but - and _ dropped, other bytes kept.
 */
void esc_md_anchor(FILE *, const char *s);

#endif
