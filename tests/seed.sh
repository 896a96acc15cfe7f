#!/bin/sh
# seed.sh: the built binary on the page this project started from (in
# ../shared, skipped when absent) and on the project's own sample.
. "$srcdir/tests/lib.sh"

check_page() {
	pg_name=$1 pg_page=$2 pg_want=$3 pg_title=$4 pg_byline=$5 pg_date=$6
	check "$pg_name: dump" 0 "" -- "$BYLINE" --dump --format=json "$pg_page"
	tests_run=$((tests_run + 1))
	python3 - "$tmp/out" "$pg_want" "$pg_title" "$pg_byline" "$pg_date" \
	    <<'PY' || fail "$pg_name: fields differ"
import json, re, sys
d = json.load(open(sys.argv[1]))
want = open(sys.argv[2], encoding="utf-8").read()
# The seed's expected file opens with " date YYYY-MM-DD " before the
# first paragraph.
want = re.sub(r"^ date \d{4}-\d{2}-\d{2} ", "", want)
paras = [p.strip() for p in want.strip().split("\n\n")]
got = [p.strip() for p in d["text"].split("\n\n")]
assert got == paras, "text differs:\n%r\n%r" % (got[:3], paras[:3])
assert d["title"] == sys.argv[3], d["title"]
assert d["byline"] == sys.argv[4], d["byline"]
assert d["date"] == sys.argv[5], d["date"]
PY
}

check_page sample "$srcdir/tests/data/sample.txt" \
    "$srcdir/tests/data/sample.expected.txt" \
    "New ferry timetable cuts crossing waits to ten minutes, council says" \
    "Maren Aldous" 2025-03-03

seed="$srcdir/../shared/seeds/000_c85537af4d02b31c.txt"
want="$srcdir/../shared/seeds/001_d0977bdb04b184c9.txt"
if [ -f "$seed" ] && [ -f "$want" ]; then
	check_page seed "$seed" "$want" \
	    "Russia close to deal with Syria for post-Assad military presence, Bloomberg reports" \
	    "Tim Zadorozhnyy" 2025-02-17
	"$BYLINE" --dump --format=json "$seed" >"$tmp/seed.json"
	tests_run=$((tests_run + 1))
	python3 - "$tmp/seed.json" <<'PY' || fail "seed: related teasers"
import json, sys
r = json.load(open(sys.argv[1]))["related"]
assert len(r) == 2, r
assert r[0]["title"].startswith("Ukraine strikes Ilsky Oil Refinery"), r[0]
assert r[0]["summary"].startswith("Residents earlier posted videos"), r[0]
assert r[0]["source"] == "The Kyiv Independent", r[0]
assert r[0]["author"] == "Kateryna Hodunova", r[0]
assert r[1]["title"].startswith("Russia\u2019s Lavrov rules out"), r[1]
assert r[1]["summary"].startswith("Russia illegally annexed"), r[1]
assert r[1]["source"] == "The Kyiv Independent", r[1]
PY
else
	echo "skip: ../shared/seeds not present; seed page not checked"
fi
finish
