/*
 * extract_html_tidy: the passes over the blocks an attempt wrote
 * (struct article), after the content search: lines that are not story
 * (calls to follow, credits, advertising and navigation labels, a
 * post's data lines), the parts after a "More"/"Related" heading or a
 * drawn rule, teaser and link lists (a list of the site's own
 * headlines at the end becomes related links), headings that repeat
 * the title, and the author's note at the end.  They read blocks and
 * links only, never the tree; extract_html.c calls them in order.
 */
#include <stdlib.h>
#include <string.h>

#include "extract_html_tree.h"

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

void
hx_drop_more_parts(struct article *a)
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
	    str_words(a->blocks[bi].text) < TAIL_LINK_MIN_WORDS)
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

int
hx_drop_tail_link_list(struct article *a)
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
int
hx_drop_title_heading(struct article *a, const char *title_norm)
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

void
hx_drop_author_note(struct article *a)
{
	if (a->byline != NULL && *a->byline != '\0')
		article_drop_tail(a, AUTHOR_TAIL_BLOCKS, is_author_note,
		    a->byline, 0);
}

/*
 * The passes over one attempt's blocks, in their order: the calls to
 * follow, the tail under a drawn rule, credit lines, teaser lists, runs
 * of capitalised links, the parts after a "More" heading.
 */
int
hx_tidy_attempt(struct article *a)
{
	drop_follow_lines(a);
	drop_rule_tail(a);
	drop_credit_lines(a);
	if (drop_teaser_lists(a) == -1 || drop_caps_links(a) == -1)
		return -1;
	hx_drop_more_parts(a);
	return 0;
}
