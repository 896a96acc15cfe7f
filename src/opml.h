/*
 * opml: OPML 1.0/2.0 subscription lists to and from feeds.  Import walks
 * the <body> outlines: an outline with xmlUrl is a feed (its title, else
 * text, is the title); an outline without one is a folder whose name
 * becomes a tag of every feed inside it, nested folders giving one tag
 * each (down to OPML_DEPTH_MAX); a feed's "category" attribute adds its
 * comma-separated tags ("/a/b" gives "a" and "b").  Export writes OPML
 * 2.0 with a feed under a folder named after its first tag and all its
 * tags in "category", so that importing it again gives the same feeds,
 * titles and tags.
 *
 * libxml2 parses without network, DTD loading or entity substitution.
 * This is a parser: no store, no printing.  Errors: 0 or -1 with eb set
 * to "WHERE: why" (WHERE:LINE for XML errors).  Strings passed to
 * on_feed belong to the parser until it returns.
 */
#ifndef BYLINE_OPML_H
#define BYLINE_OPML_H

#include <stddef.h>

#include "util.h"

struct opml_feed {
	const char	*url;
	const char	*title;		/* or NULL */
	char *const	*tags;
	size_t		 ntags;
};

/* Calls on_feed once per feed in document order; on_feed returning -1
 * stops with -1 (eb is then the callback's to set). */
int	 opml_parse(const char *where, const char *text, size_t n,
	    int (*on_feed)(void *ctx, const struct opml_feed *), void *ctx,
	    struct errbuf *eb) WARN_UNUSED;

/* Appends a whole OPML document with these feeds to out.  title names
 * the list (NULL: "byline feeds"). */
int	 opml_write(struct buf *out, const char *title,
	    const struct opml_feed *feeds, size_t n) WARN_UNUSED;

#endif
