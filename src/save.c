/*
 * save: articles to files.  See save.h.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "render.h"
#include "save.h"

char *
save_expand(const char *path)
{
	struct buf b;
	const char *home = getenv("HOME");

	buf_init(&b, CONF_PATH_MAX_BYTES);
	if (path[0] == '~' && (path[1] == '/' || path[1] == '\0') &&
	    home != NULL && *home != '\0') {
		if (buf_puts(&b, home) != BUF_OK ||
		    buf_puts(&b, path + 1) != BUF_OK) {
			buf_release(&b);
			return NULL;
		}
	} else if (buf_puts(&b, path) != BUF_OK) {
		buf_release(&b);
		return NULL;
	}
	return buf_take(&b);
}

char *
save_default_path(const char *folder, const char *title, int markdown)
{
	struct buf b;
	char	*dir;
	const char *p;
	size_t	 start, l;
	uint32_t cp;
	int	 dash = 0;

	if ((dir = save_expand(folder != NULL && *folder != '\0' ? folder :
	    "~")) == NULL)
		return NULL;
	buf_init(&b, CONF_PATH_MAX_BYTES);
	if (buf_puts(&b, dir) != BUF_OK || (b.len > 0 &&
	    b.data[b.len - 1] != '/' && buf_putc(&b, '/') != BUF_OK))
		goto fail;
	free(dir);
	dir = NULL;
	start = b.len;
	for (p = title != NULL ? title : ""; *p != '\0'; p += l) {
		l = utf8_decode(p, strlen(p), &cp);
		/* letters and digits of any script; the rest one dash */
		if (cp < 0x80 ? !ascii_isalpha((int)cp) &&
		    !ascii_isdigit((int)cp) : cp == 0xfffd || cp < 0xa0 ||
		    utf8_is_unsafe(cp)) {
			dash = b.len > start;
			continue;
		}
		if (b.len - start + l + 1 > SAVE_NAME_MAX_BYTES)
			break;
		if ((dash && buf_putc(&b, '-') != BUF_OK) ||
		    (cp < 0x80 ? buf_putc(&b, (char)ascii_tolower((int)cp)) :
		    buf_append(&b, p, l)) != BUF_OK)
			goto fail;
		dash = 0;
	}
	if (b.len == start && buf_puts(&b, "article") != BUF_OK)
		goto fail;
	if (buf_puts(&b, markdown ? ".md" : ".txt") != BUF_OK)
		goto fail;
	return buf_take(&b);
fail:
	free(dir);
	buf_release(&b);
	return NULL;
}

static int
is_markdown(const char *path)
{
	const char *dot = strrchr(path, '.');

	return dot != NULL && strchr(dot, '/') == NULL &&
	    (ascii_casecmp(dot, ".md") == 0 ||
	    ascii_casecmp(dot, ".markdown") == 0);
}

/* The text form: a header, a blank line, the body. */
static int
render_text(const struct article *a, struct buf *out)
{
	if ((a->title != NULL && buf_printf(out, "%s\n", a->title) !=
	    BUF_OK) ||
	    (a->byline != NULL && buf_printf(out, "By %s\n", a->byline) !=
	    BUF_OK) ||
	    (a->site != NULL && buf_printf(out, "%s\n", a->site) != BUF_OK) ||
	    (a->url != NULL && buf_printf(out, "%s\n", a->url) != BUF_OK) ||
	    (out->len > 0 && buf_putc(out, '\n') != BUF_OK))
		return -1;
	return render_article(a, RENDER_TEXT, out);
}

int
save_article(const struct article *a, const char *path, int overwrite,
    struct errbuf *eb)
{
	struct buf b;
	ssize_t	 w;
	size_t	 off = 0;
	int	 fd, rc;

	buf_init(&b, RENDER_MAX_BYTES);
	rc = is_markdown(path) ? render_article(a, RENDER_MARKDOWN, &b) :
	    render_text(a, &b);
	if (rc == -1) {
		buf_release(&b);
		errbuf_set(eb, "%s: the article is too big or memory ran out",
		    path);
		return -1;
	}
	if ((fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC |
	    (overwrite ? O_TRUNC : O_EXCL), 0644)) == -1) {
		errbuf_set(eb, "%s: %s", path, strerror(errno));
		buf_release(&b);
		return -1;
	}
	while (off < b.len) {
		if ((w = write(fd, b.data + off, b.len - off)) == -1) {
			if (errno == EINTR)
				continue;
			errbuf_set(eb, "%s: %s", path, strerror(errno));
			close(fd);
			buf_release(&b);
			return -1;
		}
		off += (size_t)w;
	}
	buf_release(&b);
	if (close(fd) == -1) {
		errbuf_set(eb, "%s: %s", path, strerror(errno));
		return -1;
	}
	return 0;
}
