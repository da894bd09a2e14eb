/*
 * dict_merge.c: entries read from one file -> the one unlinked model.
 * A name defined twice in one file is a duplicate.  A name defined again in
 * a later file extends the earlier entry: new meanings, values, parameters
 * and fields are added; facts stated twice must agree, and a disagreement
 * is a conflict reported with both places.  Prose from a later file
 * replaces earlier prose.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "dict_build.h"
#include "version.h"

const char *
amid_loc_str(const struct amid_loc *l, char *buf, size_t size)
{
	snprintf(buf, size, "%s:%lu", l->file ? l->file : "?", l->line);
	return buf;
}

static int
streq_null(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

static const char *
or_none(const char *s)
{
	return s != NULL ? s : "(none)";
}

/* "what: ATTR 'new' conflicts with 'old' given at file:line" */
static void
conflict(struct amid_build *b, const char *what, const char *attr,
         const char *nval, const struct amid_loc *nloc, const char *oval,
         const struct amid_loc *oloc)
{
	char where[512];

	amid_report(b->errs, AMID_ERROR, nloc->file, nloc->line,
	            "%s: %s '%s' conflicts with '%s' given at %s", what, attr,
	            or_none(nval), or_none(oval),
	            amid_loc_str(oloc, where, sizeof(where)));
}

static void
duplicate(struct amid_build *b, const char *what, const struct amid_loc *nloc,
          const struct amid_loc *oloc)
{
	char where[512];

	amid_report(b->errs, AMID_ERROR, nloc->file, nloc->line,
	            "duplicate %s (first defined at %s)", what,
	            amid_loc_str(oloc, where, sizeof(where)));
}

/* A fact given by both must agree; a fact given by one is kept. */
static void
merge_fact(struct amid_build *b, const char *what, const char *attr,
           const char **dst, const char *src, const struct amid_loc *nloc,
           const struct amid_loc *oloc)
{
	if (src == NULL)
		return;
	if (*dst != NULL && strcmp(*dst, src) != 0)
		conflict(b, what, attr, src, nloc, *dst, oloc);
	else
		*dst = src;
}

static int
lists_equal(const char **a, size_t na, const char **b, size_t nb)
{
	size_t i;

	if (na != nb)
		return 0;
	for (i = 0; i < na; i++)
		if (strcmp(a[i], b[i]) != 0)
			return 0;
	return 1;
}

static void
merge_list(struct amid_build *b, const char *what, const char *attr,
           const char ***dst, size_t *ndst, const char **src, size_t nsrc,
           const struct amid_loc *nloc, const struct amid_loc *oloc)
{
	if (nsrc == 0)
		return;
	if (*ndst > 0 && !lists_equal(*dst, *ndst, src, nsrc))
		conflict(b, what, attr, src[0], nloc, (*dst)[0], oloc);
	else {
		*dst = src;
		*ndst = nsrc;
	}
}

static void
merge_versions(struct amid_build *b, const char *what,
               struct amid_versions *dst, const struct amid_versions *src,
               const struct amid_loc *nloc, const struct amid_loc *oloc)
{
	/*
	 * "Since" is the first version known to have it: two sources that
	 * know different first versions are both right about the later one.
	 * (Asterisk's documentation gives when a page was written.)
	 */
	if (src->since != NULL &&
	    (dst->since == NULL || amid_version_cmp(src->since, dst->since) < 0))
		dst->since = src->since;
	merge_fact(b, what, "deprecated", &dst->deprecated, src->deprecated,
	           nloc, oloc);
	merge_fact(b, what, "removed", &dst->removed, src->removed, nloc,
	           oloc);
	merge_list(b, what, "renamed-to", &dst->renamed_to, &dst->nrenamed_to,
	           src->renamed_to, src->nrenamed_to, nloc, oloc);
}

static void
merge_prose(const char **dst, const char *src)
{
	if (src != NULL)
		*dst = src;
}

static void
merge_source(enum amid_source *dst, enum amid_source src)
{
	if (*dst == AMID_SRC_NONE)
		*dst = src;
}

void
amid_merge_new_file(struct amid_build *b)
{
	b->nseen = 0;
}

/*
 * Marks entry (kind, index), defined at loc, as defined by the current
 * file.  Returns 1 when the file had already defined it (a duplicate:
 * *first is where), -1 when out of memory.
 */
static int
seen(struct amid_build *b, int kind, size_t index,
     const struct amid_loc *loc, const struct amid_loc **first)
{
	size_t i;

	for (i = 0; i < b->nseen; i++)
		if (b->seen[i].kind == kind && b->seen[i].index == index) {
			*first = &b->seen[i].loc;
			return 1;
		}
	b->seen = amid_arena_push(b->m->arena, b->seen, b->nseen,
	                          &b->cap_seen, sizeof(*b->seen));
	if (b->seen == NULL)
		return -1;
	b->seen[b->nseen].kind = kind;
	b->seen[b->nseen].loc = *loc;
	b->seen[b->nseen++].index = index;
	return 0;
}

/* Appends one element, growing the array exactly: merges are rare. */
static void *
append(struct amid_build *b, void *array, size_t *n, const void *el,
       size_t elsize)
{
	size_t cap = *n;
	char *v = amid_arena_push(b->m->arena, array, *n, &cap, elsize);

	if (v == NULL)
		return NULL;
	memcpy(v + *n * elsize, el, elsize);
	(*n)++;
	return v;
}

/* ---- classes ----------------------------------------------------------- */

int
amid_merge_class(struct amid_build *b, const struct amid_class *c)
{
	struct amid_model *m = b->m;
	struct amid_class *old = NULL;
	const struct amid_loc *first;
	char what[300];
	size_t i;
	int rc;

	for (i = 0; i < m->nclasses && old == NULL; i++)
		if (strcasecmp(m->classes[i].name, c->name) == 0)
			old = &m->classes[i];
	if (old == NULL) {
		m->classes = amid_arena_push(m->arena, m->classes, m->nclasses,
		                             &b->cap_classes, sizeof(*c));
		if (m->classes == NULL)
			return -1;
		m->classes[m->nclasses++] = *c;
		return seen(b, AMID_SEEN_CLASS, m->nclasses - 1, &c->loc, &first) < 0
		           ? -1
		           : 0;
	}
	snprintf(what, sizeof(what), "class '%s'", c->name);
	if ((rc = seen(b, AMID_SEEN_CLASS, (size_t)(old - m->classes), &c->loc,
	               &first)) != 0) {
		if (rc > 0)
			duplicate(b, what, &c->loc, first);
		return rc < 0 ? -1 : 0;
	}
	merge_fact(b, what, "name", &old->name, c->name, &c->loc, &old->loc);
	merge_versions(b, what, &old->ver, &c->ver, &c->loc, &old->loc);
	merge_source(&old->source, c->source);
	merge_prose(&old->description, c->description);
	return 0;
}

/* ---- headers and meanings --------------------------------------------- */

static int
merge_values(struct amid_build *b, const char *what, struct amid_meaning *old,
             const struct amid_meaning *mn)
{
	size_t i, j;

	for (i = 0; i < mn->nvalues; i++) {
		const struct amid_value *v = &mn->values[i];
		struct amid_value *ov = NULL;

		for (j = 0; j < old->nvalues && ov == NULL; j++)
			if (strcmp(old->values[j].name, v->name) == 0)
				ov = &old->values[j];
		if (ov != NULL) {
			merge_versions(b, what, &ov->ver, &v->ver, &v->loc,
			               &ov->loc);
			merge_prose(&ov->description, v->description);
			continue;
		}
		old->values = append(b, old->values, &old->nvalues, v,
		                     sizeof(*v));
		if (old->values == NULL)
			return -1;
	}
	return 0;
}

static void
merge_number(struct amid_build *b, const char *what, const char *attr,
             bool *has_dst, long long *dst, bool has_src, long long src,
             const struct amid_loc *nloc, const struct amid_loc *oloc)
{
	char nv[32], ov[32];

	if (!has_src)
		return;
	if (*has_dst && *dst != src) {
		snprintf(nv, sizeof(nv), "%lld", src);
		snprintf(ov, sizeof(ov), "%lld", *dst);
		conflict(b, what, attr, nv, nloc, ov, oloc);
		return;
	}
	*has_dst = true;
	*dst = src;
}

/*
 * A stated type wins over an unstated one (Asterisk's documentation lists
 * values but never says "boolean" or "channel"); two stated types must
 * agree.  Values of an unstated enumeration go when a stated type has none.
 */
static void
merge_type(struct amid_build *b, const char *what, struct amid_meaning *old,
           const struct amid_meaning *mn)
{
	if (old->has_type && mn->has_type) {
		if (old->type != mn->type)
			conflict(b, what, "type", amid_type_name(mn->type),
			         &mn->loc, amid_type_name(old->type), &old->loc);
		return;
	}
	if (!mn->has_type || old->has_type)
		return;
	old->type = mn->type;
	old->has_type = true;
	if (old->type != AMID_T_ENUM)
		old->nvalues = 0;
}

static int
merge_meaning(struct amid_build *b, struct amid_meaning *old,
              const struct amid_meaning *mn, const char *hname)
{
	const struct amid_loc *nl = &mn->loc, *ol = &old->loc;
	long long oml = (long long)old->max_length;
	char what[300];

	snprintf(what, sizeof(what), "meaning '%s%s%s'", hname,
	         mn->key ? "/" : "", mn->key ? mn->key : "");
	merge_type(b, what, old, mn);
	merge_number(b, what, "min", &old->has_min, &old->min, mn->has_min,
	             mn->min, nl, ol);
	merge_number(b, what, "max", &old->has_max, &old->max, mn->has_max,
	             mn->max, nl, ol);
	merge_number(b, what, "max-length", &old->has_max_length, &oml,
	             mn->has_max_length, (long long)mn->max_length, nl, ol);
	old->max_length = (unsigned long long)oml;
	/* A fact left out is not a fact: only stated ones must agree. */
	if (mn->has_repeat && old->has_repeat && old->repeat != mn->repeat)
		conflict(b, what, "repeat", mn->repeat ? "yes" : "no", nl,
		         old->repeat ? "yes" : "no", ol);
	else if (mn->has_repeat) {
		old->repeat = mn->repeat;
		old->has_repeat = true;
	}
	if (mn->has_case && old->has_case &&
	    old->case_insensitive != mn->case_insensitive)
		conflict(b, what, "case",
		         mn->case_insensitive ? "insensitive" : "exact", nl,
		         old->case_insensitive ? "insensitive" : "exact", ol);
	else if (mn->has_case) {
		old->case_insensitive = mn->case_insensitive;
		old->has_case = true;
	}
	merge_versions(b, what, &old->ver, &mn->ver, nl, ol);
	merge_source(&old->source, mn->source);
	merge_prose(&old->description, mn->description);
	if (old->type != AMID_T_ENUM && old->has_type && !mn->has_type)
		return 0; /* the other side's values belong to no enumeration */
	return merge_values(b, what, old, mn);
}

static struct amid_meaning *
find_meaning(struct amid_header *h, const char *key)
{
	size_t i;

	for (i = 0; i < h->nmeanings; i++)
		if (streq_null(h->meanings[i].key, key))
			return &h->meanings[i];
	return NULL;
}

int
amid_merge_header(struct amid_build *b, const struct amid_header *h)
{
	struct amid_model *m = b->m;
	struct amid_header *old = NULL;
	const struct amid_loc *first;
	char what[300];
	size_t i;
	int rc;

	for (i = 0; i < m->nheaders && old == NULL; i++)
		if (strcasecmp(m->headers[i].name, h->name) == 0)
			old = &m->headers[i];
	if (old == NULL) {
		m->headers = amid_arena_push(m->arena, m->headers, m->nheaders,
		                             &b->cap_headers, sizeof(*h));
		if (m->headers == NULL)
			return -1;
		m->headers[m->nheaders++] = *h;
		return seen(b, AMID_SEEN_HEADER, m->nheaders - 1, &h->loc, &first) < 0
		           ? -1
		           : 0;
	}
	snprintf(what, sizeof(what), "header '%s'", h->name);
	if ((rc = seen(b, AMID_SEEN_HEADER, (size_t)(old - m->headers), &h->loc,
	               &first)) != 0) {
		if (rc > 0)
			duplicate(b, what, &h->loc, first);
		return rc < 0 ? -1 : 0;
	}
	if (strcmp(old->name, h->name) != 0) {
		/* AMI ignores the case of header names: the later file's
		 * spelling, like its prose, refines the earlier one. */
		char where[512];

		old->respelled = true;
		amid_report(b->errs, AMID_WARNING, h->loc.file, h->loc.line,
		            "header '%s' is spelled '%s' at %s; '%s' is "
		            "canonical now",
		            h->name, old->name,
		            amid_loc_str(&old->loc, where, sizeof(where)),
		            h->name);
		old->name = h->name;
	}
	for (i = 0; i < h->nmeanings; i++) {
		const struct amid_meaning *mn = &h->meanings[i];
		struct amid_meaning *om = find_meaning(old, mn->key);

		if (om != NULL) {
			if (merge_meaning(b, om, mn, h->name) < 0)
				return -1;
			continue;
		}
		old->meanings = append(b, old->meanings, &old->nmeanings, mn,
		                       sizeof(*mn));
		if (old->meanings == NULL)
			return -1;
	}
	return 0;
}

/* ---- messages ------------------------------------------------------------ */

struct amid_message **
amid_build_msgs(struct amid_build *b, enum amid_kind k, size_t **n)
{
	struct amid_model *m = b->m;

	switch (k) {
	case AMID_ACTION:
		*n = &m->nactions;
		return &m->actions;
	case AMID_EVENT:
		*n = &m->nevents;
		return &m->events;
	default:
		*n = &m->nresponses;
		return &m->responses;
	}
}

static void
msg_what(const struct amid_message *msg, char *buf, size_t size)
{
	if (msg->name != NULL)
		snprintf(buf, size, "%s '%s'", amid_kind_name(msg->kind),
		         msg->name);
	else
		snprintf(buf, size, "common %s headers",
		         amid_kind_name(msg->kind));
}

static struct amid_use *
find_use(struct amid_use *v, size_t n, const struct amid_use *u)
{
	size_t i;

	/* A message uses a header once, whatever meaning each file names. */
	for (i = 0; i < n; i++)
		if (strcasecmp(v[i].name, u->name) == 0)
			return &v[i];
	return NULL;
}

/*
 * Which meaning a use means: a stated key (or a stated default) wins over a
 * guessed one; two stated keys must agree.
 */
static void
merge_key(struct amid_build *b, const char *what, struct amid_use *old,
          const struct amid_use *u)
{
	if (u->key_guessed)
		return;
	/* A stated use without a key states the header's default meaning;
	 * to a use that already names one, it adds nothing. */
	if (u->meaning_key == NULL) {
		if (old->key_guessed) {
			old->meaning_key = NULL;
			old->key_guessed = false;
		}
		return;
	}
	if (old->meaning_key != NULL && !old->key_guessed &&
	    strcmp(old->meaning_key, u->meaning_key) != 0) {
		conflict(b, what, "meaning", u->meaning_key, &u->loc,
		         old->meaning_key, &old->loc);
		return;
	}
	old->meaning_key = u->meaning_key;
	old->key_guessed = false;
}

/*
 * Adds uses to *v; group indices of new uses are shifted by goff, or
 * dropped when goff is negative (their choice was refused).
 */
static int
merge_uses(struct amid_build *b, const char *what, struct amid_use **v,
           size_t *n, const struct amid_use *src, size_t nsrc, int goff)
{
	char uwhat[400];
	size_t i;

	for (i = 0; i < nsrc; i++) {
		struct amid_use u = src[i], *old = find_use(*v, *n, &u);

		if (find_use((struct amid_use *)src, i, &u) != NULL) {
			amid_report(b->errs, AMID_ERROR, u.loc.file, u.loc.line,
			            "%s: header '%s' listed twice", what, u.name);
			continue;
		}
		if (u.group >= 0)
			u.group = goff < 0 ? -1 : u.group + goff;
		if (old == NULL) {
			if ((*v = append(b, *v, n, &u, sizeof(u))) == NULL)
				return -1;
			continue;
		}
		snprintf(uwhat, sizeof(uwhat), "%s, header '%s'", what, u.name);
		if (u.has_required && old->has_required &&
		    old->required != u.required)
			conflict(b, uwhat, "required", u.required ? "yes" : "no",
			         &u.loc, old->required ? "yes" : "no",
			         &old->loc);
		else if (u.has_required) {
			old->required = u.required;
			old->has_required = true;
		}
		/* No group is no statement: only two groups can disagree. */
		if (u.group >= 0 && old->group >= 0 && old->group != u.group)
			conflict(b, uwhat, "group", "another group", &u.loc,
			         "its group", &old->loc);
		else if (u.group >= 0)
			old->group = u.group;
		merge_key(b, uwhat, old, &u);
		merge_versions(b, uwhat, &old->ver, &u.ver, &u.loc, &old->loc);
		merge_prose(&old->description, u.description);
	}
	return 0;
}

/* Returns 1 when the choices were refused, -1 when out of memory. */
static int
merge_choices(struct amid_build *b, const char *what, struct amid_message *old,
              const struct amid_message *msg)
{
	size_t i, goff = old->ngroups;
	char where[512];

	if (msg->nchoices == 0)
		return 0;
	if (old->nchoices > 0) {
		amid_report(b->errs, AMID_ERROR, msg->choices[0].loc.file,
		            msg->choices[0].loc.line,
		            "%s: its choices were already given at %s", what,
		            amid_loc_str(&old->choices[0].loc, where,
		                         sizeof(where)));
		return 1;
	}
	for (i = 0; i < msg->ngroups; i++) {
		struct amid_group g = msg->groups[i];

		g.choice += old->nchoices;
		if ((old->groups = append(b, old->groups, &old->ngroups, &g,
		                          sizeof(g))) == NULL)
			return -1;
	}
	for (i = 0; i < msg->nchoices; i++) {
		struct amid_choice c = msg->choices[i];

		c.first_group += goff;
		if ((old->choices = append(b, old->choices, &old->nchoices, &c,
		                           sizeof(c))) == NULL)
			return -1;
	}
	return 0;
}

static int
merge_emits(struct amid_build *b, struct amid_message *old,
            const struct amid_message *msg)
{
	size_t i, j;

	for (i = 0; i < msg->nemits; i++) {
		for (j = 0; j < old->nemits; j++)
			if (strcmp(old->emits[j].event, msg->emits[i].event) == 0)
				break;
		if (j < old->nemits) {
			merge_prose(&old->emits[j].description,
			            msg->emits[i].description);
			continue;
		}
		if ((old->emits = append(b, old->emits, &old->nemits,
		                         &msg->emits[i],
		                         sizeof(msg->emits[i]))) == NULL)
			return -1;
	}
	return 0;
}

static int
merge_into(struct amid_build *b, struct amid_message *old,
           const struct amid_message *msg)
{
	const struct amid_loc *nl = &msg->loc, *ol = &old->loc;
	int goff = (int)old->ngroups, rc;
	char what[300];

	msg_what(msg, what, sizeof(what));
	merge_list(b, what, "class", &old->classes, &old->nclasses,
	           msg->classes, msg->nclasses, nl, ol);
	merge_versions(b, what, &old->ver, &msg->ver, nl, ol);
	merge_source(&old->source, msg->source);
	merge_prose(&old->description, msg->description);
	if ((rc = merge_choices(b, what, old, msg)) < 0)
		return -1;
	if (rc > 0)
		goff = -1;
	if (merge_uses(b, what, &old->uses, &old->nuses, msg->uses, msg->nuses,
	               goff) < 0 ||
	    merge_uses(b, what, &old->response, &old->nresponse, msg->response,
	               msg->nresponse, 0) < 0 ||
	    merge_emits(b, old, msg) < 0)
		return -1;
	old->has_response = old->has_response || msg->has_response;
	if (msg->list_complete != NULL) {
		merge_fact(b, what, "list complete", &old->list_complete,
		           msg->list_complete, &msg->list_loc, &old->list_loc);
		merge_list(b, what, "list items", &old->list_items,
		           &old->nlist_items, msg->list_items,
		           msg->nlist_items, &msg->list_loc, &old->list_loc);
		if (old->list_loc.file == NULL)
			old->list_loc = msg->list_loc;
	}
	return 0;
}

int
amid_merge_message(struct amid_build *b, const struct amid_message *msg)
{
	struct amid_message **v, *old = NULL;
	const struct amid_loc *first;
	size_t *n, i;
	char what[300];
	int rc;

	if (msg->name == NULL) {
		/* Common headers: one set per kind, added to from any file. */
		old = &b->m->common[msg->kind];
		if (old->loc.file == NULL) {
			*old = *msg;
			return 0;
		}
		return merge_into(b, old, msg);
	}
	v = amid_build_msgs(b, msg->kind, &n);
	for (i = 0; i < *n && old == NULL; i++)
		if (msg->kind == AMID_ACTION
		        ? strcasecmp((*v)[i].name, msg->name) == 0
		        : strcmp((*v)[i].name, msg->name) == 0)
			old = &(*v)[i];
	if (old == NULL) {
		*v = amid_arena_push(b->m->arena, *v, *n, &b->cap_msgs[msg->kind],
		                     sizeof(**v));
		if (*v == NULL)
			return -1;
		(*v)[(*n)++] = *msg;
		return seen(b, (int)msg->kind, *n - 1, &msg->loc, &first) < 0 ? -1
		                                                          : 0;
	}
	msg_what(msg, what, sizeof(what));
	if ((rc = seen(b, (int)msg->kind, (size_t)(old - *v), &msg->loc,
	               &first)) != 0) {
		if (rc > 0)
			duplicate(b, what, &msg->loc, first);
		return rc < 0 ? -1 : 0;
	}
	if (strcmp(old->name, msg->name) != 0) {
		conflict(b, what, "spelling", msg->name, &msg->loc, old->name,
		         &old->loc);
		return 0;
	}
	return merge_into(b, old, msg);
}

/* ---- lint rules ----------------------------------------------------------- */

int
amid_merge_rule(struct amid_build *b, const struct amid_rule *rule)
{
	struct amid_model *m = b->m;
	struct amid_rule *old = NULL;
	const struct amid_loc *first;
	char what[300];
	size_t i;
	int rc;

	for (i = 0; i < m->nrules && old == NULL; i++)
		if (strcmp(m->rules[i].id, rule->id) == 0)
			old = &m->rules[i];
	if (old == NULL) {
		m->rules = amid_arena_push(m->arena, m->rules, m->nrules,
		                           &b->cap_rules, sizeof(*rule));
		if (m->rules == NULL)
			return -1;
		m->rules[m->nrules++] = *rule;
		return seen(b, AMID_SEEN_RULE, m->nrules - 1, &rule->loc, &first) < 0
		           ? -1
		           : 0;
	}
	snprintf(what, sizeof(what), "rule %s", rule->id);
	if ((rc = seen(b, AMID_SEEN_RULE, (size_t)(old - m->rules), &rule->loc,
	               &first)) != 0) {
		if (rc > 0)
			duplicate(b, what, &rule->loc, first);
		return rc < 0 ? -1 : 0;
	}
	merge_fact(b, what, "name", &old->name, rule->name, &rule->loc,
	           &old->loc);
	if (old->category != rule->category)
		conflict(b, what, "category", amid_category_name(rule->category),
		         &rule->loc, amid_category_name(old->category),
		         &old->loc);
	if (old->severity != rule->severity)
		conflict(b, what, "severity", amid_severity_name(rule->severity),
		         &rule->loc, amid_severity_name(old->severity),
		         &old->loc);
	merge_prose(&old->summary, rule->summary);
	merge_prose(&old->description, rule->description);
	merge_prose(&old->bad, rule->bad);
	merge_prose(&old->good, rule->good);
	return 0;
}
