/*
 * extract_text_score: each unit's score (prose for its weight; short
 * lines, repeats, markers, lists, cards and templates against) and the
 * run of units with the largest sum, the story.
 * (See extract_text.c for the whole.)
 */
#include <stdlib.h>
#include <string.h>

#include "extract_text_int.h"

int
xt_headline_like(const struct unit *u)
{
	return u->words >= 2 && u->words <= HEADLINE_WORDS_MAX &&
	    u->weight >= 2 && !u->end_punct && !u->marker && !u->bullet &&
	    u->repeats < 2;
}

/* Mostly capitalised words: a headline or a menu, not a sentence. */
int
xt_title_case(const struct unit *u)
{
	return u->letterwords >= 3 && u->capwords * 10 >= u->letterwords * 6;
}

/* A long line of words without a sentence's marks (no comma, no stop
 * inside or at its end): a tag cloud or a row of links run together,
 * "Astronomy Berlin Film Kodak Portra 400 ...", not a paragraph. */
static int
word_cloud(const struct unit *u)
{
	size_t	 i;

	if (u->weight < PROSE_WEIGHT_ANY || u->end_punct || u->commas > 0 ||
	    u->code || u->row)
		return 0;
	/* A stop after a word ("work. The", "work.The"), not after an
	 * initial ("E. T. A. Hoffmann"). */
	for (i = 1; i + 1 < u->n; i++)
		if ((u->s[i] == '.' || u->s[i] == '!' || u->s[i] == '?' ||
		    u->s[i] == ';' || u->s[i] == ':') &&
		    (u->s[i + 1] == ' ' || (u->s[i + 1] >= 'A' &&
		    u->s[i + 1] <= 'Z')) && !(u->s[i - 1] >= 'A' &&
		    u->s[i - 1] <= 'Z' && (i == 1 || u->s[i - 2] == ' ' ||
		    u->s[i - 2] == '.')))
			return 0;
	return 1;
}

/* Holds a time of day, "7:05" or "19:28"? */
static int
has_clock(const char *s, size_t n)
{
	size_t	 i;

	for (i = 1; i + 2 < n; i++)
		if (s[i] == ':' && ascii_isdigit((unsigned char)s[i - 1]) &&
		    ascii_isdigit((unsigned char)s[i + 1]) &&
		    ascii_isdigit((unsigned char)s[i + 2]))
			return 1;
	return 0;
}

/* A line of HTML, "<div id=...>" or "</p>". */
static int
markup(const struct unit *u)
{
	return u->s[0] == '<' && memchr(u->s, '>', u->n) != NULL;
}

/* A card's title: a headline or a question, on a line of its own. */
static int
card_title(const struct unit *u)
{
	return u->words >= 2 && u->words <= CARD_TITLE_WORDS &&
	    !u->marker && !u->bullet && !u->row;
}

/* A short line led by a number or a fraction, "200 g Mehl", "½ cup
 * milk": a list's item when others follow it. */
static int
qty_line(const struct unit *u)
{
	uint32_t cp;
	struct date d;
	size_t	 ds, de;

	if (u->words < 2 || u->words > QTY_WORDS_MAX || u->bullet ||
	    u->number)
		return 0;
	utf8_decode(u->s, u->n, &cp);
	if (!(cp < 0x80 && ascii_isdigit((int)cp)) && !(cp >= 0xbc &&
	    cp <= 0xbe) && !(cp >= 0x2150 && cp <= 0x215e))
		return 0;
	return !has_clock(u->s, u->n) &&
	    date_find(u->s, u->n, &d, &ds, &de) != 0;
}

/* A short line "Label: value", a label of a few words: a property of
 * a list of them (a product's figures, a photo's details). */
static int
kv_line(const struct unit *u)
{
	const char *colon;
	size_t	 i, words = 1;

	/* A label is a word: not a JSON key ("name": "x",) or a mark. */
	if (!ascii_isalpha((unsigned char)u->s[0]) &&
	    (unsigned char)u->s[0] < 0x80)
		return 0;
	if (u->s[u->n - 1] == ',' || u->s[u->n - 1] == '{' ||
	    u->s[u->n - 1] == '[')
		return 0;
	if (u->words < 2 || u->words > KV_WORDS_MAX || u->bullet ||
	    u->url || has_clock(u->s, u->n) ||
	    (colon = memchr(u->s, ':', u->n)) == NULL ||
	    colon == u->s || colon + 1 == u->s + u->n)
		return 0;
	for (i = 0; u->s + i < colon; i++)
		if (u->s[i] == ' ' && u->s[i + 1] != ' ' && u->s[i + 1] != ':')
			words++;
	return words <= KV_LABEL_WORDS_MAX;
}

/* Marks runs of QTY_RUN_MIN or more quantity lines, or KV_RUN_MIN
 * property lines, as list items. */
static void
find_qty_lists(struct text_ctx *c)
{
	size_t	 i, j, k;
	int	 kv;

	for (i = 0; i < c->n; i = j > i ? j : i + 1) {
		for (j = i; j < c->n && qty_line(&c->u[j]); j++)
			;
		kv = j == i;
		if (kv)
			for (; j < c->n && kv_line(&c->u[j]) && (j == i ||
			    !c->u[j].blank_before); j++)
				;
		if (j - i < (kv ? KV_RUN_MIN : QTY_RUN_MIN))
			continue;
		for (k = i; k < j; k++)
			c->u[k].qty = kv ? QTY_PROPERTY : QTY_AMOUNT;
	}
}

/* Is unit i printed again further down, over a paragraph: an entry of
 * a table of contents, the copy its subheading? */
static int
toc_entry(const struct text_ctx *c, size_t i)
{
	const struct unit *u = &c->u[i];
	size_t	 k = u->next_copy;

	return u->kind != UNIT_PROSE && !u->marker && k > i + 1 &&
	    k < c->n && c->u[k].kind == UNIT_PROSE;
}

/*
 * Numbers set on lines of their own before a recipe's or a guide's steps
 * ("1", text, "2", text): a list's numbers like "1." (they count 0 and
 * do not make the steps a template's).  A pager's "1 2 3" has nothing
 * between its numbers.
 */
static void
find_step_numbers(struct text_ctx *c)
{
	size_t	 i, j, k;
	int	 v;

	for (i = 0; i < c->n; i++) {
		if ((v = xt_bare_number(c->u[i].s, c->u[i].n)) < 0)
			continue;
		for (j = i + 1; j < c->n && j <= i + STEP_GAP_MAX; j++)
			if (xt_bare_number(c->u[j].s, c->u[j].n) >= 0)
				break;
		if (j >= c->n || j > i + STEP_GAP_MAX ||
		    xt_bare_number(c->u[j].s, c->u[j].n) != v + 1)
			continue;
		/* A step says what to do in sentences; the items of a
		 * ranked list of headlines do not end like one. */
		for (k = i + 1; k < j; k++)
			if (c->u[k].end_punct && c->u[k].weight >= MEDIUM_WEIGHT)
				break;
		if (k < j)
			c->u[i].number = c->u[j].number = 1;
	}
}

/* Could the unit be an item of a list without markers: a line of a
 * few words that is not a marker, legal text, a table's row or code? */
static int
list_item(const struct unit *u)
{
	struct date d;
	size_t	 ds, de;

	/* A dated line is a teaser's, "Headline... 07.02.2022".  Fewer
	 * words make an item when it opens in lower case, as a sentence's
	 * part does ("nicht düngen") and a menu's label does not. */
	return (u->weight >= COLON_ITEM_WORDS || (u->weight >= 2 &&
	    u->s[0] >= 'a' && u->s[0] <= 'z')) && !u->marker && !u->boiler &&
	    !u->row && !u->code && !u->qty && !u->url && !u->caption &&
	    u->repeats < 2 && date_find(u->s, u->n, &d, &ds, &de) != 0;
}

/* Do two lines open with the same word? */
static int
same_first_word(const struct unit *a, const struct unit *b)
{
	size_t	 i;

	for (i = 0; i < a->n && i < b->n && a->s[i] != ' '; i++)
		if (a->s[i] != b->s[i])
			return 0;
	return i < a->n && i < b->n && a->s[i] == ' ' && b->s[i] == ' ';
}

/*
 * A list whose markers the copy lost: a line that ends in a colon ("We
 * propose:", "Description:"), then COLON_LIST_MIN or more lines of a few
 * words each, one under the other with no blank line between (the first
 * may stand after one).  Its items are marked as a list's.
 */
static void
find_colon_lists(struct text_ctx *c)
{
	size_t	 i, j, k;

	for (i = 0; i + 1 < c->n; i++) {
		const struct unit *u = &c->u[i];

		if (u->n == 0 || u->s[u->n - 1] != ':' || u->bullet ||
		    u->marker || u->caption)
			continue;
		for (j = i + 1; j < c->n && list_item(&c->u[j]) &&
		    (j == i + 1 || !c->u[j].blank_before) && !c->u[j].bullet;
		    j++)
			;
		if (j - (i + 1) < COLON_LIST_MIN)
			continue;
		/* Lines that all open alike ("Share via Twitter", "Share
		 * via Facebook") are a template's links. */
		for (k = i + 2; k < j && same_first_word(&c->u[k - 1],
		    &c->u[k]); k++)
			;
		if (k == j)
			continue;
		for (k = i + 1; k < j; k++)
			c->u[k].bullet = 1;
		i = j - 1;
	}
}

/* The length of the name that opens s: min to NAME_WORDS_MAX
 * capitalised words of letters ("Jane Doe", "Jean-Luc O'Neil"), alone
 * on the line or before a count ("Jane Doe 300 posts"); 0 if there is
 * none. */
static size_t
name_line(const char *s, size_t n, size_t min)
{
	size_t	 i = 0, end = 0, nw = 0;
	unsigned char ch;

	while (i < n && nw < NAME_WORDS_MAX + 1) {
		ch = (unsigned char)s[i];
		if (!(ch >= 'A' && ch <= 'Z') && ch < 0xc3)
			break;
		for (; i < n && s[i] != ' '; i++) {
			ch = (unsigned char)s[i];
			if (!(ch >= 'a' && ch <= 'z') && !(ch >= 'A' &&
			    ch <= 'Z') && ch < 0x80 && ch != '-' &&
			    ch != '\'' && ch != '.')
				return 0;
		}
		nw++;
		end = i;
		if (i < n)
			i++;
	}
	if (nw < min || nw > NAME_WORDS_MAX)
		return 0;
	if (end == n)
		return end;
	/* A count: digits, then one word ("300 posts", "12 Artikel"). */
	for (i = end + 1; i < n && s[i] >= '0' && s[i] <= '9'; i++)
		;
	if (i == end + 1 || i + 1 >= n || s[i] != ' ')
		return 0;
	for (i++; i < n; i++)
		if (s[i] == ' ' || (ch = (unsigned char)s[i]) <= '9')
			return 0;
	return end;
}

/* An author's note: a line with only a name ("Jane Doe", "Jane Doe 300
 * posts") over a paragraph that opens with the same name ("Jane Doe
 * writes about ..."), or "About" and a name over any paragraph ("About
 * Jane", "I am Jane, ...").  Not a speaker's answer ("Jane Doe: ..."). */
static void
find_author_notes(struct text_ctx *c)
{
	static const char *const about[] = { "About ", "\xc3\x9c" "ber " };
	size_t	 i, k, m, len;

	for (i = 0; i + 1 < c->n; i++) {
		const struct unit *u = &c->u[i];
		struct unit *b = &c->u[i + 1];

		if (u->kind != UNIT_SHORT || b->kind != UNIT_PROSE)
			continue;
		for (m = 0; m < sizeof about / sizeof about[0]; m++) {
			len = strlen(about[m]);
			if (u->n > len && memcmp(u->s, about[m], len) == 0 &&
			    name_line(u->s + len, u->n - len, 1) > 0)
				break;
		}
		if (m < sizeof about / sizeof about[0]) {
			b->boiler = 1;
			b->score = SCORE_BOILER;
			continue;
		}
		if ((k = name_line(u->s, u->n, 2)) == 0)
			continue;
		if (b->n <= k || memcmp(c->u[i].s, b->s, k) != 0 ||
		    b->s[k] != ' ')
			continue;
		b->boiler = 1;
		b->score = SCORE_BOILER;
	}
}

void
xt_classify(struct text_ctx *c)
{
	size_t	 i, j, m, run, nd;

	find_qty_lists(c);
	find_colon_lists(c);
	find_step_numbers(c);
	for (i = 0; i < c->n; i++) {
		struct unit *u = &c->u[i];
		int	 p = u->blank_before || u->blank_after;

		/* A blurb that ends in a link to the rest is a teaser's,
		 * unless it is a list's item (a contents' "Risks. (More)"). */
		if (u->more_link && !u->bullet)
			u->boiler = 1;
		if ((u->weight >= PROSE_WEIGHT && u->end_punct &&
		    !xt_title_case(u)) || (u->weight >= PROSE_WEIGHT_ANY &&
		    !word_cloud(u)))
			u->kind = UNIT_PROSE;
		else if (u->weight >= MEDIUM_WEIGHT && u->end_punct)
			u->kind = UNIT_MEDIUM;
		else
			u->kind = UNIT_SHORT;
		switch (u->kind) {
		case UNIT_PROSE:
			u->score = (long)u->weight;
			if (u->boiler)
				u->score = SCORE_BOILER;
			break;
		case UNIT_MEDIUM:
			u->score = p ? (long)u->weight / 2 : 0;
			if (u->boiler)
				u->score = SCORE_BOILER;
			break;
		case UNIT_SHORT:
			u->score = p ? SCORE_SHORT_P : SCORE_SHORT;
			/* List items, table rows (cells between tabs) and
			 * program text belong to a story as much as to
			 * chrome: they count little either way. */
			if (u->bullet || u->row || u->qty)
				u->score = (long)(u->weight / 2) + 1;
			else if (u->code || u->url || u->indent)
				u->score = 0;
			break;
		}
		/* Program text repeats its shapes ("},"), a list's items
		 * theirs ("1 tsp", a contents' "2.1 Scope"): not a
		 * template's. */
		if (u->kind != UNIT_PROSE && u->repeats >= 2 && !u->code &&
		    !u->row && !u->qty)
			u->score = SCORE_REPEATED;
		/* A list's numbers belong to its items: they count 0. */
		if (u->number)
			u->score = 0;
		/* Prose that the page prints again far down is a ticker's
		 * or a teaser's: only the last copy counts. */
		if (u->kind == UNIT_PROSE && u->far_copy)
			u->score = 0;
		if (u->marker)
			u->score = u->inline_marker ? SCORE_SHORT : SCORE_MARKER;
		/* Markup left as text (noscript content) is page chrome,
		 * unless it is part of a code sample: then it is program
		 * text like its neighbours. */
		if (markup(u) && u->kind != UNIT_PROSE) {
			if ((i > 0 && (c->u[i - 1].code || markup(&c->u[i - 1])))
			    || (i + 1 < c->n && (c->u[i + 1].code ||
			    markup(&c->u[i + 1]))))
				u->score = 0;
			else
				u->score = SCORE_REPEATED;
		}
	}
	find_author_notes(c);
	/* A table of contents: short lines printed again further down,
	 * each time over a paragraph (the subheadings they link to).  They
	 * do not part a lead from its story. */
	for (i = 0; i < c->n; i = j > i ? j : i + 1) {
		for (j = i; j < c->n && toc_entry(c, j); j++)
			;
		if (j - i < TOC_MIN)
			continue;
		for (m = i; m < j; m++) {
			if (c->u[m].score < 0)
				c->u[m].score = 0;
			c->u[m].toc = 1;
		}
	}
	/* Short lines with a date, many of them: the heads of comments,
	 * of a listing's entries, of teasers.  Each ends what is above. */
	for (i = 0, nd = 0; i < c->n; i++) {
		struct unit *u = &c->u[i];
		struct date d;
		size_t	 ds, de;

		u->dateline = u->kind != UNIT_PROSE && !u->bullet &&
		    !u->row && u->words <= DATELINE_WORDS_MAX &&
		    date_find(u->s, u->n, &d, &ds, &de) == 0;
		nd += (size_t)u->dateline;
	}
	for (i = 0; nd >= DATELINES_MIN && i < c->n; i++)
		if (c->u[i].dateline && c->u[i].score > SCORE_REPEATED)
			c->u[i].score = SCORE_REPEATED;
	/* With a time of day, they are the heads of comments. */
	for (i = 0, nd = 0; i < c->n; i++) {
		c->u[i].dateline = c->u[i].dateline &&
		    has_clock(c->u[i].s, c->u[i].n);
		nd += (size_t)c->u[i].dateline;
	}
	for (i = 0; nd < DATELINES_MIN && i < c->n; i++)
		c->u[i].dateline = 0;
	/* A long run of short lines (a share bar, a menu, a list of
	 * links) costs more with every line: one subheading is cheap, a
	 * block of chrome separates the story from what follows. */
	for (i = 0, run = 0; i < c->n; i++) {
		struct unit *u = &c->u[i];

		/* Program text is neither story nor chrome (it scores 0):
		 * a block of it costs nothing. */
		if ((u->code || u->indent || markup(u) || u->number ||
		    u->toc) && !u->bullet && u->score == 0)
			continue;
		if (u->kind != UNIT_SHORT || u->score > 0 ||
		    (u->words > 4 && !xt_title_case(u))) {
			if (u->score != 0)
				run = 0;
			continue;
		}
		run++;
		if (run > 2 && u->score > SCORE_SHORT * RUN_PENALTY_MAX)
			u->score = SCORE_SHORT * (long)(run < RUN_PENALTY_MAX ?
			    run : RUN_PENALTY_MAX);
	}
	/* A list of cards: headline, then its blurb on the next line,
	 * again and again with no blank line between (a forum's questions,
	 * a teaser list).  Its blurbs are not the story. */
	for (i = 0; i + 1 < c->n; i = j > i ? j : i + 1) {
		size_t	 k;

		for (j = i; j + 1 < c->n && card_title(&c->u[j]) &&
		    c->u[j + 1].kind != UNIT_SHORT &&
		    c->u[j + 1].weight > c->u[j].weight &&
		    !c->u[j + 1].blank_before && (j == i ||
		    !c->u[j].blank_before); j += 2)
			;
		if ((j - i) / 2 < CARDS_MIN)
			continue;
		for (k = i + 1; k < j; k += 2)
			if (c->u[k].score > 0)
				c->u[k].score = 0;
	}
	/* A list of links: many lines of a headline's length one under
	 * the other with no blank line between ("Hot questions", a
	 * sidebar's titles).  Sentences among them are its entries, not
	 * the story's paragraphs. */
	for (i = 0; i < c->n; i = j > i ? j : i + 1) {
		size_t	 k;

		for (j = i; j < c->n && c->u[j].weight <= LINK_LINE_WORDS &&
		    c->u[j].weight >= 2 && !c->u[j].bullet && !c->u[j].row &&
		    !c->u[j].qty && !c->u[j].code && (j == i ||
		    !c->u[j].blank_before); j++)
			;
		if (j - i < LINK_LIST_MIN)
			continue;
		for (k = i; k < j; k++)
			if (c->u[k].score > 0)
				c->u[k].score = 0;
	}
	/* Prose held in a template (a comment between its author line and
	 * its rating, a listing's blurb between date lines) is not the
	 * story: its neighbours repeat the same shapes many times. */
	for (i = 0; i < c->n; i++) {
		struct unit *u = &c->u[i];
		int	 t = 0;

		if (u->kind == UNIT_SHORT)
			continue;
		if (i > 0 && c->u[i - 1].kind == UNIT_SHORT &&
		    c->u[i - 1].repeats >= TEMPLATE_REPEATS &&
		    !c->u[i - 1].number)
			t++;
		if (i + 1 < c->n && c->u[i + 1].kind == UNIT_SHORT &&
		    c->u[i + 1].repeats >= TEMPLATE_REPEATS &&
		    !c->u[i + 1].number)
			t++;
		if (t > 0 && u->score > 0)
			u->score /= t == 2 ? 8 : 2;
	}
}

/* The run [*s, *e) inside [lo, hi) with the largest sum of scores
 * (Kadane). */
static long
best_run_in(const struct text_ctx *c, size_t lo, size_t hi, size_t *s,
    size_t *e)
{
	long	 sum = 0, best = 0;
	size_t	 i, start = lo;

	*s = *e = lo;
	for (i = lo; i < hi; i++) {
		if (sum <= 0) {
			sum = 0;
			start = i;
		}
		sum += c->u[i].score;
		if (sum > best) {
			best = sum;
			*s = start;
			*e = i + 1;
		}
	}
	return best;
}

/*
 * The story comes first: comments, a forum's replies, a shop's listings
 * and the site's own texts follow it.  The best run of [lo, hi) gives
 * way to a run before it that scores at least EARLY_RUN_DEN/EARLY_RUN_NUM
 * of it.
 */
static long
earliest_run(const struct text_ctx *c, size_t lo, size_t hi, size_t *s,
    size_t *e)
{
	long	 best, pre;
	size_t	 s2, e2;

	best = best_run_in(c, lo, hi, s, e);
	while (best > 0 && *s > lo) {
		pre = best_run_in(c, lo, *s, &s2, &e2);
		if (pre * EARLY_RUN_NUM < best * EARLY_RUN_DEN)
			break;
		*s = s2;
		*e = e2;
		best = pre;
	}
	return best;
}

/* Does a marker open a comment section ("Comments", "12 comments"),
 * or a comment's head (a dateline with a time, one of several)? */
static int
comments_marker(const struct unit *u)
{
	return u->dateline || (u->marker && (ascii_casestr(u->s, u->n, "comment") ||
	    ascii_casestr(u->s, u->n, "leave a") ||
	    ascii_casestr(u->s, u->n, "discussion") ||
	    ascii_casestr(u->s, u->n, "replies") ||
	    ascii_casestr(u->s, u->n, "responses") ||
	    ascii_casestr(u->s, u->n, "kommentar") ||
	    ascii_casestr(u->s, u->n, "komentar") ||
	    ascii_casestr(u->s, u->n, "comentar") ||
	    ascii_casestr(u->s, u->n, "reacties")));
}

/*
 * The story: the best run of the page, except that the readers' part
 * after a comments marker is taken only when the story before it is far
 * smaller (then the marker was a link in the page's header) and does not
 * end within MARKER_GAP_MAX lines of the marker (a story the marker
 * closes stays the story however long its comments).
 */
long
xt_best_run(const struct text_ctx *c, size_t *s, size_t *e)
{
	size_t	 i, prose = 0, s2, e2;
	long	 pre, post;

	for (i = 0; i < c->n; i++) {
		if (comments_marker(&c->u[i]) && prose >= STORY_MIN_WEIGHT)
			break;
		if (c->u[i].kind == UNIT_PROSE)
			prose += c->u[i].weight;
	}
	if (i == c->n)
		return earliest_run(c, 0, c->n, s, e);
	pre = earliest_run(c, 0, i, s, e);
	post = best_run_in(c, i, c->n, &s2, &e2);
	if (pre * COMMENTS_RATIO >= post)
		return pre;
	/* A story that ends just before the marker is closed by it. */
	if (pre >= STORY_MIN_WEIGHT && i - *e <= MARKER_GAP_MAX)
		return pre;
	*s = s2;
	*e = e2;
	return post;
}
