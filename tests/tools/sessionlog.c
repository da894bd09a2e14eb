/*
 * sessionlog.c: turns a recorded AMI session log (chunks introduced by
 * "### C->S t=SECONDS len=N" or "### S->C ...", then N raw bytes, then
 * one newline the recorder added) into the interleaved transcript of both
 * directions, in arrival order.  With -c or -s, only the client's or the
 * server's bytes.  usage: sessionlog [-c|-s] < session.log > transcript
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int
main(int argc, char **argv)
{
	char line[256], buf[65536];
	int only = argc > 1 ? argv[1][1] : 0; /* 'c', 's' or 0 */

	while (fgets(line, sizeof(line), stdin) != NULL) {
		const char *len = strstr(line, " len=");
		int client;
		size_t n;

		if (strncmp(line, "### ", 4) != 0 || len == NULL)
			continue; /* comments and the close marker */
		client = strncmp(line + 4, "C->S", 4) == 0;
		n = strtoul(len + 5, NULL, 10);
		while (n > 0) {
			size_t want = n < sizeof(buf) ? n : sizeof(buf);
			size_t got = fread(buf, 1, want, stdin);

			if (got == 0) {
				fputs("sessionlog: truncated chunk\n", stderr);
				return 1;
			}
			if (only == 0 || (only == 'c') == client)
				fwrite(buf, 1, got, stdout);
			n -= got;
		}
		getchar(); /* the recorder's newline */
	}
	return ferror(stdout) ? 1 : 0;
}
