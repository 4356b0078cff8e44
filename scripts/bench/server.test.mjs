// The benchmark's compressing server on a small made-up site:
//   node --test scripts/bench/server.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdtemp, mkdir, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

import { startServer } from './server.mjs';

// Big and repetitive enough that both codings shrink them.
const page = (title) => `<!doctype html><title>${title}</title>${'<p>Some text of the page.</p>'.repeat(200)}`;
const FILES = {
  'index.html': page('home'),
  '404.html': page('not found'),
  'missions/unami/index.html': page('UNAMI'),
  'app-0123456789abcdef.js': `export const x = [${'1,'.repeat(3000)}];`,
  'app-0123456789abcdef_bg.wasm': Buffer.concat([Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]), Buffer.alloc(4000, 7)]),
  'sw-register-435c222745dc077.js': `/* 15-digit hash */${' '.repeat(500)}`,
  'data/index.json': JSON.stringify({ missions: Array.from({ length: 200 }, (_, i) => ({ id: `m${i}` })) }),
  'icon.png': Buffer.alloc(3000, 1),
};

let dir;
let server;
before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'bench-server-'));
  for (const [name, body] of Object.entries(FILES)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), body);
  }
  server = await startServer({ root: dir, basePath: '/base/' });
});
after(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

/** GET (or `method`) of a path as written (no `..` resolved) with exact headers; the body as sent. */
function get(url, headers = {}, method = 'GET') {
  const { hostname, port } = new URL(server.origin);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path: url, method, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject).end();
  });
}

const file = (name) => Buffer.from(FILES[name]);
const CHROME = 'gzip, deflate, br, zstd';

test('brotli when br is accepted, and the decompressed body is the file', async () => {
  for (const [url, name] of [
    ['/base/', 'index.html'],
    ['/base/app-0123456789abcdef.js', 'app-0123456789abcdef.js'],
    ['/base/app-0123456789abcdef_bg.wasm', 'app-0123456789abcdef_bg.wasm'],
    ['/base/data/index.json', 'data/index.json'],
  ]) {
    const r = await get(url, { 'Accept-Encoding': CHROME });
    assert.equal(r.status, 200, url);
    assert.equal(r.headers['content-encoding'], 'br', url);
    assert.equal(r.headers.vary, 'Accept-Encoding', url);
    assert.equal(Number(r.headers['content-length']), r.body.length, url);
    assert.ok(r.body.length < file(name).length, `${url} is smaller compressed`);
    assert.deepEqual(brotliDecompressSync(r.body), file(name), url);
  }
});

test('gzip when gzip is accepted but br is not', async () => {
  for (const accept of ['gzip, deflate', 'gzip, br;q=0', 'br;q=0, *']) {
    const r = await get('/base/missions/unami/', { 'Accept-Encoding': accept });
    assert.equal(r.headers['content-encoding'], 'gzip', accept);
    assert.equal(r.headers.vary, 'Accept-Encoding', accept);
    assert.deepEqual(gunzipSync(r.body), file('missions/unami/index.html'), accept);
  }
});

test('the file as it is when no coding is accepted, still varying by Accept-Encoding', async () => {
  for (const headers of [{}, { 'Accept-Encoding': 'identity' }, { 'Accept-Encoding': 'deflate, gzip;q=0, br;q=0' }]) {
    const r = await get('/base/app-0123456789abcdef.js', headers);
    assert.equal(r.headers['content-encoding'], undefined, JSON.stringify(headers));
    assert.equal(r.headers.vary, 'Accept-Encoding');
    assert.equal(r.headers['content-type'], 'text/javascript; charset=utf-8');
    assert.deepEqual(r.body, file('app-0123456789abcdef.js'));
  }
});

test('images other than SVG are never compressed', async () => {
  const r = await get('/base/icon.png', { 'Accept-Encoding': CHROME });
  assert.equal(r.headers['content-encoding'], undefined);
  assert.equal(r.headers.vary, undefined);
  assert.deepEqual(r.body, file('icon.png'));
});

test('a directory without its slash is redirected (301) keeping the query', async () => {
  for (const [url, location] of [
    ['/base/missions/unami', '/base/missions/unami/'],
    ['/base/missions/unami?ids=a,b&x=1', '/base/missions/unami/?ids=a,b&x=1'],
    ['/base?q=canal+hotel', '/base/?q=canal+hotel'],
  ]) {
    const r = await get(url);
    assert.equal(r.status, 301, url);
    assert.equal(r.headers.location, location, url);
  }
  // The query never changes which file is served.
  const r = await get('/base/missions/unami/?x=1');
  assert.equal(r.status, 200);
  assert.deepEqual(r.body, file('missions/unami/index.html'));
});

test('unknown paths get 404 with the body of 404.html, compressed like any page', async () => {
  for (const url of ['/base/nope', '/base/missions/nope/', '/elsewhere/index.html', '/base/index.html/', '/base/missions/../index.html', '/base/%2e%2e/x']) {
    const r = await get(url, { 'Accept-Encoding': CHROME });
    assert.equal(r.status, 404, url);
    assert.deepEqual(brotliDecompressSync(r.body), file('404.html'), url);
  }
  const plain = await get('/base/nope');
  assert.equal(plain.status, 404);
  assert.deepEqual(plain.body, file('404.html'));
});

test('names with a content hash are immutable for a year, the rest are revalidated', async () => {
  for (const name of ['app-0123456789abcdef.js', 'app-0123456789abcdef_bg.wasm', 'sw-register-435c222745dc077.js']) {
    const r = await get(`/base/${name}`);
    assert.equal(r.headers['cache-control'], 'public, max-age=31536000, immutable', name);
  }
  for (const url of ['/base/', '/base/data/index.json', '/base/icon.png', '/base/nope']) {
    assert.equal((await get(url)).headers['cache-control'], 'no-cache', url);
  }
});

test('HEAD sends the headers of GET without a body', async () => {
  const getR = await get('/base/', { 'Accept-Encoding': 'gzip' });
  const head = await get('/base/', { 'Accept-Encoding': 'gzip' }, 'HEAD');
  assert.equal(head.status, 200);
  assert.equal(head.body.length, 0);
  assert.equal(head.headers['content-length'], getR.headers['content-length']);
  assert.equal(head.headers['content-encoding'], 'gzip');
  assert.equal((await get('/base/', {}, 'POST')).status, 405);
});
