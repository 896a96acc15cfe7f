/*
 * cmd_opml: --import-opml FILE (new feeds appended to feeds.conf) and
 * --export-opml (feeds.conf as OPML, with the feed titles the store
 * knows).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd.h"
#include "conf.h"
#include "opml.h"
#include "store.h"
#include "ui_keys.h"

/* Loads the configuration and prints its warnings; -1 when unusable. */
int
cmd_load_conf(const struct options *o, struct conf *c, FILE *err)
{
	struct errbuf eb;
	char	*fp, *sp;
	size_t	 i;
	int	 rc;

	if (conf_paths(o->config, &fp, &sp, &eb) == -1) {
		fprintf(err, "byline: %s\n", eb.msg);
		return -1;
	}
	/* The reader's bind lines too: every mode reports every bad line. */
	c->check_bind = ui_keys_check;
	rc = conf_load(c, fp, sp, 1, &eb);
	for (i = 0; i < c->nwarnings; i++)
		fprintf(err, "%s\n", c->warnings[i]);
	if (rc == -1)
		fprintf(err, "byline: %s\n", eb.msg);
	free(fp);
	free(sp);
	return rc;
}

char *
cmd_db_path(const struct options *o, struct errbuf *eb)
{
	char	*p;

	if (o->db == NULL)
		return store_default_path(eb);
	if ((p = strdup(o->db)) == NULL)
		errbuf_set(eb, "%s: out of memory", o->db);
	return p;
}

/* --import-opml: new feeds are appended to feeds.conf. */
struct import {
	struct conf	*c;
	struct buf	 add;
	size_t		 added, present;
};

static int
import_feed(void *ctx, const struct opml_feed *f)
{
	struct import *im = ctx;
	size_t	 i;

	if (conf_find_feed(im->c, f->url) != NULL) {
		im->present++;
		return 0;
	}
	/* the same URL twice in the OPML file */
	for (i = 0; i + strlen(f->url) < im->add.len; i++)
		if ((i == 0 || im->add.data[i - 1] == '\n') &&
		    strncmp(im->add.data + i, f->url, strlen(f->url)) == 0 &&
		    (im->add.data[i + strlen(f->url)] == ' ' ||
		    im->add.data[i + strlen(f->url)] == '\n')) {
			im->present++;
			return 0;
		}
	if (conf_format_feed(&im->add, f->url, f->title, f->tags,
	    f->ntags) == -1 || buf_putc(&im->add, '\n') != BUF_OK)
		return -1;
	im->added++;
	return 0;
}

int
cmd_import_opml(const struct options *o, const char *file, FILE *out,
    FILE *err)
{
	struct conf c;
	struct import im;
	struct buf in;
	struct errbuf eb;
	char	*fp = NULL, *sp = NULL;
	FILE	*fc;
	int	 rc = 1;

	conf_init(&c);
	buf_init(&in, OPML_MAX_BYTES);
	memset(&im, 0, sizeof im);
	buf_init(&im.add, CONF_FILE_MAX_BYTES);
	im.c = &c;
	if (conf_paths(o->config, &fp, &sp, &eb) == -1 ||
	    conf_load(&c, fp, NULL, 0, &eb) == -1 ||
	    file_read(file, &in, &eb) == -1) {
		fprintf(err, "byline: %s\n", eb.msg);
		goto out;
	}
	if (opml_parse(file, in.data, in.len, import_feed, &im, &eb) == -1) {
		if (im.add.len == 0 && im.added == 0 && eb.msg[0] == '\0')
			errbuf_set(&eb, "%s: out of memory", file);
		fprintf(err, "byline: %s\n", eb.msg);
		goto out;
	}
	if (im.add.len > 0) {
		if (file_mkdir_parents(fp, &eb) == -1) {
			fprintf(err, "byline: %s\n", eb.msg);
			goto out;
		}
		if ((fc = fopen(fp, "a")) == NULL) {
			fprintf(err, "byline: %s: %s\n", fp, strerror(errno));
			goto out;
		}
		if (fwrite(im.add.data, 1, im.add.len, fc) != im.add.len) {
			fclose(fc);
			fprintf(err, "byline: %s: write error\n", fp);
			goto out;
		}
		if (fclose(fc) == EOF) {
			fprintf(err, "byline: %s: write error\n", fp);
			goto out;
		}
	}
	fprintf(out, "%zu feeds added to %s, %zu already there\n", im.added,
	    fp, im.present);
	rc = 0;
out:
	buf_release(&in);
	buf_release(&im.add);
	free(fp);
	free(sp);
	conf_release(&c);
	return rc;
}

int
cmd_export_opml(const struct options *o, FILE *out, FILE *err)
{
	struct conf c;
	struct opml_feed *v = NULL;
	struct store *s = NULL;
	struct store_feed *sf = NULL;
	struct buf b;
	struct errbuf eb;
	char	*path = NULL;
	size_t	 i, k, nsf = 0;
	int	 rc = 1;

	conf_init(&c);
	buf_init(&b, CONF_FILE_MAX_BYTES * 4);
	if (cmd_load_conf(o, &c, err) == -1)
		goto out;
	/* feed titles from the store where there is one; optional */
	if ((path = cmd_db_path(o, &eb)) != NULL && access(path, F_OK) == 0 &&
	    (s = store_open(path, &eb)) != NULL &&
	    store_feeds(s, &sf, &nsf, &eb) == -1)
		nsf = 0;
	if ((v = calloc(c.nfeeds + 1, sizeof *v)) == NULL)
		goto nomem;
	for (i = 0; i < c.nfeeds; i++) {
		v[i].url = c.feeds[i].url;
		v[i].title = c.feeds[i].title;
		v[i].tags = c.feeds[i].tags;
		v[i].ntags = c.feeds[i].ntags;
		for (k = 0; v[i].title == NULL && k < nsf; k++)
			if (strcmp(sf[k].url, v[i].url) == 0)
				v[i].title = sf[k].title;
	}
	if (opml_write(&b, NULL, v, c.nfeeds) == -1)
		goto nomem;
	if (fwrite(b.data, 1, b.len, out) != b.len || fflush(out) == EOF) {
		fprintf(err, "byline: standard output: write error\n");
		goto out;
	}
	rc = 0;
	goto out;
nomem:
	fprintf(err, "byline: out of memory\n");
out:
	free(v);
	store_feeds_free(sf, nsf);
	store_close(s);
	free(path);
	buf_release(&b);
	conf_release(&c);
	return rc;
}
