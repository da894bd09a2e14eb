/*
 * gen_transcript.c: writes a large, realistic AMI transcript (both sides of
 * one manager session, CRLF) for amilint's speed benchmark (run-lint.sh).
 * The messages are those a real Asterisk and its clients exchange (see
 * ../shared/captures and the dictionary's field lists), with values varied
 * by a seeded PRNG: the same seed and size give the same bytes.  About 1%
 * of the messages carry a deliberate mistake, so amilint has findings.
 * usage: gen_transcript [-s SEED] [-e PER_MILLE] SIZE_MIB > transcript
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- output -------------------------------------------------------------- */

#define OUTBUF (1 << 20)

static char obuf[OUTBUF];
static size_t olen;
static unsigned long long written;

static void
flush_out(void)
{
	if (fwrite(obuf, 1, olen, stdout) != olen) {
		perror("gen_transcript: write");
		exit(2);
	}
	written += olen;
	olen = 0;
}

/* n is at most a line, far less than OUTBUF. */
static void
put(const char *s, size_t n)
{
	if (olen + n > OUTBUF)
		flush_out();
	memcpy(obuf + olen, s, n);
	olen += n;
}

static void
puts_(const char *s)
{
	put(s, strlen(s));
}

static void
put_u(unsigned long long v)
{
	char b[24];
	size_t i = sizeof(b);

	do
		b[--i] = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	put(b + i, sizeof(b) - i);
}

/* ---- the PRNG: splitmix64, so every seed gives a good stream ----------- */

static uint64_t rng_state;

static uint64_t
rng(void)
{
	uint64_t z = (rng_state += UINT64_C(0x9e3779b97f4a7c15));

	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

/* A number in [0, n). */
static unsigned
pick(unsigned n)
{
	return (unsigned)(rng() % n);
}

#define ONE_OF(a) (a[pick(sizeof(a) / sizeof(a[0]))])

/* ---- deliberate mistakes ---------------------------------------------- */

/*
 * One per faulty message, each a pitfall amilint has a rule for.  The
 * generic ones fit any message; the others only the message they name.
 */
enum fault {
	F_NONE,
	F_BARE_LF,         /* every line of the message ends with LF alone */
	F_TRAILING_BLANK,  /* the second header's value ends with a blank */
	F_SPACE_BEFORE,    /* "Name : value" */
	F_MISSPELT,        /* the second header's name loses a letter */
	F_NOT_A_HEADER,    /* a stray line without a colon */
	F_EXTRA_BLANK,     /* two blank lines before the message */
	F_GENERIC,         /* the count of the generic ones above */
	F_NO_ACTIONID = F_GENERIC, /* actions */
	F_TIMEOUT_SECONDS, /* Originate */
	F_NOT_BOOLEAN,     /* Originate: Async: maybe */
	F_PACKED_VARS,     /* Originate: Variable: A=1,B=2 */
	F_EVENT_CASE,      /* events: the name in lower case */
	F_LIST_COUNT       /* list ends: ListItems off by one */
};

static unsigned fault_rate = 10; /* per 1000 messages */
static enum fault fault;         /* of the message being written */
static unsigned line_no;         /* header lines so far in the message */
static unsigned fault_line;      /* the line a generic fault spoils */

static int
roll_fault(void)
{
	return pick(1000) < fault_rate;
}

/* ---- messages ---------------------------------------------------------- */

static const char *
eol(void)
{
	return fault == F_BARE_LF ? "\n" : "\r\n";
}

/* A message starts; special: a fault only this message can have, or 0. */
static void
begin(enum fault special)
{
	fault = F_NONE;
	line_no = 0;
	fault_line = 1;
	if (!roll_fault())
		return;
	if (special != F_NONE && pick(3) == 0)
		fault = special;
	else
		fault = (enum fault)(1 + pick(F_GENERIC - 1));
	if (fault == F_EXTRA_BLANK)
		puts_("\r\n");
}

static void
end(void)
{
	puts_(eol());
	fault = F_NONE;
}

static void
name_part(const char *name)
{
	size_t n = strlen(name);

	/* A spoilt ActionID would spoil the rest of the conversation. */
	if (line_no == fault_line && strcmp(name, "ActionID") == 0)
		fault_line++;
	if (line_no == fault_line && fault == F_MISSPELT && n > 4) {
		put(name, n / 2); /* "Chanel", "Uniqeid": typos a person makes */
		put(name + n / 2 + 1, n - n / 2 - 1);
	} else
		put(name, n);
	puts_(line_no == fault_line && fault == F_SPACE_BEFORE ? " : " : ": ");
}

static void
line_end(void)
{
	if (line_no == fault_line && fault == F_TRAILING_BLANK)
		puts_(" ");
	puts_(eol());
	if (line_no == 0 && fault == F_NOT_A_HEADER) {
		puts_("this line lost its header name");
		puts_(eol());
	}
	line_no++;
}

static void
hs(const char *name, const char *value)
{
	name_part(name);
	puts_(value);
	line_end();
}

static void
hu(const char *name, unsigned long long value)
{
	name_part(name);
	put_u(value);
	line_end();
}

/* A value made of parts: hp("Channel", "PJSIP/", "1001", "-", x, NULL). */
static void
hp(const char *name, ...)
{
	va_list ap;
	const char *s;

	name_part(name);
	va_start(ap, name);
	while ((s = va_arg(ap, const char *)) != NULL)
		puts_(s);
	va_end(ap);
	line_end();
}

/* special: the fault only this event can have (see begin()). */
static void
event_as(const char *name, const char *privilege, enum fault special)
{
	char low[64];

	begin(special);
	if (fault == F_EVENT_CASE) {
		snprintf(low, sizeof(low), "%s", name);
		low[0] = (char)(low[0] - 'A' + 'a');
		name = low;
	}
	hs("Event", name);
	if (privilege != NULL)
		hs("Privilege", privilege);
}

static void
event(const char *name, const char *privilege)
{
	event_as(name, privilege, F_EVENT_CASE);
}

/* ---- the state of the PBX being described ------------------------------ */

static unsigned long long now = 1795663390; /* seconds, moves on */
static unsigned long long uniq;             /* the uniqueid sequence */
static unsigned long long chan_seq = 0x2a;  /* channel name suffixes */
static unsigned long long action_seq;
static unsigned long long bridge_seq;

struct chan {
	char name[64], uniqueid[32], linkedid[32];
	char cid_num[24], cid_name[32], con_num[24], con_name[32];
	const char *context, *language, *account;
	char exten[24];
	unsigned priority, state;
};

static const char *const state_desc[] = {
    "Down", "Rsrvd", "OffHook", "Dialing", "Ring", "Ringing", "Up", "Busy"};

static const char *const first_names[] = {
    "Alice Martin", "Bob Keller",   "Carla Diaz", "Dieter Braun",
    "Emma Rossi",   "Farid Haddad", "Grace Liu",  "Hugo Lefevre",
    "Ines Sousa",   "Jonas Berg",   "Reception",  "Support Desk",
    "Sales",        "Night Service"};
static const char *const techs[] = {"PJSIP", "PJSIP", "PJSIP", "SIP", "IAX2"};
static const char *const contexts[] = {"from-internal", "from-internal",
                                       "from-external", "default"};
static const char *const languages[] = {"en", "en", "en", "de", "fr"};

static void
new_uniqueid(char *buf, size_t size)
{
	snprintf(buf, size, "%llu.%llu", now, uniq++);
}

/* A channel of extension ext, in its first state. */
static void
chan_init(struct chan *c, const char *tech, const char *ext,
          const char *linkedid)
{
	snprintf(c->name, sizeof(c->name), "%s/%s-%08llx", tech, ext,
	         chan_seq++);
	new_uniqueid(c->uniqueid, sizeof(c->uniqueid));
	snprintf(c->linkedid, sizeof(c->linkedid), "%s",
	         linkedid != NULL ? linkedid : c->uniqueid);
	snprintf(c->cid_num, sizeof(c->cid_num), "%s", ext);
	snprintf(c->cid_name, sizeof(c->cid_name), "%s", ONE_OF(first_names));
	snprintf(c->con_num, sizeof(c->con_num), "<unknown>");
	snprintf(c->con_name, sizeof(c->con_name), "<unknown>");
	c->context = ONE_OF(contexts);
	c->language = ONE_OF(languages);
	c->account = pick(4) == 0 ? "sales" : "";
	snprintf(c->exten, sizeof(c->exten), "s");
	c->priority = 1;
	c->state = 0;
}

/* The channel snapshot Asterisk 12+ puts in every channel event. */
static void
chan_fields(const char *prefix, const struct chan *c)
{
	static const char *const names[] = {
	    "Channel", "ChannelState", "ChannelStateDesc", "CallerIDNum",
	    "CallerIDName", "ConnectedLineNum", "ConnectedLineName", "Language",
	    "AccountCode", "Context", "Exten", "Priority", "Uniqueid",
	    "Linkedid"};
	const char *v[14];
	char state[4], prio[12], n[40];
	size_t i;

	snprintf(state, sizeof(state), "%u", c->state);
	snprintf(prio, sizeof(prio), "%u", c->priority);
	v[0] = c->name, v[1] = state, v[2] = state_desc[c->state];
	v[3] = c->cid_num, v[4] = c->cid_name, v[5] = c->con_num;
	v[6] = c->con_name, v[7] = c->language, v[8] = c->account;
	v[9] = c->context, v[10] = c->exten, v[11] = prio;
	v[12] = c->uniqueid, v[13] = c->linkedid;
	for (i = 0; i < 14; i++) {
		/* DialBegin and friends spell it DestUniqueid. */
		snprintf(n, sizeof(n), "%s%s", prefix, names[i]);
		hs(n, v[i]);
	}
}

static void
chan_event(const char *name, const char *privilege, const struct chan *c)
{
	event(name, privilege);
	chan_fields("", c);
}

static void
set_state(struct chan *c, unsigned state)
{
	c->state = state;
	chan_event("Newstate", "call,all", c);
	end();
}

static void
newexten(struct chan *c, const char *app, const char *data)
{
	chan_event("Newexten", "dialplan,all", c);
	hs("Extension", c->exten);
	hs("Application", app);
	hs("AppData", data);
	end();
	c->priority++;
}

static void
varset(const struct chan *c, const char *var, const char *value)
{
	chan_event("VarSet", "dialplan,all", c);
	hs("Variable", var);
	hs("Value", value);
	end();
}

static void
device_state(const char *device, const char *state)
{
	event("DeviceStateChange", "call,all");
	hs("Device", device);
	hs("State", state);
	end();
}

/* ---- calls --------------------------------------------------------------- */

static void
dial_event(const char *name, const struct chan *a, const struct chan *b,
           const char *extra_name, const char *extra)
{
	chan_event(name, "call,all", a);
	chan_fields("Dest", b);
	hs(extra_name, extra);
	end();
}

static void
bridge_event(const char *name, const char *id, unsigned members,
             const struct chan *c)
{
	event(name, "call,all");
	hs("BridgeUniqueid", id);
	hs("BridgeType", "basic");
	hs("BridgeTechnology", "simple_bridge");
	hs("BridgeCreator", "<unknown>");
	hs("BridgeName", "<unknown>");
	hu("BridgeNumChannels", members);
	hs("BridgeVideoSourceMode", "none");
	if (c != NULL)
		chan_fields("", c);
	end();
}

static void
dtmf(const struct chan *c)
{
	static const char *const digits[] = {"1", "2", "3", "4", "5", "6",
	                                     "7", "8", "9", "0", "*", "#"};
	const char *d = ONE_OF(digits);
	const char *dir = pick(2) ? "Received" : "Sent";

	chan_event("DTMFBegin", "dtmf,all", c);
	hs("Digit", d);
	hs("Direction", dir);
	end();
	chan_event("DTMFEnd", "dtmf,all", c);
	hs("Digit", d);
	hu("DurationMs", 80 + pick(200));
	hs("Direction", dir);
	end();
}

static void
hold(const struct chan *c)
{
	chan_event("Hold", "call,all", c);
	hs("MusicClass", "default");
	end();
	chan_event("MusicOnHoldStart", "call,all", c);
	hs("Class", "default");
	end();
	chan_event("MusicOnHoldStop", "call,all", c);
	end();
	chan_event("Unhold", "call,all", c);
	end();
}

static void
datetime(char *buf, size_t size, unsigned long long t)
{
	unsigned long long d = t % 86400;

	snprintf(buf, size, "2026-11-%02llu %02llu:%02llu:%02llu",
	         1 + (t / 86400) % 28, d / 3600, d / 60 % 60, d % 60);
}

static void
cdr(const struct chan *a, const struct chan *b, unsigned talk)
{
	char start[24], answer[24], stop[24];

	datetime(start, sizeof(start), now - talk - 5);
	datetime(answer, sizeof(answer), now - talk);
	datetime(stop, sizeof(stop), now);
	event("Cdr", "cdr,all");
	hs("AccountCode", a->account);
	hs("Source", a->cid_num);
	hs("Destination", b->cid_num);
	hs("DestinationContext", a->context);
	hp("CallerID", "\"", a->cid_name, "\" <", a->cid_num, ">", NULL);
	hs("Channel", a->name);
	hs("DestinationChannel", b->name);
	hs("LastApplication", "Dial");
	hp("LastData", b->name, ",30,tT", NULL);
	hs("StartTime", start);
	hs("AnswerTime", answer);
	hs("Endtime", stop);
	hu("Duration", talk + 5);
	hu("BillableSeconds", talk);
	hs("Disposition", "ANSWERED");
	hs("AMAflags", "DOCUMENTATION");
	hs("Uniqueid", a->uniqueid);
	hs("UserField", "");
	end();
}

static void
hangup(struct chan *c)
{
	chan_event("SoftHangupRequest", "call,all", c);
	hu("Cause", 16);
	end();
	chan_event("Hangup", "call,all", c);
	hu("Cause", 16);
	hs("Cause-txt", "Normal Clearing");
	end();
}

static void
ring_and_answer(struct chan *a, struct chan *b)
{
	char dialstring[48];

	chan_event("Newchannel", "call,all", b);
	end();
	snprintf(dialstring, sizeof(dialstring), "%s", b->cid_num);
	dial_event("DialBegin", a, b, "DialString", dialstring);
	set_state(b, 5);
	device_state(b->name, "RINGING");
	set_state(b, 6);
	snprintf(a->con_num, sizeof(a->con_num), "%s", b->cid_num);
	snprintf(a->con_name, sizeof(a->con_name), "%s", b->cid_name);
	chan_event("NewConnectedLine", "call,all", a);
	end();
	dial_event("DialEnd", a, b, "DialStatus", "ANSWER");
	set_state(a, 6);
}

static void
talk(struct chan *a, struct chan *b)
{
	char id[48];
	unsigned i, n = pick(4);
	/* One PRNG call per statement: argument order is unspecified. */
	unsigned r1 = pick(0x10000), r2 = pick(0x1000), r3 = pick(0x1000);
	unsigned long long r4 = rng() & 0xffffffffffffULL;

	snprintf(id, sizeof(id), "%08llx-%04x-4%03x-a%03x-%012llx",
	         bridge_seq++, r1, r2, r3, r4);
	bridge_event("BridgeCreate", id, 0, NULL);
	bridge_event("BridgeEnter", id, 1, a);
	bridge_event("BridgeEnter", id, 2, b);
	for (i = 0; i < n; i++)
		dtmf(pick(2) ? a : b);
	if (pick(5) == 0)
		hold(b);
	bridge_event("BridgeLeave", id, 1, b);
	bridge_event("BridgeLeave", id, 0, a);
	bridge_event("BridgeDestroy", id, 0, NULL);
}

/* One extension calls another: the events of a whole call. */
static void
call(void)
{
	struct chan a, b;
	char ext_a[8], ext_b[8], callid[48];
	const char *tech = ONE_OF(techs);
	unsigned seconds = 5 + pick(600), r1, r2, r3;
	uint64_t r;

	snprintf(ext_a, sizeof(ext_a), "%u", 1000 + pick(400));
	snprintf(ext_b, sizeof(ext_b), "%u", 1000 + pick(400));
	chan_init(&a, tech, ext_a, NULL);
	snprintf(a.exten, sizeof(a.exten), "%s", ext_b);
	a.state = 4;
	chan_init(&b, tech, ext_b, a.uniqueid);
	b.context = a.context;
	snprintf(b.con_num, sizeof(b.con_num), "%s", a.cid_num);
	snprintf(b.con_name, sizeof(b.con_name), "%s", a.cid_name);
	chan_event("Newchannel", "call,all", &a);
	end();
	r = rng();
	r1 = pick(0x10000), r2 = pick(256), r3 = pick(256);
	snprintf(callid, sizeof(callid), "%llx-%x@10.0.%u.%u",
	         (unsigned long long)r, r1, r2, r3);
	varset(&a, "SIPCALLID", callid);
	newexten(&a, "NoOp", "Internal call");
	varset(&a, "__FROM_EXTEN", a.cid_num);
	snprintf(callid, sizeof(callid), "%s/%s,30,tT", tech, ext_b);
	newexten(&a, "Dial", callid);
	ring_and_answer(&a, &b);
	talk(&a, &b);
	now += seconds;
	hangup(&b);
	hangup(&a);
	cdr(&a, &b, seconds);
	device_state(b.name, "NOT_INUSE");
}

/* ---- actions and their replies ----------------------------------------- */

static const char *const apps[] = {"crm", "wallboard", "dialer", "monitor"};

struct action {
	char id[48];
	int with_id;
};

/* Action: name, and an ActionID unless this action forgets it. */
static void
action(struct action *a, const char *name, enum fault special)
{
	begin(special != F_NONE ? special : F_NO_ACTIONID);
	snprintf(a->id, sizeof(a->id), "%s-%llu", ONE_OF(apps), ++action_seq);
	a->with_id = fault != F_NO_ACTIONID;
	hs("Action", name);
	if (a->with_id)
		hs("ActionID", a->id);
}

static void
response(const struct action *a, const char *status)
{
	begin(F_NONE);
	hs("Response", status);
	if (a->with_id)
		hs("ActionID", a->id);
}

static void
ping(void)
{
	struct action a;
	char ts[32];

	action(&a, "Ping", F_NONE);
	end();
	response(&a, "Success");
	hs("Ping", "Pong");
	snprintf(ts, sizeof(ts), "%llu.%06u", now, pick(1000000));
	hs("Timestamp", ts);
	end();
}

static void
getvar_setvar(void)
{
	static const char *const vars[] = {"CDR(userfield)", "QUEUE_PRIO",
	                                   "CALLERID(name)", "BLINDTRANSFER"};
	struct action a;
	struct chan c;
	const char *var = ONE_OF(vars);
	int set = pick(2);

	chan_init(&c, ONE_OF(techs), "1001", NULL);
	action(&a, set ? "Setvar" : "Getvar", F_NONE);
	hs("Channel", c.name);
	hs("Variable", var);
	if (set)
		hu("Value", pick(10));
	end();
	response(&a, "Success");
	if (set)
		hs("Message", "Variable Set");
	else {
		hs("Variable", var);
		hs("Value", c.cid_name);
	}
	end();
}

/* The end of an event list: ListItems says how many came. */
static void
list_complete(const char *name, const struct action *a, unsigned items)
{
	event_as(name, NULL, F_LIST_COUNT);
	if (a->with_id)
		hs("ActionID", a->id);
	hs("EventList", "Complete");
	hu("ListItems", fault == F_LIST_COUNT ? items + 1 : items);
	end();
}

static void
list_start(const struct action *a, const char *message)
{
	response(a, "Success");
	hs("EventList", "start");
	hs("Message", message);
	end();
}

static void
dbget(void)
{
	static const char *const families[] = {"cidname", "blacklist", "DND",
	                                       "CF", "AMPUSER/1001"};
	struct action a;
	char key[16];

	snprintf(key, sizeof(key), "%u", 1000 + pick(9000));
	action(&a, "DBGet", F_NONE);
	hs("Family", ONE_OF(families));
	hs("Key", key);
	end();
	list_start(&a, "Result will follow");
	event("DBGetResponse", NULL);
	if (a.with_id)
		hs("ActionID", a.id);
	hs("Family", families[0]);
	hs("Key", key);
	hs("Val", ONE_OF(first_names));
	end();
	list_complete("DBGetComplete", &a, 1);
}

static void
core_show_channels(void)
{
	struct action a;
	struct chan c;
	unsigned i, n = pick(6), min, sec;
	char dur[16];

	action(&a, "CoreShowChannels", F_NONE);
	end();
	list_start(&a, "Channels will follow");
	for (i = 0; i < n; i++) {
		chan_init(&c, ONE_OF(techs), "1042", NULL);
		c.state = 6;
		event("CoreShowChannel", NULL);
		if (a.with_id)
			hs("ActionID", a.id);
		chan_fields("", &c);
		hs("Application", "Dial");
		hp("ApplicationData", "PJSIP/1043,30,tT", NULL);
		min = pick(60), sec = pick(60);
		snprintf(dur, sizeof(dur), "00:%02u:%02u", min, sec);
		hs("Duration", dur);
		hs("BridgeId", "");
		end();
	}
	list_complete("CoreShowChannelsComplete", &a, n);
}

static void
originate(void)
{
	struct action a;
	struct chan c;
	char ext[8];

	snprintf(ext, sizeof(ext), "%u", 1000 + pick(400));
	action(&a, "Originate", pick(2) ? F_TIMEOUT_SECONDS
	                                : pick(2) ? F_NOT_BOOLEAN : F_PACKED_VARS);
	hp("Channel", "PJSIP/", ext, NULL);
	hs("Context", "from-internal");
	hu("Exten", 2000 + pick(100));
	hs("Priority", "1");
	hu("Timeout", fault == F_TIMEOUT_SECONDS ? 30 : 30000);
	hs("CallerID", "\"Click to call\" <5550100>");
	hs("Variable", fault == F_PACKED_VARS ? "CAMPAIGN=17,LEAD=4711"
	                                      : "CAMPAIGN=17");
	hs("Async", fault == F_NOT_BOOLEAN ? "maybe" : "true");
	end();
	response(&a, "Success");
	hs("Message", "Originate successfully queued");
	end();
	chan_init(&c, "PJSIP", ext, NULL);
	chan_event("Newchannel", "call,all", &c);
	end();
	set_state(&c, 5);
	event("OriginateResponse", "call,all");
	if (a.with_id)
		hs("ActionID", a.id);
	hs("Response", "Success");
	hs("Channel", c.name);
	hs("Context", "from-internal");
	hs("Exten", "2000");
	hu("Reason", 4);
	hs("Uniqueid", c.uniqueid);
	hs("CallerIDNum", "5550100");
	hs("CallerIDName", "Click to call");
	end();
	hangup(&c);
}

static void
extension_state(void)
{
	static const char *const text[] = {"Idle", "InUse", "Ringing",
	                                   "Unavailable"};
	static const unsigned code[] = {0, 1, 8, 4};
	struct action a;
	char ext[8];
	unsigned s = pick(4);

	snprintf(ext, sizeof(ext), "%u", 1000 + pick(400));
	action(&a, "ExtensionState", F_NONE);
	hs("Exten", ext);
	hs("Context", "ext-local");
	end();
	response(&a, "Success");
	hs("Message", "Extension Status");
	hs("Exten", ext);
	hs("Context", "ext-local");
	hp("Hint", "PJSIP/", ext, NULL);
	hu("Status", code[s]);
	hs("StatusText", text[s]);
	end();
}

static void
mailbox_count(void)
{
	struct action a;
	char box[24];

	snprintf(box, sizeof(box), "%u@default", 1000 + pick(400));
	action(&a, "MailboxCount", F_NONE);
	hs("Mailbox", box);
	end();
	response(&a, "Success");
	hs("Message", "Mailbox Message Count");
	hs("Mailbox", box);
	hu("UrgMessages", 0);
	hu("NewMessages", pick(5));
	hu("OldMessages", pick(40));
	end();
}

static void
command(void)
{
	struct action a;

	action(&a, "Command", F_NONE);
	hs("Command", "core show uptime");
	end();
	response(&a, "Success");
	hs("Message", "Command output follows");
	hp("Output", "System uptime: 2 days, 3 hours, 14 minutes, 9 seconds",
	   NULL);
	hs("Output", "Last reload: 4 hours, 2 minutes, 41 seconds");
	end();
}

/* ---- queues and peers ----------------------------------------------------- */

static void
queue_member_status(const char *queue, const char *iface, unsigned status)
{
	event("QueueMemberStatus", "agent,all");
	hs("Queue", queue);
	hs("MemberName", iface + 6);
	hs("Interface", iface);
	hs("StateInterface", iface);
	hs("Membership", "dynamic");
	hu("Penalty", 0);
	hu("CallsTaken", pick(50));
	hu("LastCall", now - pick(3600));
	hu("LastPause", 0);
	hu("LoginTime", now - 28800);
	hu("InCall", status == 2);
	hu("Status", status);
	hu("Paused", 0);
	hs("PausedReason", "");
	hu("Ringinuse", 0);
	hu("Wrapuptime", 0);
	end();
}

static void
queue_status(void)
{
	static const char *const queues[] = {"support", "sales", "billing"};
	struct action a;
	const char *q = ONE_OF(queues);
	unsigned i, n = 1 + pick(4);
	char iface[24];

	action(&a, "QueueStatus", F_NONE);
	hs("Queue", q);
	end();
	list_start(&a, "Queue status will follow");
	event("QueueParams", NULL);
	if (a.with_id)
		hs("ActionID", a.id);
	hs("Queue", q);
	hu("Max", 0);
	hs("Strategy", "ringall");
	hu("Calls", pick(4));
	hu("Holdtime", pick(60));
	hu("TalkTime", pick(300));
	hu("Completed", pick(500));
	hu("Abandoned", pick(20));
	hu("ServiceLevel", 60);
	hs("ServicelevelPerf", "87.5");
	hu("Weight", 0);
	end();
	for (i = 0; i < n; i++) {
		snprintf(iface, sizeof(iface), "PJSIP/%u", 1000 + pick(400));
		event("QueueMember", NULL);
		if (a.with_id)
			hs("ActionID", a.id);
		hs("Queue", q);
		hs("Name", iface + 6);
		hs("Location", iface);
		hs("StateInterface", iface);
		hs("Membership", "dynamic");
		hu("Penalty", 0);
		hu("CallsTaken", pick(50));
		hu("LastCall", now - pick(3600));
		hu("LastPause", 0);
		hu("InCall", 0);
		hu("Status", 1);
		hu("Paused", 0);
		hs("PausedReason", "");
		end();
	}
	list_complete("QueueStatusComplete", &a, n + 1);
}

static void
peer_status(void)
{
	char peer[24], addr[32];
	int up = pick(4) != 0;
	unsigned r1, r2;

	snprintf(peer, sizeof(peer), "PJSIP/%u", 1000 + pick(400));
	r1 = pick(256), r2 = pick(256);
	snprintf(addr, sizeof(addr), "10.0.%u.%u:5060", r1, r2);
	event("PeerStatus", "system,all");
	hs("ChannelType", "PJSIP");
	hs("Peer", peer);
	hs("PeerStatus", up ? "Reachable" : "Unreachable");
	if (up) {
		hs("Address", addr);
		hu("Time", 1 + pick(80));
	}
	end();
	queue_member_status("support", peer, up ? 1 : 5);
}

/* ---- the session ---------------------------------------------------------- */

static void
login(void)
{
	struct action a = {"login-1", 1};

	puts_("Asterisk Call Manager/13.0.0\r\n");
	begin(F_NONE);
	hs("Action", "Login");
	hs("ActionID", a.id);
	hs("Username", "admin");
	hs("Secret", "amp111");
	end();
	response(&a, "Success");
	hs("Message", "Authentication accepted");
	end();
	event("FullyBooted", "system,all");
	hu("Uptime", 194);
	hu("LastReload", 194);
	hs("Status", "Fully Booted");
	end();
}

/* What a busy PBX says: mostly call events, now and then an action. */
static void
scenario(void)
{
	static void (*const weighted[])(void) = {
	    call,           call,          call,          call,
	    call,           call,          call,          call,
	    originate,      originate,     ping,          ping,
	    getvar_setvar,  dbget,         core_show_channels,
	    queue_status,   peer_status,   peer_status,   extension_state,
	    mailbox_count,  command};

	ONE_OF(weighted)();
	now += pick(3);
}

static void
usage(void)
{
	fputs("usage: gen_transcript [-s SEED] [-e PER_MILLE] SIZE_MIB\n",
	      stderr);
	exit(2);
}

int
main(int argc, char **argv)
{
	unsigned long long seed = 1, size = 0;
	int i;

	for (i = 1; i + 1 < argc && argv[i][0] == '-'; i += 2) {
		if (strcmp(argv[i], "-s") == 0)
			seed = strtoull(argv[i + 1], NULL, 10);
		else if (strcmp(argv[i], "-e") == 0)
			fault_rate = (unsigned)strtoul(argv[i + 1], NULL, 10);
		else
			usage();
	}
	if (i + 1 != argc || (size = strtoull(argv[i], NULL, 10)) == 0)
		usage();
	size <<= 20;
	rng_state = seed;
	login();
	while (written + olen < size)
		scenario();
	begin(F_NONE);
	hs("Action", "Logoff");
	hs("ActionID", "logoff-1");
	end();
	begin(F_NONE);
	hs("Response", "Goodbye");
	hs("ActionID", "logoff-1");
	hs("Message", "Thanks for all the fish.");
	end();
	flush_out();
	return fflush(stdout) != 0 || ferror(stdout) ? 2 : 0;
}
