/*
 * ui_start: what the interactive reader starts on (cmd_tui() fills a
 * struct ui_setup and calls ui_start()), and the first screen pushed:
 *
 *   byline            the configured feeds, from the store
 *   byline PATH       a saved page or text copy, offline, in the article view
 *   byline DIR        the saved pages of a directory as a headline list
 *   byline URL        one page, fetched and extracted
 *   byline --demo     the bundled demo: its feeds are imported into a
 *                     temporary store, their pages are local files
 *
 * Anything that fails before the screen is taken (a missing file, a bad
 * feeds.conf) is reported on err with exit status 1; bad "bind" lines
 * are reported as "FILE:LINE: why" and skipped.
 */
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "feed.h"
#include "launch.h"
#include "sync.h"
#include "ui.h"

/* How long one wait of the demo's sync lasts (local files: short). */
#define DEMO_STEP_MS	20
/* Demo feed files imported, at most (the demo ships a handful). */
#define DEMO_FEEDS_MAX	64

static int
is_dir(const char *p)
{
	struct stat st;

	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The demo directory: the source tree's when run from the build tree,
 * else the installed one. */
static const char *
demo_dir(void)
{
	static const char *const cand[] = {
		BYLINE_SRCDIR "/demo", BYLINE_DATADIR "/demo"
	};
	size_t	 i;

	for (i = 0; i < sizeof cand / sizeof cand[0]; i++)
		if (is_dir(cand[i]))
			return cand[i];
	return NULL;
}

/* Makes one demo feed file known to the store, as a file: URL. */
static int
add_feed(struct store *s, const char *path, struct errbuf *eb)
{
	struct buf url;
	char	*abs;
	int64_t	 id;
	int	 rc = -1;

	buf_init(&url, URL_MAX_BYTES);
	if ((abs = realpath(path, NULL)) == NULL) {
		errbuf_set(eb, "%s: %s", path, strerror(errno));
		return -1;
	}
	if (buf_printf(&url, "file://%s", abs) != BUF_OK)
		errbuf_set(eb, "%s: path too long", path);
	else
		rc = store_feed_ensure(s, url.data, NULL, "demo", &id, eb);
	free(abs);
	buf_release(&url);
	return rc;
}

/* The first failure of the demo's sync, kept for the message. */
static void
demo_report(void *ctx, const struct sync_report *r,
    const struct sync_progress *p)
{
	struct errbuf *eb = ctx;

	(void)p;
	if ((r->event == SYNC_FEED_FAILED || r->event == SYNC_ERROR) &&
	    eb->msg[0] == '\0')
		errbuf_set(eb, "%s", r->msg);
}

/* Brings the demo's feeds into the store through the sync engine, as
 * --reload would, with file: URLs and no prefetch (the demo's pages
 * are local files, read when opened). */
static int
sync_demo(struct store *s, struct errbuf *eb)
{
	struct sync_callbacks cb = { demo_report };
	struct sync_settings set;
	struct sync *y;
	int	 n;

	memset(&set, 0, sizeof set);
	eb->msg[0] = '\0';
	if ((y = sync_new(store_path(s), &set, &cb, eb, eb)) == NULL)
		return -1;
	if (sync_add_stored(y, 0, eb) == -1) {
		sync_free(y);
		return -1;
	}
	while ((n = sync_step(y, DEMO_STEP_MS, eb)) > 0)
		continue;
	sync_free(y);
	return n == -1 || eb->msg[0] != '\0' ? -1 : 0;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
import_demo(struct store *s, const char *dir, struct errbuf *eb)
{
	struct buf p;
	DIR	*d;
	struct dirent *de;
	char	*names[DEMO_FEEDS_MAX];
	size_t	 n = 0, i;
	int	 rc = 0;

	buf_init(&p, URL_MAX_BYTES);
	if (buf_printf(&p, "%s/feeds", dir) != BUF_OK ||
	    (d = opendir(p.data)) == NULL) {
		errbuf_set(eb, "%s/feeds: cannot open the demo feeds", dir);
		buf_release(&p);
		return -1;
	}
	while ((de = readdir(d)) != NULL && n < DEMO_FEEDS_MAX)
		if (de->d_name[0] != '.' && (names[n] = strdup(de->d_name)) !=
		    NULL)
			n++;
	closedir(d);
	/* The feed list follows the files' names. */
	qsort(names, n, sizeof names[0], cmp_str);
	for (i = 0; i < n; i++) {
		buf_reset(&p);
		if (rc == 0 && (buf_printf(&p, "%s/feeds/%s", dir, names[i]) !=
		    BUF_OK || add_feed(s, p.data, eb) == -1))
			rc = -1;
		free(names[i]);
	}
	buf_release(&p);
	if (rc == 0)
		rc = sync_demo(s, eb);
	return rc;
}

/* A private directory for the demo's store; removed at the end. */
static char *
demo_tmpdir(struct errbuf *eb)
{
	struct buf b;
	const char *t = getenv("TMPDIR");

	buf_init(&b, URL_MAX_BYTES);
	if (t == NULL || *t == '\0')
		t = P_tmpdir;
	if (buf_printf(&b, "%s/byline-demo-XXXXXX", t) != BUF_OK ||
	    mkdtemp(b.data) == NULL) {
		errbuf_set(eb, "%s: cannot make a directory for the demo: %s",
		    t, strerror(errno));
		buf_release(&b);
		return NULL;
	}
	return buf_take(&b);
}

static void
demo_cleanup(const char *tmp)
{
	static const char *const files[] = {
		"demo.db", "demo.db-wal", "demo.db-shm", "demo.db-journal"
	};
	struct buf b;
	size_t	 i;

	buf_init(&b, URL_MAX_BYTES);
	for (i = 0; i < sizeof files / sizeof files[0]; i++) {
		buf_reset(&b);
		if (buf_printf(&b, "%s/%s", tmp, files[i]) == BUF_OK)
			(void)unlink(b.data);
	}
	buf_release(&b);
	(void)rmdir(tmp);
}

static int
is_url(const char *t)
{
	return ascii_ncasecmp(t, "http://", 7) == 0 ||
	    ascii_ncasecmp(t, "https://", 8) == 0;
}

/* Pushes the first screen, as a message says what it shows. */
static int
first(struct ui *u, const struct ui_mode *m, enum ui_msg_kind kind,
    const char *text, const char *base_url, struct errbuf *eb)
{
	struct ui_msg msg;

	memset(&msg, 0, sizeof msg);
	msg.kind = kind;
	msg.text = text;
	msg.base_url = base_url;
	return ui_mode_push(u, m, &msg, eb);
}

int
ui_start(const struct ui_setup *o, FILE *err)
{
	struct ui u;
	struct conf c;
	struct errbuf eb;
	const char *target = o->target;
	char	*feeds_path = NULL, *settings_path = NULL, *db = NULL;
	char	*tmp = NULL;
	const char *dd;
	int	 rc = 1, sig;

	ui_init(&u);
	conf_init(&c);
	u.color = o->color;
	u.place = "Your feeds";
	u.screens[UI_SCREEN_FEEDS] = &ui_feeds_mode;
	u.screens[UI_SCREEN_HEADLINES] = &ui_headlines_mode;
	u.screens[UI_SCREEN_ARTICLE] = &ui_article_mode;
	u.screens[UI_SCREEN_HELP] = &ui_help_mode;
	u.screens[UI_SCREEN_PICK] = &ui_pick_mode;
	/* Key bindings and the browser come from the config in every
	 * mode; a missing config is no error. */
	c.check_bind = ui_keys_check;
	if (conf_paths(o->config, &feeds_path, &settings_path, &eb) == 0 &&
	    conf_load(&c, feeds_path, settings_path, o->config != NULL,
	    &eb) == -1) {
		fprintf(err, "byline: %s\n", eb.msg);
		goto out;
	}
	u.conf = &c;
	u.browser = c.browser;
	ui_conf_binds(&u, &c);

	if (o->demo) {
		if ((dd = demo_dir()) == NULL) {
			fprintf(err, "byline: the demo is not installed (no %s "
			    "or %s)\n", BYLINE_SRCDIR "/demo",
			    BYLINE_DATADIR "/demo");
			goto out;
		}
		if ((tmp = demo_tmpdir(&eb)) == NULL)
			goto fail;
		if ((db = malloc(strlen(tmp) + sizeof "/demo.db")) == NULL)
			goto fail;
		snprintf(db, strlen(tmp) + sizeof "/demo.db", "%s/demo.db",
		    tmp);
		if ((u.store = store_open(db, &eb)) == NULL ||
		    import_demo(u.store, dd, &eb) == -1)
			goto fail;
		u.conf = NULL;	/* the demo's feeds are not configured */
		u.place = "Demo feeds (offline)";
		if (first(&u, &ui_feeds_mode, UI_MSG_NONE, NULL, NULL,
		    &eb) == -1)
			goto fail;
	} else if (target == NULL) {
		if (o->db != NULL)
			db = strdup(o->db);
		else
			db = store_default_path(&eb);
		if (db == NULL || (u.store = store_open(db, &eb)) == NULL)
			goto fail;
		if (ui_conf_ensure_feeds(u.store, &c, &eb) == -1)
			goto fail;
		if ((u.net = ui_net_new(&u)) == NULL) {
			errbuf_set(&eb, "cannot start the fetcher");
			goto fail;
		}
		if (first(&u, &ui_feeds_mode, UI_MSG_NONE, NULL, NULL,
		    &eb) == -1)
			goto fail;
		ui_conf_applied(&u);
		if (c.reload_on_start)
			(void)ui_net_reload(u.net, 0);
	} else if (is_url(target)) {
		/* The article view waits for the page. */
		if ((u.net = ui_net_new(&u)) == NULL) {
			errbuf_set(&eb, "%s: cannot fetch", target);
			goto fail;
		}
		if (first(&u, &ui_article_mode, UI_MSG_TARGET, target, NULL,
		    &eb) == -1)
			goto fail;
	} else if (is_dir(target)) {
		if (first(&u, &ui_headlines_mode, UI_MSG_DIR, target, NULL,
		    &eb) == -1)
			goto fail;
		u.place = target;
	} else if (first(&u, &ui_article_mode, UI_MSG_TARGET, target,
	    o->base_url, &eb) == -1)
		goto fail;
	ui_conf_warn(&u);
	if (ui_run(&u) == -1) {
		fprintf(err, "byline: cannot start the terminal interface\n");
		goto out;
	}
	rc = 0;
	goto out;
fail:
	fprintf(err, "byline: %s\n", eb.msg);
out:
	ui_net_free(u.net);
	u.net = NULL;
	ui_release(&u);
	store_close(u.store);
	conf_release(&c);
	if (tmp != NULL)
		demo_cleanup(tmp);
	free(tmp);
	free(db);
	free(feeds_path);
	free(settings_path);
	/* Ended by a signal: die of it now that everything is cleaned up,
	 * so that the parent sees why. */
	if ((sig = ui_signal()) != 0) {
		signal(sig, SIG_DFL);
		raise(sig);
	}
	return rc;
}
