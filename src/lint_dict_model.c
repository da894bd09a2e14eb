/*
 * lint_dict_model.c: the dictionary of `amilint --dictionary FILE...`:
 * loaded now by libamidict and checked with its run-time validator
 * (validate.c), which has the semantics of the generated validators.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "amidict.h"
#include "lint_dict.h"
#include "validate.h"

struct model_dict {
	struct amid_model *m;
	struct amid_field fields[1024];
	lint_report_fn fn;
	void *ctx;
};

/* The run-time report in lint terms: same members, same order. */
static void
relay(void *arg, const struct amid_report *r)
{
	struct model_dict *d = arg;
	struct lint_report lr;

	_Static_assert((int)AMID_V__MAX == (int)LP__MAX,
	               "validator problems and lint problems in step");
	lr.problem = (enum lint_problem)r->problem;
	lr.field = r->field;
	lr.name = r->name;
	lr.detail = r->detail;
	lr.since = r->since;
	lr.deprecated = r->deprecated;
	lr.removed = r->removed;
	lr.renamed_to = r->renamed_to;
	d->fn(d->ctx, &lr);
}

static size_t
model_validate(void *impl, const struct lint_field *f, size_t n, int action,
               lint_report_fn fn, void *ctx)
{
	struct model_dict *d = impl;
	size_t i;

	if (n > sizeof(d->fields) / sizeof(d->fields[0]))
		n = sizeof(d->fields) / sizeof(d->fields[0]);
	for (i = 0; i < n; i++) {
		d->fields[i].name.ptr = f[i].name;
		d->fields[i].name.len = f[i].name_len;
		d->fields[i].value.ptr = f[i].value;
		d->fields[i].value.len = f[i].value_len;
	}
	d->fn = fn;
	d->ctx = ctx;
	if (action >= 0)
		return amid_validate_response(d->m, d->fields, n,
		                              &d->m->actions[action], relay, d);
	return amid_validate(d->m, d->fields, n, relay, d);
}

static int
model_action_lookup(void *impl, const char *name, size_t len)
{
	struct model_dict *d = impl;
	const struct amid_message *a = amid_find_action_n(d->m, name, len);

	return a != NULL ? (int)(a - d->m->actions) : -1;
}

static int
model_header_count(void *impl)
{
	return (int)((struct model_dict *)impl)->m->nheaders;
}

static const char *
model_header_name(void *impl, int id)
{
	return ((struct model_dict *)impl)->m->headers[id].name;
}

static void
model_free(void *impl)
{
	struct model_dict *d = impl;

	amid_model_free(d->m);
	free(d);
}

int
lint_dict_load(struct lint_dict *ld, const char *const *paths, size_t n)
{
	struct amid_errors errs;
	struct model_dict *d = calloc(1, sizeof(*d));
	size_t i;
	int rc;

	if (d == NULL)
		return -1;
	amid_errors_init(&errs);
	rc = amid_dict_load(paths, n, &d->m, &errs);
	for (i = 0; i < errs.n; i++)
		if (errs.v[i].severity == AMID_ERROR)
			fprintf(stderr, "%s:%lu: error: %s\n",
			        errs.v[i].file ? errs.v[i].file : "amilint",
			        errs.v[i].line, errs.v[i].message);
	amid_errors_free(&errs);
	if (rc < 0) {
		free(d);
		return -1;
	}
	memset(ld, 0, sizeof(*ld));
	ld->origin = paths[0];
	ld->impl = d;
	ld->validate = model_validate;
	ld->action_lookup = model_action_lookup;
	ld->header_count = model_header_count;
	ld->header_name = model_header_name;
	ld->free = model_free;
	return 0;
}
