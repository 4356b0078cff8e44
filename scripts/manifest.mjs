// The build's manifest: which files are the app and their integrity values,
// and the build's version. Scripts and tests read it with readManifest().
//
// Run as Trunk's post_build hook (Trunk.toml), it writes the manifest into
// Trunk's staging folder (TRUNK_STAGING_DIR), which Trunk then moves to the
// output folder with the rest, so the manifest describes that output and
// nothing added later:
//
//   glue, wasm   the app's JavaScript glue and WebAssembly: the one
//                `*_bg.wasm` Trunk's rust asset writes, and the `.js` of the
//                same name (wasm-bindgen's pair);
//   start        app-start.js, which prerendered pages load instead of
//                Trunk's loader (index.html copies it);
//   styles       the stylesheets;
//   output       a SHA-256 of every file of Trunk's output;
//   version      added by the prerenderer (src/bin/prerender.rs), which
//                decides it and writes it into every page.
//
// Each file is `{ file, integrity }`, the integrity a SHA-384 as Trunk writes
// it. Also a command: node scripts/manifest.mjs [DIR] (DIR: Trunk's output).
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

/** The names the Rust code shares (build.rs reads the same file). */
export const NAMES = JSON.parse(readFileSync(new URL("../shared-names.json", import.meta.url), "utf8"));

/**
 * A file name with Trunk's content hash (`main-1b0691b214224423.css`): its
 * content never changes. The hash is 64 bits in hex without leading zeros
 * (so sometimes 15 digits), then `_bg` for the wasm.
 */
export const HASHED_NAME = new RegExp(NAMES.hashedName);

/** Named in index.html (`<link data-trunk rel="copy-file">`), copied as it is. */
const APP_START = "app-start.js";

/** Every file under `dir`, as paths relative to it with `/`, sorted. */
export function filesUnder(dir) {
  const walk = (at) =>
    readdirSync(at)
      .sort()
      .flatMap((name) => (statSync(join(at, name)).isDirectory() ? walk(join(at, name)) : [join(at, name)]));
  return walk(dir).map((path) => relative(dir, path).split(sep).join("/"));
}

/** The manifest of the build in `root`, or an error that says what makes it. */
export function readManifest(root) {
  const file = join(root, NAMES.manifest);
  let text;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new Error(`${file} is missing (${error.code}): Trunk's post_build hook writes it (Trunk.toml, scripts/manifest.mjs)`);
  }
  return JSON.parse(text);
}

/** The manifest of Trunk's output in `dir`. */
export function makeManifest(dir) {
  const files = filesUnder(dir).filter((f) => f !== NAMES.manifest);
  const top = files.filter((f) => !f.includes("/"));
  const entry = (file) => ({ file, integrity: `sha384-${createHash("sha384").update(readFileSync(join(dir, file))).digest("base64")}` });
  const wasm = top.filter((f) => f.endsWith("_bg.wasm"));
  if (wasm.length !== 1) throw new Error(`${dir}: expected one *_bg.wasm (Trunk's rust asset), found ${wasm.length}: ${wasm.join(", ")}`);
  const glue = wasm[0].replace(/_bg\.wasm$/, ".js");
  for (const file of [glue, APP_START]) {
    if (!top.includes(file)) throw new Error(`${dir}: ${file} is missing (the app's ${file === glue ? "JavaScript glue" : "starter"})`);
  }
  const output = createHash("sha256");
  for (const file of files) output.update(`${file}\0`).update(readFileSync(join(dir, file))).update("\0");
  return {
    glue: entry(glue),
    wasm: entry(wasm[0]),
    start: entry(APP_START),
    styles: top.filter((f) => f.endsWith(".css")).map(entry),
    output: output.digest("hex"),
  };
}

// Command line (Trunk's hook): writes the manifest of Trunk's output.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
  if (!dir) throw new Error("usage: node scripts/manifest.mjs DIR (or TRUNK_STAGING_DIR set, as Trunk's hooks have it)");
  writeFileSync(join(dir, NAMES.manifest), `${JSON.stringify(makeManifest(dir), null, 2)}\n`);
}
