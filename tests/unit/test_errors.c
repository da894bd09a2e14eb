/*
 * test_errors.c: the list of problems a load returns (src/errors.c):
 * formatting, places, severities and counts.
 */
#include <stdio.h>
#include <string.h>

#include "errors.h"
#include "suites.h"

static struct amid_errors errs;

static void
setup(void)
{
	amid_errors_init(&errs);
}

static void
teardown(void)
{
	amid_errors_free(&errs);
}

START_TEST(test_init_empty)
{
	ck_assert_uint_eq(errs.n, 0);
	ck_assert_uint_eq(errs.nerrors, 0);
	ck_assert_int_eq(errs.nomem, 0);
	ck_assert_ptr_null(errs.v);
}
END_TEST

START_TEST(test_report_format)
{
	amid_report(&errs, AMID_ERROR, "dict.xml", 12,
	            "header '%s' has %d meanings; %s", "Status", 3, "pick one");
	ck_assert_uint_eq(errs.n, 1);
	ck_assert_str_eq(errs.v[0].file, "dict.xml");
	ck_assert_uint_eq(errs.v[0].line, 12);
	ck_assert_int_eq(errs.v[0].severity, AMID_ERROR);
	ck_assert_str_eq(errs.v[0].message,
	                 "header 'Status' has 3 meanings; pick one");
}
END_TEST

/* Conversions are done once: a '%' in an argument stays as it is. */
START_TEST(test_report_percent)
{
	amid_report(&errs, AMID_WARNING, "a.xml", 1, "%s", "100% %d %s");
	amid_report(&errs, AMID_WARNING, "a.xml", 2, "50%% done %lu", 7UL);
	ck_assert_str_eq(errs.v[0].message, "100% %d %s");
	ck_assert_str_eq(errs.v[1].message, "50% done 7");
}
END_TEST

/* Longer than any fixed buffer a formatter might use. */
START_TEST(test_report_long)
{
	char big[5001];

	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	amid_report(&errs, AMID_ERROR, "a.xml", 1, "<%s>", big);
	ck_assert_uint_eq(strlen(errs.v[0].message), 5002);
	ck_assert_int_eq(errs.v[0].message[0], '<');
	ck_assert_int_eq(errs.v[0].message[5001], '>');
	ck_assert_int_eq(errs.v[0].message[2500], 'x');
}
END_TEST

/* The file name is copied: the caller's buffer may go away. */
START_TEST(test_report_copies_file)
{
	char file[] = "first.xml";

	amid_report(&errs, AMID_ERROR, file, 3, "x");
	memcpy(file, "other.xml", sizeof(file));
	ck_assert_str_eq(errs.v[0].file, "first.xml");
	ck_assert_ptr_ne(errs.v[0].file, file);
}
END_TEST

START_TEST(test_report_no_file)
{
	amid_report(&errs, AMID_ERROR, NULL, 0, "no dictionary given");
	ck_assert_uint_eq(errs.n, 1);
	ck_assert_ptr_null(errs.v[0].file);
	ck_assert_uint_eq(errs.v[0].line, 0);
	ck_assert_str_eq(errs.v[0].message, "no dictionary given");
}
END_TEST

/* n counts everything, nerrors only errors; order is kept. */
START_TEST(test_counts)
{
	amid_report(&errs, AMID_WARNING, "a.xml", 1, "w1");
	ck_assert_uint_eq(errs.n, 1);
	ck_assert_uint_eq(errs.nerrors, 0);
	amid_report(&errs, AMID_ERROR, "a.xml", 2, "e1");
	amid_report(&errs, AMID_WARNING, "b.xml", 3, "w2");
	amid_report(&errs, AMID_ERROR, "b.xml", 4, "e2");
	amid_report(&errs, AMID_ERROR, "b.xml", 5, "e3");
	ck_assert_uint_eq(errs.n, 5);
	ck_assert_uint_eq(errs.nerrors, 3);
	ck_assert_int_eq(errs.v[0].severity, AMID_WARNING);
	ck_assert_int_eq(errs.v[1].severity, AMID_ERROR);
	ck_assert_int_eq(errs.v[2].severity, AMID_WARNING);
	ck_assert_str_eq(errs.v[3].message, "e2");
	ck_assert_str_eq(errs.v[4].file, "b.xml");
	ck_assert_uint_eq(errs.v[4].line, 5);
	ck_assert_int_eq(errs.nomem, 0);
}
END_TEST

/* Many reports: the list grows and keeps every one, in order. */
START_TEST(test_many)
{
	size_t i;

	for (i = 0; i < 1000; i++)
		amid_report(&errs, i % 3 ? AMID_WARNING : AMID_ERROR, "f.xml",
		            i + 1, "problem %zu", i);
	ck_assert_uint_eq(errs.n, 1000);
	ck_assert_uint_eq(errs.nerrors, 334);
	ck_assert_uint_ge(errs.cap, 1000);
	for (i = 0; i < 1000; i++) {
		char want[32];

		snprintf(want, sizeof(want), "problem %zu", i);
		ck_assert_str_eq(errs.v[i].message, want);
		ck_assert_uint_eq(errs.v[i].line, i + 1);
	}
}
END_TEST

/* Freeing empties the list, which can then be used again. */
START_TEST(test_free_and_reuse)
{
	amid_report(&errs, AMID_ERROR, "a.xml", 1, "one");
	amid_report(&errs, AMID_WARNING, "a.xml", 2, "two");
	amid_errors_free(&errs);
	ck_assert_uint_eq(errs.n, 0);
	ck_assert_uint_eq(errs.nerrors, 0);
	ck_assert_uint_eq(errs.cap, 0);
	ck_assert_ptr_null(errs.v);
	amid_report(&errs, AMID_WARNING, "b.xml", 9, "three");
	ck_assert_uint_eq(errs.n, 1);
	ck_assert_uint_eq(errs.nerrors, 0);
	ck_assert_str_eq(errs.v[0].message, "three");
	/* Freeing twice is harmless. */
	amid_errors_free(&errs);
	amid_errors_free(&errs);
	ck_assert_uint_eq(errs.n, 0);
}
END_TEST

Suite *
suite_errors(void)
{
	Suite *s = suite_create("errors");
	TCase *tc = tcase_create("errors");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_init_empty);
	tcase_add_test(tc, test_report_format);
	tcase_add_test(tc, test_report_percent);
	tcase_add_test(tc, test_report_long);
	tcase_add_test(tc, test_report_copies_file);
	tcase_add_test(tc, test_report_no_file);
	tcase_add_test(tc, test_counts);
	tcase_add_test(tc, test_many);
	tcase_add_test(tc, test_free_and_reuse);
	suite_add_tcase(s, tc);
	return s;
}
