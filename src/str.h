/*
 * str: string helpers that ignore the locale: ASCII case and classes
 * (the parsers call the inline ones once a byte) and xstrndup().  Uses
 * nothing of byline's.
 */
#ifndef BYLINE_STR_H
#define BYLINE_STR_H

#include <stddef.h>

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
/* Words of s separated by ASCII white space (0 for a blank s). */
size_t	 str_words(const char *s);
/* one when n is 1, else many: "1 feed", "2 feeds". */
static inline const char *
str_plural(size_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

#endif
