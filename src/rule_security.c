/*
 * rule_security.c: security rules.  A password sent in clear text is
 * reported without ever quoting it (lint_report redacts secret values of
 * every quoted line).
 */
#include "lint_internal.h"

void
rule_security(struct lint *l, const struct ami_message *m)
{
	const struct ami_header *s;

	if (m->kind != AMI_MSG_ACTION || (s = lint_header(m, "Secret")) == NULL)
		return;
	lint_report(l, RULE_PLAINTEXT_SECRET, s, 0, 1,
	            "password sent in clear text; use Challenge with "
	            "AuthType: MD5 and Key:, or TLS");
}
