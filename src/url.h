/*
 * url: URL references by RFC 3986, with no network: resolving against a
 * base, the host of a URL, and whether a URL may go to a web browser.
 * Results are new strings (caller frees) or NULL.  Uses buf, utf8 and
 * str.
 */
#ifndef BYLINE_URL_H
#define BYLINE_URL_H

/*
 * Resolves ref against base (either may be NULL or empty) by RFC 3986
 * 5.2 (see url.c).  Returns an absolute URL, or NULL when none can be made (ref is
 * relative and base is missing, or either is malformed, or the scheme is
 * not http, https or file... "javascript:" and "data:" give NULL).
 * Caller frees.
 */
char	*url_resolve(const char *base, const char *ref);
/* The host part of url, lower case, or NULL.  Caller frees. */
char	*url_host(const char *url);

/*
 * May url be handed to a web browser?  1 when it starts with http:// or
 * https:// (any case), has something after that, and holds no control
 * character, bidi control or line separator (utf8_is_unsafe()) and no
 * invalid UTF-8; 0 otherwise (javascript:, file:, data:, ...).
 */
int	 url_is_web(const char *url);

#endif
