/*
 * ui_help: the help screen, generated from the live key table: every
 * operation with the keys bound to it now (after the config's "bind"
 * lines) and its help line.
 */
#include "curses_lazy.h"

#include "ui.h"

/* Columns of the keys and action-name columns. */
#define KEYS_COLS	24
#define NAME_COLS	18

void
ui_help_draw(struct ui *u)
{
	struct buf b;
	size_t	 i, h = (size_t)ui_body_lines(), row;

	buf_init(&b, LAYOUT_LINE_MAX_BYTES);
	if (u->help_top + h > ui_nops)
		u->help_top = ui_nops > h ? ui_nops - h : 0;
	for (i = u->help_top, row = 1; i < ui_nops && row <= h; i++, row++) {
		buf_reset(&b);
		if (ui_keys_describe(&u->keys, ui_ops[i].op, &b) != BUF_OK)
			continue;
		if (b.len == 0 && buf_puts(&b, "(unbound)") != BUF_OK)
			continue;
		ui_put((int)row, 1, b.data, KEYS_COLS, A_BOLD);
		ui_put((int)row, 1 + KEYS_COLS, ui_ops[i].name, NAME_COLS,
		    A_NORMAL);
		ui_put((int)row, 1 + KEYS_COLS + NAME_COLS, ui_ops[i].help,
		    (size_t)COLS > 1 + KEYS_COLS + NAME_COLS ?
		    (size_t)COLS - 1 - KEYS_COLS - NAME_COLS : 0, A_NORMAL);
	}
	buf_release(&b);
	ui_draw_bars(u, "Help", "q:Close  keys change with \"bind KEY ACTION\" "
	    "in the config file");
}

void
ui_help_key(struct ui *u, enum ui_op op)
{
	size_t	 cur = u->help_top;

	switch (op) {
	case OP_QUIT:
	case OP_HELP:
	case OP_BACK:
		u->screen = u->help_from;
		break;
	default:
		(void)ui_list_move(op, ui_nops, &cur, &u->help_top);
		u->help_top = cur;
		break;
	}
}
