/*
 * ui_headlines: a list of articles: a feed's items, all feeds' search
 * results, or the saved pages of a directory.  Each line: number, marks
 * (N unread, * starred, o whole story stored for offline reading),
 * date, title and source, as newsboat's.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "curses_lazy.h"

#include "extract.h"
#include "ui.h"

/* Date column: "YYYY-MM-DD". */
#define DAY_BYTES	11
/* Columns around the source: "  (" and ")". */
#define SOURCE_FRAME	4

void
ui_items_clear(struct ui *u)
{
	size_t	 i;

	for (i = 0; i < u->nitems; i++) {
		free(u->items[i].title);
		free(u->items[i].source);
		free(u->items[i].link);
		free(u->items[i].path);
	}
	free(u->items);
	free(u->items_title);
	u->items = NULL;
	u->items_title = NULL;
	u->nitems = u->item_cur = u->item_top = 0;
}

static const char *
feed_title(const struct ui *u, int64_t id)
{
	size_t	 i;

	for (i = 0; i < u->nfeeds; i++)
		if (u->feeds[i].id == id)
			return u->feeds[i].title;
	return NULL;
}

/* Replaces the list with store items (taken over: freed here). */
static int
take_items(struct ui *u, struct store_item *si, size_t n, const char *title)
{
	struct ui_item *it;
	size_t	 i;

	it = n > 0 ? calloc(n, sizeof *it) : NULL;
	if (n > 0 && it == NULL) {
		store_items_free(si, n);
		ui_message(u, 1, "out of memory");
		return -1;
	}
	for (i = 0; i < n; i++) {
		const char *src = feed_title(u, si[i].feed_id);

		it[i].id = si[i].id;
		it[i].feed_id = si[i].feed_id;
		it[i].title = si[i].title;
		si[i].title = NULL;
		it[i].link = si[i].link;
		si[i].link = NULL;
		it[i].source = src != NULL ? strdup(src) : NULL;
		it[i].time = si[i].time;
		it[i].read = si[i].read;
		it[i].starred = si[i].starred;
		it[i].stored = si[i].has_story;
	}
	store_items_free(si, n);
	ui_items_clear(u);
	u->items = it;
	u->nitems = n;
	u->items_title = strdup(title != NULL ? title : "");
	return 0;
}

int
ui_headlines_load(struct ui *u, int64_t feed_id, const char *title)
{
	struct store_item *si = NULL;
	struct errbuf eb;
	size_t	 n = 0, cur = u->item_cur, top = u->item_top;
	int	 same = u->items_feed == feed_id && !u->items_search;

	if (u->store == NULL)
		return -1;
	if (store_items(u->store, feed_id, 0, 0, &si, &n, &eb) == -1) {
		ui_message(u, 1, "%s", eb.msg);
		return -1;
	}
	if (take_items(u, si, n, title) == -1)
		return -1;
	u->items_feed = feed_id;
	u->items_search = 0;
	if (same && cur < n) {
		u->item_cur = cur;
		u->item_top = top;
	}
	return 0;
}

int
ui_headlines_search(struct ui *u, const char *query)
{
	struct store_item *si = NULL;
	struct errbuf eb;
	struct buf t;
	size_t	 n = 0, i, k;
	int	 rc;

	if (u->store == NULL) {
		ui_message(u, 1, "search needs the feeds' store");
		return -1;
	}
	if (store_search(u->store, query, UI_SEARCH_MAX, &si, &n, &eb) == -1) {
		ui_message(u, 1, "%s", eb.msg);
		return -1;
	}
	/* Within a feed, a search keeps to that feed. */
	if (u->screen == UI_HEADLINES && u->items_feed != 0 &&
	    !u->items_search) {
		for (i = 0, k = 0; i < n; i++) {
			if (si[i].feed_id == u->items_feed)
				si[k++] = si[i];
			else
				store_item_release(&si[i]);
		}
		n = k;
	}
	buf_init(&t, LAYOUT_LINE_MAX_BYTES);
	if (buf_printf(&t, "Search results for \"%s\" (%zu)", query, n) !=
	    BUF_OK)
		buf_reset(&t);
	rc = take_items(u, si, n, t.data);
	buf_release(&t);
	if (rc == 0) {
		u->items_search = 1;
		if (n == 0)
			ui_message(u, 0, "nothing found for \"%s\"", query);
	}
	return rc;
}

static int
cmp_time_desc(const void *x, const void *y)
{
	const struct ui_item *a = x, *b = y;

	if (a->time != b->time)
		return a->time < b->time ? 1 : -1;
	return strcmp(a->title, b->title);
}

int
ui_headlines_dir(struct ui *u, const char *dir, struct errbuf *eb)
{
	DIR	*d;
	struct dirent *de;
	struct ui_item *it = NULL;
	size_t	 n = 0, cap = 0;
	struct buf path;

	if ((d = opendir(dir)) == NULL) {
		errbuf_set(eb, "%s: cannot open directory", dir);
		return -1;
	}
	buf_init(&path, URL_MAX_BYTES);
	while ((de = readdir(d)) != NULL && n < UI_DIR_FILES_MAX) {
		struct article *a = NULL;
		struct stat st;
		struct errbuf ign;

		if (de->d_name[0] == '.')
			continue;
		buf_reset(&path);
		if (buf_printf(&path, "%s/%s", dir, de->d_name) != BUF_OK ||
		    stat(path.data, &st) == -1 || !S_ISREG(st.st_mode))
			continue;
		/* Only what the extractor makes an article of is listed. */
		if (ui_article_load_file(path.data, NULL, &a, &ign) == -1)
			continue;
		if (n == cap) {
			size_t ncap = cap ? cap * 2 : 32;
			struct ui_item *p = reallocarray(it, ncap, sizeof *p);

			if (p == NULL) {
				article_free(a);
				break;
			}
			it = p;
			cap = ncap;
		}
		memset(&it[n], 0, sizeof it[n]);
		it[n].title = strdup(a->title != NULL ? a->title :
		    de->d_name);
		it[n].source = a->site != NULL ? strdup(a->site) :
		    strdup(de->d_name);
		it[n].link = a->url != NULL ? strdup(a->url) : NULL;
		it[n].path = buf_take(&path);
		it[n].time = a->date_prec != DATE_NONE ? a->date : st.st_mtime;
		article_free(a);
		if (it[n].title == NULL || it[n].path == NULL) {
			free(it[n].title);
			free(it[n].source);
			free(it[n].link);
			free(it[n].path);
			break;
		}
		n++;
	}
	closedir(d);
	buf_release(&path);
	if (n == 0) {
		free(it);
		errbuf_set(eb, "%s: no saved pages or text copies in it", dir);
		return -1;
	}
	qsort(it, n, sizeof *it, cmp_time_desc);
	ui_items_clear(u);
	u->items = it;
	u->nitems = n;
	u->items_title = strdup(dir);
	u->items_only = 1;
	return 0;
}

void
ui_headlines_draw(struct ui *u)
{
	struct buf b, st;
	size_t	 i, h = (size_t)ui_body_lines(), unread = 0;
	char	 day[DAY_BYTES];
	struct tm tm;

	buf_init(&b, LAYOUT_LINE_MAX_BYTES);
	buf_init(&st, LAYOUT_LINE_MAX_BYTES);
	if (u->item_cur >= u->item_top + h)
		u->item_top = u->item_cur - h + 1;
	if (u->item_cur < u->item_top)
		u->item_top = u->item_cur;
	for (i = 0; i < u->nitems; i++)
		unread += !u->items[i].read;
	for (i = u->item_top; i < u->nitems && i < u->item_top + h; i++) {
		const struct ui_item *it = &u->items[i];
		int	 attr = i == u->item_cur ? ui_attr(u, UI_ROLE_SELECTED) :
		    !it->read ? ui_attr(u, UI_ROLE_UNREAD) : (int)A_NORMAL;
		size_t	 w, src, room;

		day[0] = '\0';
		if (it->time != 0 && gmtime_r(&it->time, &tm) != NULL)
			strftime(day, sizeof day, "%Y-%m-%d", &tm);
		buf_reset(&b);
		if (buf_printf(&b, "%4zu %c%c%c %-10s  ", i + 1,
		    it->read ? ' ' : 'N', it->starred ? '*' : ' ',
		    it->stored ? 'o' : ' ', day) != BUF_OK)
			continue;
		w = utf8_width(b.data, b.len);
		/* The source, as "  (source)", takes at most a quarter of
		 * the line. */
		src = it->source != NULL ? utf8_width(it->source,
		    strlen(it->source)) + SOURCE_FRAME : 0;
		if (src > (size_t)COLS / 4)
			src = (size_t)COLS / 4;
		room = (size_t)COLS > w + src ? (size_t)COLS - w - src : 1;
		if (layout_fit(&b, it->title, room, 1) == (size_t)-1)
			continue;
		if (it->source != NULL && src > SOURCE_FRAME) {
			if (buf_puts(&b, "  (") != BUF_OK ||
			    layout_fit(&b, it->source, src - SOURCE_FRAME,
			    0) ==
			    (size_t)-1 || buf_putc(&b, ')') != BUF_OK)
				continue;
		}
		ui_put((int)(i - u->item_top) + 1, 0, b.data, (size_t)COLS,
		    attr);
	}
	if (u->nitems == 0)
		ui_put(1, 0, "  No articles here.", (size_t)COLS, A_NORMAL);
	buf_reset(&b);
	if (buf_printf(&b, "%s (%zu unread, %zu total)",
	    u->items_title != NULL ? u->items_title : "", unread,
	    u->nitems) != BUF_OK)
		buf_reset(&b);
	if (buf_printf(&st, "Articles %zu/%zu  q:Back ENTER:Open n:Next "
	    "unread N:Read s:Star /:Search ?:Help", u->nitems ?
	    u->item_cur + 1 : 0, u->nitems) != BUF_OK)
		buf_reset(&st);
	ui_draw_bars(u, b.data, st.data);
	buf_release(&b);
	buf_release(&st);
}

static void
open_item(struct ui *u)
{
	struct ui_item *it = &u->items[u->item_cur];
	struct errbuf eb;

	if (it->path != NULL) {
		if (ui_article_open_target(u, it->path, 0, &eb) == -1)
			ui_message(u, 1, "%s", eb.msg);
		it->read = 1;
		return;
	}
	if (ui_article_open_item(u, it->id) == 0)
		it->read = 1;
}

void
ui_headlines_key(struct ui *u, enum ui_op op)
{
	struct errbuf eb;
	struct ui_item *it;
	size_t	 i;
	char	*q;

	if (ui_list_move(op, u->nitems, &u->item_cur, &u->item_top))
		return;
	it = u->nitems > 0 ? &u->items[u->item_cur] : NULL;
	switch (op) {
	case OP_QUIT:
		if (u->items_only) {
			u->done = 1;
			break;
		}
		ui_feeds_load(u);
		u->screen = UI_FEEDS;
		break;
	case OP_OPEN:
		if (it != NULL)
			open_item(u);
		break;
	case OP_NEXT_UNREAD:
		for (i = 0; i < u->nitems; i++) {
			size_t j = (u->item_cur + i) % u->nitems;

			if (!u->items[j].read) {
				u->item_cur = j;
				open_item(u);
				return;
			}
		}
		ui_message(u, 0, "no unread articles");
		break;
	case OP_TOGGLE_READ:
		if (it == NULL)
			break;
		if (u->store != NULL && it->id != 0 &&
		    store_item_set_read(u->store, it->id, !it->read, &eb) ==
		    -1) {
			ui_message(u, 1, "%s", eb.msg);
			break;
		}
		it->read = !it->read;
		ui_list_move(OP_DOWN, u->nitems, &u->item_cur, &u->item_top);
		break;
	case OP_STAR:
		if (it == NULL)
			break;
		if (u->store != NULL && it->id != 0 &&
		    store_item_set_starred(u->store, it->id, !it->starred,
		    &eb) == -1) {
			ui_message(u, 1, "%s", eb.msg);
			break;
		}
		it->starred = !it->starred;
		break;
	case OP_MARK_FEED_READ:
		if (u->store != NULL && u->items_feed != 0 &&
		    !u->items_search && store_feed_mark_read(u->store,
		    u->items_feed, &eb) == -1) {
			ui_message(u, 1, "%s", eb.msg);
			break;
		}
		for (i = 0; i < u->nitems; i++)
			u->items[i].read = 1;
		break;
	case OP_BROWSER:
		if (it != NULL)
			ui_open_browser(u, it->link);
		break;
	case OP_RELOAD:
	case OP_RELOAD_ALL:
		if (u->net == NULL)
			ui_message(u, 1, "offline: nothing to reload");
		else
			(void)ui_net_reload(u->net, op == OP_RELOAD ?
			    u->items_feed : 0);
		break;
	case OP_SEARCH:
		if ((q = ui_prompt(u, "Search: ")) == NULL)
			break;
		if (*q != '\0')
			(void)ui_headlines_search(u, q);
		free(q);
		break;
	default:
		break;
	}
}
