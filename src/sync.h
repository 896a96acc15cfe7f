/*
 * sync: the one engine that brings feeds and their stories into the
 * store.  --reload, the reader's r and R and the demo all use it, and
 * nothing else fetches, parses and stores a feed.
 *
 * Given feeds, it fetches them (fetch: conditional GET with the stored
 * validators, redirects, permanent redirects reported, caps, the
 * charset of the HTTP Content-Type handed to the parser), parses each
 * body as its bytes arrive (feed), and commits each feed in its own
 * transaction (store), so that a kill loses at most the feeds not yet
 * committed.  A feed's validators are saved only when its body was
 * understood, so a broken answer is fetched whole again next time.
 * Then, unless prefetch is off, it fetches the article page of each new
 * item (at most prefetch_max per run, published in the last
 * prefetch_days days, never one whose story is stored; an item seen
 * before whose page failed fewer than STORE_PAGE_TRIES_MAX times, or
 * was over the cap, counts as new), extracts it as
 * --dump does and stores the whole article (story.h), so that reading
 * it later needs no network.
 *
 * Threads: the caller's thread runs the transfers and the feed parsers
 * inside sync_step(); a writer thread alone writes the store (its own
 * connection, opened by sync_new()); SYNC_EXTRACT_THREADS threads
 * extract pages, so that neither disk nor extraction holds the
 * transfers up.  Should a thread not start, its work runs on the
 * caller's thread instead: slower, as correct.  Parsed entries wait
 * for the writer up to parsed_max bytes; past it, feed transfers
 * pause, so memory stays bounded when the disk is slower than the
 * network.  The store's log is
 * folded into the file off the exit's path: what an earlier run left
 * by a thread of its own from the start (store_fold_log()), what this
 * one writes by the writer when it waits for answers; with leave_log,
 * never once no transfer is left.
 *
 * Callbacks run only on the caller's thread, inside sync_step(), one
 * per outcome (two for a feed that moved: moved, then its outcome), with
 * the running totals; sync_free() calls none.  Nothing is printed.
 *
 * Ownership: sync_new() copies the settings and the path; sync_free()
 * aborts what is still being fetched (nothing of it is stored), lets
 * the threads finish what they hold, and frees everything.
 * Errors: 0 or -1 with eb set ("WHERE: why").
 */
#ifndef BYLINE_SYNC_H
#define BYLINE_SYNC_H

#include <stddef.h>
#include <stdint.h>

#include "conf.h"
#include "fetch.h"
#include "store.h"
#include "util.h"

struct sync_settings {
	struct fetch_settings fetch;	/* its strings must outlive sync */
	long		 prefetch_max;	/* pages per run; 0: no prefetch */
	long		 prefetch_days;	/* newer items only; 0: default */
	/* The caller frees the engine once its work is done, and its
	 * process ends (--reload): the store's log is then left for the
	 * next run to fold in while its first requests wait (see the
	 * threads below), rather than copied at the exit. */
	int		 leave_log;
	/* Bytes of parsed entries held before the writer takes them;
	 * past it, feed transfers pause.  0: SYNC_PARSED_MAX_BYTES. */
	size_t		 parsed_max;
};

enum sync_event {
	SYNC_FEED_OK,		/* stored; report's new_items */
	SYNC_FEED_UNCHANGED,	/* 304 */
	SYNC_FEED_FAILED,	/* msg says why; what came before the
				   damage of a broken feed is stored */
	SYNC_FEED_MOVED,	/* every redirect was permanent: msg is
				   "URL: moved permanently to NEW" */
	SYNC_PAGE_OK,		/* the item's story is stored */
	SYNC_PAGE_FAILED,	/* msg: "URL: why"; the item keeps its
				   feed content */
	SYNC_ERROR,		/* the store failed: msg */
	SYNC_RELATED		/* sync_related()'s answer: related */
};

struct sync_progress {
	size_t	 feeds, feeds_done, feeds_failed, feeds_unchanged;
	size_t	 new_items;
	size_t	 pages, pages_done, pages_failed;
};

struct sync_report {
	enum sync_event	 event;
	int64_t		 feed_id;	/* 0 for pages */
	int64_t		 item_id;	/* pages */
	const char	*url;		/* the feed's or the page's */
	const char	*msg;		/* one line, or "" */
	size_t		 new_items;	/* SYNC_FEED_OK */
	const char	*story;		/* SYNC_PAGE_OK: story.h's form */
	int		 asked;		/* a page of sync_add_page() */
	/* SYNC_RELATED: the items (store_items()'s form), which the
	 * callback may take by setting *related to NULL; else they are
	 * freed after it. */
	struct store_item **related;
	size_t		 nrelated;
};

struct sync_callbacks {
	/* May be NULL.  Strings are valid during the call only. */
	void	(*on_report)(void *ctx, const struct sync_report *,
		    const struct sync_progress *);
};

struct sync;

/* Opens db_path with its own connection (store_open()); NULL with eb
 * set when that or memory fails.  db_path NULL: no store, pages only
 * (sync_add_page() with item_id 0). */
struct sync	*sync_new(const char *db_path, const struct sync_settings *,
		    const struct sync_callbacks *, void *ctx,
		    struct errbuf *eb);
void		 sync_free(struct sync *);

/* Queues the feeds of feeds.conf: each is made known to the store (one
 * transaction for all) with its custom title and tags, then fetched.
 * A feed fetch_add() refuses is reported (SYNC_FEED_FAILED) at once. */
int	 sync_add_conf(struct sync *, const struct conf_feed *, size_t n,
	    struct errbuf *eb) WARN_UNUSED;
/* Queues stored feeds: feed_id, or every feed when 0. */
int	 sync_add_stored(struct sync *, int64_t feed_id, struct errbuf *eb)
	    WARN_UNUSED;
/* Fetches one page now (the reader opening it), whatever the prefetch
 * limits: reported as SYNC_PAGE_OK, with the story, or
 * SYNC_PAGE_FAILED.  The story is stored as item_id's, unless item_id
 * is 0 (a page that is no item of the store). */
int	 sync_add_page(struct sync *, int64_t item_id, const char *url,
	    struct errbuf *eb) WARN_UNUSED;

/*
 * Looks up, on the writer's connection and thread, the stored items
 * about the same thing as item_id (store_related(), at most max), so
 * that the reader never waits for the full-text index: the answer
 * comes as a SYNC_RELATED report.
 */
int	 sync_related(struct sync *, int64_t item_id, size_t max,
	    struct errbuf *eb) WARN_UNUSED;

/*
 * Moves everything on: waits at most timeout_ms for the network or the
 * threads, runs the transfers, calls the callbacks of what ended.
 * Returns the work still pending (0: all done), or -1 with eb set when
 * libcurl itself fails.
 */
int	 sync_step(struct sync *, int timeout_ms, struct errbuf *eb);
const struct sync_progress *sync_progress(const struct sync *);
/* Work not yet reported: transfers, commands, extractions, writes and
 * lookups (what sync_step() returns). */
size_t	 sync_pending(struct sync *);

#endif
