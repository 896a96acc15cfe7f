#!/bin/sh
# style.sh: the calls our C must not make (STYLE.md), checked like curl's
# checksrc: unbounded string functions, non-reentrant time functions,
# atoi, and exit() outside main.c.
. "$srcdir/tests/lib.sh"

banned='\b(sprintf|vsprintf|strcpy|strcat|strncpy|strtok|gets|atoi|atol|gmtime|localtime|ctime|asctime)[[:space:]]*\('
tests_run=$((tests_run + 1))
hits=$(grep -nE "$banned" "$srcdir"/src/*.c "$srcdir"/src/*.h 2>/dev/null |
    grep -vE '^[^:]*:[0-9]+:[[:space:]]*(/\*|\*)')
if [ -n "$hits" ]; then
	fail "banned calls:"
	printf '%s\n' "$hits"
else
	ok "no banned calls in src/"
fi

tests_run=$((tests_run + 1))
hits=$(grep -nE '\b(exit|abort|err|errx)[[:space:]]*\(' "$srcdir"/src/*.c |
    grep -v '^[^:]*/main\.c:' | grep -vE ':[0-9]+:[[:space:]]*(/\*|\*)')
if [ -n "$hits" ]; then
	fail "exit() outside main.c:"
	printf '%s\n' "$hits"
else
	ok "exit() only in main.c"
fi

tests_run=$((tests_run + 1))
hits=$(grep -lE '\bfprintf[[:space:]]*\([[:space:]]*stderr' "$srcdir"/src/*.c |
    grep -vE '/(main|cmd_[a-z_]+)\.c$')
if [ -n "$hits" ]; then
	fail "modules print to stderr: $hits"
else
	ok "only main.c and cmd_*.c print to stderr"
fi

tests_run=$((tests_run + 1))
hits=$(grep -nE '^typedef[[:space:]]+struct' "$srcdir"/src/*.[ch])
if [ -n "$hits" ]; then
	fail "struct typedefs: $hits"
else
	ok "no struct typedefs"
fi
finish
