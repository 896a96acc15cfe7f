/*
 * test_store: the SQLite store in a temporary file.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include <sqlite3.h>

#include "store.h"
#include "store_fixture.h"
#include "store_int.h"

static int
setup(void **state)
{
	struct store_fixture *fx;

	fx = calloc(1, sizeof *fx);
	assert_non_null(fx);
	store_fixture_open(fx, "store");
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct store_fixture *fx = *state;

	store_fixture_close(fx);
	free(fx);
	return 0;
}

static void
entry(struct feed_entry *e, const char *id, const char *title,
    const char *content)
{
	memset(e, 0, sizeof *e);
	e->id = id;
	e->title = title;
	e->link = id;
	e->content = content;
	e->content_type = FEED_CONTENT_HTML;
	e->time = 1739750400;
	e->has_time = 1;
}

static int64_t
one_feed(struct store *s)
{
	struct errbuf eb;
	int64_t	 id;

	assert_int_equal(store_feed_ensure(s, "https://x.org/f", "Custom",
	    "a|b", &id, &eb), 0);
	return id;
}

static void
test_store_item_put_when_same_id_updates_in_place(void **state)
{
	struct store_fixture *fx = *state;
	struct feed_entry e;
	struct store_item *v;
	struct store_item it;
	struct errbuf eb;
	int64_t	 fid, id1, id2;
	size_t	 n;
	int	 is_new;

	fid = one_feed(fx->s);
	entry(&e, "https://x.org/1", "First", "<p>old body</p>");
	assert_int_equal(store_item_put(fx->s, fid, &e, 1, &is_new, &id1, &eb),
	    0);
	assert_int_equal(is_new, 1);
	assert_int_equal(store_item_set_read(fx->s, id1, 1, &eb), 0);
	entry(&e, "https://x.org/1", "First, edited", "<p>new body</p>");
	assert_int_equal(store_item_put(fx->s, fid, &e, 2, &is_new, &id2, &eb),
	    0);
	assert_int_equal(is_new, 0);
	assert_int_equal(id1, id2);
	assert_int_equal(store_items(fx->s, fid, 0, 0, &v, &n, &eb), 0);
	assert_int_equal(n, 1);
	assert_string_equal(v[0].title, "First, edited");
	assert_int_equal(v[0].read, 1);
	store_items_free(v, n);
	assert_int_equal(store_item_get(fx->s, id1, &it, &eb), 0);
	assert_string_equal(it.content, "<p>new body</p>");
	store_item_release(&it);
	/* the index follows the update */
	assert_int_equal(store_search(fx->s, "old", 10, &v, &n, &eb), 0);
	assert_int_equal(n, 0);
	free(v);
	assert_int_equal(store_search(fx->s, "new body", 10, &v, &n, &eb), 0);
	assert_int_equal(n, 1);
	store_items_free(v, n);
}

static void
test_store_feeds_counts_when_read_and_starred(void **state)
{
	struct store_fixture *fx = *state;
	struct feed_entry e;
	struct store_feed *f;
	struct store_item *v;
	struct errbuf eb;
	int64_t	 fid, id;
	size_t	 n;

	fid = one_feed(fx->s);
	entry(&e, "https://x.org/1", "One", NULL);
	assert_int_equal(store_item_put(fx->s, fid, &e, 1, NULL, &id, &eb), 0);
	entry(&e, "https://x.org/2", "Two", NULL);
	assert_int_equal(store_item_put(fx->s, fid, &e, 1, NULL, NULL, &eb), 0);
	assert_int_equal(store_item_set_starred(fx->s, id, 1, &eb), 0);
	assert_int_equal(store_item_set_read(fx->s, id, 1, &eb), 0);
	assert_int_equal(store_feeds(fx->s, &f, &n, &eb), 0);
	assert_int_equal(n, 1);
	assert_int_equal(f[0].unread, 1);
	assert_int_equal(f[0].total, 2);
	assert_string_equal(f[0].custom_title, "Custom");
	assert_string_equal(f[0].tags, "a|b");
	store_feeds_free(f, n);
	assert_int_equal(store_items(fx->s, 0, STORE_STARRED, 0, &v, &n, &eb),
	    0);
	assert_int_equal(n, 1);
	assert_string_equal(v[0].title, "One");
	store_items_free(v, n);
	assert_int_equal(store_feed_mark_read(fx->s, fid, &eb), 0);
	assert_int_equal(store_items(fx->s, fid, STORE_UNREAD, 0, &v, &n, &eb),
	    0);
	assert_int_equal(n, 0);
	free(v);
}

static void
test_store_text_when_saved_then_searched_and_related(void **state)
{
	struct store_fixture *fx = *state;
	struct feed_entry e;
	struct store_item *v;
	struct errbuf eb;
	int64_t	 fid, a, b;
	size_t	 n;
	char	*t;

	fid = one_feed(fx->s);
	entry(&e, "https://x.org/a", "Glaciers retreat in the Alps", NULL);
	assert_int_equal(store_item_put(fx->s, fid, &e, 1, NULL, &a, &eb), 0);
	entry(&e, "https://x.org/b", "Alps glaciers lose record ice", NULL);
	assert_int_equal(store_item_put(fx->s, fid, &e, 1, NULL, &b, &eb), 0);
	entry(&e, "https://x.org/c", "Football results", NULL);
	assert_int_equal(store_item_put(fx->s, fid, &e, 1, NULL, NULL, &eb), 0);
	assert_int_equal(store_text_load(fx->s, a, &t, &eb), 0);
	assert_null(t);
	assert_int_equal(store_text_save(fx->s, a, "Meltwater \"quoted\" "
	    "OR NEAR( syntax", &eb), 0);
	assert_int_equal(store_text_load(fx->s, a, &t, &eb), 0);
	assert_string_equal(t, "Meltwater \"quoted\" OR NEAR( syntax");
	free(t);
	/* FTS5 syntax typed by a person is taken as words */
	assert_int_equal(store_search(fx->s, "meltwater NEAR(", 10, &v, &n,
	    &eb), 0);
	assert_int_equal(n, 1);
	assert_int_equal(v[0].id, a);
	assert_int_equal(v[0].has_text, 1);
	store_items_free(v, n);
	assert_int_equal(store_related(fx->s, a, 10, &v, &n, &eb), 0);
	assert_int_equal(n, 1);
	assert_int_equal(v[0].id, b);
	store_items_free(v, n);
}

/* "More on this": two distinctive title words shared, or nothing. */
static void
test_store_related_when_below_threshold(void **state)
{
	struct store_fixture *fx = *state;
	struct feed_entry e;
	struct store_item *v;
	struct errbuf eb;
	int64_t	 fid, a, b, c;
	size_t	 n, i;
	char	 id[64], title[64];

	fid = one_feed(fx->s);
	entry(&e, "https://x.org/law", "Intelligence law passes in France",
	    NULL);
	assert_int_equal(store_item_put(fx->s, fid, &e, 1, NULL, &a, &eb), 0);
	entry(&e, "https://x.org/diary", "Evergreen Diary #1", NULL);
	assert_int_equal(store_item_put(fx->s, fid, &e, 1, NULL, NULL, &eb),
	    0);
	entry(&e, "https://x.org/match", "France wins the match", NULL);
	assert_int_equal(store_item_put(fx->s, fid, &e, 1, NULL, NULL, &eb),
	    0);
	/* one shared word is not "about the same thing" */
	assert_int_equal(store_related(fx->s, a, 10, &v, &n, &eb), 0);
	assert_int_equal(n, 0);
	store_items_free(v, n);
	entry(&e, "https://x.org/law2", "Critics of the intelligence law",
	    "Lawyers in France say the law goes too far.");
	assert_int_equal(store_item_put(fx->s, fid, &e, 1, NULL, &b, &eb), 0);
	assert_int_equal(store_related(fx->s, a, 10, &v, &n, &eb), 0);
	assert_int_equal(n, 1);
	assert_int_equal(v[0].id, b);
	store_items_free(v, n);
	/* words in more than a tenth of a big store are not distinctive */
	for (i = 0; i < 30; i++) {
		snprintf(id, sizeof id, "https://x.org/n%zu", i);
		snprintf(title, sizeof title, "2025 news roundup %zu", i);
		entry(&e, id, title, NULL);
		assert_int_equal(store_item_put(fx->s, fid, &e, 1, NULL, NULL,
		    &eb), 0);
	}
	entry(&e, "https://x.org/storm", "2025 news: storm floods harbour",
	    NULL);
	assert_int_equal(store_item_put(fx->s, fid, &e, 1, NULL, &c, &eb), 0);
	assert_int_equal(store_related(fx->s, c, 10, &v, &n, &eb), 0);
	assert_int_equal(n, 0);
	store_items_free(v, n);
	entry(&e, "https://x.org/storm2", "Harbour storm: the damage", NULL);
	assert_int_equal(store_item_put(fx->s, fid, &e, 1, NULL, &b, &eb), 0);
	assert_int_equal(store_related(fx->s, c, 10, &v, &n, &eb), 0);
	assert_int_equal(n, 1);
	assert_int_equal(v[0].id, b);
	store_items_free(v, n);
}

static void
test_store_open_when_reopened_keeps_data(void **state)
{
	struct store_fixture *fx = *state;
	struct feed_entry e;
	struct store_feed f;
	struct errbuf eb;
	int64_t	 fid;

	fid = one_feed(fx->s);
	assert_int_equal(store_begin(fx->s, &eb), 0);
	entry(&e, "https://x.org/1", "One", NULL);
	assert_int_equal(store_item_put(fx->s, fid, &e, 1, NULL, NULL, &eb), 0);
	assert_int_equal(store_feed_fetched(fx->s, fid, "Feed", "\"e1\"",
	    "Mon, 17 Feb 2025 17:11:00 GMT", 5, &eb), 0);
	assert_int_equal(store_commit(fx->s, &eb), 0);
	/* an uncommitted transaction is lost, the committed one kept */
	assert_int_equal(store_begin(fx->s, &eb), 0);
	entry(&e, "https://x.org/2", "Two", NULL);
	assert_int_equal(store_item_put(fx->s, fid, &e, 1, NULL, NULL, &eb), 0);
	store_close(fx->s);
	fx->s = store_open(fx->path, &eb);
	assert_non_null(fx->s);
	assert_int_equal(store_feed_get(fx->s, fid, &f, &eb), 0);
	assert_int_equal(f.total, 1);
	assert_string_equal(f.etag, "\"e1\"");
	assert_string_equal(f.title, "Feed");
	assert_int_equal(f.updated, 5);
	store_feed_release(&f);
	assert_int_equal(store_feed_get(fx->s, fid + 1, &f, &eb), 1);
}

static void
test_store_feed_validators_when_fetched_then_cleared(void **state)
{
	struct store_fixture *fx = *state;
	struct errbuf eb;
	char	*etag = NULL, *lm = NULL;
	int64_t	 fid;

	fid = one_feed(fx->s);
	assert_int_equal(store_feed_validators(fx->s, fid, &etag, &lm, &eb),
	    0);
	assert_null(etag);
	assert_null(lm);
	assert_int_equal(store_feed_fetched(fx->s, fid, "Feed", "\"e1\"",
	    "Mon, 17 Feb 2025 17:11:00 GMT", 5, &eb), 0);
	assert_int_equal(store_feed_validators(fx->s, fid, &etag, &lm, &eb),
	    0);
	assert_string_equal(etag, "\"e1\"");
	assert_string_equal(lm, "Mon, 17 Feb 2025 17:11:00 GMT");
	free(etag);
	free(lm);
	assert_int_equal(store_feed_fetched(fx->s, fid, NULL, NULL,
	    "Tue, 18 Feb 2025 08:00:00 GMT", 6, &eb), 0);
	assert_int_equal(store_feed_validators(fx->s, fid, &etag, &lm, &eb),
	    0);
	assert_null(etag);
	assert_string_equal(lm, "Tue, 18 Feb 2025 08:00:00 GMT");
	free(lm);
	etag = lm = NULL;
	assert_int_equal(store_feed_validators(fx->s, fid + 1, &etag, &lm,
	    &eb), 1);
	assert_null(etag);
	assert_null(lm);
}

static void
test_store_item_wants_page_when_failed_or_stored(void **state)
{
	struct store_fixture *fx = *state;
	struct feed_entry e;
	struct errbuf eb;
	int64_t	 fid, id1, id2;
	int	 i;

	fid = one_feed(fx->s);
	entry(&e, "https://x.org/1", "One", NULL);
	assert_int_equal(store_item_put(fx->s, fid, &e, 1, NULL, &id1, &eb),
	    0);
	entry(&e, "https://x.org/2", "Two", NULL);
	assert_int_equal(store_item_put(fx->s, fid, &e, 1, NULL, &id2, &eb),
	    0);
	assert_int_equal(store_item_wants_page(fx->s, id1, &eb), 1);
	for (i = 1; i < STORE_PAGE_TRIES_MAX; i++) {
		assert_int_equal(store_item_page_failed(fx->s, id1, &eb), 0);
		assert_int_equal(store_item_wants_page(fx->s, id1, &eb), 1);
	}
	assert_int_equal(store_item_page_failed(fx->s, id1, &eb), 0);
	assert_int_equal(store_item_wants_page(fx->s, id1, &eb), 0);
	assert_int_equal(store_story_save(fx->s, id2, "{}", "text", &eb), 0);
	assert_int_equal(store_item_wants_page(fx->s, id2, &eb), 0);
	assert_int_equal(store_item_wants_page(fx->s, id2 + 1, &eb), 0);
}

static void
test_store_open_when_not_a_database(void **state)
{
	struct errbuf eb;
	char	 dir[] = "/tmp/byline-store-XXXXXX", path[64];
	FILE	*fp;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/junk.db", dir);
	fp = fopen(path, "w");
	assert_non_null(fp);
	fputs("this is not a database, just some text long enough to be "
	    "read as a header by sqlite, surely more than 100 bytes of it "
	    "for the check to fire at all\n", fp);
	fclose(fp);
	assert_null(store_open(path, &eb));
	assert_non_null(strstr(eb.msg, "junk.db: file is not a database"));
	unlink(path);
	rmdir(dir);
}

/* Size of a file, 0 when absent. */
static long
file_size(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? (long)st.st_size : 0;
}

static void
test_store_checkpoint_when_log_big_enough_folds_it_in(void **state)
{
	struct store_fixture *fx = *state;
	struct feed_entry e;
	struct errbuf eb;
	char	 id[32];
	int64_t	 fid;
	long	 before;
	int	 i;

	fid = one_feed(fx->s);
	assert_int_equal(store_begin(fx->s, &eb), 0);
	for (i = 0; i < 200; i++) {
		snprintf(id, sizeof id, "https://x.org/%d", i);
		entry(&e, id, "A title of some length", "<p>a body</p>");
		assert_int_equal(store_item_put(fx->s, fid, &e, 1, NULL, NULL,
		    &eb), 0);
	}
	/* inside a transaction: nothing */
	assert_int_equal(store_checkpoint(fx->s, 1, &eb), 0);
	assert_int_equal(store_commit(fx->s, &eb), 0);
	before = file_size(fx->path);
	/* a log smaller than asked for is left alone */
	assert_int_equal(store_checkpoint(fx->s, STORE_WAL_CHECKPOINT_PAGES,
	    &eb), 0);
	assert_int_equal(file_size(fx->path), before);
	/* else its pages reach the database file */
	assert_int_equal(store_checkpoint(fx->s, 1, &eb), 0);
	assert_true(file_size(fx->path) > before);
}

static void
test_store_story_when_saved_then_loaded_and_kept_indexed(void **state)
{
	struct store_fixture *fx = *state;
	struct feed_entry e;
	struct store_item *v;
	struct store_item it;
	struct errbuf eb;
	int64_t	 fid, a;
	size_t	 n;
	char	*t;

	fid = one_feed(fx->s);
	entry(&e, "https://x.org/a", "Harbour news", "<p>feedword</p>");
	assert_int_equal(store_item_put(fx->s, fid, &e, 1, NULL, &a, &eb), 0);
	assert_int_equal(store_story_load(fx->s, a, &t, &eb), 0);
	assert_null(t);
	assert_int_equal(store_story_save(fx->s, a, "{\"v\":1}",
	    "Pagewordonly in the story", &eb), 0);
	assert_int_equal(store_story_load(fx->s, a, &t, &eb), 0);
	assert_string_equal(t, "{\"v\":1}");
	free(t);
	assert_int_equal(store_item_get(fx->s, a, &it, &eb), 0);
	assert_int_equal(it.has_story, 1);
	store_item_release(&it);
	/* the feed changes the entry: its saved text stays indexed, the
	 * old content leaves the index */
	entry(&e, "https://x.org/a", "Harbour news", "<p>otherword</p>");
	assert_int_equal(store_item_put(fx->s, fid, &e, 2, NULL, NULL, &eb),
	    0);
	assert_int_equal(store_search(fx->s, "pagewordonly", 10, &v, &n, &eb),
	    0);
	assert_int_equal(n, 1);
	store_items_free(v, n);
	assert_int_equal(store_search(fx->s, "feedword", 10, &v, &n, &eb), 0);
	assert_int_equal(n, 0);
	free(v);
	assert_int_equal(store_search(fx->s, "otherword", 10, &v, &n, &eb), 0);
	assert_int_equal(n, 1);
	store_items_free(v, n);
	/* no such item */
	assert_int_equal(store_story_save(fx->s, a + 100, "{}", "x", &eb), -1);
	assert_non_null(strstr(eb.msg, "no item"));
}

/* A store of schema 2 (before stories and the contentless index). */
static const char schema2[] =
	"CREATE TABLE feeds (id INTEGER PRIMARY KEY, url TEXT NOT NULL UNIQUE,"
	" title TEXT, custom_title TEXT, tags TEXT, etag TEXT,"
	" last_modified TEXT, error TEXT, updated INTEGER NOT NULL DEFAULT 0);"
	"CREATE TABLE items (id INTEGER PRIMARY KEY, feed_id INTEGER NOT NULL"
	" REFERENCES feeds(id) ON DELETE CASCADE, guid TEXT NOT NULL,"
	" title TEXT NOT NULL, link TEXT, author TEXT, content TEXT,"
	" content_type INTEGER NOT NULL DEFAULT 0, enclosure TEXT,"
	" categories TEXT, time INTEGER NOT NULL,"
	" read INTEGER NOT NULL DEFAULT 0, starred INTEGER NOT NULL DEFAULT 0,"
	" text TEXT, UNIQUE (feed_id, guid));"
	"CREATE INDEX items_feed_time ON items (feed_id, time DESC);"
	"CREATE INDEX items_time ON items (time DESC);"
	"CREATE VIRTUAL TABLE items_fts USING fts5 (title, body,"
	" tokenize = 'unicode61 remove_diacritics 2');"
	"CREATE TRIGGER items_delete AFTER DELETE ON items BEGIN"
	" DELETE FROM items_fts WHERE rowid = old.id; END;"
	"CREATE INDEX items_feed_read ON items (feed_id, read);"
	"INSERT INTO feeds (url) VALUES ('https://x.org/f');"
	"INSERT INTO items (feed_id, guid, title, content, content_type, time,"
	" text) VALUES (1, 'g1', 'Old title', '<b>contentword</b>', 2, 1,"
	" 'savedword text');"
	"INSERT INTO items_fts (rowid, title, body) VALUES (1, 'Old title',"
	" 'contentword savedword text');"
	"PRAGMA user_version = 2;";

static void
test_store_open_when_schema_2_migrates_and_reindexes(void **state)
{
	struct store_fixture *fx = *state;
	struct store_item *v;
	struct feed_entry e;
	struct errbuf eb;
	sqlite3	*db;
	size_t	 n;
	int64_t	 id;

	store_close(fx->s);
	unlink(fx->path);
	assert_int_equal(sqlite3_open_v2(fx->path, &db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, schema2, NULL, NULL, NULL),
	    SQLITE_OK);
	sqlite3_close(db);
	fx->s = store_open(fx->path, &eb);
	assert_non_null(fx->s);
	assert_int_equal(store_search(fx->s, "savedword", 10, &v, &n, &eb), 0);
	assert_int_equal(n, 1);
	store_items_free(v, n);
	assert_int_equal(store_search(fx->s, "contentword", 10, &v, &n, &eb),
	    0);
	assert_int_equal(n, 1);
	store_items_free(v, n);
	/* the migrated entry can be replaced exactly */
	entry(&e, "g1", "New title", "<b>freshword</b>");
	assert_int_equal(store_feed_ensure(fx->s, "https://x.org/f", NULL,
	    NULL, &id, &eb), 0);
	assert_int_equal(store_item_put(fx->s, id, &e, 2, NULL, NULL, &eb), 0);
	assert_int_equal(store_search(fx->s, "contentword", 10, &v, &n, &eb),
	    0);
	assert_int_equal(n, 0);
	free(v);
	assert_int_equal(store_search(fx->s, "freshword savedword", 10, &v, &n,
	    &eb), 0);
	assert_int_equal(n, 1);
	/* schema 4: no fetch of its page has failed yet */
	assert_int_equal(store_item_wants_page(fx->s, v[0].id, &eb), 1);
	store_items_free(v, n);
}

/* PRAGMA name of the closed store at path, read with SQLite itself */
static int
pragma_int(const char *path, const char *name)
{
	sqlite3	*db;
	sqlite3_stmt *st;
	char	 q[64];
	int	 v;

	snprintf(q, sizeof q, "PRAGMA %s", name);
	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY,
	    NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, q, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

/* An existing store is only read when opened: its log stays empty, so
 * a reload writes (and waits for the disk) only when a feed changed. */
static void
test_store_open_when_existing_writes_nothing(void **state)
{
	struct store_fixture *fx = *state;
	struct errbuf eb;
	char	 wal[sizeof fx->path + 4];

	(void)one_feed(fx->s);
	store_close(fx->s);
	snprintf(wal, sizeof wal, "%s-wal", fx->path);
	fx->s = store_open(fx->path, &eb);
	assert_non_null(fx->s);
	assert_int_equal(file_size(wal), 0);
	/* and the store keeps giving back free pages */
	store_close(fx->s);
	fx->s = NULL;
	assert_int_equal(pragma_int(fx->path, "auto_vacuum"), 2);
	fx->s = store_open(fx->path, &eb);
	assert_non_null(fx->s);
}

/* A writer that leaves its log at close (--reload) loses nothing: the
 * items are read through the log, and store_fold_log() folds it in and
 * cuts it to nothing; a connection with nothing of its own in the log
 * removes it at close. */
static void
test_store_leave_log_when_closed_then_folded(void **state)
{
	struct store_fixture *fx = *state;
	struct feed_entry e;
	struct store_feed f;
	struct errbuf eb;
	char	 wal[sizeof fx->path + 4], id[32];
	int64_t	 fid;
	long	 db_before;
	int	 i;

	fid = one_feed(fx->s);
	store_leave_log(fx->s);
	assert_int_equal(store_begin(fx->s, &eb), 0);
	for (i = 0; i < 300; i++) {
		snprintf(id, sizeof id, "https://x.org/%d", i);
		entry(&e, id, "A title of some length", "<p>a body</p>");
		assert_int_equal(store_item_put(fx->s, fid, &e, 1, NULL, NULL,
		    &eb), 0);
	}
	assert_int_equal(store_commit(fx->s, &eb), 0);
	store_close(fx->s);
	fx->s = NULL;
	snprintf(wal, sizeof wal, "%s-wal", fx->path);
	assert_true(file_size(wal) > 0);
	db_before = file_size(fx->path);

	fx->s = store_open(fx->path, &eb);
	assert_non_null(fx->s);
	assert_true(store_log_pages(fx->s) > 0);
	assert_int_equal(store_feed_get(fx->s, fid, &f, &eb), 0);
	assert_int_equal(f.total, 300);
	store_feed_release(&f);
	assert_int_equal(store_fold_log(fx->path, &eb), 0);
	assert_true(file_size(fx->path) > db_before);
	assert_int_equal(file_size(wal), 0);
	assert_int_equal(store_log_pages(fx->s), 0);
	/* nothing of its own in the log: the close removes it */
	store_leave_log(fx->s);
	store_close(fx->s);
	fx->s = NULL;
	assert_int_equal(access(wal, F_OK), -1);
	fx->s = store_open(fx->path, &eb);
	assert_non_null(fx->s);
	assert_int_equal(store_feed_get(fx->s, fid, &f, &eb), 0);
	assert_int_equal(f.total, 300);
	store_feed_release(&f);
}

static void
test_store_close_when_merges_freed_pages_gives_them_back(void **state)
{
	struct store_fixture *fx = *state;
	struct feed_entry e;
	struct store_feed f;
	struct errbuf eb;
	sqlite3	*db;
	char	 id[32], body[2048];
	size_t	 n;
	int64_t	 fid;
	int	 i, k;

	fid = one_feed(fx->s);
	/* a transaction per feed, as --reload commits: each one adds an
	 * FTS5 segment, and the merges of segments free their pages */
	for (i = 0; i < 400; i++) {
		assert_int_equal(store_begin(fx->s, &eb), 0);
		for (k = 0; k < 10; k++) {
			snprintf(id, sizeof id, "https://x.org/%d/%d", i, k);
			n = 0;
			body[0] = '\0';
			while (n + 40 < sizeof body)
				n += (size_t)snprintf(body + n, sizeof body -
				    n, "<p>word%d term%d w%d</p> ", i * 10 + k,
				    (int)n, i);
			entry(&e, id, "A title of some length", body);
			assert_int_equal(store_item_put(fx->s, fid, &e, 1,
			    NULL, NULL, &eb), 0);
		}
		assert_int_equal(store_commit(fx->s, &eb), 0);
	}
	store_close(fx->s);
	fx->s = NULL;
	/* one merge of all the segments into one frees the pages of all
	 * the others, as FTS5's automatic merges do by steps */
	assert_int_equal(sqlite3_open_v2(fx->path, &db, SQLITE_OPEN_READWRITE,
	    NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "INSERT INTO items_fts (items_fts) "
	    "VALUES ('optimize')", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_true(pragma_int(fx->path, "freelist_count") >
	    STORE_FREE_PAGES_KEEP);
	fx->s = store_open(fx->path, &eb);
	assert_non_null(fx->s);
	store_close(fx->s);
	fx->s = NULL;
	assert_int_equal(pragma_int(fx->path, "auto_vacuum"), 2);
	assert_true(pragma_int(fx->path, "freelist_count") <=
	    STORE_FREE_PAGES_KEEP);
	/* and it opens again, with its items */
	fx->s = store_open(fx->path, &eb);
	assert_non_null(fx->s);
	assert_int_equal(store_feed_get(fx->s, fid, &f, &eb), 0);
	assert_int_equal(f.total, 4000);
	store_feed_release(&f);
}

/* store_cache_limit() sets the connection's page cache in KiB. */
static void
test_store_cache_limit_sets_the_connection_cache(void **state)
{
	struct store_fixture *fx = *state;
	struct errbuf eb;
	sqlite3_stmt *st;

	assert_int_equal(store_cache_limit(fx->s, 1024, &eb), 0);
	assert_int_equal(sqlite3_prepare_v2(fx->s->db, "PRAGMA cache_size",
	    -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(st, 0), -1024);
	sqlite3_finalize(st);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
		    test_store_cache_limit_sets_the_connection_cache,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_store_item_put_when_same_id_updates_in_place,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_store_feeds_counts_when_read_and_starred,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_store_text_when_saved_then_searched_and_related,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_store_related_when_below_threshold,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_store_open_when_reopened_keeps_data,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_store_open_when_existing_writes_nothing,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_store_checkpoint_when_log_big_enough_folds_it_in,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_store_feed_validators_when_fetched_then_cleared,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_store_item_wants_page_when_failed_or_stored,
		    setup, teardown),
		cmocka_unit_test(test_store_open_when_not_a_database),
		cmocka_unit_test_setup_teardown(
		    test_store_story_when_saved_then_loaded_and_kept_indexed,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_store_open_when_schema_2_migrates_and_reindexes,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_store_leave_log_when_closed_then_folded,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_store_close_when_merges_freed_pages_gives_them_back,
		    setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
