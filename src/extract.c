/*
 * extract: input sniffing, dispatch to the HTML or text extractor, and
 * the clean-up both extractors make of their result.
 */
#include <string.h>

#include "extract.h"

/* How much of the input sniffing and the binary check look at. */
#define SNIFF_BYTES	65536
/* Markup has a tag every few hundred bytes at least; text has none. */
#define SNIFF_TAG_SPACING	300

enum extract_input
extract_sniff(const char *data, size_t n)
{
	size_t	 i = 0;

	if (n >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (i < n && ascii_isspace((unsigned char)data[i]))
		i++;
	/* Markup starts with a tag, a comment, a doctype or a PI, and goes
	 * on with more markup: a document's skeleton, or tags everywhere.  A
	 * text copy may start with a stray tag (noscript content) and then
	 * has next to none. */
	if (i + 1 < n && data[i] == '<' &&
	    (ascii_isalpha((unsigned char)data[i + 1]) || data[i + 1] == '!' ||
	    data[i + 1] == '?')) {
		size_t	 m = n - i < SNIFF_BYTES ? n - i : SNIFF_BYTES, k, tags = 0;
		static const char *const marks[] = {
			"<html", "<head", "<body", "<!doctype", "<?xml",
		};

		for (k = 0; k < sizeof marks / sizeof marks[0]; k++)
			if (ascii_casestr(data + i, m, marks[k]))
				return EXTRACT_HTML;
		for (k = i; k + 1 < i + m; k++)
			if (data[k] == '<' && (ascii_isalpha(
			    (unsigned char)data[k + 1]) || data[k + 1] == '/' ||
			    data[k + 1] == '!'))
				tags++;
		if (tags * SNIFF_TAG_SPACING >= m)
			return EXTRACT_HTML;
	}
	return EXTRACT_TEXT;
}

/* Is the start of the data binary: NUL bytes or mostly controls? */
static int
looks_binary(const char *data, size_t n)
{
	size_t	 i, ctl = 0, m = n < SNIFF_BYTES ? n : SNIFF_BYTES;

	for (i = 0; i < m; i++) {
		unsigned char c = (unsigned char)data[i];

		if (c == 0)
			return 1;
		if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' &&
		    c != '\f')
			ctl++;
	}
	/* Text has a stray control byte at most; binary data has many. */
	return ctl * 10 > m;
}

int
extract_article(const char *data, size_t n, const struct extract_opts *opts,
    struct article **out, struct errbuf *eb)
{
	size_t	 i;
	enum extract_input in = opts->input;

	for (i = 0; i < n && ascii_isspace((unsigned char)data[i]); i++)
		;
	if (i == n) {
		errbuf_set(eb, "%s: empty input", opts->where);
		return -1;
	}
	if (in == EXTRACT_AUTO)
		in = extract_sniff(data, n);
	if (in == EXTRACT_TEXT && looks_binary(data, n)) {
		errbuf_set(eb, "%s: binary data, not a page or text", opts->where);
		return -1;
	}
	if (in == EXTRACT_HTML)
		return extract_html(data, n, opts, out, eb);
	return extract_text(data, n, opts, out, eb);
}
