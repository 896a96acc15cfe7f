/*
 * sync: the sync engine.  See sync.h for the contract.
 *
 * A job is one feed or one page on its way through the stages:
 *
 *   feed: fetch + parse (caller) -> commit (writer) -> report (caller)
 *   page: fetch (caller) -> extract (extractor) -> commit (writer)
 *         -> report (caller)
 *
 * and the writer, having committed a feed, makes a page job for each
 * new item worth prefetching and hands it back to the caller's thread,
 * which starts its transfer.  Jobs move between threads on three queues
 * guarded by one mutex: to the writer (bounded, SYNC_WRITE_QUEUE_MAX,
 * so parsed entries waiting for the disk stay bounded), to the
 * extractors (bounded, SYNC_EXTRACT_QUEUE_MAX, so page bodies held stay
 * bounded) and back to the caller (unbounded: it never waits to give a
 * job back).  Only the caller's thread waits for room, and the writer
 * and extractors never wait for it, so the queues cannot deadlock.
 */
#include <errno.h>
#include <signal.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include "extract.h"
#include "feed.h"
#include "spawn.h"
#include "story.h"
#include "store.h"
#include "sync.h"

/* Seconds in a day, for prefetch-days. */
#define DAY_SECONDS	(24L * 60 * 60)

/* One entry copied out of the parser. */
struct entry {
	struct feed_entry e;
	char	*s[7];		/* the strings, owned */
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

	pthread_mutex_t	 mu;		/* the queues, jobs, closing */
	pthread_mutex_t	 store_mu;
	pthread_cond_t	 cv_write, cv_extract, cv_room, cv_back, cv_cmd;
	struct queue	 q_write, q_extract, q_back, q_cmd;
	pthread_t	 writer, extractor[SYNC_EXTRACT_THREADS], commander;
	int		 has_writer, has_commander;
	int		 stop_cmd;	/* commander: end when dry */
	int		 in_batch;	/* the writer's: inside a batch */
	size_t		 nextractors;
	int		 stop_extract;	/* extractors: end when dry */
	int		 stop_write;	/* writer: end when dry, after them */
};

static struct job *job_new(struct sync *, enum job_kind, const char *);
static void	 job_free(struct job *);
static int	 page_type_ok(const char *);
static void	 refused(struct sync *, struct job *, const struct errbuf *);
static void	 job_clear_feed(struct job *);
static void	 q_push(struct queue *, struct job *);
static struct job *q_pop(struct queue *);
static void	 give_back(struct sync *, struct job *);
static void	 to_writer(struct sync *, struct job *);
static void	 to_extractor(struct sync *, struct job *);
static int	 on_entry(void *, const struct feed_entry *);
static int	 feed_data(void *, const struct fetch_response *, const char *,
		    size_t);
static void	 feed_done(void *, enum fetch_result,
		    const struct fetch_response *, const char *);
static int	 page_data(void *, const struct fetch_response *, const char *,
		    size_t);
static void	 page_done(void *, enum fetch_result,
		    const struct fetch_response *, const char *);
static int	 start(struct sync *, struct job *, const char *,
		    const char *, struct errbuf *);
static void	 write_job(struct sync *, struct job *);
static void	 write_feed(struct sync *, struct job *);
static void	 write_page(struct sync *, struct job *);
static int	 save_feed(struct sync *, struct job *, struct errbuf *);
static void	 extract_job(struct job *);
static void	 parse_error(struct job *);
static void	 report(struct sync *, struct job *);
static void	 drain(struct sync *);
static int	 tx_begin(struct sync *, struct errbuf *);
static int	 tx_commit(struct sync *, struct errbuf *);
static void	 tx_abort(struct sync *);
static void	 drop_pages(struct sync *, struct job *);
static void	 pages_out(struct sync *, struct job *);
static void	 write_batch(struct sync *, struct job *);
static void	 write_one(struct sync *, struct job *);
static void	 filter_done(void *, enum fetch_result,
		    const struct fetch_response *, const char *);
static void	 to_command(struct sync *, struct job *);
static void	 command_job(struct sync *, struct job *);
static int	 run_quiet(const char *, const struct buf *, struct buf *,
		    long, const char *, struct errbuf *);
static void	*commander_main(void *);
static void	 xml_quiet(void *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));
static size_t	 max_total(const struct sync *);
static void	*writer_main(void *);
static void	*extractor_main(void *);
static void	 threads_start(struct sync *);
static void	 threads_stop(struct sync *);
static char	*dup_or_null(const char *, int *);
static int	 is_web(const char *);

static const struct fetch_callbacks feed_cb = { feed_data, feed_done };
static const struct fetch_callbacks filter_cb = { page_data, filter_done };
static const struct fetch_callbacks page_cb = { page_data, page_done };

static void
q_push(struct queue *q, struct job *j)
{
	j->next = NULL;
	if (q->tail != NULL)
		q->tail->next = j;
	else
		q->head = j;
	q->tail = j;
	q->n++;
}

static struct job *
q_pop(struct queue *q)
{
	struct job *j;

	if ((j = q->head) == NULL)
		return NULL;
	if ((q->head = j->next) == NULL)
		q->tail = NULL;
	q->n--;
	j->next = NULL;
	return j;
}

static int
is_web(const char *u)
{
	return u != NULL && (ascii_ncasecmp(u, "http://", 7) == 0 ||
	    ascii_ncasecmp(u, "https://", 8) == 0);
}

/* A copy of s, or NULL; *nomem is set when memory runs out. */
static char *
dup_or_null(const char *s, int *nomem)
{
	char	*p;

	if (s == NULL)
		return NULL;
	if ((p = strdup(s)) == NULL)
		*nomem = 1;
	return p;
}

static void
job_clear_feed(struct job *j)
{
	size_t	 i, k;

	for (i = 0; i < j->nentries; i++)
		for (k = 0; k < sizeof j->entries[i].s /
		    sizeof j->entries[i].s[0]; k++)
			free(j->entries[i].s[k]);
	free(j->entries);
	j->entries = NULL;
	j->nentries = j->aentries = 0;
	feed_parser_free(j->parser);
	j->parser = NULL;
	free(j->title);
	free(j->etag);
	free(j->last_modified);
	free(j->moved_to);
	j->title = j->etag = j->last_modified = j->moved_to = NULL;
}

static void
job_free(struct job *j)
{
	if (j == NULL)
		return;
	job_clear_feed(j);
	buf_release(&j->body);
	free(j->final_url);
	free(j->story);
	free(j->text);
	store_items_free(j->rel, j->nrel);
	free(j->url);
	free(j);
}

/* A new job for url, counted alive.  NULL when memory runs out. */
static struct job *
job_new(struct sync *y, enum job_kind kind, const char *url)
{
	struct job *j;

	if ((j = calloc(1, sizeof *j)) == NULL)
		return NULL;
	if ((j->url = strdup(url)) == NULL) {
		free(j);
		return NULL;
	}
	j->y = y;
	j->kind = kind;
	buf_init(&j->body, FETCH_PAGE_MAX_BYTES);
	pthread_mutex_lock(&y->mu);
	y->jobs++;
	pthread_mutex_unlock(&y->mu);
	return j;
}

/* Hands a job to the caller's thread: a report, or a page to fetch. */
static void
give_back(struct sync *y, struct job *j)
{
	pthread_mutex_lock(&y->mu);
	q_push(&y->q_back, j);
	pthread_cond_signal(&y->cv_back);
	pthread_mutex_unlock(&y->mu);
}

/* From the caller's thread: waits for room (bounding what is held). */
static void
to_writer(struct sync *y, struct job *j)
{
	if (!y->has_writer) {
		write_job(y, j);
		return;
	}
	pthread_mutex_lock(&y->mu);
	while (y->q_write.n >= SYNC_WRITE_QUEUE_MAX && j->kind == JOB_FEED)
		pthread_cond_wait(&y->cv_room, &y->mu);
	q_push(&y->q_write, j);
	pthread_cond_signal(&y->cv_write);
	pthread_mutex_unlock(&y->mu);
}

static void
to_extractor(struct sync *y, struct job *j)
{
	if (y->nextractors == 0) {
		extract_job(j);
		to_writer(y, j);
		return;
	}
	pthread_mutex_lock(&y->mu);
	while (y->q_extract.n >= SYNC_EXTRACT_QUEUE_MAX)
		pthread_cond_wait(&y->cv_room, &y->mu);
	q_push(&y->q_extract, j);
	pthread_cond_signal(&y->cv_extract);
	pthread_mutex_unlock(&y->mu);
}

/* Copies one entry; the parser's strings die when this returns. */
static int
on_entry(void *ctx, const struct feed_entry *e)
{
	struct job *j = ctx;
	struct entry *ne, *x;
	const char *src[7];
	size_t	 k;

	if (j->nentries == STORE_ITEMS_PER_FEED_MAX)
		return 0;
	if (j->nentries == j->aentries) {
		/* doubling: a feed of n entries costs O(n) copies */
		k = j->aentries == 0 ? 16 : j->aentries * 2;
		if ((ne = reallocarray(j->entries, k, sizeof *ne)) == NULL)
			goto nomem;
		j->entries = ne;
		j->aentries = k;
	}
	x = &j->entries[j->nentries];
	memset(x, 0, sizeof *x);
	x->e = *e;
	src[0] = e->title;
	src[1] = e->link;
	src[2] = e->content;
	src[3] = e->id;
	src[4] = e->author;
	src[5] = e->enclosure;
	src[6] = e->categories;
	for (k = 0; k < 7; k++) {
		if (src[k] == NULL)
			continue;
		if ((x->s[k] = strdup(src[k])) == NULL) {
			while (k-- > 0)
				free(x->s[k]);
			goto nomem;
		}
	}
	x->e.title = x->s[0] != NULL ? x->s[0] : "";
	x->e.link = x->s[1];
	x->e.content = x->s[2];
	x->e.id = x->s[3];
	x->e.author = x->s[4];
	x->e.enclosure = x->s[5];
	x->e.categories = x->s[6];
	x->e.guid = NULL;
	j->nentries++;
	return 0;
nomem:
	j->nomem = 1;
	return -1;
}

static int
feed_data(void *ctx, const struct fetch_response *resp, const char *data,
    size_t n)
{
	struct job *j = ctx;
	char	 cs[FETCH_CHARSET_MAX_BYTES];

	if (j->parse_failed)
		return 0;
	if (j->parser == NULL) {
		j->parser = feed_parser_new(j->url, resp->final_url,
		    fetch_charset(resp->content_type, cs, sizeof cs),
		    on_entry, j);
		if (j->parser == NULL) {
			j->nomem = 1;
			return -1;
		}
	}
	if (feed_push(j->parser, data, n, &j->perr) == -1) {
		/* receive nothing more: the body is not a feed */
		j->parse_failed = 1;
		return -1;
	}
	return 0;
}

/*
 * The caller's end of a feed transfer: finishes the parse, keeps what
 * the writer needs from the response, frees the parser and hands the
 * job to the writer.
 */
static void
feed_done(void *ctx, enum fetch_result res, const struct fetch_response *resp,
    const char *msg)
{
	struct job *j = ctx;
	struct sync *y = j->y;
	const struct feed_info *fi;

	y->fetching--;
	j->res = res;
	snprintf(j->msg, sizeof j->msg, "%s", msg);
	if (y->closing) {
		/* leaving: nothing of an aborted transfer is stored */
		j->event = SYNC_FEED_FAILED;
		give_back(y, j);
		return;
	}
	j->had_parser = j->parser != NULL;
	if (!j->nomem && res == FETCH_OK && !j->parse_failed &&
	    j->parser != NULL && feed_finish(j->parser, &j->perr) == -1)
		j->finish_failed = 1;
	if (j->parser != NULL) {
		fi = feed_parser_info(j->parser);
		j->title = dup_or_null(fi != NULL ? fi->title : NULL,
		    &j->nomem);
	}
	feed_parser_free(j->parser);
	j->parser = NULL;
	j->etag = dup_or_null(resp->etag, &j->nomem);
	j->last_modified = dup_or_null(resp->last_modified, &j->nomem);
	if (res == FETCH_OK)
		j->moved_to = dup_or_null(resp->moved_to, &j->nomem);
	to_writer(y, j);
}

static int
page_data(void *ctx, const struct fetch_response *resp, const char *data,
    size_t n)
{
	struct job *j = ctx;

	(void)resp;
	return buf_append(&j->body, data, n) == BUF_OK ? 0 : -1;
}

/* Types that may hold an article: HTML, XHTML, or text. */
static int
page_type_ok(const char *ct)
{
	const char *p;

	if (ct == NULL || ascii_ncasecmp(ct, "text/", 5) == 0)
		return 1;
	for (p = ct; *p != '\0' && *p != ';'; p++)
		if (ascii_ncasecmp(p, "html", 4) == 0)
			return 1;
	return 0;
}

static void
page_done(void *ctx, enum fetch_result res, const struct fetch_response *resp,
    const char *msg)
{
	struct job *j = ctx;
	struct sync *y = j->y;
	int	 nomem = 0;

	y->fetching--;
	j->fetched = 1;
	j->event = SYNC_PAGE_FAILED;
	if (y->closing || res == FETCH_ABORTED) {
		snprintf(j->msg, sizeof j->msg, "%.300s: stopped", j->url);
		give_back(y, j);
		return;
	}
	if (res != FETCH_OK) {
		snprintf(j->msg, sizeof j->msg, "%s", msg);
		give_back(y, j);
		return;
	}
	if (!page_type_ok(resp->content_type)) {
		snprintf(j->msg, sizeof j->msg, "%.300s: not an article page "
		    "(%.100s)", j->url, resp->content_type);
		give_back(y, j);
		return;
	}
	(void)fetch_charset(resp->content_type, j->charset,
	    sizeof j->charset);
	j->final_url = dup_or_null(resp->final_url, &nomem);
	if (nomem) {
		snprintf(j->msg, sizeof j->msg, "%.300s: out of memory",
		    j->url);
		give_back(y, j);
		return;
	}
	to_extractor(y, j);
}

/*
 * Extracts a fetched page as --dump does (the same options: the final
 * URL as base, the header's charset) and encodes the story; on failure
 * the job carries the message.  Runs on an extractor.
 */
static void
extract_job(struct job *j)
{
	struct extract_opts eo;
	struct article *a = NULL;
	struct errbuf eb;
	struct buf enc;

	memset(&eo, 0, sizeof eo);
	eo.where = j->url;
	eo.base_url = j->final_url != NULL ? j->final_url : j->url;
	eo.charset = j->charset[0] != '\0' ? j->charset : NULL;
	if (extract_article(j->body.data, j->body.len, &eo, &a, &eb) != 0) {
		snprintf(j->msg, sizeof j->msg, "%s", eb.msg);
		goto out;
	}
	if (a->url == NULL && article_set(&a->url, j->url,
	    strlen(j->url)) == -1)
		goto nomem;
	buf_init(&enc, STORY_MAX_BYTES);
	if (story_encode(a, &enc, &eb) == -1) {
		buf_release(&enc);
		snprintf(j->msg, sizeof j->msg, "%s", eb.msg);
		goto out;
	}
	if ((j->story = buf_take(&enc)) == NULL ||
	    (j->text = article_text(a)) == NULL)
		goto nomem;
	goto out;
nomem:
	snprintf(j->msg, sizeof j->msg, "%.300s: out of memory", j->url);
out:
	article_free(a);
	buf_release(&j->body);
}

/* libxml2's messages of a page ("encoding error", "I/O error"): the
 * extractor's result says what failed; a stray line on stderr would
 * land in the middle of the reader's screen. */
static void
xml_quiet(void *ctx, const char *fmt, ...)
{
	(void)ctx;
	(void)fmt;
}

static void *
extractor_main(void *arg)
{
	struct sync *y = arg;
	struct job *j;

	/* libxml2 keeps its error handler per thread */
	xmlSetGenericErrorFunc(NULL, xml_quiet);
	xmlSetStructuredErrorFunc(NULL, NULL);
	pthread_mutex_lock(&y->mu);
	for (;;) {
		while (y->q_extract.head == NULL && !y->stop_extract)
			pthread_cond_wait(&y->cv_extract, &y->mu);
		if ((j = q_pop(&y->q_extract)) == NULL)
			break;
		pthread_cond_broadcast(&y->cv_room);
		pthread_mutex_unlock(&y->mu);
		extract_job(j);
		/* never waits for room: see the top of the file */
		pthread_mutex_lock(&y->mu);
		q_push(&y->q_write, j);
		pthread_cond_signal(&y->cv_write);
	}
	pthread_mutex_unlock(&y->mu);
	return NULL;
}

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
	int	 is_new;

	oldest = y->now - (time_t)y->set.prefetch_days * DAY_SECONDS;
	if (tx_begin(y, eb) == -1)
		return -1;
	for (i = 0; i < j->nentries; i++) {
		e = &j->entries[i].e;
		if (store_item_put(y->store, j->feed_id, e, y->now, &is_new,
		    &item, eb) == -1)
			goto fail;
		added += is_new != 0;
		if (!is_new || y->prefetch_left <= 0 || !is_web(e->link) ||
		    (e->has_time && e->time < oldest))
			continue;
		if ((p = job_new(y, JOB_PAGE, e->link)) == NULL)
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
		job_free(p);
	}
}

/* Hands a committed feed's prefetches to the caller's thread. */
static void
pages_out(struct sync *y, struct job *j)
{
	struct job *p, *next;

	for (p = j->pages, j->pages = NULL; p != NULL; p = next) {
		next = p->next;
		give_back(y, p);
	}
}

/*
 * A transaction, or inside the writer's batch (several jobs committed
 * together, see writer_main()) a savepoint: each feed stays whole or
 * absent either way.
 */
static int
tx_begin(struct sync *y, struct errbuf *eb)
{
	return y->in_batch ? store_savepoint(y->store, eb) :
	    store_begin(y->store, eb);
}

static int
tx_commit(struct sync *y, struct errbuf *eb)
{
	return y->in_batch ? store_release(y->store, eb) :
	    store_commit(y->store, eb);
}

static void
tx_abort(struct sync *y)
{
	if (y->in_batch)
		store_rollback_to(y->store);
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
	char	*moved;

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
		 * not be noted is secondary */
	}
	/* the entries are no longer needed: free them before the report
	 * waits in the queue */
	moved = j->moved_to;
	j->moved_to = NULL;
	job_clear_feed(j);
	j->moved_to = moved;
}

static void
write_page(struct sync *y, struct job *j)
{
	struct errbuf eb;

	if (j->story == NULL) {
		j->event = SYNC_PAGE_FAILED;
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
	free(j->text);
	j->text = NULL;
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

static void
write_job(struct sync *y, struct job *j)
{
	pthread_mutex_lock(&y->store_mu);
	write_one(y, j);
	pthread_mutex_unlock(&y->store_mu);
	pages_out(y, j);
	give_back(y, j);
}

/*
 * Writes the jobs of list (linked by next) in one transaction, each in
 * a savepoint of its own, so that a feed is still stored whole or not
 * at all and a failing one costs only itself, while the commit, the
 * rewrite of the pages every feed touches (the indexes' last pages, the
 * full-text index's new segment) and the log they go through are paid
 * once for all.  Should the transaction not start, each job gets its
 * own; should the commit fail, none is stored and each says so.
 */
static void
write_batch(struct sync *y, struct job *list)
{
	struct errbuf eb;
	struct job *j, *next;

	pthread_mutex_lock(&y->store_mu);
	if (list->next != NULL && store_begin(y->store, &eb) == 0) {
		y->in_batch = 1;
		for (j = list; j != NULL; j = j->next)
			write_one(y, j);
		y->in_batch = 0;
		if (store_commit(y->store, &eb) == -1) {
			store_rollback(y->store);
			for (j = list; j != NULL; j = j->next) {
				drop_pages(y, j->pages);
				j->pages = NULL;
				j->new_items = 0;
				if (j->kind == JOB_RELATED)
					continue;
				j->event = j->kind == JOB_FEED ?
				    SYNC_FEED_FAILED : SYNC_ERROR;
				snprintf(j->msg, sizeof j->msg, "%s", eb.msg);
			}
		}
	} else
		for (j = list; j != NULL; j = j->next)
			write_one(y, j);
	pthread_mutex_unlock(&y->store_mu);
	for (j = list; j != NULL; j = next) {
		next = j->next;
		pages_out(y, j);
		give_back(y, j);
	}
}

/*
 * The writer: stores queued jobs in order; when the queue runs dry it
 * checkpoints the store's log (store_checkpoint()), so that the copy
 * overlaps the network rather than the exit.
 */
static void *
writer_main(void *arg)
{
	struct sync *y = arg;
	struct errbuf eb;
	struct queue batch;
	struct job *j;

	pthread_mutex_lock(&y->mu);
	for (;;) {
		if (y->q_write.head == NULL && !y->stop_write &&
		    y->store != NULL) {
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
		    (j = q_pop(&y->q_write)) != NULL)
			q_push(&batch, j);
		pthread_cond_broadcast(&y->cv_room);
		pthread_mutex_unlock(&y->mu);
		write_batch(y, batch.head);
		pthread_mutex_lock(&y->mu);
	}
	pthread_mutex_unlock(&y->mu);
	return NULL;
}

/* From the caller's thread: a command feed for the commander (or run
 * now when there is none). */
static void
to_command(struct sync *y, struct job *j)
{
	if (!y->has_commander) {
		command_job(y, j);
		return;
	}
	pthread_mutex_lock(&y->mu);
	q_push(&y->q_cmd, j);
	pthread_cond_signal(&y->cv_cmd);
	pthread_mutex_unlock(&y->mu);
}

/* The fetched body of a filter: feed goes to its command. */
static void
filter_done(void *ctx, enum fetch_result res,
    const struct fetch_response *resp, const char *msg)
{
	struct job *j = ctx;
	struct sync *y = j->y;

	(void)resp;
	y->fetching--;
	j->res = res;
	snprintf(j->msg, sizeof j->msg, "%s", msg);
	if (y->closing) {
		j->event = SYNC_FEED_FAILED;
		give_back(y, j);
		return;
	}
	if (res != FETCH_OK) {
		buf_release(&j->body);
		to_writer(y, j);
		return;
	}
	to_command(y, j);
}

/*
 * spawn_run() with SIGPIPE held back: a command that exits before it
 * has read its input would otherwise kill byline with our next write.
 * A SIGPIPE that came meanwhile is taken before the mask is restored.
 */
static int
run_quiet(const char *cmd, const struct buf *in, struct buf *out, long tmo,
    const char *where, struct errbuf *eb)
{
	struct timespec zero = { 0, 0 };
	sigset_t pipe, old;
	int	 rc;

	sigemptyset(&pipe);
	sigaddset(&pipe, SIGPIPE);
	pthread_sigmask(SIG_BLOCK, &pipe, &old);
	rc = spawn_run(cmd, in->data, in->len, out, tmo, where, eb);
	while (sigtimedwait(&pipe, NULL, &zero) == SIGPIPE)
		continue;
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	return rc;
}

/*
 * Runs the command of an exec: or filter: feed (the filter's with the
 * fetched body as its input), parses its output as the feed's body and
 * hands the job to the writer, as feed_done() does for a transfer.
 * Runs on the commander.
 */
static void
command_job(struct sync *y, struct job *j)
{
	struct buf out;
	struct errbuf eb;
	const struct feed_info *fi;
	const char *base = NULL;
	char	*cmd;
	long	 tmo;
	int	 filter;

	filter = ascii_ncasecmp(j->url, "filter:", 7) == 0;
	if (filter) {
		base = conf_filter_url(j->url);
		cmd = strndup(j->url + 7, (size_t)(base - 1 - (j->url + 7)));
	} else
		cmd = strdup(j->url + 5);
	buf_init(&out, FETCH_FEED_MAX_BYTES);
	tmo = y->set.fetch.timeout_ms > 0 ? y->set.fetch.timeout_ms :
	    FETCH_TIMEOUT_MS;
	j->res = FETCH_OK;
	j->msg[0] = '\0';
	if (cmd == NULL) {
		j->nomem = 1;
	} else if (run_quiet(cmd, &j->body, &out, tmo, j->url, &eb) == -1) {
		j->res = FETCH_ERR_OTHER;
		snprintf(j->msg, sizeof j->msg, "%s", eb.msg);
	} else if (out.len > 0) {
		if ((j->parser = feed_parser_new(j->url, base, NULL, on_entry,
		    j)) == NULL)
			j->nomem = 1;
		else if (feed_push(j->parser, out.data, out.len, &j->perr) ==
		    -1)
			j->parse_failed = 1;
		else if (feed_finish(j->parser, &j->perr) == -1)
			j->finish_failed = 1;
	}
	free(cmd);
	buf_release(&out);
	buf_release(&j->body);
	j->had_parser = j->parser != NULL;
	if (j->parser != NULL) {
		fi = feed_parser_info(j->parser);
		j->title = dup_or_null(fi != NULL ? fi->title : NULL,
		    &j->nomem);
	}
	feed_parser_free(j->parser);
	j->parser = NULL;
	/* never waits for room: see the top of the file */
	if (!y->has_writer) {
		write_job(y, j);
		return;
	}
	pthread_mutex_lock(&y->mu);
	q_push(&y->q_write, j);
	pthread_cond_signal(&y->cv_write);
	pthread_mutex_unlock(&y->mu);
}

static void *
commander_main(void *arg)
{
	struct sync *y = arg;
	struct job *j;

	pthread_mutex_lock(&y->mu);
	for (;;) {
		while (y->q_cmd.head == NULL && !y->stop_cmd)
			pthread_cond_wait(&y->cv_cmd, &y->mu);
		if ((j = q_pop(&y->q_cmd)) == NULL)
			break;
		pthread_mutex_unlock(&y->mu);
		command_job(y, j);
		pthread_mutex_lock(&y->mu);
	}
	pthread_mutex_unlock(&y->mu);
	return NULL;
}

static void
threads_start(struct sync *y)
{
	size_t	 i;

	if (pthread_create(&y->commander, NULL, commander_main, y) == 0)
		y->has_commander = 1;

	if (pthread_create(&y->writer, NULL, writer_main, y) == 0)
		y->has_writer = 1;
	for (i = 0; i < SYNC_EXTRACT_THREADS; i++) {
		if (pthread_create(&y->extractor[i], NULL, extractor_main,
		    y) != 0)
			break;
		y->nextractors++;
	}
}

/* Lets the extractors, then the writer, finish what is queued. */
static void
threads_stop(struct sync *y)
{
	size_t	 i;

	pthread_mutex_lock(&y->mu);
	y->stop_extract = 1;
	y->stop_cmd = 1;
	pthread_cond_broadcast(&y->cv_extract);
	pthread_cond_broadcast(&y->cv_cmd);
	pthread_mutex_unlock(&y->mu);
	if (y->has_commander)
		pthread_join(y->commander, NULL);
	y->has_commander = 0;
	for (i = 0; i < y->nextractors; i++)
		pthread_join(y->extractor[i], NULL);
	y->nextractors = 0;
	pthread_mutex_lock(&y->mu);
	y->stop_write = 1;
	pthread_cond_broadcast(&y->cv_write);
	pthread_mutex_unlock(&y->mu);
	if (y->has_writer)
		pthread_join(y->writer, NULL);
	y->has_writer = 0;
}

struct sync *
sync_new(const char *db_path, const struct sync_settings *set,
    const struct sync_callbacks *cb, void *ctx, struct errbuf *eb)
{
	struct sync *y;

	if ((y = calloc(1, sizeof *y)) == NULL) {
		errbuf_set(eb, "%s: out of memory", db_path);
		return NULL;
	}
	if (set != NULL)
		y->set = *set;
	if (y->set.prefetch_days <= 0)
		y->set.prefetch_days = SYNC_PREFETCH_DAYS_DEFAULT;
	y->prefetch_left = y->set.prefetch_max;
	if (cb != NULL)
		y->cb = *cb;
	y->ctx = ctx;
	y->now = time(NULL);
	if (db_path != NULL && (y->store = store_open(db_path, eb)) == NULL) {
		free(y);
		return NULL;
	}
	if ((y->f = fetch_new(&y->set.fetch)) == NULL) {
		errbuf_set(eb, "cannot start the fetcher (libcurl)");
		store_close(y->store);
		free(y);
		return NULL;
	}
	/* libxml2 sets its globals up once, before threads parse */
	xmlInitParser();
	pthread_mutex_init(&y->mu, NULL);
	pthread_mutex_init(&y->store_mu, NULL);
	pthread_cond_init(&y->cv_write, NULL);
	pthread_cond_init(&y->cv_extract, NULL);
	pthread_cond_init(&y->cv_room, NULL);
	pthread_cond_init(&y->cv_back, NULL);
	pthread_cond_init(&y->cv_cmd, NULL);
	threads_start(y);
	return y;
}

/* Calls the report of an ended job (and a second one for a permanent
 * redirect) and frees it. */
static void
report(struct sync *y, struct job *j)
{
	struct sync_report r;

	memset(&r, 0, sizeof r);
	r.event = j->event;
	r.url = j->url;
	r.msg = j->msg;
	if (j->kind == JOB_RELATED) {
		r.event = SYNC_RELATED;
		r.item_id = j->item_id;
		r.related = &j->rel;
		r.nrelated = j->nrel;
		if (y->cb.on_report != NULL && !y->closing)
			y->cb.on_report(y->ctx, &r, &y->pr);
		if (j->rel == NULL)
			j->nrel = 0;
		pthread_mutex_lock(&y->mu);
		y->jobs--;
		pthread_mutex_unlock(&y->mu);
		job_free(j);
		return;
	}
	if (j->kind == JOB_FEED) {
		r.feed_id = j->feed_id;
		y->pr.feeds_done++;
		if (j->event == SYNC_FEED_UNCHANGED)
			y->pr.feeds_unchanged++;
		else if (j->event != SYNC_FEED_OK)
			y->pr.feeds_failed++;
		r.new_items = j->new_items;
		y->pr.new_items += j->new_items;
	} else {
		r.item_id = j->item_id;
		r.story = j->event == SYNC_PAGE_OK ? j->story : NULL;
		r.asked = j->asked;
		y->pr.pages_done++;
		if (j->event != SYNC_PAGE_OK)
			y->pr.pages_failed++;
	}
	if (j->kind == JOB_FEED && j->res == FETCH_OK && j->moved_to != NULL &&
	    y->cb.on_report != NULL && !y->closing) {
		char	 m[ERRBUF_BYTES];

		snprintf(m, sizeof m, "%.240s: moved permanently to %.240s",
		    j->url, j->moved_to);
		r.event = SYNC_FEED_MOVED;
		r.msg = m;
		y->cb.on_report(y->ctx, &r, &y->pr);
		r.event = j->event;
		r.msg = j->msg;
	}
	if (y->cb.on_report != NULL && !y->closing)
		y->cb.on_report(y->ctx, &r, &y->pr);
	pthread_mutex_lock(&y->mu);
	y->jobs--;
	pthread_mutex_unlock(&y->mu);
	job_free(j);
}

/* Starts the transfer of a job; -1 with eb set when fetch refuses it. */
static int
start(struct sync *y, struct job *j, const char *etag, const char *lm,
    struct errbuf *eb)
{
	struct fetch_request rq;

	const struct fetch_callbacks *cb;

	memset(&rq, 0, sizeof rq);
	rq.url = j->url;
	rq.etag = etag;
	rq.last_modified = lm;
	rq.max_bytes = j->kind == JOB_FEED ? FETCH_FEED_MAX_BYTES :
	    FETCH_PAGE_MAX_BYTES;
	cb = j->kind == JOB_FEED ? &feed_cb : &page_cb;
	if (j->kind == JOB_FEED)
		y->pr.feeds++;
	else
		y->pr.pages++;
	if (j->kind == JOB_FEED && ascii_ncasecmp(j->url, "exec:", 5) == 0) {
		to_command(y, j);
		return 0;
	}
	if (j->kind == JOB_FEED && ascii_ncasecmp(j->url, "filter:", 7) ==
	    0) {
		/* the body is piped through the command whole */
		if ((rq.url = conf_filter_url(j->url)) == NULL) {
			errbuf_set(eb, "%.300s: no URL after the command",
			    j->url);
			return -1;
		}
		rq.etag = rq.last_modified = NULL;
		j->body.max = FETCH_FEED_MAX_BYTES;
		cb = &filter_cb;
	}
	if (fetch_add(y->f, &rq, cb, j, eb) == -1)
		return -1;
	y->fetching++;
	return 0;
}

/* Reports (from the next drain()) a job whose transfer could not
 * start. */
static void
refused(struct sync *y, struct job *j, const struct errbuf *eb)
{
	j->fetched = 1;
	j->event = j->kind == JOB_FEED ? SYNC_FEED_FAILED : SYNC_PAGE_FAILED;
	snprintf(j->msg, sizeof j->msg, "%s", eb->msg);
	if (j->kind == JOB_FEED && y->store != NULL) {
		struct errbuf eb2;

		pthread_mutex_lock(&y->store_mu);
		if (store_feed_failed(y->store, j->feed_id, j->msg, &eb2) ==
		    -1) {
			/* the report says why */
		}
		pthread_mutex_unlock(&y->store_mu);
	}
	give_back(y, j);
}

/* The caller's thread: reports what came back, starts page transfers. */
static void
drain(struct sync *y)
{
	struct queue q;
	struct errbuf eb;
	struct job *j;

	pthread_mutex_lock(&y->mu);
	q = y->q_back;
	memset(&y->q_back, 0, sizeof y->q_back);
	pthread_mutex_unlock(&y->mu);
	while ((j = q_pop(&q)) != NULL) {
		if (j->kind == JOB_PAGE && !j->fetched)
			q_push(&y->q_pages, j);
		else
			report(y, j);
	}
	/* a page starts only into a free slot, so that no feed ever
	 * waits behind prefetched pages in the fetcher's queue */
	while (y->q_pages.head != NULL && (y->closing ||
	    y->fetching < max_total(y))) {
		j = q_pop(&y->q_pages);
		if (y->closing) {
			j->fetched = 1;
			j->event = SYNC_PAGE_FAILED;
			snprintf(j->msg, sizeof j->msg, "%.300s: stopped",
			    j->url);
			report(y, j);
		} else if (start(y, j, NULL, NULL, &eb) == -1)
			refused(y, j, &eb);
	}
}

/* Transfers the fetcher runs at once. */
static size_t
max_total(const struct sync *y)
{
	return y->set.fetch.max_total > 0 ? (size_t)y->set.fetch.max_total :
	    FETCH_TOTAL_DEFAULT;
}

int
sync_add_conf(struct sync *y, const struct conf_feed *cf, size_t n,
    struct errbuf *eb)
{
	struct store_feed sf;
	struct job **v;
	struct buf tags;
	size_t	 i, k;
	int	 rc = -1;

	if (y->store == NULL) {
		errbuf_set(eb, "feeds.conf: no store to sync into");
		return -1;
	}
	if ((v = calloc(n + 1, sizeof *v)) == NULL) {
		errbuf_set(eb, "feeds.conf: out of memory");
		return -1;
	}
	buf_init(&tags, CONF_LINE_MAX_BYTES);
	pthread_mutex_lock(&y->store_mu);
	/* every feed in one transaction: one fsync, not n */
	if (store_begin(y->store, eb) == -1)
		goto out;
	for (i = 0; i < n; i++) {
		buf_reset(&tags);
		for (k = 0; k < cf[i].ntags; k++)
			if ((k > 0 && buf_putc(&tags, '|') != BUF_OK) ||
			    buf_puts(&tags, cf[i].tags[k]) != BUF_OK)
				break;
		if ((v[i] = job_new(y, JOB_FEED, cf[i].url)) == NULL) {
			errbuf_set(eb, "%s: out of memory", cf[i].url);
			goto rollback;
		}
		if (store_feed_ensure(y->store, cf[i].url, cf[i].title,
		    tags.len > 0 ? tags.data : NULL, &v[i]->feed_id, eb) == -1)
			goto rollback;
	}
	if (store_commit(y->store, eb) == -1)
		goto rollback;
	for (i = 0; i < n; i++) {
		memset(&sf, 0, sizeof sf);
		if (store_feed_get(y->store, v[i]->feed_id, &sf, eb) != 0) {
			/* the feed was just made: only the store fails */
			goto out;
		}
		pthread_mutex_unlock(&y->store_mu);
		if (start(y, v[i], sf.etag, sf.last_modified, eb) == -1)
			refused(y, v[i], eb);
		v[i] = NULL;
		store_feed_release(&sf);
		pthread_mutex_lock(&y->store_mu);
	}
	rc = 0;
	goto out;
rollback:
	store_rollback(y->store);
out:
	pthread_mutex_unlock(&y->store_mu);
	for (i = 0; i < n; i++)
		if (v[i] != NULL) {
			pthread_mutex_lock(&y->mu);
			y->jobs--;
			pthread_mutex_unlock(&y->mu);
			job_free(v[i]);
		}
	free(v);
	buf_release(&tags);
	return rc;
}

int
sync_add_stored(struct sync *y, int64_t feed_id, struct errbuf *eb)
{
	struct store_feed *sf = NULL;
	struct job *j;
	size_t	 nf = 0, i;
	int	 rc;

	if (y->store == NULL) {
		errbuf_set(eb, "no store to sync into");
		return -1;
	}
	pthread_mutex_lock(&y->store_mu);
	rc = store_feeds(y->store, &sf, &nf, eb);
	pthread_mutex_unlock(&y->store_mu);
	if (rc == -1)
		return -1;
	for (i = 0; i < nf; i++) {
		if (feed_id != 0 && sf[i].id != feed_id)
			continue;
		if ((j = job_new(y, JOB_FEED, sf[i].url)) == NULL) {
			errbuf_set(eb, "%s: out of memory", sf[i].url);
			rc = -1;
			break;
		}
		j->feed_id = sf[i].id;
		if (start(y, j, sf[i].etag, sf[i].last_modified, eb) == -1)
			refused(y, j, eb);
	}
	store_feeds_free(sf, nf);
	return rc;
}

int
sync_add_page(struct sync *y, int64_t item_id, const char *url,
    struct errbuf *eb)
{
	struct job *j;

	if ((j = job_new(y, JOB_PAGE, url)) == NULL) {
		errbuf_set(eb, "%s: out of memory", url);
		return -1;
	}
	j->item_id = item_id;
	j->asked = 1;
	if (start(y, j, NULL, NULL, eb) == -1) {
		pthread_mutex_lock(&y->mu);
		y->jobs--;
		pthread_mutex_unlock(&y->mu);
		job_free(j);
		return -1;
	}
	return 0;
}

int
sync_related(struct sync *y, int64_t item_id, size_t max, struct errbuf *eb)
{
	struct job *j;

	if (y->store == NULL) {
		errbuf_set(eb, "no store to look in");
		return -1;
	}
	if ((j = job_new(y, JOB_RELATED, "related")) == NULL) {
		errbuf_set(eb, "out of memory");
		return -1;
	}
	j->item_id = item_id;
	j->max = max;
	j->fetched = 1;
	to_writer(y, j);
	return 0;
}

int
sync_step(struct sync *y, int timeout_ms, struct errbuf *eb)
{
	struct timespec ts;
	size_t	 left;

	drain(y);
	if (fetch_pending(y->f) > 0 || y->q_pages.head != NULL) {
		if (fetch_perform(y->f, timeout_ms, eb) == -1)
			return -1;
	} else {
		/* only the threads are busy: wait for what they give back */
		pthread_mutex_lock(&y->mu);
		if (y->q_back.head == NULL && y->jobs > 0 && timeout_ms > 0) {
			clock_gettime(CLOCK_REALTIME, &ts);
			ts.tv_sec += timeout_ms / 1000;
			ts.tv_nsec += (long)(timeout_ms % 1000) * 1000000L;
			if (ts.tv_nsec >= 1000000000L) {
				ts.tv_sec++;
				ts.tv_nsec -= 1000000000L;
			}
			pthread_cond_timedwait(&y->cv_back, &y->mu, &ts);
		}
		pthread_mutex_unlock(&y->mu);
	}
	drain(y);
	pthread_mutex_lock(&y->mu);
	left = y->jobs;
	pthread_mutex_unlock(&y->mu);
	return left > (size_t)INT32_MAX ? INT32_MAX : (int)left;
}

size_t
sync_pending(struct sync *y)
{
	size_t	 n;

	pthread_mutex_lock(&y->mu);
	n = y->jobs;
	pthread_mutex_unlock(&y->mu);
	return n;
}

const struct sync_progress *
sync_progress(const struct sync *y)
{
	return &y->pr;
}

void
sync_free(struct sync *y)
{
	if (y == NULL)
		return;
	y->closing = 1;
	/* aborts the transfers: their jobs come back unstored */
	fetch_free(y->f);
	y->f = NULL;
	threads_stop(y);
	drain(y);
	pthread_cond_destroy(&y->cv_back);
	pthread_cond_destroy(&y->cv_cmd);
	pthread_cond_destroy(&y->cv_room);
	pthread_cond_destroy(&y->cv_extract);
	pthread_cond_destroy(&y->cv_write);
	pthread_mutex_destroy(&y->store_mu);
	pthread_mutex_destroy(&y->mu);
	store_close(y->store);
	free(y);
}
