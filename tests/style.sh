#!/bin/sh
# style.sh: the calls our C must not make (STYLE.md), checked like curl's
# checksrc: unbounded string functions, non-reentrant time functions,
# atoi, and exit() outside main.c; and no call circle among src/ files.
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
# No call circle among src/ files: each object of libbyline.a against
# the others' definitions (nm), strongly connected components.  A circle
# means two rooms that cannot be understood apart.
lib=$(dirname "$BYLINE")/libbyline.a
tests_run=$((tests_run + 1))
if [ ! -f "$lib" ] || ! command -v nm >/dev/null 2>&1 ||
    ! command -v python3 >/dev/null 2>&1; then
	ok "call circles not checked (no $lib, nm or python3)"
elif hits=$(nm -A "$lib" 2>/dev/null | python3 -c '
import sys, collections
defs, uses = {}, collections.defaultdict(set)
for line in sys.stdin:
    p = line.split()
    if len(p) != 3:
        continue
    obj = p[0].split(":")[-2]
    if p[1] in "TDBR":
        defs[p[2]] = obj
    elif p[1] == "U":
        uses[obj].add(p[2])
g = {o: {defs[s] for s in u if s in defs and defs[s] != o}
    for o, u in uses.items()}
index, low, stack, on, out = {}, {}, [], set(), []
def visit(v):
    index[v] = low[v] = len(index)
    stack.append(v)
    on.add(v)
    for w in g.get(v, ()):
        if w not in index:
            visit(w)
            low[v] = min(low[v], low[w])
        elif w in on:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        comp = []
        while True:
            w = stack.pop()
            on.discard(w)
            comp.append(w)
            if w == v:
                break
        if len(comp) > 1:
            out.append(" ".join(sorted(comp)))
sys.setrecursionlimit(10000)
for v in list(g):
    if v not in index:
        visit(v)
print("; ".join(out))
') && [ -z "$hits" ]; then
	ok "no call circle among src/ files"
else
	fail "call circles among src/ files: $hits"
fi
finish
