/*
 * curses_lazy: the curses functions byline uses, forwarded to
 * libncursesw.so.6 once the first of them has loaded it.  See
 * curses_lazy.h.
 */
#include <dlfcn.h>
#include <stddef.h>

#include "curses_lazy.h"

/* The library's name: the SONAME of Debian's libncursesw6. */
#define CURSES_LAZY_SONAME	"libncursesw.so.6"

static WINDOW	*no_window;
static int	 no_size;

/* curses.h, through the macros of curses_lazy.h, declares these. */
WINDOW	**curses_lazy_stdscr = &no_window;
WINDOW	**curses_lazy_curscr = &no_window;
int	 *curses_lazy_cols = &no_size;
int	 *curses_lazy_lines = &no_size;

static struct {
	int	 tried, ok;
	void	*dl;
	int	 (*beep)(void);
	int	 (*cbreak)(void);
	int	 (*clearok)(WINDOW *, bool);
	int	 (*curs_set)(int);
	int	 (*def_prog_mode)(void);
	int	 (*endwin)(void);
	bool	 (*has_colors)(void);
	int	 (*init_pair)(NCURSES_PAIRS_T, NCURSES_COLOR_T,
		    NCURSES_COLOR_T);
	WINDOW	*(*initscr)(void);
	int	 (*keypad)(WINDOW *, bool);
	int	 (*noecho)(void);
	int	 (*nonl)(void);
	int	 (*reset_prog_mode)(void);
	int	 (*set_escdelay)(int);
	int	 (*start_color)(void);
	int	 (*use_default_colors)(void);
	int	 (*waddnstr)(WINDOW *, const char *, int);
	int	 (*wattrset)(WINDOW *, int);
	int	 (*werase)(WINDOW *);
	int	 (*wgetch)(WINDOW *);
	int	 (*wmove)(WINDOW *, int, int);
	int	 (*wrefresh)(WINDOW *);
	void	 (*wtimeout)(WINDOW *, int);
} cl;

/* dlsym() returns an object pointer; POSIX guarantees the conversion. */
#define LOAD(field, name) do {						\
	void *p_ = dlsym(cl.dl, name);					\
	if (p_ == NULL)							\
		return 0;						\
	*(void **)&cl.field = p_;					\
} while (0)

static int
load_symbols(void)
{
	void	*s, *c, *w, *h;

	LOAD(beep, "beep");
	LOAD(cbreak, "cbreak");
	LOAD(clearok, "clearok");
	LOAD(curs_set, "curs_set");
	LOAD(def_prog_mode, "def_prog_mode");
	LOAD(endwin, "endwin");
	LOAD(has_colors, "has_colors");
	LOAD(init_pair, "init_pair");
	LOAD(initscr, "initscr");
	LOAD(keypad, "keypad");
	LOAD(noecho, "noecho");
	LOAD(nonl, "nonl");
	LOAD(reset_prog_mode, "reset_prog_mode");
	LOAD(set_escdelay, "set_escdelay");
	LOAD(start_color, "start_color");
	LOAD(use_default_colors, "use_default_colors");
	LOAD(waddnstr, "waddnstr");
	LOAD(wattrset, "wattrset");
	LOAD(werase, "werase");
	LOAD(wgetch, "wgetch");
	LOAD(wmove, "wmove");
	LOAD(wrefresh, "wrefresh");
	LOAD(wtimeout, "wtimeout");
	if ((s = dlsym(cl.dl, "stdscr")) == NULL ||
	    (c = dlsym(cl.dl, "curscr")) == NULL ||
	    (w = dlsym(cl.dl, "COLS")) == NULL ||
	    (h = dlsym(cl.dl, "LINES")) == NULL)
		return 0;
	curses_lazy_stdscr = s;
	curses_lazy_curscr = c;
	curses_lazy_cols = w;
	curses_lazy_lines = h;
	return 1;
}

static int
loaded(void)
{
	if (cl.tried)
		return cl.ok;
	cl.tried = 1;
	if ((cl.dl = dlopen(CURSES_LAZY_SONAME, RTLD_NOW | RTLD_LOCAL)) ==
	    NULL)
		return 0;
	if (!load_symbols()) {
		curses_lazy_stdscr = curses_lazy_curscr = &no_window;
		curses_lazy_cols = curses_lazy_lines = &no_size;
		dlclose(cl.dl);
		cl.dl = NULL;
		return 0;
	}
	cl.ok = 1;
	return 1;
}

#define FORWARD(call)	return loaded() ? cl.call : ERR

WINDOW *
initscr(void)
{
	return loaded() ? cl.initscr() : NULL;
}

int
beep(void)
{
	FORWARD(beep());
}

int
cbreak(void)
{
	FORWARD(cbreak());
}

int
clearok(WINDOW *w, bool on)
{
	FORWARD(clearok(w, on));
}

int
curs_set(int v)
{
	FORWARD(curs_set(v));
}

int
def_prog_mode(void)
{
	FORWARD(def_prog_mode());
}

int
endwin(void)
{
	FORWARD(endwin());
}

bool
has_colors(void)
{
	return loaded() ? cl.has_colors() : FALSE;
}

int
init_pair(NCURSES_PAIRS_T p, NCURSES_COLOR_T f, NCURSES_COLOR_T b)
{
	FORWARD(init_pair(p, f, b));
}

int
keypad(WINDOW *w, bool on)
{
	FORWARD(keypad(w, on));
}

int
noecho(void)
{
	FORWARD(noecho());
}

int
nonl(void)
{
	FORWARD(nonl());
}

int
reset_prog_mode(void)
{
	FORWARD(reset_prog_mode());
}

int
set_escdelay(int ms)
{
	FORWARD(set_escdelay(ms));
}

int
start_color(void)
{
	FORWARD(start_color());
}

int
use_default_colors(void)
{
	FORWARD(use_default_colors());
}

int
waddnstr(WINDOW *w, const char *s, int n)
{
	FORWARD(waddnstr(w, s, n));
}

int
wattrset(WINDOW *w, int a)
{
	FORWARD(wattrset(w, a));
}

int
werase(WINDOW *w)
{
	FORWARD(werase(w));
}

int
wgetch(WINDOW *w)
{
	FORWARD(wgetch(w));
}

int
wmove(WINDOW *w, int y, int x)
{
	FORWARD(wmove(w, y, x));
}

int
wrefresh(WINDOW *w)
{
	FORWARD(wrefresh(w));
}

void
wtimeout(WINDOW *w, int ms)
{
	if (loaded())
		cl.wtimeout(w, ms);
}
