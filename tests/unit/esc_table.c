/*
 * esc_table.c: the capture and the check of esc_table.h, for the suites
 * of the escapers.
 */
#include "esc_table.h"

#include <stdlib.h>
#include <string.h>

/* A memory stream, checked: every escaper test writes into one. */
static FILE *
open_buf(char **buf, size_t *len)
{
	FILE *f = open_memstream(buf, len);

	ck_assert_ptr_nonnull(f);
	return f;
}

char *
esc_capture(esc_plain_fn fn, const char *s)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_buf(&buf, &len);

	fn(f, s);
	ck_assert_int_eq(fclose(f), 0);
	return buf;
}

char *
esc_capture_text(esc_fn fn, const char *s, int *bol)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_buf(&buf, &len);

	fn(f, s, bol);
	ck_assert_int_eq(fclose(f), 0);
	return buf;
}

void
esc_check(const char *name, char *got, const char *want)
{
	int same = strcmp(got, want) == 0;

	if (!same)
		fprintf(stderr, "%s: got \"%s\", want \"%s\"\n", name, got,
		        want);
	free(got);
	ck_assert_msg(same, "%s", name);
}

Suite *
esc_suite(const char *name, TCase **tc)
{
	Suite *s = suite_create(name);

	*tc = tcase_create(name);
	suite_add_tcase(s, *tc);
	return s;
}
