#!/bin/sh
# feed-compare: byline --parse-feed against sfeed's output over the shared
# feed corpus (../shared/feeds/cases), with compare-feed; fails when fewer
# than 98% of the fields agree.  Skipped (77) when ../shared is absent.
# Where byline differs on purpose: tests/data/feeds/DIFFERENCES.md.
set -u

shared=${SHARED:-${srcdir:-.}/../shared}
cases=$shared/feeds/cases
tool=$shared/tools/compare-feed
floor=98.0

if [ ! -d "$cases" ] || [ ! -x "$tool" ]; then
	echo "feed-compare: $cases not found: skipped"
	exit 77
fi
command -v python3 >/dev/null || { echo "feed-compare: no python3"; exit 77; }

json=$(mktemp "${TMPDIR:-/tmp}/feed-compare.XXXXXX")
trap 'rm -f "$json"' EXIT INT TERM
"$tool" -q --expect expected-iconv.tsv,expected.tsv \
    --cmd "$BYLINE --parse-feed {}" --json "$json" "$cases" >&2
python3 - "$json" "$floor" <<'PY'
import json, sys

d = json.load(open(sys.argv[1]))
floor = float(sys.argv[2])
rate = 100.0 * d["overall_agreement"]
print("feed-compare: %.2f%% of fields agree (floor %.1f%%) over %d cases, "
      "%d crashed, %d timed out" % (rate, floor, d["cases"], d["crashes"],
                                    d["timeouts"]))
if rate < floor or d["crashes"] or d["timeouts"]:
    sys.exit(1)
PY
