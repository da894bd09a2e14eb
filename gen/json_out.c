/*
 * json_out.c: the JSON writer (see json_out.h).
 */
#include "json_out.h"

#include "esc_json.h"

void
json_init(struct json_out *j, FILE *f)
{
	j->f = f;
	j->depth = 0;
	j->first[0] = true;
}

/* Comma, newline and indentation before a member; then its key. */
static void
member(struct json_out *j, const char *key)
{
	int i;

	if (j->depth > 0) {
		fputs(j->first[j->depth] ? "\n" : ",\n", j->f);
		for (i = 0; i < j->depth; i++)
			fputs("  ", j->f);
	}
	j->first[j->depth] = false;
	if (key != NULL) {
		esc_json(j->f, key);
		fputs(": ", j->f);
	}
}

static void
open_(struct json_out *j, const char *key, int c)
{
	member(j, key);
	putc(c, j->f);
	if (j->depth + 1 < JSON_MAX_DEPTH)
		j->depth++;
	j->first[j->depth] = true;
}

static void
close_(struct json_out *j, int c)
{
	int i, empty = j->first[j->depth];

	if (j->depth > 0)
		j->depth--;
	if (!empty) {
		putc('\n', j->f);
		for (i = 0; i < j->depth; i++)
			fputs("  ", j->f);
	}
	putc(c, j->f);
	if (j->depth == 0)
		putc('\n', j->f);
}

void
json_begin_object(struct json_out *j, const char *key)
{
	open_(j, key, '{');
}

void
json_end_object(struct json_out *j)
{
	close_(j, '}');
}

void
json_begin_array(struct json_out *j, const char *key)
{
	open_(j, key, '[');
}

void
json_end_array(struct json_out *j)
{
	close_(j, ']');
}

void
json_string(struct json_out *j, const char *key, const char *value)
{
	member(j, key);
	esc_json(j->f, value);
}

void
json_opt_string(struct json_out *j, const char *key, const char *value)
{
	if (value != NULL)
		json_string(j, key, value);
}

void
json_bool(struct json_out *j, const char *key, bool value)
{
	member(j, key);
	fputs(value ? "true" : "false", j->f);
}

void
json_int(struct json_out *j, const char *key, long long value)
{
	member(j, key);
	fprintf(j->f, "%lld", value);
}
