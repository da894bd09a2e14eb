/*
 * page_name.h: the file names of the pages of actions and events for the
 * back-ends writing a page per message (-T html, markdown, man): unique
 * even ignoring case, as the file systems of macOS and Windows compare.
 */
#ifndef AMIGEN_PAGE_NAME_H
#define AMIGEN_PAGE_NAME_H

#include "model.h"

/* How a back-end spells its page names. */
struct page_style {
	const char *prefix[AMID_KIND__MAX]; /* before the name; NULL: none */
	int lower;  /* lower case, a byte outside [a-z0-9_-] as '_' */
	char sep;   /* before the number that tells apart such names */
};

/* The names of the pages of a model's actions and events. */
struct page_names {
	const struct amid_model *m;
	char **name[AMID_KIND__MAX]; /* parallel to m->actions, m->events */
};

/*
 * Names every page, in the model's order.  Names equal ignoring case
 * (events Newcallerid and NewCallerid): the first keeps the plain name,
 * each later one gets SEP2, SEP3 ..., skipping names another page has.
 * Returns -1 when out of memory (names then NULL; page_names_free is safe).
 */
int page_names_init(struct page_names *, const struct amid_model *,
                    const struct page_style *);
void page_names_free(struct page_names *);

/* The page of an action or event; NULL for NULL, responses and commons. */
const char *page_name(const struct page_names *, const struct amid_message *);

/* "actions" or "events": the directory of a kind's pages in a site. */
const char *page_dir(enum amid_kind);

#endif
