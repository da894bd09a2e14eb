/*
 * test_dict_read_asterisk.c: the reader of Asterisk's own documentation
 * (src/dict_read_asterisk.c) through amid_dict_load: small <docs> files
 * written to a temporary directory, loaded, and the model or the exact
 * warnings checked.  Most tests are tables of cases.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "amidict.h"
#include "suites.h"

/* Two lines: what a test writes starts on line 3. */
#define HEAD                                                                  \
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                        \
	"<docs xmlns:xi=\"http://www.w3.org/2001/XInclude\">\n"
#define TAIL "</docs>\n"
#define NELEM(v) (int)(sizeof(v) / sizeof((v)[0]))

static char dir[] = "/tmp/amidict-asterisk-XXXXXX";
static int oldcwd = -1;
static struct amid_model *model;
static struct amid_errors errs;

static void
setup(void)
{
	ck_assert_ptr_nonnull(mkdtemp(dir));
	oldcwd = open(".", O_RDONLY);
	ck_assert_int_ge(oldcwd, 0);
	ck_assert_int_eq(chdir(dir), 0);
	model = NULL;
	amid_errors_init(&errs);
}

static void
teardown(void)
{
	amid_model_free(model);
	model = NULL;
	amid_errors_free(&errs);
	unlink("doc.xml");
	unlink("secret.xml");
	if (oldcwd >= 0) {
		if (fchdir(oldcwd) != 0)
			perror("fchdir");
		close(oldcwd);
		oldcwd = -1;
	}
	rmdir(dir);
	memcpy(dir + strlen(dir) - 6, "XXXXXX", 6);
}

/* Writes HEAD body TAIL to doc.xml and loads it. */
static int
load(const char *body)
{
	const char *path = "doc.xml";
	FILE *f = fopen(path, "w");
	int rc;

	ck_assert_ptr_nonnull(f);
	fputs(HEAD, f);
	fputs(body, f);
	fputs(TAIL, f);
	ck_assert_int_eq(fclose(f), 0);
	rc = amid_dict_load(&path, 1, &model, &errs);
	if (rc == 0)
		ck_assert_ptr_nonnull(model);
	return rc;
}

/* All reports, one per line, as "line: severity: message". */
static void
reports(char *buf, size_t size)
{
	size_t i, n = 0;

	buf[0] = '\0';
	for (i = 0; i < errs.n && n < size; i++)
		n += (size_t)snprintf(buf + n, size - n, "%lu: %s: %s\n",
		                      errs.v[i].line,
		                      errs.v[i].severity == AMID_ERROR
		                          ? "error"
		                          : "warning",
		                      errs.v[i].message);
}

/* "Name,Name/key,Name*" for the uses of msg (* when required). */
static void
uses(const struct amid_message *msg, char *buf, size_t size)
{
	size_t i, n = 0;

	buf[0] = '\0';
	for (i = 0; i < msg->nuses && n < size; i++)
		n += (size_t)snprintf(buf + n, size - n, "%s%s%s%s%s",
		                      i ? "," : "", msg->uses[i].name,
		                      msg->uses[i].meaning_key ? "/" : "",
		                      msg->uses[i].meaning_key
		                          ? msg->uses[i].meaning_key
		                          : "",
		                      msg->uses[i].required ? "*" : "");
}

static void
check_str(const char *what, const char *got, const char *want)
{
	int same = (got == NULL || want == NULL) ? got == want
	                                          : strcmp(got, want) == 0;

	if (!same)
		fprintf(stderr, "%s:\n got: %s\nwant: %s\n", what,
		        got ? got : "(null)", want ? want : "(null)");
	ck_assert_msg(same, "%s", what);
}

/* ---- prose: Asterisk's markup -> CommonMark ----------------------------- */

static const struct {
	const char *name, *xml, *want;
} prose_cases[] = {
	{"para", "<para>Hello.</para>", "Hello."},
	{"paragraphs", "<para>One.</para><para>Two.</para>", "One.\n\nTwo."},
	{"blanks collapse", "<para>  a\n\t\tb  </para>", "a b"},
	{"literal", "<para>Say <literal>yes</literal>.</para>", "Say `yes`."},
	{"literal with backtick", "<para><literal>a`b</literal></para>",
	 "``a`b``"},
	{"replaceable", "<para><replaceable>Exten</replaceable>s</para>",
	 "*Exten*s"},
	{"filename and variable",
	 "<para><filename>a.conf</filename> <variable>X</variable></para>",
	 "`a.conf` `X`"},
	{"specials", "<para>a*b [c] &lt;d&gt; `e` \\f</para>",
	 "a\\*b \\[c\\] \\<d\\> \\`e\\` \\\\f"},
	{"underscore inside a word", "<para>EVENT_FLAG_CALL</para>",
	 "EVENT_FLAG_CALL"},
	{"underscore at a word's edge", "<para>_x_</para>", "\\_x\\_"},
	{"entity-like", "<para>&amp;copy; AT&amp;T &amp; co</para>",
	 "\\&copy; AT\\&T & co"},
	{"list-like start", "<para>- no</para>", "\\- no"},
	{"ordered-like start", "<para>12. no</para>", "12\\. no"},
	{"heading-like start", "<para># no</para>", "\\# no"},
	{"note", "<note><para>Careful.</para><para>Again.</para></note>",
	 "**Note:** Careful.\n\nAgain."},
	{"warning", "<warning><para>Danger.</para></warning>",
	 "**Warning:** Danger."},
	{"example", "<example title=\"t\">\n\t\tAction: Ping\n\t\t  X: y\n\t</example>",
	 "```\nAction: Ping\n  X: y\n```"},
	{"example with fences", "<example>a ``` b</example>",
	 "````\na ``` b\n````"},
	{"variablelist",
	 "<variablelist><variable name=\"A\"><para>First.</para></variable>"
	 "<variable name=\"B\"/><variable name=\"C\"><para>One of</para>"
	 "<value name=\"x\"/><value name=\"y\">Why.</value></variable>"
	 "</variablelist>",
	 "- `A`: First.\n- `B`\n- `C`: One of `x` `y`"},
	{"enumlist", "<para>Pick:</para><enumlist><enum name=\"x\"><para>X."
	             "</para></enum></enumlist><para>After.</para>",
	 "Pick:\n\n- `x`: X.\n\nAfter."},
	{"empty", "<para>  </para>", NULL},
};

START_TEST(test_prose)
{
	char body[1024];
	const struct amid_message *a;

	snprintf(body, sizeof(body),
	         "<manager name=\"A\"><description>%s</description></manager>\n",
	         prose_cases[_i].xml);
	ck_assert_int_eq(load(body), 0);
	ck_assert_ptr_nonnull(a = amid_find_action(model, "A"));
	check_str(prose_cases[_i].name, a->description, prose_cases[_i].want);
}
END_TEST

/* Synopsis, description and see-also, in that order. */
START_TEST(test_prose_parts)
{
	const struct amid_message *a;

	ck_assert_int_eq(
	    load("<manager name=\"A\"><synopsis>Short.</synopsis>"
	         "<description><para>Long.</para></description><see-also>"
	         "<ref type=\"manager\">B</ref><ref type=\"managerEvent\">C"
	         "</ref><ref type=\"function\">D</ref></see-also></manager>\n"),
	    0);
	ck_assert_ptr_nonnull(a = amid_find_action(model, "A"));
	check_str("parts", a->description,
	          "Short.\n\nLong.\n\nSee also: `B` (action), `C` (event), "
	          "`D` (function).");
	ck_assert_int_eq(a->source, AMID_SRC_ASTERISK);
}
END_TEST

/* ---- xi:include ----------------------------------------------------------- */

/* Action B includes from action A, event E or the configuration. */
#define SOURCES                                                               \
	"<manager name=\"A\"><syntax>"                                         \
	"<parameter name=\"P\" required=\"true\"><para>First.</para>"          \
	"<para>Second.</para><enumlist><enum name=\"v\"/></enumlist>"          \
	"</parameter><parameter name=\"Q\"/></syntax></manager>\n"              \
	"<managerEvent name=\"E\"><managerEventInstance "                      \
	"class=\"EVENT_FLAG_CALL\"><syntax><parameter name=\"F1\"/>"           \
	"<parameter name=\"F2\"/><parameter name=\"G\"/></syntax>"             \
	"</managerEventInstance></managerEvent>\n"                             \
	"<configInfo name=\"c\"><configFile name=\"f\"><configObject "         \
	"name=\"o\"><configOption name=\"opt\"><synopsis>Opt "                 \
	"<literal>x</literal></synopsis></configOption></configObject>"        \
	"</configFile></configInfo>\n"

static const struct {
	const char *name, *xml, *params, *desc;
} include_cases[] = {
	{"a parameter by name",
	 "<xi:include xpointer=\"xpointer(/docs/manager[@name='A']/syntax/"
	 "parameter[@name='P'])\"/>",
	 "P*", "First.\n\nSecond."},
	{"every parameter of an event",
	 "<xi:include xpointer=\"xpointer(/docs/managerEvent[@name='E']/"
	 "managerEventInstance/syntax/parameter)\"/>",
	 "F1,F2,G", NULL},
	{"contains()",
	 "<xi:include xpointer=\"xpointer(/docs/managerEvent[@name='E']/"
	 "managerEventInstance/syntax/parameter[contains(@name, 'F')])\"/>",
	 "F1,F2", NULL},
	{"a path relative to the document",
	 "<xi:include xpointer=\"xpointer(docs/manager[@name='A']/syntax/"
	 "parameter[@name='Q'])\"/>",
	 "Q", NULL},
	{"a paragraph by position",
	 "<parameter name=\"R\"><xi:include xpointer=\"xpointer(/docs/"
	 "manager[@name='A']/syntax/parameter[@name='P']/para[2])\"/>"
	 "</parameter>",
	 "R", "Second."},
	{"an enumlist",
	 "<parameter name=\"P\"><xi:include xpointer=\"xpointer(/docs/"
	 "manager[@name='A']/syntax/parameter[@name='P']/enumlist)\"/>"
	 "</parameter>",
	 "P", NULL},
	{"node() into a paragraph",
	 "<parameter name=\"R\"><para>See: <xi:include xpointer=\"xpointer("
	 "/docs/configInfo[@name='c']/configFile[@name='f']/configObject"
	 "[@name='o']/configOption[@name='opt']/synopsis/node())\"/></para>"
	 "</parameter>",
	 "R", "See: Opt `x`"},
	{"text() into a paragraph",
	 "<parameter name=\"R\"><para><xi:include xpointer=\"xpointer("
	 "/docs/configInfo[@name='c']/configFile[@name='f']/configObject"
	 "[@name='o']/configOption[@name='opt']/synopsis/text())\"/></para>"
	 "</parameter>",
	 "R", "Opt"},
};

START_TEST(test_include)
{
	char body[4096], got[512];
	const struct amid_message *b;

	snprintf(body, sizeof(body),
	         SOURCES "<manager name=\"B\"><syntax>%s</syntax></manager>\n",
	         include_cases[_i].xml);
	ck_assert_int_eq(load(body), 0);
	ck_assert_uint_eq(errs.n, 0);
	ck_assert_ptr_nonnull(b = amid_find_action(model, "B"));
	uses(b, got, sizeof(got));
	check_str(include_cases[_i].name, got, include_cases[_i].params);
	check_str(include_cases[_i].name,
	          b->nuses > 0 ? b->uses[0].description : NULL,
	          include_cases[_i].desc);
}
END_TEST

/* Includes that stand for nothing: one warning each, the file loads. */
static const struct {
	const char *name, *xml, *want;
} bad_include_cases[] = {
	{"finds nothing",
	 "<xi:include xpointer=\"xpointer(/docs/manager[@name='Z'])\"/>",
	 "3: warning: xi:include finds nothing in this file: "
	 "xpointer(/docs/manager[@name='Z'])\n"},
	{"another file",
	 "<xi:include href=\"secret.xml\" xpointer=\"xpointer(/docs)\"/>",
	 "3: warning: xi:include of another file is not followed: "
	 "secret.xml\n"},
	{"no xpointer", "<xi:include/>",
	 "3: warning: xi:include without an xpointer\n"},
	{"descendant axis",
	 "<xi:include xpointer=\"xpointer(//parameter)\"/>",
	 "3: warning: xi:include with an xpointer this reader does not "
	 "know: xpointer(//parameter)\n"},
	{"another scheme", "<xi:include xpointer=\"element(/1/2)\"/>",
	 "3: warning: xi:include with an xpointer this reader does not "
	 "know: element(/1/2)\n"},
	{"unbalanced", "<xi:include xpointer=\"xpointer(/docs[@name='x')\"/>",
	 "3: warning: xi:include with an xpointer this reader does not "
	 "know: xpointer(/docs[@name='x')\n"},
	{"a loop",
	 "<parameter name=\"P\"><para><xi:include xpointer=\"xpointer(/docs/"
	 "manager[@name='B']/syntax/parameter[@name='P'])\"/></para>"
	 "</parameter>",
	 "3: warning: xi:include nested too deep (a loop?)\n"},
};

START_TEST(test_bad_include)
{
	char body[1024], got[1024];

	/* A file an include names, which must not be read. */
	FILE *f = fopen("secret.xml", "w");

	ck_assert_ptr_nonnull(f);
	fputs(HEAD "<manager name=\"Secret\"/>" TAIL, f);
	fclose(f);
	snprintf(body, sizeof(body),
	         "<manager name=\"B\"><syntax>%s</syntax></manager>\n",
	         bad_include_cases[_i].xml);
	ck_assert_int_eq(load(body), 0);
	reports(got, sizeof(got));
	check_str(bad_include_cases[_i].name, got, bad_include_cases[_i].want);
	ck_assert_ptr_null(amid_find_action(model, "Secret"));
}
END_TEST

/* ---- versions, classes, required --------------------------------------- */

static const struct {
	const char *xml, *want;
} since_cases[] = {
	{"<version>12.0.0</version>", "12"},
	{"<version>1.6.1.0</version>", "1.6.1"},
	{"<version>0.2.0</version>", "0.2"},
	{"<version>1.10.0</version>", "1.10"},
	{"<version> 13.2.0 </version>", "13.2"},
	{"<version>16.24.0</version><version>18.10.0</version>"
	 "<version>13.5.0</version>",
	 "13.5"},
	{"<version>GIT-master</version><version>1.4.0</version>", "1.4"},
	{"", NULL},
};

START_TEST(test_since)
{
	char body[512];
	const struct amid_message *a;

	snprintf(body, sizeof(body),
	         "<manager name=\"A\"><since>%s</since></manager>\n",
	         since_cases[_i].xml);
	ck_assert_int_eq(load(body), 0);
	ck_assert_ptr_nonnull(a = amid_find_action(model, "A"));
	check_str(since_cases[_i].xml, a->ver.since, since_cases[_i].want);
}
END_TEST

static const struct {
	const char *flag, *want;
} class_cases[] = {
	{"EVENT_FLAG_CALL", "call"},
	{"EVENT_FLAG_SYSTEM", "system"},
	{"EVENT_FLAG_REPORTING", "reporting"},
	{"EVENT_FLAG_AOC", "aoc"},
	{"EVENT_FLAG_CLASS", NULL},
	{"call", NULL},
	{"EVENT_FLAG_", NULL},
};

START_TEST(test_class)
{
	char body[512], want[256], got[512];
	const struct amid_message *e;

	snprintf(body, sizeof(body),
	         "<managerEvent name=\"E\"><managerEventInstance class=\"%s\"/>"
	         "</managerEvent>\n",
	         class_cases[_i].flag);
	ck_assert_int_eq(load(body), 0);
	ck_assert_ptr_nonnull(e = amid_find_event(model, "E"));
	if (class_cases[_i].want != NULL) {
		ck_assert_uint_eq(e->nclasses, 1);
		check_str(class_cases[_i].flag, e->classes[0],
		          class_cases[_i].want);
		ck_assert_ptr_nonnull(amid_find_class(model, e->classes[0]));
		ck_assert_int_eq(amid_find_class(model, e->classes[0])->source,
		                 AMID_SRC_ASTERISK);
		return;
	}
	ck_assert_uint_eq(e->nclasses, 0);
	snprintf(want, sizeof(want),
	         "3: warning: class '%s' is not a privilege class of "
	         "Asterisk; left unset\n",
	         class_cases[_i].flag);
	reports(got, sizeof(got));
	check_str(class_cases[_i].flag, got, want);
}
END_TEST

static const struct {
	const char *attr;
	int required, stated;
} required_cases[] = {
	{"", 0, 0},
	{"required=\"true\"", 1, 1},
	{"required=\"yes\"", 1, 1},
	{"required=\"false\"", 0, 1},
	{"required=\"no\"", 0, 1},
	{"required=\" true \"", 1, 1},
	{"required=\"maybe\"", 0, 0},
};

START_TEST(test_required)
{
	char body[512];
	const struct amid_message *a;

	snprintf(body, sizeof(body),
	         "<manager name=\"A\"><syntax><parameter name=\"P\" %s/>"
	         "</syntax></manager>\n",
	         required_cases[_i].attr);
	ck_assert_int_eq(load(body), 0);
	ck_assert_ptr_nonnull(a = amid_find_action(model, "A"));
	ck_assert_uint_eq(a->nuses, 1);
	ck_assert_int_eq(a->uses[0].required, required_cases[_i].required);
	ck_assert_int_eq(a->uses[0].has_required, required_cases[_i].stated);
}
END_TEST

/* ---- messages ------------------------------------------------------------ */

/* Documented twice: merged, the first prose and facts stay. */
START_TEST(test_documented_twice)
{
	const struct amid_message *a, *e;
	char got[256];

	ck_assert_int_eq(
	    load("<manager name=\"A\" module=\"m1\"><since><version>1.6.0"
	         "</version></since><synopsis>One.</synopsis><syntax>"
	         "<parameter name=\"P\" required=\"true\"/></syntax></manager>\n"
	         "<manager name=\"A\" module=\"m2\"><since><version>1.4.0"
	         "</version></since><synopsis>Two.</synopsis><syntax>"
	         "<parameter name=\"P\" required=\"false\"/>"
	         "<parameter name=\"Q\"/></syntax></manager>\n"
	         "<managerEvent name=\"E\"><managerEventInstance "
	         "class=\"EVENT_FLAG_CALL\"><syntax><parameter name=\"F\"/>"
	         "</syntax></managerEventInstance><managerEventInstance "
	         "class=\"EVENT_FLAG_SYSTEM\"><syntax><parameter name=\"G\"/>"
	         "</syntax></managerEventInstance></managerEvent>\n"
	         "<managerEvent name=\"E\"><managerEventInstance "
	         "class=\"EVENT_FLAG_CALL\"/></managerEvent>\n"),
	    0);
	ck_assert_uint_eq(errs.n, 0);
	ck_assert_uint_eq(model->nactions, 1);
	ck_assert_ptr_nonnull(a = amid_find_action(model, "A"));
	uses(a, got, sizeof(got));
	check_str("params", got, "P*,Q");
	check_str("since", a->ver.since, "1.4");
	check_str("description", a->description, "One.");
	ck_assert_uint_eq(model->nevents, 1);
	ck_assert_ptr_nonnull(e = amid_find_event(model, "E"));
	uses(e, got, sizeof(got));
	check_str("fields", got, "F,G");
	ck_assert_uint_eq(e->nclasses, 2);
	check_str("class", e->classes[0], "call");
	check_str("class", e->classes[1], "system");
}
END_TEST

/* Events in <responses>: list items, the event completing the list. */
START_TEST(test_responses)
{
	const struct amid_message *a, *b;

	ck_assert_int_eq(
	    load("<manager name=\"L\"><responses><list-elements>"
	         "<managerEvent name=\"Item\"><managerEventInstance "
	         "class=\"EVENT_FLAG_CALL\"/></managerEvent>"
	         "<xi:include xpointer=\"xpointer(/docs/managerEvent[@name="
	         "'Other'])\"/></list-elements>"
	         "<managerEvent name=\"Done\"><managerEventInstance "
	         "class=\"EVENT_FLAG_CALL\"/></managerEvent>"
	         "</responses></manager>\n"
	         "<manager name=\"O\"><responses><xi:include xpointer=\"xpointer("
	         "/docs/managerEvent[@name='Other'])\"/></responses></manager>\n"
	         "<managerEvent name=\"Other\"><managerEventInstance "
	         "class=\"EVENT_FLAG_CALL\"/></managerEvent>\n"),
	    0);
	ck_assert_uint_eq(errs.n, 0);
	ck_assert_uint_eq(model->nevents, 3);
	ck_assert_ptr_nonnull(a = amid_find_action(model, "L"));
	ck_assert_uint_eq(a->nlist_items, 2);
	check_str("item", a->list_items[0], "Item");
	check_str("item", a->list_items[1], "Other");
	check_str("complete", a->list_complete, "Done");
	ck_assert_ptr_nonnull(a->list_complete_ref);
	ck_assert_ptr_nonnull(b = amid_find_action(model, "O"));
	ck_assert_ptr_null(b->list_complete);
	ck_assert_uint_eq(b->nemits, 1);
	check_str("emits", b->emits[0].event, "Other");
}
END_TEST

/* One header name, several value sets: a keyed meaning for each. */
START_TEST(test_meaning_keys)
{
	const struct amid_header *h;
	char got[256];

	ck_assert_int_eq(
	    load("<manager name=\"Ring\"><syntax><parameter name=\"Mode\">"
	         "<enumlist><enum name=\"a\"/></enumlist></parameter>"
	         "</syntax></manager>\n"
	         "<manager name=\"Other\"><syntax><parameter name=\"Mode\"/>"
	         "</syntax></manager>\n"
	         "<manager name=\"Same\"><syntax><parameter name=\"Mode\">"
	         "<enumlist><enum name=\"a\"/></enumlist></parameter>"
	         "</syntax></manager>\n"
	         "<managerEvent name=\"Ring\"><managerEventInstance "
	         "class=\"EVENT_FLAG_CALL\"><syntax><parameter name=\"MODE\">"
	         "<enumlist><enum name=\"b\"/><enum name=\"b\"/></enumlist>"
	         "</parameter></syntax></managerEventInstance>"
	         "</managerEvent>\n"),
	    0);
	ck_assert_ptr_nonnull(h = amid_find_header(model, "Mode"));
	check_str("spelling", h->name, "Mode");
	ck_assert_uint_eq(h->nmeanings, 3);
	uses(amid_find_action(model, "Ring"), got, sizeof(got));
	check_str("Ring", got, "Mode/ring");
	uses(amid_find_action(model, "Other"), got, sizeof(got));
	check_str("Other", got, "Mode/other");
	uses(amid_find_action(model, "Same"), got, sizeof(got));
	check_str("Same", got, "Mode/ring");
	uses(amid_find_event(model, "Ring"), got, sizeof(got));
	check_str("Ring event", got, "Mode/ring-event");
	reports(got, sizeof(got));
	check_str("reports", got,
	          "6: warning: event 'Ring': header 'MODE' is spelled 'Mode' "
	          "by most messages; using 'Mode'\n");
}
END_TEST

/* Booleans written as an enumeration: no type stated, values in prose. */
static const struct {
	const char *xml, *desc;
	enum amid_type type;
} boolean_cases[] = {
	{"<enum name=\"Yes\"/><enum name=\"No\"/>", "Values: `Yes`, `No`.",
	 AMID_T_STRING},
	{"<enum name=\"true\"><para>On.</para></enum><enum name=\"false\"/>",
	 "Values:\n\n- `true`: On.\n- `false`", AMID_T_STRING},
	{"<enum name=\"0\"/><enum name=\"1\"/><enum name=\"on\"/>",
	 "Values: `0`, `1`, `on`.", AMID_T_STRING},
	{"<enum name=\"Yes\"/><enum name=\"No\"/><enum name=\"Maybe\"/>",
	 NULL, AMID_T_ENUM},
};

START_TEST(test_boolean_enum)
{
	char body[512];
	const struct amid_message *a;

	snprintf(body, sizeof(body),
	         "<manager name=\"A\"><syntax><parameter name=\"P\"><enumlist>"
	         "%s</enumlist></parameter></syntax></manager>\n",
	         boolean_cases[_i].xml);
	ck_assert_int_eq(load(body), 0);
	ck_assert_ptr_nonnull(a = amid_find_action(model, "A"));
	check_str(boolean_cases[_i].xml, a->uses[0].description,
	          boolean_cases[_i].desc);
	ck_assert_int_eq(a->uses[0].meaning->type, boolean_cases[_i].type);
}
END_TEST

/* A snapshot stands for its headers, prefixed. */
START_TEST(test_snapshot)
{
	const struct amid_message *e;
	const struct amid_header *h;

	ck_assert_int_eq(
	    load("<managerEvent name=\"E\"><managerEventInstance "
	         "class=\"EVENT_FLAG_CALL\"><syntax><channel_snapshot "
	         "prefix=\"Dest\"/><bridge_snapshot/></syntax>"
	         "</managerEventInstance></managerEvent>\n"),
	    0);
	ck_assert_ptr_nonnull(e = amid_find_event(model, "E"));
	ck_assert_uint_eq(e->nuses, 14 + 8);
	check_str("first", e->uses[0].name, "DestChannel");
	check_str("last", e->uses[13].name, "DestLinkedid");
	check_str("bridge", e->uses[14].name, "BridgeUniqueid");
	ck_assert_ptr_nonnull(h = amid_find_header(model,
	                                           "DestChannelStateDesc"));
	ck_assert_int_eq(h->meanings[0].type, AMID_T_ENUM);
	ck_assert_uint_eq(h->meanings[0].nvalues, 11);
	check_str("value", h->meanings[0].values[8].name, "Dialing Offhook");
}
END_TEST

/* What a model cannot hold is skipped with a warning; no name is an error. */
static const struct {
	const char *name, *xml, *want;
	int rc;
} skip_cases[] = {
	{"parameter name", "<manager name=\"A\"><syntax><parameter "
	                   "name=\"U(0)\"/></syntax></manager>",
	 "3: warning: action 'A': parameter 'U(0)' is not a header name "
	 "amidict can hold; skipped\n", 0},
	{"no parameter name", "<manager name=\"A\"><syntax><parameter/>"
	                      "</syntax></manager>",
	 "3: warning: action 'A': a <parameter> without a name; skipped\n",
	 0},
	{"action name", "<manager name=\"A B\"/>",
	 "3: warning: <manager> 'A B': not a name amidict can hold; "
	 "skipped\n", 0},
	{"no action name", "<manager/>",
	 "3: error: <manager> without a name\n", -1},
	{"no event name", "<managerEvent/>",
	 "3: error: <managerEvent> without a name\n", -1},
	{"no class", "<managerEvent name=\"E\"><managerEventInstance/>"
	             "</managerEvent>",
	 "3: warning: <managerEventInstance> without a class\n", 0},
	{"no enum name", "<manager name=\"A\"><syntax><parameter name=\"P\">"
	                 "<enumlist><enum/></enumlist></parameter></syntax>"
	                 "</manager>",
	 "3: warning: <enum> without a name\n", 0},
	{"bad snapshot prefix", "<managerEvent name=\"E\"><managerEventInstance "
	                        "class=\"EVENT_FLAG_CALL\"><syntax>"
	                        "<bridge_snapshot prefix=\"a b\"/></syntax>"
	                        "</managerEventInstance></managerEvent>",
	 "3: warning: snapshot prefix 'a b' makes no header name; skipped\n",
	 0},
};

START_TEST(test_skip)
{
	char body[1024], got[1024];

	snprintf(body, sizeof(body), "%s\n", skip_cases[_i].xml);
	ck_assert_int_eq(load(body), skip_cases[_i].rc);
	reports(got, sizeof(got));
	check_str(skip_cases[_i].name, got, skip_cases[_i].want);
}
END_TEST

/* An Asterisk file and an amidict file merge like two amidict files. */
START_TEST(test_merged_with_amidict)
{
	const char *paths[] = {"doc.xml", "ours.xml"};
	const struct amid_message *a;
	FILE *f;

	f = fopen("doc.xml", "w");
	ck_assert_ptr_nonnull(f);
	fputs(HEAD "<manager name=\"A\"><syntax><parameter name=\"P\"/>"
	           "</syntax></manager>\n" TAIL,
	      f);
	fclose(f);
	f = fopen("ours.xml", "w");
	ck_assert_ptr_nonnull(f);
	fputs("<amidict format=\"1\"><action name=\"A\" class=\"call\">"
	      "<param name=\"P\" required=\"yes\"/></action>"
	      "<class name=\"call\"/></amidict>\n",
	      f);
	fclose(f);
	ck_assert_int_eq(amid_dict_load(paths, 2, &model, &errs), 0);
	ck_assert_ptr_nonnull(a = amid_find_action(model, "A"));
	ck_assert_uint_eq(a->nclasses, 1);
	ck_assert_int_eq(a->uses[0].required, 1);
	ck_assert_int_eq(a->source, AMID_SRC_ASTERISK);
	unlink("ours.xml");
}
END_TEST

Suite *
suite_dict_read_asterisk(void)
{
	Suite *s = suite_create("dict_read_asterisk");
	TCase *tc = tcase_create("dict_read_asterisk");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, test_prose, 0, NELEM(prose_cases));
	tcase_add_test(tc, test_prose_parts);
	tcase_add_loop_test(tc, test_include, 0, NELEM(include_cases));
	tcase_add_loop_test(tc, test_bad_include, 0, NELEM(bad_include_cases));
	tcase_add_loop_test(tc, test_since, 0, NELEM(since_cases));
	tcase_add_loop_test(tc, test_class, 0, NELEM(class_cases));
	tcase_add_loop_test(tc, test_required, 0, NELEM(required_cases));
	tcase_add_test(tc, test_documented_twice);
	tcase_add_test(tc, test_responses);
	tcase_add_test(tc, test_meaning_keys);
	tcase_add_loop_test(tc, test_boolean_enum, 0, NELEM(boolean_cases));
	tcase_add_test(tc, test_snapshot);
	tcase_add_loop_test(tc, test_skip, 0, NELEM(skip_cases));
	tcase_add_test(tc, test_merged_with_amidict);
	suite_add_tcase(s, tc);
	return s;
}
