/*
 * ui: the interactive reader (ncursesw).  Screens: the feed list, a
 * headline list (a feed's items, a search's results or a directory's
 * saved pages), the article view with its related links and history,
 * and the help screen generated from the key table.  A title bar on top,
 * a status bar (place, counts, work in the background) and a message
 * line below.
 *
 * Each screen is a mode on a stack (ui_mode.h).  Everything drawn is
 * redrawn from state on each change and on KEY_RESIZE; every string from
 * a feed or page goes through layout_fit() or the layout
 * (utf8_sanitize()) before curses sees it.  Only ui_main.c calls curses:
 * the screens draw with ui_put() and ui_draw_bars().  Shared state lives
 * in struct ui (curses itself is global).  Errors never leave the
 * screen: they go to the message line.
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
#include "ui_mode.h"

/* What the reader is started on (cmd_tui() fills it from the command
 * line); the strings are borrowed for the call. */
struct ui_setup {
	const char	*config;	/* feeds.conf, or NULL (XDG) */
	const char	*db;		/* cache database, or NULL (XDG) */
	const char	*base_url;	/* for a PATH, or NULL */
	const char	*target;	/* PATH, DIR or URL; NULL: the feeds */
	int		 demo;		/* the bundled demo */
	int		 color;		/* 0 when NO_COLOR is set */
};

struct ui_net;

/* The state the screens share; each screen's own lives in its mode's
 * data (ui_mode.h). */
struct ui {
	int		 color;
	int		 done;
	struct ui_keymap keys;
	const char	*place;		/* "Your feeds", "Demo", a path */
	struct store	*store;		/* or NULL: no feeds (files only) */
	struct conf	*conf;		/* or NULL */
	struct ui_net	*net;		/* or NULL: offline */
	const char	*browser;	/* or NULL: $BROWSER */
	const struct ui_mode *screens[UI_SCREEN_COUNT]; /* ui_start.c's */
	time_t		 next_reload;	/* reload-interval's clock; 0: off */
	int		 last_key;	/* the key of the operation at hand */

	struct ui_mode_entry modes[UI_MODES_MAX];
	size_t		 nmodes;	/* modes[nmodes - 1] is shown */

	char		 msg[ERRBUF_BYTES];	/* message line */
	int		 msg_error;
};

/* ui_start.c: returns the exit status. */
int	 ui_start(const struct ui_setup *, FILE *err);

/* ui_conf.c.  The settings changed (:set, a macro): keys, browser,
 * reload clock. */
void	 ui_conf_applied(struct ui *);
/* The keymap from the defaults and c's binds (checked when read). */
void	 ui_conf_binds(struct ui *, const struct conf *c);
/* Starts the interval's reload when it is due; the ms until the next
 * one (-1: none). */
int	 ui_reload_tick(struct ui *);
/* The configured feeds the store has not seen yet; 0, or -1 with eb. */
int	 ui_conf_ensure_feeds(struct store *, const struct conf *c,
	    struct errbuf *eb);
/* Says how many config lines were bad, and where to read them. */
void	 ui_conf_warn(struct ui *);

/* ui_main.c: E: feeds.conf in $VISUAL or $EDITOR, then read again. */
void	 ui_edit_feeds(struct ui *);

/* ui_file.c: reads and extracts a saved page or text copy into a new
 * article; a NULL base_url means the file's own file:// place.  0, or -1
 * with eb set to "PATH: why". */
int	 ui_file_load(const char *path, const char *base_url,
	    struct article **out, struct errbuf *eb);

/* ui_main.c */
int	 ui_run(struct ui *);

/*
 * The filter of a list: a query's expression and F's (either may be
 * NULL), less the items of every ignore-article line.  Returns 1 when
 * there is none (every item), 0 with out filled (filter_release() it),
 * or -1 with eb set to "WHAT: column N: why".
 */
struct filter;
int	 ui_filter_compose(struct ui *, const char *expr, const char *filter,
	    struct filter *out, struct errbuf *eb);
/* The signal (SIGHUP, SIGINT, SIGTERM) that ended ui_run(), or 0. */
int	 ui_signal(void);
void	 ui_init(struct ui *);
void	 ui_release(struct ui *);
/* Reads a line at the message line; NULL when cancelled.  Caller
 * frees. */
char	*ui_prompt(struct ui *, const char *label);
/* The same with initial text already typed (NULL: none). */
char	*ui_prompt_default(struct ui *, const char *label,
	    const char *initial);
/* Lines available between the bars, and the terminal's columns. */
int	 ui_body_lines(void);
size_t	 ui_cols(void);
/* Draws s at row y from column x, fitted to cols, with attributes. */
void	 ui_put(int y, int x, const char *s, size_t cols, int attr);
int	 ui_attr(struct ui *, int kind);
void	 ui_draw_bars(struct ui *, const char *title, const char *status);
/* A number typed in a list: "Go to: N", then the cursor is on entry N
 * (newsboat's). */
void	 ui_list_goto(struct ui *, size_t n, size_t *cur, size_t *top);
/* Moves a cursor in a list of n by op; returns 1 when handled. */
int	 ui_list_move(enum ui_op, size_t n, size_t *cur, size_t *top);
/* Opens url with the browser setting, $BROWSER or xdg-open, as newsboat
 * does (launch.h); failures go to the message line.  A file: url only
 * when local_ok: it is the local file the article was read from. */
void	 ui_open_browser(struct ui *, const char *url, int local_ok);
/* Runs a shell command with the terminal handed over, data (may be
 * NULL) on its input (launch_run()). */
int	 ui_run_command(struct ui *, const char *cmd, const char *data,
	    size_t n, struct errbuf *eb) WARN_UNUSED;

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
	UI_ROLE_PLAIN,		/* a list line */
	UI_ROLE_TITLEBAR,
	UI_ROLE_SELECTED_UNREAD,
	UI_ROLE_TEXT,		/* the article's text */
	UI_ROLE_COUNT
};

/* ui_color.c: the roles' attributes from the defaults and the settings'
 * color lines; after initscr() and whenever the settings are read. */
void	 ui_color_apply(struct ui *);

/* ui_mode.c: puts a message on the message line. */
void	 ui_message(struct ui *, int error, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));

/* ui_net.c: the fetcher driven from the event loop.  What it has to tell
 * the screens (a page arrived, a reload ended) goes through
 * ui_mode_send(). */
struct ui_net	*ui_net_new(struct ui *);
void		 ui_net_free(struct ui_net *);
/* Reloads feed_id (0: all feeds) in the background. */
int	 ui_net_reload(struct ui_net *, int64_t feed_id);
/* Fetches a page; when it is extracted, it is sent to the screens as
 * UI_MSG_ARTICLE (the article view takes it). */
int	 ui_net_page(struct ui_net *, const char *url, int64_t item_id);
/* Moves transfers on; returns 1 when the screen needs a redraw. */
/* Asks for the stored items about item_id (at most max) off the UI
 * thread: they come as UI_MSG_RELATED.  -1 when that cannot be (the
 * caller then looks them up itself). */
int	 ui_net_related(struct ui_net *, int64_t item_id, size_t max);
int	 ui_net_step(struct ui_net *);
size_t	 ui_net_pending(const struct ui_net *);
/* "reloading 3/12" or NULL when idle. */
const char	*ui_net_progress(struct ui_net *);

#endif
