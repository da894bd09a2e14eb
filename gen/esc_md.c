/*
 * esc_md.c: Markdown escapers (see esc_md.h).  Backslash escapes work on
 * any ASCII punctuation in CommonMark, so escaping a little too much is
 * harmless; missing one is not.
 */
#include "esc_md.h"

#include <string.h>

/* Inline specials of CommonMark, GFM tables and common extensions. */
static const char inline_specials[] = "\\`*_[]<>#|&~";

/* Block markers that only matter at the start of a line. */
static const char line_specials[] = "-+=";

static int
is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

/* At the start of a line: writes what must be escaped there; returns
 * how many bytes of s it wrote. */
static size_t
line_start(FILE *f, const char *s)
{
	size_t n = 0;

	if (*s == ' ' || *s == '\t') {
		fputs(*s == ' ' ? "&#32;" : "&#9;", f);
		return 1;
	}
	if (*s != '\0' && strchr(line_specials, *s) != NULL) {
		fprintf(f, "\\%c", *s);
		return 1;
	}
	/* "1." or "1)" would start an ordered list. */
	while (is_digit((unsigned char)s[n]))
		n++;
	if (n > 0 && (s[n] == '.' || s[n] == ')')) {
		fprintf(f, "%.*s\\%c", (int)n, s, s[n]);
		return n + 1;
	}
	return 0;
}

void
esc_md(FILE *f, const char *s, int *bol)
{
	const char *p = s;

	if (*s == '\0')
		return;
	if (*bol)
		p += line_start(f, s);
	for (; *p != '\0'; p++) {
		if (*p == '\n' || *p == '\r')
			putc(' ', f);
		else if (strchr(inline_specials, *p) != NULL)
			fprintf(f, "\\%c", *p);
		else
			putc(*p, f);
	}
	*bol = 0;
}

static int
is_unreserved(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       is_digit(c) || c == '-' || c == '.' || c == '_' || c == '~';
}

void
esc_md_path(FILE *f, const char *s)
{
	const unsigned char *p;

	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if (is_unreserved(*p))
			putc(*p, f);
		else
			fprintf(f, "%%%02X", *p);
	}
}

void
esc_md_anchor(FILE *f, const char *s)
{
	const unsigned char *p;

	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if (*p >= 'A' && *p <= 'Z')
			putc(*p - 'A' + 'a', f);
		else if (*p == ' ')
			putc('-', f);
		else if (*p >= 0x80 || (*p >= 'a' && *p <= 'z') ||
		         is_digit(*p) || *p == '-' || *p == '_')
			putc(*p, f);
	}
}
