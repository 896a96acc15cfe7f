/*
 * store: SQLite cache.db.  See store.h for the contract.
 *
 * Schema (version 3):
 *   feeds(id, url UNIQUE, title, custom_title, tags, etag, last_modified,
 *         error, updated)
 *   items(id, feed_id, guid, title, link, author, content, content_type,
 *         enclosure, categories, time, read, starred, text, story,
 *         UNIQUE(feed_id, guid))
 *         text: the plain text of the saved page; story: the whole
 *         article as story.c encodes it (versioned inside).
 *   items_fts: contentless FTS5(title, body), rowid = items.id; body is
 *         the content with markup removed, then the saved text.  The
 *         index keeps no copy of either (version 2 kept one: a third of
 *         the file); an entry is removed with FTS5's 'delete' command,
 *         which needs the values it was made from, so every change of
 *         an indexed column goes through fts_change() with the old row.
 *         Nothing deletes items; were a feed's row deleted, its items'
 *         stale entries would match no row of items and never show.
 * New files are made with auto_vacuum=INCREMENTAL (see trim()).
 * Migrations run in order from PRAGMA user_version, each in its own
 * transaction, so an interrupted one is rolled back and redone.
 * Statements are prepared once (lazily) and reset after each use.
 */
#include <errno.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <sqlite3.h>

#include "store.h"
#include "store_int.h"

/* The write-ahead log's layout (sqlite.org/fileformat2.html): a
 * header, then a frame header and a page for each page written, of
 * SQLite's default size, which the store keeps. */
#define WAL_HEADER_BYTES	32
#define WAL_FRAME_HEADER_BYTES	24
#define PAGE_BYTES		4096

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

/* Schema migrations: migrations[v] takes user_version v to v + 1. */
static const char *const migrations[] = {
	"CREATE TABLE feeds ("
	"  id INTEGER PRIMARY KEY,"
	"  url TEXT NOT NULL UNIQUE,"
	"  title TEXT, custom_title TEXT, tags TEXT,"
	"  etag TEXT, last_modified TEXT, error TEXT,"
	"  updated INTEGER NOT NULL DEFAULT 0);"
	"CREATE TABLE items ("
	"  id INTEGER PRIMARY KEY,"
	"  feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,"
	"  guid TEXT NOT NULL, title TEXT NOT NULL, link TEXT, author TEXT,"
	"  content TEXT, content_type INTEGER NOT NULL DEFAULT 0,"
	"  enclosure TEXT, categories TEXT, time INTEGER NOT NULL,"
	"  read INTEGER NOT NULL DEFAULT 0,"
	"  starred INTEGER NOT NULL DEFAULT 0,"
	"  text TEXT,"
	"  UNIQUE (feed_id, guid));"
	"CREATE INDEX items_feed_time ON items (feed_id, time DESC);"
	"CREATE INDEX items_time ON items (time DESC);"
	"CREATE VIRTUAL TABLE items_fts USING fts5 (title, body,"
	"  tokenize = 'unicode61 remove_diacritics 2');"
	"CREATE TRIGGER items_delete AFTER DELETE ON items BEGIN"
	"  DELETE FROM items_fts WHERE rowid = old.id; END;",
	/* 1 -> 2: the feed list's unread and total counts read this
	 * covering index instead of every item's row (50,000 items: 56 ms
	 * to 3 ms, bench/tui.sh). */
	"CREATE INDEX items_feed_read ON items (feed_id, read);",
	/* 2 -> 3: the whole article of a page (story), and an index that
	 * keeps no second copy of the text; reindex() fills it. */
	"ALTER TABLE items ADD COLUMN story TEXT;"
	"DROP TRIGGER items_delete;"
	"DROP TABLE items_fts;"
	"CREATE VIRTUAL TABLE items_fts USING fts5 (title, body,"
	"  content = '', tokenize = 'unicode61 remove_diacritics 2');",
	/* 3 -> 4: failed fetches of an item's page, so that a later
	 * reload tries it again, a few times only (store_item_wants_page()) */
	"ALTER TABLE items ADD COLUMN fetch_tries INTEGER NOT NULL DEFAULT 0;",
};
/* What a migration needs besides its SQL, run in its transaction. */
static int	 reindex(struct store *, struct errbuf *);
static void	 trim(struct store *);
static int	(*const migration_fill[])(struct store *, struct errbuf *) = {
	NULL, NULL, reindex, NULL
};
#define SCHEMA_VERSION	((int)(sizeof migrations / sizeof migrations[0]))

static int	 step_done(struct store *, sqlite3_stmt *, struct errbuf *);
static int	 step_borrowed(struct store *, sqlite3_stmt *, struct errbuf *);
static int	 st_bind_borrowed(sqlite3_stmt *, int, const char *);
static int	 exec1(struct store *, enum stmt_id, int64_t, struct errbuf *);
static int	 col_dup(sqlite3_stmt *, int, char **);
static int	 read_feed(sqlite3_stmt *, struct store_feed *);
static int	 read_item(sqlite3_stmt *, struct store_item *);
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
static struct fts_row row_of(const struct fts_saved *);
static int	 fts_body(struct buf *, const struct fts_row *);
static int	 fts_put(struct store *, enum stmt_id, int64_t,
		    const struct fts_row *, struct errbuf *);
static int	 fts_old(struct store *, int64_t, struct fts_saved *,
		    struct errbuf *);
static void	 fts_saved_release(struct fts_saved *);
static int	 strip_markup(struct buf *, const char *);
static int	 migrate(struct store *, struct errbuf *);
static int	 load_col(struct store *, enum stmt_id, int64_t, char **,
		    struct errbuf *);
static void	 regex_free(void *);
static void	 sql_regexp(sqlite3_context *, int, sqlite3_value **);
static int	 wal_hook(void *, sqlite3 *, const char *, int);
static int	 is_empty(struct store *);
static int	 log_pages(const char *);
static int	 fresh_feed(struct store *, int64_t, struct errbuf *);
static void	 bind_item(sqlite3_stmt *, int64_t, const char *,
		    const struct feed_entry *, time_t, int);

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
static int
step_done(struct store *s, sqlite3_stmt *st, struct errbuf *eb)
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
 * step_done() for a statement whose strings were bound borrowed
 * (st_bind_borrowed()): its bindings are cleared with the reset, so
 * that it never keeps a pointer to freed memory.
 */
static int
step_borrowed(struct store *s, sqlite3_stmt *st, struct errbuf *eb)
{
	int	 rc;

	rc = step_done(s, st, eb);
	sqlite3_clear_bindings(st);
	return rc;
}

/* Runs a statement with one integer parameter (or none). */
static int
exec1(struct store *s, enum stmt_id id, int64_t v, struct errbuf *eb)
{
	sqlite3_stmt *st;

	if ((st = st_stmt(s, id, eb)) == NULL)
		return -1;
	if (sqlite3_bind_parameter_count(st) > 0)
		sqlite3_bind_int64(st, 1, v);
	return step_done(s, st, eb);
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
static int
st_bind_borrowed(sqlite3_stmt *st, int i, const char *v)
{
	if (v == NULL)
		return sqlite3_bind_null(st, i);
	return sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
}

/* Copies a text column; NULL stays NULL.  -1 when memory runs out. */
static int
col_dup(sqlite3_stmt *st, int i, char **out)
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

char *
store_default_path(struct errbuf *eb)
{
	struct buf b;
	const char *xdg, *home;
	char	*p;

	buf_init(&b, CONF_PATH_MAX_BYTES);
	xdg = getenv("XDG_DATA_HOME");
	home = getenv("HOME");
	if (xdg != NULL && xdg[0] == '/') {
		if (buf_printf(&b, "%s/byline/cache.db", xdg) != BUF_OK)
			goto toolong;
	} else if (home != NULL && home[0] != '\0') {
		if (buf_printf(&b, "%s/.local/share/byline/cache.db", home) !=
		    BUF_OK)
			goto toolong;
	} else {
		errbuf_set(eb, "cache.db: neither XDG_DATA_HOME nor HOME is "
		    "set (use --db FILE)");
		return NULL;
	}
	if ((p = buf_take(&b)) == NULL)
		errbuf_set(eb, "cache.db: out of memory");
	return p;
toolong:
	buf_release(&b);
	errbuf_set(eb, "cache.db: path too long");
	return NULL;
}

static int
migrate(struct store *s, struct errbuf *eb)
{
	sqlite3_stmt *st;
	struct buf b;
	int	 v;

	if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st,
	    NULL) != SQLITE_OK)
		return st_fail(s, eb);
	v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
	sqlite3_finalize(st);
	if (v < 0)
		return st_fail(s, eb);
	if (v > SCHEMA_VERSION) {
		errbuf_set(eb, "%s: made by a newer byline (schema %d, this "
		    "one knows %d)", s->path, v, SCHEMA_VERSION);
		return -1;
	}
	buf_init(&b, ERRBUF_BYTES);
	for (; v < SCHEMA_VERSION; v++) {
		buf_reset(&b);
		if (buf_printf(&b, "PRAGMA user_version = %d", v + 1) !=
		    BUF_OK) {
			errbuf_set(eb, "%s: out of memory", s->path);
			return -1;
		}
		if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL,
		    NULL) != SQLITE_OK)
			goto fail;
		if (sqlite3_exec(s->db, migrations[v], NULL, NULL, NULL) !=
		    SQLITE_OK ||
		    (migration_fill[v] != NULL &&
		    migration_fill[v](s, eb) == -1) ||
		    sqlite3_exec(s->db, b.data, NULL, NULL, NULL) !=
		    SQLITE_OK ||
		    sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) !=
		    SQLITE_OK) {
			st_fail(s, eb);
			sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
			buf_release(&b);
			return -1;
		}
	}
	buf_release(&b);
	return 0;
fail:
	buf_release(&b);
	return st_fail(s, eb);
}

/* 1 when the file has no page yet (a new store), 0 when it has, -1
 * when it cannot be read (store_open()'s next statements say why). */
static int
is_empty(struct store *s)
{
	sqlite3_stmt *st;
	int	 rc = -1;

	if (sqlite3_prepare_v2(s->db, "PRAGMA page_count", -1, &st, NULL) ==
	    SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		rc = sqlite3_column_int(st, 0) == 0;
	sqlite3_finalize(st);
	return rc;
}

struct store *
store_open(const char *path, struct errbuf *eb)
{
	struct store *s;
	struct buf b;

	if ((s = calloc(1, sizeof *s)) == NULL ||
	    (s->path = strdup(path)) == NULL) {
		free(s);
		errbuf_set(eb, "%s: out of memory", path);
		return NULL;
	}
	if (file_mkdir_parents(path, eb) == -1)
		goto fail;
	if (sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		if (s->db == NULL)
			errbuf_set(eb, "%s: out of memory", path);
		else
			st_fail(s, eb);
		goto fail;
	}
	sqlite3_busy_timeout(s->db, STORE_BUSY_TIMEOUT_MS);
	sqlite3_extended_result_codes(s->db, 1);
	/* auto_vacuum=INCREMENTAL takes effect only in a new (empty)
	 * file, before its first table: it lets store_close() give back
	 * the pages FTS5's segment merges free (an older store, made
	 * without it, keeps them; VACUUM would convert it).  It is set on
	 * a new file only: on one made with it, the pragma rewrites the
	 * file's first page at every open, a commit with its fsyncs
	 * before the first request of a --reload (10 ms on a warm reload
	 * of 200 feeds). */
	if (is_empty(s) == 1 && sqlite3_exec(s->db, "PRAGMA auto_vacuum = "
	    "INCREMENTAL", NULL, NULL, NULL) != SQLITE_OK) {
		st_fail(s, eb);
		goto fail;
	}
	/* WAL: readers (the TUI) never block the writer (--reload); with
	 * synchronous=NORMAL a commit survives a crash of byline, and only
	 * a power loss may drop the last ones, never corrupt.
	 * temp_store=MEMORY keeps statement journals in memory: on disk
	 * they spilled past 64 kB (with a savepoint per feed, a cold
	 * reload of 1000 feeds made 188,000 pwrite calls, 53,000 with
	 * them in memory). */
	if (sqlite3_exec(s->db, "PRAGMA journal_mode = WAL;"
	    "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;"
	    "PRAGMA temp_store = MEMORY;",
	    NULL, NULL, NULL) != SQLITE_OK) {
		st_fail(s, eb);
		goto fail;
	}
	/* few checkpoints: see STORE_WAL_CHECKPOINT_PAGES */
	sqlite3_wal_hook(s->db, wal_hook, s);
	/* "X REGEXP Y" of the filters (filter.h) calls regexp(Y, X). */
	if (sqlite3_create_function_v2(s->db, "regexp", 2, SQLITE_UTF8 |
	    SQLITE_DETERMINISTIC, NULL, sql_regexp, NULL, NULL, NULL) !=
	    SQLITE_OK) {
		st_fail(s, eb);
		goto fail;
	}
	buf_init(&b, ERRBUF_BYTES);
	if (buf_printf(&b, "PRAGMA journal_size_limit = %ld",
	    STORE_WAL_KEEP_BYTES) != BUF_OK ||
	    sqlite3_exec(s->db, b.data, NULL, NULL, NULL) != SQLITE_OK) {
		buf_release(&b);
		st_fail(s, eb);
		goto fail;
	}
	buf_release(&b);
	if (migrate(s, eb) == -1)
		goto fail;
	return s;
fail:
	store_close(s);
	return NULL;
}

int
store_log_pages(const struct store *s)
{
	return log_pages(s->path);
}

/* The pages in the log of the database at path, as its size says. */
static int
log_pages(const char *path)
{
	struct stat st;
	struct buf b;
	long long n = 0;

	buf_init(&b, ERRBUF_BYTES);
	if (buf_printf(&b, "%s-wal", path) == BUF_OK &&
	    stat(b.data, &st) == 0 && st.st_size > WAL_HEADER_BYTES)
		n = ((long long)st.st_size - WAL_HEADER_BYTES) /
		    (PAGE_BYTES + WAL_FRAME_HEADER_BYTES);
	buf_release(&b);
	return n > INT32_MAX ? INT32_MAX : (int)n;
}

void
store_leave_log(struct store *s)
{
	s->leave_log = 1;
}

int
store_fold_log(const char *path, struct errbuf *eb)
{
	sqlite3	*db = NULL;
	int	 rc;

	/* no SQLITE_OPEN_CREATE: the store exists, its owner made it */
	rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_NOMUTEX, NULL);
	/* a read first: a connection finds the log when it first reads,
	 * and a checkpoint before that does nothing */
	if (rc == SQLITE_OK) {
		sqlite3_busy_timeout(db, STORE_BUSY_TIMEOUT_MS);
		rc = sqlite3_exec(db, "PRAGMA user_version", NULL, NULL,
		    NULL);
	}
	if (rc == SQLITE_OK)
		rc = sqlite3_wal_checkpoint_v2(db, NULL,
		    SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
	/* then cut the log to nothing, unless someone uses it (never
	 * waiting): freeing its blocks took the warm reload after a cold
	 * one of 1000 feeds 0.2 s at the close, which removes it */
	if (rc == SQLITE_OK) {
		sqlite3_busy_timeout(db, 0);
		(void)sqlite3_wal_checkpoint_v2(db, NULL,
		    SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
	}
	if (rc != SQLITE_OK && rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
		errbuf_set(eb, "%s: %s", path, db != NULL ?
		    sqlite3_errmsg(db) : "out of memory");
	sqlite3_close(db);
	return rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED ?
	    0 : -1;
}

/*
 * After each commit: notes the log's size and, past
 * STORE_WAL_CHECKPOINT_PAGES, folds it in (what SQLite's own
 * auto-checkpoint does, which this hook replaces).
 */
static int
wal_hook(void *arg, sqlite3 *db, const char *name, int frames)
{
	struct store *s = arg;

	s->wal_frames = frames;
	if (frames >= STORE_WAL_CHECKPOINT_PAGES &&
	    sqlite3_wal_checkpoint_v2(db, name, SQLITE_CHECKPOINT_PASSIVE,
	    NULL, NULL) == SQLITE_OK)
		s->wal_frames = 0;
	return SQLITE_OK;
}

int
store_checkpoint(struct store *s, int min_pages, struct errbuf *eb)
{
	int	 rc;

	if (s->wal_frames < min_pages || !sqlite3_get_autocommit(s->db))
		return 0;
	rc = sqlite3_wal_checkpoint_v2(s->db, NULL,
	    SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
	if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
		return 0;
	if (rc != SQLITE_OK)
		return st_fail(s, eb);
	s->wal_frames = 0;
	return 0;
}

int
store_cache_limit(struct store *s, long kib, struct errbuf *eb)
{
	char	 q[64];

	snprintf(q, sizeof q, "PRAGMA cache_size = -%ld", kib);
	if (sqlite3_exec(s->db, q, NULL, NULL, NULL) != SQLITE_OK)
		return st_fail(s, eb);
	return 0;
}

/*
 * Gives the free pages back to the file system when there are more than
 * STORE_FREE_PAGES_KEEP of them, at most STORE_TRIM_PAGES at a time:
 * FTS5's segment merges leave up to an eighth of the file free, a
 * different amount at each run.  Only a store made with
 * auto_vacuum=INCREMENTAL can (store_open()); failures are not errors:
 * the pages are kept until a later close.
 */
static void
trim(struct store *s)
{
	sqlite3_stmt *st;
	char	 q[64];
	int	 mode, nfree;

	if (s->db == NULL || !sqlite3_get_autocommit(s->db) ||
	    sqlite3_db_readonly(s->db, "main") == 1)
		return;
	mode = nfree = 0;
	if (sqlite3_prepare_v2(s->db, "PRAGMA auto_vacuum", -1, &st,
	    NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		mode = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (mode != 2)	/* INCREMENTAL */
		return;
	if (sqlite3_prepare_v2(s->db, "PRAGMA freelist_count", -1, &st,
	    NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		nfree = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (nfree <= STORE_FREE_PAGES_KEEP)
		return;
	snprintf(q, sizeof q, "PRAGMA incremental_vacuum(%d)",
	    STORE_TRIM_PAGES);
	/* a close never waits for another writer (a --reload while the
	 * reader quits): that one trims when it closes */
	sqlite3_busy_timeout(s->db, 0);
	(void)sqlite3_exec(s->db, q, NULL, NULL, NULL);
}

const char *
store_path(const struct store *s)
{
	return s->path;
}

void
store_close(struct store *s)
{
	size_t	 i;

	if (s == NULL)
		return;
	for (i = 0; i < S_COUNT; i++)
		sqlite3_finalize(s->stmt[i]);
	trim(s);
	/* a log this connection wrote is left; one that is folded in
	 * already is removed, which costs nothing */
	if (s->db != NULL && s->leave_log && s->wal_frames > 0)
		(void)sqlite3_db_config(s->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE,
		    1, NULL);
	sqlite3_close(s->db);
	free(s->path);
	free(s);
}

int
store_begin(struct store *s, struct errbuf *eb)
{
	return exec1(s, S_BEGIN, 0, eb);
}

int
store_commit(struct store *s, struct errbuf *eb)
{
	return exec1(s, S_COMMIT, 0, eb);
}

void
store_rollback(struct store *s)
{
	struct errbuf eb;

	if (sqlite3_get_autocommit(s->db))
		return;
	if (exec1(s, S_ROLLBACK, 0, &eb) == -1) {
		/* nothing more to do: the transaction ends with the
		 * connection */
	}
}

int
store_feed_ensure(struct store *s, const char *url, const char *custom_title,
    const char *tags, int64_t *id, struct errbuf *eb)
{
	sqlite3_stmt *st;
	int	 rc;

	if ((st = st_stmt(s, S_FEED_FIND, eb)) == NULL)
		return -1;
	st_bind_text(st, 1, url);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
		if ((st = st_stmt(s, S_FEED_CONF, eb)) == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, *id);
	} else {
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			return st_fail(s, eb);
		if ((st = st_stmt(s, S_FEED_INSERT, eb)) == NULL)
			return -1;
		st_bind_text(st, 1, url);
	}
	st_bind_text(st, 2, custom_title);
	st_bind_text(st, 3, tags);
	if (step_done(s, st, eb) == -1)
		return -1;
	if (rc != SQLITE_ROW)
		*id = sqlite3_last_insert_rowid(s->db);
	return 0;
}

static int
read_feed(sqlite3_stmt *st, struct store_feed *f)
{
	memset(f, 0, sizeof *f);
	f->id = sqlite3_column_int64(st, 0);
	f->updated = (time_t)sqlite3_column_int64(st, 8);
	f->unread = sqlite3_column_int64(st, 9);
	f->total = sqlite3_column_int64(st, 10);
	if (col_dup(st, 1, &f->url) == -1 || col_dup(st, 2, &f->title) == -1 ||
	    col_dup(st, 3, &f->custom_title) == -1 ||
	    col_dup(st, 4, &f->tags) == -1 || col_dup(st, 5, &f->etag) == -1 ||
	    col_dup(st, 6, &f->last_modified) == -1 ||
	    col_dup(st, 7, &f->error) == -1) {
		store_feed_release(f);
		return -1;
	}
	return 0;
}

void
store_feed_release(struct store_feed *f)
{
	free(f->url);
	free(f->title);
	free(f->custom_title);
	free(f->tags);
	free(f->etag);
	free(f->last_modified);
	free(f->error);
	memset(f, 0, sizeof *f);
}

void
store_feeds_free(struct store_feed *f, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		store_feed_release(&f[i]);
	free(f);
}

int
store_feed_get(struct store *s, int64_t id, struct store_feed *f,
    struct errbuf *eb)
{
	sqlite3_stmt *st;
	int	 rc;

	if ((st = st_stmt(s, S_FEED_GET, eb)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_DONE) {
		sqlite3_reset(st);
		return 1;
	}
	if (rc != SQLITE_ROW) {
		sqlite3_reset(st);
		return st_fail(s, eb);
	}
	rc = read_feed(st, f);
	sqlite3_reset(st);
	if (rc == -1)
		errbuf_set(eb, "%s: out of memory", s->path);
	return rc;
}

int
store_feed_validators(struct store *s, int64_t id, char **etag,
    char **last_modified, struct errbuf *eb)
{
	sqlite3_stmt *st;
	char	*e = NULL, *m = NULL;
	int	 rc;

	if ((st = st_stmt(s, S_FEED_VALIDATORS, eb)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_DONE) {
		sqlite3_reset(st);
		return 1;
	}
	if (rc != SQLITE_ROW) {
		sqlite3_reset(st);
		return st_fail(s, eb);
	}
	if (col_dup(st, 0, &e) == -1 || col_dup(st, 1, &m) == -1) {
		sqlite3_reset(st);
		free(e);
		errbuf_set(eb, "%s: out of memory", s->path);
		return -1;
	}
	sqlite3_reset(st);
	*etag = e;
	*last_modified = m;
	return 0;
}

int
store_feeds(struct store *s, struct store_feed **out, size_t *n,
    struct errbuf *eb)
{
	sqlite3_stmt *st;
	struct store_feed *v = NULL, *nv;
	size_t	 cnt = 0;
	int	 rc;

	if ((st = st_stmt(s, S_FEED_ALL, eb)) == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((nv = reallocarray(v, cnt + 1, sizeof *v)) == NULL)
			goto nomem;
		v = nv;
		if (read_feed(st, &v[cnt]) == -1)
			goto nomem;
		cnt++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		store_feeds_free(v, cnt);
		return st_fail(s, eb);
	}
	*out = v;
	*n = cnt;
	return 0;
nomem:
	sqlite3_reset(st);
	store_feeds_free(v, cnt);
	errbuf_set(eb, "%s: out of memory", s->path);
	return -1;
}

int
store_feed_fetched(struct store *s, int64_t id, const char *title,
    const char *etag, const char *last_modified, time_t now,
    struct errbuf *eb)
{
	sqlite3_stmt *st;

	if ((st = st_stmt(s, S_FEED_FETCHED, eb)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	st_bind_text(st, 2, title);
	st_bind_text(st, 3, etag);
	st_bind_text(st, 4, last_modified);
	sqlite3_bind_int64(st, 5, (sqlite3_int64)now);
	return step_done(s, st, eb);
}

int
store_feed_failed(struct store *s, int64_t id, const char *msg,
    struct errbuf *eb)
{
	sqlite3_stmt *st;

	if ((st = st_stmt(s, S_FEED_FAILED, eb)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	st_bind_text(st, 2, msg);
	return step_done(s, st, eb);
}

int
store_feed_set_url(struct store *s, int64_t id, const char *url,
    struct errbuf *eb)
{
	sqlite3_stmt *st;

	if ((st = st_stmt(s, S_FEED_URL, eb)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	st_bind_text(st, 2, url);
	return step_done(s, st, eb);
}

int
store_feed_mark_read(struct store *s, int64_t feed_id, struct errbuf *eb)
{
	if (feed_id == 0)
		return exec1(s, S_ALL_READ, 0, eb);
	return exec1(s, S_FEED_READ, feed_id, eb);
}

/*
 * Appends html's text to out: tags and character references dropped,
 * which is enough for indexing words.  -1 when out is full.
 */
static int
strip_markup(struct buf *out, const char *html)
{
	const char *p, *q;

	for (p = html; *p != '\0'; p = q) {
		if (*p == '<') {
			q = strchr(p, '>');
			q = q == NULL ? p + strlen(p) : q + 1;
			if (buf_putc(out, ' ') != BUF_OK)
				return -1;
			continue;
		}
		if (*p == '&') {
			q = p + 1;
			while (*q == '#' || ascii_isalpha((unsigned char)*q) ||
			    ascii_isdigit((unsigned char)*q))
				q++;
			if (*q == ';') {
				q++;
				if (buf_putc(out, ' ') != BUF_OK)
					return -1;
				continue;
			}
		}
		for (q = p + 1; *q != '\0' && *q != '<' && *q != '&'; q++)
			continue;
		if (buf_append(out, p, (size_t)(q - p)) != BUF_OK)
			return -1;
	}
	return 0;
}

/*
 * The indexed body of an item: its content (markup dropped from HTML),
 * then a newline and the saved text.  An over-long body is indexed as
 * far as it fits; the same values always give the same body, which the
 * 'delete' of a contentless index relies on.
 */
static int
fts_body(struct buf *body, const struct fts_row *r)
{
	int	 full = 0;

	if (r->content != NULL) {
		if (r->type == FEED_CONTENT_HTML)
			full = strip_markup(body, r->content) == -1;
		else
			full = buf_puts(body, r->content) != BUF_OK;
	}
	if (!full && r->text != NULL && (buf_putc(body, '\n') != BUF_OK ||
	    buf_puts(body, r->text) != BUF_OK)) {
		/* indexed as far as it fits */
	}
	return 0;
}

/* Adds (S_FTS_INSERT) or removes (S_FTS_DELETE) the entry of item id
 * made from r. */
static int
fts_put(struct store *s, enum stmt_id which, int64_t id,
    const struct fts_row *r, struct errbuf *eb)
{
	sqlite3_stmt *st;
	struct buf body;
	int	 rc;

	buf_init(&body, FETCH_PAGE_MAX_BYTES);
	if (fts_body(&body, r) == -1 || (st = st_stmt(s, which, eb)) == NULL) {
		buf_release(&body);
		return -1;
	}
	sqlite3_bind_int64(st, 1, id);
	st_bind_borrowed(st, 2, r->title);
	sqlite3_bind_text(st, 3, body.len > 0 ? body.data : "", (int)body.len,
	    SQLITE_STATIC);
	rc = step_borrowed(s, st, eb);
	buf_release(&body);
	return rc;
}

/* The indexed values of item id as they are now.  Returns 0, 1 when no
 * such item, -1 on error. */
static int
fts_old(struct store *s, int64_t id, struct fts_saved *r, struct errbuf *eb)
{
	sqlite3_stmt *st;
	int	 rc;

	memset(r, 0, sizeof *r);
	if ((st = st_stmt(s, S_ITEM_OLD, eb)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_DONE) {
		sqlite3_reset(st);
		return 1;
	}
	if (rc != SQLITE_ROW) {
		sqlite3_reset(st);
		return st_fail(s, eb);
	}
	r->type = (enum feed_content_type)sqlite3_column_int(st, 2);
	if (col_dup(st, 0, &r->title) == -1 ||
	    col_dup(st, 1, &r->content) == -1 ||
	    col_dup(st, 3, &r->text) == -1) {
		sqlite3_reset(st);
		fts_saved_release(r);
		errbuf_set(eb, "%s: out of memory", s->path);
		return -1;
	}
	sqlite3_reset(st);
	return 0;
}

static struct fts_row
row_of(const struct fts_saved *f)
{
	struct fts_row r;

	r.title = f->title;
	r.content = f->content;
	r.text = f->text;
	r.type = f->type;
	return r;
}

static void
fts_saved_release(struct fts_saved *r)
{
	free(r->title);
	free(r->content);
	free(r->text);
	memset(r, 0, sizeof *r);
}

/* Migration 2 -> 3: indexes every item in the new contentless table. */
static int
reindex(struct store *s, struct errbuf *eb)
{
	sqlite3_stmt *st;
	struct fts_saved r;
	struct fts_row v;
	int	 rc;

	if (sqlite3_prepare_v2(s->db, "SELECT id, title, content, "
	    "content_type, text FROM items", -1, &st, NULL) != SQLITE_OK)
		return st_fail(s, eb);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&r, 0, sizeof r);
		r.type = (enum feed_content_type)sqlite3_column_int(st, 3);
		if (col_dup(st, 1, &r.title) == -1 ||
		    col_dup(st, 2, &r.content) == -1 ||
		    col_dup(st, 4, &r.text) == -1) {
			fts_saved_release(&r);
			sqlite3_finalize(st);
			errbuf_set(eb, "%s: out of memory", s->path);
			return -1;
		}
		v = row_of(&r);
		rc = fts_put(s, S_FTS_INSERT, sqlite3_column_int64(st, 0), &v,
		    eb);
		fts_saved_release(&r);
		if (rc == -1) {
			sqlite3_finalize(st);
			return -1;
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : st_fail(s, eb);
}

/*
 * Whether feed_id had no item when store_item_put() first met it (a
 * new feed, a first reload): 1, 0, or -1 with eb set.  A hint only: an
 * entry inserted on its word that is there already (a guid twice in a
 * feed) takes the look-up all the same.
 */
static int
fresh_feed(struct store *s, int64_t feed_id, struct errbuf *eb)
{
	sqlite3_stmt *st;
	int	 rc;

	if (s->fresh_id == feed_id && feed_id != 0)
		return s->fresh;
	if ((st = st_stmt(s, S_FEED_HAS_ITEMS, eb)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, feed_id);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		sqlite3_reset(st);
		return st_fail(s, eb);
	}
	s->fresh = sqlite3_column_int(st, 0) == 0;
	s->fresh_id = feed_id;
	sqlite3_reset(st);
	return s->fresh;
}

/* Binds an entry's columns to S_ITEM_INSERT (key: the feed's id) or
 * S_ITEM_UPDATE (key: the item's id), borrowed: e outlives the step. */
static void
bind_item(sqlite3_stmt *st, int64_t key, const char *guid,
    const struct feed_entry *e, time_t now, int update)
{
	sqlite3_bind_int64(st, 1, key);
	st_bind_borrowed(st, 2, guid);
	st_bind_borrowed(st, 3, e->title != NULL ? e->title : "");
	st_bind_borrowed(st, 4, e->link);
	st_bind_borrowed(st, 5, e->author);
	st_bind_borrowed(st, 6, e->content);
	sqlite3_bind_int(st, 7, (int)e->content_type);
	st_bind_borrowed(st, 8, e->enclosure);
	st_bind_borrowed(st, 9, e->categories);
	if (e->has_time)
		sqlite3_bind_int64(st, 10, (sqlite3_int64)e->time);
	else if (update)
		sqlite3_bind_null(st, 10);
	else
		sqlite3_bind_int64(st, 10, (sqlite3_int64)now);
}

int
store_item_put(struct store *s, int64_t feed_id, const struct feed_entry *e,
    time_t now, int *is_new, int64_t *item_id, struct errbuf *eb)
{
	sqlite3_stmt *st;
	struct fts_saved old;
	struct fts_row ov, nr;
	const char *guid;
	int64_t	 id = 0;
	int	 rc, found, changed;

	guid = e->id != NULL && e->id[0] != '\0' ? e->id :
	    e->link != NULL && e->link[0] != '\0' ? e->link :
	    e->title != NULL ? e->title : "";
	memset(&old, 0, sizeof old);
	/* the entries of a fresh feed are inserted without a look-up
	 * first: a tenth of a cold reload's writer */
	if ((rc = fresh_feed(s, feed_id, eb)) == -1 ||
	    (rc == 1 && (st = st_stmt(s, S_ITEM_INSERT, eb)) == NULL))
		return -1;
	if (rc == 1) {
		bind_item(st, feed_id, guid, e, now, 0);
		if (step_borrowed(s, st, eb) == -1)
			return -1;
		if (sqlite3_changes(s->db) > 0) {
			found = 0;
			changed = 1;
			id = sqlite3_last_insert_rowid(s->db);
			goto index;
		}
	}
	if ((st = st_stmt(s, S_ITEM_FIND, eb)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, feed_id);
	st_bind_borrowed(st, 2, guid);
	rc = sqlite3_step(st);
	found = rc == SQLITE_ROW;
	if (found)
		id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (!found && rc != SQLITE_DONE)
		return st_fail(s, eb);
	if (found && fts_old(s, id, &old, eb) == -1)
		return -1;

	if ((st = st_stmt(s, found ? S_ITEM_UPDATE : S_ITEM_INSERT,
	    eb)) == NULL)
		return -1;
	bind_item(st, found ? id : feed_id, guid, e, now, found);
	if (step_borrowed(s, st, eb) == -1) {
		fts_saved_release(&old);
		return -1;
	}
	changed = sqlite3_changes(s->db) > 0;
	if (!found && !changed) {
		/* only another connection, between the two statements */
		errbuf_set(eb, "%s: an item came in meanwhile", s->path);
		return -1;
	}
	if (!found)
		id = sqlite3_last_insert_rowid(s->db);
index:
	/* the new entry keeps the saved text of the old */
	nr.title = e->title != NULL ? e->title : "";
	nr.content = e->content;
	nr.type = e->content_type;
	nr.text = old.text;
	ov = row_of(&old);
	rc = 0;
	if (changed && ((found && fts_put(s, S_FTS_DELETE, id, &ov, eb) ==
	    -1) || fts_put(s, S_FTS_INSERT, id, &nr, eb) == -1))
		rc = -1;
	fts_saved_release(&old);
	if (rc == -1)
		return -1;
	if (is_new != NULL)
		*is_new = !found;
	if (item_id != NULL)
		*item_id = id;
	return 0;
}

static int
read_item(sqlite3_stmt *st, struct store_item *it)
{
	memset(it, 0, sizeof *it);
	it->id = sqlite3_column_int64(st, 0);
	it->feed_id = sqlite3_column_int64(st, 1);
	it->content_type = (enum feed_content_type)sqlite3_column_int(st, 7);
	it->time = (time_t)sqlite3_column_int64(st, 10);
	it->read = sqlite3_column_int(st, 11);
	it->starred = sqlite3_column_int(st, 12);
	it->has_text = sqlite3_column_int(st, 13);
	it->has_story = sqlite3_column_int(st, 14);
	if (col_dup(st, 2, &it->guid) == -1 ||
	    col_dup(st, 3, &it->title) == -1 ||
	    col_dup(st, 4, &it->link) == -1 ||
	    col_dup(st, 5, &it->author) == -1 ||
	    col_dup(st, 6, &it->content) == -1 ||
	    col_dup(st, 8, &it->enclosure) == -1 ||
	    col_dup(st, 9, &it->categories) == -1) {
		store_item_release(it);
		return -1;
	}
	return 0;
}

void
store_item_release(struct store_item *it)
{
	free(it->guid);
	free(it->title);
	free(it->link);
	free(it->author);
	free(it->content);
	free(it->enclosure);
	free(it->categories);
	memset(it, 0, sizeof *it);
}

void
store_items_free(struct store_item *it, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		store_item_release(&it[i]);
	free(it);
}

/* Collects the rows of a bound statement, then resets it. */
int
st_read_items(struct store *s, sqlite3_stmt *st, struct store_item **out,
    size_t *n, struct errbuf *eb)
{
	struct store_item *v = NULL, *nv;
	size_t	 cnt = 0, cap = 0;
	int	 rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (cnt == cap) {
			cap = cap == 0 ? 64 : cap * 2;
			if ((nv = reallocarray(v, cap, sizeof *v)) == NULL)
				goto nomem;
			v = nv;
		}
		if (read_item(st, &v[cnt]) == -1)
			goto nomem;
		cnt++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		store_items_free(v, cnt);
		return st_fail(s, eb);
	}
	*out = v;
	*n = cnt;
	return 0;
nomem:
	sqlite3_reset(st);
	store_items_free(v, cnt);
	errbuf_set(eb, "%s: out of memory", s->path);
	return -1;
}

int
store_items(struct store *s, int64_t feed_id, unsigned flags, size_t max,
    struct store_item **out, size_t *n, struct errbuf *eb)
{
	sqlite3_stmt *st;

	if ((st = st_stmt(s, feed_id != 0 ? S_ITEMS_FEED : S_ITEMS_ALL, eb)) ==
	    NULL)
		return -1;
	if (feed_id != 0)
		sqlite3_bind_int64(st, 1, feed_id);
	sqlite3_bind_int(st, 2, (flags & STORE_UNREAD) != 0);
	sqlite3_bind_int(st, 3, (flags & STORE_STARRED) != 0);
	sqlite3_bind_int64(st, 4, max == 0 || max > INT64_MAX ? -1 :
	    (sqlite3_int64)max);
	return st_read_items(s, st, out, n, eb);
}

int
store_item_get(struct store *s, int64_t id, struct store_item *it,
    struct errbuf *eb)
{
	sqlite3_stmt *st;
	int	 rc;

	if ((st = st_stmt(s, S_ITEM_GET, eb)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_DONE) {
		sqlite3_reset(st);
		return 1;
	}
	if (rc != SQLITE_ROW) {
		sqlite3_reset(st);
		return st_fail(s, eb);
	}
	rc = read_item(st, it);
	sqlite3_reset(st);
	if (rc == -1)
		errbuf_set(eb, "%s: out of memory", s->path);
	return rc;
}

static int
set_flag(struct store *s, enum stmt_id id, int64_t item, int v,
    struct errbuf *eb)
{
	sqlite3_stmt *st;

	if ((st = st_stmt(s, id, eb)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, item);
	sqlite3_bind_int(st, 2, v != 0);
	return step_done(s, st, eb);
}

int
store_item_set_read(struct store *s, int64_t id, int read, struct errbuf *eb)
{
	return set_flag(s, S_ITEM_READ, id, read, eb);
}

int
store_item_wants_page(struct store *s, int64_t id, struct errbuf *eb)
{
	sqlite3_stmt *st;
	int	 rc, want;

	if ((st = st_stmt(s, S_ITEM_WANTS_PAGE, eb)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, STORE_PAGE_TRIES_MAX);
	rc = sqlite3_step(st);
	want = rc == SQLITE_ROW && sqlite3_column_int(st, 0) != 0;
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return st_fail(s, eb);
	return want;
}

int
store_item_page_failed(struct store *s, int64_t id, struct errbuf *eb)
{
	return exec1(s, S_ITEM_PAGE_FAILED, id, eb);
}

int
store_item_set_starred(struct store *s, int64_t id, int starred,
    struct errbuf *eb)
{
	return set_flag(s, S_ITEM_STAR, id, starred, eb);
}

/*
 * Sets the saved text (and, with which S_STORY_SAVE, the story) of an
 * item and moves its index entry from the old text to the new, in the
 * caller's transaction or in one of its own.
 */
static int
save_text(struct store *s, int64_t item_id, const char *story,
    const char *text, struct errbuf *eb)
{
	struct fts_saved old;
	struct fts_row ov, nr;
	sqlite3_stmt *st;
	int	 rc, own;

	own = sqlite3_get_autocommit(s->db);
	if (own && store_begin(s, eb) == -1)
		return -1;
	if ((rc = fts_old(s, item_id, &old, eb)) != 0) {
		if (own)
			store_rollback(s);
		if (rc == 1)
			errbuf_set(eb, "%s: no item %lld", s->path,
			    (long long)item_id);
		return -1;
	}
	if ((st = st_stmt(s, story != NULL ? S_STORY_SAVE : S_TEXT_SAVE,
	    eb)) == NULL)
		goto fail;
	sqlite3_bind_int64(st, 1, item_id);
	if (story != NULL) {
		st_bind_text(st, 2, story);
		st_bind_text(st, 3, text);
	} else
		st_bind_text(st, 2, text);
	if (step_done(s, st, eb) == -1)
		goto fail;
	ov = row_of(&old);
	nr = ov;
	nr.text = text;
	if (fts_put(s, S_FTS_DELETE, item_id, &ov, eb) == -1 ||
	    fts_put(s, S_FTS_INSERT, item_id, &nr, eb) == -1)
		goto fail;
	if (own && store_commit(s, eb) == -1)
		goto fail;
	fts_saved_release(&old);
	return 0;
fail:
	fts_saved_release(&old);
	if (own)
		store_rollback(s);
	return -1;
}

int
store_text_save(struct store *s, int64_t item_id, const char *text,
    struct errbuf *eb)
{
	return save_text(s, item_id, NULL, text, eb);
}

int
store_story_save(struct store *s, int64_t item_id, const char *story,
    const char *text, struct errbuf *eb)
{
	return save_text(s, item_id, story, text, eb);
}

/* One text column of an item (S_STORY_LOAD, S_TEXT_LOAD) into *out:
 * NULL when the item has none; -1 with eb set on failure. */
static int
load_col(struct store *s, enum stmt_id id, int64_t item_id, char **out,
    struct errbuf *eb)
{
	sqlite3_stmt *st;
	int	 rc;

	*out = NULL;
	if ((st = st_stmt(s, id, eb)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, item_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		rc = col_dup(st, 0, out);
		sqlite3_reset(st);
		if (rc == -1)
			errbuf_set(eb, "%s: out of memory", s->path);
		return rc;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : st_fail(s, eb);
}

int
store_story_load(struct store *s, int64_t item_id, char **story,
    struct errbuf *eb)
{
	return load_col(s, S_STORY_LOAD, item_id, story, eb);
}

int
store_export(struct store *s, unsigned flags,
    int (*fn)(void *, const struct store_export_row *), void *ctx,
    struct errbuf *eb)
{
	struct store_export_row r;
	sqlite3_stmt *st;
	int	 rc;

	if ((st = st_stmt(s, S_EXPORT, eb)) == NULL)
		return -1;
	sqlite3_bind_int(st, 1, (flags & STORE_UNREAD) != 0);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&r, 0, sizeof r);
		if (read_item(st, &r.item) == -1 ||
		    col_dup(st, 15, &r.feed_url) == -1 ||
		    col_dup(st, 16, &r.item.content) == -1 ||
		    col_dup(st, 18, &r.story) == -1) {
			store_item_release(&r.item);
			free(r.feed_url);
			sqlite3_reset(st);
			errbuf_set(eb, "%s: out of memory", s->path);
			return -1;
		}
		rc = fn(ctx, &r);
		store_item_release(&r.item);
		free(r.feed_url);
		free(r.story);
		if (rc == -1) {
			sqlite3_reset(st);
			return -1;
		}
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : st_fail(s, eb);
}

int
store_text_load(struct store *s, int64_t item_id, char **text,
    struct errbuf *eb)
{
	return load_col(s, S_TEXT_LOAD, item_id, text, eb);
}

static void
regex_free(void *re)
{
	regfree(re);
	free(re);
}

/*
 * regexp(pattern, text): 1 when the POSIX extended expression matches
 * text, case ignored (newsboat's =~).  The compiled pattern is kept as
 * the call's auxiliary data, so a statement compiles it once.
 */
static void
sql_regexp(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	const char *pat, *text;
	regex_t	*re, *fresh = NULL;
	int	 m;

	(void)argc;
	if ((re = sqlite3_get_auxdata(cx, 0)) == NULL) {
		pat = (const char *)sqlite3_value_text(argv[0]);
		if (pat == NULL || (fresh = malloc(sizeof *fresh)) == NULL) {
			sqlite3_result_error(cx, "regexp: no pattern", -1);
			return;
		}
		if (regcomp(fresh, pat, REG_EXTENDED | REG_ICASE |
		    REG_NOSUB) != 0) {
			free(fresh);
			sqlite3_result_error(cx, "regexp: bad pattern", -1);
			return;
		}
		re = fresh;
	}
	text = (const char *)sqlite3_value_text(argv[1]);
	m = text != NULL && regexec(re, text, 0, NULL, 0) == 0;
	/* SQLite may free it at once: nothing uses re after this. */
	if (fresh != NULL)
		sqlite3_set_auxdata(cx, 0, fresh, regex_free);
	sqlite3_result_int(cx, m);
}
