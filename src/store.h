/*
 * store: the local cache in SQLite (cache.db): feeds, their items, read
 * and starred state, the extracted full text of article pages (kept for
 * offline reading) and an FTS5 index over titles and text (search and
 * "related").  WAL mode, synchronous=NORMAL, schema versions in PRAGMA
 * user_version with forward migrations; prepared statements only.
 *
 * A feed is identified by its URL, an item by (feed, guid): putting an
 * entry again updates it in place and keeps its read and starred state.
 * The TUI and --reload share the file: SQLite's locking makes that safe,
 * and a busy database is waited for (STORE_BUSY_TIMEOUT_MS).
 *
 * Ownership: struct store is opaque, from store_open(), freed by
 * store_close().  List and get functions fill caller-held arrays or
 * structs whose strings the caller releases with the matching *_free()
 * or *_release().  NULL string members mean "none".
 *
 * Errors: 0 or -1 with eb set to "PATH: why" (SQLite's message); a
 * failed write inside a transaction leaves it to the caller to roll back.
 * Nothing is printed.  Out of memory is an ordinary error.
 */
#ifndef BYLINE_STORE_H
#define BYLINE_STORE_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "feed.h"
#include "util.h"

struct store;

struct store_feed {
	int64_t		 id;
	char		*url;
	char		*title;		/* the feed's own title, or NULL */
	char		*custom_title;	/* "~Title" from feeds.conf, or NULL */
	char		*tags;		/* '|'-separated, or NULL */
	char		*etag;		/* validators for conditional GET */
	char		*last_modified;
	char		*error;		/* last reload's error, or NULL */
	time_t		 updated;	/* last successful fetch, 0 = never */
	int64_t		 unread;
	int64_t		 total;
};

struct store_item {
	int64_t		 id;
	int64_t		 feed_id;
	char		*guid;
	char		*title;
	char		*link;
	char		*author;
	char		*content;	/* only from store_item_get() */
	enum feed_content_type content_type;
	char		*enclosure;
	char		*categories;	/* '|'-separated */
	time_t		 time;		/* published, else first seen */
	int		 read;
	int		 starred;
	int		 has_text;	/* extracted full text is saved */
	int		 has_story;	/* the whole article is saved */
};

/* One row of store_export(): the item with its content, its feed's
 * URL and its story (story.c's form) or NULL; borrowed for the call. */
struct store_export_row {
	struct store_item item;
	char		*feed_url;
	char		*story;
};

/* Flags of store_items(). */
#define STORE_UNREAD	0x1	/* unread items only */
#define STORE_STARRED	0x2	/* starred items only */

/*
 * The default database path, $XDG_DATA_HOME/byline/cache.db (else
 * $HOME/.local/share/...).  Caller frees; NULL with eb set when neither
 * variable is usable or memory runs out.
 */
char	*store_default_path(struct errbuf *eb);

/*
 * Opens (creating the file and its parent directory if needed) and
 * migrates the database to the current schema.  Returns NULL with eb
 * set on failure.  A database from a newer byline is refused.
 */
struct store	*store_open(const char *path, struct errbuf *eb);
void		 store_close(struct store *);
/* Bounds the connection's page cache to kib KiB (SQLite's default is
 * 2000); a connection that mostly appends needs little of it. */
int		 store_cache_limit(struct store *, long kib, struct errbuf *eb)
		    WARN_UNUSED;
/* The path it was opened with; valid until store_close(). */
const char	*store_path(const struct store *);

/*
 * Copies the write-ahead log into the database (a passive checkpoint,
 * which never waits for readers) when it holds at least min_pages
 * pages; a writer calls it when it has nothing else to do, so that the
 * copy and its fsyncs are not paid at a worse time (the commit that
 * crosses STORE_WAL_CHECKPOINT_PAGES, or store_close()).  Does nothing
 * inside a transaction or when the database is busy.
 */
int	 store_checkpoint(struct store *, int min_pages, struct errbuf *eb)
	    WARN_UNUSED;

/*
 * Closing this connection will leave what it wrote to the log since
 * its last checkpoint as it is, not folded into the database: for a
 * writer whose process ends with its last commit (--reload), where the
 * copy and its fsyncs would only delay the exit.  The next checkpoint,
 * of any connection, folds it in (store_fold_log() is for that), and
 * the last connection to close with nothing of its own left removes
 * the log; until then readers read through it.  With
 * synchronous=NORMAL nothing is lost but on a power loss before the
 * kernel writes the log, as for any commit.
 */
void	 store_leave_log(struct store *);
/* The pages (4 kB) the store's log holds, as its size says; a log
 * already folded in but not yet restarted counts too. */
int	 store_log_pages(const struct store *);
/*
 * Folds the log of the store at path into its file (a passive
 * checkpoint) on a connection of its own, which it opens and closes:
 * for a thread of its own, while the owner's connection goes on
 * writing (WAL lets a checkpoint and a writer run at once); then, if
 * nobody reads or writes it just then, cuts the log file to nothing.
 * A busy store is not an error: the next checkpoint does it.
 */
int	 store_fold_log(const char *path, struct errbuf *eb) WARN_UNUSED;

/* Transactions (BEGIN IMMEDIATE / COMMIT / ROLLBACK); they do not nest.
 * store_rollback() never fails visibly. */
int	 store_begin(struct store *, struct errbuf *eb) WARN_UNUSED;
int	 store_commit(struct store *, struct errbuf *eb) WARN_UNUSED;
void	 store_rollback(struct store *);

/*
 * Makes sure the feed with this URL exists and sets its configured
 * custom title and tags (NULL: none); *id receives its id.
 */
int	 store_feed_ensure(struct store *, const char *url,
	    const char *custom_title, const char *tags, int64_t *id,
	    struct errbuf *eb) WARN_UNUSED;
/* Fills *f for one feed (counts included).  Returns 0, 1 when no such
 * feed, -1 on error.  Release with store_feed_release(). */
int	 store_feed_get(struct store *, int64_t id, struct store_feed *f,
	    struct errbuf *eb) WARN_UNUSED;
/* The validators of a conditional GET of one feed (each NULL when
 * none; caller frees), without store_feed_get()'s counts, which cost
 * 90% of a warm --reload's store work.  Returns 0, 1 when no such
 * feed, -1 on error. */
int	 store_feed_validators(struct store *, int64_t id, char **etag,
	    char **last_modified, struct errbuf *eb) WARN_UNUSED;
/* Records a successful fetch: title (NULL keeps the old one), the new
 * validators (NULL clears), clears the error, sets updated. */
int	 store_feed_fetched(struct store *, int64_t id, const char *title,
	    const char *etag, const char *last_modified, time_t now,
	    struct errbuf *eb) WARN_UNUSED;
/* Records a failed fetch (msg: one line). */
int	 store_feed_failed(struct store *, int64_t id, const char *msg,
	    struct errbuf *eb) WARN_UNUSED;
/* Moves a feed to a new URL (a permanent redirect); fails when the new
 * URL is already another feed's. */
int	 store_feed_set_url(struct store *, int64_t id, const char *url,
	    struct errbuf *eb) WARN_UNUSED;
/* Every feed, ordered by id, with unread and total counts.  *out is an
 * array of *n; free with store_feeds_free(). */
int	 store_feeds(struct store *, struct store_feed **out, size_t *n,
	    struct errbuf *eb) WARN_UNUSED;
void	 store_feed_release(struct store_feed *);
void	 store_feeds_free(struct store_feed *, size_t n);
/* Marks every item of a feed (0: of all feeds) read. */
int	 store_feed_mark_read(struct store *, int64_t feed_id,
	    struct errbuf *eb) WARN_UNUSED;

/*
 * Inserts or updates the entry of feed_id identified by e->id (else its
 * link, else its title).  *is_new (may be NULL) is set to 1 when a new
 * item was inserted.  An updated entry keeps its read/starred state and
 * saved text; *item_id (may be NULL) receives the item's id.
 */
int	 store_item_put(struct store *, int64_t feed_id,
	    const struct feed_entry *e, time_t now, int *is_new,
	    int64_t *item_id, struct errbuf *eb) WARN_UNUSED;
/* Items of feed_id (0: of every feed), newest first, at most max (0: no
 * limit), filtered by STORE_* flags.  content is left NULL.  Free with
 * store_items_free(). */
int	 store_items(struct store *, int64_t feed_id, unsigned flags,
	    size_t max, struct store_item **out, size_t *n,
	    struct errbuf *eb) WARN_UNUSED;
/* One item with its content.  Returns 0, 1 when no such item, -1 on
 * error.  Release with store_item_release(). */
int	 store_item_get(struct store *, int64_t id, struct store_item *it,
	    struct errbuf *eb) WARN_UNUSED;
void	 store_item_release(struct store_item *);
void	 store_items_free(struct store_item *, size_t n);
int	 store_item_set_read(struct store *, int64_t id, int read,
	    struct errbuf *eb) WARN_UNUSED;
int	 store_item_set_starred(struct store *, int64_t id, int starred,
	    struct errbuf *eb) WARN_UNUSED;
/* Whether the page of an item is worth fetching: it has no story and
 * fewer than STORE_PAGE_TRIES_MAX fetches of it failed.  1 or 0, or -1
 * on error; a missing item is not worth it. */
int	 store_item_wants_page(struct store *, int64_t id, struct errbuf *eb)
	    WARN_UNUSED;
/* Counts a failed fetch of an item's page. */
int	 store_item_page_failed(struct store *, int64_t id,
	    struct errbuf *eb) WARN_UNUSED;

/*
 * Items matching a compiled filter (filter.h) in feed feed_id (0: every
 * feed), newest first, at most max (0: no limit).  The filter's own SQL
 * and bound values go into one statement prepared for this call.  Free
 * with store_items_free().
 */
struct filter;
int	 store_items_filter(struct store *, const struct filter *f,
	    int64_t feed_id, size_t max, struct store_item **out, size_t *n,
	    struct errbuf *eb) WARN_UNUSED;

/* The unread and total counts of the items store_items_filter() lists. */
int	 store_count_filter(struct store *, const struct filter *f,
	    int64_t feed_id, int64_t *unread, int64_t *total,
	    struct errbuf *eb) WARN_UNUSED;

/*
 * Saves the extracted full text of an item's page (plain text, blocks
 * separated by blank lines), replacing an earlier one, and indexes it.
 * store_text_load() sets *text (caller frees) or NULL when none is saved.
 */
int	 store_text_save(struct store *, int64_t item_id, const char *text,
	    struct errbuf *eb) WARN_UNUSED;
int	 store_text_load(struct store *, int64_t item_id, char **text,
	    struct errbuf *eb) WARN_UNUSED;

/*
 * Saves the whole extracted article of an item's page: story is its
 * story_encode() form, text its plain text (article_text()), which is
 * indexed.  Replaces what was saved before.  store_story_load() sets
 * *story (caller frees) or NULL when none is saved.
 */
int	 store_story_save(struct store *, int64_t item_id, const char *story,
	    const char *text, struct errbuf *eb) WARN_UNUSED;
int	 store_story_load(struct store *, int64_t item_id, char **story,
	    struct errbuf *eb) WARN_UNUSED;

/*
 * Calls fn for every item (STORE_UNREAD: unread ones only), grouped by
 * feed, newest first, with content and story; fn returning -1 stops the
 * walk and makes store_export() return -1 with eb untouched.
 */
int	 store_export(struct store *, unsigned flags,
	    int (*fn)(void *ctx, const struct store_export_row *), void *ctx,
	    struct errbuf *eb) WARN_UNUSED;

/*
 * Full-text search over titles, feed content and saved text.  query is
 * words typed by a person (not FTS5 syntax: each word is quoted, all
 * must match).  Best matches first, at most max.  Free with
 * store_items_free().
 */
int	 store_search(struct store *, const char *query, size_t max,
	    struct store_item **out, size_t *n, struct errbuf *eb) WARN_UNUSED;
/*
 * Items about the same thing as item_id, best first, never item_id
 * itself nor an item with the same link, at most max: those sharing at
 * least two of its title's distinctive words (at least 4 bytes, found in
 * another item and in at most a tenth of the store, or 10 items in a
 * small one).  None when nothing passes: no unrelated filler.
 */
int	 store_related(struct store *, int64_t item_id, size_t max,
	    struct store_item **out, size_t *n, struct errbuf *eb) WARN_UNUSED;

#endif
