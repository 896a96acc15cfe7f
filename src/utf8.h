/*
 * utf8: UTF-8 decoding and encoding, terminal widths (utf8_width(),
 * utf8_fit(): the only way byline measures text for a screen) and
 * sanitising (utf8_sanitize(): what must not reach a terminal or the
 * model).  Invalid bytes are U+FFFD of width 1 everywhere.  Uses only
 * buf.
 */
#ifndef BYLINE_UTF8_H
#define BYLINE_UTF8_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

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

#endif
