/*
 * charset: see charset.h.  The HTML choice follows what browsers do
 * with pages that declare one charset and serve another (WHATWG
 * Encoding: a BOM first; windows-1252 for the undeclared); the XML
 * declaration is XML 1.0 section 4.3.3.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/encoding.h>

#include "bounds.h"
#include "charset.h"
#include "util.h"

const char *
charset_bom(const char *s, size_t n, size_t *len)
{
	const char *name = NULL;
	size_t	 l = 0;

	if (n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0) {
		name = "UTF-8";
		l = 3;
	} else if (n >= 2 && memcmp(s, "\xff\xfe", 2) == 0) {
		name = "UTF-16LE";
		l = 2;
	} else if (n >= 2 && memcmp(s, "\xfe\xff", 2) == 0) {
		name = "UTF-16BE";
		l = 2;
	}
	if (len != NULL)
		*len = l;
	return name;
}

int
charset_is_utf8(const char *s)
{
	return ascii_casecmp(s, "utf-8") == 0 || ascii_casecmp(s, "utf8") == 0;
}

int
charset_is_wide(const char *s)
{
	return ascii_ncasecmp(s, "utf-16", 6) == 0 ||
	    ascii_ncasecmp(s, "utf-32", 6) == 0 ||
	    ascii_ncasecmp(s, "utf16", 5) == 0 ||
	    ascii_ncasecmp(s, "ucs", 3) == 0;
}

int
charset_known(const char *name)
{
	xmlCharEncodingHandlerPtr h;

	if ((h = xmlFindCharEncodingHandler(name)) == NULL)
		return 0;
	xmlCharEncCloseFunc(h);
	return 1;
}

void
charset_xml_decl(const char *s, size_t len, char *out, size_t outsz)
{
	const char *d, *q, *e = s + len;
	char	 quote;
	size_t	 n;

	out[0] = '\0';
	if (e - s < 5 || memcmp(s, "<?xml", 5) != 0)
		return;
	if ((q = memmem(s, (size_t)(e - s), "?>", 2)) != NULL)
		e = q;
	if ((d = memmem(s, (size_t)(e - s), "encoding", 8)) == NULL)
		return;
	d += 8;
	while (d < e && (ascii_isspace((unsigned char)*d) || *d == '='))
		d++;
	if (d >= e || (*d != '"' && *d != '\''))
		return;
	quote = *d++;
	for (n = 0; d + n < e && d[n] != quote; n++)
		;
	if (d + n >= e || n >= outsz)
		return;
	memcpy(out, d, n);
	out[n] = '\0';
}

/* Longest run of a tag's attributes looked back over (bytes): a <meta>
 * names its charset within a few of them; bounds the search back. */
#define META_TAG_MAX_BYTES	512

/* Is s[i] inside a <meta> tag: is the last '<' before it a "<meta"
 * with no '>' between? */
static int
in_meta_tag(const char *s, size_t i)
{
	size_t	 k;

	for (k = i; k > 0 && i - k < META_TAG_MAX_BYTES; k--) {
		if (s[k - 1] == '>')
			return 0;
		if (s[k - 1] == '<')
			return i - k >= 4 && ascii_ncasecmp(s + k, "meta", 4) == 0;
	}
	return 0;
}

/* The value of the charset=... at s[i], into out: its length. */
static size_t
charset_value(const char *s, size_t n, size_t i, char *out, size_t outsz)
{
	size_t	 j, l;

	j = i + 7;
	while (j < n && ascii_isspace((unsigned char)s[j]))
		j++;
	if (j >= n || s[j] != '=')
		return 0;
	j++;
	while (j < n && (ascii_isspace((unsigned char)s[j]) ||
	    s[j] == '"' || s[j] == '\''))
		j++;
	for (l = 0; j < n && l + 1 < outsz &&
	    (ascii_isalpha((unsigned char)s[j]) ||
	    ascii_isdigit((unsigned char)s[j]) || s[j] == '-' ||
	    s[j] == '_' || s[j] == '.' || s[j] == ':'); j++)
		out[l++] = s[j];
	out[l] = '\0';
	return l;
}

/*
 * A charset= in a <meta> wins over one elsewhere (HTML's prescan reads
 * only <meta>): a script tag's charset="utf-8" before the page's own
 * <meta ... charset=gb2312> names the script's encoding, not the
 * page's.  Without a <meta> one, the first charset= is taken.
 */
int
charset_html_meta(const char *s, size_t n, char *out, size_t outsz)
{
	size_t	 i, l, first = 0;

	if (outsz == 0)
		return -1;
	if (n > HTML_SNIFF_BYTES)
		n = HTML_SNIFF_BYTES;
	out[0] = '\0';
	for (i = 0; i + 8 < n; i++) {
		if (ascii_ncasecmp(s + i, "charset", 7) != 0)
			continue;
		if (in_meta_tag(s, i)) {
			if ((l = charset_value(s, n, i, out, outsz)) > 0)
				return 0;
			continue;
		}
		if (first == 0 && charset_value(s, n, i, out, outsz) > 0)
			first = i + 1;
	}
	if (first == 0)
		return -1;
	charset_value(s, n, first - 1, out, outsz);
	return 0;
}

/*
 * UTF-8 with a few bad bytes (a page pasted together from two sources,
 * a cut sequence) is UTF-8: a legacy charset's text almost never forms
 * valid multi-byte sequences, so CHARSET_UTF8_GOOD_PER_BAD of them for
 * each bad byte, and CHARSET_UTF8_MIN_GOOD at least, settle it.
 */
#define CHARSET_UTF8_GOOD_PER_BAD	9
#define CHARSET_UTF8_MIN_GOOD		8

static int
mostly_utf8(const char *s, size_t n)
{
	size_t	 i = 0, good = 0, bad = 0, l;
	uint32_t cp;

	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		l = utf8_decode(s + i, n - i, &cp);
		if (l == 1)
			bad++;
		else
			good++;
		i += l;
	}
	return good >= CHARSET_UTF8_MIN_GOOD &&
	    good >= bad * CHARSET_UTF8_GOOD_PER_BAD;
}

char *
charset_utf8_repair(const char *s, size_t *n)
{
	static const char fffd[] = "\xef\xbf\xbd";
	size_t	 i = 0, o = 0, l, bad = 0;
	uint32_t cp;
	char	*out;

	while (i < *n) {
		l = (unsigned char)s[i] < 0x80 ? 1 :
		    utf8_decode(s + i, *n - i, &cp);
		if (l == 1 && (unsigned char)s[i] >= 0x80)
			bad++;
		i += l;
	}
	/* A page is at most INPUT_MAX_BYTES: no overflow. */
	if ((out = malloc(*n + bad * (sizeof fffd - 2) + 1)) == NULL)
		return NULL;
	for (i = 0; i < *n; i += l) {
		l = (unsigned char)s[i] < 0x80 ? 1 :
		    utf8_decode(s + i, *n - i, &cp);
		if (l == 1 && (unsigned char)s[i] >= 0x80) {
			memcpy(out + o, fffd, sizeof fffd - 1);
			o += sizeof fffd - 1;
		} else {
			memcpy(out + o, s + i, l);
			o += l;
		}
	}
	out[o] = '\0';
	*n = o;
	return out;
}

const char *
charset_html(const char *s, size_t n, const char *declared, char *buf,
    size_t bufsz, int *valid)
{
	const char *bom;

	*valid = 0;
	if ((bom = charset_bom(s, n, NULL)) != NULL) {
		if (charset_is_utf8(bom))
			*valid = utf8_valid(s, n);
		return bom;
	}
	if (utf8_valid(s, n)) {
		*valid = 1;
		return "UTF-8";
	}
	if (mostly_utf8(s, n))
		return "UTF-8";
	if (declared != NULL && *declared != '\0' &&
	    strlen(declared) < bufsz) {
		memcpy(buf, declared, strlen(declared) + 1);
	} else if (charset_html_meta(s, n, buf, bufsz) == -1)
		return "windows-1252";
	/* UTF-8 declared but invalid: the bytes are legacy. */
	if (charset_is_utf8(buf))
		return "windows-1252";
	if (!charset_known(buf))
		return "windows-1252";
	return buf;
}
