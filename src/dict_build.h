/*
 * dict_build.h: the loader's internal stages, in pipeline order.
 *   dict_read.c   XML file -> entries (the only file that includes libxml2)
 *   dict_merge.c  entries -> one unlinked model, later files extending
 *                 earlier ones, conflicts reported at both places
 *   dict_link.c   unlinked model -> sorted, resolved, checked model
 *   dict_load.c   the public entry point driving the three
 */
#ifndef AMID_DICT_BUILD_H
#define AMID_DICT_BUILD_H

#include <stddef.h>

#include "errors.h"
#include "model.h"

struct amid_build {
	struct amid_model *m;
	struct amid_errors *errs;
	size_t cap_files, cap_classes, cap_headers, cap_rules;
	/* Entries the current file has defined or extended, to tell a
	 * duplicate in one file from an extension by a later one. */
	struct amid_seen {
		int kind; /* AMID_SEEN_* */
		size_t index;
		struct amid_loc loc; /* where this file defined it */
	} *seen;
	size_t nseen, cap_seen;
	size_t cap_msgs[AMID_KIND__MAX];
	void *schema; /* the compiled RELAX NG schema (dict_read.c) */
};

/* dict_read.c */
int amid_read_init(struct amid_build *);
void amid_read_fini(struct amid_build *);
/* Reads one file into the model; returns -1 when it could not be read. */
int amid_read_file(struct amid_build *, const char *path);

/*
 * dict_read_asterisk.c: Asterisk's own documentation, the <docs> root of a
 * parsed core-en_US.xml, into the model; file is the interned path.
 * Returns -1 when out of memory.
 */
struct _xmlNode;
int amid_read_asterisk(struct amid_build *, const char *file,
                       struct _xmlNode *root);

enum {
	AMID_SEEN_CLASS = AMID_KIND__MAX,
	AMID_SEEN_HEADER,
	AMID_SEEN_RULE
};

/* dict_merge.c: each takes an entry read from one file. */
/* A new file starts: nothing is seen in it yet. */
void amid_merge_new_file(struct amid_build *);
int amid_merge_class(struct amid_build *, const struct amid_class *);
int amid_merge_header(struct amid_build *, const struct amid_header *);
int amid_merge_message(struct amid_build *, const struct amid_message *);
int amid_merge_rule(struct amid_build *, const struct amid_rule *);
/* The model's arrays of messages of a kind (actions, events, ...). */
struct amid_message **amid_build_msgs(struct amid_build *, enum amid_kind,
                                      size_t **n);

/* dict_link.c: returns -1 when an error was found. */
int amid_link(struct amid_build *);

/* Loc helper: "file:line" of an entry, into buf. */
const char *amid_loc_str(const struct amid_loc *, char *buf, size_t size);

#endif
