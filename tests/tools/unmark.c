/*
 * unmark.c: turns a readable transcript into the bytes of a test input.
 * Every line end becomes CRLF, except that markers at the end of a line
 * change it: "<LF>" a bare LF, "<EOF>" no line end and no more input.
 * Inside a line, "<NUL>" is a NUL byte, "<TAB>" a tab, "<CR>" a carriage
 * return and "<XHH>" the byte 0xHH.  With -t, a blank line is added at
 * the end unless the input ended with <EOF> (rule examples are stored
 * without their terminating blank line).
 * usage: unmark [-t] < in > out
 */
#include <stdio.h>
#include <string.h>

static int
hex(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* Writes one line (without its newline); returns 1 when it ended input. */
static int
line(char *s, size_t len)
{
	const char *eol = "\r\n";
	size_t i;

	if (len >= 4 && memcmp(s + len - 4, "<LF>", 4) == 0) {
		eol = "\n";
		len -= 4;
	} else if (len >= 5 && memcmp(s + len - 5, "<EOF>", 5) == 0) {
		eol = NULL;
		len -= 5;
	}
	for (i = 0; i < len; i++) {
		if (s[i] == '<' && len - i >= 5 && memcmp(s + i, "<NUL>", 5) == 0) {
			putchar('\0');
			i += 4;
		} else if (s[i] == '<' && len - i >= 5 &&
		           memcmp(s + i, "<TAB>", 5) == 0) {
			putchar('\t');
			i += 4;
		} else if (s[i] == '<' && len - i >= 4 &&
		           memcmp(s + i, "<CR>", 4) == 0) {
			putchar('\r');
			i += 3;
		} else if (s[i] == '<' && len - i >= 5 && s[i + 1] == 'X' &&
		           s[i + 4] == '>' && hex(s[i + 2]) >= 0 &&
		           hex(s[i + 3]) >= 0) {
			putchar(hex(s[i + 2]) * 16 + hex(s[i + 3]));
			i += 4;
		} else
			putchar(s[i]);
	}
	if (eol == NULL)
		return 1;
	fputs(eol, stdout);
	return 0;
}

int
main(int argc, char **argv)
{
	static char buf[4 * 1024 * 1024];
	int terminate = argc > 1 && strcmp(argv[1], "-t") == 0;
	size_t n = fread(buf, 1, sizeof(buf) - 1, stdin), start = 0, i;
	int ended = 0;

	for (i = 0; i < n && !ended; i++)
		if (buf[i] == '\n') {
			ended = line(buf + start, i - start);
			start = i + 1;
		}
	if (!ended && start < n)
		ended = line(buf + start, n - start);
	if (terminate && !ended)
		fputs("\r\n", stdout);
	return ferror(stdout) ? 1 : 0;
}
