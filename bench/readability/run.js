// Runs Mozilla Readability over saved pages in one node process, so that
// start-up is paid once.  Usage: node run.js OUTDIR PAGE...
// For each PAGE (CASE/source.html) writes OUTDIR/CASE.json with the fields of
// byline --dump --format=json that score-extract reads, and prints the
// pages per second on stderr.  The time counted is Readability's own work
// (reading the page, building its DOM, parse()); turning its result into
// the scorer's blocks afterwards is this runner's business and not
// counted.
"use strict";
const fs = require("fs");
const path = require("path");
const { JSDOM, VirtualConsole } = require("jsdom");
const { Readability } = require("@mozilla/readability");

const [outdir, ...pages] = process.argv.slice(2);
const vc = new VirtualConsole();
let ns = 0n;
pages.forEach((p) => {
  let out = { title: null, byline: null, date: null, site: null,
    lang: null, text: "" };
  try {
    const t0 = process.hrtime.bigint();
    const html = fs.readFileSync(p, "utf8");
    const dom = new JSDOM(html, { url: "http://fakehost/test/page.html",
      virtualConsole: vc });
    const r = new Readability(dom.window.document).parse();
    ns += process.hrtime.bigint() - t0;
    if (r) {
      const d = new JSDOM(r.content || "").window.document;
      const blocks = [];
      d.querySelectorAll("p,h1,h2,h3,h4,h5,h6,li,blockquote,pre,figcaption,tr")
        .forEach((e) => {
          const t = e.textContent.replace(/\s+/g, " ").trim();
          if (t) blocks.push(t);
        });
      out = { title: r.title, byline: r.byline,
        date: r.publishedTime ? String(r.publishedTime).slice(0, 10) : null,
        site: r.siteName, lang: r.lang,
        text: blocks.length ? blocks.join("\n\n") :
          (r.textContent || "").trim() };
    }
  } catch (e) {
    out.error = String(e);
  }
  fs.writeFileSync(path.join(outdir, path.basename(path.dirname(p)) + ".json"),
    JSON.stringify(out));
});
const s = Number(ns) / 1e9;
process.stderr.write(`readability: ${pages.length} pages in ${s.toFixed(2)} s, ` +
  `${(pages.length / s).toFixed(2)} pages/s\n`);
