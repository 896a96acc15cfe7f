/*
 * sync: the sync engine.  See sync.h for the contract.
 *
 * A job is one feed or one page on its way through the stages:
 *
 *   feed: fetch + parse (caller) -> commit (writer) -> report (caller)
 *         (not modified: fetch -> report, nothing to commit)
 *   page: fetch (caller) -> extract (extractor) -> commit (writer)
 *         -> report (caller)
 *
 * and the writer, having committed a feed, makes a page job for each
 * new item worth prefetching and hands it back to the caller's thread,
 * which starts its transfer.  Jobs move between threads on three queues
 * guarded by one mutex: to the writer (SYNC_WRITE_QUEUE_MAX, so parsed
 * entries waiting for the disk stay bounded), to the extractors
 * (SYNC_EXTRACT_QUEUE_MAX, so page bodies held stay bounded) and back
 * to the caller (unbounded).  Nobody waits for room: when the writer's
 * or the extractors' queue is full, the caller's thread holds the
 * fetcher's queued transfers (fetch_hold()) and lets the running ones
 * end, so a queue exceeds its bound by at most the transfers running
 * at once, the reader's screen never waits for the disk, and the queues
 * cannot deadlock.
 *
 * The bytes of parsed entries are bounded too (parsed_max): those of
 * feeds being parsed (parsing, the caller's) and waiting in the
 * writer's queue (waiting; the writer's batch is writing).  Past the
 * bound, a feed transfer whose parse has not begun pauses
 * (FETCH_DATA_PAUSE: its bytes stay with libcurl and in the socket),
 * and one begun pauses only while the writer has entries to write, so
 * that some feed always ends or the writer always frees: sync_step()
 * resumes them when the writer has taken enough, or has nothing left.
 */
#include <sys/resource.h>
#include <sys/syscall.h>

#include <errno.h>
#include <signal.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include "extract.h"
#include "feed.h"
#include "spawn.h"
#include "story.h"
#include "store.h"
#include "sync.h"
#include "sync_int.h"

static int	 page_type_ok(const char *);
static void	 refused(struct sync *, struct job *, const struct errbuf *);
static void	 to_writer(struct sync *, struct job *);
static void	 to_extractor(struct sync *, struct job *);
static int	 on_entry(void *, const struct feed_entry *);
static void	 fit_entries(struct job *);
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
static void	 extract_job(struct job *);
static void	 report(struct sync *, struct job *);
static void	 drain(struct sync *);
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
static void	*extractor_main(void *);
static void	*folder_main(void *);
static void	 threads_start(struct sync *);
static void	 threads_stop(struct sync *);
static char	*dup_or_null(const char *, int *);

static const struct fetch_callbacks feed_cb = { feed_data, feed_done };
static const struct fetch_callbacks filter_cb = { page_data, filter_done };
static const struct fetch_callbacks page_cb = { page_data, page_done };

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

/* Whether the writer's or the extractors' queue is full; mu held. */
static int
full(const struct sync *y)
{
	return y->q_write.n >= SYNC_WRITE_QUEUE_MAX ||
	    y->q_extract.n >= SYNC_EXTRACT_QUEUE_MAX;
}

/* Whether the entries parsed and not yet taken by the writer reach
 * parsed_max; mu held. */
static int
over(const struct sync *y)
{
	return y->parsing + y->waiting >= y->set.parsed_max;
}

/* Whether the writer has entries to write, and so will free memory and
 * give jobs back; mu held. */
static int
writer_busy(const struct sync *y)
{
	return y->waiting > 0 || y->writing > 0;
}

/* From the caller's thread, which never waits: a full queue holds the
 * fetcher's queued transfers instead (see the top of the file). */
static void
to_writer(struct sync *y, struct job *j)
{
	int	 hold;

	if (!y->has_writer) {
		j->bytes = 0;
		sync_write_job(y, j);
		return;
	}
	pthread_mutex_lock(&y->mu);
	sync_q_push(&y->q_write, j);
	y->waiting += j->bytes;
	y->inflight = y->fetching + y->q_pages.n;
	pthread_cond_signal(&y->cv_write);
	hold = full(y);
	pthread_mutex_unlock(&y->mu);
	if (hold && y->f != NULL)
		fetch_hold(y->f, 1);
}

static void
to_extractor(struct sync *y, struct job *j)
{
	int	 hold;

	if (y->nextractors == 0) {
		extract_job(j);
		to_writer(y, j);
		return;
	}
	pthread_mutex_lock(&y->mu);
	sync_q_push(&y->q_extract, j);
	pthread_cond_signal(&y->cv_extract);
	hold = full(y);
	pthread_mutex_unlock(&y->mu);
	if (hold && y->f != NULL)
		fetch_hold(y->f, 1);
}

/*
 * Copies one entry; the parser's strings die when this returns.  Its
 * strings share one allocation: parsed entries wait for the writer by
 * the thousand (all of them, on a cold reload of 200 feeds), and seven
 * allocations an entry cost about 100 bytes of malloc's headers and
 * rounding over its 470 of text.
 */
static int
on_entry(void *ctx, const struct feed_entry *e)
{
	struct job *j = ctx;
	struct entry *ne, *x;
	const char *src[7];
	const char **dst[7];
	size_t	 k, len[7], total = 0;
	char	*m;

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
	x->e = *e;
	src[0] = e->title;
	src[1] = e->link;
	src[2] = e->content;
	src[3] = e->id;
	src[4] = e->author;
	src[5] = e->enclosure;
	src[6] = e->categories;
	dst[0] = &x->e.title;
	dst[1] = &x->e.link;
	dst[2] = &x->e.content;
	dst[3] = &x->e.id;
	dst[4] = &x->e.author;
	dst[5] = &x->e.enclosure;
	dst[6] = &x->e.categories;
	for (k = 0; k < 7; k++) {
		len[k] = src[k] != NULL ? strlen(src[k]) + 1 : 0;
		total += len[k];
	}
	if ((x->mem = m = malloc(total > 0 ? total : 1)) == NULL)
		goto nomem;
	/* near enough what it costs: its text and its slot */
	j->bytes += total + sizeof *x;
	j->y->parsing += total + sizeof *x;
	for (k = 0; k < 7; k++) {
		*dst[k] = len[k] > 0 ? m : NULL;
		if (len[k] > 0)
			memcpy(m, src[k], len[k]);
		m += len[k];
	}
	if (x->e.title == NULL)
		x->e.title = "";
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
	struct sync *y = j->y;
	char	 cs[FETCH_CHARSET_MAX_BYTES];
	int	 pause;

	if (j->parse_failed)
		return 0;
	/* over the bound a feed not begun waits, and one begun waits
	 * while the writer has work: feeds begun always end.  libcurl
	 * pauses only the web's transfers (file:// would fail). */
	pthread_mutex_lock(&y->mu);
	pause = over(y) && (j->parser == NULL || writer_busy(y)) &&
	    sync_is_web(j->url);
	pthread_mutex_unlock(&y->mu);
	if (pause)
		return FETCH_DATA_PAUSE;
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

/* Gives back the array's unused end (up to half of it, doubled as it
 * grew) while the entries wait for the writer; failing, keeps it. */
static void
fit_entries(struct job *j)
{
	struct entry *ne;

	if (j->nentries == 0 || j->nentries == j->aentries)
		return;
	if ((ne = reallocarray(j->entries, j->nentries, sizeof *ne)) ==
	    NULL)
		return;
	j->entries = ne;
	j->aentries = j->nentries;
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
	/* its entries now wait for the writer (to_writer()), or go */
	y->parsing -= j->bytes;
	j->res = res;
	snprintf(j->msg, sizeof j->msg, "%s", msg);
	if (y->closing) {
		j->bytes = 0;
		/* leaving: nothing of an aborted transfer is stored */
		j->event = SYNC_FEED_FAILED;
		sync_give_back(y, j);
		return;
	}
	if (res == FETCH_NOT_MODIFIED && j->parser == NULL) {
		/* nothing to store: reported without the writer, whose
		 * wake-up and transaction cost more than the answer */
		j->event = SYNC_FEED_UNCHANGED;
		j->msg[0] = '\0';
		sync_give_back(y, j);
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
	fit_entries(j);
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
		sync_give_back(y, j);
		return;
	}
	if (res != FETCH_OK) {
		snprintf(j->msg, sizeof j->msg, "%s", msg);
		sync_give_back(y, j);
		return;
	}
	if (!page_type_ok(resp->content_type)) {
		snprintf(j->msg, sizeof j->msg, "%.300s: not an article page "
		    "(%.100s)", j->url, resp->content_type);
		sync_give_back(y, j);
		return;
	}
	(void)fetch_charset(resp->content_type, j->charset,
	    sizeof j->charset);
	j->final_url = dup_or_null(resp->final_url, &nomem);
	if (nomem) {
		snprintf(j->msg, sizeof j->msg, "%.300s: out of memory",
		    j->url);
		sync_give_back(y, j);
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
		if ((j = sync_q_pop(&y->q_extract)) == NULL)
			break;
		pthread_mutex_unlock(&y->mu);
		extract_job(j);
		/* never waits for room: see the top of the file */
		pthread_mutex_lock(&y->mu);
		sync_q_push(&y->q_write, j);
		pthread_cond_signal(&y->cv_write);
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
	sync_q_push(&y->q_cmd, j);
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
		sync_give_back(y, j);
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
		sync_write_job(y, j);
		return;
	}
	pthread_mutex_lock(&y->mu);
	sync_q_push(&y->q_write, j);
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
		if ((j = sync_q_pop(&y->q_cmd)) == NULL)
			break;
		pthread_mutex_unlock(&y->mu);
		command_job(y, j);
		pthread_mutex_lock(&y->mu);
	}
	pthread_mutex_unlock(&y->mu);
	return NULL;
}

/* Folds in the log an earlier run left (store_leave_log()), beside
 * the writer, while the first requests wait. */
static void *
folder_main(void *arg)
{
	struct sync *y = arg;
	struct errbuf eb;

#ifdef __linux__
	/* behind the transfers, the parsers and the writer for the CPU
	 * (Linux gives each thread a nice value of its own): the copy
	 * runs on what a core has left */
	(void)setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid), 19);
#endif
	if (store_fold_log(store_path(y->store), &eb) == -1) {
		/* not fatal: the writer's checkpoints or a close fold it */
	}
	return NULL;
}

static void
threads_start(struct sync *y)
{
	size_t	 i;

	if (y->store != NULL && store_log_pages(y->store) >=
	    STORE_WAL_IDLE_PAGES && pthread_create(&y->folder, NULL,
	    folder_main, y) == 0)
		y->has_folder = 1;

	if (pthread_create(&y->commander, NULL, commander_main, y) == 0)
		y->has_commander = 1;

	if (pthread_create(&y->writer, NULL, sync_writer_main, y) == 0)
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
	if (y->has_folder)
		pthread_join(y->folder, NULL);
	y->has_folder = 0;
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
	if (y->set.parsed_max == 0)
		y->set.parsed_max = SYNC_PARSED_MAX_BYTES;
	y->prefetch_left = y->set.prefetch_max;
	if (cb != NULL)
		y->cb = *cb;
	y->ctx = ctx;
	y->now = time(NULL);
	if (db_path != NULL && ((y->store = store_open(db_path, eb)) == NULL ||
	    store_cache_limit(y->store, SYNC_STORE_CACHE_KIB, eb) == -1)) {
		store_close(y->store);
		free(y);
		return NULL;
	}
	if (y->store != NULL && y->set.leave_log)
		store_leave_log(y->store);
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
		sync_job_free(j);
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
	sync_job_free(j);
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
	sync_give_back(y, j);
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
	while ((j = sync_q_pop(&q)) != NULL) {
		if (j->kind == JOB_PAGE && !j->fetched)
			sync_q_push(&y->q_pages, j);
		else
			report(y, j);
	}
	/* a page starts only into a free slot, so that no feed ever
	 * waits behind prefetched pages in the fetcher's queue */
	while (y->q_pages.head != NULL && (y->closing ||
	    y->fetching < max_total(y))) {
		j = sync_q_pop(&y->q_pages);
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
	struct job **v;
	struct buf tags;
	char	**val = NULL;	/* feed i's ETag val[2i], Last-Modified
				   val[2i + 1] */
	size_t	 i, k;
	int	 rc = -1;

	if (y->store == NULL) {
		errbuf_set(eb, "feeds.conf: no store to sync into");
		return -1;
	}
	if ((v = calloc(n + 1, sizeof *v)) == NULL ||
	    (val = calloc(2 * n + 1, sizeof *val)) == NULL) {
		free(v);
		errbuf_set(eb, "feeds.conf: out of memory");
		return -1;
	}
	buf_init(&tags, CONF_LINE_MAX_BYTES);
	pthread_mutex_lock(&y->store_mu);
	/* every feed, and the look-up of its validators, in one
	 * transaction: one fsync, not n, and no read transaction (locks
	 * and a stat of the file) per feed before the first request */
	if (store_begin(y->store, eb) == -1) {
		pthread_mutex_unlock(&y->store_mu);
		goto out;
	}
	for (i = 0; i < n; i++) {
		buf_reset(&tags);
		for (k = 0; k < cf[i].ntags; k++)
			if ((k > 0 && buf_putc(&tags, '|') != BUF_OK) ||
			    buf_puts(&tags, cf[i].tags[k]) != BUF_OK)
				break;
		if ((v[i] = sync_job_new(y, JOB_FEED, cf[i].url)) == NULL) {
			errbuf_set(eb, "%s: out of memory", cf[i].url);
			goto rollback;
		}
		if (store_feed_ensure(y->store, cf[i].url, cf[i].title,
		    tags.len > 0 ? tags.data : NULL, &v[i]->feed_id, eb) == -1)
			goto rollback;
		/* the feed was just made: only the store fails */
		if (store_feed_validators(y->store, v[i]->feed_id, &val[2 * i],
		    &val[2 * i + 1], eb) != 0)
			goto rollback;
	}
	if (store_commit(y->store, eb) == -1)
		goto rollback;
	pthread_mutex_unlock(&y->store_mu);
	for (i = 0; i < n; i++) {
		if (start(y, v[i], val[2 * i], val[2 * i + 1], eb) == -1)
			refused(y, v[i], eb);
		v[i] = NULL;
	}
	rc = 0;
	goto out;
rollback:
	store_rollback(y->store);
	pthread_mutex_unlock(&y->store_mu);
out:
	for (i = 0; i < n; i++) {
		if (v[i] != NULL) {
			pthread_mutex_lock(&y->mu);
			y->jobs--;
			pthread_mutex_unlock(&y->mu);
			sync_job_free(v[i]);
		}
		free(val[2 * i]);
		free(val[2 * i + 1]);
	}
	free(v);
	free(val);
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
		if ((j = sync_job_new(y, JOB_FEED, sf[i].url)) == NULL) {
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

	if ((j = sync_job_new(y, JOB_PAGE, url)) == NULL) {
		errbuf_set(eb, "%s: out of memory", url);
		return -1;
	}
	j->item_id = item_id;
	j->asked = 1;
	if (start(y, j, NULL, NULL, eb) == -1) {
		pthread_mutex_lock(&y->mu);
		y->jobs--;
		pthread_mutex_unlock(&y->mu);
		sync_job_free(j);
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
	if ((j = sync_job_new(y, JOB_RELATED, "related")) == NULL) {
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
	int	 held, resume;

	drain(y);
	pthread_mutex_lock(&y->mu);
	held = full(y);
	resume = !over(y) || !writer_busy(y);
	pthread_mutex_unlock(&y->mu);
	fetch_hold(y->f, held);
	if (resume && fetch_paused(y->f) > 0)
		fetch_resume(y->f);
	/* paused transfers wait for the writer, as the caller does */
	if (fetch_running(y->f) > fetch_paused(y->f) || (!held &&
	    (fetch_pending(y->f) > fetch_running(y->f) ||
	    y->q_pages.head != NULL))) {
		if (fetch_perform(y->f, timeout_ms, eb) == -1)
			return -1;
	} else {
		/* only the threads are busy, or the fetcher is held: wait
		 * for what they give back */
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
	y->inflight = y->fetching + y->q_pages.n;
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
	pthread_cond_destroy(&y->cv_extract);
	pthread_cond_destroy(&y->cv_write);
	pthread_mutex_destroy(&y->store_mu);
	pthread_mutex_destroy(&y->mu);
	store_close(y->store);
	free(y);
}
