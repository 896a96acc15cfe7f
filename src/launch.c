/*
 * launch: the browser and pipe commands.  See launch.h.
 */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "launch.h"

int
launch_url_ok(const char *url)
{
	size_t	 i, n, len;
	uint32_t cp;

	if (url_is_web(url))
		return 1;
	if (url == NULL || ascii_ncasecmp(url, "file://", 7) != 0)
		return 0;
	n = strlen(url);
	if (n == 7)
		return 0;
	for (i = 7; i < n; i += len) {
		len = utf8_decode(url + i, n - i, &cp);
		if (utf8_is_unsafe(cp) || (cp == 0xfffd && len == 1))
			return 0;
	}
	return 1;
}

/* Appends s single-quoted for /bin/sh ("'" as '\''). */
static enum buf_result
put_quoted(struct buf *out, const char *s)
{
	enum buf_result r = buf_putc(out, '\'');

	for (; *s != '\0' && r == BUF_OK; s++)
		r = *s == '\'' ? buf_puts(out, "'\\''") : buf_putc(out, *s);
	return r == BUF_OK ? buf_putc(out, '\'') : r;
}

int
launch_browser_command(struct buf *out, const char *tmpl, const char *url)
{
	const char *p;
	size_t	 len = out->len;
	int	 used = 0;
	enum buf_result r = BUF_OK;

	if (tmpl == NULL || *tmpl == '\0')
		tmpl = getenv("BROWSER");
	if (tmpl == NULL || *tmpl == '\0')
		tmpl = "xdg-open";
	for (p = tmpl; *p != '\0' && r == BUF_OK; p++) {
		if (*p == '%' && (p[1] == 'u' || p[1] == 's')) {
			r = put_quoted(out, url);
			used = 1;
			p++;
		} else if (*p == '%' && p[1] == '%') {
			r = buf_putc(out, '%');
			p++;
		} else
			r = buf_putc(out, *p);
	}
	if (r == BUF_OK && !used) {
		r = buf_putc(out, ' ');
		if (r == BUF_OK)
			r = put_quoted(out, url);
	}
	if (r != BUF_OK) {
		buf_setlen(out, len);
		return -1;
	}
	return 0;
}

/* Writes all of data to fd; EPIPE (the command stopped reading) is
 * not an error of ours. */
static int
write_all(int fd, const char *data, size_t n)
{
	ssize_t	 w;

	while (n > 0) {
		w = write(fd, data, n);
		if (w == -1 && errno == EINTR)
			continue;
		if (w == -1)
			return errno == EPIPE ? 0 : -1;
		data += w;
		n -= (size_t)w;
	}
	return 0;
}

int
launch_run(const char *cmd, const char *data, size_t n, struct errbuf *eb)
{
	struct sigaction ign, old;
	pid_t	 pid;
	int	 fd[2] = { -1, -1 }, st, werr = 0;

	if (data != NULL && pipe(fd) == -1) {
		errbuf_set(eb, "%.200s: %s", cmd, strerror(errno));
		return -1;
	}
	if ((pid = fork()) == -1) {
		errbuf_set(eb, "%.200s: %s", cmd, strerror(errno));
		if (data != NULL) {
			close(fd[0]);
			close(fd[1]);
		}
		return -1;
	}
	if (pid == 0) {
		if (data != NULL) {
			close(fd[1]);
			if (dup2(fd[0], STDIN_FILENO) == -1)
				_exit(127);
			close(fd[0]);
		}
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		_exit(127);
	}
	if (data != NULL) {
		close(fd[0]);
		/* A command that does not read it all must not kill us. */
		memset(&ign, 0, sizeof ign);
		ign.sa_handler = SIG_IGN;
		sigemptyset(&ign.sa_mask);
		(void)sigaction(SIGPIPE, &ign, &old);
		werr = write_all(fd[1], data, n);
		close(fd[1]);
		(void)sigaction(SIGPIPE, &old, NULL);
	}
	while (waitpid(pid, &st, 0) == -1)
		if (errno != EINTR) {
			errbuf_set(eb, "%.200s: %s", cmd, strerror(errno));
			return -1;
		}
	if (WIFSIGNALED(st)) {
		errbuf_set(eb, "%.200s: killed by signal %d", cmd,
		    WTERMSIG(st));
		return -1;
	}
	if (WEXITSTATUS(st) != 0) {
		errbuf_set(eb, "%.200s: exit status %d%s", cmd,
		    WEXITSTATUS(st), WEXITSTATUS(st) == 127 ?
		    " (not found?)" : "");
		return -1;
	}
	if (werr == -1) {
		errbuf_set(eb, "%.200s: cannot write to it", cmd);
		return -1;
	}
	return 0;
}
