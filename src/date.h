/*
 * date: locale-free parsing of the dates feeds and pages carry.
 *
 *   RFC 822 / RFC 2822 (with the obsolete zone names and two-digit years),
 *   RFC 3339 and the common ISO 8601 forms (2025-02-17, 2025-02-17T17:11Z,
 *   2025-02-17 17:11:00 +0200, fractions of seconds),
 *   and the forms people write: "February 17, 2025 5:11 PM",
 *   "Feb. 17, 2025", "17 Feb 2025", "Monday, 17 February 2025",
 *   "17.02.2025", "2025/02/17".
 *
 * Slashed day/month orders are accepted only when unambiguous (one part
 * above 12); anything not understood is rejected, never guessed.
 * Years 1601-9999.  No state, no allocation, no locale: the only export is
 * the functions below.
 */
#ifndef BYLINE_DATE_H
#define BYLINE_DATE_H

#include <stddef.h>
#include <time.h>

enum date_precision {
	DATE_NONE = 0,	/* no date */
	DATE_DAY,	/* a day, no time of day */
	DATE_MINUTE,
	DATE_SECOND
};

struct date {
	time_t	 utc;		/* the instant, UTC (midnight UTC for a day) */
	int	 offset;	/* seconds east of UTC, as written */
	enum date_precision prec;
};

/*
 * Parses s (n bytes) that must hold one date and nothing else but
 * surrounding white space.  Returns 0 and fills *d, or -1 (d unchanged).
 */
int	 date_parse(const char *s, size_t n, struct date *d);

/*
 * Finds the first date inside free text ("by A. Writer February 17, 2025
 * 5:11 PM 2 min read").  Returns 0 with *d and the byte range [*start,
 * *end) of the date, or -1 when there is none.
 */
int	 date_find(const char *s, size_t n, struct date *d, size_t *start,
	    size_t *end);

/* What a word (lower case ASCII) is to a date. */
enum date_word {
	DATE_WORD_NONE = 0,
	DATE_WORD_MONTH,	/* "nov", "november", "sept" */
	DATE_WORD_WEEKDAY,	/* "tue", "tuesday" */
	DATE_WORD_ZONE,		/* "utc", "est", "aedt" */
	DATE_WORD_FILLER	/* "at", "on", "of", "th" */
};
enum date_word date_word(const char *w);
/* Writes the day as written ("YYYY-MM-DD", utc + offset) to out[11]. */
void	 date_format_day(const struct date *d, char out[11]);

/* Days since 1970-01-01 of a proleptic Gregorian date (no time zone). */
long long date_days_from_civil(int y, int m, int d);

#endif
