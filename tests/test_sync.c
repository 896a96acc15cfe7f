/*
 * test_sync: the sync engine's writer on a store in a temporary file,
 * without network: jobs are made by hand as the transfer loop makes
 * them.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <sys/socket.h>
#include <sys/stat.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <pthread.h>
#include <unistd.h>

#include <sqlite3.h>

#include "conf.h"
#include "fetch.h"
#include "store.h"
#include "store_fixture.h"
#include "sync.h"
#include "sync_int.h"

struct fx {
	struct store_fixture sf;
	struct sync	 y;
};

static int
setup(void **state)
{
	struct fx *fx;

	fx = calloc(1, sizeof *fx);
	assert_non_null(fx);
	store_fixture_open(&fx->sf, "sync");
	fx->y.store = fx->sf.s;
	fx->y.now = 1739750400;
	pthread_mutex_init(&fx->y.mu, NULL);
	pthread_mutex_init(&fx->y.store_mu, NULL);
	pthread_cond_init(&fx->y.cv_back, NULL);
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *fx = *state;
	struct job *j;

	while ((j = sync_q_pop(&fx->y.q_back)) != NULL)
		sync_job_free(j);
	pthread_mutex_destroy(&fx->y.mu);
	pthread_mutex_destroy(&fx->y.store_mu);
	pthread_cond_destroy(&fx->y.cv_back);
	store_fixture_close(&fx->sf);
	free(fx);
	return 0;
}

/* A parsed feed of n entries titled PREFIX-0.., as the transfer loop
 * hands it to the writer. */
static struct job *
feed_job(struct fx *fx, const char *url, const char *prefix, size_t n)
{
	struct errbuf eb;
	struct job *j;
	char	 t[64];
	size_t	 i;

	j = sync_job_new(&fx->y, JOB_FEED, url);
	assert_non_null(j);
	assert_int_equal(store_feed_ensure(fx->y.store, url, NULL, NULL,
	    &j->feed_id, &eb), 0);
	j->had_parser = 1;
	j->res = FETCH_OK;
	j->entries = calloc(n, sizeof *j->entries);
	assert_non_null(j->entries);
	j->nentries = j->aentries = n;
	for (i = 0; i < n; i++) {
		snprintf(t, sizeof t, "%s-%zu", prefix, i);
		j->entries[i].mem = strdup(t);
		assert_non_null(j->entries[i].mem);
		j->entries[i].e.id = j->entries[i].e.title =
		    j->entries[i].mem;
	}
	return j;
}

static size_t
items_of(struct fx *fx, int64_t feed_id)
{
	struct store_item *v;
	struct errbuf eb;
	size_t	 n;

	assert_int_equal(store_items(fx->y.store, feed_id, 0, 0, &v, &n,
	    &eb), 0);
	store_items_free(v, n);
	return n;
}

/* A feed the store refuses half-way (a trigger stands for a full disk)
 * fails alone and whole; the feeds batched with it, before and after,
 * are stored and counted once. */
static void
test_sync_write_batch_when_one_feed_fails(void **state)
{
	struct fx *fx = *state;
	struct job *a, *b, *c, *j;
	sqlite3	*db;
	int64_t	 ida, idb, idc;
	size_t	 n = 0;

	a = feed_job(fx, "http://a.test/f", "a", 3);
	b = feed_job(fx, "http://b.test/f", "b", 3);
	c = feed_job(fx, "http://c.test/f", "c", 2);
	ida = a->feed_id;
	idb = b->feed_id;
	idc = c->feed_id;
	assert_int_equal(sqlite3_open(fx->sf.path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "CREATE TRIGGER poison BEFORE "
	    "INSERT ON items WHEN new.title = 'b-1' BEGIN SELECT "
	    "RAISE(ABORT, 'disk full'); END", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	a->next = b;
	b->next = c;
	sync_write_batch(&fx->y, a);
	while ((j = sync_q_pop(&fx->y.q_back)) != NULL) {
		n++;
		assert_null(j->entries);
		if (j == b) {
			assert_int_equal(j->event, SYNC_FEED_FAILED);
			assert_non_null(strstr(j->msg, "disk full"));
		} else {
			assert_int_equal(j->event, SYNC_FEED_OK);
			assert_int_equal(j->new_items, j == a ? 3 : 2);
		}
		sync_job_free(j);
	}
	assert_int_equal(n, 3);
	assert_int_equal(items_of(fx, ida), 3);
	assert_int_equal(items_of(fx, idb), 0);
	assert_int_equal(items_of(fx, idc), 2);
}

/* A batch of feeds is stored whole, each feed counting its new items
 * only; the same entries again are no longer new. */
static void
test_sync_write_batch_when_all_succeed(void **state)
{
	struct fx *fx = *state;
	struct job *a, *b, *j;
	int64_t	 ida, idb;
	size_t	 n = 0, added = 0;
	int	 round;

	for (round = 0; round < 2; round++) {
		a = feed_job(fx, "http://a.test/f", "a", 4);
		b = feed_job(fx, "http://b.test/f", "b", 1);
		ida = a->feed_id;
		idb = b->feed_id;
		a->next = b;
		sync_write_batch(&fx->y, a);
		while ((j = sync_q_pop(&fx->y.q_back)) != NULL) {
			n++;
			assert_int_equal(j->event, SYNC_FEED_OK);
			added += j->new_items;
			sync_job_free(j);
		}
	}
	assert_int_equal(n, 4);
	assert_int_equal(added, 5);
	assert_int_equal(items_of(fx, ida), 4);
	assert_int_equal(items_of(fx, idb), 1);
}

/* Page jobs handed back by the writer, freed. */
static size_t
pages_back(struct fx *fx)
{
	struct job *j;
	size_t	 n = 0;

	while ((j = sync_q_pop(&fx->y.q_back)) != NULL) {
		n += j->kind == JOB_PAGE;
		sync_job_free(j);
	}
	return n;
}

/* New items get their page fetched; seen again, only those with no
 * story whose page failed fewer than STORE_PAGE_TRIES_MAX times. */
static void
test_sync_write_batch_when_pages_failed_before(void **state)
{
	struct fx *fx = *state;
	struct store_item *v;
	struct errbuf eb;
	struct job *j;
	size_t	 i, n;
	int	 round;

	fx->y.prefetch_left = 100;
	for (round = 0; round < 2; round++) {
		j = feed_job(fx, "http://a.test/f", "a", 3);
		for (i = 0; i < j->nentries; i++)
			j->entries[i].e.link = round == 0 ? "http://a.test/1" :
			    "http://a.test/2";
		sync_write_batch(&fx->y, j);
		if (round == 1)
			break;
		assert_int_equal(pages_back(fx), 3);
		assert_int_equal(store_items(fx->y.store, 0, 0, 0, &v, &n,
		    &eb), 0);
		assert_int_equal(n, 3);
		/* one page always fails, one is stored, one failed once */
		for (i = 0; i < STORE_PAGE_TRIES_MAX; i++)
			assert_int_equal(store_item_page_failed(fx->y.store,
			    v[0].id, &eb), 0);
		assert_int_equal(store_story_save(fx->y.store, v[1].id,
		    "{}", "text", &eb), 0);
		assert_int_equal(store_item_page_failed(fx->y.store,
		    v[2].id, &eb), 0);
		store_items_free(v, n);
	}
	assert_int_equal(pages_back(fx), 1);
}

static void
count_done(void *ctx, enum fetch_result res, const struct fetch_response *r,
    const char *msg)
{
	int	*n = ctx;

	(void)r;
	(void)msg;
	if (res == FETCH_OK)
		(*n)++;
}

/* A held fetcher starts nothing queued, and does not wait for it; let
 * go, it fetches everything. */
static void
test_sync_fetch_hold_when_set_starts_nothing(void **state)
{
	static const struct fetch_callbacks cb = { NULL, count_done };
	struct fetch_request rq;
	struct fetcher *f;
	struct errbuf eb;
	char	 url[256];
	int	 done = 0, i;

	(void)state;
	snprintf(url, sizeof url, "file://%s/conf/feeds.conf", TEST_DATA_DIR);
	memset(&rq, 0, sizeof rq);
	rq.url = url;
	f = fetch_new(NULL);
	assert_non_null(f);
	fetch_hold(f, 1);
	for (i = 0; i < 3; i++)
		assert_int_equal(fetch_add(f, &rq, &cb, &done, &eb), 0);
	assert_int_equal(fetch_perform(f, 100, &eb), 3);
	assert_int_equal(fetch_running(f), 0);
	assert_int_equal(done, 0);
	fetch_hold(f, 0);
	for (i = 0; i < 100 && fetch_pending(f) > 0; i++)
		assert_int_not_equal(fetch_perform(f, 100, &eb), -1);
	assert_int_equal(done, 3);
	fetch_free(f);
}

/* Writes an RSS feed of n items (about 200 bytes each) at path. */
static void
write_feed(const char *path, const char *name, size_t n)
{
	FILE	*fp;
	size_t	 i;

	fp = fopen(path, "w");
	assert_non_null(fp);
	fprintf(fp, "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel>"
	    "<title>%s</title>\n", name);
	for (i = 0; i < n; i++)
		fprintf(fp, "<item><title>%s story %zu</title>"
		    "<link>http://example.org/%s/%zu</link>"
		    "<guid>urn:%s:%zu</guid><description>Some words about "
		    "story %zu of %s, long enough to count.</description>"
		    "</item>\n", name, i, name, i, name, i, i, name);
	fprintf(fp, "</channel></rss>\n");
	assert_int_equal(fclose(fp), 0);
}

/*
 * A loopback HTTP server on a thread of its own: answers each request
 * for /NAME with the file DIR/NAME, whole, and closes the connection,
 * one connection at a time (a paused transfer's answer waits in its
 * socket).  libcurl cannot pause file:// transfers, so pauses are
 * tested over HTTP.
 */
struct server {
	int		 fd;
	int		 port;
	const char	*dir;
	pthread_t	 th;
};

static void *
serve(void *arg)
{
	struct server *sv = arg;
	char	 req[2048], path[512], name[256], head[256];
	char	*body;
	FILE	*fp;
	size_t	 len;
	ssize_t	 n;
	int	 c;

	while ((c = accept(sv->fd, NULL, NULL)) != -1) {
		len = 0;
		while (len < sizeof req - 1 && (n = read(c, req + len,
		    sizeof req - 1 - len)) > 0) {
			len += (size_t)n;
			req[len] = '\0';
			if (strstr(req, "\r\n\r\n") != NULL)
				break;
		}
		req[len] = '\0';
		body = NULL;
		len = 0;
		if (sscanf(req, "GET /%255s ", name) == 1) {
			snprintf(path, sizeof path, "%s/%s", sv->dir, name);
			if ((fp = fopen(path, "r")) != NULL) {
				body = malloc(1 << 20);
				if (body != NULL)
					len = fread(body, 1, 1 << 20, fp);
				fclose(fp);
			}
		}
		n = snprintf(head, sizeof head, "HTTP/1.1 %s\r\n"
		    "Content-Type: application/rss+xml\r\n"
		    "Content-Length: %zu\r\nConnection: close\r\n\r\n",
		    body != NULL ? "200 OK" : "404 Not Found", len);
		if (write(c, head, (size_t)n) == n && len > 0 &&
		    write(c, body, len) != (ssize_t)len) {
			/* the client went: nothing to do */
		}
		free(body);
		close(c);
	}
	return NULL;
}

static void
server_start(struct server *sv, const char *dir)
{
	struct sockaddr_in sa;
	socklen_t sl = sizeof sa;

	sv->dir = dir;
	sv->fd = socket(AF_INET, SOCK_STREAM, 0);
	assert_true(sv->fd != -1);
	memset(&sa, 0, sizeof sa);
	sa.sin_family = AF_INET;
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	assert_int_equal(bind(sv->fd, (struct sockaddr *)&sa, sizeof sa), 0);
	assert_int_equal(listen(sv->fd, 64), 0);
	assert_int_equal(getsockname(sv->fd, (struct sockaddr *)&sa, &sl),
	    0);
	sv->port = ntohs(sa.sin_port);
	assert_int_equal(pthread_create(&sv->th, NULL, serve, sv), 0);
}

static void
server_stop(struct server *sv)
{
	shutdown(sv->fd, SHUT_RDWR);
	close(sv->fd);
	pthread_join(sv->th, NULL);
}

struct paused {
	int	 times;		/* pauses asked */
	size_t	 bytes;		/* taken */
	int	 done;
};

/* Pauses its transfer at the first bytes, then takes everything. */
static int
pause_once(void *ctx, const struct fetch_response *r, const char *data,
    size_t n)
{
	struct paused *p = ctx;

	(void)r;
	(void)data;
	if (p->times == 0) {
		p->times++;
		return FETCH_DATA_PAUSE;
	}
	p->bytes += n;
	return 0;
}

static void
pause_done(void *ctx, enum fetch_result res, const struct fetch_response *r,
    const char *msg)
{
	struct paused *p = ctx;

	(void)r;
	(void)msg;
	p->done = res == FETCH_OK ? 1 : -1;
}

/* A transfer whose on_data pauses it stays paused and running until
 * fetch_resume(), then delivers the same bytes again and all the rest. */
static void
test_sync_fetch_pause_when_asked_gets_the_bytes_again(void **state)
{
	static const struct fetch_callbacks cb = { pause_once, pause_done };
	struct fx *fx = *state;
	struct fetch_request rq;
	struct fetcher *f;
	struct errbuf eb;
	struct paused p;
	struct server sv;
	struct stat st;
	char	 path[256], url[300];
	int	 i;

	snprintf(path, sizeof path, "%s/big.xml", fx->sf.dir);
	write_feed(path, "big", 200);
	server_start(&sv, fx->sf.dir);
	snprintf(url, sizeof url, "http://127.0.0.1:%d/big.xml", sv.port);
	memset(&rq, 0, sizeof rq);
	memset(&p, 0, sizeof p);
	rq.url = url;
	f = fetch_new(NULL);
	assert_non_null(f);
	assert_int_equal(fetch_add(f, &rq, &cb, &p, &eb), 0);
	for (i = 0; i < 100 && fetch_paused(f) == 0 && p.done == 0; i++)
		assert_int_not_equal(fetch_perform(f, 10, &eb), -1);
	assert_int_equal(fetch_paused(f), 1);
	assert_int_equal(fetch_running(f), 1);
	assert_int_equal(p.bytes, 0);
	assert_int_equal(fetch_perform(f, 10, &eb), 1);
	assert_int_equal(p.done, 0);
	fetch_resume(f);
	assert_int_equal(fetch_paused(f), 0);
	for (i = 0; i < 100 && fetch_pending(f) > 0; i++)
		assert_int_not_equal(fetch_perform(f, 10, &eb), -1);
	assert_int_equal(p.done, 1);
	assert_int_equal(p.times, 1);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(p.bytes, (size_t)st.st_size);
	fetch_free(f);
	server_stop(&sv);
	assert_int_equal(unlink(path), 0);
}

/* With a bound of one byte, the transfers pause all the time (each
 * feed not begun while anything is parsed or waits, each begun while
 * the writer writes): every feed still ends, and is stored whole, a
 * file:// feed among them too.  Were a feed begun paused while the
 * writer has nothing, they would wait for each other for ever. */
static void
test_sync_parsed_max_when_tiny_stores_every_feed(void **state)
{
	struct fx *fx = *state;
	struct sync_settings set;
	struct server sv;
	struct conf_feed cf[7];
	const struct sync_progress *pr;
	struct store_feed *sf;
	struct errbuf eb;
	struct sync *y;
	char	 path[7][256], url[7][300], name[16];
	size_t	 i, nf;
	int	 n, steps = 0;

	memset(cf, 0, sizeof cf);
	server_start(&sv, fx->sf.dir);
	for (i = 0; i < 6; i++) {
		snprintf(name, sizeof name, "f%zu", i);
		snprintf(path[i], sizeof path[i], "%s/%s.xml", fx->sf.dir,
		    name);
		write_feed(path[i], name, 100);
		snprintf(url[i], sizeof url[i], "http://127.0.0.1:%d/%s.xml",
		    sv.port, name);
		cf[i].url = url[i];
		cf[i].line = i + 1;
	}
	snprintf(path[6], sizeof path[6], "%s/local.xml", fx->sf.dir);
	write_feed(path[6], "local", 100);
	snprintf(url[6], sizeof url[6], "file://%s", path[6]);
	cf[6].url = url[6];
	cf[6].line = 7;
	memset(&set, 0, sizeof set);
	set.parsed_max = 1;
	y = sync_new(fx->sf.path, &set, NULL, NULL, &eb);
	assert_non_null(y);
	assert_int_equal(sync_add_conf(y, cf, 7, &eb), 0);
	while ((n = sync_step(y, 20, &eb)) > 0 && steps++ < 1000)
		continue;
	assert_int_equal(n, 0);
	server_stop(&sv);
	pr = sync_progress(y);
	assert_int_equal(pr->feeds_done, 7);
	assert_int_equal(pr->feeds_failed, 0);
	assert_int_equal(pr->new_items, 700);
	sync_free(y);
	assert_int_equal(store_feeds(fx->y.store, &sf, &nf, &eb), 0);
	assert_int_equal(nf, 7);
	for (i = 0; i < nf; i++)
		assert_int_equal(items_of(fx, sf[i].id), 100);
	store_feeds_free(sf, nf);
	for (i = 0; i < 7; i++)
		assert_int_equal(unlink(path[i]), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
		    test_sync_write_batch_when_one_feed_fails, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    test_sync_write_batch_when_all_succeed, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_sync_write_batch_when_pages_failed_before, setup,
		    teardown),
		cmocka_unit_test(test_sync_fetch_hold_when_set_starts_nothing),
		cmocka_unit_test_setup_teardown(
		    test_sync_fetch_pause_when_asked_gets_the_bytes_again,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_sync_parsed_max_when_tiny_stores_every_feed, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
