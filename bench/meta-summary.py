#!/usr/bin/env python3
"""meta-summary: the metadata figures of a score-extract --meta --json file.

usage: meta-summary.py LABEL RESULTS.json

Prints, for each field, the exact matches as score-extract counts them,
and the byline once more with a leading "By" (any case, then blanks or a
colon) of the expected value ignored.  With VERBOSE=1 in the environment,
every mismatch follows as "case field: expected | got".
"""
import json
import os
import re
import sys

FIELDS = ("title", "date", "byline", "site", "lang")
BY = re.compile(r"^\s*by(\s+|\s*:\s*)", re.IGNORECASE)


def norm(s):
    return " ".join(str(s).split()).casefold()


def main():
    label, path = sys.argv[1], sys.argv[2]
    with open(path, encoding="utf-8") as f:
        cases = json.load(f)["cases"]
    right = dict.fromkeys(FIELDS, 0)
    total = dict.fromkeys(FIELDS, 0)
    by_right = 0
    misses = []
    for c in cases:
        for field, v in c.get("meta", {}).items():
            total[field] += 1
            right[field] += bool(v["match"])
            if not v["match"]:
                misses.append((c["name"], field, v["expected"], v["got"]))
            if field == "byline" and v["got"] is not None and \
                    norm(BY.sub("", str(v["expected"]))) == norm(v["got"]):
                by_right += 1
    parts = ["%s %d/%d" % (f, right[f], total[f]) for f in FIELDS]
    parts.append("byline (By ignored) %d/%d" % (by_right, total["byline"]))
    print("%-12s %s" % (label + ":", "  ".join(parts)))
    if os.environ.get("VERBOSE"):
        for name, field, want, got in misses:
            print("  %s %s: %r | %r" % (name, field, want, got))


if __name__ == "__main__":
    main()
