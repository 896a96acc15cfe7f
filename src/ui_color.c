/*
 * ui_color: the attribute of each role the screens draw with (ui_attr()),
 * from byline's defaults and the settings file's newsboat "color ELEMENT
 * FG [BG [ATTR...]]" lines, which conf.c checked when it read them.
 *
 * newsboat's elements and the roles they colour:
 *   listnormal		a list line (UI_ROLE_PLAIN)
 *   listnormal_unread	an unread list line (UI_ROLE_UNREAD)
 *   listfocus		the line under the cursor (UI_ROLE_SELECTED)
 *   listfocus_unread	the same, unread (UI_ROLE_SELECTED_UNREAD)
 *   info		the status bar, and the title bar unless "title" is
 *			given (UI_ROLE_BAR, UI_ROLE_TITLEBAR)
 *   title		the title bar (UI_ROLE_TITLEBAR)
 *   article		the article's text (UI_ROLE_TEXT)
 *   background		the screen's background (bkgd())
 * The hint-* and end-of-text-marker elements have nothing to colour in
 * byline: accepted and left alone.  A later line for an element wins.
 * Without colours (NO_COLOR, a terminal that has none) every role keeps
 * its monochrome attribute and colour lines are not applied.
 */
#include <stdlib.h>
#include <string.h>
#include <curses.h>

#include "ui.h"

/* The roles' attributes, filled by ui_color_apply(). */
static int	 role_attr[UI_ROLE_COUNT];
static int	 role_set;

/* Colour pairs: byline's own first, then one a color line. */
enum {
	PAIR_BAR = 1,
	PAIR_TITLE,
	PAIR_SECTION,
	PAIR_LINK,
	PAIR_META,
	PAIR_ERROR,
	PAIR_FIRST_FREE
};

static const struct {
	const char	*name;
	short		 color;
} color_names[] = {
	{ "black", COLOR_BLACK }, { "blue", COLOR_BLUE },
	{ "cyan", COLOR_CYAN }, { "default", -1 },
	{ "green", COLOR_GREEN }, { "magenta", COLOR_MAGENTA },
	{ "red", COLOR_RED }, { "white", COLOR_WHITE },
	{ "yellow", COLOR_YELLOW }
};

static const struct {
	const char	*name;
	int		 attr;
} attr_names[] = {
	{ "blink", A_BLINK }, { "bold", A_BOLD }, { "dim", A_DIM },
	{ "invis", A_INVIS }, { "protect", A_PROTECT },
	{ "reverse", A_REVERSE }, { "standout", A_STANDOUT },
	{ "underline", A_UNDERLINE }
};

/* The roles an element colours (-1 ends); background is apart. */
static const struct {
	const char	*element;
	int		 roles[3];
} element_roles[] = {
	{ "article", { UI_ROLE_TEXT, -1 } },
	{ "info", { UI_ROLE_BAR, UI_ROLE_TITLEBAR, -1 } },
	{ "listfocus", { UI_ROLE_SELECTED, -1 } },
	{ "listfocus_unread", { UI_ROLE_SELECTED_UNREAD, -1 } },
	{ "listnormal", { UI_ROLE_PLAIN, -1 } },
	{ "listnormal_unread", { UI_ROLE_UNREAD, -1 } },
	{ "title", { UI_ROLE_TITLEBAR, -1 } }
};

/* A colour name or colorN: its number (-1: the terminal's own). */
static short
color_of(const char *s)
{
	size_t	 i;
	long	 n;

	for (i = 0; i < sizeof color_names / sizeof color_names[0]; i++)
		if (strcmp(s, color_names[i].name) == 0)
			return color_names[i].color;
	/* colorN, checked by conf.c; beyond the terminal's: its own */
	n = strncmp(s, "color", 5) == 0 ? strtol(s + 5, NULL, 10) : -1;
	return n >= 0 && n < COLORS ? (short)n : -1;
}

/* The attribute of "FG [BG [ATTR...]]" on pair number pair. */
static int
attr_of(const char *value, short pair)
{
	char	 word[32];
	const char *p = value;
	short	 fg = -1, bg = -1;
	int	 attr = A_NORMAL, k = 0;
	size_t	 i, n;

	while (*p != '\0') {
		n = strcspn(p, " ");
		if (n < sizeof word) {
			memcpy(word, p, n);
			word[n] = '\0';
			if (k == 0)
				fg = color_of(word);
			else if (k == 1)
				bg = color_of(word);
			for (i = 0; k >= 2 &&
			    i < sizeof attr_names / sizeof attr_names[0]; i++)
				if (strcmp(word, attr_names[i].name) == 0)
					attr |= attr_names[i].attr;
		}
		k++;
		p += n;
		p += *p == ' ';
	}
	if (pair >= COLOR_PAIRS || init_pair(pair, fg, bg) == ERR)
		return attr;
	return attr | (int)COLOR_PAIR(pair);
}

/* byline's own attributes, with colours (c) or without. */
static void
defaults(int c)
{
	role_attr[UI_ROLE_BAR] = c ? (int)(COLOR_PAIR(PAIR_BAR) | A_BOLD) :
	    A_REVERSE;
	role_attr[UI_ROLE_TITLEBAR] = role_attr[UI_ROLE_BAR];
	role_attr[UI_ROLE_SELECTED] = A_REVERSE;
	role_attr[UI_ROLE_SELECTED_UNREAD] = A_REVERSE | A_BOLD;
	role_attr[UI_ROLE_UNREAD] = A_BOLD;
	role_attr[UI_ROLE_TITLE] = A_BOLD | (c ? COLOR_PAIR(PAIR_TITLE) : 0);
	role_attr[UI_ROLE_HEADING] = A_BOLD;
	role_attr[UI_ROLE_META] = c ? (int)COLOR_PAIR(PAIR_META) : A_DIM;
	role_attr[UI_ROLE_QUOTE] = c ? (int)COLOR_PAIR(PAIR_META) : A_NORMAL;
	role_attr[UI_ROLE_SECTION] = A_BOLD | (c ? COLOR_PAIR(PAIR_SECTION) :
	    A_UNDERLINE);
	role_attr[UI_ROLE_LINK] = c ? (int)COLOR_PAIR(PAIR_LINK) : A_UNDERLINE;
	role_attr[UI_ROLE_ERROR] = A_BOLD | (c ? COLOR_PAIR(PAIR_ERROR) : 0);
	role_attr[UI_ROLE_PLAIN] = A_NORMAL;
	role_attr[UI_ROLE_TEXT] = A_NORMAL;
}

void
ui_color_apply(struct ui *u)
{
	const struct conf *cf = u->conf;
	short	 pair = PAIR_FIRST_FREE;
	size_t	 i, j, r;
	int	 c, a, title = 0;

	c = u->color && has_colors() && start_color() != ERR;
	role_set = 1;
	defaults(c);
	bkgd(A_NORMAL);
	if (!c)
		return;
	/* -1: the terminal's own foreground or background. */
	use_default_colors();
	init_pair(PAIR_BAR, COLOR_WHITE, COLOR_BLUE);
	init_pair(PAIR_TITLE, COLOR_YELLOW, -1);
	init_pair(PAIR_SECTION, COLOR_CYAN, -1);
	init_pair(PAIR_LINK, COLOR_CYAN, -1);
	init_pair(PAIR_META, COLOR_GREEN, -1);
	init_pair(PAIR_ERROR, COLOR_RED, -1);
	for (i = 0; cf != NULL && i < cf->ncolors; i++) {
		const char *el = cf->colors[i].key;

		if (strcmp(el, "background") == 0) {
			bkgd((chtype)attr_of(cf->colors[i].value, pair++));
			continue;
		}
		for (j = 0; j < sizeof element_roles / sizeof element_roles[0];
		    j++)
			if (strcmp(el, element_roles[j].element) == 0)
				break;
		if (j == sizeof element_roles / sizeof element_roles[0])
			continue;	/* hint-*, end-of-text-marker */
		a = attr_of(cf->colors[i].value, pair++);
		for (r = 0; r < 3 && element_roles[j].roles[r] != -1; r++) {
			/* info colours the title bar only without "title" */
			if (element_roles[j].roles[r] == UI_ROLE_TITLEBAR &&
			    strcmp(el, "info") == 0 && title)
				continue;
			role_attr[element_roles[j].roles[r]] = a;
		}
		title |= strcmp(el, "title") == 0;
	}
}

int
ui_attr(struct ui *u, int role)
{
	(void)u;
	if (!role_set)
		defaults(0);
	role_set = 1;
	return role >= 0 && role < UI_ROLE_COUNT ? role_attr[role] :
	    (int)A_NORMAL;
}
