/*
 * schema.h: dictionary/amidict.rng, embedded at build time (the Makefile
 * writes build/schema_rng.c), so the loader needs no file at run time.
 */
#ifndef AMID_SCHEMA_H
#define AMID_SCHEMA_H

#include <stddef.h>

extern const unsigned char amid_schema_rng_bytes[];
extern const size_t amid_schema_rng_len;

#endif
