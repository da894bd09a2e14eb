/*
 * diag_sarif.c: findings as one SARIF 2.1.0 log, written as they come
 * (the rule metadata first, then each result), so memory does not grow
 * with the number of findings.  Rule metadata comes from the catalogue
 * (rule_table); results carry regions with line, column and byte offset,
 * and partialFingerprints that survive lines moving.  A finding in a
 * packet capture names the capture as its artifact; its region is in one
 * direction of one connection, which the result's properties name
 * (connection, connectionIndex, direction, frame).
 */
#include <stdint.h>
#include <string.h>

#include "amidict.h"
#include "diag.h"
#include "esc_json.h"

static const char *const level[] = {"note", "warning", "error"};

static void
key(FILE *f, const char *k)
{
	fprintf(f, "\"%s\":", k);
}

static void
text_member(FILE *f, const char *k, const char *v)
{
	key(f, k);
	fputs("{\"text\":", f);
	esc_json(f, v != NULL ? v : "");
	fputs("}", f);
}

/* The rule's help in Markdown: explanation, then its bad and good examples. */
static void
help(FILE *f, const struct rule_info *r)
{
	char buf[8192];

	snprintf(buf, sizeof(buf),
	         "%s\n\nExample that triggers it:\n\n```\n%s\n```\n\n"
	         "Fixed:\n\n```\n%s\n```\n",
	         r->description, r->bad, r->good);
	key(f, "help");
	fputs("{\"text\":", f);
	esc_json(f, r->description);
	fputs(",\"markdown\":", f);
	esc_json(f, buf);
	fputs("}", f);
}

static void
rule(FILE *f, const struct rule_info *r)
{
	fputs("{\"id\":", f);
	esc_json(f, r->id);
	fputs(",\"name\":", f);
	esc_json(f, r->name);
	fputs(",", f);
	text_member(f, "shortDescription", r->summary);
	fputs(",", f);
	text_member(f, "fullDescription", r->description);
	fputs(",", f);
	help(f, r);
	fprintf(f, ",\"defaultConfiguration\":{\"level\":\"%s\"}",
	        level[r->severity]);
	fputs(",\"properties\":{\"category\":", f);
	esc_json(f, r->category);
	fputs(",\"tags\":[", f);
	esc_json(f, r->category);
	fputs("]}}", f);
}

static void
sarif_begin(struct diag *d)
{
	size_t i;

	fputs("{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\","
	      "\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{"
	      "\"name\":\"amilint\",\"version\":\"" AMIDICT_VERSION "\","
	      "\"informationUri\":\"https://github.com/amidict/amidict\","
	      "\"rules\":[",
	      d->f);
	for (i = 0; i < RULE__COUNT; i++) {
		fputs(i ? ",\n" : "\n", d->f);
		rule(d->f, &rule_table[i]);
	}
	fputs("]}},\"columnKind\":\"unicodeCodePoints\",\"results\":[", d->f);
}

static uint64_t
fnv(uint64_t h, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
	return (h ^ 0xff) * 1099511628211ULL;
}

/* Rule, file and the line's text (redacted), not its number. */
static uint64_t
fingerprint(const char *file, const struct lint_finding *fd)
{
	const struct rule_info *r = &rule_table[fd->rule];
	uint64_t h = 14695981039346656037ULL;

	h = fnv(h, r->id, strlen(r->id));
	h = fnv(h, file, strlen(file));
	if (fd->source == NULL)
		return fnv(h, fd->message, strlen(fd->message));
	if (fd->redact_len > 0)
		return fnv(h, fd->source->ptr, fd->redact_from);
	return fnv(h, fd->source->ptr, fd->source->len);
}

/* amilint counts columns in bytes; SARIF here in code points. */
static size_t
code_point_column(const struct lint_finding *fd)
{
	size_t i, col = 1;

	if (fd->source == NULL)
		return fd->col;
	for (i = 0; i + 1 < fd->col && i < fd->source->len; i++)
		if (((unsigned char)fd->source->ptr[i] & 0xc0) != 0x80)
			col++;
	return col + (fd->col - 1 - i);
}

static void
location(FILE *f, const char *file, const struct lint_finding *fd)
{
	fputs("\"locations\":[{\"physicalLocation\":{\"artifactLocation\":"
	      "{\"uri\":",
	      f);
	esc_json(f, file);
	fputs("}", f);
	if (fd->line > 0) {
		fprintf(f, ",\"region\":{\"startLine\":%lu", fd->line);
		if (fd->col > 0)
			fprintf(f, ",\"startColumn\":%zu",
			        code_point_column(fd));
		if (fd->source != NULL)
			fprintf(f, ",\"byteOffset\":%llu,\"byteLength\":%zu",
			        fd->offset, fd->source->len);
		else if (fd->place != NULL && fd->place->has_offset)
			fprintf(f, ",\"byteOffset\":%llu", fd->offset);
		fputs("}", f);
	}
	fputs("}}]", f);
}

static void
properties(FILE *f, const struct lint_place *p)
{
	const char *sep = "";

	fputs(",\"properties\":{", f);
	if (p->connection != NULL) {
		fputs("\"connection\":", f);
		esc_json(f, p->connection);
		sep = ",";
	}
	if (p->index > 0) {
		fprintf(f, "%s\"connectionIndex\":%lu", sep, p->index);
		sep = ",";
	}
	if (p->direction != NULL) {
		fprintf(f, "%s\"direction\":\"%s\"", sep, p->direction);
		sep = ",";
	}
	if (p->frame > 0)
		fprintf(f, "%s\"frame\":%llu", sep, p->frame);
	fputs("}", f);
}

static void
sarif_finding(struct diag *d, const char *file, const struct lint_finding *fd)
{
	uint64_t fp = fingerprint(file, fd);
	unsigned n = ++d->fp_counts[fp % DIAG_NCOUNT];

	fputs(d->nresults ? ",\n" : "\n", d->f);
	fprintf(d->f, "{\"ruleId\":\"%s\",\"ruleIndex\":%d,\"level\":\"%s\",",
	        rule_table[fd->rule].id, (int)fd->rule, level[fd->severity]);
	text_member(d->f, "message", fd->message);
	fputs(",", d->f);
	location(d->f, file, fd);
	fprintf(d->f,
	        ",\"partialFingerprints\":{\"primaryLocationLineHash\":"
	        "\"%016llx:%u\"}",
	        (unsigned long long)fp, n);
	if (fd->place != NULL)
		properties(d->f, fd->place);
	fputs("}", d->f);
	d->nresults++;
}

static void
sarif_end(struct diag *d)
{
	fputs("\n]}]}\n", d->f);
}

const struct diag_format diag_sarif = {"sarif", sarif_begin, sarif_finding,
                                       sarif_end};
