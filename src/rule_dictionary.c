/*
 * rule_dictionary.c: dictionary and version rules: unknown actions and
 * events, event names in another case, and entries deprecated, removed,
 * renamed or not yet there in the target Asterisk version (from
 * --target-version or the banner; without one, what was ever removed or
 * deprecated is reported).
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "lint_internal.h"
#include "version.h"

/* Out of line, so that the usual report saves no registers. */
#if defined(__GNUC__)
#define RARE __attribute__((noinline))
#else
#define RARE
#endif

enum verdict {
	V_FINE,
	V_TOO_NEW,
	V_REMOVED,
	V_DEPRECATED
};

static enum verdict
judge_now(const struct lint *l, const struct lint_report *r)
{
	const char *t = l->target[0] ? l->target : NULL;

	if (t != NULL && r->since != NULL && amid_version_cmp(r->since, t) > 0)
		return V_TOO_NEW;
	if (r->removed != NULL &&
	    (t == NULL || amid_version_cmp(r->removed, t) <= 0))
		return V_REMOVED;
	if (r->deprecated != NULL &&
	    (t == NULL || amid_version_cmp(r->deprecated, t) <= 0))
		return V_DEPRECATED;
	return V_FINE;
}

/* Where the verdict on the facts of r is remembered. */
static struct lint_verdict *
verdict_slot(struct lint *l, const struct lint_report *r)
{
	uintptr_t key = (uintptr_t)r->since ^ (uintptr_t)r->deprecated >> 3 ^
	                (uintptr_t)r->removed >> 6;

	return &l->verdicts[(key ^ key >> 11) & (LINT_VERDICTS - 1)];
}

static int
remembered(const struct lint_verdict *v, const struct lint_report *r)
{
	return v->since == r->since && v->deprecated == r->deprecated &&
	       v->removed == r->removed;
}

/* judge_now(), remembered: comparing versions is slow, facts repeat. */
static enum verdict
judge(struct lint *l, const struct lint_report *r)
{
	struct lint_verdict *v = verdict_slot(l, r);

	if (!remembered(v, r)) {
		v->since = r->since;
		v->deprecated = r->deprecated;
		v->removed = r->removed;
		v->verdict = (int)judge_now(l, r);
	}
	return (enum verdict)v->verdict;
}

/* " (use X instead)" or "" */
static const char *
instead(const struct lint_report *r, char *buf, size_t size)
{
	if (r->renamed_to == NULL)
		return "";
	snprintf(buf, size, "; use %s instead", r->renamed_to);
	return buf;
}

/* The finding of a verdict that needs one. */
static void
versions(struct lint *l, const struct lint_report *r, enum verdict v,
         const char *what, enum rule_id rule, const struct ami_header *h,
         size_t col)
{
	char use[256], target[64] = "";

	if (l->target[0])
		snprintf(target, sizeof(target), " (target %s)", l->target);
	switch (v) {
	case V_TOO_NEW:
		lint_report(l, RULE_TOO_NEW, h, 0, col,
		            "%s '%s' exists only since Asterisk %s%s", what,
		            r->name, r->since, target);
		break;
	case V_REMOVED:
		lint_report(l, rule, h, 0, col,
		            "%s '%s' was removed in Asterisk %s%s%s", what,
		            r->name, r->removed, target,
		            instead(r, use, sizeof(use)));
		break;
	case V_DEPRECATED:
		lint_report(l, rule, h, 0, col,
		            "%s '%s' is deprecated since Asterisk %s%s%s", what,
		            r->name, r->deprecated, target,
		            instead(r, use, sizeof(use)));
		break;
	case V_FINE:
		break;
	}
}

/*
 * Whether the version facts of r need a finding: most are a "since" long
 * past, fine, and the common case (a report for nearly every message and
 * for many headers), so this comes before anything else.  A header the
 * server still sends though deprecated is kept for old clients: news for
 * a client's author, not a fault in the traffic.
 */
static enum verdict
need(const struct lint *l, const struct lint_report *r, enum verdict v)
{
	if (v == V_DEPRECATED && l->msg->kind != AMI_MSG_ACTION &&
	    r->problem == LP_DEPRECATED_HEADER)
		return V_FINE;
	return v;
}

static enum verdict
verdict(struct lint *l, const struct lint_report *r)
{
	return need(l, r, judge(l, r));
}

/* Any report; rule_dictionary_report() takes the usual one first. */
static RARE void
full_report(struct lint *l, const struct lint_report *r)
{
	const struct ami_message *m = l->msg;
	const struct ami_header *type, *h;
	size_t vcol;
	int tlen;
	const char *tval;
	enum verdict v = V_FINE;

	if ((r->problem == LP_DEPRECATED_MESSAGE ||
	     r->problem == LP_DEPRECATED_HEADER) &&
	    (v = verdict(l, r)) == V_FINE)
		return;
	type = m->n > 0 ? &m->h[0] : NULL;
	h = lint_field_header(l, r->field);
	vcol = type ? type->value_col : 1;
	tlen = type ? (int)(type->value_len > 80 ? 80 : type->value_len) : 0;
	tval = type ? type->value : "";
	switch (r->problem) {
	case LP_UNKNOWN_ACTION:
		lint_report(l, RULE_UNKNOWN_ACTION, type, 0, vcol,
		            "unknown action '%.*s'", tlen, tval);
		break;
	case LP_UNKNOWN_EVENT:
		lint_report(l, RULE_UNKNOWN_EVENT, type, 0, vcol,
		            "unknown event '%.*s'", tlen, tval);
		break;
	case LP_MESSAGE_CASE:
		lint_report(l, RULE_EVENT_NAME_CASE, type, 0, vcol,
		            "event '%.*s' is spelled '%s' in the dictionary",
		            tlen, tval, r->name);
		break;
	case LP_DEPRECATED_MESSAGE:
		/* A legacy response (Follows) has a framing rule of its own. */
		if (m->kind == AMI_MSG_RESPONSE)
			break;
		versions(l, r, v, m->kind == AMI_MSG_ACTION ? "action" : "event",
		         m->kind == AMI_MSG_ACTION ? RULE_DEPRECATED_ACTION
		                                   : RULE_DEPRECATED_EVENT,
		         type, vcol);
		break;
	case LP_DEPRECATED_HEADER:
		versions(l, r, v, "header", RULE_DEPRECATED_HEADER, h, 1);
		break;
	default:
		break;
	}
}

/*
 * The usual report, version facts already judged fine, returns at once
 * and calls nothing (so it saves no registers); the rest is
 * full_report()'s.
 */
void
rule_dictionary_report(struct lint *l, const struct lint_report *r)
{
	const struct lint_verdict *v;

	if (r->problem == LP_DEPRECATED_MESSAGE ||
	    r->problem == LP_DEPRECATED_HEADER) {
		v = verdict_slot(l, r);
		if (remembered(v, r) &&
		    need(l, r, (enum verdict)v->verdict) == V_FINE)
			return;
	}
	full_report(l, r);
}
