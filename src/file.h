/*
 * file: reading a whole file into a bounded buffer.  Uses buf and
 * errbuf.
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

#endif
