/*
 * esc_table.h: what the table-driven suites of the escapers (gen/esc_*.c,
 * tests/unit/test_esc_*.c) share: an escaper's output captured from a
 * memory stream, and a byte-for-byte check that shows both sides.
 */
#ifndef AMID_TEST_ESC_TABLE_H
#define AMID_TEST_ESC_TABLE_H

#include <check.h>
#include <stdio.h>

#include "out.h"

/* The number of rows of a table, as tcase_add_loop_test wants it. */
#define NELEM(v) (int)(sizeof(v) / sizeof((v)[0]))

/* An escaper with no line state, such as esc_html_path. */
typedef void (*esc_plain_fn)(FILE *, const char *s);

/* What fn writes for s; malloc'd. */
char *esc_capture(esc_plain_fn fn, const char *s);

/* What a text escaper (esc_fn, out.h) writes for s from line state *bol. */
char *esc_capture_text(esc_fn fn, const char *s, int *bol);

/* Fails the test unless got is want, printing both under name; frees got. */
void esc_check(const char *name, char *got, const char *want);

/* A suite named name holding *tc, its one test case, to add tests to. */
Suite *esc_suite(const char *name, TCase **tc);

#endif
