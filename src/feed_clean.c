/*
 * feed_clean: sfeed's field rules for the text of an entry's fields.
 * See feed_clean.h.
 */
#include <string.h>

#include "feed_clean.h"
#include "str.h"

static size_t	 clean_range(char *, size_t, int);

/*
 * sfeed's field rules: in a line field (title, id, author, link) every
 * ASCII white space character becomes one space and the ends are trimmed;
 * content keeps newlines and tabs.  Control characters (C0, DEL, C1) are
 * removed from both.  In place, as the text only shrinks; returns the new
 * length.
 */
static size_t
clean_range(char *data, size_t n, int content)
{
	unsigned char *s = (unsigned char *)data, *e = s + n, *o;

	while (s < e && ascii_isspace(*s))
		s++;
	while (e > s && ascii_isspace(e[-1]))
		e--;
	o = (unsigned char *)data;
	for (; s < e; s++) {
		if (*s >= 0x20 && *s != 0x7f) {
			if (*s == 0xc2 && s + 1 < e && s[1] >= 0x80 &&
			    s[1] <= 0x9f) {
				s++;	/* a C1 control */
				continue;
			}
			*o++ = *s;
		} else if (*s == '\n' || *s == '\t') {
			*o++ = content ? *s : ' ';
		} else if (ascii_isspace(*s) && !content) {
			*o++ = ' ';
		}
	}
	return (size_t)(o - (unsigned char *)data);
}

void
feed_clean(struct buf *b, int content)
{
	if (b->len > 0)
		buf_setlen(b, clean_range(b->data, b->len, content));
}

void
feed_clean_multi(struct buf *b)
{
	size_t	 i, start = 0, o = 0, n;

	if (b->len == 0)
		return;
	for (i = 0; i <= b->len; i++) {
		if (i < b->len && b->data[i] != '|')
			continue;
		n = clean_range(b->data + start, i - start, 0);
		memmove(b->data + o, b->data + start, n);
		o += n;
		if (i < b->len)
			b->data[o++] = '|';
		start = i + 1;
	}
	buf_setlen(b, o);
}
