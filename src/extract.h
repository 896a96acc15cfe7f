/*
 * extract: an article page, as HTML or as the plain text a browser copies
 * out of it, to a struct article.  extract_article() sniffs which of the
 * two it was given (unless told) and hands it to extract_html() or
 * extract_text().
 *
 * The input is never modified.  On success *out is a new article the
 * caller frees with article_free(); on failure *out is untouched and eb
 * holds "WHERE: why" (WHERE is opts->where: a path or URL).
 * No network, no files, no printing.
 */
#ifndef BYLINE_EXTRACT_H
#define BYLINE_EXTRACT_H

#include <stddef.h>

#include "article.h"
#include "util.h"

enum extract_input {
	EXTRACT_AUTO = 0,
	EXTRACT_HTML,
	EXTRACT_TEXT
};

struct extract_opts {
	enum extract_input input;
	const char	*where;		/* for messages; never NULL */
	const char	*base_url;	/* --base-url or the fetch URL, or NULL */
	const char	*charset;	/* HTTP Content-Type charset, or NULL */
};

/* HTML or text, from the first bytes; never EXTRACT_AUTO. */
enum extract_input extract_sniff(const char *data, size_t n);

int	 extract_article(const char *data, size_t n,
	    const struct extract_opts *, struct article **out,
	    struct errbuf *eb) WARN_UNUSED;

/* The two extractors, with the same contract as extract_article(). */
int	 extract_text(const char *data, size_t n, const struct extract_opts *,
	    struct article **out, struct errbuf *eb) WARN_UNUSED;
int	 extract_html(const char *data, size_t n, const struct extract_opts *,
	    struct article **out, struct errbuf *eb) WARN_UNUSED;

#endif
