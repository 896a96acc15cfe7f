/*
 * extract_html_int: what the files of the HTML extractor share
 * (extract_html.c: the whole; extract_html_meta.c: metadata;
 * extract_html_prune.c: the pass before libxml2; the content search in
 * the files of extract_html_tree.h).  Not for other modules: the
 * contract is extract_html() in extract.h.
 *
 * The tree belongs to libxml2 and is freed by the caller of these
 * functions.  Strings returned here are new and the caller frees them.
 * Limits (HTML_*) are in bounds.h.
 */
#ifndef BYLINE_EXTRACT_HTML_INT_H
#define BYLINE_EXTRACT_HTML_INT_H

#include <stdint.h>

#include <libxml/HTMLparser.h>

#include "article.h"
#include "bounds.h"
#include "util.h"

/* Metadata found in the page before any cleaning. */
struct html_meta {
	char		*title;		/* best title, cleaned */
	char		*doc_title;	/* <title>, whole */
	char		*byline;
	char		*site;
	char		*lang;
	char		*excerpt;
	char		*url;		/* og:url or canonical */
	char		*base_href;	/* <base href> */
	struct date	 date;
	int		 have_date;
	char		*article_body;	/* JSON-LD articleBody, or NULL */
};

/*
 * Reads the metadata of the document (meta tags, JSON-LD, <title>,
 * <html lang>, <base>).  Returns 0, or -1 when memory runs out.
 */
int	 extract_html_meta(htmlDocPtr, struct html_meta *);
/* extract_html_write.c: does t[0..n) open with one of labels, blanks,
 * then a colon?  Is it a picture credit ("Foto: A. Name")? */
int	 hx_opens_with_label(const char *t, size_t n,
	    const char *const *labels);
int	 hx_credit_line(const char *t, size_t n);
void	 extract_html_meta_release(struct html_meta *);

/*
 * The title from <title> with the site's name cut off ("Story | Site"),
 * given the document's h1/h2 texts to compare with (may be NULL).
 * Caller frees; NULL when there is none.
 */
char	*extract_html_clean_title(const char *doc_title, htmlDocPtr);

/*
 * Points every child's parent at the node whose children list holds it,
 * depth levels down from n (call with 0).  libxml2 2.9 leaves children
 * of a stray second <body> pointing at an element that is not in the
 * tree, which would end upward walks early.
 */
void	 extract_html_fix_parents(xmlNodePtr n, int depth);

/* The node after n in a walk over top's subtree, children first unless
 * skip; NULL past its end.  Parents must be right
 * (extract_html_fix_parents()). */
static inline xmlNodePtr
next_in(xmlNodePtr n, xmlNodePtr top, int skip)
{
	if (!skip && n->type == XML_ELEMENT_NODE && n->children != NULL)
		return n->children;
	while (n != top && n->next == NULL)
		n = n->parent;
	return n == top ? NULL : n->next;
}

/* The text of a subtree, whitespace folded.  Caller frees; NULL on no
 * memory. */
char	*extract_html_node_text(xmlNodePtr, size_t max);

/*
 * Attributes that extract_html_prune() took out of start tags, for
 * extract_html_prune_restore() to put back once libxml2 has built the
 * tree.  libxml2 2.9 reads an attribute value a character at a time at
 * some 70 instructions each, a fifth of the cost of a page; copied here
 * it costs a memcpy.  A start tag whose attributes went keeps one short
 * one instead, PRUNE_MARK="K", K the tag's index in t[].
 */
#define PRUNE_MARK	"bl"
#define PRUNE_NOVAL	UINT32_MAX
struct prune_attrs {
	char	*pool;			/* the values, each NUL-terminated */
	size_t	 pool_len, pool_cap;
	struct prune_attr {
		uint32_t name;		/* index of the name in read_attrs[] */
		uint32_t val;		/* offset in pool, or PRUNE_NOVAL */
	}	*a;
	size_t	 na, acap;
	struct prune_tag {
		uint32_t first;		/* its first attribute in a[] */
		uint8_t	 n;		/* its attributes */
		char	 name[11];	/* lower case, NUL-terminated */
	}	*t;
	size_t	 nt, tcap;
};

/*
 * A copy of the page s[0..*np) without the bodies of <script> (but
 * JSON-LD's), <style> and <svg> elements and without the attributes the
 * extractor never reads; never longer than the page.  *np becomes its
 * length.  Only for an encoding that extract_html_prune_ok() accepts.
 * With pa (only for valid UTF-8, which libxml2 reads as it is; a page
 * with a NUL byte gets no table), the attributes of simple start tags
 * go to *pa (zeroed first; released with
 * extract_html_prune_attrs_free()) and the tag keeps PRUNE_MARK, up to
 * the first construct the pass may read otherwise than libxml2 (a tag
 * that is not simple, an odd comment).
 * Allocated with xmlMalloc(): the caller frees it with xmlFree(); NULL
 * on no memory.
 */
char	*extract_html_prune(const char *s, size_t *np, struct prune_attrs *pa);
int	 extract_html_prune_ok(const char *enc);
/* Gives the elements of doc that carry PRUNE_MARK their attributes from
 * pa, in their order, as libxml2 would have made them.  0, or -1 on no
 * memory. */
int	 extract_html_prune_restore(htmlDocPtr doc,
	    const struct prune_attrs *pa);
/* The same under root, whose parents are right already. */
int	 extract_html_prune_restore_tree(xmlNodePtr root,
	    const struct prune_attrs *pa);
void	 extract_html_prune_attrs_free(struct prune_attrs *);
/* Do two trees hold the same nodes, names, attributes and text? */
int	 extract_html_same_tree(xmlNodePtr, xmlNodePtr);
/*
 * The prune pass's promise, for its tests and fuzz target: page (valid
 * UTF-8) parsed with its kept
 * attributes left in the tags, and with them moved to the side table and
 * put back, makes the same tree.  1 same, 0
 * not, -1 no memory; *ntags (may be NULL) gets the number of tags that
 * went through the table.
 */
int	 extract_html_prune_same(const char *page, size_t n, size_t *ntags);

#endif
