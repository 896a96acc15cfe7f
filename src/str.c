/*
 * str: locale-free string helpers.  See str.h.
 */
#include <stdlib.h>
#include <string.h>

#include "str.h"

char *
xstrndup(const char *s, size_t n)
{
	char	*p;

	if ((p = malloc(n + 1)) == NULL)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

int
ascii_casecmp(const char *a, const char *b)
{
	int	 ca, cb;

	do {
		ca = ascii_tolower((unsigned char)*a++);
		cb = ascii_tolower((unsigned char)*b++);
	} while (ca == cb && ca != '\0');
	return ca - cb;
}

int
ascii_ncasecmp(const char *a, const char *b, size_t n)
{
	int	 ca = 0, cb = 0;

	while (n-- > 0) {
		ca = ascii_tolower((unsigned char)*a++);
		cb = ascii_tolower((unsigned char)*b++);
		if (ca != cb || ca == '\0')
			break;
	}
	return ca - cb;
}

int
ascii_casestr(const char *s, size_t n, const char *needle)
{
	size_t	 m = strlen(needle), i;
	int	 c0;

	if (m == 0)
		return 1;
	/* the first byte first: the extractors call this for every
	 * phrase of a list on every paragraph */
	c0 = ascii_tolower((unsigned char)needle[0]);
	for (i = 0; i + m <= n; i++)
		if (ascii_tolower((unsigned char)s[i]) == c0 &&
		    ascii_ncasecmp(s + i + 1, needle + 1, m - 1) == 0)
			return 1;
	return 0;
}

size_t
str_words(const char *s)
{
	size_t	 n = 0;
	int	 in = 0;

	for (; *s != '\0'; s++) {
		if (ascii_isspace((unsigned char)*s))
			in = 0;
		else if (!in) {
			in = 1;
			n++;
		}
	}
	return n;
}
