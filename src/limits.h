/*
 * limits: every size, count and time limit byline enforces, in one place,
 * each with its unit and the reason for its value.  Input from the network
 * or from files is hostile; these caps bound the memory and time it can
 * cost.  The man page's LIMITS section lists them with the tests that
 * prove them.
 */
#ifndef BYLINE_LIMITS_H
#define BYLINE_LIMITS_H

/* A saved page or text copy read by --dump: far above any real article
 * (the corpus's largest page is under 2 MB), low enough to bound memory. */
#define INPUT_MAX_BYTES		(64UL * 1024 * 1024)

/* One field of the article model (title, byline, a paragraph).  A
 * paragraph longer than this is cut, not refused. */
#define ARTICLE_FIELD_MAX_BYTES	(1UL * 1024 * 1024)

/* Blocks, links and related entries of one article: a real article has
 * hundreds at most; the caps stop a hostile page from growing arrays. */
#define ARTICLE_BLOCKS_MAX	100000
#define ARTICLE_LINKS_MAX	20000
#define ARTICLE_RELATED_MAX	1000

/* Rendered output of one article (text, JSON or markdown). */
#define RENDER_MAX_BYTES	(256UL * 1024 * 1024)

/* A date string worth parsing: the longest real form is about 40 bytes. */
#define DATE_MAX_BYTES		128

/* Lines of a text copy considered by the text extractor: a page copy has
 * a few thousand; beyond this the rest is ignored. */
#define TEXT_LINES_MAX		200000

/* One line of a text copy: a 10 MB line is cut here so that the line
 * scoring stays linear. */
#define TEXT_LINE_MAX_BYTES	(256UL * 1024)

/* An error message: one line, "where: what". */
#define ERRBUF_BYTES		512

/* A URL: browsers accept about 2 MB, real links are far shorter. */
#define URL_MAX_BYTES		(64UL * 1024)

#endif
