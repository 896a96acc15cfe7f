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

#include <sqlite3.h>

#include "fetch.h"
#include "store.h"
#include "store_fixture.h"
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
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
