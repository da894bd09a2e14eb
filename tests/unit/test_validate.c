/*
 * test_validate.c: libamidict's run-time validator (src/validate.c) on
 * tests/golden/small.xml, loaded with amid_dict_load: every problem kind
 * triggered, and not triggered by the nearest good message.  The reports
 * are pinned exactly (problem, field, name, and detail or facts where the
 * case says).  tests/run-c.sh compares this validator with the generated
 * ones on many more messages.  Run from the source root, as make does.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "amidict.h"
#include "suites.h"
#include "validate.h"

#define DICT "tests/golden/small.xml"
#define MAXF 16
#define MAXW 8
#define NONE ((size_t)-1) /* want.field: nfields */

/* A wanted report: problem, field, name; with a detail; with facts. */
#define W(p, f, n) {.problem = AMID_V_##p, .field = (f), .name = (n)}
#define WD(p, f, n, d)                                                      \
	{.problem = AMID_V_##p, .field = (f), .name = (n), .detail = (d)}
#define WF(p, f, n, rm, to)                                                 \
	{.problem = AMID_V_##p, .field = (f), .name = (n), .removed = (rm),  \
	 .renamed_to = (to)}

struct want {
	enum amid_problem problem;
	size_t field;
	const char *name, *detail, *removed, *renamed_to;
};

struct vcase {
	const char *name;
	const char *msg;         /* "Name: value" lines */
	const char *response_to; /* an action, or NULL */
	struct want want[MAXW];
	size_t nwant;
};

static const struct vcase cases[] = {
	/* first header */
	{"empty message", "", NULL, {W(FIRST_HEADER, 0, NULL)}, 1},
	{"first header not a type", "ActionID: 1\nAction: Status\n", NULL,
	 {W(FIRST_HEADER, 0, NULL)}, 1},
	{"first header a type", "Action: Status\nActionID: 1\n", NULL, {{0}}, 0},
	/* message names */
	{"unknown action", "Action: Dance\nChannel: PJSIP/1\n", NULL,
	 {W(UNKNOWN_ACTION, 0, NULL)}, 1},
	{"action in another case", "Action: sTaTuS\n", NULL, {{0}}, 0},
	{"unknown event", "Event: Nope\n", NULL,
	 {W(UNKNOWN_EVENT, 0, NULL)}, 1},
	{"event in another case",
	 "Event: statuscomplete\nEventList: Complete\nListItems: 1\n", NULL,
	 {W(MESSAGE_CASE, 0, "StatusComplete")}, 1},
	{"event in its case",
	 "Event: StatusComplete\nEventList: Complete\nListItems: 1\n", NULL,
	 {{0}}, 0},
	/* header names */
	{"unknown header", "Action: Status\nX-Foo: 1\n", NULL,
	 {W(UNKNOWN_HEADER, 1, NULL)}, 1},
	{"header in another case", "Action: Status\nCHANNEL: PJSIP/1\n", NULL,
	 {W(HEADER_CASE, 1, "Channel")}, 1},
	{"type header in another case", "ACTION: Status\n", NULL,
	 {W(HEADER_CASE, 0, "Action")}, 1},
	{"header not for the action", "Action: Status\nExten: 1\n", NULL,
	 {W(NOT_FOR_MESSAGE, 1, "Exten")}, 1},
	{"response: not for an unknown action",
	 "Response: Success\nExten: 1\n", NULL, {{0}}, 0},
	{"response to status: not for it", "Response: Success\nExten: 1\n",
	 "Status", {W(NOT_FOR_MESSAGE, 1, "Exten")}, 1},
	{"response to status: its field",
	 "Response: Success\nEventList: start\n", "Status", {{0}}, 0},
	/* repeats */
	{"repeated header", "Action: Status\nActionID: 1\nActionID: 2\n", NULL,
	 {W(REPEATED, 2, "ActionID")}, 1},
	{"repeatable header",
	 "Action: Originate\nChannel: PJSIP/1\nApplication: Echo\n"
	 "Variable: A=1\nVariable: B=2\n",
	 NULL, {W(DEPRECATED_MESSAGE, 0, "Originate")}, 1},
	/* values */
	{"bad value",
	 "Action: Originate\nChannel: PJSIP/1\nApplication: Echo\n"
	 "Async: enabled\n",
	 NULL,
	 {WD(BAD_VALUE, 3, "Async",
	   "Asterisk boolean (yes/true/y/t/1/on or no/false/n/f/0/off)"),
	  W(DEPRECATED_MESSAGE, 0, "Originate")},
	 2},
	{"good value",
	 "Action: Originate\nChannel: PJSIP/1\nApplication: Echo\n"
	 "Async: TRUE\n",
	 NULL, {W(DEPRECATED_MESSAGE, 0, "Originate")}, 1},
	{"empty value not checked", "Action: Status\nChannel:\n", NULL, {{0}},
	 0},
	{"range", "Event: StatusComplete\nEventList: start\nListItems: -1\n",
	 NULL, {WD(BAD_VALUE, 2, "ListItems", "integer >= 0")}, 1},
	{"enumeration", "Event: StatusComplete\nEventList: Done\nListItems: 0\n",
	 NULL, {WD(BAD_VALUE, 1, "EventList", "one of: start, Complete")},
	 1},
	/* required headers, groups and choices */
	{"missing required",
	 "Action: Originate\nExten: 1\nContext: c\nPriority: 1\n", NULL,
	 {W(MISSING_REQUIRED, NONE, "Channel"),
	  W(DEPRECATED_MESSAGE, 0, "Originate")},
	 2},
	{"empty required parameter",
	 "Action: Originate\nChannel:\nApplication: Echo\n", NULL,
	 {W(MISSING_REQUIRED, NONE, "Channel"),
	  W(DEPRECATED_MESSAGE, 0, "Originate")},
	 2},
	{"empty required event field", "Event: Status\nChannel:\nUniqueid: 1\n",
	 NULL, {{0}}, 0},
	{"missing required response field", "Response: Error\n", NULL,
	 {W(MISSING_REQUIRED, NONE, "Message")}, 1},
	{"incomplete group", "Action: Originate\nChannel: PJSIP/1\nExten: 1\n",
	 NULL,
	 {WD(INCOMPLETE_GROUP, NONE, "Context",
	   "dialplan: Exten, Context, Priority"),
	  WD(INCOMPLETE_GROUP, NONE, "Priority",
	   "dialplan: Exten, Context, Priority"),
	  W(DEPRECATED_MESSAGE, 0, "Originate")},
	 3},
	{"complete group",
	 "Action: Originate\nChannel: PJSIP/1\nExten: 1\nContext: c\n"
	 "Priority: n\n",
	 NULL, {W(DEPRECATED_MESSAGE, 0, "Originate")}, 1},
	{"no group", "Action: Originate\nChannel: PJSIP/1\n", NULL,
	 {WD(NO_GROUP, NONE, "Originate",
	   "dialplan: Exten, Context, Priority; application: Application, "
	   "Data"),
	  W(DEPRECATED_MESSAGE, 0, "Originate")},
	 2},
	{"conflicting groups",
	 "Action: Originate\nChannel: PJSIP/1\nExten: 1\nContext: c\n"
	 "Priority: 1\nApplication: Echo\n",
	 NULL,
	 {WD(CONFLICTING_GROUPS, NONE, "Originate",
	   "dialplan: Exten, Context, Priority; application: Application, "
	   "Data"),
	  W(DEPRECATED_MESSAGE, 0, "Originate")},
	 2},
	/* version facts */
	{"deprecated message and header", "Event: Link\nUniqueid1: 1.2\n", NULL,
	 {WF(DEPRECATED_HEADER, 1, "Uniqueid1", "12", "Uniqueid"),
	  WF(DEPRECATED_MESSAGE, 0, "Link", "1.6", "Bridge")},
	 2},
	{"current message and header", "Event: Status\nChannel: PJSIP/1-1\n"
	                               "Uniqueid: 1.2\n",
	 NULL, {{0}}, 0},
};

static struct amid_model *model;

static void
load(void)
{
	struct amid_errors errs;
	const char *paths[] = {DICT};

	amid_errors_init(&errs);
	if (amid_dict_load(paths, 1, &model, &errs) < 0)
		model = NULL;
	amid_errors_free(&errs);
}

static void
unload(void)
{
	amid_model_free(model);
	model = NULL;
}

/* What the callback saw; strings are copied (they live during it only). */
struct seen {
	struct amid_report r[MAXW + 4];
	char text[MAXW + 4][4][256];
	size_t n;
};

static const char *
copy(char *buf, const char *s)
{
	if (s == NULL)
		return NULL;
	snprintf(buf, 256, "%s", s);
	return buf;
}

static void
keep(void *ctx, const struct amid_report *r)
{
	struct seen *s = ctx;
	size_t k = s->n++;

	if (k >= sizeof(s->r) / sizeof(s->r[0]))
		return;
	s->r[k] = *r;
	s->r[k].name = copy(s->text[k][0], r->name);
	s->r[k].detail = copy(s->text[k][1], r->detail);
	s->r[k].removed = copy(s->text[k][2], r->removed);
	s->r[k].renamed_to = copy(s->text[k][3], r->renamed_to);
}

/* Splits "Name: value" lines in place, as Asterisk reads them. */
static size_t
parse(char *buf, struct amid_field *f)
{
	size_t n = 0;
	char *line, *save = NULL, *colon, *v;

	for (line = strtok_r(buf, "\n", &save); line && n < MAXF;
	     line = strtok_r(NULL, "\n", &save), n++) {
		colon = strchr(line, ':');
		f[n].name.ptr = line;
		f[n].name.len = colon ? (size_t)(colon - line) : strlen(line);
		for (v = colon ? colon + 1 : line + strlen(line); *v == ' ';
		     v++)
			;
		f[n].value.ptr = v;
		f[n].value.len = strlen(v);
	}
	return n;
}

static int
same(const char *a, const char *b)
{
	return (a == NULL && b == NULL) ||
	       (a != NULL && b != NULL && strcmp(a, b) == 0);
}

static void
check_report(const struct vcase *c, size_t i, const struct amid_report *r,
             size_t nf)
{
	const struct want *w = &c->want[i];

	ck_assert_msg(r->problem == w->problem, "%s: report %zu: problem %d",
	              c->name, i, (int)r->problem);
	ck_assert_msg(r->field == (w->field == NONE ? nf : w->field),
	              "%s: report %zu: field %zu", c->name, i, r->field);
	ck_assert_msg(same(r->name, w->name), "%s: report %zu: name %s",
	              c->name, i, r->name ? r->name : "NULL");
	if (w->detail != NULL)
		ck_assert_msg(same(r->detail, w->detail),
		              "%s: report %zu: detail %s", c->name, i,
		              r->detail ? r->detail : "NULL");
	if (w->removed != NULL || w->renamed_to != NULL)
		ck_assert_msg(same(r->removed, w->removed) &&
		                  same(r->renamed_to, w->renamed_to),
		              "%s: report %zu: facts", c->name, i);
}

START_TEST(test_case)
{
	const struct vcase *c = &cases[_i];
	const struct amid_message *a = NULL;
	struct amid_field f[MAXF];
	struct seen s = {.n = 0};
	char buf[512];
	size_t nf, got, i;

	ck_assert_msg(model != NULL, "cannot load " DICT
	                             " (run from the source root)");
	if (c->response_to != NULL)
		ck_assert_ptr_nonnull(a = amid_find_action(model, c->response_to));
	snprintf(buf, sizeof(buf), "%s", c->msg);
	nf = parse(buf, f);
	got = amid_validate_response(model, f, nf, a, keep, &s);
	ck_assert_msg(got == s.n && got == c->nwant, "%s: %zu reports",
	              c->name, got);
	for (i = 0; i < s.n; i++)
		check_report(c, i, &s.r[i], nf);
	/* Without a callback the count is the same. */
	ck_assert_uint_eq(amid_validate_response(model, f, nf, a, NULL, NULL),
	                  got);
}
END_TEST

/* amid_validate is amid_validate_response without an action. */
START_TEST(test_validate_is_response_without_action)
{
	struct amid_field f[MAXF];
	char buf[] = "Response: Success\nExten: 1\n";
	size_t nf = parse(buf, f);

	ck_assert_ptr_nonnull(model);
	ck_assert_uint_eq(amid_validate(model, f, nf, NULL, NULL), 0);
	ck_assert_uint_eq(amid_validate_response(model, f, nf,
	                                         amid_find_action(model, "Status"),
	                                         NULL, NULL),
	                  1);
}
END_TEST

#define NELEM(v) (int)(sizeof(v) / sizeof((v)[0]))

Suite *
suite_validate(void)
{
	Suite *s = suite_create("validate");
	TCase *tc = tcase_create("validate");

	tcase_add_unchecked_fixture(tc, load, unload);
	tcase_add_loop_test(tc, test_case, 0, NELEM(cases));
	tcase_add_test(tc, test_validate_is_response_without_action);
	suite_add_tcase(s, tc);
	return s;
}
