/*
 * ui_article: the article view and its history.  The article is laid out
 * (layout.h) for the window's width whenever the width changes; the
 * scroll position and the selected related link live in the view, so a
 * resize or a Backspace brings the reader back where they were.
 *
 * Following a related link: a teaser or body link with a URL opens that
 * page (a local file at once, an http(s) page through the fetcher, in
 * the background); a teaser without a URL (text copies have none) is
 * looked up in the store by its title; a store article opens from the
 * store.  Each opened article is pushed on the history.
 *
 * The mode opens with UI_MSG_ITEM, UI_MSG_TARGET or UI_MSG_ARTICLE, and
 * takes UI_MSG_ARTICLE later too: a fetched page that has arrived.  A
 * search puts its results on top of the view, so that q comes back here.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "render.h"
#include "save.h"
#include "story.h"
#include "ui.h"

/* Lines of context kept above a target Tab scrolls to. */
#define TARGET_CONTEXT	3
/* Search results considered when a teaser is looked up by title. */
#define TITLE_LOOKUP_MAX	10

/* One article on the history: what is shown and where the reader was. */
struct view {
	struct article	*a;
	char		*where;		/* path or URL, for messages */
	int64_t		 item_id;	/* 0: not from the store */
	struct layout	 lay;
	size_t		 lay_width;	/* width lay was made for */
	size_t		 top;		/* first line shown */
	long		 sel;		/* selected target, or -1 */
	struct store_item *rel;		/* store articles on the same thing */
	size_t		 nrel;
	/* Work left for an idle moment, so that the article is on the
	 * screen first: the "more on this" query, the page's fetch. */
	int		 rel_pending;
	int		 rel_asked;	/* the engine looks them up */
	char		*fetch_url;	/* or NULL */
};

/* The mode's data: the history; hist[nhist - 1] is shown. */
struct history {
	struct view	*hist[UI_HISTORY_MAX];
	size_t		 nhist;
};

static int	 art_open(struct ui *, const struct ui_msg *, void **,
		    struct errbuf *);
static void	 art_draw(struct ui *, void *);
static void	 art_key(struct ui *, void *, enum ui_op);
static void	 art_resize(struct ui *, void *);
static int	 art_idle_pending(const struct ui *, const void *);
static int	 art_idle(struct ui *, void *);
static int	 art_message(struct ui *, void *, struct ui_msg *);
static void	 art_free(void *);
static void	 drop_listed(struct view *);
static int	 take_related(struct history *, struct ui_msg *);

const struct ui_mode ui_article_mode = {
	.name = "article",
	.open = art_open,
	.draw = art_draw,
	.key = art_key,
	.resize = art_resize,
	.idle_pending = art_idle_pending,
	.idle = art_idle,
	.message = art_message,
	.free = art_free
};

static void
view_free(struct view *v)
{
	if (v == NULL)
		return;
	article_free(v->a);
	free(v->where);
	free(v->fetch_url);
	layout_release(&v->lay);
	store_items_free(v->rel, v->nrel);
	free(v);
}

static void
art_free(void *data)
{
	struct history *hs = data;

	if (hs == NULL)
		return;
	while (hs->nhist > 0)
		view_free(hs->hist[--hs->nhist]);
	free(hs);
}

static struct view *
current(struct history *hs)
{
	return hs->nhist > 0 ? hs->hist[hs->nhist - 1] : NULL;
}

/* Shows a (taken over: freed on failure too) as a new history entry. */
static int
push(struct ui *u, struct history *hs, struct article *a, const char *where,
    int64_t item_id, struct errbuf *eb)
{
	struct view *v;

	if ((v = calloc(1, sizeof *v)) == NULL ||
	    (v->where = strdup(where)) == NULL) {
		free(v);
		article_free(a);
		errbuf_set(eb, "out of memory");
		return -1;
	}
	v->a = a;
	v->item_id = item_id;
	v->sel = -1;
	layout_init(&v->lay);
	/* On a big store the query takes longer than drawing the article:
	 * it waits for the first idle moment (art_idle()). */
	v->rel_pending = u->store != NULL && item_id != 0;
	if (hs->nhist == UI_HISTORY_MAX) {
		/* The oldest article falls off the history. */
		view_free(hs->hist[0]);
		memmove(hs->hist, hs->hist + 1,
		    (hs->nhist - 1) * sizeof *hs->hist);
		hs->nhist--;
	}
	hs->hist[hs->nhist++] = v;
	return 0;
}

/* Local path of a file: URL or a plain path; NULL for other URLs. */
static const char *
local_path(const char *target)
{
	if (ascii_ncasecmp(target, "file://", 7) == 0)
		return target + 7;
	if (ascii_ncasecmp(target, "http://", 7) == 0 ||
	    ascii_ncasecmp(target, "https://", 8) == 0)
		return NULL;
	return target;
}

/* The article of a feed entry's own content (the fallback). */
static struct article *
from_content(const struct store_item *it, const char *text)
{
	struct extract_opts opts;
	struct article *a = NULL;
	struct errbuf eb;
	const char *c = text != NULL ? text : it->content;

	memset(&opts, 0, sizeof opts);
	opts.where = it->link != NULL ? it->link : "feed content";
	opts.base_url = it->link;
	opts.input = text == NULL && it->content_type == FEED_CONTENT_HTML ?
	    EXTRACT_HTML : EXTRACT_AUTO;
	if (c != NULL && *c != '\0' &&
	    extract_article(c, strlen(c), &opts, &a, &eb) == -1)
		a = NULL;
	if (a == NULL && (a = article_new()) != NULL && c != NULL &&
	    article_add_block(a, BLOCK_PARAGRAPH, 0, c, strlen(c)) == -1) {
		article_free(a);
		return NULL;
	}
	return a;
}

/* Fills what the page lacked from the feed entry. */
/* The item's stored story, or NULL (said when it is damaged). */
static struct article *
stored_story(struct ui *u, const struct store_item *it)
{
	struct article *a = NULL;
	struct errbuf eb;
	char	*story = NULL;

	if (store_story_load(u->store, it->id, &story, &eb) == -1 ||
	    story == NULL) {
		free(story);
		return NULL;
	}
	if (story_decode(story, strlen(story), it->link != NULL ? it->link :
	    "article", &a, &eb) == -1) {
		ui_message(u, 1, "%s", eb.msg);
		a = NULL;
	}
	free(story);
	return a;
}

static void
complete(struct ui *u, struct article *a, const struct store_item *it)
{
	const char *site;

	if (a->title == NULL && it->title != NULL)
		(void)article_set(&a->title, it->title, strlen(it->title));
	if (a->byline == NULL && it->author != NULL)
		(void)article_set(&a->byline, it->author, strlen(it->author));
	if (a->url == NULL && it->link != NULL)
		(void)article_set(&a->url, it->link, strlen(it->link));
	if (a->date_prec == DATE_NONE && it->time != 0) {
		a->date = it->time;
		a->date_prec = DATE_DAY;
	}
	if (a->site == NULL &&
	    (site = ui_mode_feed_title(u, it->feed_id)) != NULL)
		(void)article_set(&a->site, site, strlen(site));
}

/* Opens a store item: saved text, else its page (local or fetched),
 * else the feed's content. */
static int
open_item(struct ui *u, struct history *hs, int64_t item_id,
    struct errbuf *eb)
{
	struct store_item it;
	struct article *a = NULL;
	const char *path;
	char	*text = NULL, *body;
	int	 r, fetch;

	if (u->store == NULL) {
		errbuf_set(eb, "no feeds' store");
		return -1;
	}
	memset(&it, 0, sizeof it);
	if ((r = store_item_get(u->store, item_id, &it, eb)) != 0) {
		if (r == 1)
			errbuf_set(eb, "article not found");
		return -1;
	}
	path = it.link != NULL ? local_path(it.link) : NULL;
	fetch = 0;
	if (path != NULL && ui_file_load(path, NULL, &a, eb) == 0) {
		/* A local page: fresh each time, teasers and links kept. */
		if ((body = article_text(a)) != NULL &&
		    store_text_save(u->store, item_id, body, eb) == -1)
			ui_message(u, 1, "%s", eb->msg);
		free(body);
	} else if (it.has_story && (a = stored_story(u, &it)) != NULL) {
		/* the whole article as it was shown online: no network,
		 * no extractor */
	} else if (it.has_text &&
	    store_text_load(u->store, item_id, &text, eb) == 0 &&
	    text != NULL) {
		/* a store from before stories: its plain text */
		a = from_content(&it, text);
		free(text);
	} else if (it.link != NULL && path == NULL && u->net != NULL) {
		/* The page comes in the background, asked for once the
		 * article is drawn; meanwhile the feed's own content. */
		a = from_content(&it, NULL);
		fetch = 1;
	} else
		a = from_content(&it, NULL);
	if (a == NULL) {
		store_item_release(&it);
		errbuf_set(eb, "out of memory");
		return -1;
	}
	complete(u, a, &it);
	if (store_item_set_read(u->store, item_id, 1, eb) == -1)
		ui_message(u, 1, "%s", eb->msg);
	if (push(u, hs, a, it.link != NULL ? it.link : "article", item_id,
	    eb) == -1) {
		store_item_release(&it);
		return -1;
	}
	if (fetch && (current(hs)->fetch_url = it.link) != NULL)
		it.link = NULL;
	store_item_release(&it);
	return 0;
}

/* The store item of the list below whose page is url, or 0. */
static int64_t
item_by_link(struct ui *u, const char *url)
{
	struct ui_msg msg;

	memset(&msg, 0, sizeof msg);
	msg.kind = UI_MSG_ITEM_BY_LINK;
	msg.text = url;
	return ui_mode_send(u, &msg) ? msg.item_id : 0;
}

/* Opens a saved file or file: URL (offline), or fetches an http(s) URL
 * (the page arrives as UI_MSG_ARTICLE). */
static int
open_target(struct ui *u, struct history *hs, const char *target,
    const char *base_url, int64_t item_id, struct errbuf *eb)
{
	struct article *a = NULL;
	const char *path = local_path(target);
	int64_t	 id = item_id != 0 ? item_id : item_by_link(u, target);

	if (id != 0 && u->store != NULL)
		return open_item(u, hs, id, eb);
	if (path == NULL) {
		if (u->net == NULL) {
			errbuf_set(eb, "%s: offline, cannot fetch", target);
			return -1;
		}
		if (ui_net_page(u->net, target, 0) == -1) {
			errbuf_set(eb, "%s: cannot fetch", target);
			return -1;
		}
		ui_message(u, 0, "fetching %s ...", target);
		return 0;
	}
	if (ui_file_load(path, base_url, &a, eb) == -1)
		return -1;
	return push(u, hs, a, target, 0, eb);
}

/* A page has arrived: the item shown with its feed content gets its page
 * in place; any other is pushed.  a is taken over. */
static int
arrived(struct ui *u, struct history *hs, struct article *a,
    const char *where, int64_t item_id, struct errbuf *eb)
{
	struct view *v = current(hs);
	struct article *old;

	if (item_id == 0 || v == NULL || v->item_id != item_id)
		return push(u, hs, a, where, item_id, eb);
	old = v->a;
	/* what the page lacks comes from the feed entry, as when its
	 * stored story is opened later (complete()) */
	if (old->title != NULL && a->title == NULL)
		(void)article_set(&a->title, old->title, strlen(old->title));
	if (a->byline == NULL && old->byline != NULL)
		(void)article_set(&a->byline, old->byline, strlen(old->byline));
	if (a->site == NULL && old->site != NULL)
		(void)article_set(&a->site, old->site, strlen(old->site));
	if (a->date_prec == DATE_NONE && old->date_prec != DATE_NONE) {
		a->date = old->date;
		a->date_off = old->date_off;
		a->date_prec = old->date_prec;
	}
	v->a = a;
	article_free(old);
	/* the page's teasers and links may list some of "more on this":
	 * as when the stored story is opened, they are not said twice */
	drop_listed(v);
	v->lay_width = 0;
	v->sel = -1;
	return 0;
}

static int
art_open(struct ui *u, const struct ui_msg *msg, void **data,
    struct errbuf *eb)
{
	struct history *hs;
	int	 rc;

	if ((hs = calloc(1, sizeof *hs)) == NULL) {
		errbuf_set(eb, "out of memory");
		return -1;
	}
	switch (msg->kind) {
	case UI_MSG_ITEM:
		rc = open_item(u, hs, msg->item_id, eb);
		break;
	case UI_MSG_TARGET:
		rc = open_target(u, hs, msg->text, msg->base_url,
		    msg->item_id, eb);
		break;
	case UI_MSG_ARTICLE:
		rc = push(u, hs, msg->article, msg->text, msg->item_id, eb);
		break;
	default:
		errbuf_set(eb, "article: nothing to show");
		rc = -1;
		break;
	}
	if (rc == -1) {
		art_free(hs);
		return -1;
	}
	*data = hs;
	return 0;
}

/* The "more on this" items the engine looked up for a view that still
 * waits for them (the newest such view: the one shown, if any). */
static int
take_related(struct history *hs, struct ui_msg *msg)
{
	struct view *v;
	size_t	 i;

	for (i = hs->nhist; i > 0; i--) {
		v = hs->hist[i - 1];
		if (v->item_id != msg->item_id || !v->rel_asked)
			continue;
		v->rel_asked = 0;
		v->rel = msg->items;
		v->nrel = msg->nitems;
		msg->items = NULL;
		drop_listed(v);
		/* Laid out again with the list below the links. */
		v->lay_width = 0;
		msg->done = 1;
		return 1;
	}
	return 0;
}

static int
art_message(struct ui *u, void *data, struct ui_msg *msg)
{
	struct history *hs = data;
	struct errbuf eb;
	struct article *a = msg->article;

	if (msg->kind == UI_MSG_RELATED)
		return take_related(hs, msg);
	if (msg->kind != UI_MSG_ARTICLE || a == NULL)
		return 0;
	msg->article = NULL;
	if (arrived(u, hs, a, msg->text, msg->item_id, &eb) == -1)
		ui_message(u, 1, "%s", eb.msg);
	else
		msg->done = 1;
	return 1;
}

static int
art_idle_pending(const struct ui *u, const void *data)
{
	const struct history *hs = data;
	const struct view *v = hs->nhist > 0 ? hs->hist[hs->nhist - 1] :
	    NULL;

	(void)u;
	return v != NULL && (v->rel_pending || v->fetch_url != NULL);
}

static int
art_idle(struct ui *u, void *data)
{
	struct view *v = current(data);
	struct errbuf eb;
	char	*url;

	if (v == NULL)
		return 0;
	if (v->fetch_url != NULL) {
		/* The page may arrive into a full history and drop v: the
		 * URL is taken off it first. */
		url = v->fetch_url;
		v->fetch_url = NULL;
		if (u->net != NULL && ui_net_page(u->net, url, v->item_id) ==
		    -1)
			ui_message(u, 1, "%s: cannot fetch", url);
		free(url);
		return 1;
	}
	if (!v->rel_pending)
		return 0;
	v->rel_pending = 0;
	/* The full-text query runs on the sync engine's thread when there
	 * is one; the answer comes as UI_MSG_RELATED. */
	if (u->net != NULL && ui_net_related(u->net, v->item_id,
	    UI_RELATED_MAX) == 0) {
		v->rel_asked = 1;
		return 0;
	}
	if (store_related(u->store, v->item_id, UI_RELATED_MAX, &v->rel,
	    &v->nrel, &eb) == -1) {
		v->rel = NULL;
		v->nrel = 0;
		return 0;
	}
	drop_listed(v);
	/* Laid out again with the list below the links. */
	v->lay_width = 0;
	return v->nrel > 0;
}

/* Is url the article's own or one of its teasers or links (listed above
 * "More on this")? */
static int
listed(const struct article *a, const char *url)
{
	size_t	 i;

	if (url == NULL)
		return 0;
	if (a->url != NULL && strcmp(a->url, url) == 0)
		return 1;
	for (i = 0; i < a->nrelated; i++)
		if (a->related[i].url != NULL &&
		    strcmp(a->related[i].url, url) == 0)
			return 1;
	for (i = 0; i < a->nlinks; i++)
		if (strcmp(a->links[i].url, url) == 0)
			return 1;
	return 0;
}

/* "More on this" never repeats an entry listed above it. */
static void
drop_listed(struct view *v)
{
	size_t	 i, k;

	for (i = 0, k = 0; i < v->nrel; i++) {
		if (listed(v->a, v->rel[i].link))
			store_item_release(&v->rel[i]);
		else
			v->rel[k++] = v->rel[i];
	}
	v->nrel = k;
}

static void
art_resize(struct ui *u, void *data)
{
	struct history *hs = data;
	size_t	 i;

	(void)u;
	/* Every view is laid out again for the new width when shown. */
	for (i = 0; i < hs->nhist; i++)
		hs->hist[i]->lay_width = 0;
}

static size_t
text_width(void)
{
	size_t	 cols = ui_cols();
	size_t	 w = cols > 2 ? cols - 2 : 1;

	return w > UI_TEXT_MAX_COLS ? UI_TEXT_MAX_COLS : w;
}

/* Lays the view out again when the width changed. */
static int
relayout(struct ui *u, struct view *v)
{
	struct layout_extra ex[UI_RELATED_MAX];
	char	 days[UI_RELATED_MAX][11];
	struct errbuf eb;
	struct tm tm;
	size_t	 i, w = text_width(), n = 0;

	if (v->lay_width == w && v->lay.nlines > 0)
		return 0;
	for (i = 0; i < v->nrel && n < UI_RELATED_MAX; i++, n++) {
		ex[n].title = v->rel[i].title;
		ex[n].source = ui_mode_feed_title(u, v->rel[i].feed_id);
		days[n][0] = '\0';
		if (v->rel[i].time != 0 && gmtime_r(&v->rel[i].time, &tm))
			strftime(days[n], sizeof days[n], "%Y-%m-%d", &tm);
		ex[n].date = days[n][0] != '\0' ? days[n] : NULL;
	}
	if (layout_article(&v->lay, v->a, ex, n, w, &eb) == -1) {
		ui_message(u, 1, "%s", eb.msg);
		return -1;
	}
	v->lay_width = w;
	return 0;
}

static size_t
max_top(const struct view *v)
{
	size_t	 h = (size_t)ui_body_lines();

	return v->lay.nlines > h ? v->lay.nlines - h : 0;
}

static int
role_of(enum layout_kind k)
{
	switch (k) {
	case LAYOUT_TITLE:
		return UI_ROLE_TITLE;
	case LAYOUT_HEADING:
		return UI_ROLE_HEADING;
	case LAYOUT_META:
		return UI_ROLE_META;
	case LAYOUT_QUOTE:
		return UI_ROLE_QUOTE;
	case LAYOUT_SECTION:
		return UI_ROLE_SECTION;
	case LAYOUT_RELATED:
		return UI_ROLE_LINK;
	default:
		return UI_ROLE_TEXT;
	}
}

static void
art_draw(struct ui *u, void *data)
{
	struct history *hs = data;
	struct view *v = current(hs);
	struct buf t, st;
	size_t	 i, h = (size_t)ui_body_lines(), x;

	if (v == NULL || relayout(u, v) == -1) {
		ui_draw_bars(u, "Article", "");
		return;
	}
	if (v->top > max_top(v))
		v->top = max_top(v);
	x = ui_cols() > v->lay.width + 2 ? 1 : 0;
	for (i = v->top; i < v->lay.nlines && i < v->top + h; i++) {
		const struct layout_line *ln = &v->lay.lines[i];
		int	 attr = ui_attr(u, role_of(ln->kind));

		if (v->sel >= 0 && ln->target == v->sel)
			attr = ui_attr(u, UI_ROLE_SELECTED);
		ui_put((int)(i - v->top) + 1, (int)x, ln->text, ln->cols,
		    attr);
	}
	buf_init(&t, LAYOUT_LINE_MAX_BYTES);
	buf_init(&st, LAYOUT_LINE_MAX_BYTES);
	if (buf_puts(&t, "Article: ") != BUF_OK || buf_puts(&t,
	    v->a->title != NULL ? v->a->title : v->where) != BUF_OK)
		buf_reset(&t);
	if (buf_printf(&st, "Line %zu/%zu (%zu%%)", v->lay.nlines ?
	    v->top + 1 : 0, v->lay.nlines, v->lay.nlines <= h ? 100 :
	    (v->top + h) * 100 / v->lay.nlines) != BUF_OK ||
	    (v->lay.ntargets > 0 && buf_printf(&st, "  Related %ld/%zu",
	    v->sel + 1, v->lay.ntargets) != BUF_OK) ||
	    buf_printf(&st, "  History %zu  TAB:Related ENTER:Follow "
	    "BACKSPACE:Back q:Close", hs->nhist) != BUF_OK)
		buf_reset(&st);
	ui_draw_bars(u, t.data, st.data);
	buf_release(&t);
	buf_release(&st);
}

/* Makes the selected target visible, with some lines above it. */
static void
show_target(struct view *v)
{
	const struct layout_target *t = &v->lay.targets[v->sel];
	size_t	 h = (size_t)ui_body_lines();

	if (t->line >= v->top && t->line + t->nlines <= v->top + h)
		return;
	v->top = t->line > TARGET_CONTEXT ? t->line - TARGET_CONTEXT : 0;
	if (v->top > max_top(v))
		v->top = max_top(v);
}

/* After a scroll: a selection scrolled out of sight is dropped. */
static void
check_sel(struct view *v)
{
	size_t	 h = (size_t)ui_body_lines();
	const struct layout_target *t;

	if (v->sel < 0)
		return;
	t = &v->lay.targets[v->sel];
	if (t->line + t->nlines <= v->top || t->line >= v->top + h)
		v->sel = -1;
}

/* Looks a teaser up in the store by its title. */
static int
follow_title(struct ui *u, struct history *hs, const struct related *r,
    struct errbuf *eb)
{
	struct store_item *si = NULL;
	size_t	 n = 0, i, pick = 0;
	int64_t	 id;

	if (u->store == NULL || store_search(u->store, r->title,
	    TITLE_LOOKUP_MAX, &si, &n, eb) == -1 || n == 0) {
		store_items_free(si, n);
		errbuf_set(eb, "not in your feeds: %s", r->title);
		return -1;
	}
	for (i = 0; i < n; i++)
		if (si[i].title != NULL &&
		    ascii_casecmp(si[i].title, r->title) == 0) {
			pick = i;
			break;
		}
	id = si[pick].id;
	store_items_free(si, n);
	return open_item(u, hs, id, eb);
}

/*
 * The store item whose page is url, found through the words of the
 * link's title (the store is searched by words, not by address); 0 when
 * none.  This keeps a followed page's read state and its "more on this"
 * list when the page is one of the feeds' own.
 */
static int64_t
item_by_title_link(struct ui *u, const char *title, const char *url)
{
	struct store_item *si = NULL;
	struct errbuf eb;
	size_t	 n = 0, i;
	int64_t	 id = 0;

	if (u->store == NULL || title == NULL || url == NULL)
		return 0;
	if ((id = item_by_link(u, url)) != 0)
		return id;
	if (store_search(u->store, title, TITLE_LOOKUP_MAX, &si, &n,
	    &eb) == -1)
		return 0;
	for (i = 0; i < n && id == 0; i++)
		if (si[i].link != NULL && strcmp(si[i].link, url) == 0)
			id = si[i].id;
	store_items_free(si, n);
	return id;
}

static void
follow(struct ui *u, struct history *hs, struct view *v)
{
	const struct layout_target *t;
	struct errbuf eb;
	const char *url = NULL;
	int64_t	 id;
	int	 rc = 0;

	if (v->sel < 0) {
		ui_message(u, 0, "press TAB to select a related link");
		return;
	}
	t = &v->lay.targets[v->sel];
	switch (t->kind) {
	case LAYOUT_TEASER:
		url = v->a->related[t->index].url;
		if (url == NULL)
			rc = follow_title(u, hs, &v->a->related[t->index],
			    &eb);
		break;
	case LAYOUT_LINK:
		url = v->a->links[t->index].url;
		break;
	case LAYOUT_EXTRA:
		rc = open_item(u, hs, v->rel[t->index].id, &eb);
		break;
	}
	if (url != NULL) {
		id = item_by_title_link(u, t->kind == LAYOUT_TEASER ?
		    v->a->related[t->index].title :
		    v->a->links[t->index].text, url);
		rc = open_target(u, hs, url, NULL, id, &eb);
	}
	if (rc == -1)
		ui_message(u, 1, "%s", eb.msg);
}

/* Searches the store from the article view: the results replace the
 * headlines below, and the view leaves. */
static void
search(struct ui *u)
{
	struct ui_msg msg;
	struct errbuf eb;
	char	*q;

	if (u->store == NULL) {
		ui_message(u, 1, "search needs the feeds' store");
		return;
	}
	if ((q = ui_prompt(u, "Search: ")) == NULL)
		return;
	memset(&msg, 0, sizeof msg);
	msg.kind = UI_MSG_SEARCH;
	msg.text = q;
	/* On top: q walks back the way the person came (issue 15: q
	 * after a search skipped screens and then quit). */
	if (*q != '\0' && ui_screen_push(u, UI_SCREEN_HEADLINES, &msg,
	    &eb) == -1)
		ui_message(u, 1, "%s", eb.msg);
	free(q);
}

/* Leaves for the headlines below and hands them op (J, K, n, p there
 * open the next article), as newsboat's article view does. */
static void
to_list(struct ui *u, enum ui_op op)
{
	if (u->nmodes < 2 ||
	    u->modes[u->nmodes - 2].mode != u->screens[UI_SCREEN_HEADLINES]) {
		ui_message(u, 0, "no article list below");
		return;
	}
	ui_mode_pop(u);	/* frees this mode's data */
	if (op == OP_NEXT || op == OP_PREV) {
		ui_mode_key(u, op == OP_NEXT ? OP_DOWN : OP_UP);
		ui_mode_key(u, OP_OPEN);
	} else
		ui_mode_key(u, op);
}

/* A number typed: link [n] of the article, followed on Enter. */
static void
goto_link(struct ui *u, struct history *hs, struct view *v, int first)
{
	struct errbuf eb;
	char	 digit[2], *line, *end;
	long	 n;

	digit[0] = (char)first;
	digit[1] = '\0';
	if ((line = ui_prompt_default(u, "Follow link: ", digit)) == NULL)
		return;
	n = strtol(line, &end, 10);
	if (*end != '\0' || end == line)
		n = -1;
	free(line);
	if (n < 1 || (size_t)n > v->a->nlinks) {
		ui_message(u, 1, "no link [%ld] (the links are [1] to [%zu])",
		    n, v->a->nlinks);
		return;
	}
	if (open_target(u, hs, v->a->links[n - 1].url, NULL, 0, &eb) == -1)
		ui_message(u, 1, "%s", eb.msg);
}

/* S: the article to a file, the name asked with a default. */
static void
save(struct ui *u, struct view *v)
{
	struct errbuf eb;
	char	*def, *name, *path, *yn;
	int	 rc;

	def = save_default_path(u->conf != NULL ? u->conf->save_path : NULL,
	    v->a->title, 0);
	if (def == NULL)
		return;
	name = ui_prompt_default(u, "Save to (.md: markdown): ", def);
	free(def);
	if (name == NULL || *name == '\0' || (path = save_expand(name)) ==
	    NULL) {
		free(name);
		return;
	}
	free(name);
	rc = save_article(v->a, path, 0, &eb);
	if (rc == -1 && strstr(eb.msg, strerror(EEXIST)) != NULL) {
		yn = ui_prompt(u, "It exists: overwrite? (y/n) ");
		if (yn != NULL && (yn[0] == 'y' || yn[0] == 'Y'))
			rc = save_article(v->a, path, 1, &eb);
		else
			errbuf_set(&eb, "%s: not saved", path);
		free(yn);
	}
	if (rc == 0)
		ui_message(u, 0, "saved to %s", path);
	else
		ui_message(u, 1, "%s", eb.msg);
	free(path);
}

/* |: the article, as text, into a command's input. */
static void
pipe_to(struct ui *u, struct view *v)
{
	struct errbuf eb;
	struct buf b;
	char	*cmd;

	if ((cmd = ui_prompt(u, "Pipe to command: ")) == NULL)
		return;
	if (*cmd == '\0') {
		free(cmd);
		return;
	}
	buf_init(&b, RENDER_MAX_BYTES);
	if (render_article(v->a, RENDER_MARKDOWN, &b) == -1)
		ui_message(u, 1, "the article is too big to pipe");
	else if (ui_run_command(u, cmd, b.data, b.len, &eb) == -1)
		ui_message(u, 1, "%s", eb.msg);
	else
		ui_message(u, 0, "piped to %s", cmd);
	buf_release(&b);
	free(cmd);
}

static void
art_key(struct ui *u, void *data, enum ui_op op)
{
	struct history *hs = data;
	struct view *v = current(hs);
	size_t	 h = (size_t)ui_body_lines();
	struct errbuf eb;

	if (v == NULL) {
		/* Waiting for a page: only leaving. */
		if (op == OP_QUIT || op == OP_BACK)
			ui_mode_pop(u);
		return;
	}
	(void)relayout(u, v);
	switch (op) {
	case OP_DOWN:
		if (v->top < max_top(v))
			v->top++;
		check_sel(v);
		break;
	case OP_UP:
		if (v->top > 0)
			v->top--;
		check_sel(v);
		break;
	case OP_PAGE_DOWN:
		v->top = v->top + h < max_top(v) ? v->top + h : max_top(v);
		check_sel(v);
		break;
	case OP_PAGE_UP:
		v->top = v->top > h ? v->top - h : 0;
		check_sel(v);
		break;
	case OP_TOP:
		v->top = 0;
		check_sel(v);
		break;
	case OP_BOTTOM:
		v->top = max_top(v);
		check_sel(v);
		break;
	case OP_NEXT_LINK:
	case OP_PREV_LINK: {
		size_t	 n = v->lay.ntargets, i;

		if (n == 0) {
			ui_message(u, 0, "no related links");
			break;
		}
		if (v->sel < 0) {
			/* Into the related section: the first target below
			 * the top of the screen (or the last one, going
			 * back). */
			v->sel = op == OP_NEXT_LINK ? 0 : (long)n - 1;
			for (i = 0; op == OP_NEXT_LINK && i < n; i++)
				if (v->lay.targets[i].line >= v->top) {
					v->sel = (long)i;
					break;
				}
		} else if (op == OP_NEXT_LINK)
			v->sel = (v->sel + 1) % (long)n;
		else
			v->sel = (v->sel + (long)n - 1) % (long)n;
		show_target(v);
		break;
	}
	case OP_OPEN:
		follow(u, hs, v);
		break;
	case OP_BACK:
		if (hs->nhist <= 1) {
			ui_message(u, 0, "no earlier article");
			break;
		}
		view_free(hs->hist[--hs->nhist]);
		break;
	case OP_QUIT:
		ui_mode_pop(u);	/* frees this mode's data */
		break;
	case OP_BROWSER:
		/* file: only as the local file the view was read from */
		ui_open_browser(u, v->a->url != NULL ? v->a->url : v->where,
		    v->a->url == NULL ? 1 : v->where != NULL &&
		    strcmp(v->a->url, v->where) == 0);
		break;
	case OP_TOGGLE_READ:
	case OP_STAR:
		if (u->store == NULL || v->item_id == 0)
			break;
		if ((op == OP_STAR ? store_item_set_starred(u->store,
		    v->item_id, 1, &eb) : store_item_set_read(u->store,
		    v->item_id, 0, &eb)) == -1)
			ui_message(u, 1, "%s", eb.msg);
		else
			ui_message(u, 0, op == OP_STAR ? "starred" :
			    "marked unread");
		break;
	case OP_SEARCH:
		search(u);
		break;
	case OP_NEXT:
	case OP_PREV:
	case OP_NEXT_UNREAD:
	case OP_PREV_UNREAD:
		to_list(u, op);
		break;
	case OP_SHOW_URLS: {
		struct ui_msg msg;

		memset(&msg, 0, sizeof msg);
		msg.kind = UI_MSG_URLS;
		msg.article = v->a;
		if (ui_screen_push(u, UI_SCREEN_PICK, &msg, &eb) == -1)
			ui_message(u, 1, "%s", eb.msg);
		break;
	}
	case OP_GOTO_LINK:
		goto_link(u, hs, v, u->last_key);
		break;
	case OP_SAVE:
		save(u, v);
		break;
	case OP_PIPE:
		pipe_to(u, v);
		break;
	default:
		break;
	}
}
