/*
 * filter: newsboat's filter language (query feeds, "F", ignore-article)
 * compiled to one SQL condition over the store's items and their feeds.
 *
 *	expr    := and { "or" and }
 *	and     := primary { "and" primary }
 *	primary := "(" expr ")" | ATTRIBUTE OP VALUE
 *	         | ATTRIBUTE "between" LOW ":" HIGH
 *	VALUE   := "quoted string" (\" and \\ inside) | a bare word or number
 *
 * "and" binds tighter than "or"; keywords are lower case.  Attributes:
 * title, author, link, content, guid, enclosure_url, feedtitle, feedurl,
 * tags, unread ("yes"/"no"), flags (only "s": the star, as
 * newsboat users mark articles), starred ("yes"/"no") and age (whole
 * days since the item's time).  Operators: = and != (exact), =~ and !~
 * (POSIX extended regular expression, case ignored, as newsboat),
 * # and !# (contains: a tag of the feed for tags, a word through the
 * full-text index for title and content, a space-separated word for the
 * others), < > <= >= and between (age only).  Anything else of
 * newsboat's language is refused with a reason, never guessed.
 *
 * The SQL is constant text put together from this module's own pieces;
 * every value from the expression is bound to a "?" in order (never
 * pasted).  It reads the item table as "i", the feed table as "f" and
 * the full-text table items_fts, and calls regexp(pattern, text), which
 * store.c provides.  This module uses no store and prints nothing.
 *
 * Ownership: struct filter is caller-held: filter_compile() fills it,
 * filter_release() frees it.  Errors: 0, or -1 with eb set to "column
 * N: why" (the caller prefixes the file and line) and out untouched.
 */
#ifndef BYLINE_FILTER_H
#define BYLINE_FILTER_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

/* A value to bind: text when text is not NULL, else num. */
struct filter_value {
	char	*text;
	int64_t	 num;
};

struct filter {
	char	*sql;		/* a condition, "(...)" */
	struct filter_value *v;	/* bound to the "?" of sql, in order */
	size_t	 nv;
};

int	 filter_compile(struct filter *out, const char *expr,
	    struct errbuf *eb) WARN_UNUSED;
void	 filter_release(struct filter *);

/*
 * Makes f "(f) AND NOT (g)" when negate is set, else "(f) AND (g)",
 * copying g's values.  On failure (out of memory, or past the limits),
 * returns -1 and leaves f as it was.
 */
int	 filter_join(struct filter *f, const struct filter *g, int negate)
	    WARN_UNUSED;

#endif
