/*
 * buf: bounded growable buffers.  See buf.h for the contract.  Nothing
 * here prints or exits.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

/* Smallest allocation for a buffer: avoids many tiny reallocs. */
#define BUF_MIN_CAP	64

static int	 buf_grow(struct buf *, size_t);

void
buf_init(struct buf *b, size_t max)
{
	static char empty[1];

	b->data = empty;
	b->len = 0;
	b->cap = 0;
	b->max = max;
}

void
buf_release(struct buf *b)
{
	if (b->cap != 0)
		free(b->data);
	buf_init(b, b->max);
}

void
buf_reset(struct buf *b)
{
	buf_setlen(b, 0);
}

void
buf_setlen(struct buf *b, size_t len)
{
	if (len > b->len)
		return;
	b->len = len;
	if (b->cap != 0)
		b->data[len] = '\0';
}

/* Makes room for need more bytes plus the NUL; 0 or -1 (data unchanged). */
static int
buf_grow(struct buf *b, size_t need)
{
	size_t	 ncap;
	char	*p;

	if (b->len + need + 1 <= b->cap)
		return 0;
	ncap = b->cap < BUF_MIN_CAP ? BUF_MIN_CAP : b->cap;
	while (ncap < b->len + need + 1) {
		if (ncap > SIZE_MAX / 2)
			return -1;
		ncap *= 2;
	}
	if (ncap > b->max + 1)
		ncap = b->max + 1;
	p = realloc(b->cap != 0 ? b->data : NULL, ncap);
	if (p == NULL)
		return -1;
	if (b->cap == 0)
		p[0] = '\0';
	b->data = p;
	b->cap = ncap;
	return 0;
}

enum buf_result
buf_reserve(struct buf *b, size_t n)
{
	if (n > b->max + 1)
		return BUF_TOOBIG;
	if (n <= b->len || buf_grow(b, n - b->len - 1) == 0)
		return BUF_OK;
	return BUF_NOMEM;
}

enum buf_result
buf_append(struct buf *b, const char *s, size_t n)
{
	if (n > b->max || b->len > b->max - n)
		return BUF_TOOBIG;
	if (n == 0)
		return BUF_OK;
	if (buf_grow(b, n) == -1)
		return BUF_NOMEM;
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
	return BUF_OK;
}

enum buf_result
buf_puts(struct buf *b, const char *s)
{
	return buf_append(b, s, strlen(s));
}

enum buf_result
buf_printf(struct buf *b, const char *fmt, ...)
{
	char	 small[256];
	char	*big;
	va_list	 ap;
	int	 n;
	enum buf_result r;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n < 0)
		return BUF_NOMEM;
	if ((size_t)n < sizeof small)
		return buf_append(b, small, (size_t)n);
	if ((size_t)n > b->max)
		return BUF_TOOBIG;
	if ((big = malloc((size_t)n + 1)) == NULL)
		return BUF_NOMEM;
	va_start(ap, fmt);
	vsnprintf(big, (size_t)n + 1, fmt, ap);
	va_end(ap);
	r = buf_append(b, big, (size_t)n);
	free(big);
	return r;
}

char *
buf_take(struct buf *b)
{
	char	*p;

	if (b->cap == 0)
		p = strdup("");
	else
		p = b->data;
	if (p == NULL)
		return NULL;
	buf_init(b, b->max);
	return p;
}
