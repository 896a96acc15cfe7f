/*
 * buf: bounded growable buffers, the only growable text in byline (after
 * curl's dynbuf).
 *
 * struct buf: data is never NULL after buf_init() and is always
 * NUL-terminated; len excludes the NUL.  Every buffer has a hard maximum
 * set at buf_init(); an append that would pass it, or that cannot get
 * memory, returns BUF_TOOBIG or BUF_NOMEM and changes nothing.  Memory
 * leaves a buffer only through buf_take().  Pointers into data are invalid
 * after the next append.  Uses nothing else of byline's.
 */
#ifndef BYLINE_BUF_H
#define BYLINE_BUF_H

#include <stdarg.h>
#include <stddef.h>

#include "bounds.h"

#define WARN_UNUSED __attribute__((warn_unused_result))

enum buf_result {
	BUF_OK = 0,
	BUF_TOOBIG,
	BUF_NOMEM
};

struct buf {
	char	*data;
	size_t	 len;
	size_t	 cap;
	size_t	 max;	/* largest len allowed */
};

void	 buf_init(struct buf *, size_t max);
void	 buf_release(struct buf *);
void	 buf_reset(struct buf *);
/* Shortens to len (len <= b->len). */
void	 buf_setlen(struct buf *, size_t len);
enum buf_result	buf_append(struct buf *, const char *, size_t) WARN_UNUSED;
/* Makes room for a length of n - 1 (n bytes with the NUL) at once.
 * BUF_TOOBIG beyond max. */
enum buf_result	buf_reserve(struct buf *, size_t n) WARN_UNUSED;
enum buf_result	buf_puts(struct buf *, const char *) WARN_UNUSED;
/* One byte: inline while there is room, as text is built a byte at a
 * time (cap <= max + 1, so room means len < max). */
static inline enum buf_result WARN_UNUSED
buf_putc(struct buf *b, char c)
{
	if (b->len + 2 <= b->cap) {
		b->data[b->len++] = c;
		b->data[b->len] = '\0';
		return BUF_OK;
	}
	return buf_append(b, &c, 1);
}
enum buf_result	buf_printf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3))) WARN_UNUSED;
/* Hands the data over and leaves the buffer empty.  Caller frees.
 * Returns NULL only when memory runs out. */
char	*buf_take(struct buf *);

#endif
