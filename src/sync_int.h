/*
 * sync_int: what sync.c, sync_job.c and sync_writer.c share, internal
 * to the sync module (see sync.h for its contract and sync.c for the
 * stages a job goes through).  The job and queue helpers are
 * sync_job.c's; the writer's work on the store is sync_writer.c's.
 */
#ifndef BYLINE_SYNC_INT_H
#define BYLINE_SYNC_INT_H

#include <pthread.h>
#include <stdint.h>
#include <time.h>

#include "feed.h"
#include "fetch.h"
#include "store.h"
#include "sync.h"
#include "util.h"

/* One entry copied out of the parser. */
struct entry {
	struct feed_entry e;
	char	*mem;		/* owns all of e's strings */
};

enum job_kind { JOB_FEED, JOB_PAGE, JOB_RELATED };

struct job {
	struct sync	*y;
	struct job	*next;		/* in a queue */
	enum job_kind	 kind;
	int		 fetched;	/* a page job back to be reported, not
					   fetched */
	int		 asked;		/* sync_add_page(), not prefetch */
	int64_t		 feed_id, item_id;
	char		*url;
	/* feed, filled on the caller's thread */
	struct feed_parser *parser;
	struct entry	*entries;
	size_t		 nentries, aentries;
	int		 parse_failed, nomem, had_parser, finish_failed;
	struct errbuf	 perr;
	size_t		 bytes;		/* of its entries, counted in the
					   sync's parsing, waiting or writing */
	enum fetch_result res;
	char		*title, *etag, *last_modified, *moved_to;
	/* page */
	struct buf	 body;
	char		*final_url;
	char		 charset[FETCH_CHARSET_MAX_BYTES];
	char		*story, *text;	/* extracted, for the writer */
	struct job	*pages;		/* prefetches of a feed, given back
					   once it is committed */
	/* related: the answer */
	size_t		 max;
	struct store_item *rel;
	size_t		 nrel;
	/* the outcome, for the report */
	enum sync_event	 event;
	size_t		 new_items;
	char		 msg[ERRBUF_BYTES];
};

struct queue {
	struct job	*head, *tail;
	size_t		 n;
};

struct sync {
	struct store	*store;		/* the writer's; store_mu guards it */
	struct fetcher	*f;
	struct sync_settings set;
	struct sync_callbacks cb;
	void		*ctx;
	struct sync_progress pr;
	size_t		 jobs;		/* alive: not yet reported */
	long		 prefetch_left;	/* the writer's */
	time_t		 now;
	int		 closing;
	/* the caller's thread: transfers added and not ended, and the
	 * pages to prefetch waiting for a free slot (feeds go first) */
	size_t		 fetching;
	struct queue	 q_pages;
	size_t		 parsing;	/* bytes of entries of feeds still
					   being fetched */

	pthread_mutex_t	 mu;		/* the queues, jobs, closing */
	pthread_mutex_t	 store_mu;
	pthread_cond_t	 cv_write, cv_extract, cv_back, cv_cmd;
	struct queue	 q_write, q_extract, q_back, q_cmd;
	pthread_t	 writer, extractor[SYNC_EXTRACT_THREADS], commander;
	pthread_t	 folder;	/* folds in the log a last run left */
	int		 has_writer, has_commander, has_folder;
	int		 stop_cmd;	/* commander: end when dry */
	int		 in_batch;	/* the writer's: inside a batch */
	int		 batch_failed;	/* the writer's: roll it back */
	size_t		 nextractors;
	int		 stop_extract;	/* extractors: end when dry */
	int		 stop_write;	/* writer: end when dry, after them */
	size_t		 inflight;	/* transfers not ended and pages not
					   started, as the caller last saw */
	size_t		 waiting;	/* bytes of entries in q_write */
	size_t		 writing;	/* and in the writer's batch */
};

/* sync_job.c: the queues (the caller holds mu), jobs and their
 * hand-back. */
void		 sync_q_push(struct queue *, struct job *);
struct job	*sync_q_pop(struct queue *);
int		 sync_is_web(const char *);
struct job	*sync_job_new(struct sync *, enum job_kind, const char *);
void		 sync_job_free(struct job *);
void		 sync_job_clear_feed(struct job *);
void		 sync_give_back(struct sync *, struct job *);

/* sync_writer.c: one job's write (the caller's thread, when there is
 * no writer), a batch's (linked by next, in one transaction; each feed
 * still whole or absent) and the writer thread.  Both hand the jobs
 * back (sync_give_back()). */
void		 sync_write_job(struct sync *, struct job *);
void		 sync_write_batch(struct sync *, struct job *);
void		*sync_writer_main(void *);

#endif
