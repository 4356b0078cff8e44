// Offline: after a first visit the service worker (dist/sw.js, made by
// scripts/service-worker.mjs) has the app and, within its data budget, the
// data (with the shipped data, all of it), so readers can move between
// missions, sections and languages with the network off. A data file left out
// of the budget is kept once read, so a mission read online can be read
// offline; one never read says so offline. A new build is picked up on the
// next visit, its data never mixed with the old build's, and the old build's
// cache goes once no page of it is open.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';

import { useEnvironment, openPage, gotoApp, DIST, REPO_ROOT, BASE_PATH } from './lib/browser.mjs';
import { startServer } from './lib/server.mjs';
import { NAMES } from '../scripts/manifest.mjs';

const env = useEnvironment();

/** The build version written into a page. */
const versionOf = (page) => page.evaluate((name) => document.querySelector(`meta[name="${name}"]`)?.content, NAMES.versionMeta);

/** Waits until the page is controlled by a service worker whose cache is complete. */
async function waitForOffline(page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller, null, { timeout: 30_000 });
}

const cacheNames = (page) => page.evaluate(() => caches.keys());

/** In a page: whether the worker's cache holds the site file `file` (`data/index.json`). */
const isCached = async (file) => Boolean(await caches.match(new URL(file, document.baseURI).href));

/** Polls `check` (an async function run in the page) until it returns true. */
async function until(page, check, arg, what) {
  const deadline = Date.now() + 30_000;
  while (!(await page.evaluate(check, arg))) {
    if (Date.now() > deadline) assert.fail(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

test('after a first visit, missions, sections, search and both languages work offline', async () => {
  // Its own server, which the test stops: offline for the page and its worker alike.
  const server = await startServer({ root: DIST, basePath: BASE_PATH });
  const url = (p) => server.baseUrl + p;
  const s = await openPage(env.browser, { origin: server.origin, serviceWorkers: 'allow' });
  try {
    const { page, context } = s;
    await gotoApp(page, url('missions/unami'));
    await waitForOffline(page);
    // The search documents are beyond the data budget with the shipped data:
    // the worker keeps them when the search page first reads them.
    await gotoApp(page, url('search?q=canal'));
    await page.locator('.search-result').first().waitFor();
    await until(page, isCached, 'search-data/docs.json', 'the search documents are kept');
    const version = await versionOf(page);
    assert.match(version, /^[0-9a-f]{16}$/);
    assert.deepEqual(await cacheNames(page), [`mission-pages-${version}`]);

    await server.close();
    await context.setOffline(true);
    // Nothing comes from the network now.
    assert.equal(await page.evaluate(() => fetch('data/index.json?not-cached').then(() => 'ok', () => 'failed')), 'failed');
    // A full page load of another mission in Arabic, from the cache.
    await gotoApp(page, url('ar/missions/unama/timeline'));
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'ar');
    assert.ok((await page.locator('main .entry').count()) > 0, 'UNAMA timeline entries offline');
    // Moving inside the app: another section, its data from the cache.
    await page.locator('.section-nav a[href$="/personnel/"]').click();
    await page.locator('#personnel-chart').waitFor();
    // A mission's offices with its map, search, and the catalogue, in English.
    await gotoApp(page, url('missions/unami/offices'));
    await page.locator('.office-map .marker').first().waitFor();
    await gotoApp(page, url('search?q=canal'));
    await page.locator('.search-result').first().waitFor();
    await gotoApp(page, url(''));
    const missions = JSON.parse(readFileSync(path.join(DIST, 'data', 'index.json'), 'utf8')).missions;
    assert.equal(await page.locator('main li.card').count(), missions.length);
  } finally {
    await s.close();
    await server.close().catch(() => {});
  }
});

test('a new build is picked up on the next visit, its files never mixed with the old ones', async () => {
  // A copy of the build, served on its own, so that it can be "deployed" again.
  const root = mkdtempSync(path.join(os.tmpdir(), 'mission-pages-deploy-'));
  cpSync(DIST, root, { recursive: true });
  const server = await startServer({ root, basePath: BASE_PATH });
  const url = (p) => server.baseUrl + p;
  const s = await openPage(env.browser, { origin: server.origin, serviceWorkers: 'allow' });
  try {
    const { context } = s;
    let page = s.page;
    await gotoApp(page, url('missions/unami'));
    await waitForOffline(page);
    const oldVersion = await versionOf(page);

    // Deploy: UNAMI's summary changes, in its data file and in every page
    // that carries it, and the build gets a new version, which the
    // prerenderer writes into every page and the build's manifest.
    const ending = 'without running programmes of its own.';
    const nextVersion = createHash('sha256').update(oldVersion).digest('hex').slice(0, 16);
    let changed = 0;
    for (const file of readdirSync(root, { recursive: true })) {
      if (!/\.(html|json)$/.test(file)) continue;
      const text = readFileSync(path.join(root, file), 'utf8');
      const next = text.replaceAll(ending, `${ending} Updated in the new build.`);
      if (next !== text) changed += 1;
      if (file.endsWith('.html') || file === NAMES.manifest) writeFileSync(path.join(root, file), next.replaceAll(oldVersion, nextVersion));
      else if (next !== text) writeFileSync(path.join(root, file), next);
    }
    assert.ok(changed >= 3, `the data file, the overview page and search data changed (${changed} files)`);
    execFileSync('node', [path.join(REPO_ROOT, 'scripts', 'service-worker.mjs'), root]);

    // The next visit (the old worker still in charge) shows the new build.
    await page.close();
    page = await context.newPage();
    await gotoApp(page, url('missions/unami'));
    const newVersion = await versionOf(page);
    assert.equal(newVersion, nextVersion);
    await page.locator('#summary', { hasText: 'Updated in the new build.' }).waitFor();

    // Meanwhile the browser has found the new worker, which installs beside
    // the old one and waits.
    await until(
      page,
      async () => {
        const r = await navigator.serviceWorker.getRegistration();
        return Boolean(r?.waiting);
      },
      null,
      'the new worker is installed and waiting',
    );

    // Once no page of the old build is open, the new worker takes over and the
    // old cache is gone; offline, the new build is what is left.
    await page.close();
    page = await context.newPage();
    await gotoApp(page, url('about'));
    await until(
      page,
      async (v) => {
        const keys = await caches.keys();
        return keys.length === 1 && keys[0] === `mission-pages-${v}`;
      },
      newVersion,
      'only the new build is cached',
    );
    await context.setOffline(true);
    await gotoApp(page, url('missions/unami'));
    assert.equal(await versionOf(page), newVersion);
    await page.locator('#summary', { hasText: 'Updated in the new build.' }).waitFor();
    await context.setOffline(false);
    await page.close();
  } finally {
    await s.close();
    await server.close();
    rmSync(root, { recursive: true, force: true });
  }
});

test('a mission left out of the budget is kept once read online; offline, one never read says so', async () => {
  // A copy of the build whose worker caches no missions, maps or search
  // documents at install (a budget of 0), as a large site leaves most of them.
  const root = mkdtempSync(path.join(os.tmpdir(), 'mission-pages-budget-'));
  cpSync(DIST, root, { recursive: true });
  const output = execFileSync('node', [path.join(REPO_ROOT, 'scripts', 'service-worker.mjs'), root, '--budget', '0'], { encoding: 'utf8' });
  assert.match(output, /cached when first used: [1-9]\d* data files/);
  const server = await startServer({ root, basePath: BASE_PATH });
  const url = (p) => server.baseUrl + p;
  const s = await openPage(env.browser, { origin: server.origin, serviceWorkers: 'allow' });
  const cached = (file) => s.page.evaluate(isCached, file);
  try {
    const { page, context } = s;
    await gotoApp(page, url('about'));
    await waitForOffline(page);
    assert.ok(await cached('data/index.json'), 'the index is cached at install');
    assert.ok(!(await cached('data/missions/unama.json')), "UNAMA's file is not cached at install");

    // Read online: its file is kept.
    await gotoApp(page, url('missions/unama'));
    await until(page, isCached, 'data/missions/unama.json', "UNAMA's file is kept");

    await server.close();
    await context.setOffline(true);
    // A section of UNAMA not visited: the shell, and the app renders it from the kept file.
    await gotoApp(page, url('missions/unama/timeline'));
    assert.ok((await page.locator('main .entry').count()) > 0, 'UNAMA timeline entries offline');
    // A mission never read: the app's error, naming the file it could not have.
    await gotoApp(page, url('missions/unami'));
    const alert = page.locator('main .load-error[role="alert"]');
    await alert.waitFor();
    assert.equal(await alert.locator('code').innerText(), 'data/missions/unami.json');
    assert.ok((await alert.locator('h1').innerText()).trim().length > 0, 'the error has a heading');
    assert.ok(!(await cached('data/missions/unami.json')));
  } finally {
    await s.close();
    await server.close().catch(() => {});
    rmSync(root, { recursive: true, force: true });
  }
});
