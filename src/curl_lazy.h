/*
 * curl_lazy: byline defines the libcurl functions it uses and loads
 * libcurl.so.4 on the first call (see curl_lazy.c), so that runs that
 * never touch the network do not pay for loading it.  Include
 * <curl/curl.h> as usual; these two are the extras.
 */
#ifndef BYLINE_CURL_LAZY_H
#define BYLINE_CURL_LAZY_H

/* Has libcurl been loaded (and initialised)? */
int	 curl_lazy_loaded(void);
/* curl_global_cleanup(), if libcurl was loaded; else nothing. */
void	 curl_lazy_cleanup(void);

#endif
