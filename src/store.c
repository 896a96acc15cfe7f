/*
 * store: SQLite cache.db.  See store.h for the contract.
 *
 * Schema (version 4):
 *   feeds(id, url UNIQUE, title, custom_title, tags, etag, last_modified,
 *         error, updated)
 *   items(id, feed_id, guid, title, link, author, content, content_type,
 *         enclosure, categories, time, read, starred, text, story,
 *         fetch_tries, UNIQUE(feed_id, guid))
 *         text: the plain text of the saved page; story: the whole
 *         article as story.c encodes it (versioned inside);
 *         fetch_tries: failed prefetches of its page (version 4).
 *   items_fts: contentless FTS5(title, body), rowid = items.id; body is
 *         the content with markup removed, then the saved text.  The
 *         index keeps no copy of either (version 2 kept one: a third of
 *         the file); an entry is removed with FTS5's 'delete' command,
 *         which needs the values it was made from, so every change of
 *         an indexed column reads the old row (st_fts_old()) and
 *         removes its entry before adding the new (st_fts_put()).
 *         Nothing deletes items; were a feed's row deleted, its items'
 *         stale entries would match no row of items and never show.
 * New files are made with auto_vacuum=INCREMENTAL (see trim()).
 * Migrations run in order from PRAGMA user_version, each in its own
 * transaction, so an interrupted one is rolled back and redone.
 * Statements are prepared once (lazily) and reset after each use.
 *
 * This file opens, migrates, checkpoints and closes the store; the rest
 * of the module: store_stmt.c (the SQL and statement helpers),
 * store_feed.c (feeds), store_item.c (items), store_fts.c (the index),
 * store_text.c (saved text and story), store_query.c (search), sharing
 * store_int.h.
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
	 * keeps no second copy of the text; st_reindex() fills it. */
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
static void	 trim(struct store *);
static int	(*const migration_fill[])(struct store *, struct errbuf *) = {
	NULL, NULL, st_reindex, NULL
};
#define SCHEMA_VERSION	((int)(sizeof migrations / sizeof migrations[0]))

static int	 migrate(struct store *, struct errbuf *);
static int	 is_empty(struct store *);
static int	 log_pages(const char *);
static int	 wal_hook(void *, sqlite3 *, const char *, int);
static void	 regex_free(void *);
static void	 sql_regexp(sqlite3_context *, int, sqlite3_value **);
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
	return st_exec1(s, S_BEGIN, 0, eb);
}

int
store_commit(struct store *s, struct errbuf *eb)
{
	return st_exec1(s, S_COMMIT, 0, eb);
}

void
store_rollback(struct store *s)
{
	struct errbuf eb;

	if (sqlite3_get_autocommit(s->db))
		return;
	if (st_exec1(s, S_ROLLBACK, 0, &eb) == -1) {
		/* nothing more to do: the transaction ends with the
		 * connection */
	}
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
