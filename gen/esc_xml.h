/*
 * esc_xml.h: the XML escapers used by -T xml (emit_xml.c): dictionary
 * text as element content and as a double-quoted attribute value, such
 * that an XML parser gives back exactly the same string.
 */
#ifndef AMIGEN_ESC_XML_H
#define AMIGEN_ESC_XML_H

#include <stdio.h>

/*
 * Element content: & < > become references, and so does a carriage
 * return (a parser turns a bare one into a line feed).  Control
 * characters XML 1.0 cannot hold at all become U+FFFD.  The signature
 * of esc_fn (out.h).
 */
void esc_xml(FILE *, const char *s, int *bol);

/*
 * A double-quoted attribute value: as esc_xml, and " ' tab and line feed
 * become references too (a parser turns bare blanks into spaces).
 */
void esc_xml_attr(FILE *, const char *s, int *bol);

#endif
