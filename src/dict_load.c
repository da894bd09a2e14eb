/*
 * dict_load.c: the loader's entry point: paths -> files -> read and merge
 * each (dict_read.c, dict_merge.c) -> link (dict_link.c) -> model.
 */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "amidict.h"
#include "arena.h"
#include "dict_build.h"

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
has_xml_suffix(const char *name)
{
	size_t n = strlen(name);

	return n > 4 && strcmp(name + n - 4, ".xml") == 0 && name[0] != '.';
}

/* Reads every *.xml file of a directory, in name order. */
static int
read_dir(struct amid_build *b, const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char **names = NULL, **nn, *path;
	size_t n = 0, cap = 0, i, len;
	int rc = 0;

	if (d == NULL) {
		amid_report(b->errs, AMID_ERROR, dir, 0, "cannot open: %s",
		            strerror(errno));
		return -1;
	}
	while ((de = readdir(d)) != NULL) {
		if (!has_xml_suffix(de->d_name))
			continue;
		len = strlen(dir) + strlen(de->d_name) + 2;
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			if ((nn = realloc(names, cap * sizeof(*nn))) == NULL)
				break;
			names = nn;
		}
		if ((path = malloc(len)) == NULL)
			break;
		strcpy(path, dir);
		if (len > 2 && dir[strlen(dir) - 1] != '/')
			strcat(path, "/");
		strcat(path, de->d_name);
		names[n++] = path;
	}
	if (de != NULL) {
		amid_report(b->errs, AMID_ERROR, dir, 0, "out of memory");
		rc = -1;
	}
	closedir(d);
	if (n > 0)
		qsort(names, n, sizeof(*names), cmp_str);
	else if (rc == 0) {
		amid_report(b->errs, AMID_ERROR, dir, 0,
		            "no dictionary files (*.xml) in this directory");
		rc = -1;
	}
	for (i = 0; i < n; i++) {
		if (amid_read_file(b, names[i]) < 0)
			rc = -1;
		free(names[i]);
	}
	free(names);
	return rc;
}

static int
read_path(struct amid_build *b, const char *path)
{
	struct stat st;

	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return read_dir(b, path);
	return amid_read_file(b, path);
}

int
amid_dict_load(const char *const *paths, size_t npaths,
               struct amid_model **out, struct amid_errors *errs)
{
	struct amid_build b = {0};
	struct amid_arena *arena;
	size_t i, before = errs->nerrors;
	int rc = -1;

	*out = NULL;
	b.errs = errs;
	/* The model lives in its own arena, so freeing one frees both. */
	if ((arena = amid_arena_new()) == NULL ||
	    (b.m = amid_arena_alloc(arena, sizeof(*b.m))) == NULL) {
		amid_arena_free(arena);
		amid_report(errs, AMID_ERROR, NULL, 0, "out of memory");
		return -1;
	}
	b.m->arena = arena;
	if (npaths == 0)
		amid_report(errs, AMID_ERROR, NULL, 0, "no dictionary given");
	else if (amid_read_init(&b) == 0) {
		/* Keep reading after a bad file: report every broken one. */
		for (i = 0; i < npaths; i++)
			read_path(&b, paths[i]);
		if (errs->nerrors == before)
			rc = amid_link(&b);
		amid_read_fini(&b);
	}
	if (rc == 0 && errs->nerrors == before && !errs->nomem) {
		*out = b.m;
		return 0;
	}
	amid_model_free(b.m);
	return -1;
}
