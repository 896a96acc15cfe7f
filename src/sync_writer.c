/*
 * sync_writer: the sync engine's writer, the one thread that writes the
 * store (see sync.c for the stages, sync.h for the contract).  It
 * commits each ended feed (its entries and validators, or the reason it
 * failed) and makes the page jobs of its items worth prefetching (new,
 * or whose page failed fewer than STORE_PAGE_TRIES_MAX times before),
 * stores each extracted page's story, answers sync_related(), batches
 * what waits in one transaction, and checkpoints the store's log when
 * the queue runs dry.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store.h"
#include "sync.h"
#include "sync_int.h"

/* Seconds in a day, for prefetch-days. */
#define DAY_SECONDS	(24L * 60 * 60)

static int	 save_feed(struct sync *, struct job *, struct errbuf *);
static void	 drop_pages(struct sync *, struct job *);
static void	 pages_out(struct sync *, struct job *);
static int	 tx_begin(struct sync *, struct errbuf *);
static int	 tx_commit(struct sync *, struct errbuf *);
static void	 tx_abort(struct sync *);
static void	 parse_error(struct job *);
static void	 write_feed(struct sync *, struct job *);
static void	 write_page(struct sync *, struct job *);
static void	 write_one(struct sync *, struct job *);
static void	 write_done(struct job *);
static void	 written(struct sync *, struct job *);

/* Writes a feed's entries and validators in one transaction and makes
 * the page jobs of its new items. */
static int
save_feed(struct sync *y, struct job *j, struct errbuf *eb)
{
	struct job *pages = NULL, *p, *next;
	const struct feed_entry *e;
	time_t	 oldest;
	size_t	 i, added = 0;
	int64_t	 item;
	int	 is_new, rc;

	oldest = y->now - (time_t)y->set.prefetch_days * DAY_SECONDS;
	if (tx_begin(y, eb) == -1)
		return -1;
	for (i = 0; i < j->nentries; i++) {
		e = &j->entries[i].e;
		if (store_item_put(y->store, j->feed_id, e, y->now, &is_new,
		    &item, eb) == -1)
			goto fail;
		added += is_new != 0;
		if (y->prefetch_left <= 0 || !sync_is_web(e->link) ||
		    (e->has_time && e->time < oldest))
			continue;
		/* an item seen before: its page failed, or was over the
		 * cap, at an earlier reload */
		if (!is_new && (rc = store_item_wants_page(y->store, item,
		    eb)) != 1) {
			if (rc == -1)
				goto fail;
			continue;
		}
		if ((p = sync_job_new(y, JOB_PAGE, e->link)) == NULL)
			continue;	/* not prefetched: no harm */
		p->item_id = item;
		p->next = pages;
		pages = p;
		y->prefetch_left--;
	}
	if (store_feed_fetched(y->store, j->feed_id, j->title, j->etag,
	    j->last_modified, y->now, eb) == -1)
		goto fail;
	if (tx_commit(y, eb) == -1)
		goto fail;
	j->new_items = added;
	/* in the feed's order (the list was built backwards), started
	 * once the items are committed (pages_out()) */
	for (p = pages, pages = NULL; p != NULL; p = next) {
		next = p->next;
		p->next = pages;
		pages = p;
	}
	j->pages = pages;
	return 0;
fail:
	tx_abort(y);
	drop_pages(y, pages);
	return -1;
}

/* Frees page jobs that will not be fetched. */
static void
drop_pages(struct sync *y, struct job *pages)
{
	struct job *p, *next;

	for (p = pages; p != NULL; p = next) {
		next = p->next;
		y->prefetch_left++;
		pthread_mutex_lock(&y->mu);
		y->jobs--;
		pthread_mutex_unlock(&y->mu);
		sync_job_free(p);
	}
}

/* Hands a committed feed's prefetches to the caller's thread. */
static void
pages_out(struct sync *y, struct job *j)
{
	struct job *p, *next;

	for (p = j->pages, j->pages = NULL; p != NULL; p = next) {
		next = p->next;
		sync_give_back(y, p);
	}
}

/*
 * A transaction of its own, or inside the writer's batch (several jobs
 * committed together, see sync_write_batch()) nothing: a failure there marks
 * the batch, which is then rolled back and each of its jobs written
 * alone, so that each feed stays whole or absent either way.
 */
static int
tx_begin(struct sync *y, struct errbuf *eb)
{
	return y->in_batch ? 0 : store_begin(y->store, eb);
}

static int
tx_commit(struct sync *y, struct errbuf *eb)
{
	return y->in_batch ? 0 : store_commit(y->store, eb);
}

static void
tx_abort(struct sync *y)
{
	if (y->in_batch)
		y->batch_failed = 1;
	else
		store_rollback(y->store);
}

/*
 * Sets the message of a body the parser refused: "URL: not a feed
 * (why)" when no entry came, "URL: broken feed after N entries (why)"
 * otherwise; why is the parser's message without its leading URL and
 * without a "not a feed" of its own.
 */
static void
parse_error(struct job *j)
{
	const char *why = j->perr.msg;
	size_t	 ul = strlen(j->url);

	if (strncmp(why, j->url, ul) == 0)
		why += ul;
	while (*why == ':' || *why == ' ')
		why++;
	if (j->nentries == 0) {
		if (strncmp(why, "not a feed", 10) == 0)
			why += 10;
		while (*why == ':' || *why == ' ')
			why++;
		if (*why == '\0')
			snprintf(j->msg, sizeof j->msg, "%.250s: not a feed",
			    j->url);
		else
			snprintf(j->msg, sizeof j->msg, "%.250s: not a feed "
			    "(%.200s)", j->url, why);
	} else
		snprintf(j->msg, sizeof j->msg, "%.250s: broken feed after "
		    "%zu entries (%.200s)", j->url, j->nentries, why);
	j->event = SYNC_FEED_FAILED;
}

/* Stores the outcome of one ended feed transfer.  Runs on the writer
 * (or the caller's thread when there is none), holding store_mu. */
static void
write_feed(struct sync *y, struct job *j)
{
	struct errbuf eb;

	j->event = SYNC_FEED_FAILED;
	if (j->nomem) {
		snprintf(j->msg, sizeof j->msg, "%.300s: out of memory",
		    j->url);
	} else if (j->res == FETCH_NOT_MODIFIED) {
		j->event = SYNC_FEED_UNCHANGED;
		j->msg[0] = '\0';
	} else if (j->parse_failed || (j->res == FETCH_ABORTED &&
	    j->had_parser)) {
		/* keep what came before the error, report the feed */
		parse_error(j);
		if (j->nentries > 0 && save_feed(y, j, &eb) == -1)
			snprintf(j->msg, sizeof j->msg, "%s", eb.msg);
	} else if (j->res != FETCH_OK) {
		/* fetch's message */
	} else if (!j->had_parser) {
		snprintf(j->msg, sizeof j->msg, "%.300s: not a feed (empty "
		    "answer)", j->url);
	} else if (j->finish_failed) {
		parse_error(j);
		if (j->nentries > 0 && save_feed(y, j, &eb) == -1)
			snprintf(j->msg, sizeof j->msg, "%s", eb.msg);
	} else if (save_feed(y, j, &eb) == -1) {
		snprintf(j->msg, sizeof j->msg, "%s", eb.msg);
	} else {
		j->event = SYNC_FEED_OK;
		j->msg[0] = '\0';
	}
	if (j->event == SYNC_FEED_FAILED &&
	    store_feed_failed(y->store, j->feed_id, j->msg, &eb) == -1) {
		/* the report says why the feed failed; that it could
		 * not be noted is secondary, but a batch is retried */
		if (y->in_batch)
			y->batch_failed = 1;
	}
}

static void
write_page(struct sync *y, struct job *j)
{
	struct errbuf eb;

	if (j->story == NULL) {
		j->event = SYNC_PAGE_FAILED;
		/* counted: a later reload tries it again, a few times */
		if (j->item_id != 0 && (tx_begin(y, &eb) == -1 ||
		    store_item_page_failed(y->store, j->item_id, &eb) == -1 ||
		    tx_commit(y, &eb) == -1))
			tx_abort(y);
		return;
	}
	/* the story stays with the job for the report */
	if (j->item_id != 0 && tx_begin(y, &eb) == -1) {
		j->event = SYNC_ERROR;
		snprintf(j->msg, sizeof j->msg, "%s", eb.msg);
	} else if (j->item_id != 0 && (store_story_save(y->store, j->item_id,
	    j->story, j->text, &eb) == -1 || tx_commit(y, &eb) == -1)) {
		tx_abort(y);
		j->event = SYNC_ERROR;
		snprintf(j->msg, sizeof j->msg, "%s", eb.msg);
	} else {
		j->event = SYNC_PAGE_OK;
		j->msg[0] = '\0';
	}
}

/* One job's work on the store; store_mu is held. */
static void
write_one(struct sync *y, struct job *j)
{
	struct errbuf eb;

	if (j->kind == JOB_FEED)
		write_feed(y, j);
	else if (j->kind == JOB_PAGE)
		write_page(y, j);
	else if (store_related(y->store, j->item_id, j->max, &j->rel,
	    &j->nrel, &eb) == -1) {
		j->rel = NULL;
		j->nrel = 0;
	}
}

/* Frees what a written job no longer needs, before its report waits
 * in the queue: a feed's entries (not where it moved), a page's text. */
static void
write_done(struct job *j)
{
	char	*moved;

	if (j->kind == JOB_FEED) {
		moved = j->moved_to;
		j->moved_to = NULL;
		sync_job_clear_feed(j);
		j->moved_to = moved;
	} else if (j->kind == JOB_PAGE) {
		free(j->text);
		j->text = NULL;
	}
}

/* The entries of the jobs of list (linked by next) are written and
 * freed (write_done()): paused feed transfers may go on. */
static void
written(struct sync *y, struct job *list)
{
	struct job *j;
	size_t	 n = 0;

	for (j = list; j != NULL; j = j->next) {
		n += j->bytes;
		j->bytes = 0;
	}
	pthread_mutex_lock(&y->mu);
	y->writing -= n;
	pthread_mutex_unlock(&y->mu);
}

void
sync_write_job(struct sync *y, struct job *j)
{
	pthread_mutex_lock(&y->store_mu);
	write_one(y, j);
	write_done(j);
	pthread_mutex_unlock(&y->store_mu);
	pages_out(y, j);
	sync_give_back(y, j);
}

/*
 * Writes the jobs of list (linked by next) in one transaction, so that
 * the commit, the rewrite of the pages every feed touches (the indexes'
 * last pages, the full-text index's new segment) and the log they go
 * through are paid once for all.  Should anything in it fail (or the
 * commit), the whole batch is rolled back and each job written again
 * in a transaction of its own: a feed is still stored whole or not at
 * all, and a failing one costs only itself.  A savepoint per feed did
 * the same for 19% more CPU time on a cold reload of 1000 feeds.
 */
void
sync_write_batch(struct sync *y, struct job *list)
{
	struct errbuf eb;
	struct job *j, *next;
	int	 done = 0;

	pthread_mutex_lock(&y->store_mu);
	if (list->next != NULL && store_begin(y->store, &eb) == 0) {
		y->in_batch = 1;
		y->batch_failed = 0;
		for (j = list; j != NULL && !y->batch_failed; j = j->next)
			write_one(y, j);
		y->in_batch = 0;
		if (!y->batch_failed && store_commit(y->store, &eb) == 0)
			done = 1;
		else {
			store_rollback(y->store);
			for (j = list; j != NULL; j = j->next) {
				drop_pages(y, j->pages);
				j->pages = NULL;
				j->new_items = 0;
			}
		}
	}
	for (j = list; j != NULL; j = j->next) {
		/* a lookup of a rolled back batch keeps its answer */
		if (!done && (j->kind != JOB_RELATED || j->rel == NULL))
			write_one(y, j);
		write_done(j);
	}
	pthread_mutex_unlock(&y->store_mu);
	written(y, list);
	for (j = list; j != NULL; j = next) {
		next = j->next;
		pages_out(y, j);
		sync_give_back(y, j);
	}
}

/*
 * The writer: stores queued jobs in order; when the queue runs dry it
 * checkpoints the store's log (store_checkpoint()), so that the copy
 * overlaps the network rather than the exit; with leave_log, only
 * while transfers are left (y->inflight, as the caller last published
 * it: a stale count costs a checkpoint more or less, never a wrong
 * store).
 */
void *
sync_writer_main(void *arg)
{
	struct sync *y = arg;
	struct errbuf eb;
	struct queue batch;
	struct job *j;

	pthread_mutex_lock(&y->mu);
	for (;;) {
		if (y->q_write.head == NULL && !y->stop_write &&
		    y->store != NULL && (!y->set.leave_log ||
		    y->inflight > 0)) {
			pthread_mutex_unlock(&y->mu);
			pthread_mutex_lock(&y->store_mu);
			if (store_checkpoint(y->store, STORE_WAL_IDLE_PAGES,
			    &eb) == -1) {
				/* not fatal: a later commit or the close
				 * checkpoints */
			}
			pthread_mutex_unlock(&y->store_mu);
			pthread_mutex_lock(&y->mu);
		}
		while (y->q_write.head == NULL && !y->stop_write)
			pthread_cond_wait(&y->cv_write, &y->mu);
		if (y->q_write.head == NULL)
			break;
		/* everything waiting, at most SYNC_WRITE_BATCH_MAX */
		batch.head = batch.tail = NULL;
		batch.n = 0;
		while (batch.n < SYNC_WRITE_BATCH_MAX &&
		    (j = sync_q_pop(&y->q_write)) != NULL) {
			y->waiting -= j->bytes;
			y->writing += j->bytes;
			sync_q_push(&batch, j);
		}
		pthread_mutex_unlock(&y->mu);
		sync_write_batch(y, batch.head);
		pthread_mutex_lock(&y->mu);
	}
	pthread_mutex_unlock(&y->mu);
	return NULL;
}
