/*
 * ui_pick: a list of lines to read or choose from, for three screens of
 * newsboat's: the error log (^E: every bad line of feeds.conf and the
 * settings file, then each feed whose last reload failed, with its
 * address and why), the tag view (t: Enter lists only the feeds with
 * that tag) and the article's links (u: Enter follows one).  Opened with
 * UI_MSG_ERRORS, UI_MSG_TAGS or UI_MSG_URLS; q pops it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui.h"

struct line {
	char	*text;		/* shown */
	char	*value;		/* a tag or a URL, or NULL */
	size_t	 nfeeds;	/* a tag's: feeds under it */
};

struct pick {
	enum ui_msg_kind kind;
	struct line	*v;
	size_t		 n, cur, top;
};

static void
pick_free(void *data)
{
	struct pick *p = data;
	size_t	 i;

	if (p == NULL)
		return;
	for (i = 0; i < p->n; i++) {
		free(p->v[i].text);
		free(p->v[i].value);
	}
	free(p->v);
	free(p);
}

/* Appends a line (text sanitised); value may be NULL.  0 or -1. */
static int
add(struct pick *p, const char *text, const char *value)
{
	struct line *nv;
	char	*t, *v = NULL;

	if ((nv = reallocarray(p->v, p->n + 1, sizeof *nv)) == NULL)
		return -1;
	p->v = nv;
	if ((t = utf8_clean(text)) == NULL ||
	    (value != NULL && (v = strdup(value)) == NULL)) {
		free(t);
		return -1;
	}
	p->v[p->n].text = t;
	p->v[p->n].value = v;
	p->v[p->n].nfeeds = 0;
	p->n++;
	return 0;
}

static int
load_errors(struct ui *u, struct pick *p, struct errbuf *eb)
{
	struct store_feed *sf = NULL;
	struct buf b;
	size_t	 n = 0, i;
	int	 rc = 0;

	for (i = 0; u->conf != NULL && i < u->conf->nwarnings && rc == 0; i++)
		rc = add(p, u->conf->warnings[i], NULL);
	if (rc == 0 && u->store != NULL &&
	    store_feeds(u->store, &sf, &n, eb) == -1)
		return -1;
	buf_init(&b, LAYOUT_LINE_MAX_BYTES);
	for (i = 0; i < n && rc == 0; i++) {
		if (sf[i].error == NULL)
			continue;
		buf_reset(&b);
		/* fetch's messages start with the URL already */
		if (strncmp(sf[i].error, sf[i].url, strlen(sf[i].url)) == 0)
			rc = buf_puts(&b, sf[i].error) == BUF_OK ? 0 : -1;
		else
			rc = buf_printf(&b, "%s: %s", sf[i].url,
			    sf[i].error) == BUF_OK ? 0 : -1;
		if (rc == 0)
			rc = add(p, b.data, sf[i].url);
	}
	buf_release(&b);
	store_feeds_free(sf, n);
	if (rc == 0 && p->n == 0)
		rc = add(p, "No errors: every config line was understood and "
		    "no feed failed its last reload.", NULL);
	if (rc == -1)
		errbuf_set(eb, "out of memory");
	return rc;
}

static int
cmp_line(const void *a, const void *b)
{
	return strcmp(((const struct line *)a)->value,
	    ((const struct line *)b)->value);
}

/* Adds tag (len bytes) to the list once, counting n feeds under it. */
static int
add_tag(struct pick *p, const char *tag, size_t len, size_t n)
{
	char	*t;
	size_t	 k;
	int	 rc;

	for (k = 0; k < p->n; k++)
		if (strlen(p->v[k].value) == len &&
		    strncmp(p->v[k].value, tag, len) == 0) {
			p->v[k].nfeeds += n;
			return 0;
		}
	if ((t = strndup(tag, len)) == NULL)
		return -1;
	if ((rc = add(p, t, t)) == 0)
		p->v[p->n - 1].nfeeds = n;
	free(t);
	return rc;
}

/*
 * The tags of the feeds the feed list shows: those of feeds.conf (its
 * feeds and query feeds) and those the store keeps for each feed (the
 * demo has no feeds.conf), each with the number of feeds under it.
 */
static int
load_tags(struct ui *u, struct pick *p, struct errbuf *eb)
{
	const struct conf *c = u->conf;
	struct store_feed *sf = NULL;
	struct buf b;
	size_t	 n = 0, i, j, k;
	int	 rc = 0;

	if (u->store != NULL && store_feeds(u->store, &sf, &n, eb) == -1)
		return -1;
	for (i = 0; c != NULL && i < c->nqueries && rc == 0; i++)
		for (j = 0; j < c->queries[i].ntags && rc == 0; j++)
			rc = add_tag(p, c->queries[i].tags[j],
			    strlen(c->queries[i].tags[j]), 0);
	for (i = 0; i < n && rc == 0; i++) {
		const struct conf_feed *cf = c != NULL ?
		    conf_find_feed(c, sf[i].url) : NULL;
		const char *t, *e;

		/* as the feed list: configured and not hidden */
		if (c != NULL && (cf == NULL || cf->hidden))
			continue;
		for (j = 0; cf != NULL && j < cf->ntags && rc == 0; j++)
			rc = add_tag(p, cf->tags[j],
			    strlen(cf->tags[j]), 1);
		for (t = sf[i].tags; t != NULL && *t != '\0' && rc == 0;
		    t = *e == '|' ? e + 1 : e) {
			if ((e = strchr(t, '|')) == NULL)
				e = t + strlen(t);
			for (j = 0; cf != NULL && j < cf->ntags; j++)
				if (strlen(cf->tags[j]) == (size_t)(e - t) &&
				    strncmp(cf->tags[j], t, e - t) == 0)
					break;
			if (e > t && (cf == NULL || j == cf->ntags))
				rc = add_tag(p, t, e - t, 1);
		}
	}
	store_feeds_free(sf, n);
	/* "tag (N feeds)", sorted by tag */
	buf_init(&b, LAYOUT_LINE_MAX_BYTES);
	for (k = 0; k < p->n && rc == 0; k++) {
		buf_reset(&b);
		if (buf_printf(&b, "%s (%zu feeds)", p->v[k].value,
		    p->v[k].nfeeds) != BUF_OK)
			rc = -1;
		else {
			free(p->v[k].text);
			if ((p->v[k].text = utf8_clean(b.data)) == NULL)
				rc = -1;
		}
	}
	buf_release(&b);
	if (rc == -1) {
		errbuf_set(eb, "out of memory");
		return -1;
	}
	qsort(p->v, p->n, sizeof *p->v, cmp_line);
	if (p->n == 0) {
		errbuf_set(eb, "no tags: tags follow a feed's URL in "
		    "feeds.conf");
		return -1;
	}
	return 0;
}

static int
load_urls(struct pick *p, const struct article *a, struct errbuf *eb)
{
	struct buf b;
	size_t	 i;

	if (a == NULL || a->nlinks == 0) {
		errbuf_set(eb, "no links in this article");
		return -1;
	}
	buf_init(&b, LAYOUT_LINE_MAX_BYTES);
	for (i = 0; i < a->nlinks; i++) {
		buf_reset(&b);
		if (buf_printf(&b, "[%zu] %s  %s", i + 1, a->links[i].text,
		    a->links[i].url) != BUF_OK ||
		    add(p, b.data, a->links[i].url) == -1) {
			buf_release(&b);
			errbuf_set(eb, "out of memory");
			return -1;
		}
	}
	buf_release(&b);
	return 0;
}

static int
pick_open(struct ui *u, const struct ui_msg *msg, void **data,
    struct errbuf *eb)
{
	struct pick *p;
	int	 rc;

	if ((p = calloc(1, sizeof *p)) == NULL) {
		errbuf_set(eb, "out of memory");
		return -1;
	}
	p->kind = msg->kind;
	if (msg->kind == UI_MSG_ERRORS)
		rc = load_errors(u, p, eb);
	else if (msg->kind == UI_MSG_TAGS)
		rc = load_tags(u, p, eb);
	else if (msg->kind == UI_MSG_URLS)
		rc = load_urls(p, msg->article, eb);
	else {
		errbuf_set(eb, "pick: nothing to list");
		rc = -1;
	}
	if (rc == -1) {
		pick_free(p);
		return -1;
	}
	*data = p;
	return 0;
}

static void
pick_draw(struct ui *u, void *data)
{
	struct pick *p = data;
	size_t	 i, h = (size_t)ui_body_lines();
	const char *title, *status;

	if (p->cur >= p->top + h)
		p->top = p->cur - h + 1;
	for (i = p->top; i < p->n && i < p->top + h; i++)
		ui_put((int)(i - p->top) + 1, 1, p->v[i].text, ui_cols() - 1,
		    ui_attr(u, i == p->cur && p->kind != UI_MSG_ERRORS ?
		    UI_ROLE_SELECTED : p->kind == UI_MSG_ERRORS &&
		    p->v[i].value == NULL && u->conf != NULL &&
		    i < u->conf->nwarnings ? UI_ROLE_ERROR : UI_ROLE_PLAIN));
	switch (p->kind) {
	case UI_MSG_ERRORS:
		title = "Error log: bad config lines, failed feeds";
		status = "q:Back  R:Reload all  E:Edit feeds.conf";
		break;
	case UI_MSG_TAGS:
		title = "Tags";
		status = "q:Back  ENTER:List the feeds with this tag  "
		    "^T:All feeds";
		break;
	default:
		title = "Links of the article";
		status = "q:Back  ENTER:Follow  o:Open in the browser";
		break;
	}
	ui_draw_bars(u, title, status);
}

static void
pick_key(struct ui *u, void *data, enum ui_op op)
{
	struct pick *p = data;
	struct ui_msg msg;
	struct errbuf eb;
	char	*v;

	if (ui_list_move(op, p->n, &p->cur, &p->top))
		return;
	v = p->n > 0 ? p->v[p->cur].value : NULL;
	switch (op) {
	case OP_QUIT:
	case OP_BACK:
	case OP_ERROR_LOG:
		ui_mode_pop(u);
		break;
	case OP_OPEN:
		if (v == NULL || p->kind == UI_MSG_ERRORS)
			break;
		memset(&msg, 0, sizeof msg);
		if (p->kind == UI_MSG_TAGS) {
			if ((v = strdup(v)) == NULL)
				break;
			ui_mode_pop(u);	/* frees p */
			msg.kind = UI_MSG_TAG;
			msg.text = v;
			(void)ui_mode_send(u, &msg);
			free(v);
			break;
		}
		msg.kind = UI_MSG_TARGET;
		msg.text = v;
		if (ui_screen_push(u, UI_SCREEN_ARTICLE, &msg, &eb) == -1)
			ui_message(u, 1, "%s", eb.msg);
		break;
	case OP_BROWSER:
		if (v != NULL && p->kind == UI_MSG_URLS)
			ui_open_browser(u, v, 0);
		break;
	default:
		break;
	}
}

const struct ui_mode ui_pick_mode = {
	.name = "pick",
	.open = pick_open,
	.draw = pick_draw,
	.key = pick_key,
	.free = pick_free
};
