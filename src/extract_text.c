/*
 * extract_text: the story out of a page's text copy, what a browser gives
 * for select-all and copy (document.body.innerText).
 *
 * A text copy has no tags left, but it keeps the page's shape: a <p> is
 * set off by blank lines while menu items, cards and captions follow one
 * another line by line; prose has long lines that end in sentence
 * punctuation while chrome has short lines, title-cased or repeated with
 * the same shape ("Rating: 9 Votes", "2 days ago at 07:52 am").  The
 * extractor:
 *
 *  1. cuts the copy into units: lines, with hard-wrapped runs (a <pre>
 *     or a plain-text page) joined back into paragraphs;
 *  2. gives each unit a score: prose counts for its length, short lines,
 *     repeated shapes and section markers ("Comments", "Related") against;
 *     list items, table rows (cells between tabs), runs of lines led by
 *     a quantity ("200 g sugar") or of "Label: value" lines, and program
 *     text count little either way; a table of contents (lines printed
 *     again over the sections) costs nothing; prose in a list of cards,
 *     or printed again far away (a ticker), counts nothing; short lines
 *     holding a date, when a page has several, head comments or a
 *     listing's entries;
 *  3. takes the run of units with the largest sum (the story), widens it
 *     over the short lines that belong to it (a lead-in sentence, a lead
 *     paragraph across a share bar, a subheading, list items) and
 *     narrows it past the chrome at its ends;
 *  4. inside the story, takes out teaser cards (headline, summary, source
 *     on consecutive lines among blank-separated paragraphs) as related
 *     links, and leaves out links ("Read more: ..."), captions and
 *     credits (with the paragraph right over a credit line), notices
 *     (legal text, appeals, a comment policy) and a headline right over
 *     the lead; the lines of a verse stay;
 *  5. finds title, byline, date and site in the lines around the story.
 */
#include <stdlib.h>
#include <string.h>

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
/* Most lines of chrome between a lead paragraph and the story. */
#define LEAD_GAP_MAX		8
/* Longest a section marker can be, in words. */
#define MARKER_WORDS_MAX	6
/* Longest a line ending in a photo credit can be, in words. */
#define CAPTION_WORDS_MAX	30
/* Longest a photo's caption over its credit line can be, in words. */
#define CAPTION_TEXT_MAX	60
/* Longest a heading or teaser title can be, in words. */
#define HEADLINE_WORDS_MAX	30
/* Longest a teaser's summary can be, in words: past it, the card is a
 * subheading and the paragraph it heads. */
#define TEASER_SUMMARY_MAX	40

static int	 add_unit(struct text_ctx *, const char *, size_t, size_t,
		    int);
static void	 measure(struct unit *);
static int	 has_prefix(const char *, size_t, const char *);
static void	 classify(struct text_ctx *);
static int	 is_cjk(uint32_t);
static void	 copy_at(struct unit *, size_t);

/* Section markers: a short line that opens what follows the story. */
static const char *const markers[] = {
	"comments", "leave a comment", "leave a reply",
	"post a comment", "add a comment", "show comments", "view comments",
	"top rated comments", "reader comments", "join the discussion",
	"join the conversation", "discussion", "responses", "replies",
	"related", "related articles", "related posts", "related stories",
	"related content", "related news", "related links", "related topics",
	"read more", "read next", "more from", "more stories",
	"more news", "more on this story", "more in", "most popular",
	"most read", "most viewed", "popular", "popular posts", "trending",
	"trending now", "you may also like", "you might also like",
	"recommended", "recommended for you", "editors' picks",
	"editor's picks", "latest", "latest news", "latest stories",
	"see also", "further reading", "share this",
	"share this article", "share this story", "share", "tags", "topics",
	"newsletter", "newsletters", "sign up", "subscribe",
	"about the author", "author",
	"footer", "follow us", "news feed", "more news feed",
	"kommentare", "commentaires", "comentarios", "commenti",
	"comentários", "reacties", "kommentarer", "komentarze",
	/* The same sections in the languages of the pages we measure on;
	 * lower case, matched with Latin-1 letters folded. */
	"filed under", "similar articles", "recent posts", "more like this",
	"you may also be interested in", "comments are closed",
	"share this post", "like this", "about the authors",
	"kommentar hinterlassen", "hinterlasse einen kommentar",
	"hinterlasse jetzt einen kommentar", "kommentar schreiben",
	"das könnte sie auch interessieren",
	"das könnte dich auch interessieren", "mehr zum thema",
	"weitere artikel", "ähnliche artikel", "ähnliche beiträge",
	"verwandte artikel", "auch interessant", "zum weiterlesen",
	"über den autor", "über die autorin", "schlagworte",
	"neueste beiträge", "beliebte beiträge", "weitere beiträge",
	"articles similaires", "sur le même sujet", "laisser un commentaire",
	"à voir aussi", "noticias relacionadas", "otras noticias",
	"artículos relacionados", "te puede interesar", "deja un comentario",
	"más noticias", "articoli correlati", "lascia un commento",
	"polecamy", "notícias relacionadas", "deixe um comentário",
	"gerelateerde artikelen",
};

/* Markers of a teaser set inside the story ("Read also" and a headline):
 * the teaser goes, the story goes on after it. */
static const char *const inline_markers[] = {
	"read also", "also read", "lesen sie auch", "lire aussi",
	"à lire aussi", "lee también", "leggi anche", "czytaj też",
	"czytaj także", "zobacz też", "leia também", "lees ook",
};

/* Labels of a link to another story set inside the story, before a
 * colon and its headline: "Read more: ...". */
static const char *const link_labels[] = {
	"read also", "also read", "read more", "see also", "more on this",
	"lesen sie auch", "lesen sie hier", "lesen sie mehr", "mehr dazu",
	"mehr zum thema", "lire aussi", "\xc3\xa0 lire aussi",
	"lee tambi\xc3\xa9n", "leggi anche", "czytaj te\xc5\xbc",
	"czytaj tak\xc5\xbc" "e", "zobacz te\xc5\xbc",
	"dowiedz si\xc4\x99 wi\xc4\x99" "cej", "leia tamb\xc3\xa9m",
	"lees ook", "mire", "lea tambi\xc3\xa9n", "lea adem\xc3\xa1s",
	"ver tambi\xc3\xa9n", "vea tambi\xc3\xa9n", "te puede interesar",
	"leia mais", "voir aussi", "lire plus",
};

/* Words of legal and subscription prose that no story opens with. */
static const char *const boiler_phrases[] = {
	"all rights reserved", "cookie", "privacy policy", "terms of use",
	"terms of service", "sign up for", "subscribe to", "newsletter",
	"copyright", "\xc2\xa9", "indicates required", "email address",
	"enable javascript", "javascript is disabled", "javascript enabled",
	"javascript aktivieren", "your browser", "log in", "sign in",
	/* A comment section's policy. */
	"comments are moderated", "comment policy", "community guidelines",
	/* A comment form's notes, in the languages of the pages we
	 * measure on. */
	"will not be published", "required fields", "akismet",
	"e-mail-adresse", "wird nicht ver\xc3\xb6" "ffentlicht",
	"pflichtfelder", "no ser\xc3\xa1 publicad",
	"ne sera pas publi\xc3\xa9",
	/* Appeals and notices set inside stories. */
	"advertising disclosure", "letter to the editor", "affiliate link",
	"subskrypcj", "privatsph\xc3\xa4" "re",
};

static int
is_cjk(uint32_t cp)
{
	return (cp >= 0x2e80 && cp <= 0x9fff) ||	/* CJK, kana */
	    (cp >= 0xac00 && cp <= 0xd7a3) ||		/* Hangul */
	    (cp >= 0xf900 && cp <= 0xfaff) ||
	    (cp >= 0xff00 && cp <= 0xffef) ||		/* full width */
	    (cp >= 0x20000 && cp <= 0x2fffd);
}

/* Does the unit's text end like a sentence (closing quotes aside)? */
static int
ends_sentence(const char *s, size_t n)
{
	uint32_t cp = 0;
	size_t	 i, start;

	while (n > 0) {
		/* Step back one UTF-8 character. */
		start = n - 1;
		while (start > 0 && ((unsigned char)s[start] & 0xc0) == 0x80)
			start--;
		utf8_decode(s + start, n - start, &cp);
		if (cp == '"' || cp == '\'' || cp == ')' || cp == 0x201d ||
		    cp == 0x2019 || cp == 0xbb || cp == ']' || cp == '*' ||
		    cp == 0x300d || cp == 0xff09) {
			n = start;
			continue;
		}
		break;
	}
	(void)i;
	return cp == '.' || cp == '!' || cp == '?' || cp == ':' ||
	    cp == ';' || cp == 0x2026 || cp == 0x3002 || cp == 0xff01 ||
	    cp == 0xff1f || cp == 0xff1a || cp == 0x3001 || cp == ',' ||
	    cp == 0x0964 || cp == 0x061f;
}

static int
starts_bullet(const char *s, size_t n)
{
	uint32_t cp;
	size_t	 i = 0;

	if (n == 0)
		return 0;
	utf8_decode(s, n, &cp);
	if (cp == 0x2022 || cp == 0x25cf || cp == 0x25aa || cp == 0x2013 ||
	    cp == 0x2014 || cp == 0xb7 || cp == 0x25a0 || cp == 0x2023 ||
	    cp == 0x25e6)
		return 1;
	if ((s[0] == '-' || s[0] == '*' || s[0] == '+') && n > 1 &&
	    s[1] == ' ')
		return 1;
	while (i < n && i < 3 && ascii_isdigit((unsigned char)s[i]))
		i++;
	return i > 0 && i + 1 < n && (s[i] == '.' || s[i] == ')') &&
	    s[i + 1] == ' ';
}

/* A list item's number on a line of its own ("1.", "12)"): the item's
 * text is on the next line (steps of a recipe, of a how-to). */
static int
only_number(const char *s, size_t n)
{
	size_t	 i = 0;

	while (i < n && i < 3 && ascii_isdigit((unsigned char)s[i]))
		i++;
	return i > 0 && i + 1 == n && (s[i] == '.' || s[i] == ')');
}

/* The value of a line that is a bare number ("3"), or -1. */
static int
bare_number(const char *s, size_t n)
{
	size_t	 i;
	int	 v = 0;

	if (n == 0 || n > 3)
		return -1;
	for (i = 0; i < n; i++) {
		if (!ascii_isdigit((unsigned char)s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* Does s open with a photo credit's label ("Photo:", "Foto:",
 * "Imagen:"), in the languages of the pages we measure on? */
static int
credit_label(const char *s, size_t n)
{
	static const char *const labels[] = {
		"photo:", "photos:", "image:", "credit:", "photograph:",
		"foto:", "fotos:", "bild:", "titelbild:", "bildquelle:",
		"fotocredit:", "imagen:", "image via", "bild via",
		"fot.", "foto.", "zdj\xc4\x99" "cie:",
	};
	size_t	 i;

	for (i = 0; i < sizeof labels / sizeof labels[0]; i++)
		if (has_prefix(s, n, labels[i]))
			return 1;
	return 0;
}

/* Does s open with a figure's label and number, "Abbildung 4:",
 * "Fig. 2.", "Figure 3 -"? */
static int
figure_label(const char *s, size_t n)
{
	static const char *const labels[] = {
		"abbildung ", "abb. ", "figure ", "fig. ", "figura ",
		"grafik ", "rysunek ", "rys. ",
	};
	size_t	 i, m;

	for (i = 0; i < sizeof labels / sizeof labels[0]; i++) {
		m = strlen(labels[i]);
		if (n <= m || !has_prefix(s, n, labels[i]) ||
		    !ascii_isdigit((unsigned char)s[m]))
			continue;
		while (m < n && (ascii_isdigit((unsigned char)s[m]) ||
		    s[m] == '.'))
			m++;
		if (m < n && (s[m] == ':' || s[m] == ' ' || s[m] == '-'))
			return 1;
	}
	return 0;
}

/* FNV-1a over the lower-cased text with digit runs folded to one 0. */
static uint32_t
shape_of(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	size_t	 i;
	int	 digit = 0;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (ascii_isdigit(c)) {
			if (digit)
				continue;
			digit = 1;
			c = '0';
		} else {
			digit = 0;
			c = (unsigned char)ascii_tolower(c);
		}
		h = (h ^ c) * 16777619u;
	}
	return h;
}

/*
 * Compares n bytes of s with the lower-case p, ASCII case ignored and
 * the upper-case letters of Latin-1 (U+00C0..U+00DE, but U+00D7) folded
 * to lower case: "Über" matches "über".  0 if equal.
 */
static int
latin_casecmp(const char *s, const char *p, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		unsigned char a = (unsigned char)s[i], b = (unsigned char)p[i];

		if (i > 0 && (unsigned char)s[i - 1] == 0xc3 && a >= 0x80 &&
		    a <= 0x9e && a != 0x97)
			a += 0x20;
		else
			a = (unsigned char)ascii_tolower(a);
		if (a != b)
			return 1;
	}
	return 0;
}

/* Does s open with one of the link labels and a colon? */
static int
labelled_link(const char *s, size_t n)
{
	size_t	 i, m;

	for (i = 0; i < sizeof link_labels / sizeof link_labels[0]; i++) {
		m = strlen(link_labels[i]);
		if (n > m + 1 && s[m] == ':' &&
		    latin_casecmp(s, link_labels[i], m) == 0)
			return 1;
	}
	return 0;
}

/* The text lower-cased and stripped of punctuation at the ends equals
 * one of the phrases? */
static int
matches_phrase(const char *s, size_t n, const char *const *list,
    size_t count)
{
	size_t	 i, m;

	while (n > 0 && !ascii_isalpha((unsigned char)s[0]) &&
	    (unsigned char)s[0] < 0x80) {
		s++;
		n--;
	}
	while (n > 0 && !ascii_isalpha((unsigned char)s[n - 1]) &&
	    (unsigned char)s[n - 1] < 0x80)
		n--;
	for (i = 0; i < count; i++) {
		m = strlen(list[i]);
		if (m == n && latin_casecmp(s, list[i], n) == 0)
			return 1;
	}
	return 0;
}

/*
 * A line of program text: ends in an opening or closing bracket or a
 * semicolon, or has more operator characters than a sentence would.
 */
static int
looks_code(const struct unit *u)
{
	size_t	 i, ops = 0;
	char	 last;

	/* An empty unit (fuzz_extract_text found one) has no last byte. */
	if (u->n == 0 || u->words > 12)
		return 0;
	last = u->s[u->n - 1];
	if (last == '{' || last == '}' || last == ';' || last == '[' ||
	    last == ']' || (last == ')' && u->n > 1 && u->s[u->n - 2] == '('))
		return 1;
	for (i = 0; i < u->n; i++)
		if (strchr("{}[];=<>()/\\$&|", u->s[i]) != NULL)
			ops++;
	return ops * 6 > u->n && ops >= 3;
}

/*
 * Does s (n bytes, not NUL-terminated: a line of the input) start with
 * p, ASCII case ignored?  Never reads past s + n.
 */
static int
has_prefix(const char *s, size_t n, const char *p)
{
	size_t	 m = strlen(p);

	return n >= m && ascii_ncasecmp(s, p, m) == 0;
}

/* Is needle in s (n bytes), ASCII case ignored, where a word starts:
 * "sign in" is not in "design in"? */
static int
word_casestr(const char *s, size_t n, const char *needle)
{
	size_t	 m = strlen(needle), i;

	for (i = 0; i + m <= n; i++) {
		if (i > 0 && (ascii_isalpha((unsigned char)s[i - 1]) ||
		    ascii_isdigit((unsigned char)s[i - 1]) ||
		    (unsigned char)s[i - 1] >= 0x80))
			continue;
		if (ascii_ncasecmp(s + i, needle, m) == 0)
			return 1;
	}
	return 0;
}

static void
measure(struct unit *u)
{
	size_t	 i = 0, cjk = 0, k;
	uint32_t cp;
	int	 in = 0;

	u->words = u->capwords = u->letterwords = u->commas = 0;
	while (i < u->n) {
		size_t len = utf8_decode(u->s + i, u->n - i, &cp);

		if (cp == ' ' || cp == '\t' || cp == 0xa0) {
			in = 0;
		} else {
			if (!in) {
				in = 1;
				u->words++;
				if (cp < 0x80 && ascii_isalpha((int)cp)) {
					u->letterwords++;
					if (cp >= 'A' && cp <= 'Z')
						u->capwords++;
				} else if (cp >= 0xc0 && !is_cjk(cp)) {
					/* Latin-1 and other scripts: a letter
					 * whose case we judge by its first
					 * byte range only roughly. */
					u->letterwords++;
					if ((cp >= 0xc0 && cp <= 0xde) ||
					    (cp >= 0x410 && cp <= 0x42f) ||
					    (cp >= 0x391 && cp <= 0x3a9))
						u->capwords++;
				}
			}
			if (is_cjk(cp))
				cjk++;
			if (cp == ',' || cp == 0x3001 || cp == 0xff0c)
				u->commas++;
		}
		i += len;
	}
	u->weight = u->words + cjk / 2;
	u->end_punct = ends_sentence(u->s, u->n);
	u->bullet = starts_bullet(u->s, u->n);
	u->row = memchr(u->s, '\t', u->n) != NULL;
	u->number = only_number(u->s, u->n);
	u->code = looks_code(u);
	u->url = u->words == 1 && (has_prefix(u->s, u->n, "http://") ||
	    has_prefix(u->s, u->n, "https://") ||
	    has_prefix(u->s, u->n, "www."));
	u->shape = shape_of(u->s, u->n);
	u->marker = u->words <= MARKER_WORDS_MAX && matches_phrase(u->s, u->n, markers,
	    sizeof markers / sizeof markers[0]);
	u->inline_marker = u->words <= MARKER_WORDS_MAX &&
	    matches_phrase(u->s, u->n, inline_markers,
	    sizeof inline_markers / sizeof inline_markers[0]);
	/* "Read also: Headline" on one line: a link to another story. */
	if (!u->inline_marker && u->words <= HEADLINE_WORDS_MAX &&
	    labelled_link(u->s, u->n))
		u->inline_marker = 1;
	if (u->inline_marker)
		u->marker = 1;
	u->boiler = 0;
	for (k = 0; k < sizeof boiler_phrases / sizeof boiler_phrases[0]; k++)
		if (word_casestr(u->s, u->n, boiler_phrases[k]))
			u->boiler++;
	/* A long paragraph may name one of them ("copyright law"): it is
	 * legal text when it names two. */
	if (u->boiler == 1 && u->words > BOILER_ONE_WORDS_MAX)
		u->boiler = 0;
	/* Photo credits: "(Name / Agency)", "Photo: ...", "Image: ...". */
	u->caption = 0;
	if (u->n > 2 && u->s[u->n - 1] == ')') {
		const char *open = NULL;

		for (i = u->n; i-- > 0;)
			if (u->s[i] == '(') {
				open = u->s + i;
				break;
			}
		if (open != NULL && memchr(open, '/', (size_t)(u->s + u->n -
		    open)) != NULL && u->s + u->n - open < 80)
			u->caption = 1;
		/* "(Foto: Privat)", "(Photo: AP)" closing a caption. */
		if (open != NULL && u->s + u->n - open < 80 &&
		    credit_label(open + 1, (size_t)(u->s + u->n - open - 1)))
			u->caption = 1;
	}
	if (credit_label(u->s, u->n) ||
	    has_prefix(u->s, u->n, "photo by") ||
	    has_prefix(u->s, u->n, "image credit") ||
	    ascii_casestr(u->s, u->n, "getty images") ||
	    ascii_casestr(u->s, u->n, "shutterstock"))
		u->caption = 1;
	/* "Abbildung 4: ...", "Fig. 2. ...": a figure's caption. */
	if (figure_label(u->s, u->n))
		u->caption = 1;
	/* "The minister in Prague, photo: Government archive": a credit
	 * after a comma, a bar, a slash or a sentence in a short line. */
	if (u->words <= CAPTION_WORDS_MAX)
		for (i = 0; i + 2 < u->n; i++)
			if ((u->s[i] == ',' || u->s[i] == '|' || u->s[i] == '/' ||
			    u->s[i] == '.') &&
			    u->s[i + 1] == ' ' &&
			    credit_label(u->s + i + 2, u->n - i - 2)) {
				u->caption = 1;
				break;
			}
}

static int
add_unit(struct text_ctx *c, const char *s, size_t n, size_t line,
    int blank_before)
{
	struct unit *u;

	if (c->n == c->cap) {
		size_t ncap = c->cap ? c->cap * 2 : 256;

		if (c->n >= TEXT_LINES_MAX)
			return 0;
		u = reallocarray(c->u, ncap, sizeof *u);
		if (u == NULL)
			return -1;
		c->u = u;
		c->cap = ncap;
	}
	u = &c->u[c->n++];
	memset(u, 0, sizeof *u);
	u->s = s;
	u->n = n;
	u->line = line;
	u->blank_before = blank_before;
	return 0;
}

/*
 * Joins runs of hard-wrapped lines (a <pre> or a plain-text page): two
 * or more lines without a blank between them, all but the last of about
 * the same, long width, none a list item.  The run becomes one unit.
 */
static int
join_wrapped(struct text_ctx *c)
{
	size_t	 i, j, k, maxw, lower;
	struct buf b;

	for (i = 0; i < c->n; i = j) {
		maxw = 0;
		for (j = i + 1; j < c->n && !c->u[j].blank_before &&
		    !c->u[j].bullet; j++)
			;
		if (j - i < 3)
			continue;
		for (k = i; k < j; k++)
			if (c->u[k].n > maxw)
				maxw = c->u[k].n;
		if (maxw < 50 || maxw > 100)
			continue;
		lower = 0;
		for (k = i; k + 1 < j; k++) {
			if (c->u[k].n * 10 < maxw * 8 || c->u[k].bullet)
				break;
			if ((unsigned char)c->u[k + 1].s[0] >= 'a' &&
			    (unsigned char)c->u[k + 1].s[0] <= 'z')
				lower++;
		}
		/* Wrapping breaks sentences: some line goes on in lower
		 * case, unless the run is long (a wrapped page). */
		if (k + 1 < j || (lower == 0 && j - i < 5))
			continue;
		buf_init(&b, TEXT_LINE_MAX_BYTES);
		for (k = i; k < j; k++) {
			if ((k > i && buf_putc(&b, ' ') != BUF_OK) ||
			    buf_append(&b, c->u[k].s, c->u[k].n) != BUF_OK)
				break;
		}
		if (k < j) {
			buf_release(&b);
			continue;
		}
		c->u[i].joined = buf_take(&b);
		if (c->u[i].joined == NULL)
			return -1;
		c->u[i].s = c->u[i].joined;
		c->u[i].n = strlen(c->u[i].joined);
		c->u[i].blank_after = c->u[j - 1].blank_after;
		memmove(&c->u[i + 1], &c->u[j], (c->n - j) * sizeof c->u[0]);
		c->n -= j - i - 1;
		j = i + 1;
	}
	return 0;
}

/* Nothing but invisible characters (zero-width spaces, joiners, BOM)? */
static int
invisible(const char *s, size_t n)
{
	size_t	 i = 0;
	uint32_t cp;

	while (i < n) {
		i += utf8_decode(s + i, n - i, &cp);
		if (!(cp == ' ' || cp == '\t' || cp == 0xa0 || cp == 0xad ||
		    (cp >= 0x200b && cp <= 0x200f) || cp == 0x2060 ||
		    cp == 0xfeff || cp == 0x3000))
			return 0;
	}
	return 1;
}

/* Cuts data into units, one per non-empty line. */
static int
split_lines(struct text_ctx *c, const char *data, size_t n)
{
	const char *p = data, *end = data + n, *nl;
	size_t	 line = 0, len;
	int	 blank = 1;

	if (n >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	for (; p < end; p = nl + 1, line++) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			nl = end;
		len = (size_t)(nl - p);
		while (len > 0 && ascii_isspace((unsigned char)p[len - 1]))
			len--;
		while (len > 0 && (ascii_isspace((unsigned char)*p) ||
		    (len >= 2 && (unsigned char)p[0] == 0xc2 &&
		    (unsigned char)p[1] == 0xa0))) {
			size_t step = ascii_isspace((unsigned char)*p) ? 1 : 2;

			p += step;
			len -= step;
		}
		if (len == 0 || invisible(p, len)) {
			if (c->n > 0)
				c->u[c->n - 1].blank_after = 1;
			blank = 1;
			continue;
		}
		if (len > TEXT_LINE_MAX_BYTES)
			len = utf8_fit(p, TEXT_LINE_MAX_BYTES,
			    TEXT_LINE_MAX_BYTES);
		if (add_unit(c, p, len, line, blank) == -1)
			return -1;
		c->u[c->n - 1].indent = p > data && p[-1] != '\n' &&
		    ascii_isspace((unsigned char)p[-1]);
		blank = 0;
	}
	if (c->n > 0)
		c->u[c->n - 1].blank_after = 1;
	return 0;
}

/* Counts units of each shape: open addressing over a power of two.
 * Also marks the units printed again only far away from themselves. */
static int
count_shapes(struct text_ctx *c)
{
	struct slot {
		uint32_t shape;
		uint32_t count;
		size_t	 last;		/* 1 + the unit seen last */
	}	*t;
	size_t	 size = 64, i, h;

	while (size < c->n * 2)
		size *= 2;
	if ((t = calloc(size, sizeof *t)) == NULL)
		return -1;
	for (i = 0; i < c->n; i++) {
		for (h = c->u[i].shape & (size - 1); t[h].count != 0 &&
		    t[h].shape != c->u[i].shape; h = (h + 1) & (size - 1))
			;
		t[h].shape = c->u[i].shape;
		t[h].count++;
		c->u[i].slot = h;
	}
	/* Forward, the copy before each unit; backward, the one after. */
	for (i = 0; i < c->n; i++) {
		h = c->u[i].slot;
		c->u[i].repeats = (int)t[h].count;
		if (t[h].last > 0)
			copy_at(&c->u[i], i - (t[h].last - 1));
		t[h].last = i + 1;
	}
	for (h = 0; h < size; h++)
		t[h].last = 0;
	for (i = c->n; i-- > 0;) {
		h = c->u[i].slot;
		if (t[h].last > 0) {
			copy_at(&c->u[i], t[h].last - 1 - i);
			c->u[i].next_copy = t[h].last;
		}
		t[h].last = i + 1;
	}
	for (i = 0; i < c->n; i++)
		c->u[i].far_copy = c->u[i].far_copy && !c->u[i].near_copy;
	free(t);
	return 0;
}

/* A copy of u is dist units away. */
static void
copy_at(struct unit *u, size_t dist)
{
	if (dist > COPY_NEAR_UNITS)
		u->far_copy = 1;
	else
		u->near_copy = 1;
}

static int
headline_like(const struct unit *u)
{
	return u->words >= 2 && u->words <= HEADLINE_WORDS_MAX &&
	    u->weight >= 2 && !u->end_punct && !u->marker && !u->bullet &&
	    u->repeats < 2;
}

/* Mostly capitalised words: a headline or a menu, not a sentence. */
static int
title_case(const struct unit *u)
{
	return u->letterwords >= 3 && u->capwords * 10 >= u->letterwords * 6;
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
		if ((v = bare_number(c->u[i].s, c->u[i].n)) < 0)
			continue;
		for (j = i + 1; j < c->n && j <= i + STEP_GAP_MAX; j++)
			if (bare_number(c->u[j].s, c->u[j].n) >= 0)
				break;
		if (j >= c->n || j > i + STEP_GAP_MAX ||
		    bare_number(c->u[j].s, c->u[j].n) != v + 1)
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

static void
classify(struct text_ctx *c)
{
	size_t	 i, j, m, run, nd;

	find_qty_lists(c);
	find_step_numbers(c);
	for (i = 0; i < c->n; i++) {
		struct unit *u = &c->u[i];
		int	 p = u->blank_before || u->blank_after;

		if ((u->weight >= PROSE_WEIGHT && u->end_punct &&
		    !title_case(u)) || u->weight >= PROSE_WEIGHT_ANY)
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
		    (u->words > 4 && !title_case(u))) {
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
static long
best_run(const struct text_ctx *c, size_t *s, size_t *e)
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

/*
 * Teaser cards inside the story: two to four consecutive lines, not set
 * off by blank lines from each other, where the first is headline-like
 * and the paragraphs around are blank-separated.  Marks them teaser.
 */
static void
find_teasers(struct text_ctx *c, size_t s, size_t e)
{
	size_t	 i, j, k;

	for (i = s; i < e; i = j) {
		/* A card that starts in the story may end past it. */
		for (j = i + 1; j < c->n && !c->u[j].blank_before &&
		    (j < e || j < i + 4); j++)
			;
		if (j - i < 2 || j - i > 4 || !headline_like(&c->u[i]) ||
		    c->u[i].qty == QTY_PROPERTY)
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

static int
add_teaser(struct text_ctx *c, struct article *a, size_t i)
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
static size_t
byline_prefix(const struct unit *u)
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
static int
find_meta(struct text_ctx *c, struct article *a, size_t s, size_t e)
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
		    has_prefix(u->s, u->n, "copyright")))
			continue;
		for (j = 0; j < u->n && !ascii_isalpha((unsigned char)u->s[j]);
		    j++)
			if (u->s[j] == (char)0xc2)
				j++;
		if (has_prefix(u->s + j, u->n - j, "copyright"))
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

/* Cut short with "..." or U+2026: a teaser's summary. */
static int
ends_ellipsis(const char *s, size_t n)
{
	return (n >= 3 && memcmp(s + n - 3, "...", 3) == 0) ||
	    (n >= 3 && memcmp(s + n - 3, "\xe2\x80\xa6", 3) == 0);
}

/* Prose that can open a story: a sentence-case paragraph, not a
 * caption, legal text or a template's. */
static int
lead_paragraph(const struct unit *u)
{
	return u->kind == UNIT_PROSE && u->score > 0 && u->end_punct &&
	    !ends_ellipsis(u->s, u->n) &&
	    !title_case(u) && !u->caption && !u->boiler && u->repeats < 2 &&
	    byline_prefix(u) == 0;
}

/* Is there a byline or a date among the units [i, e)?  A standfirst
 * stands above them, and is not the story's first paragraph. */
static int
dated(const struct text_ctx *c, size_t i, size_t e)
{
	struct date d;
	size_t	 ds, de;

	for (; i < e; i++)
		if (byline_prefix(&c->u[i]) > 0 || date_find(c->u[i].s,
		    c->u[i].n, &d, &ds, &de) == 0)
			return 1;
	return 0;
}

/* A short line that reads like a sentence's part: a line of a verse,
 * of a quotation, not a heading, a label or a template's. */
static int
text_line(const struct unit *u)
{
	return u->kind == UNIT_SHORT && u->words >= TEXT_LINE_WORDS &&
	    !title_case(u) && !u->caption && !u->marker && !u->boiler &&
	    !u->url && !u->code && u->repeats < 2 && !u->dateline;
}

/*
 * Widens [*s, *e) over what belongs to the story and narrows it past the
 * chrome at its ends, then marks the units to keep.
 */
static void
shape_story(struct text_ctx *c, size_t *sp, size_t *ep)
{
	size_t	 s = *sp, e = *ep, i, j, m;

	/* Start and end on what counts for the story. */
	while (s < e && c->u[s].score <= 0)
		s++;
	while (e > s && c->u[e - 1].score <= 0)
		e--;
	/* A lead-in before the first paragraph: sentence-case text set off
	 * by a blank line, not a caption, a byline or a date. */
	while (s > 0) {
		const struct unit *u = &c->u[s - 1];
		struct date d;
		size_t	 ds, de;

		if (u->weight < 4 || title_case(u) || u->caption ||
		    u->marker || u->repeats >= 2 || u->boiler ||
		    !u->blank_after || u->blank_before || byline_prefix(u) > 0 ||
		    date_find(u->s, u->n, &d, &ds, &de) == 0)
			break;
		s--;
	}
	/* A headline over the first paragraph is the title, not text. */
	if (s + 1 < e && c->u[s].kind == UNIT_SHORT &&
	    headline_like(&c->u[s]) && !c->u[s].qty && !c->u[s].row &&
	    c->u[s + 1].kind == UNIT_PROSE)
		s++;
	/* A lead paragraph kept apart from the story by a share bar, a
	 * dateline or an advertisement's label: prose a few short lines
	 * before it.  The lines between stay out. */
	for (;;) {
		for (j = s; j-- > 0 && s - j <= LEAD_GAP_MAX;) {
			const struct unit *u = &c->u[j];

			if (u->kind == UNIT_PROSE || u->marker || u->boiler)
				break;
		}
		if (j == (size_t)-1 || s - j > LEAD_GAP_MAX || s - j < 2)
			break;
		if (!lead_paragraph(&c->u[j]) || dated(c, j + 1, s))
			break;
		for (i = j + 1; i < s; i++)
			c->u[i].gap = 1;
		s = j;
	}
	/* Items of a list or short paragraphs right after the story, as
	 * long as they read like text. */
	while (e < c->n) {
		const struct unit *u = &c->u[e];

		if (u->kind == UNIT_SHORT || u->marker || u->repeats >= 2 ||
		    u->boiler || u->caption)
			break;
		e++;
	}
	for (i = s; i < e; i++) {
		struct unit *u = &c->u[i];

		u->keep = !u->gap;
		if (u->caption || u->marker || (u->kind != UNIT_PROSE &&
		    u->repeats >= 2))
			u->keep = 0;
		/* Legal and subscription text inside the story goes. */
		if (u->boiler)
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
				u->keep = u->bullet || u->row || u->qty;
			if (u->weight < 1)
				u->keep = 0;
		}
	}
	*sp = s;
	*ep = e;
}

int
extract_text(const char *data, size_t n, const struct extract_opts *opts,
    struct article **out, struct errbuf *eb)
{
	struct text_ctx c;
	struct article *a = NULL;
	size_t	 s, e, i;
	long	 best;

	memset(&c, 0, sizeof c);
	c.opts = opts;
	c.eb = eb;
	if (split_lines(&c, data, n) == -1)
		goto nomem;
	for (i = 0; i < c.n; i++)
		c.u[i].bullet = starts_bullet(c.u[i].s, c.u[i].n);
	if (join_wrapped(&c) == -1)
		goto nomem;
	for (i = 0; i < c.n; i++)
		measure(&c.u[i]);
	/* A paragraph whose next line is a photo's credit ("Photo: Name,
	 * Agency") is the photo's caption. */
	for (i = 0; i + 1 < c.n; i++)
		if (c.u[i + 1].caption && !c.u[i + 1].blank_before &&
		    credit_label(c.u[i + 1].s, c.u[i + 1].n) &&
		    c.u[i].weight <= CAPTION_TEXT_MAX)
			c.u[i].caption = 1;
	if (count_shapes(&c) == -1)
		goto nomem;
	classify(&c);
	if ((a = article_new()) == NULL)
		goto nomem;
	best = best_run(&c, &s, &e);
	if (best <= 0) {
		/* No prose at all: a tiny page.  Keep every line. */
		s = 0;
		e = c.n;
		for (i = 0; i < c.n; i++)
			c.u[i].keep = !c.u[i].marker;
	} else {
		shape_story(&c, &s, &e);
		find_teasers(&c, s, e);
	}
	if (find_meta(&c, a, s, e) == -1)
		goto nomem;
	for (i = s; i < e; i++) {
		const struct unit *u = &c.u[i];

		if (u->teaser == 1 && add_teaser(&c, a, i) == -1)
			goto nomem;
		if (!u->keep || u->teaser)
			continue;
		if (article_add_block(a, u->bullet ? BLOCK_LIST_ITEM :
		    BLOCK_PARAGRAPH, u->bullet ? 1 : 0, u->s, u->n) == -1)
			goto nomem;
	}
	article_drop_trailing_labels(a);
	if (a->nblocks == 0) {
		errbuf_set(eb, "%s: no article text found", opts->where);
		goto fail;
	}
	for (i = 0; i < c.n; i++)
		free(c.u[i].joined);
	free(c.u);
	*out = a;
	return 0;
nomem:
	errbuf_set(eb, "%s: out of memory", opts->where);
fail:
	for (i = 0; i < c.n; i++)
		free(c.u[i].joined);
	free(c.u);
	article_free(a);
	return -1;
}
