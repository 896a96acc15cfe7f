/*
 * cmd_follow: --reload, --import-opml, --export-opml.
 *
 * --reload fetches every feed of feeds.conf at once (fetch), parses each
 * body as it arrives (feed), keeps the entries of a feed in memory until
 * its transfer ends, then writes them in one transaction (store), so
 * that a kill loses at most the feeds not yet committed.  The validators
 * of a feed are saved only when its body was understood, so a broken
 * answer is fetched whole again next time.
 *
 * The writes run on a writer thread, so that the transfer loop keeps
 * the network busy while feeds are committed: the loop thread fetches
 * and parses, then hands a finished feed (its entries, validators and
 * result, no parser) over a queue of at most FOLLOW_WRITE_QUEUE_MAX
 * feeds; the writer alone uses the store and prints while the loop runs.
 * Should the thread not start, the loop writes each feed itself.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cmd.h"
#include "conf.h"
#include "feed.h"
#include "fetch.h"
#include "opml.h"
#include "store.h"
#include "ui_keys.h"

/* One entry copied out of the parser. */
struct entry {
	struct feed_entry e;
	char	*s[8];		/* the strings, owned */
};

struct job {
	struct reload	*r;
	struct job	*next;		/* in the writer's queue */
	const struct conf_feed *cf;
	int64_t		 id;
	struct feed_parser *parser;
	struct entry	*entries;
	size_t		 nentries, aentries;
	int		 parse_failed;
	int		 nomem;
	struct errbuf	 perr;
	/* set when the transfer ends, for the writer */
	enum fetch_result res;
	int		 had_parser;	/* a body came */
	int		 finish_failed;	/* feed_finish() refused it */
	char		*title;		/* the feed's, or NULL */
	char		*etag, *last_modified, *moved_to;
	char		 msg[ERRBUF_BYTES];	/* fetch's message */
};

struct reload {
	struct store	*store;
	FILE		*out, *err;
	int		 tty;
	size_t		 nfeeds, done, failed, new_items, unchanged;
	time_t		 now;
	/* the writer thread and its queue, guarded by mu */
	pthread_t	 writer;
	int		 threaded;	/* the writer runs */
	pthread_mutex_t	 mu;
	pthread_cond_t	 cv_work, cv_room;
	struct job	*qhead, *qtail;
	size_t		 nq;
	int		 closing;	/* no more jobs will come */
};

static int	 load_conf(const struct options *, struct conf *, FILE *);
static char	*db_path(const struct options *, struct errbuf *);
static int	 on_entry(void *, const struct feed_entry *);
static int	 on_data(void *, const struct fetch_response *, const char *,
		    size_t);
static void	 on_done(void *, enum fetch_result,
		    const struct fetch_response *, const char *);
static void	 job_clear(struct job *);
static void	 job_store(struct job *);
static int	 save(struct job *, struct errbuf *);
static void	*writer_main(void *);
static int	 writer_start(struct reload *);
static void	 writer_stop(struct reload *);
static char	*charset_of(const char *);
static char	*dup_or_null(const char *, int *);
static char	*tags_join(const struct conf_feed *);
static void	 progress(struct reload *);
static void	 record_error(struct job *, const char *);
static void	 parse_error(struct job *);
static int	 mkdir_for(const char *, struct errbuf *);

/* Creates the directories leading to path (mode 0700). */
static int
mkdir_for(const char *path, struct errbuf *eb)
{
	struct buf b;
	char	*p;
	int	 rc = 0;

	buf_init(&b, CONF_PATH_MAX_BYTES);
	if (buf_puts(&b, path) != BUF_OK) {
		errbuf_set(eb, "%s: path too long", path);
		return -1;
	}
	for (p = b.data + 1; (p = strchr(p, '/')) != NULL; p++) {
		*p = '\0';
		if (mkdir(b.data, 0700) == -1 && errno != EEXIST) {
			errbuf_set(eb, "%s: %s", b.data, strerror(errno));
			rc = -1;
			break;
		}
		*p = '/';
	}
	buf_release(&b);
	return rc;
}

/* Loads the configuration and prints its warnings; -1 when unusable. */
static int
load_conf(const struct options *o, struct conf *c, FILE *err)
{
	struct errbuf eb;
	char	*fp, *sp;
	size_t	 i;
	int	 rc;

	if (conf_paths(o->config, &fp, &sp, &eb) == -1) {
		fprintf(err, "byline: %s\n", eb.msg);
		return -1;
	}
	/* The reader's bind lines too: every mode reports every bad line. */
	c->check_bind = ui_keys_check;
	rc = conf_load(c, fp, sp, 1, &eb);
	for (i = 0; i < c->nwarnings; i++)
		fprintf(err, "%s\n", c->warnings[i]);
	if (rc == -1)
		fprintf(err, "byline: %s\n", eb.msg);
	free(fp);
	free(sp);
	return rc;
}

static char *
db_path(const struct options *o, struct errbuf *eb)
{
	char	*p;

	if (o->db == NULL)
		return store_default_path(eb);
	if ((p = strdup(o->db)) == NULL)
		errbuf_set(eb, "%s: out of memory", o->db);
	return p;
}

static void
job_clear(struct job *j)
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

/* Copies one entry; the parser's strings die when this returns. */
static int
on_entry(void *ctx, const struct feed_entry *e)
{
	struct job *j = ctx;
	struct entry *ne, *x;
	const char *src[8];
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
	src[7] = NULL;
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
	j->nentries++;
	return 0;
nomem:
	j->nomem = 1;
	return -1;
}

/* The charset parameter of a Content-Type, or NULL.  Caller frees. */
static char *
charset_of(const char *ctype)
{
	const char *p, *q;

	if (ctype == NULL)
		return NULL;
	for (p = ctype; *p != '\0'; p++)
		if (ascii_ncasecmp(p, "charset=", 8) == 0)
			break;
	if (*p == '\0')
		return NULL;
	p += 8;
	if (*p == '"')
		p++;
	for (q = p; *q != '\0' && *q != '"' && *q != ';' && *q != ' '; q++)
		continue;
	return q > p ? xstrndup(p, (size_t)(q - p)) : NULL;
}

static int
on_data(void *ctx, const struct fetch_response *resp, const char *data,
    size_t n)
{
	struct job *j = ctx;
	char	*cs;

	if (j->parse_failed)
		return 0;
	if (j->parser == NULL) {
		cs = charset_of(resp->content_type);
		j->parser = feed_parser_new(j->cf->url, resp->final_url, cs,
		    on_entry, j);
		free(cs);
		if (j->parser == NULL) {
			j->nomem = 1;
			return -1;
		}
	}
	if (feed_push(j->parser, data, n, &j->perr) == -1) {
		/* keep receiving nothing more: the body is not a feed */
		j->parse_failed = 1;
		return -1;
	}
	return 0;
}

/* Feed tags as stored: '|'-separated, or NULL. */
static char *
tags_join(const struct conf_feed *cf)
{
	struct buf b;
	size_t	 i;

	if (cf->ntags == 0)
		return NULL;
	buf_init(&b, CONF_LINE_MAX_BYTES);
	for (i = 0; i < cf->ntags; i++)
		if ((i > 0 && buf_putc(&b, '|') != BUF_OK) ||
		    buf_puts(&b, cf->tags[i]) != BUF_OK) {
			buf_release(&b);
			return NULL;
		}
	return buf_take(&b);
}

/* Writes a feed's entries and validators in one transaction. */
static int
save(struct job *j, struct errbuf *eb)
{
	struct reload *r = j->r;
	size_t	 i, added = 0;
	int	 is_new;

	if (store_begin(r->store, eb) == -1)
		return -1;
	for (i = 0; i < j->nentries; i++) {
		if (store_item_put(r->store, j->id, &j->entries[i].e, r->now,
		    &is_new, NULL, eb) == -1)
			goto fail;
		added += is_new != 0;
	}
	if (store_feed_fetched(r->store, j->id, j->title, j->etag,
	    j->last_modified, r->now, eb) == -1)
		goto fail;
	if (store_commit(r->store, eb) == -1)
		goto fail;
	r->new_items += added;
	return 0;
fail:
	store_rollback(r->store);
	return -1;
}

static void
record_error(struct job *j, const char *msg)
{
	struct reload *r = j->r;
	struct errbuf eb;

	r->failed++;
	if (r->tty)
		fputs("\r\033[K", r->out);
	fprintf(r->err, "byline: %s\n", msg);
	if (store_feed_failed(r->store, j->id, msg, &eb) == -1)
		fprintf(r->err, "byline: %s\n", eb.msg);
}

/*
 * Reports a body the parser refused: "URL: not a feed (why)" when no
 * entry came, "URL: broken feed after N entries (why)" otherwise; why is
 * the parser's message without its leading "URL".
 */
static void
parse_error(struct job *j)
{
	const char *why = j->perr.msg;
	size_t	 ul = strlen(j->cf->url);
	char	 m[ERRBUF_BYTES];

	if (strncmp(why, j->cf->url, ul) == 0)
		why += ul;
	while (*why == ':' || *why == ' ')
		why++;
	if (j->nentries == 0)
		snprintf(m, sizeof m, "%.250s: not a feed (%.200s)", j->cf->url,
		    why);
	else
		snprintf(m, sizeof m, "%.250s: broken feed after %zu entries "
		    "(%.200s)", j->cf->url, j->nentries, why);
	record_error(j, m);
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

/*
 * The loop thread's end of a transfer: finishes the parse, keeps what
 * the writer needs from the response, frees the parser and hands the
 * job to the writer (or stores it now when there is no writer).
 */
static void
on_done(void *ctx, enum fetch_result res, const struct fetch_response *resp,
    const char *msg)
{
	struct job *j = ctx;
	struct reload *r = j->r;
	const struct feed_info *fi;

	j->res = res;
	snprintf(j->msg, sizeof j->msg, "%s", msg);
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
	if (!r->threaded) {
		job_store(j);
		return;
	}
	pthread_mutex_lock(&r->mu);
	while (r->nq >= FOLLOW_WRITE_QUEUE_MAX)
		pthread_cond_wait(&r->cv_room, &r->mu);
	j->next = NULL;
	if (r->qtail != NULL)
		r->qtail->next = j;
	else
		r->qhead = j;
	r->qtail = j;
	r->nq++;
	pthread_cond_signal(&r->cv_work);
	pthread_mutex_unlock(&r->mu);
}

/* Stores the outcome of one ended transfer, reports it and frees the
 * job's data.  Runs on the writer (or the loop when there is none). */
static void
job_store(struct job *j)
{
	struct reload *r = j->r;
	struct errbuf eb;
	char	 m[ERRBUF_BYTES];

	r->done++;
	if (j->nomem) {
		snprintf(m, sizeof m, "%.300s: out of memory", j->cf->url);
		record_error(j, m);
	} else if (j->res == FETCH_NOT_MODIFIED) {
		r->unchanged++;
	} else if (j->parse_failed || (j->res == FETCH_ABORTED &&
	    j->had_parser)) {
		/* keep what came before the error, report the feed */
		if (save(j, &eb) == -1)
			fprintf(r->err, "byline: %s\n", eb.msg);
		parse_error(j);
	} else if (j->res != FETCH_OK) {
		record_error(j, j->msg);
	} else if (!j->had_parser) {
		snprintf(m, sizeof m, "%.300s: not a feed (empty answer)",
		    j->cf->url);
		record_error(j, m);
	} else if (j->finish_failed) {
		if (j->nentries > 0 && save(j, &eb) == -1)
			fprintf(r->err, "byline: %s\n", eb.msg);
		parse_error(j);
	} else if (save(j, &eb) == -1) {
		record_error(j, eb.msg);
	}
	if (j->res == FETCH_OK && j->moved_to != NULL) {
		if (r->tty)
			fputs("\r\033[K", r->out);
		fprintf(r->err, "byline: %s: moved permanently to %s (update "
		    "feeds.conf)\n", j->cf->url, j->moved_to);
	}
	job_clear(j);
	progress(r);
}

/*
 * The writer: stores queued jobs in order; when the queue runs dry it
 * checkpoints the store's log (store_checkpoint()), so that the copy
 * overlaps the network rather than the exit.
 */
static void *
writer_main(void *arg)
{
	struct reload *r = arg;
	struct errbuf eb;
	struct job *j;

	pthread_mutex_lock(&r->mu);
	for (;;) {
		if (r->qhead == NULL && !r->closing) {
			pthread_mutex_unlock(&r->mu);
			if (store_checkpoint(r->store, STORE_WAL_IDLE_PAGES,
			    &eb) == -1) {
				/* not fatal: the next commit or the
				 * close checkpoints */
			}
			pthread_mutex_lock(&r->mu);
		}
		while (r->qhead == NULL && !r->closing)
			pthread_cond_wait(&r->cv_work, &r->mu);
		if ((j = r->qhead) == NULL)
			break;
		if ((r->qhead = j->next) == NULL)
			r->qtail = NULL;
		r->nq--;
		pthread_cond_signal(&r->cv_room);
		pthread_mutex_unlock(&r->mu);
		job_store(j);
		pthread_mutex_lock(&r->mu);
	}
	pthread_mutex_unlock(&r->mu);
	return NULL;
}

/* Starts the writer; -1 when it cannot (the loop then writes). */
static int
writer_start(struct reload *r)
{
	if (pthread_mutex_init(&r->mu, NULL) != 0)
		return -1;
	if (pthread_cond_init(&r->cv_work, NULL) != 0)
		goto fail_mu;
	if (pthread_cond_init(&r->cv_room, NULL) != 0)
		goto fail_work;
	if (pthread_create(&r->writer, NULL, writer_main, r) != 0)
		goto fail_room;
	r->threaded = 1;
	return 0;
fail_room:
	pthread_cond_destroy(&r->cv_room);
fail_work:
	pthread_cond_destroy(&r->cv_work);
fail_mu:
	pthread_mutex_destroy(&r->mu);
	return -1;
}

/* Lets the writer store what is queued, then ends it. */
static void
writer_stop(struct reload *r)
{
	if (!r->threaded)
		return;
	pthread_mutex_lock(&r->mu);
	r->closing = 1;
	pthread_cond_signal(&r->cv_work);
	pthread_mutex_unlock(&r->mu);
	pthread_join(r->writer, NULL);
	r->threaded = 0;
	pthread_cond_destroy(&r->cv_room);
	pthread_cond_destroy(&r->cv_work);
	pthread_mutex_destroy(&r->mu);
}

static void
progress(struct reload *r)
{
	if (!r->tty)
		return;
	fprintf(r->out, "\r\033[Kreloading: %zu/%zu feeds, %zu new items, "
	    "%zu errors", r->done, r->nfeeds, r->new_items, r->failed);
	fflush(r->out);
}

int
cmd_reload(const struct options *o, FILE *out, FILE *err)
{
	struct conf c;
	struct reload r;
	struct job *jobs = NULL;
	struct fetcher *f = NULL;
	struct fetch_settings fs;
	struct fetch_callbacks cb = { on_data, on_done };
	struct fetch_request req;
	struct store_feed sf;
	struct errbuf eb;
	char	*path = NULL, *tags;
	size_t	 i;
	int	 rc = 1, n;

	conf_init(&c);
	memset(&r, 0, sizeof r);
	if (load_conf(o, &c, err) == -1)
		goto out;
	if ((path = db_path(o, &eb)) == NULL ||
	    (r.store = store_open(path, &eb)) == NULL) {
		fprintf(err, "byline: %s\n", eb.msg);
		goto out;
	}
	r.out = out;
	r.err = err;
	r.tty = isatty(fileno(out));
	r.nfeeds = c.nfeeds;
	r.now = time(NULL);
	memset(&fs, 0, sizeof fs);
	fs.max_total = c.reload_concurrency;
	fs.max_host = c.host_concurrency;
	fs.connect_timeout_ms = c.connect_timeout_ms;
	fs.timeout_ms = c.timeout_ms;
	fs.user_agent = c.user_agent;
	if ((f = fetch_new(&fs)) == NULL ||
	    (jobs = calloc(c.nfeeds + 1, sizeof *jobs)) == NULL) {
		fprintf(err, "byline: out of memory\n");
		goto out;
	}
	/* register every feed in one transaction: one fsync, not n */
	if (store_begin(r.store, &eb) == -1)
		goto store_fail;
	for (i = 0; i < c.nfeeds; i++) {
		jobs[i].r = &r;
		jobs[i].cf = &c.feeds[i];
		tags = tags_join(&c.feeds[i]);
		if (store_feed_ensure(r.store, c.feeds[i].url, c.feeds[i].title,
		    tags, &jobs[i].id, &eb) == -1) {
			free(tags);
			store_rollback(r.store);
			goto store_fail;
		}
		free(tags);
	}
	if (store_commit(r.store, &eb) == -1)
		goto store_fail;
	for (i = 0; i < c.nfeeds; i++) {
		memset(&req, 0, sizeof req);
		req.url = c.feeds[i].url;
		req.max_bytes = FETCH_FEED_MAX_BYTES;
		memset(&sf, 0, sizeof sf);
		if (store_feed_get(r.store, jobs[i].id, &sf, &eb) == -1)
			goto store_fail;
		req.etag = sf.etag;
		req.last_modified = sf.last_modified;
		n = fetch_add(f, &req, &cb, &jobs[i], &eb);
		store_feed_release(&sf);
		if (n == -1) {
			r.done++;
			r.failed++;
			fprintf(err, "byline: %s\n", eb.msg);
		}
	}
	progress(&r);
	if (writer_start(&r) == -1) {
		/* the loop stores each feed itself: slower, as correct */
	}
	while ((n = fetch_perform(f, 1000, &eb)) > 0)
		continue;
	if (n == -1) {
		fetch_free(f);
		f = NULL;
		writer_stop(&r);
		fprintf(err, "byline: %s\n", eb.msg);
		goto out;
	}
	writer_stop(&r);
	if (r.tty)
		fputs("\r\033[K", out);
	fprintf(out, "%zu feeds, %zu new items, %zu not modified, %zu "
	    "errors\n", r.nfeeds, r.new_items, r.unchanged, r.failed);
	rc = r.failed > 0 ? 1 : 0;
	goto out;
store_fail:
	fprintf(err, "byline: %s\n", eb.msg);
out:
	fetch_free(f);
	writer_stop(&r);
	if (jobs != NULL)
		for (i = 0; i < c.nfeeds; i++)
			job_clear(&jobs[i]);
	free(jobs);
	store_close(r.store);
	free(path);
	conf_release(&c);
	return rc;
}

/* --import-opml: new feeds are appended to feeds.conf. */
struct import {
	struct conf	*c;
	struct buf	 add;
	size_t		 added, present;
};

static int
import_feed(void *ctx, const struct opml_feed *f)
{
	struct import *im = ctx;
	size_t	 i;

	if (conf_find_feed(im->c, f->url) != NULL) {
		im->present++;
		return 0;
	}
	/* the same URL twice in the OPML file */
	for (i = 0; i + strlen(f->url) < im->add.len; i++)
		if ((i == 0 || im->add.data[i - 1] == '\n') &&
		    strncmp(im->add.data + i, f->url, strlen(f->url)) == 0 &&
		    (im->add.data[i + strlen(f->url)] == ' ' ||
		    im->add.data[i + strlen(f->url)] == '\n')) {
			im->present++;
			return 0;
		}
	if (conf_format_feed(&im->add, f->url, f->title, f->tags,
	    f->ntags) == -1 || buf_putc(&im->add, '\n') != BUF_OK)
		return -1;
	im->added++;
	return 0;
}

int
cmd_import_opml(const struct options *o, const char *file, FILE *out,
    FILE *err)
{
	struct conf c;
	struct import im;
	struct buf in;
	struct errbuf eb;
	char	*fp = NULL, *sp = NULL;
	FILE	*fc;
	int	 rc = 1;

	conf_init(&c);
	buf_init(&in, OPML_MAX_BYTES);
	memset(&im, 0, sizeof im);
	buf_init(&im.add, CONF_FILE_MAX_BYTES);
	im.c = &c;
	if (conf_paths(o->config, &fp, &sp, &eb) == -1 ||
	    conf_load(&c, fp, NULL, 0, &eb) == -1 ||
	    file_read(file, &in, &eb) == -1) {
		fprintf(err, "byline: %s\n", eb.msg);
		goto out;
	}
	if (opml_parse(file, in.data, in.len, import_feed, &im, &eb) == -1) {
		if (im.add.len == 0 && im.added == 0 && eb.msg[0] == '\0')
			errbuf_set(&eb, "%s: out of memory", file);
		fprintf(err, "byline: %s\n", eb.msg);
		goto out;
	}
	if (im.add.len > 0) {
		if (mkdir_for(fp, &eb) == -1) {
			fprintf(err, "byline: %s\n", eb.msg);
			goto out;
		}
		if ((fc = fopen(fp, "a")) == NULL) {
			fprintf(err, "byline: %s: %s\n", fp, strerror(errno));
			goto out;
		}
		if (fwrite(im.add.data, 1, im.add.len, fc) != im.add.len) {
			fclose(fc);
			fprintf(err, "byline: %s: write error\n", fp);
			goto out;
		}
		if (fclose(fc) == EOF) {
			fprintf(err, "byline: %s: write error\n", fp);
			goto out;
		}
	}
	fprintf(out, "%zu feeds added to %s, %zu already there\n", im.added,
	    fp, im.present);
	rc = 0;
out:
	buf_release(&in);
	buf_release(&im.add);
	free(fp);
	free(sp);
	conf_release(&c);
	return rc;
}

int
cmd_export_opml(const struct options *o, FILE *out, FILE *err)
{
	struct conf c;
	struct opml_feed *v = NULL;
	struct store *s = NULL;
	struct store_feed *sf = NULL;
	struct buf b;
	struct errbuf eb;
	char	*path = NULL;
	size_t	 i, k, nsf = 0;
	int	 rc = 1;

	conf_init(&c);
	buf_init(&b, CONF_FILE_MAX_BYTES * 4);
	if (load_conf(o, &c, err) == -1)
		goto out;
	/* feed titles from the store where there is one; optional */
	if ((path = db_path(o, &eb)) != NULL && access(path, F_OK) == 0 &&
	    (s = store_open(path, &eb)) != NULL &&
	    store_feeds(s, &sf, &nsf, &eb) == -1)
		nsf = 0;
	if ((v = calloc(c.nfeeds + 1, sizeof *v)) == NULL)
		goto nomem;
	for (i = 0; i < c.nfeeds; i++) {
		v[i].url = c.feeds[i].url;
		v[i].title = c.feeds[i].title;
		v[i].tags = c.feeds[i].tags;
		v[i].ntags = c.feeds[i].ntags;
		for (k = 0; v[i].title == NULL && k < nsf; k++)
			if (strcmp(sf[k].url, v[i].url) == 0)
				v[i].title = sf[k].title;
	}
	if (opml_write(&b, NULL, v, c.nfeeds) == -1)
		goto nomem;
	if (fwrite(b.data, 1, b.len, out) != b.len || fflush(out) == EOF) {
		fprintf(err, "byline: standard output: write error\n");
		goto out;
	}
	rc = 0;
	goto out;
nomem:
	fprintf(err, "byline: out of memory\n");
out:
	free(v);
	store_feeds_free(sf, nsf);
	store_close(s);
	free(path);
	buf_release(&b);
	conf_release(&c);
	return rc;
}
