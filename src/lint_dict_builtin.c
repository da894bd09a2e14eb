/*
 * lint_dict_builtin.c: amilint's built-in dictionary: the validators
 * amigen generated from dictionary/ at build time (amid_builtin.c), the
 * project eating its own output.
 */
#include <stddef.h>
#include <string.h>

#include "amid_builtin.h"
#include "lint_dict.h"

struct builtin_ctx {
	lint_report_fn fn;
	void *ctx;
};

static void
relay(void *arg, const struct amid_builtin_report *report)
{
	/*
	 * Read member by member (volatile): the report was just written so,
	 * and GCC would read neighbours two at a time, and such a read waits
	 * until both writes reach the cache.  One per header of a message.
	 */
	const volatile struct amid_builtin_report *r = report;
	struct builtin_ctx *b = arg;
	struct lint_report lr;

	_Static_assert((int)AMID_BUILTIN__MAX == (int)LP__MAX,
	               "generated problems and lint problems in step");
	lr.problem = (enum lint_problem)r->problem;
	lr.field = r->field;
	lr.name = r->name;
	lr.detail = r->detail;
	lr.since = r->since;
	lr.deprecated = r->deprecated;
	lr.removed = r->removed;
	lr.renamed_to = r->renamed_to;
	b->fn(b->ctx, &lr);
}

/*
 * lint_field and the generated field have the same members; copy rather
 * than cast, so neither layout depends on the other.  Laid out alike (as
 * they are; the compiler knows, and drops the other branch), the array is
 * copied whole: a message has a field per line.
 */
#define SAME_LAYOUT                                                        \
	(sizeof(struct lint_field) == sizeof(struct amid_builtin_field) &&   \
	 offsetof(struct lint_field, name) ==                                \
	     offsetof(struct amid_builtin_field, name.ptr) &&                \
	 offsetof(struct lint_field, name_len) ==                            \
	     offsetof(struct amid_builtin_field, name.len) &&                \
	 offsetof(struct lint_field, value) ==                               \
	     offsetof(struct amid_builtin_field, value.ptr) &&               \
	 offsetof(struct lint_field, value_len) ==                           \
	     offsetof(struct amid_builtin_field, value.len))

static size_t
builtin_validate(void *impl, const struct lint_field *f, size_t n,
                 int action, lint_report_fn fn, void *ctx)
{
	struct amid_builtin_field v[1024];
	struct builtin_ctx b = {fn, ctx};
	size_t i;

	(void)impl;
	if (n > sizeof(v) / sizeof(v[0]))
		n = sizeof(v) / sizeof(v[0]);
	if (SAME_LAYOUT)
		memcpy(v, f, n * sizeof(v[0]));
	else
		for (i = 0; i < n; i++) {
			v[i].name.ptr = f[i].name;
			v[i].name.len = f[i].name_len;
			v[i].value.ptr = f[i].value;
			v[i].value.len = f[i].value_len;
		}
	return amid_builtin_validate_response(v, n, action, relay, &b);
}

static int
builtin_action_lookup(void *impl, const char *name, size_t len)
{
	(void)impl;
	return amid_builtin_action_lookup(name, len);
}

static int
builtin_header_count(void *impl)
{
	(void)impl;
	return amid_builtin_header_count();
}

static const char *
builtin_header_name(void *impl, int id)
{
	(void)impl;
	return amid_builtin_header_name(id);
}

int
lint_dict_builtin(struct lint_dict *d)
{
	memset(d, 0, sizeof(*d));
	d->origin = "built-in";
	d->validate = builtin_validate;
	d->action_lookup = builtin_action_lookup;
	d->header_count = builtin_header_count;
	d->header_name = builtin_header_name;
	return 0;
}
