/*
 * store_fts: the full-text index (items_fts, contentless FTS5): an
 * item's entry made from its title, content without markup and saved
 * text, removed with the values it was made from, and rebuilt whole
 * (migration 2 -> 3).
 * Part of the store module: see store.h for the contract, store.c
 * for the schema.
 */
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "store.h"
#include "store_int.h"

static int	 strip_markup(struct buf *, const char *);
static int	 fts_body(struct buf *, const struct fts_row *);

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
int
st_fts_put(struct store *s, enum stmt_id which, int64_t id,
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
	rc = st_step_borrowed(s, st, eb);
	buf_release(&body);
	return rc;
}

/* The indexed values of item id as they are now.  Returns 0, 1 when no
 * such item, -1 on error. */
int
st_fts_old(struct store *s, int64_t id, struct fts_saved *r, struct errbuf *eb)
{
	sqlite3_stmt *st;
	int	 rc;

	memset(r, 0, sizeof *r);
	if ((st = st_stmt(s, S_ITEM_OLD, eb)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = st_step_row(s, st, eb)) != 0)
		return rc;
	r->type = (enum feed_content_type)sqlite3_column_int(st, 2);
	if (st_col_dup(st, 0, &r->title) == -1 ||
	    st_col_dup(st, 1, &r->content) == -1 ||
	    st_col_dup(st, 3, &r->text) == -1) {
		sqlite3_reset(st);
		st_fts_saved_release(r);
		errbuf_set(eb, "%s: out of memory", s->path);
		return -1;
	}
	sqlite3_reset(st);
	return 0;
}

struct fts_row
st_row_of(const struct fts_saved *f)
{
	struct fts_row r;

	r.title = f->title;
	r.content = f->content;
	r.text = f->text;
	r.type = f->type;
	return r;
}

void
st_fts_saved_release(struct fts_saved *r)
{
	free(r->title);
	free(r->content);
	free(r->text);
	memset(r, 0, sizeof *r);
}

/* Migration 2 -> 3: indexes every item in the new contentless table. */
int
st_reindex(struct store *s, struct errbuf *eb)
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
		if (st_col_dup(st, 1, &r.title) == -1 ||
		    st_col_dup(st, 2, &r.content) == -1 ||
		    st_col_dup(st, 4, &r.text) == -1) {
			st_fts_saved_release(&r);
			sqlite3_finalize(st);
			errbuf_set(eb, "%s: out of memory", s->path);
			return -1;
		}
		v = st_row_of(&r);
		rc = st_fts_put(s, S_FTS_INSERT, sqlite3_column_int64(st, 0),
		    &v, eb);
		st_fts_saved_release(&r);
		if (rc == -1) {
			sqlite3_finalize(st);
			return -1;
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : st_fail(s, eb);
}
