/*
 * emit_c.h: the parts of -T c, the C validators back-end.  emit_c.c
 * writes NAME.h and assembles NAME.c from emit_c_hash.c (name look-ups),
 * emit_c_values.c (value checks), emit_c_msgs.c (message tables) and
 * emit_c_engine.c (the fixed validation code).  docs/validators.md is
 * the contract the generated code keeps.
 */
#ifndef AMIGEN_EMIT_C_H
#define AMIGEN_EMIT_C_H

#include <stddef.h>
#include <stdint.h>

#include "emit.h"
#include "out.h"

/*
 * Detail and renamed-to texts are cut to this size (NUL included) the same
 * way here and in libamidict's run-time validator (src/validate.c), so both
 * report the same bytes.
 */
#define CGEN_TEXT_MAX 1024

struct cgen_text {
	char s[CGEN_TEXT_MAX];
	size_t len;
	int over; /* bytes were dropped: ends in "..." */
};

/* Version facts as the generated code holds them, deduplicated. */
struct cgen_facts {
	const char *since, *deprecated, *removed;
	char *renamed_to; /* names joined by spaces; owned */
};

struct cgen {
	const struct amid_model *m;
	const char *name;   /* the module name, -n */
	char *upper;        /* in upper case, for the enumerators */
	struct out o;       /* the file being written */
	size_t *check_base; /* index of each header's first meaning check */
	size_t nchecks;
	struct cgen_facts *facts;
	size_t nfacts, capfacts;
	int words_code; /* le8() and le4() are written (emit_c_lookup.c) */
	int nomem;  /* out of memory: the output is incomplete */
	int failed; /* another reason, already printed */
};

/* The key of a name for the look-up hashes (emit_c_hash.c). */
#define CGEN_PACKED 7  /* bytes packed in a key, with the length: 64 bits */
#define CGEN_MAXPOS 16 /* more are mixed in */
#define CGEN_MULT UINT64_C(0x9e3779b97f4a7c15)
#define CGEN_FNV_BASIS UINT64_C(0xcbf29ce484222325)
#define CGEN_FNV_PRIME UINT64_C(0x100000001b3)
#define CGEN_FOLD_BITS UINT64_C(0x2020202020202020)
#define CGEN_MULT2 UINT64_C(0xbf58476d1ce4e5b9)

/* One table of names and its hash. */
struct cgen_hash {
	const char *what;   /* "header", "action" or "event" */
	const char *tab;    /* the generated table of names */
	const char **names; /* in id order */
	size_t n, maxlen;
	int fold;           /* match ignoring ASCII case */
	int internal;       /* no public look-up nor names: only WHAT_find() */
	int pos[CGEN_MAXPOS];    /* >= 0 from the start, < 0 from the end */
	size_t npos;
	int full;           /* positions cannot tell the names apart */
	int words;          /* key of whole words instead of positions */
	int mid;            /* with the word in the middle of a long name */
	uint64_t seed;
	unsigned rbits, sbits; /* 2^rbits buckets, 2^sbits slots */
	unsigned *disp;
	int *slot;
};

/* emit_c.c */
void cgen_text_init(struct cgen_text *);
void cgen_text_put(struct cgen_text *, const char *s);
void cgen_text_end(struct cgen_text *);
/* A C string literal for s (escaped), or NULL. */
void cgen_str(struct cgen *, const char *s);
/* Fixed code lines; %p is the module name, %P the name in upper case. */
void cgen_lines(struct cgen *, const char *const *lines);
/* The facts table index of v merged over fallback (may be NULL); -1 if none. */
int cgen_facts(struct cgen *, const struct amid_versions *v,
               const struct amid_versions *fallback);
size_t cgen_check_index(const struct cgen *, const struct amid_meaning *);
void cgen_banner(struct cgen *);

/* emit_c_hash.c: finds a collision-free hash for h->names; -1 if none. */
int cgen_hash_build(struct cgen_hash *);

/* emit_c_lookup.c: names, hash tables and look-up functions. */
int cgen_lookups(struct cgen *);

/* emit_c_values.c */
void cgen_types(struct cgen *);
void cgen_checks(struct cgen *);
void cgen_value_code(struct cgen *);

/* emit_c_msgs.c */
void cgen_messages(struct cgen *);
void cgen_facts_table(struct cgen *);

/* emit_c_engine.c */
void cgen_struct_code(struct cgen *);
void cgen_engine_code(struct cgen *);
void cgen_header_file(struct cgen *);

#endif
