/*
 * emit_diff.c: -T diff and -T diff-json, what changed between two linked
 * models: the --old one (opts->old) and the one given as operands.
 * Actions, events and headers added, removed and renamed; parameters and
 * fields added, removed, made required or optional; enumeration values
 * added and dropped.  An entry counts on a side when it is in that model
 * and not removed there.  The changes are found once (struct diff) and
 * written as Markdown or JSON.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "emit.h"
#include "esc_md.h"
#include "json_out.h"
#include "out.h"

/* Renames of renames are followed this far (Link -> Bridge -> ...). */
#define MAX_RENAME_CHAIN 8

enum dkind { D_ACTION, D_EVENT, D_HEADER, D__MAX };

static const char *const dkind_names[D__MAX] = {
    [D_ACTION] = "actions",
    [D_EVENT] = "events",
    [D_HEADER] = "headers",
};

struct names {
	const char **v;
	size_t n, cap;
};

struct rename {
	const char *from;
	struct names to;
};

/* A message on both sides whose parameters or fields changed. */
struct msg_change {
	const char *name;
	struct names added, removed, required, optional;
};

/* An enumeration on both sides whose values changed. */
struct value_change {
	const char *header, *key; /* key: the new side's, or NULL */
	struct names added, dropped;
};

struct kind_diff {
	size_t nold, nnew; /* entries on each side */
	struct names added, removed;
	struct rename *renamed;
	size_t nrenamed, cap_renamed;
	struct msg_change *changed;
	size_t nchanged, cap_changed;
};

struct diff {
	const struct amid_model *old, *new;
	struct kind_diff k[D__MAX];
	struct value_change *values;
	size_t nvalues, cap_values;
	int nomem;
};

/* ---- growing arrays ------------------------------------------------------ */

static void *
grow(struct diff *d, void *v, size_t n, size_t *cap, size_t size)
{
	void *nv;

	if (n < *cap)
		return v;
	*cap = *cap ? *cap * 2 : 8;
	if ((nv = realloc(v, *cap * size)) == NULL) {
		d->nomem = 1;
		free(v);
		return NULL;
	}
	return nv;
}

static void
add(struct diff *d, struct names *s, const char *name)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (strcmp(s->v[i], name) == 0)
			return;
	if ((s->v = grow(d, s->v, s->n, &s->cap, sizeof(*s->v))) == NULL) {
		s->n = s->cap = 0;
		return;
	}
	s->v[s->n++] = name;
}

static int
has(const struct names *s, const char *name)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (strcmp(s->v[i], name) == 0)
			return 1;
	return 0;
}

static void
diff_free(struct diff *d)
{
	size_t i, k;

	for (k = 0; k < D__MAX; k++) {
		struct kind_diff *kd = &d->k[k];

		free(kd->added.v);
		free(kd->removed.v);
		for (i = 0; i < kd->nrenamed; i++)
			free(kd->renamed[i].to.v);
		free(kd->renamed);
		for (i = 0; i < kd->nchanged; i++) {
			free(kd->changed[i].added.v);
			free(kd->changed[i].removed.v);
			free(kd->changed[i].required.v);
			free(kd->changed[i].optional.v);
		}
		free(kd->changed);
	}
	for (i = 0; i < d->nvalues; i++) {
		free(d->values[i].added.v);
		free(d->values[i].dropped.v);
	}
	free(d->values);
}

/* ---- entries of one kind on one side ----------------------------------- */

static size_t
count(const struct amid_model *m, enum dkind k)
{
	return k == D_ACTION ? m->nactions
	       : k == D_EVENT ? m->nevents
	                      : m->nheaders;
}

static const char *
name_at(const struct amid_model *m, enum dkind k, size_t i)
{
	return k == D_ACTION ? m->actions[i].name
	       : k == D_EVENT ? m->events[i].name
	                      : m->headers[i].name;
}

static const struct amid_message *
find_msg(const struct amid_model *m, enum dkind k, const char *name)
{
	return k == D_ACTION ? amid_find_action(m, name)
	                     : amid_find_event(m, name);
}

/* In the model and not removed there. */
static int
present(const struct amid_model *m, enum dkind k, const char *name)
{
	const struct amid_message *msg;
	const struct amid_header *h;
	size_t i;

	if (k != D_HEADER)
		return (msg = find_msg(m, k, name)) != NULL &&
		       msg->ver.removed == NULL;
	if ((h = amid_find_header(m, name)) == NULL)
		return 0;
	for (i = 0; i < h->nmeanings; i++)
		if (h->meanings[i].ver.removed == NULL)
			return 1;
	return 0;
}

/* What the entry says it was renamed to (a header: any of its meanings). */
static void
renamed_to(struct diff *d, const struct amid_model *m, enum dkind k,
           const char *name, struct names *out)
{
	const struct amid_message *msg;
	const struct amid_header *h;
	size_t i, j;

	if (k != D_HEADER) {
		if ((msg = find_msg(m, k, name)) != NULL)
			for (i = 0; i < msg->ver.nrenamed_to; i++)
				add(d, out, msg->ver.renamed_to[i]);
		return;
	}
	if ((h = amid_find_header(m, name)) == NULL)
		return;
	for (i = 0; i < h->nmeanings; i++)
		for (j = 0; j < h->meanings[i].ver.nrenamed_to; j++)
			add(d, out, h->meanings[i].ver.renamed_to[j]);
}

/*
 * The new side's entries that name became, renames of renames followed;
 * what the new side says about the rename wins over the old side.
 */
static void
rename_targets(struct diff *d, enum dkind k, const char *name,
               struct names *out, int depth)
{
	struct names to = {0};
	size_t i;

	renamed_to(d, d->new, k, name, &to);
	if (to.n == 0)
		renamed_to(d, d->old, k, name, &to);
	for (i = 0; i < to.n; i++) {
		if (present(d->new, k, to.v[i]))
			add(d, out, to.v[i]);
		else if (depth < MAX_RENAME_CHAIN)
			rename_targets(d, k, to.v[i], out, depth + 1);
	}
	free(to.v);
}

/* ---- finding the changes ------------------------------------------------ */

static const struct amid_use *
find_use(const struct amid_message *msg, const char *name)
{
	size_t i;

	for (i = 0; i < msg->nuses; i++)
		if (msg->uses[i].ver.removed == NULL &&
		    strcasecmp(msg->uses[i].name, name) == 0)
			return &msg->uses[i];
	return NULL;
}

static void
compare_msg(struct diff *d, struct kind_diff *kd,
            const struct amid_message *o, const struct amid_message *n)
{
	struct msg_change c;
	const struct amid_use *u, *ou;
	size_t i;

	memset(&c, 0, sizeof(c));
	c.name = n->name;
	for (i = 0; i < n->nuses; i++) {
		if ((u = &n->uses[i])->ver.removed != NULL)
			continue;
		if ((ou = find_use(o, u->name)) == NULL)
			add(d, &c.added, u->name);
		else if (u->required && !ou->required)
			add(d, &c.required, u->name);
		else if (!u->required && ou->required)
			add(d, &c.optional, u->name);
	}
	for (i = 0; i < o->nuses; i++)
		if (o->uses[i].ver.removed == NULL &&
		    find_use(n, o->uses[i].name) == NULL)
			add(d, &c.removed, o->uses[i].name);
	if (c.added.n + c.removed.n + c.required.n + c.optional.n == 0)
		return;
	kd->changed = grow(d, kd->changed, kd->nchanged, &kd->cap_changed,
	                   sizeof(*kd->changed));
	if (kd->changed == NULL) {
		kd->nchanged = kd->cap_changed = 0;
		return;
	}
	kd->changed[kd->nchanged++] = c;
}

static void
add_rename(struct diff *d, struct kind_diff *kd, const char *from,
           struct names *to)
{
	kd->renamed = grow(d, kd->renamed, kd->nrenamed, &kd->cap_renamed,
	                   sizeof(*kd->renamed));
	if (kd->renamed == NULL) {
		kd->nrenamed = kd->cap_renamed = 0;
		free(to->v);
		return;
	}
	kd->renamed[kd->nrenamed].from = from;
	kd->renamed[kd->nrenamed++].to = *to;
}

static void
diff_kind(struct diff *d, enum dkind k)
{
	struct kind_diff *kd = &d->k[k];
	struct names targets = {0}, to;
	const char *name;
	size_t i, j;

	for (i = 0; i < count(d->old, k); i++) {
		if (!present(d->old, k, (name = name_at(d->old, k, i))))
			continue;
		kd->nold++;
		if (present(d->new, k, name)) {
			if (k != D_HEADER)
				compare_msg(d, kd, find_msg(d->old, k, name),
				            find_msg(d->new, k, name));
			continue;
		}
		memset(&to, 0, sizeof(to));
		rename_targets(d, k, name, &to, 0);
		for (j = 0; j < to.n; j++)
			add(d, &targets, to.v[j]);
		if (to.n > 0)
			add_rename(d, kd, name, &to);
		else
			add(d, &kd->removed, name);
	}
	for (i = 0; i < count(d->new, k); i++) {
		if (!present(d->new, k, (name = name_at(d->new, k, i))))
			continue;
		kd->nnew++;
		if (!present(d->old, k, name) && !has(&targets, name))
			add(d, &kd->added, name);
	}
	free(targets.v);
}

/* The old meaning to compare with: the only one, or the same key. */
static const struct amid_meaning *
match_meaning(const struct amid_header *oh, const struct amid_header *h,
              const struct amid_meaning *mn)
{
	size_t i;

	if (oh->nmeanings == 1 && h->nmeanings == 1)
		return &oh->meanings[0];
	for (i = 0; i < oh->nmeanings; i++)
		if (oh->meanings[i].key != NULL && mn->key != NULL &&
		    strcmp(oh->meanings[i].key, mn->key) == 0)
			return &oh->meanings[i];
	return NULL;
}

static int
has_value(const struct amid_meaning *mn, const char *name)
{
	size_t i;

	for (i = 0; i < mn->nvalues; i++)
		if (mn->values[i].ver.removed == NULL &&
		    strcmp(mn->values[i].name, name) == 0)
			return 1;
	return 0;
}

static void
compare_values(struct diff *d, const struct amid_header *h,
               const struct amid_meaning *om, const struct amid_meaning *mn)
{
	struct value_change c;
	size_t i;

	memset(&c, 0, sizeof(c));
	c.header = h->name;
	c.key = h->nmeanings > 1 ? mn->key : NULL;
	for (i = 0; i < mn->nvalues; i++)
		if (mn->values[i].ver.removed == NULL &&
		    !has_value(om, mn->values[i].name))
			add(d, &c.added, mn->values[i].name);
	for (i = 0; i < om->nvalues; i++)
		if (om->values[i].ver.removed == NULL &&
		    !has_value(mn, om->values[i].name))
			add(d, &c.dropped, om->values[i].name);
	if (c.added.n + c.dropped.n == 0)
		return;
	d->values = grow(d, d->values, d->nvalues, &d->cap_values,
	                 sizeof(*d->values));
	if (d->values == NULL) {
		d->nvalues = d->cap_values = 0;
		return;
	}
	d->values[d->nvalues++] = c;
}

/* Enumerations that are enumerations on both sides. */
static void
diff_values(struct diff *d)
{
	const struct amid_header *h, *oh;
	const struct amid_meaning *mn, *om;
	size_t i, k;

	for (i = 0; i < d->new->nheaders; i++) {
		h = &d->new->headers[i];
		if ((oh = amid_find_header(d->old, h->name)) == NULL)
			continue;
		for (k = 0; k < h->nmeanings; k++) {
			mn = &h->meanings[k];
			if (mn->ver.removed != NULL || mn->type != AMID_T_ENUM ||
			    (om = match_meaning(oh, h, mn)) == NULL)
				continue;
			if (om->ver.removed == NULL && om->type == AMID_T_ENUM)
				compare_values(d, h, om, mn);
		}
	}
}

static void
diff_run(struct diff *d)
{
	int k;

	for (k = 0; k < D__MAX; k++)
		diff_kind(d, (enum dkind)k);
	diff_values(d);
}

/* ---- Markdown ----------------------------------------------------------- */

/*
 * A name or value in a code span, where nothing is escaped: safe when it
 * has no backtick or line end and no blank at either end (names always
 * are).  Another value is written as escaped text in double quotes, which
 * show where it starts and ends.
 */
static void
md_code(struct out *o, const char *s)
{
	size_t n = strlen(s);

	if (n > 0 && strpbrk(s, "`\n\r\t") == NULL && s[0] != ' ' &&
	    s[n - 1] != ' ')
		out_markup(o, "`%s`", s);
	else {
		out_markup(o, "\"");
		out_text(o, s);
		out_markup(o, "\"");
	}
}

static void
md_names(struct out *o, const struct names *s)
{
	size_t i;

	for (i = 0; i < s->n; i++) {
		if (i > 0)
			out_markup(o, ", ");
		md_code(o, s->v[i]);
	}
}

static void
md_summary(struct out *o, const struct diff *d)
{
	static const char *const titles[D__MAX] = {"Actions", "Events",
	                                           "Headers"};
	size_t k;

	out_markup(o, "| | old | new | added | removed | renamed | changed "
	              "|\n|:--|--:|--:|--:|--:|--:|--:|\n");
	for (k = 0; k < D__MAX; k++) {
		const struct kind_diff *kd = &d->k[k];

		out_markup(o, "| %s | %zu | %zu | %zu | %zu | %zu | %zu |\n",
		           titles[k], kd->nold, kd->nnew, kd->added.n,
		           kd->removed.n, kd->nrenamed,
		           k == D_HEADER ? d->nvalues : kd->nchanged);
	}
}

/* "### Added (2)" and one item per name; nothing when there are none. */
static void
md_list(struct out *o, const char *title, const struct names *s)
{
	size_t i;

	if (s->n == 0)
		return;
	out_markup(o, "\n### %s (%zu)\n\n", title, s->n);
	for (i = 0; i < s->n; i++) {
		out_markup(o, "- ");
		md_code(o, s->v[i]);
		out_markup(o, "\n");
	}
}

static void
md_renamed(struct out *o, const struct kind_diff *kd)
{
	size_t i;

	if (kd->nrenamed == 0)
		return;
	out_markup(o, "\n### Renamed (%zu)\n\n", kd->nrenamed);
	for (i = 0; i < kd->nrenamed; i++) {
		out_markup(o, "- ");
		md_code(o, kd->renamed[i].from);
		out_markup(o, " \xe2\x86\x92 ");
		md_names(o, &kd->renamed[i].to);
		out_markup(o, "\n");
	}
}

static void
md_sub(struct out *o, const char *what, const struct names *s)
{
	if (s->n == 0)
		return;
	out_markup(o, "  - %s: ", what);
	md_names(o, s);
	out_markup(o, "\n");
}

static void
md_changed(struct out *o, const struct kind_diff *kd, enum dkind k)
{
	const char *uses = k == D_ACTION ? "parameters" : "fields";
	char what[64];
	size_t i;

	if (kd->nchanged == 0)
		return;
	out_markup(o, "\n### Changed (%zu)\n\n", kd->nchanged);
	for (i = 0; i < kd->nchanged; i++) {
		const struct msg_change *c = &kd->changed[i];

		out_markup(o, "- ");
		md_code(o, c->name);
		out_markup(o, "\n");
		snprintf(what, sizeof(what), "%s added", uses);
		md_sub(o, what, &c->added);
		snprintf(what, sizeof(what), "%s removed", uses);
		md_sub(o, what, &c->removed);
		md_sub(o, "now required", &c->required);
		md_sub(o, "now optional", &c->optional);
	}
}

static void
md_values(struct out *o, const struct diff *d)
{
	size_t i;

	if (d->nvalues == 0)
		return;
	out_markup(o, "\n### Enumeration values (%zu)\n\n", d->nvalues);
	for (i = 0; i < d->nvalues; i++) {
		const struct value_change *c = &d->values[i];

		out_markup(o, "- ");
		md_code(o, c->header);
		if (c->key != NULL) {
			out_markup(o, " (meaning ");
			md_code(o, c->key);
			out_markup(o, ")");
		}
		out_markup(o, "\n");
		md_sub(o, "added", &c->added);
		md_sub(o, "dropped", &c->dropped);
	}
}

static void
md_kind(struct out *o, const struct diff *d, enum dkind k)
{
	static const char *const titles[D__MAX] = {"Actions", "Events",
	                                           "Headers"};
	const struct kind_diff *kd = &d->k[k];

	out_markup(o, "\n## %s\n", titles[k]);
	if (kd->added.n + kd->removed.n + kd->nrenamed + kd->nchanged == 0 &&
	    (k != D_HEADER || d->nvalues == 0)) {
		out_markup(o, "\nNo changes.\n");
		return;
	}
	md_list(o, "Added", &kd->added);
	md_list(o, "Removed", &kd->removed);
	md_renamed(o, kd);
	if (k == D_HEADER)
		md_values(o, d);
	else
		md_changed(o, kd, k);
}

static void
write_markdown(FILE *f, const struct diff *d)
{
	struct out o;
	int k;

	out_init(&o, f, esc_md);
	out_markup(&o, "# API diff\n\n");
	md_summary(&o, d);
	for (k = 0; k < D__MAX; k++)
		md_kind(&o, d, (enum dkind)k);
}

/* ---- JSON ---------------------------------------------------------------- */

static void
json_names(struct json_out *j, const char *key, const struct names *s)
{
	size_t i;

	json_begin_array(j, key);
	for (i = 0; i < s->n; i++)
		json_string(j, NULL, s->v[i]);
	json_end_array(j);
}

static void
json_renamed(struct json_out *j, const struct kind_diff *kd)
{
	size_t i;

	json_begin_array(j, "renamed");
	for (i = 0; i < kd->nrenamed; i++) {
		json_begin_object(j, NULL);
		json_string(j, "from", kd->renamed[i].from);
		json_names(j, "to", &kd->renamed[i].to);
		json_end_object(j);
	}
	json_end_array(j);
}

static void
json_changed(struct json_out *j, const struct kind_diff *kd)
{
	size_t i;

	json_begin_array(j, "changed");
	for (i = 0; i < kd->nchanged; i++) {
		const struct msg_change *c = &kd->changed[i];

		json_begin_object(j, NULL);
		json_string(j, "name", c->name);
		json_names(j, "added", &c->added);
		json_names(j, "removed", &c->removed);
		json_names(j, "now_required", &c->required);
		json_names(j, "now_optional", &c->optional);
		json_end_object(j);
	}
	json_end_array(j);
}

static void
json_values(struct json_out *j, const struct diff *d)
{
	size_t i;

	json_begin_array(j, "values");
	for (i = 0; i < d->nvalues; i++) {
		const struct value_change *c = &d->values[i];

		json_begin_object(j, NULL);
		json_string(j, "header", c->header);
		json_opt_string(j, "meaning", c->key);
		json_names(j, "added", &c->added);
		json_names(j, "dropped", &c->dropped);
		json_end_object(j);
	}
	json_end_array(j);
}

static void
json_kind(struct json_out *j, const struct diff *d, enum dkind k)
{
	const struct kind_diff *kd = &d->k[k];

	json_begin_object(j, dkind_names[k]);
	json_int(j, "old", (long long)kd->nold);
	json_int(j, "new", (long long)kd->nnew);
	json_names(j, "added", &kd->added);
	json_names(j, "removed", &kd->removed);
	json_renamed(j, kd);
	if (k == D_HEADER)
		json_values(j, d);
	else
		json_changed(j, kd);
	json_end_object(j);
}

static void
write_json(FILE *f, const struct diff *d)
{
	struct json_out j;
	int k;

	json_init(&j, f);
	json_begin_object(&j, NULL);
	json_int(&j, "format", 1);
	for (k = 0; k < D__MAX; k++)
		json_kind(&j, d, (enum dkind)k);
	json_end_object(&j);
}

/* ---- the back-ends ---------------------------------------------------- */

static int
run(const struct amid_model *m, FILE *f, const struct emit_opts *o,
    void (*write)(FILE *, const struct diff *))
{
	struct diff d;

	if (o->old == NULL) {
		fputs("amigen: -T diff needs the old side: --old PATH\n",
		      stderr);
		return -1;
	}
	memset(&d, 0, sizeof(d));
	d.old = o->old;
	d.new = m;
	diff_run(&d);
	if (!d.nomem)
		write(f, &d);
	else
		fputs("amigen: -T diff: out of memory\n", stderr);
	diff_free(&d);
	return d.nomem ? -1 : 0;
}

int
emit_diff(const struct amid_model *m, FILE *f, const struct emit_opts *o)
{
	return run(m, f, o, write_markdown);
}

int
emit_diff_json(const struct amid_model *m, FILE *f,
               const struct emit_opts *o)
{
	return run(m, f, o, write_json);
}
