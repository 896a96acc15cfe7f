/*
 * ui_mode: the stack of screens and the messages between them, and the
 * message line.  See ui_mode.h.  No curses here: the loop in ui_main.c
 * draws the top mode.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "ui.h"

void
ui_message(struct ui *u, int error, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	vsnprintf(u->msg, sizeof u->msg, fmt, ap);
	va_end(ap);
	u->msg_error = error;
}

int
ui_mode_push(struct ui *u, const struct ui_mode *m, const struct ui_msg *msg,
    struct errbuf *eb)
{
	void	*data = NULL;

	if (u->nmodes == UI_MODES_MAX) {
		errbuf_set(eb, "too many screens open");
		return -1;
	}
	if (m->open(u, msg, &data, eb) == -1)
		return -1;
	u->modes[u->nmodes].mode = m;
	u->modes[u->nmodes].data = data;
	u->nmodes++;
	return 0;
}

void
ui_mode_pop(struct ui *u)
{
	struct ui_mode_entry *e;
	struct ui_msg msg;

	if (u->nmodes == 0)
		return;
	e = &u->modes[--u->nmodes];
	e->mode->free(e->data);
	e->mode = NULL;
	e->data = NULL;
	if (u->nmodes == 0) {
		u->done = 1;
		return;
	}
	e = &u->modes[u->nmodes - 1];
	if (e->mode->message != NULL) {
		memset(&msg, 0, sizeof msg);
		msg.kind = UI_MSG_RESUME;
		(void)e->mode->message(u, e->data, &msg);
	}
}

void
ui_mode_clear(struct ui *u)
{
	struct ui_mode_entry *e;

	while (u->nmodes > 0) {
		e = &u->modes[--u->nmodes];
		e->mode->free(e->data);
		e->mode = NULL;
		e->data = NULL;
	}
}

struct ui_mode_entry *
ui_mode_top(struct ui *u)
{
	return u->nmodes > 0 ? &u->modes[u->nmodes - 1] : NULL;
}

void
ui_mode_key(struct ui *u, enum ui_op op)
{
	struct ui_mode_entry *e = ui_mode_top(u);

	if (e != NULL)
		e->mode->key(u, e->data, op);
}

int
ui_mode_send(struct ui *u, struct ui_msg *msg)
{
	size_t	 i;

	for (i = u->nmodes; i > 0; i--) {
		struct ui_mode_entry *e = &u->modes[i - 1];

		if (e->mode->message != NULL &&
		    e->mode->message(u, e->data, msg))
			return 1;
	}
	return 0;
}

const char *
ui_mode_feed_title(struct ui *u, int64_t id)
{
	struct ui_msg msg;

	memset(&msg, 0, sizeof msg);
	msg.kind = UI_MSG_FEED_TITLE;
	msg.feed_id = id;
	return ui_mode_send(u, &msg) ? msg.answer : NULL;
}

int
ui_screen_push(struct ui *u, enum ui_screen id, const struct ui_msg *msg,
    struct errbuf *eb)
{
	return ui_mode_push(u, u->screens[id], msg, eb);
}
