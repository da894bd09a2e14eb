/*
 * test_esc_xml.c: the XML escapers (gen/esc_xml.c), written to a memory
 * stream and compared byte for byte; then parsed back by libxml2, which
 * must give the original string.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "esc_table.h"
#include "esc_xml.h"
#include "suites.h"

static const struct {
	const char *name, *in, *text, *attr;
} cases[] = {
	{"empty", "", "", ""},
	{"plain", "Originate", "Originate", "Originate"},
	{"ampersand", "a&b", "a&amp;b", "a&amp;b"},
	{"entity stays text", "&amp;", "&amp;amp;", "&amp;amp;"},
	{"tags", "<b>x</b>", "&lt;b&gt;x&lt;/b&gt;", "&lt;b&gt;x&lt;/b&gt;"},
	{"cdata end", "]]>", "]]&gt;", "]]&gt;"},
	{"double quote", "say \"hi\"", "say \"hi\"", "say &quot;hi&quot;"},
	{"single quote", "it's", "it's", "it&#39;s"},
	{"newline", "a\nb", "a\nb", "a&#10;b"},
	{"tab", "a\tb", "a\tb", "a&#9;b"},
	{"carriage return", "a\rb", "a&#13;b", "a&#13;b"},
	{"crlf", "a\r\nb", "a&#13;\nb", "a&#13;&#10;b"},
	{"control char", "a\x01" "b", "a\xef\xbf\xbd" "b",
	 "a\xef\xbf\xbd" "b"},
	{"escape char", "\x1b[0m", "\xef\xbf\xbd[0m", "\xef\xbf\xbd[0m"},
	{"delete passes", "a\x7f", "a\x7f", "a\x7f"},
	{"utf-8 passes", "caf\xc3\xa9 \xe2\x9c\x93", "caf\xc3\xa9 \xe2\x9c\x93",
	 "caf\xc3\xa9 \xe2\x9c\x93"},
	{"markdown passes", "*a* `b` \\c", "*a* `b` \\c", "*a* `b` \\c"},
	{"spaces kept", "  a  ", "  a  ", "  a  "},
};

START_TEST(test_text)
{
	int bol = 1;

	esc_check(cases[_i].name, esc_capture_text(esc_xml, cases[_i].in, &bol),
	          cases[_i].text);
}
END_TEST

START_TEST(test_attr)
{
	int bol = 1;

	esc_check(cases[_i].name,
	          esc_capture_text(esc_xml_attr, cases[_i].in, &bol),
	          cases[_i].attr);
}
END_TEST

/* libxml2 reads back what was written, in content and in an attribute. */
START_TEST(test_round_trip)
{
	char *text, *attr, doc[512];
	const char *in = cases[_i].in;
	xmlDocPtr d;
	xmlChar *got;
	int bol = 1;

	/* Characters XML cannot hold do not come back: nothing to check. */
	if (strcmp(cases[_i].text, cases[_i].in) != 0 &&
	    strstr(cases[_i].text, "\xef\xbf\xbd") != NULL)
		return;
	text = esc_capture_text(esc_xml, in, &bol);
	attr = esc_capture_text(esc_xml_attr, in, &bol);
	snprintf(doc, sizeof(doc), "<r a=\"%s\">%s</r>", attr, text);
	d = xmlReadMemory(doc, (int)strlen(doc), "t.xml", "UTF-8",
	                  XML_PARSE_NONET | XML_PARSE_NOERROR |
	                      XML_PARSE_NOWARNING);
	ck_assert_ptr_nonnull(d);
	got = xmlNodeGetContent(xmlDocGetRootElement(d));
	ck_assert_str_eq((const char *)got, in);
	xmlFree(got);
	got = xmlGetProp(xmlDocGetRootElement(d), (const xmlChar *)"a");
	ck_assert_str_eq((const char *)got, in);
	xmlFree(got);
	xmlFreeDoc(d);
	free(text);
	free(attr);
}
END_TEST

/* bol follows the last character written, in content only. */
START_TEST(test_bol)
{
	int bol = 1;

	free(esc_capture_text(esc_xml, "a", &bol));
	ck_assert_int_eq(bol, 0);
	free(esc_capture_text(esc_xml, "b\n", &bol));
	ck_assert_int_eq(bol, 1);
	free(esc_capture_text(esc_xml_attr, "b\n", &bol));
	ck_assert_int_eq(bol, 0);
}
END_TEST

/* In printable ASCII only & < > change in content, and " ' in values. */
START_TEST(test_printable_ascii)
{
	char in[2] = {0, 0}, *got;
	int c, bol = 0;

	for (c = 0x20; c < 0x7f; c++) {
		in[0] = (char)c;
		got = esc_capture_text(esc_xml, in, &bol);
		ck_assert_msg(strchr("&<>", c) ? got[0] == '&'
		                               : strcmp(got, in) == 0,
		              "content: char 0x%02x became \"%s\"", c, got);
		free(got);
		got = esc_capture_text(esc_xml_attr, in, &bol);
		ck_assert_msg(strchr("&<>\"'", c) ? got[0] == '&'
		                                  : strcmp(got, in) == 0,
		              "attribute: char 0x%02x became \"%s\"", c, got);
		free(got);
	}
}
END_TEST

Suite *
suite_esc_xml(void)
{
	TCase *tc;
	Suite *s = esc_suite("esc_xml", &tc);

	tcase_add_loop_test(tc, test_text, 0, NELEM(cases));
	tcase_add_loop_test(tc, test_attr, 0, NELEM(cases));
	tcase_add_loop_test(tc, test_round_trip, 0, NELEM(cases));
	tcase_add_test(tc, test_bol);
	tcase_add_test(tc, test_printable_ascii);
	return s;
}
