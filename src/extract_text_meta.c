/*
 * extract_text_meta: title, byline, date and site from the lines
 * around the story.
 * (See extract_text.c for the whole.)
 */
#include <stdlib.h>
#include <string.h>

#include "extract_text_int.h"

/* Is the text a byline ("By Name", "Author: Name", "Von Name")? */
static size_t
by_prefix(const char *s, size_t n)
{
	static const char *const pre[] = {
		"by ", "written by ", "author: ", "authors: ", "words by ",
		"story by ", "text by ", "von ", "par ", "por ", "di ", "door ",
		"av ", "af ", "autor: ", "auteur: ",
	};
	size_t	 i, m;

	for (i = 0; i < sizeof pre / sizeof pre[0]; i++) {
		m = strlen(pre[i]);
		if (n > m && ascii_ncasecmp(s, pre[i], m) == 0)
			return m;
	}
	return 0;
}

/* Is the unit a byline?  The length of its "By ", or 0. */
size_t
xt_byline_prefix(const struct unit *u)
{
	return by_prefix(u->s, u->n);
}

/* Marks a byline may follow in a story's head ("// By Name"). */
#define BYLINE_MARK_MAX		3

/* A byline, maybe after a mark: the length up to the name, or 0. */
static size_t
meta_byline_prefix(const struct unit *u)
{
	size_t	 i, m;

	for (i = 0; i < u->n && i < BYLINE_MARK_MAX &&
	    (unsigned char)u->s[i] < 0x80 && !ascii_isalpha(
	    (unsigned char)u->s[i]) && !ascii_isdigit((unsigned char)u->s[i]);
	    i++)
		;
	while (i > 0 && i < u->n && u->s[i] == ' ')
		i++;
	m = by_prefix(u->s + i, u->n - i);
	return m > 0 ? i + m : 0;
}

/*
 * Where the name of a byline [m, end) ends: at a handle ("Name
 * @name", "Name@name"), a separator ("Name | Staff", "Name - AP",
 * "Name \u2022 Nov 11"), or a date date_find() does not read because it
 * has no year ("Name March 18 at 3:57 PM").
 */
static size_t
name_end(const char *s, size_t m, size_t end)
{
	static const char *const seps[] = {
		"\xe2\x80\xa2", "\xc2\xb7", "\xe2\x80\x94",
		"\xe2\x80\x93", NULL
	};
	char	 w[16];
	size_t	 i, j, k;

	for (i = m; i < end; i++) {
		if (s[i] == '|')
			return i;
		if (s[i] == '@') {
			/* An address ("ann@example.com") goes whole. */
			for (k = i; k < end && s[k] != ' ' && s[k] != '.'; k++)
				;
			if (k < end && s[k] == '.')
				while (i > m && s[i - 1] != ' ')
					i--;
			return i;
		}
		if (s[i] == ' ' && i + 1 < end) {
			if (s[i + 1] == '-' || s[i + 1] == '|')
				return i;
			for (k = 0; seps[k] != NULL; k++)
				if (end - i - 1 >= strlen(seps[k]) &&
				    memcmp(s + i + 1, seps[k],
				    strlen(seps[k])) == 0)
					return i;
		}
		if (i > m && s[i - 1] != ' ')
			continue;
		for (j = 0; i + j < end && j + 1 < sizeof w &&
		    ascii_isalpha((unsigned char)s[i + j]); j++)
			w[j] = (char)ascii_tolower((unsigned char)s[i + j]);
		w[j] = '\0';
		k = i + j;
		if (k < end && (s[k] == '.' || s[k] == ','))
			k++;
		if (j > 0 && k + 1 < end && s[k] == ' ' &&
		    ascii_isdigit((unsigned char)s[k + 1]) &&
		    (date_word(w) == DATE_WORD_MONTH ||
		    date_word(w) == DATE_WORD_WEEKDAY))
			return i;
	}
	return end;
}

/* Title, byline, date and site from the units around the story. */
int
xt_find_meta(struct text_ctx *c, struct article *a, size_t s, size_t e)
{
	struct date d;
	size_t	 i, lo, ds, de, bl = (size_t)-1, dl = (size_t)-1, anchor, m;
	int	 have_date = 0;

	lo = s > META_LOOKBACK ? s - META_LOOKBACK : 0;
	/* A byline nearest before the story: "By Name", maybe with the date
	 * and the reading time after the name. */
	for (i = s; i-- > lo;)
		if (meta_byline_prefix(&c->u[i]) > 0 && c->u[i].words <= 20) {
			bl = i;
			break;
		}
	/* Else one in the story's first lines, under its standfirst, when
	 * a name follows ("Von der Planung..." is a sentence). */
	for (i = s; bl == (size_t)-1 && i < e && i < s + 3; i++)
		if ((m = meta_byline_prefix(&c->u[i])) > 0 &&
		    c->u[i].words <= 20 && m < c->u[i].n &&
		    ((c->u[i].s[m] >= 'A' && c->u[i].s[m] <= 'Z') ||
		    (unsigned char)c->u[i].s[m] >= 0x80))
			bl = i;
	if (bl != (size_t)-1 && date_find(c->u[bl].s, c->u[bl].n, &d, &ds,
	    &de) == 0) {
		have_date = 1;
		dl = bl;
	}
	/* Else the date nearest before the story, else in its first lines;
	 * captions date the photo, not the story. */
	for (i = s; !have_date && i-- > lo;) {
		if (c->u[i].n < 200 && !c->u[i].caption &&
		    date_find(c->u[i].s, c->u[i].n, &d, &ds, &de) == 0) {
			have_date = 1;
			dl = i;
		}
	}
	for (i = s; !have_date && i < e && i < s + 3; i++) {
		if (c->u[i].n < 200 && !c->u[i].caption &&
		    date_find(c->u[i].s, c->u[i].n, &d, &ds, &de) == 0) {
			have_date = 1;
			dl = i;
		}
	}
	if (have_date) {
		a->date = d.utc;
		a->date_off = d.offset;
		a->date_prec = d.prec;
	}
	if (bl != (size_t)-1) {
		const struct unit *u = &c->u[bl];
		size_t	 end = u->n;

		m = meta_byline_prefix(u);
		if (dl == bl && ds > m)
			end = ds;
		end = name_end(u->s, m, end);
		while (end > m && (u->s[end - 1] == ' ' ||
		    u->s[end - 1] == ',' || u->s[end - 1] == '|' ||
		    u->s[end - 1] == '-'))
			end--;
		/* A name has a letter (not "By: :"). */
		for (i = m; i < end && !ascii_isalpha((unsigned char)u->s[i]) &&
		    (unsigned char)u->s[i] < 0x80; i++)
			;
		if (i < end && article_set(&a->byline, u->s + m, end - m) == -1)
			return -1;
	}
	/* The title stands just before the byline or date line, else just
	 * before the story. */
	anchor = bl != (size_t)-1 && bl < s ? bl : dl != (size_t)-1 &&
	    dl < s ? dl : s;
	for (i = anchor; i-- > lo && i + 8 > anchor;) {
		const struct unit *u = &c->u[i];

		if (u->weight >= 3 && u->words <= HEADLINE_WORDS_MAX &&
		    u->repeats < 3 && !u->marker && u->commas < 3 &&
		    !u->caption && meta_byline_prefix(u) == 0 && i != dl) {
			if (article_set(&a->title, u->s, u->n) == -1)
				return -1;
			break;
		}
	}
	/* Site: the holder of the last copyright line. */
	for (i = c->n; i-- > e;) {
		const struct unit *u = &c->u[i];
		size_t	 j;

		if (u->words > 12 || !(ascii_casestr(u->s, u->n, "\xc2\xa9") ||
		    xt_has_prefix(u->s, u->n, "copyright")))
			continue;
		for (j = 0; j < u->n && !ascii_isalpha((unsigned char)u->s[j]);
		    j++)
			if (u->s[j] == (char)0xc2)
				j++;
		if (xt_has_prefix(u->s + j, u->n - j, "copyright"))
			j += 9;
		while (j < u->n && !ascii_isalpha((unsigned char)u->s[j]))
			j++;
		m = j;
		while (m < u->n && u->s[m] != '.' && u->s[m] != '|' &&
		    u->s[m] != ',' && !(u->s[m] == ' ' && m + 4 < u->n &&
		    ascii_ncasecmp(u->s + m + 1, "all ", 4) == 0))
			m++;
		if (m > j && m - j < 60 &&
		    article_set(&a->site, u->s + j, m - j) == -1)
			return -1;
		break;
	}
	return 0;
}
