/*
 * cmd_tui: the interactive reader; see ui.h.  The command line's options
 * become the reader's own struct ui_setup here, so that the reader does
 * not depend on cmd.h.  Before the screen is taken: the reader needs a
 * terminal on both ends (else one line says so, rather than drawing
 * into a pipe and waiting for keys that never come), and with no
 * feeds.conf it names the path it reads and offers to create it from
 * the example.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd.h"
#include "conf.h"
#include "ui.h"

/* The example feeds.conf: the source tree's when run from the build
 * tree, else the installed one (NULL: neither). */
static const char *
example_path(void)
{
	static const char *const cand[] = {
		BYLINE_SRCDIR "/feeds.conf.example",
		BYLINE_DATADIR "/feeds.conf.example"
	};
	size_t	 i;

	for (i = 0; i < sizeof cand / sizeof cand[0]; i++)
		if (access(cand[i], R_OK) == 0)
			return cand[i];
	return NULL;
}

/* Creates path's directory (one level, as XDG's) and copies the
 * example there.  0, or -1 with eb set. */
static int
copy_example(const char *example, const char *path, struct errbuf *eb)
{
	struct buf b;
	const char *slash;
	char	*dir;
	FILE	*f;

	if ((slash = strrchr(path, '/')) != NULL && slash != path) {
		if ((dir = xstrndup(path, (size_t)(slash - path))) == NULL) {
			errbuf_set(eb, "%s: out of memory", path);
			return -1;
		}
		if (mkdir(dir, 0700) == -1 && errno != EEXIST) {
			errbuf_set(eb, "%s: %s", dir, strerror(errno));
			free(dir);
			return -1;
		}
		free(dir);
	}
	buf_init(&b, CONF_FILE_MAX_BYTES);
	if (file_read(example, &b, eb) == -1)
		return -1;
	if ((f = fopen(path, "wx")) == NULL) {
		errbuf_set(eb, "%s: %s", path, strerror(errno));
		buf_release(&b);
		return -1;
	}
	if (fwrite(b.data, 1, b.len, f) != b.len) {
		fclose(f);
		buf_release(&b);
		errbuf_set(eb, "%s: write error", path);
		return -1;
	}
	buf_release(&b);
	if (fclose(f) == EOF) {
		errbuf_set(eb, "%s: write error", path);
		return -1;
	}
	return 0;
}

/*
 * No feeds.conf at the default path: say where it goes and offer the
 * example.  Returns 0 to go on (created or not), -1 on a failure to
 * create it (printed).
 */
static int
offer_feeds_conf(FILE *err)
{
	struct errbuf eb;
	const char *example;
	char	*fp = NULL, *sp = NULL, answer[16];
	int	 rc = 0;

	if (conf_paths(NULL, &fp, &sp, &eb) == -1 || access(fp, F_OK) == 0)
		goto out;
	example = example_path();
	fprintf(err, "byline: no feeds.conf at %s\n", fp);
	if (example == NULL) {
		fprintf(err, "byline: write one URL per line there (newsboat's "
		    "urls syntax; see byline(1))\n");
		goto out;
	}
	fprintf(err, "Create it from the example (%s)? [y/N] ", example);
	fflush(err);
	if (fgets(answer, sizeof answer, stdin) == NULL ||
	    (answer[0] != 'y' && answer[0] != 'Y'))
		goto out;
	if (copy_example(example, fp, &eb) == -1) {
		fprintf(err, "byline: %s\n", eb.msg);
		rc = -1;
		goto out;
	}
	fprintf(err, "byline: created %s; its feeds are examples to edit, "
	    "then reload (R)\n", fp);
out:
	free(fp);
	free(sp);
	return rc;
}

int
cmd_tui(const struct options *o, const char *target, int demo, FILE *err)
{
	struct ui_setup s;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(err, "byline: the reader needs a terminal (standard "
		    "%s is not one); --dump, --parse-feed and --reload do "
		    "not\n", !isatty(STDIN_FILENO) ? "input" : "output");
		return 1;
	}
	if (target == NULL && !demo && o->config == NULL &&
	    offer_feeds_conf(err) == -1)
		return 1;
	memset(&s, 0, sizeof s);
	s.config = o->config;
	s.db = o->db;
	s.base_url = o->base_url;
	s.color = o->color;
	s.target = target;
	s.demo = demo;
	return ui_start(&s, err);
}
