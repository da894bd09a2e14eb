/*
 * test_version.c: Asterisk version strings (src/version.c): which strings
 * are versions, and how two compare part by part as numbers.
 */
#include <stddef.h>

#include "suites.h"
#include "version.h"

static const struct {
	const char *s;
	int valid;
} valid_cases[] = {
	{"1", 1},
	{"0", 1},
	{"13", 1},
	{"1.6", 1},
	{"1.6.2", 1},
	{"01.06", 1},
	{"1.2.3.4.5", 1},
	{"", 0},
	{".", 0},
	{"1.", 0},
	{".1", 0},
	{"1..2", 0},
	{"a", 0},
	{"v1.6", 0},
	{"1.6a", 0},
	{"1.6-rc1", 0},
	{" 1.6", 0},
	{"1.6 ", 0},
	{"1,6", 0},
	{"-1", 0},
};

START_TEST(test_valid)
{
	const char *s = valid_cases[_i].s;

	ck_assert_msg(amid_version_valid(s) == valid_cases[_i].valid,
	              "amid_version_valid(\"%s\") should be %d", s,
	              valid_cases[_i].valid);
}
END_TEST

START_TEST(test_valid_null)
{
	ck_assert_int_eq(amid_version_valid(NULL), 0);
}
END_TEST

/* want: the sign of amid_version_cmp(a, b). */
static const struct {
	const char *a, *b;
	int want;
} cmp_cases[] = {
	{"1.6", "1.6", 0},
	{"1.6", "1.6.0", 0},
	{"1.6.0.0", "1.6", 0},
	{"1", "1.0", 0},
	{"1.10", "1.9", 1},
	{"1.9", "1.10", -1},
	{"13", "1.8", 1},
	{"1.8", "13", -1},
	{"1.4", "1.6", -1},
	{"1.6.1", "1.6", 1},
	{"1.6", "1.6.1", -1},
	{"1.6.0.1", "1.6", 1},
	{"0.9", "1", -1},
	{"10", "9", 1},
	{"100", "99", 1},
	{"12.0.1", "11.99.99", 1},
	/* Leading zeros do not count. */
	{"01.6", "1.6", 0},
	{"1.06", "1.6", 0},
	{"1.6", "1.006", 0},
	{"00", "0", 0},
	{"0010", "9", 1},
	{"1.0010", "1.9", 1},
	{"1.09", "1.10", -1},
	/* More digits than any integer type holds. */
	{"99999999999999999999999", "99999999999999999999998", 1},
	{"1.99999999999999999999999", "2", -1},
};

static int
sign(int x)
{
	return (x > 0) - (x < 0);
}

START_TEST(test_cmp)
{
	const char *a = cmp_cases[_i].a, *b = cmp_cases[_i].b;
	int want = cmp_cases[_i].want;

	ck_assert_msg(sign(amid_version_cmp(a, b)) == want,
	              "amid_version_cmp(\"%s\", \"%s\") is %d, want sign %d", a,
	              b, amid_version_cmp(a, b), want);
	/* The other way round gives the opposite answer. */
	ck_assert_msg(sign(amid_version_cmp(b, a)) == -want,
	              "amid_version_cmp(\"%s\", \"%s\") is %d, want sign %d", b,
	              a, amid_version_cmp(b, a), -want);
}
END_TEST

#define NELEM(v) (int)(sizeof(v) / sizeof((v)[0]))

Suite *
suite_version(void)
{
	Suite *s = suite_create("version");
	TCase *tc = tcase_create("version");

	tcase_add_loop_test(tc, test_valid, 0, NELEM(valid_cases));
	tcase_add_test(tc, test_valid_null);
	tcase_add_loop_test(tc, test_cmp, 0, NELEM(cmp_cases));
	suite_add_tcase(s, tc);
	return s;
}
