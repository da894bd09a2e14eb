/*
 * test_prose.c: dedenting descriptions (src/prose.c) so the indentation
 * of the XML does not turn CommonMark paragraphs into code blocks.
 */
#include <string.h>

#include "arena.h"
#include "prose.h"
#include "suites.h"

static const struct {
	const char *name, *in, *want;
} cases[] = {
	{"empty", "", ""},
	{"all blank", "  \n\t\n \r\n   ", ""},
	{"one word", "hello", "hello"},
	{"one line with newline", "hello\n", "hello"},
	{"xml indentation",
	 "\n      Line one.\n      Line two.\n    ",
	 "Line one.\nLine two."},
	{"relative indentation kept",
	 "\n  List:\n\n      code\n  end\n",
	 "List:\n\n    code\nend"},
	{"least indented line sets the common indent",
	 "    a\n  b\n      c",
	 "  a\nb\n    c"},
	{"first line not indented", "a\n    b", "a\n    b"},
	{"blank lines inside kept, emptied",
	 "  a\n\n  b\n     \n  c",
	 "a\n\nb\n\nc"},
	{"blank lines shorter than the indent", "    a\n \n    b", "a\n\nb"},
	{"leading and trailing blank lines dropped",
	 "\n\n \n  x\n\n\t\n",
	 "x"},
	{"tab counts as one column", "\ta\n\t\tb", "a\n\tb"},
	{"tab and space are one column each", "\t a\n  b", "a\nb"},
	{"trailing blanks dropped", "  a  \t\n  b \n", "a\nb"},
	{"crlf line ends", "a\r\nb\r\n", "a\nb"},
	{"inner spaces kept", "  a  b\tc", "a  b\tc"},
	{"markdown hard break lost with trailing blanks", "a  \nb", "a\nb"},
	{"utf-8 kept", "   café ✓\n   ok", "café ✓\nok"},
};

static struct amid_arena *arena;

static void
setup(void)
{
	arena = amid_arena_new();
	ck_assert_ptr_nonnull(arena);
}

static void
teardown(void)
{
	amid_arena_free(arena);
	arena = NULL;
}

START_TEST(test_dedent)
{
	const char *in = cases[_i].in;
	char *out = amid_prose_dedent(arena, in, strlen(in));

	ck_assert_ptr_nonnull(out);
	ck_assert_msg(strcmp(out, cases[_i].want) == 0,
	              "%s: got \"%s\", want \"%s\"", cases[_i].name, out,
	              cases[_i].want);
}
END_TEST

/* Only len bytes are read: the text need not be NUL-terminated. */
START_TEST(test_dedent_len)
{
	const char text[] = "  abc\n  def";
	char *out = amid_prose_dedent(arena, text, 5);

	ck_assert_str_eq(out, "abc");
	out = amid_prose_dedent(arena, text, 0);
	ck_assert_str_eq(out, "");
	out = amid_prose_dedent(arena, text, 9);
	ck_assert_str_eq(out, "abc\nd");
}
END_TEST

/* The input is not modified and the result is a fresh string. */
START_TEST(test_dedent_copy)
{
	char text[] = "  x\n  y";
	char *out = amid_prose_dedent(arena, text, strlen(text));

	ck_assert_str_eq(out, "x\ny");
	ck_assert_str_eq(text, "  x\n  y");
	text[2] = 'z';
	ck_assert_str_eq(out, "x\ny");
}
END_TEST

#define NELEM(v) (int)(sizeof(v) / sizeof((v)[0]))

Suite *
suite_prose(void)
{
	Suite *s = suite_create("prose");
	TCase *tc = tcase_create("dedent");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, test_dedent, 0, NELEM(cases));
	tcase_add_test(tc, test_dedent_len);
	tcase_add_test(tc, test_dedent_copy);
	suite_add_tcase(s, tc);
	return s;
}
