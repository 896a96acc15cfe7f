/*
 * feed_clean: the text of an entry's fields as sfeed writes it.
 */
#ifndef BYLINE_FEED_CLEAN_H
#define BYLINE_FEED_CLEAN_H

#include "buf.h"

/*
 * sfeed's field rules, in place, for feed.c and feed_json.c.  A line field (title,
 * id, author, link) gets ASCII white space as single spaces and its ends
 * trimmed; content (content != 0) keeps TAB and newline.  Control
 * characters go from both.  feed_clean_multi() cleans each '|'-separated
 * part of a categories field.
 */
void	 feed_clean(struct buf *, int content);
void	 feed_clean_multi(struct buf *);

#endif
