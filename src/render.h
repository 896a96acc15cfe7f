/*
 * render: an article to text for output: plain text (the body, blocks
 * separated by one blank line), markdown (title, metadata, headings,
 * lists, quotes, links) or JSON (the object DESIGN.md specifies).
 *
 * Renderers only read the article and append to the caller's buffer; on
 * failure (BUF_TOOBIG or BUF_NOMEM) the buffer holds a partial result that
 * the caller discards.  No curses, no stdio.
 */
#ifndef BYLINE_RENDER_H
#define BYLINE_RENDER_H

#include "article.h"
#include "util.h"

enum render_format {
	RENDER_TEXT = 0,
	RENDER_MARKDOWN,
	RENDER_JSON
};

/* Returns 0, or -1 when out grows past its maximum or memory runs out. */
int	 render_article(const struct article *, enum render_format,
	    struct buf *out) WARN_UNUSED;

#endif
