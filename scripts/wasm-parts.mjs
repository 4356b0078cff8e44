// Prints what takes the space in the app's WebAssembly, by crate (and, for
// the app's own code, by module) and its largest functions, with twiggy
// (installed by `make`, pinned in the Makefile).
//
// twiggy needs the functions' names, which the shipped file no longer has
// (wasm-opt strips them), so it reads the file cargo wrote before
// wasm-bindgen and wasm-opt: the sizes are before optimisation (the shipped
// file is about a quarter of that), but the shares are what to look at.
//
// Usage: node scripts/wasm-parts.mjs [target/wasm32-unknown-unknown/release/mission-pages.wasm]
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

const wasm = process.argv[2] ?? "target/wasm32-unknown-unknown/release/mission-pages.wasm";
if (!existsSync(wasm)) {
  console.error(`${wasm} is missing: run make build first`);
  process.exit(2);
}
const csv = execFileSync("twiggy", ["top", "-n", "1000000", "--format", "csv", wasm], { maxBuffer: 1 << 28 }).toString();

// twiggy's CSV: Name,ShallowSize,ShallowSizePercent,RetainedSize,RetainedSizePercent.
const rows = [];
for (const line of csv.split("\n").slice(1)) {
  const match = line.match(/^"((?:[^"]|"")*)",(\d+),/) ?? line.match(/^([^,]*),(\d+),/);
  if (match) rows.push({ name: match[1].replaceAll('""', '"'), bytes: Number(match[2]) });
}
// Sections that wasm-bindgen and wasm-opt remove: not shipped.
const shipped = rows.filter(
  (r) => !/subsection$|^custom section|^export "__wbindgen_describe|^producers|^target_features/.test(r.name),
);
const total = shipped.reduce((n, r) => n + r.bytes, 0);

/** The crate a function belongs to (`<T as tachys::…>` counts for tachys); the app's own code by module. */
function owner(name) {
  if (/^data segment/.test(name)) return "data (strings, tables)";
  const path = name.replace(/^(?:[<&\s(]|mut\s|dyn\s|impl\s)+/, "");
  const generic = name.match(/ as ([a-z_][a-z0-9_]*)(\[[0-9a-f]+\])?::/);
  const crate = (path.match(/^([a-z_][a-z0-9_]*)(\[[0-9a-f]+\])?::/) ?? [])[1] ?? (generic ? generic[1] : "other");
  if (crate !== "mission_pages") return crate;
  const parts = path.split("::");
  return `mission_pages::${parts[1]}${["pages", "components", "data"].includes(parts[1]) && parts[2] && !parts[2].startsWith("_") ? `::${parts[2]}` : ""}`;
}

const byOwner = new Map();
for (const r of shipped) byOwner.set(owner(r.name), (byOwner.get(owner(r.name)) ?? 0) + r.bytes);
const pct = (n) => `${((100 * n) / total).toFixed(1).padStart(5)}%`;
console.log(`\nWhat takes the space in the WebAssembly (twiggy, before wasm-opt: ${total} B of code and data):`);
for (const [name, bytes] of [...byOwner].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
  console.log(`${String(bytes).padStart(9)} ${pct(bytes)}  ${name}`);
}
console.log("largest functions:");
for (const r of shipped.sort((a, b) => b.bytes - a.bytes).slice(0, 10)) {
  console.log(`${String(r.bytes).padStart(9)} ${pct(r.bytes)}  ${r.name.length > 110 ? `${r.name.slice(0, 107)}…` : r.name}`);
}
