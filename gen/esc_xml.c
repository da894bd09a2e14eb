/*
 * esc_xml.c: XML escapers (see esc_xml.h).  One table says what each
 * ASCII character becomes in content and in an attribute value.
 */
#include "esc_xml.h"

/* What c becomes; NULL when it stands for itself. */
static const char *
xml_char(unsigned char c, int in_attr)
{
	static const char *const content[128] = {
	    ['&'] = "&amp;", ['<'] = "&lt;", ['>'] = "&gt;", ['\r'] = "&#13;",
	};
	static const char *const attr[128] = {
	    ['&'] = "&amp;",  ['<'] = "&lt;",  ['>'] = "&gt;",
	    ['"'] = "&quot;", ['\''] = "&#39;", ['\r'] = "&#13;",
	    ['\n'] = "&#10;", ['\t'] = "&#9;",
	};
	const char *r;

	if (c >= 128)
		return NULL;
	r = in_attr ? attr[c] : content[c];
	/* Not even a reference may name these in XML 1.0. */
	if (r == NULL && c < 0x20 && c != '\t' && c != '\n')
		r = "\xef\xbf\xbd";
	return r;
}

static void
escape(FILE *f, const char *s, int *bol, int in_attr)
{
	const unsigned char *p;

	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		const char *r = xml_char(*p, in_attr);

		if (r != NULL)
			fputs(r, f);
		else
			putc(*p, f);
		*bol = *p == '\n' && !in_attr;
	}
}

void
esc_xml(FILE *f, const char *s, int *bol)
{
	escape(f, s, bol, 0);
}

void
esc_xml_attr(FILE *f, const char *s, int *bol)
{
	escape(f, s, bol, 1);
}
