/*
 * diag_json.c: findings as JSON Lines, one object per finding, for
 * scripts and CI:
 *   {"file":..,"line":..,"column":..,"offset":..,"severity":..,
 *    "rule":"AMI0101","name":"bare-lf","category":..,"message":..}
 * No source text is included, so no secret can leak through it.  In a
 * packet capture, "connection", "connection_index", "direction" and
 * "frame" say where (line, column and offset are in that direction).
 */
#include "diag.h"
#include "esc_json.h"

static const char *const sev_name[] = {"note", "warning", "error"};

static void
capture_place(FILE *f, const struct lint_place *p)
{
	if (p->connection != NULL) {
		fputs(",\"connection\":", f);
		esc_json(f, p->connection);
	}
	if (p->index > 0)
		fprintf(f, ",\"connection_index\":%lu", p->index);
	if (p->direction != NULL)
		fprintf(f, ",\"direction\":\"%s\"", p->direction);
	if (p->frame > 0)
		fprintf(f, ",\"frame\":%llu", p->frame);
}

static void
json_finding(struct diag *d, const char *file, const struct lint_finding *fd)
{
	const struct rule_info *r = &rule_table[fd->rule];

	fputs("{\"file\":", d->f);
	esc_json(d->f, file);
	if (fd->line > 0)
		fprintf(d->f, ",\"line\":%lu", fd->line);
	if (fd->line > 0 && fd->col > 0)
		fprintf(d->f, ",\"column\":%zu", fd->col);
	if (fd->source != NULL || (fd->place != NULL && fd->place->has_offset))
		fprintf(d->f, ",\"offset\":%llu", fd->offset);
	if (fd->place != NULL)
		capture_place(d->f, fd->place);
	fprintf(d->f, ",\"severity\":\"%s\",\"rule\":\"%s\",\"name\":\"%s\","
	              "\"category\":\"%s\",\"message\":",
	        sev_name[fd->severity], r->id, r->name, r->category);
	esc_json(d->f, fd->message);
	fputs("}\n", d->f);
	d->nresults++;
}

static void
json_none(struct diag *d)
{
	(void)d;
}

const struct diag_format diag_json = {"json", json_none, json_finding,
                                      json_none};
