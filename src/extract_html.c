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
 * datelines, teasers), _related (related links); extract_html_tidy.c
 * the passes over the blocks written.
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
	    str_words(ex) >= DESCRIPTION_MIN_WORDS) {
		drop_blocks(a);
		return article_add_block(a, BLOCK_PARAGRAPH, 0, ex,
		    strlen(ex));
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
	if (hx_tidy_attempt(a) == -1)
		goto fail;
	/* Teasers: boxes cut from the story and related boxes beside it. */
	if (article_set(&a->url, hx->meta.url != NULL ? hx->meta.url :
	    hx->base, hx->meta.url != NULL ? strlen(hx->meta.url) :
	    hx->base != NULL ? strlen(hx->base) : 0) == -1)
		goto fail;
	if (hx_drop_tail_link_list(a) == -1)
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
	if (hx_drop_title_heading(best, hx.title_norm) == -1)
		goto nomem;
	if (body_fallback(&hx, best) == -1 || fill_meta(&hx, best) == -1)
		goto nomem;
	hx_drop_author_note(best);
	article_drop_calls(best);
	/* The author's note may have been the prose that kept a "Related"
	 * tail before it. */
	hx_drop_more_parts(best);
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
