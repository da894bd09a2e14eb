/*
 * test_arena.c: the bump allocator owning a model's memory (src/arena.c).
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "suites.h"

static struct amid_arena *arena;

static void
setup(void)
{
	arena = amid_arena_new();
	ck_assert_ptr_nonnull(arena);
}

static void
teardown(void)
{
	amid_arena_free(arena);
	arena = NULL;
}

static int
all_bytes(const void *p, int c, size_t n)
{
	const unsigned char *s = p;
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != (unsigned char)c)
			return 0;
	return 1;
}

/*
 * Dirty the heap first: an arena freed after being filled with 0xAA hands
 * its blocks back to malloc, which gives them to the next arena, so only
 * the arena's own zeroing makes the memory zero.
 */
START_TEST(test_alloc_zeroed)
{
	struct amid_arena *dirty = amid_arena_new();
	static const size_t sizes[] = {1, 7, 16, 100, 4000, 20000, 70000};
	size_t i;

	ck_assert_ptr_nonnull(dirty);
	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++)
		memset(amid_arena_alloc(dirty, sizes[i]), 0xAA, sizes[i]);
	amid_arena_free(dirty);
	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		unsigned char *p = amid_arena_alloc(arena, sizes[i]);

		ck_assert_ptr_nonnull(p);
		ck_assert_msg(all_bytes(p, 0, sizes[i]),
		              "%zu bytes not zeroed", sizes[i]);
		memset(p, 0x55, sizes[i]);
	}
}
END_TEST

START_TEST(test_alloc_aligned)
{
	static const size_t sizes[] = {1, 3, 8, 17, 33, 1000, 17000, 5};
	size_t i;

	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		void *p = amid_arena_alloc(arena, sizes[i]);

		ck_assert_ptr_nonnull(p);
		ck_assert_uint_eq((uintptr_t)p % _Alignof(max_align_t), 0);
	}
}
END_TEST

/* Allocations never overlap: each keeps what was written to it. */
START_TEST(test_alloc_distinct)
{
	unsigned char *p[200];
	size_t i;

	for (i = 0; i < 200; i++) {
		size_t n = 1 + i * 37 % 300;

		p[i] = amid_arena_alloc(arena, n);
		ck_assert_ptr_nonnull(p[i]);
		memset(p[i], (int)(i & 0xff), n);
	}
	for (i = 0; i < 200; i++)
		ck_assert_msg(all_bytes(p[i], (int)(i & 0xff), 1 + i * 37 % 300),
		              "allocation %zu was overwritten", i);
}
END_TEST

START_TEST(test_alloc_zero_size)
{
	char *a = amid_arena_alloc(arena, 0);
	char *b = amid_arena_alloc(arena, 0);

	ck_assert_ptr_nonnull(a);
	ck_assert_ptr_nonnull(b);
	ck_assert_ptr_ne(a, b);
}
END_TEST

/* Larger than a block: gets a block of its own, and small ones go on. */
START_TEST(test_alloc_large)
{
	const size_t big = 3 * 1024 * 1024;
	unsigned char *small1 = amid_arena_alloc(arena, 10);
	unsigned char *p = amid_arena_alloc(arena, big);
	unsigned char *small2 = amid_arena_alloc(arena, 10);

	ck_assert_ptr_nonnull(small1);
	ck_assert_ptr_nonnull(p);
	ck_assert_ptr_nonnull(small2);
	ck_assert(all_bytes(p, 0, big));
	memset(small1, 1, 10);
	memset(p, 2, big);
	memset(small2, 3, 10);
	ck_assert(all_bytes(small1, 1, 10));
	ck_assert(all_bytes(p, 2, big));
	ck_assert(all_bytes(small2, 3, 10));
}
END_TEST

START_TEST(test_alloc_too_large)
{
	ck_assert_ptr_null(amid_arena_alloc(arena, SIZE_MAX));
	ck_assert_ptr_null(amid_arena_alloc(arena, SIZE_MAX / 2 + 1));
	/* The arena still works afterwards. */
	ck_assert_ptr_nonnull(amid_arena_alloc(arena, 16));
}
END_TEST

START_TEST(test_strndup)
{
	const char src[] = "Channel: SIP/100";
	char *a = amid_arena_strndup(arena, src, 7);
	char *b = amid_arena_strndup(arena, src, 0);
	char *c = amid_arena_strndup(arena, src, strlen(src));

	ck_assert_str_eq(a, "Channel");
	ck_assert_str_eq(b, "");
	ck_assert_str_eq(c, src);
	ck_assert_ptr_ne(c, src);
	/* Bytes past len are not read: src need not be terminated. */
	ck_assert_str_eq(amid_arena_strndup(arena, "abc", 2), "ab");
}
END_TEST

START_TEST(test_strndup_embedded_nul)
{
	const char src[] = {'a', '\0', 'b'};
	char *p = amid_arena_strndup(arena, src, 3);

	ck_assert_mem_eq(p, "a\0b\0", 4);
}
END_TEST

START_TEST(test_strdup)
{
	char buf[] = "Newchannel";
	char *p = amid_arena_strdup(arena, buf);

	buf[0] = 'X';
	ck_assert_str_eq(p, "Newchannel");
	ck_assert_str_eq(amid_arena_strdup(arena, ""), "");
}
END_TEST

/* Pushing one element at a time: capacity 4, 8, 16...; content kept. */
START_TEST(test_push_growth)
{
	int *v = NULL;
	size_t n, cap = 0, i;

	for (n = 0; n < 1000; n++) {
		v = amid_arena_push(arena, v, n, &cap, sizeof(*v));
		ck_assert_ptr_nonnull(v);
		ck_assert_uint_gt(cap, n);
		v[n] = (int)(n * 3 + 1);
		if (n == 0)
			ck_assert_uint_eq(cap, 4);
		if (n == 4)
			ck_assert_uint_eq(cap, 8);
	}
	ck_assert_uint_eq(cap, 1024);
	for (i = 0; i < 1000; i++)
		ck_assert_int_eq(v[i], (int)(i * 3 + 1));
}
END_TEST

/* While there is room, the same array comes back and nothing moves. */
START_TEST(test_push_room)
{
	size_t cap = 0;
	long *v = amid_arena_push(arena, NULL, 0, &cap, sizeof(*v));
	long *w;

	ck_assert_ptr_nonnull(v);
	ck_assert_uint_eq(cap, 4);
	v[0] = 11;
	w = amid_arena_push(arena, v, 1, &cap, sizeof(*v));
	ck_assert_ptr_eq(w, v);
	ck_assert_uint_eq(cap, 4);
	w = amid_arena_push(arena, v, 3, &cap, sizeof(*v));
	ck_assert_ptr_eq(w, v);
	w = amid_arena_push(arena, v, 4, &cap, sizeof(*v));
	ck_assert_ptr_ne(w, v);
	ck_assert_uint_eq(cap, 8);
	ck_assert_int_eq(w[0], 11);
}
END_TEST

/* Large elements: growth beyond a block keeps every byte. */
START_TEST(test_push_large_elements)
{
	struct big {
		char b[5000];
	} *v = NULL;
	size_t n, cap = 0;

	for (n = 0; n < 40; n++) {
		v = amid_arena_push(arena, v, n, &cap, sizeof(*v));
		ck_assert_ptr_nonnull(v);
		memset(v[n].b, (int)n + 1, sizeof(v[n].b));
	}
	for (n = 0; n < 40; n++)
		ck_assert_msg(all_bytes(v[n].b, (int)n + 1, sizeof(v[n].b)),
		              "element %zu lost", n);
}
END_TEST

/* A capacity whose doubling overflows size_t is refused. */
START_TEST(test_push_overflow)
{
	size_t cap = SIZE_MAX / 4 + 1;
	void *p = amid_arena_push(arena, NULL, cap, &cap, 4);

	ck_assert_ptr_null(p);
	ck_assert_uint_eq(cap, SIZE_MAX / 4 + 1);
}
END_TEST

START_TEST(test_free_null)
{
	amid_arena_free(NULL);
	/* A fresh arena with nothing in it frees too. */
	amid_arena_free(amid_arena_new());
}
END_TEST

Suite *
suite_arena(void)
{
	Suite *s = suite_create("arena");
	TCase *tc = tcase_create("arena");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_alloc_zeroed);
	tcase_add_test(tc, test_alloc_aligned);
	tcase_add_test(tc, test_alloc_distinct);
	tcase_add_test(tc, test_alloc_zero_size);
	tcase_add_test(tc, test_alloc_large);
	tcase_add_test(tc, test_alloc_too_large);
	tcase_add_test(tc, test_strndup);
	tcase_add_test(tc, test_strndup_embedded_nul);
	tcase_add_test(tc, test_strdup);
	tcase_add_test(tc, test_push_growth);
	tcase_add_test(tc, test_push_room);
	tcase_add_test(tc, test_push_large_elements);
	tcase_add_test(tc, test_push_overflow);
	tcase_add_test(tc, test_free_null);
	suite_add_tcase(s, tc);
	return s;
}
