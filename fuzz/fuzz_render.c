/*
 * fuzz_render: the first two bytes give a width (0-511 columns), the
 * rest is a text copy made into an article by extract_text(); the
 * article is rendered in every format and laid out at that width.
 * Checks: every laid-out line is sanitised, measures what it says and
 * fits the width; targets point at lines that exist.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "fuzz.h"
#include "fuzz_check.h"
#include "layout.h"
#include "render.h"

static void
check_layout(const struct layout *l, size_t width)
{
	size_t	 i, cols = width < LAYOUT_MIN_COLS ? LAYOUT_MIN_COLS : width;

	if (l->nlines > LAYOUT_LINES_MAX || l->related_line > l->nlines)
		abort();
	for (i = 0; i < l->nlines; i++) {
		const struct layout_line *ln = &l->lines[i];

		if (ln->text == NULL || strlen(ln->text) != ln->len ||
		    ln->cols > cols ||
		    utf8_width(ln->text, ln->len) != ln->cols)
			abort();
		fuzz_check_clean(ln->text, ln->len, 0, 1);
		if (ln->target != -1 && (ln->target < 0 ||
		    (size_t)ln->target >= l->ntargets))
			abort();
	}
	for (i = 0; i < l->ntargets; i++)
		if (l->targets[i].line >= l->nlines ||
		    l->targets[i].nlines > l->nlines - l->targets[i].line)
			abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct layout_extra extras[] = {
		{ "A related story \x1b[31mred", "Source", "2025-02-17" },
		{ "Another", NULL, NULL },
	};
	struct extract_opts o;
	struct article	*a = NULL;
	struct layout	 l;
	struct buf	 out;
	struct errbuf	 eb;
	size_t		 width, fitted;
	int		 f;

	width = fuzz_take_byte(&data, &size);
	width |= (fuzz_take_byte(&data, &size) & 1) << 8;
	memset(&o, 0, sizeof o);
	o.input = EXTRACT_TEXT;
	o.where = "fuzz";
	if (extract_text((const char *)data, size, &o, &a, &eb) != 0)
		return 0;
	for (f = RENDER_TEXT; f <= RENDER_JSON; f++) {
		buf_init(&out, RENDER_MAX_BYTES);
		if (render_article(a, (enum render_format)f, &out) == 0 &&
		    strlen(out.data) != out.len)
			abort();
		buf_release(&out);
	}
	layout_init(&l);
	if (layout_article(&l, a, extras, width & 1 ? 2 : 0, width, &eb) == 0)
		check_layout(&l, width);
	layout_release(&l);
	buf_init(&out, LAYOUT_LINE_MAX_BYTES);
	fitted = layout_fit(&out, a->title != NULL ? a->title : "", width,
	    (int)(width & 2));
	if (fitted != (size_t)-1) {
		if (fitted > width || ((width & 2) && fitted != width))
			abort();
		fuzz_check_clean(out.data, out.len, 0, 1);
	}
	buf_release(&out);
	article_free(a);
	return 0;
}
