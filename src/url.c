/*
 * url: resolving references and checking URLs.  See url.h.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "str.h"
#include "url.h"
#include "utf8.h"

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
