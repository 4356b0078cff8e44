// The app on demand (app-start.js): a first visit to a prerendered page
// downloads the page and its styles only, within the size budget; the app
// starts when the reader reaches for a control, and what the reader did
// meanwhile (a click, typing, the theme) carries over.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

import { useEnvironment, openPage, waitForApp, delayApp, appFile, DIST } from './lib/browser.mjs';

const env = useEnvironment();

/** Issue 8's budget: what a first visit to the UNAMI overview downloads, gzip. */
const BUDGET_KIB = 160;

const isApp = appFile();

/** Opens a page the way a first-time reader gets it: no offline copy, nothing asked for. */
async function firstVisit(options = {}) {
  const s = await openPage(env.browser, { origin: env.server.origin, appAtOnce: false, ...options });
  const requests = [];
  s.page.on('request', (r) => requests.push(r.url()));
  return { ...s, requests };
}

test(`a first visit to the UNAMI overview downloads the page and its styles before it loads, within ${BUDGET_KIB} KiB gzip; the app only after, without running it`, async () => {
  const s = await firstVisit();
  try {
    await s.page.goto(env.url('missions/unami/'));
    await s.page.locator('main h1').waitFor();
    await s.page.waitForTimeout(1500);
    // What the browser fetched and when, from the page's own timings.
    const { loaded, resources } = await s.page.evaluate(() => ({
      loaded: performance.getEntriesByType('navigation')[0].loadEventStart,
      resources: performance.getEntriesByType('resource').map((r) => ({ url: r.name, start: r.startTime })),
    }));
    const app = resources.filter((r) => isApp(r.url));
    assert.ok(app.some((r) => r.url.endsWith('.wasm')) && app.some((r) => r.url.endsWith('.js')), `the app fetched once the page has loaded: ${JSON.stringify(app)}`);
    for (const r of app) assert.ok(r.start >= loaded, `${r.url} asked for at ${r.start} ms, before the load event at ${loaded} ms`);
    assert.ok(await s.page.evaluate(() => document.body.hasAttribute('data-prerendered')), 'the page as prerendered: the app not run');
    // Every file asked for before the load event, measured as a static host sends it (gzip -9).
    let total = 0;
    const files = [];
    const before = [env.url('missions/unami/'), ...resources.filter((r) => r.start < loaded).map((r) => r.url)];
    for (const url of new Set(before)) {
      const { pathname } = new URL(url);
      let file = path.join(DIST, decodeURIComponent(pathname.slice(env.server.basePath.length)));
      if (pathname.endsWith('/')) file = path.join(file, 'index.html');
      const gzip = gzipSync(readFileSync(file), { level: 9 }).length;
      files.push(`${pathname} ${gzip} B`);
      total += gzip;
    }
    console.log(`first visit, UNAMI overview, until it has loaded: ${total} B gzip (${(total / 1024).toFixed(1)} KiB) in ${files.length} files:\n  ${files.join('\n  ')}`);
    assert.ok(total <= BUDGET_KIB * 1024, `${total} B gzip is over the budget of ${BUDGET_KIB} KiB:\n  ${files.join('\n  ')}`);
    s.assertClean();
  } finally {
    await s.close();
  }
});

test('a reader who asked to save data is not sent the app until they reach for a control', async () => {
  const s = await firstVisit();
  try {
    await s.page.addInitScript(() => Object.defineProperty(navigator, 'connection', { value: { saveData: true, effectiveType: '4g' } }));
    await s.page.goto(env.url('missions/unami/'));
    await s.page.locator('main h1').waitFor();
    await s.page.waitForTimeout(1500);
    assert.deepEqual(s.requests.filter(isApp), [], 'no WebAssembly, no glue');
    s.assertClean();
  } finally {
    await s.close();
  }
});

test('a button clicked before the app is there is clicked again once it is: the chart becomes its table', async () => {
  const s = await firstVisit();
  try {
    await delayApp(s.page, 1000);
    await s.page.goto(env.url('missions/unami/personnel/'));
    const toggle = s.page.locator('#personnel-chart .chart-tools button');
    await toggle.click();
    await waitForApp(s.page);
    assert.ok(s.requests.some(isApp), 'the click started the app');
    await s.page.locator('#personnel-chart .table-view table').waitFor();
    assert.equal(await s.page.locator('#personnel-chart .chart-tools button').getAttribute('aria-pressed'), 'true');
    assert.equal(await s.page.locator('#personnel-chart .chart-view').isVisible(), false);
    s.assertClean();
  } finally {
    await s.close();
  }
});

test('the theme switch works on the first click, before the app is there', async () => {
  const s = await firstVisit({ colorScheme: 'light' });
  try {
    await delayApp(s.page, 1000);
    await s.page.goto(env.url('missions/unami/'));
    await s.page.locator('header .theme-toggle').click();
    await waitForApp(s.page);
    await s.page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    s.assertClean();
  } finally {
    await s.close();
  }
});

test('typing in the header search box before the app is there carries over, focus and all', async () => {
  const s = await firstVisit();
  try {
    await delayApp(s.page, 1000);
    await s.page.goto(env.url('missions/unami/timeline/'));
    await s.page.locator('#site-search').focus();
    await s.page.keyboard.type('canal hotel');
    await waitForApp(s.page);
    assert.equal(await s.page.locator('#site-search').inputValue(), 'canal hotel');
    assert.equal(await s.page.evaluate(() => document.activeElement?.id), 'site-search');
    await s.page.keyboard.press('Enter');
    await s.page.waitForURL(/\/search\/\?q=canal\+hotel$/);
    await s.page.locator('.search-result').first().waitFor();
    s.assertClean();
  } finally {
    await s.close();
  }
});

test('pages that are nothing without the app start it at once: search, and any address with a query', async () => {
  for (const where of ['search/', 'missions/unami/timeline/?kind=resolution']) {
    const s = await firstVisit();
    try {
      await s.page.goto(env.url(where));
      await waitForApp(s.page);
      assert.ok(s.requests.some(isApp), `${where}: the app started`);
      s.assertClean();
    } finally {
      await s.close();
    }
  }
});
