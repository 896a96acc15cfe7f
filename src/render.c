/*
 * render: article to text, markdown or JSON, written to a sink as it is
 * made; see render.h.
 *
 * The renderers append to a staging buffer (struct out) and hand it to
 * the sink at the end of each block, field or entry once it holds
 * RENDER_FLUSH_BYTES: the output is never held whole, only about one
 * block of it.  Pieces end after a block's ASCII punctuation, so a
 * terminal sink sanitises each piece as it would the whole.  JSON is
 * written here, in the layout json-c's pretty printer gives
 * (JSON_C_TO_STRING_PRETTY | SPACED | NOSLASHESCAPE), so that the output
 * stays what it was; test_render compares the two.
 */
#include <stdlib.h>
#include <string.h>

#include "render.h"

/* The output being made: the piece not yet handed to the sink. */
struct out {
	struct buf	 stage;
	const struct render_sink *sink;
	struct buf	 clean;		/* a piece sanitised for a terminal */
};

static int	 render_text(const struct article *, struct out *);
static int	 render_markdown(const struct article *, struct out *);
static int	 render_json(const struct article *, struct out *);

/* Hands the staged piece to the sink: always when force, else once it
 * is RENDER_FLUSH_BYTES long.  0, or -1 when the sink refuses. */
static int
flush(struct out *o, int force)
{
	const char *p = o->stage.data;
	size_t	 n = o->stage.len;
	int	 r;

	if (n == 0 || (!force && n < RENDER_FLUSH_BYTES))
		return 0;
	if (o->sink->terminal) {
		buf_reset(&o->clean);
		if (utf8_sanitize(&o->clean, p, n, 1) != BUF_OK)
			return -1;
		p = o->clean.data;
		n = o->clean.len;
	}
	r = o->sink->write(o->sink->ctx, p, n);
	buf_reset(&o->stage);
	return r == 0 ? 0 : -1;
}

int
render_to(const struct article *a, enum render_format fmt,
    const struct render_sink *sink)
{
	struct out o;
	int	 r = -1;

	buf_init(&o.stage, RENDER_MAX_BYTES);
	buf_init(&o.clean, RENDER_MAX_BYTES);
	o.sink = sink;
	switch (fmt) {
	case RENDER_TEXT:
		r = render_text(a, &o);
		break;
	case RENDER_MARKDOWN:
		r = render_markdown(a, &o);
		break;
	case RENDER_JSON:
		r = render_json(a, &o);
		break;
	}
	if (r == 0)
		r = flush(&o, 1);
	buf_release(&o.stage);
	buf_release(&o.clean);
	return r;
}

static int
to_buf(void *ctx, const char *s, size_t n)
{
	return buf_append(ctx, s, n) == BUF_OK ? 0 : -1;
}

int
render_article(const struct article *a, enum render_format fmt,
    struct buf *out)
{
	struct render_sink sink;

	memset(&sink, 0, sizeof sink);
	sink.write = to_buf;
	sink.ctx = out;
	return render_to(a, fmt, &sink);
}

static int
render_text(const struct article *a, struct out *o)
{
	struct buf *out = &o->stage;
	const struct block *b;
	size_t	 i;
	int	 first = 1;

	for (i = 0; i < a->nblocks; i++) {
		b = &a->blocks[i];
		/* Image alt text is not article text; markdown keeps it. */
		if (b->type == BLOCK_IMAGE)
			continue;
		if (!first && buf_puts(out, "\n") != BUF_OK)
			return -1;
		first = 0;
		if (b->type == BLOCK_LIST_ITEM &&
		    buf_printf(out, "%*s- ", (b->level > 1 ? b->level - 1 : 0) *
		    2, "") != BUF_OK)
			return -1;
		if (buf_append(out, b->text, b->len) != BUF_OK ||
		    buf_puts(out, "\n") != BUF_OK || flush(o, 0) == -1)
			return -1;
	}
	return 0;
}

/* Appends s with markdown's inline specials escaped. */
static int
md_escape(struct buf *out, const char *s, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (strchr("\\`*_[]<>#", s[i]) != NULL && s[i] != '\0' &&
		    buf_putc(out, '\\') != BUF_OK)
			return -1;
		if (buf_putc(out, s[i]) != BUF_OK)
			return -1;
	}
	return 0;
}

/* A block's text with its links as [text](url), in markdown. */
static int
md_inline(const struct article *a, size_t bi, struct buf *out)
{
	const struct block *b = &a->blocks[bi];
	size_t	 pos = 0, i;

	for (i = 0; i < a->nlinks; i++) {
		const struct link *l = &a->links[i];

		if (l->block != bi || l->start < pos || l->end > b->len ||
		    l->start >= l->end)
			continue;
		if (md_escape(out, b->text + pos, l->start - pos) == -1 ||
		    buf_putc(out, '[') != BUF_OK ||
		    md_escape(out, b->text + l->start, l->end - l->start) ==
		    -1 || buf_printf(out, "](%s)", l->url) != BUF_OK)
			return -1;
		pos = l->end;
	}
	return md_escape(out, b->text + pos, b->len - pos);
}

/*
 * Does the byline say "by" itself ("By Ann", "Written by Ann and edited
 * by Bob")?  The extractors keep the name alone, but a byline from a
 * feed, or one whose "by" belongs to a longer phrase, is printed as it
 * is rather than "By By Ann".
 */
static int
says_by(const char *s)
{
	static const char *const pre[] = { "by ", "by:", "written by ", NULL };
	size_t	 i;

	for (i = 0; pre[i] != NULL; i++)
		if (ascii_ncasecmp(s, pre[i], strlen(pre[i])) == 0)
			return 1;
	return 0;
}

static int
render_markdown(const struct article *a, struct out *o)
{
	struct buf *out = &o->stage;
	const struct block *b;
	char	 day[11];
	size_t	 i, j;

	if (a->title != NULL && buf_printf(out, "# %s\n\n", a->title) != BUF_OK)
		return -1;
	if (a->byline != NULL && buf_printf(out, "%s%s  \n",
	    says_by(a->byline) ? "" : "By ", a->byline) != BUF_OK)
		return -1;
	if (a->date_prec != DATE_NONE) {
		date_format_day(&(struct date){ a->date, a->date_off,
		    a->date_prec }, day);
		if (buf_printf(out, "%s  \n", day) != BUF_OK)
			return -1;
	}
	if (a->site != NULL && buf_printf(out, "%s  \n", a->site) != BUF_OK)
		return -1;
	if (a->url != NULL && buf_printf(out, "<%s>  \n", a->url) != BUF_OK)
		return -1;
	if ((a->byline || a->date_prec || a->site || a->url) &&
	    buf_puts(out, "\n") != BUF_OK)
		return -1;
	for (i = 0; i < a->nblocks; i++) {
		b = &a->blocks[i];
		switch (b->type) {
		case BLOCK_HEADING:
			if (buf_printf(out, "%.*s ", b->level >= 1 &&
			    b->level <= 5 ? b->level + 1 : 6, "######") !=
			    BUF_OK)
				return -1;
			break;
		case BLOCK_LIST_ITEM:
			if (buf_printf(out, "%*s%s ", (b->level > 1 ?
			    b->level - 1 : 0) * 2, "", b->ordered ? "1." :
			    "-") != BUF_OK)
				return -1;
			break;
		case BLOCK_QUOTE:
			if (buf_puts(out, "> ") != BUF_OK)
				return -1;
			break;
		case BLOCK_PRE:
			if (buf_puts(out, "```\n") != BUF_OK ||
			    buf_append(out, b->text, b->len) != BUF_OK ||
			    buf_puts(out, "\n```\n\n") != BUF_OK)
				return -1;
			continue;
		case BLOCK_IMAGE:
			if (buf_puts(out, "![") != BUF_OK ||
			    md_escape(out, b->text, b->len) == -1 ||
			    buf_puts(out, "]()\n\n") != BUF_OK)
				return -1;
			continue;
		case BLOCK_TABLE_ROW:
			if (buf_puts(out, "| ") != BUF_OK)
				return -1;
			break;
		case BLOCK_PARAGRAPH:
			break;
		}
		if (md_inline(a, i, out) == -1)
			return -1;
		if (b->type == BLOCK_TABLE_ROW && buf_puts(out, " |") != BUF_OK)
			return -1;
		/* Consecutive list items and rows stay together. */
		j = i + 1;
		if (j < a->nblocks && a->blocks[j].type == b->type &&
		    (b->type == BLOCK_LIST_ITEM || b->type == BLOCK_TABLE_ROW)) {
			if (buf_puts(out, "\n") != BUF_OK)
				return -1;
		} else if (buf_puts(out, "\n\n") != BUF_OK)
			return -1;
		if (flush(o, 0) == -1)
			return -1;
	}
	if (a->nrelated > 0) {
		if (buf_puts(out, "## Related\n\n") != BUF_OK)
			return -1;
		for (i = 0; i < a->nrelated; i++) {
			const struct related *r = &a->related[i];

			if (buf_puts(out, "- ") != BUF_OK)
				return -1;
			if (r->url != NULL) {
				if (buf_putc(out, '[') != BUF_OK ||
				    md_escape(out, r->title, strlen(r->title)) ||
				    buf_printf(out, "](%s)", r->url) != BUF_OK)
					return -1;
			} else if (md_escape(out, r->title, strlen(r->title)))
				return -1;
			if (r->source != NULL && r->author != NULL &&
			    buf_printf(out, " (%s, %s)", r->source, r->author)
			    != BUF_OK)
				return -1;
			if (r->source != NULL && r->author == NULL &&
			    buf_printf(out, " (%s)", r->source) != BUF_OK)
				return -1;
			if (r->summary != NULL &&
			    buf_printf(out, ": %s", r->summary) != BUF_OK)
				return -1;
			if (buf_puts(out, "\n") != BUF_OK || flush(o, 0) == -1)
				return -1;
		}
	}
	return 0;
}

/* Appends n bytes of s escaped as json-c escapes a string's content (the
 * two-character forms, other controls as \u00xx, '/' left alone), up to
 * a NUL, where json-c's strings end: *nul is then set. */
static int
json_escape(struct buf *out, const char *s, size_t n, int *nul)
{
	static const char hex[] = "0123456789abcdef";
	size_t	 i = 0, run;
	unsigned char c;

	while (i < n) {
		/* Plain bytes go in runs. */
		for (run = i; run < n && (unsigned char)s[run] >= 0x20 &&
		    s[run] != '"' && s[run] != '\\'; run++)
			;
		if (run > i && buf_append(out, s + i, run - i) != BUF_OK)
			return -1;
		if ((i = run) == n)
			break;
		c = (unsigned char)s[i++];
		if (c == '\0') {
			*nul = 1;
			break;
		}
		if (buf_putc(out, '\\') != BUF_OK)
			return -1;
		switch (c) {
		case '"':
		case '\\':
			if (buf_putc(out, (char)c) != BUF_OK)
				return -1;
			break;
		case '\b':
		case '\f':
		case '\n':
		case '\r':
		case '\t':
			if (buf_putc(out, c == '\b' ? 'b' : c == '\f' ? 'f' :
			    c == '\n' ? 'n' : c == '\r' ? 'r' : 't') != BUF_OK)
				return -1;
			break;
		default:
			if (buf_puts(out, "u00") != BUF_OK ||
			    buf_putc(out, hex[c >> 4]) != BUF_OK ||
			    buf_putc(out, hex[c & 0xf]) != BUF_OK)
				return -1;
			break;
		}
	}
	return 0;
}

/* Appends s as a JSON string, or null. */
static int
json_str(struct buf *out, const char *s)
{
	int	 nul = 0;

	if (s == NULL)
		return buf_puts(out, "null") == BUF_OK ? 0 : -1;
	if (buf_putc(out, '"') != BUF_OK ||
	    json_escape(out, s, strlen(s), &nul) == -1 ||
	    buf_putc(out, '"') != BUF_OK)
		return -1;
	return 0;
}

/* Starts member key of an object whose members are at depth (two
 * spaces each), after a comma unless it is the first. */
static int
json_key(struct buf *out, int depth, int first, const char *key)
{
	if (!first && buf_puts(out, ",\n") != BUF_OK)
		return -1;
	return buf_printf(out, "%*s\"%s\": ", depth * 2, "", key) == BUF_OK ?
	    0 : -1;
}

static int
json_member(struct buf *out, int depth, int first, const char *key,
    const char *value)
{
	return json_key(out, depth, first, key) == -1 ||
	    json_str(out, value) == -1 ? -1 : 0;
}

/* The body as article_text() joins it (every block but images, one
 * blank line between), escaped a block at a time and never joined. */
static int
json_text(const struct article *a, struct out *o)
{
	struct buf *out = &o->stage;
	size_t	 i, raw = 0, add;
	int	 nul = 0;

	if (buf_putc(out, '"') != BUF_OK)
		return -1;
	for (i = 0; i < a->nblocks; i++) {
		const struct block *b = &a->blocks[i];

		/* Image alt text describes a picture, not the story. */
		if (b->type == BLOCK_IMAGE)
			continue;
		/* article_text()'s cap: the body is refused past it. */
		add = (raw > 0 ? 2 : 0) + b->len;
		if (add > RENDER_MAX_BYTES - raw)
			return -1;
		if (raw > 0 && !nul && buf_puts(out, "\\n\\n") != BUF_OK)
			return -1;
		raw += add;
		if (!nul && json_escape(out, b->text, b->len, &nul) == -1)
			return -1;
		if (flush(o, 0) == -1)
			return -1;
	}
	return buf_putc(out, '"') == BUF_OK ? 0 : -1;
}

static int
render_json(const struct article *a, struct out *o)
{
	struct buf *out = &o->stage;
	char	 day[11];
	size_t	 i;

	if (a->date_prec != DATE_NONE)
		date_format_day(&(struct date){ a->date, a->date_off,
		    a->date_prec }, day);
	if (buf_puts(out, "{\n") != BUF_OK ||
	    json_member(out, 1, 1, "title", a->title) == -1 ||
	    json_member(out, 1, 0, "byline", a->byline) == -1 ||
	    json_member(out, 1, 0, "date", a->date_prec != DATE_NONE ? day :
	    NULL) == -1 ||
	    json_member(out, 1, 0, "site", a->site) == -1 ||
	    json_member(out, 1, 0, "lang", a->lang) == -1 ||
	    json_member(out, 1, 0, "url", a->url) == -1 ||
	    json_member(out, 1, 0, "excerpt", a->excerpt) == -1 ||
	    json_key(out, 1, 0, "text") == -1 || json_text(a, o) == -1)
		return -1;
	if (json_key(out, 1, 0, "links") == -1 || buf_puts(out, "[\n") !=
	    BUF_OK)
		return -1;
	for (i = 0; i < a->nlinks; i++) {
		if ((i > 0 && buf_puts(out, ",\n") != BUF_OK) ||
		    buf_puts(out, "    {\n") != BUF_OK ||
		    json_member(out, 3, 1, "text", a->links[i].text) == -1 ||
		    json_member(out, 3, 0, "url", a->links[i].url) == -1 ||
		    buf_puts(out, "\n    }") != BUF_OK || flush(o, 0) == -1)
			return -1;
	}
	if ((a->nlinks > 0 && buf_putc(out, '\n') != BUF_OK) ||
	    buf_puts(out, "  ]") != BUF_OK)
		return -1;
	if (json_key(out, 1, 0, "related") == -1 || buf_puts(out, "[\n") !=
	    BUF_OK)
		return -1;
	for (i = 0; i < a->nrelated; i++) {
		const struct related *r = &a->related[i];

		if ((i > 0 && buf_puts(out, ",\n") != BUF_OK) ||
		    buf_puts(out, "    {\n") != BUF_OK ||
		    json_member(out, 3, 1, "title", r->title) == -1 ||
		    json_member(out, 3, 0, "url", r->url) == -1 ||
		    json_member(out, 3, 0, "summary", r->summary) == -1 ||
		    json_member(out, 3, 0, "source", r->source) == -1 ||
		    json_member(out, 3, 0, "author", r->author) == -1 ||
		    buf_puts(out, "\n    }") != BUF_OK || flush(o, 0) == -1)
			return -1;
	}
	if ((a->nrelated > 0 && buf_putc(out, '\n') != BUF_OK) ||
	    buf_puts(out, "  ]\n}\n") != BUF_OK)
		return -1;
	return 0;
}
