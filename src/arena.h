/*
 * arena.h: the one owner of a dictionary model's memory.
 * Every string and array of a model lives in its arena and dies with it,
 * so a model is freed in one call and never half-freed.
 */
#ifndef AMID_ARENA_H
#define AMID_ARENA_H

#include <stddef.h>

struct amid_arena;

struct amid_arena *amid_arena_new(void);
void amid_arena_free(struct amid_arena *);

/* Zeroed memory, or NULL when out of memory. */
void *amid_arena_alloc(struct amid_arena *, size_t size);
/* A copy of s (len bytes, NUL added), or NULL. */
char *amid_arena_strndup(struct amid_arena *, const char *s, size_t len);
char *amid_arena_strdup(struct amid_arena *, const char *s);
/*
 * Grow an array of elsize-byte elements from n to n + 1 elements, doubling
 * its capacity as needed; *cap tracks the capacity.  Returns the (possibly
 * moved) array or NULL.  The old block stays in the arena until it dies.
 */
void *amid_arena_push(struct amid_arena *, void *array, size_t n,
                      size_t *cap, size_t elsize);

#endif
