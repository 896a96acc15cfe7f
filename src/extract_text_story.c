/*
 * extract_text_story: the story's run widened over the lines that
 * belong to it and narrowed past the chrome at its ends, and the teaser
 * cards inside it taken out as related links.
 * (See extract_text.c for the whole.)
 */
#include <stdlib.h>
#include <string.h>

#include "extract_text_int.h"

/*
 * Teaser cards inside the story: two to four consecutive lines, not set
 * off by blank lines from each other, where the first is headline-like
 * and the paragraphs around are blank-separated.  Marks them teaser.
 */
void
xt_find_teasers(struct text_ctx *c, size_t s, size_t e)
{
	size_t	 i, j, k;

	for (i = s; i < e; i = j) {
		/* A card that starts in the story may end past it. */
		for (j = i + 1; j < c->n && !c->u[j].blank_before &&
		    (j < e || j < i + 4); j++)
			;
		if (j - i < 2 || j - i > 4 || !xt_headline_like(&c->u[i]) ||
		    c->u[i].qty == QTY_PROPERTY)
			continue;
		/* Rows under a line are a table under its caption. */
		for (k = i + 1; k < j && !c->u[k].row; k++)
			;
		if (k < j)
			continue;
		/* One summary sentence at most, the rest short. */
		for (k = i + 1; k < j; k++)
			if (c->u[k].kind == UNIT_PROSE && (k != i + 1 ||
			    c->u[k].weight > TEASER_SUMMARY_MAX))
				break;
		if (k < j)
			continue;
		if (c->u[j - 1].kind == UNIT_PROSE && j - i > 2)
			continue;
		for (k = i; k < j; k++)
			c->u[k].teaser = (int)(k - i + 1);
	}
}

/* Splits "The Kyiv IndependentKateryna Hodunova" where a copy glued two
 * elements: a run of three or more lower-case letters followed by an
 * upper-case one.  Returns the cut, or 0. */
static size_t
glued_cut(const char *s, size_t n)
{
	size_t	 i, lower = 0;

	for (i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];

		if (ch >= 'a' && ch <= 'z')
			lower++;
		else if (ch >= 'A' && ch <= 'Z' && lower >= 3 && i + 1 < n &&
		    s[i + 1] >= 'a' && s[i + 1] <= 'z')
			return i;
		else
			lower = 0;
	}
	return 0;
}

int
xt_add_teaser(struct text_ctx *c, struct article *a, size_t i)
{
	const struct unit *t = &c->u[i];
	char	*title, *summary = NULL, *source = NULL, *author = NULL;
	size_t	 k, cut;
	int	 r;

	title = xstrndup(t->s, t->n);
	for (k = i + 1; k < c->n && c->u[k].teaser > 1; k++) {
		const struct unit *u = &c->u[k];

		if (summary == NULL && u->kind != UNIT_SHORT) {
			free(summary);
			summary = xstrndup(u->s, u->n);
		} else if (source == NULL) {
			cut = glued_cut(u->s, u->n);
			if (cut > 0) {
				source = xstrndup(u->s, cut);
				author = xstrndup(u->s + cut, u->n - cut);
			} else
				source = xstrndup(u->s, u->n);
		}
	}
	r = article_add_teaser(a, title, NULL, summary, source, author);
	free(title);
	free(summary);
	free(source);
	free(author);
	return r;
}

/* Cut short with "..." or U+2026: a teaser's summary. */
static int
ends_ellipsis(const char *s, size_t n)
{
	return (n >= 3 && memcmp(s + n - 3, "...", 3) == 0) ||
	    (n >= 3 && memcmp(s + n - 3, "\xe2\x80\xa6", 3) == 0);
}

/* A teaser's card: a headline, then its summary cut short in the
 * middle of a word or right after one ("... Die neuen…"), of at most
 * TEASER_SUMMARY_MAX words.  Is unit i such a summary? */
static int
cut_summary(const struct text_ctx *c, size_t i)
{
	const struct unit *u = &c->u[i];
	unsigned char ch;

	if (i == 0 || u->words > TEASER_SUMMARY_MAX || u->n < 4 ||
	    !ends_ellipsis(u->s, u->n) || !xt_headline_like(&c->u[i - 1]))
		return 0;
	ch = (unsigned char)u->s[u->n - 4];
	return ascii_isalpha(ch) || ch >= 0x80;
}

/* Prose that can open a story: a sentence-case paragraph, not a
 * caption, legal text or a template's. */
static int
lead_paragraph(const struct unit *u)
{
	return u->kind == UNIT_PROSE && u->score > 0 && u->end_punct &&
	    !ends_ellipsis(u->s, u->n) &&
	    !xt_title_case(u) && !u->caption && !u->boiler && u->repeats < 2 &&
	    xt_byline_prefix(u) == 0;
}

/* A short line that reads like a sentence's part: a line of a verse,
 * of a quotation, not a heading, a label or a template's. */
static int
text_line(const struct unit *u)
{
	return u->kind == UNIT_SHORT && u->words >= TEXT_LINE_WORDS &&
	    !xt_title_case(u) && !u->caption && !u->marker && !u->boiler &&
	    !u->url && !u->code && u->repeats < 2 && !u->dateline;
}

/* A story's last paragraph without its stop: a sentence (a comma in
 * it) as long as a lead-in, set off by a blank line. */
static int
last_paragraph(const struct unit *u)
{
	return u->weight >= LEAD_IN_WEIGHT && u->blank_before &&
	    u->commas > 0 && !xt_title_case(u);
}

/* A line ending in a colon over a list's items ("Ingredients:",
 * "Our picks:") heads the list; a line right over a table's rows is
 * the table's caption. */
static int
list_head(const struct text_ctx *c, size_t i, size_t e)
{
	const struct unit *u = &c->u[i];

	if (u->marker || u->caption || u->boiler || i + 1 >= e)
		return 0;
	if (c->u[i + 1].row && !c->u[i + 1].blank_before && !u->row)
		return 1;
	return u->n > 0 && u->s[u->n - 1] == ':' && (c->u[i + 1].bullet ||
	    c->u[i + 1].qty);
}

/* Is the unit part of a list of ingredients: a quantity's line, a
 * table's row, or a heading over them ("Für den Teig:")? */
static int
ingredient(const struct unit *u)
{
	return u->qty == QTY_AMOUNT || u->row || (u->kind != UNIT_PROSE &&
	    u->n > 0 && u->s[u->n - 1] == ':' && !u->marker && !u->boiler);
}

/*
 * A recipe's ingredients, a list of quantities ("200 g Mehl") a few
 * lines of chrome (times, nutrition facts, buttons) above its steps:
 * the start of the story, where the list ends within RECIPE_GAP_MAX
 * units of s with no prose or marker between.  Marks the lines between
 * as a gap and returns the list's first unit, or s.
 */
static size_t
ingredients_before(struct text_ctx *c, size_t s)
{
	size_t	 i, k, b;

	for (k = s; k-- > 0 && s - k <= RECIPE_GAP_MAX;) {
		const struct unit *u = &c->u[k];

		if (u->kind == UNIT_PROSE || u->marker || u->boiler)
			return s;
		if (u->qty == QTY_AMOUNT)
			break;
	}
	if (k == (size_t)-1 || s - k > RECIPE_GAP_MAX)
		return s;
	for (b = k; b > 0 && ingredient(&c->u[b - 1]); b--)
		;
	for (k++; k < s && ingredient(&c->u[k]) && !c->u[k].blank_before;
	    k++)
		;
	for (i = k; i < s; i++)
		c->u[i].gap = 1;
	return b;
}

/* A short line between two kept short lines of its block (no blank
 * line on either side) is one of them: a list's item too short to read
 * as text, a verse's line.  Chrome has its own block. */
static void
keep_in_block(struct text_ctx *c, size_t s, size_t e)
{
	size_t	 i;

	for (i = s + 1; i + 1 < e; i++) {
		struct unit *u = &c->u[i];
		const struct unit *p = &c->u[i - 1], *n = &c->u[i + 1];

		if (u->keep || u->kind != UNIT_SHORT || u->blank_before ||
		    u->blank_after || u->marker || u->boiler || u->button ||
		    u->caption || u->url || u->gap || u->under_marker ||
		    u->repeats >= 2 || u->weight < 1)
			continue;
		if (p->keep && n->keep && p->kind != UNIT_PROSE &&
		    n->kind != UNIT_PROSE)
			u->keep = 1;
	}
}

/*
 * Widens [*s, *e) over what belongs to the story and narrows it past the
 * chrome at its ends, then marks the units to keep.
 */
void
xt_shape_story(struct text_ctx *c, size_t *sp, size_t *ep)
{
	size_t	 s = *sp, e = *ep, i, j, m;
	int	 standfirst = 0;

	/* Start and end on what counts for the story. */
	while (s < e && c->u[s].score <= 0)
		s++;
	while (e > s && c->u[e - 1].score <= 0)
		e--;
	/* A lead-in before the first paragraph: sentence-case text set off
	 * by a blank line, or a sentence in the paragraph's own block (no
	 * blank line between), not a caption, a byline or a date. */
	while (s > 0) {
		const struct unit *u = &c->u[s - 1];
		struct date d;
		size_t	 ds, de;

		if (u->weight < 4 || xt_title_case(u) || u->caption ||
		    u->marker || u->repeats >= 2 || u->boiler ||
		    (!u->blank_after && (c->u[s].blank_before ||
		    c->u[s].kind != UNIT_PROSE || c->u[s].score <= 0 ||
		    u->kind == UNIT_SHORT || !u->end_punct)) ||
		    (u->blank_before &&
		    u->weight < LEAD_IN_WEIGHT) ||
		    xt_byline_prefix(u) > 0 ||
		    date_find(u->s, u->n, &d, &ds, &de) == 0)
			break;
		standfirst = u->blank_before;
		s--;
	}
	/* A headline over the first paragraph is the title, not text. */
	if (!standfirst && s + 1 < e && c->u[s].kind == UNIT_SHORT &&
	    xt_headline_like(&c->u[s]) && !c->u[s].qty && !c->u[s].row &&
	    c->u[s + 1].kind == UNIT_PROSE)
		s++;
	/* A lead paragraph kept apart from the story by a share bar, a
	 * dateline or an advertisement's label: prose a few short lines
	 * before it.  A standfirst over the byline and date is the story's
	 * too.  The lines between stay out. */
	for (;;) {
		for (j = s; j-- > 0 && s - j <= LEAD_GAP_MAX;) {
			const struct unit *u = &c->u[j];

			/* A photo's credit ("© Name / Agency") is not the
			 * legal text that ends a page, nor a share bar's
			 * label ("Share") a section's start. */
			if (u->kind == UNIT_PROSE || (u->marker &&
			    !xt_has_prefix(u->s, u->n, "share")) ||
			    (u->boiler && !u->caption))
				break;
		}
		if (j == (size_t)-1 || s - j > LEAD_GAP_MAX || s - j < 2)
			break;
		if (!lead_paragraph(&c->u[j]))
			break;
		for (i = j + 1; i < s; i++)
			c->u[i].gap = 1;
		s = j;
	}
	s = ingredients_before(c, s);
	/* Items of a list or short paragraphs right after the story, as
	 * long as they read like text. */
	while (e < c->n) {
		const struct unit *u = &c->u[e];

		if ((u->kind == UNIT_SHORT && !last_paragraph(u)) ||
		    u->marker || u->repeats >= 2 || u->boiler || u->caption)
			break;
		e++;
	}
	for (i = s; i < e; i++) {
		struct unit *u = &c->u[i];

		u->keep = !u->gap;
		/* A table's rows share a shape, numbers aside: not a
		 * template's. */
		if (u->caption || u->marker || (u->kind != UNIT_PROSE &&
		    u->repeats >= 2 && !u->row))
			u->keep = 0;
		/* Legal and subscription text inside the story goes. */
		if (u->boiler)
			u->keep = 0;
		/* The headline under a teaser's label on its own line
		 * ("Read also:", a blank line, the headline) is the
		 * teaser's. */
		if (i > s && c->u[i - 1].inline_marker &&
		    c->u[i - 1].words <= MARKER_WORDS_MAX &&
		    u->kind == UNIT_SHORT && xt_headline_like(u))
			u->keep = 0;
		/* The short lines right under a marker are its list of
		 * links ("Related articles" and three headlines). */
		if (u->kind == UNIT_SHORT && !u->blank_before && i > s &&
		    (c->u[i - 1].marker || (c->u[i - 1].kind == UNIT_SHORT &&
		    !c->u[i - 1].keep && c->u[i - 1].under_marker))) {
			u->keep = 0;
			u->under_marker = 1;
		}
		if (u->kind == UNIT_SHORT && !u->code && !u->indent) {
			/* A subheading is followed by prose; so are the lines
			 * of a verse or a quotation set line by line. */
			m = 0;
			for (j = i + 1; j < e && c->u[j].kind == UNIT_SHORT;
			    j++)
				if ((!text_line(u) || !text_line(&c->u[j])) &&
				    ++m > 2)
					break;
			if (j >= e || c->u[j].kind == UNIT_SHORT)
				u->keep = u->bullet || u->row || u->qty ||
				    (i + 1 == e && last_paragraph(u)) ||
				    list_head(c, i, e);
			if (u->weight < 1)
				u->keep = 0;
		}
		/* A button's label goes, even as a list's item. */
		if (u->button)
			u->keep = 0;
		/* Not the lead under the story's title: a card in it. */
		if (i >= s + 2 && cut_summary(c, i))
			u->keep = c->u[i - 1].keep = 0;
	}
	keep_in_block(c, s, e);
	*sp = s;
	*ep = e;
}
