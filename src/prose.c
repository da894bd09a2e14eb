/*
 * prose.c: dedenting descriptions (see prose.h).
 */
#include "prose.h"

#include <string.h>

#include "arena.h"

static int
is_blank(const char *s, const char *end)
{
	for (; s < end; s++)
		if (*s != ' ' && *s != '\t' && *s != '\r')
			return 0;
	return 1;
}

static size_t
indent_of(const char *s, const char *end)
{
	size_t n = 0;

	while (s + n < end && (s[n] == ' ' || s[n] == '\t'))
		n++;
	return n;
}

static const char *
line_end(const char *s, const char *end)
{
	const char *nl = memchr(s, '\n', (size_t)(end - s));

	return nl != NULL ? nl : end;
}

char *
amid_prose_dedent(struct amid_arena *a, const char *text, size_t len)
{
	const char *end = text + len, *s, *e, *first = NULL, *last = NULL;
	size_t common = (size_t)-1, n;
	char *out, *o;

	/* Find the first and last non-blank lines and the common indent. */
	for (s = text; s < end; s = e + 1) {
		e = line_end(s, end);
		if (is_blank(s, e)) {
			if (e == end)
				break;
			continue;
		}
		if (first == NULL)
			first = s;
		last = e;
		n = indent_of(s, e);
		if (n < common)
			common = n;
		if (e == end)
			break;
	}
	if (first == NULL)
		return amid_arena_strdup(a, "");
	if ((out = amid_arena_alloc(a, (size_t)(last - first) + 2)) == NULL)
		return NULL;
	o = out;
	for (s = first; s < last; s = e + 1) {
		e = line_end(s, last);
		if (!is_blank(s, e)) {
			memcpy(o, s + common, (size_t)(e - s) - common);
			o += (size_t)(e - s) - common;
			/* Drop trailing blanks: they are not prose. */
			while (o > out && (o[-1] == ' ' || o[-1] == '\t' ||
			                   o[-1] == '\r'))
				o--;
		}
		*o++ = '\n';
		if (e == last)
			break;
	}
	/* Remove the final newline to keep values compact. */
	if (o > out && o[-1] == '\n')
		o--;
	*o = '\0';
	return out;
}
