/*
 * util: the building blocks every module uses, which use nothing else of
 * byline's.  Each is a module of its own with its contract in its
 * header:
 *
 *   buf.h     bounded growable buffers (buf_)
 *   errbuf.h  one-line error messages (errbuf_)
 *   utf8.h    UTF-8, terminal widths and sanitising (utf8_)
 *   url.h     RFC 3986 references, the host, browser-safe URLs (url_)
 *   file.h    reading a whole file (file_)
 *   str.h     locale-free string helpers (ascii_, xstrndup, str_)
 *
 * Including util.h includes them all; a file may include only the ones it
 * uses instead.
 */
#ifndef BYLINE_UTIL_H
#define BYLINE_UTIL_H

#include "buf.h"
#include "errbuf.h"
#include "file.h"
#include "str.h"
#include "url.h"
#include "utf8.h"

#endif
