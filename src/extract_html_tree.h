/*
 * extract_html_tree: the side table the content search keeps beside
 * libxml2's tree, shared by the files of that search (extract_html.c:
 * the whole; _mark: tags, class/id signals and marks; _score: counts,
 * scores, the pick and the cleaning; _write: blocks; _siblings: the
 * story's siblings; _related: related links).  Not for other modules.
 *
 * Every element has a struct hnode, reached through its _private
 * pointer, from hx_setup_nodes() on; the tree itself is never modified.
 * Functions shared between these files carry the prefix hx_ (after
 * struct hx, the extraction's context).
 */
#ifndef BYLINE_EXTRACT_HTML_TREE_H
#define BYLINE_EXTRACT_HTML_TREE_H

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
#define F_MAIN		0x10000	/* <main>, role="main" */
#define F_HOLDSMAIN	0x20000	/* an ancestor of an F_MAIN or F_INBODY */
#define F_INTRO		0x40000	/* class/id says standfirst or intro */
#define F_HOLDSINTRO	0x80000	/* an ancestor of an F_INTRO */
#define F_HOLDSH1	0x100000 /* an ancestor of an h1 */
#define F_INGRED	0x200000 /* itemprop: a recipe's ingredient */

/* Attempt flags, relaxed one by one when too little text is found. */
#define A_STRIP_UNLIKELY	0x1
#define A_WEIGHT		0x2
#define A_CLEAN			0x4
#define A_NOSCRIPT		0x8	/* <noscript> read as the page's */

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
	char		*byline_name;	/* it without the author's boxes */
	char		*title_norm;
	struct emit	*em;		/* the writer, while blocks are written */
	struct article	*em_article;	/* where related links go */
	xmlNodePtr	 clean_root;	/* the root hx_clean() is in */
	int		 has_ingred;	/* the page marks an F_INGRED */
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

/* A walk over a subtree in document order without recursion.  enter()
 * says whether to go into the node's children; leave() (may be NULL)
 * runs after them. */
typedef int	 (*enter_fn)(struct hx *, xmlNodePtr);
typedef void	 (*leave_fn)(struct hx *, xmlNodePtr);

static inline struct hnode *
hn(xmlNodePtr n)
{
	return n->_private;
}

static inline int
is_elem(xmlNodePtr n)
{
	return n->type == XML_ELEMENT_NODE && n->_private != NULL;
}

/* Is the element kept in this attempt? */
static inline int
kept(xmlNodePtr n)
{
	return is_elem(n) && !(hn(n)->flags & (F_DROP | F_STRIP | F_CUT));
}

/* extract_html_mark.c */
void	 hx_walk(struct hx *, xmlNodePtr root, enter_fn, leave_fn);
/* An attribute's value, borrowed from the tree, or NULL. */
const char *hx_attr(xmlNodePtr, const char *);
/* Gives every element its side-table entry; 0, or -1 on no memory. */
int	 hx_setup_nodes(struct hx *);
/* Marks what this attempt (hx->attempt) strips. */
void	 hx_mark(struct hx *);
int	 hx_wraps_quote(xmlNodePtr);
/* Lower-cased, space-folded text for comparisons.  Caller frees. */
char	*hx_norm_text(const char *);

/* extract_html_score.c */
void	 hx_count(struct hx *);
void	 hx_score(struct hx *);
double	 hx_link_density(const struct hnode *);
/* The best container, or the body when no paragraph scored. */
xmlNodePtr hx_pick(struct hx *);
void	 hx_protect(struct hx *, xmlNodePtr top);
void	 hx_cut(struct hx *, xmlNodePtr);
void	 hx_clean(struct hx *, xmlNodePtr);

/* extract_html_siblings.c: the roots of the story, top first; their
 * number (at most max). */
size_t	 hx_siblings(struct hx *, xmlNodePtr top, xmlNodePtr *roots,
	    size_t max);

/* extract_html_write.c: the kept blocks of root into o->a; 0, or -1
 * with o->err set. */
int	 hx_emit_root(struct out *, xmlNodePtr);
void	 hx_out_clear_links(struct out *);

/* extract_html_related.c: related entries from boxes cut out of root
 * and from related boxes anywhere (a walk's enter function). */
void	 hx_harvest_cut(struct hx *, xmlNodePtr root, struct article *);
int	 hx_harvest_enter(struct hx *, xmlNodePtr);

/* extract_html_tidy.c: passes over the blocks an attempt wrote.  Each
 * returns -1 on no memory where it can fail. */
/* Follow calls, rule tails, credits, teaser and capitalised link lists,
 * then the parts after a "More" heading. */
int	 hx_tidy_attempt(struct article *);
/* The parts after a "More"/"Related" heading that follows the story. */
void	 hx_drop_more_parts(struct article *);
/* A list of the site's own headlines at the end becomes related entries
 * (a->url set). */
int	 hx_drop_tail_link_list(struct article *);
/* Headings over the story that repeat the title (title_norm, as
 * hx_norm_text() makes it) or part of it. */
int	 hx_drop_title_heading(struct article *, const char *title_norm);
/* The author's note at the end, opening with a->byline. */
void	 hx_drop_author_note(struct article *);

#endif
