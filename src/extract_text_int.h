/*
 * extract_text_int: what the files of the text-copy extractor share,
 * internal to it; the contract is extract_text() in extract.h.
 *
 *   extract_text.c          the entry point: the steps in order
 *   extract_text_measure.c  one unit's own text measured: words, stops,
 *                           lists, code, shape
 *   extract_text_phrases.c  the phrase lists and the marks they give a
 *                           unit: markers, legal text, buttons, credits
 *   extract_text_units.c    the copy cut into units, shapes counted
 *   extract_text_score.c    each unit scored, the best run found
 *   extract_text_story.c    the story's ends and its teaser cards
 *   extract_text_meta.c     title, byline, date and site
 *
 * Units point into the caller's text, or into their own joined copy
 * (unit.joined, freed by extract_text()).
 */
#ifndef BYLINE_EXTRACT_TEXT_INT_H
#define BYLINE_EXTRACT_TEXT_INT_H

#include <stddef.h>
#include <stdint.h>

#include "extract.h"


enum unit_kind {
	UNIT_SHORT = 0,		/* a label, menu item, headline... */
	UNIT_MEDIUM,		/* a short sentence */
	UNIT_PROSE		/* a paragraph */
};

struct unit {
	const char	*s;
	size_t		 n;
	char		*joined;	/* owned text of a joined wrapped run */
	size_t		 line;		/* first line number, 0-based */
	size_t		 words;		/* blank-separated */
	size_t		 weight;	/* words, CJK characters count 1/2 */
	size_t		 capwords;	/* words starting upper case */
	size_t		 letterwords;	/* words starting with a letter */
	size_t		 commas;
	int		 blank_before, blank_after;
	int		 end_punct;	/* ends like a sentence */
	int		 bullet;	/* starts with a list marker */
	int		 number;	/* only a list's number: "1.", "2)" */
	int		 row;		/* a table's row: cells between tabs */
	int		 qty;		/* a list's item: QTY_AMOUNT, QTY_PROPERTY */
	int		 indent;	/* started with white space */
	int		 code;		/* looks like a line of code */
	int		 url;		/* a bare URL */
	int		 caption;	/* looks like a photo credit */
	int		 marker;	/* a section marker: comments, related */
	int		 inline_marker;	/* opens a teaser inside the story */
	int		 boiler;	/* legal, cookie, newsletter prose */
	int		 button;	/* a button's label, a prompt, a label */
	int		 more_link;	/* ends in a teaser's "... mehr" */
	int		 dateline;	/* a short line holding a date */
	int		 repeats;	/* units of the same shape */
	int		 far_copy;	/* printed again, far away only */
	int		 near_copy;	/* printed again close by */
	size_t		 next_copy;	/* 1 + the unit of its next copy */
	int		 toc;		/* an entry of a table of contents */
	size_t		 slot;		/* in count_shapes()'s table */
	uint32_t	 shape;
	enum unit_kind	 kind;
	long		 score;
	int		 keep;
	int		 teaser;	/* part of a teaser card */
	int		 under_marker;	/* in the list a marker opens */
	int		 gap;		/* chrome between lead and story */
};

struct text_ctx {
	struct unit	*u;
	size_t		 n, cap;
	const struct extract_opts *opts;
	struct errbuf	*eb;
};

/* Scores; a prose unit scores its weight. */
#define SCORE_SHORT		(-3)
#define SCORE_SHORT_P		(-2)	/* set off by blank lines */
#define SCORE_REPEATED		(-12)
#define SCORE_MARKER		(-60)
#define SCORE_BOILER		(-20)
/* A unit is prose from this weight if it ends like a sentence, or from
 * the larger one whatever its end. */
#define PROSE_WEIGHT		10
#define PROSE_WEIGHT_ANY	25
#define MEDIUM_WEIGHT		4
/* The cost of a short line in a run grows up to this many times. */
#define RUN_PENALTY_MAX		5
/* Prose words before a comments marker that make it end a story, and
 * how much larger the part after it must be to be the story instead. */
#define STORY_MIN_WEIGHT	100
#define COMMENTS_RATIO		3
/* Lines between a story's end and a comments marker that closes it. */
#define MARKER_GAP_MAX		10
#define EARLY_RUN_NUM		2
#define EARLY_RUN_DEN		1
/* A shape seen this often is a template's (dates, ratings, buttons). */
#define TEMPLATE_REPEATS	3
/* Lines searched before the story for title, byline and date. */
#define META_LOOKBACK		40
/* A paragraph printed again within this many units is the page's own
 * repetition (a lead repeated in the body), not a ticker's copy. */
#define COPY_NEAR_UNITS		20
/* Short lines with a date (at most this many words) seen this many
 * times in a page head comments or a listing's entries. */
#define DATELINE_WORDS_MAX	12
#define DATELINES_MIN		3
/* Longest a paragraph naming one legal or subscription phrase can be
 * and still be taken for legal text, in words. */
#define BOILER_ONE_WORDS_MAX	45
/* Longest a button's label or a reader's prompt ("Rezept drucken",
 * "War der Artikel nützlich?") can be, in words. */
#define BUTTON_WORDS_MAX	6
/* Short lines led by a quantity ("200 g sugar") in a row that make a
 * list: ingredients, a product's figures. */
#define QTY_RUN_MIN		3
#define QTY_WORDS_MAX		8
#define QTY_AMOUNT		1	/* "200 g sugar" */
#define QTY_PROPERTY		2	/* "Lens: 180 mm" */
/* "Label: value" lines in a row (without blank lines) that make a list
 * (fewer are a story's tags and categories), the longest such line and
 * its label. */
#define KV_RUN_MIN		4
#define KV_WORDS_MAX		8
#define KV_LABEL_WORDS_MAX	3
/* Fewest items of a list without markers under a line ending in a
 * colon, and the fewest words of each. */
#define COLON_LIST_MIN		3
#define COLON_ITEM_WORDS	3
/* Fewest lines of a list of links, and the longest of its lines. */
#define LINK_LIST_MIN		6
#define LINK_LINE_WORDS		20
/* Fewest entries of a table of contents. */
#define TOC_MIN			3
/* A recipe's or a guide's step numbers: bare numbers counting up, text
 * between each and the next, at most this many units apart. */
#define STEP_GAP_MAX		12
/* Fewest words of a line of verse kept inside a story. */
#define TEXT_LINE_WORDS		4
/* Headline and blurb pairs in a row that make a list of cards. */
#define CARDS_MIN		3
#define CARD_TITLE_WORDS	15
/* Fewest words of a lead-in set off by blank lines on both sides (a
 * standfirst): fewer make a headline. */
#define LEAD_IN_WEIGHT		12
/* Most lines of chrome between a lead paragraph and the story. */
#define LEAD_GAP_MAX		8
/* Most lines of chrome (times, nutrition facts, buttons) between a
 * recipe's ingredients and its steps. */
#define RECIPE_GAP_MAX		24
/* Longest a section marker can be, in words. */
#define MARKER_WORDS_MAX	6
/* Shortest a marker glued to the next element can be, in bytes. */
#define GLUED_MARKER_MIN	8
/* Longest a line ending in a photo credit can be, in words. */
#define CAPTION_WORDS_MAX	30
/* Longest a photo's credit glued to its caption can be, in bytes. */
#define GLUED_CREDIT_BYTES	40
/* Longest a photo's caption over its credit line can be, in words. */
#define CAPTION_TEXT_MAX	60
/* Longest a heading or teaser title can be, in words. */
#define HEADLINE_WORDS_MAX	30
#define NAME_WORDS_MAX		3	/* words of an author's name line */
/* Longest a teaser's summary can be, in words: past it, the card is a
 * subheading and the paragraph it heads. */
#define TEASER_SUMMARY_MAX	40

/* extract_text_measure.c: tests on a unit's own text. */
/* Does s (n bytes, not NUL-terminated) start with p, case ignored? */
int	 xt_has_prefix(const char *s, size_t n, const char *p);
/* Does s end like a sentence, closing quotes and brackets aside? */
int	 xt_ends_sentence(const char *s, size_t n);
/* Does s open with a list's bullet or number ("- ", "3. ")? */
int	 xt_starts_bullet(const char *s, size_t n);
/* The value of a line that is a bare number ("3"), or -1. */
int	 xt_bare_number(const char *s, size_t n);
/* Fills the unit's counts, sentence end, list, code and shape flags. */
void	 xt_measure(struct unit *u);

/* extract_text_phrases.c: phrase lists; calls _measure.c, never back. */
/* Does s open with a photo credit's label ("Photo:")? */
int	 xt_credit_label(const char *s, size_t n);
/* Sets marker, inline_marker, boiler, more_link, button and caption
 * from the phrase lists; reads u->words, so after xt_measure(). */
void	 xt_mark_phrases(struct unit *u);

/* extract_text_units.c: 0, or -1 when memory runs out. */
int	 xt_split_lines(struct text_ctx *c, const char *data, size_t n);
int	 xt_join_wrapped(struct text_ctx *c);
int	 xt_count_shapes(struct text_ctx *c);

/* extract_text_score.c */
int	 xt_headline_like(const struct unit *u);
int	 xt_title_case(const struct unit *u);
void	 xt_classify(struct text_ctx *c);
/* The story's run [*s, *e) and its score; 0 or less: no prose. */
long	 xt_best_run(const struct text_ctx *c, size_t *s, size_t *e);

/* extract_text_story.c */
void	 xt_shape_story(struct text_ctx *c, size_t *sp, size_t *ep);
void	 xt_find_teasers(struct text_ctx *c, size_t s, size_t e);
/* Adds the teaser card starting at unit i; 0, or -1 out of memory. */
int	 xt_add_teaser(struct text_ctx *c, struct article *a, size_t i);

/* extract_text_meta.c */
/* Is the unit a byline?  The length of its "By ", or 0. */
size_t	 xt_byline_prefix(const struct unit *u);
/* Title, byline, date and site; 0, or -1 out of memory. */
int	 xt_find_meta(struct text_ctx *c, struct article *a, size_t s,
	    size_t e);

#endif
