/*
 * xref.h: cross references the model holds one way round, looked up the
 * other way for the document back-ends: the actions that list or cause an
 * event, the messages a rename replaces, the members of a class.
 */
#ifndef AMIGEN_XREF_H
#define AMIGEN_XREF_H

#include <stddef.h>

#include "model.h"

/* The actions (k AMID_ACTION) or else the events of m, *n of them. */
const struct amid_message *xref_messages(const struct amid_model *,
                                         enum amid_kind k, size_t *n);

/* The action (k AMID_ACTION) or else the event named name; NULL: none. */
const struct amid_message *xref_find(const struct amid_model *,
                                     enum amid_kind k, const char *name);

/* Whether old is renamed to msg (a rename names a message of its kind). */
int xref_renames_to(const struct amid_model *, const struct amid_message *old,
                    const struct amid_message *msg);

/*
 * The messages msg replaces (renamed to it), in the model's order: the
 * first after prev (NULL: the first of all); NULL after the last.
 */
const struct amid_message *xref_next_replaced(const struct amid_model *,
                                              const struct amid_message *msg,
                                              const struct amid_message *prev);

/* The messages of kind k in class c, walked as xref_next_replaced. */
const struct amid_message *xref_next_member(const struct amid_model *,
                                            const struct amid_class *c,
                                            enum amid_kind k,
                                            const struct amid_message *prev);

/* How an action makes an event appear. */
enum xref_how {
	XREF_LIST_ITEM, /* an item of the list answering it */
	XREF_LIST_END,  /* the event ending that list */
	XREF_EMITS,     /* an event it causes */
	XREF_HOW__MAX
};

/* One way an action sends an event; zero it before the first step. */
struct xref_send {
	const struct amid_message *action;
	enum xref_how how;
	const struct amid_emit *emit; /* XREF_EMITS: the one naming the event */
	size_t i, k; /* where the walk is: action i, its k-th way */
};

/*
 * Steps s to the next way an action sends ev: action by action in the
 * model's order, each list item naming ev, then the list end, then each
 * emit; returns 0 after the last.
 */
int xref_next_send(const struct amid_model *, const struct amid_message *ev,
                   struct xref_send *s);

/* Whether a sends ev as an item of its list. */
int xref_lists(const struct amid_message *a, const struct amid_message *ev);

/* The first emit of a naming ev; NULL: a does not cause ev. */
const struct amid_emit *xref_emit_of(const struct amid_message *a,
                                     const struct amid_message *ev);

#endif
