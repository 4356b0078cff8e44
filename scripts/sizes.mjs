// Prints the size of every file in a built site (raw, gzip -9, brotli -11),
// the prerendered pages summed up, and what a first visit downloads: the page
// (its data embedded) and what it links (styles, scripts, WebAssembly, icon).
//
// With --check, exits non-zero when the WebAssembly is over its budget (its
// size is deterministic: `make test` holds it there).
//
// Usage: node scripts/sizes.mjs dist [--check]
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const root = process.argv[2] ?? "dist";
const check = process.argv.includes("--check");

/**
 * The app's WebAssembly, gzip -9 (what GitHub Pages sends). Issue 18 aims at
 * 200 KiB for a mission page; this budget is what the app weighs now, so
 * that it can only shrink (lower it as it does).
 *
 * Raised once, from 460 KiB, by issue 20: the citation block on every page
 * and the data's last change in every mission's header (about 16 KB gzip,
 * after the about, Data, changes and print pages were made build-time only
 * and their strings left out of the browser build). BENCHMARKS.md's first
 * taps pay for it: about 7.5 ms a KB on the benchmark's line.
 */
const WASM_BUDGET_GZIP = 467 * 1024;

function* walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}

function measure(path) {
  const bytes = readFileSync(path);
  return {
    file: relative(root, path),
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
    }).length,
  };
}

const rows = [...walk(root)].map(measure);
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
const pad = (s, n) => String(s).padStart(n);
const width = Math.max(...rows.map((r) => r.file.length), 10);

// Prerendered pages (every index.html, 404.html): summed, with the largest.
const isPage = (r) => r.file.endsWith("index.html") || r.file === "404.html";
const pages = rows.filter(isPage);
console.log(`\n${"file".padEnd(width)} ${pad("raw", 10)} ${pad("gzip", 10)} ${pad("brotli", 10)}`);
for (const r of rows.filter((r) => !isPage(r))) {
  console.log(`${r.file.padEnd(width)} ${pad(r.raw, 10)} ${pad(r.gzip, 10)} ${pad(r.brotli, 10)}`);
}

const byName = (name) => rows.find((r) => r.file === name);
const sum = (files) =>
  files.reduce(
    (t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }),
    { raw: 0, gzip: 0, brotli: 0 },
  );
if (pages.length) {
  const all = sum(pages);
  const largest = pages.reduce((a, b) => (b.raw > a.raw ? b : a));
  console.log(
    `${pages.length} prerendered pages: ${all.raw} B raw, ${all.gzip} B gzip; largest ${largest.file} ${largest.raw} B raw, ${largest.gzip} B gzip`,
  );
}

// A first visit: the page and the files it links: every href/src (quoted or
// not, as the minifier leaves it) and every quoted path in the loader script
// that names a built file. Its data is in the page.
function firstVisit(page) {
  // Links a reader follows (<a>) and alternates a browser does not fetch
  // (the languages, the Atom feed) are not downloads.
  const html = readFileSync(join(root, page), "utf8")
    .replace(/<a\s[^>]*>/g, "")
    .replace(/<link\s[^>]*rel=["']?alternate[^>]*>/g, "");
  const linked = new Set(
    [...html.matchAll(/(?:(?:href|src)=["']?|')([^"'\s>]+)/g)]
      .map((m) => m[1].replace(/^.*\//, ""))
      .filter((name) => byName(name)),
  );
  return [byName(page), ...[...linked].map(byName)];
}
const visits = {
  "first visit, catalogue (/)": firstVisit("index.html"),
  "first visit, UNAMI overview": firstVisit("missions/unami/index.html"),
};
console.log("");
for (const [label, files] of Object.entries(visits)) {
  const t = sum(files.filter(Boolean));
  console.log(
    `${label}: ${t.raw} B raw, ${t.gzip} B gzip (${kib(t.gzip)}), ${t.brotli} B brotli (${kib(t.brotli)}) in ${files.length} files`,
  );
}
const wasm = rows.find((r) => r.file.endsWith(".wasm"));
if (wasm) console.log(`WebAssembly: ${wasm.file} ${wasm.raw} B raw, ${wasm.gzip} B gzip, ${wasm.brotli} B brotli (budget ${WASM_BUDGET_GZIP} B gzip)`);
if (check) {
  if (!wasm) {
    console.error(`no .wasm file in ${root}`);
    process.exit(1);
  }
  if (wasm.gzip > WASM_BUDGET_GZIP) {
    console.error(`the WebAssembly is ${wasm.gzip} B gzip, over its budget of ${WASM_BUDGET_GZIP} B`);
    process.exit(1);
  }
}
