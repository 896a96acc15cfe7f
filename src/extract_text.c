/*
 * extract_text: the story out of a page's text copy, what a browser gives
 * for select-all and copy (document.body.innerText).
 *
 * A text copy has no tags left, but it keeps the page's shape: a <p> is
 * set off by blank lines while menu items, cards and captions follow one
 * another line by line; prose has long lines that end in sentence
 * punctuation while chrome has short lines, title-cased or repeated with
 * the same shape ("Rating: 9 Votes", "2 days ago at 07:52 am").  The
 * extractor:
 *
 *  1. cuts the copy into units: lines, with hard-wrapped runs (a <pre>
 *     or a plain-text page) joined back into paragraphs;
 *  2. gives each unit a score: prose counts for its length, short lines,
 *     repeated shapes and section markers ("Comments", "Related") against;
 *     list items (lines under one ending in a colon among them), table
 *     rows (cells between tabs), runs of lines led by a quantity ("200 g
 *     sugar") or of "Label: value" lines, and program text count little
 *     either way; a table of contents (lines printed again over the
 *     sections) costs nothing; a long line without comma or stop (a tag
 *     cloud) is a short line; prose in a list of cards, in a block of
 *     headline-length lines with no blank line between (a list of
 *     links), or printed again far away (a ticker), counts nothing; short
 *     lines holding a date, when a page has several, head comments or a
 *     listing's entries; an author's note (a line with a name, or
 *     "About" and a name, over a paragraph) counts against;
 *  3. takes the run of units with the largest sum (the story), widens it
 *     over the short lines that belong to it (a lead-in sentence or a
 *     standfirst, a lead paragraph across a share bar, a subheading, list
 *     items and their heading, a last paragraph without its stop) and
 *     narrows it past the chrome at its ends;
 *  4. inside the story, takes out teaser cards (headline, summary, source
 *     on consecutive lines among blank-separated paragraphs) as related
 *     links, and leaves out links ("Read more: ..."), captions and
 *     credits (with the paragraph right over a credit line), notices
 *     (legal text, appeals, a comment policy) and a headline right over
 *     the lead; the lines of a verse stay;
 *  5. finds title, byline, date and site in the lines around the story.
 */
#include <stdlib.h>
#include <string.h>

#include "extract_text_int.h"

int
extract_text(const char *data, size_t n, const struct extract_opts *opts,
    struct article **out, struct errbuf *eb)
{
	struct text_ctx c;
	struct article *a = NULL;
	size_t	 s, e, i;
	long	 best;

	memset(&c, 0, sizeof c);
	c.opts = opts;
	c.eb = eb;
	if (xt_split_lines(&c, data, n) == -1)
		goto nomem;
	for (i = 0; i < c.n; i++)
		c.u[i].bullet = xt_starts_bullet(c.u[i].s, c.u[i].n);
	if (xt_join_wrapped(&c) == -1)
		goto nomem;
	for (i = 0; i < c.n; i++) {
		xt_measure(&c.u[i]);
		xt_mark_phrases(&c.u[i]);
	}
	/* A paragraph whose next line is a photo's credit ("Photo: Name,
	 * Agency") is the photo's caption. */
	for (i = 0; i + 1 < c.n; i++)
		if (c.u[i + 1].caption && !c.u[i + 1].blank_before &&
		    xt_credit_label(c.u[i + 1].s, c.u[i + 1].n) &&
		    c.u[i].weight <= CAPTION_TEXT_MAX)
			c.u[i].caption = 1;
	if (xt_count_shapes(&c) == -1)
		goto nomem;
	xt_classify(&c);
	if ((a = article_new()) == NULL)
		goto nomem;
	best = xt_best_run(&c, &s, &e);
	if (best <= 0) {
		/* No prose at all: a tiny page.  Keep every line. */
		s = 0;
		e = c.n;
		for (i = 0; i < c.n; i++)
			c.u[i].keep = !c.u[i].marker;
	} else {
		xt_shape_story(&c, &s, &e);
		xt_find_teasers(&c, s, e);
	}
	if (xt_find_meta(&c, a, s, e) == -1)
		goto nomem;
	for (i = s; i < e; i++) {
		const struct unit *u = &c.u[i];

		if (u->teaser == 1 && xt_add_teaser(&c, a, i) == -1)
			goto nomem;
		if (!u->keep || u->teaser)
			continue;
		if (article_add_block(a, u->bullet ? BLOCK_LIST_ITEM :
		    BLOCK_PARAGRAPH, u->bullet ? 1 : 0, u->s, u->n) == -1)
			goto nomem;
	}
	article_drop_trailing_labels(a);
	article_drop_calls(a);
	if (a->nblocks == 0) {
		errbuf_set(eb, "%s: no article text found", opts->where);
		goto fail;
	}
	for (i = 0; i < c.n; i++)
		free(c.u[i].joined);
	free(c.u);
	*out = a;
	return 0;
nomem:
	errbuf_set(eb, "%s: out of memory", opts->where);
fail:
	for (i = 0; i < c.n; i++)
		free(c.u[i].joined);
	free(c.u);
	article_free(a);
	return -1;
}
