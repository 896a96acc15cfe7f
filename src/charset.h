/*
 * charset: which character encoding a document's bytes are in, for the
 * parsers that hand them to libxml2 (extract_html, feed): byte order
 * marks, the names an XML declaration or an HTML <meta> gives, and the
 * choice of encoding for an HTML page.  Names only: libxml2 converts.
 * Nothing is allocated; names are copied into the caller's buffer, cut
 * to its size.  Bounded: an HTML page is searched in its first
 * HTML_SNIFF_BYTES (bounds.h).
 */
#ifndef BYLINE_CHARSET_H
#define BYLINE_CHARSET_H

#include <stddef.h>

/* The encoding a byte order mark at the start of s[0..n) names
 * ("UTF-8", "UTF-16LE", "UTF-16BE"), its length in *len (may be NULL);
 * NULL and 0 when there is none. */
const char *charset_bom(const char *s, size_t n, size_t *len);

/* Does the name say UTF-8 ("utf-8", "utf8", any case)? */
int	 charset_is_utf8(const char *name);
/* Does the name say UTF-16, UTF-32 or UCS (units wider than a byte)? */
int	 charset_is_wide(const char *name);
/* Has libxml2 a converter from the named encoding? */
int	 charset_known(const char *name);

/* The encoding named by the XML declaration at the start of s[0..n)
 * (encoding="..."), into out; "" when there is none or it does not
 * fit. */
void	 charset_xml_decl(const char *s, size_t n, char *out, size_t outsz);

/* The charset a <meta> names in the first HTML_SNIFF_BYTES of s[0..n)
 * (charset=...), into out: 0, or -1 when there is none. */
int	 charset_html_meta(const char *s, size_t n, char *out, size_t outsz);

/*
 * The encoding to parse an HTML page s[0..n) with: a BOM wins; bytes
 * that are valid UTF-8 are UTF-8 whatever is declared (pages often
 * declare a legacy charset and serve UTF-8), and so are bytes that are
 * UTF-8 but for a few bad ones (*valid 0: charset_utf8_repair() first);
 * then declared (the HTTP header's charset, may be NULL), then <meta>,
 * then windows-1252, what browsers assume for undeclared Western pages.
 * The result is a constant or buf.  *valid says whether the page is
 * valid UTF-8 that libxml2 reads as it is.
 */
const char *charset_html(const char *s, size_t n, const char *declared,
	    char *buf, size_t bufsz, int *valid);

/* A copy of s[0..*n) with each byte that is not part of a valid UTF-8
 * sequence replaced by U+FFFD; *n becomes its length.  Caller frees;
 * NULL when memory runs out. */
char	*charset_utf8_repair(const char *s, size_t *n);

#endif
