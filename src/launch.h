/*
 * launch: the person's own commands, run as newsboat runs them: the
 * browser for a link, a command an article is piped to ("|").  Each
 * runs through /bin/sh -c, so a setting may hold arguments, pipes and
 * redirections.  The reader hands the terminal over around the call.
 *
 * The browser command comes from the "browser" setting, else $BROWSER,
 * else xdg-open.  In it, %u (newsboat's) and %s ($BROWSER's convention)
 * stand for the address, single-quoted for the shell; %% is a percent
 * sign; a command with neither gets the quoted address appended.  Only
 * http, https and file addresses with no control characters are handed
 * over.
 *
 * Errors: 0, or -1 with eb set to "COMMAND: why".  Nothing is printed.
 */
#ifndef BYLINE_LAUNCH_H
#define BYLINE_LAUNCH_H

#include <stddef.h>

#include "util.h"

/* May url be handed to a browser?  url_is_web(), or a file: URL with
 * nothing unsafe in it. */
int	 launch_url_ok(const char *url);

/* Appends the shell command that opens url with the template tmpl
 * (NULL: $BROWSER, then xdg-open) to out. */
int	 launch_browser_command(struct buf *out, const char *tmpl,
	    const char *url) WARN_UNUSED;

/* Runs cmd through /bin/sh -c and waits; with data (n bytes, may be
 * NULL) on its standard input, else the caller's.  -1 when it cannot be
 * started, is killed or exits non-zero ("exit status N"). */
int	 launch_run(const char *cmd, const char *data, size_t n,
	    struct errbuf *eb) WARN_UNUSED;

#endif
