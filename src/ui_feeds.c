/*
 * ui_feeds: the feed list, as newsboat shows it: number, unread/total,
 * title, tags.  Feeds come from the store; counts are reloaded when the
 * list is shown again.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "curses_lazy.h"

#include "ui.h"

/* Joins '|'-separated tags as "a, b"; NULL when none.  Caller frees. */
static char *
join_tags(const char *t)
{
	struct buf b;
	const char *p;

	if (t == NULL || *t == '\0')
		return NULL;
	buf_init(&b, LAYOUT_LINE_MAX_BYTES);
	for (p = t; *p != '\0'; p++)
		if ((*p == '|' ? buf_puts(&b, ", ") : buf_putc(&b, *p)) !=
		    BUF_OK)
			break;
	return buf_take(&b);
}

int
ui_feeds_load(struct ui *u)
{
	struct store_feed *sf = NULL;
	struct ui_feed *nf;
	struct errbuf eb;
	size_t	 n = 0, i, k = 0;

	if (u->store == NULL)
		return 0;
	if (store_feeds(u->store, &sf, &n, &eb) == -1) {
		ui_message(u, 1, "%s", eb.msg);
		return -1;
	}
	nf = n > 0 ? reallocarray(NULL, n, sizeof *nf) : NULL;
	if (n > 0 && nf == NULL) {
		store_feeds_free(sf, n);
		ui_message(u, 1, "out of memory");
		return -1;
	}
	for (i = 0; i < n; i++) {
		const struct conf_feed *cf = u->conf != NULL ?
		    conf_find_feed(u->conf, sf[i].url) : NULL;
		const char *t = sf[i].custom_title != NULL ?
		    sf[i].custom_title : sf[i].title != NULL ? sf[i].title :
		    sf[i].url;

		/* Feeds no longer configured, or hidden ("!"), stay out. */
		if (u->conf != NULL && (cf == NULL || cf->hidden))
			continue;
		nf[k].id = sf[i].id;
		nf[k].title = strdup(t);
		nf[k].tags = join_tags(sf[i].tags);
		nf[k].unread = sf[i].unread;
		nf[k].total = sf[i].total;
		k++;
	}
	store_feeds_free(sf, n);
	for (i = 0; i < u->nfeeds; i++) {
		free(u->feeds[i].title);
		free(u->feeds[i].tags);
	}
	free(u->feeds);
	u->feeds = nf;
	u->nfeeds = k;
	if (u->feed_cur >= k)
		u->feed_cur = k > 0 ? k - 1 : 0;
	return 0;
}

void
ui_feeds_draw(struct ui *u)
{
	struct buf b, st;
	size_t	 i, h = (size_t)ui_body_lines();
	int64_t	 unread = 0, total = 0;
	char	 cnt[48];

	buf_init(&b, LAYOUT_LINE_MAX_BYTES);
	buf_init(&st, LAYOUT_LINE_MAX_BYTES);
	if (u->feed_cur >= u->feed_top + h)
		u->feed_top = u->feed_cur - h + 1;
	if (u->feed_cur < u->feed_top)
		u->feed_top = u->feed_cur;
	for (i = 0; i < u->nfeeds; i++) {
		unread += u->feeds[i].unread;
		total += u->feeds[i].total;
	}
	for (i = u->feed_top; i < u->nfeeds && i < u->feed_top + h; i++) {
		const struct ui_feed *f = &u->feeds[i];
		int	 attr = i == u->feed_cur ? ui_attr(u, UI_ROLE_SELECTED) :
		    f->unread > 0 ? ui_attr(u, UI_ROLE_UNREAD) : (int)A_NORMAL;

		buf_reset(&b);
		snprintf(cnt, sizeof cnt, "(%lld/%lld)",
		    (long long)f->unread, (long long)f->total);
		if (buf_printf(&b, "%4zu %c %11s  ", i + 1,
		    f->unread > 0 ? 'N' : ' ', cnt) != BUF_OK)
			continue;
		if (buf_puts(&b, f->title != NULL ? f->title : "") != BUF_OK)
			continue;
		if (f->tags != NULL && (buf_puts(&b, "  [") != BUF_OK ||
		    buf_puts(&b, f->tags) != BUF_OK ||
		    buf_putc(&b, ']') != BUF_OK))
			continue;
		ui_put((int)(i - u->feed_top) + 1, 0, b.data, (size_t)COLS,
		    attr);
	}
	if (u->nfeeds == 0)
		ui_put(1, 0, "  No feeds.  Add feed URLs to feeds.conf, then "
		    "press R to reload.", (size_t)COLS, A_NORMAL);
	buf_reset(&b);
	if (buf_printf(&b, "%s (%lld unread, %lld total)", u->place,
	    (long long)unread, (long long)total) != BUF_OK)
		buf_reset(&b);
	if (buf_printf(&st, "Feeds %zu/%zu  q:Quit ENTER:Open r:Reload "
	    "R:Reload all /:Search ?:Help", u->nfeeds ? u->feed_cur + 1 : 0,
	    u->nfeeds) != BUF_OK)
		buf_reset(&st);
	ui_draw_bars(u, b.data, st.data);
	buf_release(&b);
	buf_release(&st);
}

void
ui_feeds_key(struct ui *u, enum ui_op op)
{
	struct errbuf eb;
	char	*q;

	if (ui_list_move(op, u->nfeeds, &u->feed_cur, &u->feed_top))
		return;
	switch (op) {
	case OP_QUIT:
		u->done = 1;
		break;
	case OP_OPEN:
		if (u->nfeeds == 0)
			break;
		if (ui_headlines_load(u, u->feeds[u->feed_cur].id,
		    u->feeds[u->feed_cur].title) == 0)
			u->screen = UI_HEADLINES;
		break;
	case OP_NEXT_UNREAD: {
		size_t	 i;

		for (i = 0; i < u->nfeeds; i++) {
			size_t j = (u->feed_cur + i) % u->nfeeds;

			if (u->feeds[j].unread > 0) {
				u->feed_cur = j;
				ui_feeds_key(u, OP_OPEN);
				ui_headlines_key(u, OP_NEXT_UNREAD);
				return;
			}
		}
		ui_message(u, 0, "no unread articles");
		break;
	}
	case OP_RELOAD:
	case OP_RELOAD_ALL:
		if (u->net == NULL) {
			ui_message(u, 1, "offline: nothing to reload");
			break;
		}
		if (ui_net_reload(u->net, op == OP_RELOAD && u->nfeeds > 0 ?
		    u->feeds[u->feed_cur].id : 0) == -1)
			break;
		break;
	case OP_MARK_FEED_READ:
		if (u->store == NULL || u->nfeeds == 0)
			break;
		if (store_feed_mark_read(u->store, u->feeds[u->feed_cur].id,
		    &eb) == -1)
			ui_message(u, 1, "%s", eb.msg);
		ui_feeds_load(u);
		break;
	case OP_SEARCH:
		if ((q = ui_prompt(u, "Search: ")) == NULL)
			break;
		if (*q != '\0' && ui_headlines_search(u, q) == 0)
			u->screen = UI_HEADLINES;
		free(q);
		break;
	default:
		break;
	}
}
