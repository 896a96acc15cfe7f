#!/bin/sh
# bench/dump-same: does a change keep --dump's output byte for byte?  Run
# by hand, before and after a change to the renderer or the extractor's
# plumbing (not to its rules, which mean to change the output).
#
#   bench/dump-same.sh OLD_BYLINE NEW_BYLINE
#
# Every page of ../shared/corpus and ../shared/snippets (source.html and
# source.txt) is dumped by both binaries in every format (json, text,
# markdown): stdout, stderr and the exit status must be the same.  The
# corpus pages are also dumped in JSON to a terminal (a pseudo-terminal),
# where the output is sanitised on its way out.  Prints the count of
# comparisons and every difference; exits 1 on any.
set -eu

[ $# -eq 2 ] || { echo "usage: $0 OLD_BYLINE NEW_BYLINE" >&2; exit 2; }
top=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED:-$top/../shared}
[ -d "$shared/corpus/pages" ] ||
    { echo "dump-same: $shared/corpus/pages not found" >&2; exit 1; }

python3 - "$1" "$2" "$shared" <<'PY'
import glob, os, pty, subprocess, sys

old, new, shared = sys.argv[1:4]
env = dict(os.environ, LC_ALL="C.UTF-8")

def run(binary, args):
    p = subprocess.run([binary] + args, capture_output=True, env=env,
                       timeout=60)
    return p.returncode, p.stdout, p.stderr

def run_tty(binary, args):
    master, slave = pty.openpty()
    p = subprocess.Popen([binary] + args, stdout=slave,
                         stderr=subprocess.PIPE, env=env)
    os.close(slave)
    out = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    os.close(master)
    err = p.stderr.read()
    return p.wait(timeout=60), out, err

n = diffs = 0
for sub in ("corpus", "snippets"):
    for case in sorted(glob.glob(os.path.join(shared, sub, "pages", "*"))):
        for src in ("source.html", "source.txt"):
            path = os.path.join(case, src)
            if not os.path.exists(path):
                continue
            runs = [(run, f) for f in ("json", "text", "markdown")]
            if sub == "corpus":
                runs.append((run_tty, "json"))
            for how, fmt in runs:
                args = ["--dump", "--format=" + fmt, path]
                n += 1
                if how(old, args) != how(new, args):
                    diffs += 1
                    print("differs: %s %s%s" % (path, fmt,
                          " (terminal)" if how is run_tty else ""))
print("dump-same: %d comparisons, %d differ" % (n, diffs))
sys.exit(1 if diffs else 0)
PY
