/*
 * esc_latex.h: the LaTeX escapers used by -T latex (emit_latex.c):
 * dictionary text as LaTeX text, as a \label key, and as a makeindex
 * entry.  Prose does not come here: cmark's LaTeX renderer escapes it.
 */
#ifndef AMIGEN_ESC_LATEX_H
#define AMIGEN_ESC_LATEX_H

#include <stdio.h>

/*
 * Text for a T1-encoded document: the ten specials # $ % & ~ _ ^ \ { }
 * and < > | (which only T1 fonts have) become commands, [ ] are braced
 * so they never read as an optional argument, ligatures (-- `` '' ,,
 * !` ?`) are broken so text shows as typed, and control characters
 * become spaces (a blank line would end a paragraph, or an argument).
 * The signature of esc_fn (out.h).
 */
void esc_latex(FILE *, const char *s, int *bol);

/*
 * The part of a \label after its "kind:" prefix: letters, digits and '-'
 * pass, any other byte becomes ":XX" (hex), so distinct names always
 * give distinct keys (labels are case-sensitive: Newcallerid and
 * NewCallerid stay apart).
 */
void esc_latex_label(FILE *, const char *s);

/*
 * Text inside \index{}: as esc_latex, with makeindex's own specials
 * ! @ " quoted by a '"' (| is already \textbar{}).
 */
void esc_latex_index(FILE *, const char *s);

#endif
