/*
 * errbuf: the one-line error message a failing function leaves for its
 * caller, "where: what" (feeds.conf:12: unknown key "colour").
 * errbuf_set() formats it, cuts it at ERRBUF_BYTES on a character
 * boundary and removes what a terminal would act on (utf8_sanitize()),
 * since messages quote names and URLs from outside.  A NULL errbuf is
 * allowed and ignored.
 */
#ifndef BYLINE_ERRBUF_H
#define BYLINE_ERRBUF_H

#include "bounds.h"

/* One-line error messages, "where: what". */
struct errbuf {
	char	msg[ERRBUF_BYTES];
};
void	 errbuf_set(struct errbuf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));

#endif
