/*
 * test_esc_latex.c: the LaTeX escapers (gen/esc_latex.c): text, \label
 * keys and \index entries, written to a memory stream and compared byte
 * for byte.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "esc_latex.h"
#include "esc_table.h"
#include "suites.h"

enum which { TEXT, LABEL, INDEX };

static const struct {
	const char *name;
	enum which which;
	const char *in, *want;
} cases[] = {
	{"empty", TEXT, "", ""},
	{"plain", TEXT, "Originate", "Originate"},
	{"hyphen in a header name", TEXT, "SIP-AuthInsecure", "SIP-AuthInsecure"},
	{"spaces and punctuation", TEXT, "a b, c. d: e/f", "a b, c. d: e/f"},
	{"hash", TEXT, "#1", "\\#1"},
	{"dollar", TEXT, "$5", "\\$5"},
	{"percent", TEXT, "50%", "50\\%"},
	{"ampersand", TEXT, "a&b", "a\\&b"},
	{"tilde", TEXT, "~user", "\\textasciitilde{}user"},
	{"underscore", TEXT, "AST_CAUSE", "AST\\_CAUSE"},
	{"caret", TEXT, "x^2", "x\\textasciicircum{}2"},
	{"backslash", TEXT, "a\\b", "a\\textbackslash{}b"},
	{"braces", TEXT, "{x}", "\\{x\\}"},
	{"less than", TEXT, "<unknown>", "\\textless{}unknown\\textgreater{}"},
	{"bar", TEXT, "Y|N", "Y\\textbar{}N"},
	{"brackets braced", TEXT, "[opt]", "{[}opt{]}"},
	{"newline is a space", TEXT, "a\n\nb", "a  b"},
	{"tab and cr are spaces", TEXT, "a\tb\rc", "a b c"},
	{"other controls are spaces", TEXT, "\x01\x1b\x7f", "   "},
	{"utf-8 passes", TEXT, "caf\xc3\xa9 \xe2\x80\xa6",
	 "caf\xc3\xa9 \xe2\x80\xa6"},
	{"all specials", TEXT, "#$%&~_^\\{}<>|",
	 "\\#\\$\\%\\&\\textasciitilde{}\\_\\textasciicircum{}"
	 "\\textbackslash{}\\{\\}\\textless{}\\textgreater{}\\textbar{}"},
	{"makeindex chars pass in text", TEXT, "!@\"", "!@\""},
	{"double hyphen kept apart", TEXT, "--END COMMAND--",
	 "-{}-END COMMAND-{}-"},
	{"triple hyphen", TEXT, "a---b", "a-{}-{}-b"},
	{"single hyphens pass", TEXT, "a-b-c", "a-b-c"},
	{"quote ligatures", TEXT, "``x'' ,,y", "`{}`x'{}' ,{},y"},
	{"inverted marks", TEXT, "!`?`", "!{}`?{}`"},
	{"ligature after a special", TEXT, "_--", "\\_-{}-"},
	{"index quote then ligature", INDEX, "!`", "\"!{}`"},
	{"label plain", LABEL, "Originate", "Originate"},
	{"label keeps case", LABEL, "NewCallerid", "NewCallerid"},
	{"label keeps hyphen", LABEL, "SIP-AuthInsecure", "SIP-AuthInsecure"},
	{"label underscore", LABEL, "a_b", "a:5Fb"},
	{"label colon", LABEL, "a:b", "a:3Ab"},
	{"label space and dot", LABEL, "a b.c", "a:20b:2Ec"},
	{"label specials", LABEL, "#%{}\\", ":23:25:7B:7D:5C"},
	{"label utf-8", LABEL, "\xc3\xa9", ":C3:A9"},
	{"index plain", INDEX, "Status", "Status"},
	{"index quotes makeindex chars", INDEX, "a!b@c\"d", "a\"!b\"@c\"\"d"},
	{"index bar", INDEX, "a|b", "a\\textbar{}b"},
	{"index specials", INDEX, "a_b%", "a\\_b\\%"},
};

/* What the escaper chosen by which writes for s. */
static char *
escaped(enum which which, const char *s, int *bol)
{
	if (which == TEXT)
		return esc_capture_text(esc_latex, s, bol);
	return esc_capture(which == LABEL ? esc_latex_label : esc_latex_index,
	                   s);
}

START_TEST(test_escape)
{
	int bol = 1;

	esc_check(cases[_i].name, escaped(cases[_i].which, cases[_i].in, &bol),
	          cases[_i].want);
}
END_TEST

/* Text leaves the writer mid-line; nothing written leaves it alone. */
START_TEST(test_bol)
{
	int bol = 1;

	free(escaped(TEXT, "", &bol));
	ck_assert_int_eq(bol, 1);
	free(escaped(TEXT, "x\n", &bol));
	ck_assert_int_eq(bol, 0);
}
END_TEST

/* Printable ASCII other than the specials passes unchanged. */
START_TEST(test_printable_ascii)
{
	char in[0x7f - 0x20 + 1], *got, *o = in;
	int c, bol = 1, same;

	for (c = 0x20; c < 0x7f; c++)
		if (strchr("#$%&~_^\\{}<>|[]", c) == NULL)
			*o++ = (char)c;
	*o = '\0';
	got = escaped(TEXT, in, &bol);
	same = strcmp(got, in) == 0;
	free(got);
	ck_assert(same);
}
END_TEST

/* Letters, digits and - are the only bytes a label ever holds besides :. */
START_TEST(test_label_alphabet)
{
	char in[256], *got, *p;
	int c;

	for (c = 1; c < 256; c++)
		in[c - 1] = (char)c;
	in[255] = '\0';
	got = escaped(LABEL, in, NULL);
	for (p = got; *p != '\0'; p++)
		ck_assert_msg(strchr("abcdefghijklmnopqrstuvwxyz"
		                     "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789:-",
		                     *p) != NULL,
		              "byte 0x%02x in a label", (unsigned char)*p);
	free(got);
}
END_TEST

Suite *
suite_esc_latex(void)
{
	TCase *tc;
	Suite *s = esc_suite("esc_latex", &tc);

	tcase_add_loop_test(tc, test_escape, 0, NELEM(cases));
	tcase_add_test(tc, test_bol);
	tcase_add_test(tc, test_printable_ascii);
	tcase_add_test(tc, test_label_alphabet);
	return s;
}
