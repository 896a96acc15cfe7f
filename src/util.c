/*
 * util: bounded buffers, error messages, UTF-8, URLs and file reading.
 * See util.h for the contract.  Nothing here prints or exits.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

/* Smallest allocation for a buffer: avoids many tiny reallocs. */
#define BUF_MIN_CAP	64

static int	 buf_grow(struct buf *, size_t);
static int	 in_ranges(uint32_t, const uint32_t (*)[2], size_t);

void
buf_init(struct buf *b, size_t max)
{
	static char empty[1];

	b->data = empty;
	b->len = 0;
	b->cap = 0;
	b->max = max;
}

void
buf_release(struct buf *b)
{
	if (b->cap != 0)
		free(b->data);
	buf_init(b, b->max);
}

void
buf_reset(struct buf *b)
{
	buf_setlen(b, 0);
}

void
buf_setlen(struct buf *b, size_t len)
{
	if (len > b->len)
		return;
	b->len = len;
	if (b->cap != 0)
		b->data[len] = '\0';
}

/* Makes room for need more bytes plus the NUL; 0 or -1 (data unchanged). */
static int
buf_grow(struct buf *b, size_t need)
{
	size_t	 ncap;
	char	*p;

	if (b->len + need + 1 <= b->cap)
		return 0;
	ncap = b->cap < BUF_MIN_CAP ? BUF_MIN_CAP : b->cap;
	while (ncap < b->len + need + 1) {
		if (ncap > SIZE_MAX / 2)
			return -1;
		ncap *= 2;
	}
	if (ncap > b->max + 1)
		ncap = b->max + 1;
	p = realloc(b->cap != 0 ? b->data : NULL, ncap);
	if (p == NULL)
		return -1;
	if (b->cap == 0)
		p[0] = '\0';
	b->data = p;
	b->cap = ncap;
	return 0;
}

enum buf_result
buf_reserve(struct buf *b, size_t n)
{
	if (n > b->max + 1)
		return BUF_TOOBIG;
	if (n <= b->len || buf_grow(b, n - b->len - 1) == 0)
		return BUF_OK;
	return BUF_NOMEM;
}

enum buf_result
buf_append(struct buf *b, const char *s, size_t n)
{
	if (n > b->max || b->len > b->max - n)
		return BUF_TOOBIG;
	if (n == 0)
		return BUF_OK;
	if (buf_grow(b, n) == -1)
		return BUF_NOMEM;
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
	return BUF_OK;
}

enum buf_result
buf_puts(struct buf *b, const char *s)
{
	return buf_append(b, s, strlen(s));
}

enum buf_result
buf_printf(struct buf *b, const char *fmt, ...)
{
	char	 small[256];
	char	*big;
	va_list	 ap;
	int	 n;
	enum buf_result r;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n < 0)
		return BUF_NOMEM;
	if ((size_t)n < sizeof small)
		return buf_append(b, small, (size_t)n);
	if ((size_t)n > b->max)
		return BUF_TOOBIG;
	if ((big = malloc((size_t)n + 1)) == NULL)
		return BUF_NOMEM;
	va_start(ap, fmt);
	vsnprintf(big, (size_t)n + 1, fmt, ap);
	va_end(ap);
	r = buf_append(b, big, (size_t)n);
	free(big);
	return r;
}

char *
buf_take(struct buf *b)
{
	char	*p;

	if (b->cap == 0)
		p = strdup("");
	else
		p = b->data;
	if (p == NULL)
		return NULL;
	buf_init(b, b->max);
	return p;
}

void
errbuf_set(struct errbuf *eb, const char *fmt, ...)
{
	struct buf b;
	va_list	 ap;
	size_t	 n;
	char	*p;

	if (eb == NULL)
		return;
	va_start(ap, fmt);
	vsnprintf(eb->msg, sizeof eb->msg, fmt, ap);
	va_end(ap);
	/* One line, nothing a terminal would act on: messages quote URLs
	 * and names from feeds, so C1 and bidi controls and whole escape
	 * sequences go too (utf8_sanitize()), cut at a character. */
	buf_init(&b, sizeof eb->msg * 3);
	if (utf8_sanitize(&b, eb->msg, strlen(eb->msg), 0) == BUF_OK) {
		n = b.len < sizeof eb->msg ? b.len : sizeof eb->msg - 1;
		while (n > 0 && n < b.len &&
		    ((unsigned char)b.data[n] & 0xc0) == 0x80)
			n--;
		memcpy(eb->msg, b.data, n);
		eb->msg[n] = '\0';
	}
	buf_release(&b);
	for (p = eb->msg; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = ' ';
}

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

/*
 * URLs, by RFC 3986: a reference is cut into its five parts (3), resolved
 * against a base (5.2.2, with 5.2.3's merge and 5.2.4's dot-segment
 * removal), and put back together (5.3) with the scheme and host in lower
 * case and the bytes a URL cannot hold (controls, space, non-ASCII, and
 * the characters of 2.2's "unwise" set that break markup) percent-encoded,
 * as browsers and libcurl's URL API do.  No network, no IDN: a host that
 * is not ASCII is encoded like any other byte.
 */
struct url_parts {
	const char	*scheme, *auth, *path, *query, *frag;
	size_t		 scheme_n, auth_n, path_n, query_n, frag_n;
	int		 has_scheme, has_auth, has_query, has_frag;
};

static void
url_split(const char *s, size_t n, struct url_parts *u)
{
	size_t	 i = 0, j;

	memset(u, 0, sizeof *u);
	/* scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":" */
	if (n > 0 && ascii_isalpha((unsigned char)s[0])) {
		for (j = 1; j < n && (ascii_isalpha((unsigned char)s[j]) ||
		    ascii_isdigit((unsigned char)s[j]) || s[j] == '+' ||
		    s[j] == '-' || s[j] == '.'); j++)
			;
		if (j < n && s[j] == ':') {
			u->has_scheme = 1;
			u->scheme = s;
			u->scheme_n = j;
			i = j + 1;
		}
	}
	if (i + 1 < n && s[i] == '/' && s[i + 1] == '/') {
		i += 2;
		u->has_auth = 1;
		u->auth = s + i;
		for (j = i; j < n && s[j] != '/' && s[j] != '?' && s[j] != '#';
		    j++)
			;
		u->auth_n = j - i;
		i = j;
	}
	u->path = s + i;
	for (j = i; j < n && s[j] != '?' && s[j] != '#'; j++)
		;
	u->path_n = j - i;
	i = j;
	if (i < n && s[i] == '?') {
		u->has_query = 1;
		u->query = s + i + 1;
		for (j = i + 1; j < n && s[j] != '#'; j++)
			;
		u->query_n = j - i - 1;
		i = j;
	}
	if (i < n && s[i] == '#') {
		u->has_frag = 1;
		u->frag = s + i + 1;
		u->frag_n = n - i - 1;
	}
}

/* RFC 3986 5.2.4: appends path to out with "." and ".." removed. */
static enum buf_result
url_remove_dots(struct buf *out, const char *p, size_t n)
{
	size_t	 start = out->len, i = 0, seg;
	enum buf_result r = BUF_OK;

	while (i < n && r == BUF_OK) {
		if (n - i >= 3 && memcmp(p + i, "../", 3) == 0)
			i += 3;
		else if (n - i >= 2 && memcmp(p + i, "./", 2) == 0)
			i += 2;
		else if (n - i >= 3 && memcmp(p + i, "/./", 3) == 0)
			i += 2;
		else if (n - i == 2 && memcmp(p + i, "/.", 2) == 0) {
			i += 1;
			r = buf_putc(out, '/');
			break;
		} else if ((n - i >= 4 && memcmp(p + i, "/../", 4) == 0) ||
		    (n - i == 3 && memcmp(p + i, "/..", 3) == 0)) {
			int last = n - i == 3;

			i += 3;
			while (out->len > start && out->data[out->len - 1] != '/')
				buf_setlen(out, out->len - 1);
			if (out->len > start)
				buf_setlen(out, out->len - 1);
			if (last)
				r = buf_putc(out, '/');
		} else if ((n - i == 1 && p[i] == '.') ||
		    (n - i == 2 && memcmp(p + i, "..", 2) == 0)) {
			break;
		} else {
			seg = i + 1;
			while (seg < n && p[seg] != '/')
				seg++;
			r = buf_append(out, p + i, seg - i);
			i = seg;
		}
	}
	return r;
}

/* Appends s with what a URL cannot hold percent-encoded. */
static enum buf_result
url_put(struct buf *out, const char *s, size_t n, int lower)
{
	static const char hex[] = "0123456789ABCDEF";
	enum buf_result r = BUF_OK;
	size_t	 i;

	for (i = 0; i < n && r == BUF_OK; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c <= 0x20 || c >= 0x7f || c == '"' || c == '<' ||
		    c == '>' || c == '`' || c == '{' || c == '}' || c == '|' ||
		    c == '\\' || c == '^') {
			char	 e[3] = { '%', hex[c >> 4], hex[c & 15] };

			r = buf_append(out, e, 3);
		} else
			r = buf_putc(out, (char)(lower ? ascii_tolower(c) : c));
	}
	return r;
}

static int
url_scheme_ok(const char *s, size_t n)
{
	static const char *const ok[] = {
		"http", "https", "file", "ftp", "mailto"
	};
	size_t	 i;

	for (i = 0; i < sizeof ok / sizeof ok[0]; i++)
		if (strlen(ok[i]) == n && ascii_ncasecmp(s, ok[i], n) == 0)
			return 1;
	return 0;
}

char *
url_resolve(const char *base, const char *ref)
{
	struct url_parts b, r, t;
	struct buf out, path;
	size_t	 rlen, k;
	const char *s;
	int	 bad = 0;

	if (ref == NULL)
		ref = "";
	while (ascii_isspace((unsigned char)*ref))
		ref++;
	rlen = strlen(ref);
	while (rlen > 0 && ascii_isspace((unsigned char)ref[rlen - 1]))
		rlen--;
	if (rlen > URL_MAX_BYTES)
		return NULL;
	url_split(ref, rlen, &r);
	if (r.has_scheme)
		t = r;
	else {
		if (base == NULL || *base == '\0' || strlen(base) >
		    URL_MAX_BYTES)
			return NULL;
		url_split(base, strlen(base), &b);
		if (!b.has_scheme)
			return NULL;
		t = r;
		t.has_scheme = 1;
		t.scheme = b.scheme;
		t.scheme_n = b.scheme_n;
		if (!r.has_auth) {
			t.has_auth = b.has_auth;
			t.auth = b.auth;
			t.auth_n = b.auth_n;
			if (r.path_n == 0) {
				t.path = b.path;
				t.path_n = b.path_n;
				if (!r.has_query) {
					t.has_query = b.has_query;
					t.query = b.query;
					t.query_n = b.query_n;
				}
			}
		}
	}
	if (!url_scheme_ok(t.scheme, t.scheme_n))
		return NULL;
	/* http and https need a host. */
	if (ascii_ncasecmp(t.scheme, "http", 4) == 0 && (!t.has_auth ||
	    t.auth_n == 0))
		return NULL;
	buf_init(&out, URL_MAX_BYTES * 2);
	buf_init(&path, URL_MAX_BYTES * 2);
	/* 5.2.3: merge a relative path with the base's directory. */
	if (!r.has_scheme && !r.has_auth && r.path_n > 0 && r.path[0] != '/') {
		if (b.has_auth && b.path_n == 0)
			bad |= buf_putc(&path, '/') != BUF_OK;
		else {
			for (k = b.path_n; k > 0 && b.path[k - 1] != '/'; k--)
				;
			bad |= buf_append(&path, b.path, k) != BUF_OK;
		}
		bad |= buf_append(&path, r.path, r.path_n) != BUF_OK;
		s = path.data;
		k = path.len;
	} else {
		s = t.path;
		k = t.path_n;
	}
	bad |= url_put(&out, t.scheme, t.scheme_n, 1) != BUF_OK;
	bad |= buf_putc(&out, ':') != BUF_OK;
	if (t.has_auth) {
		const char *at = memchr(t.auth, '@', t.auth_n);
		size_t	 host = at != NULL ? (size_t)(at - t.auth) + 1 : 0;

		bad |= buf_puts(&out, "//") != BUF_OK;
		bad |= url_put(&out, t.auth, host, 0) != BUF_OK;
		bad |= url_put(&out, t.auth + host, t.auth_n - host, 1) !=
		    BUF_OK;
	}
	{
		struct buf clean;

		buf_init(&clean, URL_MAX_BYTES * 2);
		if (url_remove_dots(&clean, s, k) != BUF_OK)
			bad = 1;
		if (t.has_auth && (clean.len == 0 || clean.data[0] != '/'))
			bad |= buf_putc(&out, '/') != BUF_OK;
		bad |= url_put(&out, clean.data, clean.len, 0) != BUF_OK;
		buf_release(&clean);
	}
	if (t.has_query) {
		bad |= buf_putc(&out, '?') != BUF_OK;
		bad |= url_put(&out, t.query, t.query_n, 0) != BUF_OK;
	}
	if (r.has_frag) {
		bad |= buf_putc(&out, '#') != BUF_OK;
		bad |= url_put(&out, r.frag, r.frag_n, 0) != BUF_OK;
	}
	buf_release(&path);
	if (bad) {
		buf_release(&out);
		return NULL;
	}
	return buf_take(&out);
}

char *
url_host(const char *url)
{
	struct url_parts u;
	const char *h, *end, *at;
	char	*out, *p;

	if (url == NULL)
		return NULL;
	url_split(url, strlen(url), &u);
	if (!u.has_scheme || !u.has_auth || u.auth_n == 0)
		return NULL;
	h = u.auth;
	end = u.auth + u.auth_n;
	if ((at = memrchr(h, '@', u.auth_n)) != NULL)
		h = at + 1;
	if (h < end && *h == '[') {
		const char *rb = memchr(h, ']', (size_t)(end - h));

		if (rb == NULL)
			return NULL;
		end = rb + 1;
	} else {
		const char *colon = memchr(h, ':', (size_t)(end - h));

		if (colon != NULL)
			end = colon;
	}
	if (end == h || (out = xstrndup(h, (size_t)(end - h))) == NULL)
		return NULL;
	for (p = out; *p != '\0'; p++)
		*p = (char)ascii_tolower((unsigned char)*p);
	return out;
}

int
file_read(const char *path, struct buf *out, struct errbuf *eb)
{
	char	 chunk[65536];
	ssize_t	 n = 0;
	int	 fd, have_st;
	struct stat st;

	if (strcmp(path, "-") == 0)
		fd = STDIN_FILENO;
	else if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		errbuf_set(eb, "%s: %s", path, strerror(errno));
		return -1;
	}
	if ((have_st = fstat(fd, &st) == 0)) {
		if (S_ISDIR(st.st_mode)) {
			errbuf_set(eb, "%s: is a directory", path);
			goto fail;
		}
		if (S_ISREG(st.st_mode) && (uintmax_t)st.st_size > out->max) {
			errbuf_set(eb, "%s: too large (%jd bytes, limit %zu)",
			    path, (intmax_t)st.st_size, out->max);
			goto fail;
		}
	}
	/* A file of known size is read straight into the buffer, sized
	 * once: no copy, no growth, no 64 KB of stack touched. */
	if (have_st && S_ISREG(st.st_mode) && st.st_size > 0 &&
	    buf_reserve(out, (size_t)st.st_size + 1) == BUF_OK) {
		for (;;) {
			n = read(fd, out->data + out->len,
			    out->cap - out->len - 1);
			if (n == -1 && errno == EINTR)
				continue;
			if (n == -1) {
				errbuf_set(eb, "%s: %s", path,
				    strerror(errno));
				goto fail;
			}
			if (n == 0)
				break;
			out->len += (size_t)n;
			out->data[out->len] = '\0';
			/* Full: the file grew; read on in chunks. */
			if (out->cap - out->len - 1 == 0)
				break;
		}
		if (n == 0)
			goto done;
	}
	for (;;) {
		n = read(fd, chunk, sizeof chunk);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1) {
			errbuf_set(eb, "%s: %s", path, strerror(errno));
			goto fail;
		}
		if (n == 0)
			break;
		switch (buf_append(out, chunk, (size_t)n)) {
		case BUF_OK:
			break;
		case BUF_TOOBIG:
			errbuf_set(eb, "%s: too large (limit %zu bytes)", path,
			    out->max);
			goto fail;
		case BUF_NOMEM:
			errbuf_set(eb, "%s: out of memory", path);
			goto fail;
		}
	}
done:
	if (fd != STDIN_FILENO)
		close(fd);
	return 0;
fail:
	if (fd != STDIN_FILENO)
		close(fd);
	buf_reset(out);
	return -1;
}

char *
xstrndup(const char *s, size_t n)
{
	char	*p;

	if ((p = malloc(n + 1)) == NULL)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

int
ascii_casecmp(const char *a, const char *b)
{
	int	 ca, cb;

	do {
		ca = ascii_tolower((unsigned char)*a++);
		cb = ascii_tolower((unsigned char)*b++);
	} while (ca == cb && ca != '\0');
	return ca - cb;
}

int
ascii_ncasecmp(const char *a, const char *b, size_t n)
{
	int	 ca = 0, cb = 0;

	while (n-- > 0) {
		ca = ascii_tolower((unsigned char)*a++);
		cb = ascii_tolower((unsigned char)*b++);
		if (ca != cb || ca == '\0')
			break;
	}
	return ca - cb;
}

int
ascii_casestr(const char *s, size_t n, const char *needle)
{
	size_t	 m = strlen(needle), i;

	if (m == 0)
		return 1;
	for (i = 0; i + m <= n; i++)
		if (ascii_ncasecmp(s + i, needle, m) == 0)
			return 1;
	return 0;
}

int
url_is_web(const char *url)
{
	size_t	 i, n, len;
	uint32_t cp;

	if (url == NULL)
		return 0;
	if (ascii_ncasecmp(url, "http://", 7) == 0)
		i = 7;
	else if (ascii_ncasecmp(url, "https://", 8) == 0)
		i = 8;
	else
		return 0;
	n = strlen(url);
	if (i == n)
		return 0;
	for (; i < n; i += len) {
		len = utf8_decode(url + i, n - i, &cp);
		if (utf8_is_unsafe(cp) || (cp == 0xfffd && len == 1))
			return 0;
	}
	return 1;
}
