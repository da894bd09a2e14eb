/*
 * esc_html.c: HTML escapers (see esc_html.h).  One table serves text and
 * attribute values alike, so nobody has to pick the right one.
 */
#include "esc_html.h"

/* What c becomes in HTML; NULL when it stands for itself. */
static const char *
html_char(unsigned char c)
{
	static const char *const special[128] = {
	    ['&'] = "&amp;",
	    ['<'] = "&lt;",
	    ['>'] = "&gt;",
	    ['"'] = "&quot;",
	    ['\''] = "&#39;",
	};

	return c < 128 ? special[c] : NULL;
}

void
esc_html(FILE *f, const char *s, int *bol)
{
	const unsigned char *p;

	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		const char *r = html_char(*p);

		if (r != NULL)
			fputs(r, f);
		else
			putc(*p, f);
		*bol = *p == '\n';
	}
}

static int
is_unreserved(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
	       c == '~';
}

void
esc_html_path(FILE *f, const char *s)
{
	const unsigned char *p;

	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if (is_unreserved(*p))
			putc(*p, f);
		else
			fprintf(f, "%%%02X", *p);
	}
}
