/*
 * cmd_follow: --reload, a thin command over the sync engine (sync.h):
 * it hands the engine the feeds of feeds.conf and prints what the
 * engine reports.  On a terminal a progress line is redrawn in place
 * and cleared before any other line is printed; every failed feed or
 * page gets one line on err naming its URL and why; a summary line
 * ends the run.  Exit status 1 when a feed failed (a page that fails
 * keeps its feed content and is no error of the reload).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "conf.h"
#include "sync.h"

/* How long one sync_step() waits: short, so that pages the writer
 * hands back start without waiting for a slow transfer. */
#define RELOAD_STEP_MS	20

struct reload {
	FILE	*out, *err;
	int	 tty;		/* out is a terminal: a progress line */
	int	 shown;		/* the progress line is on the screen */
};

static void	 on_report(void *, const struct sync_report *,
		    const struct sync_progress *);
static void	 progress(struct reload *, const struct sync_progress *);
static void	 clear_line(struct reload *);

/* Takes the progress line off the screen before another line. */
static void
clear_line(struct reload *r)
{
	if (!r->shown)
		return;
	fputs("\r\033[K", r->out);
	fflush(r->out);
	r->shown = 0;
}

static void
progress(struct reload *r, const struct sync_progress *p)
{
	if (!r->tty)
		return;
	fprintf(r->out, "\r\033[Kreloading: %zu/%zu feeds, %zu new %s, %zu "
	    "%s", p->feeds_done, p->feeds, p->new_items,
	    str_plural(p->new_items, "item", "items"), p->feeds_failed,
	    str_plural(p->feeds_failed, "error", "errors"));
	if (p->pages > 0)
		fprintf(r->out, ", %zu/%zu stories", p->pages_done, p->pages);
	fflush(r->out);
	r->shown = 1;
}

static void
on_report(void *ctx, const struct sync_report *rep,
    const struct sync_progress *p)
{
	struct reload *r = ctx;

	switch (rep->event) {
	case SYNC_FEED_FAILED:
	case SYNC_PAGE_FAILED:
	case SYNC_ERROR:
		clear_line(r);
		fprintf(r->err, "byline: %s\n", rep->msg);
		fflush(r->err);
		break;
	case SYNC_FEED_MOVED:
		clear_line(r);
		fprintf(r->err, "byline: %s (update feeds.conf)\n", rep->msg);
		fflush(r->err);
		break;
	default:
		break;
	}
	progress(r, p);
}

int
cmd_reload(const struct options *o, FILE *out, FILE *err)
{
	struct conf c;
	struct reload r;
	struct sync_settings set;
	struct sync_callbacks cb = { on_report };
	const struct sync_progress *p;
	struct sync *y = NULL;
	struct errbuf eb;
	char	*path = NULL;
	int	 rc = 1, n;

	conf_init(&c);
	memset(&r, 0, sizeof r);
	r.out = out;
	r.err = err;
	r.tty = isatty(fileno(out));
	if (cmd_load_conf(o, &c, err) == -1)
		goto out;
	memset(&set, 0, sizeof set);
	set.fetch.max_total = c.reload_concurrency;
	set.fetch.max_host = c.host_concurrency;
	set.fetch.connect_timeout_ms = c.connect_timeout_ms;
	set.fetch.timeout_ms = c.timeout_ms;
	set.fetch.user_agent = c.user_agent;
	set.prefetch_max = c.prefetch_max;
	set.prefetch_days = c.prefetch_days;
	set.leave_log = 1;
	if ((path = cmd_db_path(o, &eb)) == NULL ||
	    (y = sync_new(path, &set, &cb, &r, &eb)) == NULL ||
	    sync_add_conf(y, c.feeds, c.nfeeds, &eb) == -1) {
		clear_line(&r);
		fprintf(err, "byline: %s\n", eb.msg);
		goto out;
	}
	progress(&r, sync_progress(y));
	while ((n = sync_step(y, RELOAD_STEP_MS, &eb)) > 0)
		continue;
	if (n == -1) {
		clear_line(&r);
		fprintf(err, "byline: %s\n", eb.msg);
		goto out;
	}
	p = sync_progress(y);
	clear_line(&r);
	fprintf(out, "%zu %s, %zu new %s, %zu not modified, %zu %s\n",
	    c.nfeeds, str_plural(c.nfeeds, "feed", "feeds"), p->new_items,
	    str_plural(p->new_items, "item", "items"), p->feeds_unchanged,
	    p->feeds_failed, str_plural(p->feeds_failed, "error", "errors"));
	if (p->pages > 0)
		fprintf(out, "%zu %s stored, %zu %s failed\n",
		    p->pages_done - p->pages_failed,
		    str_plural(p->pages_done - p->pages_failed, "story", "stories"),
		    p->pages_failed, str_plural(p->pages_failed, "page", "pages"));
	rc = p->feeds_failed > 0 ? 1 : 0;
out:
	sync_free(y);
	free(path);
	conf_release(&c);
	return rc;
}
