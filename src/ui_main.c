/*
 * ui_main: the terminal's life cycle, the event loop, the bars, colours
 * and the prompt.  See ui.h.
 *
 * The loop draws the top mode of the stack (ui_mode.h) and hands it the
 * keys; it knows the screens only through their mode tables.  It waits
 * for a key with a timeout while transfers run (the fetcher is moved on
 * between keys, so nothing blocks) and without one when idle.  SIGWINCH
 * reaches us as KEY_RESIZE from curses; a resize tells every mode and
 * redraws from state.  This is the only file that calls curses.
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <curses.h>

#include "launch.h"
#include "ui.h"

/* Rows taken by the title bar, the status bar and the message line. */
#define BAR_ROWS	3

void
ui_init(struct ui *u)
{
	memset(u, 0, sizeof *u);
	ui_keys_default(&u->keys);
}

void
ui_release(struct ui *u)
{
	ui_mode_clear(u);
}

int
ui_body_lines(void)
{
	return LINES > BAR_ROWS ? LINES - BAR_ROWS : 1;
}

size_t
ui_cols(void)
{
	return COLS > 0 ? (size_t)COLS : 0;
}

void
ui_put(int y, int x, const char *s, size_t cols, int attr)
{
	struct buf b;

	if (y < 0 || y >= LINES || x >= COLS)
		return;
	buf_init(&b, LAYOUT_LINE_MAX_BYTES);
	if (layout_fit(&b, s, cols, 1) != (size_t)-1) {
		attrset(attr);
		mvaddstr(y, x, b.data);
		attrset(A_NORMAL);
	}
	buf_release(&b);
}

void
ui_draw_bars(struct ui *u, const char *title, const char *status)
{
	struct buf b;
	const char *prog = u->net != NULL ? ui_net_progress(u->net) : NULL;

	buf_init(&b, LAYOUT_LINE_MAX_BYTES);
	if (buf_printf(&b, "byline %s - %s", PACKAGE_VERSION, title) ==
	    BUF_OK)
		ui_put(0, 0, b.data, (size_t)COLS,
		    ui_attr(u, UI_ROLE_TITLEBAR));
	buf_reset(&b);
	if (buf_puts(&b, status) == BUF_OK && (prog == NULL ||
	    (buf_puts(&b, "  [") == BUF_OK && buf_puts(&b, prog) == BUF_OK &&
	    buf_puts(&b, "]") == BUF_OK)))
		ui_put(LINES - 2, 0, b.data, (size_t)COLS,
		    ui_attr(u, UI_ROLE_BAR));
	buf_release(&b);
	ui_put(LINES - 1, 0, u->msg, (size_t)COLS,
	    u->msg_error ? ui_attr(u, UI_ROLE_ERROR) : (int)A_NORMAL);
}

int
ui_list_move(enum ui_op op, size_t n, size_t *cur, size_t *top)
{
	size_t	 h = (size_t)ui_body_lines();

	if (n == 0)
		return op == OP_DOWN || op == OP_UP || op == OP_PAGE_DOWN ||
		    op == OP_PAGE_UP || op == OP_TOP || op == OP_BOTTOM;
	switch (op) {
	case OP_DOWN:
		if (*cur + 1 < n)
			(*cur)++;
		break;
	case OP_UP:
		if (*cur > 0)
			(*cur)--;
		break;
	case OP_PAGE_DOWN:
		*cur = *cur + h < n ? *cur + h : n - 1;
		break;
	case OP_PAGE_UP:
		*cur = *cur > h ? *cur - h : 0;
		break;
	case OP_TOP:
		*cur = 0;
		break;
	case OP_BOTTOM:
		*cur = n - 1;
		break;
	default:
		return 0;
	}
	if (*cur < *top)
		*top = *cur;
	if (*cur >= *top + h)
		*top = *cur - h + 1;
	return 1;
}

void
ui_list_goto(struct ui *u, size_t n, size_t *cur, size_t *top)
{
	char	 digit[2], *line, *end;
	long	 k;

	digit[0] = (char)u->last_key;
	digit[1] = '\0';
	if ((line = ui_prompt_default(u, "Go to: ", digit)) == NULL)
		return;
	k = strtol(line, &end, 10);
	if (end == line || *end != '\0' || k < 1 || (size_t)k > n)
		ui_message(u, 1, "no entry %s (1 to %zu)", line, n);
	else {
		*cur = (size_t)k - 1;
		if (*cur < *top || *cur >= *top + (size_t)ui_body_lines())
			*top = *cur;
	}
	free(line);
}

static void
draw(struct ui *u)
{
	struct ui_mode_entry *e = ui_mode_top(u);

	erase();
	if (e != NULL)
		e->mode->draw(u, e->data);
	refresh();
}

static void	 dispatch(struct ui *, enum ui_op);

/* Pushes the pick screen for kind (^E, t). */
static void
pick(struct ui *u, enum ui_msg_kind kind)
{
	struct ui_msg msg;
	struct errbuf eb;

	memset(&msg, 0, sizeof msg);
	msg.kind = kind;
	if (ui_screen_push(u, UI_SCREEN_PICK, &msg, &eb) == -1)
		ui_message(u, 1, "%s", eb.msg);
}

/* The operation named name, or OP_NONE. */
static enum ui_op
op_named(const char *name)
{
	size_t	 i;

	for (i = 0; i < ui_nops; i++)
		if (strcmp(ui_ops[i].name, name) == 0)
			return ui_ops[i].op;
	return OP_NONE;
}

/*
 * One command of the command line or a macro: "set KEY VALUE" (or any
 * settings line: "bind x quit"), "q"/"quit", "help", or an action's
 * name.  Returns 0, or -1 with the message line set.
 */
static int
command(struct ui *u, const char *cmd)
{
	struct errbuf eb;
	enum ui_op op;
	int	 rc;

	while (*cmd == ' ' || *cmd == ':')
		cmd++;
	if (*cmd == '\0')
		return 0;
	if (strncmp(cmd, "set ", 4) == 0 || strncmp(cmd, "bind ", 5) == 0 ||
	    strncmp(cmd, "unbind-key ", 11) == 0) {
		if (u->conf == NULL) {
			ui_message(u, 1, "no settings here");
			return -1;
		}
		rc = conf_set(u->conf, cmd[0] == 's' ? cmd + 4 : cmd, &eb);
		if (rc == -1) {
			ui_message(u, 1, "%s", eb.msg);
			return -1;
		}
		ui_conf_applied(u);
		return 0;
	}
	if (strcmp(cmd, "q") == 0 || strcmp(cmd, "quit") == 0) {
		u->done = 1;
		return 0;
	}
	if ((op = op_named(strcmp(cmd, "help") == 0 ? "help" : cmd)) ==
	    OP_NONE) {
		ui_message(u, 1, "%.60s: not a command (set KEY VALUE, quit, "
		    "or an action of the help screen)", cmd);
		return -1;
	}
	dispatch(u, op);
	return 0;
}

/* ",KEY": the commands of the macro bound to the next key. */
static void
macro(struct ui *u)
{
	const struct conf_directive *m = NULL;
	char	 key[2], *cmds, *p, *nl;
	size_t	 i;
	int	 c;

	ui_message(u, 0, "macro: press its key");
	draw(u);
	timeout(-1);
	c = getch();
	u->msg[0] = '\0';
	if (c < ' ' || c >= 0x7f) {
		ui_message(u, 0, "no macro");
		return;
	}
	key[0] = (char)c;
	key[1] = '\0';
	for (i = 0; u->conf != NULL && i < u->conf->nmacros; i++)
		if (strcmp(u->conf->macros[i].key, key) == 0)
			m = &u->conf->macros[i];
	if (m == NULL) {
		ui_message(u, 1, "no macro on \"%s\" (setting macro)", key);
		return;
	}
	/* A copy: a command may change the configuration. */
	if ((cmds = strdup(m->value)) == NULL)
		return;
	for (p = cmds; p != NULL && !u->done; p = nl) {
		if ((nl = strchr(p, '\n')) != NULL)
			*nl++ = '\0';
		if (command(u, p) == -1)
			break;
	}
	free(cmds);
}

/* Keys that mean the same on every screen. */
static int
global_key(struct ui *u, enum ui_op op)
{
	struct ui_msg msg;
	struct errbuf eb;
	char	*line;

	switch (op) {
	case OP_ERROR_LOG:
		pick(u, UI_MSG_ERRORS);
		return 1;
	case OP_SET_TAG:
		pick(u, UI_MSG_TAGS);
		return 1;
	case OP_CLEAR_TAG:
		memset(&msg, 0, sizeof msg);
		msg.kind = UI_MSG_TAG;
		(void)ui_mode_send(u, &msg);
		return 1;
	case OP_CMDLINE:
		if ((line = ui_prompt(u, ":")) != NULL)
			(void)command(u, line);
		free(line);
		return 1;
	case OP_MACRO:
		macro(u);
		return 1;
	case OP_MARK_ALL_READ:
		if (u->store == NULL)
			return 1;
		if (store_feed_mark_read(u->store, 0, &eb) == -1)
			ui_message(u, 1, "%s", eb.msg);
		else
			ui_message(u, 0, "every feed marked read");
		memset(&msg, 0, sizeof msg);
		msg.kind = UI_MSG_RELOADED;
		(void)ui_mode_send(u, &msg);
		return 1;
	case OP_EDIT_URLS:
		ui_edit_feeds(u);
		return 1;
	default:
		return 0;
	}
}

static void
dispatch(struct ui *u, enum ui_op op)
{
	struct ui_mode_entry *e = ui_mode_top(u);
	struct errbuf eb;

	if (op == OP_HELP && u->screens[UI_SCREEN_HELP] != NULL && e != NULL &&
	    e->mode != u->screens[UI_SCREEN_HELP]) {
		if (ui_screen_push(u, UI_SCREEN_HELP, NULL, &eb) == -1)
			ui_message(u, 1, "%s", eb.msg);
		return;
	}
	if (op == OP_REDRAW) {
		clearok(curscr, TRUE);
		return;
	}
	/* The error log closes itself with ^E. */
	if ((e == NULL || e->mode != u->screens[UI_SCREEN_PICK] ||
	    op != OP_ERROR_LOG) && global_key(u, op))
		return;
	ui_mode_key(u, op);
}

/* The terminal changed size: each mode hears of it, top or not. */
static void
resized(struct ui *u)
{
	size_t	 i;

	for (i = 0; i < u->nmodes; i++)
		if (u->modes[i].mode->resize != NULL)
			u->modes[i].mode->resize(u, u->modes[i].data);
}

/* Has the top mode work for an idle moment? */
static int
idle_pending(struct ui *u)
{
	struct ui_mode_entry *e = ui_mode_top(u);

	return e != NULL && e->mode->idle_pending != NULL &&
	    e->mode->idle_pending(u, e->data);
}

char *
ui_prompt(struct ui *u, const char *label)
{
	return ui_prompt_default(u, label, NULL);
}

char *
ui_prompt_default(struct ui *u, const char *label, const char *initial)
{
	struct buf line;
	int	 c;
	char	*out = NULL;

	buf_init(&line, UI_PROMPT_MAX_BYTES);
	if (initial != NULL && buf_puts(&line, initial) != BUF_OK)
		buf_reset(&line);
	curs_set(1);
	timeout(-1);
	for (;;) {
		struct buf show;

		buf_init(&show, LAYOUT_LINE_MAX_BYTES);
		if (buf_puts(&show, label) == BUF_OK &&
		    buf_append(&show, line.data, line.len) == BUF_OK)
			ui_put(LINES - 1, 0, show.data, (size_t)COLS,
			    A_NORMAL);
		move(LINES - 1, (int)utf8_width(show.data, show.len) <
		    COLS ? (int)utf8_width(show.data, show.len) : COLS - 1);
		buf_release(&show);
		refresh();
		c = getch();
		if (c == '\n' || c == '\r' || c == KEY_ENTER) {
			out = buf_take(&line);
			break;
		}
		if (c == 0x1b || c == ERR)
			break;
		if (c == KEY_RESIZE) {
			draw(u);
			continue;
		}
		if (c == KEY_BACKSPACE || c == 0x7f || c == '\b') {
			/* Drop the last character, continuation bytes too. */
			while (line.len > 0 &&
			    ((unsigned char)line.data[line.len - 1] & 0xc0) ==
			    0x80)
				buf_setlen(&line, line.len - 1);
			if (line.len > 0)
				buf_setlen(&line, line.len - 1);
			continue;
		}
		/* Bytes of the locale's (UTF-8) input, printable only. */
		if (c >= ' ' && c <= 0xff && c != 0x7f &&
		    buf_putc(&line, (char)c) != BUF_OK)
			beep();
	}
	curs_set(0);
	buf_release(&line);
	u->msg[0] = '\0';
	return out;
}

int
ui_run_command(struct ui *u, const char *cmd, const char *data, size_t n,
    struct errbuf *eb)
{
	int	 rc;

	(void)u;
	def_prog_mode();
	endwin();
	rc = launch_run(cmd, data, n, eb);
	reset_prog_mode();
	refresh();
	return rc;
}

void
ui_open_browser(struct ui *u, const char *url, int local_ok)
{
	struct errbuf eb;
	struct buf cmd;

	if (url == NULL) {
		ui_message(u, 1, "no page address to open");
		return;
	}
	/* javascript:, data: or control characters: never ours to hand to
	 * a browser; file: only for what was read from a local file (the
	 * demo's pages), never an address a page or a remote feed gave. */
	if (local_ok ? !launch_url_ok(url) : !url_is_web(url)) {
		ui_message(u, 1, "not an http or https address: not opened");
		return;
	}
	buf_init(&cmd, URL_MAX_BYTES * 2);
	if (launch_browser_command(&cmd, u->browser, url) == -1) {
		ui_message(u, 1, "%s: address too long", url);
	} else if (ui_run_command(u, cmd.data, NULL, 0, &eb) == -1)
		ui_message(u, 1, "%s", eb.msg);
	buf_release(&cmd);
}

/* SIGHUP, SIGINT or SIGTERM: the reader ends as if quit, so that the
 * caller cleans up (the demo's temporary store) and then re-raises. */
static volatile sig_atomic_t quit_signal;

static void
on_quit(int sig)
{
	quit_signal = sig;
}

int
ui_signal(void)
{
	return quit_signal;
}

int
ui_run(struct ui *u)
{
	struct sigaction sa;
	int	 c, busy, idle, tick;

	/* Before initscr(): ncurses keeps handlers it finds set.  No
	 * SA_RESTART, so that a blocked getch() returns. */
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_quit;
	sigemptyset(&sa.sa_mask);
	(void)sigaction(SIGHUP, &sa, NULL);
	(void)sigaction(SIGINT, &sa, NULL);
	(void)sigaction(SIGTERM, &sa, NULL);
	if (initscr() == NULL)
		return -1;
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	curs_set(0);
	/* Escape alone should not wait a second for a sequence. */
	set_escdelay(25);
	ui_color_apply(u);
	while (!u->done && u->nmodes > 0 && quit_signal == 0) {
		struct ui_mode_entry *e;

		draw(u);
		busy = u->net != NULL && ui_net_pending(u->net) > 0;
		/* Deferred work runs only when no key is waiting. */
		idle = idle_pending(u);
		/* reload-interval's clock: a reload starts when it is due */
		tick = ui_reload_tick(u);
		timeout(idle ? 0 : busy ? UI_TICK_MS : tick);
		c = getch();
		if (u->net != NULL)
			(void)ui_net_step(u->net);
		if (c == ERR) {
			/* The step above may have changed the stack. */
			if (idle && idle_pending(u) &&
			    (e = ui_mode_top(u)) != NULL)
				(void)e->mode->idle(u, e->data);
			continue;
		}
		if (c == KEY_RESIZE) {
			resized(u);
			continue;
		}
		if (c == '\r')
			c = '\n';
		u->msg[0] = '\0';
		u->msg_error = 0;
		u->last_key = c;
		dispatch(u, ui_keys_op(&u->keys, c));
	}
	endwin();
	return 0;
}

/* E: feeds.conf in $VISUAL or $EDITOR, then read again. */
void
ui_edit_feeds(struct ui *u)
{
	struct conf fresh, *c = u->conf;
	struct ui_msg msg;
	struct errbuf eb;
	struct buf cmd;
	const char *ed = getenv("VISUAL");

	if (c == NULL || c->feeds_path == NULL) {
		ui_message(u, 1, "no feeds.conf here");
		return;
	}
	if (ed == NULL || *ed == '\0')
		ed = getenv("EDITOR");
	if (ed == NULL || *ed == '\0')
		ed = "vi";
	buf_init(&cmd, CONF_PATH_MAX_BYTES * 2);
	/* the path quoted and appended, as a browser's address */
	if (launch_browser_command(&cmd, ed, c->feeds_path) == -1 ||
	    ui_run_command(u, cmd.data, NULL, 0, &eb) == -1) {
		buf_release(&cmd);
		ui_message(u, 1, "%s", cmd.len > 0 ? eb.msg : "path too long");
		return;
	}
	buf_release(&cmd);
	conf_init(&fresh);
	fresh.check_bind = ui_keys_check;
	if (conf_load(&fresh, c->feeds_path, c->settings_path, 1, &eb) == -1) {
		conf_release(&fresh);
		ui_message(u, 1, "%s", eb.msg);
		return;
	}
	conf_release(c);
	*c = fresh;
	ui_conf_applied(u);
	ui_color_apply(u);
	if (u->store != NULL && ui_conf_ensure_feeds(u->store, c, &eb) == -1)
		ui_message(u, 1, "%s", eb.msg);
	else
		ui_message(u, c->nwarnings > 0, "%s read again: %zu feeds, %zu "
		    "query feeds, %zu bad lines%s", c->feeds_path, c->nfeeds,
		    c->nqueries, c->nwarnings, c->nwarnings > 0 ?
		    " (^E lists them)" : "");
	memset(&msg, 0, sizeof msg);
	msg.kind = UI_MSG_RELOADED;
	(void)ui_mode_send(u, &msg);
}
