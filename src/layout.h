/*
 * layout: an article to screen lines for a given width, with no curses,
 * so that the article view and the tests share it.
 *
 * The lines are, in order: the header (title, then "byline · date ·
 * site"), the body (blocks wrapped at word boundaries, wide characters
 * measured with utf8_width(), never split, a word wider than the line cut
 * with utf8_fit(), each body link numbered "[n]" where its text ends),
 * then the related section: the teasers the extractor took out of the
 * page, the links of the body ("[n] text" and the URL) and the extra
 * entries the caller gives (articles from the store about the same
 * thing).  Each related entry is a target: Tab in the article view moves
 * from one target to the next, in that order.
 *
 * Every string reaching a line passes through utf8_sanitize(): a line
 * never holds a control character, and never takes more columns than the
 * width.  The layout owns its lines and targets; layout_release() frees
 * them.  Errors: layout_article() returns 0, or -1 when memory runs out
 * or a limit of bounds.h is reached, with eb set and the layout emptied.
 */
#ifndef BYLINE_LAYOUT_H
#define BYLINE_LAYOUT_H

#include <stddef.h>

#include "article.h"
#include "util.h"

enum layout_kind {
	LAYOUT_BLANK = 0,
	LAYOUT_TITLE,
	LAYOUT_META,
	LAYOUT_HEADING,
	LAYOUT_TEXT,
	LAYOUT_QUOTE,
	LAYOUT_PRE,
	LAYOUT_SECTION,		/* "Related", "Links", ... */
	LAYOUT_RELATED		/* a line of a target */
};

enum layout_target_kind {
	LAYOUT_TEASER = 0,	/* index into article->related[] */
	LAYOUT_LINK,		/* index into article->links[] */
	LAYOUT_EXTRA		/* index into the caller's extras */
};

struct layout_line {
	char		*text;		/* NUL-terminated, sanitised */
	size_t		 len;		/* bytes */
	size_t		 cols;		/* columns, <= the width */
	enum layout_kind kind;
	long		 target;	/* index into targets[], or -1 */
};

struct layout_target {
	enum layout_target_kind kind;
	size_t		 index;
	size_t		 line;		/* first line */
	size_t		 nlines;
};

/* An entry the caller adds below the links (from the store).  Strings
 * are borrowed for the call only; source and date may be NULL. */
struct layout_extra {
	const char	*title;
	const char	*source;
	const char	*date;
};

struct layout {
	struct layout_line *lines;
	size_t		 nlines, lines_cap;
	struct layout_target *targets;
	size_t		 ntargets, targets_cap;
	size_t		 related_line;	/* first line of the related section
					   (nlines when there is none) */
	size_t		 width;
};

void	 layout_init(struct layout *);
void	 layout_release(struct layout *);

/*
 * Lays a out for width columns (at least LAYOUT_MIN_COLS are used),
 * replacing what l held.  extras may be NULL when nextra is 0.
 */
int	 layout_article(struct layout *l, const struct article *a,
	    const struct layout_extra *extras, size_t nextra, size_t width,
	    struct errbuf *eb) WARN_UNUSED;

/*
 * Appends s sanitised and fitted to exactly cols columns to out: cut with
 * "…" when it is wider, padded with spaces when pad and it is narrower.
 * Returns the columns appended, or (size_t)-1 on BUF_TOOBIG/BUF_NOMEM
 * (out unchanged).  For list screens: titles, sources, status lines.
 */
size_t	 layout_fit(struct buf *out, const char *s, size_t cols, int pad);

#endif
