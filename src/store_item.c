/*
 * store_item: the items table: entries stored from a feed, read back,
 * and their read, starred and page-fetch flags.
 * Part of the store module: see store.h for the contract, store.c
 * for the schema.
 */
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "store.h"
#include "store_int.h"

static int	 fresh_feed(struct store *, int64_t, struct errbuf *);
static void	 bind_item(sqlite3_stmt *, int64_t, const char *,
		    const struct feed_entry *, time_t, int);

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
		if (st_step_borrowed(s, st, eb) == -1)
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
	if (found && st_fts_old(s, id, &old, eb) == -1)
		return -1;

	if ((st = st_stmt(s, found ? S_ITEM_UPDATE : S_ITEM_INSERT,
	    eb)) == NULL)
		return -1;
	bind_item(st, found ? id : feed_id, guid, e, now, found);
	if (st_step_borrowed(s, st, eb) == -1) {
		st_fts_saved_release(&old);
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
	ov = st_row_of(&old);
	rc = 0;
	if (changed && ((found && st_fts_put(s, S_FTS_DELETE, id, &ov, eb) ==
	    -1) || st_fts_put(s, S_FTS_INSERT, id, &nr, eb) == -1))
		rc = -1;
	st_fts_saved_release(&old);
	if (rc == -1)
		return -1;
	if (is_new != NULL)
		*is_new = !found;
	if (item_id != NULL)
		*item_id = id;
	return 0;
}

int
st_read_item(sqlite3_stmt *st, struct store_item *it)
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
	if (st_col_dup(st, 2, &it->guid) == -1 ||
	    st_col_dup(st, 3, &it->title) == -1 ||
	    st_col_dup(st, 4, &it->link) == -1 ||
	    st_col_dup(st, 5, &it->author) == -1 ||
	    st_col_dup(st, 6, &it->content) == -1 ||
	    st_col_dup(st, 8, &it->enclosure) == -1 ||
	    st_col_dup(st, 9, &it->categories) == -1) {
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
		if (st_read_item(st, &v[cnt]) == -1)
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
	if ((rc = st_step_row(s, st, eb)) != 0)
		return rc;
	rc = st_read_item(st, it);
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
	return st_step_done(s, st, eb);
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
	return st_exec1(s, S_ITEM_PAGE_FAILED, id, eb);
}

int
store_item_set_starred(struct store *s, int64_t id, int starred,
    struct errbuf *eb)
{
	return set_flag(s, S_ITEM_STAR, id, starred, eb);
}
