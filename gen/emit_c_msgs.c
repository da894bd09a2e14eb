/*
 * emit_c_msgs.c: -T c's message tables.  For every action, event and
 * response, and the common headers of each kind: the headers it uses (with
 * their check, flags and version facts), its groups and choices; then the
 * table of version facts they point into.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emit_c.h"
#include "esc_c.h"

/*
 * Each use table has a map from header ids to its uses: open addressing,
 * a header first tried at use_home() (this multiplier, the generated code
 * says the same), then in the slots after it.
 */
#define CGEN_USE_MULT 0x9e3779b1u

static int
header_index(const struct cgen *g, const struct amid_use *u)
{
	return (int)(u->meaning->header - g->m->headers);
}

/*
 * later: an earlier use of the same table has the same header.  U_ANY: its
 * check takes any value (check_value() would say so); U_QUIET: that, and
 * no version facts.
 */
static void
use_row(struct cgen *g, const struct amid_use *u, int later)
{
	const struct amid_meaning *mn = u->meaning;
	int fa = cgen_facts(g, &u->ver, &mn->ver);
	const char *flag[5] = {"U_REQUIRED", "U_REPEAT", "U_LATER", "U_ANY",
	                       "U_QUIET"};
	int on[5], i, k = 0;

	on[0] = u->required;
	on[1] = mn->repeat;
	on[2] = later;
	on[3] = (mn->type == AMID_T_STRING || mn->type == AMID_T_ACTIONID) &&
	        !mn->has_max_length;
	on[4] = on[3] && fa < 0;
	out_markup(&g->o, "\t{%d, %zu, %d, %d, ", header_index(g, u),
	           cgen_check_index(g, mn), fa, u->group);
	for (i = 0; i < 5; i++)
		if (on[i])
			out_markup(&g->o, "%s%s", k++ ? " | " : "", flag[i]);
	out_markup(&g->o, "%s}, /* ", k ? "" : "0");
	esc_c_comment(g->o.f, u->name);
	out_markup(&g->o, " */\n");
}

static int
later_use(const struct amid_use *v, size_t i)
{
	size_t j;

	for (j = 0; j < i; j++)
		if (v[j].meaning->header == v[i].meaning->header)
			return 1;
	return 0;
}

/* The slot a header's use is first tried in: see CGEN_USE_MULT. */
static size_t
map_home(int header, size_t mask)
{
	return (size_t)(((uint32_t)header * (uint32_t)CGEN_USE_MULT) >> 16) &
	       mask;
}

/* Map slots: the smallest power of two at least twice the uses. */
static size_t
map_size(size_t n)
{
	size_t m = 2;

	while (m < 2 * n)
		m *= 2;
	return m;
}

/*
 * Where each header's first use in v is (the one the engine must find):
 * an open-addressing table of (index << 16 | header + 1), 0 when empty.
 */
static void
use_map(struct cgen *g, const char *id, const char *part,
        const struct amid_use *v, size_t n)
{
	size_t m = map_size(n), i, k;
	uint32_t *map = calloc(m, sizeof(*map));

	if (map == NULL) {
		g->nomem = 1;
		return;
	}
	for (i = 0; i < n; i++) {
		uint32_t h = (uint32_t)header_index(g, &v[i]) + 1;

		for (k = map_home((int)h - 1, m - 1);
		     map[k] != 0 && (map[k] & 0xffff) != h; k = (k + 1) & (m - 1))
			;
		if (map[k] == 0) /* a repeat keeps the first use */
			map[k] = (uint32_t)i << 16 | h;
	}
	out_markup(&g->o, "static const uint32_t %s_%s_map[%zu] = {", id, part,
	           m);
	for (i = 0; i < m; i++)
		out_markup(&g->o, "%s0x%08lx,", i % 6 ? " " : "\n\t",
		           (unsigned long)map[i]);
	out_markup(&g->o, "\n};\n");
	free(map);
}

static size_t
count_required(const struct amid_use *v, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		k += v[i].required && v[i].group < 0;
	return k;
}

static void
use_table(struct cgen *g, const char *id, const char *part,
          const struct amid_use *v, size_t n)
{
	size_t i, k = 0;

	if (n == 0)
		return;
	out_markup(&g->o, "static const struct use %s_%s[] = {\n", id, part);
	for (i = 0; i < n; i++)
		use_row(g, &v[i], later_use(v, i));
	out_markup(&g->o, "};\n");
	use_map(g, id, part, v, n);
	if (count_required(v, n) == 0)
		return;
	out_markup(&g->o, "static const unsigned short %s_%s_req[] = {", id,
	           part);
	for (i = 0; i < n; i++)
		if (v[i].required && v[i].group < 0)
			out_markup(&g->o, "%s%zu,", k++ % 12 ? " " : "\n\t", i);
	out_markup(&g->o, "\n};\n");
}

/* The initializer of a struct uses: the tables of use_table(). */
static void
uses_init(struct cgen *g, const char *member, const char *id,
          const char *part, const struct amid_use *v, size_t n)
{
	size_t k = count_required(v, n);

	if (n == 0) {
		out_markup(&g->o, ",\n\t.%s = {.map = no_map}", member);
		return;
	}
	out_markup(&g->o, ",\n\t.%s = {%s_%s, %s_%s_map, ", member, id, part,
	           id, part);
	if (k > 0)
		out_markup(&g->o, "%s_%s_req, ", id, part);
	else
		out_markup(&g->o, "NULL, ");
	out_markup(&g->o, "%zu, %zu, %zu}", n, map_size(n) - 1, k);
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
	uses_init(g, "uses", id, "uses", msg->uses, msg->nuses);
	uses_init(g, "resp", id, "resp", msg->response, msg->nresponse);
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
	out_markup(&g->o, "{\n\t.name = NULL,\n\t.uses = {.map = no_map},\n"
	                  "\t.resp = {.map = no_map},\n\t.facts = -1,\n}};\n");
}

/* The most uses of one kind of message, its own or of its response. */
static size_t
most_uses(const struct amid_message *v, size_t n, int response)
{
	size_t i, most = 0;

	for (i = 0; i < n; i++) {
		size_t k = response ? v[i].nresponse : v[i].nuses;

		most = k > most ? k : most;
	}
	return most;
}

/*
 * The most uses one validation looks up (its sets: the message's, for a
 * response the answered action's, and the common ones): the slots of
 * struct run's seen[], at least one.
 */
static size_t
most_slots(const struct amid_model *m)
{
	size_t a = most_uses(m->actions, m->nactions, 0) +
	           m->common[AMID_ACTION].nuses;
	size_t e = most_uses(m->events, m->nevents, 0) +
	           m->common[AMID_EVENT].nuses;
	size_t r = most_uses(m->responses, m->nresponses, 0) +
	           most_uses(m->actions, m->nactions, 1) +
	           m->common[AMID_RESPONSE].nuses;
	size_t most = a > e ? (a > r ? a : r) : (e > r ? e : r);

	return most > 0 ? most : 1;
}

static void
map_code(struct cgen *g)
{
	out_markup(&g->o, "\n/* The most uses one message is checked "
	                  "against. */\nenum { NUSES_MAX = %zu };\n",
	           most_slots(g->m));
	out_markup(&g->o,
	           "\n/* The map of a message without uses. */\n"
	           "static const uint32_t no_map[1] = {0};\n\n"
	           "/* Where a map holds header h, or the first slot to try. */\n"
	           "static unsigned\nuse_home(int h)\n{\n"
	           "\treturn ((uint32_t)h * UINT32_C(0x%x)) >> 16;\n}\n",
	           CGEN_USE_MULT);
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

	map_code(g);
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
