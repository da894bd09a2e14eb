/*
 * amigen.c: the generator's front-end.  Parses options, loads the
 * dictionary through libamidict, prints the loader's findings like a
 * compiler, and hands the model to one back-end (emit.c).
 * Exit: 0 clean, 1 warnings in the dictionary, 2 errors or bad usage.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "amidict.h"
#include "asof.h"
#include "emit.h"
#include "version.h"

#define EXIT_WARN 1
#define EXIT_ERROR 2

struct options {
	const struct emitter *emitter;
	struct emit_opts emit;
	const char **old; /* --old: the other side of -T diff */
	size_t nold;
	const char *as_of; /* --as-of: the operands' model at that version */
};

static void
usage(FILE *f)
{
	size_t i;

	fprintf(f, "usage: amigen [-T format] [-o out] [-n name] "
	           "[--as-of version] dictionary...\n"
	           "       amigen -T diff|diff-json --old dictionary... "
	           "dictionary...\n"
	           "       amigen --help | --version\n\n"
	           "A dictionary is an XML file or a directory of them, "
	           "read in name order;\nlater files extend earlier ones.\n\n"
	           "Formats (-T, default check):\n");
	for (i = 0; i < amigen_nemitters; i++)
		fprintf(f, "  %-10s %s\n", amigen_emitters[i].name,
		        amigen_emitters[i].summary);
	fputs("\nOptions:\n"
	      "  -o out     write to this file (or directory) instead of "
	      "stdout\n"
	      "  -n name    module name for generated code\n"
	      "  --as-of V  only what existed at Asterisk version V\n"
	      "  --old D    the old side of -T diff (repeat it for several)\n"
	      "\nExit status: 0 clean, 1 warnings, 2 errors.\n",
	      f);
}

static const struct emitter *
find_emitter(const char *name)
{
	size_t i;

	for (i = 0; i < amigen_nemitters; i++)
		if (strcmp(amigen_emitters[i].name, name) == 0)
			return &amigen_emitters[i];
	return NULL;
}

static int
add_old(struct options *o, const char *path)
{
	const char **v = realloc(o->old, (o->nold + 1) * sizeof(*v));

	if (v == NULL) {
		fputs("amigen: out of memory\n", stderr);
		return -1;
	}
	v[o->nold++] = path;
	o->old = v;
	return 0;
}

/* Returns the index of the first operand, or -1 to exit with *status. */
static int
parse_options(int argc, char **argv, struct options *o, int *status)
{
	static const struct option longopts[] = {
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{"old", required_argument, NULL, 'O'},
		{"as-of", required_argument, NULL, 'A'},
		{NULL, 0, NULL, 0},
	};
	int c;

	o->emitter = find_emitter("check");
	while ((c = getopt_long(argc, argv, "T:o:n:", longopts, NULL)) != -1) {
		switch (c) {
		case 'T':
			if ((o->emitter = find_emitter(optarg)) == NULL) {
				fprintf(stderr,
				        "amigen: unknown format '%s' (see "
				        "--help)\n",
				        optarg);
				*status = EXIT_ERROR;
				return -1;
			}
			break;
		case 'o':
			o->emit.out = optarg;
			break;
		case 'n':
			o->emit.name = optarg;
			break;
		case 'O':
			if (add_old(o, optarg) < 0)
				goto fail;
			break;
		case 'A':
			if (!amid_version_valid(optarg)) {
				fprintf(stderr,
				        "amigen: --as-of '%s' is not a version "
				        "such as 1.4\n",
				        optarg);
				goto fail;
			}
			o->as_of = optarg;
			break;
		case 'h':
			usage(stdout);
			*status = 0;
			return -1;
		case 'V':
			printf("amigen %s\n", AMIDICT_VERSION);
			*status = 0;
			return -1;
		default:
			usage(stderr);
			goto fail;
		}
	}
	if (optind >= argc) {
		fputs("amigen: no dictionary given\n", stderr);
		usage(stderr);
		goto fail;
	}
	/* Two sides for a diff, one for anything else. */
	if ((o->nold > 0) != (strncmp(o->emitter->name, "diff", 4) == 0)) {
		fprintf(stderr, "amigen: --old goes with -T diff or diff-json, "
		                "and they need it\n");
		goto fail;
	}
	return optind;
fail:
	*status = EXIT_ERROR;
	return -1;
}

static void
print_errors(const struct amid_errors *e)
{
	size_t i;

	for (i = 0; i < e->n; i++) {
		const struct amid_error *r = &e->v[i];
		const char *sev = r->severity == AMID_ERROR ? "error" : "warning";

		if (r->file != NULL && r->line > 0)
			fprintf(stderr, "%s:%lu: %s: %s\n", r->file, r->line,
			        sev, r->message);
		else if (r->file != NULL)
			fprintf(stderr, "%s: %s: %s\n", r->file, sev,
			        r->message);
		else
			fprintf(stderr, "amigen: %s: %s\n", sev, r->message);
	}
	if (e->nomem)
		fputs("amigen: error: out of memory\n", stderr);
}

static int
run_emitter(const struct options *o, const struct amid_model *m)
{
	FILE *f = stdout;
	int rc;

	if (o->emitter->run == NULL)
		return 0;
	if (o->emitter->tree) {
		if (o->emit.out == NULL) {
			fprintf(stderr, "amigen: -T %s writes several files: "
			                "give a directory with -o\n",
			        o->emitter->name);
			return -1;
		}
		return o->emitter->run(m, NULL, &o->emit);
	}
	if (o->emit.out != NULL && (f = fopen(o->emit.out, "w")) == NULL) {
		perror(o->emit.out);
		return -1;
	}
	rc = o->emitter->run(m, f, &o->emit);
	if (ferror(f))
		rc = -1;
	if (f != stdout ? fclose(f) != 0 : fflush(f) != 0)
		rc = -1;
	if (rc < 0)
		fprintf(stderr, "amigen: error writing %s\n",
		        o->emit.out ? o->emit.out : "standard output");
	return rc;
}

/* A loaded dictionary: the model, and what a --as-of view borrows from. */
struct side {
	struct amid_model *m, *base;
};

/* Loads one side; its findings are printed and raise *status. */
static int
load(struct side *s, const char *const *paths, size_t n, const char *as_of,
     int *status)
{
	struct amid_errors errs;

	amid_errors_init(&errs);
	if (amid_dict_load(paths, n, &s->m, &errs) == 0 && as_of != NULL) {
		s->base = s->m;
		s->m = asof_filter(s->base, as_of, &errs);
	}
	print_errors(&errs);
	if (s->m == NULL)
		*status = EXIT_ERROR;
	else if (errs.n > 0 && *status < EXIT_WARN)
		*status = EXIT_WARN;
	amid_errors_free(&errs);
	return s->m != NULL ? 0 : -1;
}

static void
unload(struct side *s)
{
	amid_model_free(s->m); /* first: it may borrow from base */
	amid_model_free(s->base);
}

int
main(int argc, char **argv)
{
	struct options o = {0};
	struct side old = {0}, cur = {0};
	int first, status = 0, rc;

	if ((first = parse_options(argc, argv, &o, &status)) < 0) {
		free(o.old);
		return status;
	}
	rc = o.nold > 0 ? load(&old, o.old, o.nold, NULL, &status) : 0;
	if (load(&cur, (const char *const *)argv + first,
	         (size_t)(argc - first), o.as_of, &status) == 0 && rc == 0) {
		o.emit.old = old.m;
		if (run_emitter(&o, cur.m) < 0)
			status = EXIT_ERROR;
	}
	unload(&cur);
	unload(&old);
	free(o.old);
	return status;
}
