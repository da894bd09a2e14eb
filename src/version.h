/*
 * version.h: Asterisk version strings ("1.6.2", "13") compared as
 * numbers, part by part; a missing part counts as zero.
 */
#ifndef AMID_VERSION_H
#define AMID_VERSION_H

/* 1 when s is digits separated by single dots, else 0. */
int amid_version_valid(const char *s);
/* <0, 0 or >0 as a is older than, the same as, or newer than b. */
int amid_version_cmp(const char *a, const char *b);

#endif
