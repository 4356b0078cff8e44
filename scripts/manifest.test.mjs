// scripts/manifest.mjs, as Trunk's post_build hook runs it, on made-up Trunk outputs:
//   node --test scripts/manifest.test.mjs
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { HASHED_NAME, NAMES, readManifest } from './manifest.mjs';

const SCRIPT = new URL('manifest.mjs', import.meta.url).pathname;
const dirs = [];
after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A Trunk output of `files` (name → content). */
function makeOutput(files) {
  const dir = mkdtempSync(path.join(tmpdir(), 'manifest-test-'));
  dirs.push(dir);
  for (const [file, body] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), body);
  }
  return dir;
}

/** Runs the script as Trunk's hook does (the folder in TRUNK_STAGING_DIR); the manifest it wrote. */
function hook(dir) {
  execFileSync(process.execPath, [SCRIPT], { env: { ...process.env, TRUNK_STAGING_DIR: dir }, stdio: 'pipe' });
  return readManifest(dir);
}

const OUTPUT = {
  'index.html': '<!doctype html><title>x</title>',
  'app-start.js': '/* starts the app */',
  'mission-pages-0123456789abcdef.js': '/* glue */',
  'mission-pages-0123456789abcdef_bg.wasm': 'wasm',
  'main-0123456789abcdef.css': 'body{}',
  'theme-init-0123456789abcde.js': '/* theme */',
  'data/index.json': '{"missions":[]}',
};
const sri = (text) => `sha384-${createHash('sha384').update(text).digest('base64')}`;

test('the manifest names the app\'s files with their integrity values, and hashes the whole output', () => {
  const manifest = hook(makeOutput(OUTPUT));
  assert.deepEqual(manifest.glue, { file: 'mission-pages-0123456789abcdef.js', integrity: sri('/* glue */') });
  assert.deepEqual(manifest.wasm, { file: 'mission-pages-0123456789abcdef_bg.wasm', integrity: sri('wasm') });
  assert.deepEqual(manifest.start, { file: 'app-start.js', integrity: sri('/* starts the app */') });
  assert.deepEqual(manifest.styles, [{ file: 'main-0123456789abcdef.css', integrity: sri('body{}') }]);
  assert.match(manifest.output, /^[0-9a-f]{64}$/);
  assert.equal(manifest.version, undefined, 'the prerenderer adds the version');

  // The same output, the same hash; a change in any file (data too), another.
  assert.equal(hook(makeOutput(OUTPUT)).output, manifest.output);
  assert.notEqual(hook(makeOutput({ ...OUTPUT, 'data/index.json': '{"missions":[1]}' })).output, manifest.output);
});

test('an output without the app, or with two, is refused, naming what is wrong', () => {
  const { 'mission-pages-0123456789abcdef_bg.wasm': _, ...noWasm } = OUTPUT;
  assert.throws(() => hook(makeOutput(noWasm)), /expected one \*_bg\.wasm .* found 0/);
  assert.throws(() => hook(makeOutput({ ...OUTPUT, 'other-0123456789abcdef_bg.wasm': 'x' })), /found 2/);
  const { 'mission-pages-0123456789abcdef.js': __, ...noGlue } = OUTPUT;
  assert.throws(() => hook(makeOutput(noGlue)), /mission-pages-0123456789abcdef\.js is missing \(the app's JavaScript glue\)/);
  assert.throws(() => readManifest(makeOutput(OUTPUT)), new RegExp(`${NAMES.manifest} is missing`));
});

test('the hashed-name pattern tells Trunk\'s hashed names from the others', () => {
  for (const name of Object.keys(OUTPUT).filter((f) => /-[0-9a-f]+(_bg)?\./.test(f))) assert.ok(HASHED_NAME.test(name), name);
  for (const name of ['app-start.js', 'index.html', 'data/index.json', 'sw.js']) assert.ok(!HASHED_NAME.test(name), name);
});
