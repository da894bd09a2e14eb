/*
 * prose.h: normalising descriptions read from XML before they are kept as
 * CommonMark: the indentation the XML nesting adds would otherwise turn
 * every paragraph into a code block.
 */
#ifndef AMID_PROSE_H
#define AMID_PROSE_H

#include <stddef.h>

struct amid_arena;

/*
 * Drops leading and trailing blank lines, trailing blanks, and the
 * indentation common to all non-blank lines (a tab counts as one column).
 * Returns an arena string, "" for all-blank text, or NULL when out of
 * memory.
 */
char *amid_prose_dedent(struct amid_arena *, const char *text, size_t len);

#endif
