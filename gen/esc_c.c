/*
 * esc_c.c: C string literals and comment text for the generated
 * validators (see esc_c.h).
 */
#include "esc_c.h"

void
esc_c(FILE *f, const char *s, int *bol)
{
	const unsigned char *p;

	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if (*p == '"' || *p == '\\' || *p == '?')
			fprintf(f, "\\%c", *p);
		else if (*p < 0x20 || *p >= 0x7f)
			fprintf(f, "\\%03o", *p);
		else
			putc(*p, f);
		*bol = 0;
	}
}

void
esc_c_comment(FILE *f, const char *s)
{
	const unsigned char *p;

	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		putc(*p < 0x20 || *p >= 0x7f ? '?' : *p, f);
		if ((*p == '*' && p[1] == '/') || (*p == '/' && p[1] == '*'))
			putc('\\', f);
	}
}
