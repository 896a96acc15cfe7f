/*
 * utf8: decoding, widths and sanitising.  See utf8.h.  Nothing here
 * prints or exits.
 */
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

static int	 in_ranges(uint32_t, const uint32_t (*)[2], size_t);

size_t
utf8_decode(const char *str, size_t n, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	uint32_t c;
	size_t	 len, i;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		len = 2;
		c = s[0] & 0x1f;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		len = 3;
		c = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		len = 4;
		c = s[0] & 0x07;
	} else
		goto bad;
	if (n < len)
		goto bad;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			goto bad;
		c = (c << 6) | (s[i] & 0x3f);
	}
	/* Overlong, surrogate, or beyond Unicode. */
	if ((len == 3 && c < 0x800) || (len == 4 && c < 0x10000) ||
	    (c >= 0xd800 && c <= 0xdfff) || c > 0x10ffff)
		goto bad;
	*cp = c;
	return len;
bad:
	*cp = 0xfffd;
	return 1;
}

int
utf8_valid(const char *s, size_t n)
{
	size_t	 i = 0, l;
	uint32_t cp;

	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {
			/* Most of a page is ASCII: eight bytes at a time. */
			uint64_t w;

			i++;
			while (n - i >= sizeof w) {
				memcpy(&w, s + i, sizeof w);
				if (w & UINT64_C(0x8080808080808080))
					break;
				i += sizeof w;
			}
			continue;
		}
		l = utf8_decode(s + i, n - i, &cp);
		if (cp == 0xfffd && l == 1)
			return 0;
		i += l;
	}
	return 1;
}

size_t
utf8_encode(uint32_t cp, char *out)
{
	unsigned char *o = (unsigned char *)out;

	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xc0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xe0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
		o[2] = (unsigned char)(0x80 | (cp & 0x3f));
		return 3;
	}
	o[0] = (unsigned char)(0xf0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3f));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
	o[3] = (unsigned char)(0x80 | (cp & 0x3f));
	return 4;
}

/*
 * Width tables, from Unicode's EastAsianWidth (W and F) and the general
 * categories Mn, Me and Cf; the ranges that matter for text, so that the
 * answer does not depend on the C library's locale data.
 */
static const uint32_t zero_width[][2] = {
	{ 0x0300, 0x036f }, { 0x0483, 0x0489 }, { 0x0591, 0x05bd },
	{ 0x05bf, 0x05bf }, { 0x05c1, 0x05c2 }, { 0x05c4, 0x05c5 },
	{ 0x05c7, 0x05c7 }, { 0x0610, 0x061a }, { 0x064b, 0x065f },
	{ 0x0670, 0x0670 }, { 0x06d6, 0x06dc }, { 0x06df, 0x06e4 },
	{ 0x06e7, 0x06e8 }, { 0x06ea, 0x06ed }, { 0x0711, 0x0711 },
	{ 0x0730, 0x074a }, { 0x07a6, 0x07b0 }, { 0x0900, 0x0902 },
	{ 0x093a, 0x093a }, { 0x093c, 0x093c }, { 0x0941, 0x0948 },
	{ 0x094d, 0x094d }, { 0x0951, 0x0957 }, { 0x0962, 0x0963 },
	{ 0x0981, 0x0981 }, { 0x09bc, 0x09bc }, { 0x09c1, 0x09c4 },
	{ 0x09cd, 0x09cd }, { 0x0e31, 0x0e31 }, { 0x0e34, 0x0e3a },
	{ 0x0e47, 0x0e4e }, { 0x1ab0, 0x1aff }, { 0x1dc0, 0x1dff },
	{ 0x200b, 0x200f }, { 0x202a, 0x202e }, { 0x2060, 0x2064 },
	{ 0x2066, 0x206f }, { 0x20d0, 0x20ff }, { 0xfe00, 0xfe0f },
	{ 0xfe20, 0xfe2f }, { 0xfeff, 0xfeff }, { 0xe0100, 0xe01ef },
};

static const uint32_t wide[][2] = {
	{ 0x1100, 0x115f }, { 0x231a, 0x231b }, { 0x2329, 0x232a },
	{ 0x23e9, 0x23ec }, { 0x23f0, 0x23f0 }, { 0x23f3, 0x23f3 },
	{ 0x25fd, 0x25fe }, { 0x2614, 0x2615 }, { 0x2648, 0x2653 },
	{ 0x267f, 0x267f }, { 0x2693, 0x2693 }, { 0x26a1, 0x26a1 },
	{ 0x26aa, 0x26ab }, { 0x26bd, 0x26be }, { 0x26c4, 0x26c5 },
	{ 0x26ce, 0x26ce }, { 0x26d4, 0x26d4 }, { 0x26ea, 0x26ea },
	{ 0x26f2, 0x26f3 }, { 0x26f5, 0x26f5 }, { 0x26fa, 0x26fa },
	{ 0x26fd, 0x26fd }, { 0x2705, 0x2705 }, { 0x270a, 0x270b },
	{ 0x2728, 0x2728 }, { 0x274c, 0x274c }, { 0x274e, 0x274e },
	{ 0x2753, 0x2755 }, { 0x2757, 0x2757 }, { 0x2795, 0x2797 },
	{ 0x27b0, 0x27b0 }, { 0x27bf, 0x27bf }, { 0x2b1b, 0x2b1c },
	{ 0x2b50, 0x2b50 }, { 0x2b55, 0x2b55 }, { 0x2e80, 0x303e },
	{ 0x3041, 0x33ff }, { 0x3400, 0x4dbf }, { 0x4e00, 0x9fff },
	{ 0xa000, 0xa4cf }, { 0xa960, 0xa97f }, { 0xac00, 0xd7a3 },
	{ 0xf900, 0xfaff }, { 0xfe10, 0xfe19 }, { 0xfe30, 0xfe6f },
	{ 0xff00, 0xff60 }, { 0xffe0, 0xffe6 }, { 0x16fe0, 0x16fe4 },
	{ 0x17000, 0x18cff }, { 0x1b000, 0x1b2ff }, { 0x1f004, 0x1f004 },
	{ 0x1f0cf, 0x1f0cf }, { 0x1f18e, 0x1f18e }, { 0x1f191, 0x1f19a },
	{ 0x1f200, 0x1f251 }, { 0x1f300, 0x1f320 }, { 0x1f32d, 0x1f335 },
	{ 0x1f337, 0x1f37c }, { 0x1f37e, 0x1f393 }, { 0x1f3a0, 0x1f3ca },
	{ 0x1f3cf, 0x1f3d3 }, { 0x1f3e0, 0x1f3f0 }, { 0x1f3f4, 0x1f3f4 },
	{ 0x1f3f8, 0x1f43e }, { 0x1f440, 0x1f440 }, { 0x1f442, 0x1f4fc },
	{ 0x1f4ff, 0x1f53d }, { 0x1f54b, 0x1f54e }, { 0x1f550, 0x1f567 },
	{ 0x1f57a, 0x1f57a }, { 0x1f595, 0x1f596 }, { 0x1f5a4, 0x1f5a4 },
	{ 0x1f5fb, 0x1f64f }, { 0x1f680, 0x1f6c5 }, { 0x1f6cc, 0x1f6cc },
	{ 0x1f6d0, 0x1f6d2 }, { 0x1f6d5, 0x1f6d7 }, { 0x1f6eb, 0x1f6ec },
	{ 0x1f6f4, 0x1f6fc }, { 0x1f7e0, 0x1f7eb }, { 0x1f90c, 0x1f93a },
	{ 0x1f93c, 0x1f945 }, { 0x1f947, 0x1f9ff }, { 0x1fa70, 0x1faff },
	{ 0x20000, 0x2fffd }, { 0x30000, 0x3fffd },
};

static int
in_ranges(uint32_t cp, const uint32_t (*r)[2], size_t n)
{
	size_t	 lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (cp < r[mid][0])
			hi = mid;
		else if (cp > r[mid][1])
			lo = mid + 1;
		else
			return 1;
	}
	return 0;
}

int
utf8_is_unsafe(uint32_t cp)
{
	if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f))
		return 1;
	/* Bidi embeddings, overrides and isolates reorder what follows. */
	if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069))
		return 1;
	/* Line and paragraph separators act as newlines in some terminals. */
	if (cp == 0x2028 || cp == 0x2029)
		return 1;
	return 0;
}

int
utf8_cpwidth(uint32_t cp)
{
	if (utf8_is_unsafe(cp))
		return 0;
	if (in_ranges(cp, zero_width, sizeof zero_width / sizeof zero_width[0]))
		return 0;
	if (in_ranges(cp, wide, sizeof wide / sizeof wide[0]))
		return 2;
	return 1;
}

size_t
utf8_width(const char *s, size_t n)
{
	size_t	 i = 0, w = 0;
	uint32_t cp;

	while (i < n) {
		i += utf8_decode(s + i, n - i, &cp);
		w += (size_t)utf8_cpwidth(cp);
	}
	return w;
}

size_t
utf8_fit(const char *s, size_t n, size_t cols)
{
	size_t	 i = 0, w = 0, len;
	uint32_t cp;
	int	 cw;

	while (i < n) {
		len = utf8_decode(s + i, n - i, &cp);
		cw = utf8_cpwidth(cp);
		if (w + (size_t)cw > cols)
			break;
		w += (size_t)cw;
		i += len;
	}
	return i;
}

/* Length of the escape sequence at s[0] == ESC (ECMA-48 5.3, 5.6). */
static size_t
escape_len(const unsigned char *s, size_t n)
{
	size_t	 i;

	if (n < 2)
		return n;
	switch (s[1]) {
	case '[':	/* CSI: parameters and intermediates, one final byte */
		for (i = 2; i < n; i++)
			if (s[i] >= 0x40 && s[i] <= 0x7e)
				return i + 1;
		return n;
	case ']':	/* OSC, DCS, SOS, PM, APC: up to BEL or ST */
	case 'P':
	case 'X':
	case '^':
	case '_':
		for (i = 2; i < n; i++) {
			if (s[i] == 0x07)
				return i + 1;
			if (s[i] == 0x1b && i + 1 < n && s[i + 1] == '\\')
				return i + 2;
		}
		return n;
	default:	/* two-byte and nF sequences */
		for (i = 1; i < n && s[i] >= 0x20 && s[i] <= 0x2f; i++)
			;
		return i < n ? i + 1 : n;
	}
}

enum buf_result
utf8_sanitize(struct buf *out, const char *str, size_t n, int keep_newlines)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t	 i = 0, start, len, oldlen = out->len;
	uint32_t cp;
	enum buf_result r = BUF_OK;

	while (i < n && r == BUF_OK) {
		/* Copy a run of plain printable ASCII in one append. */
		start = i;
		while (i < n && s[i] >= 0x20 && s[i] < 0x7f)
			i++;
		if (i > start)
			r = buf_append(out, str + start, i - start);
		if (i >= n || r != BUF_OK)
			break;
		if (s[i] == 0x1b) {
			i += escape_len(s + i, n - i);
			continue;
		}
		len = utf8_decode(str + i, n - i, &cp);
		if (cp == 0x9b || cp == 0x9d || cp == 0x90) {
			/* C1 CSI/OSC/DCS: drop the sequence they open. */
			size_t j = i + len;

			while (j < n && !(s[j] >= 0x40 && s[j] <= 0x7e) &&
			    s[j] != 0x07)
				j++;
			i = j < n ? j + 1 : n;
			continue;
		}
		if (cp == '\n' && keep_newlines)
			r = buf_putc(out, '\n');
		else if (cp == '\t' || cp == '\n' || cp == '\r' ||
		    cp == 0x2028 || cp == 0x2029)
			r = buf_putc(out, ' ');
		else if (utf8_is_unsafe(cp))
			;
		else if (cp == 0xfffd && len == 1)
			r = buf_append(out, "\xef\xbf\xbd", 3);
		else
			r = buf_append(out, str + i, len);
		i += len;
	}
	if (r != BUF_OK)
		buf_setlen(out, oldlen);
	return r;
}

char *
utf8_clean(const char *s)
{
	struct buf b;
	size_t	 n = strlen(s);

	buf_init(&b, n * 3 + 1);
	if (utf8_sanitize(&b, s, n, 0) != BUF_OK) {
		buf_release(&b);
		return NULL;
	}
	return buf_take(&b);
}
