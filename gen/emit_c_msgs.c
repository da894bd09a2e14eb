/*
 * emit_c_msgs.c: -T c's message tables.  For every action, event and
 * response, and the common headers of each kind: the headers it uses (with
 * their check, flags and version facts), its groups and choices; then the
 * table of version facts they point into.
 */
#include <stdio.h>
#include <string.h>

#include "emit_c.h"
#include "esc_c.h"

static int
header_index(const struct cgen *g, const struct amid_use *u)
{
	return (int)(u->meaning->header - g->m->headers);
}

static void
use_row(struct cgen *g, const struct amid_use *u)
{
	int fa = cgen_facts(g, &u->ver, &u->meaning->ver);
	int req = u->required, rep = u->meaning->repeat;

	out_markup(&g->o, "\t{%d, %zu, %d, %d, %s}, /* ", header_index(g, u),
	           cgen_check_index(g, u->meaning), fa, u->group,
	           req && rep ? "U_REQUIRED | U_REPEAT"
	           : req      ? "U_REQUIRED"
	           : rep      ? "U_REPEAT"
	                      : "0");
	esc_c_comment(g->o.f, u->name);
	out_markup(&g->o, " */\n");
}

static void
use_table(struct cgen *g, const char *id, const char *part,
          const struct amid_use *v, size_t n)
{
	size_t i;

	if (n == 0)
		return;
	out_markup(&g->o, "static const struct use %s_%s[] = {\n", id, part);
	for (i = 0; i < n; i++)
		use_row(g, &v[i]);
	out_markup(&g->o, "};\n");
}

/* "name: Member, Member": a group and its parameters. */
static void
group_text(const struct amid_message *msg, size_t grp, struct cgen_text *t)
{
	size_t i, k = 0;

	cgen_text_put(t, msg->groups[grp].name);
	cgen_text_put(t, ": ");
	for (i = 0; i < msg->nuses; i++)
		if (msg->uses[i].group == (int)grp) {
			cgen_text_put(t, k++ > 0 ? ", " : "");
			cgen_text_put(t, msg->uses[i].name);
		}
}

static void
groups(struct cgen *g, const char *id, const struct amid_message *msg)
{
	struct cgen_text t;
	size_t i, k;

	if (msg->ngroups == 0)
		return;
	out_markup(&g->o, "static const char *const %s_groups[] = {\n", id);
	for (i = 0; i < msg->ngroups; i++) {
		cgen_text_init(&t);
		group_text(msg, i, &t);
		cgen_text_end(&t);
		out_markup(&g->o, "\t");
		cgen_str(g, t.s);
		out_markup(&g->o, ",\n");
	}
	out_markup(&g->o, "};\nstatic const struct choice %s_choices[] = {\n",
	           id);
	for (i = 0; i < msg->nchoices; i++) {
		const struct amid_choice *c = &msg->choices[i];

		cgen_text_init(&t);
		for (k = c->first_group; k < c->first_group + c->ngroups; k++) {
			cgen_text_put(&t, k > c->first_group ? "; " : "");
			group_text(msg, k, &t);
		}
		cgen_text_end(&t);
		out_markup(&g->o, "\t{");
		cgen_str(g, t.s);
		out_markup(&g->o, ", %zu, %zu, %d},\n", c->first_group,
		           c->ngroups, c->required);
	}
	out_markup(&g->o, "};\n");
}

/* The tables of one message, named after id ("a0", "common_event"...). */
static void
parts(struct cgen *g, const char *id, const struct amid_message *msg)
{
	out_markup(&g->o, "\n/* ");
	if (msg->name != NULL)
		esc_c_comment(g->o.f, msg->name);
	else
		out_markup(&g->o, "headers common to every %s",
		           amid_kind_name(msg->kind));
	out_markup(&g->o, " */\n");
	use_table(g, id, "uses", msg->uses, msg->nuses);
	use_table(g, id, "resp", msg->response, msg->nresponse);
	groups(g, id, msg);
}

static int
free_form(const struct amid_message *msg)
{
	return msg->name != NULL && strcmp(msg->name, "UserEvent") == 0 &&
	       msg->kind != AMID_RESPONSE;
}

static void
msg_row(struct cgen *g, const char *id, const struct amid_message *msg)
{
	out_markup(&g->o, "{\n\t.name = ");
	cgen_str(g, msg->name);
	if (msg->nuses > 0)
		out_markup(&g->o, ",\n\t.uses = %s_uses,\n\t.nuses = %zu", id,
		           msg->nuses);
	if (msg->nresponse > 0)
		out_markup(&g->o, ",\n\t.resp = %s_resp,\n\t.nresp = %zu", id,
		           msg->nresponse);
	if (msg->ngroups > 0)
		out_markup(&g->o, ",\n\t.groups = %s_groups,\n\t.choices = "
		                  "%s_choices,\n\t.nchoices = %zu",
		           id, id, msg->nchoices);
	/* Version facts are reported for actions and events only. */
	out_markup(&g->o, ",\n\t.facts = %d,\n\t.flags = %s,\n}",
	           msg->name && msg->kind != AMID_RESPONSE
	               ? cgen_facts(g, &msg->ver, NULL)
	               : -1,
	           free_form(msg) ? "M_FREE_FORM" : "0");
}

static void
msg_array(struct cgen *g, const char *tab, char prefix,
          const struct amid_message *v, size_t n)
{
	char id[32];
	size_t i;

	for (i = 0; i < n; i++) {
		snprintf(id, sizeof(id), "%c%zu", prefix, i);
		parts(g, id, &v[i]);
	}
	out_markup(&g->o, "\nstatic const struct msg %s[%zu] = {", tab, n + 1);
	for (i = 0; i < n; i++) {
		snprintf(id, sizeof(id), "%c%zu", prefix, i);
		msg_row(g, id, &v[i]);
		out_markup(&g->o, ", ");
	}
	out_markup(&g->o, "{\n\t.name = NULL,\n\t.facts = -1,\n}};\n");
}

void
cgen_messages(struct cgen *g)
{
	static const char *const ids[AMID_KIND__MAX] = {
		[AMID_ACTION] = "common_action",
		[AMID_EVENT] = "common_event",
		[AMID_RESPONSE] = "common_response",
	};
	const struct amid_model *m = g->m;
	size_t k;

	msg_array(g, "actions", 'a', m->actions, m->nactions);
	msg_array(g, "events", 'e', m->events, m->nevents);
	msg_array(g, "responses", 'r', m->responses, m->nresponses);
	for (k = 0; k < AMID_KIND__MAX; k++) {
		parts(g, ids[k], &m->common[k]);
		out_markup(&g->o, "static const struct msg %s = ", ids[k]);
		msg_row(g, ids[k], &m->common[k]);
		out_markup(&g->o, ";\n");
	}
}

void
cgen_facts_table(struct cgen *g)
{
	size_t i;

	out_markup(&g->o, "\n/* Version facts: since, deprecated, removed, "
	                  "renamed to. */\n"
	                  "static const struct facts facts[%zu] = {\n",
	           g->nfacts + 1);
	for (i = 0; i < g->nfacts; i++) {
		out_markup(&g->o, "\t{");
		cgen_str(g, g->facts[i].since);
		out_markup(&g->o, ", ");
		cgen_str(g, g->facts[i].deprecated);
		out_markup(&g->o, ", ");
		cgen_str(g, g->facts[i].removed);
		out_markup(&g->o, ", ");
		cgen_str(g, g->facts[i].renamed_to);
		out_markup(&g->o, "},\n");
	}
	out_markup(&g->o, "\t{NULL, NULL, NULL, NULL},\n};\n");
}
