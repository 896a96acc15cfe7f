/*
 * store_int: what the files of the store module share, internal to it
 * (see store.h for its contract, store.c for the schema and the list
 * of files).  The st_ helpers: prepared statements by id, stepping and
 * binding them, error reporting (store_stmt.c); reading item rows
 * (store_item.c); the full-text index's entries (store_fts.c).
 */
#ifndef BYLINE_STORE_INT_H
#define BYLINE_STORE_INT_H

#include <sqlite3.h>

#include "store.h"

enum stmt_id {
	S_FEED_FIND,
	S_FEED_INSERT,
	S_FEED_CONF,
	S_FEED_GET,
	S_FEED_VALIDATORS,
	S_FEED_ALL,
	S_FEED_FETCHED,
	S_FEED_FAILED,
	S_FEED_URL,
	S_FEED_READ,
	S_ALL_READ,
	S_ITEM_FIND,
	S_FEED_HAS_ITEMS,
	S_ITEM_INSERT,
	S_ITEM_UPDATE,
	S_FTS_DELETE,
	S_FTS_INSERT,
	S_ITEM_OLD,
	S_ITEM_WANTS_PAGE,
	S_ITEM_PAGE_FAILED,
	S_STORY_SAVE,
	S_STORY_LOAD,
	S_EXPORT,
	S_ITEM_GET,
	S_ITEMS_FEED,
	S_ITEMS_ALL,
	S_ITEM_READ,
	S_ITEM_STAR,
	S_TEXT_SAVE,
	S_TEXT_LOAD,
	S_SEARCH,
	S_RELATED,
	S_WORD_DF,
	S_ITEM_COUNT,
	S_BEGIN,
	S_COMMIT,
	S_ROLLBACK,
	S_COUNT
};

#define ITEM_COLS \
	"i.id, i.feed_id, i.guid, i.title, i.link, i.author, NULL, " \
	"i.content_type, i.enclosure, i.categories, i.time, i.read, " \
	"i.starred, i.text IS NOT NULL, i.story IS NOT NULL "

struct store {
	sqlite3		*db;
	char		*path;
	sqlite3_stmt	*stmt[S_COUNT];
	int		 wal_frames;	/* in the log after the last commit */
	int		 leave_log;	/* store_leave_log() */
	int64_t		 fresh_id;	/* the feed fresh_feed() last saw */
	int		 fresh;		/* it had no item then */
};

/* Sets eb from the database's last error; returns -1. */
int		 st_fail(struct store *s, struct errbuf *eb);
/* Statement id, prepared on first use; NULL with eb set. */
sqlite3_stmt	*st_stmt(struct store *s, enum stmt_id id, struct errbuf *eb);
/* Binds v, or NULL when v is NULL; SQLite's result code. */
int		 st_bind_text(sqlite3_stmt *st, int i, const char *v);
/* Reads every row of st (ITEM_COLS) into a new array; 0, or -1 with eb
 * set and nothing allocated. */
int		 st_read_items(struct store *s, sqlite3_stmt *st,
		    struct store_item **out, size_t *n, struct errbuf *eb);

/* The values an item's index entry is made from. */
struct fts_row {
	const char *title, *content, *text;
	enum feed_content_type type;
};
/* The same, read from the store: owned. */
struct fts_saved {
	char	*title, *content, *text;
	enum feed_content_type type;
};

/* store_stmt.c */
/* Steps a one-row statement: 0 with the row (the caller resets), 1 when
 * none, -1 with eb set; reset unless 0. */
int		 st_step_row(struct store *s, sqlite3_stmt *st,
		    struct errbuf *eb);
/* Steps a statement that returns no rows, then resets it; 0 or -1. */
int		 st_step_done(struct store *s, sqlite3_stmt *st,
		    struct errbuf *eb);
/* The same for a statement with borrowed (static) text bound. */
int		 st_step_borrowed(struct store *s, sqlite3_stmt *st,
		    struct errbuf *eb);
/* Runs a statement with one integer parameter (or none); 0 or -1. */
int		 st_exec1(struct store *s, enum stmt_id id, int64_t v,
		    struct errbuf *eb);
/* Binds v without SQLite's copy: v must stay as it is until the reset;
 * step with st_step_borrowed(). */
int		 st_bind_borrowed(sqlite3_stmt *st, int i, const char *v);
/* Copies a text column; NULL stays NULL.  -1 when memory runs out. */
int		 st_col_dup(sqlite3_stmt *st, int i, char **out);

/* store_item.c: one row (ITEM_COLS) into it; 0, or -1 out of memory. */
int		 st_read_item(sqlite3_stmt *st, struct store_item *it);

/* store_fts.c */
/* Adds (S_FTS_INSERT) or removes (S_FTS_DELETE) the entry of item id. */
int		 st_fts_put(struct store *s, enum stmt_id which, int64_t id,
		    const struct fts_row *r, struct errbuf *eb);
/* Item id's indexed values as they are now: 0, 1 when no such item, or
 * -1 with eb set.  Release r with st_fts_saved_release(). */
int		 st_fts_old(struct store *s, int64_t id,
		    struct fts_saved *r, struct errbuf *eb);
struct fts_row	 st_row_of(const struct fts_saved *f);
void		 st_fts_saved_release(struct fts_saved *r);
/* Migration 2 -> 3: indexes every item in the new table; 0 or -1. */
int		 st_reindex(struct store *s, struct errbuf *eb);

#endif
