/*
 * json_out.h: a small pretty-printing JSON writer (indentation and commas
 * handled here, escaping by esc_json.c), so back-ends only say what to
 * write.  Keys are NULL inside arrays.
 */
#ifndef AMIGEN_JSON_OUT_H
#define AMIGEN_JSON_OUT_H

#include <stdbool.h>
#include <stdio.h>

#define JSON_MAX_DEPTH 32

struct json_out {
	FILE *f;
	int depth;
	bool first[JSON_MAX_DEPTH]; /* nothing written yet at this depth */
};

void json_init(struct json_out *, FILE *);
void json_begin_object(struct json_out *, const char *key);
void json_end_object(struct json_out *);
void json_begin_array(struct json_out *, const char *key);
void json_end_array(struct json_out *);
void json_string(struct json_out *, const char *key, const char *value);
/* Skipped when value is NULL. */
void json_opt_string(struct json_out *, const char *key, const char *value);
void json_bool(struct json_out *, const char *key, bool value);
void json_int(struct json_out *, const char *key, long long value);

#endif
