/*
 * rule_headers.c: headers and values: what the dictionary's validator
 * finds (unknown, miscased, misplaced, missing, repeated headers, bad
 * values, incomplete groups), said the way a user needs it, plus pitfalls
 * the dictionary cannot express (packed variables, Events vs EventMask,
 * Originate timeouts in seconds).
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "lint_internal.h"

/* The bytes of s as a set (ignoring case as lint_distance() does). */
static uint64_t
byte_set(const char *s, size_t n)
{
	uint64_t set = 0;
	size_t i;

	for (i = 0; i < n; i++)
		set |= UINT64_C(1) << (((unsigned char)s[i] | 0x20) & 63);
	return set;
}

/* Whether x has more than two bits set. */
static int
over_two(uint64_t x)
{
	x &= x - 1;
	x &= x - 1;
	return x != 0;
}

/*
 * The known header nearest to name, within 2 edits, or NULL.  Every
 * known header is a candidate: most are told apart by their length, or
 * by bytes one has and the other lacks (an edit brings in or takes away
 * at most one), before the edit distance is computed.
 */
static const char *
did_you_mean(const struct lint *l, const char *name, size_t len)
{
	const struct lint_dict *d = l->dict;
	const char *best = NULL;
	size_t bestd = 3;
	uint64_t set = byte_set(name, len);
	int i, n = d->header_count(d->impl);

	for (i = 0; i < n; i++) {
		const char *cand = d->header_name(d->impl, i);
		size_t clen = strlen(cand), dist;
		uint64_t cset;

		if ((clen > len ? clen - len : len - clen) > 2)
			continue;
		cset = byte_set(cand, clen);
		if (over_two(cset & ~set) || over_two(set & ~cset))
			continue;
		dist = lint_distance(name, len, cand, clen, 2);
		if (dist < bestd) {
			best = cand;
			bestd = dist;
		}
	}
	return best;
}

static const char *
kind_name(const struct ami_message *m)
{
	return m->kind == AMI_MSG_ACTION  ? "action"
	       : m->kind == AMI_MSG_EVENT ? "event"
	                                  : "response";
}

static int
is_bool_detail(const char *detail)
{
	return detail != NULL && strncmp(detail, "Asterisk boolean", 16) == 0;
}

/* Quotes at most 80 bytes of the value, and never a password. */
static void
bad_value(struct lint *l, const struct lint_report *r,
          const struct ami_header *h)
{
	const char *v = h->value;
	int len = (int)(h->value_len > 80 ? 80 : h->value_len);

	if (lint_is_secret(h)) {
		v = "********";
		len = 8;
	}
	if (is_bool_detail(r->detail))
		lint_report(l, RULE_NON_BOOLEAN_VALUE, h, 0, h->value_col,
		            "'%.*s' is not a boolean Asterisk knows: it reads "
		            "it as false (use yes/true/1 or no/false/0)",
		            len, v);
	else
		lint_report(l, RULE_BAD_VALUE, h, 0, h->value_col,
		            "value '%.*s' of '%s' is not %s", len, v, r->name,
		            r->detail ? r->detail : "valid");
}

void
rule_headers_report(struct lint *l, const struct lint_report *r)
{
	const struct ami_message *m = l->msg;
	const struct ami_header *h = lint_field_header(l, r->field);
	const struct ami_header *type = m->n > 0 ? &m->h[0] : NULL;
	const char *hint;
	int tlen = type ? (int)type->value_len : 0;
	const char *tval = type ? type->value : "";

	switch (r->problem) {
	case LP_UNKNOWN_HEADER:
		hint = did_you_mean(l, h->name, h->name_len);
		if (hint != NULL)
			lint_report(l, RULE_UNKNOWN_HEADER, h, 0, 1,
			            "unknown header '%.*s'; did you mean '%s'?",
			            (int)h->name_len, h->name, hint);
		else
			lint_report(l, RULE_UNKNOWN_HEADER, h, 0, 1,
			            "unknown header '%.*s'", (int)h->name_len,
			            h->name);
		break;
	case LP_HEADER_CASE:
		/* What Asterisk sends is its spelling; clients choose theirs. */
		if (m->kind != AMI_MSG_ACTION)
			break;
		lint_report(l, RULE_HEADER_CASE, h, 0, 1,
		            "header '%.*s' is spelled '%s' in the dictionary",
		            (int)h->name_len, h->name, r->name);
		break;
	case LP_NOT_FOR_MESSAGE:
		lint_report(l, RULE_HEADER_NOT_FOR_MESSAGE, h, 0, 1,
		            "header '%s' is not defined for %s '%.*s'", r->name,
		            kind_name(m), tlen, tval);
		break;
	case LP_REPEATED:
		lint_report(l, RULE_DUPLICATE_HEADER, h, 0, 1,
		            "header '%s' repeated; Asterisk uses the first "
		            "value only",
		            r->name);
		break;
	case LP_BAD_VALUE:
		bad_value(l, r, h);
		break;
	case LP_MISSING_REQUIRED:
		lint_report(l, RULE_MISSING_REQUIRED_HEADER, type, 0, 1,
		            "%s '%.*s' lacks required header '%s'", kind_name(m),
		            tlen, tval, r->name);
		break;
	case LP_INCOMPLETE_GROUP:
		lint_report(l, RULE_INCOMPLETE_GROUP, type, 0, 1,
		            "%s '%.*s' lacks '%s', needed with the others of %s",
		            kind_name(m), tlen, tval, r->name,
		            r->detail ? r->detail : "its group");
		break;
	case LP_NO_GROUP:
		lint_report(l, RULE_MISSING_GROUP, type, 0, 1,
		            "%s '%.*s' needs one of: %s", kind_name(m), tlen, tval,
		            r->detail ? r->detail : r->name);
		break;
	case LP_CONFLICTING_GROUPS:
		lint_report(l, RULE_CONFLICTING_GROUPS, h, 0, 1,
		            "%s '%.*s' gives more than one of: %s", kind_name(m),
		            tlen, tval, r->detail ? r->detail : r->name);
		break;
	default:
		break;
	}
}

/* Variable: A=1,B=2 sets two variables only because Asterisk splits it. */
static void
variable_packing(struct lint *l, const struct ami_header *h)
{
	const char *v = h->value, *end = v + h->value_len, *comma;

	comma = memchr(v, ',', h->value_len);
	if (comma == NULL || memchr(comma, '=', (size_t)(end - comma)) == NULL ||
	    memchr(v, '=', (size_t)(comma - v)) == NULL)
		return;
	lint_report(l, RULE_VARIABLE_PACKING, h, 0,
	            h->value_col + (size_t)(comma - v),
	            "several variables in one 'Variable:' header; give one "
	            "header per variable");
}

static void
events_vs_eventmask(struct lint *l, const struct ami_message *m)
{
	size_t i;

	if (lint_header(m, "EventMask") != NULL)
		return;
	for (i = 0; i < l->nfields; i++) {
		const struct ami_header *h = lint_field_header(l, i);

		if (!ami_header_name_is(h, "Events"))
			continue;
		lint_report(l, RULE_EVENTS_VS_EVENTMASK, h, 0, 1,
		            "'Action: Events' reads 'EventMask:', not "
		            "'Events:'; Asterisk will answer 'Invalid event "
		            "mask'");
		l->quiet_field[i] = true;
	}
}

static void
originate_timeout(struct lint *l, const struct ami_message *m)
{
	const struct ami_header *t = lint_header(m, "Timeout");
	unsigned long v = 0;
	size_t i;

	if (t == NULL || t->value_len == 0 || t->value_len > 9)
		return;
	for (i = 0; i < t->value_len; i++) {
		if (t->value[i] < '0' || t->value[i] > '9')
			return;
		v = v * 10 + (unsigned long)(t->value[i] - '0');
	}
	if (v < 1000)
		lint_report(l, RULE_ORIGINATE_TIMEOUT_UNITS, t, 0, t->value_col,
		            "Originate Timeout is in milliseconds: %lu ms is "
		            "probably meant as %lu seconds (%lu000)",
		            v, v, v);
}

/*
 * The reply to ListCommands has one header per action, named after it:
 * "Originate: Originate a call. (Priv: originate,all)".  Such lines are
 * data, not headers the dictionary could know (modules add actions).
 */
static void
command_list(struct lint *l)
{
	static const char priv[] = "(Priv: ";
	size_t i, j;

	for (i = 0; i < l->nfields; i++) {
		const struct lint_field *f = &l->fields[i];

		for (j = 0; j + sizeof(priv) - 1 <= f->value_len; j++)
			if (memcmp(f->value + j, priv, sizeof(priv) - 1) == 0) {
				l->quiet_field[i] = true;
				break;
			}
	}
}

void
rule_headers(struct lint *l, const struct ami_message *m)
{
	const struct ami_header *type = m->n > 0 ? &m->h[0] : NULL;
	size_t i;

	if (m->kind == AMI_MSG_RESPONSE)
		command_list(l);
	if (m->kind != AMI_MSG_ACTION || type == NULL)
		return;
	for (i = 0; i < m->n; i++)
		if (ami_header_name_is(&m->h[i], "Variable"))
			variable_packing(l, &m->h[i]);
	if (ami_header_value_is(type, "Events"))
		events_vs_eventmask(l, m);
	else if (ami_header_value_is(type, "Originate"))
		originate_timeout(l, m);
}
