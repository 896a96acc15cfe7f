/*
 * story: a whole struct article to one string and back, so that the
 * store keeps what the extractor made of a page (title, byline, date,
 * site, lang, url, excerpt, every block with its kind, level and list
 * order, the links with their places in the blocks, the related
 * entries with summary, source and author) and the reader shows it
 * offline exactly as it showed it online.  Stored text never goes
 * through an extractor again.
 *
 * The form is a JSON object carrying its own version ("v"):
 *   {"v":1, "title":S, "byline":S, "site":S, "lang":S, "url":S,
 *    "excerpt":S, "date":N, "date_off":N, "date_prec":N,
 *    "blocks":[[type, level, ordered, S], ...],
 *    "links":[[S, S, block, start, end], ...],      (block -1: none)
 *    "related":[[title, url, summary, source, author], ...]}
 * with absent strings as null.  A reader of version v refuses a story
 * of a later version (the caller then falls back to the feed content).
 *
 * story_encode() appends to the caller's buffer (its cap bounds the
 * result); story_decode() makes a new article (article_free()) and
 * checks what it reads: kinds, ranges, link places inside their block,
 * the limits of bounds.h, no control bytes.  Both return 0 or -1 with
 * eb set ("WHERE: why"); on -1 out is unchanged (decode) or holds a
 * partial result the caller discards (encode).  No I/O.
 */
#ifndef BYLINE_STORY_H
#define BYLINE_STORY_H

#include <stddef.h>

#include "article.h"
#include "util.h"

#define STORY_VERSION	1

int	 story_encode(const struct article *, struct buf *out,
	    struct errbuf *eb) WARN_UNUSED;
int	 story_decode(const char *data, size_t n, const char *where,
	    struct article **out, struct errbuf *eb) WARN_UNUSED;

#endif
