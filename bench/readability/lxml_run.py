#!/usr/bin/env python3
"""lxml_run.py: readability-lxml (Debian's python3-readability) over saved
pages in one process, as run.js does for Readability.js.

usage: lxml_run.py OUTDIR PAGE...

For each PAGE (CASE/source.html) writes OUTDIR/CASE.json with the fields
of byline --dump --format=json that the scorers read (title and text; the
text is the summary's p, h1-h6, li, blockquote, pre, figcaption and tr
elements, one paragraph each), and prints the pages per second of
readability's own work on stderr.
"""
import json
import os
import sys
import time

import lxml.html
from readability import Document

BLOCKS = "//p|//h1|//h2|//h3|//h4|//h5|//h6|//li|//blockquote|//pre" \
    "|//figcaption|//tr"


def main():
    outdir, pages = sys.argv[1], sys.argv[2:]
    spent = 0.0
    for page in pages:
        out = {"title": None, "byline": None, "date": None, "site": None,
               "lang": None, "text": ""}
        try:
            with open(page, "rb") as f:
                raw = f.read()
            t0 = time.perf_counter()
            doc = Document(raw)
            summary = doc.summary(html_partial=True)
            spent += time.perf_counter() - t0
            out["title"] = doc.short_title()
            tree = lxml.html.fromstring(summary)
            blocks = [" ".join(e.text_content().split())
                      for e in tree.xpath(BLOCKS)]
            blocks = [b for b in blocks if b]
            out["text"] = "\n\n".join(blocks) if blocks else \
                " ".join(tree.text_content().split())
        except Exception as e:  # a page it cannot read scores as empty
            out["error"] = str(e)
        name = os.path.basename(os.path.dirname(page))
        with open(os.path.join(outdir, name + ".json"), "w") as f:
            json.dump(out, f)
    if spent > 0:
        sys.stderr.write("readability-lxml: %d pages in %.2f s, %.2f pages/s\n"
                         % (len(pages), spent, len(pages) / spent))


if __name__ == "__main__":
    main()
