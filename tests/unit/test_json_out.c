/*
 * test_json_out.c: the pretty-printing JSON writer (gen/json_out.c):
 * indentation, commas, nesting and empty containers, compared with the
 * exact text expected.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json_out.h"
#include "suites.h"

static FILE *mem;
static char *buf;
static size_t len;
static struct json_out j;

static void
setup(void)
{
	buf = NULL;
	len = 0;
	mem = open_memstream(&buf, &len);
	ck_assert_ptr_nonnull(mem);
	json_init(&j, mem);
}

static void
teardown(void)
{
	if (mem != NULL)
		fclose(mem);
	mem = NULL;
	free(buf);
	buf = NULL;
}

/* Everything written so far. */
static const char *
out(void)
{
	ck_assert_int_eq(fclose(mem), 0);
	mem = NULL;
	return buf;
}

START_TEST(test_empty_object)
{
	json_begin_object(&j, NULL);
	json_end_object(&j);
	ck_assert_str_eq(out(), "{}\n");
}
END_TEST

START_TEST(test_empty_array)
{
	json_begin_array(&j, NULL);
	json_end_array(&j);
	ck_assert_str_eq(out(), "[]\n");
}
END_TEST

START_TEST(test_scalars)
{
	json_begin_object(&j, NULL);
	json_string(&j, "name", "Originate");
	json_int(&j, "format", 1);
	json_int(&j, "neg", -42);
	json_bool(&j, "yes", true);
	json_bool(&j, "no", false);
	json_string(&j, "none", NULL);
	json_end_object(&j);
	ck_assert_str_eq(out(), "{\n"
	                        "  \"name\": \"Originate\",\n"
	                        "  \"format\": 1,\n"
	                        "  \"neg\": -42,\n"
	                        "  \"yes\": true,\n"
	                        "  \"no\": false,\n"
	                        "  \"none\": null\n"
	                        "}\n");
}
END_TEST

START_TEST(test_int_limits)
{
	json_begin_array(&j, NULL);
	json_int(&j, NULL, LLONG_MIN);
	json_int(&j, NULL, LLONG_MAX);
	json_int(&j, NULL, 0);
	json_end_array(&j);
	ck_assert_str_eq(out(), "[\n"
	                        "  -9223372036854775808,\n"
	                        "  9223372036854775807,\n"
	                        "  0\n"
	                        "]\n");
}
END_TEST

START_TEST(test_nesting)
{
	json_begin_object(&j, NULL);
	json_begin_array(&j, "empty_array");
	json_end_array(&j);
	json_begin_object(&j, "empty_object");
	json_end_object(&j);
	json_begin_array(&j, "names");
	json_string(&j, NULL, "a");
	json_string(&j, NULL, "b");
	json_end_array(&j);
	json_begin_array(&j, "objects");
	json_begin_object(&j, NULL);
	json_int(&j, "k", 1);
	json_begin_object(&j, "inner");
	json_begin_array(&j, "deep");
	json_bool(&j, NULL, true);
	json_end_array(&j);
	json_end_object(&j);
	json_end_object(&j);
	json_begin_object(&j, NULL);
	json_end_object(&j);
	json_end_array(&j);
	json_string(&j, "last", "z");
	json_end_object(&j);
	ck_assert_str_eq(out(), "{\n"
	                        "  \"empty_array\": [],\n"
	                        "  \"empty_object\": {},\n"
	                        "  \"names\": [\n"
	                        "    \"a\",\n"
	                        "    \"b\"\n"
	                        "  ],\n"
	                        "  \"objects\": [\n"
	                        "    {\n"
	                        "      \"k\": 1,\n"
	                        "      \"inner\": {\n"
	                        "        \"deep\": [\n"
	                        "          true\n"
	                        "        ]\n"
	                        "      }\n"
	                        "    },\n"
	                        "    {}\n"
	                        "  ],\n"
	                        "  \"last\": \"z\"\n"
	                        "}\n");
}
END_TEST

/* An empty container as the first and as a later member of an array. */
START_TEST(test_array_of_empties)
{
	json_begin_array(&j, NULL);
	json_begin_array(&j, NULL);
	json_end_array(&j);
	json_begin_object(&j, NULL);
	json_end_object(&j);
	json_begin_array(&j, NULL);
	json_end_array(&j);
	json_end_array(&j);
	ck_assert_str_eq(out(), "[\n"
	                        "  [],\n"
	                        "  {},\n"
	                        "  []\n"
	                        "]\n");
}
END_TEST

/* Skipped optional members leave no stray comma, first or last. */
START_TEST(test_opt_string)
{
	json_begin_object(&j, NULL);
	json_opt_string(&j, "since", NULL);
	json_opt_string(&j, "name", "Hangup");
	json_opt_string(&j, "removed", NULL);
	json_opt_string(&j, "description", "");
	json_opt_string(&j, "deprecated", NULL);
	json_end_object(&j);
	ck_assert_str_eq(out(), "{\n"
	                        "  \"name\": \"Hangup\",\n"
	                        "  \"description\": \"\"\n"
	                        "}\n");
}
END_TEST

/* An object whose only optional member is skipped is empty. */
START_TEST(test_opt_string_all_skipped)
{
	json_begin_array(&j, NULL);
	json_begin_object(&j, NULL);
	json_opt_string(&j, "since", NULL);
	json_end_object(&j);
	json_end_array(&j);
	ck_assert_str_eq(out(), "[\n  {}\n]\n");
}
END_TEST

START_TEST(test_escaped_keys_and_values)
{
	json_begin_object(&j, NULL);
	json_string(&j, "a\"b", "line\nbreak\\");
	json_end_object(&j);
	ck_assert_str_eq(out(), "{\n"
	                        "  \"a\\\"b\": \"line\\nbreak\\\\\"\n"
	                        "}\n");
}
END_TEST

/* Two documents in a row: each ends with a newline and starts fresh. */
START_TEST(test_two_documents)
{
	json_begin_object(&j, NULL);
	json_int(&j, "a", 1);
	json_end_object(&j);
	json_begin_array(&j, NULL);
	json_int(&j, NULL, 2);
	json_end_array(&j);
	ck_assert_str_eq(out(), "{\n  \"a\": 1\n}\n[\n  2\n]\n");
}
END_TEST

Suite *
suite_json_out(void)
{
	Suite *s = suite_create("json_out");
	TCase *tc = tcase_create("json_out");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_empty_object);
	tcase_add_test(tc, test_empty_array);
	tcase_add_test(tc, test_scalars);
	tcase_add_test(tc, test_int_limits);
	tcase_add_test(tc, test_nesting);
	tcase_add_test(tc, test_array_of_empties);
	tcase_add_test(tc, test_opt_string);
	tcase_add_test(tc, test_opt_string_all_skipped);
	tcase_add_test(tc, test_escaped_keys_and_values);
	tcase_add_test(tc, test_two_documents);
	suite_add_tcase(s, tc);
	return s;
}
