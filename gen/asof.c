/*
 * asof.c: --as-of VERSION (see asof.h): a linked model -> a new linked
 * model of what existed at that version.  The kept entries go through the
 * loader's own merge and link stages (dict_build.h), so the view is
 * resolved and checked like any dictionary that was read from files.
 */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "asof.h"
#include "dict_build.h"
#include "version.h"

struct asof {
	const struct amid_model *m;
	const char *v;
	struct amid_build b;
	struct amid_arena *a; /* the new model's */
	int nomem;
};

/* ---- what existed at the version -------------------------------------- */

static int
later(const struct asof *s, const char *ver)
{
	return ver != NULL && amid_version_cmp(ver, s->v) > 0;
}

static int
exists(const struct asof *s, const struct amid_versions *v)
{
	return !later(s, v->since) &&
	       (v->removed == NULL || later(s, v->removed));
}

/* By its own facts; an enumeration needs one value that existed. */
static int
meaning_alive(const struct asof *s, const struct amid_meaning *mn)
{
	size_t i;

	if (!exists(s, &mn->ver))
		return 0;
	if (mn->type != AMID_T_ENUM)
		return 1;
	for (i = 0; i < mn->nvalues; i++)
		if (exists(s, &mn->values[i].ver))
			return 1;
	return 0;
}

static int
msg_alive(const struct asof *s, const struct amid_message *msg)
{
	return msg->name == NULL || exists(s, &msg->ver);
}

static int
use_alive(const struct asof *s, const struct amid_use *u)
{
	return exists(s, &u->ver) && msg_alive(s, u->owner) &&
	       u->meaning != NULL && meaning_alive(s, u->meaning);
}

/*
 * A meaning only later messages used did not exist yet; one kept only
 * as history (unused, removed later) has nothing to show at version.
 */
static int
meaning_kept(const struct asof *s, const struct amid_meaning *mn)
{
	size_t i;

	if (!meaning_alive(s, mn))
		return 0;
	for (i = 0; i < mn->nuses; i++)
		if (use_alive(s, mn->uses[i]))
			return 1;
	return mn->nuses == 0 && mn->ver.removed == NULL;
}

typedef int (*kept_fn)(const struct asof *, const char *);

static int
header_kept(const struct asof *s, const char *name)
{
	const struct amid_header *h = amid_find_header(s->m, name);
	size_t i;

	for (i = 0; h != NULL && i < h->nmeanings; i++)
		if (meaning_kept(s, &h->meanings[i]))
			return 1;
	return 0;
}

static int
action_kept(const struct asof *s, const char *name)
{
	const struct amid_message *msg = amid_find_action(s->m, name);

	return msg != NULL && exists(s, &msg->ver);
}

static int
event_kept(const struct asof *s, const char *name)
{
	const struct amid_message *msg = amid_find_event(s->m, name);

	return msg != NULL && exists(s, &msg->ver);
}

static int
class_kept(const struct asof *s, const char *name)
{
	const struct amid_class *c = amid_find_class(s->m, name);

	return c != NULL && exists(s, &c->ver);
}

/* ---- copies of the kept parts, in the new model's arena ---------------- */

static void *
alloc(struct asof *s, size_t n, size_t size)
{
	void *p = n > 0 ? amid_arena_alloc(s->a, n * size) : NULL;

	if (n > 0 && p == NULL)
		s->nomem = 1;
	return p;
}

/* The names kept says were kept (all of them when kept is NULL). */
static const char **
kept_names(struct asof *s, const char **v, size_t n, kept_fn kept,
           size_t *out)
{
	const char **nv = alloc(s, n, sizeof(*nv));
	size_t i;

	*out = 0;
	for (i = 0; nv != NULL && i < n; i++)
		if (kept == NULL || kept(s, v[i]))
			nv[(*out)++] = v[i];
	return *out > 0 ? nv : NULL;
}

/* Facts of later versions dropped; a rename goes with its deprecation. */
static struct amid_versions
clip(struct asof *s, const struct amid_versions *v, kept_fn kept)
{
	struct amid_versions c = *v;

	if (later(s, c.deprecated))
		c.deprecated = NULL;
	if (later(s, c.removed))
		c.removed = NULL;
	if (c.deprecated == NULL && c.removed == NULL) {
		c.renamed_to = NULL;
		c.nrenamed_to = 0;
	} else
		c.renamed_to = kept_names(s, v->renamed_to, v->nrenamed_to,
		                          kept, &c.nrenamed_to);
	return c;
}

static struct amid_value *
copy_values(struct asof *s, const struct amid_meaning *mn, size_t *n)
{
	struct amid_value *v = alloc(s, mn->nvalues, sizeof(*v));
	size_t i;

	*n = 0;
	for (i = 0; v != NULL && i < mn->nvalues; i++)
		if (exists(s, &mn->values[i].ver)) {
			v[*n] = mn->values[i];
			v[(*n)++].ver = clip(s, &mn->values[i].ver, NULL);
		}
	return v;
}

static void
copy_header(struct asof *s, const struct amid_header *h)
{
	struct amid_header c = *h;
	size_t i;

	c.nmeanings = 0;
	if ((c.meanings = alloc(s, h->nmeanings, sizeof(*c.meanings))) == NULL)
		return;
	for (i = 0; i < h->nmeanings; i++) {
		struct amid_meaning *mn = &c.meanings[c.nmeanings];

		if (!meaning_kept(s, &h->meanings[i]))
			continue;
		*mn = h->meanings[i];
		mn->header = NULL;
		mn->uses = NULL;
		mn->nuses = 0;
		mn->ver = clip(s, &h->meanings[i].ver, header_kept);
		mn->values = copy_values(s, &h->meanings[i], &mn->nvalues);
		c.nmeanings++;
	}
	if (c.nmeanings > 0 && !s->nomem && amid_merge_header(&s->b, &c) < 0)
		s->nomem = 1;
}

/*
 * The groups and choices that keep a parameter, renumbered; gmap[g] is
 * the new index of group g, or -1.
 */
static void
copy_choices(struct asof *s, const struct amid_message *msg,
             struct amid_message *c, int *gmap)
{
	size_t i, g, first;

	c->groups = alloc(s, msg->ngroups, sizeof(*c->groups));
	c->choices = alloc(s, msg->nchoices, sizeof(*c->choices));
	c->ngroups = c->nchoices = 0;
	for (g = 0; g < msg->ngroups; g++)
		gmap[g] = -1;
	for (i = 0; i < msg->nuses; i++)
		if (msg->uses[i].group >= 0 && use_alive(s, &msg->uses[i]))
			gmap[msg->uses[i].group] = 0;
	for (i = 0; i < msg->nchoices && !s->nomem; i++) {
		const struct amid_choice *ch = &msg->choices[i];

		first = c->ngroups;
		for (g = ch->first_group; g < ch->first_group + ch->ngroups;
		     g++) {
			if (gmap[g] < 0)
				continue;
			gmap[g] = (int)c->ngroups;
			c->groups[c->ngroups] = msg->groups[g];
			c->groups[c->ngroups++].choice = c->nchoices;
		}
		if (c->ngroups > first) {
			c->choices[c->nchoices] = *ch;
			c->choices[c->nchoices].first_group = first;
			c->choices[c->nchoices++].ngroups = c->ngroups - first;
		}
	}
}

static struct amid_use *
copy_uses(struct asof *s, const struct amid_use *v, size_t n,
          const int *gmap, size_t *out)
{
	struct amid_use *nv = alloc(s, n, sizeof(*nv));
	size_t i;

	*out = 0;
	for (i = 0; nv != NULL && i < n; i++) {
		struct amid_use *u = &nv[*out];

		if (!use_alive(s, &v[i]))
			continue;
		*u = v[i];
		u->meaning = NULL;
		u->owner = NULL;
		u->ver = clip(s, &v[i].ver, header_kept);
		u->group = v[i].group >= 0 ? gmap[v[i].group] : -1;
		(*out)++;
	}
	return nv;
}

static void
copy_list(struct asof *s, const struct amid_message *msg,
          struct amid_message *c)
{
	size_t i;

	c->list_item_refs = NULL;
	c->list_complete_ref = NULL;
	c->list_items = kept_names(s, msg->list_items, msg->nlist_items,
	                           event_kept, &c->nlist_items);
	if (msg->list_complete == NULL || c->nlist_items == 0 ||
	    !event_kept(s, msg->list_complete)) {
		c->list_complete = NULL;
		c->list_items = NULL;
		c->nlist_items = 0;
	}
	c->emits = alloc(s, msg->nemits, sizeof(*c->emits));
	c->nemits = 0;
	for (i = 0; c->emits != NULL && i < msg->nemits; i++)
		if (event_kept(s, msg->emits[i].event)) {
			c->emits[c->nemits] = msg->emits[i];
			c->emits[c->nemits++].target = NULL;
		}
}

static void
copy_message(struct asof *s, const struct amid_message *msg)
{
	static const kept_fn renames[AMID_KIND__MAX] = {
		[AMID_ACTION] = action_kept,
		[AMID_EVENT] = event_kept,
		[AMID_RESPONSE] = NULL,
	};
	struct amid_message c = *msg;
	int *gmap;

	if (!msg_alive(s, msg))
		return;
	if ((gmap = calloc(msg->ngroups + 1, sizeof(*gmap))) == NULL) {
		s->nomem = 1;
		return;
	}
	c.classes = kept_names(s, msg->classes, msg->nclasses, class_kept,
	                       &c.nclasses);
	c.class_refs = NULL;
	c.ver = clip(s, &msg->ver, renames[msg->kind]);
	copy_choices(s, msg, &c, gmap);
	c.uses = copy_uses(s, msg->uses, msg->nuses, gmap, &c.nuses);
	c.response = copy_uses(s, msg->response, msg->nresponse, gmap,
	                       &c.nresponse);
	copy_list(s, msg, &c);
	free(gmap);
	/* The schema needs a field in a <common>; none left, none at all. */
	if (msg->name == NULL && c.nuses == 0)
		return;
	if (!s->nomem && amid_merge_message(&s->b, &c) < 0)
		s->nomem = 1;
}

static void
copy_all(struct asof *s)
{
	const struct amid_model *m = s->m;
	size_t i;
	int k;

	for (i = 0; i < m->nclasses && !s->nomem; i++)
		if (exists(s, &m->classes[i].ver)) {
			struct amid_class c = m->classes[i];

			c.ver = clip(s, &m->classes[i].ver, NULL);
			if (amid_merge_class(&s->b, &c) < 0)
				s->nomem = 1;
		}
	for (i = 0; i < m->nheaders && !s->nomem; i++)
		copy_header(s, &m->headers[i]);
	for (i = 0; i < m->nactions && !s->nomem; i++)
		copy_message(s, &m->actions[i]);
	for (i = 0; i < m->nevents && !s->nomem; i++)
		copy_message(s, &m->events[i]);
	for (i = 0; i < m->nresponses && !s->nomem; i++)
		copy_message(s, &m->responses[i]);
	for (k = 0; k < AMID_KIND__MAX && !s->nomem; k++)
		if (m->common[k].loc.file != NULL)
			copy_message(s, &m->common[k]);
	for (i = 0; i < m->nrules && !s->nomem; i++)
		if (amid_merge_rule(&s->b, &m->rules[i]) < 0)
			s->nomem = 1;
}

/*
 * The view's own warnings repeat the dictionary's (which were already
 * reported): only its errors, which would be this file's bugs, go on.
 */
static void
keep_errors(struct amid_errors *to, const struct amid_errors *from)
{
	size_t i;

	for (i = 0; i < from->n; i++)
		if (from->v[i].severity == AMID_ERROR)
			amid_report(to, AMID_ERROR, from->v[i].file,
			            from->v[i].line, "--as-of: %s",
			            from->v[i].message);
	to->nomem |= from->nomem;
}

struct amid_model *
asof_filter(const struct amid_model *m, const char *version,
            struct amid_errors *errs)
{
	struct amid_errors own;
	struct asof s;
	int rc = -1, ok;

	memset(&s, 0, sizeof(s));
	amid_errors_init(&own);
	s.m = m;
	s.v = version;
	s.b.errs = &own;
	if ((s.a = amid_arena_new()) == NULL ||
	    (s.b.m = amid_arena_alloc(s.a, sizeof(*s.b.m))) == NULL) {
		amid_arena_free(s.a);
		amid_report(errs, AMID_ERROR, NULL, 0, "out of memory");
		return NULL;
	}
	s.b.m->arena = s.a;
	s.b.m->files = m->files;
	s.b.m->nfiles = m->nfiles;
	amid_merge_new_file(&s.b);
	copy_all(&s);
	if (s.nomem)
		amid_report(&own, AMID_ERROR, NULL, 0, "out of memory");
	else if (own.nerrors == 0)
		rc = amid_link(&s.b);
	keep_errors(errs, &own);
	ok = rc == 0 && own.nerrors == 0 && !own.nomem;
	amid_errors_free(&own);
	if (ok)
		return s.b.m;
	amid_model_free(s.b.m);
	return NULL;
}
