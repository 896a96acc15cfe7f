/*
 * extract_text_units: the text copy cut into units, one per non-empty
 * line, hard-wrapped runs joined back into paragraphs, and the units of
 * each shape counted (repeats, copies near and far).
 * (See extract_text.c for the whole.)
 */
#include <stdlib.h>
#include <string.h>

#include "extract_text_int.h"

static void	 copy_at(struct unit *, size_t);

static int
add_unit(struct text_ctx *c, const char *s, size_t n, size_t line,
    int blank_before)
{
	struct unit *u;

	if (c->n == c->cap) {
		size_t ncap = c->cap ? c->cap * 2 : 256;

		if (c->n >= TEXT_LINES_MAX)
			return 0;
		u = reallocarray(c->u, ncap, sizeof *u);
		if (u == NULL)
			return -1;
		c->u = u;
		c->cap = ncap;
	}
	u = &c->u[c->n++];
	memset(u, 0, sizeof *u);
	u->s = s;
	u->n = n;
	u->line = line;
	u->blank_before = blank_before;
	return 0;
}

/*
 * Joins runs of hard-wrapped lines (a <pre> or a plain-text page): two
 * or more lines without a blank between them, all but the last of about
 * the same, long width, none a list item.  The run becomes one unit.
 */
int
xt_join_wrapped(struct text_ctx *c)
{
	size_t	 i, j, k, maxw, lower;
	struct buf b;

	for (i = 0; i < c->n; i = j) {
		maxw = 0;
		for (j = i + 1; j < c->n && !c->u[j].blank_before &&
		    !c->u[j].bullet; j++)
			;
		if (j - i < 3)
			continue;
		for (k = i; k < j; k++)
			if (c->u[k].n > maxw)
				maxw = c->u[k].n;
		if (maxw < 50 || maxw > 100)
			continue;
		lower = 0;
		for (k = i; k + 1 < j; k++) {
			if (c->u[k].n * 10 < maxw * 8 || c->u[k].bullet)
				break;
			if ((unsigned char)c->u[k + 1].s[0] >= 'a' &&
			    (unsigned char)c->u[k + 1].s[0] <= 'z')
				lower++;
		}
		/* Wrapping breaks sentences: some line goes on in lower
		 * case, unless the run is long (a wrapped page). */
		if (k + 1 < j || (lower == 0 && j - i < 5))
			continue;
		buf_init(&b, TEXT_LINE_MAX_BYTES);
		for (k = i; k < j; k++) {
			if ((k > i && buf_putc(&b, ' ') != BUF_OK) ||
			    buf_append(&b, c->u[k].s, c->u[k].n) != BUF_OK)
				break;
		}
		if (k < j) {
			buf_release(&b);
			continue;
		}
		c->u[i].joined = buf_take(&b);
		if (c->u[i].joined == NULL)
			return -1;
		c->u[i].s = c->u[i].joined;
		c->u[i].n = strlen(c->u[i].joined);
		c->u[i].blank_after = c->u[j - 1].blank_after;
		memmove(&c->u[i + 1], &c->u[j], (c->n - j) * sizeof c->u[0]);
		c->n -= j - i - 1;
		j = i + 1;
	}
	return 0;
}

/* Nothing but invisible characters (zero-width spaces, joiners, BOM)? */
static int
invisible(const char *s, size_t n)
{
	size_t	 i = 0;
	uint32_t cp;

	while (i < n) {
		i += utf8_decode(s + i, n - i, &cp);
		if (!(cp == ' ' || cp == '\t' || cp == 0xa0 || cp == 0xad ||
		    (cp >= 0x200b && cp <= 0x200f) || cp == 0x2060 ||
		    cp == 0xfeff || cp == 0x3000))
			return 0;
	}
	return 1;
}

/* Cuts data into units, one per non-empty line. */
int
xt_split_lines(struct text_ctx *c, const char *data, size_t n)
{
	const char *p = data, *end = data + n, *nl;
	size_t	 line = 0, len;
	int	 blank = 1;

	if (n >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	for (; p < end; p = nl + 1, line++) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			nl = end;
		len = (size_t)(nl - p);
		while (len > 0 && ascii_isspace((unsigned char)p[len - 1]))
			len--;
		while (len > 0 && (ascii_isspace((unsigned char)*p) ||
		    (len >= 2 && (unsigned char)p[0] == 0xc2 &&
		    (unsigned char)p[1] == 0xa0))) {
			size_t step = ascii_isspace((unsigned char)*p) ? 1 : 2;

			p += step;
			len -= step;
		}
		if (len == 0 || invisible(p, len)) {
			if (c->n > 0)
				c->u[c->n - 1].blank_after = 1;
			blank = 1;
			continue;
		}
		if (len > TEXT_LINE_MAX_BYTES)
			len = utf8_fit(p, TEXT_LINE_MAX_BYTES,
			    TEXT_LINE_MAX_BYTES);
		if (add_unit(c, p, len, line, blank) == -1)
			return -1;
		c->u[c->n - 1].indent = p > data && p[-1] != '\n' &&
		    ascii_isspace((unsigned char)p[-1]);
		blank = 0;
	}
	if (c->n > 0)
		c->u[c->n - 1].blank_after = 1;
	return 0;
}

/* Counts units of each shape: open addressing over a power of two.
 * Also marks the units printed again only far away from themselves. */
int
xt_count_shapes(struct text_ctx *c)
{
	struct slot {
		uint32_t shape;
		uint32_t count;
		size_t	 last;		/* 1 + the unit seen last */
	}	*t;
	size_t	 size = 64, i, h;

	while (size < c->n * 2)
		size *= 2;
	if ((t = calloc(size, sizeof *t)) == NULL)
		return -1;
	for (i = 0; i < c->n; i++) {
		for (h = c->u[i].shape & (size - 1); t[h].count != 0 &&
		    t[h].shape != c->u[i].shape; h = (h + 1) & (size - 1))
			;
		t[h].shape = c->u[i].shape;
		t[h].count++;
		c->u[i].slot = h;
	}
	/* Forward, the copy before each unit; backward, the one after. */
	for (i = 0; i < c->n; i++) {
		h = c->u[i].slot;
		c->u[i].repeats = (int)t[h].count;
		if (t[h].last > 0)
			copy_at(&c->u[i], i - (t[h].last - 1));
		t[h].last = i + 1;
	}
	for (h = 0; h < size; h++)
		t[h].last = 0;
	for (i = c->n; i-- > 0;) {
		h = c->u[i].slot;
		if (t[h].last > 0) {
			copy_at(&c->u[i], t[h].last - 1 - i);
			c->u[i].next_copy = t[h].last;
		}
		t[h].last = i + 1;
	}
	for (i = 0; i < c->n; i++)
		c->u[i].far_copy = c->u[i].far_copy && !c->u[i].near_copy;
	free(t);
	return 0;
}

/* A copy of u is dist units away. */
static void
copy_at(struct unit *u, size_t dist)
{
	if (dist > COPY_NEAR_UNITS)
		u->far_copy = 1;
	else
		u->near_copy = 1;
}
