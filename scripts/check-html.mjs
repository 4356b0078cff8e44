// Checks every page of a built site with the Nu Html Checker (npm `vnu-jar`,
// run on Java): the prerendered pages, 404.html and the app's shell. Prints
// each error (the first hundred) with its file, line and column, then the
// count by message, and
// exits non-zero if there is any.
//
// Usage: node scripts/check-html.mjs dist
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const root = process.argv[2] ?? "dist";
const vnu = createRequire(import.meta.url)("vnu-jar");

function* pages(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* pages(path);
    else if (name.endsWith(".html")) yield path;
  }
}

const files = [...pages(root)];
if (files.length === 0) {
  console.error(`no .html file under ${root}: build the site first (make build)`);
  process.exit(2);
}
let report;
try {
  // The checker exits 1 when it finds errors; its JSON report is on stderr either way.
  execFileSync("java", ["-jar", vnu, "--errors-only", "--format", "json", ...files], {
    stdio: ["ignore", "ignore", "pipe"],
    maxBuffer: 1 << 30,
  });
  report = { messages: [] };
} catch (error) {
  if (!error.stderr?.length) throw error;
  report = JSON.parse(error.stderr.toString());
}
const errors = report.messages.filter((m) => m.type === "error" || m.type === "non-document-error");
const byMessage = new Map();
const SHOWN = 100;
for (const [i, m] of errors.entries()) {
  const file = relative(root, new URL(m.url).pathname);
  if (i < SHOWN) console.log(`${file}:${m.lastLine ?? "?"}:${m.firstColumn ?? m.lastColumn ?? "?"}: ${m.message}`);
  byMessage.set(m.message, (byMessage.get(m.message) ?? 0) + 1);
}
if (errors.length > SHOWN) console.log(`… and ${errors.length - SHOWN} more`);
for (const [message, count] of [...byMessage].sort((a, b) => b[1] - a[1])) {
  console.log(`${String(count).padStart(7)} × ${message}`);
}
console.log(`Nu Html Checker: ${errors.length} errors in ${files.length} pages`);
process.exit(errors.length === 0 ? 0 : 1);
