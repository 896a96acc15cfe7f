/*
 * ui_conf: the configuration inside the reader: the keymap and browser
 * from the settings, the reload-interval clock, the configured feeds
 * made known to the store, and the word at start about bad lines.  No
 * curses and nothing of ui_main.c, which calls these (see ui.h).
 */
#include <time.h>

#include "ui.h"

/* The keymap from the defaults and the config's binds, which conf
 * checked when it read them (ui_keys_check()). */
void
ui_conf_binds(struct ui *u, const struct conf *c)
{
	struct errbuf eb;
	size_t	 i;

	ui_keys_default(&u->keys);
	for (i = 0; i < c->nbinds; i++)
		if (ui_keys_bind(&u->keys, c->binds[i].key, c->binds[i].value,
		    &eb) == -1)
			continue;	/* reported when read */
}

void
ui_conf_applied(struct ui *u)
{
	long	 m;

	if (u->conf == NULL)
		return;
	ui_conf_binds(u, u->conf);
	u->browser = u->conf->browser;
	m = conf_reload_seconds(u->conf);
	u->next_reload = m > 0 && u->net != NULL ? time(NULL) + m : 0;
}

int
ui_reload_tick(struct ui *u)
{
	time_t	 now;
	long	 m;

	if (u->next_reload == 0 || u->conf == NULL || u->net == NULL)
		return -1;
	now = time(NULL);
	m = conf_reload_seconds(u->conf);
	if (now >= u->next_reload) {
		/* Not on top of one already running. */
		if (ui_net_progress(u->net) == NULL)
			(void)ui_net_reload(u->net, 0);
		u->next_reload = now + m;
	}
	return (int)(u->next_reload - now) * 1000;
}

/* The configured feeds the store has not seen yet, with their titles
 * and tags ('|'-separated, as --reload keeps them). */
int
ui_conf_ensure_feeds(struct store *s, const struct conf *c, struct errbuf *eb)
{
	struct buf tags;
	size_t	 i, j;
	int64_t	 id;
	int	 rc = 0;

	buf_init(&tags, CONF_LINE_MAX_BYTES);
	for (i = 0; i < c->nfeeds && rc == 0; i++) {
		buf_reset(&tags);
		for (j = 0; j < c->feeds[i].ntags; j++)
			if ((j > 0 && buf_putc(&tags, '|') != BUF_OK) ||
			    buf_puts(&tags, c->feeds[i].tags[j]) != BUF_OK)
				break;
		rc = store_feed_ensure(s, c->feeds[i].url, c->feeds[i].title,
		    tags.len > 0 ? tags.data : NULL, &id, eb);
	}
	buf_release(&tags);
	return rc;
}

/* Says at start how many config lines were bad, and where to read them. */
void
ui_conf_warn(struct ui *u)
{
	if (u->conf == NULL || u->conf->nwarnings == 0)
		return;
	ui_message(u, 1, "%s%s", u->conf->warnings[0],
	    u->conf->nwarnings > 1 ? "  (and more: ^E lists them)" :
	    "  (^E: error log)");
}
