/*
 * cmd_net: one blocking fetch for the command-line modes that take a URL
 * (--dump URL, --parse-feed URL), on the same fetcher as --reload and the
 * reader, so that limits, timeouts and redirects are the same.
 */
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "fetch.h"

struct netjob {
	int	(*on_data)(void *, const char *, size_t);
	void	*ctx;
	int	 done, ok;
	char	*final_url, *content_type;
	struct errbuf *eb;
};

static int
net_data(void *v, const struct fetch_response *r, const char *data, size_t n)
{
	struct netjob *j = v;

	(void)r;
	return j->on_data(j->ctx, data, n);
}

static void
net_done(void *v, enum fetch_result res, const struct fetch_response *r,
    const char *msg)
{
	struct netjob *j = v;

	j->done = 1;
	if (res == FETCH_OK) {
		j->ok = 1;
		if (r->final_url != NULL)
			j->final_url = strdup(r->final_url);
		if (r->content_type != NULL)
			j->content_type = strdup(r->content_type);
	} else if (res == FETCH_ABORTED)
		errbuf_set(j->eb, "%s: stopped", r->url);
	else
		errbuf_set(j->eb, "%s", msg);
}

int
cmd_fetch(const char *url, size_t max_bytes,
    int (*on_data)(void *, const char *, size_t), void *ctx, char **final_url,
    char **content_type, struct errbuf *eb)
{
	struct fetcher *f;
	struct fetch_request rq;
	struct fetch_callbacks cb = { net_data, net_done };
	struct netjob j;

	memset(&j, 0, sizeof j);
	j.on_data = on_data;
	j.ctx = ctx;
	j.eb = eb;
	if ((f = fetch_new(NULL)) == NULL) {
		errbuf_set(eb, "%s: cannot start a transfer (libcurl)", url);
		return -1;
	}
	memset(&rq, 0, sizeof rq);
	rq.url = url;
	rq.max_bytes = max_bytes;
	if (fetch_add(f, &rq, &cb, &j, eb) == -1) {
		fetch_free(f);
		return -1;
	}
	while (!j.done)
		if (fetch_perform(f, CMD_NET_POLL_MS, eb) == -1)
			break;
	fetch_free(f);
	if (!j.ok) {
		free(j.final_url);
		free(j.content_type);
		return -1;
	}
	if (final_url != NULL)
		*final_url = j.final_url;
	else
		free(j.final_url);
	if (content_type != NULL)
		*content_type = j.content_type;
	else
		free(j.content_type);
	return 0;
}
