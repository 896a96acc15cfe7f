/*
 * extract_text_measure: one unit's own text measured, before any
 * phrase list is read: its words (CJK characters count half),
 * capitals and commas, whether it ends like a sentence, a list's
 * bullet or number, a table's row, program text, a bare URL, and its
 * shape, the hash that xt_count_shapes() groups by.
 * (See extract_text.c for the whole.)
 */
#include <string.h>

#include "extract_text_int.h"

static int
is_cjk(uint32_t cp)
{
	return (cp >= 0x2e80 && cp <= 0x9fff) ||	/* CJK, kana */
	    (cp >= 0xac00 && cp <= 0xd7a3) ||		/* Hangul */
	    (cp >= 0xf900 && cp <= 0xfaff) ||
	    (cp >= 0xff00 && cp <= 0xffef) ||		/* full width */
	    (cp >= 0x20000 && cp <= 0x2fffd);
}

/* Does the unit's text end like a sentence? */
int
xt_ends_sentence(const char *s, size_t n)
{
	uint32_t cp = 0;
	size_t	 i, start;

	while (n > 0) {
		/* Step back one UTF-8 character. */
		start = n - 1;
		while (start > 0 && ((unsigned char)s[start] & 0xc0) == 0x80)
			start--;
		utf8_decode(s + start, n - start, &cp);
		/* Closing quotes and brackets (German ones close with
		 * U+201C and U+2018), and the white space a copy leaves
		 * after the stop (U+00A0 from "&nbsp;"), aside. */
		if (cp == '"' || cp == '\'' || cp == ')' || cp == 0x201d ||
		    cp == 0x201c || cp == 0x2018 ||
		    cp == ' ' || cp == '\t' || cp == 0xa0 ||
		    cp == 0x2019 || cp == 0xbb || cp == ']' || cp == '*' ||
		    cp == 0x300d || cp == 0xff09) {
			n = start;
			continue;
		}
		break;
	}
	(void)i;
	return cp == '.' || cp == '!' || cp == '?' || cp == ':' ||
	    cp == ';' || cp == 0x2026 || cp == 0x3002 || cp == 0xff01 ||
	    cp == 0xff1f || cp == 0xff1a || cp == 0x3001 || cp == ',' ||
	    cp == 0x0964 || cp == 0x061f;
}

int
xt_starts_bullet(const char *s, size_t n)
{
	uint32_t cp;
	size_t	 i = 0;

	if (n == 0)
		return 0;
	utf8_decode(s, n, &cp);
	if (cp == 0x2022 || cp == 0x25cf || cp == 0x25aa || cp == 0x2013 ||
	    cp == 0x2014 || cp == 0xb7 || cp == 0x25a0 || cp == 0x2023 ||
	    cp == 0x25e6)
		return 1;
	if ((s[0] == '-' || s[0] == '*' || s[0] == '+') && n > 1 &&
	    s[1] == ' ')
		return 1;
	while (i < n && i < 3 && ascii_isdigit((unsigned char)s[i]))
		i++;
	return i > 0 && i + 1 < n && (s[i] == '.' || s[i] == ')') &&
	    s[i + 1] == ' ';
}

/* A list item's number on a line of its own ("1.", "12)"): the item's
 * text is on the next line (steps of a recipe, of a how-to). */
static int
only_number(const char *s, size_t n)
{
	size_t	 i = 0;

	while (i < n && i < 3 && ascii_isdigit((unsigned char)s[i]))
		i++;
	return i > 0 && i + 1 == n && (s[i] == '.' || s[i] == ')');
}

/* The value of a line that is a bare number ("3"), or -1. */
int
xt_bare_number(const char *s, size_t n)
{
	size_t	 i;
	int	 v = 0;

	if (n == 0 || n > 3)
		return -1;
	for (i = 0; i < n; i++) {
		if (!ascii_isdigit((unsigned char)s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* FNV-1a over the lower-cased text with digit runs folded to one 0. */
static uint32_t
shape_of(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	size_t	 i;
	int	 digit = 0;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (ascii_isdigit(c)) {
			if (digit)
				continue;
			digit = 1;
			c = '0';
		} else {
			digit = 0;
			c = (unsigned char)ascii_tolower(c);
		}
		h = (h ^ c) * 16777619u;
	}
	return h;
}

/*
 * A line of program text: ends in an opening or closing bracket or a
 * semicolon, or has more operator characters than a sentence would.
 */
static int
looks_code(const struct unit *u)
{
	size_t	 i, ops = 0;
	char	 last;

	/* An empty unit (fuzz_extract_text found one) has no last byte. */
	if (u->n == 0 || u->words > 12)
		return 0;
	last = u->s[u->n - 1];
	if (last == '{' || last == '}' || last == ';' || last == '[' ||
	    last == ']' || (last == ')' && u->n > 1 && u->s[u->n - 2] == '('))
		return 1;
	for (i = 0; i < u->n; i++)
		if (strchr("{}[];=<>()/\\$&|", u->s[i]) != NULL)
			ops++;
	return ops * 6 > u->n && ops >= 3;
}

/*
 * Does s (n bytes, not NUL-terminated: a line of the input) start with
 * p, ASCII case ignored?  Never reads past s + n.
 */
int
xt_has_prefix(const char *s, size_t n, const char *p)
{
	size_t	 m = strlen(p);

	return n >= m && ascii_ncasecmp(s, p, m) == 0;
}

/*
 * Fills the unit's counts (words, weight, capitals, commas) and the
 * flags its own text gives: sentence end, bullet, row, list number,
 * code, URL, shape.
 */
void
xt_measure(struct unit *u)
{
	size_t	 i = 0, cjk = 0;
	uint32_t cp;
	int	 in = 0;

	u->words = u->capwords = u->letterwords = u->commas = 0;
	while (i < u->n) {
		size_t len = utf8_decode(u->s + i, u->n - i, &cp);

		if (cp == ' ' || cp == '\t' || cp == 0xa0) {
			in = 0;
		} else {
			if (!in) {
				in = 1;
				u->words++;
				if (cp < 0x80 && ascii_isalpha((int)cp)) {
					u->letterwords++;
					if (cp >= 'A' && cp <= 'Z')
						u->capwords++;
				} else if (cp >= 0xc0 && !is_cjk(cp)) {
					/* Latin-1 and other scripts: a letter
					 * whose case we judge by its first
					 * byte range only roughly. */
					u->letterwords++;
					if ((cp >= 0xc0 && cp <= 0xde) ||
					    (cp >= 0x410 && cp <= 0x42f) ||
					    (cp >= 0x391 && cp <= 0x3a9))
						u->capwords++;
				}
			}
			if (is_cjk(cp))
				cjk++;
			if (cp == ',' || cp == 0x3001 || cp == 0xff0c)
				u->commas++;
		}
		i += len;
	}
	u->weight = u->words + cjk / 2;
	u->end_punct = xt_ends_sentence(u->s, u->n);
	u->bullet = xt_starts_bullet(u->s, u->n);
	u->row = memchr(u->s, '\t', u->n) != NULL;
	u->number = only_number(u->s, u->n);
	u->code = looks_code(u);
	u->url = u->words == 1 && (xt_has_prefix(u->s, u->n, "http://") ||
	    xt_has_prefix(u->s, u->n, "https://") ||
	    xt_has_prefix(u->s, u->n, "www."));
	u->shape = shape_of(u->s, u->n);
}
