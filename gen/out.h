/*
 * out.h: the one small writer every line-based back-end (man, LaTeX,
 * Markdown, HTML) uses.  Two calls: out_markup() for trusted markup that
 * the back-end itself spells, and out_text() for text from the dictionary,
 * which always goes through the format's escaper.  Dictionary strings are
 * never concatenated into markup unescaped.
 */
#ifndef AMIGEN_OUT_H
#define AMIGEN_OUT_H

#include <stdio.h>

/*
 * An escaper writes s to f escaped for its format.  *bol is 1 at the
 * start of an output line; the escaper keeps it up to date (roff needs it).
 */
typedef void (*esc_fn)(FILE *f, const char *s, int *bol);

struct out {
	FILE *f;
	esc_fn esc;
	int bol;
};

void out_init(struct out *, FILE *, esc_fn);
/* Trusted markup, printf-style; arguments must be trusted too. */
void out_markup(struct out *, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Dictionary text, escaped; NULL writes nothing. */
void out_text(struct out *, const char *s);
/* Already-rendered output (cmark's renderers escape for themselves). */
void out_rendered(struct out *, const char *s);

/*
 * Opens OUTDIR/relpath for writing, creating OUTDIR/ and the directories
 * of relpath; prints the reason and returns NULL on failure.
 */
FILE *out_open(const char *outdir, const char *relpath);
/* Checks and closes a stream opened by out_open; -1 on any write error. */
int out_close(FILE *, const char *outdir, const char *relpath);

#endif
