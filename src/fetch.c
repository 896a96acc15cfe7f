/*
 * fetch: libcurl multi transfers with our own queue.  See fetch.h for the
 * contract.  The queue (not libcurl's pending list) enforces the total and
 * per-host limits, so that a transfer's timeouts start only when it
 * really starts.  Response headers are read per response of a redirect
 * chain: the validators and the content type are those of the last one,
 * and the chain is "permanent" only when every redirect was 301 or 308
 * (RFC 9110 15.4.2, 15.4.9).
 *
 * libcurl is driven by its socket interface: it tells on_socket() which
 * sockets to watch and on_timer() when it next wants time, fetch_perform()
 * polls those sockets and hands libcurl the ready ones.  Only the
 * transfers on a ready socket then run, where curl_multi_perform() ran
 * every transfer at each call and polled each one's socket in turn: with
 * 100 transfers in flight that was 40% of a warm reload's CPU.
 */
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <time.h>

#include <curl/curl.h>

#include "config.h"
#include "fetch.h"

struct xfer {
	struct xfer	*next;
	struct fetcher	*f;
	CURL		*easy;
	struct curl_slist *headers;
	char		*url;
	char		*etag_sent;
	char		*lm_sent;
	char		*host;
	size_t		 max_bytes;
	struct fetch_callbacks cb;
	void		*ctx;

	long		 status;	/* of the response being read */
	int		 redirects;
	int		 all_permanent;
	int		 too_large;
	int		 aborted;
	int		 paused;	/* on_data returned FETCH_DATA_PAUSE */
	size_t		 bytes;
	/* of the response being read, or NULL: allocated as they come,
	 * since every queued transfer has a struct xfer */
	char		*etag, *lm, *ctype;
	char		 error[CURL_ERROR_SIZE];
	enum fetch_result res;		/* set when the transfer ends */
	char		 msg[ERRBUF_BYTES];
};

struct host_count {
	char	*host;
	long	 n;
};

struct fetcher {
	CURLM		*multi;
	struct fetch_settings set;
	char		*user_agent;
	struct xfer	*queue, *queue_tail;	/* waiting, in order */
	struct xfer	*running;		/* list */
	size_t		 nqueued, nrunning, npaused;
	struct host_count *hosts;		/* nrunning at most */
	size_t		 nhosts;
	int		 held;			/* fetch_hold() */
	/* the sockets libcurl waits on (on_socket()); ready[] is a copy
	 * of those that were ready, as libcurl changes pfd[] meanwhile */
	struct pollfd	*pfd, *ready;
	size_t		 npfd, pfdcap;
	long long	 due;		/* libcurl's timer, now_ms(); -1 */
	/* ended, taken off the multi handle, their on_done not yet called */
	struct xfer	*done, **done_tail;
	size_t		 ndone;
};

static size_t	 on_header(char *, size_t, size_t, void *);
static size_t	 on_write(char *, size_t, size_t, void *);
static void	 response(struct xfer *, struct fetch_response *, char **);
static int	 start(struct fetcher *, struct xfer *);
static void	 start_queued(struct fetcher *);
static void	 finish(struct fetcher *, struct xfer *, CURLcode);
static void	 detach(struct fetcher *, struct xfer *, CURLcode);
static void	 report(struct xfer *);
static void	 xfer_free(struct xfer *);
static ssize_t	 host_index(struct fetcher *, const char *, int);
static int	 on_socket(CURL *, curl_socket_t, int, void *, void *);
static int	 on_timer(CURLM *, long, void *);
static long long now_ms(void);

const char *
fetch_charset(const char *ctype, char *out, size_t size)
{
	const char *p;
	size_t	 n = 0;

	if (ctype == NULL || size == 0)
		return NULL;
	for (p = ctype; *p != '\0'; p++)
		if (ascii_ncasecmp(p, "charset=", 8) == 0)
			break;
	if (*p == '\0')
		return NULL;
	p += 8;
	if (*p == '"')
		p++;
	while (p[n] != '\0' && p[n] != '"' && p[n] != ';' &&
	    !ascii_isspace((unsigned char)p[n]) && n + 1 < size) {
		out[n] = p[n];
		n++;
	}
	out[n] = '\0';
	return n > 0 ? out : NULL;
}

const char *
fetch_result_str(enum fetch_result r)
{
	switch (r) {
	case FETCH_OK:
		return "ok";
	case FETCH_NOT_MODIFIED:
		return "not modified";
	case FETCH_ERR_DNS:
		return "host not found";
	case FETCH_ERR_CONNECT:
		return "cannot connect";
	case FETCH_ERR_TIMEOUT:
		return "timeout";
	case FETCH_ERR_TLS:
		return "TLS error";
	case FETCH_ERR_HTTP:
		return "HTTP error";
	case FETCH_ERR_REDIRECTS:
		return "too many redirects";
	case FETCH_ERR_TOO_LARGE:
		return "too large";
	case FETCH_ABORTED:
		return "aborted";
	case FETCH_ERR_OTHER:
	default:
		return "error";
	}
}

struct fetcher *
fetch_new(const struct fetch_settings *settings)
{
	struct fetcher *f;
	struct buf ua;

	if ((f = calloc(1, sizeof *f)) == NULL)
		return NULL;
	if (settings != NULL)
		f->set = *settings;
	if (f->set.max_total <= 0 || f->set.max_total > FETCH_TOTAL_MAX)
		f->set.max_total = FETCH_TOTAL_DEFAULT;
	if (f->set.max_host <= 0)
		f->set.max_host = FETCH_HOST_DEFAULT;
	if (f->set.connect_timeout_ms <= 0)
		f->set.connect_timeout_ms = FETCH_CONNECT_TIMEOUT_MS;
	if (f->set.timeout_ms <= 0)
		f->set.timeout_ms = FETCH_TIMEOUT_MS;
	buf_init(&ua, FETCH_HEADER_MAX_BYTES);
	if (settings != NULL && settings->user_agent != NULL) {
		if (buf_puts(&ua, settings->user_agent) != BUF_OK)
			goto fail;
	} else if (buf_printf(&ua, "byline/%s (terminal news reader; "
	    "libcurl/%s)", PACKAGE_VERSION,
	    curl_version_info(CURLVERSION_NOW)->version) != BUF_OK)
		goto fail;
	if ((f->user_agent = buf_take(&ua)) == NULL)
		goto fail;
	f->set.user_agent = f->user_agent;
	f->due = -1;
	f->done_tail = &f->done;
	if ((f->multi = curl_multi_init()) == NULL)
		goto fail;
	curl_multi_setopt(f->multi, CURLMOPT_SOCKETFUNCTION, on_socket);
	curl_multi_setopt(f->multi, CURLMOPT_SOCKETDATA, f);
	curl_multi_setopt(f->multi, CURLMOPT_TIMERFUNCTION, on_timer);
	curl_multi_setopt(f->multi, CURLMOPT_TIMERDATA, f);
	/* HTTP/2: several streams to one host share a connection. */
	curl_multi_setopt(f->multi, CURLMOPT_PIPELINING, CURLPIPE_MULTIPLEX);
	curl_multi_setopt(f->multi, CURLMOPT_MAX_TOTAL_CONNECTIONS,
	    f->set.max_total);
	curl_multi_setopt(f->multi, CURLMOPT_MAXCONNECTS, f->set.max_total);
	return f;
fail:
	buf_release(&ua);
	free(f->user_agent);
	free(f);
	return NULL;
}

static void
xfer_free(struct xfer *x)
{
	if (x == NULL)
		return;
	if (x->easy != NULL)
		curl_easy_cleanup(x->easy);
	curl_slist_free_all(x->headers);
	free(x->url);
	free(x->etag_sent);
	free(x->lm_sent);
	free(x->etag);
	free(x->lm);
	free(x->ctype);
	free(x->host);
	free(x);
}

void
fetch_free(struct fetcher *f)
{
	struct xfer *x;
	size_t	 i;

	if (f == NULL)
		return;
	while ((x = f->running) != NULL) {
		x->aborted = 1;
		finish(f, x, CURLE_ABORTED_BY_CALLBACK);
	}
	while ((x = f->queue) != NULL) {
		f->queue = x->next;
		f->nqueued--;
		x->aborted = 1;
		finish(f, x, CURLE_ABORTED_BY_CALLBACK);
	}
	/* ended, but the caller never took them: aborted as well */
	while ((x = f->done) != NULL) {
		f->done = x->next;
		x->res = FETCH_ABORTED;
		snprintf(x->msg, sizeof x->msg, "%.300s: aborted", x->url);
		report(x);
	}
	curl_multi_cleanup(f->multi);
	for (i = 0; i < f->nhosts; i++)
		free(f->hosts[i].host);
	free(f->hosts);
	free(f->pfd);
	free(f->ready);
	free(f->user_agent);
	free(f);
}

int
fetch_add(struct fetcher *f, const struct fetch_request *req,
    const struct fetch_callbacks *cb, void *ctx, struct errbuf *eb)
{
	struct xfer *x;

	if ((x = calloc(1, sizeof *x)) == NULL)
		goto nomem;
	x->f = f;
	x->cb = *cb;
	x->ctx = ctx;
	x->max_bytes = req->max_bytes != 0 ? req->max_bytes :
	    FETCH_FEED_MAX_BYTES;
	if ((x->url = strdup(req->url)) == NULL)
		goto nomem;
	if (req->etag != NULL && (x->etag_sent = strdup(req->etag)) == NULL)
		goto nomem;
	if (req->last_modified != NULL &&
	    (x->lm_sent = strdup(req->last_modified)) == NULL)
		goto nomem;
	if ((x->host = url_host(req->url)) == NULL &&
	    ascii_ncasecmp(req->url, "file:", 5) != 0) {
		errbuf_set(eb, "%.200s: not a valid URL", req->url);
		xfer_free(x);
		return -1;
	}
	if (x->host == NULL && (x->host = strdup("")) == NULL)
		goto nomem;
	if (f->queue_tail != NULL)
		f->queue_tail->next = x;
	else
		f->queue = x;
	f->queue_tail = x;
	f->nqueued++;
	return 0;
nomem:
	xfer_free(x);
	errbuf_set(eb, "%.200s: out of memory", req->url);
	return -1;
}

/*
 * The index of host in hosts[] (entries with n == 0 are free, with host
 * NULL); when absent and add is set, a free or new entry takes a copy of
 * host.  -1 when absent (or no memory).
 */
static ssize_t
host_index(struct fetcher *f, const char *host, int add)
{
	struct host_count *h;
	size_t	 i, free_i = f->nhosts;

	for (i = 0; i < f->nhosts; i++) {
		if (f->hosts[i].host == NULL)
			free_i = i;
		else if (strcmp(f->hosts[i].host, host) == 0)
			return (ssize_t)i;
	}
	if (!add)
		return -1;
	if (free_i == f->nhosts) {
		h = reallocarray(f->hosts, f->nhosts + 1, sizeof *h);
		if (h == NULL)
			return -1;
		f->hosts = h;
		f->hosts[f->nhosts].host = NULL;
		f->hosts[f->nhosts].n = 0;
		f->nhosts++;
	}
	if ((f->hosts[free_i].host = strdup(host)) == NULL)
		return -1;
	f->hosts[free_i].n = 0;
	return (ssize_t)free_i;
}

static size_t
on_header(char *data, size_t size, size_t n, void *arg)
{
	struct xfer *x = arg;
	size_t	 len = size * n, vl;
	char	**dst = NULL, *p;
	const char *v;
	long	 code;

	if (len >= 5 && memcmp(data, "HTTP/", 5) == 0) {
		/* a new response of the chain */
		v = memchr(data, ' ', len);
		code = 0;
		if (v != NULL)
			for (v++; v < data + len && ascii_isdigit(*v); v++)
				code = code * 10 + (*v - '0');
		if (x->status >= 300 && x->status < 400 && x->status != 304) {
			x->redirects++;
			if (x->status != 301 && x->status != 308)
				x->all_permanent = 0;
		}
		x->status = code;
		free(x->etag);
		free(x->lm);
		free(x->ctype);
		x->etag = x->lm = x->ctype = NULL;
		return len;
	}
	if (len > 5 && ascii_ncasecmp(data, "etag:", 5) == 0) {
		dst = &x->etag;
		v = data + 5;
	} else if (len > 14 && ascii_ncasecmp(data, "last-modified:", 14) ==
	    0) {
		dst = &x->lm;
		v = data + 14;
	} else if (len > 13 && ascii_ncasecmp(data, "content-type:", 13) ==
	    0) {
		dst = &x->ctype;
		v = data + 13;
	}
	if (dst == NULL)
		return len;
	while (v < data + len && (*v == ' ' || *v == '\t'))
		v++;
	vl = (size_t)(data + len - v);
	while (vl > 0 && ascii_isspace((unsigned char)v[vl - 1]))
		vl--;
	if (vl >= FETCH_HEADER_MAX_BYTES)
		return len;
	free(*dst);
	*dst = NULL;
	if (vl == 0)
		return len;
	if ((*dst = p = malloc(vl + 1)) == NULL) {
		x->aborted = 1;
		return 0;
	}
	memcpy(p, v, vl);
	p[vl] = '\0';
	/* keep only printable ASCII: these go back into headers */
	for (; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || (unsigned char)*p > 0x7e)
			*p = '?';
	return len;
}

/* Fills r from x; *eff receives libcurl's effective URL (borrowed). */
static void
response(struct xfer *x, struct fetch_response *r, char **eff)
{
	char	*u = NULL;

	memset(r, 0, sizeof *r);
	r->url = x->url;
	if (x->easy != NULL)
		curl_easy_getinfo(x->easy, CURLINFO_EFFECTIVE_URL, &u);
	*eff = u;
	r->final_url = u != NULL ? u : x->url;
	r->status = x->status;
	/* on_header() stores no empty value */
	r->etag = x->etag;
	r->last_modified = x->lm;
	r->content_type = x->ctype;
	r->bytes = x->bytes;
	if (x->redirects > 0 && x->all_permanent && u != NULL &&
	    strcmp(u, x->url) != 0)
		r->moved_to = u;
}

static size_t
on_write(char *data, size_t size, size_t n, void *arg)
{
	struct xfer *x = arg;
	struct fetch_response r;
	size_t	 len = size * n;
	char	*eff;

	/* error pages and file:// (status 0) are not delivered as feeds */
	if (x->status != 0 && (x->status < 200 || x->status > 299))
		return len;
	if (len > x->max_bytes - x->bytes) {
		x->too_large = 1;
		return 0;
	}
	x->bytes += len;
	if (x->cb.on_data == NULL)
		return len;
	response(x, &r, &eff);
	switch (x->cb.on_data(x->ctx, &r, data, len)) {
	case -1:
		x->aborted = 1;
		return 0;
	case FETCH_DATA_PAUSE:
		/* libcurl keeps these bytes and hands them over again */
		x->bytes -= len;
		x->paused = 1;
		x->f->npaused++;
		return CURL_WRITEFUNC_PAUSE;
	default:
		break;
	}
	return len;
}

/* Sets up x's easy handle and hands it to the multi; -1 on failure (x is
 * then finished with an error). */
static int
start(struct fetcher *f, struct xfer *x)
{
	CURL	*e;
	struct buf h;
	struct curl_slist *l;

	if ((e = x->easy = curl_easy_init()) == NULL)
		return -1;
	x->all_permanent = 1;
	curl_easy_setopt(e, CURLOPT_URL, x->url);
	curl_easy_setopt(e, CURLOPT_PRIVATE, x);
	curl_easy_setopt(e, CURLOPT_ERRORBUFFER, x->error);
	curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(e, CURLOPT_HEADERDATA, x);
	curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_write);
	curl_easy_setopt(e, CURLOPT_WRITEDATA, x);
	curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(e, CURLOPT_MAXREDIRS, (long)FETCH_REDIRECTS_MAX);
	/* no redirect to file:, ftp: or anything but the web */
	curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https,file");
	curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS,
	    f->set.connect_timeout_ms);
	curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, f->set.timeout_ms);
	curl_easy_setopt(e, CURLOPT_LOW_SPEED_LIMIT, FETCH_LOW_SPEED_BYTES);
	curl_easy_setopt(e, CURLOPT_LOW_SPEED_TIME, FETCH_LOW_SPEED_SECONDS);
	curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE,
	    (curl_off_t)x->max_bytes);
	/* "": every encoding this libcurl can decode (gzip, br, zstd) */
	curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(e, CURLOPT_HTTP_VERSION, CURL_HTTP_VERSION_2TLS);
	curl_easy_setopt(e, CURLOPT_USERAGENT, f->set.user_agent);
	/* over TLS, wait for a connection to be reused for HTTP/2
	 * multiplexing rather than open another to the same host; plain
	 * http is HTTP/1.1 here (CURL_HTTP_VERSION_2TLS), where waiting
	 * only holds the second transfer to a host until the first ends */
	curl_easy_setopt(e, CURLOPT_PIPEWAIT,
	    ascii_ncasecmp(x->url, "https://", 8) == 0 ? 1L : 0L);
	curl_easy_setopt(e, CURLOPT_TCP_KEEPALIVE, 1L);
	/* what on_data gets at a time, and what a paused transfer keeps */
	curl_easy_setopt(e, CURLOPT_BUFFERSIZE, FETCH_BUFFER_BYTES);

	buf_init(&h, FETCH_HEADER_MAX_BYTES + 32);
	if (x->etag_sent != NULL) {
		if (buf_printf(&h, "If-None-Match: %s", x->etag_sent) ==
		    BUF_OK &&
		    (l = curl_slist_append(x->headers, h.data)) != NULL)
			x->headers = l;
	}
	buf_reset(&h);
	if (x->lm_sent != NULL) {
		if (buf_printf(&h, "If-Modified-Since: %s", x->lm_sent) ==
		    BUF_OK &&
		    (l = curl_slist_append(x->headers, h.data)) != NULL)
			x->headers = l;
	}
	buf_release(&h);
	if (x->headers != NULL)
		curl_easy_setopt(e, CURLOPT_HTTPHEADER, x->headers);
	if (curl_multi_add_handle(f->multi, e) != CURLM_OK)
		return -1;
	return 0;
}

static void
start_queued(struct fetcher *f)
{
	struct xfer *x, *prev = NULL, *next;
	ssize_t	 h;

	if (f->held)
		return;
	for (x = f->queue; x != NULL && f->nrunning <
	    (size_t)f->set.max_total; x = next) {
		next = x->next;
		h = host_index(f, x->host, 0);
		if (h != -1 && f->hosts[h].n >= f->set.max_host) {
			prev = x;
			continue;
		}
		if (h == -1 && (h = host_index(f, x->host, 1)) == -1)
			return;		/* no memory: try again later */
		if (prev != NULL)
			prev->next = next;
		else
			f->queue = next;
		if (f->queue_tail == x)
			f->queue_tail = prev;
		f->nqueued--;
		x->next = f->running;
		f->running = x;
		f->nrunning++;
		f->hosts[h].n++;
		if (start(f, x) == -1)
			finish(f, x, CURLE_OUT_OF_MEMORY);
	}
}

/* Ends a running (or, from fetch_free(), queued) transfer: calls on_done
 * and frees it. */
static void
finish(struct fetcher *f, struct xfer *x, CURLcode cc)
{
	detach(f, x, cc);
	report(x);
}

/*
 * Takes x off the running list and the multi handle and decides its
 * result (x->res, x->msg); x itself stays for report().
 */
static void
detach(struct fetcher *f, struct xfer *x, CURLcode cc)
{
	struct xfer **pp;
	enum fetch_result res;
	char	*msg = x->msg;
	size_t	 msgsz = sizeof x->msg;
	ssize_t	 h;
	int	 was_running = 0;
	for (pp = &f->running; *pp != NULL; pp = &(*pp)->next)
		if (*pp == x) {
			*pp = x->next;
			f->nrunning--;
			was_running = 1;
			break;
		}
	if (x->paused) {
		x->paused = 0;
		f->npaused--;
	}
	if (was_running && (h = host_index(f, x->host, 0)) != -1 &&
	    --f->hosts[h].n == 0) {
		free(f->hosts[h].host);
		f->hosts[h].host = NULL;
	}
	msg[0] = '\0';
	if (x->too_large || cc == CURLE_FILESIZE_EXCEEDED) {
		res = FETCH_ERR_TOO_LARGE;
		snprintf(msg, msgsz, "%.300s: too large (over %zu bytes)",
		    x->url, x->max_bytes);
	} else if (x->aborted) {
		res = FETCH_ABORTED;
		snprintf(msg, msgsz, "%.300s: aborted", x->url);
	} else if (cc == CURLE_OK) {
		if (x->status == 304)
			res = FETCH_NOT_MODIFIED;
		else if (x->status == 0 || (x->status >= 200 &&
		    x->status < 300))
			res = FETCH_OK;
		else {
			res = FETCH_ERR_HTTP;
			snprintf(msg, msgsz, "%.300s: HTTP status %ld",
			    x->url, x->status);
		}
	} else {
		switch (cc) {
		case CURLE_COULDNT_RESOLVE_HOST:
		case CURLE_COULDNT_RESOLVE_PROXY:
			res = FETCH_ERR_DNS;
			break;
		case CURLE_COULDNT_CONNECT:
			res = FETCH_ERR_CONNECT;
			break;
		case CURLE_OPERATION_TIMEDOUT:
			res = FETCH_ERR_TIMEOUT;
			break;
		case CURLE_SSL_CONNECT_ERROR:
		case CURLE_PEER_FAILED_VERIFICATION:
		case CURLE_SSL_CERTPROBLEM:
		case CURLE_SSL_CACERT_BADFILE:
			res = FETCH_ERR_TLS;
			break;
		case CURLE_TOO_MANY_REDIRECTS:
			res = FETCH_ERR_REDIRECTS;
			break;
		default:
			res = FETCH_ERR_OTHER;
			break;
		}
		snprintf(msg, msgsz, "%.300s: %s (%.150s)", x->url,
		    fetch_result_str(res), x->error[0] != '\0' ? x->error :
		    curl_easy_strerror(cc));
	}
	if (x->easy != NULL && was_running)
		curl_multi_remove_handle(f->multi, x->easy);
	x->res = res;
}

/* Calls x's on_done and frees x. */
static void
report(struct xfer *x)
{
	struct fetch_response r;
	char	*eff;

	response(x, &r, &eff);
	if (x->cb.on_done != NULL)
		x->cb.on_done(x->ctx, x->res, &r, x->msg);
	xfer_free(x);
}

/*
 * libcurl's socket callback: watch s for what, or no more.  Returns -1
 * (libcurl then fails the transfer) when there is no memory for it.
 */
static int
on_socket(CURL *e, curl_socket_t s, int what, void *arg, void *sockp)
{
	struct fetcher *f = arg;
	struct pollfd *p;
	size_t	 i, cap;

	(void)e;
	(void)sockp;
	for (i = 0; i < f->npfd && f->pfd[i].fd != s; i++)
		continue;
	if (what == CURL_POLL_REMOVE) {
		if (i < f->npfd)
			f->pfd[i] = f->pfd[--f->npfd];
		return 0;
	}
	if (i == f->npfd) {
		if (f->npfd == f->pfdcap) {
			cap = f->pfdcap == 0 ? 16 : 2 * f->pfdcap;
			if ((p = reallocarray(f->pfd, cap, sizeof *p)) == NULL)
				return -1;
			f->pfd = p;
			if ((p = reallocarray(f->ready, cap, sizeof *p)) ==
			    NULL)
				return -1;
			f->ready = p;
			f->pfdcap = cap;
		}
		f->pfd[f->npfd++].fd = s;
	}
	f->pfd[i].events = (short)(((what & CURL_POLL_IN) ? POLLIN : 0) |
	    ((what & CURL_POLL_OUT) ? POLLOUT : 0));
	f->pfd[i].revents = 0;
	return 0;
}

/*
 * libcurl's timer callback: it wants time in ms (-1: never).  libcurl
 * calls it only when the time changes, so the timer must not go off
 * before libcurl's own clock has passed it (it would find nothing due
 * and never call again): now_ms() is cut to the millisecond, hence + 1.
 */
static int
on_timer(CURLM *m, long ms, void *arg)
{
	struct fetcher *f = arg;

	(void)m;
	f->due = ms < 0 ? -1 : now_ms() + ms + (ms > 0);
	return 0;
}

/*
 * Waits up to wait_ms for a watched socket or libcurl's timer, hands
 * libcurl the ready sockets and, when due, the timer, then takes the
 * ended transfers off the multi handle onto f->done.
 */
static CURLMcode
drive(struct fetcher *f, int wait_ms)
{
	CURLMsg	*m;
	CURLMcode mc = CURLM_OK;
	struct xfer *x;
	long long now;
	size_t	 i, n = 0;
	int	 running, left, ev;

	now = now_ms();
	if (f->due >= 0 && f->due - now < wait_ms)
		wait_ms = f->due <= now ? 0 : (int)(f->due - now);
	if (poll(f->pfd, (nfds_t)f->npfd, wait_ms) > 0)
		for (i = 0; i < f->npfd;) {
			/* closed behind libcurl's back: it would wake
			 * every poll */
			if (f->pfd[i].revents & POLLNVAL) {
				f->pfd[i] = f->pfd[--f->npfd];
				continue;
			}
			if (f->pfd[i].revents != 0)
				f->ready[n++] = f->pfd[i];
			i++;
		}
	for (i = 0; i < n && mc == CURLM_OK; i++) {
		ev = f->ready[i].revents;
		mc = curl_multi_socket_action(f->multi, f->ready[i].fd,
		    ((ev & (POLLIN | POLLHUP)) ? CURL_CSELECT_IN : 0) |
		    ((ev & POLLOUT) ? CURL_CSELECT_OUT : 0) |
		    ((ev & POLLERR) ? CURL_CSELECT_ERR : 0),
		    &running);
	}
	if (mc == CURLM_OK && f->due >= 0 && f->due <= now_ms()) {
		f->due = -1;
		mc = curl_multi_socket_action(f->multi, CURL_SOCKET_TIMEOUT,
		    0, &running);
	}
	while ((m = curl_multi_info_read(f->multi, &left)) != NULL) {
		if (m->msg != CURLMSG_DONE)
			continue;
		x = NULL;
		curl_easy_getinfo(m->easy_handle, CURLINFO_PRIVATE, &x);
		if (x == NULL)
			continue;
		detach(f, x, m->data.result);
		x->next = NULL;
		*f->done_tail = x;
		f->done_tail = &x->next;
		f->ndone++;
	}
	return mc;
}

/* Milliseconds on a monotonic clock. */
static long long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/*
 * Ended transfers are replaced by queued ones, whose requests go out
 * before any on_done runs: the caller's work in on_done (a feed's parse
 * and commit) then overlaps the new requests' round trips instead of
 * delaying them.  libcurl is moved on again after an on_done that took a
 * millisecond or more since it last was; what ends meanwhile is reported
 * by the next call, which then does not wait.
 */
int
fetch_perform(struct fetcher *f, int timeout_ms, struct errbuf *eb)
{
	CURLMcode mc;
	struct xfer *x, *done;
	long long moved;

	start_queued(f);
	mc = drive(f, f->done == NULL && f->nrunning > 0 ? timeout_ms : 0);
	if (mc == CURLM_OK && f->done != NULL) {
		start_queued(f);
		mc = drive(f, 0);
	}
	done = f->done;
	f->done = NULL;
	f->done_tail = &f->done;
	f->ndone = 0;
	moved = now_ms();
	while ((x = done) != NULL) {
		done = x->next;
		report(x);
		if (mc == CURLM_OK && done != NULL && now_ms() > moved) {
			start_queued(f);
			mc = drive(f, 0);
			moved = now_ms();
		}
	}
	if (mc != CURLM_OK) {
		errbuf_set(eb, "fetch: %s", curl_multi_strerror(mc));
		return -1;
	}
	start_queued(f);
	return (int)fetch_pending(f);
}

size_t
fetch_pending(const struct fetcher *f)
{
	return f->nrunning + f->nqueued + f->ndone;
}

size_t
fetch_running(const struct fetcher *f)
{
	return f->nrunning;
}

void
fetch_hold(struct fetcher *f, int hold)
{
	f->held = hold != 0;
}

size_t
fetch_paused(const struct fetcher *f)
{
	return f->npaused;
}

/* Each resumed transfer's kept bytes reach on_data inside
 * curl_easy_pause(), which may pause it again (and count it again). */
void
fetch_resume(struct fetcher *f)
{
	struct xfer *x;

	for (x = f->running; x != NULL && f->npaused > 0; x = x->next) {
		if (!x->paused)
			continue;
		x->paused = 0;
		f->npaused--;
		(void)curl_easy_pause(x->easy, CURLPAUSE_CONT);
	}
}
