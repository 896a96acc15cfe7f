/*
 * feed_json: JSON Feed 1.0 and 1.1 (jsonfeed.org/version/1.1) to entries,
 * for feed.c only.  json-c needs the whole document, so the body is kept
 * (at most FEED_JSON_MAX_BYTES) and parsed by feed_json_finish().  Fields
 * of the wrong type are ignored, never trusted.
 *
 * Errors: 0 or -1 with eb set to "WHERE: why"; entries delivered before
 * the error stay delivered.
 */
#ifndef BYLINE_FEED_JSON_H
#define BYLINE_FEED_JSON_H

#include "feed.h"
#include "util.h"

/*
 * Parses body (n bytes, a whole JSON Feed) and calls emit per item (emit
 * returns 0, or -1 to stop).
 * Feed-level fields go to title, link and description (buffers given by
 * the caller, left empty when absent).  Returns 0 or -1.
 */
int	 feed_json_parse(const char *body, size_t n, const char *where,
	    const char *base_url,
	    int (*emit)(void *, const struct feed_entry *), void *arg,
	    struct buf *title, struct buf *link, struct buf *description,
	    struct errbuf *eb) WARN_UNUSED;

#endif
