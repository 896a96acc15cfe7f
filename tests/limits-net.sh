#!/bin/sh
# limits-net.sh: the fetcher's limits of bounds.h that need a server,
# from loopback servers the test starts: a page over FETCH_PAGE_MAX_BYTES
# (10 MB) and a gzip bomb refused by --dump while receiving; a response
# header value of FETCH_HEADER_MAX_BYTES (1024) or more not kept (the
# next request sends no If-None-Match) while a shorter one is; the
# connect timeout (setting connect-timeout) against a port whose listen
# queue is full.  The feed-size cap, redirects and the transfer timeout
# are in tests/reload.sh.  Skipped (77) without python3.
. "$srcdir/tests/lib.sh"

if ! command -v python3 >/dev/null 2>&1; then
	echo "limits-net.sh: python3 not found (skipped)"
	exit 77
fi

# wait_port FILE: the port a server printed on its first line.
wait_port() {
	i=0
	while [ ! -s "$1" ] && [ $i -lt 100 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	head -n 1 "$1"
}

python3 "$srcdir/tests/httpd.py" >"$tmp/port" 2>"$tmp/httpd.err" &
httpd=$!
# The second server: /etag/N answers a feed with an ETag value of N
# bytes (304 when If-None-Match gives it back) and logs "PATH LENGTH" of
# each If-None-Match it gets; a second socket listens with a full queue.
python3 - "$tmp/requests" >"$tmp/port2" 2>"$tmp/etag.err" <<'PY' &
import http.server, socket, sys, threading
log = open(sys.argv[1], "a", buffering=1)
FEED = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>t'
        b'</title><item><title>One</title><link>http://example.org/1'
        b'</link></item></channel></rss>\n')


class H(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        n = int(self.path.rsplit("/", 1)[1])
        etag = '"' + "e" * (n - 2) + '"'
        inm = self.headers.get("If-None-Match") or ""
        log.write("%s %d\n" % (self.path, len(inm)))
        if inm == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("ETag", etag)
        self.send_header("Content-Length", str(len(FEED)))
        self.end_headers()
        self.wfile.write(FEED)

    def log_message(self, *a):
        pass


srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H)
full = socket.socket()
full.bind(("127.0.0.1", 0))
full.listen(0)
# One connection fills a queue of 0; later SYNs are dropped, so a
# connect() waits until its own timeout.
fill = socket.create_connection(full.getsockname())
print(srv.server_address[1], full.getsockname()[1], flush=True)
srv.serve_forever()
PY
httpd2=$!
trap 'kill $httpd $httpd2 2>/dev/null; rm -rf "$tmp"' EXIT
port=$(wait_port "$tmp/port")
ports=$(wait_port "$tmp/port2")
if [ -z "$port" ] || [ -z "$ports" ]; then
	fail "servers did not start: $(cat "$tmp/httpd.err" "$tmp/etag.err")"
	finish
fi
base=http://127.0.0.1:$port
base2=http://127.0.0.1:${ports% *}
full=http://127.0.0.1:${ports#* }

# FETCH_PAGE_MAX_BYTES: 100 MB without Content-Length, and 64 MB that
# come as 64 kB of gzip.
check "dump URL of 100 MB" 1 "$base/huge: too large (over 10485760 bytes)" \
    -- "$BYLINE" --dump "$base/huge"
check "dump URL of a gzip bomb" 1 \
    "$base/bomb: too large (over 10485760 bytes)" -- \
    "$BYLINE" --dump "$base/bomb"

# FETCH_HEADER_MAX_BYTES: an ETag of 1000 bytes comes back as
# If-None-Match, one of 2000 is not kept.
mkdir -p "$tmp/conf" "$tmp/db"
printf '%s/etag/1000\n%s/etag/2000\n' "$base2" "$base2" >"$tmp/conf/feeds.conf"
: >"$tmp/conf/config"
reload() {
	"$BYLINE" -c "$tmp/conf/feeds.conf" --db "$tmp/db/cache.db" --reload
}
check "reload with long ETags" 0 "" -- reload
check "reload again" 0 "" -- reload
if grep -qx "/etag/1000 1000" "$tmp/requests"; then
	ok "an ETag of 1000 bytes is sent back"
else
	fail "ETag of 1000 bytes: $(cat "$tmp/requests")"
fi
tests_run=$((tests_run + 1))
if [ "$(grep -c "^/etag/2000 0$" "$tmp/requests")" -eq 2 ] &&
    ! grep -q "^/etag/2000 [1-9]" "$tmp/requests"; then
	ok "an ETag of 2000 bytes is not kept"
else
	fail "ETag of 2000 bytes: $(cat "$tmp/requests")"
fi
tests_run=$((tests_run + 1))

# connect-timeout: a port that never completes the handshake; 1 s, not
# the 60 s transfer timeout.
printf '%s/feed.xml\n' "$full" >"$tmp/conf/feeds.conf"
printf 'connect-timeout 1\n' >"$tmp/conf/config"
start=$(date +%s)
check "connect timeout" 1 "$full/feed.xml: timeout" -- reload
took=$(($(date +%s) - start))
if [ $took -le 5 ]; then
	ok "connect timeout after ${took}s"
else
	fail "connect timeout took ${took}s"
fi
tests_run=$((tests_run + 1))
finish
