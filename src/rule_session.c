/*
 * rule_session.c: session and correlation rules over the whole
 * transcript, on top of the conversation state of ami_session.c: ActionIDs
 * missing, reused or too long; responses answering nothing; actions never
 * answered; event lists left open or miscounted; actions before login;
 * Originate pitfalls; pipelining.  Rules that need the other side of the
 * conversation run only when the transcript holds it.
 */
#include <string.h>
#include <strings.h>

#include "lint_internal.h"

/* Echo buffers of replies: 80 bytes in a few list actions, 256 elsewhere. */
#define ID_SHORT 67
#define ID_LONG 243

static int
ast_true(const struct ami_header *h)
{
	static const char *const yes[] = {"yes", "true", "y", "t", "1", "on"};
	size_t i;

	for (i = 0; h != NULL && i < sizeof(yes) / sizeof(yes[0]); i++)
		if (ami_header_value_is(h, yes[i]))
			return 1;
	return 0;
}

static int
action_is(const struct ami_header *type, const char *name)
{
	return ami_header_value_is(type, name);
}

static void
check_id(struct lint *l, const struct ami_header *type,
         const struct ami_header *id)
{
	size_t limit = action_is(type, "ConfbridgeList") ||
	                       action_is(type, "MeetmeList")
	                   ? ID_SHORT
	                   : ID_LONG;

	if (id->value_len > limit)
		lint_report(l, RULE_ACTIONID_TOO_LONG, id, 0, id->value_col + limit,
		            "ActionID of %zu characters; replies to '%.*s' echo "
		            "at most %zu intact",
		            id->value_len, (int)type->value_len, type->value, limit);
}

static void
originate(struct lint *l, const struct ami_message *m,
          const struct ami_header *type, const struct ami_header *id,
          struct ami_pending *p)
{
	const struct ami_header *async = lint_header(m, "Async");

	if (!ast_true(async)) {
		lint_report(l, RULE_ORIGINATE_SYNC, type, 0, type->value_col,
		            "synchronous Originate: the session waits until the "
		            "call is answered; consider 'Async: true'");
		return;
	}
	if (id == NULL)
		lint_report(l, RULE_ASYNC_ORIGINATE_UNCORRELATED, type, 0,
		            type->value_col,
		            "asynchronous Originate without ActionID: its "
		            "OriginateResponse event cannot be matched");
	else if (p != NULL)
		p->wants_event = true;
}

static void
report_pipelined(struct lint *l, const struct ami_header *type,
                 unsigned long line, size_t outstanding)
{
	lint_report(l, RULE_PIPELINED_ACTIONS, type, line, 1,
	            "action sent while %zu other%s not answered yet",
	            outstanding, outstanding == 1 ? " is" : "s are");
}

/*
 * In a transcript of the client side alone every action looks pipelined:
 * until a server message shows up, the finding waits.
 */
static void
pipelined(struct lint *l, const struct ami_header *type, size_t outstanding)
{
	struct ami_session *s = &l->session;

	if (s->seen_server)
		report_pipelined(l, type, 0, outstanding);
	else if (s->ndeferred < AMI_SESSION_MAX_DEFERRED) {
		s->deferred[s->ndeferred].line = type->line.lineno;
		s->deferred[s->ndeferred].stream = l->stream;
		s->deferred[s->ndeferred++].outstanding = outstanding;
	}
}

/* The first server message: the waiting findings stand. */
void
rule_session_server(struct lint *l)
{
	struct ami_session *s = &l->session;
	int stream = l->stream;
	size_t i;

	if (s->seen_server)
		return;
	s->seen_server = true;
	for (i = 0; i < s->ndeferred; i++) {
		l->stream = s->deferred[i].stream; /* the action's, not ours */
		report_pipelined(l, NULL, s->deferred[i].line,
		                 s->deferred[i].outstanding);
	}
	l->stream = stream;
	s->ndeferred = 0;
}

static void
action(struct lint *l, const struct ami_message *m)
{
	struct ami_session *s = &l->session;
	const struct ami_header *type = &m->h[0];
	const struct ami_header *id = lint_header(m, "ActionID");
	struct ami_pending *p = NULL;
	bool before_login;

	s->seen_client = true;
	before_login = s->seen_server && !s->logged_in &&
	               !action_is(type, "Login") && !action_is(type, "Logoff") &&
	               !action_is(type, "Challenge");
	if (before_login)
		lint_report(l, RULE_ACTION_BEFORE_LOGIN, type, 0, type->value_col,
		            "action '%.*s' before a successful login: Asterisk "
		            "answers 'Permission denied'",
		            (int)type->value_len, type->value);
	if (s->outstanding > 0)
		pipelined(l, type, s->outstanding);
	s->outstanding++;
	if (id == NULL) {
		lint_report(l, RULE_MISSING_ACTIONID, type, 0, 1,
		            "action '%.*s' has no ActionID",
		            (int)type->value_len, type->value);
		s->noid_pending++;
	} else if (ami_session_find(s, id->value, id->value_len) != NULL)
		lint_report(l, RULE_DUPLICATE_ACTIONID, id, 0, id->value_col,
		            "ActionID '%.*s' is already in flight",
		            (int)(id->value_len > 80 ? 80 : id->value_len),
		            id->value);
	else {
		check_id(l, type, id);
		p = ami_session_add(s, id->value, id->value_len, type->value,
		                    type->value_len, type->line.lineno);
		p->before_login = before_login;
		p->stream = l->stream;
	}
	if (action_is(type, "Originate"))
		originate(l, m, type, id, p);
}

static void
answered(struct ami_session *s)
{
	if (s->outstanding > 0)
		s->outstanding--;
}

static void
open_list(struct lint *l, const struct ami_message *m,
          const struct ami_header *id)
{
	struct ami_pending *p = ami_session_add(&l->session, id->value,
	                                        id->value_len, "", 0,
	                                        m->first_line);

	p->answered = true;
	p->list_open = true;
	p->list_line = m->first_line;
	p->stream = p->list_stream = l->stream;
}

static void
response(struct lint *l, const struct ami_message *m)
{
	struct ami_session *s = &l->session;
	const struct ami_header *id = lint_header(m, "ActionID");
	const struct ami_header *msg = lint_header(m, "Message");
	const struct ami_header *list = lint_header(m, "EventList");
	struct ami_pending *p;

	rule_session_server(l);
	if (msg != NULL && ami_header_value_is(msg, "Authentication accepted"))
		s->logged_in = true;
	if (id == NULL) {
		if (s->noid_pending > 0) {
			s->noid_pending--;
			answered(s);
		} else if (s->seen_client)
			lint_report(l, RULE_UNMATCHED_RESPONSE, &m->h[0], 0, 1,
			            "response without ActionID, and no action "
			            "without one is waiting");
		return;
	}
	if ((p = ami_session_find(s, id->value, id->value_len)) == NULL) {
		if (s->seen_client && !s->forgot)
			lint_report(l, RULE_UNMATCHED_RESPONSE, id, 0,
			            id->value_col,
			            "response for ActionID '%.*s', which no action "
			            "in flight has",
			            (int)(id->value_len > 80 ? 80 : id->value_len),
			            id->value);
		else if (!s->seen_client && list != NULL &&
		         ami_header_value_is(list, "start"))
			/* The server side alone: follow the list it opens. */
			open_list(l, m, id);
		return;
	}
	if (p->answered)
		return; /* a second response: the list's own, or a repeat */
	p->answered = true;
	answered(s);
	if (msg != NULL && ami_header_value_is(msg, "Permission denied") &&
	    !p->before_login)
		lint_report(l, RULE_ACTION_BEFORE_LOGIN, msg, 0, msg->value_col,
		            "action '%s' (line %lu) was refused: it came "
		            "before a successful login",
		            p->action, p->line);
	if (list != NULL && ami_header_value_is(list, "start")) {
		p->list_open = true;
		p->list_line = m->first_line;
		p->list_stream = l->stream;
	} else if (!p->wants_event)
		ami_session_forget(s, p);
}

/* Parses a small decimal number; -1 when it is not one. */
static long
number(const struct ami_header *h)
{
	long v = 0;
	size_t i;

	if (h == NULL || h->value_len == 0 || h->value_len > 9)
		return -1;
	for (i = 0; i < h->value_len; i++) {
		if (h->value[i] < '0' || h->value[i] > '9')
			return -1;
		v = v * 10 + (h->value[i] - '0');
	}
	return v;
}

static void
list_event(struct lint *l, const struct ami_message *m, struct ami_pending *p)
{
	const struct ami_header *list = lint_header(m, "EventList");
	const struct ami_header *items;
	long n;

	if (list == NULL || !(ami_header_value_is(list, "Complete") ||
	                      ami_header_value_is(list, "Cancelled"))) {
		p->items++;
		return;
	}
	items = lint_header(m, "ListItems");
	if (items != NULL && (n = number(items)) >= 0 && (size_t)n != p->items)
		lint_report(l, RULE_LISTITEMS_MISMATCH, items, 0,
		            items->value_col,
		            "ListItems says %ld, but %zu list event%s came", n,
		            p->items, p->items == 1 ? "" : "s");
	ami_session_forget(&l->session, p);
}

static void
event(struct lint *l, const struct ami_message *m)
{
	struct ami_session *s = &l->session;
	const struct ami_header *id;
	struct ami_pending *p;

	rule_session_server(l);
	/* Nothing in flight, nothing to find: most events. */
	if (s->npending == 0 || (id = lint_header(m, "ActionID")) == NULL ||
	    (p = ami_session_find(s, id->value, id->value_len)) == NULL)
		return;
	if (p->list_open)
		list_event(l, m, p);
	else if (p->wants_event && ami_header_value_is(&m->h[0], "OriginateResponse"))
		ami_session_forget(s, p);
}

void
rule_session(struct lint *l, const struct ami_message *m)
{
	if (m->n == 0)
		return;
	switch (m->kind) {
	case AMI_MSG_ACTION:
		action(l, m);
		break;
	case AMI_MSG_RESPONSE:
		response(l, m);
		break;
	case AMI_MSG_EVENT:
		event(l, m);
		break;
	case AMI_MSG_UNKNOWN:
		break;
	}
}

static void
left_over(void *ctx, const struct ami_pending *p)
{
	struct lint *l = ctx;

	/* Lines of the stream the list or the action came in. */
	l->stream = p->list_open ? p->list_stream : p->stream;
	if (p->list_open)
		lint_report(l, RULE_EVENTLIST_INCOMPLETE, NULL, p->list_line, 1,
		            "event list %s%s%s(ActionID '%s') was never "
		            "completed",
		            p->action[0] ? "of '" : "", p->action,
		            p->action[0] ? "' " : "", p->id);
	else if (!p->answered && l->session.seen_client)
		lint_report(l, RULE_UNANSWERED_ACTION, NULL, p->line, 1,
		            "action '%s' (ActionID '%s') was never answered",
		            p->action, p->id);
}

void
rule_session_finish(struct lint *l)
{
	struct ami_session *s = &l->session;

	if (!s->seen_server)
		return;
	ami_session_each(s, left_over, l);
	if (!s->seen_client)
		return;
	if (s->noid_pending > 0)
		lint_report(l, RULE_UNANSWERED_ACTION, NULL, 0, 0,
		            "%zu action%s without ActionID never answered",
		            s->noid_pending, s->noid_pending == 1 ? " was" : "s were");
}
