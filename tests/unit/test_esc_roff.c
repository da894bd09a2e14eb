/*
 * test_esc_roff.c: the roff escaper and the repair of cmark's man output
 * (gen/esc_roff.c), written to memory and compared byte for byte.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "esc_roff.h"
#include "esc_table.h"
#include "suites.h"

/* esc_roff: bol is the line state before the text. */
static const struct {
	const char *name;
	int bol;
	const char *in, *want;
	int bol_after;
} esc_cases[] = {
	{"empty keeps bol", 1, "", "", 1},
	{"empty mid-line", 0, "", "", 0},
	{"plain", 1, "Originate", "Originate", 0},
	{"backslash", 0, "a\\b", "a\\eb", 0},
	{"escape sequence defused", 0, "\\fBx\\fP", "\\efBx\\efP", 0},
	{"hyphen-minus", 0, "SIP-AuthInsecure", "SIP\\-AuthInsecure", 0},
	{"double quote", 0, "say \"hi\"", "say \\(dqhi\\(dq", 0},
	{"apostrophe", 0, "it's", "it\\(aqs", 0},
	{"leading apostrophe is no request", 1, "'x", "\\(aqx", 0},
	{"grave accent", 0, "`x`", "\\(gax\\(ga", 0},
	{"caret and tilde", 0, "^~", "\\(ha\\(ti", 0},
	{"leading dot", 1, ".so /etc/passwd", "\\&.so /etc/passwd", 0},
	{"dot mid-line", 0, ".so", ".so", 0},
	{"inner dot", 1, "1.6.2", "1.6.2", 0},
	{"leading space", 1, " x", "\\& x", 0},
	{"space mid-line", 0, " x", " x", 0},
	{"newline is a space", 0, "a\nb", "a b", 0},
	{"newline then dot stays text", 0, "a\n.b", "a .b", 0},
	{"leading newline at bol", 1, "\n.x", "\\& .x", 0},
	{"tab and cr", 0, "a\tb\rc", "a b c", 0},
	{"other controls", 0, "\x01\x1b\x7f", "   ", 0},
	{"latin-1 supplement", 0, "caf\xc3\xa9", "caf\\[u00E9]", 0},
	{"three bytes", 0, "\xe2\x9c\x93", "\\[u2713]", 0},
	{"four bytes", 0, "\xf0\x9f\x98\x80", "\\[u1F600]", 0},
	{"c1 control is a space", 0, "\xc2\x85", " ", 0},
	{"lone continuation", 0, "a\x80z", "a\\[uFFFD]z", 0},
	{"truncated sequence", 0, "\xe2\x9c", "\\[uFFFD]\\[uFFFD]", 0},
	{"overlong slash", 0, "\xc0\xaf", "\\[uFFFD]\\[uFFFD]", 0},
	{"surrogate", 0, "\xed\xa0\x80", "\\[uFFFD]\\[uFFFD]\\[uFFFD]", 0},
	{"past unicode", 0, "\xf4\x90\x80\x80",
	 "\\[uFFFD]\\[uFFFD]\\[uFFFD]\\[uFFFD]", 0},
	{"all together", 1, ".\\-\"'", "\\&.\\e\\-\\(dq\\(aq", 0},
};

/* roff_fix_cmark: cmark 0.30's man output in, lint-clean roff out. */
static const struct {
	const char *name, *in, *want;
} fix_cases[] = {
	{"empty", "", ""},
	{"paragraph kept", ".PP\nText.\n", ".PP\nText.\n"},
	{"no final newline", ".PP\nText.", ".PP\nText.\n"},
	{"inline code font", ".PP\nUse \\f[C]Async\\f[] now.\n",
	 ".PP\nUse \\f(CRAsync\\f[] now.\n"},
	{"escaped backslash before code", "a\\e\\f[C]x\\f[]\n",
	 "a\\e\\f(CRx\\f[]\n"},
	{"escaped text is not a font", "a\\ef[C]\n", "a\\ef[C]\n"},
	{"bold and italic kept", "\\f[B]b\\f[] \\f[I]i\\f[]\n",
	 "\\f[B]b\\f[] \\f[I]i\\f[]\n"},
	{"code block", ".IP\n.nf\n\\f[C]\nAction: Ping\n\\f[]\n.fi\n",
	 ".IP\n.nf\n\\f(CR\nAction: Ping\n\\f[]\n.fi\n"},
	{"code block leading dot and quote",
	 ".IP\n.nf\n\\f[C]\n.so x\n'br\n.fi\n\\f[]\n.fi\n",
	 ".IP\n.nf\n\\f(CR\n\\&.so x\n\\&'br\n\\&.fi\n\\f[]\n.fi\n"},
	{"code block blank line kept", ".nf\n\\f[C]\na\n\nb\n\\f[]\n.fi\n",
	 ".nf\n\\f(CR\na\n\nb\n\\f[]\n.fi\n"},
	{"code block non-ascii", ".nf\n\\f[C]\n\xc3\xa9\n\\f[]\n.fi\n",
	 ".nf\n\\f(CR\n\\[u00E9]\n\\f[]\n.fi\n"},
	{"hard break split", ".PP\nline.PD 0\n.P\n.PD\nbreak\n",
	 ".PP\nline\n.PD 0\n.P\n.PD\nbreak\n"},
	{"text ending in .PD 0 alone", ".PP\nset .PD 0\nmore\n",
	 ".PP\nset .PD 0\nmore\n"},
	{"heading becomes bold paragraph", ".SH\nTitle\n.PP\nText.\n",
	 ".PP\n\\fBTitle\\fP\n.PP\nText.\n"},
	{"subheading too", ".SS\nSub\n", ".PP\n\\fBSub\\fP\n"},
	{"empty heading", ".SH\n.PP\nx\n", ".PP\nx\n"},
	{"empty paragraph dropped", ".PP\n.PP\nx\n", ".PP\nx\n"},
	{"empty paragraph at end", "x\n.PP\n", "x\n"},
	{"empty paragraph before list", ".PP\n.IP \\[bu] 2\nitem\n",
	 ".IP \\[bu] 2\nitem\n"},
	{"blank lines dropped", ".PP\na\n\n   \nb\n", ".PP\na\nb\n"},
	{"list kept", ".IP \\[bu] 2\none\n.IP \"2.\" 4\ntwo\n",
	 ".IP \\[bu] 2\none\n.IP \"2.\" 4\ntwo\n"},
	{"quote kept", ".RS\n.PP\nq\n.RE\n", ".RS\n.PP\nq\n.RE\n"},
	{"empty quote dropped", ".PP\na\n.RS\n.RE\n.PP\nb\n",
	 ".PP\na\n.PP\nb\n"},
	{"nested empty quotes dropped", ".RS\n.RS\n.PP\n.RE\n.RE\nx\n",
	 "x\n"},
	{"quote holding only an empty quote kept once",
	 ".RS\n.RS\n.RE\n.PP\nq\n.RE\n", ".RS\n.PP\nq\n.RE\n"},
	{"quote holding a list", ".RS\n.IP \\[bu] 2\ni\n.RE\n",
	 ".RS\n.IP \\[bu] 2\ni\n.RE\n"},
	{"quote holding code", ".RS\n.IP\n.nf\n\\f[C]\n.x\n\\f[]\n.fi\n.RE\n",
	 ".RS\n.IP\n.nf\n\\f(CR\n\\&.x\n\\f[]\n.fi\n.RE\n"},
	{"non-ascii text", ".PP\nna\xc3\xafve \xe2\x80\xa6\n",
	 ".PP\nna\\[u00EF]ve \\[u2026]\n"},
	{"trailing blanks dropped", ".PP\nhtml \t\nx\n", ".PP\nhtml\nx\n"},
	{"escaped trailing space kept", "a\\ \n", "a\\ \n"},
	{"code trailing blanks kept", ".nf\n\\f[C]\na  \n\\f[]\n.fi\n",
	 ".nf\n\\f(CR\na  \n\\f[]\n.fi\n"},
	{"thematic break", ".PP\n  *  *  *  *  *\n", ".PP\n  *  *  *  *  *\n"},
};

static char *
escaped(const char *s, int *bol)
{
	return esc_capture_text(esc_roff, s, bol);
}

START_TEST(test_escape)
{
	int bol = esc_cases[_i].bol;

	esc_check(esc_cases[_i].name, escaped(esc_cases[_i].in, &bol),
	          esc_cases[_i].want);
	ck_assert_int_eq(bol, esc_cases[_i].bol_after);
}
END_TEST

START_TEST(test_fix)
{
	char *got = roff_fix_cmark(fix_cases[_i].in);

	ck_assert_ptr_nonnull(got);
	esc_check(fix_cases[_i].name, got, fix_cases[_i].want);
}
END_TEST

/* Printable ASCII other than the escaped characters passes unchanged. */
START_TEST(test_printable_ascii)
{
	char in[0x7f - 0x20 + 1], *o = in;
	int c, bol = 0;

	for (c = 0x20; c < 0x7f; c++)
		if (strchr("\\-\"'`^~", c) == NULL)
			*o++ = (char)c;
	*o = '\0';
	esc_check("printable ascii", escaped(in, &bol), in);
}
END_TEST

/* Whatever the input, the output is ASCII with no control characters. */
START_TEST(test_every_byte)
{
	char in[2] = {0, 0}, *got;
	int c, bol, i;

	for (c = 1; c < 256; c++) {
		in[0] = (char)c;
		bol = 1;
		got = escaped(in, &bol);
		for (i = 0; got[i] != '\0'; i++)
			ck_assert_msg(got[i] >= 0x20 && got[i] < 0x7f,
			              "byte 0x%02x", c);
		ck_assert_msg(got[0] != '.' && got[0] != '\'',
		              "byte 0x%02x starts a request", c);
		free(got);
	}
}
END_TEST

Suite *
suite_esc_roff(void)
{
	TCase *tc;
	Suite *s = esc_suite("esc_roff", &tc);

	tcase_add_loop_test(tc, test_escape, 0, NELEM(esc_cases));
	tcase_add_loop_test(tc, test_fix, 0, NELEM(fix_cases));
	tcase_add_test(tc, test_printable_ascii);
	tcase_add_test(tc, test_every_byte);
	return s;
}
