/*
 * extract_text_phrases: the phrase lists, in the languages of the pages
 * we measure on (section markers, pager and link labels, legal and
 * subscription prose, appeals, source and info labels, buttons and
 * prompts, photo credits), and the matchers that mark a unit by them.
 * Runs on a measured unit: uses extract_text_measure.c, never the
 * other way round.
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
	/* A theme's labels for screen readers: what follows the story. */
	"sidebar", "primary sidebar", "secondary sidebar", "main sidebar",
	"haupt-sidebar", "seitenleiste", "reader interactions",
	/* An editor's tip, news in brief, a box to report an error. */
	"editor's pick", "redaktionstipp", "tipp der redaktion",
	"kurz notiert", "kurzmeldungen", "in brief", "en bref",
	"report an error", "fehler gefunden", "fehler melden",
	"reporte un error", "signaler une erreur",
	/* A site's search cloud. */
	"meist gesucht", "meistgesucht", "beliebte suchen",
	"popular searches", "most searched",
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
	/* A blog's trackbacks, which open its comments. */
	"trackback url", "trackback-url", "trackback uri", "trackbacks",
	"pingbacks", "trackbacks and pingbacks",
	"weitere themen", "mehr themen", "weitere interessante themen",
	"artikel und videos zum thema", "more topics", "autres sujets",
	"otros temas",
	"neueste beiträge", "beliebte beiträge", "weitere beiträge",
	"articles similaires", "sur le même sujet", "laisser un commentaire",
	"à voir aussi", "noticias relacionadas", "otras noticias",
	"artículos relacionados", "te puede interesar", "deja un comentario",
	"más noticias", "relacionados", "relacionadas", "relacionado",
	"articoli correlati", "lascia un commento",
	"polecamy", "notícias relacionadas", "deixe um comentário",
	"gerelateerde artikelen",
	/* Related, recommended and further reading in Chinese. */
	"\xe7\x83\xad\xe9\x97\xa8\xe6\x8e\xa8\xe8\x8d\x90",	/* 热门推荐 */
	"\xe6\x8e\xa8\xe8\x8d\x90\xe9\x98\x85\xe8\xaf\xbb",	/* 推荐阅读 */
	"\xe7\x9b\xb8\xe5\x85\xb3\xe6\x96\xb0\xe9\x97\xbb",	/* 相关新闻 */
	"\xe7\x9b\xb8\xe5\x85\xb3\xe9\x98\x85\xe8\xaf\xbb",	/* 相关阅读 */
	"\xe5\xbb\xb6\xe4\xbc\xb8\xe9\x98\x85\xe8\xaf\xbb",	/* 延伸阅读 */
};

/* Labels opening a list of more of the site's stories, before what
 * they list: "Entdecke weitere Homestorys", "Discover more recipes". */
static const char *const discover_labels[] = {
	"discover more", "explore more", "entdecke weitere",
	"entdecken sie weitere", "entdecke mehr", "d\xc3\xa9" "couvrez aussi",
	"descubre m\xc3\xa1s", "odkryj wi\xc4\x99" "cej",
};

/* Labels of the links to the site's previous and next stories, each
 * before its headline: "Article suivant Headline", "Next post". */
static const char *const pager_labels[] = {
	"previous article", "next article", "previous post", "next post",
	"older post", "newer post", "vorheriger artikel",
	"n\xc3\xa4" "chster artikel", "vorheriger beitrag",
	"n\xc3\xa4" "chster beitrag", "article pr\xc3\xa9" "c\xc3\xa9" "dent",
	"article pr\xc3\xa9" "cedent", "article suivant",
	"art\xc3\xad" "culo anterior", "art\xc3\xad" "culo siguiente",
	"poprzedni artyku\xc5\x82", "nast\xc4\x99pny artyku\xc5\x82",
};

/* Markers of a teaser set inside the story ("Read also" and a headline):
 * the teaser goes, the story goes on after it. */
static const char *const inline_markers[] = {
	"read also", "also read", "lesen sie auch", "lire aussi",
	"à lire aussi", "lee también", "leggi anche", "czytaj też",
	"czytaj także", "zobacz też", "leia também", "lees ook",
	"lue my\xc3\xb6s", "l\xc3\xa4s ocks\xc3\xa5", "les ogs\xc3\xa5",
	"l\xc3\xa6s ogs\xc3\xa5",
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
	"lue my\xc3\xb6s", "l\xc3\xa4s ocks\xc3\xa5", "les ogs\xc3\xa5",
	"l\xc3\xa6s ogs\xc3\xa5",
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
	"advertising disclosure", "advertising disclaimer",
	"letter to the editor", "affiliate link",
	/* A privacy notice's address to the reader. */
	"ohne ihre einwilligung", "without your consent",
	"subskrypcj", "privatsph\xc3\xa4" "re",
};

/* Appeals for the site's upkeep, whole words: a donation, support, a
 * subscription one may cancel at any time. */
static const char *const appeal_phrases[] = {
	"jede kleine spende", "jetzt spenden", "spenden sie",
	"unterst\xc3\xbc" "tzen sie uns", "support us", "support our work",
	"donate now", "please donate", "wesprzyj", "ap\xc3\xb3" "yanos",
	"cancel anytime", "cancel at any time", "jederzeit k\xc3\xbc" "ndbar",
	"cancela cuando quieras",
};

/* The labels over a story's sources and further reading: the label
 * goes, the list under it stays (some count it the story's). */
static const char *const source_labels[] = {
	"explore further", "further information", "more information",
	"references", "sources", "original publication",
	"weitere informationen", "zusatzinformationen", "quellen",
	"quellenangaben", "originalpublikation", "literatur",
	"r\xc3\xa9" "f\xc3\xa9" "rences", "referencias", "fuentes",
	"\xc5\xba" "r\xc3\xb3" "d\xc5\x82" "a", "bibliografia",
};

/* The link that ends a teaser's blurb, after its last sentence: "...
 * the reasons. mehr", "... Polsce. [czytaj więcej]". */
static const char *const more_links[] = {
	"more", "read more", "mehr", "weiterlesen", "mehr lesen",
	"czytaj wi\xc4\x99" "cej", "wi\xc4\x99" "cej", "leer m\xc3\xa1s",
	"ver m\xc3\xa1s", "seguir leyendo", "lire la suite",
	"continue reading",
};

/* Labels of a pointer to more information elsewhere, opening a short
 * line: "Weitere Infos unter www.example.org", "More information:". */
static const char *const info_labels[] = {
	"more info", "more information", "further information",
	"weitere infos", "weitere informationen", "mehr infos",
	"mehr informationen", "plus d'infos", "plus d'informations",
	"m\xc3\xa1s informaci\xc3\xb3n", "wi\xc4\x99" "cej informacji",
};

/* The acts of a page's buttons ("Print Recipe", "Rezept drucken",
 * "Jetzt registrieren", "Buch bestellen"): a short line naming one is a
 * button's label, not a subheading. */
static const char *const button_acts[] = {
	"print", "drucken", "pinnen", "speichern", "download",
	"herunterladen", "bestellen", "registrieren", "imprimir", "imprimer",
	"drukuj", "pobierz", "descargar", "t\xc3\xa9l\xc3\xa9" "charger",
	"stampa",
};

/* A reader's prompt on the story itself ("War der Artikel nützlich?",
 * "Share this post", "Hier können Sie den Artikel bewerten"): a short
 * line naming the story and an act on it. */
static const char *const prompt_nouns[] = {
	"article", "artikel", "beitrag", "post", "story",
	"art\xc3\xad" "culo", "artyku\xc5\x82",
};

static const char *const prompt_acts[] = {
	"share", "teilen", "rate", "bewerten", "helpful", "useful",
	"hilfreich", "n\xc3\xbctzlich", "compartir", "partager",
	"udost\xc4\x99pnij", "oce\xc5\x84",
};

/* Marks of a photo's caption or credit anywhere in a short line: an
 * image's button ("Vergrößern", "click to enlarge"), a stand-in photo
 * ("Symbolbild", "file photo"), a picture's licence ("CC BY-SA",
 * "public domain"), where its people stand ("(l.)", "(v. l.)").  A
 * copyright sign counts after the line's start (at its start it opens
 * the page's legal line). */
static const char *const credit_marks[] = {
	"vergr\xc3\xb6\xc3\x9f" "ern", "enlarge", "symbolbild", "symbolfoto",
	"archivbild", "archivfoto", "file photo", "stock photo", "cc by",
	"cc-by", "cc0", "public domain", "domena publiczna", "gemeinfrei",
	"dominio p\xc3\xba" "blico",
	/* Where the people in the photo stand: "Jane Roe (l.) and ...". */
	" (l.)", " (r.)", " (li.)", " (re.)", " (m.)", "(v.l.)", "(v. l.)",
	"(from left)", "(von links)",
};

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
		/* A post's lead picture. */
		"beitragsbild:", "featured image:", "titelfoto:",
		"aufmacherbild:", "headerbild:",
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

/* Strips a list's marks and punctuation off the start of s. */
static size_t
skip_marks(const char *s, size_t n)
{
	size_t	 i = 0;

	while (i < n && !ascii_isalpha((unsigned char)s[i]) &&
	    (unsigned char)s[i] < 0x80)
		i++;
	if (i + 3 <= n && (memcmp(s + i, "\xe2\x80\x93", 3) == 0 ||
	    memcmp(s + i, "\xe2\x80\xa2", 3) == 0))
		i += 3;
	while (i < n && s[i] == ' ')
		i++;
	return i;
}

/* Does s open with one of the count labels in list, then a blank or
 * its end? */
static int
opens_with_label(const char *s, size_t n, const char *const *list,
    size_t count)
{
	size_t	 i, m, k = skip_marks(s, n);

	for (i = 0; i < count; i++) {
		m = strlen(list[i]);
		if (n - k >= m && latin_casecmp(s + k, list[i], m) == 0 &&
		    (n - k == m || s[k + m] == ' '))
			return 1;
	}
	return 0;
}

/* A marker glued to what follows it, where a copy lost the break:
 * "KomentarzeLiczba komentarzy: 6", "Related TopicsEpic Games".  A
 * lower-case letter, then an upper-case one or a digit; only markers
 * of GLUED_MARKER_MIN bytes or more ("SharePoint" is a name). */
static int
glued_marker(const char *s, size_t n)
{
	size_t	 i, m, k = skip_marks(s, n);
	unsigned char last, next;

	for (i = 0; i < sizeof markers / sizeof markers[0]; i++) {
		m = strlen(markers[i]);
		if (m < GLUED_MARKER_MIN || n - k <= m ||
		    latin_casecmp(s + k, markers[i], m) != 0)
			continue;
		last = (unsigned char)s[k + m - 1];
		next = (unsigned char)s[k + m];
		if (last >= 'a' && last <= 'z' && ((next >= 'A' &&
		    next <= 'Z') || ascii_isdigit(next)))
			return 1;
	}
	return 0;
}

/* A byte of a word: a letter, a digit or part of a UTF-8 letter. */
static int
word_byte(unsigned char c)
{
	return ascii_isalpha(c) || ascii_isdigit(c) || c >= 0x80;
}

/* Is needle in s (n bytes), ASCII case ignored, where a word starts
 * ("sign in" is not in "design in") and, when whole, where one ends?
 * Inline: out of line, the call on every phrase of every unit costs
 * 1.6% of a text copy's extraction. */
static inline int
word_find(const char *s, size_t n, const char *needle, int whole)
{
	size_t	 m = strlen(needle), i;
	int	 c0 = ascii_tolower((unsigned char)needle[0]);

	for (i = 0; i + m <= n; i++) {
		/* the first byte first: called for every phrase of a list
		 * on every unit */
		if (ascii_tolower((unsigned char)s[i]) != c0)
			continue;
		if (i > 0 && word_byte((unsigned char)s[i - 1]))
			continue;
		if (whole && i + m < n && word_byte((unsigned char)s[i + m]))
			continue;
		if (ascii_ncasecmp(s + i, needle, m) == 0)
			return 1;
	}
	return 0;
}

static int
word_casestr(const char *s, size_t n, const char *needle)
{
	return word_find(s, n, needle, 0);
}

/* Does s hold one of credit_marks, or a copyright sign after its
 * start? */
static int
credit_mark(const char *s, size_t n)
{
	const char *c;
	size_t	 k;

	for (k = 0; k < sizeof credit_marks / sizeof credit_marks[0]; k++)
		if (ascii_casestr(s, n, credit_marks[k]))
			return 1;
	c = n > 1 ? memmem(s + 1, n - 1, "\xc2\xa9", 2) : NULL;
	return c != NULL;
}

/* A credit glued to its caption's last sentence, where a copy lost the
 * break: "... Mitzscherlich.DCV / Oppitz", "... tragen.Foto: Name/
 * Agency".  A stop between a lower-case and an upper-case letter, then
 * at most GLUED_CREDIT_BYTES with a slash and no other stop. */
static int
glued_credit(const char *s, size_t n)
{
	size_t	 i, j;

	for (i = n > GLUED_CREDIT_BYTES + 1 ? n - GLUED_CREDIT_BYTES - 1 : 1;
	    i + 1 < n; i++) {
		if (!(s[i] == '.' || s[i] == '!' || s[i] == '?') ||
		    !(s[i - 1] >= 'a' && s[i - 1] <= 'z') ||
		    !(s[i + 1] >= 'A' && s[i + 1] <= 'Z'))
			continue;
		for (j = i + 1; j < n && s[j] != '.' && s[j] != '!' &&
		    s[j] != '?'; j++)
			;
		if (j == n && memchr(s + i, '/', n - i) != NULL)
			return 1;
	}
	return 0;
}

/* A photographer's name in brackets after a caption's last sentence,
 * "... Mujeres Populares. (Teresa Canino Rivera)": two to
 * NAME_WORDS_MAX + 1 capitalised words of letters. */
static int
bracketed_name(const char *s, size_t n)
{
	size_t	 i, words = 0;
	int	 start = 1;

	if (n < 4 || s[n - 1] != ')')
		return 0;
	for (i = n - 1; i > 0 && s[i - 1] != '('; i--)
		;
	if (i < 3 || s[i - 2] != ' ' || !(s[i - 3] == '.' ||
	    s[i - 3] == '!' || s[i - 3] == '?'))
		return 0;
	for (; i < n - 1; i++) {
		unsigned char ch = (unsigned char)s[i];

		if (ch == ' ') {
			start = 1;
			continue;
		}
		if (start && !(ch >= 'A' && ch <= 'Z') && ch != 0xc3)
			return 0;
		if (start)
			words++;
		start = 0;
		if (!ascii_isalpha(ch) && ch < 0x80 && ch != '-')
			return 0;
	}
	return words >= 2 && words <= NAME_WORDS_MAX + 1;
}

/* Is needle in s (n bytes) as a whole word, ASCII case ignored? */
static int
whole_word(const char *s, size_t n, const char *needle)
{
	return word_find(s, n, needle, 1);
}

/* Does s name one of the count words in list, each a whole word? */
static int
names_word(const char *s, size_t n, const char *const *list,
    size_t count)
{
	size_t	 k;

	for (k = 0; k < count; k++)
		if (whole_word(s, n, list[k]))
			return 1;
	return 0;
}

/* Does the unit end in a teaser's link to the rest, after a sentence's
 * stop and maybe a bracket or a bar ("... Hintergründe. mehr")? */
static int
ends_more_link(const struct unit *u)
{
	size_t	 k, m, e = u->n;

	while (e > 0 && (u->s[e - 1] == ']' || u->s[e - 1] == ')' ||
	    u->s[e - 1] == ' '))
		e--;
	for (k = 0; k < sizeof more_links / sizeof more_links[0]; k++) {
		m = strlen(more_links[k]);
		if (e < m + 2 || latin_casecmp(u->s + e - m, more_links[k], m)
		    != 0)
			continue;
		for (e -= m; e > 0 && (u->s[e - 1] == ' ' ||
		    u->s[e - 1] == '[' || u->s[e - 1] == '(' ||
		    u->s[e - 1] == '|'); e--)
			;
		return e > 0 && xt_ends_sentence(u->s, e) &&
		    u->s[e - 1] != ',' && u->s[e - 1] != ':';
	}
	return 0;
}

/* Does a short line open with one of info_labels, as whole words? */
static int
info_line(const struct unit *u)
{
	size_t	 k, m;

	if (u->words > BUTTON_WORDS_MAX)
		return 0;
	for (k = 0; k < sizeof info_labels / sizeof info_labels[0]; k++) {
		m = strlen(info_labels[k]);
		if (u->n >= m && latin_casecmp(u->s, info_labels[k], m) == 0 &&
		    (u->n == m || !word_byte((unsigned char)u->s[m])))
			return 1;
	}
	return 0;
}

/* Does the line end in a download's file size, "(123 KB)", "(2,4
 * MB)"? */
static int
ends_file_size(const char *s, size_t n)
{
	size_t	 e = n, u;

	if (e < 5 || s[e - 1] != ')')
		return 0;
	for (u = e - 1; u > 0 && ascii_isalpha((unsigned char)s[u - 1]); u--)
		;
	if (e - 1 - u != 2 || (ascii_tolower((unsigned char)s[u + 1]) != 'b'))
		return 0;
	if (strchr("kKmMgG", s[u]) == NULL)
		return 0;
	if (u > 0 && s[u - 1] == ' ')
		u--;
	e = u;
	while (u > 0 && (ascii_isdigit((unsigned char)s[u - 1]) ||
	    s[u - 1] == ',' || s[u - 1] == '.'))
		u--;
	return u < e && u > 0 && s[u - 1] == '(' &&
	    ascii_isdigit((unsigned char)s[u]);
}

/* A button's label or a prompt to rate or share the story: a short
 * line that does not end in a full stop (a sentence about printing
 * does); or a download's link, whatever its length. */
static int
button_line(const struct unit *u)
{
	/* A download's link, "Skript zur Folge (123 KB)". */
	if (u->words <= HEADLINE_WORDS_MAX && ends_file_size(u->s, u->n))
		return 1;
	if (u->words > BUTTON_WORDS_MAX || (u->n > 0 &&
	    u->s[u->n - 1] == '.'))
		return 0;
	if (names_word(u->s, u->n, button_acts,
	    sizeof button_acts / sizeof button_acts[0]))
		return 1;
	return names_word(u->s, u->n, prompt_nouns,
	    sizeof prompt_nouns / sizeof prompt_nouns[0]) &&
	    names_word(u->s, u->n, prompt_acts,
	    sizeof prompt_acts / sizeof prompt_acts[0]);
}

/*
 * Sets the unit's marks from the phrase lists: marker, inline_marker,
 * boiler, more_link, button and caption.  Reads u->words: call it
 * after xt_measure().
 */
void
xt_mark_phrases(struct unit *u)
{
	size_t	 i, k;

	u->marker = u->words <= MARKER_WORDS_MAX && matches_phrase(u->s, u->n, markers,
	    sizeof markers / sizeof markers[0]);
	if (u->words <= MARKER_WORDS_MAX && glued_marker(u->s, u->n))
		u->marker = 1;
	if (u->words <= HEADLINE_WORDS_MAX && opens_with_label(u->s, u->n,
	    pager_labels, sizeof pager_labels / sizeof pager_labels[0]))
		u->marker = 1;
	if (u->words <= MARKER_WORDS_MAX && opens_with_label(u->s, u->n,
	    discover_labels, sizeof discover_labels / sizeof discover_labels[0]))
		u->marker = 1;
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
	u->more_link = u->words > 1 && ends_more_link(u);
	/* a long paragraph's one phrase is not enough (below): the
	 * appeals are looked for where they can count */
	if ((u->words <= BOILER_ONE_WORDS_MAX || u->boiler > 0) &&
	    names_word(u->s, u->n, appeal_phrases,
	    sizeof appeal_phrases / sizeof appeal_phrases[0]))
		u->boiler++;
	if (u->boiler == 1 && u->words > BOILER_ONE_WORDS_MAX)
		u->boiler = 0;
	u->button = button_line(u) || info_line(u) ||
	    (u->words <= MARKER_WORDS_MAX &&
	    matches_phrase(u->s, u->n, source_labels,
	    sizeof source_labels / sizeof source_labels[0]));
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
	if (u->words <= CAPTION_WORDS_MAX && (credit_mark(u->s, u->n) ||
	    glued_credit(u->s, u->n) || bracketed_name(u->s, u->n)))
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
