/*
 * ui_headlines: a list of articles: a feed's items, all feeds' search
 * results, or the saved pages of a directory.  Each line: number, marks
 * (N unread, * starred, o whole story stored for offline reading),
 * date, title and source, as newsboat's.  Opened
 * with UI_MSG_FEED, UI_MSG_QUERY (a query feed: the items its filter
 * expression selects), UI_MSG_SEARCH or UI_MSG_DIR; a search sent from a
 * screen above replaces the list.  F narrows the list with a filter
 * expression; the config's ignore-article expressions leave items out
 * of every store list.  The list answers UI_MSG_ITEM_BY_LINK.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "filter.h"
#include "ui.h"

/* Date column: "YYYY-MM-DD". */
#define DAY_BYTES	11
/* Columns around the source: "  (" and ")". */
#define SOURCE_FRAME	4

struct item {
	int64_t		 id;		/* in the store, or 0 */
	int64_t		 feed_id;
	char		*title;
	char		*source;	/* feed title or site, or NULL */
	char		*link;		/* page URL, or NULL */
	char		*path;		/* saved file (directory), or NULL */
	time_t		 time;		/* 0: none */
	int		 read, starred;
	int		 stored;	/* its whole story is in the store */
};

struct headlines {
	struct item	*v;
	size_t		 n, cur, top;
	char		*title;
	int64_t		 feed;		/* feed shown, 0: all or search */
	char		*expr;		/* a query feed's expression, or NULL */
	char		*filter;	/* F's expression, or NULL */
	int		 partial;	/* the newest only: the rest comes in
					   an idle moment */
	int		 search;	/* the items are search results */
	int		 dir;		/* a directory's pages (no store) */
};

static int	 hl_open(struct ui *, const struct ui_msg *, void **,
		    struct errbuf *);
static void	 hl_draw(struct ui *, void *);
static void	 hl_key(struct ui *, void *, enum ui_op);
static int	 hl_message(struct ui *, void *, struct ui_msg *);
static void	 hl_free(void *);
static int	 hl_idle_pending(const struct ui *, const void *);
static int	 load(struct ui *, struct headlines *, int64_t, const char *,
		    struct errbuf *);
static int	 hl_idle(struct ui *, void *);

const struct ui_mode ui_headlines_mode = {
	.name = "headlines",
	.open = hl_open,
	.draw = hl_draw,
	.key = hl_key,
	.idle_pending = hl_idle_pending,
	.idle = hl_idle,
	.message = hl_message,
	.free = hl_free
};

static int
hl_idle_pending(const struct ui *u, const void *data)
{
	const struct headlines *h = data;

	(void)u;
	return h->partial;
}

/* The rest of a filtered list, the cursor kept. */
static int
hl_idle(struct ui *u, void *data)
{
	struct headlines *h = data;
	struct errbuf eb;
	char	*title;

	h->partial = 0;
	if ((title = strdup(h->title != NULL ? h->title : "")) == NULL)
		return 0;
	if (load(u, h, h->feed, title, &eb) == -1)
		ui_message(u, 1, "%s", eb.msg);
	free(title);
	return 1;
}

static void
clear(struct headlines *h)
{
	size_t	 i;

	for (i = 0; i < h->n; i++) {
		free(h->v[i].title);
		free(h->v[i].source);
		free(h->v[i].link);
		free(h->v[i].path);
	}
	free(h->v);
	free(h->title);
	h->v = NULL;
	h->title = NULL;
	h->n = h->cur = h->top = 0;
}

/* Replaces the list with store items (taken over: freed here). */
static int
take_items(struct ui *u, struct headlines *h, struct store_item *si,
    size_t n, const char *title, struct errbuf *eb)
{
	struct item *it;
	char	*t;
	size_t	 i;

	/* Copied first: title may be the list's own (a reload). */
	t = strdup(title != NULL ? title : "");
	it = n > 0 ? calloc(n, sizeof *it) : NULL;
	if ((n > 0 && it == NULL) || t == NULL) {
		store_items_free(si, n);
		free(it);
		free(t);
		errbuf_set(eb, "out of memory");
		return -1;
	}
	for (i = 0; i < n; i++) {
		const char *src = ui_mode_feed_title(u, si[i].feed_id);

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
	clear(h);
	h->v = it;
	h->n = n;
	h->title = t;
	return 0;
}

/* A feed's items (0: all feeds; with h->expr, a query's); the cursor
 * stays when it is the same feed again.  With quick, a filtered list
 * gets its newest UI_QUERY_FIRST_ITEMS first (on the screen at once,
 * even over a big store) and the rest in an idle moment (hl_idle()). */
static int
load_some(struct ui *u, struct headlines *h, int64_t feed_id,
    const char *title, int quick, struct errbuf *eb)
{
	struct store_item *si = NULL;
	struct filter f;
	size_t	 n = 0, cur = h->cur, top = h->top;
	int	 same = h->feed == feed_id && !h->search, rc;

	if (u->store == NULL) {
		errbuf_set(eb, "no feeds' store");
		return -1;
	}
	if ((rc = ui_filter_compose(u, h->expr, h->filter, &f, eb)) == -1)
		return -1;
	if (rc == 1)
		rc = store_items(u->store, feed_id, 0, 0, &si, &n, eb);
	else {
		rc = store_items_filter(u->store, &f, feed_id, quick ?
		    UI_QUERY_FIRST_ITEMS : 0, &si, &n, eb);
		filter_release(&f);
	}
	if (rc == -1)
		return -1;
	if (take_items(u, h, si, n, title, eb) == -1)
		return -1;
	h->partial = quick && n == UI_QUERY_FIRST_ITEMS;
	h->feed = feed_id;
	h->search = 0;
	if (same && cur < n) {
		h->cur = cur;
		h->top = top;
	}
	return 0;
}

static int
load(struct ui *u, struct headlines *h, int64_t feed_id, const char *title,
    struct errbuf *eb)
{
	return load_some(u, h, feed_id, title, 0, eb);
}

/* Search results for query; within a feed's list unless all. */
static int
search(struct ui *u, struct headlines *h, const char *query, int all,
    struct errbuf *eb)
{
	struct store_item *si = NULL;
	struct buf t;
	size_t	 n = 0, i, k;
	int	 rc;

	if (u->store == NULL) {
		errbuf_set(eb, "search needs the feeds' store");
		return -1;
	}
	if (store_search(u->store, query, UI_SEARCH_MAX, &si, &n, eb) == -1)
		return -1;
	/* Within a feed, a search keeps to that feed. */
	if (!all && h->feed != 0 && !h->search) {
		for (i = 0, k = 0; i < n; i++) {
			if (si[i].feed_id == h->feed)
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
	rc = take_items(u, h, si, n, t.data, eb);
	buf_release(&t);
	if (rc == 0) {
		h->search = 1;
		if (n == 0)
			ui_message(u, 0, "nothing found for \"%s\"", query);
	}
	return rc;
}

static int
cmp_time_desc(const void *x, const void *y)
{
	const struct item *a = x, *b = y;

	if (a->time != b->time)
		return a->time < b->time ? 1 : -1;
	return strcmp(a->title, b->title);
}

/* The saved pages of dir, newest first. */
static int
load_dir(struct headlines *h, const char *dir, struct errbuf *eb)
{
	DIR	*d;
	struct dirent *de;
	struct item *it = NULL;
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
		if (ui_file_load(path.data, NULL, &a, &ign) == -1)
			continue;
		if (n == cap) {
			size_t ncap = cap ? cap * 2 : 32;
			struct item *p = reallocarray(it, ncap, sizeof *p);

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
	clear(h);
	h->v = it;
	h->n = n;
	h->title = strdup(dir);
	h->dir = 1;
	return 0;
}

static int
hl_open(struct ui *u, const struct ui_msg *msg, void **data,
    struct errbuf *eb)
{
	struct headlines *h;
	int	 rc;

	if ((h = calloc(1, sizeof *h)) == NULL) {
		errbuf_set(eb, "out of memory");
		return -1;
	}
	switch (msg->kind) {
	case UI_MSG_FEED:
		rc = load(u, h, msg->feed_id, msg->text, eb);
		break;
	case UI_MSG_QUERY:
		if ((h->expr = strdup(msg->base_url)) == NULL) {
			errbuf_set(eb, "out of memory");
			rc = -1;
			break;
		}
		rc = load_some(u, h, 0, msg->text, 1, eb);
		break;
	case UI_MSG_SEARCH:
		/* within feed_id's items, or all feeds' when 0 */
		h->feed = msg->feed_id;
		rc = search(u, h, msg->text, msg->feed_id == 0, eb);
		break;
	case UI_MSG_DIR:
		rc = load_dir(h, msg->text, eb);
		break;
	default:
		errbuf_set(eb, "headlines: nothing to list");
		rc = -1;
		break;
	}
	if (rc == -1) {
		hl_free(h);
		return -1;
	}
	*data = h;
	return 0;
}

static void
hl_free(void *data)
{
	struct headlines *h = data;

	if (h == NULL)
		return;
	clear(h);
	free(h->expr);
	free(h->filter);
	free(h);
}

static int
hl_message(struct ui *u, void *data, struct ui_msg *msg)
{
	struct headlines *h = data;
	struct errbuf eb;
	size_t	 i;

	switch (msg->kind) {
	case UI_MSG_ITEM_BY_LINK:
		for (i = 0; i < h->n; i++)
			if (h->v[i].id != 0 && h->v[i].link != NULL &&
			    strcmp(h->v[i].link, msg->text) == 0) {
				msg->item_id = h->v[i].id;
				return 1;
			}
		return 0;
	case UI_MSG_SEARCH:
		/* From the article view: every feed's results here. */
		if (search(u, h, msg->text, 1, &eb) == -1)
			ui_message(u, 1, "%s", eb.msg);
		else
			msg->done = 1;
		return 1;
	case UI_MSG_RELOADED:
		if (!h->search && !h->dir && load(u, h, h->feed, h->title,
		    &eb) == -1)
			ui_message(u, 1, "%s", eb.msg);
		return 0;
	default:
		return 0;
	}
}

static void
hl_draw(struct ui *u, void *data)
{
	struct headlines *hl = data;
	struct buf b, st;
	size_t	 i, h = (size_t)ui_body_lines(), unread = 0, cols = ui_cols();
	char	 day[DAY_BYTES];
	struct tm tm;

	buf_init(&b, LAYOUT_LINE_MAX_BYTES);
	buf_init(&st, LAYOUT_LINE_MAX_BYTES);
	if (hl->cur >= hl->top + h)
		hl->top = hl->cur - h + 1;
	if (hl->cur < hl->top)
		hl->top = hl->cur;
	for (i = 0; i < hl->n; i++)
		unread += !hl->v[i].read;
	for (i = hl->top; i < hl->n && i < hl->top + h; i++) {
		const struct item *it = &hl->v[i];
		int	 attr = ui_attr(u, i == hl->cur ?
		    (!it->read ? UI_ROLE_SELECTED_UNREAD : UI_ROLE_SELECTED) :
		    !it->read ? UI_ROLE_UNREAD : UI_ROLE_PLAIN);
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
		if (src > cols / 4)
			src = cols / 4;
		room = cols > w + src ? cols - w - src : 1;
		if (layout_fit(&b, it->title, room, 1) == (size_t)-1)
			continue;
		if (it->source != NULL && src > SOURCE_FRAME) {
			if (buf_puts(&b, "  (") != BUF_OK ||
			    layout_fit(&b, it->source, src - SOURCE_FRAME,
			    0) ==
			    (size_t)-1 || buf_putc(&b, ')') != BUF_OK)
				continue;
		}
		ui_put((int)(i - hl->top) + 1, 0, b.data, cols, attr);
	}
	if (hl->n == 0)
		ui_put(1, 0, "  No articles here.", cols,
		    ui_attr(u, UI_ROLE_PLAIN));
	buf_reset(&b);
	if (buf_printf(&b, "%s (%zu%s unread, %zu%s total)%s%s",
	    hl->title != NULL ? hl->title : "", unread, hl->partial ? "+" : "",
	    hl->n, hl->partial ? "+" : "",
	    hl->filter != NULL ? "  filter: " : "",
	    hl->filter != NULL ? hl->filter : "") != BUF_OK)
		buf_reset(&b);
	if (buf_printf(&st, "Articles %zu/%zu  q:Back ENTER:Open n:Next "
	    "unread N:Read s:Star /:Search ?:Help", hl->n ? hl->cur + 1 : 0,
	    hl->n) != BUF_OK)
		buf_reset(&st);
	ui_draw_bars(u, b.data, st.data);
	buf_release(&b);
	buf_release(&st);
}

/* Was the item's feed read from a local file (its file: links are then
 * the person's own, as the demo's)? */
static int
local_feed(struct ui *u, const struct item *it)
{
	struct store_feed f;
	struct errbuf eb;
	int	 local;

	if (it->path != NULL)
		return 1;
	if (u->store == NULL || it->feed_id == 0 ||
	    store_feed_get(u->store, it->feed_id, &f, &eb) != 0)
		return 0;
	local = ascii_ncasecmp(f.url, "file://", 7) == 0;
	store_feed_release(&f);
	return local;
}

/* Opens the item under the cursor in the article view. */
static void
open_item(struct ui *u, struct headlines *h)
{
	struct item *it = &h->v[h->cur];
	struct ui_msg msg;
	struct errbuf eb;
	int	 rc;

	memset(&msg, 0, sizeof msg);
	if (it->path != NULL) {
		msg.kind = UI_MSG_TARGET;
		msg.text = it->path;
	} else {
		msg.kind = UI_MSG_ITEM;
		msg.item_id = it->id;
	}
	rc = ui_screen_push(u, UI_SCREEN_ARTICLE, &msg, &eb);
	if (rc == -1)
		ui_message(u, 1, "%s", eb.msg);
	/* A saved page counts as read even when it no longer opens. */
	if (rc == 0 || it->path != NULL)
		it->read = 1;
}

/*
 * Opens the next unread item (the one under the cursor first) or the
 * previous one, wrapping at the ends: newsboat's n and p.  Returns -1
 * when every item is read.
 */
static int
open_unread(struct ui *u, struct headlines *h, int forward)
{
	size_t	 i, j;

	for (i = 0; i < h->n; i++) {
		j = forward ? (h->cur + i) % h->n :
		    (h->cur + h->n - 1 - i) % h->n;
		if (!h->v[j].read) {
			h->cur = j;
			open_item(u, h);
			return 0;
		}
	}
	return -1;
}

static void
hl_key(struct ui *u, void *data, enum ui_op op)
{
	struct headlines *h = data;
	struct errbuf eb;
	struct item *it;
	size_t	 i;
	char	*q;

	if (ui_list_move(op, h->n, &h->cur, &h->top))
		return;
	it = h->n > 0 ? &h->v[h->cur] : NULL;
	switch (op) {
	case OP_QUIT:
		ui_mode_pop(u);
		break;
	case OP_OPEN:
		if (it != NULL)
			open_item(u, h);
		break;
	case OP_NEXT:
	case OP_PREV:
		/* newsboat's J and K: the next or previous feed's list */
		if (u->nmodes < 2 || u->modes[u->nmodes - 2].mode !=
		    u->screens[UI_SCREEN_FEEDS]) {
			ui_message(u, 0, "no feed list below");
			break;
		}
		ui_mode_pop(u);	/* frees h */
		ui_mode_key(u, op);
		ui_mode_key(u, OP_OPEN);
		return;
	case OP_GOTO_LINK:
		ui_list_goto(u, h->n, &h->cur, &h->top);
		break;
	case OP_PREV_UNREAD:
	case OP_NEXT_UNREAD:
		if (open_unread(u, h, op == OP_NEXT_UNREAD) == 0)
			return;
		ui_message(u, 0, "no unread articles");
		break;
	case OP_SET_FILTER:
		if (h->search || h->dir) {
			ui_message(u, 1, "F filters a feed's or a query's "
			    "list");
			break;
		}
		if ((q = ui_prompt(u, "Filter: ")) == NULL)
			break;
		{
			char	*old = h->filter;

			h->filter = *q != '\0' ? q : NULL;
			if (load_some(u, h, h->feed, h->title, 1, &eb) ==
			    -1) {
				ui_message(u, 1, "%s", eb.msg);
				h->filter = old;
				free(q);
				break;
			}
			free(old);
			if (h->filter == NULL)
				free(q);
			ui_message(u, 0, h->filter != NULL ? "%zu articles "
			    "match (F, then Enter alone: all)" : "%zu articles",
			    h->n);
		}
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
		(void)ui_list_move(OP_DOWN, h->n, &h->cur, &h->top);
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
		if (u->store != NULL && h->feed != 0 && !h->search &&
		    store_feed_mark_read(u->store, h->feed, &eb) == -1) {
			ui_message(u, 1, "%s", eb.msg);
			break;
		}
		for (i = 0; i < h->n; i++)
			h->v[i].read = 1;
		break;
	case OP_BROWSER:
		if (it != NULL)
			ui_open_browser(u, it->link, local_feed(u, it));
		break;
	case OP_RELOAD:
	case OP_RELOAD_ALL:
		if (u->net == NULL)
			ui_message(u, 1, "offline: nothing to reload");
		else
			(void)ui_net_reload(u->net, op == OP_RELOAD ?
			    h->feed : 0);
		break;
	case OP_SEARCH: {
		struct ui_msg msg;

		if ((q = ui_prompt(u, "Search: ")) == NULL)
			break;
		/* The results on top, within this feed: q comes back. */
		memset(&msg, 0, sizeof msg);
		msg.kind = UI_MSG_SEARCH;
		msg.text = q;
		msg.feed_id = h->search || h->expr != NULL ? 0 : h->feed;
		if (*q != '\0' && ui_screen_push(u, UI_SCREEN_HEADLINES, &msg,
		    &eb) == -1)
			ui_message(u, 1, "%s", eb.msg);
		free(q);
		return;
	}
	default:
		break;
	}
}
