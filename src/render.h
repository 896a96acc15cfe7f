/*
 * render: an article to text for output: plain text (the body, blocks
 * separated by one blank line), markdown (title, metadata, headings,
 * lists, quotes, links) or JSON (the object DESIGN.md specifies).
 *
 * The output goes to a sink as it is made (sfeed prints while it parses):
 * a piece at a time, never held whole, and for a terminal each piece
 * passes through utf8_sanitize() on its way, a second guarantee after the
 * model's.  Renderers only read the article.  No curses, no stdio: the
 * sink writes.  On failure, what was handed to the sink stays there.
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

/* Where the output goes.  write() takes n bytes (a piece of at most
 * about one block, or RENDER_FLUSH_BYTES) and returns 0, or -1 to stop
 * rendering. */
struct render_sink {
	int		(*write)(void *ctx, const char *s, size_t n);
	void		*ctx;
	int		 terminal;	/* sanitise each piece for a terminal */
};

/* Returns 0, or -1 when the sink refuses a piece, memory runs out, or a
 * block or the JSON body passes RENDER_MAX_BYTES. */
int	 render_to(const struct article *, enum render_format,
	    const struct render_sink *) WARN_UNUSED;
/* The same into out: 0, or -1 when out grows past its maximum or memory
 * runs out (out then holds a partial result to discard). */
int	 render_article(const struct article *, enum render_format,
	    struct buf *out) WARN_UNUSED;

#endif
