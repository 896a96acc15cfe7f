/*
 * extract_html: an HTML article page to a struct article.
 *
 * The page is decoded to UTF-8 (BOM, then a declared charset checked
 * against the bytes: bytes that are valid UTF-8 are read as UTF-8
 * whatever the page claims), parsed once by libxml2's HTML parser with
 * no network, no DTD and no entity loading, and never modified: every
 * decision is a flag in a side table (struct hnode) reached through each
 * element's _private pointer.
 *
 * Speed: before libxml2 sees the page, a pass (extract_html_prune())
 * drops what nothing reads (script and style bodies, unread attributes,
 * runs of blanks) and, on UTF-8 pages, moves the attribute values read
 * to a table that extract_html_prune_restore() puts back on the tree:
 * libxml2 reads a value a character at a time.  The tree is the one
 * libxml2 makes with the values left in the tags
 * (extract_html_prune_same(), in the tests and the fuzz target).
 *
 * Content: the scoring follows the well-known reader-view idea (score
 * paragraphs by text and commas, credit their ancestors, weigh by link
 * density, take the best container and its siblings that belong to the
 * story, then drop boxes that look like chrome).  Text and link lengths
 * are computed once per node, bottom up, and updated along the ancestor
 * chain when a node is cut, so no text is rebuilt per check.  Links
 * inside the kept story become links[]; headline links in cut teaser
 * and "related" boxes become related[].
 *
 * Files: this one runs the attempts and fills the metadata; charset.c
 * picks the encoding, extract_html_prune.c the pass before libxml2,
 * extract_html_meta.c the metadata; the content search shares
 * extract_html_tree.h: _mark (tag table, class/id signals, marks),
 * _score (counts, scores, pick, cleaning), _siblings, _write (blocks,
 * datelines, teasers), _related (related links).
 *
 * Limits: libxml2 caps the nesting depth (256) and text node sizes
 * without HTML_PARSE_HUGE; blocks are cut at ARTICLE_FIELD_MAX_BYTES.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>

#include "arena.h"
#include "charset.h"
#include "extract.h"
#include "extract_html_tree.h"

/* Longest terminal escape sequence removed whole; a longer or
 * unterminated one loses only its ESC. */
#define ESC_SEQ_MAX	64

/* A copy of data without ESC sequences (CSI, OSC, two-byte).  Caller
 * frees; NULL on no memory.  *n is updated. */
static char *
strip_escapes(const char *data, size_t *n)
{
	char	*p = malloc(*n + 1);
	size_t	 i, j, k, o = 0;

	if (p == NULL)
		return NULL;
	for (i = 0; i < *n; i++) {
		if (data[i] != 0x1b) {
			p[o++] = data[i];
			continue;
		}
		k = i;
		if (i + 1 < *n && data[i + 1] == '[') {
			for (j = i + 2; j < *n && j < i + ESC_SEQ_MAX; j++)
				if (data[j] >= 0x40 && data[j] <= 0x7e) {
					k = j;
					break;
				}
		} else if (i + 1 < *n && data[i + 1] == ']') {
			for (j = i + 2; j < *n && j < i + ESC_SEQ_MAX; j++) {
				if (data[j] == 0x07) {
					k = j;
					break;
				}
				if (data[j] == 0x1b && j + 1 < *n &&
				    data[j + 1] == '\\') {
					k = j + 1;
					break;
				}
			}
		} else if (i + 1 < *n && data[i + 1] >= 0x40 &&
		    data[i + 1] <= 0x5f)
			k = i + 1;
		i = k;
	}
	p[o] = '\0';
	*n = o;
	return p;
}

/* Body text shorter than this (characters) means the attempt missed the
 * story and a more lenient one is tried. */
#define ENOUGH_TEXT	500

/* The last attempt reads <noscript> too: a page that renders its
 * story by script (a blog's post in a script template) may give the
 * story again there for readers without scripts. */
static const int attempts[] = {
	A_STRIP_UNLIKELY | A_WEIGHT | A_CLEAN,
	A_WEIGHT | A_CLEAN,
	A_CLEAN,
	0,
	A_NOSCRIPT | A_STRIP_UNLIKELY | A_WEIGHT | A_CLEAN
};

/*
 * A more lenient attempt finds more text, most often more of the same
 * story; but when the story is short, it may find a box beside it
 * instead (an author's bio, a login form) that the stricter attempt
 * had stripped.  A later attempt's text that does not hold the longest
 * paragraph of the best so far (its first SAME_STORY_BYTES) replaces
 * it only when it is ATTEMPT_SWITCH_RATIO times as long.
 */
#define SAME_STORY_BYTES	60
#define ATTEMPT_SWITCH_RATIO	2

/* Does a hold the longest paragraph of b (or b none)?  -1 on no
 * memory. */
static int
holds_longest(const struct article *a, const struct article *b)
{
	const struct block *k = NULL;
	size_t	 i, l;
	char	*t;
	int	 r;

	for (i = 0; i < b->nblocks; i++)
		if (b->blocks[i].type != BLOCK_IMAGE && (k == NULL ||
		    b->blocks[i].len > k->len))
			k = &b->blocks[i];
	if (k == NULL || k->len == 0)
		return 1;
	if ((t = article_text(a)) == NULL)
		return -1;
	l = k->len < SAME_STORY_BYTES ? k->len : SAME_STORY_BYTES;
	r = memmem(t, strlen(t), k->text, l) != NULL;
	free(t);
	return r;
}

static size_t
article_chars(const struct article *a)
{
	size_t	 i, c = 0;

	for (i = 0; i < a->nblocks; i++)
		if (a->blocks[i].type != BLOCK_IMAGE)
			c += a->blocks[i].len;
	return c;
}

/*
 * Is t[0..n) the author's or the site's call to follow them ("Follow
 * him on Twitter @x.", "Follow us on Twitter @y and on Facebook.")?
 * Short, with "follow us" (him, her, me, them) and a network's name or
 * a handle after it.
 */
static int
is_follow_line(const char *t, size_t n)
{
	static const char *const who[] = {
		"follow us ", "follow him ", "follow her ", "follow me ",
		"follow them ", NULL
	};
	static const char *const where[] = {
		"twitter", "facebook", "instagram", "linkedin", "mastodon",
		"bluesky", NULL
	};
	size_t	 i, k, at = n;

	if (n > 300)
		return 0;
	for (i = 0; who[i] != NULL && at == n; i++)
		for (k = 0; k + strlen(who[i]) <= n; k++)
			if (ascii_ncasecmp(t + k, who[i], strlen(who[i])) == 0) {
				at = k;
				break;
			}
	if (at == n)
		return 0;
	for (i = 0; where[i] != NULL; i++)
		if (ascii_casestr(t + at, n - at, where[i]))
			return 1;
	for (k = at; k + 1 < n; k++)
		if (t[k] == '@' && (ascii_isalpha((unsigned char)t[k + 1]) ||
		    t[k + 1] == '_'))
			return 1;
	return 0;
}

/*
 * Is t[0..n) a wire story's credits ("(Reporting by A. Writer; Editing
 * by B. Editor)", "Additional reporting by C. Other")?  At most
 * CREDITS_MAX_BYTES, opening (past a bracket) with one of the phrases.
 */
#define CREDITS_MAX_BYTES	300

static int
is_credits_line(const char *t, size_t n)
{
	static const char *const opens[] = {
		"reporting by ", "additional reporting by ", "editing by ",
		"writing by ", "compiled by ", NULL
	};
	size_t	 i, l;

	if (n > CREDITS_MAX_BYTES)
		return 0;
	if (n > 0 && t[0] == '(') {
		t++;
		n--;
	}
	for (i = 0; opens[i] != NULL; i++) {
		l = strlen(opens[i]);
		if (n > l && ascii_ncasecmp(t, opens[i], l) == 0)
			return 1;
	}
	return 0;
}

/*
 * A rule drawn in text ("___", "* * *") near the story's end, with at
 * most RULE_TAIL_BLOCKS short blocks after it (RULE_TAIL_MAX_BYTES in
 * all): the wire's tail ("Associated Press writers ... contributed to
 * this report.", "Reach the reporters on Twitter at ..."), not the
 * story.  The rule and what follows it go.
 */
#define RULE_TAIL_BLOCKS	2
#define RULE_TAIL_MAX_BYTES	400

static int
is_text_rule(const struct block *b)
{
	size_t	 i, marks = 0;

	if (b->type != BLOCK_PARAGRAPH)
		return 0;
	for (i = 0; i < b->len; i++) {
		if (strchr("_-*=~", b->text[i]) != NULL)
			marks++;
		else if (b->text[i] != ' ')
			return 0;
	}
	return marks >= 3;
}

static void
drop_rule_tail(struct article *a)
{
	size_t	 i, j, after, bytes;

	for (i = a->nblocks; i > 0; i--) {
		if (is_text_rule(&a->blocks[i - 1]))
			break;
		if (a->nblocks - i >= RULE_TAIL_BLOCKS)
			return;
	}
	if (i <= 1)
		return;
	for (j = i, after = 0, bytes = 0; j < a->nblocks; j++) {
		if (a->blocks[j].type == BLOCK_IMAGE)
			continue;
		after++;
		bytes += a->blocks[j].len;
	}
	if (after == 0 || bytes > RULE_TAIL_MAX_BYTES)
		return;
	while (a->nblocks >= i)
		article_drop_block(a, a->nblocks - 1);
}

/*
 * Is t[0..n) the site's note on moderating comments ("Note: we are
 * moderating all comments", "Comentários ... não serão aprovados pelo
 * moderador")?  At most COMMENT_NOTE_MAX_BYTES naming comments and
 * their moderation.
 */
#define COMMENT_NOTE_MAX_BYTES	250

static int
is_comment_note(const char *t, size_t n)
{
	return n <= COMMENT_NOTE_MAX_BYTES &&
	    (ascii_casestr(t, n, "comment") || ascii_casestr(t, n, "coment") ||
	    ascii_casestr(t, n, "kommentar")) &&
	    (ascii_casestr(t, n, "moderat") || ascii_casestr(t, n, "moderad") ||
	    ascii_casestr(t, n, "moderier"));
}

/* The story's last paragraphs that ask the reader to follow someone, or
 * that credit a wire story's staff, or that note the moderation of
 * comments, go: they sign off the page, not the story. */
static void
drop_follow_lines(struct article *a)
{
	size_t	 i, seen = 0;
	const struct block *b;

	for (i = a->nblocks; i > 0 && seen < 3; i--) {
		b = &a->blocks[i - 1];
		if (b->type == BLOCK_IMAGE)
			continue;
		seen++;
		if (b->type == BLOCK_PARAGRAPH && (is_follow_line(b->text,
		    b->len) || is_credits_line(b->text, b->len) ||
		    is_comment_note(b->text, b->len)))
			article_drop_block(a, i - 1);
	}
}

/*
 * Is t[0..n) an advertisement's label ("Advertisement", "- Anzeige -",
 * "Reklama")?  The word in one of the languages below, with only
 * blanks, dashes and colons around it; or with a short note after it.
 */
#define AD_NOTE_MAX_BYTES	120

static int
is_ad_label(const char *t, size_t n)
{
	static const char *const labels[] = {
		"advertisement", "anzeige", "werbung", "reklama",
		"publicidad", "publicit\xc3\xa9", "pubblicit\xc3\xa0",
		"annonce", "sponsored", NULL
	};
	size_t	 i, s, e, l, k;

	/* Blanks, dashes (an en dash too) and colons before it. */
	for (s = 0; s < n; s++) {
		if (n - s >= 3 && memcmp(t + s, "\xe2\x80\x93", 3) == 0)
			s += 2;
		else if (t[s] != ' ' && t[s] != '-' && t[s] != ':')
			break;
	}
	for (e = n; e > s && t[e - 1] != '\0' &&
	    strchr(" -:", t[e - 1]) != NULL; e--)
		;
	for (i = 0; labels[i] != NULL; i++)
		if (e - s == strlen(labels[i]) &&
		    ascii_ncasecmp(t + s, labels[i], e - s) == 0)
			return 1;
	/* The label and a note on it: "Anzeige, enth\xc3\xa4lt Affiliate
	 * Links", "ANZEIGE - Heute mal ausgehen?", "Anzeige: Dieser
	 * Beitrag ...".  The label, blanks, then a comma, colon, dash or
	 * bar, in at most AD_NOTE_MAX_BYTES; not a sentence (no full
	 * stop, question or exclamation mark at its end). */
	if (n > AD_NOTE_MAX_BYTES || e == s ||
	    strchr(".?!", t[e - 1]) != NULL)
		return 0;
	for (i = 0; labels[i] != NULL; i++) {
		l = strlen(labels[i]);
		if (e - s <= l || ascii_ncasecmp(t + s, labels[i], l) != 0)
			continue;
		for (k = s + l; k < e && t[k] == ' '; k++)
			;
		if (k < e && (strchr(",:-|", t[k]) != NULL ||
		    (e - k >= 3 && memcmp(t + k, "\xe2\x80\x93", 3) == 0)))
			return 1;
	}
	return 0;
}

/*
 * Is t[0..n) a page's navigation label standing alone: "zurück zur
 * Listenansicht", "Back to the newsroom", "Permalink: URL", "Drucken",
 * a screen reader's "Skip to content"?
 * At most NAV_LABEL_MAX_BYTES, opening with a word below.
 */
#define NAV_LABEL_MAX_BYTES	40

static int
is_nav_label(const char *t, size_t n)
{
	static const char *const labels[] = {
		"zur\xc3\xbc""ck", "back to", "go back", "return to",
		"permalink", "permalien", "drucken", "print", "nach oben",
		"volver", "retour", "torna", "skip to", "zum inhalt",
		"aller au contenu", "vai al contenuto", "saltar al contenido",
		NULL
	};
	size_t	 i, l;

	if (n > NAV_LABEL_MAX_BYTES)
		return 0;
	for (i = 0; labels[i] != NULL; i++) {
		l = strlen(labels[i]);
		if (n >= l && ascii_ncasecmp(t, labels[i], l) == 0 &&
		    (n == l || !ascii_isalpha((unsigned char)t[l])))
			return 1;
	}
	return 0;
}

/*
 * Is t[0..n) a line of the post's data: "Kategorie: News", "Published:
 * Tuesday", "Aufrufe: 1120 | ...", "Kommentare insgesamt: 0", "This
 * entry was posted in News. Bookmark the permalink."?  At most
 * META_LINE_MAX_BYTES, opening with a label below, blanks, a colon; or
 * with one of the phrases.  Dates and authors alone ("Datum:", "Von:")
 * are not among them: an event's page or a letter gives them as text.
 */
#define META_LINE_MAX_BYTES	120

static int
is_meta_line(const char *t, size_t n)
{
	static const char *const labels[] = {
		"category", "categories", "kategorie", "kategorien",
		"cat\xc3\xa9""gorie", "categor\xc3\xad""a", "rubrik",
		"published", "posted", "ver\xc3\xb6""ffentlicht",
		"ver\xc3\xb6""ffentlichung", "publicado", "publi\xc3\xa9",
		"news date", "views", "aufrufe", "comments", "kommentare",
		"kommentare insgesamt", "filed under", "lesezeit",
		"reading time", NULL
	};
	static const char *const phrases[] = {
		"this entry was posted in ",
		"dieser eintrag wurde ver\xc3\xb6""ffentlicht in ", NULL
	};
	size_t	 i, l;

	if (n > META_LINE_MAX_BYTES)
		return 0;
	for (i = 0; phrases[i] != NULL; i++)
		if (n > (l = strlen(phrases[i])) &&
		    ascii_ncasecmp(t, phrases[i], l) == 0)
			return 1;
	return hx_opens_with_label(t, n, labels);
}

/* Picture credits, advertisements' labels, the post's data lines and
 * navigation labels that stand as paragraphs (navigation labels: or
 * list items) of their own go. */
static void
drop_credit_lines(struct article *a)
{
	size_t	 i;
	const struct block *b;

	for (i = a->nblocks; i > 0; i--) {
		b = &a->blocks[i - 1];
		if ((b->type == BLOCK_PARAGRAPH && (hx_credit_line(b->text,
		    b->len) || is_ad_label(b->text, b->len) ||
		    is_meta_line(b->text, b->len))) ||
		    ((b->type == BLOCK_PARAGRAPH ||
		    b->type == BLOCK_LIST_ITEM) && is_nav_label(b->text,
		    b->len)))
			article_drop_block(a, i - 1);
	}
}

/*
 * A heading that opens the page's part after the story: "Related",
 * "You may also like", "Further information", "Contact", "Comments", in
 * the languages below (lower case; a capital at the start is matched
 * too).
 * The heading (a heading block, or a short paragraph that is the
 * phrase, or the phrase and a colon, question or exclamation mark, or a
 * few words more) and every block after it go when no paragraph of
 * prose (MORE_PROSE_BYTES) follows and one comes before: a "read also"
 * box inside the story stays, as the story's part it is in.
 */
#define MORE_HEAD_MAX_BYTES	50
#define MORE_PROSE_BYTES	200

static const char *const more_heads[] = {
	/* English */
	"related", "read more", "more from", "recommended",
	"you may also like", "you might also like", "further reading",
	"more stories", "comments",
	/* German */
	"das k\xc3\xb6nnte sie auch interessieren",
	"das k\xc3\xb6nnte dich auch interessieren", "schon gelesen",
	"weitere informationen", "mehr zum thema", "neueste artikel",
	"zum weiterlesen", "lesen sie auch", "entdecke weitere",
	"\xc3\xa4hnliche beitr\xc3\xa4ge", "weitere artikel",
	"auch interessant", "zusatzinformationen", "kontakt", "weitere",
	"redaktionstipp", "tipp der redaktion",
	"vorschau auf den n\xc3\xa4""chsten", "kommentare",
	/* Spanish, French, Italian */
	"m\xc3\xa1s noticias", "lee tambi\xc3\xa9n", "te puede interesar",
	"noticias relacionadas", "\xc3\xa0 lire aussi", "lire aussi",
	"sur le m\xc3\xaame sujet", "leggi anche", "potrebbe interessarti",
	"comentarios", "commentaires", "commenti", NULL
};

/* Does t[0..n) open with the lower-case phrase h, in any ASCII case or
 * with a two-byte capital first letter (\xc3\x80-\x9e for
 * \xc3\xa0-\xbe), and end a word there? */
static int
opens_with_head(const char *t, size_t n, const char *h)
{
	size_t	 l = strlen(h), k = 0;

	if (n < l)
		return 0;
	if ((unsigned char)h[0] == 0xc3 && (unsigned char)t[0] == 0xc3 &&
	    ((unsigned char)t[1] | 0x20) == (unsigned char)h[1])
		k = 2;
	if (ascii_ncasecmp(t + k, h + k, l - k) != 0)
		return 0;
	return l == n || !(ascii_isalpha((unsigned char)t[l]) ||
	    (unsigned char)t[l] >= 0x80);
}

static int
is_more_head(const struct block *b)
{
	size_t	 i, l;
	char	 last;

	if (b->len == 0 || b->len > MORE_HEAD_MAX_BYTES ||
	    (b->type != BLOCK_HEADING && b->type != BLOCK_PARAGRAPH))
		return 0;
	last = b->text[b->len - 1];
	for (i = 0; more_heads[i] != NULL; i++) {
		if (!opens_with_head(b->text, b->len, more_heads[i]))
			continue;
		l = strlen(more_heads[i]);
		/* A sentence ("Read more about it here.") is not one. */
		return last != '.' && (b->type == BLOCK_HEADING ||
		    l == b->len || last == ':' || last == '?' || last == '!' ||
		    b->len - l <= 30);
	}
	return 0;
}

static void
drop_more_parts(struct article *a)
{
	size_t	 i, j, prose = 0;

	for (i = 0; i < a->nblocks; i++) {
		if (a->blocks[i].type == BLOCK_PARAGRAPH &&
		    a->blocks[i].len >= MORE_PROSE_BYTES) {
			prose = 1;
			continue;
		}
		if (!prose || !is_more_head(&a->blocks[i]))
			continue;
		for (j = i + 1; j < a->nblocks; j++)
			if (a->blocks[j].type == BLOCK_PARAGRAPH &&
			    a->blocks[j].len >= MORE_PROSE_BYTES)
				break;
		if (j < a->nblocks)
			continue;
		while (a->nblocks > i)
			article_drop_block(a, a->nblocks - 1);
		break;
	}
}

/* The link that is the whole of block bi (but trailing blanks,
 * punctuation and a bracketed tag of at most LINK_TAG_MAX_BYTES), or
 * -1: a headline, some words. */
#define LINK_TAG_MAX_BYTES	20

static long
link_covers(const struct article *a, size_t bi)
{
	const struct block *b = &a->blocks[bi];
	size_t	 i, e;

	if (b->len < 20 || memchr(b->text, ' ', b->len) == NULL)
		return -1;
	for (e = b->len; e > 0 && strchr(" .|", b->text[e - 1]) != NULL; e--)
		;
	/* A kicker's tag after the headline: "[VIDEO]", "[INSIGHT]". */
	if (e > 0 && b->text[e - 1] == ']') {
		for (i = e - 1; i > 0 && e - i <= LINK_TAG_MAX_BYTES &&
		    b->text[i - 1] != '['; i--)
			;
		if (i > 1 && b->text[i - 1] == '[' && e - i <= LINK_TAG_MAX_BYTES)
			for (e = i - 1; e > 0 && b->text[e - 1] == ' '; e--)
				;
	}
	for (i = 0; i < a->nlinks; i++)
		if (a->links[i].block == bi && a->links[i].start == 0 &&
		    a->links[i].end >= e)
			return (long)i;
	return -1;
}

/* The same for paragraphs only, not list items: a list of links may be
 * the story's (apps, sources). */
static long
whole_link(const struct article *a, size_t bi)
{
	if (a->blocks[bi].type != BLOCK_PARAGRAPH)
		return -1;
	return link_covers(a, bi);
}

/* Does t[0..n) have CAPS_MIN_LETTERS letters or more, all capitals? */
#define CAPS_MIN_LETTERS	12

static int
all_caps(const char *t, size_t n)
{
	size_t	 i, up = 0;

	for (i = 0; i < n; i++) {
		if (t[i] >= 'a' && t[i] <= 'z')
			return 0;
		if (t[i] >= 'A' && t[i] <= 'Z')
			up++;
	}
	return up >= CAPS_MIN_LETTERS;
}

/*
 * A paragraph that is one link, in capitals ("READ MORE ON ... BY
 * CLICKING HERE", a related story's headline shouted between the
 * story's paragraphs), is a promotion: its link becomes a related
 * entry and it goes.  0, or -1 on no memory.
 */
static int
drop_caps_links(struct article *a)
{
	size_t	 i;
	long	 l;
	const struct link *lk;

	for (i = a->nblocks; i > 0; i--) {
		if (!all_caps(a->blocks[i - 1].text, a->blocks[i - 1].len) ||
		    (l = whole_link(a, i - 1)) < 0)
			continue;
		lk = &a->links[l];
		if (lk->url != NULL && a->nrelated < HTML_RELATED_MAX &&
		    article_add_related(a, lk->text, lk->url, NULL, NULL) == -1)
			return -1;
		article_drop_block(a, i - 1);
	}
	return 0;
}

/*
 * A label ("DON'T MISS", "More:", "You may also like...") over two or
 * more paragraphs that are each one link: a teaser list inside the
 * story.  The links become related entries; the label and the list go.
 */
static int
drop_teaser_lists(struct article *a)
{
	size_t	 i, j, k;
	long	 l;

	for (i = 0; i + 2 < a->nblocks; i++) {
		if (a->blocks[i].len > 30 || whole_link(a, i) >= 0 ||
		    (a->blocks[i].type != BLOCK_PARAGRAPH &&
		    a->blocks[i].type != BLOCK_HEADING))
			continue;
		for (j = i + 1; j < a->nblocks && whole_link(a, j) >= 0; j++)
			;
		if (j - i - 1 < 2)
			continue;
		for (k = i + 1; k < j; k++) {
			const struct link *lk;

			l = whole_link(a, k);
			lk = &a->links[l];
			if (lk->url != NULL && a->nrelated < HTML_RELATED_MAX &&
			    article_add_related(a, lk->text, lk->url, NULL,
			    NULL) == -1)
				return -1;
		}
		for (k = j; k > i; k--)
			article_drop_block(a, k - 1);
		i--;
	}
	return 0;
}

/* Blank-separated words of s. */
static size_t
words(const char *s)
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

/*
 * Related stories listed at the story's end: TAIL_LIST_MIN list items
 * or more in a row, each one link of TAIL_LINK_MIN_WORDS words or more
 * (a headline) to another page of the page's own site, with at most
 * TAIL_AFTER_MAX blocks but pictures after them, none of them prose
 * (MORE_PROSE_BYTES): a sign-off ("Originally published on ...") or a
 * call to the forums; after a paragraph of the story, not under a
 * heading or a label of its own ("Apps we used:"), which the story
 * gives its lists.  A list that links to other sites (sources) or to
 * the page itself (its contents) stays, as does one with the story's
 * prose after it.  The links become related entries.
 * 0, or -1 on no memory.
 */
#define TAIL_LIST_MIN		2
#define TAIL_LINK_MIN_WORDS	3
#define TAIL_AFTER_MAX		2

/* Is url another page of the site of page (hosts equal but for a
 * leading "www.")? */
static int
same_site_page(const char *url, const char *page, const char *host)
{
	const char *p, *q;
	char	*h;
	int	 r;

	if (url == NULL || host == NULL)
		return 0;
	/* The page itself, or a part of it ("#section"). */
	for (p = url, q = page; *p != '\0' && *p != '#' && *p == *q; p++, q++)
		;
	if ((*p == '\0' || *p == '#') && (*q == '\0' || *q == '#'))
		return 0;
	if ((h = url_host(url)) == NULL)
		return 0;
	p = strncmp(h, "www.", 4) == 0 ? h + 4 : h;
	q = strncmp(host, "www.", 4) == 0 ? host + 4 : host;
	r = strcmp(p, q) == 0;
	free(h);
	return r;
}

/* Is block bi a list item that is one headline link to another page of
 * the site? */
static int
site_headline_item(const struct article *a, size_t bi, const char *host)
{
	long	 l;

	if (a->blocks[bi].type != BLOCK_LIST_ITEM ||
	    (l = link_covers(a, bi)) < 0 ||
	    words(a->blocks[bi].text) < TAIL_LINK_MIN_WORDS)
		return 0;
	return same_site_page(a->links[l].url, a->url, host);
}

/* Does block b introduce the list after it: a heading, or a line
 * ending in a colon ("Apps we used:")? */
static int
labels_list(const struct block *b)
{
	return b->type != BLOCK_PARAGRAPH ||
	    (b->len > 0 && b->text[b->len - 1] == ':');
}

static int
drop_tail_link_list(struct article *a)
{
	size_t	 i, j, k, after;
	char	*host;
	int	 rc = 0;

	if (a->url == NULL || (host = url_host(a->url)) == NULL)
		return 0;
	for (i = 0; i < a->nblocks; i = j + 1) {
		for (j = i; j < a->nblocks && site_headline_item(a, j, host);
		    j++)
			;
		if (j - i < TAIL_LIST_MIN || i == 0 ||
		    labels_list(&a->blocks[i - 1]))
			continue;
		for (k = j, after = 0; k < a->nblocks; k++) {
			if (a->blocks[k].type == BLOCK_IMAGE)
				continue;
			if (++after > TAIL_AFTER_MAX ||
			    (a->blocks[k].type == BLOCK_PARAGRAPH &&
			    a->blocks[k].len >= MORE_PROSE_BYTES))
				break;
		}
		if (k < a->nblocks)
			continue;
		for (k = i; k < j && rc == 0; k++) {
			const struct link *lk = &a->links[link_covers(a, k)];

			if (a->nrelated < HTML_RELATED_MAX &&
			    article_add_related(a, lk->text, lk->url, NULL,
			    NULL) == -1)
				rc = -1;
		}
		for (k = j; k > i; k--)
			article_drop_block(a, k - 1);
		break;
	}
	free(host);
	return rc;
}

/*
 * The parts of the page's title as headings over the story: under the
 * title "Story - The Blog" (or "Opinion | Story"), a heading "Story" or
 * "The Blog" before the story's first paragraph is the title's, or the
 * site's name, not the story's text, as a heading that is the whole
 * title is (mark_enter()).  A part is what comes before or after
 * " | ", " - " or a dash.  A heading that opens with the whole title
 * of TITLE_CUT_MIN_BYTES or more is the title too (the metadata cut it
 * short), and the kickers over it go with it.  A heading there that is
 * all one link to a home page is the site's logo and goes too.  They
 * go here, not when the tree is marked: there a heading still counts
 * toward its box's score.
 */
#define TITLE_CUT_MIN_BYTES	40

static int
title_part(const char *h, const char *t)
{
	static const char *const seps[] = {
		"| ", "- ", "\xe2\x80\x93 ", "\xe2\x80\x94 ", NULL
	};
	size_t	 l = strlen(h), n = strlen(t), i, k;

	/* The title cut short ("... third Beijing local to contract"). */
	if (n >= TITLE_CUT_MIN_BYTES && l > n && strncmp(h, t, n) == 0 &&
	    h[n] == ' ')
		return 1;
	if (l == 0 || l >= n)
		return 0;
	for (i = 0; seps[i] != NULL; i++) {
		k = strlen(seps[i]);
		if (strncmp(h, t, l) == 0 && t[l] == ' ' &&
		    strncmp(t + l + 1, seps[i], k) == 0)
			return 1;
		if (l + k + 1 <= n && strcmp(t + n - l, h) == 0 &&
		    t[n - l - k - 1] == ' ' &&
		    strncmp(t + n - l - k, seps[i], k) == 0)
			return 1;
	}
	return 0;
}

/* Is url a site's home page ("https://host" or "https://host/")? */
static int
is_home_url(const char *url)
{
	const char *p;

	if (url == NULL || (p = strstr(url, "://")) == NULL)
		return 0;
	p = strchr(p + 3, '/');
	return p == NULL || strcmp(p, "/") == 0;
}

/* Is heading bi all one link to a home page: the site's logo or name
 * ("Express. Home of the Daily and Sunday Express.")? */
static int
home_link_heading(const struct article *a, size_t bi)
{
	size_t	 i;

	for (i = 0; i < a->nlinks; i++)
		if (a->links[i].block == bi && a->links[i].start == 0 &&
		    a->links[i].end >= a->blocks[bi].len &&
		    is_home_url(a->links[i].url))
			return 1;
	return 0;
}

/* A kicker over a headline ("BLACK DEATH FEARS", "Exclusive"): a short
 * paragraph of at most KICKER_MAX_BYTES, no sentence. */
#define KICKER_MAX_BYTES	40

static int
is_kicker(const struct block *b)
{
	return b->type == BLOCK_PARAGRAPH && b->len > 0 &&
	    b->len <= KICKER_MAX_BYTES &&
	    strchr(".?!:", b->text[b->len - 1]) == NULL;
}

/* 0, or -1 on no memory. */
static int
drop_title_heading(struct article *a, const char *title_norm)
{
	size_t	 i;
	char	*h;
	int	 dup;

	if (title_norm == NULL)
		return 0;
	i = 0;
	while (i < a->nblocks && (a->blocks[i].type != BLOCK_PARAGRAPH ||
	    is_kicker(&a->blocks[i]))) {
		if (a->blocks[i].type != BLOCK_HEADING) {
			i++;
			continue;
		}
		if ((h = hx_norm_text(a->blocks[i].text)) == NULL)
			return -1;
		dup = title_part(h, title_norm) || home_link_heading(a, i);
		free(h);
		if (!dup) {
			i++;
			continue;
		}
		article_drop_block(a, i);
		/* The kickers over the title are the page's header. */
		while (i > 0 && is_kicker(&a->blocks[i - 1]))
			article_drop_block(a, --i);
	}
	return 0;
}

/*
 * When the page's body is missing or a fraction of what its data says:
 * a JSON-LD articleBody at least LD_BODY_MIN_CHARS long and
 * LD_BODY_RATIO times the story found replaces it (a page that renders
 * its story by script, or shows a teaser of it); failing that, a story
 * shorter than the page's description is replaced by the description,
 * so that a page with a story never gives an empty one.
 */
#define LD_BODY_MIN_CHARS	200
#define LD_BODY_RATIO		2

/* Block elements that end a paragraph inside an articleBody. */
static const char *const ld_break_tags[] = {
	"p", "br", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6",
	"blockquote", "ul", "ol", "tr", "section", NULL
};

/* Does the tag at t ("<p class=x>", "</p>") end a paragraph? */
static int
ld_break_tag(const char *t)
{
	size_t	 i, l;

	t += t[1] == '/' ? 2 : 1;
	for (l = 0; ascii_isalpha((unsigned char)t[l]) ||
	    ascii_isdigit((unsigned char)t[l]); l++)
		;
	for (i = 0; ld_break_tags[i] != NULL; i++)
		if (strlen(ld_break_tags[i]) == l &&
		    ascii_ncasecmp(t, ld_break_tags[i], l) == 0)
			return 1;
	return 0;
}

/*
 * The paragraphs of an articleBody (plain text with newlines, or HTML
 * with tags and the common references) added to a, or only counted when
 * a is NULL.  Returns the characters of text, or -1 on no memory.
 */
static long
ld_paragraphs(const char *s, struct article *a)
{
	static const struct {
		const char *ref;
		char	 c;
	} refs[] = {
		{ "&amp;", '&' }, { "&quot;", '"' }, { "&#39;", '\'' },
		{ "&apos;", '\'' }, { "&lt;", '<' }, { "&gt;", '>' },
		{ "&nbsp;", ' ' }
	};
	struct buf b;
	const char *e;
	long	 chars = 0;
	size_t	 r;
	int	 brk, no_tag = 0;

	buf_init(&b, ARTICLE_FIELD_MAX_BYTES);
	for (; ; s++) {
		brk = *s == '\0' || *s == '\n';
		/* Past the last '>', no '<' opens a tag: not searched
		 * again for each one. */
		if (*s == '<' && !no_tag &&
		    (e = strchr(s, '>')) == NULL)
			no_tag = 1;
		if (*s == '<' && !no_tag) {
			brk = ld_break_tag(s);
			s = e;
			if (!brk && buf_putc(&b, ' ') == BUF_NOMEM)
				goto nomem;
		}
		if (brk) {
			chars += (long)b.len;
			if (a != NULL && article_add_block(a, BLOCK_PARAGRAPH,
			    0, b.data, b.len) == -1)
				goto nomem;
			buf_setlen(&b, 0);
			if (*s == '\0')
				break;
			continue;
		}
		if (*s == '>')
			continue;
		for (r = 0; *s == '&' && r < sizeof refs / sizeof refs[0]; r++)
			if (strncmp(s, refs[r].ref, strlen(refs[r].ref)) == 0)
				break;
		if (*s == '&' && r < sizeof refs / sizeof refs[0]) {
			s += strlen(refs[r].ref) - 1;
			if (buf_putc(&b, refs[r].c) == BUF_NOMEM)
				goto nomem;
		} else if (buf_putc(&b, *s) == BUF_NOMEM)
			goto nomem;
	}
	buf_release(&b);
	return chars;
nomem:
	buf_release(&b);
	return -1;
}

/* Does body start with the first words of ex (LD_OPEN_BYTES of it)? */
#define LD_OPEN_BYTES	40

static int
ld_opens_with(const char *body, const char *ex)
{
	size_t	 l = strlen(ex);

	while (ascii_isspace((unsigned char)*body))
		body++;
	if (l > LD_OPEN_BYTES)
		l = LD_OPEN_BYTES;
	return strncmp(body, ex, l) == 0;
}

/* Takes every block out of a. */
static void
drop_blocks(struct article *a)
{
	while (a->nblocks > 0)
		article_drop_block(a, a->nblocks - 1);
}

/* A description of fewer words is a label or a code, not a summary. */
#define DESCRIPTION_MIN_WORDS	10

/* The fallbacks above; 0, or -1 on no memory. */
static int
body_fallback(struct hx *hx, struct article *a)
{
	size_t	 chars = article_chars(a);
	const char *ex = hx->meta.excerpt;
	long	 ld;

	if (hx->meta.article_body != NULL) {
		if ((ld = ld_paragraphs(hx->meta.article_body, NULL)) == -1)
			return -1;
		if (ld >= LD_BODY_MIN_CHARS &&
		    (size_t)ld > chars * LD_BODY_RATIO) {
			drop_blocks(a);
			/* The description is the standfirst, unless the
			 * body opens with it. */
			if (ex != NULL && !ld_opens_with(hx->meta.article_body,
			    ex) && article_add_block(a, BLOCK_PARAGRAPH, 0, ex,
			    strlen(ex)) == -1)
				return -1;
			return ld_paragraphs(hx->meta.article_body, a) == -1 ?
			    -1 : 0;
		}
	}
	if (ex != NULL && strlen(ex) > chars &&
	    words(ex) >= DESCRIPTION_MIN_WORDS) {
		drop_blocks(a);
		return article_add_block(a, BLOCK_PARAGRAPH, 0, ex,
		    strlen(ex));
	}
	return 0;
}

/*
 * The author's note after the story: a paragraph among its last
 * AUTHOR_TAIL_BLOCKS that is the byline's name alone, or opens with it
 * ("Ann Writer is a reporter for ..."), or with the first name and a
 * word in lower case ("Ann joined the paper in 2017."), goes with
 * everything after it: only after a paragraph of prose, when no other
 * follows, and only a short one.
 */
#define AUTHOR_TAIL_BLOCKS	3
#define AUTHOR_NOTE_MAX_BYTES	500
#define AUTHOR_FIRST_MIN_BYTES	3

static int
is_author_note(const struct block *b, const void *byline)
{
	const char *name = byline;
	size_t	 l = strlen(name), f;

	if (b->type != BLOCK_PARAGRAPH || b->len > AUTHOR_NOTE_MAX_BYTES ||
	    b->len < l)
		return 0;
	if (strncmp(b->text, name, l) == 0 && (b->len == l ||
	    b->text[l] == ' ' || b->text[l] == ','))
		return 1;
	for (f = 0; f < l && name[f] != ' '; f++)
		;
	return f < l && f >= AUTHOR_FIRST_MIN_BYTES && b->len > f + 1 &&
	    strncmp(b->text, name, f) == 0 && b->text[f] == ' ' &&
	    b->text[f + 1] >= 'a' && b->text[f + 1] <= 'z';
}

static void
drop_author_note(struct article *a)
{
	if (a->byline != NULL && *a->byline != '\0')
		article_drop_tail(a, AUTHOR_TAIL_BLOCKS, is_author_note,
		    a->byline, 0);
}

/* One pass of the content search with the given strictness. */
static struct article *
run_attempt(struct hx *hx, int flags)
{
	struct out o;
	struct article *a;
	xmlNodePtr top, roots[HTML_ROOTS_MAX];
	size_t	 nroots, i;

	if ((a = article_new()) == NULL)
		return NULL;
	hx->attempt = flags;
	hx_mark(hx);
	hx_count(hx);
	hx_score(hx);
	if (hx->nomem)
		goto fail;
	top = hx_pick(hx);
	nroots = hx_siblings(hx, top, roots, HTML_ROOTS_MAX);
	hx_protect(hx, top);
	for (i = 0; i < nroots; i++)
		hx_clean(hx, roots[i]);
	memset(&o, 0, sizeof o);
	o.hx = hx;
	o.a = a;
	buf_init(&o.b, ARTICLE_FIELD_MAX_BYTES);
	for (i = 0; i < nroots && !o.err; i++)
		hx_emit_root(&o, roots[i]);
	hx_out_clear_links(&o);
	free(o.links);
	buf_release(&o.b);
	if (o.err)
		goto fail;
	drop_follow_lines(a);
	drop_rule_tail(a);
	drop_credit_lines(a);
	if (drop_teaser_lists(a) == -1 || drop_caps_links(a) == -1)
		goto fail;
	drop_more_parts(a);
	/* Teasers: boxes cut from the story and related boxes beside it. */
	if (article_set(&a->url, hx->meta.url != NULL ? hx->meta.url :
	    hx->base, hx->meta.url != NULL ? strlen(hx->meta.url) :
	    hx->base != NULL ? strlen(hx->base) : 0) == -1)
		goto fail;
	if (drop_tail_link_list(a) == -1)
		goto fail;
	hx->em_article = a;
	for (i = 0; i < nroots; i++)
		hx_harvest_cut(hx, roots[i], a);
	hx_walk(hx, hx->body, hx_harvest_enter, NULL);
	hx->em_article = NULL;
	if (hx->nomem)
		goto fail;
	return a;
fail:
	article_free(a);
	return NULL;
}

static int
set_str(char **field, const char *s)
{
	if (s == NULL)
		return 0;
	return article_set(field, s, strlen(s));
}

/* Separators that end a name in a byline line ("A. Writer — 8h"). */
static const char *const byline_seps[] = {
	" \xe2\x80\x94", " \xe2\x80\x93", " \xe2\x80\xa2", " \xc2\xb7",
	" | ", " - ", NULL
};

/*
 * A byline element's text cut to the name: the date it often carries
 * ("A. Writer - Apr 16, 2015 8:02 pm") and what follows a separator
 * go.  Works in place.
 */
static void
trim_byline(char *t)
{
	struct date d;
	size_t	 s, e, l, i;
	const char *p;

	l = strlen(t);
	if (date_find(t, l, &d, &s, &e) == 0 && s > 0)
		t[s] = '\0';
	/* A name has no digits: a date in words date_find() does not
	 * know ("1 de diciembre de 2017") starts at the first. */
	for (i = 1; t[i] != '\0'; i++)
		if (ascii_isdigit((unsigned char)t[i]) && t[i - 1] == ' ') {
			t[i] = '\0';
			break;
		}
	for (i = 0; byline_seps[i] != NULL; i++)
		if ((p = strstr(t, byline_seps[i])) != NULL && p > t)
			t[p - t] = '\0';
	l = strlen(t);
	while (l > 0 && (ascii_isspace((unsigned char)t[l - 1]) ||
	    t[l - 1] == ',' || t[l - 1] == '-' || t[l - 1] == '|'))
		t[--l] = '\0';
}

/* The word for "by" that opens a byline in some languages, and the
 * labels that do with a colon ("Author: Name"); the model holds the
 * name alone and the renderers say "By" once. */
static const char *const by_words[] = {
	"by", "von", "par", "por", "door", "przez", NULL
};
static const char *const by_labels[] = {
	"author", "authors", "autor", "autoren", "auteur", "auteurs",
	"autore", NULL
};

/* The length of a leading by_words[] word or by_labels[] label with
 * what follows it (blanks, a colon), or 0. */
static size_t
by_len(const char *t, const char *const *words, int colon)
{
	size_t	 i, l, k;

	for (i = 0; words[i] != NULL; i++) {
		l = strlen(words[i]);
		if (ascii_ncasecmp(t, words[i], l) != 0)
			continue;
		for (k = l; t[k] == ' '; k++)
			;
		if (t[k] == ':')
			k++;
		else if (colon || k == l)
			continue;
		while (t[k] == ' ')
			k++;
		return k;
	}
	return 0;
}

/* Takes a leading "By " (or "By:", "Author:") off the byline a holds. */
static void
strip_by(char *t)
{
	size_t	 k;

	if ((k = by_len(t, by_words, 0)) == 0)
		k = by_len(t, by_labels, 1);
	/* "By" alone, or a name that is only the word: kept. */
	if (k > 0 && t[k] != '\0')
		memmove(t, t + k, strlen(t + k) + 1);
}

/* Metadata into the article; the excerpt falls back to the first
 * paragraph. */
static int
fill_meta(struct hx *hx, struct article *a)
{
	struct html_meta *m = &hx->meta;
	size_t	 i;
	struct date d;
	size_t	 s, e;

	if (hx->byline != NULL && m->byline == NULL) {
		/* The date first: trimming takes it off the byline. */
		if (!m->have_date && date_find(hx->byline, strlen(hx->byline),
		    &d, &s, &e) == 0) {
			m->have_date = 1;
			m->date = d;
		}
		/* The name without the boxes beside it. */
		if (hx->byline_name != NULL) {
			free(hx->byline);
			hx->byline = hx->byline_name;
			hx->byline_name = NULL;
		}
		trim_byline(hx->byline);
		if (hx->byline[0] == '\0') {
			free(hx->byline);
			hx->byline = NULL;
		}
	}
	if (set_str(&a->title, m->title) == -1 ||
	    set_str(&a->byline, m->byline != NULL ? m->byline : hx->byline) ==
	    -1 || set_str(&a->site, m->site) == -1 ||
	    set_str(&a->lang, m->lang) == -1 ||
	    set_str(&a->excerpt, m->excerpt) == -1)
		return -1;
	if (a->excerpt == NULL) {
		for (i = 0; i < a->nblocks; i++)
			if (a->blocks[i].type == BLOCK_PARAGRAPH &&
			    a->blocks[i].len >= 40) {
				if (article_set(&a->excerpt, a->blocks[i].text,
				    a->blocks[i].len) == -1)
					return -1;
				break;
			}
	}
	if (a->byline != NULL)
		strip_by(a->byline);
	if (m->have_date) {
		a->date = m->date.utc;
		a->date_off = m->date.offset;
		a->date_prec = m->date.prec;
	} else if (hx->byline != NULL &&
	    date_find(hx->byline, strlen(hx->byline), &d, &s, &e) == 0) {
		a->date = d.utc;
		a->date_off = d.offset;
		a->date_prec = d.prec;
	}
	return 0;
}

int
extract_html(const char *data, size_t n, const struct extract_opts *opts,
    struct article **out, struct errbuf *eb)
{
	struct hx hx;
	struct prune_attrs pa;
	struct article *best = NULL, *a;
	char	 csbuf[64], *base_alloc = NULL, *copy = NULL, *pruned = NULL;
	char	*repaired = NULL;
	const char *enc;
	size_t	 i, best_chars = 0, c;
	int	 rc = -1, utf8, same;

	memset(&hx, 0, sizeof hx);
	memset(&pa, 0, sizeof pa);
	if (n > INPUT_MAX_BYTES) {
		errbuf_set(eb, "%s: page too large", opts->where);
		return -1;
	}
	/* libxml2 drops a lone ESC but keeps the rest of its sequence
	 * ("[31m"): take terminal sequences out whole first. */
	if (memchr(data, 0x1b, n) != NULL) {
		if ((copy = strip_escapes(data, &n)) == NULL)
			goto nomem;
		data = copy;
	}
	enc = charset_html(data, n, opts->charset, csbuf, sizeof csbuf, &utf8);
	if (!utf8 && strcmp(enc, "UTF-8") == 0) {
		/* UTF-8 with a few bad bytes: libxml2 would give up on it. */
		if ((repaired = charset_utf8_repair(data, &n)) == NULL)
			goto nomem;
		data = repaired;
		utf8 = 1;
	}
	if (extract_html_prune_ok(enc)) {
		/* Attribute values are copied aside only from valid UTF-8,
		 * which libxml2 reads as it is. */
		if ((pruned = extract_html_prune(data, &n, utf8 ? &pa : NULL)) ==
		    NULL)
			goto nomem;
		data = pruned;
	}
	hx.doc = htmlReadMemory(data, (int)n, NULL, enc, HTML_PARSE_RECOVER |
	    HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
	    HTML_PARSE_COMPACT);
	if (hx.doc == NULL || xmlDocGetRootElement(hx.doc) == NULL) {
		errbuf_set(eb, "%s: not an HTML page", opts->where);
		goto out;
	}
	extract_html_fix_parents(xmlDocGetRootElement(hx.doc), 0);
	if (pa.nt > 0 && extract_html_prune_restore_tree(
	    xmlDocGetRootElement(hx.doc), &pa) == -1)
		goto nomem;
	if (hx_setup_nodes(&hx) == -1 || extract_html_meta(hx.doc, &hx.meta) ==
	    -1)
		goto nomem;
	/* Links resolve against --base-url, <base href>, og:url or the
	 * canonical link, in that order. */
	hx.base = opts->base_url;
	if (hx.base == NULL || *hx.base == '\0') {
		hx.base = hx.meta.url;
		if (hx.meta.base_href != NULL) {
			base_alloc = url_resolve(hx.meta.url, hx.meta.base_href);
			if (base_alloc != NULL)
				hx.base = base_alloc;
		}
	} else if (hx.meta.base_href != NULL) {
		/* A relative <base> still applies under --base-url. */
		base_alloc = url_resolve(opts->base_url, hx.meta.base_href);
		if (base_alloc != NULL)
			hx.base = base_alloc;
	}
	if (hx.meta.title != NULL &&
	    (hx.title_norm = hx_norm_text(hx.meta.title)) == NULL)
		goto nomem;
	for (i = 0; i < sizeof attempts / sizeof attempts[0]; i++) {
		/* Each attempt may find the byline element again. */
		free(hx.byline);
		free(hx.byline_name);
		hx.byline = NULL;
		hx.byline_name = NULL;
		if ((a = run_attempt(&hx, attempts[i])) == NULL)
			goto nomem;
		c = article_chars(a);
		same = 1;
		if (best != NULL && c > best_chars &&
		    c < best_chars * ATTEMPT_SWITCH_RATIO &&
		    (same = holds_longest(a, best)) == -1) {
			article_free(a);
			goto nomem;
		}
		if (best == NULL || (c > best_chars && same)) {
			article_free(best);
			best = a;
			best_chars = c;
		} else
			article_free(a);
		if (best_chars >= ENOUGH_TEXT)
			break;
	}
	article_drop_trailing_labels(best);
	if (drop_title_heading(best, hx.title_norm) == -1)
		goto nomem;
	if (body_fallback(&hx, best) == -1 || fill_meta(&hx, best) == -1)
		goto nomem;
	drop_author_note(best);
	article_drop_calls(best);
	/* The author's note may have been the prose that kept a "Related"
	 * tail before it. */
	drop_more_parts(best);
	*out = best;
	best = NULL;
	rc = 0;
	goto out;
nomem:
	errbuf_set(eb, "%s: out of memory", opts->where);
out:
	article_free(best);
	free(hx.cands);
	free(hx.nodes);
	free(hx.byline);
	free(hx.byline_name);
	free(hx.title_norm);
	free(base_alloc);
	free(copy);
	free(repaired);
	xmlFree(pruned);
	extract_html_prune_attrs_free(&pa);
	extract_html_meta_release(&hx.meta);
	/* From an arena the document goes with the process. */
	if (hx.doc != NULL && !arena_xml_active())
		xmlFreeDoc(hx.doc);
	return rc;
}
