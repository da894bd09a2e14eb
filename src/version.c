/*
 * version.c: comparing Asterisk version strings.
 */
#include "version.h"

#include <ctype.h>
#include <stddef.h>

int
amid_version_valid(const char *s)
{
	int digits = 0;

	if (s == NULL || *s == '\0')
		return 0;
	for (; *s != '\0'; s++) {
		if (isdigit((unsigned char)*s))
			digits++;
		else if (*s == '.' && digits > 0)
			digits = 0;
		else
			return 0;
	}
	return digits > 0;
}

/* Reads one numeric part, skipping leading zeros; sets *len to its digits. */
static const char *
part(const char *s, const char **start, size_t *len)
{
	while (*s == '0' && isdigit((unsigned char)s[1]))
		s++;
	*start = s;
	*len = 0;
	while (isdigit((unsigned char)*s)) {
		s++;
		(*len)++;
	}
	/* Anything but a digit ends the part, so every call moves on. */
	if (*s != '\0')
		s++;
	return s;
}

int
amid_version_cmp(const char *a, const char *b)
{
	const char *pa, *pb;
	size_t la, lb, i;

	while (*a != '\0' || *b != '\0') {
		a = part(a, &pa, &la);
		b = part(b, &pb, &lb);
		if (la == 0)
			pa = "0", la = 1;
		if (lb == 0)
			pb = "0", lb = 1;
		if (la != lb)
			return la < lb ? -1 : 1;
		for (i = 0; i < la; i++)
			if (pa[i] != pb[i])
				return pa[i] < pb[i] ? -1 : 1;
	}
	return 0;
}
