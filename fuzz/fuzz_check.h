/*
 * fuzz_check: promises the fuzz targets check on what a module returns.
 * A broken promise calls abort(), which libFuzzer and the regression
 * driver report as a crash with the input that caused it.
 */
#ifndef BYLINE_FUZZ_CHECK_H
#define BYLINE_FUZZ_CHECK_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/*
 * Aborts when s (n bytes) holds a C0 or C1 control (TAB and newline
 * allowed when keep_newlines) or, when strict, anything else
 * utf8_is_unsafe() rejects (bidi controls, line separators).
 */
static inline void
fuzz_check_clean(const char *s, size_t n, int keep_newlines, int strict)
{
	uint32_t cp;
	size_t	 i, k;

	if (s == NULL)
		return;
	for (i = 0; i < n; i += k) {
		k = utf8_decode(s + i, n - i, &cp);
		if (keep_newlines && (cp == '\n' || cp == '\t'))
			continue;
		if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f))
			abort();
		if (strict && utf8_is_unsafe(cp))
			abort();
	}
}

static inline void
fuzz_check_str(const char *s, int keep_newlines, int strict)
{
	if (s != NULL)
		fuzz_check_clean(s, strlen(s), keep_newlines, strict);
}

#endif

#include "article.h"

/*
 * Aborts when a breaks article.h's promises: sanitised strings (newlines
 * only in preformatted blocks), counts within their arrays and caps, and
 * each link's range inside its block.
 */
static inline void
fuzz_check_article(const struct article *a)
{
	size_t	 i;

	fuzz_check_str(a->title, 0, 1);
	fuzz_check_str(a->byline, 0, 1);
	fuzz_check_str(a->site, 0, 1);
	fuzz_check_str(a->lang, 0, 1);
	fuzz_check_str(a->url, 0, 1);
	fuzz_check_str(a->excerpt, 0, 1);
	if (a->nblocks > a->blocks_cap || a->nblocks > ARTICLE_BLOCKS_MAX ||
	    a->nlinks > a->links_cap || a->nlinks > ARTICLE_LINKS_MAX ||
	    a->nrelated > a->related_cap ||
	    a->nrelated > ARTICLE_RELATED_MAX)
		abort();
	for (i = 0; i < a->nblocks; i++) {
		const struct block *b = &a->blocks[i];

		if (b->text == NULL || strlen(b->text) != b->len)
			abort();
		fuzz_check_clean(b->text, b->len, b->type == BLOCK_PRE, 1);
	}
	for (i = 0; i < a->nlinks; i++) {
		const struct link *l = &a->links[i];

		fuzz_check_str(l->text, 0, 1);
		fuzz_check_str(l->url, 0, 1);
		if (l->block == (size_t)-1)
			continue;
		if (l->block >= a->nblocks || l->start > l->end ||
		    l->end > a->blocks[l->block].len)
			abort();
	}
	for (i = 0; i < a->nrelated; i++) {
		const struct related *r = &a->related[i];

		if (r->title == NULL)
			abort();
		fuzz_check_str(r->title, 0, 1);
		fuzz_check_str(r->url, 0, 1);
		fuzz_check_str(r->summary, 0, 1);
		fuzz_check_str(r->source, 0, 1);
		fuzz_check_str(r->author, 0, 1);
	}
}
