/*
 * store_text: an item's saved page text and story, kept with its index
 * entry, read back, and the export of items with them.
 * Part of the store module: see store.h for the contract, store.c
 * for the schema.
 */
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "store.h"
#include "store_int.h"

static int	 load_col(struct store *, enum stmt_id, int64_t, char **,
		    struct errbuf *);

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
	if ((rc = st_fts_old(s, item_id, &old, eb)) != 0) {
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
	if (st_step_done(s, st, eb) == -1)
		goto fail;
	ov = st_row_of(&old);
	nr = ov;
	nr.text = text;
	if (st_fts_put(s, S_FTS_DELETE, item_id, &ov, eb) == -1 ||
	    st_fts_put(s, S_FTS_INSERT, item_id, &nr, eb) == -1)
		goto fail;
	if (own && store_commit(s, eb) == -1)
		goto fail;
	st_fts_saved_release(&old);
	return 0;
fail:
	st_fts_saved_release(&old);
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
		rc = st_col_dup(st, 0, out);
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
		if (st_read_item(st, &r.item) == -1 ||
		    st_col_dup(st, 15, &r.feed_url) == -1 ||
		    st_col_dup(st, 16, &r.item.content) == -1 ||
		    st_col_dup(st, 18, &r.story) == -1) {
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
