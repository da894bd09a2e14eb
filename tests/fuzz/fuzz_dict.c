/*
 * fuzz_dict.c: libFuzzer target for the dictionary loader: bytes -> files
 * -> amid_dict_load (dict_read.c, dict_merge.c, dict_link.c) -> model,
 * then the run-time validator (validate.c) over messages built from the
 * model's own names.  Everything is freed, so LeakSanitizer sees leaks.
 *
 * Two NUL bytes (never in a well-formed UTF-8 XML file) split the input
 * into several files, loaded in order, so merging is fuzzed too.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "amidict.h"
#include "validate.h"

#define MAX_FILES 4
#define MAX_MESSAGES 64

static char dir[] = "/tmp/fuzz_dict.XXXXXX";

static void
cleanup(void)
{
	char path[64];
	int i;

	for (i = 0; i < MAX_FILES; i++) {
		snprintf(path, sizeof(path), "%s/%d.xml", dir, i);
		unlink(path);
	}
	rmdir(dir);
}

static void
write_file(const char *path, const uint8_t *p, size_t n)
{
	FILE *f = fopen(path, "wb");

	if (f == NULL || fwrite(p, 1, n, f) != n || fclose(f) != 0)
		abort();
}

/* Splits the input at each "\0\0" into files; returns how many. */
static size_t
split(const uint8_t *data, size_t size, char paths[][64])
{
	size_t n = 0, start = 0, i;

	for (i = 0; n + 1 < MAX_FILES && i + 1 < size; i++)
		if (data[i] == 0 && data[i + 1] == 0) {
			snprintf(paths[n], 64, "%s/%zu.xml", dir, n);
			write_file(paths[n++], data + start, i - start);
			start = i + 2;
			i++;
		}
	snprintf(paths[n], 64, "%s/%zu.xml", dir, n);
	write_file(paths[n++], data + start, size - start);
	return n;
}

static void
on_report(void *ctx, const struct amid_report *r)
{
	size_t *count = ctx;

	/* Touch what the report hands over, as a caller would. */
	*count += (r->name ? strlen(r->name) : 0) +
	          (r->detail ? strlen(r->detail) : 0) +
	          (r->since ? strlen(r->since) : 0) +
	          (r->renamed_to ? strlen(r->renamed_to) : 0);
}

static struct amid_slice
slice(const char *s)
{
	struct amid_slice v = {s, s ? strlen(s) : 0};

	return v;
}

/* "<Kind>: name" and every header it uses, with value v. */
static void
check_message(const struct amid_model *m, const struct amid_message *msg,
              const char *kind, const char *v)
{
	struct amid_field f[65];
	size_t i, n = 1, count = 0;

	if (msg->name == NULL)
		return;
	f[0].name = slice(kind);
	f[0].value = slice(msg->name);
	for (i = 0; i < msg->nuses && n < 65; i++, n++) {
		f[n].name = slice(msg->uses[i].name);
		f[n].value = slice(v);
	}
	amid_validate(m, f, n, on_report, &count);
	if (msg->kind == AMID_ACTION) {
		f[0].name = slice("Response");
		f[0].value = slice("Success");
		amid_validate_response(m, f, n, msg, on_report, &count);
	}
}

static void
exercise(const struct amid_model *m)
{
	static const char *const values[] = {"1", "yes", "", "x,y=z"};
	size_t i;

	for (i = 0; i < m->nactions && i < MAX_MESSAGES; i++)
		check_message(m, &m->actions[i], "Action", values[i % 4]);
	for (i = 0; i < m->nevents && i < MAX_MESSAGES; i++)
		check_message(m, &m->events[i], "Event", values[i % 4]);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char paths[MAX_FILES][64];
	const char *argv[MAX_FILES];
	struct amid_errors errs;
	struct amid_model *m = (struct amid_model *)1;
	size_t n, i;
	int rc;
	static int ready;

	if (!ready) {
		if (mkdtemp(dir) == NULL)
			abort();
		atexit(cleanup);
		ready = 1;
	}
	n = split(data, size, paths);
	for (i = 0; i < n; i++)
		argv[i] = paths[i];
	amid_errors_init(&errs);
	rc = amid_dict_load(argv, n, &m, &errs);
	/* The contract of amidict.h: all or nothing, and errors say why. */
	if ((rc == 0) != (m != NULL) || (rc != 0 && errs.nerrors == 0 &&
	                                 !errs.nomem))
		abort();
	for (i = 0; i < errs.n; i++)
		if (errs.v[i].message == NULL || strlen(errs.v[i].message) == 0)
			abort();
	if (m != NULL)
		exercise(m);
	amid_model_free(m);
	amid_errors_free(&errs);
	return 0;
}
