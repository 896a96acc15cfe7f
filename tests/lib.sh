# lib.sh: helpers for the script tests.  Sourced; expects BYLINE (the
# built binary) and srcdir (the source tree) from the test environment.
: "${BYLINE:?BYLINE is not set}"
: "${srcdir:=.}"
LC_ALL=C.UTF-8
export LC_ALL

tests_run=0
tests_failed=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/byline-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

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
