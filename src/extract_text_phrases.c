/*
 * extract_text_phrases: the phrase lists (section markers, link labels,
 * legal and subscription prose) and the tests on one unit's own text:
 * sentence ends, list numbers, credits, shapes; measure() fills a unit
 * from them.
 * (See extract_text.c for the whole.)
 */
#include <stdlib.h>
#include <string.h>

#include "extract_text_int.h"

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

/* Does the unit's text end like a sentence? */
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
		/* Closing quotes and brackets (German ones close with
		 * U+201C and U+2018), and the white space a copy leaves
		 * after the stop (U+00A0 from "&nbsp;"), aside. */
		if (cp == '"' || cp == '\'' || cp == ')' || cp == 0x201d ||
		    cp == 0x201c || cp == 0x2018 ||
		    cp == ' ' || cp == '\t' || cp == 0xa0 ||
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

int
xt_starts_bullet(const char *s, size_t n)
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
int
xt_bare_number(const char *s, size_t n)
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
int
xt_credit_label(const char *s, size_t n)
{
	static const char *const labels[] = {
		"photo:", "photos:", "image:", "credit:", "photograph:",
		"foto:", "fotos:", "bild:", "titelbild:", "bildquelle:",
		"fotocredit:", "imagen:", "image via", "bild via",
		"fot.", "foto.", "zdj\xc4\x99" "cie:",
	};
	size_t	 i;

	for (i = 0; i < sizeof labels / sizeof labels[0]; i++)
		if (xt_has_prefix(s, n, labels[i]))
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
		if (n <= m || !xt_has_prefix(s, n, labels[i]) ||
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
int
xt_has_prefix(const char *s, size_t n, const char *p)
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

void
xt_measure(struct unit *u)
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
	u->bullet = xt_starts_bullet(u->s, u->n);
	u->row = memchr(u->s, '\t', u->n) != NULL;
	u->number = only_number(u->s, u->n);
	u->code = looks_code(u);
	u->url = u->words == 1 && (xt_has_prefix(u->s, u->n, "http://") ||
	    xt_has_prefix(u->s, u->n, "https://") ||
	    xt_has_prefix(u->s, u->n, "www."));
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
		    xt_credit_label(open + 1,
		    (size_t)(u->s + u->n - open - 1)))
			u->caption = 1;
	}
	if (xt_credit_label(u->s, u->n) || (u->n > 1 && u->s[0] == '(' &&
	    xt_credit_label(u->s + 1, u->n - 1)) ||
	    xt_has_prefix(u->s, u->n, "photo by") ||
	    xt_has_prefix(u->s, u->n, "image credit") ||
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
			    xt_credit_label(u->s + i + 2, u->n - i - 2)) {
				u->caption = 1;
				break;
			}
}
