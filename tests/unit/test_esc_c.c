/*
 * test_esc_c.c: the C escaper of -T c (gen/esc_c.c): string literal
 * contents and comment text, written to a memory stream and compared byte
 * for byte; every byte value is also decoded back as a C compiler would.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "esc_c.h"
#include "esc_table.h"
#include "suites.h"

static const struct {
	const char *name, *in, *want;
} cases[] = {
	{"empty", "", ""},
	{"plain", "Originate", "Originate"},
	{"spaces kept", "a b  c", "a b  c"},
	{"quotes", "say \"hi\"", "say \\\"hi\\\""},
	{"single quote passes", "it's", "it's"},
	{"backslash", "C:\\dir\\", "C:\\\\dir\\\\"},
	{"question mark", "why?", "why\\?"},
	{"trigraphs", "\?\?=\?\?/\?\?'", "\\?\\?=\\?\\?/\\?\\?'"},
	{"newline", "a\nb", "a\\012b"},
	{"tab and cr", "\t\r", "\\011\\015"},
	{"escape char", "\x1b[0m", "\\033[0m"},
	{"delete", "a\x7f", "a\\177"},
	{"digit after octal", "\x01" "7", "\\0017"},
	{"utf-8 as octal", "caf\xc3\xa9", "caf\\303\\251"},
	{"high bytes", "\x80\xff", "\\200\\377"},
	{"percent passes", "100%", "100%"},
	{"comment markers pass", "/* */ //", "/* */ //"},
	{"slash", "SIP/100", "SIP/100"},
};

static const struct {
	const char *name, *in, *want;
} comment_cases[] = {
	{"empty", "", ""},
	{"path", "dictionary/10-protocol.xml", "dictionary/10-protocol.xml"},
	{"comment end", "a*/b", "a*\\/b"},
	{"comment start", "a/*b", "a/\\*b"},
	{"both overlapping", "*/*", "*\\/\\*"},
	{"newline", "a\nb", "a?b"},
	{"non-ascii", "caf\xc3\xa9", "caf??"},
	{"quotes pass", "\"x\"", "\"x\""},
};

/* What esc_c (or esc_c_comment) writes for s. */
static char *
escaped(const char *s, int comment)
{
	int bol = 1;
	char *got;

	if (comment)
		return esc_capture(esc_c_comment, s);
	got = esc_capture_text(esc_c, s, &bol);
	/* A literal's text is never at the start of a line. */
	ck_assert_int_eq(bol, s[0] == '\0');
	return got;
}

START_TEST(test_escape)
{
	esc_check(cases[_i].name, escaped(cases[_i].in, 0), cases[_i].want);
}
END_TEST

START_TEST(test_comment)
{
	esc_check(comment_cases[_i].name, escaped(comment_cases[_i].in, 1),
	          comment_cases[_i].want);
}
END_TEST

/* Decodes a literal's inside as a C compiler does; -1 if malformed. */
static int
decode(const char *s, char *out)
{
	while (*s != '\0') {
		if ((unsigned char)*s < 0x20 || (unsigned char)*s >= 0x7f ||
		    *s == '"' || *s == '?')
			return -1; /* must have been escaped */
		if (*s != '\\') {
			*out++ = *s++;
			continue;
		}
		s++;
		if (*s == '"' || *s == '\\' || *s == '?')
			*out++ = *s++;
		else if (s[0] >= '0' && s[0] <= '3' && s[1] >= '0' &&
		         s[1] <= '7' && s[2] >= '0' && s[2] <= '7') {
			*out++ = (char)((s[0] - '0') * 64 + (s[1] - '0') * 8 +
			                (s[2] - '0'));
			s += 3;
		} else
			return -1;
	}
	*out = '\0';
	return 0;
}

/* Every byte value, alone and followed by a digit, decodes back. */
START_TEST(test_every_byte_round_trips)
{
	char in[3] = {0, '7', 0}, back[8];
	int c;

	for (c = 1; c < 256; c++) {
		char *got;
		int ok;

		in[0] = (char)c;
		got = escaped(in, 0);
		ok = decode(got, back) == 0 && strcmp(back, in) == 0;
		free(got);
		ck_assert_msg(ok, "byte 0x%02x", c);
	}
}
END_TEST

/* No byte value lets comment text end the comment or break the line. */
START_TEST(test_comment_every_byte)
{
	char in[4] = {'*', 0, '/', 0};
	int c;

	for (c = 1; c < 256; c++) {
		char *got;
		int ok;

		in[1] = (char)c;
		got = escaped(in, 1);
		ok = strstr(got, "*/") == NULL && strstr(got, "/*") == NULL &&
		     strchr(got, '\n') == NULL;
		free(got);
		ck_assert_msg(ok, "byte 0x%02x", c);
	}
}
END_TEST

Suite *
suite_esc_c(void)
{
	TCase *tc;
	Suite *s = esc_suite("esc_c", &tc);

	tcase_add_loop_test(tc, test_escape, 0, NELEM(cases));
	tcase_add_loop_test(tc, test_comment, 0, NELEM(comment_cases));
	tcase_add_test(tc, test_every_byte_round_trips);
	tcase_add_test(tc, test_comment_every_byte);
	return s;
}
