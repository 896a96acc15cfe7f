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
 * Limits: libxml2 caps the nesting depth (256) and text node sizes
 * without HTML_PARSE_HUGE; blocks are cut at ARTICLE_FIELD_MAX_BYTES.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>

#include "arena.h"
#include "extract.h"
#include "extract_html_int.h"

enum tag {
	T_OTHER = 0, T_A, T_ADDRESS, T_ARTICLE, T_ASIDE, T_BASE,
	T_BLOCKQUOTE, T_BODY, T_BR, T_BUTTON, T_CANVAS, T_CAPTION, T_CENTER,
	T_CODE, T_DD, T_DETAILS, T_DIALOG, T_DIV, T_DL, T_DT, T_EMBED,
	T_FIELDSET, T_FIGCAPTION, T_FIGURE, T_FOOTER, T_FORM, T_H1, T_H2,
	T_H3, T_H4, T_H5, T_H6, T_HEAD, T_HEADER, T_HR, T_HTML, T_IFRAME,
	T_IMG, T_INPUT, T_LI, T_LINK, T_MAIN, T_MATH, T_MENU, T_META, T_NAV,
	T_NOSCRIPT, T_OBJECT, T_OL, T_OPTION, T_P, T_PICTURE, T_PRE,
	T_SCRIPT, T_SECTION, T_SELECT, T_SOURCE, T_STYLE, T_SUMMARY, T_SVG,
	T_TABLE, T_TBODY, T_TD, T_TEMPLATE, T_TEXTAREA, T_TFOOT, T_TH,
	T_THEAD, T_TITLE, T_TR, T_UL, T_VIDEO
};

/* Tag properties. */
#define P_DROP		0x01	/* never text: script, style, forms... */
#define P_DIVP		0x02	/* a block that stops a div being a paragraph */
#define P_BREAK		0x04	/* ends the block being written */
#define P_SCORE		0x08	/* a paragraph-like element to score */

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

/* Node flags. */
#define F_DROP		0x0001	/* not part of the page's text at all */
#define F_UNLIKELY	0x0002	/* class/id says chrome */
#define F_HIDDEN	0x0004	/* hidden, aria-hidden, display:none */
#define F_CAND		0x0008	/* has a content score */
#define F_CUT		0x0010	/* removed from the story by cleaning */
#define F_WRAPPER	0x0020	/* a div around a single p */
#define F_RELCLS	0x0040	/* class/id says related or teaser */
#define F_SHARE		0x0080	/* class/id says share bar */
#define F_BYLINE	0x0100	/* class/id/rel says byline */
#define F_ROLE		0x0200	/* role says menu, dialog, complementary */
#define F_DATATABLE	0x0400	/* a table of data, kept */
#define F_STRIP		0x0800	/* dropped in this attempt */
#define F_INBODY	0x1000	/* itemprop articleBody */
#define F_CAPTION	0x2000	/* caption or credit */
#define F_KEEP		0x4000	/* holds a paragraph cluster: never cut */
#define F_TAGLINK	0x8000	/* a link with rel="tag" */

/* Attempt flags, relaxed one by one when too little text is found. */
#define A_STRIP_UNLIKELY	0x1
#define A_WEIGHT		0x2
#define A_CLEAN			0x4

struct hnode {
	enum tag	 tag;
	int		 props;
	unsigned	 flags;
	int		 weight;	/* class/id weight, -50..50 */
	double		 score;
	/* Counts over the kept subtree, computed bottom up. */
	size_t		 text;		/* characters, white space folded */
	double		 link;		/* characters inside links */
	size_t		 commas;
	size_t		 itext;		/* text of inline children */
	size_t		 icommas;
	unsigned	 np, nimg, nli, ninput, nembed, nblock, nchild;
	unsigned	 nheadtext;	/* characters inside headings */
	size_t		 tagtext;	/* characters inside rel="tag" links */
	unsigned	 ntag;		/* rel="tag" links below */
};

/* What a cut subtracts from its ancestors. */
struct counts {
	size_t		 text, commas;
	double		 link;
	unsigned	 np, nimg, nli, ninput, nembed, nheadtext;
	size_t		 tagtext;
	unsigned	 ntag;
};

struct hx {
	htmlDocPtr	 doc;
	xmlNodePtr	 body;
	struct hnode	*nodes;
	size_t		 nnodes;
	struct html_meta meta;
	const char	*base;		/* for URL resolution */
	int		 attempt;
	xmlNodePtr	*cands;
	size_t		 ncands, cands_cap;
	int		 nomem;
	/* state of the marking walk */
	int		 in_table, in_code;
	int		 title_dup_done;
	char		*byline;	/* from a byline element */
	char		*title_norm;
	struct emit	*em;		/* the writer, while blocks are written */
	struct article	*em_article;	/* where related links go */
};

/* The block being written. */
struct out {
	struct hx	*hx;
	struct article	*a;
	struct buf	 b;
	int		 space;		/* a space is pending */
	int		 full;		/* the block hit its cap */
	int		 cells;		/* cells written in this row */
	struct pending {
		size_t	 start, end;
		char	*url;
	}		*links;
	size_t		 nlinks, links_cap;
	int		 err;
};

static int	 tagcmp(const void *, const void *);
static struct hnode *hn(xmlNodePtr);
static int	 is_elem(xmlNodePtr);
static const char *attr(xmlNodePtr, const char *);
static int	 setup_nodes(struct hx *);
static void	 mark(struct hx *);
static void	 count(struct hx *);
static void	 score(struct hx *);
static xmlNodePtr pick(struct hx *);
static void	 cut(struct hx *, xmlNodePtr);
static void	 clean(struct hx *, xmlNodePtr);
static int	 emit_root(struct out *, xmlNodePtr);

/* A walk over a subtree in document order without recursion.  enter()
 * says whether to go into the node's children; leave() (may be NULL)
 * runs after them. */
typedef int	 (*enter_fn)(struct hx *, xmlNodePtr);
typedef void	 (*leave_fn)(struct hx *, xmlNodePtr);

static void
walk(struct hx *hx, xmlNodePtr root, enter_fn enter, leave_fn leave)
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

static struct hnode *
hn(xmlNodePtr n)
{
	return n->_private;
}

static int
is_elem(xmlNodePtr n)
{
	return n->type == XML_ELEMENT_NODE && n->_private != NULL;
}

/* The node after n in a walk over top's subtree, children first unless
 * skip; NULL past its end.  Parents must be right (fix_parents()). */
static xmlNodePtr
next_in(xmlNodePtr n, xmlNodePtr top, int skip)
{
	if (!skip && n->type == XML_ELEMENT_NODE && n->children != NULL)
		return n->children;
	while (n != top && n->next == NULL)
		n = n->parent;
	return n == top ? NULL : n->next;
}

/* An attribute's value, borrowed from the tree, or NULL. */
static const char *
attr(xmlNodePtr n, const char *name)
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

/* Is the element kept in this attempt? */
static int
kept(xmlNodePtr n)
{
	return is_elem(n) && !(hn(n)->flags & (F_DROP | F_STRIP | F_CUT));
}

/*
 * Substring lists over class and id, lower case.  They name kinds of
 * page parts (comments, share bars, teasers), never sites.
 */
static const char *const positive_words[] = {
	"article", "body", "content", "entry", "hentry", "h-entry", "main",
	"page", "pagination", "post", "text", "blog", "story", NULL
};
static const char *const negative_words[] = {
	"-ad-", "hidden", "banner", "combx", "comment", "com-", "contact",
	"foot", "footnote", "gdpr", "masthead", "media", "meta", "outbrain",
	"promo", "related", "scroll", "share", "shoutbox", "sidebar",
	"skyscraper", "sponsor", "shopping", "tags", "tool", "widget", NULL
};
static const char *const unlikely_words[] = {
	"-ad-", "ai2html", "banner", "breadcrumbs", "combx", "comment",
	"community", "cover-wrap", "disqus", "extra", "footer", "gdpr",
	"header", "legends", "menu", "related", "remark", "replies", "rss",
	"shoutbox", "sidebar", "skyscraper", "social", "sponsor",
	"supplemental", "ad-break", "agegate", "pagination", "pager",
	"popup", "yom-remote", NULL
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

/* Which of the lists above have a word in lc (lower case)?  Class lists
 * are read for every element, so the lists are searched in one pass over
 * the text: at each position only the words that begin with its byte are
 * compared.  Bit k of the result stands for word_lists[k]. */
enum {
	WL_POSITIVE = 1 << 0, WL_NEGATIVE = 1 << 1, WL_UNLIKELY = 1 << 2,
	WL_MAYBE = 1 << 3, WL_RELATED = 1 << 4, WL_BYLINE = 1 << 5,
	WL_CAPTION = 1 << 6
};
static const char *const *const word_lists[] = {
	positive_words, negative_words, unlikely_words, maybe_words,
	related_words, byline_words, caption_words
};
#define NLISTS	(sizeof word_lists / sizeof word_lists[0])
#define NWORDS	200
#define LISTLEN(l)	(sizeof (l) / sizeof (l)[0] - 1)
_Static_assert(LISTLEN(positive_words) + LISTLEN(negative_words) +
    LISTLEN(unlikely_words) + LISTLEN(maybe_words) + LISTLEN(related_words) +
    LISTLEN(byline_words) + LISTLEN(caption_words) <= NWORDS,
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
	if (rel != NULL && ascii_casecmp(rel, "author") == 0)
		h->flags |= F_BYLINE;
	if (rel != NULL && h->tag == T_A && has_token(rel, "tag"))
		h->flags |= F_TAGLINK;
	if (prop != NULL) {
		if (ascii_casestr(prop, strlen(prop), "author"))
			h->flags |= F_BYLINE;
		if (ascii_casestr(prop, strlen(prop), "articlebody"))
			h->flags |= F_INBODY;
	}
	if (aria != NULL && ascii_casecmp(aria, "true") == 0 && !k)
		h->flags |= F_HIDDEN;
	if (style != NULL && style_hidden(style))
		h->flags |= F_HIDDEN;
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
static void
fix_parents(xmlNodePtr n, int depth)
{
	xmlNodePtr c;

	for (c = n->children; c != NULL; c = c->next) {
		c->parent = n;
		if (c->type == XML_ELEMENT_NODE && depth < TREE_DEPTH_MAX)
			fix_parents(c, depth + 1);
	}
}

/* Gives every element its side-table entry and static facts. */
static int
setup_nodes(struct hx *hx)
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
	return 0;
}

/* Lower-cased, space-folded text for comparisons.  Caller frees. */
static char *
norm_text(const char *s)
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

/* Words of the JSON-LD articleBody looked for in the page's paragraphs. */
#define LD_PROBE_WORDS	8

/*
 * The opening words of the JSON-LD articleBody (tags taken out, folded as
 * norm_text() folds), when it is long enough to be the story; NULL when
 * not.  Caller frees.
 */
static char *
ld_body_probe(const char *body)
{
	struct buf b;
	const char *p;
	int	 words = 0, tag = 0, sp = 0;

	if (body == NULL || strlen(body) < 200)
		return NULL;
	buf_init(&b, 512);
	for (p = body; *p != '\0' && words < LD_PROBE_WORDS; p++) {
		unsigned char c = (unsigned char)*p;

		if (c == '<')
			tag = 1;
		if (tag) {
			tag = c != '>';
			sp = 1;
			continue;
		}
		/* References JSON-LD writers leave in: the page's text has
		 * them decoded. */
		if (c == '&') {
			static const struct {
				const char *ref;
				char	 c;
			} refs[] = {
				{ "&apos;", '\'' }, { "&#39;", '\'' },
				{ "&quot;", '"' }, { "&amp;", '&' },
				{ "&nbsp;", ' ' }
			};
			size_t	 r;

			for (r = 0; r < sizeof refs / sizeof refs[0]; r++)
				if (strncmp(p, refs[r].ref,
				    strlen(refs[r].ref)) == 0)
					break;
			if (r < sizeof refs / sizeof refs[0]) {
				p += strlen(refs[r].ref) - 1;
				if ((c = (unsigned char)refs[r].c) == ' ') {
					sp = 1;
					continue;
				}
			}
		}
		if (ascii_isspace(c)) {
			sp = 1;
			continue;
		}
		if (sp && b.len > 0) {
			if (buf_putc(&b, ' ') != BUF_OK)
				break;
			words++;
		}
		sp = 0;
		if (words < LD_PROBE_WORDS &&
		    buf_putc(&b, (char)ascii_tolower(c)) != BUF_OK)
			break;
	}
	if (words < LD_PROBE_WORDS - 1) {
		buf_release(&b);
		return NULL;
	}
	while (b.len > 0 && b.data[b.len - 1] == ' ')
		buf_setlen(&b, b.len - 1);
	return buf_take(&b);
}

/*
 * Structured data as a signal: the element around the paragraph that
 * opens the JSON-LD articleBody is the story's container, as if it said
 * itemprop="articleBody".
 */
static void
ld_body_mark(struct hx *hx)
{
	xmlNodePtr n, par;
	char	*probe, *t, *nt;
	int	 found = 0, p;

	if (hx->body == NULL ||
	    (probe = ld_body_probe(hx->meta.article_body)) == NULL)
		return;
	for (n = hx->body; n != NULL && !found; n = next_in(n, hx->body, p)) {
		p = n->type == XML_ELEMENT_NODE && n->_private != NULL &&
		    hn(n)->tag == T_P;
		if (p) {
			t = extract_html_node_text(n, ARTICLE_FIELD_MAX_BYTES);
			nt = t != NULL ? norm_text(t) : NULL;
			par = n->parent;
			if (nt != NULL && strstr(nt, probe) != NULL &&
			    is_elem(par) && hn(par)->tag != T_BODY &&
			    hn(par)->tag != T_HTML) {
				hn(par)->flags |= F_INBODY;
				found = 1;
			}
			free(t);
			free(nt);
		}
	}
	free(probe);
}

/*
 * Is n a wrapper around one quotation and nothing else (blanks,
 * scripts)?  Embedded posts come so, in a box whose class names the
 * social network or the media ("social-media-embed"): the quote is the
 * story's, whatever the box is called.
 */
static int
wraps_quote(xmlNodePtr n)
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
	if ((h->props & P_DROP) || ((h->flags & (F_HIDDEN | F_ROLE)) &&
	    h->tag != T_BODY && h->tag != T_HTML) ||
	    (n->name[0] == 'o' && strcmp((const char *)n->name, "o:p") == 0)) {
		h->flags |= F_STRIP;
		return 0;
	}
	if ((hx->attempt & A_STRIP_UNLIKELY) && (h->flags & F_UNLIKELY) &&
	    h->tag != T_BODY && h->tag != T_HTML && h->tag != T_A &&
	    hx->in_table == 0 &&
	    hx->in_code == 0 && !wraps_quote(n)) {
		h->flags |= F_STRIP;
		return 0;
	}
	/* A byline element: remember its text, keep it out of the story. */
	if ((h->flags & F_BYLINE) && hx->meta.byline == NULL &&
	    hx->byline == NULL && h->tag != T_BODY && h->tag != T_HTML) {
		t = extract_html_node_text(n, ARTICLE_FIELD_MAX_BYTES);
		if (t != NULL && *t != '\0' && strlen(t) < 100) {
			hx->byline = t;
			h->flags |= F_STRIP;
			return 0;
		}
		free(t);
	}
	/* The first h1/h2 repeating the title is not body text. */
	if ((h->tag == T_H1 || h->tag == T_H2) && !hx->title_dup_done &&
	    hx->title_norm != NULL) {
		t = extract_html_node_text(n, ARTICLE_FIELD_MAX_BYTES);
		nt = t != NULL ? norm_text(t) : NULL;
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

static void
mark(struct hx *hx)
{
	hx->in_table = hx->in_code = 0;
	hx->title_dup_done = 0;
	walk(hx, xmlDocGetRootElement(hx->doc), mark_enter, mark_leave);
}

/* Is cp one of the commas of the world's scripts? */
static int
is_comma(uint32_t cp)
{
	return cp == ',' || cp == 0x060c || cp == 0xfe50 || cp == 0xfe10 ||
	    cp == 0xfe11 || cp == 0x2e41 || cp == 0x2e34 || cp == 0x2e32 ||
	    cp == 0xff0c || cp == 0x3001;
}

/* Characters of a text node with white space runs counted once. */
static void
text_counts(const char *s, size_t *chars, size_t *commas)
{
	size_t	 n = strlen(s), i = 0, c = 0, k = 0;
	int	 sp = 1;
	uint32_t cp;

	while (i < n) {
		unsigned char ch = (unsigned char)s[i];

		if (ch < 0x80) {
			i++;
			if (ascii_isspace(ch)) {
				if (!sp)
					c++;
				sp = 1;
				continue;
			}
			sp = 0;
			c++;
			if (ch == ',')
				k++;
			continue;
		}
		i += utf8_decode(s + i, n - i, &cp);
		sp = cp == 0xa0;
		c++;
		if (is_comma(cp))
			k++;
	}
	*chars = c;
	*commas = k;
}

static int
count_enter(struct hx *hx, xmlNodePtr n)
{
	struct hnode *h;

	(void)hx;
	if (!kept(n))
		return 0;
	h = hn(n);
	h->text = h->commas = h->itext = h->icommas = 0;
	h->link = 0;
	h->np = h->nimg = h->nli = h->ninput = h->nembed = h->nblock = 0;
	h->nchild = h->nheadtext = 0;
	return 1;
}

/* Counts of a node as its parent sees them. */
static void
contrib(xmlNodePtr n, struct counts *c)
{
	struct hnode *h = hn(n);

	memset(c, 0, sizeof *c);
	c->text = h->text;
	c->commas = h->commas;
	c->link = h->link;
	c->np = h->np + (h->tag == T_P);
	c->nimg = h->nimg + (h->tag == T_IMG);
	c->nli = h->nli + (h->tag == T_LI);
	c->ninput = h->ninput + (h->tag == T_INPUT);
	c->nembed = h->nembed + (h->tag == T_EMBED || h->tag == T_OBJECT ||
	    h->tag == T_IFRAME);
	c->nheadtext = h->nheadtext;
	if (h->tag >= T_H1 && h->tag <= T_H6)
		c->nheadtext = (unsigned)h->text;
	c->tagtext = h->tagtext;
	c->ntag = h->ntag + ((h->flags & F_TAGLINK) != 0);
}

static void
count_leave(struct hx *hx, xmlNodePtr n)
{
	struct hnode *h, *ch;
	struct counts c;
	xmlNodePtr k;
	size_t	 tc, cc;
	const char *href;
	int	 single_p = 0, other = 0;

	(void)hx;
	if (!kept(n))
		return;
	h = hn(n);
	for (k = n->children; k != NULL; k = k->next) {
		if (k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE) {
			if (k->content == NULL)
				continue;
			text_counts((const char *)k->content, &tc, &cc);
			h->text += tc;
			h->commas += cc;
			h->itext += tc;
			h->icommas += cc;
			if (tc > 1 || (tc == 1 &&
			    !ascii_isspace((unsigned char)k->content[0])))
				other = 1;
			continue;
		}
		if (!kept(k))
			continue;
		ch = hn(k);
		contrib(k, &c);
		h->text += c.text;
		h->commas += c.commas;
		h->link += c.link;
		h->np += c.np;
		h->nimg += c.nimg;
		h->nli += c.nli;
		h->ninput += c.ninput;
		h->nembed += c.nembed;
		h->nheadtext += c.nheadtext;
		h->tagtext += c.tagtext;
		h->ntag += c.ntag;
		h->nblock += ch->nblock + ((ch->props & P_DIVP) != 0);
		h->nchild++;
		if (ch->tag == T_P && h->nchild == 1)
			single_p = 1;
		if (!(ch->props & (P_DIVP | P_BREAK)) && ch->tag != T_TD &&
		    ch->tag != T_TH && ch->tag != T_TR && ch->tag != T_LI) {
			h->itext += c.text;
			h->icommas += c.commas;
		}
	}
	if (h->tag == T_A) {
		href = attr(n, "href");
		h->link = (double)h->text *
		    (href != NULL && href[0] == '#' ? 0.3 : 1.0);
		if (h->flags & F_TAGLINK)
			h->tagtext = h->text;
	}
	if (h->tag == T_DIV && single_p && h->nchild == 1 && !other &&
	    h->text > 0 && h->link / (double)h->text < 0.25)
		h->flags |= F_WRAPPER;
}

static void
count(struct hx *hx)
{
	walk(hx, xmlDocGetRootElement(hx->doc), count_enter, count_leave);
}

static double
link_density(const struct hnode *h)
{
	return h->text > 0 ? h->link / (double)h->text : 0;
}

/* The starting score of a candidate container. */
static void
init_cand(struct hx *hx, xmlNodePtr n)
{
	struct hnode *h = hn(n);
	xmlNodePtr *nc;

	if (h->flags & F_CAND)
		return;
	h->flags |= F_CAND;
	switch (h->tag) {
	case T_DIV:
		h->score = 5;
		break;
	case T_PRE:
	case T_TD:
	case T_BLOCKQUOTE:
		h->score = 3;
		break;
	case T_ADDRESS:
	case T_OL:
	case T_UL:
	case T_DL:
	case T_DD:
	case T_DT:
	case T_LI:
	case T_FORM:
		h->score = -3;
		break;
	case T_H1:
	case T_H2:
	case T_H3:
	case T_H4:
	case T_H5:
	case T_H6:
	case T_TH:
		h->score = -5;
		break;
	default:
		h->score = 0;
	}
	if (hx->attempt & A_WEIGHT)
		h->score += h->weight;
	/* Structured data marks the story's container: trust it. */
	if (h->flags & F_INBODY)
		h->score += 25;
	if (hx->ncands == hx->cands_cap) {
		size_t ncap = hx->cands_cap ? hx->cands_cap * 2 : 64;

		if ((nc = reallocarray(hx->cands, ncap, sizeof *nc)) == NULL) {
			hx->nomem = 1;
			return;
		}
		hx->cands = nc;
		hx->cands_cap = ncap;
	}
	hx->cands[hx->ncands++] = n;
}

/* Credits a paragraph's score to its first five ancestors. */
static void
credit(struct hx *hx, xmlNodePtr p, size_t text, size_t commas)
{
	double	 s;
	int	 level = 0;
	xmlNodePtr a;

	s = 1 + (double)commas + (double)(text / 100 < 3 ? text / 100 : 3);
	for (a = p; a != NULL && level < 5; a = a->parent) {
		if (a->type != XML_ELEMENT_NODE || a->_private == NULL ||
		    a->parent == NULL || a->parent->type != XML_ELEMENT_NODE)
			break;
		if (hn(a)->flags & F_WRAPPER)
			continue;
		init_cand(hx, a);
		hn(a)->score += s / (level == 0 ? 1 : level == 1 ? 2 :
		    level * 3);
		level++;
	}
}

static int
score_enter(struct hx *hx, xmlNodePtr n)
{
	struct hnode *h;

	if (!kept(n))
		return 0;
	h = hn(n);
	if ((h->props & P_SCORE) || (h->tag == T_DIV && h->nblock == 0)) {
		if (h->text >= 25 && n->parent != NULL)
			credit(hx, n->parent, h->text, h->commas);
		return h->tag == T_SECTION || h->tag == T_TD;
	}
	/* Text beside blocks in a div: a paragraph of its own. */
	if (h->tag == T_DIV && h->itext >= 25)
		credit(hx, n, h->itext, h->icommas);
	return 1;
}

static void
score(struct hx *hx)
{
	size_t	 i;

	hx->ncands = 0;
	walk(hx, hx->body, score_enter, NULL);
	for (i = 0; i < hx->ncands; i++) {
		struct hnode *h = hn(hx->cands[i]);

		h->score *= 1 - link_density(h);
	}
}

static int
is_ancestor(xmlNodePtr a, xmlNodePtr n)
{
	for (; n != NULL; n = n->parent)
		if (n == a)
			return 1;
	return 0;
}

static unsigned
kept_children(xmlNodePtr n)
{
	xmlNodePtr k;
	unsigned c = 0;

	for (k = n->children; k != NULL; k = k->next)
		if (kept(k))
			c++;
	return c;
}

#define TOP_N	5

/* A candidate scoring at least this share of the best, with a link
 * density under the second figure, holds story prose (see protect()). */
#define KEEP_SCORE_SHARE	0.75
#define KEEP_LINK_DENSITY	0.25

/* The best container, or the body when no paragraph scored. */
static xmlNodePtr
pick(struct hx *hx)
{
	xmlNodePtr top[TOP_N], t, p, alt[TOP_N];
	size_t	 i, j, ntop = 0, nalt = 0;
	double	 last, thr;

	for (i = 0; i < hx->ncands; i++) {
		t = hx->cands[i];
		for (j = 0; j < ntop; j++)
			if (hn(t)->score > hn(top[j])->score)
				break;
		if (j >= TOP_N)
			continue;
		if (ntop < TOP_N)
			ntop++;
		memmove(top + j + 1, top + j, (ntop - j - 1) * sizeof top[0]);
		top[j] = t;
	}
	if (ntop == 0 || top[0] == hx->body)
		return hx->body;
	t = top[0];
	/* Several near-best candidates inside one ancestor: take it. */
	for (i = 1; i < ntop; i++)
		if (hn(top[i])->score / hn(t)->score >= 0.75)
			alt[nalt++] = top[i];
	if (nalt >= 3) {
		for (p = t->parent; p != NULL && p != hx->body &&
		    p->type == XML_ELEMENT_NODE; p = p->parent) {
			size_t in = 0;

			for (i = 0; i < nalt; i++)
				if (is_ancestor(p, alt[i]))
					in++;
			if (in >= 3) {
				t = p;
				break;
			}
		}
		if (!(hn(t)->flags & F_CAND))
			init_cand(hx, t);
	}
	/* Climb while the parents keep scoring well. */
	last = hn(t)->score;
	thr = last / 3;
	for (p = t->parent; p != NULL && p != hx->body && is_elem(p);
	    p = p->parent) {
		if (!(hn(p)->flags & F_CAND))
			continue;
		if (hn(p)->score < thr)
			break;
		if (hn(p)->score > last) {
			t = p;
			break;
		}
		last = hn(p)->score;
	}
	/* An only child stands for its parent. */
	while (t->parent != NULL && t->parent != hx->body &&
	    is_elem(t->parent) && kept_children(t->parent) == 1)
		t = t->parent;
	return t;
}

/* Subtracts a cut node's counts from its ancestors. */
static void
cut(struct hx *hx, xmlNodePtr n)
{
	struct counts c;
	xmlNodePtr a;

	(void)hx;
	if (hn(n)->flags & F_CUT)
		return;
	contrib(n, &c);
	hn(n)->flags |= F_CUT;
	for (a = n->parent; a != NULL && is_elem(a); a = a->parent) {
		struct hnode *h = hn(a);

		h->text -= c.text < h->text ? c.text : h->text;
		h->commas -= c.commas < h->commas ? c.commas : h->commas;
		h->link -= c.link < h->link ? c.link : h->link;
		h->np -= c.np < h->np ? c.np : h->np;
		h->nimg -= c.nimg < h->nimg ? c.nimg : h->nimg;
		h->nli -= c.nli < h->nli ? c.nli : h->nli;
		h->ninput -= c.ninput < h->ninput ? c.ninput : h->ninput;
		h->nembed -= c.nembed < h->nembed ? c.nembed : h->nembed;
		h->nheadtext -= c.nheadtext < h->nheadtext ? c.nheadtext :
		    h->nheadtext;
		h->tagtext -= c.tagtext < h->tagtext ? c.tagtext : h->tagtext;
		h->ntag -= c.ntag < h->ntag ? c.ntag : h->ntag;
	}
}

static int
has_ancestor_tag(xmlNodePtr n, enum tag t, int depth)
{
	for (n = n->parent; n != NULL && is_elem(n) && depth-- > 0;
	    n = n->parent)
		if (hn(n)->tag == t)
			return 1;
	return 0;
}

/* Does a table hold another table? */
static int
has_nested_table(xmlNodePtr t)
{
	xmlNodePtr n = t->children;

	while (n != NULL && n != t) {
		if (is_elem(n) && hn(n)->tag == T_TABLE)
			return 1;
		if (n->type == XML_ELEMENT_NODE && n->children != NULL) {
			n = n->children;
			continue;
		}
		while (n != t && n->next == NULL)
			n = n->parent;
		if (n != t)
			n = n->next;
	}
	return 0;
}

/* Is a table one of data (rows and columns), not of layout? */
static int
data_table(xmlNodePtr n)
{
	const char *v;
	xmlNodePtr k, r;
	size_t	 rows = 0, cols = 0, c;

	if ((v = attr(n, "role")) != NULL && ascii_casecmp(v, "presentation") == 0)
		return 0;
	if ((v = attr(n, "datatable")) != NULL && strcmp(v, "0") == 0)
		return 0;
	if (attr(n, "summary") != NULL)
		return 1;
	for (k = n->children; k != NULL; k = k->next) {
		if (!is_elem(k))
			continue;
		if (hn(k)->tag == T_CAPTION || hn(k)->tag == T_THEAD ||
		    hn(k)->tag == T_TFOOT)
			return 1;
	}
	/* Count rows and the widest row, over tbody too. */
	for (k = n->children; k != NULL; k = k->next) {
		xmlNodePtr rowlist = k;

		if (!is_elem(k))
			continue;
		if (hn(k)->tag == T_TBODY)
			rowlist = k->children;
		else if (hn(k)->tag == T_TR)
			rowlist = k;
		else
			continue;
		for (r = rowlist; r != NULL; r = r->next) {
			xmlNodePtr cell;

			if (!is_elem(r) || hn(r)->tag != T_TR)
				continue;
			rows++;
			c = 0;
			for (cell = r->children; cell != NULL; cell = cell->next)
				if (is_elem(cell) && (hn(cell)->tag == T_TD ||
				    hn(cell)->tag == T_TH)) {
					c++;
					if (hn(cell)->tag == T_TH)
						return 1;
				}
			if (c > cols)
				cols = c;
			if (hn(k)->tag == T_TR)
				break;
		}
	}
	if (hn(n)->nblock > 0 && has_nested_table(n))
		return 0;
	if (rows == 1 || cols == 1)
		return 0;
	if (rows >= 10 || cols > 4)
		return 1;
	return rows * cols > 10;
}

/* Is n inside a data table or code, where boxes are never cleaned? */
static int
in_kept_table(xmlNodePtr n)
{
	for (n = n->parent; n != NULL && is_elem(n); n = n->parent)
		if ((hn(n)->flags & F_DATATABLE) || hn(n)->tag == T_CODE ||
		    hn(n)->tag == T_PRE)
			return 1;
	return 0;
}

/*
 * Should a table, list or div inside the story go: few commas and more
 * links, images, list items or form fields than paragraphs support.
 */
static int
cond_remove(struct hx *hx, xmlNodePtr n)
{
	struct hnode *h = hn(n);
	int	 list = h->tag == T_UL || h->tag == T_OL, weight, fig, rm;
	double	 ld, hd;
	long	 li;
	xmlNodePtr k, g;

	if (in_kept_table(n))
		return 0;
	/* A box around a quote is judged as the quote: not here. */
	if (wraps_quote(n))
		return 0;
	weight = (hx->attempt & A_WEIGHT) ? h->weight : 0;
	if (weight < 0)
		return 1;
	if (h->commas >= 10)
		return 0;
	ld = link_density(h);
	hd = h->text > 0 ? (double)h->nheadtext / (double)h->text : 0;
	li = (long)h->nli - 100;
	fig = has_ancestor_tag(n, T_FIGURE, 3);
	rm = (h->nimg > 1 && (double)h->np / h->nimg < 0.5 && !fig) ||
	    (!list && li > (long)h->np) ||
	    (h->ninput > h->np / 3) ||
	    (!list && hd < 0.9 && h->text < 25 &&
	    (h->nimg == 0 || h->nimg > 2) && !fig) ||
	    (!list && weight < 25 && ld > 0.2) ||
	    (weight >= 25 && ld > 0.5) ||
	    (h->nembed == 1 && h->text < 75) || h->nembed > 1;
	if (list && rm) {
		/* A simple list of images stays. */
		int all_img = 1;

		for (k = n->children; k != NULL; k = k->next) {
			unsigned ne = 0;

			if (!kept(k))
				continue;
			for (g = k->children; g != NULL; g = g->next)
				if (kept(g))
					ne++;
			if (ne > 1)
				return 0;
			if (hn(k)->nimg + (hn(k)->tag == T_IMG) != 1)
				all_img = 0;
		}
		if (all_img)
			return 0;
	}
	return rm;
}

/*
 * Marks the candidates that hold the story's prose (a score near the
 * best, few links) and their ancestors up to the chosen root, so that
 * cleaning never cuts them: a link-heavy wrapper (share bars, teaser
 * rails and the story in one div) would otherwise take the story with
 * it.
 */
static void
protect(struct hx *hx, xmlNodePtr top)
{
	size_t	 i;
	double	 best = 0;
	xmlNodePtr c, a;

	for (i = 0; i < hx->ncands; i++)
		if (hn(hx->cands[i])->score > best)
			best = hn(hx->cands[i])->score;
	if (best <= 0)
		return;
	for (i = 0; i < hx->ncands; i++) {
		c = hx->cands[i];
		if (c == top || hn(c)->score < best * KEEP_SCORE_SHARE ||
		    link_density(hn(c)) >= KEEP_LINK_DENSITY ||
		    !is_ancestor(top, c))
			continue;
		for (a = c; a != top && is_elem(a); a = a->parent)
			hn(a)->flags |= F_KEEP;
	}
}

static int
clean_enter(struct hx *hx, xmlNodePtr n)
{
	struct hnode *h;

	if (!kept(n))
		return 0;
	h = hn(n);
	if (h->flags & F_KEEP)
		return 1;
	switch (h->tag) {
	case T_FOOTER:
	case T_ASIDE:
	case T_FORM:
	case T_FIELDSET:
	case T_NAV:
		cut(hx, n);
		return 0;
	case T_H1:
	case T_H2:
		if ((hx->attempt & A_WEIGHT) && h->weight < 0) {
			cut(hx, n);
			return 0;
		}
		break;
	case T_TABLE:
		if (data_table(n)) {
			h->flags |= F_DATATABLE;
			return 1;
		}
		break;
	default:
		break;
	}
	if ((h->flags & F_SHARE) && h->text < 500) {
		cut(hx, n);
		return 0;
	}
	/* A list of tags, the links marked rel="tag" (a microformat):
	 * "Tags: a, b, c". */
	if (h->tag != T_A && h->ntag >= 2 && h->tagtext * 10 >= h->text * 7) {
		cut(hx, n);
		return 0;
	}
	/* A teaser box ("related", "trending", "most read") inside the
	 * story: headlines and kickers, not prose.  Its links become
	 * related entries. */
	if ((h->flags & F_RELCLS) && h->tag != T_BODY && h->tag != T_A &&
	    h->np < 2 && h->commas < 10) {
		cut(hx, n);
		return 0;
	}
	if ((h->flags & F_CAPTION) && h->tag != T_BODY && h->text < 300 &&
	    h->np < 2 && !(h->flags & F_CAND)) {
		cut(hx, n);
		return 0;
	}
	if ((hx->attempt & A_CLEAN) && (h->tag == T_TABLE || h->tag == T_UL ||
	    h->tag == T_DIV) && cond_remove(hx, n)) {
		cut(hx, n);
		return 0;
	}
	return 1;
}

static void
clean(struct hx *hx, xmlNodePtr root)
{
	walk(hx, root, clean_enter, NULL);
}

/* ---- writing blocks ---- */

struct emit {
	struct out	*o;
	int		 heading;	/* level of the open heading, or 0 */
	int		 pre, row, li, quote;
	unsigned	 ordered;	/* bit per list depth: an <ol> */
	int		 depth;		/* list depth */
	long		 open_link;	/* index in o->links, or -1 */
};


static void
out_trim_utf8(struct buf *b)
{
	size_t	 l = b->len;

	/* Back to the start of a possibly cut sequence. */
	while (l > 0 && ((unsigned char)b->data[l - 1] & 0xc0) == 0x80)
		l--;
	if (l > 0 && (unsigned char)b->data[l - 1] >= 0xc0)
		l--;
	else
		l = b->len;
	buf_setlen(b, l);
}

static void
out_putc(struct out *o, char c)
{
	if (o->full)
		return;
	if (buf_putc(&o->b, c) != BUF_OK) {
		o->full = 1;
		out_trim_utf8(&o->b);
	}
}

/* Appends sanitised text, folding white space as article_set() does so
 * that link offsets stay right. */
static void
out_text(struct out *o, const char *s, size_t n, int pre)
{
	size_t	 i;

	for (i = 0; i < n && !o->full; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == 0xc2 && i + 1 < n && (unsigned char)s[i + 1] == 0xa0) {
			i++;
			c = ' ';
		}
		if (pre && c == '\n') {
			while (o->b.len > 0 && o->b.data[o->b.len - 1] == ' ')
				buf_setlen(&o->b, o->b.len - 1);
			out_putc(o, '\n');
			o->space = 0;
			continue;
		}
		if (c == ' ') {
			o->space = 1;
			continue;
		}
		if (o->space && o->b.len > 0 && o->b.data[o->b.len - 1] != '\n')
			out_putc(o, ' ');
		o->space = 0;
		out_putc(o, (char)c);
	}
}

static void
out_clear_links(struct out *o)
{
	size_t	 i;

	for (i = 0; i < o->nlinks; i++)
		free(o->links[i].url);
	o->nlinks = 0;
}

/* Finds text t (n bytes) in s from *pos on; the fallback when the model
 * changed the block's bytes. */
static int
find_from(const char *s, size_t slen, const char *t, size_t n, size_t *pos)
{
	size_t	 i;

	if (n == 0 || n > slen)
		return -1;
	for (i = *pos; i + n <= slen; i++)
		if (memcmp(s + i, t, n) == 0) {
			*pos = i;
			return 0;
		}
	return -1;
}

/* The words of a dateline (lower case) besides those of dates
 * (date_word()): what the date is, and the rest. */
static const char *const dateline_says[] = {
	"published", "updated", "posted", NULL
};
static const char *const dateline_other[] = {
	"modified", "last", "first", "am", "pm", "a.m", "p.m", "et", "ct",
	"pt", NULL
};

/* A time zone's abbreviation: two to five capitals ("HST", "AEDT"). */
static int
is_zone(const char *s, size_t l)
{
	size_t	 i;

	if (l < 2 || l > 5)
		return 0;
	for (i = 0; i < l; i++)
		if (s[i] < 'A' || s[i] > 'Z')
			return 0;
	return 1;
}

static int
in_list(const char *w, const char *const *list)
{
	for (; *list != NULL; list++)
		if (strcmp(*list, w) == 0)
			return 1;
	return 0;
}

static int	 numeric_date(const char *, size_t);

/*
 * Is the text t[0..n) a dateline ("Published Monday, November 18, 2019
 * 8:22AM EST", "Updated Nov 19, 6:55 AM; Posted Nov 19, 6:51 AM",
 * "Nov. 19, 2019, 8:41 AM UTC", "Updated at 1:23 p.m.")?  Short; a date
 * (a month and a number, or digits with '/' or '-'), or a word saying
 * published, updated or posted and a time; nothing else but times,
 * weekdays, zones, punctuation and a leading "By" and name.
 */
static int
is_dateline(const char *t, size_t n)
{
	char	 w[16];
	size_t	 i, j, l, k;
	int	 said = 0, month = 0, num = 0, numdate = 0, sep, time = 0;
	int	 start = 1, by = 0;
	enum date_word dw;

	if (n == 0 || n >= 160)
		return 0;
	for (i = 0; i < n; i = j) {
		while (i < n && (ascii_isspace((unsigned char)t[i]) ||
		    strchr(",;|()", t[i]) != NULL)) {
			/* '|' starts a part: "By A. Writer | May 2". */
			if (t[i] == '|')
				start = 1, by = 0;
			i++;
		}
		for (j = i; j < n && !ascii_isspace((unsigned char)t[j]) &&
		    strchr(",;|()", t[j]) == NULL; j++)
			;
		l = j - i;
		while (l > 0 && (t[i + l - 1] == '.' || t[i + l - 1] == ':'))
			l--;
		/* Dashes and bullets: no letter or digit.  They end a part
		 * too ("By A. Writer - 11/18/19"). */
		for (k = 0; k < l && !ascii_isalpha((unsigned char)t[i + k]) &&
		    !ascii_isdigit((unsigned char)t[i + k]); k++)
			;
		if (k == l) {
			if (by > 0)
				start = 1, by = 0;
			continue;
		}
		/* A part "By" and a name (a few words) is the byline. */
		if (start && l == 2 && ascii_ncasecmp(t + i, "by", 2) == 0) {
			start = 0;
			by = 1;
			continue;
		}
		start = 0;
		if (by > 0 && by++ <= 5)
			continue;
		if (by > 0)
			return 0;
		/* A number, a time or a numeric date, "AM", "th" after. */
		for (k = 0, sep = 0; k < l && (ascii_isdigit((unsigned char)
		    t[i + k]) || strchr(":/-", t[i + k]) != NULL); k++)
			sep |= t[i + k] == '/' || t[i + k] == '-';
		if (k > 0 && ascii_isdigit((unsigned char)t[i]) && (k == l ||
		    (l - k == 2 && strchr("apsnrt", ascii_tolower(
		    (unsigned char)t[i + k])) != NULL))) {
			num = 1;
			if (sep && !numeric_date(t + i, k))
				return 0;
			numdate += sep;
			time |= memchr(t + i, ':', k) != NULL;
			continue;
		}
		if (l >= sizeof w)
			return 0;
		for (k = 0; k < l; k++)
			w[k] = (char)ascii_tolower((unsigned char)t[i + k]);
		w[l] = '\0';
		if (in_list(w, dateline_says))
			said = 1;
		else if ((dw = date_word(w)) == DATE_WORD_MONTH)
			month++;
		else if (dw == DATE_WORD_NONE && !in_list(w, dateline_other) &&
		    !is_zone(t + i, l))
			return 0;
	}
	/* A date and what a dateline says, or a time; or one date alone
	 * (two are a range, "29 November 2018 | 20 January 2019": an
	 * event's, the story's). */
	if (said)
		return (month && num) || numdate || time;
	return (month == 1 && num && !numdate) || (numdate == 1 && !month);
}

/* "11/18/19", "2019-11-18": two or three groups of digits, the middle
 * one short; not a telephone number ("02-751-1500"). */
static int
numeric_date(const char *s, size_t n)
{
	size_t	 i, g = 0, len = 0, lens[4];

	for (i = 0; i <= n; i++) {
		if (i < n && ascii_isdigit((unsigned char)s[i])) {
			len++;
			continue;
		}
		if (i < n && s[i] != '/' && s[i] != '-')
			break;
		if (len == 0 || len > 4 || g == 3)
			return 0;
		lens[g++] = len;
		len = 0;
	}
	return g >= 2 && lens[1] <= 2;
}

/*
 * Is the paragraph being written a labelled teaser: a short label ending
 * in ':' ("Related:", "READ MORE:", "Lire aussi :"), then one link that
 * runs to the end?
 */
static int
labelled_teaser(const struct out *o)
{
	const char *t = o->b.data;
	size_t	 n = o->b.len, s, l;

	if (o->nlinks != 1 || n > 300)
		return 0;
	s = o->links[0].start;
	if (o->links[0].end < n || s == 0 || s > 30 || n - s < 15)
		return 0;
	/* A headline: some words. */
	if (memchr(t + s, ' ', n - s) == NULL)
		return 0;
	for (l = s; l > 0 && t[l - 1] == ' '; l--)
		;
	if (l < 4 || t[l - 1] != ':')
		return 0;
	/* A label, not a sentence: no full stop or comma in it. */
	return memchr(t, '.', l) == NULL && memchr(t, ',', l) == NULL;
}

/* The labelled teaser's link becomes a related entry (not twice). */
static int
teaser_to_related(struct out *o)
{
	struct article *a = o->a;
	const struct pending *p = &o->links[0];
	size_t	 i;
	char	*t;
	int	 r;

	if (p->url == NULL || a->nrelated >= HTML_RELATED_MAX)
		return 0;
	for (i = 0; i < a->nrelated; i++)
		if (a->related[i].url != NULL &&
		    strcmp(a->related[i].url, p->url) == 0)
			return 0;
	if ((t = xstrndup(o->b.data + p->start, p->end - p->start)) == NULL)
		return -1;
	r = article_add_related(a, t, p->url, NULL, NULL);
	free(t);
	return r;
}

/* Reads a number at t[*i..n) past blanks; 0 when there is none. */
static int
counter_number(const char *t, size_t n, size_t *i)
{
	size_t	 k;

	while (*i < n && t[*i] == ' ')
		(*i)++;
	for (k = *i; *i < n && ascii_isdigit((unsigned char)t[*i]); (*i)++)
		;
	return *i > k && *i - k < 5;
}

/* Is t[0..n) a slideshow's counter: "1 / 5", "Image 2 of 5"? */
static int
is_counter(const char *t, size_t n)
{
	static const char *const words[] = {
		"image ", "photo ", "picture ", "slide ", NULL
	};
	size_t	 i = 0, k;

	if (n > 24)
		return 0;
	for (k = 0; words[k] != NULL; k++)
		if (ascii_ncasecmp(t, words[k], strlen(words[k])) == 0) {
			i = strlen(words[k]);
			break;
		}
	if (!counter_number(t, n, &i))
		return 0;
	while (i < n && t[i] == ' ')
		i++;
	if (i < n && t[i] == '/')
		i++;
	else if (n - i >= 3 && ascii_ncasecmp(t + i, "of ", 3) == 0)
		i += 3;
	else
		return 0;
	return counter_number(t, n, &i) && i == n;
}

static void
flush(struct emit *e)
{
	struct out *o = e->o;
	struct article *a = o->a;
	struct block *b;
	enum block_type type = BLOCK_PARAGRAPH;
	size_t	 i, bi, pos = 0;
	int	 level = 0, same;

	e->open_link = -1;
	while (o->b.len > 0 && (o->b.data[o->b.len - 1] == ' ' ||
	    o->b.data[o->b.len - 1] == '\n'))
		buf_setlen(&o->b, o->b.len - 1);
	if (o->b.len == 0 || a->nblocks >= ARTICLE_BLOCKS_MAX)
		goto reset;
	if (e->pre) {
		type = BLOCK_PRE;
	} else if (e->heading) {
		type = BLOCK_HEADING;
		level = e->heading;
	} else if (e->row) {
		type = BLOCK_TABLE_ROW;
	} else if (e->li) {
		type = BLOCK_LIST_ITEM;
		level = e->depth > 0 ? e->depth : 1;
	} else if (e->quote)
		type = BLOCK_QUOTE;
	/* "Updated Nov 19, 6:55 AM": the page's dateline, not its story;
	 * "Image 2 of 5": a slideshow's counter. */
	if (type == BLOCK_PARAGRAPH && (is_dateline(o->b.data, o->b.len) ||
	    is_counter(o->b.data, o->b.len)))
		goto reset;
	/* "Related: Headline", "Read more: Headline": a teaser. */
	if (type == BLOCK_PARAGRAPH && labelled_teaser(o)) {
		if (teaser_to_related(o) == -1)
			o->err = 1;
		goto reset;
	}
	bi = a->nblocks;
	if (article_add_block(a, type, level, o->b.data, o->b.len) == -1) {
		o->err = 1;
		goto reset;
	}
	if (a->nblocks == bi)
		goto reset;
	b = &a->blocks[bi];
	if (type == BLOCK_LIST_ITEM && e->depth > 0 && e->depth <= 32)
		b->ordered = (e->ordered >> (e->depth - 1)) & 1;
	same = b->len == o->b.len && memcmp(b->text, o->b.data, b->len) == 0;
	for (i = 0; i < o->nlinks && a->nlinks < ARTICLE_LINKS_MAX; i++) {
		struct pending *p = &o->links[i];
		size_t	 s = p->start, en = p->end;
		char	*t;

		if (en > o->b.len)
			en = o->b.len;
		if (s >= en)
			continue;
		if (!same) {
			pos = pos > s ? pos : 0;
			if (find_from(b->text, b->len, o->b.data + s, en - s,
			    &pos) == -1)
				continue;
			en = pos + (en - s);
			s = pos;
		}
		if ((t = xstrndup(b->text + s, en - s)) == NULL) {
			o->err = 1;
			break;
		}
		if (article_add_link(a, t, p->url, bi, s, en) == -1)
			o->err = 1;
		free(t);
		pos = en;
	}
reset:
	out_clear_links(o);
	buf_reset(&o->b);
	o->space = 0;
	o->full = 0;
}

/*
 * Is an image's alt text worth a block: not a file name ("img_0042.jpg",
 * "show-2018-lights-01": no space, words joined by - or _), not the
 * title again, not an alt already written (galleries and lazy-loading
 * markup repeat one image).
 */
static int
useful_alt(struct hx *hx, const struct article *a, const char *v)
{
	size_t	 i, n = strlen(v), joins = 0;
	char	*nv;
	int	 r = 1;

	if (strchr(v, ' ') == NULL) {
		for (i = 0; i < n; i++)
			if (v[i] == '-' || v[i] == '_' || v[i] == '.')
				joins++;
		if (joins >= 2)
			return 0;
	}
	if ((nv = norm_text(v)) == NULL)
		return 1;
	if (hx->title_norm != NULL && strcmp(nv, hx->title_norm) == 0)
		r = 0;
	for (i = 0; r && i < a->nblocks; i++)
		if (a->blocks[i].type == BLOCK_IMAGE &&
		    a->blocks[i].len == strlen(nv) &&
		    ascii_ncasecmp(a->blocks[i].text, nv, a->blocks[i].len) ==
		    0)
			r = 0;
	free(nv);
	return r;
}

static int
emit_enter(struct hx *hx, xmlNodePtr n)
{
	struct emit *e = hx->em;
	struct out *o = e->o;
	struct hnode *h;
	struct buf t;
	const char *v;

	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		if (n->content == NULL)
			return 0;
		buf_init(&t, strlen((const char *)n->content) * 3 + 16);
		if (utf8_sanitize(&t, (const char *)n->content,
		    strlen((const char *)n->content), e->pre > 0) == BUF_OK)
			out_text(o, t.data, t.len, e->pre > 0);
		else
			o->err = 1;
		buf_release(&t);
		return 0;
	}
	if (!kept(n))
		return 0;
	h = hn(n);
	if (h->props & P_BREAK)
		flush(e);
	switch (h->tag) {
	case T_BR:
		if (e->pre)
			out_text(o, "\n", 1, 1);
		else
			flush(e);
		return 0;
	case T_HR:
		return 0;
	case T_IMG:
		if ((v = attr(n, "alt")) != NULL && *v != '\0' &&
		    !e->row && !e->heading && useful_alt(hx, o->a, v)) {
			flush(e);
			if (article_add_block(o->a, BLOCK_IMAGE, 0, v,
			    strlen(v)) == -1)
				o->err = 1;
		}
		return 0;
	case T_H1: case T_H2: case T_H3: case T_H4: case T_H5: case T_H6:
		e->heading = (int)(h->tag - T_H1) + 1;
		break;
	case T_PRE:
		e->pre++;
		break;
	case T_TR:
		e->row++;
		o->cells = 0;
		break;
	case T_TD:
	case T_TH:
		if (e->row && o->cells++ > 0) {
			o->space = 1;
			out_text(o, "|", 1, 0);
			o->space = 1;
		} else
			o->space = 1;
		break;
	case T_LI:
		e->li++;
		break;
	case T_UL:
	case T_OL:
		e->depth++;
		if (e->depth <= 32) {
			if (h->tag == T_OL)
				e->ordered |= 1U << (e->depth - 1);
			else
				e->ordered &= ~(1U << (e->depth - 1));
		}
		break;
	case T_BLOCKQUOTE:
		e->quote++;
		break;
	case T_A:
		if (e->open_link == -1 && (v = attr(n, "href")) != NULL &&
		    v[0] != '#' && o->nlinks < ARTICLE_LINKS_MAX) {
			char *u = url_resolve(hx->base, v);

			if (u != NULL) {
				if (o->nlinks == o->links_cap) {
					size_t nc = o->links_cap ?
					    o->links_cap * 2 : 8;
					struct pending *np = reallocarray(
					    o->links, nc, sizeof *np);

					if (np == NULL) {
						free(u);
						o->err = 1;
						break;
					}
					o->links = np;
					o->links_cap = nc;
				}
				o->links[o->nlinks].start = o->b.len;
				o->links[o->nlinks].end = o->b.len;
				o->links[o->nlinks].url = u;
				e->open_link = (long)o->nlinks++;
			}
		}
		break;
	default:
		break;
	}
	return 1;
}

static void
emit_leave(struct hx *hx, xmlNodePtr n)
{
	struct emit *e = hx->em;
	struct out *o = e->o;
	struct hnode *h;

	if (!kept(n))
		return;
	h = hn(n);
	if (h->tag == T_A && e->open_link >= 0) {
		struct pending *p = &o->links[e->open_link];

		p->end = o->b.len;
		if (p->start < p->end && o->b.data[p->start] == ' ')
			p->start++;
		e->open_link = -1;
		return;
	}
	if (h->props & P_BREAK)
		flush(e);
	switch (h->tag) {
	case T_H1: case T_H2: case T_H3: case T_H4: case T_H5: case T_H6:
		e->heading = 0;
		break;
	case T_PRE:
		e->pre--;
		break;
	case T_TR:
		e->row--;
		break;
	case T_LI:
		e->li--;
		break;
	case T_UL:
	case T_OL:
		e->depth--;
		break;
	case T_BLOCKQUOTE:
		e->quote--;
		break;
	default:
		break;
	}
}

static int
emit_root(struct out *o, xmlNodePtr root)
{
	struct emit e;

	memset(&e, 0, sizeof e);
	e.o = o;
	e.open_link = -1;
	o->hx->em = &e;
	walk(o->hx, root, emit_enter, emit_leave);
	flush(&e);
	o->hx->em = NULL;
	return o->err ? -1 : 0;
}

/* ---- the story's siblings ---- */

static int
same_class(xmlNodePtr a, xmlNodePtr b)
{
	const char *ca = attr(a, "class"), *cb = attr(b, "class");

	return ca != NULL && cb != NULL && *ca != '\0' && strcmp(ca, cb) == 0;
}

/* Does a short paragraph end a sentence (". " or a final ".")? */
static int
has_sentence_end(xmlNodePtr n)
{
	char	*t = extract_html_node_text(n, ARTICLE_FIELD_MAX_BYTES);
	int	 r = 0;
	size_t	 l;

	if (t == NULL)
		return 0;
	l = strlen(t);
	r = strstr(t, ". ") != NULL || (l > 0 && t[l - 1] == '.');
	free(t);
	return r;
}

/*
 * The story: the top container and those of its siblings that belong to
 * it (a good score, the same class, or a plain paragraph of prose).
 * Fills roots[] in document order; returns their number.
 */
static size_t
siblings(struct hx *hx, xmlNodePtr top, xmlNodePtr *roots, size_t max)
{
	xmlNodePtr s;
	size_t	 n = 0;
	double	 thr, bonus;
	struct hnode *h;

	if (top == hx->body || top->parent == NULL || !is_elem(top->parent)) {
		roots[n++] = top;
		return n;
	}
	thr = hn(top)->score * 0.2;
	if (thr < 10)
		thr = 10;
	for (s = top->parent->children; s != NULL && n < max; s = s->next) {
		if (!kept(s))
			continue;
		if (s == top) {
			roots[n++] = s;
			continue;
		}
		h = hn(s);
		bonus = same_class(s, top) ? hn(top)->score * 0.2 : 0;
		if ((h->flags & F_CAND) && h->score + bonus >= thr) {
			roots[n++] = s;
			continue;
		}
		if (h->tag == T_P || (h->flags & F_WRAPPER)) {
			double ld = link_density(h);

			if ((h->text > 80 && ld < 0.25) ||
			    (h->text < 80 && h->text > 0 && ld == 0 &&
			    has_sentence_end(s)))
				roots[n++] = s;
		}
	}
	return n;
}

/* ---- related links ---- */

struct harvest {
	struct article	*a;
	const char	*base;
	int		 err;
};

/* A host without its "www.": the site's name as people write it. */
static const char *
host_name(const char *h)
{
	return ascii_ncasecmp(h, "www.", 4) == 0 ? h + 4 : h;
}

/* How far a teaser's card may reach above its headline link, and how
 * many nodes a look into a card may visit. */
#define CARD_LEVELS	6
#define CARD_NODES	300

/* Do all the links under top go to href (an image link and a headline
 * link to the same story make one card)? */
static int
links_only_to(xmlNodePtr top, const char *href)
{
	xmlNodePtr n;
	const char *h;
	int	 seen = 0;

	for (n = top; n != NULL && seen < CARD_NODES;
	    n = next_in(n, top, 0), seen++)
		if (n->type == XML_ELEMENT_NODE && n->_private != NULL &&
		    hn(n)->tag == T_A && (h = attr(n, "href")) != NULL &&
		    strcmp(h, href) != 0)
			return 0;
	return seen < CARD_NODES;
}

/* The teaser's card: the largest element around its headline link, up
 * to CARD_LEVELS above it and inside the box, whose links all go to the
 * same story. */
static xmlNodePtr
teaser_card(xmlNodePtr link, xmlNodePtr box, const char *href)
{
	xmlNodePtr card = link, p;
	int	 up;

	for (up = 0; up < CARD_LEVELS && card != box &&
	    (p = card->parent) != NULL && p->type == XML_ELEMENT_NODE &&
	    p->_private != NULL && links_only_to(p, href); up++)
		card = p;
	return card;
}

/* Is n a heading, a link or hidden: no summary is looked for in it? */
static int
not_summary(xmlNodePtr n)
{
	struct hnode *h = hn(n);

	return h->tag == T_A || (h->tag >= T_H1 && h->tag <= T_H6) ||
	    (h->props & P_DROP) || (h->flags & F_HIDDEN);
}

/*
 * A teaser's summary and source from its card.  The summary: the first
 * element outside the headline and the links whose text reads as prose
 * (40 characters or more, with spaces) and does not hold the headline.
 * The source: the text of an element classed source, publisher or
 * provider; else the host of a link to another site.  Caller frees
 * both; either may be NULL.
 */
static void
teaser_details(struct hx *hx, xmlNodePtr card, const char *title,
    const char *url, char **summary, char **source)
{
	xmlNodePtr n;
	const char *cls;
	char	*t, *ph, *lh;
	int	 seen = 0, skip;

	*summary = *source = NULL;
	for (n = card; n != NULL && seen < CARD_NODES && (*summary == NULL ||
	    *source == NULL); n = next_in(n, card, skip), seen++) {
		skip = 0;
		if (n->type != XML_ELEMENT_NODE || n->_private == NULL)
			continue;
		if (*source == NULL && (cls = attr(n, "class")) != NULL &&
		    (ascii_casestr(cls, strlen(cls), "source") ||
		    ascii_casestr(cls, strlen(cls), "publisher") ||
		    ascii_casestr(cls, strlen(cls), "provider")) &&
		    (t = extract_html_node_text(n, ARTICLE_FIELD_MAX_BYTES)) !=
		    NULL) {
			if (*t != '\0' && strlen(t) <= 60 && strcmp(t, title) != 0)
				*source = t;
			else
				free(t);
		}
		if (n != card && not_summary(n)) {
			skip = 1;
			continue;
		}
		if (*summary != NULL || n == card)
			continue;
		if ((t = extract_html_node_text(n, ARTICLE_FIELD_MAX_BYTES)) ==
		    NULL)
			continue;
		if (strlen(t) >= 40 && strchr(t, ' ') != NULL &&
		    strstr(t, title) == NULL) {
			*summary = t;
			skip = 1;
		} else
			free(t);
	}
	if (*source == NULL && hx->base != NULL &&
	    (lh = url_host(url)) != NULL) {
		if ((ph = url_host(hx->base)) != NULL &&
		    strcmp(host_name(ph), host_name(lh)) != 0 &&
		    (*source = strdup(host_name(lh))) == NULL)
			hx->nomem = 1;
		free(ph);
		free(lh);
	}
}

/* Headline links of a box become related entries, with what their
 * cards say of them. */
static void
harvest_links(struct hx *hx, xmlNodePtr box, struct article *a)
{
	xmlNodePtr n = box;
	size_t	 i;

	while (n != NULL) {
		if (n->type == XML_ELEMENT_NODE && n->_private != NULL &&
		    hn(n)->tag == T_A && a->nrelated < HTML_RELATED_MAX) {
			const char *href = attr(n, "href");
			char	*u, *t;
			int	 dup = 0;

			if (href != NULL && href[0] != '#' &&
			    (u = url_resolve(hx->base, href)) != NULL) {
				t = extract_html_node_text(n, ARTICLE_FIELD_MAX_BYTES);
				/* A headline: some words, not "More". */
				if (t != NULL && strlen(t) >= 25 &&
				    strchr(t, ' ') != NULL) {
					for (i = 0; i < a->nrelated; i++)
						if (a->related[i].url != NULL &&
						    strcmp(a->related[i].url,
						    u) == 0)
							dup = 1;
					if (a->url != NULL &&
					    strcmp(a->url, u) == 0)
						dup = 1;
					if (!dup) {
						char	*sum, *src;

						teaser_details(hx, teaser_card(n,
						    box, href), t, u, &sum, &src);
						if (article_add_related(a, t, u,
						    sum, src) == -1)
							hx->nomem = 1;
						free(sum);
						free(src);
					}
				}
				free(t);
				free(u);
			}
		} else if (n->type == XML_ELEMENT_NODE && n->children != NULL) {
			n = n->children;
			continue;
		}
		while (n != box && n->next == NULL)
			n = n->parent;
		if (n == box)
			break;
		n = n->next;
	}
}

static int
harvest_cut_enter(struct hx *hx, xmlNodePtr n)
{
	struct hnode *h;

	if (n->type != XML_ELEMENT_NODE || n->_private == NULL)
		return 0;
	h = hn(n);
	if (h->flags & (F_DROP | F_STRIP))
		return 0;
	if (h->flags & F_CUT) {
		if (link_density(h) > 0.5 || (h->flags & F_RELCLS))
			harvest_links(hx, n, hx->em_article);
		return 0;
	}
	return 1;
}

static void
harvest_cut(struct hx *hx, xmlNodePtr root, struct article *a)
{
	hx->em_article = a;
	walk(hx, root, harvest_cut_enter, NULL);
}

/* Teaser boxes: related-looking boxes anywhere in the body, and
 * link-heavy boxes cut out of the story. */
static int
harvest_enter(struct hx *hx, xmlNodePtr n)
{
	struct hnode *h;

	if (n->type != XML_ELEMENT_NODE || n->_private == NULL)
		return 0;
	h = hn(n);
	if ((h->props & P_DROP) || (h->flags & F_HIDDEN))
		return 0;
	if ((h->flags & F_RELCLS) && h->tag != T_BODY && h->tag != T_A) {
		harvest_links(hx, n, hx->em_article);
		return 0;
	}
	return 1;
}

/* ---- charset ---- */

/* The charset named by a <meta> in the first bytes, copied to out. */
static int
meta_charset(const char *s, size_t n, char *out, size_t outsz)
{
	size_t	 i, j;

	if (n > HTML_SNIFF_BYTES)
		n = HTML_SNIFF_BYTES;
	for (i = 0; i + 8 < n; i++) {
		if (ascii_ncasecmp(s + i, "charset", 7) != 0)
			continue;
		j = i + 7;
		while (j < n && ascii_isspace((unsigned char)s[j]))
			j++;
		if (j >= n || s[j] != '=')
			continue;
		j++;
		while (j < n && (ascii_isspace((unsigned char)s[j]) ||
		    s[j] == '"' || s[j] == '\''))
			j++;
		for (i = 0; j < n && i + 1 < outsz &&
		    (ascii_isalpha((unsigned char)s[j]) ||
		    ascii_isdigit((unsigned char)s[j]) || s[j] == '-' ||
		    s[j] == '_' || s[j] == '.' || s[j] == ':'); j++)
			out[i++] = s[j];
		out[i] = '\0';
		return i > 0 ? 0 : -1;
	}
	return -1;
}

/*
 * The encoding to parse with: a BOM wins; bytes that are valid UTF-8
 * are UTF-8 whatever is declared (pages often declare a legacy charset
 * and serve UTF-8); then the HTTP header's charset, then <meta>, then
 * windows-1252, what browsers assume for undeclared Western pages.
 */
static const char *
pick_charset(const char *s, size_t n, const struct extract_opts *opts,
    char *buf, size_t bufsz, int *valid)
{
	xmlCharEncodingHandlerPtr h;

	*valid = 0;
	if (n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0) {
		*valid = utf8_valid(s, n);
		return "UTF-8";
	}
	if (n >= 2 && memcmp(s, "\xff\xfe", 2) == 0)
		return "UTF-16LE";
	if (n >= 2 && memcmp(s, "\xfe\xff", 2) == 0)
		return "UTF-16BE";
	if (utf8_valid(s, n)) {
		*valid = 1;
		return "UTF-8";
	}
	if (opts->charset != NULL && *opts->charset != '\0' &&
	    strlen(opts->charset) < bufsz) {
		memcpy(buf, opts->charset, strlen(opts->charset) + 1);
	} else if (meta_charset(s, n, buf, bufsz) == -1)
		return "windows-1252";
	/* UTF-8 declared but invalid: the bytes are legacy. */
	if (ascii_casecmp(buf, "utf-8") == 0 || ascii_casecmp(buf, "utf8") == 0)
		return "windows-1252";
	if ((h = xmlFindCharEncodingHandler(buf)) == NULL)
		return "windows-1252";
	xmlCharEncCloseFunc(h);
	return buf;
}

/* ---- what libxml2 need not read ---- */

/*
 * Half of the bytes of a news page are the bodies of <script> and <style>
 * elements, which byline never reads, and a quarter of the rest are
 * attributes it never reads (data-*, srcset, on*, ...); libxml2 spends as
 * long on them as on the story.  extract_html_prune() copies a page
 * without them: the start and end tags stay (the tree keeps its shape),
 * the bodies of <script> (but JSON-LD's, metadata), <style> and <svg>
 * go, and start tags keep only the attributes the extractor reads.
 * Comments, and tags that libxml2 would read in some other way than the
 * simple one, are copied as they are.  Only for encodings in which '<' is
 * always the byte 0x3c (UTF-8 and the ASCII-based legacy charsets; not
 * UTF-16/32, UTF-7, ISO-2022-* or HZ, whose text can hold that byte).
 */

/* Does s[0..n) start with the tag name (lower case) ending there? */
static int
is_tag(const char *s, size_t n, const char *name)
{
	size_t	 l = strlen(name);

	if (n <= l || ascii_ncasecmp(s, name, l) != 0)
		return 0;
	return ascii_isspace((unsigned char)s[l]) || s[l] == '>' ||
	    s[l] == '/';
}

/* The end of a tag whose name starts at s[i]: the index past its '>',
 * quoted values skipped; n when it does not end. */
static size_t
tag_end(const char *s, size_t i, size_t n)
{
	const char *q;
	char	 c;

	for (; i < n; i++) {
		c = s[i];
		if (c == '>')
			return i + 1;
		if ((c == '"' || c == '\'') && i > 0 && s[i - 1] == '=') {
			if ((q = memchr(s + i + 1, c, n - i - 1)) == NULL)
				return n;
			i = (size_t)(q - s);
		}
	}
	return n;
}

/* Where "</name" starts at or after i, case aside; n when nowhere. */
static size_t
find_close(const char *s, size_t i, size_t n, const char *name)
{
	const char *p;

	while (i < n && (p = memchr(s + i, '<', n - i)) != NULL) {
		i = (size_t)(p - s);
		if (i + 1 < n && s[i + 1] == '/' &&
		    is_tag(s + i + 2, n - i - 2, name))
			return i;
		i++;
	}
	return n;
}

/* Where libxml2 2.9 ends the text of a <script> or <style> read from
 * s[i]: at the first "</" followed by the name, any case (recovery
 * mode); n when there is none. */
static size_t
raw_end(const char *s, size_t i, size_t n, const char *name)
{
	const char *p;
	size_t	 l = strlen(name);

	while (i < n && (p = memchr(s + i, '<', n - i)) != NULL) {
		i = (size_t)(p - s);
		if (n - i >= l + 2 && s[i + 1] == '/' &&
		    ascii_ncasecmp(s + i + 2, name, l) == 0)
			return i;
		i++;
	}
	return n;
}

/* Attributes the extractor reads (lower case), with their lengths; the
 * others are left out of the copy given to libxml2. */
#define RA(name)	{ name, sizeof name - 1 }
static const struct {
	const char *name;
	size_t	 len;
} read_attrs[] = {
	RA("alt"), RA("aria-hidden"), RA("charset"), RA("class"),
	RA("content"), RA("datatable"), RA("datetime"), RA("hidden"),
	RA("href"), RA("http-equiv"), RA("id"), RA("itemprop"), RA("lang"),
	RA("name"), RA("property"), RA("rel"), RA("role"), RA("style"),
	RA("summary"), RA("type")
};
#undef RA

/* The index + 1 in read_attrs[] of the name s[0..len) (any case), or 0. */
static int
read_attr(const char *name, size_t len)
{
	size_t	 i, j;

	_Static_assert(sizeof read_attrs / sizeof read_attrs[0] <= 32,
	    "copy_start_tag() keeps a bit for each name");
	for (j = 0; j < sizeof read_attrs / sizeof read_attrs[0]; j++) {
		if (read_attrs[j].len != len)
			continue;
		for (i = 0; i < len && ascii_tolower((unsigned char)name[i]) ==
		    read_attrs[j].name[i]; i++)
			;
		if (i == len)
			return (int)j + 1;
	}
	return 0;
}

#define IS_BLANK(c)	((c) == ' ' || (c) == '\t' || (c) == '\n' || (c) == '\r')
/* libxml2 2.9 cuts names at 100 bytes and reads the rest otherwise:
 * such tags are copied as they are. */
#define HTML_NAME_MAX	100

static int
name_start(int c)
{
	return ascii_isalpha(c) || c == '_' || c == ':' || c == '.';
}

static int
name_char(int c)
{
	return name_start(c) || ascii_isdigit(c) || c == '-';
}

/* A kept attribute of the start tag being read. */
struct kept {
	int	 name;		/* index in read_attrs[] */
	size_t	 v, vl;		/* the value, s[v..v+vl) */
	int	 has_val;
};

/* The references a value may hold and still be copied, with what
 * libxml2 makes of them; "&amp;" is most of them (URLs). */
static const struct {
	const char *ref;
	size_t	 len;
	char	 c;
} plain_refs[] = {
	{ "&amp;", 5, '&' }, { "&quot;", 6, '"' }, { "&lt;", 4, '<' },
	{ "&gt;", 4, '>' }
};

/* The length of the reference at s[0..n) ('&') that plain_refs[] has,
 * its character in *c; 0 when it has none. */
static size_t
plain_ref(const char *s, size_t n, char *c)
{
	size_t	 i;

	for (i = 0; i < sizeof plain_refs / sizeof plain_refs[0]; i++)
		if (n >= plain_refs[i].len &&
		    memcmp(s, plain_refs[i].ref, plain_refs[i].len) == 0) {
			*c = plain_refs[i].c;
			return plain_refs[i].len;
		}
	return 0;
}

/* Copies the value s[0..n) to d as libxml2 reads it (plain_value()
 * said yes); the bytes written. */
static size_t
value_copy(char *d, const char *s, size_t n)
{
	const char *p;
	size_t	 o = 0, l;

	while (n > 0 && (p = memchr(s, '&', n)) != NULL) {
		memcpy(d + o, s, (size_t)(p - s));
		o += (size_t)(p - s);
		n -= (size_t)(p - s);
		l = plain_ref(p, n, &d[o++]);
		s = p + l;
		n -= l;
	}
	memcpy(d + o, s, n);
	return o + n;
}

/*
 * May libxml2's reading of this value be replaced by a copy (and
 * value_copy())?  Not when it has a reference other than plain_refs[],
 * a control character or one of the non-characters U+FFFE and U+FFFF,
 * which libxml2 reports on.  The page is valid UTF-8 (the caller's
 * promise).
 */
static int
plain_value(const char *s, size_t n)
{
	char	 c0;
	size_t	 i;
	unsigned char c;

	for (i = 0; i < n; i++) {
		/* Eight bytes at a time while none is below 0x20, '&',
		 * 0x7f or 0xef (the bit tricks of "haszero"). */
		while (n - i >= 8) {
			uint64_t w, ones = UINT64_C(0x0101010101010101),
			    high = UINT64_C(0x8080808080808080), x;

			memcpy(&w, s + i, 8);
			x = ((w - ones * 0x20) & ~w) |
			    (((w ^ ones * '&') - ones) & ~(w ^ ones * '&')) |
			    (((w ^ ones * 0x7f) - ones) & ~(w ^ ones * 0x7f)) |
			    (((w ^ ones * 0xef) - ones) & ~(w ^ ones * 0xef));
			if (x & high)
				break;
			i += 8;
		}
		if (i >= n)
			break;
		c = (unsigned char)s[i];
		if (c == '&') {
			if (plain_ref(s + i, n - i, &c0) == 0)
				return 0;
			continue;
		}
		if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f)
			return 0;
		if (c == 0xef && i + 2 < n && (unsigned char)s[i + 1] == 0xbf &&
		    ((unsigned char)s[i + 2] & 0xfe) == 0xbe)
			return 0;
	}
	return 1;
}

static int
grow(void **p, size_t *cap, size_t need, size_t size)
{
	size_t	 c = *cap;
	void	*q;

	if (need <= c)
		return 0;
	c = c == 0 ? 256 : c;
	while (c < need)
		c *= 2;
	if (c > SIZE_MAX / size || (q = realloc(*p, c * size)) == NULL)
		return -1;
	*p = q;
	*cap = c;
	return 0;
}

/*
 * Moves the kept attributes k[0..nk) of the tag named s[nm..nm+nl) to
 * pa; returns the tag's index, or -1 when it keeps them (a tag libxml2
 * treats apart, a value it must decode, no memory).
 */
static long
prune_table(struct prune_attrs *pa, const char *s, size_t nm, size_t nl,
    const struct kept *k, size_t nk)
{
	struct prune_tag *t;
	struct prune_attr *a;
	size_t	 i, pool = 0;

	/* libxml2 names "g:plusone" plusone: prefixed tags keep theirs. */
	if (nl >= sizeof t->name || memchr(s + nm, ':', nl) != NULL ||
	    pa->nt >= (size_t)LONG_MAX)
		return -1;
	for (i = 0; i < nk; i++) {
		if (k[i].has_val && !plain_value(s + k[i].v, k[i].vl))
			return -1;
		pool += k[i].vl + 1;
	}
	if (pa->pool_len + pool >= PRUNE_NOVAL ||
	    grow((void **)&pa->pool, &pa->pool_cap, pa->pool_len + pool, 1) ==
	    -1 || grow((void **)&pa->a, &pa->acap, pa->na + nk, sizeof *a) ==
	    -1 || grow((void **)&pa->t, &pa->tcap, pa->nt + 1, sizeof *t) ==
	    -1)
		return -1;
	t = &pa->t[pa->nt];
	for (i = 0; i < nl; i++)
		t->name[i] = (char)ascii_tolower((unsigned char)s[nm + i]);
	t->name[nl] = '\0';
	/* libxml2 merges a second <html>'s attributes into the first: it
	 * keeps its own.  (<meta> may go: libxml2 reads its charset only
	 * when it was given none, and extract_html() always gives one.) */
	if (strcmp(t->name, "html") == 0)
		return -1;
	t->first = (uint32_t)pa->na;
	t->n = (uint8_t)nk;
	for (i = 0; i < nk; i++) {
		a = &pa->a[pa->na++];
		a->name = (uint32_t)k[i].name;
		if (!k[i].has_val) {
			a->val = PRUNE_NOVAL;
			continue;
		}
		a->val = (uint32_t)pa->pool_len;
		pa->pool_len += value_copy(pa->pool + pa->pool_len,
		    s + k[i].v, k[i].vl);
		pa->pool[pa->pool_len++] = '\0';
	}
	return (long)pa->nt++;
}

/* " bl=K" into m, and a blank when "/>" follows (an unquoted value
 * runs to a blank or '>' and would take the '/' in); its length. */
static size_t
mark_format(char *m, size_t k, int self)
{
	char	 d[24];
	size_t	 nd = 0, l = 0;

	do {
		d[nd++] = (char)('0' + k % 10);
		k /= 10;
	} while (k > 0);
	m[l++] = ' ';
	memcpy(m + l, PRUNE_MARK "=", sizeof PRUNE_MARK);
	l += sizeof PRUNE_MARK;
	while (nd > 0)
		m[l++] = d[--nd];
	if (self)
		m[l++] = ' ';
	return l;
}

/*
 * Copies the start tag at s[st] ('<' and a letter) to out without the
 * attributes that nothing reads, reading it as libxml2 2.9's HTML
 * parser does (names of letters, digits and ":-_.", values quoted or up
 * to a blank or '>').  With pa, the kept attributes go to pa instead
 * when the tag's mark is no longer than they are.  Returns the index
 * past its '>', or 0 when the tag is not that simple (then it is copied
 * as it is).
 */
static size_t
copy_start_tag(const char *s, size_t st, size_t n, char *out, size_t *op,
    struct prune_attrs *pa)
{
	size_t	 i = st + 1, o = *op, a, an, ae, b, nk = 0, o_name, o_end;
	size_t	 pool0;
	const char *q;
	int	 dropped = 0, r, self = 0;
	uint32_t seen = 0;
	long	 ti;
	struct kept k[sizeof read_attrs / sizeof read_attrs[0]];
	char	 mark[32];

	while (i < n && name_char((unsigned char)s[i]))
		i++;
	if (i - st - 1 >= HTML_NAME_MAX)
		return 0;
	memcpy(out + o, s + st, i - st);
	o += i - st;
	o_name = o;
	for (;;) {
		for (b = i; i < n && IS_BLANK(s[i]); i++)
			;
		if (i >= n)
			return 0;
		if (s[i] == '>')
			break;
		if (s[i] == '/' && i + 1 < n && s[i + 1] == '>') {
			/* 2: after blanks, which must stay (an unquoted
			 * value would take the '/' in). */
			self = i > b ? 2 : 1;
			i++;
			break;
		}
		if (!name_start((unsigned char)s[i]))
			return 0;
		for (a = i; i < n && name_char((unsigned char)s[i]); i++)
			;
		an = i - a;
		if (an >= HTML_NAME_MAX)
			return 0;
		ae = i;
		r = read_attr(s + a, an);
		if (r > 0 && !(seen & (UINT32_C(1) << (r - 1)))) {
			/* libxml2 keeps the first of a name. */
			seen |= UINT32_C(1) << (r - 1);
			k[nk].name = r - 1;
			k[nk].has_val = 0;
			k[nk].v = k[nk].vl = 0;
			nk++;
		} else if (r > 0)
			r = -1;		/* a repeat: copied, not tabled */
		while (i < n && IS_BLANK(s[i]))
			i++;
		if (i < n && s[i] == '=') {
			i++;
			while (i < n && IS_BLANK(s[i]))
				i++;
			if (i >= n)
				return 0;
			if (s[i] == '"' || s[i] == '\'') {
				if ((q = memchr(s + i + 1, s[i], n - i - 1)) ==
				    NULL)
					return 0;
				if (r > 0) {
					k[nk - 1].v = i + 1;
					k[nk - 1].vl = (size_t)(q - s) - i - 1;
				}
				i = (size_t)(q - s) + 1;
			} else {
				ae = i;
				while (i < n && !IS_BLANK(s[i]) && s[i] != '>')
					i++;
				if (i == ae)
					return 0;
				if (r > 0) {
					k[nk - 1].v = ae;
					k[nk - 1].vl = i - ae;
				}
			}
			if (r > 0)
				k[nk - 1].has_val = 1;
			ae = i;
		}
		/* A space stands for the blanks before the attribute or
		 * for the one left out before it, so that the copy is
		 * never longer than the page. */
		if (r != 0) {
			if (a > b || dropped)
				out[o++] = ' ';
			memcpy(out + o, s + a, ae - a);
			o += ae - a;
			dropped = 0;
		} else
			dropped = 1;
	}
	o_end = o;
	pool0 = pa != NULL ? pa->pool_len : 0;
	if (pa != NULL && nk > 0 && (ti = prune_table(pa, s, st + 1,
	    o_name - *op - 1, k, nk)) >= 0) {
		/* The table holds them and the tag keeps the mark, unless
		 * the mark is the longer: the copy must stay within the
		 * page, so the table gives them back. */
		size_t	 ml = mark_format(mark, (size_t)ti, self);

		if (ml <= o_end - o_name) {
			memcpy(out + o_name, mark, ml);
			o = o_name + ml;
		} else {
			pa->nt--;
			pa->na -= nk;
			pa->pool_len = pool0;
		}
	}
	if (self == 2 && out[o - 1] != ' ')
		out[o++] = ' ';
	if (self)
		out[o++] = '/';
	out[o++] = '>';
	*op = o;
	return i + 1;
}

int
extract_html_prune_ok(const char *enc)
{
	return !ascii_casestr(enc, strlen(enc), "utf-16") &&
	    !ascii_casestr(enc, strlen(enc), "utf-32") &&
	    !ascii_casestr(enc, strlen(enc), "ucs") &&
	    !ascii_casestr(enc, strlen(enc), "utf-7") &&
	    !ascii_casestr(enc, strlen(enc), "2022") &&
	    !ascii_casestr(enc, strlen(enc), "hz");
}

/* What the pass must know of a tag: its body is dropped (script, style,
 * svg), or kept as it is (pre and its kin), or neither. */
enum tag_kind { K_OTHER, K_SCRIPT, K_STYLE, K_SVG, K_PRE };

/* The kind of the tag whose name starts at s.  One look at the name
 * instead of a comparison with each. */
static enum tag_kind
tag_kind(const char *s, size_t n)
{
	char	 lc[10];
	size_t	 l;

	/* The name as libxml2 reads it: up to the first character that
	 * cannot be in a name, whatever that is ("<style=x>" is a style
	 * element). */
	for (l = 0; l < n && l < sizeof lc && name_char((unsigned char)s[l]);
	    l++)
		lc[l] = (char)ascii_tolower((unsigned char)s[l]);
	if (l == n || l == sizeof lc)
		return K_OTHER;
#define IS(name) (l == sizeof name - 1 && memcmp(lc, name, l) == 0)
	if (IS("script"))
		return K_SCRIPT;
	if (IS("style"))
		return K_STYLE;
	if (IS("svg"))
		return K_SVG;
	if (IS("pre") || IS("textarea") || IS("listing") || IS("xmp") ||
	    IS("plaintext"))
		return K_PRE;
#undef IS
	return K_OTHER;
}

/* Copies text, each run of blanks made one: a newline when the run
 * holds one (a line break stays a line break), else its first blank.
 * HTML shows a run as one space; a quarter of a page's bytes are such
 * runs (indentation).  Returns the bytes written. */
static size_t
copy_text(const char *s, size_t n, char *out)
{
	size_t	 i, o = 0, j;
	char	 c;

	for (i = 0; i < n; i++) {
		c = s[i];
		if (!IS_BLANK(c)) {
			out[o++] = c;
			continue;
		}
		for (j = i + 1; j < n && IS_BLANK(s[j]); j++)
			if (s[j] == '\n')
				c = '\n';
		out[o++] = c;
		i = j - 1;
	}
	return o;
}

char *
extract_html_prune(const char *s, size_t *np, struct prune_attrs *pa)
{
	size_t	 n = *np, i = 0, o = 0, st, e, c, pre = 0;
	const char *p, *name;
	char	*out;
	enum tag_kind k;

	/* libxml2's allocator: the copy is its input, and comes from the
	 * arena in one-shot runs. */
	if (pa != NULL) {
		memset(pa, 0, sizeof *pa);
		/* libxml2 stops some reads at a NUL byte: no table. */
		if (memchr(s, '\0', n) != NULL)
			pa = NULL;
	}
	if ((out = xmlMalloc(n + 1)) == NULL)
		return NULL;
	while (i < n && (p = memchr(s + i, '<', n - i)) != NULL) {
		st = (size_t)(p - s);
		if (pre > 0) {
			memcpy(out + o, s + i, st - i);
			o += st - i;
		} else
			o += copy_text(s + i, st - i, out + o);
		i = st;
		if (n - st >= 4 && memcmp(s + st, "<!--", 4) == 0) {
			/* A comment, as it is.  Where "-->" does not end
			 * it as simply ("<!-->", "--!>"), libxml2 may see
			 * it end elsewhere: no more values to the table. */
			if ((p = memmem(s + st + 4, n - st - 4, "-->", 3)) ==
			    NULL)
				e = n;
			else
				e = (size_t)(p - s) + 3;
			if (e == n || (n - st > 4 && s[st + 4] == '>') ||
			    (n - st > 5 && memcmp(s + st + 4, "->", 2) == 0) ||
			    memmem(s + st + 4, e - st - 4, "--!>", 4) != NULL)
				pa = NULL;
		} else if (st + 1 < n &&
		    ascii_isalpha((unsigned char)s[st + 1])) {
			k = tag_kind(s + st + 1, n - st - 1);
			name = k == K_SCRIPT ? "script" : k == K_STYLE ?
			    "style" : k == K_SVG ? "svg" : NULL;
			if (k == K_PRE)
				pre++;
			if (name == NULL &&
			    (e = copy_start_tag(s, st, n, out, &o, pa)) != 0) {
				i = e;
				continue;
			}
			/* A tag the pass cannot read simply may end
			 * elsewhere for libxml2 (its errors skip to a
			 * blank): from here on, what looks like a tag
			 * may be an attribute's text, so no more values
			 * go to the table. */
			if (name == NULL)
				pa = NULL;
			e = tag_end(s, st + 1, n);
			if (name != NULL && e < n && s[e - 2] != '/') {
				/* Keep the tags; drop the body, but JSON-LD's,
				 * which is copied as it is (its text may hold
				 * what looks like tags).  The start tag loses
				 * its unread attributes (src, async, xmlns) when
				 * it is simple. */
				size_t	 o0 = o;

				if (copy_start_tag(s, st, n, out, &o, pa) != e) {
					o = o0;
					memcpy(out + o, s + st, e - st);
					o += e - st;
					pa = NULL;
				}
				c = k == K_SVG ? find_close(s, e, n, name) :
				    raw_end(s, e, n, name);
				if (k == K_SCRIPT &&
				    ascii_casestr(s + st, e - st, "ld+json")) {
					memcpy(out + o, s + e, c - e);
					o += c - e;
				}
				i = c;
				continue;
			}
		} else if (st + 1 < n && (s[st + 1] == '?' || s[st + 1] == '!')) {
			/* A processing instruction, a doctype or a bogus
			 * comment: libxml2 reads it to the next '>', tags
			 * and all; so is it copied. */
			p = memchr(s + st, '>', n - st);
			e = p == NULL ? n : (size_t)(p - s) + 1;
		} else {
			if (st + 2 < n && s[st + 1] == '/' && pre > 0 &&
			    tag_kind(s + st + 2, n - st - 2) == K_PRE)
				pre--;
			e = st + 1;
		}
		memcpy(out + o, s + st, e - st);
		o += e - st;
		i = e;
	}
	if (i < n) {
		if (pre > 0) {
			memcpy(out + o, s + i, n - i);
			o += n - i;
		} else
			o += copy_text(s + i, n - i, out + o);
	}
	out[o] = '\0';
	*np = o;
	return out;
}

void
extract_html_prune_attrs_free(struct prune_attrs *pa)
{
	free(pa->pool);
	free(pa->a);
	free(pa->t);
	memset(pa, 0, sizeof *pa);
}

/* The tag index a mark holds; SIZE_MAX when it holds none. */
static size_t
mark_index(xmlAttrPtr m)
{
	const char *v;
	size_t	 k = 0;

	if (m->children == NULL || (v = (const char *)m->children->content) ==
	    NULL || *v == '\0')
		return SIZE_MAX;
	for (; *v != '\0'; v++) {
		if (!ascii_isdigit((unsigned char)*v) || k > SIZE_MAX / 10 - 1)
			return SIZE_MAX;
		k = k * 10 + (size_t)(*v - '0');
	}
	return k;
}

/* Parents must be right (fix_parents()). */
static int
restore_attrs(xmlNodePtr root, const struct prune_attrs *pa)
{
	xmlNodePtr n;
	xmlAttrPtr m;
	const struct prune_tag *t;
	const struct prune_attr *a;
	size_t	 k, j;

	for (n = root; n != NULL; n = next_in(n, root, 0)) {
		if (n->type == XML_ELEMENT_NODE && (m = n->properties) != NULL &&
		    strcmp((const char *)m->name, PRUNE_MARK) == 0) {
			k = mark_index(m);
			/* A mark the page wrote itself (in a tag copied as
			 * it is) that points nowhere, or at a tag of another
			 * name, stays an attribute nothing reads. */
			if (k < pa->nt && strcmp((const char *)n->name,
			    (t = &pa->t[k])->name) == 0) {
				xmlRemoveProp(m);
				for (j = 0; j < t->n; j++) {
					a = &pa->a[t->first + j];
					if (xmlNewProp(n, (const xmlChar *)
					    read_attrs[a->name].name,
					    a->val == PRUNE_NOVAL ? NULL :
					    (const xmlChar *)(pa->pool + a->val))
					    == NULL)
						return -1;
				}
			}
		}
	}
	return 0;
}

int
extract_html_prune_restore(htmlDocPtr doc, const struct prune_attrs *pa)
{
	xmlNodePtr root = xmlDocGetRootElement(doc);

	if (root == NULL)
		return 0;
	fix_parents(root, 0);
	return restore_attrs(root, pa);
}

static int
same_str(const xmlChar *a, const xmlChar *b)
{
	return a == b || (a != NULL && b != NULL && xmlStrEqual(a, b));
}

static int
same_node(xmlNodePtr a, xmlNodePtr b)
{
	xmlAttrPtr x, y;

	if (a->type != b->type || !same_str(a->name, b->name) ||
	    !same_str(a->content, b->content))
		return 0;
	if (a->type != XML_ELEMENT_NODE)
		return 1;
	for (x = a->properties, y = b->properties; x != NULL && y != NULL;
	    x = x->next, y = y->next) {
		if (!same_str(x->name, y->name) ||
		    (x->children == NULL) != (y->children == NULL) ||
		    (x->children != NULL && (x->children->next != NULL ||
		    y->children->next != NULL ||
		    !same_str(x->children->content, y->children->content))))
			return 0;
	}
	return x == NULL && y == NULL;
}

int
extract_html_same_tree(xmlNodePtr a, xmlNodePtr b)
{
	xmlNodePtr *st = NULL, *t;
	size_t	 n = 0, cap = 0;
	int	 same = 1;

	/* Pairs of siblings to compare, on a stack: trees can be deep. */
	for (;;) {
		for (; a != NULL && b != NULL; a = a->next, b = b->next) {
			if (!same_node(a, b)) {
				same = 0;
				goto out;
			}
			if (a->type != XML_ELEMENT_NODE)
				continue;
			if (n + 2 > cap) {
				cap = cap == 0 ? 64 : cap * 2;
				if ((t = realloc(st, cap * sizeof *st)) ==
				    NULL) {
					same = -1;
					goto out;
				}
				st = t;
			}
			st[n++] = a->children;
			st[n++] = b->children;
		}
		if (a != NULL || b != NULL) {
			same = 0;
			break;
		}
		if (n == 0)
			break;
		b = st[--n];
		a = st[--n];
	}
out:
	free(st);
	return same;
}

int
extract_html_prune_same(const char *page, size_t n, size_t *ntags)
{
	const int flags = HTML_PARSE_RECOVER | HTML_PARSE_NONET |
	    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_COMPACT;
	struct prune_attrs pa;
	size_t	 n1 = n, n2 = n;
	char	*p1 = NULL, *p2 = NULL;
	htmlDocPtr d1 = NULL, d2 = NULL;
	int	 r = -1;

	memset(&pa, 0, sizeof pa);
	if (n > INT_MAX || (p1 = extract_html_prune(page, &n1, NULL)) == NULL ||
	    (p2 = extract_html_prune(page, &n2, &pa)) == NULL)
		goto out;
	if (ntags != NULL)
		*ntags = pa.nt;
	d1 = htmlReadMemory(p1, (int)n1, NULL, "UTF-8", flags);
	d2 = htmlReadMemory(p2, (int)n2, NULL, "UTF-8", flags);
	if (n2 > n || (d1 == NULL) != (d2 == NULL))
		r = 0;
	else if (d1 == NULL)
		r = 1;
	else if (extract_html_prune_restore(d2, &pa) == 0)
		r = extract_html_same_tree(d1->children, d2->children);
out:
	xmlFreeDoc(d1);
	xmlFreeDoc(d2);
	xmlFree(p1);
	xmlFree(p2);
	extract_html_prune_attrs_free(&pa);
	return r;
}

/* ---- the whole ---- */

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

static const int attempts[] = {
	A_STRIP_UNLIKELY | A_WEIGHT | A_CLEAN,
	A_WEIGHT | A_CLEAN,
	A_CLEAN,
	0
};

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

/* The story's last paragraphs that ask the reader to follow someone go:
 * they sign off the page, not the story. */
static void
drop_follow_lines(struct article *a)
{
	size_t	 i, seen = 0;

	for (i = a->nblocks; i > 0 && seen < 3; i--) {
		if (a->blocks[i - 1].type == BLOCK_IMAGE)
			continue;
		seen++;
		if (a->blocks[i - 1].type == BLOCK_PARAGRAPH &&
		    is_follow_line(a->blocks[i - 1].text, a->blocks[i - 1].len))
			article_drop_block(a, i - 1);
	}
}

/* The link that is the whole of block bi (but trailing blanks and
 * punctuation), or -1. */
static long
whole_link(const struct article *a, size_t bi)
{
	const struct block *b = &a->blocks[bi];
	size_t	 i, e;

	/* Paragraphs, not list items (a list of links may be the story's:
	 * apps, sources); headlines, some words. */
	if (b->type != BLOCK_PARAGRAPH || b->len < 20 ||
	    memchr(b->text, ' ', b->len) == NULL)
		return -1;
	for (e = b->len; e > 0 && strchr(" .|", b->text[e - 1]) != NULL; e--)
		;
	for (i = 0; i < a->nlinks; i++)
		if (a->links[i].block == bi && a->links[i].start == 0 &&
		    a->links[i].end >= e)
			return (long)i;
	return -1;
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
	mark(hx);
	count(hx);
	score(hx);
	if (hx->nomem)
		goto fail;
	top = pick(hx);
	nroots = siblings(hx, top, roots, HTML_ROOTS_MAX);
	protect(hx, top);
	for (i = 0; i < nroots; i++)
		clean(hx, roots[i]);
	memset(&o, 0, sizeof o);
	o.hx = hx;
	o.a = a;
	buf_init(&o.b, ARTICLE_FIELD_MAX_BYTES);
	for (i = 0; i < nroots && !o.err; i++)
		emit_root(&o, roots[i]);
	out_clear_links(&o);
	free(o.links);
	buf_release(&o.b);
	if (o.err)
		goto fail;
	drop_follow_lines(a);
	if (drop_teaser_lists(a) == -1)
		goto fail;
	/* Teasers: boxes cut from the story and related boxes beside it. */
	if (article_set(&a->url, hx->meta.url != NULL ? hx->meta.url :
	    hx->base, hx->meta.url != NULL ? strlen(hx->meta.url) :
	    hx->base != NULL ? strlen(hx->base) : 0) == -1)
		goto fail;
	hx->em_article = a;
	for (i = 0; i < nroots; i++)
		harvest_cut(hx, roots[i], a);
	walk(hx, hx->body, harvest_enter, NULL);
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
	for (i = 0; byline_seps[i] != NULL; i++)
		if ((p = strstr(t, byline_seps[i])) != NULL && p > t)
			t[p - t] = '\0';
	l = strlen(t);
	while (l > 0 && (ascii_isspace((unsigned char)t[l - 1]) ||
	    t[l - 1] == ',' || t[l - 1] == '-' || t[l - 1] == '|'))
		t[--l] = '\0';
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
	const char *enc;
	size_t	 i, best_chars = 0, c;
	int	 rc = -1, utf8;

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
	enc = pick_charset(data, n, opts, csbuf, sizeof csbuf, &utf8);
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
	fix_parents(xmlDocGetRootElement(hx.doc), 0);
	if (pa.nt > 0 && restore_attrs(xmlDocGetRootElement(hx.doc), &pa) ==
	    -1)
		goto nomem;
	if (setup_nodes(&hx) == -1 || extract_html_meta(hx.doc, &hx.meta) ==
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
	    (hx.title_norm = norm_text(hx.meta.title)) == NULL)
		goto nomem;
	ld_body_mark(&hx);
	for (i = 0; i < sizeof attempts / sizeof attempts[0]; i++) {
		/* Each attempt may find the byline element again. */
		free(hx.byline);
		hx.byline = NULL;
		if ((a = run_attempt(&hx, attempts[i])) == NULL)
			goto nomem;
		c = article_chars(a);
		if (best == NULL || c > best_chars) {
			article_free(best);
			best = a;
			best_chars = c;
		} else
			article_free(a);
		if (best_chars >= ENOUGH_TEXT)
			break;
	}
	if (fill_meta(&hx, best) == -1)
		goto nomem;
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
	free(hx.title_norm);
	free(base_alloc);
	free(copy);
	xmlFree(pruned);
	extract_html_prune_attrs_free(&pa);
	extract_html_meta_release(&hx.meta);
	/* From an arena the document goes with the process. */
	if (hx.doc != NULL && !arena_xml_active())
		xmlFreeDoc(hx.doc);
	return rc;
}
