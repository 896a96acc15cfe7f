/*
 * store_stmt: the store's SQL, one statement per stmt_id, prepared on
 * first use, and the helpers that step, bind and read them.
 * Part of the store module: see store.h for the contract, store.c
 * for the schema.
 */
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "store.h"
#include "store_int.h"

#define FEED_COLS \
	"f.id, f.url, f.title, f.custom_title, f.tags, f.etag, " \
	"f.last_modified, f.error, f.updated, " \
	"(SELECT count(*) FROM items i WHERE i.feed_id = f.id AND " \
	"i.read = 0), " \
	"(SELECT count(*) FROM items i WHERE i.feed_id = f.id) "

static const char *const sql[S_COUNT] = {
	[S_FEED_FIND] = "SELECT id FROM feeds WHERE url = ?1",
	[S_FEED_INSERT] = "INSERT INTO feeds (url, custom_title, tags) "
	    "VALUES (?1, ?2, ?3)",
	[S_FEED_CONF] = "UPDATE feeds SET custom_title = ?2, tags = ?3 "
	    "WHERE id = ?1 AND (custom_title IS NOT ?2 OR tags IS NOT ?3)",
	[S_FEED_GET] = "SELECT " FEED_COLS "FROM feeds f WHERE f.id = ?1",
	[S_FEED_VALIDATORS] = "SELECT etag, last_modified FROM feeds "
	    "WHERE id = ?1",
	[S_FEED_ALL] = "SELECT " FEED_COLS "FROM feeds f ORDER BY f.id",
	[S_FEED_FETCHED] = "UPDATE feeds SET title = coalesce(?2, title), "
	    "etag = ?3, last_modified = ?4, error = NULL, updated = ?5 "
	    "WHERE id = ?1",
	[S_FEED_FAILED] = "UPDATE feeds SET error = ?2 WHERE id = ?1",
	[S_FEED_URL] = "UPDATE feeds SET url = ?2 WHERE id = ?1",
	[S_FEED_READ] = "UPDATE items SET read = 1 WHERE feed_id = ?1 AND "
	    "read = 0",
	[S_ALL_READ] = "UPDATE items SET read = 1 WHERE read = 0",
	[S_ITEM_FIND] = "SELECT id FROM items WHERE feed_id = ?1 AND "
	    "guid = ?2",
	[S_FEED_HAS_ITEMS] = "SELECT EXISTS (SELECT 1 FROM items WHERE "
	    "feed_id = ?1)",
	[S_ITEM_INSERT] = "INSERT INTO items (feed_id, guid, title, link, "
	    "author, content, content_type, enclosure, categories, time) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) "
	    "ON CONFLICT (feed_id, guid) DO NOTHING",
	[S_ITEM_UPDATE] = "UPDATE items SET title = ?3, link = ?4, "
	    "author = ?5, content = ?6, content_type = ?7, enclosure = ?8, "
	    "categories = ?9, time = coalesce(?10, time) WHERE id = ?1 AND "
	    "(title IS NOT ?3 OR link IS NOT ?4 OR author IS NOT ?5 OR "
	    "content IS NOT ?6 OR content_type IS NOT ?7 OR "
	    "enclosure IS NOT ?8 OR categories IS NOT ?9 OR "
	    "(?10 IS NOT NULL AND time IS NOT ?10))",
	[S_FTS_DELETE] = "INSERT INTO items_fts (items_fts, rowid, title, "
	    "body) VALUES ('delete', ?1, ?2, ?3)",
	[S_FTS_INSERT] = "INSERT INTO items_fts (rowid, title, body) "
	    "VALUES (?1, ?2, ?3)",
	[S_ITEM_OLD] = "SELECT title, content, content_type, text FROM items "
	    "WHERE id = ?1",
	/* fetch_tries is read only when story is NULL: a stored story
	 * may span overflow pages that reading past it would walk */
	[S_ITEM_WANTS_PAGE] = "SELECT CASE WHEN story IS NOT NULL THEN 0 "
	    "ELSE fetch_tries < ?2 END FROM items WHERE id = ?1",
	[S_ITEM_PAGE_FAILED] = "UPDATE items SET fetch_tries = fetch_tries "
	    "+ 1 WHERE id = ?1",
	[S_STORY_SAVE] = "UPDATE items SET story = ?2, text = ?3 WHERE id = ?1",
	[S_STORY_LOAD] = "SELECT story FROM items WHERE id = ?1",
	[S_EXPORT] = "SELECT " ITEM_COLS ", f.url, i.content, i.guid, i.story "
	    "FROM items i JOIN feeds f ON f.id = i.feed_id "
	    "WHERE (?1 = 0 OR i.read = 0) ORDER BY i.feed_id, i.time DESC, "
	    "i.id DESC",
	[S_ITEM_GET] = "SELECT i.id, i.feed_id, i.guid, i.title, i.link, "
	    "i.author, i.content, i.content_type, i.enclosure, i.categories, "
	    "i.time, i.read, i.starred, i.text IS NOT NULL, "
	    "i.story IS NOT NULL FROM items i WHERE i.id = ?1",
	[S_ITEMS_FEED] = "SELECT " ITEM_COLS "FROM items i "
	    "WHERE i.feed_id = ?1 AND (?2 = 0 OR i.read = 0) AND "
	    "(?3 = 0 OR i.starred = 1) ORDER BY i.time DESC, i.id DESC "
	    "LIMIT ?4",
	[S_ITEMS_ALL] = "SELECT " ITEM_COLS "FROM items i "
	    "WHERE (?2 = 0 OR i.read = 0) AND (?3 = 0 OR i.starred = 1) "
	    "ORDER BY i.time DESC, i.id DESC LIMIT ?4",
	[S_ITEM_READ] = "UPDATE items SET read = ?2 WHERE id = ?1",
	[S_ITEM_STAR] = "UPDATE items SET starred = ?2 WHERE id = ?1",
	[S_TEXT_SAVE] = "UPDATE items SET text = ?2 WHERE id = ?1",
	[S_TEXT_LOAD] = "SELECT text FROM items WHERE id = ?1",
	[S_SEARCH] = "SELECT " ITEM_COLS "FROM items_fts JOIN items i ON "
	    "i.id = items_fts.rowid WHERE items_fts MATCH ?1 "
	    "ORDER BY items_fts.rank LIMIT ?2",
	[S_RELATED] = "SELECT " ITEM_COLS "FROM items_fts JOIN items i ON "
	    "i.id = items_fts.rowid WHERE items_fts MATCH ?1 AND "
	    "i.id != ?2 AND (?3 IS NULL OR i.link IS NOT ?3) "
	    "ORDER BY items_fts.rank LIMIT ?4",
	[S_WORD_DF] = "SELECT count(*) FROM items_fts WHERE items_fts "
	    "MATCH ?1",
	[S_ITEM_COUNT] = "SELECT count(*) FROM items",
	[S_BEGIN] = "BEGIN IMMEDIATE",
	[S_COMMIT] = "COMMIT",
	[S_ROLLBACK] = "ROLLBACK",
};


int
st_fail(struct store *s, struct errbuf *eb)
{
	errbuf_set(eb, "%s: %s", s->path, sqlite3_errmsg(s->db));
	return -1;
}

sqlite3_stmt *
st_stmt(struct store *s, enum stmt_id id, struct errbuf *eb)
{
	if (s->stmt[id] == NULL && sqlite3_prepare_v3(s->db, sql[id], -1,
	    SQLITE_PREPARE_PERSISTENT, &s->stmt[id], NULL) != SQLITE_OK) {
		st_fail(s, eb);
		return NULL;
	}
	return s->stmt[id];
}

/* Steps a statement that returns no rows, then resets it. */
int
st_step_done(struct store *s, sqlite3_stmt *st, struct errbuf *eb)
{
	int	 rc;

	rc = sqlite3_step(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		st_fail(s, eb);
		sqlite3_reset(st);
		return -1;
	}
	sqlite3_reset(st);
	return 0;
}

/*
 * Steps a statement that returns at most one row.  Returns 0 with the
 * row to read (the caller resets st), 1 with st reset when there is no
 * row, -1 with eb set and st reset on error.
 */
int
st_step_row(struct store *s, sqlite3_stmt *st, struct errbuf *eb)
{
	int	 rc;

	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc != SQLITE_DONE)
		st_fail(s, eb);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 1 : -1;
}

/*
 * step_done() for a statement whose strings were bound borrowed
 * (st_bind_borrowed()): its bindings are cleared with the reset, so
 * that it never keeps a pointer to freed memory.
 */
int
st_step_borrowed(struct store *s, sqlite3_stmt *st, struct errbuf *eb)
{
	int	 rc;

	rc = st_step_done(s, st, eb);
	sqlite3_clear_bindings(st);
	return rc;
}

/* Runs a statement with one integer parameter (or none). */
int
st_exec1(struct store *s, enum stmt_id id, int64_t v, struct errbuf *eb)
{
	sqlite3_stmt *st;

	if ((st = st_stmt(s, id, eb)) == NULL)
		return -1;
	if (sqlite3_bind_parameter_count(st) > 0)
		sqlite3_bind_int64(st, 1, v);
	return st_step_done(s, st, eb);
}

int
st_bind_text(sqlite3_stmt *st, int i, const char *v)
{
	if (v == NULL)
		return sqlite3_bind_null(st, i);
	return sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
}

/*
 * st_bind_text() without SQLite's copy of v (malloc and memcpy of every
 * string: 6% of the writer's instructions on a cold reload): v must
 * stay as it is until the statement is reset, and the statement is
 * stepped with step_borrowed() (or its bindings cleared after reset).
 */
int
st_bind_borrowed(sqlite3_stmt *st, int i, const char *v)
{
	if (v == NULL)
		return sqlite3_bind_null(st, i);
	return sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
}

/* Copies a text column; NULL stays NULL.  -1 when memory runs out. */
int
st_col_dup(sqlite3_stmt *st, int i, char **out)
{
	const unsigned char *t;

	*out = NULL;
	if (sqlite3_column_type(st, i) == SQLITE_NULL)
		return 0;
	if ((t = sqlite3_column_text(st, i)) == NULL)
		return -1;
	if ((*out = strdup((const char *)t)) == NULL)
		return -1;
	return 0;
}
