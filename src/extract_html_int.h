/*
 * extract_html_int: what the files of the HTML extractor share
 * (extract_html.c: charset, parse, content; extract_html_meta.c:
 * metadata).  Not for other modules: the contract is extract_html() in
 * extract.h.
 *
 * The tree belongs to libxml2 and is freed by the caller of these
 * functions.  Strings returned here are new and the caller frees them.
 * Limits (HTML_*) are in limits.h.
 */
#ifndef BYLINE_EXTRACT_HTML_INT_H
#define BYLINE_EXTRACT_HTML_INT_H

#include <libxml/HTMLparser.h>

#include "article.h"
#include "limits.h"
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
void	 extract_html_meta_release(struct html_meta *);

/*
 * The title from <title> with the site's name cut off ("Story | Site"),
 * given the document's h1/h2 texts to compare with (may be NULL).
 * Caller frees; NULL when there is none.
 */
char	*extract_html_clean_title(const char *doc_title, htmlDocPtr);

/* The text of a subtree, whitespace folded.  Caller frees; NULL on no
 * memory. */
char	*extract_html_node_text(xmlNodePtr, size_t max);

/*
 * A copy of the page s[0..*np) without the bodies of <script> (but
 * JSON-LD's), <style> and <svg> elements and without the attributes the
 * extractor never reads; never longer than the page.  *np becomes its
 * length.  Only for an encoding that extract_html_prune_ok() accepts.
 * Allocated with xmlMalloc(): the caller frees it with xmlFree(); NULL on
 * no memory.
 */
char	*extract_html_prune(const char *s, size_t *np);
int	 extract_html_prune_ok(const char *enc);

#endif
