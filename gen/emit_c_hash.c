/*
 * emit_c_hash.c: the collision-free hashes of -T c's name look-ups, found
 * at generation time.  A key is the length and the first and last words of
 * a name, or when they do not tell the names apart the bytes at a few
 * chosen positions (like gperf), spread by one multiplication; a
 * displacement per bucket then puts every name in a slot of its own (hash
 * and displace).
 * Chosen by measurement against gperf and a binary search (make bench,
 * tests/bench/run.sh); emit_c_lookup.c writes the tables and the code.
 */
#include <stdlib.h>
#include <string.h>

#include "emit_c.h"

#define SEED_TRIES 4000

/* Where position pos falls in a name of len bytes (never outside it). */
static size_t
index_of(int pos, size_t len)
{
	if (pos >= 0)
		return len > (size_t)pos ? (size_t)pos : len - 1;
	return len >= (size_t)-pos ? len - (size_t)-pos : 0;
}

/* n bytes at s as a little-endian number, whatever the machine. */
static uint64_t
le_bytes(const unsigned char *s, size_t n)
{
	uint64_t w = 0;

	while (n-- > 0)
		w = w << 8 | s[n];
	return w;
}

/*
 * The key of whole words, computed as the generated code computes it:
 * the first and the last 8 bytes of a name (4 when shorter; the first,
 * middle and last byte of a name of 1 to 3), 0x20 set in each byte when
 * case does not matter, the length, and with mid the 8 bytes in the
 * middle.  A few loads and multiplications: cheaper than positions, and
 * used when it tells the names apart.
 */
static uint64_t
words_key(const struct cgen_hash *p, const char *name)
{
	const unsigned char *s = (const unsigned char *)name;
	size_t len = strlen(name);
	uint64_t f = p->fold ? CGEN_FOLD_BITS : 0, lo, hi = 0, k;

	if (len >= 8) {
		lo = le_bytes(s, 8);
		hi = le_bytes(s + len - 8, 8);
	} else if (len >= 4) {
		lo = le_bytes(s, 4);
		hi = le_bytes(s + len - 4, 4);
	} else
		lo = s[0] | (uint64_t)s[len / 2] << 8 |
		     (uint64_t)s[len - 1] << 16;
	k = ((lo | f) * CGEN_MULT) ^ (hi | f) ^ len;
	if (p->mid && len >= 8)
		k ^= (le_bytes(s + (len - 8) / 2, 8) | f) * CGEN_MULT2;
	return k;
}

/*
 * The key of a name, computed as the generated code computes it: the bytes
 * at the first CGEN_PACKED positions side by side, with 0x20 set in each
 * when case does not matter (one OR for all; other bytes may meet, the final
 * comparison tells them apart), the length above them; the bytes at
 * further positions mixed in (FNV-1a steps).
 */
static uint64_t
key(const struct cgen_hash *p, size_t npos, const char *name)
{
	const unsigned char *s = (const unsigned char *)name;
	size_t len = strlen(name), j;
	size_t packed = npos < CGEN_PACKED ? npos : CGEN_PACKED;
	unsigned fold = p->fold ? 0x20u : 0;
	uint64_t k = 0;

	if (p->words)
		return words_key(p, name);
	if (p->full) {
		for (k = CGEN_FNV_BASIS, j = 0; j < len; j++)
			k = (k ^ (s[j] | fold)) * CGEN_FNV_PRIME;
		return k;
	}
	for (j = 0; j < packed; j++)
		k = k << 8 | s[index_of(p->pos[j], len)];
	if (fold && packed > 0)
		k |= CGEN_FOLD_BITS >> (64 - 8 * packed);
	k ^= (uint64_t)len << 8 * packed;
	for (; j < npos; j++)
		k = (k ^ (s[index_of(p->pos[j], len)] | fold)) * CGEN_FNV_PRIME;
	return k;
}

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* How many names the first npos positions tell apart. */
static size_t
distinct(const struct cgen_hash *p, size_t npos, uint64_t *keys)
{
	size_t i, d = p->n > 0;

	for (i = 0; i < p->n; i++)
		keys[i] = key(p, npos, p->names[i]);
	qsort(keys, p->n, sizeof(*keys), cmp_u64);
	for (i = 1; i < p->n; i++)
		d += keys[i] != keys[i - 1];
	return d;
}

/* Candidate positions, nearest the ends first: 0, -1, 1, -2, ... */
#define NCAND 32
static int
candidate(int c)
{
	return c % 2 ? -(c / 2 + 1) : c / 2;
}

/* Greedy: add the position that separates most names, until all are. */
static int
choose_positions(struct cgen_hash *p, uint64_t *keys)
{
	/* Whole words first: without the middle one, then with it. */
	for (p->words = 1, p->mid = 0; p->mid < 2; p->mid++)
		if (distinct(p, 0, keys) == p->n)
			return 0;
	p->words = p->mid = 0;
	for (;;) {
		size_t cur = distinct(p, p->npos, keys), best_d = cur, d;
		int best = 0, c;

		if (cur == p->n)
			return 0;
		if (p->npos == CGEN_MAXPOS)
			break;
		for (c = 0; c < NCAND; c++) {
			p->pos[p->npos] = candidate(c);
			if ((d = distinct(p, p->npos + 1, keys)) > best_d) {
				best_d = d;
				best = candidate(c);
			}
		}
		if (best_d == cur)
			break;
		p->pos[p->npos++] = best;
	}
	p->full = 1;
	p->npos = 0;
	return distinct(p, 0, keys) == p->n ? 0 : -1;
}

static uint64_t
spread(const struct cgen_hash *p, uint64_t k)
{
	return (k ^ p->seed) * CGEN_MULT;
}

static unsigned
bucket_of(const struct cgen_hash *p, uint64_t x)
{
	return (unsigned)(x >> (64 - p->rbits));
}

static unsigned
slot_of(const struct cgen_hash *p, uint64_t x)
{
	return (unsigned)(x >> (64 - p->rbits - p->sbits)) &
	       ((1u << p->sbits) - 1);
}

/*
 * Places the keys of bucket b (members[0..k)) with the smallest
 * displacement that puts each in a free slot of its own; -1 if none.
 */
static int
place_bucket(struct cgen_hash *p, unsigned b, const size_t *members, size_t k,
             const unsigned *sl)
{
	unsigned m = 1u << p->sbits, d;
	size_t i, j;

	for (i = 0; i < k; i++)
		for (j = 0; j < i; j++)
			if (sl[members[i]] == sl[members[j]])
				return -1; /* no displacement can part them */
	for (d = 0; d < m; d++) {
		for (i = 0; i < k && p->slot[sl[members[i]] ^ d] < 0; i++)
			;
		if (i < k)
			continue;
		for (i = 0; i < k; i++)
			p->slot[sl[members[i]] ^ d] = (int)members[i];
		p->disp[b] = d;
		return 0;
	}
	return -1;
}

/* The non-empty buckets in placing order: largest first, then by number. */
static unsigned
bucket_order(const unsigned *size, unsigned nb, unsigned *order)
{
	unsigned i, k = 0, big = 0, sz;

	for (i = 0; i < nb; i++)
		if (size[i] > big)
			big = size[i];
	for (sz = big; sz > 0; sz--)
		for (i = 0; i < nb; i++)
			if (size[i] == sz)
				order[k++] = i;
	return k;
}

/* Scratch space of one placing attempt. */
struct scratch {
	unsigned *bk, *sl, *size, *start, *order;
	size_t *members;
};

static int
try_seed(struct cgen_hash *p, const uint64_t *keys, struct scratch *w)
{
	unsigned nb = 1u << p->rbits, i, b, used;
	size_t k;

	memset(w->size, 0, nb * sizeof(*w->size));
	for (k = 0; k < p->n; k++) {
		uint64_t x = spread(p, keys[k]);

		w->bk[k] = bucket_of(p, x);
		w->sl[k] = slot_of(p, x);
		w->size[w->bk[k]]++;
	}
	for (b = 0, i = 0; b < nb; b++) {
		w->start[b] = i;
		i += w->size[b];
	}
	for (k = 0; k < p->n; k++)
		w->members[w->start[w->bk[k]]++] = k;
	for (b = 0; b < nb; b++)
		w->start[b] -= w->size[b];
	used = bucket_order(w->size, nb, w->order);
	for (i = 0; i < (1u << p->sbits); i++)
		p->slot[i] = -1;
	for (i = 0; i < used; i++) {
		b = w->order[i];
		if (place_bucket(p, b, w->members + w->start[b], w->size[b],
		                 w->sl) < 0)
			return -1;
	}
	return 0;
}

/* splitmix64: a fixed sequence of seeds, so the output is stable. */
static uint64_t
seed_n(uint64_t z)
{
	z += UINT64_C(0x9e3779b97f4a7c15);
	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

static unsigned
bits_for(size_t n)
{
	unsigned b = 1;

	while (((size_t)1 << b) < n)
		b++;
	return b;
}

static int
search(struct cgen_hash *p, const uint64_t *keys)
{
	struct scratch w;
	unsigned try;
	int rc = -1;

	p->rbits = bits_for(p->n / 2 + 1);
	for (p->sbits = bits_for(p->n + p->n / 4 + 1); p->sbits < 20;
	     p->sbits++) {
		unsigned nb = 1u << p->rbits, m = 1u << p->sbits;

		free(p->disp);
		free(p->slot);
		p->disp = calloc(nb, sizeof(*p->disp));
		p->slot = calloc(m, sizeof(*p->slot));
		w.bk = calloc(p->n + 1, sizeof(*w.bk));
		w.sl = calloc(p->n + 1, sizeof(*w.sl));
		w.members = calloc(p->n + 1, sizeof(*w.members));
		w.size = calloc(nb, sizeof(unsigned));
		w.start = calloc(nb, sizeof(unsigned));
		w.order = calloc(nb, sizeof(unsigned));
		if (p->disp && p->slot && w.bk && w.sl && w.members && w.size &&
		    w.start && w.order)
			for (try = 1; rc < 0 && try <= SEED_TRIES; try++) {
				p->seed = seed_n(try);
				rc = try_seed(p, keys, &w);
			}
		free(w.bk);
		free(w.sl);
		free(w.members);
		free(w.size);
		free(w.start);
		free(w.order);
		if (rc == 0 || p->disp == NULL || p->slot == NULL)
			break;
	}
	return rc;
}

int
cgen_hash_build(struct cgen_hash *p)
{
	uint64_t *keys = malloc((p->n + 1) * sizeof(*keys));
	size_t i;
	int rc = -1;

	for (p->maxlen = 0, i = 0; i < p->n; i++)
		if (strlen(p->names[i]) > p->maxlen)
			p->maxlen = strlen(p->names[i]);
	if (keys != NULL && choose_positions(p, keys) == 0) {
		for (i = 0; i < p->n; i++)
			keys[i] = key(p, p->npos, p->names[i]);
		rc = search(p, keys);
	}
	free(keys);
	return rc;
}

