/*
 * arena.c: bump allocator owning a dictionary model's memory.
 * Blocks are chained and freed together; nothing is freed one by one.
 */
#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define BLOCK_MIN 16384

struct block {
	struct block *next;
	size_t size, used;
	max_align_t data[];
};

struct amid_arena {
	struct block *head;
};

struct amid_arena *
amid_arena_new(void)
{
	return calloc(1, sizeof(struct amid_arena));
}

void
amid_arena_free(struct amid_arena *a)
{
	struct block *b, *next;

	if (a == NULL)
		return;
	for (b = a->head; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	free(a);
}

void *
amid_arena_alloc(struct amid_arena *a, size_t size)
{
	const size_t align = sizeof(max_align_t);
	struct block *b = a->head;
	size_t want, bsize;
	void *p;

	if (size > SIZE_MAX / 2)
		return NULL;
	want = (size + align - 1) / align * align;
	if (want == 0)
		want = align;
	if (b == NULL || b->size - b->used < want) {
		bsize = want > BLOCK_MIN ? want : BLOCK_MIN;
		b = malloc(sizeof(*b) + bsize);
		if (b == NULL)
			return NULL;
		b->size = bsize;
		b->used = 0;
		b->next = a->head;
		a->head = b;
	}
	p = (char *)b->data + b->used;
	b->used += want;
	memset(p, 0, size);
	return p;
}

char *
amid_arena_strndup(struct amid_arena *a, const char *s, size_t len)
{
	char *p = amid_arena_alloc(a, len + 1);

	if (p != NULL) {
		memcpy(p, s, len);
		p[len] = '\0';
	}
	return p;
}

char *
amid_arena_strdup(struct amid_arena *a, const char *s)
{
	return amid_arena_strndup(a, s, strlen(s));
}

void *
amid_arena_push(struct amid_arena *a, void *array, size_t n, size_t *cap,
                size_t elsize)
{
	size_t ncap;
	void *p;

	if (n < *cap)
		return array;
	ncap = *cap ? *cap * 2 : 4;
	if (ncap > SIZE_MAX / elsize)
		return NULL;
	p = amid_arena_alloc(a, ncap * elsize);
	if (p == NULL)
		return NULL;
	if (n > 0)
		memcpy(p, array, n * elsize);
	*cap = ncap;
	return p;
}
