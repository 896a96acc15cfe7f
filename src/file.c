/*
 * file: reading a whole file.  See file.h.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "file.h"

int
file_read(const char *path, struct buf *out, struct errbuf *eb)
{
	char	 chunk[65536];
	ssize_t	 n = 0;
	int	 fd, have_st;
	struct stat st;

	if (strcmp(path, "-") == 0)
		fd = STDIN_FILENO;
	else if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		errbuf_set(eb, "%s: %s", path, strerror(errno));
		return -1;
	}
	if ((have_st = fstat(fd, &st) == 0)) {
		if (S_ISDIR(st.st_mode)) {
			errbuf_set(eb, "%s: is a directory", path);
			goto fail;
		}
		if (S_ISREG(st.st_mode) && (uintmax_t)st.st_size > out->max) {
			errbuf_set(eb, "%s: too large (%jd bytes, limit %zu)",
			    path, (intmax_t)st.st_size, out->max);
			goto fail;
		}
	}
	/* A file of known size is read straight into the buffer, sized
	 * once: no copy, no growth, no 64 KB of stack touched. */
	if (have_st && S_ISREG(st.st_mode) && st.st_size > 0 &&
	    buf_reserve(out, (size_t)st.st_size + 1) == BUF_OK) {
		for (;;) {
			n = read(fd, out->data + out->len,
			    out->cap - out->len - 1);
			if (n == -1 && errno == EINTR)
				continue;
			if (n == -1) {
				errbuf_set(eb, "%s: %s", path,
				    strerror(errno));
				goto fail;
			}
			if (n == 0)
				break;
			out->len += (size_t)n;
			out->data[out->len] = '\0';
			/* Full: the file grew; read on in chunks. */
			if (out->cap - out->len - 1 == 0)
				break;
		}
		if (n == 0)
			goto done;
	}
	for (;;) {
		n = read(fd, chunk, sizeof chunk);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1) {
			errbuf_set(eb, "%s: %s", path, strerror(errno));
			goto fail;
		}
		if (n == 0)
			break;
		switch (buf_append(out, chunk, (size_t)n)) {
		case BUF_OK:
			break;
		case BUF_TOOBIG:
			errbuf_set(eb, "%s: too large (limit %zu bytes)", path,
			    out->max);
			goto fail;
		case BUF_NOMEM:
			errbuf_set(eb, "%s: out of memory", path);
			goto fail;
		}
	}
done:
	if (fd != STDIN_FILENO)
		close(fd);
	return 0;
fail:
	if (fd != STDIN_FILENO)
		close(fd);
	buf_reset(out);
	return -1;
}
