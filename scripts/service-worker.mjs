// After the prerenderer: makes the built site work offline, within a budget.
//
// - VERSION: the build's, from its manifest (scripts/manifest.mjs), where the
//   prerenderer wrote it, as it did into every page (`<meta name>` of
//   shared-names.json's versionMeta): a hash of Trunk's output and of every
//   page, so any change makes a new one.
// - dist/sw.js: scripts/sw.template.js with VERSION and two lists:
//   - FILES, cached at once when the worker installs: always the app (its
//     WebAssembly, scripts, styles, icons), the app's shell (shell.html, what
//     offline readers get for a page they have not visited), data/index.json
//     and data/spellings.json; then the missions' files, their maps and the
//     search documents, only while they add up to at most the data budget.
//   - RUNTIME, every data file left out of FILES with a digest of its content:
//     the worker caches it the first time the app asks for it, if what the
//     network gives is this build's (the digest matches).
//   The prerendered pages are in neither: each is cached as visited, if its
//   version meta is VERSION. The app adds the version to the addresses of
//   data files (`?v=`), which keeps a page on the files of its own build (see
//   the template's comments).
//
// The budget (DATA_BUDGET, or `--budget BYTES`) counts the raw bytes of the
// data files precached beside the app. 2 MiB: the data compresses about 4:1,
// so 2 MiB is about 0.5 MiB gzip on the wire, about what the app itself
// weighs: a first visit sends a slow phone at most about twice the app in
// the background. A site of 1,000 missions (issue 9's limits) would
// otherwise be downloaded whole: tens of megabytes. The build prints how many
// files and bytes the budget holds.
//
// What fills the budget, in this order, each unit taken whole if it still
// fits and skipped if not (so one big mission does not keep the smaller ones
// after it out): each mission listed in data/index.json, in the index's order
// (the catalogue's), as its file and its map together; then the search
// documents, English (docs.json) first, then the other languages by name;
// then any other data file, by name.
//
// Usage: node scripts/service-worker.mjs dist [--budget BYTES]
import { createHash } from "node:crypto";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";

import { HASHED_NAME, NAMES, filesUnder, readManifest } from "./manifest.mjs";

const DATA_BUDGET = 2 * 1024 * 1024;

const { values: options, positionals } = parseArgs({ options: { budget: { type: "string" } }, allowPositionals: true });
const root = positionals[0] ?? "dist";
const budget = options.budget === undefined ? DATA_BUDGET : Number(options.budget);
if (!Number.isSafeInteger(budget) || budget < 0) throw new Error(`--budget ${options.budget}: not a number of bytes`);
const here = new URL(".", import.meta.url);

const { version } = readManifest(root);
if (!/^[0-9a-f]{16}$/.test(version ?? "")) throw new Error(`${root}/${NAMES.manifest} has no version: the prerenderer adds it`);

// Never cached: the worker itself, what only crawlers and feed readers read, the manifest (which
// only the build reads), and the Data page's downloads (the zip and CSV files, megabytes a reader
// fetches on purpose); their list, downloads/index.json, which the page reads, is cached.
const neverCached = (file) =>
  ["sw.js", "sitemap.xml", "robots.txt", "changes.xml", NAMES.manifest].includes(file) ||
  (file.startsWith("downloads/") && file !== "downloads/index.json");
const files = filesUnder(root).filter((file) => !neverCached(file));

// The data's JSON Schemas are for editors, never read by the app.
const kept = files.filter((f) => (!f.endsWith(".html") || f === "shell.html") && !f.startsWith("data/schema/"));
if (!kept.includes("shell.html")) throw new Error(`${root}/shell.html is missing: it is what offline readers get`);
const size = (file) => statSync(join(root, file)).size;
const total = (list) => list.reduce((sum, file) => sum + size(file), 0);

// Files that grow with the number of missions: the budget's. Everything else,
// the index and spellings among it, is the app's and always cached.
const isData = (f) => /^(data\/missions|maps)\/[^/]+\.json$/.test(f) || f.startsWith("search-data/");
const always = kept.filter((f) => !isData(f));
const data = new Set(kept.filter(isData));

/** The data files in the order they fill the budget, in units cached whole (see the top). */
function units() {
  const list = [];
  const take = (...unit) => {
    const present = unit.filter((f) => data.has(f));
    present.forEach((f) => data.delete(f));
    if (present.length > 0) list.push(present);
  };
  const index = JSON.parse(readFileSync(join(root, "data/index.json"), "utf8"));
  for (const { id } of index.missions) take(`data/missions/${id}.json`, `maps/${id}.json`);
  take("search-data/docs.json");
  for (const file of [...data].filter((f) => f.startsWith("search-data/")).sort()) take(file);
  for (const file of [...data].sort()) take(file);
  return list;
}

const precached = [...always];
const runtime = [];
let used = 0;
for (const unit of units()) {
  const bytes = total(unit);
  if (used + bytes <= budget) {
    precached.push(...unit);
    used += bytes;
  } else {
    runtime.push(...unit);
  }
}

// What the worker checks a file fetched later against: the start of its
// SHA-256, enough to tell this build's file from another build's.
const digest = (file) => createHash("sha256").update(readFileSync(join(root, file))).digest("hex").slice(0, 12);
const digests = runtime.map((f) => [f, digest(f)]);

const template = readFileSync(new URL("sw.template.js", here), "utf8");
const worker = template
  .replace("__VERSION__", version)
  .replace("__VERSION_META__", () => NAMES.versionMeta)
  .replace("__HASHED_NAME__", () => JSON.stringify(NAMES.hashedName))
  .replace("__FILES__", JSON.stringify(precached))
  .replace("__RUNTIME__", JSON.stringify(digests));
writeFileSync(join(root, "sw.js"), worker);

const pages = files.filter((f) => f.endsWith(".html") && f !== "shell.html").length;
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
console.log(`wrote ${root}/sw.js: version ${version}, ${pages} pages cached as visited`);
console.log(`  cached at once: ${precached.length} files, ${kib(total(precached))}: the app, its shell, index and spellings ${always.length} files (${kib(total(always))}), missions, maps and search ${precached.length - always.length} files (${kib(used)} of the ${kib(budget)} budget)`);
console.log(`  cached when first used: ${runtime.length} data files, ${kib(total(runtime))}`);
