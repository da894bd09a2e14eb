/*
 * bench.c: times header-name look-ups side by side: the look-up amigen -T c
 * generates (module "bv"), gperf's (gperf --ignore-case over the same
 * names) and a binary search with strncasecmp (bsearch.c).  Each is in its
 * own translation unit, so none is inlined into the loop.  tests/bench/run.sh
 * builds it and writes the workload.
 * usage: bench NAMES WORKLOAD   (one name a line)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bv.h"

#define ROUNDS 7
#define TARGET 20000000 /* look-ups per method per round, about */

const char *gperf_lookup(const char *str, size_t len);
int bsearch_lookup(const char *name, size_t len);
void bsearch_init(char **names, size_t n);

struct key {
	const char *s;
	size_t len;
};

/* Lines of a file, each NUL-terminated in place. */
static char **
read_lines(const char *path, size_t *n)
{
	FILE *f = fopen(path, "r");
	char **v = NULL, line[512];
	size_t cap = 0;

	if (f == NULL) {
		perror(path);
		exit(2);
	}
	*n = 0;
	while (fgets(line, sizeof(line), f) != NULL) {
		line[strcspn(line, "\r\n")] = '\0';
		if (*n == cap &&
		    (v = realloc(v, (cap = cap ? 2 * cap : 256) * sizeof(*v))) == NULL)
			exit(2);
		if ((v[(*n)++] = strdup(line)) == NULL)
			exit(2);
	}
	fclose(f);
	return v;
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The three methods behind one signature: a hit's canonical name or NULL. */
static const char *
by_generated(const char *s, size_t len)
{
	return bv_header_name(bv_header_lookup(s, len));
}

static const char *
by_gperf(const char *s, size_t len)
{
	return gperf_lookup(s, len);
}

static char **sorted;

static const char *
by_bsearch(const char *s, size_t len)
{
	int i = bsearch_lookup(s, len);

	return i >= 0 ? sorted[i] : NULL;
}

/*
 * One timing loop per method, each calling its look-up directly (no
 * function pointer, no wrapper), counting hits so nothing is optimised out.
 */
#define TIME_LOOP(name, hit)                                                \
	static double name(const struct key *w, size_t n, size_t passes)    \
	{                                                                   \
		volatile size_t sink;                                       \
		size_t p, i, hits = 0;                                      \
		double t0 = now();                                          \
                                                                            \
		for (p = 0; p < passes; p++)                                \
			for (i = 0; i < n; i++)                             \
				hits += (hit);                              \
		sink = hits;                                                \
		(void)sink;                                                 \
		return (now() - t0) * 1e9 / (double)(passes * n);           \
	}

TIME_LOOP(time_generated, bv_header_lookup(w[i].s, w[i].len) >= 0)
TIME_LOOP(time_gperf, gperf_lookup(w[i].s, w[i].len) != NULL)
TIME_LOOP(time_bsearch, bsearch_lookup(w[i].s, w[i].len) >= 0)

typedef double (*timer)(const struct key *, size_t, size_t);

/* All three must find the same canonical name (or none) for every key. */
static int
agree(const struct key *w, size_t n, size_t *hits)
{
	size_t i;

	for (*hits = 0, i = 0; i < n; i++) {
		const char *a = by_generated(w[i].s, w[i].len);
		const char *b = by_gperf(w[i].s, w[i].len);
		const char *c = by_bsearch(w[i].s, w[i].len);

		if (!((a == NULL && b == NULL && c == NULL) ||
		      (a && b && c && strcmp(a, b) == 0 && strcmp(a, c) == 0))) {
			fprintf(stderr, "bench: methods disagree on '%s'\n",
			        w[i].s);
			return -1;
		}
		*hits += a != NULL;
	}
	return 0;
}

int
main(int argc, char **argv)
{
	static const char *const label[3] = {"generated", "gperf", "bsearch"};
	timer m[3] = {time_generated, time_gperf, time_bsearch};
	double best[3] = {1e9, 1e9, 1e9};
	size_t nnames, nwork, i, hits, passes, r, k;
	char **names, **work;
	struct key *w;

	if (argc != 3)
		return 2;
	names = read_lines(argv[1], &nnames);
	work = read_lines(argv[2], &nwork);
	if (nwork == 0 || (w = malloc(nwork * sizeof(*w))) == NULL)
		return 2;
	for (i = 0; i < nwork; i++) {
		w[i].s = work[i];
		w[i].len = strlen(work[i]);
	}
	sorted = names;
	bsearch_init(names, nnames);
	if (agree(w, nwork, &hits) < 0)
		return 1;
	passes = TARGET / nwork + 1;
	/* Interleaved rounds, best of each: the least disturbed figure. */
	for (r = 0; r < ROUNDS; r++)
		for (k = 0; k < 3; k++) {
			double t = m[(k + r) % 3](w, nwork, passes);
			size_t which = (k + r) % 3;

			if (t < best[which])
				best[which] = t;
		}
	printf("%zu header names; workload of %zu names (%zu hits, %zu "
	       "misses), %zu passes, best of %d rounds\n",
	       nnames, nwork, hits, nwork - hits, passes, ROUNDS);
	for (k = 0; k < 3; k++)
		printf("  %-10s %6.2f ns/lookup  %5.2fx gperf's time\n", label[k],
		       best[k], best[k] / best[1]);
	return 0;
}
