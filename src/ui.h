/*
 * ui: the interactive reader (ncursesw).  Screens: the feed list, a
 * headline list (a feed's items, a search's results or a directory's
 * saved pages), the article view with its related links and history,
 * and the help screen generated from the key table.  A title bar on top,
 * a status bar (place, counts, work in the background) and a message
 * line below.
 *
 * Everything drawn is redrawn from struct ui on each change and on
 * KEY_RESIZE; every string from a feed or page goes through
 * layout_fit() or the layout (utf8_sanitize()) before curses sees it.
 * Only ui_*.c call curses.  State lives in struct ui (curses itself is
 * global).  Errors never leave the screen: they go to the message line.
 *
 * ui_run() owns the terminal from initscr() to endwin() and restores it
 * on every return; it takes ownership of nothing in the setup.
 */
#ifndef BYLINE_UI_H
#define BYLINE_UI_H

#include <stdint.h>
#include <stdio.h>
#include <time.h>

#include "article.h"
#include "conf.h"
#include "layout.h"
#include "store.h"
#include "ui_keys.h"

enum ui_screen {
	UI_FEEDS = 0,
	UI_HEADLINES,
	UI_ARTICLE,
	UI_HELP
};

struct ui_feed {
	int64_t		 id;
	char		*title;
	char		*tags;		/* ", "-separated, or NULL */
	int64_t		 unread, total;
};

struct ui_item {
	int64_t		 id;		/* in the store, or 0 */
	int64_t		 feed_id;
	char		*title;
	char		*source;	/* feed title or site, or NULL */
	char		*link;		/* page URL, or NULL */
	char		*path;		/* saved file (directory mode), or NULL */
	time_t		 time;		/* 0: none */
	int		 read, starred;
	int		 stored;	/* its whole story is in the store */
};

/* One article on the history: what is shown and where the reader was. */
struct ui_view {
	struct article	*a;
	char		*where;		/* path or URL, for messages */
	int64_t		 item_id;	/* 0: not from the store */
	struct layout	 lay;
	size_t		 lay_width;	/* width lay was made for */
	size_t		 top;		/* first line shown */
	long		 sel;		/* selected target, or -1 */
	struct store_item *rel;		/* store articles on the same thing */
	size_t		 nrel;
	/* Work left for an idle moment, so that the article is on the
	 * screen first: the "more on this" query, the page's fetch. */
	int		 rel_pending;
	char		*fetch_url;	/* or NULL */
};

struct ui_net;

struct ui {
	enum ui_screen	 screen;
	enum ui_screen	 help_from;
	int		 color;
	int		 done;
	int		 single;	/* opened on one article: q quits */
	struct ui_keymap keys;
	const char	*place;		/* "Your feeds", "Demo", a path */
	struct store	*store;		/* or NULL: no feeds (files only) */
	struct conf	*conf;		/* or NULL */
	struct ui_net	*net;		/* or NULL: offline */
	const char	*browser;	/* or NULL: $BROWSER */

	struct ui_feed	*feeds;
	size_t		 nfeeds, feed_cur, feed_top;

	struct ui_item	*items;
	size_t		 nitems, item_cur, item_top;
	char		*items_title;
	int64_t		 items_feed;	/* feed shown, 0: all or search */
	int		 items_search;	/* items are search results */
	int		 items_only;	/* no feed list above (directory) */

	struct ui_view	*hist[UI_HISTORY_MAX];
	size_t		 nhist;		/* hist[nhist - 1] is shown */

	size_t		 help_top;
	char		 msg[ERRBUF_BYTES];	/* message line */
	int		 msg_error;
};

/* ui_start.c: the modes of cmd_tui(); returns the exit status. */
struct options;
int	 ui_start(const struct options *, const char *target, int demo,
	    FILE *err);

/* ui_main.c */
int	 ui_run(struct ui *);
/* The signal (SIGHUP, SIGINT, SIGTERM) that ended ui_run(), or 0. */
int	 ui_signal(void);
void	 ui_init(struct ui *);
void	 ui_release(struct ui *);
void	 ui_message(struct ui *, int error, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
/* Reads a line at the message line; NULL when cancelled.  Caller
 * frees. */
char	*ui_prompt(struct ui *, const char *label);
/* Lines available between the bars. */
int	 ui_body_lines(void);
/* Draws s at row y from column x, fitted to cols, with attributes. */
void	 ui_put(int y, int x, const char *s, size_t cols, int attr);
int	 ui_attr(struct ui *, int kind);
void	 ui_draw_bars(struct ui *, const char *title, const char *status);
/* Moves a cursor in a list of n by op; returns 1 when handled. */
int	 ui_list_move(enum ui_op, size_t n, size_t *cur, size_t *top);
void	 ui_open_browser(struct ui *, const char *url);

/* Attributes by role, for ui_attr(). */
enum ui_role {
	UI_ROLE_BAR = 0,
	UI_ROLE_SELECTED,
	UI_ROLE_UNREAD,
	UI_ROLE_TITLE,
	UI_ROLE_HEADING,
	UI_ROLE_META,
	UI_ROLE_QUOTE,
	UI_ROLE_SECTION,
	UI_ROLE_LINK,
	UI_ROLE_ERROR,
	UI_ROLE_PLAIN
};

/* ui_feeds.c */
int	 ui_feeds_load(struct ui *);
void	 ui_feeds_draw(struct ui *);
void	 ui_feeds_key(struct ui *, enum ui_op);

/* ui_headlines.c */
void	 ui_items_clear(struct ui *);
int	 ui_headlines_load(struct ui *, int64_t feed_id, const char *title);
int	 ui_headlines_search(struct ui *, const char *query);
int	 ui_headlines_dir(struct ui *, const char *dir, struct errbuf *eb);
void	 ui_headlines_draw(struct ui *);
void	 ui_headlines_key(struct ui *, enum ui_op);

/* ui_article.c */
/* Shows a (taken over: freed on failure too) as a new history entry. */
int	 ui_article_push(struct ui *, struct article *a, const char *where,
	    int64_t item_id);
/* Opens a store item: saved text, else its page (local or fetched),
 * else the feed's content. */
int	 ui_article_open_item(struct ui *, int64_t item_id);
/* Opens a saved file or file: URL (offline), or fetches an http(s) URL. */
int	 ui_article_open_target(struct ui *, const char *target,
	    int64_t item_id, struct errbuf *eb);
void	 ui_article_draw(struct ui *);
void	 ui_article_key(struct ui *, enum ui_op);
void	 ui_view_free(struct ui_view *);
/* Is there work for an idle moment?  ui_article_idle() does it and
 * returns 1 when the screen needs a redraw. */
int	 ui_article_idle_pending(const struct ui *);
int	 ui_article_idle(struct ui *);
/* Reads and extracts a local file into a new article. */
int	 ui_article_load_file(const char *path, const char *base_url,
	    struct article **out, struct errbuf *eb);

/* ui_help.c */
void	 ui_help_draw(struct ui *);
void	 ui_help_key(struct ui *, enum ui_op);

/* ui_net.c: the fetcher driven from the event loop. */
struct ui_net	*ui_net_new(struct ui *);
void		 ui_net_free(struct ui_net *);
/* Reloads feed_id (0: all feeds) in the background. */
int	 ui_net_reload(struct ui_net *, int64_t feed_id);
/* Fetches a page; when it is extracted, it is pushed on the history. */
int	 ui_net_page(struct ui_net *, const char *url, int64_t item_id);
/* Moves transfers on; returns 1 when the screen needs a redraw. */
int	 ui_net_step(struct ui_net *);
size_t	 ui_net_pending(const struct ui_net *);
/* "reloading 3/12" or NULL when idle. */
const char	*ui_net_progress(struct ui_net *);

#endif
