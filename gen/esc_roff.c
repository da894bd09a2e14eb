/*
 * esc_roff.c: roff escaping (see esc_roff.h).  The man back-end writes
 * dictionary text through esc_roff() and cmark's rendered prose through
 * roff_fix_cmark(); both keep the pages pure ASCII.
 */
#include "esc_roff.h"

#include <stdlib.h>
#include <string.h>

#define REPLACEMENT 0xFFFDUL

/*
 * Decodes the UTF-8 sequence at p (at most avail bytes) into *cp and
 * returns its length; a malformed byte decodes as U+FFFD, length 1.
 */
static size_t
utf8_decode(const unsigned char *p, size_t avail, unsigned long *cp)
{
	static const unsigned long min[] = {0, 0, 0x80, 0x800, 0x10000};
	size_t len, i;

	*cp = REPLACEMENT;
	if (p[0] >= 0xc2 && p[0] <= 0xdf)
		len = 2;
	else if (p[0] >= 0xe0 && p[0] <= 0xef)
		len = 3;
	else if (p[0] >= 0xf0 && p[0] <= 0xf4)
		len = 4;
	else
		return 1;
	if (len > avail)
		return 1;
	for (i = 1; i < len; i++)
		if ((p[i] & 0xc0) != 0x80)
			return 1;
	*cp = p[0] & (0x7f >> len);
	for (i = 1; i < len; i++)
		*cp = *cp << 6 | (p[i] & 0x3f);
	/* Overlong forms, surrogates and values past Unicode are malformed. */
	if (*cp < min[len] || (*cp >= 0xd800 && *cp <= 0xdfff) ||
	    *cp > 0x10ffff) {
		*cp = REPLACEMENT;
		return 1;
	}
	return len;
}

/* Writes the non-ASCII character at p as \[uXXXX]; returns its length. */
static size_t
put_utf8(FILE *f, const unsigned char *p, size_t avail)
{
	unsigned long cp;
	size_t len = utf8_decode(p, avail, &cp);

	/* C1 controls have no glyph; like the C0 ones they become spaces. */
	if (cp < 0xa0)
		putc(' ', f);
	else
		fprintf(f, "\\[u%04lX]", cp);
	return len;
}

/* ASCII characters roff would misread or typeset as something else. */
static const char *
ascii_escape(int c)
{
	switch (c) {
	case '\\':
		return "\\e";
	case '-':
		return "\\-";
	case '"':
		return "\\(dq";
	case '\'':
		return "\\(aq";
	case '`':
		return "\\(ga";
	case '^':
		return "\\(ha";
	case '~':
		return "\\(ti";
	}
	return NULL;
}

void
esc_roff(FILE *f, const char *s, int *bol)
{
	const unsigned char *p = (const unsigned char *)s;
	const char *e;

	while (*p != '\0') {
		int c = *p < 0x20 || *p == 0x7f ? ' ' : *p;

		if (*bol && (c == '.' || c == ' '))
			fputs("\\&", f);
		if (c >= 0x80)
			p += put_utf8(f, p, strlen((const char *)p));
		else {
			if ((e = ascii_escape(c)) != NULL)
				fputs(e, f);
			else
				putc(c, f);
			p++;
		}
		*bol = 0;
	}
}

/* ---- cmark's man output -------------------------------------------- */

struct fix {
	FILE *f;
	int in_code;   /* inside a code block's literal lines */
	int after_nf;  /* the previous line was .nf */
	int heading;   /* the next text line is a heading's */
	int held_pp;   /* a .PP waits for a text line to prove it not empty */
	int held_rs;   /* so many .RS wait for proof that their block is not */
};

/* Writes the .RS held back: something is about to go inside them. */
static void
flush_rs(struct fix *x)
{
	for (; x->held_rs > 0; x->held_rs--)
		fputs(".RS\n", x->f);
}

static int
line_is(const char *p, size_t n, const char *what)
{
	return n == strlen(what) && memcmp(p, what, n) == 0;
}

/* Copies a line, \f[C] as \f(CR (mandoc knows no font C), ASCII only. */
static void
put_converted(FILE *f, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while (i < n) {
		if (p[i] >= 0x80)
			i += put_utf8(f, p + i, n - i);
		else if (n - i >= 5 && memcmp(p + i, "\\f[C]", 5) == 0) {
			fputs("\\f(CR", f);
			i += 5;
		} else if (p[i] == '\\' && i + 1 < n && p[i + 1] < 0x80) {
			/* An escape's second byte is never the start of one. */
			putc(p[i++], f);
			putc(p[i++], f);
		} else
			putc(p[i++], f);
	}
}

/* A literal line of a code block: cmark leaves a leading '.' or '\''. */
static void
code_line(struct fix *x, const char *p, size_t n)
{
	if (line_is(p, n, "\\f[]"))
		x->in_code = 0;
	else if (n > 0 && (p[0] == '.' || p[0] == '\''))
		fputs("\\&", x->f);
	put_converted(x->f, p, n);
	putc('\n', x->f);
}

/* A text line (or the text part of one); flushes a waiting .PP. */
static void
text_line(struct fix *x, const char *p, size_t n)
{
	flush_rs(x);
	if (x->held_pp)
		fputs(".PP\n", x->f);
	x->held_pp = 0;
	if (x->heading)
		fputs("\\fB", x->f);
	/* Trailing blanks only add spaces; an escaped one (\ ) stays. */
	while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t') &&
	       !(n > 1 && p[n - 2] == '\\'))
		n--;
	put_converted(x->f, p, n);
	fputs(x->heading ? "\\fP\n" : "\n", x->f);
	x->heading = 0;
}

/*
 * A request line.  .PP and .RS are held back until text proves them not
 * empty (mandoc warns about empty ones); any other request drops a held
 * .PP, and .RE closes a held .RS by dropping both.
 */
static void
macro_line(struct fix *x, const char *p, size_t n)
{
	x->held_pp = 0;
	x->heading = 0;
	if (line_is(p, n, ".PP") || line_is(p, n, ".SH") ||
	    line_is(p, n, ".SS")) {
		x->held_pp = 1;
		x->heading = p[1] == 'S';
		return;
	}
	if (line_is(p, n, ".RS")) {
		x->held_rs++;
		return;
	}
	if (line_is(p, n, ".RE") && x->held_rs > 0) {
		x->held_rs--;
		return;
	}
	flush_rs(x);
	put_converted(x->f, p, n);
	putc('\n', x->f);
}

/* One line of p (n bytes); next is the line after it, or NULL. */
static void
fix_line(struct fix *x, const char *p, size_t n, const char *next)
{
	static const char pd[] = ".PD 0";
	size_t pdlen = sizeof(pd) - 1;
	int after_nf = x->after_nf;

	x->after_nf = line_is(p, n, ".nf");
	if (x->in_code)
		code_line(x, p, n);
	else if (after_nf && line_is(p, n, "\\f[C]")) {
		fputs("\\f(CR\n", x->f);
		x->in_code = 1;
	} else if (n > pdlen && p[0] != '.' &&
	           memcmp(p + n - pdlen, pd, pdlen) == 0 && next != NULL &&
	           strncmp(next, ".P\n", 3) == 0) {
		/* A hard break: cmark glues ".PD 0" to the text before it. */
		text_line(x, p, n - pdlen);
		macro_line(x, pd, pdlen);
	} else if (strspn(p, " \t") >= n)
		; /* a blank line means .sp outside no-fill mode: drop it */
	else if (p[0] == '.')
		macro_line(x, p, n);
	else
		text_line(x, p, n);
}

char *
roff_fix_cmark(const char *s)
{
	struct fix x = {0};
	char *buf = NULL;
	size_t len = 0;

	if ((x.f = open_memstream(&buf, &len)) == NULL)
		return NULL;
	while (*s != '\0') {
		const char *nl = strchr(s, '\n');
		size_t n = nl != NULL ? (size_t)(nl - s) : strlen(s);
		const char *next = nl != NULL && nl[1] != '\0' ? nl + 1 : NULL;

		fix_line(&x, s, n, next);
		s += n + (nl != NULL);
	}
	if (fclose(x.f) != 0) {
		free(buf);
		return NULL;
	}
	return buf;
}
