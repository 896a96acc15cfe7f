/*
 * ui_keys: the reader's key table as data (mutt's OPS and functions.h):
 * each operation has a name (what "bind KEY ACTION" in the config file
 * names), its default keys and a help line.  The keymap, the "bind"
 * command, the help screen and the man page's key list all come from
 * ui_ops[].
 *
 * A keymap is a plain array from key code to operation, caller-held, no
 * allocation.  ui_keys_bind() returns 0, or -1 with eb set to "why"
 * (the caller prefixes "FILE:LINE: "), the keymap unchanged.
 */
#ifndef BYLINE_UI_KEYS_H
#define BYLINE_UI_KEYS_H

#include <stddef.h>

#include "util.h"

enum ui_op {
	OP_NONE = 0,
	OP_DOWN,
	OP_UP,
	OP_OPEN,
	OP_QUIT,
	OP_RELOAD,
	OP_RELOAD_ALL,
	OP_NEXT_UNREAD,
	OP_TOGGLE_READ,
	OP_STAR,
	OP_MARK_FEED_READ,
	OP_SEARCH,
	OP_BROWSER,
	OP_PAGE_DOWN,
	OP_PAGE_UP,
	OP_TOP,
	OP_BOTTOM,
	OP_NEXT_LINK,
	OP_PREV_LINK,
	OP_BACK,
	OP_HELP,
	OP_REDRAW,
	/* newsboat's, by habit (issue 15) */
	OP_NEXT,
	OP_PREV,
	OP_PREV_UNREAD,
	OP_MARK_ALL_READ,
	OP_SHOW_URLS,
	OP_GOTO_LINK,
	OP_EDIT_URLS,
	OP_CMDLINE,
	OP_SAVE,
	OP_PIPE,
	OP_MACRO,
	OP_SET_TAG,
	OP_CLEAR_TAG,
	OP_SET_FILTER,
	OP_ERROR_LOG,
	OP_COUNT
};

struct ui_op_info {
	enum ui_op	 op;
	const char	*name;		/* for bind: "next-unread" */
	const char	*keys;		/* default keys, space-separated names */
	const char	*help;
};

/* Every operation, in help-screen order; OP_COUNT - 1 entries. */
extern const struct ui_op_info ui_ops[];
extern const size_t ui_nops;

/* Key codes a keymap covers: curses codes end below this (KEY_MAX). */
#define UI_KEYCODES	1024

struct ui_keymap {
	unsigned char	 op[UI_KEYCODES];	/* enum ui_op */
};

/* Fills km with the default bindings. */
void	 ui_keys_default(struct ui_keymap *km);
/* The operation bound to key code c (OP_NONE if none). */
enum ui_op ui_keys_op(const struct ui_keymap *km, int c);
/* Binds the key named key ("j", "^L", "ENTER", "F5") to the operation
 * named action, or unbinds it when action is "none". */
int	 ui_keys_bind(struct ui_keymap *km, const char *key,
	    const char *action, struct errbuf *eb) WARN_UNUSED;
/* Checks a bind without applying it (conf's check_bind): 0, or -1 with
 * eb set to why, as ui_keys_bind(). */
int	 ui_keys_check(const char *key, const char *action,
	    struct errbuf *eb) WARN_UNUSED;
/* Appends the names of the keys bound to op, ", "-separated, to out
 * (BUF_TOOBIG/BUF_NOMEM as buf_*). */
enum buf_result	ui_keys_describe(const struct ui_keymap *km, enum ui_op op,
	    struct buf *out) WARN_UNUSED;

#endif
