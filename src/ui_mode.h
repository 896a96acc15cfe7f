/*
 * ui_mode: a screen of the reader as a table of callbacks (tmux's
 * window_mode), and the stack of screens that the event loop drives.
 *
 * Each screen (ui_feeds.c, ui_headlines.c, ui_article.c, ui_help.c) is
 * one const struct ui_mode and a private data struct; the loop draws the
 * top mode and hands it the keys.  Screens never call each other's
 * functions: a screen opens another by pushing its mode with a message
 * saying what to show, goes back by popping itself, and asks or tells
 * the screens below through ui_mode_send() (a feed's title, "the store
 * changed", a page that has arrived).  Popping the last mode ends the
 * reader: "q goes back, quits at the top".
 *
 * Ownership: the stack owns each mode's data from a successful open
 * until the mode is popped (mode->free) or the reader ends
 * (ui_mode_clear()).  A message's strings are borrowed for the call; an
 * article in a message is taken by the mode that sets msg->article to
 * NULL, and otherwise stays the sender's to free.
 */
#ifndef BYLINE_UI_MODE_H
#define BYLINE_UI_MODE_H

#include <stdint.h>

#include "article.h"
#include "ui_keys.h"
#include "util.h"

struct ui;

enum ui_msg_kind {
	/* Openings, for ui_mode_push(). */
	UI_MSG_NONE = 0,
	UI_MSG_FEED,		/* headlines: feed_id's items, text: title */
	UI_MSG_SEARCH,		/* headlines: search all feeds for text */
	UI_MSG_DIR,		/* headlines: saved pages of directory text */
	UI_MSG_ITEM,		/* article: store item item_id */
	UI_MSG_TARGET,		/* article: path, file: or http(s) URL text,
				 * base_url for a path, item_id or 0 */
	UI_MSG_ARTICLE,		/* article: article, shown as text (a URL),
				 * item_id or 0; also sent when a page has
				 * arrived */
	UI_MSG_QUERY,		/* headlines: the stored items of filter
				 * expression base_url, text: title */
	UI_MSG_ERRORS,		/* pick: the config's bad lines and the
				 * feeds' last errors */
	UI_MSG_TAGS,		/* pick: the configured tags */
	UI_MSG_URLS,		/* pick: article's links (borrowed) */
	/* Questions and news, for ui_mode_send(). */
	UI_MSG_FEED_TITLE,	/* feed_id's title: answered in answer */
	UI_MSG_ITEM_BY_LINK,	/* the listed store item whose page is text:
				 * answered in item_id */
	UI_MSG_RESUME,		/* the mode is on top again (a pop) */
	UI_MSG_RELOADED,	/* a reload finished: lists read the store
				 * again; every mode sees it */
	UI_MSG_TAG,		/* the feed list: only feeds tagged text
				 * (NULL: all) */
	UI_MSG_RELATED		/* the stored items about item_id, looked
				 * up off the UI thread: items, nitems
				 * (taken by setting items to NULL) */
};

struct ui_msg {
	enum ui_msg_kind kind;
	const char	*text;
	const char	*base_url;
	int64_t		 feed_id;
	int64_t		 item_id;
	struct article	*article;
	struct store_item *items;	/* UI_MSG_RELATED */
	size_t		 nitems;
	const char	*answer;	/* borrowed until the stack changes */
	int		 done;		/* set by the mode that acted on it */
};

struct ui_mode {
	const char	*name;
	/* Makes the mode's data for msg (NULL for a mode that needs
	 * nothing: the feed list, help); 0, or -1 with eb set and nothing
	 * left allocated. */
	int	 (*open)(struct ui *, const struct ui_msg *msg, void **data,
		    struct errbuf *eb);
	/* Draws the body and the bars from state (ui_put(),
	 * ui_draw_bars()). */
	void	 (*draw)(struct ui *, void *data);
	void	 (*key)(struct ui *, void *data, enum ui_op);
	/* The terminal changed size; NULL: draw copes. */
	void	 (*resize)(struct ui *, void *data);
	/* Work for an idle moment (when no key waits), top mode only:
	 * idle_pending() says whether there is some, idle() does one piece
	 * and returns 1 when the screen needs a redraw.  NULL: none. */
	int	 (*idle_pending)(const struct ui *, const void *data);
	int	 (*idle)(struct ui *, void *data);
	/* A message from another screen or the network; returns 1 when it
	 * was taken (answered), which ends its way down the stack.  NULL:
	 * the mode takes none. */
	int	 (*message)(struct ui *, void *data, struct ui_msg *);
	void	 (*free)(void *data);
};

/* The screens.  Only ui_start.c names their tables: it fills struct
 * ui's screens[] at start, and a screen opens another through it
 * (u->screens[UI_SCREEN_ARTICLE]), so that no screen links against
 * another. */
enum ui_screen {
	UI_SCREEN_FEEDS = 0,
	UI_SCREEN_HEADLINES,
	UI_SCREEN_ARTICLE,
	UI_SCREEN_HELP,
	UI_SCREEN_PICK,
	UI_SCREEN_COUNT
};

extern const struct ui_mode ui_feeds_mode;
extern const struct ui_mode ui_headlines_mode;
extern const struct ui_mode ui_article_mode;
extern const struct ui_mode ui_help_mode;
extern const struct ui_mode ui_pick_mode;

/* One entry of the stack. */
struct ui_mode_entry {
	const struct ui_mode *mode;
	void		*data;
};

/* Opens mode with msg and puts it on top; 0, or -1 with eb set and the
 * stack unchanged (a full stack is an error too). */
/* ui_mode_push() of the screen id (u->screens[id]). */
int	 ui_screen_push(struct ui *, enum ui_screen id, const struct ui_msg *,
	    struct errbuf *);
int	 ui_mode_push(struct ui *, const struct ui_mode *,
	    const struct ui_msg *msg, struct errbuf *eb) WARN_UNUSED;
/* Frees the top mode; the one below gets UI_MSG_RESUME, and an empty
 * stack ends the reader.  A mode popping itself from its own callback
 * must not touch its data afterwards. */
void	 ui_mode_pop(struct ui *);
/* Frees every mode, top first. */
void	 ui_mode_clear(struct ui *);
/* The top entry, or NULL when the stack is empty. */
struct ui_mode_entry *ui_mode_top(struct ui *);
/* Hands a key's operation to the top mode. */
void	 ui_mode_key(struct ui *, enum ui_op);
/* Sends msg down the stack from the top until a mode takes it; returns
 * 1 when one did. */
int	 ui_mode_send(struct ui *, struct ui_msg *msg);
/* The title of feed id, asked of the screens (NULL: none knows it);
 * borrowed until the stack changes. */
const char	*ui_mode_feed_title(struct ui *, int64_t id);

#endif
