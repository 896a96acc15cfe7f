/*
 * ui_keys: the key table and keymaps.  See ui_keys.h.
 */
#include <string.h>

#include <curses.h>

#include "ui_keys.h"

/* Control characters as keys: ^A is 1 ... ^Z is 26. */
#define CTRL(c)		((c) & 0x1f)
/* Codes one key name stands for (ENTER: newline, return, keypad enter). */
#define NAME_CODES	3

const struct ui_op_info ui_ops[] = {
	{ OP_DOWN, "down", "j DOWN", "move down / scroll down" },
	{ OP_UP, "up", "k UP", "move up / scroll up" },
	{ OP_OPEN, "open", "ENTER RIGHT l", "open feed or article, follow "
	    "the selected link" },
	{ OP_QUIT, "quit", "q LEFT h", "go back; quit at the top" },
	{ OP_RELOAD, "reload", "r", "reload this feed" },
	{ OP_RELOAD_ALL, "reload-all", "R", "reload all feeds" },
	{ OP_NEXT_UNREAD, "next-unread", "n", "go to the next unread "
	    "article" },
	{ OP_TOGGLE_READ, "toggle-read", "N", "mark read / unread" },
	{ OP_STAR, "star", "s", "star / unstar" },
	{ OP_MARK_FEED_READ, "mark-feed-read", "A", "mark the feed read" },
	{ OP_SEARCH, "search", "/", "search your feeds (in a feed: that "
	    "feed)" },
	{ OP_BROWSER, "open-in-browser", "o", "open the page in $BROWSER" },
	{ OP_PAGE_DOWN, "page-down", "SPACE PAGEDOWN ^F", "next page" },
	{ OP_PAGE_UP, "page-up", "b PAGEUP ^B", "previous page" },
	{ OP_TOP, "top", "g HOME", "go to the top" },
	{ OP_BOTTOM, "bottom", "G END", "go to the bottom" },
	{ OP_NEXT_LINK, "next-link", "TAB", "select the next related link" },
	{ OP_PREV_LINK, "prev-link", "BACKTAB", "select the previous related "
	    "link" },
	{ OP_BACK, "back", "BACKSPACE", "back to the previous article" },
	{ OP_HELP, "help", "?", "show this help" },
	{ OP_REDRAW, "redraw", "^L", "redraw the screen" },
	{ OP_NEXT, "next", "J", "next feed (feeds, headlines) or article "
	    "(article view)" },
	{ OP_PREV, "prev", "K", "previous feed or article" },
	{ OP_PREV_UNREAD, "prev-unread", "p", "go to the previous unread "
	    "article" },
	{ OP_MARK_ALL_READ, "mark-all-feeds-read", "C", "mark every feed "
	    "read" },
	{ OP_SHOW_URLS, "show-urls", "u", "list the article's links" },
	{ OP_GOTO_LINK, "goto-link", "1 2 3 4 5 6 7 8 9", "a number, then "
	    "Enter: follow link [n]; in a list, go to entry n" },
	{ OP_EDIT_URLS, "edit-urls", "E", "edit feeds.conf in $VISUAL or "
	    "$EDITOR, then reload it" },
	{ OP_CMDLINE, "cmdline", ":", "command line (:help lists its "
	    "commands)" },
	/* newsboat's s saves; byline's s stars (DESIGN.md), so save is
	 * S ("bind s save" brings newsboat's back). */
	{ OP_SAVE, "save", "S", "save the article as text or markdown (.md)" },
	{ OP_PIPE, "pipe-to", "|", "pipe the article to a command" },
	{ OP_MACRO, "macro-prefix", ",", "run the macro of the next key "
	    "(setting macro)" },
	{ OP_SET_TAG, "set-tag", "t", "choose a tag: only its feeds are "
	    "listed" },
	{ OP_CLEAR_TAG, "clear-tag", "^T", "list every feed again" },
	{ OP_SET_FILTER, "set-filter", "F", "filter the list with an "
	    "expression (empty: none)" },
	{ OP_ERROR_LOG, "error-log", "^E", "bad config lines and the feeds' "
	    "last errors" },
};
const size_t ui_nops = sizeof ui_ops / sizeof ui_ops[0];

struct key_name {
	const char	*name;
	int		 codes[NAME_CODES];	/* 0-terminated when fewer */
};

/* Sorted by nothing: short, scanned only on bind and help. */
static const struct key_name key_names[] = {
	{ "ENTER", { '\n', '\r', KEY_ENTER } },
	{ "TAB", { '\t' } },
	{ "BACKTAB", { KEY_BTAB } },
	{ "BACKSPACE", { KEY_BACKSPACE, 0x7f, CTRL('h') } },
	{ "SPACE", { ' ' } },
	{ "ESC", { 0x1b } },
	{ "UP", { KEY_UP } },
	{ "DOWN", { KEY_DOWN } },
	{ "LEFT", { KEY_LEFT } },
	{ "RIGHT", { KEY_RIGHT } },
	{ "PAGEUP", { KEY_PPAGE } },
	{ "PAGEDOWN", { KEY_NPAGE } },
	{ "HOME", { KEY_HOME } },
	{ "END", { KEY_END } },
	{ "DELETE", { KEY_DC } },
	{ "INSERT", { KEY_IC } },
};

/* The codes the key named s stands for; returns how many (0: unknown). */
static size_t
key_codes(const char *s, int codes[NAME_CODES])
{
	size_t	 i, n;
	int	 f;

	if (s[0] != '\0' && s[1] == '\0' && (unsigned char)s[0] > ' ' &&
	    (unsigned char)s[0] < 0x7f) {
		codes[0] = (unsigned char)s[0];
		return 1;
	}
	if (s[0] == '^' && s[1] != '\0' && s[2] == '\0' &&
	    ascii_isalpha((unsigned char)s[1])) {
		codes[0] = CTRL(s[1]);
		return 1;
	}
	if ((s[0] == 'F' || s[0] == 'f') && ascii_isdigit((unsigned char)s[1])) {
		f = s[1] - '0';
		if (ascii_isdigit((unsigned char)s[2]) && s[3] == '\0')
			f = f * 10 + s[2] - '0';
		else if (s[2] != '\0')
			return 0;
		/* Function keys F1-F12, as terminals have them. */
		if (f < 1 || f > 12)
			return 0;
		codes[0] = KEY_F(f);
		return 1;
	}
	for (i = 0; i < sizeof key_names / sizeof key_names[0]; i++) {
		if (ascii_casecmp(s, key_names[i].name) != 0)
			continue;
		for (n = 0; n < NAME_CODES && key_names[i].codes[n] != 0; n++)
			codes[n] = key_names[i].codes[n];
		return n;
	}
	return 0;
}

static void
set_code(struct ui_keymap *km, int c, enum ui_op op)
{
	if (c >= 0 && c < UI_KEYCODES)
		km->op[c] = (unsigned char)op;
}

void
ui_keys_default(struct ui_keymap *km)
{
	int	 codes[NAME_CODES];
	size_t	 i, j, n;
	char	 name[16];

	memset(km, 0, sizeof *km);
	for (i = 0; i < ui_nops; i++) {
		const char *p = ui_ops[i].keys, *e;

		while (*p != '\0') {
			e = strchr(p, ' ');
			if (e == NULL)
				e = p + strlen(p);
			if ((size_t)(e - p) < sizeof name) {
				memcpy(name, p, (size_t)(e - p));
				name[e - p] = '\0';
				n = key_codes(name, codes);
				for (j = 0; j < n; j++)
					set_code(km, codes[j], ui_ops[i].op);
			}
			p = *e == ' ' ? e + 1 : e;
		}
	}
	/* Curses reports a resize as a key; it is never rebindable. */
	set_code(km, KEY_RESIZE, OP_NONE);
}

enum ui_op
ui_keys_op(const struct ui_keymap *km, int c)
{
	if (c < 0 || c >= UI_KEYCODES)
		return OP_NONE;
	return (enum ui_op)km->op[c];
}

/* The codes of key and the operation of action ("none": OP_NONE);
 * returns how many codes, or 0 with eb set. */
static size_t
parse_bind(const char *key, const char *action, int codes[NAME_CODES],
    enum ui_op *op, struct errbuf *eb)
{
	size_t	 i, n;

	*op = OP_NONE;
	if ((n = key_codes(key, codes)) == 0) {
		errbuf_set(eb, "unknown key \"%.40s\" (a character, ^X, F1-F12 "
		    "or a name like ENTER, TAB, SPACE, PAGEDOWN)", key);
		return 0;
	}
	if (strcmp(action, "none") == 0)
		return n;
	for (i = 0; i < ui_nops; i++)
		if (strcmp(action, ui_ops[i].name) == 0)
			*op = ui_ops[i].op;
	if (*op == OP_NONE) {
		errbuf_set(eb, "unknown action \"%.40s\" (see the help screen, "
		    "?)", action);
		return 0;
	}
	return n;
}

int
ui_keys_check(const char *key, const char *action, struct errbuf *eb)
{
	int	 codes[NAME_CODES];
	enum ui_op op;

	return parse_bind(key, action, codes, &op, eb) == 0 ? -1 : 0;
}

int
ui_keys_bind(struct ui_keymap *km, const char *key, const char *action,
    struct errbuf *eb)
{
	int	 codes[NAME_CODES];
	size_t	 i, n;
	enum ui_op op;

	if ((n = parse_bind(key, action, codes, &op, eb)) == 0)
		return -1;
	for (i = 0; i < n; i++)
		set_code(km, codes[i], op);
	return 0;
}

/* The name of code c, for the help screen. */
static void
code_name(int c, char out[16])
{
	size_t	 i;
	int	 f;

	for (i = 0; i < sizeof key_names / sizeof key_names[0]; i++)
		if (key_names[i].codes[0] == c) {
			memcpy(out, key_names[i].name,
			    strlen(key_names[i].name) + 1);
			return;
		}
	for (f = 1; f <= 12; f++)
		if (c == KEY_F(f)) {
			snprintf(out, 16, "F%d", f);
			return;
		}
	if (c > ' ' && c < 0x7f) {
		out[0] = (char)c;
		out[1] = '\0';
	} else if (c >= CTRL('a') && c <= CTRL('z')) {
		out[0] = '^';
		out[1] = (char)('A' + c - 1);
		out[2] = '\0';
	} else
		out[0] = '\0';
}

enum buf_result
ui_keys_describe(const struct ui_keymap *km, enum ui_op op, struct buf *out)
{
	char	 name[16];
	int	 c, first = 1;
	size_t	 i;
	enum buf_result r = BUF_OK;

	for (c = 0; c < UI_KEYCODES && r == BUF_OK; c++) {
		if (km->op[c] != op)
			continue;
		/* A name standing for several codes is listed once, by its
		 * first code: the others are aliases. */
		for (i = 0; i < sizeof key_names / sizeof key_names[0]; i++)
			if (key_names[i].codes[0] != c &&
			    (key_names[i].codes[1] == c ||
			    key_names[i].codes[2] == c) &&
			    km->op[key_names[i].codes[0]] == op)
				break;
		if (i < sizeof key_names / sizeof key_names[0])
			continue;
		code_name(c, name);
		if (name[0] == '\0')
			continue;
		if (!first)
			r = buf_puts(out, ", ");
		if (r == BUF_OK)
			r = buf_puts(out, name);
		first = 0;
	}
	return r;
}
