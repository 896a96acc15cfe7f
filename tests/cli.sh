#!/bin/sh
# cli.sh: the command line's exit statuses and messages (0 done, 1 the
# input could not be read or understood, 2 bad usage), on good and bad
# input.
. "$srcdir/tests/lib.sh"

check "help" 0 "" -- "$BYLINE" --help
grep -q -- '--dump' "$tmp/out" || fail "help does not mention --dump"
check "version" 0 "" -- "$BYLINE" --version
grep -q '^byline [0-9]' "$tmp/out" || fail "version line: $(cat "$tmp/out")"
check "unknown option" 2 "unrecognized option" -- "$BYLINE" --frobnicate
check "bad format" 2 "unknown format 'pdf'" -- "$BYLINE" --dump --format=pdf x
check "bad input type" 2 "unknown input type 'xml'" -- \
    "$BYLINE" --dump --input=xml x
check "dump without path" 2 "--dump needs a PATH" -- "$BYLINE" --dump
check "dump two paths" 2 "--dump takes one PATH" -- "$BYLINE" --dump a b

check "missing file" 1 "byline: $tmp/nope.txt: No such file or directory" -- \
    "$BYLINE" --dump "$tmp/nope.txt"
: >"$tmp/empty.txt"
check "empty file" 1 "byline: $tmp/empty.txt: empty input" -- \
    "$BYLINE" --dump "$tmp/empty.txt"
printf '\177ELF\002\001\001\000\000\000\000\000binary' >"$tmp/bin"
check "binary file" 1 "byline: $tmp/bin: binary data" -- \
    "$BYLINE" --dump "$tmp/bin"
check "directory" 1 "is a directory" -- "$BYLINE" --dump "$tmp"
# 200 MB, sparse: refused from its size before reading.
truncate -s 200M "$tmp/huge.txt"
check "200 MB file" 1 "byline: $tmp/huge.txt: too large" -- \
    "$BYLINE" --dump "$tmp/huge.txt"
rm -f "$tmp/huge.txt"

# One line of 10 MB: a result, in bounded time.
python3 -c 'import sys; sys.stdout.write(("word " * 2000000) + "\n")' \
    >"$tmp/long.txt"
check "10 MB line" 0 "" -- "$BYLINE" --dump "$tmp/long.txt"

# Invalid UTF-8 comes out replaced, never passed on.
printf 'Caf\351 owners said on Monday that the new rules would cost them \377 more than they earn in a week of trade.\n' >"$tmp/bad-utf8.txt"
check "invalid UTF-8" 0 "" -- "$BYLINE" --dump "$tmp/bad-utf8.txt"
if ! python3 -c 'import sys; open(sys.argv[1], "rb").read().decode("utf-8")' \
    "$tmp/out" 2>/dev/null; then
	fail "invalid UTF-8 reached the output"
fi

# Standard input, and the sample in every format.
check "stdin" 0 "" -- sh -c '"$0" --dump - <"$1"' "$BYLINE" \
    "$srcdir/tests/data/sample.txt"
cmp -s "$tmp/out" "$srcdir/tests/data/sample.expected.txt" ||
    fail "stdin: output differs from sample.expected.txt"
check "markdown" 0 "" -- "$BYLINE" --dump --format=markdown \
    "$srcdir/tests/data/sample.txt"
grep -q '^# New ferry timetable' "$tmp/out" || fail "markdown: no title"
check "json" 0 "" -- "$BYLINE" --dump --format=json \
    "$srcdir/tests/data/sample.txt"
python3 - "$tmp/out" <<'PY' || fail "json: wrong fields"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["date"] == "2025-03-03", d["date"]
assert d["byline"] == "Maren Aldous", d["byline"]
assert [r["title"] for r in d["related"]][1].startswith("Night buses"), d
assert set(d) >= {"title", "byline", "date", "site", "lang", "url",
    "excerpt", "text", "links", "related"}
PY

# No control character reaches a terminal: run under a pseudo-terminal.
printf 'The council met on \033[2J\033]0;pwned\007Tuesday to review the \033[31mplan\033[0m for the new library, which was delayed.\n' >"$tmp/esc.txt"
tests_run=$((tests_run + 1))
python3 - "$BYLINE" "$tmp/esc.txt" >"$tmp/pty" <<'PY'
import os, pty, sys
pid, fd = pty.fork()
if pid == 0:
    os.execv(sys.argv[1], [sys.argv[1], "--dump", sys.argv[2]])
out = b""
while True:
    try:
        chunk = os.read(fd, 65536)
    except OSError:
        break
    if not chunk:
        break
    out += chunk
os.waitpid(pid, 0)
sys.stdout.write("ESC" if b"\x1b" in out or b"\x07" in out else "clean")
sys.stdout.write(" " + out.decode("utf-8", "replace").strip())
PY
if grep -q '^clean The council met on Tuesday' "$tmp/pty"; then
	ok "terminal output clean"
else
	fail "terminal output: $(cat "$tmp/pty")"
fi

# URLs, from a loopback server the test starts (127.0.0.1, a free port).
python3 "$srcdir/tests/httpd.py" >"$tmp/port" 2>"$tmp/httpd.err" &
httpd=$!
trap 'kill $httpd 2>/dev/null; rm -rf "$tmp"' EXIT
i=0
while [ ! -s "$tmp/port" ] && [ $i -lt 100 ]; do
	sleep 0.1
	i=$((i + 1))
done
port=$(head -n 1 "$tmp/port")
if [ -n "$port" ]; then
	base=http://127.0.0.1:$port
	check "parse-feed URL" 0 "" -- "$BYLINE" --parse-feed "$base/feed.xml"
	[ "$(grep -c . "$tmp/out")" -gt 0 ] || fail "parse-feed URL: no entries"
	check "parse-feed URL 404" 1 "byline: $base/404: HTTP status 404" -- \
	    "$BYLINE" --parse-feed "$base/404"
	check "parse-feed URL not a feed" 1 "not a feed" -- \
	    "$BYLINE" --parse-feed "$base/notfeed"
	check "parse-feed URL truncated" 1 "$base/truncated" -- \
	    "$BYLINE" --parse-feed "$base/truncated"
	check "dump URL" 0 "" -- "$BYLINE" --dump --format=json "$base/notfeed"
	check "dump URL redirect loop" 1 "$base/loop" -- \
	    "$BYLINE" --dump "$base/loop"
else
	fail "loopback server did not start: $(cat "$tmp/httpd.err")"
fi
kill $httpd 2>/dev/null

finish
