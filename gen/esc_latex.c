/*
 * esc_latex.c: LaTeX escapers (see esc_latex.h), one character table
 * shared by text and index entries.
 */
#include "esc_latex.h"

#include <string.h>

/* What c becomes in LaTeX text; NULL when it stands for itself. */
static const char *
latex_char(unsigned char c)
{
	static const char *const special[128] = {
	    ['#'] = "\\#",
	    ['$'] = "\\$",
	    ['%'] = "\\%",
	    ['&'] = "\\&",
	    ['_'] = "\\_",
	    ['{'] = "\\{",
	    ['}'] = "\\}",
	    ['~'] = "\\textasciitilde{}",
	    ['^'] = "\\textasciicircum{}",
	    ['\\'] = "\\textbackslash{}",
	    ['<'] = "\\textless{}",
	    ['>'] = "\\textgreater{}",
	    ['|'] = "\\textbar{}",
	    ['['] = "{[}",
	    [']'] = "{]}",
	};

	if (c < 0x20 || c == 0x7f)
		return " ";
	return c < 128 ? special[c] : NULL;
}

/*
 * Whether c followed by next would make a T1 ligature: -- (a dash, even
 * in typewriter type, so "--END COMMAND--" would lose a hyphen), `` ''
 * ,, (curly quotes) and !` ?` (inverted marks).
 */
static int
ligature(unsigned char c, unsigned char next)
{
	if (c == next && strchr("-'`,", c) != NULL)
		return 1;
	return (c == '!' || c == '?') && next == '`';
}

/* quote: characters to prefix with makeindex's quote character. */
static void
escape(FILE *f, const char *s, const char *quote)
{
	const unsigned char *p;

	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		const char *r = latex_char(*p);

		if (quote != NULL && strchr(quote, *p) != NULL)
			putc('"', f);
		if (r != NULL)
			fputs(r, f);
		else
			putc(*p, f);
		if (ligature(*p, p[1]))
			fputs("{}", f); /* an empty group breaks it */
	}
}

void
esc_latex(FILE *f, const char *s, int *bol)
{
	/* Text never ends a line: control characters became spaces. */
	if (*s != '\0')
		*bol = 0;
	escape(f, s, NULL);
}

void
esc_latex_index(FILE *f, const char *s)
{
	escape(f, s, "!@\"");
}

void
esc_latex_label(FILE *f, const char *s)
{
	const unsigned char *p;

	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '-')
			putc(*p, f);
		else
			fprintf(f, ":%02X", *p);
	}
}
