/*
 * file: reading a whole file into a bounded buffer, and making the
 * directories a file goes in.  Uses buf and errbuf.
 */
#ifndef BYLINE_FILE_H
#define BYLINE_FILE_H

#include "buf.h"
#include "errbuf.h"

/*
 * Reads a whole file ("-" is standard input) into out, at most
 * out->max bytes.  Returns 0, or -1 with eb set to "path: why".
 */
int	 file_read(const char *path, struct buf *out, struct errbuf *eb)
	    WARN_UNUSED;

/*
 * Makes each missing directory above path ("a/b/c" makes "a" and "a/b"),
 * with mode 0700: they hold the reader's data and settings.  Returns 0,
 * or -1 with eb set to "dir: why" (what was made stays).
 */
int	 file_mkdir_parents(const char *path, struct errbuf *eb) WARN_UNUSED;

#endif
