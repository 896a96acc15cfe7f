/*
 * spawn: one bounded run of "/bin/sh -c CMD".  See spawn.h.
 *
 * posix_spawn() rather than fork(): the caller has threads, and the
 * child then runs no code of ours between the fork and the exec.  The
 * pipes are non-blocking and served by one poll() loop with the
 * deadline, so a command that neither reads its input nor writes its
 * output cannot hold us past it.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bounds.h"
#include "spawn.h"

extern char **environ;

static long	 now_ms(void);
static int	 start(const char *, int *, int *, pid_t *);

static long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Starts sh -c cmd with pipes to its input (*in_fd) and from its output
 * (*out_fd), both non-blocking on our side.  -1 with errno set. */
static int
start(const char *cmd, int *in_fd, int *out_fd, pid_t *pid)
{
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t at;
	char	 sh[] = "sh", dash_c[] = "-c";
	char	*argv[4], *copy;
	int	 in[2], out[2], rc;

	if ((copy = strdup(cmd)) == NULL)
		return -1;
	if (pipe2(in, O_CLOEXEC) == -1) {
		free(copy);
		return -1;
	}
	if (pipe2(out, O_CLOEXEC) == -1) {
		close(in[0]);
		close(in[1]);
		free(copy);
		return -1;
	}
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, in[0], STDIN_FILENO);
	posix_spawn_file_actions_adddup2(&fa, out[1], STDOUT_FILENO);
	posix_spawn_file_actions_addopen(&fa, STDERR_FILENO, "/dev/null",
	    O_WRONLY, 0);
	posix_spawnattr_init(&at);
	/* its own process group, killed whole on timeout; signals as a
	 * fresh process has them */
	posix_spawnattr_setpgroup(&at, 0);
	posix_spawnattr_setflags(&at, POSIX_SPAWN_SETPGROUP |
	    POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
	{
		sigset_t none, def;

		sigemptyset(&none);
		posix_spawnattr_setsigmask(&at, &none);
		sigemptyset(&def);
		sigaddset(&def, SIGPIPE);
		posix_spawnattr_setsigdefault(&at, &def);
	}
	argv[0] = sh;
	argv[1] = dash_c;
	argv[2] = copy;
	argv[3] = NULL;
	rc = posix_spawn(pid, "/bin/sh", &fa, &at, argv, environ);
	free(copy);
	posix_spawn_file_actions_destroy(&fa);
	posix_spawnattr_destroy(&at);
	close(in[0]);
	close(out[1]);
	if (rc != 0) {
		close(in[1]);
		close(out[0]);
		errno = rc;
		return -1;
	}
	fcntl(in[1], F_SETFL, O_NONBLOCK);
	fcntl(out[0], F_SETFL, O_NONBLOCK);
	*in_fd = in[1];
	*out_fd = out[0];
	return 0;
}

int
spawn_run(const char *cmd, const char *in, size_t inlen, struct buf *out,
    long timeout_ms, const char *where, struct errbuf *eb)
{
	struct pollfd pf[2];
	char	 chunk[SPAWN_READ_BYTES];
	size_t	 off = 0;
	ssize_t	 n;
	pid_t	 pid;
	long	 end, left;
	int	 ifd, ofd, status, why = 0, nf;

	enum { DONE = 0, TIMEOUT, TOOBIG, NOMEM };

	if (start(cmd, &ifd, &ofd, &pid) == -1) {
		errbuf_set(eb, "%s: cannot run /bin/sh: %s", where,
		    strerror(errno));
		return -1;
	}
	if (in == NULL || inlen == 0) {
		close(ifd);
		ifd = -1;
	}
	end = now_ms() + timeout_ms;
	while (ofd != -1) {
		if ((left = end - now_ms()) <= 0) {
			why = TIMEOUT;
			break;
		}
		nf = 0;
		pf[nf].fd = ofd;
		pf[nf++].events = POLLIN;
		if (ifd != -1) {
			pf[nf].fd = ifd;
			pf[nf++].events = POLLOUT;
		}
		if (poll(pf, (nfds_t)nf, (int)left) == -1 && errno != EINTR)
			break;
		if (ifd != -1 && (pf[1].revents & (POLLOUT | POLLERR |
		    POLLHUP)) != 0) {
			n = write(ifd, in + off, inlen - off);
			if (n > 0)
				off += (size_t)n;
			if ((n == -1 && errno != EAGAIN && errno != EINTR) ||
			    off == inlen) {
				/* done, or the command stopped reading */
				close(ifd);
				ifd = -1;
			}
		}
		if ((pf[0].revents & (POLLIN | POLLERR | POLLHUP)) == 0)
			continue;
		n = read(ofd, chunk, sizeof chunk);
		if (n == 0 || (n == -1 && errno != EAGAIN && errno != EINTR)) {
			close(ofd);
			ofd = -1;
		} else if (n > 0) {
			enum buf_result r = buf_append(out, chunk, (size_t)n);

			if (r != BUF_OK) {
				why = r == BUF_TOOBIG ? TOOBIG : NOMEM;
				break;
			}
		}
	}
	if (ifd != -1)
		close(ifd);
	if (ofd != -1)
		close(ofd);
	/* the output ended: the command has the rest of the time to exit */
	while (why == DONE && waitpid(pid, &status, WNOHANG) == 0) {
		if (now_ms() >= end) {
			why = TIMEOUT;
			break;
		}
		(void)poll(NULL, 0, SPAWN_WAIT_POLL_MS);
	}
	if (why != DONE) {
		(void)kill(-pid, SIGKILL);
		(void)waitpid(pid, &status, 0);
	}
	switch (why) {
	case TIMEOUT:
		errbuf_set(eb, "%s: timeout after %ld s", where,
		    timeout_ms / 1000);
		return -1;
	case TOOBIG:
		errbuf_set(eb, "%s: output too large (over %zu bytes)", where,
		    out->max);
		return -1;
	case NOMEM:
		errbuf_set(eb, "%s: out of memory", where);
		return -1;
	default:
		break;
	}
	if (WIFSIGNALED(status)) {
		errbuf_set(eb, "%s: killed by signal %d", where,
		    WTERMSIG(status));
		return -1;
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) != 0) {
		errbuf_set(eb, "%s: exit status %d", where,
		    WEXITSTATUS(status));
		return -1;
	}
	return 0;
}
