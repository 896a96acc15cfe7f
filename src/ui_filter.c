/*
 * ui_filter: the filter a list of the reader shows, made of a query
 * feed's expression, the F filter typed on the screen and every
 * ignore-article line of the settings.  Shared by the feed list (its
 * counts) and the headlines (their items), so that the two agree; no
 * curses.  See ui.h.
 */
#include <stdlib.h>
#include <string.h>

#include "bounds.h"
#include "filter.h"
#include "ui.h"

static int	 put_string(struct buf *, const char *);

/* Appends expression text to b as a filter string ("..." with \" and
 * \\ inside). */
static int
put_string(struct buf *b, const char *text)
{
	if (buf_putc(b, '"') != BUF_OK)
		return -1;
	for (; *text != '\0'; text++)
		if (((*text == '"' || *text == '\\') &&
		    buf_putc(b, '\\') != BUF_OK) ||
		    buf_putc(b, *text) != BUF_OK)
			return -1;
	return buf_putc(b, '"') == BUF_OK ? 0 : -1;
}

/* See ui.h; 1 means plain store_items(). */
int
ui_filter_compose(struct ui *u, const char *expr, const char *filter,
    struct filter *out, struct errbuf *eb)
{
	const struct conf *c = u->conf;
	struct filter g;
	struct errbuf why;
	struct buf e;
	size_t	 i;

	if (expr == NULL && filter == NULL && (c == NULL ||
	    c->nignores == 0))
		return 1;
	memset(out, 0, sizeof *out);
	if ((expr != NULL && filter_compile(out, expr, &why) == -1) ||
	    (expr == NULL && filter != NULL &&
	    filter_compile(out, filter, &why) == -1)) {
		errbuf_set(eb, "%s: %s", expr != NULL ? "query" : "filter",
		    why.msg);
		return -1;
	}
	if (expr == NULL && filter == NULL && (out->sql = strdup("(1)")) ==
	    NULL) {
		errbuf_set(eb, "out of memory");
		return -1;
	}
	if (expr != NULL && filter != NULL) {
		if (filter_compile(&g, filter, &why) == -1) {
			filter_release(out);
			errbuf_set(eb, "filter: %s", why.msg);
			return -1;
		}
		i = filter_join(out, &g, 0);
		filter_release(&g);
		if (i != 0) {
			filter_release(out);
			errbuf_set(eb, "filter: too long");
			return -1;
		}
	}
	buf_init(&e, FILTER_EXPR_MAX_BYTES);
	for (i = 0; c != NULL && i < c->nignores; i++) {
		buf_reset(&e);
		/* A feed's own: "feedurl = URL and (EXPRESSION)". */
		if (strcmp(c->ignores[i].key, "*") != 0 &&
		    (buf_puts(&e, "feedurl = ") != BUF_OK ||
		    put_string(&e, c->ignores[i].key) == -1 ||
		    buf_puts(&e, " and (") != BUF_OK))
			continue;
		if (buf_puts(&e, c->ignores[i].value) != BUF_OK ||
		    (strcmp(c->ignores[i].key, "*") != 0 &&
		    buf_putc(&e, ')') != BUF_OK))
			continue;
		if (filter_compile(&g, e.data, &why) == -1)
			continue;	/* reported when read */
		if (filter_join(out, &g, 1) == -1) {
			filter_release(&g);
			buf_release(&e);
			filter_release(out);
			errbuf_set(eb, "ignore-article: too many");
			return -1;
		}
		filter_release(&g);
	}
	buf_release(&e);
	return 0;
}
