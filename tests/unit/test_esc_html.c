/*
 * test_esc_html.c: the HTML escapers (gen/esc_html.c), written to a
 * memory stream and compared byte for byte.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "esc_html.h"
#include "esc_table.h"
#include "suites.h"

static const struct {
	const char *name, *in, *want;
} text_cases[] = {
	{"empty", "", ""},
	{"plain", "Originate", "Originate"},
	{"ampersand", "a&b", "a&amp;b"},
	{"entity stays text", "&amp;", "&amp;amp;"},
	{"tags", "<script>x</script>", "&lt;script&gt;x&lt;/script&gt;"},
	{"double quote", "say \"hi\"", "say &quot;hi&quot;"},
	{"single quote", "it's", "it&#39;s"},
	{"attribute breakout", "\" onload=\"x", "&quot; onload=&quot;x"},
	{"markdown passes", "*a* _b_ `c` [d]", "*a* _b_ `c` [d]"},
	{"newline kept", "a\nb", "a\nb"},
	{"utf-8 passes", "caf\xc3\xa9 \xe2\x9c\x93", "caf\xc3\xa9 \xe2\x9c\x93"},
	{"all together", "<a href=\"x\">&'</a>",
	 "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;"},
};

static const struct {
	const char *name, *in, *want;
} path_cases[] = {
	{"empty", "", ""},
	{"name", "Originate", "Originate"},
	{"unreserved", "a-b.c_d~e", "a-b.c_d~e"},
	{"space", "a b", "a%20b"},
	{"html specials", "<\"&'>", "%3C%22%26%27%3E"},
	{"fragment and query", "a#b?c", "a%23b%3Fc"},
	{"slash", "a/b", "a%2Fb"},
	{"percent", "100%", "100%25"},
	{"utf-8", "\xc3\xa9", "%C3%A9"},
};

START_TEST(test_text)
{
	int bol = 1;

	esc_check(text_cases[_i].name,
	          esc_capture_text(esc_html, text_cases[_i].in, &bol),
	          text_cases[_i].want);
}
END_TEST

/* bol follows the last character written. */
START_TEST(test_bol)
{
	FILE *f = fopen("/dev/null", "w");
	int bol = 1;

	ck_assert_ptr_nonnull(f);
	esc_html(f, "a", &bol);
	ck_assert_int_eq(bol, 0);
	esc_html(f, "b\n", &bol);
	ck_assert_int_eq(bol, 1);
	esc_html(f, "", &bol);
	ck_assert_int_eq(bol, 1);
	fclose(f);
}
END_TEST

START_TEST(test_path)
{
	esc_check(path_cases[_i].name,
	          esc_capture(esc_html_path, path_cases[_i].in),
	          path_cases[_i].want);
}
END_TEST

/* Nothing but & < > " ' changes in printable ASCII. */
START_TEST(test_printable_ascii)
{
	char in[2] = {0, 0};
	int c;

	for (c = 0x20; c < 0x7f; c++) {
		int bol = 0, special = strchr("&<>\"'", c) != NULL;
		char *buf;

		in[0] = (char)c;
		buf = esc_capture_text(esc_html, in, &bol);
		ck_assert_msg(special ? buf[0] == '&' && buf[strlen(buf) - 1] == ';'
		                      : strcmp(buf, in) == 0,
		              "char 0x%02x became \"%s\"", c, buf);
		free(buf);
	}
}
END_TEST

Suite *
suite_esc_html(void)
{
	TCase *tc;
	Suite *s = esc_suite("esc_html", &tc);

	tcase_add_loop_test(tc, test_text, 0, NELEM(text_cases));
	tcase_add_test(tc, test_bol);
	tcase_add_loop_test(tc, test_path, 0, NELEM(path_cases));
	tcase_add_test(tc, test_printable_ascii);
	return s;
}
