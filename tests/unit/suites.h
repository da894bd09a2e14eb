/*
 * suites.h: the Check suites of the unit tests, one per module; main.c
 * runs them all.
 */
#ifndef AMID_TEST_SUITES_H
#define AMID_TEST_SUITES_H

#include <check.h>

Suite *suite_version(void);
Suite *suite_prose(void);
Suite *suite_arena(void);
Suite *suite_errors(void);
Suite *suite_model(void);
Suite *suite_dict_load(void);
Suite *suite_esc_json(void);
Suite *suite_json_out(void);
Suite *suite_esc_latex(void);
Suite *suite_esc_roff(void);
Suite *suite_esc_md(void);
Suite *suite_esc_html(void);
Suite *suite_esc_c(void);
Suite *suite_validate(void);
Suite *suite_esc_xml(void);
Suite *suite_dict_read_asterisk(void);

#endif
