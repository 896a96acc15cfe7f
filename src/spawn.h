/*
 * spawn: runs one of the person's own commands, as newsboat's exec: and
 * filter: feeds do: "/bin/sh -c CMD", with an optional input written to
 * its standard input and its standard output collected, bounded in time
 * and in size.  Its standard error goes to /dev/null (in the reader it
 * would land on the screen).  It runs in a process group of its own,
 * which is killed whole when time runs out or the output grows past the
 * cap.
 *
 * spawn_run() blocks until the command ends or is killed: call it from
 * a thread that may wait.  SIGPIPE must be blocked or ignored in the
 * calling thread (an early-exiting command closes its input).
 *
 * Returns 0 with out holding the output (out's own cap bounds it), or
 * -1 with eb set: "WHERE: exit status N", "WHERE: killed by signal N",
 * "WHERE: timeout after N s", "WHERE: output too large (over N
 * bytes)", "WHERE: cannot run /bin/sh: why".  WHERE is the caller's
 * name for the command (the feed as feeds.conf gives it).
 */
#ifndef BYLINE_SPAWN_H
#define BYLINE_SPAWN_H

#include <stddef.h>

#include "util.h"

int	 spawn_run(const char *cmd, const char *in, size_t inlen,
	    struct buf *out, long timeout_ms, const char *where,
	    struct errbuf *eb) WARN_UNUSED;

#endif
