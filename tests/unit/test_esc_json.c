/*
 * test_esc_json.c: the JSON string escaper (gen/esc_json.c), written to a
 * memory stream and compared byte for byte.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "esc_json.h"
#include "esc_table.h"
#include "suites.h"

static const struct {
	const char *name, *in, *want;
} cases[] = {
	{"empty", "", "\"\""},
	{"plain", "Originate", "\"Originate\""},
	{"spaces kept", "a b  c", "\"a b  c\""},
	{"quotes", "say \"hi\"", "\"say \\\"hi\\\"\""},
	{"backslash", "C:\\dir\\", "\"C:\\\\dir\\\\\""},
	{"newline", "a\nb", "\"a\\nb\""},
	{"carriage return and tab", "\r\t", "\"\\r\\t\""},
	{"backspace and form feed", "\b\f", "\"\\u0008\\u000c\""},
	{"other control chars", "\x01\x1f\x1b", "\"\\u0001\\u001f\\u001b\""},
	{"delete", "a\x7f", "\"a\\u007f\""},
	{"slash not escaped", "SIP/100", "\"SIP/100\""},
	{"utf-8 passes", "caf\xc3\xa9 \xe2\x9c\x93 \xf0\x9f\x98\x80",
	 "\"caf\xc3\xa9 \xe2\x9c\x93 \xf0\x9f\x98\x80\""},
	{"high bytes pass", "\x80\xff", "\"\x80\xff\""},
	{"markup passes", "<b>&amp;</b>", "\"<b>&amp;</b>\""},
	{"all together", "\"\\\n\x02/", "\"\\\"\\\\\\n\\u0002/\""},
};

/* What esc_json writes for s. */
static char *
escaped(const char *s)
{
	return esc_capture(esc_json, s);
}

START_TEST(test_escape)
{
	esc_check(cases[_i].name, escaped(cases[_i].in), cases[_i].want);
}
END_TEST

START_TEST(test_null)
{
	char *got = escaped(NULL);
	int same = strcmp(got, "null") == 0;

	free(got);
	ck_assert(same);
}
END_TEST

/* Every control character comes out as six bytes, \u00XX. */
START_TEST(test_every_control_char)
{
	char in[2] = {0, 0}, want[16];
	int c;

	for (c = 1; c < 0x20; c++) {
		char *got;
		int same;

		if (c == '\n' || c == '\r' || c == '\t')
			continue;
		in[0] = (char)c;
		snprintf(want, sizeof(want), "\"\\u%04x\"", c);
		got = escaped(in);
		same = strcmp(got, want) == 0;
		free(got);
		ck_assert_msg(same, "control char 0x%02x", c);
	}
}
END_TEST

/* Printable ASCII other than " and \ passes unchanged. */
START_TEST(test_printable_ascii)
{
	char in[0x7f - 0x20 + 1], want[sizeof(in) + 2], *got, *o = in;
	int c, same;

	for (c = 0x20; c < 0x7f; c++)
		if (c != '"' && c != '\\')
			*o++ = (char)c;
	*o = '\0';
	snprintf(want, sizeof(want), "\"%s\"", in);
	got = escaped(in);
	same = strcmp(got, want) == 0;
	free(got);
	ck_assert(same);
}
END_TEST

Suite *
suite_esc_json(void)
{
	TCase *tc;
	Suite *s = esc_suite("esc_json", &tc);

	tcase_add_loop_test(tc, test_escape, 0, NELEM(cases));
	tcase_add_test(tc, test_null);
	tcase_add_test(tc, test_every_control_char);
	tcase_add_test(tc, test_printable_ascii);
	return s;
}
