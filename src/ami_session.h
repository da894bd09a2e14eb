/*
 * ami_session.h: messages -> a conversation, the third stage of amilint's
 * pipeline.  Remembers what a transcript has said so far: which sides it
 * holds, whether the client logged in, and the actions in flight by
 * ActionID with the lists they opened.  Bounded: when 3/4 of
 * AMI_SESSION_MAX_PENDING actions are in flight the table is emptied (a
 * one-sided transcript), and IDs longer than AMI_SESSION_MAX_ID are cut.
 */
#ifndef AMI_SESSION_H
#define AMI_SESSION_H

#include <stdbool.h>
#include <stddef.h>

#define AMI_SESSION_MAX_PENDING 256
#define AMI_SESSION_MAX_ID 256
#define AMI_SESSION_MAX_ACTION 64

struct ami_pending {
	bool used;
	char id[AMI_SESSION_MAX_ID + 1];
	size_t id_len;
	char action[AMI_SESSION_MAX_ACTION + 1];
	unsigned long line;       /* of the action's first header */
	unsigned long long order; /* sent order, for eviction */
	bool answered;            /* a response came */
	bool list_open;           /* the response started an event list */
	unsigned long list_line;  /* of that response */
	size_t items;             /* list events seen so far */
	bool wants_event;         /* async Originate: OriginateResponse to come */
	bool before_login;        /* reported as sent before login */
	int stream, list_stream;  /* lint_stream() of line and list_line */
};

/* A finding that waits to learn whether the transcript has a server side. */
#define AMI_SESSION_MAX_DEFERRED 16
struct ami_deferred {
	unsigned long line;
	int stream; /* lint_stream() of line */
	size_t outstanding;
};

struct ami_session {
	bool seen_client, seen_server;
	bool logged_in;
	size_t outstanding;    /* actions sent and not yet answered */
	size_t noid_pending;   /* of those, how many have no ActionID */
	unsigned long long sent;
	size_t npending;
	bool forgot; /* the table overflowed once and was emptied */
	/* Pipelined actions seen before any server message. */
	struct ami_deferred deferred[AMI_SESSION_MAX_DEFERRED];
	size_t ndeferred;
	struct ami_pending pending[AMI_SESSION_MAX_PENDING];
};

void ami_session_init(struct ami_session *);
/* The action in flight with this ActionID, or NULL. */
struct ami_pending *ami_session_find(struct ami_session *, const char *id,
                                     size_t len);
/* Remembers an action with an ActionID (emptying the table when full). */
struct ami_pending *ami_session_add(struct ami_session *, const char *id,
                                    size_t len, const char *action,
                                    size_t action_len, unsigned long line);
/* Entries may move: pointers from find/add die here. */
void ami_session_forget(struct ami_session *, struct ami_pending *);
/* Bytes of the conversation were lost: forget what was in flight. */
void ami_session_lost(struct ami_session *);
/* Calls fn on every remembered action, oldest first. */
void ami_session_each(struct ami_session *,
                      void (*fn)(void *ctx, const struct ami_pending *),
                      void *ctx);

#endif
