/*
 * util: the building blocks every module uses and that use nothing of
 * byline's: bounded growable buffers (buf_), error messages (errbuf_),
 * UTF-8 decoding, widths and sanitising (utf8_), URL resolution (url_)
 * and file reading.
 *
 * struct buf: data is never NULL after buf_init() and is always
 * NUL-terminated; len excludes the NUL.  Every buffer has a hard maximum
 * set at buf_init(); an append that would pass it, or that cannot get
 * memory, returns BUF_TOOBIG or BUF_NOMEM and changes nothing.  Memory
 * leaves a buffer only through buf_take().  Pointers into data are invalid
 * after the next append.
 */
#ifndef BYLINE_UTIL_H
#define BYLINE_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

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

/* One-line error messages, "where: what". */
struct errbuf {
	char	msg[ERRBUF_BYTES];
};
void	 errbuf_set(struct errbuf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));

/*
 * Decodes one UTF-8 sequence from s (n > 0 bytes available) into *cp and
 * returns its length.  Overlong forms, surrogates, values past U+10FFFF
 * and truncated sequences give U+FFFD and length 1, so a caller always
 * makes progress.
 */
size_t	 utf8_decode(const char *s, size_t n, uint32_t *cp);
/* Is s[0..n) valid UTF-8 (as utf8_decode() judges)?  ASCII runs are
 * checked eight bytes at a time. */
int	 utf8_valid(const char *s, size_t n);
/* Encodes cp (a valid scalar value) into out[4]; returns the length. */
size_t	 utf8_encode(uint32_t cp, char *out);
/* Columns cp takes on a terminal: 0 for combining marks and controls
 * (which never reach it), 2 for wide, 1 otherwise and for unprintables. */
int	 utf8_cpwidth(uint32_t cp);
/* Columns s takes; invalid bytes count 1 (shown as U+FFFD). */
size_t	 utf8_width(const char *s, size_t n);
/* Bytes of s that fit in cols columns without splitting a character. */
size_t	 utf8_fit(const char *s, size_t n, size_t cols);

/*
 * Appends s to out with what must not reach a terminal or the model
 * removed: C0 and C1 controls (a tab or newline becomes a space unless
 * keep_newlines), ESC sequences (CSI, OSC, DCS, ...) whole, bidi controls
 * (U+202A-202E, U+2066-2069), and invalid UTF-8 (U+FFFD).  Every string
 * from outside passes through here before it is printed.
 */
enum buf_result	utf8_sanitize(struct buf *out, const char *s, size_t n,
    int keep_newlines) WARN_UNUSED;
/* The same for a NUL-terminated string; returns a new string, or NULL
 * when memory runs out.  Caller frees. */
char	*utf8_clean(const char *s);

/* Is cp a character to be dropped from text (control, bidi override)? */
int	 utf8_is_unsafe(uint32_t cp);

/*
 * Resolves ref against base (either may be NULL or empty) with curl's URL
 * API.  Returns an absolute URL, or NULL when none can be made (ref is
 * relative and base is missing, or either is malformed, or the scheme is
 * not http, https or file... "javascript:" and "data:" give NULL).
 * Caller frees.
 */
char	*url_resolve(const char *base, const char *ref);
/* The host part of url, lower case, or NULL.  Caller frees. */
char	*url_host(const char *url);

/*
 * Reads a whole file ("-" is standard input) into out, at most
 * out->max bytes.  Returns 0, or -1 with eb set to "path: why".
 */
int	 file_read(const char *path, struct buf *out, struct errbuf *eb)
	    WARN_UNUSED;

/* Duplicates n bytes as a string; NULL on no memory.  Caller frees. */
char	*xstrndup(const char *s, size_t n);
/* ASCII-only, locale-free helpers. */
int	 ascii_casecmp(const char *, const char *);
int	 ascii_ncasecmp(const char *, const char *, size_t);
/* Inline: the parsers call these once a byte. */
static inline int
ascii_isspace(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	    c == '\v';
}

static inline int
ascii_isdigit(int c)
{
	return c >= '0' && c <= '9';
}

static inline int
ascii_isalpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static inline int
ascii_tolower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}
/* Does s (n bytes) contain needle, ASCII case ignored? */
int	 ascii_casestr(const char *s, size_t n, const char *needle);

/*
 * May url be handed to a web browser?  1 when it starts with http:// or
 * https:// (any case), has something after that, and holds no control
 * character, bidi control or line separator (utf8_is_unsafe()) and no
 * invalid UTF-8; 0 otherwise (javascript:, file:, data:, ...).
 */
int	 url_is_web(const char *url);

#endif
