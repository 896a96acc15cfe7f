/*
 * curses_lazy: ncurses, loaded when the reader starts (curses_lazy.c).
 *
 * Only the reader draws on a terminal; --dump, --parse-feed and --reload
 * should not pay for loading ncurses and terminfo.  byline does not link
 * ncursesw: curses_lazy.c defines the curses functions byline calls and
 * loads libncursesw.so.6 on the first, and ncurses' variables (stdscr,
 * COLS, ...) are reached through pointers that the loader points at the
 * library's own.  Files of the reader include this instead of <curses.h>;
 * a curses function not defined there fails to link, which is the
 * reminder to add it.
 *
 * When ncurses cannot be loaded, initscr() returns NULL (the reader then
 * says so and exits), the other functions return ERR, stdscr is NULL and
 * COLS and LINES are 0.
 */
#ifndef BYLINE_CURSES_LAZY_H
#define BYLINE_CURSES_LAZY_H

#define stdscr	(*curses_lazy_stdscr)
#define curscr	(*curses_lazy_curscr)
#define COLS	(*curses_lazy_cols)
#define LINES	(*curses_lazy_lines)

#include <curses.h>

#endif
