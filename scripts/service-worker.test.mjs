// scripts/service-worker.mjs on made-up builds, a small one and one of 1,000
// missions, and the worker it writes run against stand-ins for the browser's
// caches and network:
//   node --test scripts/service-worker.test.mjs
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import vm from 'node:vm';

import { NAMES } from './manifest.mjs';

const SCRIPT = new URL('service-worker.mjs', import.meta.url).pathname;
// The script's DATA_BUDGET.
const BUDGET = 2 * 1024 * 1024;
const APP = [
  'app-start.js',
  'data/index.json',
  'data/spellings.json',
  'downloads/index.json',
  'favicon-0123456789abcdef.svg',
  'history/history.json',
  'main-0123456789abcdef.css',
  'mission-pages-0123456789abcdef.js',
  'mission-pages-0123456789abcdef_bg.wasm',
  'shell.html',
];

const dirs = [];
after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** The version the made-up builds' manifests hold. */
const VERSION = '0123456789abcdef';

/**
 * A build with `missions` missions of `bytes` bytes each (the first one
 * `firstBytes`), a map for every other one, search documents in two
 * languages of `searchBytes` each, and its manifest.
 */
function makeDist({ missions, bytes, firstBytes = bytes, searchBytes }) {
  const root = mkdtempSync(path.join(tmpdir(), 'sw-test-'));
  dirs.push(root);
  const write = (file, body) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), body);
  };
  const page = (title) => `<!doctype html><meta charset="utf-8"><meta name="${NAMES.versionMeta}" content="${VERSION}"><title>${title}</title>`;
  const ids = Array.from({ length: missions }, (_, i) => `m${i}`);
  // Not in the order of their names, so that the index's order shows.
  ids.reverse();
  write('shell.html', page('shell'));
  write('index.html', page('catalogue'));
  write('404.html', page('not found'));
  for (const file of APP.filter((f) => !f.endsWith('.html') && !f.startsWith('data/'))) write(file, `/* ${file} */`);
  write('data/index.json', JSON.stringify({ missions: ids.map((id) => ({ id })) }));
  write('data/spellings.json', '{}');
  write('data/schema/mission.schema.json', '{}');
  write('robots.txt', 'User-agent: *');
  write('sitemap.xml', '<urlset/>');
  // Read by feed readers, or downloaded on purpose: never cached.
  write('changes.xml', '<feed/>');
  write('downloads/mission-pages-data.zip', 'z'.repeat(100_000));
  write('downloads/all/sources.csv', 'c'.repeat(100_000));
  ids.forEach((id, i) => {
    write(`missions/${id}/index.html`, page(id));
    write(`data/missions/${id}.json`, JSON.stringify({ id, text: 'x'.repeat((i === 0 ? firstBytes : bytes) - 30) }));
    if (i % 2 === 0) write(`maps/${id}.json`, JSON.stringify({ id, shapes: 'y'.repeat(bytes / 2) }));
  });
  write('search-data/docs.json', 'a'.repeat(searchBytes));
  write('search-data/docs-ar.json', 'b'.repeat(searchBytes));
  write(NAMES.manifest, JSON.stringify({ version: VERSION }));
  return { root, ids };
}

/** Runs the script on `root`; its output and the lists sw.js got. */
function run(root, ...args) {
  // stderr into the error's message.
  const output = execFileSync(process.execPath, [SCRIPT, root, ...args], { encoding: 'utf8', stdio: 'pipe' });
  const worker = readFileSync(path.join(root, 'sw.js'), 'utf8');
  return {
    output,
    worker,
    version: worker.match(/const VERSION = "([0-9a-f]{16})";/)[1],
    files: JSON.parse(worker.match(/^const FILES = (.*);$/m)[1]),
    runtime: new Map(JSON.parse(worker.match(/^const RUNTIME = new Map\((.*)\);$/m)[1])),
  };
}

const size = (root, files) => files.reduce((sum, file) => sum + statSync(path.join(root, file)).size, 0);
const isData = (file) => !APP.includes(file);

test('with little data every file but the pages is cached at once, as before the budget', () => {
  const { root, ids } = makeDist({ missions: 15, bytes: 8000, searchBytes: 100_000 });
  const { files, runtime, output } = run(root);
  const expected = [
    ...APP,
    ...ids.flatMap((id, i) => [`data/missions/${id}.json`, ...(i % 2 === 0 ? [`maps/${id}.json`] : [])]),
    'search-data/docs.json',
    'search-data/docs-ar.json',
  ];
  assert.deepEqual(files.toSorted(), expected.toSorted());
  assert.equal(runtime.size, 0);
  assert.match(output, /cached at once: 35 files/);
  assert.ok(!files.some((f) => f === 'changes.xml' || f.startsWith('downloads/m') || f.startsWith('downloads/all/')));
  assert.ok(![...runtime.keys()].some((f) => f.startsWith('downloads/') || f === 'changes.xml'));
  assert.match(output, /cached when first used: 0 data files/);
});

test('with 1,000 missions the app and index are cached at once, the data within the budget, the rest when used', () => {
  // The first mission is too big for the budget on its own; missions 2 MB in all.
  const { root, ids } = makeDist({ missions: 1000, bytes: 2000, firstBytes: 3_000_000, searchBytes: 3_000_000 });
  const { files, runtime, output } = run(root);
  for (const file of APP) assert.ok(files.includes(file), `${file} is cached at once`);
  const data = files.filter(isData);
  const used = size(root, data);
  assert.ok(used <= BUDGET, `${used} bytes of data cached at once, over the budget`);
  assert.ok(used > BUDGET - 10_000, `${used} bytes of data cached at once: the budget is not filled`);

  // The index's order, each mission with its map; the big first one left out,
  // and the search documents, too big, too.
  const order = ids.slice(1).flatMap((id) => [`data/missions/${id}.json`, `maps/${id}.json`]).filter((f) => data.includes(f) || runtime.has(f));
  assert.deepEqual(data, order.slice(0, data.length));
  assert.ok(runtime.has(`data/missions/${ids[0]}.json`));
  assert.ok(runtime.has('search-data/docs.json') && runtime.has('search-data/docs-ar.json'));

  // Every data file is one or the other, with the digest of its content.
  assert.equal(data.length + runtime.size, 2 + ids.length + ids.length / 2);
  for (const [file, digest] of runtime) {
    assert.ok(!files.includes(file), `${file} is in both lists`);
    const sha = createHash('sha256').update(readFileSync(path.join(root, file))).digest('hex');
    assert.ok(sha.startsWith(digest) && digest.length >= 8, `${file}: digest ${digest}`);
  }
  assert.match(output, new RegExp(`cached when first used: ${runtime.size} data files`));
});

test('--budget sets the budget: 0 leaves every data file to when it is used', () => {
  const { root } = makeDist({ missions: 15, bytes: 8000, searchBytes: 100_000 });
  const { files, runtime } = run(root, '--budget', '0');
  assert.deepEqual(files, APP);
  assert.equal(runtime.size, 15 + 8 + 2);
  assert.throws(() => run(root, '--budget', 'lots'), /not a number of bytes/);
});

test('the worker is of the version in the build\'s manifest, and the same when made again; the pages stay as they are', () => {
  const { root } = makeDist({ missions: 100, bytes: 2000, searchBytes: 10_000 });
  const shell = readFileSync(path.join(root, 'shell.html'), 'utf8');
  const first = run(root, '--budget', '50000');
  const second = run(root, '--budget', '50000');
  assert.ok(first.runtime.size > 0);
  assert.equal(first.version, VERSION);
  assert.equal(second.worker, first.worker);
  assert.equal(readFileSync(path.join(root, 'shell.html'), 'utf8'), shell);
  assert.ok(!first.files.includes(NAMES.manifest), 'the manifest is not cached');
  // The worker checks a page's version by the meta that carries it.
  assert.ok(first.worker.includes(`const VERSION_META = "${NAMES.versionMeta}";`));
});

test('without a manifest, or one without a version, the script says what is missing', () => {
  const { root } = makeDist({ missions: 2, bytes: 2000, searchBytes: 100 });
  writeFileSync(path.join(root, NAMES.manifest), '{}');
  assert.throws(() => run(root), /has no version: the prerenderer adds it/);
  rmSync(path.join(root, NAMES.manifest));
  assert.throws(() => run(root), new RegExp(`${NAMES.manifest} is missing .*post_build hook`));
});

/**
 * The worker of `root` in a sandbox, with the network answering from
 * `network` (a file's address without the query → its body) and a cache of
 * Maps. Returns `{ self, caches, fetched }`; `self.dispatch(request)` sends a
 * fetch event and resolves to the response and the work it left.
 */
function loadWorker(root, network) {
  const stores = new Map();
  const caches = {
    open: async (name) => {
      if (!stores.has(name)) stores.set(name, new Map());
      const store = stores.get(name);
      return {
        match: async (request, { ignoreSearch = false } = {}) => {
          const url = new URL(typeof request === 'string' ? request : request.url);
          if (ignoreSearch) url.search = '';
          return store.get(url.href)?.clone();
        },
        put: async (key, response) => void store.set(key, response),
      };
    },
    keys: async () => [...stores.keys()],
    stores,
  };
  const fetched = [];
  const fetch = async (request) => {
    const url = new URL(request.url);
    fetched.push(url.href);
    url.search = '';
    const body = network.get(url.href);
    return body === undefined ? new Response('not found', { status: 404 }) : new Response(body, { headers: { 'content-type': 'application/json' } });
  };
  const listeners = {};
  const self = {
    location: new URL('https://example.org/site/sw.js'),
    addEventListener: (type, fn) => (listeners[type] = fn),
    clients: { claim: async () => {} },
  };
  vm.runInNewContext(readFileSync(path.join(root, 'sw.js'), 'utf8'), { self, caches, fetch, crypto, Response, Request, URL });
  self.dispatch = async (address) => {
    const request = new Request(address);
    let answer;
    const work = [];
    listeners.fetch({ request, respondWith: (p) => (answer = p), waitUntil: (p) => work.push(p) });
    const response = await answer;
    await Promise.all(work);
    return response;
  };
  return { self, caches, fetched };
}

test('the worker keeps a data file of its build the first time it is asked for, and not another build\'s', async () => {
  const { root, ids } = makeDist({ missions: 15, bytes: 8000, searchBytes: 100_000 });
  const { version } = run(root, '--budget', '0');
  const site = 'https://example.org/site/';
  const file = (id) => `data/missions/${id}.json`;
  const network = new Map(ids.map((id) => [site + file(id), readFileSync(path.join(root, file(id)))]));
  // m3 on the host is already another build's.
  network.set(site + file('m3'), '{"id":"m3","newer":true}');
  const { self, caches, fetched } = loadWorker(root, network);
  await caches.open(`mission-pages-${version}`);
  const cache = caches.stores.get(`mission-pages-${version}`);

  // This build's version: from the network once, then from the cache.
  const first = await self.dispatch(`${site}${file('m1')}?v=${version}`);
  assert.equal(first.status, 200);
  assert.ok(cache.has(site + file('m1')), 'kept under its address without the query');
  const again = await self.dispatch(`${site}${file('m1')}?v=${version}`);
  assert.equal(await again.text(), readFileSync(path.join(root, file('m1')), 'utf8'));
  assert.equal(fetched.filter((u) => u.includes(file('m1'))).length, 1, 'asked of the network once');

  // Content that is not this build's is passed on, not kept.
  const newer = await self.dispatch(`${site}${file('m3')}?v=${version}`);
  assert.equal(await newer.text(), '{"id":"m3","newer":true}');
  assert.ok(!cache.has(site + file('m3')));
  // Another version's file, or a failed one, is not kept either.
  await self.dispatch(`${site}${file('m4')}?v=0000000000000000`);
  await self.dispatch(`${site}data/missions/nowhere.json?v=${version}`);
  assert.deepEqual([...cache.keys()], [site + file('m1')]);
});
