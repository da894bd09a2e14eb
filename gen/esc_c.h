/*
 * esc_c.h: the C escaper of -T c (emit_c*.c): dictionary text inside a C
 * string literal, and file names inside a block comment.  The generated
 * code must compile cleanly whatever bytes the dictionary holds.
 */
#ifndef AMIGEN_ESC_C_H
#define AMIGEN_ESC_C_H

#include <stdio.h>

/*
 * Writes s as the inside of a C string literal (the caller writes the
 * quotes): quotes and backslashes escaped, `?` as `\?` so that no
 * trigraph can form, control and non-ASCII bytes as three-digit octal
 * escapes (three digits, so a following digit never joins the escape).
 * An esc_fn (out.h): the literal stays on one line.
 */
void esc_c(FILE *, const char *s, int *bol);

/*
 * Writes s for the inside of a block comment: `*` `/` and `/` `*` are
 * broken with a backslash, bytes outside printable ASCII become `?`, so
 * the text can neither end the comment nor start a new line in it.
 */
void esc_c_comment(FILE *, const char *s);

#endif
