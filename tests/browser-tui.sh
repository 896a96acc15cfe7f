#!/bin/sh
# browser-tui.sh: the reader's "o" (open in browser) hands http:// and
# https:// addresses to the browser; any other that a page gives (file:,
# a control character) gets a message on the status line and starts
# nothing.  (A local feed's own file: pages do open: tests/tui.sh.)  The
# reader runs in tmux (a private server, -f /dev/null, 100x30) with
# BROWSER set to a script that records what it was given.  Skipped (77)
# when tmux is missing.
set -u

: "${BYLINE:=./src/byline}"
: "${srcdir:=.}"
command -v tmux >/dev/null 2>&1 || {
	echo "browser-tui: tmux is not installed: skipped"
	exit 77
}
case $BYLINE in /*) ;; *) BYLINE=$(pwd)/$BYLINE ;; esac

LC_ALL=C.UTF-8
export LC_ALL
tmp=$(mktemp -d "${TMPDIR:-/tmp}/byline-browser.XXXXXX")
sock=byline-browser-$$
# Seconds a screen may take to appear (sanitized builds are slow).
DEADLINE=${TUI_DEADLINE:-20}
T() {
	tmux -L "$sock" -f /dev/null "$@"
}
trap 'T kill-server >/dev/null 2>&1; rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM HUP

tests_run=0
fails=0
fail() {
	echo "FAIL: $*"
	fails=$((fails + 1))
}
ok() {
	echo "ok: $*"
}

mkdir -p "$tmp/home" "$tmp/asan"
printf '#!/bin/sh\nprintf "%%s\\n" "$1" >>"%s/opened"\n' "$tmp" \
    >"$tmp/browser"
chmod +x "$tmp/browser"

# page NAME URL: a saved page whose canonical address is URL.
page() {
	printf '<html><head><title>Page %s</title><link rel="canonical" href="%s"></head><body><article><h1>Page %s</h1><p>The council met on Tuesday to review the plan for the new library, which was delayed by a year.</p></article></body></html>\n' \
	    "$1" "$2" "$1" >"$tmp/$1.html"
}

# start NAME: byline on page NAME in a new detached session.
start() {
	T new-session -d -s "$1" -x 100 -y 30 \
	    "env HOME='$tmp/home' XDG_CONFIG_HOME='$tmp/home' \
	    XDG_DATA_HOME='$tmp/home' XDG_CACHE_HOME='$tmp/home' \
	    BROWSER='$tmp/browser' \
	    ASAN_OPTIONS='log_path=$tmp/asan/asan' \
	    UBSAN_OPTIONS='log_path=$tmp/asan/ubsan' \
	    '$BYLINE' '$tmp/$1.html'; echo EXIT=\$?; exec sleep 600"
}

# wait_for SESSION TEXT: polls the screen until it shows TEXT.
wait_for() {
	end=$(($(date +%s) + DEADLINE))
	until T capture-pane -p -t "$1" 2>/dev/null | grep -qF -- "$2"; do
		if [ "$(date +%s)" -gt "$end" ]; then
			echo "--- $1: \"$2\" did not appear; the screen:"
			T capture-pane -p -t "$1" 2>/dev/null
			return 1
		fi
		sleep 0.05
	done
}

# refused NAME URL: "o" on a page at URL gives the message, no browser.
refused() {
	tests_run=$((tests_run + 1))
	page "$1" "$2"
	start "$1"
	if ! wait_for "$1" "Page $1"; then
		fail "$1: the page did not open"
		return
	fi
	T send-keys -t "$1" o
	if wait_for "$1" "not an http or https address" &&
	    [ ! -e "$tmp/opened" ]; then
		ok "$1: not opened"
	else
		fail "$1: $(cat "$tmp/opened" 2>/dev/null)"
	fi
	T send-keys -t "$1" q
	wait_for "$1" "EXIT=0" >/dev/null || fail "$1: did not quit"
}

refused file "file:///etc/passwd"

# An http address goes to the browser as it is.
tests_run=$((tests_run + 1))
page web "https://news.example.com/2025/library"
start web
if wait_for web "Page web"; then
	T send-keys -t web o
	end=$(($(date +%s) + DEADLINE))
	until [ -s "$tmp/opened" ] || [ "$(date +%s)" -gt "$end" ]; do
		sleep 0.05
	done
	if [ "$(cat "$tmp/opened" 2>/dev/null)" = \
	    "https://news.example.com/2025/library" ]; then
		ok "web: opened"
	else
		fail "web: browser got \"$(cat "$tmp/opened" 2>/dev/null)\""
	fi
else
	fail "web: the page did not open"
fi
T send-keys -t web q

if [ -n "$(ls "$tmp/asan")" ]; then
	fail "sanitizer: $(cat "$tmp"/asan/* | head -20)"
fi
echo "$((tests_run - fails)) passed, $fails failed"
[ $fails -eq 0 ]
