/*
 * store_int: what store.c and store_query.c share, internal to the store
 * module (see store.h for its contract).  The st_ helpers are store.c's:
 * prepared statements by id, error reporting and reading item rows.
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

#endif
