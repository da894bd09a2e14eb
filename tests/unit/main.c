/*
 * main.c: runs every unit-test suite (see suites.h); exits non-zero when
 * any test fails.  `CK_FORK=no build/unit` runs them in one process, which
 * is what the sanitizer build wants.
 */
#include <stdlib.h>

#include "suites.h"

int
main(void)
{
	Suite *(*const suites[])(void) = {
		suite_version, suite_prose,    suite_arena,    suite_errors,
		suite_model,   suite_dict_load, suite_esc_json, suite_json_out,
		suite_esc_latex, suite_esc_roff, suite_esc_md, suite_esc_html,
		suite_esc_c,   suite_validate, suite_esc_xml,
		suite_dict_read_asterisk,
	};
	SRunner *sr = srunner_create(NULL);
	size_t i;
	int failed;

	for (i = 0; i < sizeof(suites) / sizeof(suites[0]); i++)
		srunner_add_suite(sr, suites[i]());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
