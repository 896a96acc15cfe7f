/*
 * feed: RSS 0.9x/2.0, RSS 1.0 (RDF), Atom 1.0 and JSON Feed 1.x to
 * entries, streaming: feed_push() takes the body in chunks of any size (as
 * the fetcher receives it) and calls on_entry once per finished entry.
 * The format is sniffed from the first bytes.  XML goes through libxml2's
 * push parser with no DTD loading, no entity substitution beyond the
 * built-in ones, no network; JSON Feed through json-c.
 *
 * Entry strings belong to the parser until on_entry returns: copy what
 * you keep.  All strings are UTF-8 with control characters removed (but
 * newlines and tabs inside content).
 *
 * Errors: feed_push() and feed_finish() return 0, or -1 when the input is
 * not a feed or is broken; entries delivered before the error stay
 * delivered, and eb holds "WHERE:LINE: why".  After -1 only
 * feed_parser_free() may follow.  on_entry returning -1 stops the parse
 * (feed_push returns -1 with "WHERE: stopped").
 */
#ifndef BYLINE_FEED_H
#define BYLINE_FEED_H

#include <stddef.h>
#include <stdio.h>
#include <time.h>

#include "util.h"

enum feed_format {
	FEED_UNKNOWN = 0,
	FEED_RSS,		/* RSS 0.9x and 2.0 */
	FEED_RDF,		/* RSS 1.0 */
	FEED_ATOM,
	FEED_JSON
};

enum feed_content_type {
	FEED_CONTENT_NONE = 0,
	FEED_CONTENT_PLAIN,
	FEED_CONTENT_HTML
};

struct feed_entry {
	time_t		 time;		/* published (else updated), UTC */
	int		 has_time;
	const char	*title;		/* plain text; never NULL ("" if none) */
	const char	*link;		/* absolute where a base was known */
	const char	*content;
	enum feed_content_type content_type;
	const char	*id;		/* guid / atom:id / link fallback */
	const char	*author;
	const char	*enclosure;
	const char	*categories;	/* '|'-separated */
	const char	*guid;		/* the id as the feed wrote it, "" if
					   none (sfeed's id column) */
};

struct feed_info {
	enum feed_format format;
	const char	*title;		/* NULL until seen */
	const char	*link;
	const char	*description;
};

struct feed_parser;

/*
 * where names the input in messages (path or URL); base_url resolves
 * relative links (NULL: none); charset is the HTTP header's (NULL: from
 * the document).  Returns NULL only when memory runs out.
 */
struct feed_parser *feed_parser_new(const char *where, const char *base_url,
	    const char *charset,
	    int (*on_entry)(void *ctx, const struct feed_entry *), void *ctx);
int	 feed_push(struct feed_parser *, const char *data, size_t n,
	    struct errbuf *eb) WARN_UNUSED;
/* Ends the input: delivers the last entries and checks the document. */
int	 feed_finish(struct feed_parser *, struct errbuf *eb) WARN_UNUSED;
/* Feed-level fields; valid until feed_parser_free(). */
const struct feed_info *feed_parser_info(const struct feed_parser *);
void	 feed_parser_free(struct feed_parser *);

/*
 * The first thing the parser repaired or cut without failing (a field
 * over its limit, an undeclared entity kept as text, ...) as one line
 * "WHERE:LINE: what", or NULL.  Valid until feed_parser_free().
 */
const char *feed_parser_warning(const struct feed_parser *);

/*
 * Writes e as one line of sfeed's TSV (sfeed(5)): time, title, link,
 * content, content type, id, author, enclosure, categories; TAB, newline
 * and backslash in the content written as \t, \n, \\.  Returns 0, or -1
 * on a write error (errno set by stdio).
 */
int	 feed_entry_write_tsv(FILE *, const struct feed_entry *) WARN_UNUSED;

#endif
