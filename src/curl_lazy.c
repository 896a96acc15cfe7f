/*
 * curl_lazy: libcurl, loaded the first time it is used.
 *
 * Loading libcurl with its thirty dependencies (TLS, Kerberos, LDAP, SSH,
 * IDN) costs more CPU than extracting an article: about 25 ms of dynamic
 * linking per process.  Most runs of byline (--dump of a saved page,
 * --parse-feed of a file, opening the reader on the store) never touch
 * the network, so byline does not link libcurl: this file defines the
 * libcurl functions byline calls, and the first call dlopen()s
 * libcurl.so.4, runs curl_global_init() and forwards.  Callers use the
 * ordinary libcurl API and need not know.
 *
 * When libcurl cannot be loaded, the functions fail as libcurl fails
 * when it has no memory: NULL handles and CURLE_FAILED_INIT, with
 * curl_easy_strerror() saying why.  The only state is the table of
 * function pointers, filled once.
 */
#define CURL_DISABLE_TYPECHECK 1

#include <dlfcn.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>

#include <curl/curl.h>

#include "curl_lazy.h"

/* The library's name: the SONAME that libcurl4 and its variants ship. */
#define CURL_LAZY_SONAME	"libcurl.so.4"
/* GnuTLS skips its load-time initialisation when this is "1". */
#define CURL_LAZY_GNUTLS_ENV	"GNUTLS_NO_IMPLICIT_INIT"

static struct {
	int	 tried, ok;
	void	*dl;
	CURLcode (*global_init)(long);
	void	 (*global_cleanup)(void);
	CURL	*(*easy_init)(void);
	CURLcode (*easy_setopt)(CURL *, CURLoption, ...);
	CURLcode (*easy_getinfo)(CURL *, CURLINFO, ...);
	void	 (*easy_cleanup)(CURL *);
	CURLcode (*easy_pause)(CURL *, int);
	const char *(*easy_strerror)(CURLcode);
	struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
	void	 (*slist_free_all)(struct curl_slist *);
	curl_version_info_data *(*version_info)(CURLversion);
	void	 (*free)(void *);
	CURLM	*(*multi_init)(void);
	CURLMcode (*multi_add_handle)(CURLM *, CURL *);
	CURLMcode (*multi_remove_handle)(CURLM *, CURL *);
	CURLMcode (*multi_socket_action)(CURLM *, curl_socket_t, int, int *);
	CURLMcode (*multi_cleanup)(CURLM *);
	CURLMsg	*(*multi_info_read)(CURLM *, int *);
	const char *(*multi_strerror)(CURLMcode);
	CURLMcode (*multi_setopt)(CURLM *, CURLMoption, ...);
} lc;

/* dlsym() returns an object pointer; POSIX guarantees the conversion. */
#define LOAD(field, name) do {						\
	void *p_ = dlsym(lc.dl, name);					\
	if (p_ == NULL)							\
		return 0;						\
	*(void **)&lc.field = p_;					\
} while (0)

static int
load_symbols(void)
{
	LOAD(global_init, "curl_global_init");
	LOAD(global_cleanup, "curl_global_cleanup");
	LOAD(easy_init, "curl_easy_init");
	LOAD(easy_setopt, "curl_easy_setopt");
	LOAD(easy_getinfo, "curl_easy_getinfo");
	LOAD(easy_cleanup, "curl_easy_cleanup");
	LOAD(easy_pause, "curl_easy_pause");
	LOAD(easy_strerror, "curl_easy_strerror");
	LOAD(slist_append, "curl_slist_append");
	LOAD(slist_free_all, "curl_slist_free_all");
	LOAD(version_info, "curl_version_info");
	LOAD(free, "curl_free");
	LOAD(multi_init, "curl_multi_init");
	LOAD(multi_add_handle, "curl_multi_add_handle");
	LOAD(multi_remove_handle, "curl_multi_remove_handle");
	LOAD(multi_socket_action, "curl_multi_socket_action");
	LOAD(multi_cleanup, "curl_multi_cleanup");
	LOAD(multi_info_read, "curl_multi_info_read");
	LOAD(multi_strerror, "curl_multi_strerror");
	LOAD(multi_setopt, "curl_multi_setopt");
	return 1;
}

/*
 * dlopen()s libcurl.  GnuTLS comes with it (Debian's libcurl4 uses
 * OpenSSL, but librtmp links GnuTLS) and initialises itself as it is
 * loaded: its random generator, its priority file, its PKCS #11 set-up,
 * 640 kB of pages in every process that fetches, for a library that
 * only a GnuTLS build of libcurl uses, and that build calls
 * gnutls_global_init() itself.  GNUTLS_NO_IMPLICIT_INIT=1 (GnuTLS's
 * documented switch) skips the load-time work; it is set for the
 * dlopen() only, unless the user set it, so that no command byline
 * starts inherits it.  This runs before byline starts any thread
 * (sync_new() makes its fetcher first), so nothing reads the
 * environment meanwhile.
 */
static void *
open_curl(void)
{
	void	*dl;
	int	 set;

	set = getenv(CURL_LAZY_GNUTLS_ENV) == NULL &&
	    setenv(CURL_LAZY_GNUTLS_ENV, "1", 0) == 0;
	dl = dlopen(CURL_LAZY_SONAME, RTLD_NOW | RTLD_LOCAL);
	if (set)
		(void)unsetenv(CURL_LAZY_GNUTLS_ENV);
	return dl;
}

/* Loads libcurl once; 1 when it is there and initialised. */
static int
loaded(void)
{
	if (lc.tried)
		return lc.ok;
	lc.tried = 1;
	if ((lc.dl = open_curl()) == NULL)
		return 0;
	if (!load_symbols() || lc.global_init(CURL_GLOBAL_DEFAULT) !=
	    CURLE_OK) {
		dlclose(lc.dl);
		lc.dl = NULL;
		return 0;
	}
	lc.ok = 1;
	return 1;
}

int
curl_lazy_loaded(void)
{
	return lc.ok;
}

void
curl_lazy_cleanup(void)
{
	if (lc.ok)
		lc.global_cleanup();
}

/* Initialisation happens on load; these keep libcurl's contract. */
CURLcode
curl_global_init(long flags)
{
	(void)flags;
	return loaded() ? CURLE_OK : CURLE_FAILED_INIT;
}

void
curl_global_cleanup(void)
{
	curl_lazy_cleanup();
}

CURL *
curl_easy_init(void)
{
	return loaded() ? lc.easy_init() : NULL;
}

/*
 * libcurl's option numbers encode the type of the one argument that
 * follows (curl.h: CURLOPTTYPE_*), so it can be taken from the list with
 * its own type and passed on.
 */
CURLcode
curl_easy_setopt(CURL *h, CURLoption opt, ...)
{
	va_list	 ap;
	CURLcode r;

	if (!loaded())
		return CURLE_FAILED_INIT;
	va_start(ap, opt);
	if (opt < CURLOPTTYPE_OBJECTPOINT)
		r = lc.easy_setopt(h, opt, va_arg(ap, long));
	else if (opt < CURLOPTTYPE_FUNCTIONPOINT)
		r = lc.easy_setopt(h, opt, va_arg(ap, void *));
	else if (opt < CURLOPTTYPE_OFF_T)
		r = lc.easy_setopt(h, opt, va_arg(ap, void (*)(void)));
	else if (opt < CURLOPTTYPE_BLOB)
		r = lc.easy_setopt(h, opt, va_arg(ap, curl_off_t));
	else
		r = lc.easy_setopt(h, opt, va_arg(ap, void *));
	va_end(ap);
	return r;
}

/* Every info takes a pointer to where the answer goes. */
CURLcode
curl_easy_getinfo(CURL *h, CURLINFO info, ...)
{
	va_list	 ap;
	CURLcode r;

	if (!loaded())
		return CURLE_FAILED_INIT;
	va_start(ap, info);
	r = lc.easy_getinfo(h, info, va_arg(ap, void *));
	va_end(ap);
	return r;
}

void
curl_easy_cleanup(CURL *h)
{
	if (lc.ok)
		lc.easy_cleanup(h);
}

CURLcode
curl_easy_pause(CURL *h, int bitmask)
{
	return loaded() ? lc.easy_pause(h, bitmask) : CURLE_FAILED_INIT;
}

const char *
curl_easy_strerror(CURLcode c)
{
	if (!loaded())
		return "libcurl (" CURL_LAZY_SONAME ") could not be loaded";
	return lc.easy_strerror(c);
}

struct curl_slist *
curl_slist_append(struct curl_slist *l, const char *s)
{
	return loaded() ? lc.slist_append(l, s) : NULL;
}

void
curl_slist_free_all(struct curl_slist *l)
{
	if (lc.ok)
		lc.slist_free_all(l);
}

curl_version_info_data *
curl_version_info(CURLversion v)
{
	return loaded() ? lc.version_info(v) : NULL;
}

void
curl_free(void *p)
{
	if (lc.ok)
		lc.free(p);
}

CURLM *
curl_multi_init(void)
{
	return loaded() ? lc.multi_init() : NULL;
}

CURLMcode
curl_multi_add_handle(CURLM *m, CURL *h)
{
	return loaded() ? lc.multi_add_handle(m, h) : CURLM_INTERNAL_ERROR;
}

CURLMcode
curl_multi_remove_handle(CURLM *m, CURL *h)
{
	return loaded() ? lc.multi_remove_handle(m, h) : CURLM_INTERNAL_ERROR;
}

CURLMcode
curl_multi_socket_action(CURLM *m, curl_socket_t s, int ev, int *running)
{
	return loaded() ? lc.multi_socket_action(m, s, ev, running) :
	    CURLM_INTERNAL_ERROR;
}

CURLMcode
curl_multi_cleanup(CURLM *m)
{
	return lc.ok ? lc.multi_cleanup(m) : CURLM_OK;
}

CURLMsg *
curl_multi_info_read(CURLM *m, int *queued)
{
	return loaded() ? lc.multi_info_read(m, queued) : NULL;
}

const char *
curl_multi_strerror(CURLMcode c)
{
	if (!loaded())
		return "libcurl (" CURL_LAZY_SONAME ") could not be loaded";
	return lc.multi_strerror(c);
}

/* As for curl_easy_setopt(), the option number gives the type. */
CURLMcode
curl_multi_setopt(CURLM *m, CURLMoption opt, ...)
{
	va_list	 ap;
	CURLMcode r;

	if (!loaded())
		return CURLM_INTERNAL_ERROR;
	va_start(ap, opt);
	if (opt < CURLOPTTYPE_OBJECTPOINT)
		r = lc.multi_setopt(m, opt, va_arg(ap, long));
	else if (opt < CURLOPTTYPE_FUNCTIONPOINT)
		r = lc.multi_setopt(m, opt, va_arg(ap, void *));
	else if (opt < CURLOPTTYPE_OFF_T)
		r = lc.multi_setopt(m, opt, va_arg(ap, void (*)(void)));
	else
		r = lc.multi_setopt(m, opt, va_arg(ap, curl_off_t));
	va_end(ap);
	return r;
}
