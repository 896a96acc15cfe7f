/*
 * filter: newsboat's filter language to SQL.  See filter.h for the
 * grammar and the contract.  One pass of recursive descent: each
 * comparison is checked and written out as SQL as soon as it is read,
 * its value appended to the list bound in order; no tree is kept.
 */
#include <regex.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "filter.h"

enum attr_kind {
	A_TEXT,		/* a string column */
	A_TAGS,		/* the feed's tags, '|'-separated in the store */
	A_YESNO,	/* unread, starred: "yes" or "no" */
	A_FLAGS,	/* newsboat's flags: byline has the star, "s" */
	A_AGE		/* whole days since the item's time */
};

struct attr {
	const char	*name;
	enum attr_kind	 kind;
	const char	*sql;	/* the value, never NULL in SQL */
	const char	*fts;	/* items_fts column for "#", or NULL */
	int		 inverted;	/* A_YESNO: the column is 1 for "no" */
};

/* Sorted by name for bsearch(). */
static const struct attr attrs[] = {
	{ "age", A_AGE, "((CAST(strftime('%s', 'now') AS INTEGER) - "
	    "i.time) / 86400)", NULL, 0 },
	{ "author", A_TEXT, "coalesce(i.author, '')", NULL, 0 },
	{ "content", A_TEXT, "coalesce(i.content, '')", "body", 0 },
	{ "enclosure_url", A_TEXT, "coalesce(i.enclosure, '')", NULL, 0 },
	{ "feedtitle", A_TEXT, "coalesce(f.custom_title, f.title, '')",
	    NULL, 0 },
	{ "feedurl", A_TEXT, "f.url", NULL, 0 },
	{ "flags", A_FLAGS, "i.starred", NULL, 0 },
	{ "guid", A_TEXT, "i.guid", NULL, 0 },
	{ "link", A_TEXT, "coalesce(i.link, '')", NULL, 0 },
	{ "starred", A_YESNO, "i.starred", NULL, 0 },
	{ "tags", A_TAGS, "replace(coalesce(f.tags, ''), '|', ' ')",
	    NULL, 0 },
	{ "title", A_TEXT, "i.title", "title", 0 },
	/* i.read as it is, so that SQLite may use its index. */
	{ "unread", A_YESNO, "i.read", NULL, 1 },
};
#define ATTR_NAMES	"title, author, link, content, guid, enclosure_url, " \
	"feedtitle, feedurl, tags, unread, flags, starred, age"

enum op {
	OP_EQ, OP_NE, OP_RX, OP_NRX, OP_HAS, OP_NHAS, OP_LT, OP_GT, OP_LE,
	OP_GE, OP_BETWEEN
};

/* Longest first, so that "=~" is not read as "=". */
static const struct {
	const char	*s;
	enum op		 op;
} ops[] = {
	{ "=~", OP_RX }, { "!~", OP_NRX }, { "!=", OP_NE }, { "!#", OP_NHAS },
	{ "<=", OP_LE }, { ">=", OP_GE }, { "=", OP_EQ }, { "#", OP_HAS },
	{ "<", OP_LT }, { ">", OP_GT },
};

struct parser {
	const char	*s, *p;		/* the expression, the position */
	int		 depth;
	struct buf	 sql;
	struct filter_value *v;
	size_t		 nv;
	struct errbuf	*eb;
};

static int	 parse_or(struct parser *);
static int	 fail(struct parser *, const char *, const char *, ...)
		    __attribute__((format(printf, 3, 4)));

/* Sets "column N: why" at position at; returns -1. */
static int
fail(struct parser *ps, const char *at, const char *fmt, ...)
{
	char	 why[ERRBUF_BYTES];
	va_list	 ap;

	va_start(ap, fmt);
	vsnprintf(why, sizeof why, fmt, ap);
	va_end(ap);
	errbuf_set(ps->eb, "column %zu: %s", (size_t)(at - ps->s) + 1, why);
	return -1;
}

static int
put(struct parser *ps, const char *sql)
{
	if (buf_puts(&ps->sql, sql) != BUF_OK)
		return fail(ps, ps->p, "expression too long");
	return 0;
}

/* Appends a value to bind; text (may be NULL) is taken over. */
static int
bind(struct parser *ps, char *text, int64_t num)
{
	struct filter_value *nv;

	if (ps->nv == FILTER_VALUES_MAX) {
		free(text);
		return fail(ps, ps->p, "more than %d values",
		    FILTER_VALUES_MAX);
	}
	if ((nv = reallocarray(ps->v, ps->nv + 1, sizeof *nv)) == NULL) {
		free(text);
		return fail(ps, ps->p, "out of memory");
	}
	ps->v = nv;
	ps->v[ps->nv].text = text;
	ps->v[ps->nv].num = num;
	ps->nv++;
	return 0;
}

static void
skip_space(struct parser *ps)
{
	while (ascii_isspace((unsigned char)*ps->p))
		ps->p++;
}

static int
is_ident(int c)
{
	return ascii_isalpha(c) || ascii_isdigit(c) || c == '_';
}

/* Is the next token the keyword kw (followed by no name character)? */
static int
keyword(struct parser *ps, const char *kw)
{
	size_t	 n = strlen(kw);

	skip_space(ps);
	if (strncmp(ps->p, kw, n) != 0 || is_ident((unsigned char)ps->p[n]))
		return 0;
	ps->p += n;
	return 1;
}

/*
 * A value: a double-quoted string (\" and \\ inside) or a bare run of
 * characters up to white space or a parenthesis.  Caller frees *out.
 */
static int
read_value(struct parser *ps, char **out)
{
	struct buf b;
	const char *start;

	skip_space(ps);
	start = ps->p;
	buf_init(&b, FILTER_EXPR_MAX_BYTES);
	if (*ps->p == '"') {
		for (ps->p++; *ps->p != '"'; ps->p++) {
			if (*ps->p == '\0') {
				buf_release(&b);
				return fail(ps, start, "missing closing quote");
			}
			if (*ps->p == '\\' && (ps->p[1] == '"' ||
			    ps->p[1] == '\\'))
				ps->p++;
			if (buf_putc(&b, *ps->p) != BUF_OK)
				goto nomem;
		}
		ps->p++;
	} else {
		while (*ps->p != '\0' &&
		    !ascii_isspace((unsigned char)*ps->p) &&
		    *ps->p != '(' && *ps->p != ')' && *ps->p != '"')
			if (buf_putc(&b, *ps->p++) != BUF_OK)
				goto nomem;
		if (b.len == 0) {
			buf_release(&b);
			return fail(ps, start, "expected a value");
		}
	}
	if ((*out = buf_take(&b)) == NULL)
		goto nomem;
	return 0;
nomem:
	buf_release(&b);
	return fail(ps, start, "out of memory");
}

/* A whole number of at most 9 digits, optionally signed; 0 or -1. */
static int
parse_num(const char *s, size_t n, int64_t *out)
{
	int64_t	 v = 0;
	size_t	 i = 0;
	int	 neg = 0;

	if (n > 0 && (s[0] == '-' || s[0] == '+'))
		neg = s[i++] == '-';
	if (i == n || n - i > 9)
		return -1;
	for (; i < n; i++) {
		if (!ascii_isdigit((unsigned char)s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = neg ? -v : v;
	return 0;
}

static int
attr_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct attr *)elem)->name);
}

/* Does the regular expression hold nothing but plain ASCII letters,
 * digits and spaces?  Then LIKE '%...%' (ASCII case ignored, as
 * REG_ICASE) finds the same and lets SQLite skip the regexp calls. */
static int
is_plain(const char *re)
{
	const unsigned char *p;

	for (p = (const unsigned char *)re; *p != '\0'; p++)
		if (!ascii_isalpha(*p) && !ascii_isdigit(*p) && *p != ' ')
			return 0;
	return re[0] != '\0';
}

/*
 * What glibc's regcomp() would make huge: a repetition right after a
 * repetition ("a++", "a*{9}", undefined in POSIX; a few dozen took
 * gigabytes under the fuzzer), or a count past FILTER_REPEAT_MAX
 * ("a{30000}": the repeated part is copied that many times).  Returns
 * why, with *at the byte, or NULL.
 */
static const char *
regex_too_costly(const char *re, size_t *at)
{
	const char *p;
	int	 after = 0;	/* the previous token was a repetition */

	for (p = re; *p != '\0'; p++) {
		*at = (size_t)(p - re) + 1;
		if (*p == '\\' && p[1] != '\0') {
			p++;
			after = 0;
		} else if (*p == '[') {
			/* a bracket expression: "]" first is a member */
			p += p[1] == '^' ? 2 : 1;
			if (*p == ']')
				p++;
			while (*p != '\0' && *p != ']')
				p++;
			if (*p == '\0')
				return NULL;	/* regcomp() says why */
			after = 0;
		} else if (*p == '*' || *p == '+' || *p == '?' || *p == '{') {
			if (after)
				return "a repetition of a repetition";
			after = 1;
			if (*p != '{')
				continue;
			if (strtol(p + 1, NULL, 10) > FILTER_REPEAT_MAX)
				return "a count over " FILTER_REPEAT_MAX_S;
			while (p[1] != '\0' && *p != '}')
				if (*++p == ',' && strtol(p + 1, NULL, 10) >
				    FILTER_REPEAT_MAX)
					return "a count over "
					    FILTER_REPEAT_MAX_S;
		} else
			after = 0;
	}
	return NULL;
}

/* attr =~ re (negated for !~). */
static int
emit_regex(struct parser *ps, const struct attr *a, const char *at,
    char *val, int negate)
{
	struct buf like;
	regex_t	 re;
	char	 why[ERRBUF_BYTES];
	const char *cost;
	size_t	 byte;
	int	 rc;

	if ((cost = regex_too_costly(val, &byte)) != NULL) {
		fail(ps, at, "regular expression: %s at byte %zu", cost, byte);
		free(val);
		return -1;
	}
	if ((rc = regcomp(&re, val, REG_EXTENDED | REG_ICASE |
	    REG_NOSUB)) != 0) {
		regerror(rc, &re, why, sizeof why);
		free(val);
		return fail(ps, at, "bad regular expression: %s", why);
	}
	regfree(&re);
	if (put(ps, negate ? "(NOT " : "(") == -1 ||
	    put(ps, a->sql) == -1) {
		free(val);
		return -1;
	}
	if (is_plain(val)) {
		buf_init(&like, FILTER_EXPR_MAX_BYTES + 2);
		if (buf_printf(&like, "%%%s%%", val) != BUF_OK) {
			free(val);
			buf_release(&like);
			return fail(ps, at, "value too long");
		}
		free(val);
		if ((val = buf_take(&like)) == NULL)
			return fail(ps, at, "out of memory");
		if (put(ps, " LIKE ?)") == -1) {
			free(val);
			return -1;
		}
		return bind(ps, val, 0);
	}
	if (put(ps, " REGEXP ?)") == -1) {
		free(val);
		return -1;
	}
	return bind(ps, val, 0);
}

/* attr # word (negated for !#): a tag, a word of the full-text index,
 * or a word of the space-separated value. */
static int
emit_contains(struct parser *ps, const struct attr *a, const char *at,
    char *val, int negate)
{
	struct buf q;
	const char *p;

	if (val[0] == '\0') {
		free(val);
		return fail(ps, at, "# needs a word");
	}
	if (a->kind == A_TAGS) {
		if (put(ps, negate ? "(instr('|' || coalesce(f.tags, '') || "
		    "'|', '|' || ? || '|') = 0)" : "(instr('|' || "
		    "coalesce(f.tags, '') || '|', '|' || ? || '|') > 0)") ==
		    -1) {
			free(val);
			return -1;
		}
		return bind(ps, val, 0);
	}
	if (a->fts != NULL) {
		/* An FTS5 phrase in one column: "col : "w o r d"", the
		 * word's quotes doubled.  The phrase is a bound value. */
		buf_init(&q, 2 * FILTER_EXPR_MAX_BYTES);
		if (buf_printf(&q, "%s : \"", a->fts) != BUF_OK)
			goto toolong;
		for (p = val; *p != '\0'; p++)
			if ((*p == '"' && buf_putc(&q, '"') != BUF_OK) ||
			    buf_putc(&q, *p) != BUF_OK)
				goto toolong;
		if (buf_putc(&q, '"') != BUF_OK)
			goto toolong;
		free(val);
		if ((val = buf_take(&q)) == NULL)
			return fail(ps, at, "out of memory");
		if (put(ps, negate ? "(i.id NOT IN (SELECT rowid FROM "
		    "items_fts WHERE items_fts MATCH ?))" : "(i.id IN (SELECT "
		    "rowid FROM items_fts WHERE items_fts MATCH ?))") == -1) {
			free(val);
			return -1;
		}
		return bind(ps, val, 0);
	}
	if (put(ps, negate ? "(instr(' ' || " : "(instr(' ' || ") == -1 ||
	    put(ps, a->sql) == -1 ||
	    put(ps, negate ? " || ' ', ' ' || ? || ' ') = 0)" :
	    " || ' ', ' ' || ? || ' ') > 0)") == -1) {
		free(val);
		return -1;
	}
	return bind(ps, val, 0);
toolong:
	buf_release(&q);
	free(val);
	return fail(ps, at, "value too long");
}

/* age OP number, or age between low:high. */
static int
emit_age(struct parser *ps, const struct attr *a, enum op op,
    const char *at, char *val)
{
	static const char *const cmp[] = {
		[OP_EQ] = " = ?)", [OP_NE] = " != ?)", [OP_LT] = " < ?)",
		[OP_GT] = " > ?)", [OP_LE] = " <= ?)", [OP_GE] = " >= ?)",
	};
	const char *colon;
	int64_t	 lo, hi;

	if (op == OP_BETWEEN) {
		colon = strchr(val, ':');
		if (colon == NULL || parse_num(val, (size_t)(colon - val),
		    &lo) == -1 || parse_num(colon + 1, strlen(colon + 1),
		    &hi) == -1) {
			free(val);
			return fail(ps, at, "between needs LOW:HIGH, two "
			    "whole numbers");
		}
		free(val);
		if (put(ps, "(") == -1 || put(ps, a->sql) == -1 ||
		    put(ps, " BETWEEN ? AND ?)") == -1 ||
		    bind(ps, NULL, lo < hi ? lo : hi) == -1)
			return -1;
		return bind(ps, NULL, lo < hi ? hi : lo);
	}
	if (op > OP_GE || cmp[op] == NULL) {
		free(val);
		return fail(ps, at, "%s is a number of days: use =, !=, <, >, "
		    "<=, >= or between", a->name);
	}
	if (parse_num(val, strlen(val), &lo) == -1) {
		fail(ps, at, "%s: \"%.40s\" is not a whole number", a->name,
		    val);
		free(val);
		return -1;
	}
	free(val);
	if (put(ps, "(") == -1 || put(ps, a->sql) == -1 ||
	    put(ps, cmp[op]) == -1)
		return -1;
	return bind(ps, NULL, lo);
}

/* ATTRIBUTE OP VALUE, written out as SQL. */
static int
parse_comparison(struct parser *ps)
{
	const struct attr *a;
	const char *start, *at;
	char	 name[32], *val;
	size_t	 n, i;
	enum op	 op;
	int	 yes;

	skip_space(ps);
	start = ps->p;
	for (n = 0; is_ident((unsigned char)ps->p[n]); n++)
		;
	if (n == 0)
		return fail(ps, start, *start == '\0' ? "expected an "
		    "attribute, found the end" : "expected an attribute");
	a = NULL;
	if (n < sizeof name) {
		memcpy(name, start, n);
		name[n] = '\0';
		a = bsearch(name, attrs, sizeof attrs / sizeof attrs[0],
		    sizeof attrs[0], attr_cmp);
	}
	if (a == NULL)
		return fail(ps, start, "unknown attribute \"%.*s\" (byline "
		    "knows " ATTR_NAMES ")", (int)(n < sizeof name ? n :
		    sizeof name), start);
	ps->p += n;
	skip_space(ps);
	at = ps->p;
	if (keyword(ps, "between"))
		op = OP_BETWEEN;
	else {
		for (i = 0; i < sizeof ops / sizeof ops[0]; i++)
			if (strncmp(ps->p, ops[i].s, strlen(ops[i].s)) == 0)
				break;
		if (i == sizeof ops / sizeof ops[0])
			return fail(ps, at, "expected an operator after "
			    "\"%s\" (=, !=, =~, !~, #, !#, <, >, <=, >=, "
			    "between)", a->name);
		op = ops[i].op;
		ps->p += strlen(ops[i].s);
	}
	skip_space(ps);
	at = ps->p;
	if (read_value(ps, &val) == -1)
		return -1;

	switch (a->kind) {
	case A_AGE:
		return emit_age(ps, a, op, at, val);
	case A_YESNO:
		yes = strcmp(val, "yes") == 0;
		if ((op != OP_EQ && op != OP_NE) || (!yes &&
		    strcmp(val, "no") != 0)) {
			free(val);
			return fail(ps, at, "%s takes = or != with \"yes\" or "
			    "\"no\"", a->name);
		}
		free(val);
		if (put(ps, "(") == -1 || put(ps, a->sql) == -1 ||
		    put(ps, " = ?)") == -1)
			return -1;
		return bind(ps, NULL, (op == OP_EQ ? yes : !yes) ^
		    a->inverted);
	case A_FLAGS:
		if ((op != OP_HAS && op != OP_NHAS) || strcmp(val, "s") != 0) {
			free(val);
			return fail(ps, at, "flags: byline keeps one flag, the "
			    "star: use flags # \"s\" or flags !# \"s\"");
		}
		free(val);
		if (put(ps, "(") == -1 || put(ps, a->sql) == -1 ||
		    put(ps, " = ?)") == -1)
			return -1;
		return bind(ps, NULL, op == OP_HAS);
	case A_TEXT:
	case A_TAGS:
		break;
	}
	switch (op) {
	case OP_EQ:
	case OP_NE:
		if (put(ps, "(") == -1 || put(ps, a->sql) == -1 ||
		    put(ps, op == OP_EQ ? " = ?)" : " != ?)") == -1) {
			free(val);
			return -1;
		}
		return bind(ps, val, 0);
	case OP_RX:
	case OP_NRX:
		return emit_regex(ps, a, at, val, op == OP_NRX);
	case OP_HAS:
	case OP_NHAS:
		return emit_contains(ps, a, at, val, op == OP_NHAS);
	default:
		free(val);
		return fail(ps, at, "%s is text: <, >, <=, >= and between "
		    "compare numbers (age)", a->name);
	}
}

static int
parse_primary(struct parser *ps)
{
	const char *open;

	skip_space(ps);
	if (*ps->p != '(')
		return parse_comparison(ps);
	open = ps->p++;
	if (++ps->depth > FILTER_DEPTH_MAX)
		return fail(ps, open, "parentheses nest deeper than %d",
		    FILTER_DEPTH_MAX);
	if (put(ps, "(") == -1 || parse_or(ps) == -1)
		return -1;
	skip_space(ps);
	if (*ps->p != ')')
		return fail(ps, open, "missing closing parenthesis");
	ps->p++;
	ps->depth--;
	return put(ps, ")");
}

static int
parse_and(struct parser *ps)
{
	if (parse_primary(ps) == -1)
		return -1;
	while (keyword(ps, "and"))
		if (put(ps, " AND ") == -1 || parse_primary(ps) == -1)
			return -1;
	return 0;
}

static int
parse_or(struct parser *ps)
{
	if (parse_and(ps) == -1)
		return -1;
	while (keyword(ps, "or"))
		if (put(ps, " OR ") == -1 || parse_and(ps) == -1)
			return -1;
	return 0;
}

static void
values_free(struct filter_value *v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		free(v[i].text);
	free(v);
}

int
filter_compile(struct filter *out, const char *expr, struct errbuf *eb)
{
	struct parser ps;

	memset(&ps, 0, sizeof ps);
	ps.s = ps.p = expr;
	ps.eb = eb;
	if (strlen(expr) > FILTER_EXPR_MAX_BYTES) {
		errbuf_set(eb, "column 1: expression longer than %d bytes",
		    FILTER_EXPR_MAX_BYTES);
		return -1;
	}
	buf_init(&ps.sql, FILTER_SQL_MAX_BYTES);
	if (put(&ps, "(") == -1 || parse_or(&ps) == -1)
		goto fail;
	skip_space(&ps);
	if (*ps.p == ')') {
		fail(&ps, ps.p, "unmatched closing parenthesis");
		goto fail;
	}
	if (*ps.p != '\0') {
		fail(&ps, ps.p, "expected \"and\", \"or\" or the end");
		goto fail;
	}
	if (put(&ps, ")") == -1)
		goto fail;
	if ((out->sql = buf_take(&ps.sql)) == NULL) {
		errbuf_set(eb, "column 1: out of memory");
		goto fail;
	}
	out->v = ps.v;
	out->nv = ps.nv;
	return 0;
fail:
	buf_release(&ps.sql);
	values_free(ps.v, ps.nv);
	return -1;
}

void
filter_release(struct filter *f)
{
	free(f->sql);
	values_free(f->v, f->nv);
	memset(f, 0, sizeof *f);
}

int
filter_join(struct filter *f, const struct filter *g, int negate)
{
	struct buf b;
	struct filter_value *v;
	size_t	 i;

	if (f->nv + g->nv > FILTER_VALUES_MAX)
		return -1;
	char	*sql;

	buf_init(&b, 2 * FILTER_SQL_MAX_BYTES);
	if (buf_printf(&b, "(%s AND %s%s)", f->sql, negate ? "NOT " : "",
	    g->sql) != BUF_OK || (sql = buf_take(&b)) == NULL)
		goto fail;
	if ((v = calloc(f->nv + g->nv + 1, sizeof *v)) == NULL) {
		free(sql);
		goto fail;
	}
	for (i = 0; i < g->nv; i++) {
		v[f->nv + i].num = g->v[i].num;
		if (g->v[i].text != NULL &&
		    (v[f->nv + i].text = strdup(g->v[i].text)) == NULL) {
			values_free(v, f->nv + i);
			free(sql);
			goto fail;
		}
	}
	if (f->nv > 0)
		memcpy(v, f->v, f->nv * sizeof *v);
	free(f->v);
	free(f->sql);
	f->v = v;
	f->nv += g->nv;
	f->sql = sql;
	return 0;
fail:
	buf_release(&b);
	return -1;
}
