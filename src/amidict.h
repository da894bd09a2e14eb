/*
 * amidict.h: the public interface of libamidict.
 * Load one or more dictionary files (or directories of them) into one
 * linked, read-only model; problems come back in an error list, the
 * library never prints.
 */
#ifndef AMIDICT_H
#define AMIDICT_H

#include "errors.h"
#include "model.h"

#define AMIDICT_VERSION "0.1.0"

/*
 * Loads the files in order (a directory stands for its *.xml files in name
 * order).  On success returns 0 and sets *out; warnings may be in errs.
 * On failure returns -1, sets *out to NULL and errs holds at least one
 * error: a broken dictionary never half-loads.
 */
int amid_dict_load(const char *const *paths, size_t npaths,
                   struct amid_model **out, struct amid_errors *errs);

#endif
