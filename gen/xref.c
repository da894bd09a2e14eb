/*
 * xref.c: the reverse look-ups of xref.h, by walking the model; the
 * document back-ends call them while they write, so nothing is cached.
 */
#include "xref.h"

const struct amid_message *
xref_messages(const struct amid_model *m, enum amid_kind k, size_t *n)
{
	*n = k == AMID_ACTION ? m->nactions : m->nevents;
	return k == AMID_ACTION ? m->actions : m->events;
}

const struct amid_message *
xref_find(const struct amid_model *m, enum amid_kind k, const char *name)
{
	return k == AMID_ACTION ? amid_find_action(m, name)
	                        : amid_find_event(m, name);
}

int
xref_renames_to(const struct amid_model *m, const struct amid_message *old,
                const struct amid_message *msg)
{
	size_t i;

	for (i = 0; i < old->ver.nrenamed_to; i++)
		if (xref_find(m, old->kind, old->ver.renamed_to[i]) == msg)
			return 1;
	return 0;
}

const struct amid_message *
xref_next_replaced(const struct amid_model *m, const struct amid_message *msg,
                   const struct amid_message *prev)
{
	size_t n, i;
	const struct amid_message *v = xref_messages(m, msg->kind, &n);

	for (i = prev != NULL ? (size_t)(prev - v) + 1 : 0; i < n; i++)
		if (xref_renames_to(m, &v[i], msg))
			return &v[i];
	return NULL;
}

static int
in_class(const struct amid_message *msg, const struct amid_class *c)
{
	size_t i;

	for (i = 0; i < msg->nclasses; i++)
		if (msg->class_refs[i] == c)
			return 1;
	return 0;
}

const struct amid_message *
xref_next_member(const struct amid_model *m, const struct amid_class *c,
                 enum amid_kind k, const struct amid_message *prev)
{
	size_t n, i;
	const struct amid_message *v = xref_messages(m, k, &n);

	for (i = prev != NULL ? (size_t)(prev - v) + 1 : 0; i < n; i++)
		if (in_class(&v[i], c))
			return &v[i];
	return NULL;
}

/*
 * Whether the k-th way of a (its list items, its list end, its emits, in
 * that order) names ev; sets how and emit of s when it does.
 */
static int
sends_at(const struct amid_message *a, size_t k,
         const struct amid_message *ev, struct xref_send *s)
{
	if (k < a->nlist_items) {
		s->how = XREF_LIST_ITEM;
		return a->list_item_refs[k] == ev;
	}
	if (k == a->nlist_items) {
		s->how = XREF_LIST_END;
		return a->list_complete_ref == ev;
	}
	s->how = XREF_EMITS;
	s->emit = &a->emits[k - a->nlist_items - 1];
	return s->emit->target == ev;
}

int
xref_next_send(const struct amid_model *m, const struct amid_message *ev,
               struct xref_send *s)
{
	for (; s->i < m->nactions; s->i++, s->k = 0) {
		const struct amid_message *a = &m->actions[s->i];

		while (s->k < a->nlist_items + 1 + a->nemits) {
			s->emit = NULL;
			if (sends_at(a, s->k++, ev, s)) {
				s->action = a;
				return 1;
			}
		}
	}
	return 0;
}

int
xref_lists(const struct amid_message *a, const struct amid_message *ev)
{
	size_t i;

	for (i = 0; i < a->nlist_items; i++)
		if (a->list_item_refs[i] == ev)
			return 1;
	return 0;
}

const struct amid_emit *
xref_emit_of(const struct amid_message *a, const struct amid_message *ev)
{
	size_t i;

	for (i = 0; i < a->nemits; i++)
		if (a->emits[i].target == ev)
			return &a->emits[i];
	return NULL;
}
