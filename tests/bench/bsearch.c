/*
 * bsearch.c: the plain baseline of tests/bench: a binary search with
 * strncasecmp over the header names, sorted as strcasecmp sorts them.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct entry {
	const char *s;
	size_t len;
};

static struct entry *table;
static size_t ntable;

void bsearch_init(char **names, size_t n);
int bsearch_lookup(const char *name, size_t len);

static int
cmp(const void *a, const void *b)
{
	return strcasecmp(*(char *const *)a, *(char *const *)b);
}

/* Sorts names in place (the caller's ids are positions in it). */
void
bsearch_init(char **names, size_t n)
{
	size_t i;

	qsort(names, n, sizeof(*names), cmp);
	table = malloc((n + 1) * sizeof(*table));
	for (i = 0; table != NULL && i < n; i++) {
		table[i].s = names[i];
		table[i].len = strlen(names[i]);
	}
	ntable = n;
}

int
bsearch_lookup(const char *name, size_t len)
{
	size_t lo = 0, hi = ntable;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct entry *e = &table[mid];
		int c = strncasecmp(name, e->s, len < e->len ? len : e->len);

		if (c == 0)
			c = len < e->len ? -1 : len > e->len;
		if (c == 0)
			return (int)mid;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return -1;
}
