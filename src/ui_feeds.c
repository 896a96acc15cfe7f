/*
 * ui_feeds: the feed list, as newsboat shows it: number, unread/total,
 * title, tags, in the order of feeds.conf's lines, query feeds among
 * them; "!" marks those whose last reload failed (^E says why).  A
 * query feed's counts are those of its items, and with ignore-article
 * lines every feed's counts leave out what its list leaves out (the
 * same filter, ui_filter_compose(), counted); counts are read again
 * when the list is shown again and when a reload ends.  A tag chosen in
 * the tag view (UI_MSG_TAG) keeps only the feeds with it.  The list
 * answers the other screens' UI_MSG_FEED_TITLE.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "filter.h"
#include "ui.h"

struct feed {
	int64_t		 id;		/* 0: a query feed */
	char		*title;
	char		*tags;		/* ", "-separated, or NULL */
	char		*expr;		/* a query feed's, or NULL */
	int64_t		 unread, total;
	int		 failed;	/* the last reload failed */
	size_t		 line;		/* in feeds.conf; 0: not there */
};

struct feeds {
	struct feed	*v;
	size_t		 n, cur, top;
	char		*tag;		/* only feeds with it; NULL: all */
};

static int	 feeds_open(struct ui *, const struct ui_msg *, void **,
		    struct errbuf *);
static void	 feeds_draw(struct ui *, void *);
static void	 feeds_key(struct ui *, void *, enum ui_op);
static int	 feeds_message(struct ui *, void *, struct ui_msg *);
static void	 feeds_free(void *);

const struct ui_mode ui_feeds_mode = {
	.name = "feeds",
	.open = feeds_open,
	.draw = feeds_draw,
	.key = feeds_key,
	.message = feeds_message,
	.free = feeds_free
};

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

static void
clear(struct feeds *f)
{
	size_t	 i;

	for (i = 0; i < f->n; i++) {
		free(f->v[i].title);
		free(f->v[i].tags);
		free(f->v[i].expr);
	}
	free(f->v);
	f->v = NULL;
	f->n = 0;
}

/* Is tag among tags ('|'-separated, or n separate strings)? */
static int
has_tag(const char *tag, const char *joined, char *const *v, size_t n)
{
	const char *p, *e;
	size_t	 i, len = strlen(tag);

	for (i = 0; i < n; i++)
		if (strcmp(v[i], tag) == 0)
			return 1;
	for (p = joined; p != NULL && *p != '\0'; p = *e == '|' ? e + 1 : e) {
		e = strchr(p, '|');
		if (e == NULL)
			e = p + strlen(p);
		if ((size_t)(e - p) == len && strncmp(p, tag, len) == 0)
			return 1;
	}
	return 0;
}

static int
cmp_line(const void *a, const void *b)
{
	const struct feed *x = a, *y = b;

	return x->line < y->line ? -1 : x->line > y->line;
}

/* Adds the query feeds of the config (with the tag, when one is chosen)
 * at nf[*k...]; 0 or -1. */
static int
load_queries(struct ui *u, struct feeds *f, struct feed *nf, size_t *k)
{
	const struct conf_query *q;
	struct buf t;
	size_t	 i, j;

	for (i = 0; u->conf != NULL && i < u->conf->nqueries; i++) {
		q = &u->conf->queries[i];
		if (f->tag != NULL && !has_tag(f->tag, NULL, q->tags,
		    q->ntags))
			continue;
		memset(&nf[*k], 0, sizeof nf[*k]);
		buf_init(&t, LAYOUT_LINE_MAX_BYTES);
		for (j = 0; j < q->ntags; j++)
			if ((j > 0 && buf_puts(&t, ", ") != BUF_OK) ||
			    buf_puts(&t, q->tags[j]) != BUF_OK)
				break;
		nf[*k].tags = t.len > 0 ? buf_take(&t) : NULL;
		buf_release(&t);
		nf[*k].title = strdup(q->title);
		nf[*k].expr = strdup(q->expr);
		nf[*k].line = q->line;
		(*k)++;
		if (nf[*k - 1].title == NULL || nf[*k - 1].expr == NULL)
			return -1;
	}
	return 0;
}

/* A feed's counts (feed id, or a query's expression) as its list shows
 * them: the query's items, less the ignore-article ones. */
static void
count(struct ui *u, struct feed *fd)
{
	struct filter q;
	struct errbuf eb;
	int	 rc;

	if ((rc = ui_filter_compose(u, fd->expr, NULL, &q, &eb)) != 0) {
		if (rc == -1)
			ui_message(u, 1, "%s: %s", fd->title, eb.msg);
		return;
	}
	if (store_count_filter(u->store, &q, fd->id, &fd->unread,
	    &fd->total, &eb) == -1)
		ui_message(u, 1, "%s", eb.msg);
	filter_release(&q);
}

/* Reads the feeds and their counts from the store again. */
static int
load(struct ui *u, struct feeds *f)
{
	struct store_feed *sf = NULL;
	struct feed *nf;
	struct errbuf eb;
	size_t	 n = 0, i, k = 0, nq = u->conf != NULL ? u->conf->nqueries : 0;

	if (u->store == NULL)
		return 0;
	if (store_feeds(u->store, &sf, &n, &eb) == -1) {
		ui_message(u, 1, "%s", eb.msg);
		return -1;
	}
	nf = n + nq > 0 ? calloc(n + nq, sizeof *nf) : NULL;
	if (n + nq > 0 && nf == NULL) {
		store_feeds_free(sf, n);
		ui_message(u, 1, "out of memory");
		return -1;
	}
	if (load_queries(u, f, nf, &k) == -1)
		ui_message(u, 1, "out of memory");
	for (i = 0; i < n; i++) {
		const struct conf_feed *cf = u->conf != NULL ?
		    conf_find_feed(u->conf, sf[i].url) : NULL;
		const char *t = sf[i].custom_title != NULL ?
		    sf[i].custom_title : sf[i].title != NULL ? sf[i].title :
		    sf[i].url;

		/* Feeds no longer configured, or hidden ("!"), stay out;
		 * so do those without the chosen tag. */
		if (u->conf != NULL && (cf == NULL || cf->hidden))
			continue;
		if (f->tag != NULL && !has_tag(f->tag, sf[i].tags,
		    cf != NULL ? cf->tags : NULL, cf != NULL ? cf->ntags : 0))
			continue;
		nf[k].id = sf[i].id;
		nf[k].title = strdup(t);
		nf[k].tags = join_tags(sf[i].tags);
		nf[k].unread = sf[i].unread;
		nf[k].total = sf[i].total;
		nf[k].failed = sf[i].error != NULL;
		nf[k].line = cf != NULL ? cf->line : 0;
		k++;
	}
	store_feeds_free(sf, n);
	/* feeds.conf's order, as newsboat lists it (the store's when there
	 * is no feeds.conf: the demo) */
	if (u->conf != NULL && k > 1)
		qsort(nf, k, sizeof *nf, cmp_line);
	for (i = 0; u->conf != NULL && i < k; i++)
		if (nf[i].expr != NULL || u->conf->nignores > 0)
			count(u, &nf[i]);
	clear(f);
	f->v = nf;
	f->n = k;
	if (f->cur >= k)
		f->cur = k > 0 ? k - 1 : 0;
	return 0;
}

static int
feeds_open(struct ui *u, const struct ui_msg *msg, void **data,
    struct errbuf *eb)
{
	struct feeds *f;

	(void)msg;
	if ((f = calloc(1, sizeof *f)) == NULL) {
		errbuf_set(eb, "out of memory");
		return -1;
	}
	(void)load(u, f);
	*data = f;
	return 0;
}

static void
feeds_free(void *data)
{
	struct feeds *f = data;

	if (f == NULL)
		return;
	clear(f);
	free(f->tag);
	free(f);
}

static int
feeds_message(struct ui *u, void *data, struct ui_msg *msg)
{
	struct feeds *f = data;
	struct errbuf eb;
	size_t	 i;

	switch (msg->kind) {
	case UI_MSG_FEED_TITLE:
		for (i = 0; i < f->n; i++)
			if (f->v[i].id == msg->feed_id) {
				msg->answer = f->v[i].title;
				return 1;
			}
		return 0;
	case UI_MSG_RESUME:
	case UI_MSG_RELOADED:
		(void)load(u, f);
		return 0;
	case UI_MSG_TAG:
		free(f->tag);
		f->tag = msg->text != NULL ? strdup(msg->text) : NULL;
		f->cur = f->top = 0;
		(void)load(u, f);
		if (f->tag != NULL)
			ui_message(u, 0, "tag \"%s\": %zu feeds (^T: all)",
			    f->tag, f->n);
		return 1;
	case UI_MSG_SEARCH:
		/* From a screen above that left: the results on top. */
		if (ui_screen_push(u, UI_SCREEN_HEADLINES, msg, &eb) == -1)
			ui_message(u, 1, "%s", eb.msg);
		else
			msg->done = 1;
		return 1;
	default:
		return 0;
	}
}

static void
feeds_draw(struct ui *u, void *data)
{
	struct feeds *f = data;
	struct buf b, st;
	size_t	 i, h = (size_t)ui_body_lines();
	int64_t	 unread = 0, total = 0;
	char	 cnt[48];

	buf_init(&b, LAYOUT_LINE_MAX_BYTES);
	buf_init(&st, LAYOUT_LINE_MAX_BYTES);
	if (f->cur >= f->top + h)
		f->top = f->cur - h + 1;
	if (f->cur < f->top)
		f->top = f->cur;
	for (i = 0; i < f->n; i++) {
		if (f->v[i].expr != NULL)
			continue;	/* its items are counted in their feeds */
		unread += f->v[i].unread;
		total += f->v[i].total;
	}
	for (i = f->top; i < f->n && i < f->top + h; i++) {
		const struct feed *fd = &f->v[i];
		int	 attr = ui_attr(u, i == f->cur ?
		    (fd->unread > 0 ? UI_ROLE_SELECTED_UNREAD :
		    UI_ROLE_SELECTED) : fd->unread > 0 ? UI_ROLE_UNREAD :
		    UI_ROLE_PLAIN);

		buf_reset(&b);
		snprintf(cnt, sizeof cnt, "(%lld/%lld)",
		    (long long)fd->unread, (long long)fd->total);
		if (buf_printf(&b, "%4zu %c%c %11s  ", i + 1,
		    fd->unread > 0 ? 'N' : ' ', fd->failed ? '!' : ' ',
		    cnt) != BUF_OK)
			continue;
		if (buf_puts(&b, fd->title != NULL ? fd->title : "") != BUF_OK)
			continue;
		if (fd->tags != NULL && (buf_puts(&b, "  [") != BUF_OK ||
		    buf_puts(&b, fd->tags) != BUF_OK ||
		    buf_putc(&b, ']') != BUF_OK))
			continue;
		ui_put((int)(i - f->top) + 1, 0, b.data, ui_cols(), attr);
	}
	if (f->n == 0)
		ui_put(1, 0, "  No feeds.  Add feed URLs to feeds.conf, then "
		    "press R to reload.", ui_cols(), ui_attr(u, UI_ROLE_PLAIN));
	buf_reset(&b);
	if (buf_printf(&b, "%s%s%s%s (%lld unread, %lld total)", u->place,
	    f->tag != NULL ? " tagged \"" : "", f->tag != NULL ? f->tag : "",
	    f->tag != NULL ? "\"" : "", (long long)unread,
	    (long long)total) != BUF_OK)
		buf_reset(&b);
	if (buf_printf(&st, "Feeds %zu/%zu  q:Quit ENTER:Open r:Reload "
	    "R:Reload all /:Search ?:Help", f->n ? f->cur + 1 : 0,
	    f->n) != BUF_OK)
		buf_reset(&st);
	ui_draw_bars(u, b.data, st.data);
	buf_release(&b);
	buf_release(&st);
}

/* Opens the headlines of the feed under the cursor; 0 when shown. */
static int
open_feed(struct ui *u, struct feeds *f)
{
	struct ui_msg msg;
	struct errbuf eb;

	if (f->n == 0)
		return -1;
	memset(&msg, 0, sizeof msg);
	msg.kind = f->v[f->cur].expr != NULL ? UI_MSG_QUERY : UI_MSG_FEED;
	msg.feed_id = f->v[f->cur].id;
	msg.text = f->v[f->cur].title;
	msg.base_url = f->v[f->cur].expr;
	if (ui_screen_push(u, UI_SCREEN_HEADLINES, &msg, &eb) == -1) {
		ui_message(u, 1, "%s", eb.msg);
		return -1;
	}
	return 0;
}

static void
feeds_key(struct ui *u, void *data, enum ui_op op)
{
	struct feeds *f = data;
	struct ui_msg msg;
	struct errbuf eb;
	size_t	 i;
	char	*q;

	/* newsboat's J and K move between feeds here */
	if (ui_list_move(op == OP_NEXT ? OP_DOWN : op == OP_PREV ? OP_UP : op,
	    f->n, &f->cur, &f->top))
		return;
	switch (op) {
	case OP_QUIT:
		ui_mode_pop(u);
		break;
	case OP_GOTO_LINK:
		ui_list_goto(u, f->n, &f->cur, &f->top);
		break;
	case OP_PREV_UNREAD:
		for (i = 1; i <= f->n; i++) {
			size_t j = (f->cur + f->n - i) % f->n;

			if (f->v[j].unread > 0) {
				f->cur = j;
				/* from the top, back to its last */
				if (open_feed(u, f) == 0)
					ui_mode_key(u, OP_PREV_UNREAD);
				return;
			}
		}
		ui_message(u, 0, "no unread articles");
		break;
	case OP_OPEN:
		(void)open_feed(u, f);
		break;
	case OP_NEXT_UNREAD:
		for (i = 0; i < f->n; i++) {
			size_t j = (f->cur + i) % f->n;

			if (f->v[j].unread > 0) {
				f->cur = j;
				/* The headlines, now on top, open their
				 * first unread article. */
				if (open_feed(u, f) == 0)
					ui_mode_key(u, OP_NEXT_UNREAD);
				return;
			}
		}
		ui_message(u, 0, "no unread articles");
		break;
	case OP_RELOAD:
	case OP_RELOAD_ALL:
		if (u->net == NULL) {
			ui_message(u, 1, "offline: nothing to reload");
			break;
		}
		if (op == OP_RELOAD && f->n > 0 && f->v[f->cur].expr != NULL)
			ui_message(u, 0, "a query feed is not fetched: R "
			    "reloads its sources");
		else
			(void)ui_net_reload(u->net, op == OP_RELOAD && f->n >
			    0 ? f->v[f->cur].id : 0);
		break;
	case OP_MARK_FEED_READ:
		if (u->store == NULL || f->n == 0 || f->v[f->cur].expr != NULL)
			break;
		if (store_feed_mark_read(u->store, f->v[f->cur].id,
		    &eb) == -1)
			ui_message(u, 1, "%s", eb.msg);
		(void)load(u, f);
		break;
	case OP_SEARCH:
		if ((q = ui_prompt(u, "Search: ")) == NULL)
			break;
		memset(&msg, 0, sizeof msg);
		msg.kind = UI_MSG_SEARCH;
		msg.text = q;
		if (*q != '\0' && ui_screen_push(u, UI_SCREEN_HEADLINES, &msg,
		    &eb) == -1)
			ui_message(u, 1, "%s", eb.msg);
		free(q);
		break;
	default:
		break;
	}
}
