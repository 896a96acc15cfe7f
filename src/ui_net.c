/*
 * ui_net: the fetcher inside the reader's event loop.  Reloads and page
 * fetches are queued on a fetcher (libcurl multi) and moved on by
 * ui_net_step() between keys, so the interface never waits for the
 * network.  A feed's body is parsed and stored in one transaction when
 * it has arrived; a page is extracted, saved as the item's text and shown.
 * Leaving with transfers running aborts them: nothing half-written
 * reaches the store, since every write happens in a transaction at the
 * end of one transfer.
 *
 * The fetcher (and with it libcurl, loaded on first use) is made when the
 * first transfer is asked for: opening the reader on the store costs no
 * network set-up.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "extract.h"
#include "feed.h"
#include "fetch.h"
#include "ui.h"

struct ui_net {
	struct ui	*u;
	struct fetcher	*f;		/* NULL until the first transfer */
	struct fetch_settings fs;
	size_t		 reload_total, reload_done, reload_failed;
	size_t		 pages;
	char		 progress[ERRBUF_BYTES];
	int		 dirty;
	int		 closing;	/* in ui_net_free() */
};

struct job {
	struct ui_net	*n;
	int64_t		 feed_id;	/* reload */
	int64_t		 item_id;	/* page */
	int		 page;
	char		*url;
	struct buf	 body;
};

/* A failure already being reported: recording it may fail too. */
static void
ignore(int rc)
{
	(void)rc;
}

static int
on_data(void *ctx, const struct fetch_response *r, const char *d, size_t n)
{
	struct job *j = ctx;

	(void)r;
	return buf_append(&j->body, d, n) == BUF_OK ? 0 : -1;
}

struct put_ctx {
	struct store	*s;
	int64_t		 feed_id;
	time_t		 now;
	struct errbuf	*eb;
};

static int
on_entry(void *ctx, const struct feed_entry *e)
{
	struct put_ctx *p = ctx;

	return store_item_put(p->s, p->feed_id, e, p->now, NULL, NULL,
	    p->eb);
}

/* Parses and stores a feed body in one transaction. */
static int
store_feed(struct ui_net *n, struct job *j, const struct fetch_response *r,
    struct errbuf *eb)
{
	struct feed_parser *p;
	struct put_ctx pc;
	const struct feed_info *fi;

	pc.s = n->u->store;
	pc.feed_id = j->feed_id;
	pc.now = time(NULL);
	pc.eb = eb;
	if ((p = feed_parser_new(j->url, r->final_url, NULL, on_entry,
	    &pc)) == NULL) {
		errbuf_set(eb, "%s: out of memory", j->url);
		return -1;
	}
	if (store_begin(pc.s, eb) == -1) {
		feed_parser_free(p);
		return -1;
	}
	if (feed_push(p, j->body.data, j->body.len, eb) == -1 ||
	    feed_finish(p, eb) == -1) {
		store_rollback(pc.s);
		feed_parser_free(p);
		return -1;
	}
	fi = feed_parser_info(p);
	if (store_feed_fetched(pc.s, j->feed_id, fi->title, r->etag,
	    r->last_modified, pc.now, eb) == -1 ||
	    store_commit(pc.s, eb) == -1) {
		store_rollback(pc.s);
		feed_parser_free(p);
		return -1;
	}
	feed_parser_free(p);
	return 0;
}

static void
show_page(struct ui_net *n, struct job *j, const struct fetch_response *r)
{
	struct ui *u = n->u;
	struct extract_opts opts;
	struct article *a = NULL;
	struct errbuf eb;
	struct ui_msg msg;
	char	*text;

	memset(&opts, 0, sizeof opts);
	opts.where = j->url;
	opts.base_url = r->final_url != NULL ? r->final_url : j->url;
	if (extract_article(j->body.data, j->body.len, &opts, &a, &eb) == -1) {
		ui_message(u, 1, "%s", eb.msg);
		return;
	}
	if (a->url == NULL)
		(void)article_set(&a->url, j->url, strlen(j->url));
	if (u->store != NULL && j->item_id != 0 &&
	    (text = article_text(a)) != NULL) {
		if (store_text_save(u->store, j->item_id, text, &eb) == -1)
			ui_message(u, 1, "%s", eb.msg);
		free(text);
	}
	/* The article view takes it (in place of the item's feed content,
	 * or on its history); with none open, the page waits in the store. */
	memset(&msg, 0, sizeof msg);
	msg.kind = UI_MSG_ARTICLE;
	msg.article = a;
	msg.text = j->url;
	msg.item_id = j->item_id;
	(void)ui_mode_send(u, &msg);
	article_free(msg.article);
}

static void
on_done(void *ctx, enum fetch_result res, const struct fetch_response *r,
    const char *msg)
{
	struct job *j = ctx;
	struct ui_net *n = j->n;
	struct ui_msg m;
	struct errbuf eb;

	n->dirty = 1;
	if (n->closing) {
		/* Leaving: nothing of an aborted transfer is stored. */
		buf_release(&j->body);
		free(j->url);
		free(j);
		return;
	}
	if (j->page) {
		n->pages--;
		if (res == FETCH_OK)
			show_page(n, j, r);
		else if (res != FETCH_ABORTED) {
			/* Its page never came: the item is not read yet
			 * (the feed's own content was only a stand-in). */
			if (j->item_id != 0 && n->u->store != NULL &&
			    store_item_set_read(n->u->store, j->item_id, 0,
			    &eb) == 0) {
				ui_message(n->u, 1, "%s (left unread)", msg);
				memset(&m, 0, sizeof m);
				m.kind = UI_MSG_RELOADED;
				(void)ui_mode_send(n->u, &m);
			} else
				ui_message(n->u, 1, "%s", msg);
		}
	} else {
		n->reload_done++;
		if (res == FETCH_OK && n->u->store != NULL &&
		    store_feed(n, j, r, &eb) == -1) {
			ignore(store_feed_failed(n->u->store, j->feed_id,
			    eb.msg, &eb));
			n->reload_failed++;
		} else if (res != FETCH_OK && res != FETCH_NOT_MODIFIED &&
		    res != FETCH_ABORTED) {
			if (n->u->store != NULL)
				ignore(store_feed_failed(n->u->store,
				    j->feed_id, msg, &eb));
			n->reload_failed++;
		}
		if (n->reload_done == n->reload_total) {
			ui_message(n->u, n->reload_failed > 0,
			    "reloaded %zu feeds, %zu failed%s",
			    n->reload_total, n->reload_failed,
			    n->reload_failed > 0 ? " (marked !; ^E: why)" :
			    "");
			n->reload_total = n->reload_done = 0;
			n->reload_failed = 0;
			memset(&m, 0, sizeof m);
			m.kind = UI_MSG_RELOADED;
			(void)ui_mode_send(n->u, &m);
		}
	}
	buf_release(&j->body);
	free(j->url);
	free(j);
}

struct ui_net *
ui_net_new(struct ui *u)
{
	struct ui_net *n;

	if ((n = calloc(1, sizeof *n)) == NULL)
		return NULL;
	if (u->conf != NULL) {
		n->fs.max_total = u->conf->reload_concurrency;
		n->fs.max_host = u->conf->host_concurrency;
		n->fs.connect_timeout_ms = u->conf->connect_timeout_ms;
		n->fs.timeout_ms = u->conf->timeout_ms;
		n->fs.user_agent = u->conf->user_agent;
	}
	n->u = u;
	return n;
}

/* The fetcher, made on first use; NULL when it cannot be. */
static struct fetcher *
fetcher(struct ui_net *n)
{
	if (n->f == NULL && (n->f = fetch_new(&n->fs)) == NULL)
		ui_message(n->u, 1, "cannot start the fetcher");
	return n->f;
}

void
ui_net_free(struct ui_net *n)
{
	if (n == NULL)
		return;
	/* Aborts what is left: on_done runs for each with FETCH_ABORTED. */
	n->closing = 1;
	fetch_free(n->f);
	free(n);
}

static int
add(struct ui_net *n, const char *url, const char *etag, const char *lm,
    size_t max, int64_t feed_id, int64_t item_id, int page)
{
	struct fetch_callbacks cb = { on_data, on_done };
	struct fetch_request rq;
	struct errbuf eb;
	struct job *j;

	if ((j = calloc(1, sizeof *j)) == NULL ||
	    (j->url = strdup(url)) == NULL) {
		free(j);
		return -1;
	}
	j->n = n;
	j->feed_id = feed_id;
	j->item_id = item_id;
	j->page = page;
	buf_init(&j->body, max);
	memset(&rq, 0, sizeof rq);
	rq.url = url;
	rq.etag = etag;
	rq.last_modified = lm;
	rq.max_bytes = max;
	if (fetcher(n) == NULL) {
		free(j->url);
		free(j);
		return -1;
	}
	if (fetch_add(n->f, &rq, &cb, j, &eb) == -1) {
		ui_message(n->u, 1, "%s", eb.msg);
		free(j->url);
		free(j);
		return -1;
	}
	return 0;
}

int
ui_net_reload(struct ui_net *n, int64_t feed_id)
{
	struct store_feed *sf = NULL;
	struct errbuf eb;
	size_t	 nf = 0, i;

	if (n->u->store == NULL)
		return -1;
	if (n->reload_total > 0) {
		ui_message(n->u, 0, "a reload is already running");
		return 0;
	}
	if (store_feeds(n->u->store, &sf, &nf, &eb) == -1) {
		ui_message(n->u, 1, "%s", eb.msg);
		return -1;
	}
	for (i = 0; i < nf; i++) {
		if (feed_id != 0 && sf[i].id != feed_id)
			continue;
		if (add(n, sf[i].url, sf[i].etag, sf[i].last_modified,
		    FETCH_FEED_MAX_BYTES, sf[i].id, 0, 0) == 0)
			n->reload_total++;
	}
	store_feeds_free(sf, nf);
	n->dirty = 1;
	return 0;
}

int
ui_net_page(struct ui_net *n, const char *url, int64_t item_id)
{
	if (add(n, url, NULL, NULL, FETCH_PAGE_MAX_BYTES, 0, item_id, 1) == -1)
		return -1;
	n->pages++;
	n->dirty = 1;
	return 0;
}

int
ui_net_step(struct ui_net *n)
{
	struct errbuf eb;
	int	 d;

	if (n->f != NULL && fetch_pending(n->f) > 0 &&
	    fetch_perform(n->f, 0, &eb) == -1)
		ui_message(n->u, 1, "%s", eb.msg);
	d = n->dirty;
	n->dirty = 0;
	return d;
}

size_t
ui_net_pending(const struct ui_net *n)
{
	return n->f != NULL ? fetch_pending(n->f) : 0;
}

const char *
ui_net_progress(struct ui_net *n)
{
	if (n->reload_total > 0 && n->pages > 0)
		snprintf(n->progress, sizeof n->progress,
		    "reloading %zu/%zu, fetching %zu page(s)", n->reload_done,
		    n->reload_total, n->pages);
	else if (n->reload_total > 0)
		snprintf(n->progress, sizeof n->progress, "reloading %zu/%zu",
		    n->reload_done, n->reload_total);
	else if (n->pages > 0)
		snprintf(n->progress, sizeof n->progress, "fetching %zu "
		    "page(s)", n->pages);
	else
		return NULL;
	return n->progress;
}
