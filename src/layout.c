/*
 * layout: an article to wrapped screen lines.  See layout.h.
 *
 * Wrapping is greedy at spaces (what a reader expects from a pager); a
 * word wider than the line is cut at a character boundary, so a double
 * width character moves to the next line whole.  Preformatted blocks keep
 * their lines and are cut, not wrapped at spaces.
 */
#include <stdlib.h>
#include <string.h>

#include "layout.h"

/* Marks: list bullet, quote bar, related entry, ellipsis. */
#define BULLET		"\xe2\x80\xa2 "
#define QUOTE_BAR	"\xe2\x94\x82 "
#define POINTER		"\xe2\x96\xb8 "
#define ELLIPSIS	"\xe2\x80\xa6"
#define MIDDOT		" \xc2\xb7 "
#define RULE		"\xe2\x94\x80\xe2\x94\x80 "

struct wrapper {
	struct layout	*l;
	enum layout_kind kind;
	long		 target;
	int		 full;		/* LAYOUT_LINES_MAX reached */
};

static int	 push_line(struct wrapper *, const char *, size_t);
static int	 push_blank(struct wrapper *);
static int	 wrap(struct wrapper *, const char *, size_t, const char *,
		    const char *);
static int	 wrap_clean(struct wrapper *, const char *, size_t, int,
		    const char *, const char *);
static int	 cut_lines(struct wrapper *, const char *, size_t,
		    const char *);
static int	 lay_header(struct wrapper *, const struct article *);
static int	 lay_body(struct wrapper *, const struct article *);
static int	 lay_related(struct wrapper *, const struct article *,
		    const struct layout_extra *, size_t);
static int	 add_target(struct layout *, enum layout_target_kind, size_t);
static int	 with_markers(const struct article *, size_t, struct buf *);

void
layout_init(struct layout *l)
{
	memset(l, 0, sizeof *l);
}

void
layout_release(struct layout *l)
{
	size_t	 i;

	for (i = 0; i < l->nlines; i++)
		free(l->lines[i].text);
	free(l->lines);
	free(l->targets);
	layout_init(l);
}

/* Adds one finished line (already sanitised and fitted). */
static int
push_line(struct wrapper *w, const char *s, size_t n)
{
	struct layout *l = w->l;
	struct layout_line *ln;
	static const char cut[] = "[the rest of this article is cut: too long]";

	if (w->full)
		return 0;
	if (l->nlines + 1 >= LAYOUT_LINES_MAX) {
		/* Fail soft: the reader still shows what fits. */
		w->full = 1;
		s = cut;
		n = sizeof cut - 1;
		if (n > l->width)
			n = utf8_fit(s, n, l->width);
	}
	if (l->nlines == l->lines_cap) {
		size_t ncap = l->lines_cap ? l->lines_cap * 2 : 64;
		struct layout_line *p;

		p = reallocarray(l->lines, ncap, sizeof *p);
		if (p == NULL)
			return -1;
		l->lines = p;
		l->lines_cap = ncap;
	}
	ln = &l->lines[l->nlines];
	if ((ln->text = xstrndup(s, n)) == NULL)
		return -1;
	ln->len = n;
	ln->cols = utf8_width(s, n);
	ln->kind = w->full ? LAYOUT_META : w->kind;
	ln->target = w->full ? -1 : w->target;
	l->nlines++;
	return 0;
}

static int
push_blank(struct wrapper *w)
{
	enum layout_kind k = w->kind;
	long	 t = w->target;
	int	 r;

	/* Never two blank lines in a row, never one at the top. */
	if (w->l->nlines == 0 ||
	    w->l->lines[w->l->nlines - 1].kind == LAYOUT_BLANK)
		return 0;
	w->kind = LAYOUT_BLANK;
	w->target = -1;
	r = push_line(w, "", 0);
	w->kind = k;
	w->target = t;
	return r;
}

/*
 * Greedy word wrap of clean text s: the first line starts with pfx1,
 * the others with pfx2 (both narrower than the width).
 */
static int
wrap(struct wrapper *w, const char *s, size_t n, const char *pfx1,
    const char *pfx2)
{
	struct buf line;
	size_t	 width = w->l->width, i = 0, j, ww, k, lw;
	size_t	 p1 = utf8_width(pfx1, strlen(pfx1));
	size_t	 p2 = utf8_width(pfx2, strlen(pfx2));
	int	 words = 0, rc = -1;
	uint32_t cp;

	buf_init(&line, LAYOUT_LINE_MAX_BYTES);
	if (buf_puts(&line, pfx1) != BUF_OK)
		goto out;
	lw = p1;
	while (i < n) {
		while (i < n && s[i] == ' ')
			i++;
		if (i == n)
			break;
		for (j = i; j < n && s[j] != ' '; j++)
			;
		ww = utf8_width(s + i, j - i);
		if (lw + (words ? 1 : 0) + ww <= width) {
			if ((words && buf_putc(&line, ' ') != BUF_OK) ||
			    buf_append(&line, s + i, j - i) != BUF_OK)
				goto out;
			lw += (words ? 1 : 0) + ww;
			words++;
			i = j;
			continue;
		}
		if (words == 0) {
			/* Wider than a whole line: cut it where it fills. */
			k = utf8_fit(s + i, j - i, width - lw);
			if (k == 0)
				k = utf8_decode(s + i, j - i, &cp);
			if (buf_append(&line, s + i, k) != BUF_OK)
				goto out;
			i += k;
		}
		if (push_line(w, line.data, line.len) == -1)
			goto out;
		buf_reset(&line);
		if (buf_puts(&line, pfx2) != BUF_OK)
			goto out;
		lw = p2;
		words = 0;
	}
	if (words > 0 && push_line(w, line.data, line.len) == -1)
		goto out;
	rc = 0;
out:
	buf_release(&line);
	return rc;
}

/* Sanitises s, then wraps it (pre: keeps its lines, cut not wrapped). */
static int
wrap_clean(struct wrapper *w, const char *s, size_t n, int pre,
    const char *pfx1, const char *pfx2)
{
	struct buf clean;
	int	 rc;

	buf_init(&clean, ARTICLE_FIELD_MAX_BYTES + LAYOUT_LINE_MAX_BYTES);
	if (utf8_sanitize(&clean, s, n, pre) != BUF_OK) {
		buf_release(&clean);
		return -1;
	}
	if (pre)
		rc = cut_lines(w, clean.data, clean.len, pfx1);
	else
		rc = wrap(w, clean.data, clean.len, pfx1, pfx2);
	buf_release(&clean);
	return rc;
}

/* Preformatted text: each of its lines, cut into pieces of the width. */
static int
cut_lines(struct wrapper *w, const char *s, size_t n, const char *pfx)
{
	struct buf line;
	size_t	 pw = utf8_width(pfx, strlen(pfx)), i = 0, e, k;
	size_t	 room = w->l->width - pw;
	uint32_t cp;
	int	 rc = -1;

	buf_init(&line, LAYOUT_LINE_MAX_BYTES);
	while (i <= n) {
		const char *nl = memchr(s + i, '\n', n - i);

		e = nl != NULL ? (size_t)(nl - s) : n;
		do {
			k = utf8_fit(s + i, e - i, room);
			if (k == 0 && i < e)
				k = utf8_decode(s + i, e - i, &cp);
			buf_reset(&line);
			if (buf_puts(&line, pfx) != BUF_OK ||
			    buf_append(&line, s + i, k) != BUF_OK ||
			    push_line(w, line.data, line.len) == -1)
				goto out;
			i += k;
		} while (i < e);
		i = e + 1;
	}
	rc = 0;
out:
	buf_release(&line);
	return rc;
}

static int
lay_header(struct wrapper *w, const struct article *a)
{
	struct buf meta;
	struct date d;
	char	 day[11];
	int	 rc = -1;

	if (a->title != NULL) {
		w->kind = LAYOUT_TITLE;
		if (wrap_clean(w, a->title, strlen(a->title), 0, "", "") == -1)
			return -1;
	}
	buf_init(&meta, ARTICLE_FIELD_MAX_BYTES);
	if (a->byline != NULL && buf_puts(&meta, a->byline) != BUF_OK)
		goto out;
	if (a->date_prec != DATE_NONE) {
		d.utc = a->date;
		d.offset = a->date_off;
		d.prec = a->date_prec;
		date_format_day(&d, day);
		if ((meta.len > 0 && buf_puts(&meta, MIDDOT) != BUF_OK) ||
		    buf_puts(&meta, day) != BUF_OK)
			goto out;
	}
	if (a->site != NULL && ((meta.len > 0 &&
	    buf_puts(&meta, MIDDOT) != BUF_OK) ||
	    buf_puts(&meta, a->site) != BUF_OK))
		goto out;
	w->kind = LAYOUT_META;
	if (meta.len > 0 && wrap_clean(w, meta.data, meta.len, 0, "", "") == -1)
		goto out;
	rc = 0;
out:
	buf_release(&meta);
	return rc;
}

struct sort_ctx {
	const struct article *a;
};

/* Orders links of one block by where they end, then by number. */
static int
cmp_link_end(const void *x, const void *y, void *arg)
{
	const struct article *a = ((const struct sort_ctx *)arg)->a;
	size_t	 i = *(const size_t *)x, j = *(const size_t *)y;
	size_t	 ei = a->links[i].end;
	size_t	 ej = a->links[j].end;

	if (ei != ej)
		return ei < ej ? -1 : 1;
	return i < j ? -1 : i > j;
}

/*
 * The text of block b with "[n]" after each link that ends in it (n is
 * the link's place in links[], from 1), in the order of the text.
 */
static int
with_markers(const struct article *a, size_t b, struct buf *out)
{
	const struct block *bl = &a->blocks[b];
	struct sort_ctx ctx;
	size_t	*idx = NULL, n = 0, i, pos = 0, end;
	int	 rc = -1;

	for (i = 0; i < a->nlinks; i++)
		if (a->links[i].block == b)
			n++;
	if (n > 0) {
		if ((idx = reallocarray(NULL, n, sizeof *idx)) == NULL)
			return -1;
		for (n = 0, i = 0; i < a->nlinks; i++)
			if (a->links[i].block == b)
				idx[n++] = i;
		ctx.a = a;
		qsort_r(idx, n, sizeof *idx, cmp_link_end, &ctx);
	}
	for (i = 0; i < n; i++) {
		end = a->links[idx[i]].end;
		if (end > bl->len)
			end = bl->len;
		/* Never inside a UTF-8 sequence. */
		while (end < bl->len &&
		    ((unsigned char)bl->text[end] & 0xc0) == 0x80)
			end++;
		if (end < pos)
			end = pos;
		if (buf_append(out, bl->text + pos, end - pos) != BUF_OK ||
		    buf_printf(out, "[%zu]", idx[i] + 1) != BUF_OK)
			goto out;
		pos = end;
	}
	if (buf_append(out, bl->text + pos, bl->len - pos) != BUF_OK)
		goto out;
	rc = 0;
out:
	free(idx);
	return rc;
}

static int
lay_body(struct wrapper *w, const struct article *a)
{
	struct buf text, pfx;
	size_t	 b, counter[8];
	enum block_type prev = BLOCK_PARAGRAPH;
	int	 rc = -1, first = 1, lvl;

	memset(counter, 0, sizeof counter);
	buf_init(&text, ARTICLE_FIELD_MAX_BYTES + LAYOUT_LINE_MAX_BYTES);
	buf_init(&pfx, LAYOUT_LINE_MAX_BYTES);
	for (b = 0; b < a->nblocks; b++) {
		const struct block *bl = &a->blocks[b];

		buf_reset(&text);
		buf_reset(&pfx);
		if (with_markers(a, b, &text) == -1)
			goto out;
		/* Items of one list and rows of one table stay together. */
		if (first || !((bl->type == BLOCK_LIST_ITEM &&
		    prev == BLOCK_LIST_ITEM) || (bl->type ==
		    BLOCK_TABLE_ROW && prev == BLOCK_TABLE_ROW)))
			if (push_blank(w) == -1)
				goto out;
		if (bl->type != BLOCK_LIST_ITEM)
			memset(counter, 0, sizeof counter);
		first = 0;
		prev = bl->type;
		w->kind = LAYOUT_TEXT;
		switch (bl->type) {
		case BLOCK_HEADING:
			w->kind = LAYOUT_HEADING;
			if (wrap_clean(w, text.data, text.len, 0, "", "") == -1)
				goto out;
			break;
		case BLOCK_LIST_ITEM: {
			size_t ind, pw;

			lvl = bl->level < 1 ? 1 : bl->level;
			if (lvl > 4)
				lvl = 4;
			for (ind = 1; ind < (size_t)lvl; ind++)
				if (buf_puts(&pfx, "  ") != BUF_OK)
					goto out;
			counter[lvl]++;
			if (bl->ordered) {
				if (buf_printf(&pfx, "%zu. ", counter[lvl]) !=
				    BUF_OK)
					goto out;
			} else if (buf_puts(&pfx, BULLET) != BUF_OK)
				goto out;
			pw = utf8_width(pfx.data, pfx.len);
			{
				char	 cont[LAYOUT_MIN_COLS];
				size_t	 c;

				for (c = 0; c < pw && c + 1 < sizeof cont; c++)
					cont[c] = ' ';
				cont[c] = '\0';
				if (wrap_clean(w, text.data, text.len, 0,
				    pfx.data, cont) == -1)
					goto out;
			}
			break;
		}
		case BLOCK_QUOTE:
			w->kind = LAYOUT_QUOTE;
			if (wrap_clean(w, text.data, text.len, 0, QUOTE_BAR,
			    QUOTE_BAR) == -1)
				goto out;
			break;
		case BLOCK_PRE:
			w->kind = LAYOUT_PRE;
			if (wrap_clean(w, text.data, text.len, 1, "  ",
			    "  ") == -1)
				goto out;
			break;
		case BLOCK_IMAGE:
			w->kind = LAYOUT_META;
			if (buf_puts(&pfx, "[image: ") != BUF_OK ||
			    buf_append(&pfx, text.data, text.len) != BUF_OK ||
			    buf_putc(&pfx, ']') != BUF_OK ||
			    wrap_clean(w, pfx.data, pfx.len, 0, "", "") == -1)
				goto out;
			break;
		case BLOCK_TABLE_ROW:
		case BLOCK_PARAGRAPH:
		default:
			if (wrap_clean(w, text.data, text.len, 0, "", "") == -1)
				goto out;
			break;
		}
	}
	rc = 0;
out:
	buf_release(&text);
	buf_release(&pfx);
	return rc;
}

static int
add_target(struct layout *l, enum layout_target_kind kind, size_t index)
{
	struct layout_target *t;

	if (l->ntargets == l->targets_cap) {
		size_t ncap = l->targets_cap ? l->targets_cap * 2 : 16;

		t = reallocarray(l->targets, ncap, sizeof *t);
		if (t == NULL)
			return -1;
		l->targets = t;
		l->targets_cap = ncap;
	}
	t = &l->targets[l->ntargets];
	t->kind = kind;
	t->index = index;
	t->line = l->nlines;
	t->nlines = 0;
	l->ntargets++;
	return 0;
}

/* Ends the open target: it covers the lines added since it began. */
static void
end_target(struct layout *l)
{
	struct layout_target *t = &l->targets[l->ntargets - 1];

	t->nlines = l->nlines - t->line;
}

static int
section(struct wrapper *w, const char *name)
{
	struct buf s;
	int	 rc;

	if (push_blank(w) == -1)
		return -1;
	buf_init(&s, LAYOUT_LINE_MAX_BYTES);
	w->kind = LAYOUT_SECTION;
	w->target = -1;
	rc = buf_puts(&s, RULE) != BUF_OK || buf_puts(&s, name) != BUF_OK ?
	    -1 : wrap(w, s.data, s.len, "", "");
	buf_release(&s);
	return rc;
}

/* Starts target kind/index whose first line is the pointer and title. */
static int
target_title(struct wrapper *w, enum layout_target_kind kind, size_t index,
    const char *title)
{
	if (add_target(w->l, kind, index) == -1)
		return -1;
	w->target = (long)w->l->ntargets - 1;
	w->kind = LAYOUT_RELATED;
	return wrap_clean(w, title, strlen(title), 0, POINTER, "  ");
}

static int
lay_related(struct wrapper *w, const struct article *a,
    const struct layout_extra *extras, size_t nextra)
{
	struct buf s;
	size_t	 i;
	int	 rc = -1;

	buf_init(&s, ARTICLE_FIELD_MAX_BYTES);
	w->l->related_line = w->l->nlines;
	if (a->nrelated > 0 && section(w, "Related") == -1)
		goto out;
	for (i = 0; i < a->nrelated; i++) {
		const struct related *r = &a->related[i];

		if (target_title(w, LAYOUT_TEASER, i, r->title != NULL ?
		    r->title : "(untitled)") == -1)
			goto out;
		w->kind = LAYOUT_TEXT;
		if (r->summary != NULL && wrap_clean(w, r->summary,
		    strlen(r->summary), 0, "  ", "  ") == -1)
			goto out;
		w->kind = LAYOUT_META;
		if (r->source != NULL && wrap_clean(w, r->source,
		    strlen(r->source), 0, "  ", "  ") == -1)
			goto out;
		end_target(w->l);
		w->target = -1;
	}
	if (a->nlinks > 0 && section(w, "Links") == -1)
		goto out;
	for (i = 0; i < a->nlinks; i++) {
		const struct link *lk = &a->links[i];

		buf_reset(&s);
		if (buf_printf(&s, "[%zu] ", i + 1) != BUF_OK ||
		    buf_puts(&s, lk->text != NULL && *lk->text != '\0' ?
		    lk->text : lk->url) != BUF_OK)
			goto out;
		if (add_target(w->l, LAYOUT_LINK, i) == -1)
			goto out;
		w->target = (long)w->l->ntargets - 1;
		w->kind = LAYOUT_RELATED;
		if (wrap_clean(w, s.data, s.len, 0, "", "    ") == -1)
			goto out;
		w->kind = LAYOUT_META;
		if (lk->url != NULL && wrap_clean(w, lk->url,
		    strlen(lk->url), 0, "    ", "    ") == -1)
			goto out;
		end_target(w->l);
		w->target = -1;
	}
	if (nextra > 0 && section(w, "More on this in your feeds") == -1)
		goto out;
	for (i = 0; i < nextra; i++) {
		const struct layout_extra *e = &extras[i];

		if (target_title(w, LAYOUT_EXTRA, i, e->title != NULL ?
		    e->title : "(untitled)") == -1)
			goto out;
		buf_reset(&s);
		if (e->source != NULL && buf_puts(&s, e->source) != BUF_OK)
			goto out;
		if (e->date != NULL && ((s.len > 0 &&
		    buf_puts(&s, MIDDOT) != BUF_OK) ||
		    buf_puts(&s, e->date) != BUF_OK))
			goto out;
		w->kind = LAYOUT_META;
		if (s.len > 0 && wrap_clean(w, s.data, s.len, 0, "  ",
		    "  ") == -1)
			goto out;
		end_target(w->l);
		w->target = -1;
	}
	rc = 0;
out:
	buf_release(&s);
	return rc;
}

int
layout_article(struct layout *l, const struct article *a,
    const struct layout_extra *extras, size_t nextra, size_t width,
    struct errbuf *eb)
{
	struct wrapper w;

	layout_release(l);
	l->width = width < LAYOUT_MIN_COLS ? LAYOUT_MIN_COLS : width;
	memset(&w, 0, sizeof w);
	w.l = l;
	w.target = -1;
	if (lay_header(&w, a) == -1 || lay_body(&w, a) == -1 ||
	    lay_related(&w, a, extras, nextra) == -1) {
		layout_release(l);
		errbuf_set(eb, "layout: out of memory");
		return -1;
	}
	return 0;
}

size_t
layout_fit(struct buf *out, const char *s, size_t cols, int pad)
{
	struct buf clean;
	size_t	 old = out->len, w, k, done;

	buf_init(&clean, LAYOUT_LINE_MAX_BYTES);
	if (s == NULL)
		s = "";
	/* Only what can show is cleaned: a column takes at most 4 bytes
	 * plus combining marks, so a prefix of the input is enough. */
	k = strlen(s);
	if (k > LAYOUT_LINE_MAX_BYTES / 2)
		k = LAYOUT_LINE_MAX_BYTES / 2;
	if (utf8_sanitize(&clean, s, k, 0) != BUF_OK)
		goto fail;
	w = utf8_width(clean.data, clean.len);
	if (w <= cols) {
		if (buf_append(out, clean.data, clean.len) != BUF_OK)
			goto fail;
		done = w;
	} else if (cols == 0) {
		done = 0;
	} else {
		k = utf8_fit(clean.data, clean.len, cols - 1);
		if (buf_append(out, clean.data, k) != BUF_OK ||
		    buf_puts(out, ELLIPSIS) != BUF_OK)
			goto fail;
		done = utf8_width(clean.data, k) + 1;
		/* A wide character that did not fit leaves a gap. */
		for (; done < cols; done++)
			if (buf_putc(out, ' ') != BUF_OK)
				goto fail;
	}
	for (; pad && done < cols; done++)
		if (buf_putc(out, ' ') != BUF_OK)
			goto fail;
	buf_release(&clean);
	return done;
fail:
	buf_setlen(out, old);
	buf_release(&clean);
	return (size_t)-1;
}
