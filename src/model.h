/*
 * model.h: the linked, read-only dictionary model.
 * Built by the loader (dict_read.c -> dict_merge.c -> dict_link.c); it is
 * all a back-end sees.  Entries are sorted by name, every reference is
 * resolved to a pointer, and everything lives in the model's arena.
 */
#ifndef AMID_MODEL_H
#define AMID_MODEL_H

#include <stdbool.h>
#include <stddef.h>

struct amid_arena;

/* Where an entry was defined. */
struct amid_loc {
	const char *file;
	unsigned long line;
};

/* Version facts: Asterisk versions such as "1.6.2"; NULL when unknown. */
struct amid_versions {
	const char *since;
	const char *deprecated;
	const char *removed;
	const char **renamed_to; /* names of the replacements */
	size_t nrenamed_to;
};

enum amid_type {
	AMID_T_STRING,
	AMID_T_INTEGER,
	AMID_T_BOOL,
	AMID_T_YESNO,
	AMID_T_ENUM,
	AMID_T_CLASSLIST,
	AMID_T_EVENTMASK,
	AMID_T_CHANNEL,
	AMID_T_DIALSTRING,
	AMID_T_UNIQUEID,
	AMID_T_ACTIONID,
	AMID_T_TIMESTAMP,
	AMID_T_DATETIME,
	AMID_T_SECONDS,
	AMID_T_MILLISECONDS,
	AMID_T_VARIABLE,
	AMID_T_IPADDR,
	AMID_T_PORT,
	AMID_T_PRIORITY,
	AMID_T__MAX
};

enum amid_source {
	AMID_SRC_NONE,
	AMID_SRC_SEED,
	AMID_SRC_ASTERISK,
	AMID_SRC_WIRE,
	AMID_SRC__MAX
};

enum amid_kind {
	AMID_ACTION,
	AMID_EVENT,
	AMID_RESPONSE,
	AMID_KIND__MAX
};

struct amid_class {
	const char *name;
	struct amid_versions ver;
	enum amid_source source;
	const char *description; /* CommonMark, or NULL */
	struct amid_loc loc;
};

struct amid_value {
	const char *name;
	struct amid_versions ver;
	const char *description;
	struct amid_loc loc;
};

struct amid_header;
struct amid_message;
struct amid_use;

struct amid_meaning {
	const char *key; /* NULL when the header has one meaning */
	const struct amid_header *header;
	enum amid_type type;
	bool has_min, has_max, has_max_length;
	long long min, max;
	unsigned long long max_length;
	bool repeat;           /* may appear more than once in a message */
	bool case_insensitive; /* enumeration matched ignoring case */
	bool has_repeat, has_case; /* said so, rather than by default */
	bool has_type; /* a stated type (Asterisk's import states none) */
	struct amid_versions ver;
	enum amid_source source;
	const char *description;
	struct amid_value *values;
	size_t nvalues;
	const struct amid_use **uses; /* every param/field using it */
	size_t nuses;
	struct amid_loc loc;
};

struct amid_header {
	const char *name; /* canonical spelling: the last file's */
	bool respelled;   /* another file spells it differently */
	struct amid_meaning *meanings;
	size_t nmeanings;
	struct amid_loc loc;
};

/* A header as a message uses it: a parameter or a field. */
struct amid_use {
	const char *name;
	const char *meaning_key; /* as written; NULL when not given */
	bool key_guessed;        /* chosen by an importer, not stated */
	bool required;
	bool has_required; /* said so, rather than by default */
	int group; /* index into the message's groups, or -1 */
	struct amid_versions ver;
	const char *description;
	struct amid_loc loc;
	const struct amid_meaning *meaning; /* resolved */
	const struct amid_message *owner;   /* the message it belongs to */
	bool in_response;                   /* an action's response field */
};

/* Parameters that go together: all required members or none. */
struct amid_group {
	const char *name;
	size_t choice; /* index into the message's choices */
	struct amid_loc loc;
};

/* Alternative groups; when required, at least one must be used. */
struct amid_choice {
	bool required;
	size_t first_group, ngroups;
	struct amid_loc loc;
};

struct amid_emit {
	const char *event;
	const char *description;
	const struct amid_message *target; /* resolved */
	struct amid_loc loc;
};

/* An action, an event, a response, or the common headers of a kind. */
struct amid_message {
	enum amid_kind kind;
	const char *name; /* NULL for the common headers of a kind */
	const char **classes;
	size_t nclasses;
	const struct amid_class **class_refs; /* resolved, nclasses of them */
	struct amid_versions ver;
	enum amid_source source;
	const char *description;
	struct amid_use *uses; /* parameters, or fields */
	size_t nuses;
	struct amid_use *response; /* an action's response fields */
	size_t nresponse;
	bool has_response;
	struct amid_group *groups;
	size_t ngroups;
	struct amid_choice *choices;
	size_t nchoices;
	const char **list_items; /* events a list action sends */
	size_t nlist_items;
	const struct amid_message **list_item_refs;
	const char *list_complete; /* the event closing the list */
	const struct amid_message *list_complete_ref;
	struct amid_loc list_loc;
	struct amid_emit *emits;
	size_t nemits;
	struct amid_loc loc;
};

/* A lint rule of amilint's catalogue. */
enum amid_rule_category {
	AMID_CAT_FRAMING,
	AMID_CAT_HEADERS,
	AMID_CAT_SESSION,
	AMID_CAT_DICTIONARY,
	AMID_CAT_SECURITY,
	AMID_CAT__MAX
};

enum amid_rule_severity {
	AMID_SEV_NOTE,
	AMID_SEV_WARNING,
	AMID_SEV_ERROR,
	AMID_SEV__MAX
};

struct amid_rule {
	const char *id;   /* stable: AMI0101 */
	const char *name; /* kebab-case: bare-lf */
	enum amid_rule_category category;
	enum amid_rule_severity severity; /* the default */
	const char *summary;     /* one line */
	const char *description; /* CommonMark */
	const char *bad, *good;  /* example transcripts */
	struct amid_loc loc;
};

struct amid_model {
	struct amid_arena *arena;
	const char **files; /* in load order */
	size_t nfiles;
	struct amid_class *classes;
	size_t nclasses;
	struct amid_header *headers; /* sorted by name, ignoring case */
	size_t nheaders;
	struct amid_message *actions; /* sorted by name, ignoring case */
	size_t nactions;
	struct amid_message *events; /* sorted by name */
	size_t nevents;
	struct amid_message *responses; /* sorted by name */
	size_t nresponses;
	struct amid_message common[AMID_KIND__MAX];
	struct amid_rule *rules; /* sorted by id */
	size_t nrules;
};

void amid_model_free(struct amid_model *);

const char *amid_type_name(enum amid_type);
int amid_type_from_name(const char *, enum amid_type *);
const char *amid_source_name(enum amid_source);
const char *amid_kind_name(enum amid_kind);
const char *amid_category_name(enum amid_rule_category);
const char *amid_severity_name(enum amid_rule_severity);

/* Look-ups on a linked model; NULL when absent. */
const struct amid_header *amid_find_header(const struct amid_model *,
                                           const char *name);
const struct amid_message *amid_find_action(const struct amid_model *,
                                            const char *name);
const struct amid_message *amid_find_event(const struct amid_model *,
                                           const char *name);
const struct amid_class *amid_find_class(const struct amid_model *,
                                         const char *name);
/* The same for len bytes at name (borrowed slices of a message). */
const struct amid_header *amid_find_header_n(const struct amid_model *,
                                             const char *name, size_t len);
const struct amid_message *amid_find_action_n(const struct amid_model *,
                                              const char *name, size_t len);
const struct amid_message *amid_find_event_n(const struct amid_model *,
                                             const char *name, size_t len);
const struct amid_message *amid_find_response_n(const struct amid_model *,
                                                const char *name,
                                                size_t len);

/* A meaning's display name: "Status/registry", or "Status". */
int amid_meaning_label(const struct amid_meaning *, char *buf, size_t size);

#endif
