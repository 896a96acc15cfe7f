#!/bin/sh
# parse-feed-tty.sh: --parse-feed on a terminal passes every field through
# the terminal sanitiser (no bidi controls, line separators or escape
# sequences from the feed reach it), and off a terminal writes the TSV
# unchanged, byte for byte (sfeed's format; tests/feed-compare.sh).
. "$srcdir/tests/lib.sh"

if ! command -v python3 >/dev/null 2>&1; then
	echo "parse-feed-tty.sh: python3 not found (skipped)"
	exit 77
fi

# U+202E and U+202C (override), U+2028/2029 (line and paragraph
# separators), U+2066/2069 (isolate), U+202D in title, link, content and
# author.
printf '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>t</title>\n<item><title>Pay \342\200\256cod.exe\342\200\254 now&#x2028;second \342\201\246iso\342\201\251</title><link>http://example.com/a\342\200\256</link><description>body\342\200\250line end</description><author>Ann&#x2029;Bee&#x202d;</author><guid>g1</guid><pubDate>Mon, 03 Mar 2025 10:00:00 GMT</pubDate></item>\n<item><title>Plain &amp; simple</title><link>http://example.com/b</link><description>a\tb</description></item></channel></rss>\n' >"$tmp/bidi.xml"

# Off a terminal: the TSV as the parser gives it.
printf '1740996000\tPay \342\200\256cod.exe\342\200\254 now\342\200\250second \342\201\246iso\342\201\251\thttp://example.com/a\342\200\256\tbody\342\200\250line end\thtml\tg1\tAnn\342\200\251Bee\342\200\255\t\t\n\tPlain & simple\thttp://example.com/b\ta\\tb\thtml\t\t\t\t\n' >"$tmp/want.tsv"
check "parse-feed to a pipe" 0 "" -- "$BYLINE" --parse-feed "$tmp/bidi.xml"
if cmp -s "$tmp/out" "$tmp/want.tsv"; then
	ok "parse-feed to a pipe is unchanged"
else
	fail "parse-feed to a pipe: $(od -c "$tmp/out" | head -5)"
fi
tests_run=$((tests_run + 1))

# On a terminal (a pseudo-terminal): the same columns, without them.
printf '1740996000\tPay cod.exe now second iso\thttp://example.com/a\tbody line end\thtml\tg1\tAnn Bee\t\t\n\tPlain & simple\thttp://example.com/b\ta\\tb\thtml\t\t\t\t\n' >"$tmp/want-tty.tsv"
python3 - "$BYLINE" "$tmp/bidi.xml" >"$tmp/pty" <<'PY'
import os, pty, sys
pid, fd = pty.fork()
if pid == 0:
    os.execv(sys.argv[1], [sys.argv[1], "--parse-feed", sys.argv[2]])
out = b""
while True:
    try:
        chunk = os.read(fd, 65536)
    except OSError:
        break
    if not chunk:
        break
    out += chunk
_, status = os.waitpid(pid, 0)
sys.stdout.buffer.write(out.replace(b"\r\n", b"\n"))
sys.exit(os.waitstatus_to_exitcode(status))
PY
st=$?
tests_run=$((tests_run + 1))
if [ $st -ne 0 ]; then
	fail "parse-feed on a terminal: status $st: $(head -3 "$tmp/pty")"
elif cmp -s "$tmp/pty" "$tmp/want-tty.tsv"; then
	ok "parse-feed on a terminal is sanitised"
else
	fail "parse-feed on a terminal: $(od -c "$tmp/pty" | head -8)"
fi
finish
