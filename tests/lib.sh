# lib.sh: helpers for the script tests.  Sourced; expects BYLINE (the
# built binary) and srcdir (the source tree) from the test environment.
: "${BYLINE:?BYLINE is not set}"
: "${srcdir:=.}"
LC_ALL=C.UTF-8
export LC_ALL

tests_run=0
tests_failed=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/byline-test.XXXXXX")
# lib_on_exit: a command run at exit before $tmp goes (tmux_setup's).
lib_on_exit=
trap 'eval "$lib_on_exit"; rm -rf "$tmp"' EXIT

fail() {
	printf 'FAIL: %s\n' "$*"
	tests_failed=$((tests_failed + 1))
}

ok() {
	printf 'ok: %s\n' "$*"
}

# check NAME WANT_STATUS WANT_STDERR_SUBSTRING -- CMD...: runs CMD,
# compares the exit status and one line of stderr; a signal (status
# above 128) or a sanitizer report always fails.
check() {
	name=$1 want=$2 msg=$3
	shift 4
	tests_run=$((tests_run + 1))
	"$@" >"$tmp/out" 2>"$tmp/err"
	st=$?
	if [ "$st" -gt 128 ] || grep -q 'Sanitizer\|runtime error' "$tmp/err"; then
		fail "$name: crashed (status $st): $(head -3 "$tmp/err")"
		return
	fi
	if [ "$st" -ne "$want" ]; then
		fail "$name: status $st, want $want: $(head -1 "$tmp/err")"
		return
	fi
	if [ -n "$msg" ] && ! grep -qF -- "$msg" "$tmp/err"; then
		fail "$name: stderr lacks \"$msg\": $(head -1 "$tmp/err")"
		return
	fi
	if [ -n "$msg" ] && [ "$(grep -c . "$tmp/err")" -gt 2 ]; then
		fail "$name: more than one message line"
		return
	fi
	ok "$name"
}

# Prints the closing line and exits with the result.
finish() {
	printf '%d passed, %d failed\n' "$((tests_run - tests_failed))" \
	    "$tests_failed"
	[ "$tests_failed" -eq 0 ]
	exit $?
}

# pass WHAT, flunk WHY: ok and fail, each counted as one check.
pass() {
	tests_run=$((tests_run + 1))
	ok "$@"
}

flunk() {
	tests_run=$((tests_run + 1))
	fail "$@"
}

# ---- the reader in tmux, as tmux's regress/ drives it ----

# tmux_setup NAME: a private tmux server for this test (-L
# byline-NAME-PID, -f /dev/null), killed at exit; skips (77) when tmux
# is missing.  DEADLINE: seconds a screen may take to appear (sanitized
# builds are slow).
tmux_setup() {
	command -v tmux >/dev/null 2>&1 || {
		echo "$1: tmux is not installed: skipped"
		exit 77
	}
	sock=byline-$1-$$
	DEADLINE=${TUI_DEADLINE:-20}
	lib_on_exit='T kill-server >/dev/null 2>&1'
}

T() {
	tmux -L "$sock" -f /dev/null "$@"
}

# screen SESSION: the pane's text.
screen() {
	T capture-pane -p -t "$1"
}

# until_screen SESSION WHAT TEST...: polls until TEST (a command that
# reads the screen on its input) succeeds; when the deadline passes,
# says WHAT did not happen, prints the screen and returns 1.
until_screen() {
	us_s=$1
	us_what=$2
	shift 2
	us_end=$(($(date +%s) + DEADLINE))
	until screen "$us_s" 2>/dev/null | "$@"; do
		if [ "$(date +%s)" -gt "$us_end" ]; then
			echo "--- $us_s: $us_what; the screen:"
			screen "$us_s" 2>/dev/null
			echo "---"
			return 1
		fi
		sleep 0.05
	done
}

shows() {
	grep -qF -- "$1"
}

shows_not() {
	! grep -qF -- "$1"
}

row_shows() {
	sed -n "$1p" | grep -qF -- "$2"
}

# wait_for SESSION TEXT: polls the screen until it shows TEXT (a fixed
# string).
wait_for() {
	until_screen "$1" "\"$2\" did not appear" shows "$2"
}

# wait_row SESSION ROW TEXT: polls until row ROW (1-based) shows TEXT.
wait_row() {
	until_screen "$1" "row $2 never showed \"$3\"" row_shows "$2" "$3"
}

# wait_gone SESSION TEXT: polls until the screen no longer shows TEXT.
wait_gone() {
	until_screen "$1" "\"$2\" did not go" shows_not "$2"
}

# expect SESSION TEXT WHAT: wait_for, counted as one check.
expect() {
	if wait_for "$1" "$2"; then
		pass "$3"
	else
		flunk "$3"
	fi
}

# keys SESSION KEY...: send-keys (tmux key names).
keys() {
	s=$1
	shift
	T send-keys -t "$s" "$@"
}
