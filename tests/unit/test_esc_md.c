/*
 * test_esc_md.c: the Markdown escapers (gen/esc_md.c), written to a
 * memory stream and compared byte for byte; the inline escaper both at
 * the start of a line and after other text.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "esc_md.h"
#include "esc_table.h"
#include "suites.h"

/* bol: the escaper is called at the start of a line. */
static const struct {
	const char *name, *in;
	int bol;
	const char *want;
} text_cases[] = {
	{"empty", "", 1, ""},
	{"plain", "Originate", 1, "Originate"},
	{"underscore", "Parker_Dial", 0, "Parker\\_Dial"},
	{"emphasis", "*a* _b_", 0, "\\*a\\* \\_b\\_"},
	{"code span", "`x`", 0, "\\`x\\`"},
	{"link", "[t](u)", 0, "\\[t\\](u)"},
	{"image", "![i](u)", 0, "!\\[i\\](u)"},
	{"html", "<b>", 0, "\\<b\\>"},
	{"entity", "&amp;", 0, "\\&amp;"},
	{"backslash", "a\\b", 0, "a\\\\b"},
	{"table pipe", "a|b", 0, "a\\|b"},
	{"strikeout", "~~x~~", 0, "\\~\\~x\\~\\~"},
	{"hash at start", "# h", 1, "\\# h"},
	{"hash inside", "a#b", 0, "a\\#b"},
	{"dash at start", "-x", 1, "\\-x"},
	{"dash inside", "a-b", 1, "a-b"},
	{"dash not at start", "-x", 0, "-x"},
	{"plus at start", "+ x", 1, "\\+ x"},
	{"equals at start", "===", 1, "\\==="},
	{"ordered list at start", "12. x", 1, "12\\. x"},
	{"ordered paren at start", "1) x", 1, "1\\) x"},
	{"number not a list", "1.6", 1, "1\\.6"},
	{"number not at start", "1. x", 0, "1. x"},
	{"digits only", "42", 1, "42"},
	{"blockquote at start", "> q", 1, "\\> q"},
	{"space at start", " x", 1, "&#32;x"},
	{"tab at start", "\tx", 1, "&#9;x"},
	{"space inside", "a  b", 1, "a  b"},
	{"newline to space", "a\nb\r\nc", 0, "a b  c"},
	{"utf-8 passes", "caf\xc3\xa9 \xe2\x9c\x93", 1, "caf\xc3\xa9 \xe2\x9c\x93"},
	{"other punctuation passes", "a.b,c;d:e!f?g(h)i{j}k'l\"m/n%o", 0,
	 "a.b,c;d:e!f?g(h)i{j}k'l\"m/n%o"},
};

static const struct {
	const char *name, *in, *want;
} path_cases[] = {
	{"empty", "", ""},
	{"name", "Originate", "Originate"},
	{"unreserved", "a-b.c_d~e", "a-b.c_d~e"},
	{"space", "a b", "a%20b"},
	{"link breakers", "a(b)<c>", "a%28b%29%3Cc%3E"},
	{"fragment and query", "a#b?c", "a%23b%3Fc"},
	{"slash", "a/b", "a%2Fb"},
	{"percent", "100%", "100%25"},
	{"utf-8", "\xc3\xa9", "%C3%A9"},
};

static const struct {
	const char *name, *in, *want;
} anchor_cases[] = {
	{"name", "ActionID", "actionid"},
	{"underscore and dash kept", "Parker_Dial-2", "parker_dial-2"},
	{"spaces become dashes", "AMI headers", "ami-headers"},
	{"punctuation dropped", "Channel/channel (a.b)", "channelchannel-ab"},
	{"utf-8 kept", "Caf\xc3\xa9", "caf\xc3\xa9"},
};

START_TEST(test_text)
{
	int bol = text_cases[_i].bol;
	char *got = esc_capture_text(esc_md, text_cases[_i].in, &bol);

	/* Text never ends a line; nothing written leaves bol as it was. */
	ck_assert_int_eq(bol, text_cases[_i].in[0] ? 0 : text_cases[_i].bol);
	esc_check(text_cases[_i].name, got, text_cases[_i].want);
}
END_TEST

START_TEST(test_path)
{
	esc_check(path_cases[_i].name,
	          esc_capture(esc_md_path, path_cases[_i].in),
	          path_cases[_i].want);
}
END_TEST

START_TEST(test_anchor)
{
	esc_check(anchor_cases[_i].name,
	          esc_capture(esc_md_anchor, anchor_cases[_i].in),
	          anchor_cases[_i].want);
}
END_TEST

/* Every ASCII punctuation character is either kept or backslashed. */
START_TEST(test_every_punctuation)
{
	char in[2] = {0, 0}, *got;
	int c, bol;

	for (c = 0x21; c < 0x7f; c++) {
		in[0] = (char)c;
		bol = 0;
		got = esc_capture_text(esc_md, in, &bol);
		ck_assert_msg(strcmp(got, in) == 0 ||
		                  (got[0] == '\\' && strcmp(got + 1, in) == 0),
		              "char 0x%02x became \"%s\"", c, got);
		free(got);
	}
}
END_TEST

Suite *
suite_esc_md(void)
{
	TCase *tc;
	Suite *s = esc_suite("esc_md", &tc);

	tcase_add_loop_test(tc, test_text, 0, NELEM(text_cases));
	tcase_add_loop_test(tc, test_path, 0, NELEM(path_cases));
	tcase_add_loop_test(tc, test_anchor, 0, NELEM(anchor_cases));
	tcase_add_test(tc, test_every_punctuation);
	return s;
}
