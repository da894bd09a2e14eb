/*
 * emit.h: amigen's back-ends.  Each reads the linked model and writes one
 * format; every one has the same signature and one row in the table of
 * emit.c, so adding a format is adding a file and a row.
 */
#ifndef AMIGEN_EMIT_H
#define AMIGEN_EMIT_H

#include <stdio.h>

#include "model.h"

struct emit_opts {
	const char *out;  /* -o: output file, or directory for tree formats */
	const char *name; /* -n: module name (C back-end) */
	const struct amid_model *old; /* --old: the other side of -T diff */
};

int emit_xml(const struct amid_model *, FILE *, const struct emit_opts *);
int emit_diff(const struct amid_model *, FILE *, const struct emit_opts *);
int emit_diff_json(const struct amid_model *, FILE *,
                   const struct emit_opts *);

/*
 * A back-end writes one document to out, or (a tree back-end, out NULL) a
 * tree of files under the directory opts->out, through out_open().
 */

/* Returns 0, or -1 after printing why (amigen is a program, it may). */
typedef int (*emit_fn)(const struct amid_model *, FILE *out,
                       const struct emit_opts *);

struct emitter {
	const char *name;    /* the -T argument */
	const char *summary; /* one line for --help */
	emit_fn run;         /* NULL: nothing to write (-T check) */
	int tree;            /* writes files under the -o directory */
};

extern const struct emitter amigen_emitters[];
extern const size_t amigen_nemitters;

int emit_tree(const struct amid_model *, FILE *, const struct emit_opts *);
int emit_json(const struct amid_model *, FILE *, const struct emit_opts *);
int emit_latex(const struct amid_model *, FILE *, const struct emit_opts *);
int emit_markdown(const struct amid_model *, FILE *, const struct emit_opts *);
int emit_html(const struct amid_model *, FILE *, const struct emit_opts *);
int emit_man(const struct amid_model *, FILE *, const struct emit_opts *);
int emit_rules(const struct amid_model *, FILE *, const struct emit_opts *);
int emit_c(const struct amid_model *, FILE *, const struct emit_opts *);

#endif
