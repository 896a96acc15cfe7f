/*
 * store_query: the store's searches.  Full-text search, the "related"
 * items of one item, and the items a filter expression selects (filter.h
 * compiles it to SQL with bound values; its regexp() is store.c's).
 * See store.h for the contract.
 */
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "filter.h"
#include "store.h"
#include "store_int.h"

/* Words shorter than this do not make a "related" query: they are mostly
 * articles and prepositions in the languages of the feeds. */
#define RELATED_WORD_MIN	4
/* Title words used for "related": enough to find the topic. */
#define RELATED_WORDS_MAX	12
/*
 * The threshold of "related": another item must share at least two of
 * the title's distinctive words (in its title or text).  A word is
 * distinctive when some other item has it and at most one item in
 * RELATED_DF_DIVISOR has it, or RELATED_DF_FLOOR items in a small store
 * ("2025", "says", "news" in a store of thousands are not).  One shared
 * word gave a 404 page and unrelated stories five "related" posts; no
 * item passing gives none rather than unrelated ones.
 */
#define RELATED_DF_DIVISOR	10
#define RELATED_DF_FLOOR	10

static char	*words_query(const char *, const char *, size_t, size_t);

/*
 * An FTS5 query from the words of text: each word quoted (so nothing
 * typed is FTS5 syntax), joined by op, words shorter than minlen
 * (in bytes) left out, at most RELATED_WORDS_MAX for " OR ".
 * Caller frees; NULL when no word qualifies or memory runs out.
 */
static char *
words_query(const char *text, const char *op, size_t minlen, size_t maxwords)
{
	struct buf b;
	const char *p, *q;
	size_t	 nw = 0;
	uint32_t cp;
	size_t	 l;

	buf_init(&b, CONF_LINE_MAX_BYTES);
	for (p = text; *p != '\0' && nw < maxwords; p = q) {
		/* a word: letters and digits of any script */
		for (q = p; *q != '\0'; q += l) {
			l = utf8_decode(q, strlen(q), &cp);
			if (cp < 0x80 && !ascii_isalpha((int)cp) &&
			    !ascii_isdigit((int)cp))
				break;
		}
		if (q == p) {
			q++;
			continue;
		}
		if ((size_t)(q - p) < minlen)
			continue;
		if ((nw > 0 && buf_puts(&b, op) != BUF_OK) ||
		    buf_putc(&b, '"') != BUF_OK ||
		    buf_append(&b, p, (size_t)(q - p)) != BUF_OK ||
		    buf_putc(&b, '"') != BUF_OK)
			break;
		nw++;
	}
	if (nw == 0) {
		buf_release(&b);
		return NULL;
	}
	return buf_take(&b);
}

int
store_search(struct store *s, const char *query, size_t max,
    struct store_item **out, size_t *n, struct errbuf *eb)
{
	sqlite3_stmt *st;
	char	*q;
	int	 rc;

	if ((q = words_query(query, " AND ", 1, CONF_TAGS_MAX)) == NULL) {
		*out = NULL;
		*n = 0;
		return 0;
	}
	if ((st = st_stmt(s, S_SEARCH, eb)) == NULL) {
		free(q);
		return -1;
	}
	st_bind_text(st, 1, q);
	sqlite3_bind_int64(st, 2, max == 0 || max > INT64_MAX ? -1 :
	    (sqlite3_int64)max);
	rc = st_read_items(s, st, out, n, eb);
	free(q);
	return rc;
}

/* The count a one-column statement gives; -1 on error. */
static int64_t
count_of(struct store *s, enum stmt_id id, const char *arg, struct errbuf *eb)
{
	sqlite3_stmt *st;
	int64_t	 n = -1;

	if ((st = st_stmt(s, id, eb)) == NULL)
		return -1;
	if (arg != NULL)
		st_bind_text(st, 1, arg);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	else
		st_fail(s, eb);
	sqlite3_reset(st);
	return n;
}

/*
 * The FTS5 query of "related" for a title: any two of its distinctive
 * words (see RELATED_DF_DIVISOR), as ("a" AND "b") OR ("a" AND "c") ...
 * *q is NULL when fewer than two qualify.  Caller frees *q.
 */
static int
related_query(struct store *s, const char *title, char **q,
    struct errbuf *eb)
{
	struct buf b;
	char	*words, *w[RELATED_WORDS_MAX], *p, *nl;
	size_t	 nw = 0, i, j;
	int64_t	 total, df, cap;
	int	 rc = -1;

	*q = NULL;
	if ((words = words_query(title, "\n", RELATED_WORD_MIN,
	    RELATED_WORDS_MAX)) == NULL)
		return 0;
	if ((total = count_of(s, S_ITEM_COUNT, NULL, eb)) == -1)
		goto out;
	cap = total / RELATED_DF_DIVISOR > RELATED_DF_FLOOR ?
	    total / RELATED_DF_DIVISOR : RELATED_DF_FLOOR;
	for (p = words; p != NULL && nw < RELATED_WORDS_MAX; p = nl) {
		if ((nl = strchr(p, '\n')) != NULL)
			*nl++ = '\0';
		for (i = 0; i < nw && ascii_casecmp(w[i], p) != 0; i++)
			;
		if (i < nw)
			continue;
		if ((df = count_of(s, S_WORD_DF, p, eb)) == -1)
			goto out;
		if (df >= 2 && df <= cap)
			w[nw++] = p;
	}
	rc = 0;
	if (nw < 2)
		goto out;
	buf_init(&b, CONF_LINE_MAX_BYTES);
	for (i = 0; i < nw; i++)
		for (j = i + 1; j < nw; j++)
			if (buf_printf(&b, "%s(%s AND %s)", b.len > 0 ?
			    " OR " : "", w[i], w[j]) != BUF_OK) {
				buf_release(&b);
				errbuf_set(eb, "%s: out of memory", s->path);
				rc = -1;
				goto out;
			}
	if ((*q = buf_take(&b)) == NULL) {
		errbuf_set(eb, "%s: out of memory", s->path);
		rc = -1;
	}
out:
	free(words);
	return rc;
}

int
store_related(struct store *s, int64_t item_id, size_t max,
    struct store_item **out, size_t *n, struct errbuf *eb)
{
	struct store_item it;
	sqlite3_stmt *st;
	char	*q;
	int	 rc;

	*out = NULL;
	*n = 0;
	if ((rc = store_item_get(s, item_id, &it, eb)) != 0)
		return rc == 1 ? 0 : -1;
	if ((rc = related_query(s, it.title, &q, eb)) == -1 || q == NULL) {
		store_item_release(&it);
		return rc;
	}
	if ((st = st_stmt(s, S_RELATED, eb)) == NULL) {
		free(q);
		store_item_release(&it);
		return -1;
	}
	st_bind_text(st, 1, q);
	sqlite3_bind_int64(st, 2, item_id);
	st_bind_text(st, 3, it.link);
	sqlite3_bind_int64(st, 4, max == 0 || max > INT64_MAX ? -1 :
	    (sqlite3_int64)max);
	rc = st_read_items(s, st, out, n, eb);
	free(q);
	store_item_release(&it);
	return rc;
}

/* Prepares "SELECT cols FROM items i, feeds f WHERE [feed and] filter
 * tail" with the feed and the filter's values bound; *k is the next "?"
 * to bind.  NULL on error. */
static sqlite3_stmt *
filter_prepare(struct store *s, const char *cols, const struct filter *f,
    int64_t feed_id, const char *tail, int *k, struct errbuf *eb)
{
	sqlite3_stmt *st;
	struct buf q;
	size_t	 i;
	int	 rc;

	/* Constant text and filter.c's own: every value is bound. */
	buf_init(&q, 3 * FILTER_SQL_MAX_BYTES);
	/* CROSS JOIN keeps items the outer loop: read in time order by
	 * an index, a LIMIT stops the scan early. */
	if (buf_printf(&q, "SELECT %s FROM items i CROSS JOIN feeds f ON "
	    "f.id = i.feed_id WHERE %s%s%s", cols, feed_id != 0 ?
	    "i.feed_id = ? AND " : "", f->sql, tail) != BUF_OK) {
		buf_release(&q);
		errbuf_set(eb, "%s: filter too long", s->path);
		return NULL;
	}
	rc = sqlite3_prepare_v2(s->db, q.data, -1, &st, NULL);
	buf_release(&q);
	if (rc != SQLITE_OK) {
		(void)st_fail(s, eb);
		return NULL;
	}
	*k = 1;
	if (feed_id != 0)
		sqlite3_bind_int64(st, (*k)++, feed_id);
	for (i = 0; i < f->nv; i++, (*k)++)
		if (f->v[i].text != NULL)
			st_bind_text(st, *k, f->v[i].text);
		else
			sqlite3_bind_int64(st, *k, f->v[i].num);
	return st;
}

int
store_items_filter(struct store *s, const struct filter *f, int64_t feed_id,
    size_t max, struct store_item **out, size_t *n, struct errbuf *eb)
{
	sqlite3_stmt *st;
	int	 k, rc;

	if ((st = filter_prepare(s, ITEM_COLS, f, feed_id,
	    " ORDER BY i.time DESC, i.id DESC LIMIT ?", &k, eb)) == NULL)
		return -1;
	sqlite3_bind_int64(st, k, max == 0 || max > INT64_MAX ? -1 :
	    (sqlite3_int64)max);
	rc = st_read_items(s, st, out, n, eb);
	sqlite3_finalize(st);
	return rc;
}

int
store_count_filter(struct store *s, const struct filter *f,
    int64_t feed_id, int64_t *unread, int64_t *total, struct errbuf *eb)
{
	sqlite3_stmt *st;
	int	 k, rc;

	if ((st = filter_prepare(s, "count(*), coalesce(sum(i.read = 0), 0)",
	    f, feed_id, "", &k, eb)) == NULL)
		return -1;
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return st_fail(s, eb);
	}
	*total = sqlite3_column_int64(st, 0);
	*unread = sqlite3_column_int64(st, 1);
	sqlite3_finalize(st);
	return 0;
}
