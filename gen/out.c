/*
 * out.c: the line-based writer (see out.h) and output files of the
 * back-ends that write a tree of files.
 */
#include "out.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

void
out_init(struct out *o, FILE *f, esc_fn esc)
{
	o->f = f;
	o->esc = esc;
	o->bol = 1;
}

void
out_markup(struct out *o, const char *fmt, ...)
{
	va_list ap;
	size_t len = strlen(fmt);

	va_start(ap, fmt);
	vfprintf(o->f, fmt, ap);
	va_end(ap);
	/* Markup ends a line only where its format says so. */
	if (len > 0)
		o->bol = fmt[len - 1] == '\n';
}

void
out_text(struct out *o, const char *s)
{
	if (s != NULL)
		o->esc(o->f, s, &o->bol);
}

void
out_rendered(struct out *o, const char *s)
{
	size_t len;

	if (s == NULL || (len = strlen(s)) == 0)
		return;
	fputs(s, o->f);
	o->bol = s[len - 1] == '\n';
}

/* mkdir -p for the directories of path (not its last component). */
static int
make_parents(char *path)
{
	char *p;

	for (p = path + 1; (p = strchr(p, '/')) != NULL; p++) {
		*p = '\0';
		if (mkdir(path, 0777) != 0 && errno != EEXIST) {
			*p = '/';
			return -1;
		}
		*p = '/';
	}
	return 0;
}

FILE *
out_open(const char *outdir, const char *relpath)
{
	size_t len = strlen(outdir) + strlen(relpath) + 2;
	char *path = malloc(len);
	FILE *f = NULL;

	if (path == NULL) {
		fprintf(stderr, "amigen: out of memory\n");
		return NULL;
	}
	snprintf(path, len, "%s/%s", outdir, relpath);
	if (make_parents(path) == 0)
		f = fopen(path, "w");
	if (f == NULL)
		fprintf(stderr, "amigen: %s: %s\n", path, strerror(errno));
	free(path);
	return f;
}

int
out_close(FILE *f, const char *outdir, const char *relpath)
{
	int bad = ferror(f);

	if (fclose(f) != 0)
		bad = 1;
	if (bad)
		fprintf(stderr, "amigen: %s/%s: write error\n", outdir, relpath);
	return bad ? -1 : 0;
}
