/*
 * callback.c: the example of docs/custom-actions.md.  Checks two
 * CallbackRequest actions with the validators amigen generated from
 * dictionary/ plus private.xml (module "mycorp", see the Makefile here),
 * and prints each problem as a linter would.  Exits 0 when the good
 * message passes and the bad one does not.
 */
#include <stdio.h>
#include <string.h>

#include "mycorp.h"

#define MAXF 64

static const char *const problem_text[MYCORP__MAX] = {
	[MYCORP_FIRST_HEADER] = "first header is not Action, Event or Response",
	[MYCORP_UNKNOWN_ACTION] = "unknown action",
	[MYCORP_UNKNOWN_EVENT] = "unknown event",
	[MYCORP_MESSAGE_CASE] = "event name in another case",
	[MYCORP_UNKNOWN_HEADER] = "unknown header",
	[MYCORP_HEADER_CASE] = "header name in another case",
	[MYCORP_NOT_FOR_MESSAGE] = "header not for this message",
	[MYCORP_REPEATED] = "header repeated",
	[MYCORP_BAD_VALUE] = "bad value",
	[MYCORP_MISSING_REQUIRED] = "required header missing",
	[MYCORP_INCOMPLETE_GROUP] = "group incomplete",
	[MYCORP_NO_GROUP] = "none of the groups used",
	[MYCORP_CONFLICTING_GROUPS] = "more than one group used",
	[MYCORP_DEPRECATED_MESSAGE] = "message has version notes",
	[MYCORP_DEPRECATED_HEADER] = "header has version notes",
};

/*
 * Splits wire text into fields: "Name: value" lines ended by CRLF; the
 * value starts after the blanks that follow the colon.  The fields point
 * into text, which must outlive them.
 */
static size_t
split(const char *text, struct mycorp_field *f, size_t max)
{
	size_t n = 0;

	while (*text != '\0' && n < max) {
		const char *end = strstr(text, "\r\n"), *colon, *v;

		if (end == NULL)
			end = text + strlen(text);
		colon = memchr(text, ':', (size_t)(end - text));
		f[n].name.ptr = text;
		f[n].name.len = (size_t)((colon ? colon : end) - text);
		for (v = colon ? colon + 1 : end; v < end && *v == ' '; v++)
			;
		f[n].value.ptr = v;
		f[n].value.len = (size_t)(end - v);
		n++;
		text = *end ? end + 2 : end;
	}
	return n;
}

struct message {
	struct mycorp_field f[MAXF];
	size_t n;
};

/* The report callback; ctx is the message, to quote the field concerned. */
static void
print_problem(void *ctx, const struct mycorp_report *r)
{
	const struct message *m = ctx;

	printf("  %s", problem_text[r->problem]);
	if (r->name != NULL)
		printf(": %s", r->name);
	if (r->field < m->n) /* n when no field is concerned */
		printf(" (field %zu, \"%.*s: %.*s\")", r->field,
		       (int)m->f[r->field].name.len, m->f[r->field].name.ptr,
		       (int)m->f[r->field].value.len, m->f[r->field].value.ptr);
	if (r->detail != NULL)
		printf("; expected %s", r->detail);
	if (r->removed != NULL)
		printf("; removed in %s", r->removed);
	putchar('\n');
}

static size_t
check(const char *title, const char *text)
{
	struct message m;
	size_t problems;

	m.n = split(text, m.f, MAXF);
	printf("%s:\n", title);
	problems = mycorp_validate(m.f, m.n, print_problem, &m);
	if (problems == 0)
		puts("  no problems");
	return problems;
}

int
main(void)
{
	size_t good = check("a good request",
	                    "Action: CallbackRequest\r\n"
	                    "ActionID: cb-1\r\n"
	                    "Channel: PJSIP/200\r\n"
	                    "CallbackDelay: 30\r\n"
	                    "Context: default\r\n"
	                    "Exten: 200\r\n"
	                    "Priority: 1\r\n");
	size_t bad = check("a bad request",
	                   "Action: CallbackRequest\r\n"
	                   "callbackdelay: 7200\r\n"
	                   "Priority: 0\r\n"
	                   "Timeout: 30000\r\n");

	return good == 0 && bad > 0 ? 0 : 1;
}
