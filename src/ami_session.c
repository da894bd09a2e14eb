/*
 * ami_session.c: the conversation state of one transcript (see
 * ami_session.h): an open-addressed table of actions in flight by ActionID.
 */
#include "ami_session.h"

#include <stdlib.h>
#include <string.h>

void
ami_session_init(struct ami_session *s)
{
	memset(s, 0, sizeof(*s));
}

static size_t
hash(const char *id, size_t len)
{
	size_t h = 2166136261u, i;

	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char)id[i]) * 16777619u;
	return h;
}

static size_t
cut(size_t len)
{
	return len > AMI_SESSION_MAX_ID ? AMI_SESSION_MAX_ID : len;
}

struct ami_pending *
ami_session_find(struct ami_session *s, const char *id, size_t len)
{
	size_t n, slot;

	len = cut(len);
	slot = hash(id, len) % AMI_SESSION_MAX_PENDING;
	for (n = 0; n < AMI_SESSION_MAX_PENDING; n++) {
		struct ami_pending *p = &s->pending[(slot + n) %
		                                    AMI_SESSION_MAX_PENDING];

		if (!p->used)
			return NULL;
		if (p->id_len == len && memcmp(p->id, id, len) == 0)
			return p;
	}
	return NULL;
}

/*
 * Removing from an open-addressed table must not break the probe chains
 * of the entries after it: re-insert the rest of the cluster.
 */
void
ami_session_forget(struct ami_session *s, struct ami_pending *p)
{
	size_t i = (size_t)(p - s->pending), j;
	struct ami_pending moved;

	p->used = false;
	s->npending--;
	for (j = (i + 1) % AMI_SESSION_MAX_PENDING; s->pending[j].used;
	     j = (j + 1) % AMI_SESSION_MAX_PENDING) {
		struct ami_pending *q;
		size_t slot;

		moved = s->pending[j];
		s->pending[j].used = false;
		slot = hash(moved.id, moved.id_len) % AMI_SESSION_MAX_PENDING;
		while (s->pending[slot].used)
			slot = (slot + 1) % AMI_SESSION_MAX_PENDING;
		q = &s->pending[slot];
		*q = moved;
	}
}

static void
forget_all(struct ami_session *s)
{
	size_t slot;

	for (slot = 0; slot < AMI_SESSION_MAX_PENDING; slot++)
		s->pending[slot].used = false;
	s->npending = 0;
	s->forgot = true;
}

void
ami_session_lost(struct ami_session *s)
{
	forget_all(s);
	s->outstanding = 0;
	s->noid_pending = 0;
}

struct ami_pending *
ami_session_add(struct ami_session *s, const char *id, size_t len,
                const char *action, size_t action_len, unsigned long line)
{
	struct ami_pending *p;
	size_t slot;

	len = cut(len);
	/*
	 * Keep the table at most 3/4 full so probes stay short.  A transcript
	 * with that many unanswered actions is one-sided: start afresh.
	 */
	if (s->npending >= AMI_SESSION_MAX_PENDING * 3 / 4)
		forget_all(s);
	slot = hash(id, len) % AMI_SESSION_MAX_PENDING;
	while (s->pending[slot].used)
		slot = (slot + 1) % AMI_SESSION_MAX_PENDING;
	p = &s->pending[slot];
	memset(p, 0, sizeof(*p));
	p->used = true;
	memcpy(p->id, id, len);
	p->id_len = len;
	if (action_len > AMI_SESSION_MAX_ACTION)
		action_len = AMI_SESSION_MAX_ACTION;
	memcpy(p->action, action, action_len);
	p->line = line;
	p->order = s->sent++;
	s->npending++;
	return p;
}

static int
by_order(const void *a, const void *b)
{
	const struct ami_pending *x = *(const struct ami_pending *const *)a;
	const struct ami_pending *y = *(const struct ami_pending *const *)b;

	return x->order < y->order ? -1 : x->order > y->order;
}

void
ami_session_each(struct ami_session *s,
                 void (*fn)(void *ctx, const struct ami_pending *), void *ctx)
{
	const struct ami_pending *v[AMI_SESSION_MAX_PENDING];
	size_t i, n = 0;

	for (i = 0; i < AMI_SESSION_MAX_PENDING; i++)
		if (s->pending[i].used)
			v[n++] = &s->pending[i];
	qsort(v, n, sizeof(v[0]), by_order);
	for (i = 0; i < n; i++)
		fn(ctx, v[i]);
}
