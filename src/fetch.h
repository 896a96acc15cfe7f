/*
 * fetch: HTTP(S) transfers on the libcurl multi interface, driven by the
 * caller's loop without blocking it.  A fetcher runs at most max_total
 * transfers at once and at most max_host per host; the rest wait in a
 * queue, in the order added.  Each transfer follows up to
 * FETCH_REDIRECTS_MAX redirects, has connect, total and low-speed
 * timeouts, a byte cap enforced while receiving, every compression
 * libcurl supports, HTTP/2 where the server offers it, proxies from the
 * environment (libcurl's http_proxy, https_proxy, no_proxy) and a real
 * User-Agent.  Conditional GET: the request's ETag and Last-Modified are
 * sent back; a 304 ends as FETCH_NOT_MODIFIED.
 *
 * Use: fetch_new(); fetch_add() per URL with callbacks; then call
 * fetch_perform(f, timeout_ms) until fetch_pending(f) is 0.  A UI loop
 * calls fetch_perform(f, 0) every few tens of milliseconds.  Callbacks
 * run only inside fetch_perform().
 *
 * Callbacks: on_data receives the body as it arrives, decoded, only for
 * a 2xx answer; returning -1 aborts that transfer (FETCH_ABORTED), and
 * FETCH_DATA_PAUSE pauses it: the same bytes come again after
 * fetch_resume(), and meanwhile the rest waits in the socket (http and
 * https only: libcurl fails a file:// transfer that asks).
 * on_done is called exactly once per successful fetch_add(), with the
 * result and the response; after it returns, the response's strings are
 * gone.  fetch_free() of a fetcher with transfers left calls their
 * on_done with FETCH_ABORTED.
 *
 * Errors: fetch_new() returns NULL only when memory or libcurl fails;
 * fetch_add() returns -1 with eb set ("URL: why") and never calls
 * on_done then.  Nothing is printed.
 */
#ifndef BYLINE_FETCH_H
#define BYLINE_FETCH_H

#include <stddef.h>

#include "util.h"

enum fetch_result {
	FETCH_OK = 0,
	FETCH_NOT_MODIFIED,	/* 304: nothing new, a success */
	FETCH_ERR_DNS,		/* host not found */
	FETCH_ERR_CONNECT,	/* refused, unreachable */
	FETCH_ERR_TIMEOUT,	/* connect, total or low-speed timeout */
	FETCH_ERR_TLS,
	FETCH_ERR_HTTP,		/* 4xx or 5xx: see response status */
	FETCH_ERR_REDIRECTS,	/* more than FETCH_REDIRECTS_MAX, or a loop */
	FETCH_ERR_TOO_LARGE,	/* body over the request's max_bytes */
	FETCH_ABORTED,		/* on_data returned -1, or fetch_free() */
	FETCH_ERR_OTHER		/* the message says what */
};

struct fetch_settings {
	long		 max_total;	/* transfers at once (0: default) */
	long		 max_host;	/* per host at once (0: default) */
	long		 connect_timeout_ms;	/* 0: default */
	long		 timeout_ms;	/* whole transfer; 0: default */
	const char	*user_agent;	/* NULL: "byline/VERSION" */
};

struct fetch_request {
	const char	*url;
	const char	*etag;		/* If-None-Match, or NULL */
	const char	*last_modified;	/* If-Modified-Since, or NULL */
	size_t		 max_bytes;	/* 0: FETCH_FEED_MAX_BYTES */
};

/* What the server answered; strings valid during the callback only. */
struct fetch_response {
	const char	*url;		/* as requested */
	const char	*final_url;	/* after redirects */
	/* The new address when every redirect followed was permanent
	 * (301, 308), else NULL. */
	const char	*moved_to;
	long		 status;	/* last HTTP status, 0 if none */
	const char	*etag;		/* of the answer, or NULL */
	const char	*last_modified;
	const char	*content_type;	/* or NULL */
	size_t		 bytes;		/* body bytes delivered */
};

/* What on_data returns to pause its transfer (see above). */
#define FETCH_DATA_PAUSE	1

struct fetch_callbacks {
	/* Body bytes; may be NULL to discard them.  0, -1 or
	 * FETCH_DATA_PAUSE. */
	int	(*on_data)(void *ctx, const struct fetch_response *,
		    const char *data, size_t n);
	/* msg is one line, "URL: why", for results other than OK and
	 * NOT_MODIFIED, else "". */
	void	(*on_done)(void *ctx, enum fetch_result,
		    const struct fetch_response *, const char *msg);
};

struct fetcher;

/* settings may be NULL (all defaults); it is copied. */
struct fetcher	*fetch_new(const struct fetch_settings *settings);
void		 fetch_free(struct fetcher *);

/* Queues a transfer; the request's strings are copied. */
int	 fetch_add(struct fetcher *, const struct fetch_request *,
	    const struct fetch_callbacks *, void *ctx, struct errbuf *eb)
	    WARN_UNUSED;

/*
 * Waits at most timeout_ms (0: not at all) for network activity, moves
 * every transfer on, starts queued ones as slots free up and calls the
 * callbacks of those that progressed or ended.  Returns the number of
 * transfers still pending (running, queued, or ended and not yet
 * reported), or -1 with eb set when libcurl itself fails.
 */
int	 fetch_perform(struct fetcher *, int timeout_ms, struct errbuf *eb);
/* Transfers pending (as fetch_perform() returns); running only. */
size_t	 fetch_pending(const struct fetcher *);
size_t	 fetch_running(const struct fetcher *);
/*
 * While hold is set, queued transfers stay queued (running ones go on):
 * a caller whose consumers are behind takes no more work without waiting
 * itself.  Cleared, the next fetch_perform() starts them again.
 */
void	 fetch_hold(struct fetcher *, int hold);
/* Running transfers that on_data paused; fetch_resume() hands each its
 * bytes again (on_data may pause it again). */
size_t	 fetch_paused(const struct fetcher *);
void	 fetch_resume(struct fetcher *);

/*
 * The charset parameter of a Content-Type header value (RFC 9110 8.3:
 * "text/html; charset=ISO-8859-1", the value maybe quoted, ended by a
 * quote, ';' or whitespace), copied into out (size bytes, cut to fit).
 * Returns out, or NULL when there is none.  Every caller that decodes a
 * fetched body uses this one, so a feed decodes the same whoever
 * fetched it.
 */
const char	*fetch_charset(const char *content_type, char *out,
		    size_t size);

/* A short lower-case phrase for a result ("timeout", "HTTP error"). */
const char	*fetch_result_str(enum fetch_result);

#endif
