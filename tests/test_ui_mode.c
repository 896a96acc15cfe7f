/*
 * test_ui_mode: the reader's stack of screens without a terminal: push,
 * pop and the end of the reader, a failed open, a full stack, messages
 * going down the stack until one mode takes them, and the data freed
 * once, whichever way a mode leaves.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "ui.h"

/* A fake screen: its data counts what happened to it. */
struct fake {
	int		 id;
	int		 keys, resumes, seen;
	int		*freed;		/* incremented by fake_free */
};

/* What opening, freeing and messages did, across fakes. */
static int	 nfreed;

static int
fake_open(struct ui *u, const struct ui_msg *msg, void **data,
    struct errbuf *eb)
{
	struct fake *f;

	(void)u;
	if (msg != NULL && msg->kind == UI_MSG_NONE && msg->feed_id < 0) {
		errbuf_set(eb, "fake: refused");
		return -1;
	}
	f = calloc(1, sizeof *f);
	assert_non_null(f);
	f->id = msg != NULL ? (int)msg->feed_id : 0;
	f->freed = &nfreed;
	*data = f;
	return 0;
}

static void
fake_draw(struct ui *u, void *data)
{
	(void)u;
	(void)data;
}

static void
fake_key(struct ui *u, void *data, enum ui_op op)
{
	struct fake *f = data;

	f->keys++;
	if (op == OP_QUIT)
		ui_mode_pop(u);
}

/* Answers UI_MSG_FEED_TITLE for its own id; counts everything else. */
static int
fake_message(struct ui *u, void *data, struct ui_msg *msg)
{
	struct fake *f = data;

	(void)u;
	f->seen++;
	if (msg->kind == UI_MSG_RESUME)
		f->resumes++;
	if (msg->kind == UI_MSG_FEED_TITLE && msg->feed_id == f->id) {
		msg->answer = "fake title";
		return 1;
	}
	return 0;
}

static void
fake_free(void *data)
{
	struct fake *f = data;

	(*f->freed)++;
	free(f);
}

static const struct ui_mode fake_mode = {
	.name = "fake",
	.open = fake_open,
	.draw = fake_draw,
	.key = fake_key,
	.message = fake_message,
	.free = fake_free
};

static void
push(struct ui *u, int id)
{
	struct ui_msg msg;
	struct errbuf eb;

	memset(&msg, 0, sizeof msg);
	msg.feed_id = id;
	assert_int_equal(ui_mode_push(u, &fake_mode, &msg, &eb), 0);
}

static struct fake *
at(struct ui *u, size_t i)
{
	assert_true(i < u->nmodes);
	return u->modes[i].data;
}

static void
test_ui_mode_pop_last_ends_reader(void **state)
{
	struct ui u;

	(void)state;
	nfreed = 0;
	ui_init(&u);
	push(&u, 1);
	push(&u, 2);
	assert_int_equal(u.nmodes, 2);
	ui_mode_key(&u, OP_DOWN);
	assert_int_equal(at(&u, 1)->keys, 1);
	assert_int_equal(at(&u, 0)->keys, 0);
	ui_mode_key(&u, OP_QUIT);
	assert_int_equal(u.nmodes, 1);
	assert_int_equal(nfreed, 1);
	assert_int_equal(at(&u, 0)->resumes, 1);
	assert_false(u.done);
	ui_mode_key(&u, OP_QUIT);
	assert_int_equal(u.nmodes, 0);
	assert_int_equal(nfreed, 2);
	assert_true(u.done);
	assert_null(ui_mode_top(&u));
	/* Keys and pops on an empty stack do nothing. */
	ui_mode_key(&u, OP_QUIT);
	ui_mode_pop(&u);
	assert_int_equal(nfreed, 2);
	ui_release(&u);
}

static void
test_ui_mode_push_refused_leaves_stack(void **state)
{
	struct ui u;
	struct ui_msg msg;
	struct errbuf eb;

	(void)state;
	nfreed = 0;
	ui_init(&u);
	push(&u, 1);
	memset(&msg, 0, sizeof msg);
	msg.feed_id = -1;
	assert_int_equal(ui_mode_push(&u, &fake_mode, &msg, &eb), -1);
	assert_string_equal(eb.msg, "fake: refused");
	assert_int_equal(u.nmodes, 1);
	assert_int_equal(at(&u, 0)->id, 1);
	ui_release(&u);
	assert_int_equal(nfreed, 1);
}

static void
test_ui_mode_push_full_stack_fails(void **state)
{
	struct ui u;
	struct ui_msg msg;
	struct errbuf eb;
	size_t	 i;

	(void)state;
	nfreed = 0;
	ui_init(&u);
	for (i = 0; i < UI_MODES_MAX; i++)
		push(&u, (int)i);
	memset(&msg, 0, sizeof msg);
	assert_int_equal(ui_mode_push(&u, &fake_mode, &msg, &eb), -1);
	assert_string_equal(eb.msg, "too many screens open");
	assert_int_equal(u.nmodes, UI_MODES_MAX);
	/* Nothing was opened for the refused push. */
	ui_release(&u);
	assert_int_equal(nfreed, UI_MODES_MAX);
	assert_int_equal(u.nmodes, 0);
}

static void
test_ui_mode_send_stops_at_taker(void **state)
{
	struct ui u;
	struct ui_msg msg;

	(void)state;
	nfreed = 0;
	ui_init(&u);
	push(&u, 1);
	push(&u, 2);
	push(&u, 3);
	/* Top first: 3 passes it on, 2 takes it, 1 never sees it. */
	assert_string_equal(ui_mode_feed_title(&u, 2), "fake title");
	assert_int_equal(at(&u, 2)->seen, 1);
	assert_int_equal(at(&u, 1)->seen, 1);
	assert_int_equal(at(&u, 0)->seen, 0);
	/* Nobody knows feed 9: every mode sees the question. */
	assert_null(ui_mode_feed_title(&u, 9));
	assert_int_equal(at(&u, 0)->seen, 1);
	/* News every mode hears. */
	memset(&msg, 0, sizeof msg);
	msg.kind = UI_MSG_RELOADED;
	assert_int_equal(ui_mode_send(&u, &msg), 0);
	assert_int_equal(at(&u, 0)->seen, 2);
	assert_int_equal(at(&u, 2)->seen, 3);
	ui_release(&u);
	assert_int_equal(nfreed, 3);
}

static void
test_ui_mode_message_line_truncates(void **state)
{
	struct ui u;
	char	 big[ERRBUF_BYTES * 2];

	(void)state;
	ui_init(&u);
	ui_message(&u, 1, "%s: %d", "x", 5);
	assert_string_equal(u.msg, "x: 5");
	assert_int_equal(u.msg_error, 1);
	memset(big, 'a', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	ui_message(&u, 0, "%s", big);
	assert_int_equal(strlen(u.msg), sizeof u.msg - 1);
	assert_int_equal(u.msg_error, 0);
	ui_release(&u);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ui_mode_pop_last_ends_reader),
		cmocka_unit_test(test_ui_mode_push_refused_leaves_stack),
		cmocka_unit_test(test_ui_mode_push_full_stack_fails),
		cmocka_unit_test(test_ui_mode_send_stops_at_taker),
		cmocka_unit_test(test_ui_mode_message_line_truncates),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
