#!/usr/bin/env python3
"""httpd: the loopback HTTP server of the follow tests and bench.

Test mode (default): binds 127.0.0.1 on a free port, prints the port on
its first line and serves the cases of tests/reload.sh:

  /feed.xml      RSS with ETag and Last-Modified; answers 304 to either
                 validator; /feed.xml?v=N serves version N (N items)
  /setversion/N  later /feed.xml answers are version N (new ETag)
  /r301 /r302 /r308   redirect to /feed.xml with that status
  /loop          a redirect loop          /404 /500   those statuses
  /stall         sends half a feed, then nothing
  /huge          100 MB of body, no Content-Length
  /bomb          a gzip bomb: 64 MB of zeros in 64 kB of gzip
  /wrongtype     a good feed served as application/octet-stream
  /truncated     a feed cut in the middle of an item
  /notfeed       an HTML page
  /latin1.xml    RSS in ISO-8859-1, the charset said only by the HTTP
                 header; /m301 redirects (301) to /m308, which
                 redirects (308) to it

Bench mode: --root DIR --addrs N --delay S serves DIR's files from
127.0.0.1 .. 127.0.0.N on one port, each answer after S seconds, with
ETag and Last-Modified honoured; *.html files as text/html, *.txt as
text/plain, the rest as RSS.  Logs requests to --log FILE if given, one
line each: Host header, client port, request line and status.

Chaos mode (bench/soak.sh): --chaos SEED serves generated feeds and
pages and misbehaves at random, seeded:

  /c/N.xml       feed N: a window of 20 items that slides forward now and
                 then (a new ETag each time; old items leave the feed)
  /c/N/K.html    the article page of item K of feed N

and each answer may instead stall (half a body, then silence), reset
(the connection closed before or inside the body), answer 500, or
send a truncated body (Content-Length promises more).
"""
import random
import argparse
import email.utils
import hashlib
import http.server
import os
import socket
import sys
import threading
import time
import zlib

STATE = {"version": 2}
CHAOS = {}
ITEM = ("<item><title>Item {n}</title><link>http://example.org/{n}</link>"
        "<guid>urn:item:{n}</guid><pubDate>{date}</pubDate>"
        "<description>Body of item {n}</description></item>\n")


def rss(nitems, title="Test feed"):
    date = email.utils.formatdate(1739750400, usegmt=True)
    items = "".join(ITEM.format(n=i, date=date) for i in range(nitems))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0">'
            "<channel><title>{}</title><link>http://example.org/</link>\n"
            "{}</channel></rss>\n").format(title, items).encode()


def make_bomb():
    c = zlib.compressobj(9, zlib.DEFLATED, 31)
    zeros = b"\0" * (1 << 20)
    parts = [c.compress(zeros) for _ in range(64)]
    parts.append(c.flush())
    return b"".join(parts)


BOMB = None


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "byline-test/1"

    def log_message(self, fmt, *args):
        log = self.server.log
        if log is not None:
            with self.server.lock:
                log.write("%s %d %s\n" % (self.headers.get("Host"),
                                          self.client_address[1],
                                          fmt % args))
                log.flush()

    def send_body(self, body, ctype="application/rss+xml", etag=None,
                  lastmod=None, status=200, extra=()):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        if etag:
            self.send_header("ETag", etag)
        if lastmod:
            self.send_header("Last-Modified", lastmod)
        for k, v in extra:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def conditional(self, etag, lastmod):
        inm = self.headers.get("If-None-Match")
        ims = self.headers.get("If-Modified-Since")
        if (inm is not None and inm == etag) or \
                (inm is None and ims is not None and ims == lastmod):
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return True
        return False

    def redirect(self, status, to):
        self.send_response(status)
        self.send_header("Location", to)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self):
        if self.server.delay:
            time.sleep(self.server.delay)
        if self.server.chaos is not None:
            return self.serve_chaos()
        if self.server.root is not None:
            return self.serve_file()
        p = self.path
        if p.startswith("/feed.xml"):
            v = STATE["version"]
            if "?v=" in p:
                v = int(p.split("?v=")[1])
            etag = '"v%d"' % v
            lastmod = email.utils.formatdate(1739750400 + v, usegmt=True)
            if self.conditional(etag, lastmod):
                return
            return self.send_body(rss(v), etag=etag, lastmod=lastmod)
        if p.startswith("/setversion/"):
            STATE["version"] = int(p.split("/")[2])
            return self.send_body(b"ok\n", "text/plain")
        for code in (301, 302, 308):
            if p == "/r%d" % code:
                return self.redirect(code, "/feed.xml")
        if p == "/loop":
            return self.redirect(302, "/loop2")
        if p == "/loop2":
            return self.redirect(302, "/loop")
        if p in ("/404", "/500"):
            return self.send_body(b"<html>error</html>", "text/html",
                                  status=int(p[1:]))
        if p == "/stall":
            body = rss(20)
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body[:len(body) // 2])
            self.wfile.flush()
            time.sleep(30)
            return
        if p == "/huge":
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Connection", "close")
            self.end_headers()
            self.close_connection = True
            head = b'<?xml version="1.0"?><rss><channel><title>'
            self.wfile.write(head)
            chunk = b"x" * (1 << 20)
            try:
                for _ in range(100):
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
            return
        if p == "/bomb":
            return self.send_body(BOMB, extra=(("Content-Encoding", "gzip"),))
        if p == "/wrongtype":
            return self.send_body(rss(3), "application/octet-stream")
        if p == "/truncated":
            body = rss(5)
            return self.send_body(body[:body.index(b"Item 3") + 3])
        if p == "/latin1.xml":
            body = ('<?xml version="1.0"?><rss version="2.0"><channel>'
                    "<title>Caf\u00e9 cr\u00e8me</title><item>"
                    "<title>D\u00e9j\u00e0 vu \u00e0 la f\u00eate</title>"
                    "<link>http://example.org/deja</link><guid>d1</guid>"
                    "<description>Na\u00efve r\u00e9sum\u00e9 \u00a7 "
                    "\u00bd</description><author>Ren\u00e9e</author>"
                    "</item></channel></rss>\n").encode("iso-8859-1")
            return self.send_body(body,
                                  "application/rss+xml; charset=ISO-8859-1")
        if p == "/m301":
            return self.redirect(301, "/m308")
        if p == "/m308":
            return self.redirect(308, "/latin1.xml")
        if p == "/notfeed":
            return self.send_body(b"<!DOCTYPE html><html><head><title>x"
                                  b"</title></head><body><p>hello</p>"
                                  b"</body></html>", "text/html")
        return self.send_body(b"not found\n", "text/plain", status=404)

    def serve_chaos(self):
        rnd = self.server.chaos
        with self.server.lock:
            roll = rnd.random()
            slide = rnd.random() < 0.2
        p = self.path.split("?")[0]
        parts = p.strip("/").split("/")
        if len(parts) == 2 and parts[0] == "c" and parts[1].endswith(".xml"):
            n = int(parts[1][:-4])
            with self.server.lock:
                start = CHAOS.setdefault(n, 0)
                if slide:
                    CHAOS[n] = start = start + 3
            items = []
            now = time.time()
            host = self.headers.get("Host")
            for k in range(start, start + 20):
                items.append(
                    "<item><title>Feed %d story %d</title>"
                    "<link>http://%s/c/%d/%d.html</link>"
                    "<guid>urn:soak:%d:%d</guid><pubDate>%s</pubDate>"
                    "<description>Summary %d of %d</description></item>\n"
                    % (n, k, host, n, k, n, k,
                       email.utils.formatdate(now - (start + 20 - k) * 60,
                                              usegmt=True), k, n))
            body = ('<?xml version="1.0"?><rss version="2.0"><channel>'
                    "<title>Soak %d</title>%s</channel></rss>\n"
                    % (n, "".join(items))).encode()
            etag = '"s%d-%d"' % (n, start)
            ctype = "application/rss+xml"
        elif len(parts) == 3 and parts[0] == "c":
            n, k = int(parts[1]), int(parts[2].split(".")[0])
            para = ("<p>Paragraph %%d of story %d of feed %d, long enough "
                    "to be the body of the article and not its chrome, "
                    "with a few more words in it.</p>" % (k, n))
            body = ("<!DOCTYPE html><html><head><title>Story %d</title>"
                    "</head><body><nav><a href=/>Home</a></nav><article>"
                    "<h1>Story %d of feed %d</h1>%s</article><footer>"
                    "(c) soak</footer></body></html>"
                    % (k, k, n, "".join(para % i for i in range(6))))
            body = body.encode()
            etag = None
            ctype = "text/html"
        else:
            return self.send_body(b"not found\n", "text/plain", status=404)
        if etag is not None and self.conditional(etag, None):
            return
        if roll < 0.05:
            # stall: half the body, then nothing
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body[:len(body) // 2])
            self.wfile.flush()
            time.sleep(5)
            self.close_connection = True
            return
        if roll < 0.10:
            # reset: before the answer or inside the body
            if roll < 0.075:
                self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Length: ")
            else:
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body[:len(body) // 3])
            self.wfile.flush()
            self.close_connection = True
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                       b"\x01\x00\x00\x00\x00\x00\x00\x00")
            return
        if roll < 0.15:
            return self.send_body(b"<html>oops</html>", "text/html",
                                  status=500)
        if roll < 0.20:
            # truncated: Content-Length says more than comes
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body[:len(body) * 2 // 3])
            self.wfile.flush()
            self.close_connection = True
            return
        self.send_body(body, ctype, etag=etag)

    def serve_file(self):
        name = os.path.basename(self.path.split("?")[0])
        path = os.path.join(self.server.root, name)
        try:
            with open(path, "rb") as f:
                body = f.read()
            mtime = os.stat(path).st_mtime
        except OSError:
            return self.send_body(b"not found\n", "text/plain", status=404)
        etag = '"%s"' % hashlib.sha1(body).hexdigest()[:16]
        lastmod = email.utils.formatdate(mtime, usegmt=True)
        if self.conditional(etag, lastmod):
            return
        ctype = "application/rss+xml"
        if name.endswith(".html"):
            ctype = "text/html"
        elif name.endswith(".txt"):
            ctype = "text/plain; charset=utf-8"
        self.send_body(body, ctype, etag=etag, lastmod=lastmod)


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256


def main():
    global BOMB
    ap = argparse.ArgumentParser()
    ap.add_argument("--root")
    ap.add_argument("--addrs", type=int, default=1)
    ap.add_argument("--delay", type=float, default=0.0)
    ap.add_argument("--log")
    ap.add_argument("--chaos", type=int)
    a = ap.parse_args()
    if a.root is None and a.chaos is None:
        BOMB = make_bomb()
    log = open(a.log, "a") if a.log else None
    lock = threading.Lock()
    servers = []
    port = 0
    for i in range(a.addrs):
        srv = Server(("127.0.0.%d" % (i + 1), port), Handler)
        port = srv.server_address[1]
        srv.root, srv.delay, srv.log, srv.lock = a.root, a.delay, log, lock
        srv.chaos = random.Random(a.chaos) if a.chaos is not None else None
        servers.append(srv)
    for srv in servers:
        threading.Thread(target=srv.serve_forever, daemon=True).start()
    print(port, flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
