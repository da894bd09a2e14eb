/*
 * test_dict_load.c: the loader end to end (src/dict_*.c through
 * amid_dict_load): small dictionaries written to a temporary directory,
 * loaded, and the linked model or the errors checked.  The tests run
 * inside the temporary directory so that file names, and the messages
 * quoting them, are short and exact.
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "amidict.h"
#include "suites.h"

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<amidict format=\"1\">\n"
#define TAIL "</amidict>\n"

/* ---- fixture: a temporary directory, a model, an error list ------------ */

/*
 * The directory of a test case is made and removed by an unchecked
 * fixture, so it goes away even when a forked test dies; each test works
 * in a fresh directory of its own inside it.
 */
static char rootdir[] = "/tmp/amidict-unit-XXXXXX";
static const char roottmpl[] = "/tmp/amidict-unit-XXXXXX";
static char testdir[sizeof(rootdir) + 16];
static int oldcwd = -1;
static struct amid_model *model;
static struct amid_errors errs;

/* Removes a directory and everything in it (no symbolic links followed). */
static void
rm_tree(const char *path)
{
	struct stat st;
	struct dirent *de;
	char sub[512];
	DIR *d;

	if (lstat(path, &st) != 0)
		return;
	if (!S_ISDIR(st.st_mode)) {
		unlink(path);
		return;
	}
	if ((d = opendir(path)) != NULL) {
		while ((de = readdir(d)) != NULL) {
			if (strcmp(de->d_name, ".") == 0 ||
			    strcmp(de->d_name, "..") == 0)
				continue;
			snprintf(sub, sizeof(sub), "%s/%s", path, de->d_name);
			rm_tree(sub);
		}
		closedir(d);
	}
	rmdir(path);
}

static void
make_root(void)
{
	memcpy(rootdir, roottmpl, sizeof(roottmpl));
	if (mkdtemp(rootdir) == NULL) {
		perror("mkdtemp");
		abort();
	}
}

static void
remove_root(void)
{
	rm_tree(rootdir);
}

static void
setup(void)
{
	snprintf(testdir, sizeof(testdir), "%s/t-XXXXXX", rootdir);
	ck_assert_ptr_nonnull(mkdtemp(testdir));
	oldcwd = open(".", O_RDONLY);
	ck_assert_int_ge(oldcwd, 0);
	ck_assert_int_eq(chdir(testdir), 0);
	model = NULL;
	amid_errors_init(&errs);
}

static void
teardown(void)
{
	amid_model_free(model);
	model = NULL;
	amid_errors_free(&errs);
	if (oldcwd >= 0) {
		if (fchdir(oldcwd) != 0)
			perror("fchdir");
		close(oldcwd);
		oldcwd = -1;
	}
	rm_tree(testdir);
}

/* Writes a file of the test's directory. */
static void
put(const char *name, const char *text)
{
	FILE *f = fopen(name, "w");

	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(fputs(text, f) < 0, 0);
	ck_assert_int_eq(fclose(f), 0);
}

static void
subdir(const char *name)
{
	ck_assert_int_eq(mkdir(name, 0700), 0);
}

static int
load(const char *const *paths, size_t n)
{
	int rc = amid_dict_load(paths, n, &model, &errs);

	/* A load succeeds with a model or fails without one, never half. */
	if (rc == 0)
		ck_assert_ptr_nonnull(model);
	else {
		ck_assert_int_eq(rc, -1);
		ck_assert_ptr_null(model);
		ck_assert_uint_ge(errs.nerrors, 1);
	}
	return rc;
}

static int
load1(const char *path)
{
	return load(&path, 1);
}

/* Prints what was reported, to make a failing test readable. */
static void
dump_errors(void)
{
	size_t i;

	for (i = 0; i < errs.n; i++)
		fprintf(stderr, "  %s:%lu: %s: %s\n",
		        errs.v[i].file ? errs.v[i].file : "(none)",
		        errs.v[i].line,
		        errs.v[i].severity == AMID_ERROR ? "error" : "warning",
		        errs.v[i].message);
}

static void
load_ok(const char *path)
{
	if (load1(path) != 0 || errs.n != 0)
		dump_errors();
	ck_assert_ptr_nonnull(model);
	ck_assert_uint_eq(errs.n, 0);
}

/* Exactly one problem was reported: this one. */
static void
expect_one(enum amid_severity sev, const char *file, unsigned long line,
           const char *message)
{
	if (errs.n != 1)
		dump_errors();
	ck_assert_uint_eq(errs.n, 1);
	ck_assert_int_eq(errs.v[0].severity, sev);
	ck_assert_pstr_eq(errs.v[0].file, file);
	ck_assert_uint_eq(errs.v[0].line, line);
	ck_assert_str_eq(errs.v[0].message, message);
}

/* ---- one file, loaded and linked ------------------------------------- */

static const char full_dict[] =
    HEAD
    "  <class name=\"system\"/>\n"                                /* 3 */
    "  <class name=\"Call\" since=\"1.0\" source=\"seed\">\n"     /* 4 */
    "    <description>\n"
    "      Calls and\n"
    "        channels.\n"
    "    </description>\n"
    "  </class>\n"
    "  <class name=\"agent\"/>\n"                                 /* 10 */
    "  <header name=\"Zeta\"><meaning type=\"string\" max-length=\"80\"/></header>\n"
    "  <header name=\"alpha\"><meaning type=\"integer\" min=\"-5\" max=\"5\"/></header>\n"
    "  <header name=\"Beta\"><meaning type=\"bool\" since=\"1.4\" deprecated=\"1.8\""
    " removed=\"12\" renamed-to=\"alpha Zeta\" source=\"wire\"/></header>\n"
    "  <header name=\"Channel\"><meaning type=\"channel\"/></header>\n"
    "  <header name=\"Status\">\n"                                /* 15 */
    "    <meaning key=\"peer\" type=\"enum\" case=\"insensitive\" repeat=\"yes\">\n"
    "      <value name=\"Registered\" since=\"1.2\"/>\n"
    "      <value name=\"Unregistered\"/>\n"
    "    </meaning>\n"
    "    <meaning key=\"queue\" type=\"integer\"/>\n"             /* 20 */
    "  </header>\n"
    "  <action name=\"ping\" class=\"system\"/>\n"
    "  <action name=\"Login\"><param name=\"alpha\" required=\"yes\"/></action>\n"
    "  <action name=\"Zap\" class=\"call agent\">\n"              /* 24 */
    "    <param name=\"Channel\" required=\"yes\"/>\n"
    "    <choice required=\"yes\">\n"
    "      <group name=\"one\"><param name=\"Zeta\"/></group>\n"
    "      <group name=\"two\"><param name=\"Beta\"/>"
    "<param name=\"Status\" meaning=\"queue\"/></group>\n"
    "    </choice>\n"
    "    <response><field name=\"Status\" meaning=\"peer\"/></response>\n"
    "    <list items=\"PeerEntry Newchannel\" complete=\"PeerlistComplete\"/>\n"
    "    <emits event=\"Hangup\"><description>When it hangs up.</description></emits>\n"
    "  </action>\n"
    "  <event name=\"PeerEntry\" class=\"system\"><field name=\"Channel\"/>"
    "<field name=\"Status\" meaning=\"peer\"/></event>\n"         /* 34 */
    "  <event name=\"PeerlistComplete\"/>\n"
    "  <event name=\"Newchannel\" class=\"Call\"><field name=\"Channel\" required=\"yes\"/></event>\n"
    "  <event name=\"newchannel\"/>\n"
    "  <event name=\"Hangup\"/>\n"
    "  <response name=\"Success\"><field name=\"alpha\"/></response>\n"
    "  <common kind=\"action\"><field name=\"Channel\"/></common>\n" /* 40 */
    TAIL;

START_TEST(test_sorted)
{
	const struct amid_model *m;

	put("d.xml", full_dict);
	load_ok("d.xml");
	m = model;
	ck_assert_uint_eq(m->nfiles, 1);
	ck_assert_str_eq(m->files[0], "d.xml");
	/* Classes, headers and actions ignoring case... */
	ck_assert_uint_eq(m->nclasses, 3);
	ck_assert_str_eq(m->classes[0].name, "agent");
	ck_assert_str_eq(m->classes[1].name, "Call");
	ck_assert_str_eq(m->classes[2].name, "system");
	ck_assert_uint_eq(m->nheaders, 5);
	ck_assert_str_eq(m->headers[0].name, "alpha");
	ck_assert_str_eq(m->headers[1].name, "Beta");
	ck_assert_str_eq(m->headers[2].name, "Channel");
	ck_assert_str_eq(m->headers[3].name, "Status");
	ck_assert_str_eq(m->headers[4].name, "Zeta");
	ck_assert_uint_eq(m->nactions, 3);
	ck_assert_str_eq(m->actions[0].name, "Login");
	ck_assert_str_eq(m->actions[1].name, "ping");
	ck_assert_str_eq(m->actions[2].name, "Zap");
	/* ...events and responses exactly. */
	ck_assert_uint_eq(m->nevents, 5);
	ck_assert_str_eq(m->events[0].name, "Hangup");
	ck_assert_str_eq(m->events[1].name, "Newchannel");
	ck_assert_str_eq(m->events[2].name, "PeerEntry");
	ck_assert_str_eq(m->events[3].name, "PeerlistComplete");
	ck_assert_str_eq(m->events[4].name, "newchannel");
	ck_assert_uint_eq(m->nresponses, 1);
	ck_assert_str_eq(m->responses[0].name, "Success");
	ck_assert_int_eq(m->responses[0].kind, AMID_RESPONSE);
	ck_assert_int_eq(m->events[0].kind, AMID_EVENT);
	ck_assert_int_eq(m->actions[0].kind, AMID_ACTION);
}
END_TEST

START_TEST(test_meanings)
{
	const struct amid_header *h;
	const struct amid_meaning *mn;
	size_t i, k;

	put("d.xml", full_dict);
	load_ok("d.xml");
	/* Every meaning points back at its header. */
	for (i = 0; i < model->nheaders; i++)
		for (k = 0; k < model->headers[i].nmeanings; k++)
			ck_assert_ptr_eq(model->headers[i].meanings[k].header,
			                 &model->headers[i]);
	h = amid_find_header(model, "STATUS");
	ck_assert_ptr_eq(h, &model->headers[3]);
	ck_assert_uint_eq(h->nmeanings, 2);
	ck_assert_uint_eq(h->loc.line, 15);
	mn = &h->meanings[0];
	ck_assert_str_eq(mn->key, "peer");
	ck_assert_int_eq(mn->type, AMID_T_ENUM);
	ck_assert(mn->case_insensitive);
	ck_assert(mn->repeat);
	ck_assert_uint_eq(mn->nvalues, 2);
	ck_assert_str_eq(mn->values[0].name, "Registered");
	ck_assert_str_eq(mn->values[0].ver.since, "1.2");
	ck_assert_uint_eq(mn->values[0].loc.line, 17);
	ck_assert_str_eq(mn->values[1].name, "Unregistered");
	ck_assert_ptr_null(mn->values[1].ver.since);
	ck_assert_uint_eq(mn->loc.line, 16);
	mn = &h->meanings[1];
	ck_assert_str_eq(mn->key, "queue");
	ck_assert_int_eq(mn->type, AMID_T_INTEGER);
	ck_assert(!mn->case_insensitive);
	ck_assert(!mn->repeat);
	ck_assert_uint_eq(mn->loc.line, 20);

	mn = &amid_find_header(model, "alpha")->meanings[0];
	ck_assert_ptr_null(mn->key);
	ck_assert(mn->has_min && mn->has_max && !mn->has_max_length);
	ck_assert_int_eq(mn->min, -5);
	ck_assert_int_eq(mn->max, 5);
	mn = &amid_find_header(model, "zeta")->meanings[0];
	ck_assert(!mn->has_min && !mn->has_max && mn->has_max_length);
	ck_assert_uint_eq(mn->max_length, 80);
	ck_assert_int_eq(mn->type, AMID_T_STRING);
	ck_assert_int_eq(mn->source, AMID_SRC_NONE);
	mn = &amid_find_header(model, "Beta")->meanings[0];
	ck_assert_int_eq(mn->type, AMID_T_BOOL);
	ck_assert_str_eq(mn->ver.since, "1.4");
	ck_assert_str_eq(mn->ver.deprecated, "1.8");
	ck_assert_str_eq(mn->ver.removed, "12");
	ck_assert_uint_eq(mn->ver.nrenamed_to, 2);
	ck_assert_str_eq(mn->ver.renamed_to[0], "alpha");
	ck_assert_str_eq(mn->ver.renamed_to[1], "Zeta");
	ck_assert_int_eq(mn->source, AMID_SRC_WIRE);
}
END_TEST

START_TEST(test_classes)
{
	const struct amid_class *c;
	const struct amid_message *zap;

	put("d.xml", full_dict);
	load_ok("d.xml");
	c = amid_find_class(model, "call");
	ck_assert_ptr_nonnull(c);
	ck_assert_str_eq(c->name, "Call");
	ck_assert_str_eq(c->ver.since, "1.0");
	ck_assert_int_eq(c->source, AMID_SRC_SEED);
	/* The XML indentation is gone; relative indentation stays. */
	ck_assert_str_eq(c->description, "Calls and\n  channels.");
	ck_assert_str_eq(c->loc.file, "d.xml");
	ck_assert_ptr_eq(c->loc.file, model->files[0]);
	ck_assert_uint_eq(c->loc.line, 4);
	ck_assert_ptr_null(amid_find_class(model, "system")->description);
	/* Class references resolve ignoring case, spelled as written. */
	zap = amid_find_action(model, "Zap");
	ck_assert_uint_eq(zap->nclasses, 2);
	ck_assert_str_eq(zap->classes[0], "call");
	ck_assert_str_eq(zap->classes[1], "agent");
	ck_assert_ptr_eq(zap->class_refs[0], c);
	ck_assert_ptr_eq(zap->class_refs[1], amid_find_class(model, "agent"));
	ck_assert_ptr_eq(amid_find_event(model, "Newchannel")->class_refs[0], c);
	ck_assert_uint_eq(amid_find_event(model, "Hangup")->nclasses, 0);
}
END_TEST

START_TEST(test_uses)
{
	const struct amid_message *zap, *login;
	const struct amid_meaning *channel, *peer, *queue;

	put("d.xml", full_dict);
	load_ok("d.xml");
	zap = amid_find_action(model, "zap");
	login = amid_find_action(model, "login");
	channel = &amid_find_header(model, "Channel")->meanings[0];
	peer = &amid_find_header(model, "Status")->meanings[0];
	queue = &amid_find_header(model, "Status")->meanings[1];

	/* The uses of one action, in document order, resolved. */
	ck_assert_uint_eq(zap->nuses, 4);
	ck_assert_str_eq(zap->uses[0].name, "Channel");
	ck_assert(zap->uses[0].required);
	ck_assert_ptr_eq(zap->uses[0].meaning, channel);
	ck_assert_ptr_eq(zap->uses[0].owner, zap);
	ck_assert_uint_eq(zap->uses[0].loc.line, 25);
	ck_assert_str_eq(zap->uses[3].name, "Status");
	ck_assert_str_eq(zap->uses[3].meaning_key, "queue");
	ck_assert_ptr_eq(zap->uses[3].meaning, queue);
	ck_assert(!zap->uses[3].required);
	ck_assert(!zap->uses[3].in_response);
	ck_assert(zap->has_response);
	ck_assert_uint_eq(zap->nresponse, 1);
	ck_assert_ptr_eq(zap->response[0].meaning, peer);
	ck_assert_ptr_eq(zap->response[0].owner, zap);
	ck_assert(zap->response[0].in_response);
	ck_assert(!login->has_response);
	ck_assert_uint_eq(login->nresponse, 0);

	/* Back-references: actions, events, responses, then common. */
	ck_assert_uint_eq(channel->nuses, 4);
	ck_assert_ptr_eq(channel->uses[0], &zap->uses[0]);
	ck_assert_ptr_eq(channel->uses[1]->owner,
	                 amid_find_event(model, "Newchannel"));
	ck_assert(channel->uses[1]->required);
	ck_assert_ptr_eq(channel->uses[2]->owner,
	                 amid_find_event(model, "PeerEntry"));
	ck_assert_ptr_eq(channel->uses[3]->owner, &model->common[AMID_ACTION]);
	ck_assert_ptr_null(channel->uses[3]->owner->name);
	ck_assert_uint_eq(peer->nuses, 2);
	ck_assert_ptr_eq(peer->uses[0], &zap->response[0]);
	ck_assert_ptr_eq(peer->uses[1]->owner,
	                 amid_find_event(model, "PeerEntry"));
	ck_assert_uint_eq(queue->nuses, 1);
	ck_assert_ptr_eq(queue->uses[0], &zap->uses[3]);
	/* alpha: a parameter of Login and a field of the Success response. */
	ck_assert_uint_eq(amid_find_header(model, "alpha")->meanings[0].nuses, 2);
	ck_assert_ptr_eq(
	    amid_find_header(model, "alpha")->meanings[0].uses[1]->owner,
	    &model->responses[0]);
	/* Common headers of a kind nobody declared stay empty. */
	ck_assert_uint_eq(model->common[AMID_EVENT].nuses, 0);
	ck_assert_uint_eq(model->common[AMID_ACTION].nuses, 1);
	ck_assert_int_eq(model->common[AMID_ACTION].kind, AMID_ACTION);
}
END_TEST

START_TEST(test_choices)
{
	const struct amid_message *zap;

	put("d.xml", full_dict);
	load_ok("d.xml");
	zap = amid_find_action(model, "Zap");
	ck_assert_uint_eq(zap->nchoices, 1);
	ck_assert(zap->choices[0].required);
	ck_assert_uint_eq(zap->choices[0].first_group, 0);
	ck_assert_uint_eq(zap->choices[0].ngroups, 2);
	ck_assert_uint_eq(zap->choices[0].loc.line, 26);
	ck_assert_uint_eq(zap->ngroups, 2);
	ck_assert_str_eq(zap->groups[0].name, "one");
	ck_assert_str_eq(zap->groups[1].name, "two");
	ck_assert_uint_eq(zap->groups[0].choice, 0);
	ck_assert_uint_eq(zap->groups[1].choice, 0);
	ck_assert_int_eq(zap->uses[0].group, -1);
	ck_assert_str_eq(zap->uses[1].name, "Zeta");
	ck_assert_int_eq(zap->uses[1].group, 0);
	ck_assert_str_eq(zap->uses[2].name, "Beta");
	ck_assert_int_eq(zap->uses[2].group, 1);
	ck_assert_int_eq(zap->uses[3].group, 1);
	ck_assert_uint_eq(amid_find_action(model, "ping")->nchoices, 0);
}
END_TEST

START_TEST(test_list_and_emits)
{
	const struct amid_message *zap;

	put("d.xml", full_dict);
	load_ok("d.xml");
	zap = amid_find_action(model, "Zap");
	ck_assert_uint_eq(zap->nlist_items, 2);
	ck_assert_str_eq(zap->list_items[0], "PeerEntry");
	ck_assert_str_eq(zap->list_items[1], "Newchannel");
	ck_assert_ptr_eq(zap->list_item_refs[0],
	                 amid_find_event(model, "PeerEntry"));
	ck_assert_ptr_eq(zap->list_item_refs[1], &model->events[1]);
	ck_assert_str_eq(zap->list_complete, "PeerlistComplete");
	ck_assert_ptr_eq(zap->list_complete_ref,
	                 amid_find_event(model, "PeerlistComplete"));
	ck_assert_uint_eq(zap->list_loc.line, 31);
	ck_assert_uint_eq(zap->nemits, 1);
	ck_assert_str_eq(zap->emits[0].event, "Hangup");
	ck_assert_str_eq(zap->emits[0].description, "When it hangs up.");
	ck_assert_ptr_eq(zap->emits[0].target, amid_find_event(model, "Hangup"));
	ck_assert_ptr_null(amid_find_action(model, "Login")->list_complete);
	ck_assert_uint_eq(amid_find_action(model, "Login")->nemits, 0);
}
END_TEST

/* An unused meaning is a warning: the model still loads. */
START_TEST(test_warning_only)
{
	put("d.xml", HEAD
	    "  <header name=\"Channel\"><meaning type=\"channel\"/></header>\n"
	    "  <header name=\"Cause\"><meaning type=\"integer\"/></header>\n"
	    "  <event name=\"Hangup\"><field name=\"Channel\"/></event>\n"
	    TAIL);
	ck_assert_int_eq(load1("d.xml"), 0);
	ck_assert_ptr_nonnull(model);
	ck_assert_uint_eq(errs.nerrors, 0);
	expect_one(AMID_WARNING, "d.xml", 4,
	           "header 'Cause': no message uses this meaning");
	ck_assert_uint_eq(amid_find_header(model, "Cause")->meanings[0].nuses, 0);
}
END_TEST

/* Errors already in the list are not this load's: it still succeeds. */
START_TEST(test_earlier_errors_ignored)
{
	amid_report(&errs, AMID_ERROR, "old.xml", 1, "an earlier problem");
	put("d.xml", full_dict);
	ck_assert_int_eq(load1("d.xml"), 0);
	ck_assert_uint_eq(errs.n, 1);
}
END_TEST

/* ---- several files: later ones extend earlier ones ------------------- */

START_TEST(test_merge_adds_meaning)
{
	const char *paths[] = {"1.xml", "2.xml"};
	const struct amid_header *h;

	put("1.xml", HEAD
	    "  <header name=\"Status\"><meaning key=\"peer\" type=\"string\"/></header>\n"
	    "  <event name=\"PeerStatus\"><field name=\"Status\" meaning=\"peer\"/></event>\n"
	    TAIL);
	put("2.xml", HEAD
	    "  <header name=\"Status\"><meaning key=\"queue\" type=\"integer\"/></header>\n"
	    "  <event name=\"QueueMemberStatus\"><field name=\"Status\" meaning=\"queue\"/></event>\n"
	    TAIL);
	ck_assert_int_eq(load(paths, 2), 0);
	ck_assert_uint_eq(errs.n, 0);
	ck_assert_uint_eq(model->nfiles, 2);
	ck_assert_str_eq(model->files[0], "1.xml");
	ck_assert_str_eq(model->files[1], "2.xml");
	ck_assert_uint_eq(model->nheaders, 1);
	h = &model->headers[0];
	ck_assert_uint_eq(h->nmeanings, 2);
	ck_assert_str_eq(h->meanings[0].key, "peer");
	ck_assert_str_eq(h->meanings[0].loc.file, "1.xml");
	ck_assert_str_eq(h->meanings[1].key, "queue");
	ck_assert_int_eq(h->meanings[1].type, AMID_T_INTEGER);
	ck_assert_str_eq(h->meanings[1].loc.file, "2.xml");
	ck_assert_ptr_eq(h->meanings[1].header, h);
	ck_assert_ptr_eq(amid_find_event(model, "QueueMemberStatus")->uses[0].meaning,
	                 &h->meanings[1]);
	ck_assert_uint_eq(h->meanings[1].nuses, 1);
}
END_TEST

START_TEST(test_merge_adds_value)
{
	const char *paths[] = {"1.xml", "2.xml"};
	const struct amid_meaning *mn;

	put("1.xml", HEAD
	    "  <header name=\"Paused\"><meaning type=\"enum\">"
	    "<value name=\"0\"/><value name=\"1\"/></meaning></header>\n"
	    "  <event name=\"QueueMemberPause\"><field name=\"Paused\"/></event>\n"
	    TAIL);
	put("2.xml", HEAD
	    "  <header name=\"Paused\">\n"
	    "    <meaning type=\"enum\"><value name=\"1\" since=\"1.8\"/>\n"
	    "      <value name=\"2\" since=\"13\"/></meaning>\n"
	    "  </header>\n"
	    TAIL);
	ck_assert_int_eq(load(paths, 2), 0);
	ck_assert_uint_eq(errs.n, 0);
	mn = &amid_find_header(model, "Paused")->meanings[0];
	ck_assert_uint_eq(mn->nvalues, 3);
	ck_assert_str_eq(mn->values[0].name, "0");
	ck_assert_str_eq(mn->values[1].name, "1");
	/* A fact added to a known value is kept; its place is the first. */
	ck_assert_str_eq(mn->values[1].ver.since, "1.8");
	ck_assert_str_eq(mn->values[1].loc.file, "1.xml");
	ck_assert_str_eq(mn->values[2].name, "2");
	ck_assert_str_eq(mn->values[2].ver.since, "13");
	ck_assert_str_eq(mn->values[2].loc.file, "2.xml");
	ck_assert_uint_eq(mn->values[2].loc.line, 5);
}
END_TEST

START_TEST(test_merge_adds_param)
{
	const char *paths[] = {"1.xml", "2.xml"};
	const struct amid_message *a;

	put("1.xml", HEAD
	    "  <header name=\"Channel\"><meaning type=\"channel\"/></header>\n"
	    "  <header name=\"Cause\"><meaning type=\"integer\"/></header>\n"
	    "  <action name=\"Hangup\"><param name=\"Channel\" required=\"yes\"/></action>\n"
	    TAIL);
	put("2.xml", HEAD
	    "  <action name=\"Hangup\" since=\"1.0\">\n"
	    "    <param name=\"Cause\"><description>Why.</description></param>\n"
	    "  </action>\n"
	    TAIL);
	ck_assert_int_eq(load(paths, 2), 0);
	ck_assert_uint_eq(errs.n, 0);
	ck_assert_uint_eq(model->nactions, 1);
	a = &model->actions[0];
	ck_assert_str_eq(a->ver.since, "1.0");
	ck_assert_str_eq(a->loc.file, "1.xml");
	ck_assert_uint_eq(a->nuses, 2);
	ck_assert_str_eq(a->uses[0].name, "Channel");
	ck_assert(a->uses[0].required);
	ck_assert_str_eq(a->uses[1].name, "Cause");
	ck_assert_str_eq(a->uses[1].description, "Why.");
	ck_assert_str_eq(a->uses[1].loc.file, "2.xml");
	ck_assert_uint_eq(a->uses[1].loc.line, 4);
	ck_assert_ptr_eq(a->uses[1].owner, a);
	ck_assert_ptr_eq(a->uses[1].meaning,
	                 &amid_find_header(model, "Cause")->meanings[0]);
	ck_assert_uint_eq(a->uses[1].meaning->nuses, 1);
}
END_TEST

/* The same facts again are fine; nothing is duplicated. */
START_TEST(test_merge_same_facts)
{
	static const char dict[] = HEAD
	    "  <class name=\"call\" since=\"1.0\"/>\n"
	    "  <header name=\"Priority\"><meaning type=\"integer\" min=\"1\" since=\"1.2\">"
	    "</meaning></header>\n"
	    "  <event name=\"Newexten\" class=\"call\"><field name=\"Priority\" required=\"yes\"/></event>\n"
	    TAIL;
	const char *paths[] = {"1.xml", "2.xml"};

	put("1.xml", dict);
	put("2.xml", dict);
	ck_assert_int_eq(load(paths, 2), 0);
	ck_assert_uint_eq(errs.n, 0);
	ck_assert_uint_eq(model->nclasses, 1);
	ck_assert_uint_eq(model->nheaders, 1);
	ck_assert_uint_eq(model->headers[0].nmeanings, 1);
	ck_assert_int_eq(model->headers[0].meanings[0].min, 1);
	ck_assert_uint_eq(model->nevents, 1);
	ck_assert_uint_eq(model->events[0].nuses, 1);
	ck_assert_uint_eq(model->headers[0].meanings[0].nuses, 1);
}
END_TEST

/* A fact one file leaves out is taken from the one that gives it. */
START_TEST(test_merge_fact_from_either)
{
	const char *paths[] = {"1.xml", "2.xml"};

	put("1.xml", HEAD
	    "  <class name=\"call\"/>\n"
	    "  <event name=\"Newexten\"/>\n"
	    TAIL);
	put("2.xml", HEAD
	    "  <event name=\"Newexten\" class=\"call\" since=\"1.6\" source=\"asterisk\"/>\n"
	    TAIL);
	ck_assert_int_eq(load(paths, 2), 0);
	ck_assert_uint_eq(model->events[0].nclasses, 1);
	ck_assert_str_eq(model->events[0].classes[0], "call");
	ck_assert_ptr_eq(model->events[0].class_refs[0], &model->classes[0]);
	ck_assert_str_eq(model->events[0].ver.since, "1.6");
	ck_assert_int_eq(model->events[0].source, AMID_SRC_ASTERISK);
}
END_TEST

START_TEST(test_merge_conflicting_type)
{
	const char *paths[] = {"1.xml", "2.xml"};

	put("1.xml", HEAD
	    "  <header name=\"Priority\"><meaning type=\"integer\"/></header>\n"
	    "  <event name=\"Newexten\"><field name=\"Priority\"/></event>\n"
	    TAIL);
	put("2.xml", HEAD
	    "  <header name=\"Priority\"><meaning type=\"priority\"/></header>\n"
	    TAIL);
	ck_assert_int_eq(load(paths, 2), -1);
	expect_one(AMID_ERROR, "2.xml", 3,
	           "meaning 'Priority': type 'priority' conflicts with "
	           "'integer' given at 1.xml:3");
}
END_TEST

START_TEST(test_merge_conflicting_class)
{
	const char *paths[] = {"1.xml", "2.xml"};

	put("1.xml", HEAD
	    "  <class name=\"call\"/><class name=\"dialplan\"/>\n"
	    "  <event name=\"Newexten\" class=\"call\"/>\n"
	    TAIL);
	put("2.xml", HEAD "\n\n  <event name=\"Newexten\" class=\"dialplan\"/>\n" TAIL);
	ck_assert_int_eq(load(paths, 2), -1);
	expect_one(AMID_ERROR, "2.xml", 5,
	           "event 'Newexten': class 'dialplan' conflicts with 'call' "
	           "given at 1.xml:4");
}
END_TEST

/* Later prose replaces earlier prose: the order of the files shows. */
START_TEST(test_paths_in_given_order)
{
	const char *paths[] = {"b.xml", "a.xml"};

	put("a.xml", HEAD "  <class name=\"call\"><description>from a</description></class>\n" TAIL);
	put("b.xml", HEAD "  <class name=\"call\"><description>from b</description></class>\n" TAIL);
	ck_assert_int_eq(load(paths, 2), 0);
	ck_assert_str_eq(model->files[0], "b.xml");
	ck_assert_str_eq(model->files[1], "a.xml");
	ck_assert_str_eq(model->classes[0].description, "from a");
	ck_assert_str_eq(model->classes[0].loc.file, "b.xml");
}
END_TEST

/* A directory is its *.xml files in name order; nothing else of it. */
START_TEST(test_directory_order)
{
	subdir("dict");
	put("dict/b.xml", HEAD "  <class name=\"call\"><description>b</description></class>\n" TAIL);
	put("dict/a.xml", HEAD "  <class name=\"call\"><description>a</description></class>\n" TAIL);
	put("dict/10.xml", HEAD "  <class name=\"call\"><description>10</description></class>\n" TAIL);
	put("dict/B.xml", HEAD "  <class name=\"call\"><description>B</description></class>\n" TAIL);
	put("dict/notes.txt", "not a dictionary");
	put("dict/.hidden.xml", "not a dictionary either");
	put("dict/c.xml.orig", "nor this");
	ck_assert_int_eq(load1("dict"), 0);
	ck_assert_uint_eq(errs.n, 0);
	ck_assert_uint_eq(model->nfiles, 4);
	ck_assert_str_eq(model->files[0], "dict/10.xml");
	ck_assert_str_eq(model->files[1], "dict/B.xml");
	ck_assert_str_eq(model->files[2], "dict/a.xml");
	ck_assert_str_eq(model->files[3], "dict/b.xml");
	ck_assert_str_eq(model->classes[0].description, "b");
}
END_TEST

START_TEST(test_directory_trailing_slash)
{
	subdir("dict");
	put("dict/a.xml", HEAD "  <class name=\"call\"/>\n" TAIL);
	ck_assert_int_eq(load1("dict/"), 0);
	ck_assert_str_eq(model->files[0], "dict/a.xml");
}
END_TEST

/* A directory and a file mixed, in the order given. */
START_TEST(test_directory_then_file)
{
	const char *paths[] = {"dict", "z.xml"};

	subdir("dict");
	put("dict/a.xml", HEAD "  <class name=\"call\"><description>dir</description></class>\n" TAIL);
	put("z.xml", HEAD "  <class name=\"call\"><description>file</description></class>\n" TAIL);
	ck_assert_int_eq(load(paths, 2), 0);
	ck_assert_uint_eq(model->nfiles, 2);
	ck_assert_str_eq(model->files[1], "z.xml");
	ck_assert_str_eq(model->classes[0].description, "file");
}
END_TEST

/* ---- loads that fail cleanly ----------------------------------------- */

START_TEST(test_no_paths)
{
	ck_assert_int_eq(load(NULL, 0), -1);
	expect_one(AMID_ERROR, NULL, 0, "no dictionary given");
}
END_TEST

START_TEST(test_missing_file)
{
	ck_assert_int_eq(load1("missing.xml"), -1);
	expect_one(AMID_ERROR, "missing.xml", 0,
	           "cannot open: No such file or directory");
}
END_TEST

START_TEST(test_empty_directory)
{
	subdir("empty");
	put("empty/readme.txt", "x");
	ck_assert_int_eq(load1("empty"), -1);
	expect_one(AMID_ERROR, "empty", 0,
	           "no dictionary files (*.xml) in this directory");
}
END_TEST

/* Every broken file given is reported, not only the first. */
START_TEST(test_every_broken_file_reported)
{
	const char *paths[] = {"a.xml", "b.xml", "c.xml"};

	put("a.xml", HEAD "  <widget/>\n" TAIL);
	put("b.xml", HEAD "  <class name=\"call\"/>\n" TAIL);
	put("c.xml", "<dictionary/>\n");
	ck_assert_int_eq(load(paths, 3), -1);
	ck_assert_uint_eq(errs.n, 2);
	ck_assert_str_eq(errs.v[0].file, "a.xml");
	ck_assert_uint_eq(errs.v[0].line, 3);
	ck_assert_str_eq(errs.v[1].file, "c.xml");
	ck_assert_uint_eq(errs.v[1].line, 1);
	ck_assert_str_eq(errs.v[1].message,
	                 "not an amidict dictionary: the root element is "
	                 "<dictionary>, not <amidict>");
}
END_TEST

/* Syntax and schema errors: libxml2 words them; we pin the place. */
static const struct {
	const char *name, *text;
	unsigned long line;
} unreadable[] = {
	{"not well-formed", HEAD "  <class name=\"call\">\n" TAIL, 4},
	{"unknown element", HEAD "\n  <widget/>\n" TAIL, 4},
	{"bad type", HEAD "  <header name=\"X\">\n    <meaning type=\"number\"/>\n  </header>\n" TAIL, 4},
	{"bad version", HEAD "  <class name=\"call\" since=\"1.6-rc1\"/>\n" TAIL, 3},
	{"empty file", "", 1},
	{"missing format", "<amidict>\n</amidict>\n", 1},
};

START_TEST(test_unreadable)
{
	put("d.xml", unreadable[_i].text);
	ck_assert_int_eq(load1("d.xml"), -1);
	ck_assert_msg(errs.n >= 1, "%s: nothing reported", unreadable[_i].name);
	ck_assert_str_eq(errs.v[0].file, "d.xml");
	ck_assert_msg(errs.v[0].line == unreadable[_i].line,
	              "%s: line %lu, want %lu", unreadable[_i].name,
	              errs.v[0].line, unreadable[_i].line);
	ck_assert_int_eq(errs.v[0].severity, AMID_ERROR);
	ck_assert_uint_eq(errs.nerrors, errs.n);
}
END_TEST

/* Semantic errors: each dictionary has exactly one thing wrong. */
static const struct {
	const char *name, *text;
	unsigned long line;
	const char *message;
} semantic[] = {
	{"entity declaration",
	 "<?xml version=\"1.0\"?>\n<!DOCTYPE amidict [\n"
	 "  <!ENTITY x SYSTEM \"/etc/passwd\">\n]>\n"
	 "<amidict format=\"1\"><class name=\"x\"/></amidict>\n",
	 3, "entity declarations are not allowed in a dictionary"},
	{"wrong root", "<?xml version=\"1.0\"?>\n\n<dict format=\"1\"/>\n", 3,
	 "not an amidict dictionary: the root element is <dict>, not <amidict>"},
	{"duplicate header",
	 HEAD "  <header name=\"Channel\"><meaning type=\"channel\"/></header>\n"
	 "  <header name=\"Channel\"><meaning type=\"channel\"/></header>\n"
	 "  <event name=\"E\"><field name=\"Channel\"/></event>\n" TAIL,
	 4, "duplicate header 'Channel' (first defined at d.xml:3)"},
	{"duplicate header, other case",
	 HEAD "  <header name=\"Status\"><meaning type=\"string\"/></header>\n"
	 "  <header name=\"STATUS\"><meaning type=\"string\"/></header>\n"
	 "  <event name=\"E\"><field name=\"Status\"/></event>\n" TAIL,
	 4, "duplicate header 'STATUS' (first defined at d.xml:3)"},
	{"duplicate class",
	 HEAD "  <class name=\"call\"/>\n  <class name=\"Call\"/>\n" TAIL,
	 4, "duplicate class 'Call' (first defined at d.xml:3)"},
	{"duplicate action, other case",
	 HEAD "  <action name=\"Ping\"/>\n  <action name=\"PING\"/>\n" TAIL,
	 4, "duplicate action 'PING' (first defined at d.xml:3)"},
	{"duplicate event",
	 HEAD "  <event name=\"Hangup\"/>\n  <event name=\"Hangup\"/>\n" TAIL,
	 4, "duplicate event 'Hangup' (first defined at d.xml:3)"},
	{"duplicate response",
	 HEAD "  <response name=\"Success\"/>\n  <response name=\"Success\"/>\n" TAIL,
	 4, "duplicate response 'Success' (first defined at d.xml:3)"},
	{"duplicate meaning key",
	 HEAD "  <header name=\"Status\">\n"
	 "    <meaning key=\"peer\" type=\"string\"/>\n"
	 "    <meaning key=\"peer\" type=\"string\"/>\n"
	 "  </header>\n" TAIL,
	 5, "header 'Status': duplicate meaning 'peer'"},
	{"meaning without key",
	 HEAD "  <header name=\"Status\">\n"
	 "    <meaning key=\"peer\" type=\"string\"/>\n"
	 "    <meaning type=\"string\"/>\n"
	 "    <meaning type=\"integer\"/>\n"
	 "  </header>\n" TAIL,
	 6, "header 'Status': a second meaning without a key (only one "
	    "meaning, the default, may go without; the first is at line 5)"},
	{"enum without values",
	 HEAD "  <header name=\"Status\"><meaning type=\"enum\"/></header>\n"
	 "  <event name=\"E\"><field name=\"Status\"/></event>\n" TAIL,
	 3, "header 'Status': enumeration has no values"},
	{"values on a non-enum",
	 HEAD "  <header name=\"Status\">\n"
	 "    <meaning key=\"k\" type=\"yesno\"><value name=\"Y\"/></meaning>\n"
	 "  </header>\n"
	 "  <event name=\"E\"><field name=\"Status\"/></event>\n" TAIL,
	 4, "header 'Status' meaning 'k': values given for type yesno; only "
	    "an enum has values"},
	{"duplicate enum value",
	 HEAD "  <header name=\"S\"><meaning type=\"enum\">\n"
	 "    <value name=\"on\"/><value name=\"off\"/>\n"
	 "    <value name=\"on\"/>\n"
	 "  </meaning></header>\n"
	 "  <event name=\"E\"><field name=\"S\"/></event>\n" TAIL,
	 5, "header 'S': value 'on' listed twice"},
	{"duplicate enum value ignoring case",
	 HEAD "  <header name=\"S\"><meaning type=\"enum\" case=\"insensitive\">\n"
	 "    <value name=\"on\"/><value name=\"ON\"/>\n"
	 "  </meaning></header>\n"
	 "  <event name=\"E\"><field name=\"S\"/></event>\n" TAIL,
	 4, "header 'S': value 'ON' listed twice"},
	{"min greater than max",
	 HEAD "  <header name=\"N\"><meaning type=\"port\" min=\"10\" max=\"-1\"/></header>\n"
	 "  <event name=\"E\"><field name=\"N\"/></event>\n" TAIL,
	 3, "header 'N': min 10 is greater than max -1"},
	{"min on a string",
	 HEAD "  <header name=\"N\"><meaning type=\"string\" min=\"1\"/></header>\n"
	 "  <event name=\"E\"><field name=\"N\"/></event>\n" TAIL,
	 3, "header 'N': min and max need a numeric type, not string"},
	{"max on a bool",
	 HEAD "  <header name=\"N\"><meaning type=\"bool\" max=\"1\"/></header>\n"
	 "  <event name=\"E\"><field name=\"N\"/></event>\n" TAIL,
	 3, "header 'N': min and max need a numeric type, not bool"},
	{"since after removed",
	 HEAD "  <event name=\"Link\" since=\"1.8\" removed=\"1.6\"/>\n" TAIL,
	 3, "event 'Link': since 1.8 is not before removed 1.6"},
	{"since equal to removed",
	 HEAD "  <action name=\"Link\" since=\"1.8\" removed=\"1.8.0\"/>\n" TAIL,
	 3, "action 'Link': since 1.8 is not before removed 1.8.0"},
	{"since after deprecated",
	 HEAD "  <response name=\"R\" since=\"1.10\" deprecated=\"1.9\"/>\n" TAIL,
	 3, "response 'R': since 1.10 is not before deprecated 1.9"},
	{"deprecated after removed",
	 HEAD "\n  <class name=\"c\" deprecated=\"13\" removed=\"12\"/>\n" TAIL,
	 4, "class 'c': deprecated 13 is not before removed 12"},
	{"meaning since after removed",
	 HEAD "  <header name=\"N\"><meaning type=\"string\" since=\"2\" removed=\"1\"/></header>\n"
	 "  <event name=\"E\"><field name=\"N\"/></event>\n" TAIL,
	 3, "header 'N': since 2 is not before removed 1"},
	{"unknown header",
	 HEAD "  <header name=\"Channel\"><meaning type=\"channel\"/></header>\n"
	 "  <action name=\"Hangup\"><param name=\"Channel\"/>\n"
	 "    <param name=\"Cuase\"/></action>\n" TAIL,
	 5, "action 'Hangup': unknown header 'Cuase'"},
	{"unknown header in common",
	 HEAD "  <common kind=\"event\"><field name=\"Privilege\"/></common>\n" TAIL,
	 3, "common event headers: unknown header 'Privilege'"},
	{"ambiguous meaning",
	 HEAD "  <header name=\"S\"><meaning key=\"a\" type=\"string\"/>"
	 "<meaning key=\"b\" type=\"string\"/></header>\n"
	 "  <event name=\"E\"><field name=\"S\" meaning=\"a\"/></event>\n"
	 "  <event name=\"F\"><field name=\"S\" meaning=\"b\"/></event>\n"
	 "  <event name=\"G\"><field name=\"S\"/></event>\n" TAIL,
	 6, "event 'G': header 'S' has 2 meanings; say which with "
	    "meaning=\"...\""},
	{"unknown meaning key",
	 HEAD "  <header name=\"S\"><meaning key=\"a\" type=\"string\"/></header>\n"
	 "  <event name=\"E\"><field name=\"S\" meaning=\"a\"/></event>\n"
	 "  <event name=\"F\"><field name=\"S\" meaning=\"c\"/></event>\n" TAIL,
	 5, "event 'F': header 'S' has no meaning 'c'"},
	{"meaning key on a keyless meaning",
	 HEAD "  <header name=\"S\"><meaning type=\"string\"/></header>\n"
	 "  <event name=\"E\"><field name=\"S\"/></event>\n"
	 "  <event name=\"F\"><field name=\"S\" meaning=\"a\"/></event>\n" TAIL,
	 5, "event 'F': header 'S' has no meaning 'a'"},
	{"unknown class",
	 HEAD "  <class name=\"call\"/>\n"
	 "  <event name=\"Newexten\" class=\"call dialplan\"/>\n" TAIL,
	 4, "event 'Newexten': unknown class 'dialplan'"},
	{"unknown list item",
	 HEAD "  <event name=\"Done\"/>\n"
	 "  <action name=\"List\">\n"
	 "    <list items=\"Entry\" complete=\"Done\"/>\n"
	 "  </action>\n" TAIL,
	 5, "action 'List': unknown event 'Entry'"},
	{"unknown list complete",
	 HEAD "  <event name=\"Entry\"/>\n"
	 "  <action name=\"List\"><list items=\"Entry\" complete=\"Done\"/></action>\n" TAIL,
	 4, "action 'List': unknown event 'Done'"},
	{"unknown emits",
	 HEAD "  <action name=\"Hangup\">\n"
	 "    <emits event=\"Hangup\"/>\n"
	 "  </action>\n" TAIL,
	 4, "action 'Hangup': unknown event 'Hangup'"},
	{"renamed to unknown action",
	 HEAD "  <action name=\"Old\" renamed-to=\"New\"/>\n" TAIL,
	 3, "action 'Old': renamed to unknown action 'New'"},
	{"renamed to unknown event",
	 HEAD "  <event name=\"Link\" renamed-to=\"BridgeEnter\"/>\n" TAIL,
	 3, "event 'Link': renamed to unknown event 'BridgeEnter'"},
	{"meaning renamed to unknown header",
	 HEAD "  <header name=\"Old\"><meaning type=\"string\" renamed-to=\"New\"/></header>\n"
	 "  <event name=\"E\"><field name=\"Old\"/></event>\n" TAIL,
	 3, "header 'Old': renamed to unknown header 'New'"},
	{"header listed twice",
	 HEAD "  <header name=\"Channel\"><meaning type=\"channel\"/></header>\n"
	 "  <event name=\"Hangup\"><field name=\"Channel\"/>\n"
	 "    <field name=\"Channel\"/></event>\n" TAIL,
	 5, "event 'Hangup': header 'Channel' listed twice"},
	{"header spelled differently",
	 HEAD "  <header name=\"Uniqueid\"><meaning type=\"uniqueid\"/></header>\n"
	 "  <event name=\"Hangup\"><field name=\"UniqueID\"/></event>\n" TAIL,
	 4, "event 'Hangup': header 'UniqueID' is spelled 'Uniqueid' in its "
	    "definition"},
	{"choices given twice in one file",
	 HEAD "  <header name=\"A\"><meaning type=\"string\"/></header>\n"
	 "  <action name=\"X\"><choice><group name=\"g\"><param name=\"A\"/></group></choice>\n"
	 "  </action>\n"
	 "  <action name=\"X\"/>\n" TAIL,
	 6, "duplicate action 'X' (first defined at d.xml:4)"},
};

/*
 * One error, reported first; a meaning the error leaves unusable may add
 * a warning that no message uses it, and nothing else.
 */
START_TEST(test_semantic)
{
	size_t i;

	put("d.xml", semantic[_i].text);
	if (load1("d.xml") != -1 || errs.nerrors != 1 || errs.n == 0 ||
	    strcmp(errs.v[0].message, semantic[_i].message) != 0) {
		fprintf(stderr, "%s:\n", semantic[_i].name);
		dump_errors();
	}
	ck_assert_ptr_null(model);
	ck_assert_uint_eq(errs.nerrors, 1);
	ck_assert_int_eq(errs.v[0].severity, AMID_ERROR);
	ck_assert_pstr_eq(errs.v[0].file, "d.xml");
	ck_assert_uint_eq(errs.v[0].line, semantic[_i].line);
	ck_assert_str_eq(errs.v[0].message, semantic[_i].message);
	for (i = 1; i < errs.n; i++) {
		ck_assert_int_eq(errs.v[i].severity, AMID_WARNING);
		ck_assert_ptr_nonnull(
		    strstr(errs.v[i].message, ": no message uses this meaning"));
	}
}
END_TEST

#define NELEM(v) (int)(sizeof(v) / sizeof((v)[0]))

Suite *
suite_dict_load(void)
{
	Suite *s = suite_create("dict_load");
	TCase *ok = tcase_create("linked");
	TCase *merge = tcase_create("merge");
	TCase *fail = tcase_create("fail");

	tcase_add_unchecked_fixture(ok, make_root, remove_root);
	tcase_add_checked_fixture(ok, setup, teardown);
	tcase_add_test(ok, test_sorted);
	tcase_add_test(ok, test_meanings);
	tcase_add_test(ok, test_classes);
	tcase_add_test(ok, test_uses);
	tcase_add_test(ok, test_choices);
	tcase_add_test(ok, test_list_and_emits);
	tcase_add_test(ok, test_warning_only);
	tcase_add_test(ok, test_earlier_errors_ignored);
	suite_add_tcase(s, ok);

	tcase_add_unchecked_fixture(merge, make_root, remove_root);
	tcase_add_checked_fixture(merge, setup, teardown);
	tcase_add_test(merge, test_merge_adds_meaning);
	tcase_add_test(merge, test_merge_adds_value);
	tcase_add_test(merge, test_merge_adds_param);
	tcase_add_test(merge, test_merge_same_facts);
	tcase_add_test(merge, test_merge_fact_from_either);
	tcase_add_test(merge, test_merge_conflicting_type);
	tcase_add_test(merge, test_merge_conflicting_class);
	tcase_add_test(merge, test_paths_in_given_order);
	tcase_add_test(merge, test_directory_order);
	tcase_add_test(merge, test_directory_trailing_slash);
	tcase_add_test(merge, test_directory_then_file);
	suite_add_tcase(s, merge);

	tcase_add_unchecked_fixture(fail, make_root, remove_root);
	tcase_add_checked_fixture(fail, setup, teardown);
	tcase_add_test(fail, test_no_paths);
	tcase_add_test(fail, test_missing_file);
	tcase_add_test(fail, test_empty_directory);
	tcase_add_test(fail, test_every_broken_file_reported);
	tcase_add_loop_test(fail, test_unreadable, 0, NELEM(unreadable));
	tcase_add_loop_test(fail, test_semantic, 0, NELEM(semantic));
	suite_add_tcase(s, fail);
	return s;
}
