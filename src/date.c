/*
 * date: locale-free date parsing; see date.h for the grammar accepted.
 *
 * Text is cut into tokens (numbers, words, punctuation); a small state
 * machine fills year, month, day, time and zone from them.  References:
 * RFC 2822 3.3 and 4.3 (obsolete zones, two-digit years), RFC 3339 5.6,
 * and H. Hinnant's days_from_civil algorithm for the calendar arithmetic.
 */
#include <stdio.h>
#include <string.h>

#include "date.h"
#include "bounds.h"
#include "util.h"

enum tok_type {
	TOK_END = 0,
	TOK_NUM,
	TOK_WORD,
	TOK_PUNCT
};

struct tok {
	enum tok_type	 type;
	long		 num;
	int		 ndigits;
	char		 word[16];	/* lower case, cut at 15 */
	char		 punct;
	size_t		 start, end;	/* byte range in the input */
};

/* Enough tokens for the longest date form with its weekday and zone. */
#define DATE_TOKENS_MAX	24

struct fields {
	int	 year, month, day;
	int	 hour, min, sec;
	int	 have_time, have_sec, have_zone, pm, am;
	int	 offset;	/* seconds east */
};

static const char *const months[] = {
	"jan", "feb", "mar", "apr", "may", "jun",
	"jul", "aug", "sep", "oct", "nov", "dec"
};

static const char *const month_full[] = {
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december"
};

static const char *const weekdays[] = {
	"mon", "tue", "wed", "thu", "fri", "sat", "sun",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday", "tues", "thur", "thurs"
};

/* RFC 2822 4.3 obsolete zones, plus UTC and Z. */
static const struct {
	const char	*name;
	int		 hours;
} zones[] = {
	{ "ut", 0 }, { "utc", 0 }, { "gmt", 0 }, { "z", 0 },
	{ "est", -5 }, { "edt", -4 }, { "cst", -6 }, { "cdt", -5 },
	{ "mst", -7 }, { "mdt", -6 }, { "pst", -8 }, { "pdt", -7 },
	{ "cet", 1 }, { "cest", 2 }, { "bst", 1 }, { "ist", 0 },
	{ "eet", 2 }, { "eest", 3 }, { "wet", 0 }, { "west", 1 },
	{ "jst", 9 }, { "kst", 9 }, { "aest", 10 }, { "aedt", 11 },
	{ "msk", 3 },
};

/* Words that may stand between the parts of a date and mean nothing. */
static const char *const fillers[] = {
	"at", "on", "of", "the", "st", "nd", "rd", "th", "de", "um", "h"
};

static int	 tokenize(const char *, size_t, struct tok *, int);
static int	 parse_tokens(const struct tok *, int, int, struct fields *,
		    int *);
static int	 finish(const struct fields *, struct date *);
static int	 word_in(const char *, const char *const *, size_t);
static int	 month_of(const char *);
static int	 days_in_month(int, int);

long long
date_days_from_civil(int y, int m, int d)
{
	long long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static int
days_in_month(int y, int m)
{
	static const int dim[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return dim[m - 1];
}

static int
word_in(const char *w, const char *const *list, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (strcmp(w, list[i]) == 0)
			return 1;
	return 0;
}

/* 1-12 for a month name or its abbreviation ("sept" too), else 0. */
static int
month_of(const char *w)
{
	int	 i;

	for (i = 0; i < 12; i++)
		if (strcmp(w, months[i]) == 0 || strcmp(w, month_full[i]) == 0)
			return i + 1;
	if (strcmp(w, "sept") == 0)
		return 9;
	return 0;
}

enum date_word
date_word(const char *w)
{
	size_t	 i;

	if (month_of(w) != 0)
		return DATE_WORD_MONTH;
	if (word_in(w, weekdays, sizeof weekdays / sizeof weekdays[0]))
		return DATE_WORD_WEEKDAY;
	for (i = 0; i < sizeof zones / sizeof zones[0]; i++)
		if (strcmp(w, zones[i].name) == 0)
			return DATE_WORD_ZONE;
	if (word_in(w, fillers, sizeof fillers / sizeof fillers[0]))
		return DATE_WORD_FILLER;
	return DATE_WORD_NONE;
}

/*
 * Cuts s into at most max tokens; returns the count, or -1 when there
 * are more or a word is not ASCII (a date has none).  Space separates
 * tokens and is not kept.
 */
static int
tokenize(const char *s, size_t n, struct tok *t, int max)
{
	size_t	 i = 0;
	int	 nt = 0;

	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		struct tok *k;

		if (ascii_isspace(c)) {
			i++;
			continue;
		}
		if (nt == max)
			return -1;
		k = &t[nt];
		memset(k, 0, sizeof *k);
		k->start = i;
		if (ascii_isdigit(c)) {
			k->type = TOK_NUM;
			while (i < n && ascii_isdigit((unsigned char)s[i])) {
				if (k->ndigits < 9)
					k->num = k->num * 10 + (s[i] - '0');
				k->ndigits++;
				i++;
			}
		} else if (ascii_isalpha(c)) {
			size_t	 wl = 0;

			k->type = TOK_WORD;
			while (i < n && ascii_isalpha((unsigned char)s[i])) {
				if (wl < sizeof k->word - 1)
					k->word[wl++] =
					    (char)ascii_tolower((unsigned char)s[i]);
				i++;
			}
		} else if (c < 0x80) {
			k->type = TOK_PUNCT;
			k->punct = (char)c;
			i++;
		} else
			return -1;
		k->end = i;
		nt++;
	}
	return nt;
}

/* A zone offset "+hhmm", "+hh:mm" or "+hh" at t[i]; returns tokens used. */
static int
zone_offset(const struct tok *t, int nt, int i, int *off)
{
	int	 sign, h, m = 0, used;

	if (i + 1 >= nt || t[i].type != TOK_PUNCT ||
	    (t[i].punct != '+' && t[i].punct != '-') || t[i + 1].type != TOK_NUM)
		return 0;
	sign = t[i].punct == '-' ? -1 : 1;
	if (t[i + 1].ndigits == 4) {
		h = (int)t[i + 1].num / 100;
		m = (int)t[i + 1].num % 100;
		used = 2;
	} else if (t[i + 1].ndigits <= 2) {
		h = (int)t[i + 1].num;
		used = 2;
		if (i + 3 < nt && t[i + 2].type == TOK_PUNCT &&
		    t[i + 2].punct == ':' && t[i + 3].type == TOK_NUM &&
		    t[i + 3].ndigits == 2) {
			m = (int)t[i + 3].num;
			used = 4;
		}
	} else
		return 0;
	if (h > 14 || m > 59)
		return 0;
	*off = sign * (h * 3600 + m * 60);
	return used;
}

/*
 * Reads a time "hh:mm[:ss[.frac]]" at t[i]; returns tokens used or 0.
 */
static int
time_at(const struct tok *t, int nt, int i, struct fields *f)
{
	int	 j;

	if (i + 2 >= nt || t[i].type != TOK_NUM || t[i].ndigits > 2 ||
	    t[i + 1].type != TOK_PUNCT || t[i + 1].punct != ':' ||
	    t[i + 2].type != TOK_NUM || t[i + 2].ndigits != 2)
		return 0;
	f->hour = (int)t[i].num;
	f->min = (int)t[i + 2].num;
	j = i + 3;
	if (j + 1 < nt && t[j].type == TOK_PUNCT && t[j].punct == ':' &&
	    t[j + 1].type == TOK_NUM && t[j + 1].ndigits == 2) {
		f->sec = (int)t[j + 1].num;
		f->have_sec = 1;
		j += 2;
		/* Fractions of a second are read and dropped. */
		if (j + 1 < nt && t[j].type == TOK_PUNCT &&
		    (t[j].punct == '.' || t[j].punct == ',') &&
		    t[j + 1].type == TOK_NUM && t[j + 1].start == t[j].end)
			j += 2;
	}
	if (f->hour > 24 || f->min > 59 || f->sec > 60)
		return 0;
	f->have_time = 1;
	return j - i;
}

/*
 * Fills f from tokens.  In strict mode every token must belong to the
 * date; otherwise parsing stops at the first token that does not, and
 * *used says how many were taken.  Returns 0 when year, month and day
 * were all found, else -1.
 */
static int
parse_tokens(const struct tok *t, int nt, int strict, struct fields *f,
    int *used)
{
	int	 i = 0, n, m, ok_until = 0;

	memset(f, 0, sizeof *f);
	while (i < nt) {
		const struct tok *k = &t[i];

		if (k->type == TOK_WORD) {
			if ((m = month_of(k->word)) != 0 && f->month == 0) {
				f->month = m;
				i++;
				/* "Feb." */
				if (i < nt && t[i].type == TOK_PUNCT &&
				    t[i].punct == '.')
					i++;
			} else if (word_in(k->word, weekdays,
			    sizeof weekdays / sizeof weekdays[0]) &&
			    f->day == 0 && f->month == 0) {
				i++;
				if (i < nt && t[i].type == TOK_PUNCT &&
				    (t[i].punct == ',' || t[i].punct == '.'))
					i++;
			} else if ((strcmp(k->word, "am") == 0 ||
			    strcmp(k->word, "pm") == 0) && f->have_time &&
			    !f->am && !f->pm) {
				if (f->hour < 1 || f->hour > 12)
					break;
				if (k->word[0] == 'p')
					f->pm = 1;
				else
					f->am = 1;
				i++;
			} else if (f->have_time && !f->have_zone) {
				size_t z;

				for (z = 0; z < sizeof zones / sizeof zones[0];
				    z++)
					if (strcmp(k->word, zones[z].name) == 0)
						break;
				if (z == sizeof zones / sizeof zones[0])
					break;
				f->offset = zones[z].hours * 3600;
				f->have_zone = 1;
				i++;
				/* "GMT+2" */
				if ((n = zone_offset(t, nt, i, &f->offset)) > 0)
					i += n;
			} else if (word_in(k->word, fillers,
			    sizeof fillers / sizeof fillers[0]) && i > 0)
				i++;
			else
				break;
		} else if (k->type == TOK_NUM) {
			if (!f->have_time && (n = time_at(t, nt, i, f)) > 0) {
				i += n;
				continue;
			}
			/* d.m.yyyy, d/m/yyyy, yyyy/m/d, m/d/yyyy */
			if (i + 4 < nt && f->day == 0 && f->month == 0 &&
			    t[i + 1].type == TOK_PUNCT &&
			    (t[i + 1].punct == '.' || t[i + 1].punct == '/' ||
			    t[i + 1].punct == '-') &&
			    t[i + 2].type == TOK_NUM &&
			    t[i + 3].type == TOK_PUNCT &&
			    t[i + 3].punct == t[i + 1].punct &&
			    t[i + 4].type == TOK_NUM) {
				long a = k->num, b = t[i + 2].num,
				    c = t[i + 4].num;
				char p = t[i + 1].punct;

				if (k->ndigits == 4 && p != '.' &&
				    t[i + 2].ndigits <= 2 &&
				    t[i + 4].ndigits <= 2) {
					f->year = (int)a;
					f->month = (int)b;
					f->day = (int)c;
				} else if (k->ndigits <= 2 &&
				    t[i + 2].ndigits <= 2 &&
				    t[i + 4].ndigits == 4) {
					f->year = (int)c;
					if (p == '.' || p == '-' || a > 12) {
						f->day = (int)a;
						f->month = (int)b;
					} else if (b > 12) {
						f->month = (int)a;
						f->day = (int)b;
					} else
						break;	/* ambiguous */
				} else
					break;
				i += 5;
				ok_until = i;
				continue;
			}
			if (k->ndigits == 4 && f->year == 0 &&
			    (f->day != 0 || f->month != 0)) {
				f->year = (int)k->num;
			} else if (k->ndigits <= 2 && f->day == 0 &&
			    k->num >= 1 && k->num <= 31 && f->year == 0) {
				f->day = (int)k->num;
			} else if (k->ndigits == 2 && f->year == 0 &&
			    f->day != 0 && f->month != 0) {
				/* RFC 2822 4.3: 00-49 is 20xx, 50-99 19xx */
				f->year = (int)k->num + (k->num < 50 ? 2000 :
				    1900);
			} else
				break;
			i++;
		} else {
			char p = k->punct;

			if (f->have_time && !f->have_zone &&
			    (n = zone_offset(t, nt, i, &f->offset)) > 0) {
				f->have_zone = 1;
				i += n;
			} else if ((p == ',' || p == '.') && i > 0)
				i++;
			else if ((p == '(' || p == ')') && f->have_time)
				i++;
			else
				break;
		}
		if (f->year && f->month && f->day)
			ok_until = i;
	}
	if (strict && i < nt)
		return -1;
	if (!(f->year && f->month && f->day))
		return -1;
	*used = strict ? i : (i > ok_until ? i : ok_until);
	return 0;
}

static int
finish(const struct fields *f, struct date *d)
{
	long long days;
	int	 hour = f->hour;

	if (f->year < 1601 || f->year > 9999 || f->month < 1 ||
	    f->month > 12 || f->day < 1 ||
	    f->day > days_in_month(f->year, f->month))
		return -1;
	if (f->pm && hour != 12)
		hour += 12;
	else if (f->am && hour == 12)
		hour = 0;
	if (hour == 24 && (f->min != 0 || f->sec != 0))
		return -1;
	days = date_days_from_civil(f->year, f->month, f->day);
	d->utc = (time_t)(days * 86400 + hour * 3600 + f->min * 60 + f->sec -
	    f->offset);
	d->offset = f->offset;
	d->prec = !f->have_time ? DATE_DAY : f->have_sec ? DATE_SECOND :
	    DATE_MINUTE;
	return 0;
}

/*
 * RFC 3339 and ISO 8601 with dashes: yyyy-mm-dd, then optionally
 * [T ]hh:mm[:ss[.frac]] and Z or an offset.  Returns bytes used, or 0.
 */
static size_t
parse_iso(const char *s, size_t n, struct fields *f)
{
	struct tok t[DATE_TOKENS_MAX];
	size_t	 i;
	int	 nt, j, k;
	char	 cut[DATE_MAX_BYTES + 1];

	if (n < 10 || !ascii_isdigit((unsigned char)s[0]) || s[4] != '-' ||
	    s[7] != '-')
		return 0;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !ascii_isdigit((unsigned char)s[i]))
			return 0;
	memset(f, 0, sizeof *f);
	f->year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 +
	    (s[2] - '0') * 10 + (s[3] - '0');
	f->month = (s[5] - '0') * 10 + (s[6] - '0');
	f->day = (s[8] - '0') * 10 + (s[9] - '0');
	i = 10;
	if (i + 5 <= n && (s[i] == 'T' || s[i] == 't' || s[i] == ' ') &&
	    ascii_isdigit((unsigned char)s[i + 1])) {
		size_t m = n - i - 1;

		if (m > DATE_MAX_BYTES)
			m = DATE_MAX_BYTES;
		memcpy(cut, s + i + 1, m);
		cut[m] = '\0';
		/* A 'Z' glued to the time is a zone, not a word. */
		nt = tokenize(cut, m, t, DATE_TOKENS_MAX);
		if (nt < 0) {
			/* non-ASCII later on: take what precedes it */
			size_t q = 0;

			while (q < m && (unsigned char)cut[q] < 0x80)
				q++;
			nt = tokenize(cut, q, t, DATE_TOKENS_MAX);
		}
		if (nt > 0 && (j = time_at(t, nt, 0, f)) > 0) {
			size_t end = t[j - 1].end;

			if (j < nt && t[j].type == TOK_WORD &&
			    strcmp(t[j].word, "z") == 0 &&
			    t[j].start == end) {
				f->have_zone = 1;
				end = t[j].end;
			} else if ((k = zone_offset(t, nt, j, &f->offset)) >
			    0 && t[j].start <= end + 1) {
				f->have_zone = 1;
				end = t[j + k - 1].end;
			}
			i += 1 + end;
		}
	}
	return i;
}

int
date_parse(const char *s, size_t n, struct date *d)
{
	struct tok t[DATE_TOKENS_MAX];
	struct fields f;
	struct date r;
	size_t	 used;
	int	 nt, tused;

	while (n > 0 && ascii_isspace((unsigned char)*s)) {
		s++;
		n--;
	}
	while (n > 0 && ascii_isspace((unsigned char)s[n - 1]))
		n--;
	if (n == 0 || n > DATE_MAX_BYTES)
		return -1;
	if ((used = parse_iso(s, n, &f)) > 0) {
		if (used != n || finish(&f, &r) == -1)
			return -1;
		*d = r;
		return 0;
	}
	if ((nt = tokenize(s, n, t, DATE_TOKENS_MAX)) <= 0)
		return -1;
	if (parse_tokens(t, nt, 1, &f, &tused) == -1 || finish(&f, &r) == -1)
		return -1;
	*d = r;
	return 0;
}

/* Can a date start at s[i]?  A digit or letter after a non-alnum. */
static int
candidate(const char *s, size_t i)
{
	unsigned char c = (unsigned char)s[i];

	if (!ascii_isdigit(c) && !ascii_isalpha(c))
		return 0;
	if (i > 0 && (ascii_isdigit((unsigned char)s[i - 1]) ||
	    ascii_isalpha((unsigned char)s[i - 1])))
		return 0;
	return 1;
}

int
date_find(const char *s, size_t n, struct date *d, size_t *start,
    size_t *end)
{
	struct tok t[DATE_TOKENS_MAX];
	struct fields f;
	struct date r;
	size_t	 i, m, used, q;
	int	 nt, tused;

	for (i = 0; i < n; i++) {
		if (!candidate(s, i))
			continue;
		m = n - i < DATE_MAX_BYTES ? n - i : DATE_MAX_BYTES;
		if ((used = parse_iso(s + i, m, &f)) > 0) {
			if (finish(&f, &r) == 0 && (i + used == n ||
			    !ascii_isdigit((unsigned char)s[i + used]))) {
				*d = r;
				*start = i;
				*end = i + used;
				return 0;
			}
			continue;
		}
		if (ascii_isalpha((unsigned char)s[i])) {
			char	 w[16];
			size_t	 wl = 0;

			/* Only a month or weekday name can start a date. */
			for (q = i; q < n && ascii_isalpha((unsigned char)s[q]);
			    q++)
				if (wl < sizeof w - 1)
					w[wl++] = (char)ascii_tolower(
					    (unsigned char)s[q]);
			w[wl] = '\0';
			if (month_of(w) == 0 && !word_in(w, weekdays,
			    sizeof weekdays / sizeof weekdays[0]))
				continue;
		}
		/* Tokenise up to the first non-ASCII byte. */
		for (q = 0; q < m && (unsigned char)s[i + q] < 0x80; q++)
			;
		nt = tokenize(s + i, q, t, DATE_TOKENS_MAX);
		if (nt == -1) {
			/* Too many tokens: a date needs only the first few. */
			size_t cutlen = q;

			while (nt == -1 && cutlen > 8) {
				cutlen /= 2;
				nt = tokenize(s + i, cutlen, t, DATE_TOKENS_MAX);
			}
		}
		if (nt <= 0)
			continue;
		if (parse_tokens(t, nt, 0, &f, &tused) == 0 && tused > 0 &&
		    finish(&f, &r) == 0) {
			*d = r;
			*start = i;
			*end = i + t[tused - 1].end;
			return 0;
		}
	}
	return -1;
}

void
date_format_day(const struct date *d, char out[11])
{
	long long days, z, era, doe, yoe, y, doy, mp, dd, mm;
	char	 tmp[64];

	days = ((long long)d->utc + d->offset);
	days = days >= 0 ? days / 86400 : -((-days + 86399) / 86400);
	/* Hinnant's civil_from_days. */
	z = days + 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	dd = doy - (153 * mp + 2) / 5 + 1;
	mm = mp < 10 ? mp + 3 : mp - 9;
	y += mm <= 2;
	if (y < 0 || y > 9999)
		y = mm = dd = 0;
	snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", (int)y, (int)mm, (int)dd);
	memcpy(out, tmp, 10);
	out[10] = '\0';
}
