/*
 * sync_job: the sync engine's jobs and the queues that carry them
 * between its threads (see sync.c for the stages): a job made, cleared
 * and freed, pushed on and popped off a queue, and handed back to the
 * caller's thread.  Used by sync.c and sync_writer.c; calls neither.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "feed.h"
#include "store.h"
#include "sync.h"
#include "sync_int.h"

void
sync_q_push(struct queue *q, struct job *j)
{
	j->next = NULL;
	if (q->tail != NULL)
		q->tail->next = j;
	else
		q->head = j;
	q->tail = j;
	q->n++;
}

struct job *
sync_q_pop(struct queue *q)
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

int
sync_is_web(const char *u)
{
	return u != NULL && (ascii_ncasecmp(u, "http://", 7) == 0 ||
	    ascii_ncasecmp(u, "https://", 8) == 0);
}

void
sync_job_clear_feed(struct job *j)
{
	size_t	 i;

	for (i = 0; i < j->nentries; i++)
		free(j->entries[i].mem);
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

void
sync_job_free(struct job *j)
{
	if (j == NULL)
		return;
	sync_job_clear_feed(j);
	buf_release(&j->body);
	free(j->final_url);
	free(j->story);
	free(j->text);
	store_items_free(j->rel, j->nrel);
	free(j->url);
	free(j);
}

/* A new job for url, counted alive.  NULL when memory runs out. */
struct job *
sync_job_new(struct sync *y, enum job_kind kind, const char *url)
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
void
sync_give_back(struct sync *y, struct job *j)
{
	pthread_mutex_lock(&y->mu);
	sync_q_push(&y->q_back, j);
	pthread_cond_signal(&y->cv_back);
	pthread_mutex_unlock(&y->mu);
}
