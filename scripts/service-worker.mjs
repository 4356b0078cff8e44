// After `trunk build`: makes the built site work offline.
//
// - VERSION: a hash of every file of the build, so any change makes a new one.
// - dist/sw.js: scripts/sw.template.js with VERSION and the files to cache at
//   once: every file but the prerendered pages, which are cached as visited,
//   and with the app's shell (shell.html) instead, for pages not visited.
// - Every HTML page gets `<meta name="mission-pages-version">`: the app adds
//   the version to the addresses of data files (`?v=`), which keeps a page on
//   the files of its own build (see the template's comments).
//
// Usage: node scripts/service-worker.mjs dist
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

const root = process.argv[2] ?? "dist";
const here = new URL(".", import.meta.url);

function* walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}

const files = [...walk(root)]
  .map((path) => relative(root, path).split(sep).join("/"))
  .filter((file) => file !== "sw.js" && file !== "sitemap.xml" && file !== "robots.txt");
// Pages are hashed without the version this script writes into them, so that
// running it again on the same build gives the same version.
const withoutVersion = (html) => html.replace(/<meta name="mission-pages-version"[^>]*>/, "");
const hash = createHash("sha256");
for (const file of files) {
  hash.update(file);
  const bytes = readFileSync(join(root, file));
  hash.update(file.endsWith(".html") ? withoutVersion(bytes.toString("utf8")) : bytes);
}
const version = hash.digest("hex").slice(0, 16);

const meta = `<meta name="mission-pages-version" content="${version}">`;
for (const file of files.filter((f) => f.endsWith(".html"))) {
  const path = join(root, file);
  const html = withoutVersion(readFileSync(path, "utf8"));
  // Trunk minifies the page (no <head> tag left): the meta goes after the charset.
  const charset = html.match(/<meta charset[^>]*>/i);
  if (!charset) throw new Error(`${file}: no <meta charset> to put the version after`);
  writeFileSync(path, html.replace(charset[0], `${charset[0]}${meta}`));
}

const template = readFileSync(new URL("sw.template.js", here), "utf8");
// The data's JSON Schemas are for editors, never read by the app.
const precached = files.filter((f) => (!f.endsWith(".html") || f === "shell.html") && !f.startsWith("data/schema/"));
if (!precached.includes("shell.html")) throw new Error(`${root}/shell.html is missing: it is what offline readers get`);
const worker = template.replace("__VERSION__", version).replace("__FILES__", JSON.stringify(precached));
writeFileSync(join(root, "sw.js"), worker);
const pages = files.filter((f) => f.endsWith(".html") && f !== "shell.html").length;
console.log(`wrote ${root}/sw.js: version ${version}, ${precached.length} files cached at once, ${pages} pages as visited`);
