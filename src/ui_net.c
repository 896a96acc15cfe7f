/*
 * ui_net: the reader's view of the sync engine (sync.h).  Reloads (r,
 * R) and the page of an opened item go to one engine, made on first
 * use (with it libcurl and the engine's threads, so that opening the
 * reader on the store costs no network set-up); ui_net_step() moves it
 * on between keys without waiting, and its reports become the status
 * line, reloaded lists and pages shown in place.  The engine fetches,
 * parses, extracts and writes the store on threads of its own; the
 * screen never waits for the network, the disk or the extractor.
 * Leaving with transfers running aborts them: nothing half-written
 * reaches the store, since every write happens in a transaction at the
 * end of one transfer.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "story.h"
#include "sync.h"
#include "ui.h"

struct ui_net {
	struct ui	*u;
	struct sync	*y;		/* NULL until the first use */
	struct sync_settings set;
	size_t		 feeds_base;	/* feeds_done when the reload began */
	size_t		 reload_total;	/* feeds of the running reload */
	size_t		 reload_done, reload_failed, reload_moved;
	size_t		 pages;		/* pages asked for by the reader */
	char		 progress[ERRBUF_BYTES];
	int		 dirty;
};

static void	 on_report(void *, const struct sync_report *,
		    const struct sync_progress *);
static void	 show_page(struct ui_net *, const struct sync_report *);
static void	 reloaded(struct ui *);
static void	 related(struct ui *, const struct sync_report *);
static struct sync *engine(struct ui_net *);

struct ui_net *
ui_net_new(struct ui *u)
{
	struct ui_net *n;

	if ((n = calloc(1, sizeof *n)) == NULL)
		return NULL;
	if (u->conf != NULL) {
		n->set.fetch.max_total = u->conf->reload_concurrency;
		n->set.fetch.max_host = u->conf->host_concurrency;
		n->set.fetch.connect_timeout_ms = u->conf->connect_timeout_ms;
		n->set.fetch.timeout_ms = u->conf->timeout_ms;
		n->set.fetch.user_agent = u->conf->user_agent;
		n->set.prefetch_max = u->conf->prefetch_max;
		n->set.prefetch_days = u->conf->prefetch_days;
	}
	n->u = u;
	return n;
}

/* The engine, made on first use; NULL (and said) when it cannot be. */
static struct sync *
engine(struct ui_net *n)
{
	struct sync_callbacks cb = { on_report };
	struct errbuf eb;

	if (n->y == NULL && (n->y = sync_new(n->u->store != NULL ?
	    store_path(n->u->store) : NULL, &n->set, &cb, n, &eb)) == NULL)
		ui_message(n->u, 1, "%s", eb.msg);
	return n->y;
}

void
ui_net_free(struct ui_net *n)
{
	if (n == NULL)
		return;
	/* aborts what is left; no report comes any more */
	sync_free(n->y);
	free(n);
}

/*
 * A fetched page, as the engine extracted (and for a store item,
 * stored) it: the story is decoded exactly as it will be when the item
 * is opened offline later, and the article view takes it (in place of
 * the item's feed content, or on its history); with none open, the
 * page waits in the store.
 */
static void
show_page(struct ui_net *n, const struct sync_report *r)
{
	struct ui *u = n->u;
	struct ui_msg msg;
	struct errbuf eb;

	memset(&msg, 0, sizeof msg);
	if (story_decode(r->story, strlen(r->story), r->url, &msg.article,
	    &eb) == -1) {
		ui_message(u, 1, "%s", eb.msg);
		return;
	}
	msg.kind = UI_MSG_ARTICLE;
	msg.text = r->url;
	msg.item_id = r->item_id;
	(void)ui_mode_send(u, &msg);
	article_free(msg.article);
}

/* The "more on this" list of item_id, for the article view. */
static void
related(struct ui *u, const struct sync_report *r)
{
	struct ui_msg m;

	memset(&m, 0, sizeof m);
	m.kind = UI_MSG_RELATED;
	m.item_id = r->item_id;
	m.items = *r->related;
	m.nitems = r->nrelated;
	(void)ui_mode_send(u, &m);
	/* what the view did not take is the engine's to free */
	*r->related = m.items;
}

/* Lists read the store again. */
static void
reloaded(struct ui *u)
{
	struct ui_msg m;

	memset(&m, 0, sizeof m);
	m.kind = UI_MSG_RELOADED;
	(void)ui_mode_send(u, &m);
}

static void
on_report(void *ctx, const struct sync_report *r,
    const struct sync_progress *p)
{
	struct ui_net *n = ctx;
	struct ui *u = n->u;
	struct errbuf eb;
	char	 moved[64];

	(void)p;
	n->dirty = 1;
	switch (r->event) {
	case SYNC_PAGE_OK:
	case SYNC_PAGE_FAILED:
		if (!r->asked)
			return;	/* prefetched: nothing to show */
		n->pages--;
		if (r->event == SYNC_PAGE_OK) {
			show_page(n, r);
			return;
		}
		/* Its page never came: the item is not read yet (the
		 * feed's own content was only a stand-in). */
		if (r->item_id != 0 && u->store != NULL &&
		    store_item_set_read(u->store, r->item_id, 0, &eb) == 0) {
			ui_message(u, 1, "%s (left unread)", r->msg);
			reloaded(u);
		} else
			ui_message(u, 1, "%s", r->msg);
		return;
	case SYNC_ERROR:
		ui_message(u, 1, "%s", r->msg);
		return;
	case SYNC_RELATED:
		related(u, r);
		return;
	case SYNC_FEED_MOVED:
		/* said now; counted in the reload's last message */
		ui_message(u, 0, "%s", r->msg);
		n->reload_moved++;
		return;
	case SYNC_FEED_FAILED:
		n->reload_failed++;
		break;
	default:
		break;
	}
	if (n->reload_total == 0)
		return;
	if (++n->reload_done < n->reload_total)
		return;
	moved[0] = '\0';
	if (n->reload_moved > 0)
		snprintf(moved, sizeof moved, ", %zu moved permanently "
		    "(update feeds.conf)", n->reload_moved);
	ui_message(u, n->reload_failed > 0, "reloaded %zu %s, %zu failed%s%s",
	    n->reload_total, str_plural(n->reload_total, "feed", "feeds"),
	    n->reload_failed, n->reload_failed > 0 ?
	    " (marked !; ^E: why)" : "", moved);
	n->reload_total = n->reload_done = n->reload_failed = 0;
	n->reload_moved = 0;
	reloaded(u);
}

int
ui_net_reload(struct ui_net *n, int64_t feed_id)
{
	const struct sync_progress *p;
	struct errbuf eb;
	size_t	 before;

	if (n->u->store == NULL || engine(n) == NULL)
		return -1;
	if (n->reload_total > 0) {
		ui_message(n->u, 0, "a reload is already running");
		return 0;
	}
	p = sync_progress(n->y);
	before = p->feeds;
	if (sync_add_stored(n->y, feed_id, &eb) == -1) {
		ui_message(n->u, 1, "%s", eb.msg);
		return -1;
	}
	n->reload_total = p->feeds - before;
	n->reload_done = n->reload_failed = n->reload_moved = 0;
	n->dirty = 1;
	return 0;
}

int
ui_net_page(struct ui_net *n, const char *url, int64_t item_id)
{
	struct errbuf eb;

	if (engine(n) == NULL)
		return -1;
	if (sync_add_page(n->y, item_id, url, &eb) == -1) {
		ui_message(n->u, 1, "%s", eb.msg);
		return -1;
	}
	n->pages++;
	n->dirty = 1;
	return 0;
}

int
ui_net_related(struct ui_net *n, int64_t item_id, size_t max)
{
	struct errbuf eb;

	if (n->u->store == NULL || engine(n) == NULL ||
	    sync_related(n->y, item_id, max, &eb) == -1)
		return -1;
	return 0;
}

int
ui_net_step(struct ui_net *n)
{
	struct errbuf eb;
	int	 d;

	if (n->y != NULL && sync_step(n->y, 0, &eb) == -1)
		ui_message(n->u, 1, "%s", eb.msg);
	d = n->dirty;
	n->dirty = 0;
	return d;
}

size_t
ui_net_pending(const struct ui_net *n)
{
	return n->y != NULL ? sync_pending(n->y) : 0;
}

const char *
ui_net_progress(struct ui_net *n)
{
	const struct sync_progress *p;
	size_t	 stories;

	if (n->y == NULL)
		return NULL;
	p = sync_progress(n->y);
	stories = p->pages - p->pages_done;
	if (n->reload_total > 0 && stories > 0)
		snprintf(n->progress, sizeof n->progress,
		    "reloading %zu/%zu, fetching %zu page(s)", n->reload_done,
		    n->reload_total, stories);
	else if (n->reload_total > 0)
		snprintf(n->progress, sizeof n->progress, "reloading %zu/%zu",
		    n->reload_done, n->reload_total);
	else if (stories > 0)
		snprintf(n->progress, sizeof n->progress, "fetching %zu "
		    "page(s)", stories);
	else
		return NULL;
	return n->progress;
}
