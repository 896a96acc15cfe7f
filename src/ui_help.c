/*
 * ui_help: the help screen, generated from the live key table: every
 * operation with the keys bound to it now (after the config's "bind"
 * lines) and its help line.  Pushed on top of any screen by "?"; q, ?
 * or Backspace pops it.
 */
#include <stdlib.h>

#include "ui.h"

/* Columns of the keys and action-name columns. */
#define KEYS_COLS	24
#define NAME_COLS	18

struct help {
	size_t		 top;
};

static int
help_open(struct ui *u, const struct ui_msg *msg, void **data,
    struct errbuf *eb)
{
	(void)u;
	(void)msg;
	if ((*data = calloc(1, sizeof(struct help))) == NULL) {
		errbuf_set(eb, "out of memory");
		return -1;
	}
	return 0;
}

static void
help_free(void *data)
{
	free(data);
}

static void
help_draw(struct ui *u, void *data)
{
	struct help *hp = data;
	struct buf b;
	size_t	 i, h = (size_t)ui_body_lines(), row, cols = ui_cols();

	buf_init(&b, LAYOUT_LINE_MAX_BYTES);
	if (hp->top + h > ui_nops)
		hp->top = ui_nops > h ? ui_nops - h : 0;
	for (i = hp->top, row = 1; i < ui_nops && row <= h; i++, row++) {
		buf_reset(&b);
		if (ui_keys_describe(&u->keys, ui_ops[i].op, &b) != BUF_OK)
			continue;
		if (b.len == 0 && buf_puts(&b, "(unbound)") != BUF_OK)
			continue;
		ui_put((int)row, 1, b.data, KEYS_COLS,
		    ui_attr(u, UI_ROLE_HEADING));
		ui_put((int)row, 1 + KEYS_COLS, ui_ops[i].name, NAME_COLS,
		    ui_attr(u, UI_ROLE_PLAIN));
		ui_put((int)row, 1 + KEYS_COLS + NAME_COLS, ui_ops[i].help,
		    cols > 1 + KEYS_COLS + NAME_COLS ?
		    cols - 1 - KEYS_COLS - NAME_COLS : 0,
		    ui_attr(u, UI_ROLE_PLAIN));
	}
	buf_release(&b);
	ui_draw_bars(u, "Help", "q:Close  keys change with \"bind KEY ACTION\" "
	    "in the config file");
}

static void
help_key(struct ui *u, void *data, enum ui_op op)
{
	struct help *hp = data;
	size_t	 cur = hp->top;

	switch (op) {
	case OP_QUIT:
	case OP_HELP:
	case OP_BACK:
		ui_mode_pop(u);	/* frees hp */
		break;
	default:
		(void)ui_list_move(op, ui_nops, &cur, &hp->top);
		hp->top = cur;
		break;
	}
}

const struct ui_mode ui_help_mode = {
	.name = "help",
	.open = help_open,
	.draw = help_draw,
	.key = help_key,
	.free = help_free
};
