/*
 * phrase.h: facts of the model in the English the document back-ends
 * share ("since 1.6, renamed to Bridge", "Used by actions: ..."), written
 * through the back-end's out with its own links and paragraph markup.
 */
#ifndef AMIGEN_PHRASE_H
#define AMIGEN_PHRASE_H

#include "model.h"
#include "out.h"

/* What a renamed-to names: an entry of the same kind, or just words. */
enum rename_to { RN_TEXT, RN_HEADER, RN_ACTION, RN_EVENT };

/* A back-end's writer, its paragraphs and its links. */
struct phrase {
	struct out *o;
	const struct amid_model *m;
	const char *par, *end_par; /* trusted markup around a paragraph */
	void *ctx;                 /* the back-end's, passed to the links */
	void (*link_header)(void *ctx, const struct amid_header *);
	void (*link_message)(void *ctx, const struct amid_message *);
	/* The class named name, or the name alone when there is none. */
	void (*link_class)(void *ctx, const char *name);
	/* A response: it has no page, but a place in a list of them. */
	void (*link_response)(void *ctx, const struct amid_message *);
};

int phrase_has_versions(const struct amid_versions *);

/* "the classic manager API documentation"; NULL for AMID_SRC_NONE. */
const char *phrase_source(enum amid_source);

/* "Framing rules". */
const char *phrase_category(enum amid_rule_category);

/* "since 1.6, removed in 12, renamed to X and Y"; renames linked per rn. */
void phrase_versions(const struct phrase *, const struct amid_versions *,
                     enum rename_to rn);

/*
 * "Versions: since 1.6. Source: ..." as sentences of the paragraph being
 * written, the first after lead; returns 0 when there is nothing to say.
 */
int phrase_facts(const struct phrase *, const struct amid_versions *,
                 enum amid_source, enum rename_to rn, const char *lead);

/* ", repeatable, at least 0; since 1.6. Source: ...": after a type. */
void phrase_limits(const struct phrase *, const struct amid_meaning *);

/*
 * "An action, sent by a client; class X. Versions: ... It replaces Y.":
 * the facts of a message as sentences of the paragraph being written.
 */
void phrase_message(const struct phrase *, const struct amid_message *);

/* A paragraph "Used by actions: A, B (response)."; nothing if none. */
void phrase_used_by(const struct phrase *, const struct amid_meaning *,
                    enum amid_kind);

/* A paragraph "Actions: A, B." of class c's members of kind k, if any. */
void phrase_members(const struct phrase *, const struct amid_class *c,
                    enum amid_kind k);

#endif
