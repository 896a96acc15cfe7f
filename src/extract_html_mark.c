/*
 * extract_html_mark: the static facts of each element (its tag's
 * properties from the tag table, what its class, id, role, rel and
 * style say) and the marks of one attempt (what is stripped: hidden
 * and unlikely boxes, the byline element, the title repeated), plus the
 * tree walks the other files share.  Class and id words name kinds of
 * page parts, never sites.
 */
#include <stdlib.h>
#include <string.h>

#include "extract_html_tree.h"

struct tagdef {
	const char	*name;
	enum tag	 tag;
	int		 props;
};

/* Sorted by name for bsearch(). */
static const struct tagdef tagdefs[] = {
	{ "a", T_A, 0 },
	{ "address", T_ADDRESS, P_BREAK },
	{ "article", T_ARTICLE, P_BREAK },
	{ "aside", T_ASIDE, P_BREAK },
	{ "base", T_BASE, P_DROP },
	{ "blockquote", T_BLOCKQUOTE, P_DIVP | P_BREAK },
	{ "body", T_BODY, P_BREAK },
	{ "br", T_BR, 0 },
	{ "button", T_BUTTON, P_DROP },
	{ "canvas", T_CANVAS, P_DROP },
	{ "caption", T_CAPTION, P_BREAK },
	{ "center", T_CENTER, P_BREAK },
	{ "code", T_CODE, 0 },
	{ "dd", T_DD, P_BREAK },
	{ "details", T_DETAILS, P_BREAK },
	{ "dialog", T_DIALOG, P_DROP },
	{ "div", T_DIV, P_DIVP | P_BREAK },
	{ "dl", T_DL, P_DIVP | P_BREAK },
	{ "dt", T_DT, P_BREAK },
	{ "embed", T_EMBED, P_DROP },
	{ "fieldset", T_FIELDSET, P_BREAK },
	{ "figcaption", T_FIGCAPTION, P_BREAK },
	{ "figure", T_FIGURE, P_BREAK },
	{ "footer", T_FOOTER, P_BREAK },
	{ "form", T_FORM, P_BREAK },
	{ "h1", T_H1, P_BREAK },
	{ "h2", T_H2, P_BREAK | P_SCORE },
	{ "h3", T_H3, P_BREAK | P_SCORE },
	{ "h4", T_H4, P_BREAK | P_SCORE },
	{ "h5", T_H5, P_BREAK | P_SCORE },
	{ "h6", T_H6, P_BREAK | P_SCORE },
	{ "head", T_HEAD, P_DROP },
	{ "header", T_HEADER, P_BREAK },
	{ "hr", T_HR, P_BREAK },
	{ "html", T_HTML, P_BREAK },
	{ "iframe", T_IFRAME, P_DROP },
	{ "img", T_IMG, P_DIVP },
	{ "input", T_INPUT, P_DROP },
	{ "li", T_LI, P_BREAK },
	{ "link", T_LINK, P_DROP },
	{ "main", T_MAIN, P_BREAK },
	{ "math", T_MATH, P_DROP },
	{ "menu", T_MENU, P_BREAK },
	{ "meta", T_META, P_DROP },
	{ "nav", T_NAV, P_BREAK },
	{ "noscript", T_NOSCRIPT, P_DROP },
	{ "object", T_OBJECT, P_DROP },
	{ "ol", T_OL, P_DIVP | P_BREAK },
	{ "option", T_OPTION, P_DROP },
	{ "p", T_P, P_DIVP | P_BREAK | P_SCORE },
	{ "picture", T_PICTURE, 0 },
	{ "pre", T_PRE, P_DIVP | P_BREAK | P_SCORE },
	{ "script", T_SCRIPT, P_DROP },
	{ "section", T_SECTION, P_BREAK | P_SCORE },
	{ "select", T_SELECT, P_DROP },
	{ "source", T_SOURCE, P_DROP },
	{ "style", T_STYLE, P_DROP },
	{ "summary", T_SUMMARY, P_BREAK },
	{ "svg", T_SVG, P_DROP },
	{ "table", T_TABLE, P_DIVP | P_BREAK },
	{ "tbody", T_TBODY, P_BREAK },
	{ "td", T_TD, P_SCORE },
	{ "template", T_TEMPLATE, P_DROP },
	{ "textarea", T_TEXTAREA, P_DROP },
	{ "tfoot", T_TFOOT, P_BREAK },
	{ "th", T_TH, 0 },
	{ "thead", T_THEAD, P_BREAK },
	{ "title", T_TITLE, P_DROP },
	{ "tr", T_TR, P_BREAK },
	{ "ul", T_UL, P_DIVP | P_BREAK },
	{ "video", T_VIDEO, P_DROP },
};

void
hx_walk(struct hx *hx, xmlNodePtr root, enter_fn enter, leave_fn leave)
{
	xmlNodePtr n = root;

	while (n != NULL) {
		if (enter(hx, n) && n->children != NULL) {
			n = n->children;
			continue;
		}
		for (;;) {
			if (leave != NULL)
				leave(hx, n);
			if (n == root)
				return;
			if (n->next != NULL) {
				n = n->next;
				break;
			}
			n = n->parent;
		}
	}
}

static int
tagcmp(const void *k, const void *e)
{
	return strcmp(k, ((const struct tagdef *)e)->name);
}


/* An attribute's value, borrowed from the tree, or NULL. */
const char *
hx_attr(xmlNodePtr n, const char *name)
{
	xmlAttrPtr a;

	for (a = n->properties; a != NULL; a = a->next) {
		if (a->children != NULL && a->children->content != NULL &&
		    ascii_casecmp((const char *)a->name, name) == 0)
			return (const char *)a->children->content;
		if (a->children == NULL &&
		    ascii_casecmp((const char *)a->name, name) == 0)
			return "";
	}
	return NULL;
}

/*
 * Substring lists over class and id, lower case.  They name kinds of
 * page parts (comments, share bars, teasers), never sites.
 */
static const char *const positive_words[] = {
	"article", "body", "content", "entry", "hentry", "h-entry", "main",
	"page", "pagination", "post", "text", "blog", "story", "paragraph", NULL
};
static const char *const negative_words[] = {
	"-ad-", "hidden", "banner", "combx", "comment", "com-", "contact",
	"foot", "footnote", "gdpr", "masthead", "media", "meta", "outbrain",
	"promo", "related", "scroll", "share", "shoutbox", "sidebar",
	"skyscraper", "sponsor", "shopping", "tags", "tool", "widget",
	"newsletter", NULL
};
static const char *const unlikely_words[] = {
	"-ad-", "ai2html", "banner", "breadcrumbs", "combx", "comment",
	"community", "cover-wrap", "disqus", "extra", "footer", "gdpr",
	"header", "legends", "menu", "related", "remark", "replies", "rss",
	"shoutbox", "sidebar", "skyscraper", "social", "sponsor",
	"supplemental", "ad-break", "agegate", "pagination", "pager",
	"popup", "yom-remote", "dialog", "modal", "cookie", "consent",
	"disclaimer", "disclosure", "kommentar", "comentario",
	"rating", "affiliate", "signup", "-cta", "cta-", "_cta", NULL
};
static const char *const maybe_words[] = {
	"and", "article", "body", "column", "content", "main", "shadow", NULL
};
static const char *const related_words[] = {
	"related", "recommend", "read-more", "readmore", "more-stories",
	"teaser", "also-read", "further-reading", "more-articles",
	"popular", "trending", "most-read", "mostread", NULL
};
static const char *const byline_words[] = {
	"byline", "author", "dateline", "writtenby", "p-author", NULL
};
static const char *const caption_words[] = {
	"caption", "credit", "copyright", NULL
};
static const char *const intro_words[] = {
	"intro", "lead", "lede", "standfirst", "excerpt", "abstract",
	"teaser-text", "article-teaser", "summary", "bajada", "subheadline",
	NULL
};

/* Which of the lists above have a word in lc (lower case)?  Class lists
 * are read for every element, so the lists are searched in one pass over
 * the text: at each position only the words that begin with its byte are
 * compared.  Bit k of the result stands for word_lists[k]. */
enum {
	WL_POSITIVE = 1 << 0, WL_NEGATIVE = 1 << 1, WL_UNLIKELY = 1 << 2,
	WL_MAYBE = 1 << 3, WL_RELATED = 1 << 4, WL_BYLINE = 1 << 5,
	WL_CAPTION = 1 << 6, WL_INTRO = 1 << 7
};
static const char *const *const word_lists[] = {
	positive_words, negative_words, unlikely_words, maybe_words,
	related_words, byline_words, caption_words, intro_words
};
#define NLISTS	(sizeof word_lists / sizeof word_lists[0])
#define NWORDS	200
#define LISTLEN(l)	(sizeof (l) / sizeof (l)[0] - 1)
_Static_assert(LISTLEN(positive_words) + LISTLEN(negative_words) +
    LISTLEN(unlikely_words) + LISTLEN(maybe_words) + LISTLEN(related_words) +
    LISTLEN(byline_words) + LISTLEN(caption_words) +
    LISTLEN(intro_words) <= NWORDS,
    "NWORDS too small for the word lists");

static struct word_index {
	const char *word[NWORDS];
	unsigned char len[NWORDS];
	unsigned char lists[NWORDS];
	unsigned char first[257];	/* words of byte b: [first[b], first[b+1]) */
	int	 ready;
} wx;

static void
word_index_build(void)
{
	unsigned char fill[256];
	size_t	 i, k, b, n = 0;
	const char *const *w;

	/* Counting sort by first byte, a word in several lists kept once
	 * with all their bits: count, place, then close the gaps left by
	 * duplicates. */
	memset(fill, 0, sizeof fill);
	for (k = 0; k < NLISTS; k++)
		for (w = word_lists[k]; *w != NULL; w++)
			fill[(unsigned char)**w]++;
	for (b = 0; b < 256; b++) {
		wx.first[b] = (unsigned char)n;
		n += fill[b];
		fill[b] = 0;
	}
	wx.first[256] = (unsigned char)n;
	for (k = 0; k < NLISTS; k++)
		for (w = word_lists[k]; *w != NULL; w++) {
			b = (unsigned char)**w;
			for (i = wx.first[b]; i < wx.first[b] + fill[b]; i++)
				if (strcmp(wx.word[i], *w) == 0)
					break;
			if (i == wx.first[b] + fill[b]) {
				wx.word[i] = *w;
				wx.len[i] = (unsigned char)strlen(*w);
				fill[b]++;
			}
			wx.lists[i] |= (unsigned char)(1 << k);
		}
	for (b = 0, n = 0; b < 256; b++) {
		for (i = 0; i < fill[b]; i++, n++) {
			wx.word[n] = wx.word[wx.first[b] + i];
			wx.len[n] = wx.len[wx.first[b] + i];
			wx.lists[n] = wx.lists[wx.first[b] + i];
		}
		wx.first[b] = (unsigned char)(n - fill[b]);
	}
	wx.first[256] = (unsigned char)n;
	wx.ready = 1;
}

static unsigned
word_lists_in(const char *lc)
{
	const unsigned char *p, *w;
	unsigned mask = 0;
	size_t	 i, k, end;

	if (!wx.ready)
		word_index_build();
	for (p = (const unsigned char *)lc; *p != '\0'; p++) {
		end = wx.first[*p + 1];
		for (i = wx.first[*p]; i < end; i++) {
			w = (const unsigned char *)wx.word[i];
			if ((mask & wx.lists[i]) == wx.lists[i] || p[1] != w[1])
				continue;
			/* The text's NUL stops the loop: no word holds one. */
			for (k = 2; k < wx.len[i] && p[k] == w[k]; k++)
				;
			if (k == wx.len[i])
				mask |= wx.lists[i];
		}
	}
	return mask;
}

/* "share" and "sharedaddy" as a word or between underscores, in lower
 * case text. */
static int
has_share(const char *s)
{
	const char *p;

	for (p = strstr(s, "share"); p != NULL; p = strstr(p + 1, "share")) {
		if (p > s && (ascii_isalpha((unsigned char)p[-1]) ||
		    ascii_isdigit((unsigned char)p[-1])))
			continue;
		if (!ascii_isalpha((unsigned char)p[5]) ||
		    strncmp(p + 5, "daddy", 5) == 0)
			return 1;
	}
	return 0;
}

/* The class/id weight of one attribute value from its word lists. */
static int
attr_weight(unsigned lists)
{
	int	 w = 0;

	if (lists & WL_NEGATIVE)
		w -= 25;
	if (lists & WL_POSITIVE)
		w += 25;
	return w;
}

/* A lower-case copy of v, cut to the buffer (class lists longer than
 * that are not read further). */
static void
lower_copy(const char *v, char *out, size_t outsz)
{
	size_t	 i;

	for (i = 0; v != NULL && v[i] != '\0' && i + 1 < outsz; i++)
		out[i] = (char)ascii_tolower((unsigned char)v[i]);
	out[i] = '\0';
}

/* Does a style attribute hide the element? */
static int
style_hidden(const char *s)
{
	char	 c[64];
	size_t	 i, j;

	for (i = 0, j = 0; s[i] != '\0'; i++) {
		if (ascii_isspace((unsigned char)s[i]))
			continue;
		if (j + 1 < sizeof c)
			c[j++] = (char)ascii_tolower((unsigned char)s[i]);
		c[j] = '\0';
		if (s[i] == ';') {
			if (strstr(c, "display:none") != NULL ||
			    strstr(c, "visibility:hidden") != NULL)
				return 1;
			j = 0;
		}
	}
	c[j] = '\0';
	return strstr(c, "display:none") != NULL ||
	    strstr(c, "visibility:hidden") != NULL;
}

/* Does the space-separated list s hold the token w (any case)? */
static int
has_token(const char *s, const char *w)
{
	size_t	 l = strlen(w), n;

	while (*s != '\0') {
		while (ascii_isspace((unsigned char)*s))
			s++;
		for (n = 0; s[n] != '\0' && !ascii_isspace((unsigned char)s[n]);
		    n++)
			;
		if (n == l && ascii_ncasecmp(s, w, l) == 0)
			return 1;
		s += n;
	}
	return 0;
}

/* What a class value says: its word lists, and whether it has "share"
 * (has_share()) and "fallback-image". */
struct class_words {
	unsigned mask;
	int	 share, fallback;
};

/*
 * The class values seen by one walk over a page, by hash: a page repeats
 * its class values (a list of forty teasers, each "card card--small"),
 * and matching the word lists costs ten times a hash.  A slot holds the
 * newest value; the strings are the tree's, unchanged during the walk.
 */
#define MEMO_SLOTS	512
struct class_memo {
	const char *v;
	uint32_t h;
	struct class_words cw;
};

static void
class_words(struct class_memo *memo, const char *v, struct class_words *cw)
{
	char	 lc[256];
	uint32_t h = 2166136261u;
	const unsigned char *p;
	struct class_memo *m;

	/* FNV-1a. */
	for (p = (const unsigned char *)v; *p != '\0'; p++)
		h = (h ^ *p) * 16777619u;
	m = &memo[h % MEMO_SLOTS];
	if (m->v != NULL && m->h == h && strcmp(m->v, v) == 0) {
		*cw = m->cw;
		return;
	}
	lower_copy(v, lc, sizeof lc);
	cw->mask = word_lists_in(lc);
	cw->fallback = strstr(lc, "fallback-image") != NULL;
	cw->share = has_share(lc);
	m->v = v;
	m->h = h;
	m->cw = *cw;
}

/* Attribute-derived flags and weight: computed once per element. */
static void
class_info(struct class_memo *memo, xmlNodePtr n, struct hnode *h)
{
	const char *cls = NULL, *id = NULL, *rel = NULL, *prop = NULL;
	const char *aria = NULL, *style = NULL, *role = NULL, *v;
	const char *name;
	char	 li[256];
	struct class_words cw;
	unsigned mc = 0, mi = 0, m;
	xmlAttrPtr a;
	int	 k = 0;

	/* One pass over the attributes (libxml2 gives HTML names in lower
	 * case; the first of a name wins, as in attr()). */
	for (a = n->properties; a != NULL; a = a->next) {
		name = (const char *)a->name;
		v = a->children == NULL ? "" : a->children->content == NULL ?
		    NULL : (const char *)a->children->content;
		if (v == NULL)
			continue;
		switch (ascii_tolower((unsigned char)name[0])) {
		case 'a':
			if (aria == NULL && ascii_casecmp(name, "aria-hidden") == 0)
				aria = v;
			break;
		case 'c':
			if (cls == NULL && ascii_casecmp(name, "class") == 0)
				cls = v;
			break;
		case 'h':
			if (ascii_casecmp(name, "hidden") == 0)
				h->flags |= F_HIDDEN;
			break;
		case 'i':
			if (id == NULL && ascii_casecmp(name, "id") == 0)
				id = v;
			else if (prop == NULL &&
			    ascii_casecmp(name, "itemprop") == 0)
				prop = v;
			break;
		case 'r':
			if (rel == NULL && ascii_casecmp(name, "rel") == 0)
				rel = v;
			else if (role == NULL && ascii_casecmp(name, "role") == 0)
				role = v;
			break;
		case 's':
			if (style == NULL && ascii_casecmp(name, "style") == 0)
				style = v;
			break;
		}
	}
	if (cls != NULL && *cls != '\0') {
		class_words(memo, cls, &cw);
		mc = cw.mask;
		k = cw.fallback;
		if (cw.share)
			h->flags |= F_SHARE;
	}
	if (id != NULL && *id != '\0') {
		lower_copy(id, li, sizeof li);
		mi = word_lists_in(li);
		if (has_share(li))
			h->flags |= F_SHARE;
	}
	h->weight = attr_weight(mc) + attr_weight(mi);
	m = mc | mi;
	if ((m & WL_UNLIKELY) && !(m & WL_MAYBE))
		h->flags |= F_UNLIKELY;
	if (m & WL_RELATED)
		h->flags |= F_RELCLS;
	if (m & WL_BYLINE)
		h->flags |= F_BYLINE;
	if (m & WL_CAPTION)
		h->flags |= F_CAPTION;
	if (m & WL_INTRO)
		h->flags |= F_INTRO;
	if (rel != NULL && ascii_casecmp(rel, "author") == 0)
		h->flags |= F_BYLINE;
	if (rel != NULL && h->tag == T_A && has_token(rel, "tag"))
		h->flags |= F_TAGLINK;
	if (prop != NULL) {
		if (ascii_casestr(prop, strlen(prop), "author"))
			h->flags |= F_BYLINE;
		if (ascii_casestr(prop, strlen(prop), "articlebody"))
			h->flags |= F_INBODY;
		/* A recipe's ingredient ("recipeIngredient",
		 * "ingredients"). */
		if (ascii_casestr(prop, strlen(prop), "ingredient"))
			h->flags |= F_INGRED;
		/* schema.org's description of the page's item, in the
		 * body, is its standfirst (a heading so marked is a
		 * sub-head, left as headings are). */
		if (has_token(prop, "description") &&
		    !(h->tag >= T_H1 && h->tag <= T_H6))
			h->flags |= F_INTRO;
	}
	if (aria != NULL && ascii_casecmp(aria, "true") == 0 && !k)
		h->flags |= F_HIDDEN;
	if (style != NULL && style_hidden(style))
		h->flags |= F_HIDDEN;
	if (h->tag == T_MAIN ||
	    (role != NULL && ascii_casecmp(role, "main") == 0))
		h->flags |= F_MAIN;
	if (role != NULL &&
	    (ascii_casecmp(role, "menu") == 0 ||
	    ascii_casecmp(role, "menubar") == 0 ||
	    ascii_casecmp(role, "complementary") == 0 ||
	    ascii_casecmp(role, "navigation") == 0 ||
	    ascii_casecmp(role, "alert") == 0 ||
	    ascii_casecmp(role, "alertdialog") == 0 ||
	    ascii_casecmp(role, "dialog") == 0))
		h->flags |= F_ROLE;
}

/* Deeper than libxml2 lets a page nest without HTML_PARSE_HUGE (256):
 * the recursion below never goes past it. */
#define TREE_DEPTH_MAX	1024

/*
 * Points every child's parent at the node whose children list holds it.
 * libxml2 2.9 leaves children of a stray second <body> pointing at an
 * element that is not in the tree, which would end upward walks early.
 */
void
extract_html_fix_parents(xmlNodePtr n, int depth)
{
	xmlNodePtr c;

	for (c = n->children; c != NULL; c = c->next) {
		c->parent = n;
		if (c->type == XML_ELEMENT_NODE && depth < TREE_DEPTH_MAX)
			extract_html_fix_parents(c, depth + 1);
	}
}

/*
 * The page's own landmarks win over what a box around them says: a
 * parser that does not know HTML5's elements (libxml2 2.9 leaves a
 * <header> or a <section role="complementary"> open) or a layout that
 * wraps the whole page in one "menu-container" puts the story inside
 * a box that looks like chrome.  The ancestors of <main>, role="main"
 * and itemprop="articleBody" are marked so that they are never
 * stripped for their class, id or role.  The ancestors of an h1 and
 * of a standfirst are marked too (see holds_head_intro()).
 */
static void
hold_main(xmlNodePtr root)
{
	xmlNodePtr n, a;

	for (n = root; n != NULL; n = next_in(n, root, 0)) {
		if (n->type != XML_ELEMENT_NODE || n->_private == NULL)
			continue;
		if (hn(n)->flags & F_INTRO)
			for (a = n->parent; a != NULL && is_elem(a) &&
			    !(hn(a)->flags & F_HOLDSINTRO); a = a->parent)
				hn(a)->flags |= F_HOLDSINTRO;
		if (hn(n)->tag == T_H1)
			for (a = n->parent; a != NULL && is_elem(a) &&
			    !(hn(a)->flags & F_HOLDSH1); a = a->parent)
				hn(a)->flags |= F_HOLDSH1;
		if (!(hn(n)->flags & (F_MAIN | F_INBODY)))
			continue;
		for (a = n->parent; a != NULL && is_elem(a) &&
		    !(hn(a)->flags & F_HOLDSMAIN); a = a->parent)
			hn(a)->flags |= F_HOLDSMAIN;
	}
}

/* Gives every element its side-table entry and static facts. */
int
hx_setup_nodes(struct hx *hx)
{
	xmlNodePtr root = xmlDocGetRootElement(hx->doc), n;
	size_t	 count_el = 0, i = 0;
	const struct tagdef *td;
	struct class_memo *memo;

	if (root == NULL)
		return 0;
	/* Parents are fixed (fix_parents()) by the caller. */
	/* Count, then fill: two iterative walks. */
	for (n = root; n != NULL;) {
		if (n->type == XML_ELEMENT_NODE)
			count_el++;
		if (n->type == XML_ELEMENT_NODE && n->children != NULL) {
			n = n->children;
			continue;
		}
		while (n != NULL && n->next == NULL)
			n = n->parent == (xmlNodePtr)hx->doc ? NULL : n->parent;
		if (n != NULL)
			n = n->next;
	}
	if ((hx->nodes = calloc(count_el, sizeof *hx->nodes)) == NULL &&
	    count_el > 0)
		return -1;
	if ((memo = calloc(MEMO_SLOTS, sizeof *memo)) == NULL)
		return -1;
	hx->nnodes = count_el;
	for (n = root; n != NULL;) {
		if (n->type == XML_ELEMENT_NODE && i < count_el) {
			struct hnode *h = &hx->nodes[i++];

			n->_private = h;
			if ((td = bsearch(n->name, tagdefs, sizeof tagdefs /
			    sizeof tagdefs[0], sizeof tagdefs[0], tagcmp)) !=
			    NULL) {
				h->tag = td->tag;
				h->props = td->props;
			}
			class_info(memo, n, h);
			if (h->flags & F_INGRED)
				hx->has_ingred = 1;
			if (h->tag == T_BODY && hx->body == NULL)
				hx->body = n;
		}
		if (n->type == XML_ELEMENT_NODE && n->children != NULL) {
			n = n->children;
			continue;
		}
		while (n != NULL && n->next == NULL)
			n = n->parent == (xmlNodePtr)hx->doc ? NULL : n->parent;
		if (n != NULL)
			n = n->next;
	}
	if (hx->body == NULL)
		hx->body = root;
	free(memo);
	hold_main(root);
	return 0;
}

/* Lower-cased, space-folded text for comparisons.  Caller frees. */
char *
hx_norm_text(const char *s)
{
	struct buf b;
	size_t	 n = strlen(s), i;
	int	 sp = 0;

	buf_init(&b, n + 1);
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (ascii_isspace(c)) {
			sp = 1;
			continue;
		}
		if (sp && b.len > 0 && buf_putc(&b, ' ') != BUF_OK)
			break;
		sp = 0;
		if (buf_putc(&b, (char)ascii_tolower(c)) != BUF_OK)
			break;
	}
	return buf_take(&b);
}

/*
 * Is n a wrapper around one quotation and nothing else (blanks,
 * scripts)?  Embedded posts come so, in a box whose class names the
 * social network or the media ("social-media-embed"): the quote is the
 * story's, whatever the box is called.
 */
int
hx_wraps_quote(xmlNodePtr n)
{
	xmlNodePtr k, q = NULL;
	const xmlChar *t;

	for (k = n->children; k != NULL; k = k->next) {
		if (k->type == XML_TEXT_NODE) {
			for (t = k->content; t != NULL && *t != '\0'; t++)
				if (!ascii_isspace(*t))
					return 0;
			continue;
		}
		if (k->type != XML_ELEMENT_NODE || k->_private == NULL ||
		    (hn(k)->props & P_DROP))
			continue;
		if (q != NULL || hn(k)->tag != T_BLOCKQUOTE)
			return 0;
		q = k;
	}
	return q != NULL;
}

/* Counts in n's subtree the links (*links) and pictures (*imgs); 0 when
 * text stands outside the links. */
static int
card_walk(xmlNodePtr n, int in_a, int depth, int *links, int *imgs)
{
	xmlNodePtr k;
	const xmlChar *t;
	int	 a;

	if (depth > TREE_DEPTH_MAX)
		return 0;
	for (k = n->children; k != NULL; k = k->next) {
		if (k->type == XML_TEXT_NODE && !in_a) {
			for (t = k->content; t != NULL && *t != '\0'; t++)
				if (!ascii_isspace(*t))
					return 0;
			continue;
		}
		if (k->type != XML_ELEMENT_NODE || k->_private == NULL)
			continue;
		a = hn(k)->tag == T_A;
		*links += a;
		*imgs += hn(k)->tag == T_IMG;
		if (!card_walk(k, in_a || a, depth + 1, links, imgs))
			return 0;
	}
	return 1;
}

/*
 * Is n a link's hover card: a <span> right after a link (blanks aside)
 * that holds a picture and at least HOVER_CARD_LINKS links and no text
 * outside them (the person's portrait and latest stories)?  The card
 * shows on hovering the link; in the text it splits the sentence.
 */
#define HOVER_CARD_LINKS	3

static int
is_hover_card(xmlNodePtr n)
{
	xmlNodePtr p;
	const xmlChar *t;
	int	 links = 0, imgs = 0;

	if (strcmp((const char *)n->name, "span") != 0)
		return 0;
	for (p = n->prev; p != NULL && p->type == XML_TEXT_NODE; p = p->prev) {
		for (t = p->content; t != NULL && *t != '\0'; t++)
			if (!ascii_isspace(*t))
				return 0;
	}
	if (p == NULL || p->type != XML_ELEMENT_NODE || p->_private == NULL ||
	    hn(p)->tag != T_A)
		return 0;
	return card_walk(n, 0, 0, &links, &imgs) && imgs > 0 &&
	    links >= HOVER_CARD_LINKS;
}

/*
 * Does n open with a close control (its first element's class has the
 * token "close", "btn-close" or "close-button")?  Such a box is an
 * overlay shown on demand (shipping terms, a notice), not the story.
 */
static int
opens_with_close(xmlNodePtr n)
{
	static const char *const names[] = {
		"close", "btn-close", "close-button", NULL
	};
	xmlNodePtr k;
	const xmlChar *t;
	const char *cls;
	size_t	 i;

	for (k = n->children; k != NULL; k = k->next) {
		if (k->type == XML_ELEMENT_NODE)
			break;
		if (k->type != XML_TEXT_NODE)
			continue;
		for (t = k->content; t != NULL && *t != '\0'; t++)
			if (!ascii_isspace(*t))
				return 0;
	}
	if (k == NULL || (cls = hx_attr(k, "class")) == NULL)
		return 0;
	for (i = 0; names[i] != NULL; i++)
		if (has_token(cls, names[i]))
			return 1;
	return 0;
}

/* Does the subtree of top hold n? */
static int
holds(xmlNodePtr top, xmlNodePtr n)
{
	for (; n != NULL; n = n->parent)
		if (n == top)
			return 1;
	return 0;
}

/*
 * A byline element's text without the blocks beside its one author
 * link (rel=author, a class or itemprop naming the author): a byline
 * box often puts the writer's job title, a date or a "Follow" button in
 * boxes of their own after the name ("Ann Writer" then "Games
 * Editor").  Text beside the link in the same box ("By Ann Writer<br>
 * Desk") stays.  NULL when the element holds no author link or several,
 * or nothing is left out.  Caller frees.
 */
static char *
byline_name(xmlNodePtr top)
{
	xmlNodePtr n = top->children, link = NULL;
	struct buf b;
	size_t	 i, skipped = 0;
	int	 sp = 0;

	while (n != NULL && n != top) {
		if (is_elem(n) && hn(n)->tag == T_A &&
		    (hn(n)->flags & F_BYLINE)) {
			if (link != NULL)
				return NULL;
			link = n;
		} else if (n->type == XML_ELEMENT_NODE && n->children != NULL) {
			n = n->children;
			continue;
		}
		while (n != top && n->next == NULL)
			n = n->parent;
		if (n == top)
			break;
		n = n->next;
	}
	if (link == NULL)
		return NULL;
	buf_init(&b, ARTICLE_FIELD_MAX_BYTES);
	for (n = top->children; n != NULL && n != top;) {
		if (is_elem(n) && (hn(n)->props & (P_BREAK | P_DROP)) &&
		    !holds(n, link)) {
			skipped++;
		} else if (is_elem(n) && (hn(n)->tag == T_BR ||
		    (hn(n)->props & P_BREAK))) {
			/* A line break or a box parts words. */
			sp = 1;
			if (n->children != NULL) {
				n = n->children;
				continue;
			}
		} else if (n->type == XML_TEXT_NODE && n->content != NULL) {
			const char *t = (const char *)n->content;

			for (i = 0; t[i] != '\0'; i++) {
				if (ascii_isspace((unsigned char)t[i])) {
					sp = 1;
					continue;
				}
				if ((sp && b.len > 0 && buf_putc(&b, ' ') !=
				    BUF_OK) || buf_putc(&b, t[i]) != BUF_OK)
					break;
				sp = 0;
			}
		} else if (n->type == XML_ELEMENT_NODE && n->children != NULL) {
			n = n->children;
			continue;
		}
		while (n != top && n->next == NULL)
			n = n->parent;
		if (n == top)
			break;
		n = n->next;
	}
	if (skipped == 0 || b.len == 0) {
		buf_release(&b);
		return NULL;
	}
	return buf_take(&b);
}

/* Does a box hold the headline (h1) and a standfirst?  It is the
 * story's header, not stripped though its class says chrome
 * ("entry-header"), so that the standfirst in it can be found. */
static int
holds_head_intro(const struct hnode *h)
{
	return (h->flags & (F_HOLDSINTRO | F_HOLDSH1)) ==
	    (F_HOLDSINTRO | F_HOLDSH1);
}

static int
mark_enter(struct hx *hx, xmlNodePtr n)
{
	struct hnode *h;
	char	*t, *nt;

	if (n->type != XML_ELEMENT_NODE || n->_private == NULL)
		return 0;
	h = hn(n);
	h->flags &= ~(F_STRIP | F_CAND | F_CUT | F_WRAPPER | F_KEEP);
	h->score = 0;
	if (h->tag == T_TABLE)
		hx->in_table++;
	if (h->tag == T_CODE)
		hx->in_code++;
	if (((h->props & P_DROP) && !(h->tag == T_NOSCRIPT &&
	    (hx->attempt & A_NOSCRIPT))) || ((h->flags & F_HIDDEN) &&
	    h->tag != T_BODY && h->tag != T_HTML) ||
	    ((h->flags & F_ROLE) && !(h->flags & F_HOLDSMAIN) &&
	    h->tag != T_BODY && h->tag != T_HTML) ||
	    (n->name[0] == 'o' && strcmp((const char *)n->name, "o:p") == 0) ||
	    (n->name[0] == 's' && is_hover_card(n))) {
		h->flags |= F_STRIP;
		return 0;
	}
	if ((hx->attempt & A_STRIP_UNLIKELY) && ((h->flags & F_UNLIKELY) ||
	    (h->tag == T_DIV && opens_with_close(n))) &&
	    !(h->flags & F_HOLDSMAIN) && !holds_head_intro(h) &&
	    h->tag != T_BODY && h->tag != T_HTML && h->tag != T_A &&
	    hx->in_table == 0 &&
	    hx->in_code == 0 && !hx_wraps_quote(n)) {
		h->flags |= F_STRIP;
		return 0;
	}
	/* A byline element: remember its text, keep it out of the story. */
	if ((h->flags & F_BYLINE) && hx->meta.byline == NULL &&
	    hx->byline == NULL && h->tag != T_BODY && h->tag != T_HTML) {
		t = extract_html_node_text(n, ARTICLE_FIELD_MAX_BYTES);
		if (t != NULL && *t != '\0' && strlen(t) < 100) {
			hx->byline = t;
			hx->byline_name = byline_name(n);
			h->flags |= F_STRIP;
			return 0;
		}
		free(t);
	}
	/* The first h1/h2 repeating the title is not body text. */
	if ((h->tag == T_H1 || h->tag == T_H2) && !hx->title_dup_done &&
	    hx->title_norm != NULL) {
		t = extract_html_node_text(n, ARTICLE_FIELD_MAX_BYTES);
		nt = t != NULL ? hx_norm_text(t) : NULL;
		if (nt != NULL && strcmp(nt, hx->title_norm) == 0) {
			hx->title_dup_done = 1;
			h->flags |= F_STRIP;
			free(t);
			free(nt);
			return 0;
		}
		free(t);
		free(nt);
	}
	return 1;
}

static void
mark_leave(struct hx *hx, xmlNodePtr n)
{
	if (n->type != XML_ELEMENT_NODE || n->_private == NULL)
		return;
	if (hn(n)->tag == T_TABLE)
		hx->in_table--;
	if (hn(n)->tag == T_CODE)
		hx->in_code--;
}

void
hx_mark(struct hx *hx)
{
	hx->in_table = hx->in_code = 0;
	hx->title_dup_done = 0;
	hx_walk(hx, xmlDocGetRootElement(hx->doc), mark_enter, mark_leave);
}
