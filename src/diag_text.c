/*
 * diag_text.c: findings as a compiler prints them:
 *   file:line:col: severity: message [AMI0101 bare-lf]
 * then the source line and a caret under the column; colour on request.
 * A finding in a packet capture adds a line saying where in it:
 *   in connection 1 (10.0.0.1:40000->10.0.0.2:5038), client stream, frame 14
 */
#include <string.h>

#include "diag.h"

static const char *const sev_name[] = {"note", "warning", "error"};
static const char *const sev_color[] = {"\033[1;36m", "\033[1;35m",
                                        "\033[1;31m"};
#define BOLD "\033[1m"
#define RESET "\033[0m"

/* Bytes shown as they are; others as \xHH so the terminal stays sane. */
void
diag_quote(FILE *f, const struct lint_finding *fd, size_t max)
{
	const struct ami_line *l = fd->source;
	size_t i, n = l->len < max ? l->len : max;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)l->ptr[i];

		if (fd->redact_len > 0 && i == fd->redact_from) {
			fputs("********", f);
			i = fd->redact_from + fd->redact_len - 1;
			continue;
		}
		if (c == '\t' || (c >= 0x20 && c != 0x7f && c < 0x80) ||
		    (c >= 0x80 && !(l->flags & AMI_LINE_BAD_UTF8)))
			putc(c, f);
		else
			fprintf(f, "\\x%02x", c);
	}
	if (n < l->len)
		fputs("...", f);
}

static void
caret(struct diag *d, const struct lint_finding *fd)
{
	size_t i;

	if (fd->source == NULL)
		return;
	fprintf(d->f, "%6lu | ", fd->line);
	diag_quote(d->f, fd, 200);
	fputs("\n       | ", d->f);
	if (fd->col > 0 && fd->col <= 201) {
		for (i = 1; i < fd->col; i++)
			putc(fd->source->ptr[i - 1] == '\t' ? '\t' : ' ', d->f);
		fprintf(d->f, "%s^%s", d->color ? sev_color[fd->severity] : "",
		        d->color ? RESET : "");
	}
	putc('\n', d->f);
}

static void
capture_place(struct diag *d, const struct lint_place *p)
{
	const char *sep = "  in ";

	if (p->index > 0) {
		fprintf(d->f, "%sconnection %lu (%s)", sep, p->index,
		        p->connection);
		sep = ", ";
	} else if (p->connection != NULL) {
		fprintf(d->f, "%s%s", sep, p->connection);
		sep = ", ";
	}
	if (p->direction != NULL) {
		fprintf(d->f, "%s%s stream", sep, p->direction);
		sep = ", ";
	}
	if (p->frame > 0)
		fprintf(d->f, "%sframe %llu", sep, p->frame);
	putc('\n', d->f);
}

static void
text_finding(struct diag *d, const char *file, const struct lint_finding *fd)
{
	const struct rule_info *r = &rule_table[fd->rule];

	if (d->color)
		fputs(BOLD, d->f);
	fputs(file, d->f);
	if (fd->line > 0)
		fprintf(d->f, ":%lu", fd->line);
	if (fd->line > 0 && fd->col > 0)
		fprintf(d->f, ":%zu", fd->col);
	fputs(":", d->f);
	if (d->color)
		fputs(RESET, d->f);
	fprintf(d->f, " %s%s:%s %s [%s %s]\n",
	        d->color ? sev_color[fd->severity] : "", sev_name[fd->severity],
	        d->color ? RESET : "", fd->message, r->id, r->name);
	if (fd->place != NULL)
		capture_place(d, fd->place);
	caret(d, fd);
	d->nresults++;
}

static void
text_none(struct diag *d)
{
	(void)d;
}

const struct diag_format diag_text = {"text", text_none, text_finding,
                                      text_none};
