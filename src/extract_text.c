/*
 * extract_text: the story out of a page's text copy (what a browser gives
 * for select-all and copy: document.body.innerText).  Version 0: the
 * densest run of prose lines.
 */
#include <stdlib.h>
#include <string.h>

#include "extract.h"

struct line {
	const char	*s;
	size_t		 n;
	size_t		 words;
	int		 prose;
	long		 score;
};

static size_t
count_words(const char *s, size_t n)
{
	size_t	 i, w = 0;
	int	 in = 0;

	for (i = 0; i < n; i++) {
		if (s[i] == ' ' || s[i] == '\t') {
			in = 0;
		} else if (!in) {
			in = 1;
			w++;
		}
	}
	return w;
}

int
extract_text(const char *data, size_t n, const struct extract_opts *opts,
    struct article **out, struct errbuf *eb)
{
	struct article *a;
	struct line *lines = NULL;
	size_t	 nlines = 0, cap = 0, i, start, best_s = 0, best_e = 0;
	long	 sum, best = 0;
	const char *p = data, *end = data + n, *nl;

	while (p < end && nlines < TEXT_LINES_MAX) {
		struct line *l;

		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			nl = end;
		if (nlines == cap) {
			size_t ncap = cap ? cap * 2 : 256;
			struct line *nlp = reallocarray(lines, ncap, sizeof *nlp);

			if (nlp == NULL) {
				free(lines);
				errbuf_set(eb, "%s: out of memory", opts->where);
				return -1;
			}
			lines = nlp;
			cap = ncap;
		}
		l = &lines[nlines++];
		l->s = p;
		l->n = (size_t)(nl - p);
		if (l->n > TEXT_LINE_MAX_BYTES)
			l->n = TEXT_LINE_MAX_BYTES;
		while (l->n > 0 && ascii_isspace((unsigned char)l->s[l->n - 1]))
			l->n--;
		while (l->n > 0 && ascii_isspace((unsigned char)l->s[0])) {
			l->s++;
			l->n--;
		}
		l->words = count_words(l->s, l->n);
		l->prose = l->words >= 10;
		l->score = l->n == 0 ? 0 : l->prose ? (long)l->words : -5;
		p = nl + 1;
	}
	/* The run of lines with the largest sum of scores. */
	sum = 0;
	start = 0;
	for (i = 0; i < nlines; i++) {
		if (sum <= 0) {
			sum = 0;
			start = i;
		}
		sum += lines[i].score;
		if (sum > best) {
			best = sum;
			best_s = start;
			best_e = i + 1;
		}
	}
	if (best == 0) {
		free(lines);
		errbuf_set(eb, "%s: no article text found", opts->where);
		return -1;
	}
	if ((a = article_new()) == NULL) {
		free(lines);
		errbuf_set(eb, "%s: out of memory", opts->where);
		return -1;
	}
	for (i = best_s; i < best_e; i++) {
		if (lines[i].n == 0)
			continue;
		if (article_add_block(a, BLOCK_PARAGRAPH, 0, lines[i].s,
		    lines[i].n) == -1) {
			article_free(a);
			free(lines);
			errbuf_set(eb, "%s: out of memory", opts->where);
			return -1;
		}
	}
	free(lines);
	*out = a;
	return 0;
}
