/*
 * test_model.c: names of the model's enumerations and look-ups on a
 * linked model (src/model.c).  The model is built by hand, sorted the way
 * the linker sorts it, so these tests do not depend on the loader.
 */
#include <string.h>

#include "model.h"
#include "suites.h"

/* Sorted ignoring case, as the linker leaves them. */
static struct amid_header headers[] = {
	{.name = "ActionID"},
	{.name = "Address-IP"},
	{.name = "CallerIDNum"},
	{.name = "Channel"},
	{.name = "Status"},
	{.name = "Uniqueid"},
	{.name = "Variable"},
};
static struct amid_class classes[] = {
	{.name = "agent"}, {.name = "call"}, {.name = "system"},
};
/* Actions ignoring case; events and responses exactly (strcmp order). */
static struct amid_message actions[] = {
	{.kind = AMID_ACTION, .name = "AbsoluteTimeout"},
	{.kind = AMID_ACTION, .name = "Hangup"},
	{.kind = AMID_ACTION, .name = "Originate"},
	{.kind = AMID_ACTION, .name = "Ping"},
	{.kind = AMID_ACTION, .name = "SIPpeers"},
};
static struct amid_message events[] = {
	{.kind = AMID_EVENT, .name = "Hangup"},
	{.kind = AMID_EVENT, .name = "Newchannel"},
	{.kind = AMID_EVENT, .name = "PeerStatus"},
	{.kind = AMID_EVENT, .name = "Shutdown"},
	{.kind = AMID_EVENT, .name = "newchannel"},
};

static struct amid_model model = {
	.headers = headers,
	.nheaders = sizeof(headers) / sizeof(headers[0]),
	.classes = classes,
	.nclasses = sizeof(classes) / sizeof(classes[0]),
	.actions = actions,
	.nactions = sizeof(actions) / sizeof(actions[0]),
	.events = events,
	.nevents = sizeof(events) / sizeof(events[0]),
};

/* Every header is found by its own name, upper case and lower case. */
START_TEST(test_find_header_every)
{
	size_t i;

	for (i = 0; i < model.nheaders; i++) {
		char up[64], low[64];
		size_t k;

		for (k = 0; headers[i].name[k] != '\0'; k++) {
			char c = headers[i].name[k];

			up[k] = c >= 'a' && c <= 'z' ? (char)(c - 32) : c;
			low[k] = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
		}
		up[k] = low[k] = '\0';
		ck_assert_ptr_eq(amid_find_header(&model, headers[i].name),
		                 &headers[i]);
		ck_assert_ptr_eq(amid_find_header(&model, up), &headers[i]);
		ck_assert_ptr_eq(amid_find_header(&model, low), &headers[i]);
	}
}
END_TEST

/* The entry found carries the canonical spelling, not the one asked. */
START_TEST(test_find_header_canonical)
{
	const struct amid_header *h = amid_find_header(&model, "CALLERIDNUM");

	ck_assert_ptr_nonnull(h);
	ck_assert_str_eq(h->name, "CallerIDNum");
	h = amid_find_header(&model, "uniqueID");
	ck_assert_ptr_nonnull(h);
	ck_assert_str_eq(h->name, "Uniqueid");
}
END_TEST

START_TEST(test_find_header_absent)
{
	static const char *const absent[] = {
		"", "AAA", "Action", "ActionIDs", "Channel1", "Chan",
		"Zzz", "Status ", " Status", "Address_IP",
	};
	size_t i;

	for (i = 0; i < sizeof(absent) / sizeof(absent[0]); i++)
		ck_assert_msg(amid_find_header(&model, absent[i]) == NULL,
		              "'%s' found", absent[i]);
}
END_TEST

START_TEST(test_find_header_empty_model)
{
	struct amid_model empty = {0};

	ck_assert_ptr_null(amid_find_header(&empty, "Status"));
	ck_assert_ptr_null(amid_find_action(&empty, "Ping"));
	ck_assert_ptr_null(amid_find_event(&empty, "Hangup"));
	ck_assert_ptr_null(amid_find_class(&empty, "call"));
}
END_TEST

START_TEST(test_find_action)
{
	size_t i;

	for (i = 0; i < model.nactions; i++)
		ck_assert_ptr_eq(amid_find_action(&model, actions[i].name),
		                 &actions[i]);
	ck_assert_ptr_eq(amid_find_action(&model, "sippeers"), &actions[4]);
	ck_assert_ptr_eq(amid_find_action(&model, "PING"), &actions[3]);
	ck_assert_str_eq(amid_find_action(&model, "hangup")->name, "Hangup");
	ck_assert_ptr_null(amid_find_action(&model, "Pong"));
	ck_assert_ptr_null(amid_find_action(&model, "A"));
	ck_assert_ptr_null(amid_find_action(&model, "Zap"));
}
END_TEST

/* Event names are matched exactly: Newchannel and newchannel differ. */
START_TEST(test_find_event_exact)
{
	size_t i;

	for (i = 0; i < model.nevents; i++)
		ck_assert_ptr_eq(amid_find_event(&model, events[i].name),
		                 &events[i]);
	ck_assert_ptr_eq(amid_find_event(&model, "newchannel"), &events[4]);
	ck_assert_ptr_eq(amid_find_event(&model, "Newchannel"), &events[1]);
	ck_assert_ptr_null(amid_find_event(&model, "NEWCHANNEL"));
	ck_assert_ptr_null(amid_find_event(&model, "hangup"));
	ck_assert_ptr_null(amid_find_event(&model, "peerstatus"));
	ck_assert_ptr_null(amid_find_event(&model, "Hangups"));
}
END_TEST

START_TEST(test_find_class)
{
	ck_assert_ptr_eq(amid_find_class(&model, "call"), &classes[1]);
	ck_assert_ptr_eq(amid_find_class(&model, "CALL"), &classes[1]);
	ck_assert_ptr_eq(amid_find_class(&model, "agent"), &classes[0]);
	ck_assert_ptr_eq(amid_find_class(&model, "System"), &classes[2]);
	ck_assert_ptr_null(amid_find_class(&model, "dialplan"));
}
END_TEST

static const char *const type_names[AMID_T__MAX] = {
	"string",   "integer",  "bool",      "yesno",      "enum",
	"classlist", "eventmask", "channel",  "dialstring", "uniqueid",
	"actionid", "timestamp", "datetime", "seconds",    "milliseconds",
	"variable", "ipaddr",   "port",      "priority",
};

/* Every type has the schema's name, and the name maps back to it. */
START_TEST(test_type_round_trip)
{
	enum amid_type t = AMID_T__MAX;

	ck_assert_str_eq(amid_type_name((enum amid_type)_i), type_names[_i]);
	ck_assert_int_eq(amid_type_from_name(type_names[_i], &t), 0);
	ck_assert_int_eq(t, _i);
}
END_TEST

START_TEST(test_type_unknown)
{
	enum amid_type t = AMID_T_PORT;

	ck_assert_int_eq(amid_type_from_name("number", &t), -1);
	ck_assert_int_eq(amid_type_from_name("", &t), -1);
	ck_assert_int_eq(amid_type_from_name("String", &t), -1);
	ck_assert_int_eq(amid_type_from_name("enum ", &t), -1);
	ck_assert_int_eq(t, AMID_T_PORT); /* untouched on failure */
	ck_assert_str_eq(amid_type_name(AMID_T__MAX), "?");
	ck_assert_str_eq(amid_type_name((enum amid_type)-1), "?");
}
END_TEST

START_TEST(test_source_and_kind_names)
{
	ck_assert_str_eq(amid_source_name(AMID_SRC_NONE), "");
	ck_assert_str_eq(amid_source_name(AMID_SRC_SEED), "seed");
	ck_assert_str_eq(amid_source_name(AMID_SRC_ASTERISK), "asterisk");
	ck_assert_str_eq(amid_source_name(AMID_SRC_WIRE), "wire");
	ck_assert_str_eq(amid_source_name(AMID_SRC__MAX), "?");
	ck_assert_str_eq(amid_kind_name(AMID_ACTION), "action");
	ck_assert_str_eq(amid_kind_name(AMID_EVENT), "event");
	ck_assert_str_eq(amid_kind_name(AMID_RESPONSE), "response");
	ck_assert_str_eq(amid_kind_name(AMID_KIND__MAX), "?");
}
END_TEST

START_TEST(test_meaning_label)
{
	struct amid_header h = {.name = "Status"};
	struct amid_meaning keyed = {.key = "registry", .header = &h};
	struct amid_meaning plain = {.key = NULL, .header = &h};
	char buf[64];

	ck_assert_int_eq(amid_meaning_label(&keyed, buf, sizeof(buf)), 15);
	ck_assert_str_eq(buf, "Status/registry");
	ck_assert_int_eq(amid_meaning_label(&plain, buf, sizeof(buf)), 6);
	ck_assert_str_eq(buf, "Status");
}
END_TEST

/* Like snprintf: truncated to fit, the full length returned. */
START_TEST(test_meaning_label_truncated)
{
	struct amid_header h = {.name = "Status"};
	struct amid_meaning keyed = {.key = "registry", .header = &h};
	char buf[8];

	memset(buf, 'x', sizeof(buf));
	ck_assert_int_eq(amid_meaning_label(&keyed, buf, sizeof(buf)), 15);
	ck_assert_str_eq(buf, "Status/");
	ck_assert_int_eq(amid_meaning_label(&keyed, NULL, 0), 15);
}
END_TEST

START_TEST(test_model_free_null)
{
	amid_model_free(NULL);
}
END_TEST

Suite *
suite_model(void)
{
	Suite *s = suite_create("model");
	TCase *tc = tcase_create("model");

	tcase_add_test(tc, test_find_header_every);
	tcase_add_test(tc, test_find_header_canonical);
	tcase_add_test(tc, test_find_header_absent);
	tcase_add_test(tc, test_find_header_empty_model);
	tcase_add_test(tc, test_find_action);
	tcase_add_test(tc, test_find_event_exact);
	tcase_add_test(tc, test_find_class);
	tcase_add_loop_test(tc, test_type_round_trip, 0, AMID_T__MAX);
	tcase_add_test(tc, test_type_unknown);
	tcase_add_test(tc, test_source_and_kind_names);
	tcase_add_test(tc, test_meaning_label);
	tcase_add_test(tc, test_meaning_label_truncated);
	tcase_add_test(tc, test_model_free_null);
	suite_add_tcase(s, tc);
	return s;
}
