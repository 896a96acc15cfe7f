/*
 * article: the one model every extractor produces and every consumer
 * (renderer, JSON, TUI, store) reads.
 *
 * An article owns all of its strings and arrays; article_free() releases
 * everything.  Strings are UTF-8 with control characters already removed
 * (the article_* setters sanitise what they are given), so consumers only
 * need to measure and wrap.  After an extractor returns it, an article is
 * read-only: consumers take a const struct article *.
 *
 * Links are kept in links[], each referring to the block it sits in and
 * the byte range of its text inside that block's text, so that a renderer
 * can number it ("[n]") where it ends.
 *
 * Setters return 0, or -1 when memory runs out or a limit of bounds.h is
 * reached; on -1 the article is unchanged.
 */
#ifndef BYLINE_ARTICLE_H
#define BYLINE_ARTICLE_H

#include <stddef.h>
#include <time.h>

#include "date.h"

enum block_type {
	BLOCK_PARAGRAPH = 0,
	BLOCK_HEADING,		/* level 1-6 */
	BLOCK_LIST_ITEM,	/* level: nesting depth, 1 = top */
	BLOCK_QUOTE,
	BLOCK_PRE,		/* newlines kept */
	BLOCK_IMAGE,		/* text is the alt text */
	BLOCK_TABLE_ROW		/* cells separated by " | " */
};

struct block {
	enum block_type	 type;
	int		 level;
	int		 ordered;	/* list item of an <ol> */
	char		*text;
	size_t		 len;
};

struct link {
	char	*text;
	char	*url;		/* absolute */
	size_t	 block;		/* index into blocks[], or (size_t)-1 */
	size_t	 start, end;	/* byte range in that block's text */
};

struct related {
	char	*title;
	char	*url;		/* absolute, or NULL (text copies have none) */
	char	*summary;	/* or NULL */
	char	*source;	/* publication, or NULL */
	char	*author;	/* or NULL */
};

struct article {
	char		*title;
	char		*byline;
	char		*site;
	char		*lang;
	char		*url;
	char		*excerpt;
	time_t		 date;		/* UTC; meaningful if date_prec set */
	int		 date_off;	/* seconds east of UTC, as written */
	enum date_precision date_prec;

	struct block	*blocks;
	size_t		 nblocks, blocks_cap;
	struct link	*links;
	size_t		 nlinks, links_cap;
	struct related	*related;
	size_t		 nrelated, related_cap;
};

/* Returns an empty article, or NULL on no memory.  Free with
 * article_free(). */
struct article	*article_new(void);
void		 article_free(struct article *);

/* Replaces *field (one of the string members) with a sanitised copy of
 * s (n bytes); whitespace runs fold to one space and the ends are trimmed.
 * An empty result stores NULL. */
int	 article_set(char **field, const char *s, size_t n);

/* Adds a block; text is sanitised (newlines kept only for BLOCK_PRE) and
 * whitespace folded.  An empty block is not added and returns 0. */
int	 article_add_block(struct article *, enum block_type, int level,
	    const char *text, size_t n);
/* Takes block bi (< nblocks) out, with the links into it; the links
 * into later blocks follow. */
void	 article_drop_block(struct article *, size_t bi);
/* Takes the labels of the page's next part (short headings, lines
 * ending in a colon) off the end of a story that has prose; both
 * extractors call it on their result. */
void	 article_drop_trailing_labels(struct article *);
/* Takes block i of the last `tail` and everything after it off a story
 * when is(block, arg) holds for it, a paragraph of prose (200 bytes)
 * comes before it and, with rest_max 0, none after (else at most
 * rest_max bytes after it in all); the first such block goes. */
void	 article_drop_tail(struct article *, size_t tail,
	    int (*is)(const struct block *, const void *), const void *arg,
	    size_t rest_max);
/* Takes a short call to the reader (share, follow, subscribe) or the
 * author's box ("Ann Writer is a ...") off the end of a story that has
 * prose, and the site's promotions of its channels ("sign up to our
 * newsletter"), notes on its cookies and its paywall's offers from
 * anywhere after its first block; both extractors call it. */
void	 article_drop_calls(struct article *);
/* Adds a link already resolved to an absolute URL (not copied when NULL
 * or empty: returns 0). */
int	 article_add_link(struct article *, const char *text, const char *url,
	    size_t block, size_t start, size_t end);
/* Adds a related entry; any field may be NULL but title. */
int	 article_add_related(struct article *, const char *title,
	    const char *url, const char *summary, const char *source);

/* The same with the teaser's author too (any but title may be NULL). */
int	 article_add_teaser(struct article *, const char *title,
	    const char *url, const char *summary, const char *source,
	    const char *author);

/* The body as plain text: blocks separated by one blank line, image
 * alt text left out.
 * Caller frees; NULL on no memory. */
char	*article_text(const struct article *);

#endif
