/*
 * store_feed: the feeds table: a feed's row made or found, read, and
 * updated after a fetch.
 * Part of the store module: see store.h for the contract, store.c
 * for the schema.
 */
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "store.h"
#include "store_int.h"

static int	 read_feed(sqlite3_stmt *, struct store_feed *);
static int	 set_text(struct store *, enum stmt_id, int64_t, const char *,
		    struct errbuf *);

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
	if (st_step_done(s, st, eb) == -1)
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
	if (st_col_dup(st, 1, &f->url) == -1 ||
	    st_col_dup(st, 2, &f->title) == -1 ||
	    st_col_dup(st, 3, &f->custom_title) == -1 ||
	    st_col_dup(st, 4, &f->tags) == -1 ||
	    st_col_dup(st, 5, &f->etag) == -1 ||
	    st_col_dup(st, 6, &f->last_modified) == -1 ||
	    st_col_dup(st, 7, &f->error) == -1) {
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
	if ((rc = st_step_row(s, st, eb)) != 0)
		return rc;
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
	if ((rc = st_step_row(s, st, eb)) != 0)
		return rc;
	if (st_col_dup(st, 0, &e) == -1 || st_col_dup(st, 1, &m) == -1) {
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
	return st_step_done(s, st, eb);
}

/* Runs an UPDATE of one text column (?2, NULL when v is) of feed id
 * (?1): S_FEED_FAILED or S_FEED_URL. */
static int
set_text(struct store *s, enum stmt_id which, int64_t id, const char *v,
    struct errbuf *eb)
{
	sqlite3_stmt *st;

	if ((st = st_stmt(s, which, eb)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	st_bind_text(st, 2, v);
	return st_step_done(s, st, eb);
}

int
store_feed_failed(struct store *s, int64_t id, const char *msg,
    struct errbuf *eb)
{
	return set_text(s, S_FEED_FAILED, id, msg, eb);
}

int
store_feed_set_url(struct store *s, int64_t id, const char *url,
    struct errbuf *eb)
{
	return set_text(s, S_FEED_URL, id, url, eb);
}

int
store_feed_mark_read(struct store *s, int64_t feed_id, struct errbuf *eb)
{
	if (feed_id == 0)
		return st_exec1(s, S_ALL_READ, 0, eb);
	return st_exec1(s, S_FEED_READ, feed_id, eb);
}
