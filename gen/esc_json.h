/*
 * esc_json.h: the JSON escaper: a string literal with quotes, backslashes
 * and control characters escaped; other bytes pass as they are (the
 * dictionary is UTF-8, checked by libxml2).
 */
#ifndef AMIGEN_ESC_JSON_H
#define AMIGEN_ESC_JSON_H

#include <stdio.h>

/* Writes s as a JSON string literal, quotes included; NULL as null. */
void esc_json(FILE *, const char *s);

#endif
