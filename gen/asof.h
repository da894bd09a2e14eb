/*
 * asof.h: amigen --as-of VERSION, a linked model -> the model as it was
 * at that Asterisk version, linked and checked again (asof.c).
 */
#ifndef AMIGEN_ASOF_H
#define AMIGEN_ASOF_H

#include "errors.h"
#include "model.h"

/*
 * Keeps what existed at version: entries, values, parameters and fields
 * whose since is unknown or not later, and that were not removed by then;
 * facts from later versions (a later deprecation or removal, a rename
 * that came with it) are dropped, as are meanings that only later
 * messages used and references to what was dropped.  Returns a new
 * model, freed with amid_model_free, that borrows m's strings (free it
 * before m), or NULL with at least one error in errs.
 */
struct amid_model *asof_filter(const struct amid_model *m,
                               const char *version,
                               struct amid_errors *errs);

#endif
