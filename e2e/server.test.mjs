// Tests of the GitHub-Pages-like static server the end-to-end tests use.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { mkdtemp, mkdir, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { startServer } from './lib/server.mjs';

let dir;
let server;
const NOT_FOUND_BODY = '<!doctype html><title>not found page</title>';

/** A raw request (no URL normalisation, so `..` reaches the server as sent). */
function request(rawPath, method = 'GET') {
  return new Promise((resolve, reject) => {
    const url = new URL(server.origin);
    const req = http.request(
      { host: url.hostname, port: url.port, path: rawPath, method, agent: false },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'e2e-server-'));
  const root = path.join(dir, 'site');
  await mkdir(path.join(root, 'data', 'missions'), { recursive: true });
  await mkdir(path.join(root, 'docs'), { recursive: true });
  await mkdir(path.join(root, 'empty'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>home</title>');
  await writeFile(path.join(root, '404.html'), NOT_FOUND_BODY);
  await writeFile(path.join(root, 'docs', 'index.html'), '<!doctype html><title>docs</title>');
  await writeFile(path.join(root, 'data', 'index.json'), '{"missions":[]}');
  await writeFile(path.join(root, 'data', 'missions', 'x.json'), '{}');
  const files = {
    'app.js': 'console.log(1)',
    'mod.mjs': 'export {}',
    'style.css': 'body{}',
    'app_bg.wasm': Buffer.from([0, 97, 115, 109, 1, 0, 0, 0]),
    'icon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    'pic.png': Buffer.from([137, 80, 78, 71]),
    'favicon.ico': Buffer.from([0, 0, 1, 0]),
    'robots.txt': 'User-agent: *',
    'sitemap.xml': '<urlset/>',
  };
  for (const [name, content] of Object.entries(files)) await writeFile(path.join(root, name), content);
  // A file outside the served root, which traversal must not reach.
  await writeFile(path.join(dir, 'secret.txt'), 'TOP SECRET');
  server = await startServer({ root, basePath: '/mission-pages/' });
});

after(async () => {
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('serves an exact file under the base path with status 200', async () => {
  const res = await request('/mission-pages/data/index.json');
  assert.equal(res.status, 200);
  assert.equal(res.body, '{"missions":[]}');
  assert.match(res.headers['content-type'], /^application\/json/);
  assert.equal(server.baseUrl, `${server.origin}/mission-pages/`);
});

test('serves index.html for the base and for a directory with a trailing slash', async () => {
  const home = await request('/mission-pages/');
  assert.equal(home.status, 200);
  assert.match(home.body, /<title>home<\/title>/);
  assert.match(home.headers['content-type'], /^text\/html/);
  const docs = await request('/mission-pages/docs/');
  assert.equal(docs.status, 200);
  assert.match(docs.body, /<title>docs<\/title>/);
  // A query string does not change which file is served.
  assert.equal((await request('/mission-pages/docs/?x=1')).status, 200);
});

test('redirects a directory without its trailing slash (301)', async () => {
  const docs = await request('/mission-pages/docs');
  assert.equal(docs.status, 301);
  assert.equal(docs.headers.location, '/mission-pages/docs/');
  assert.equal((await request('/mission-pages/docs?q=a+b')).headers.location, '/mission-pages/docs/?q=a+b');
  const base = await request('/mission-pages');
  assert.equal(base.status, 301);
  assert.equal(base.headers.location, '/mission-pages/');
});

test('answers unknown paths with 404 and the body of 404.html', async () => {
  for (const p of ['/mission-pages/nope', '/mission-pages/missions/unami/timeline', '/mission-pages/data/none.json', '/mission-pages/empty/', '/mission-pages/index.html/']) {
    const res = await request(p);
    assert.equal(res.status, 404, p);
    assert.equal(res.body, NOT_FOUND_BODY, p);
    assert.match(res.headers['content-type'], /^text\/html/, p);
  }
});

test('answers paths outside the base path with 404', async () => {
  for (const p of ['/', '/index.html', '/data/index.json', '/mission-pagesX/index.html', '/other/mission-pages/index.html']) {
    const res = await request(p);
    assert.equal(res.status, 404, p);
    assert.equal(res.body, NOT_FOUND_BODY, p);
  }
});

test('refuses path traversal, raw or percent-encoded', async () => {
  for (const p of [
    '/mission-pages/../secret.txt',
    '/mission-pages/../../etc/passwd',
    '/mission-pages/%2e%2e/secret.txt',
    '/mission-pages/%2E%2E/%2e%2e/etc/passwd',
    '/mission-pages/..%2fsecret.txt',
    '/mission-pages/data/%2e%2e/%2e%2e/secret.txt',
    '/mission-pages/..%5csecret.txt',
    '/mission-pages/%00',
    '/mission-pages/%zz',
  ]) {
    const res = await request(p);
    assert.equal(res.status, 404, p);
    assert.doesNotMatch(res.body, /TOP SECRET|root:/, p);
  }
});

test('sends the right Content-Type for each kind of file', async () => {
  const expected = {
    'index.html': 'text/html',
    'app.js': 'text/javascript',
    'mod.mjs': 'text/javascript',
    'style.css': 'text/css',
    'app_bg.wasm': 'application/wasm',
    'data/index.json': 'application/json',
    'icon.svg': 'image/svg+xml',
    'pic.png': 'image/png',
    'favicon.ico': 'image/x-icon',
    'robots.txt': 'text/plain',
    'sitemap.xml': 'application/xml',
  };
  for (const [file, type] of Object.entries(expected)) {
    const res = await request(`/mission-pages/${file}`);
    assert.equal(res.status, 200, file);
    assert.equal(res.headers['content-type'].split(';')[0], type, file);
  }
});

test('answers HEAD like GET, without a body', async () => {
  const get = await request('/mission-pages/app.js');
  const head = await request('/mission-pages/app.js', 'HEAD');
  assert.equal(head.status, 200);
  assert.equal(head.body, '');
  assert.equal(head.headers['content-type'], get.headers['content-type']);
  assert.equal(head.headers['content-length'], String(Buffer.byteLength(get.body)));
  const missing = await request('/mission-pages/nope', 'HEAD');
  assert.equal(missing.status, 404);
  assert.equal(missing.body, '');
});

test('serves a site at the root when basePath is /', async () => {
  const rootServer = await startServer({ root: path.join(dir, 'site') });
  try {
    const res = await fetch(`${rootServer.baseUrl}data/index.json`);
    assert.equal(res.status, 200);
    assert.equal(rootServer.baseUrl, `${rootServer.origin}/`);
    const missing = await fetch(`${rootServer.origin}/missions/unami`);
    assert.equal(missing.status, 404);
    assert.equal(await missing.text(), NOT_FOUND_BODY);
  } finally {
    await rootServer.close();
  }
});
