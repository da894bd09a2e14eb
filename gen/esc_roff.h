/*
 * esc_roff.h: roff escaping for the man-page back-end (emit_man.c).
 * esc_roff() escapes dictionary text; roff_fix_cmark() repairs what
 * cmark_render_man() writes so that every page passes mandoc -T lint.
 */
#ifndef AMIGEN_ESC_ROFF_H
#define AMIGEN_ESC_ROFF_H

#include <stdio.h>

/*
 * Writes s as roff text, safe both on a text line and as a macro
 * argument: a backslash is \e, a hyphen-minus \- (dictionary text is names
 * and wire values, which must copy and paste as they are), quotes and the
 * characters groff would typeset as something else are named (\(dq,
 * \(aq, \(ga, \(ha, \(ti), other non-ASCII is \[uXXXX], and control
 * characters become spaces so a string never ends a line.  At the start
 * of a line (*bol), a leading '.' or space gets \& so it is text.
 */
void esc_roff(FILE *, const char *s, int *bol);

/*
 * Returns cmark's man output s (malloc'd; NULL when out of memory) with
 * cmark's defects repaired: \f[C] becomes \f(CR, code-block lines that
 * start with '.' or '\'' get \&, a hard break's .PD glued to the end of a
 * text line moves to its own line, headings (.SH/.SS) become bold
 * paragraphs (prose must not open sections), empty paragraphs and blank
 * lines outside code go, and non-ASCII becomes \[uXXXX].
 */
char *roff_fix_cmark(const char *s);

#endif
