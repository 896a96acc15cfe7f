/*
 * render: article to text, markdown or JSON; see render.h.
 */
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "render.h"

static int	 render_text(const struct article *, struct buf *);
static int	 render_markdown(const struct article *, struct buf *);
static int	 render_json(const struct article *, struct buf *);

int
render_article(const struct article *a, enum render_format fmt,
    struct buf *out)
{
	switch (fmt) {
	case RENDER_TEXT:
		return render_text(a, out);
	case RENDER_MARKDOWN:
		return render_markdown(a, out);
	case RENDER_JSON:
		return render_json(a, out);
	}
	return -1;
}

static int
render_text(const struct article *a, struct buf *out)
{
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
		    buf_puts(out, "\n") != BUF_OK)
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

static int
render_markdown(const struct article *a, struct buf *out)
{
	const struct block *b;
	char	 day[11];
	size_t	 i, j;

	if (a->title != NULL && buf_printf(out, "# %s\n\n", a->title) != BUF_OK)
		return -1;
	if (a->byline != NULL && buf_printf(out, "By %s  \n", a->byline) !=
	    BUF_OK)
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
			if (buf_puts(out, "\n") != BUF_OK)
				return -1;
		}
	}
	return 0;
}

static struct json_object *
jstr(const char *s)
{
	return s != NULL ? json_object_new_string(s) : NULL;
}

static int
render_json(const struct article *a, struct buf *out)
{
	struct json_object *o, *arr, *e;
	char	 day[11], *text;
	const char *s;
	size_t	 i;
	int	 r = -1;

	if ((o = json_object_new_object()) == NULL)
		return -1;
	json_object_object_add(o, "title", jstr(a->title));
	json_object_object_add(o, "byline", jstr(a->byline));
	if (a->date_prec != DATE_NONE) {
		date_format_day(&(struct date){ a->date, a->date_off,
		    a->date_prec }, day);
		json_object_object_add(o, "date", json_object_new_string(day));
	} else
		json_object_object_add(o, "date", NULL);
	json_object_object_add(o, "site", jstr(a->site));
	json_object_object_add(o, "lang", jstr(a->lang));
	json_object_object_add(o, "url", jstr(a->url));
	json_object_object_add(o, "excerpt", jstr(a->excerpt));
	if ((text = article_text(a)) == NULL)
		goto out;
	json_object_object_add(o, "text", json_object_new_string(text));
	free(text);
	arr = json_object_new_array();
	for (i = 0; i < a->nlinks; i++) {
		e = json_object_new_object();
		json_object_object_add(e, "text", jstr(a->links[i].text));
		json_object_object_add(e, "url", jstr(a->links[i].url));
		json_object_array_add(arr, e);
	}
	json_object_object_add(o, "links", arr);
	arr = json_object_new_array();
	for (i = 0; i < a->nrelated; i++) {
		const struct related *rl = &a->related[i];

		e = json_object_new_object();
		json_object_object_add(e, "title", jstr(rl->title));
		json_object_object_add(e, "url", jstr(rl->url));
		json_object_object_add(e, "summary", jstr(rl->summary));
		json_object_object_add(e, "source", jstr(rl->source));
		json_object_object_add(e, "author", jstr(rl->author));
		json_object_array_add(arr, e);
	}
	json_object_object_add(o, "related", arr);
	s = json_object_to_json_string_ext(o, JSON_C_TO_STRING_PRETTY |
	    JSON_C_TO_STRING_SPACED | JSON_C_TO_STRING_NOSLASHESCAPE);
	if (s != NULL && buf_puts(out, s) == BUF_OK &&
	    buf_puts(out, "\n") == BUF_OK)
		r = 0;
out:
	json_object_put(o);
	return r;
}
