// Shared harness for the end-to-end tests: one headless Chromium per test file,
// one server per test file, and pages that record everything that goes wrong.
//
// Typical use in a test file:
//
//   const env = await setup();                    // in before()
//   const s = await openPage(env.browser, { origin: env.server.origin });
//   await gotoApp(s.page, env.url('missions/unami'));
//   ...
//   s.assertClean();                              // console errors, failed requests…
//   await s.close();
//   await env.close();                            // in after()

import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

import { startServer } from './server.mjs';
import { readManifest } from '../../scripts/manifest.mjs';

/** The repository root (two levels up from this file). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where the release build is served, like GitHub Pages' /<repo>/. */
export const BASE_PATH = process.env.E2E_PUBLIC_URL || '/mission-pages/';

/** The release build the tests run against. */
export const DIST = process.env.E2E_DIST || path.join(REPO_ROOT, 'dist');

/**
 * A test of the app's own file (an address, or a URL as Playwright's routes
 * give it): `glue` (its JavaScript) or `wasm`, as the build's manifest names
 * them; both when `which` is left out.
 */
export function appFile(...which) {
  const manifest = readManifest(DIST);
  const names = (which.length ? which : ['glue', 'wasm']).map((part) => manifest[part].file);
  return (url) => names.includes(new URL(url).pathname.split('/').pop());
}

/** How long any single wait may take (ms). Generous: the machine is small. */
export const TIMEOUT = Number(process.env.E2E_TIMEOUT || 20_000);

export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches Debian's Chromium (never a downloaded one). */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    // The args above already ask for the new headless mode.
    headless: true,
    timeout: 60_000,
  });
}

/**
 * Starts the server on dist/ under the base path and launches a browser.
 * Returns `{ server, browser, url(path), close() }`, where `url('missions/unami')`
 * is the address of a site path (relative to the base, no leading slash).
 */
export async function setup() {
  const server = await startServer({ root: DIST, basePath: BASE_PATH });
  let browser;
  try {
    browser = await launchBrowser();
  } catch (err) {
    await server.close();
    throw err;
  }
  return {
    server,
    browser,
    /** The base path with a site path appended: path('missions/unami') → '/mission-pages/missions/unami'. */
    path: (p = '') => server.basePath + String(p).replace(/^\//, ''),
    url: (p = '') => server.baseUrl + String(p).replace(/^\//, ''),
    async close() {
      await browser?.close().catch(() => {});
      await server.close();
    },
  };
}

/**
 * For a test file: starts one server and one browser before its tests and
 * closes them after. Returns the environment `setup()` makes, filled in once
 * the file's tests start.
 */
export function useEnvironment() {
  const env = {};
  before(async () => {
    Object.assign(env, await setup());
  });
  after(async () => {
    await env.close?.();
  });
  return env;
}

/**
 * Matches the address of a site file whatever its query, for page.route():
 * data files are asked for with the build's version (`?v=…`).
 */
export function sameFile(address) {
  const path = address.startsWith('**') ? null : new URL(address).pathname;
  const suffix = address.replace(/^\*\*/, '');
  return (url) => {
    const pathname = new URL(typeof url === 'string' ? url : url.href).pathname;
    return path === null ? pathname.endsWith(suffix) : pathname === path;
  };
}

/**
 * Answers every page load of `page` with the app's shell (dist/shell.html)
 * instead of the prerendered page, as the service worker does offline for a
 * page not visited yet: the app then downloads its data itself, as the tests
 * of failing data files need.
 */
export async function useShell(page) {
  const shell = readFileSync(path.join(DIST, 'shell.html'));
  await page.route('**/*', (route) =>
    route.request().isNavigationRequest()
      ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: shell })
      : route.fallback(),
  );
}

/**
 * Holds back the app's WebAssembly on `page` for `ms` milliseconds (for good
 * with Infinity), as a slow network would, so that the reader acts on the
 * prerendered page before the app runs.
 */
export async function delayApp(page, ms) {
  await page.route((url) => /_bg\.wasm$/.test(url.pathname), async (route) => {
    if (ms === Infinity) return; // never answered
    await new Promise((resolve) => setTimeout(resolve, ms));
    await route.continue();
  });
}

/** Opens a page, runs `fn(page, session)`, then asserts nothing went wrong on it. */
export async function withPage(env, options, fn) {
  const s = await openPage(env.browser, { origin: env.server.origin, ...options });
  try {
    await fn(s.page, s);
    s.assertClean();
  } finally {
    await s.close();
  }
}

function matches(pattern, url) {
  if (pattern instanceof RegExp) return pattern.test(url);
  if (typeof pattern === 'function') return pattern(url);
  return url.includes(pattern);
}

/** In a page: asks app-start.js to start the app without waiting for the reader. */
export function startAppAtOnce() {
  try {
    localStorage.setItem('mission-pages-start', 'now');
  } catch {
    // about:blank and other pages without storage.
  }
}

/** In a page: reports every Content Security Policy violation to the console. */
export function reportPolicyViolations() {
  document.addEventListener('securitypolicyviolation', (e) => {
    console.error(`${CSP_VIOLATION} ${e.effectiveDirective} refused ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber} ${e.sample ?? ''}`);
  });
}

/** How the pages' reports of policy violations start (see reportPolicyViolations). */
export const CSP_VIOLATION = 'Content Security Policy violation:';

/**
 * Opens a fresh context and page and records every problem:
 *   - console messages of type "error", and any console text with "panicked at";
 *   - Content Security Policy violations (Trusted Types included);
 *   - uncaught page errors;
 *   - failed requests (except those of a previous document, cancelled with
 *     net::ERR_ABORTED when the next one loads), and responses with status
 *     >= 400 (except the main document's own navigation: deep links are
 *     served as 404.html with 404);
 *   - requests to any origin other than `origin`.
 * `allow` (strings matched as substrings, RegExps, or predicates) whitelists
 * URLs a test breaks on purpose: their failures and the console's
 * "Failed to load resource" messages about them are not problems.
 *
 * Returns `{ context, page, problems, allow(pattern), assertClean(), close() }`.
 */
export async function openPage(
  browser,
  {
    colorScheme = 'light',
    viewport = { width: 1280, height: 800 },
    allow = [],
    origin,
    reducedMotion = 'reduce',
    // The service worker answers requests before page.route() sees them, and
    // fills its cache on every first visit: only the offline tests want it.
    serviceWorkers = 'block',
    // Prerendered pages start the app when the reader reaches for a control
    // (app-start.js); most tests test the app, so they ask for it at once.
    appAtOnce = true,
  } = {},
) {
  const context = await browser.newContext({ colorScheme, viewport, reducedMotion, serviceWorkers });
  if (appAtOnce) await context.addInitScript(startAppAtOnce);
  await context.addInitScript(`(${reportPolicyViolations.toString().replace('CSP_VIOLATION', JSON.stringify(CSP_VIOLATION))})()`);
  context.setDefaultTimeout(TIMEOUT);
  context.setDefaultNavigationTimeout(TIMEOUT);
  const page = await context.newPage();
  const allowed = [...allow];
  const isAllowed = (url) => allowed.some((p) => matches(p, url));
  const problems = [];
  // URLs of main-frame documents, which may legitimately arrive with 404.
  const documents = new Set();
  let expectedOrigin = origin;

  // Loading a new document cancels the old one's requests still in flight (a
  // late favicon, say) with net::ERR_ABORTED: that is not the app's fault.
  // Count main-frame navigations so such cancellations can be told apart.
  let navigations = 0;
  let navigationPending = false;
  const issuedAt = new WeakMap();
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigationPending = false;
  });

  page.on('request', (request) => {
    const url = request.url();
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) {
      documents.add(url.split('#')[0]);
      expectedOrigin ??= new URL(url).origin;
      navigations += 1;
      navigationPending = true;
    } else {
      issuedAt.set(request, { navigations, navigationPending });
    }
    // data: and blob: addresses never leave the page.
    if (/^(data|blob):/.test(url)) return;
    if (expectedOrigin && new URL(url).origin !== expectedOrigin) {
      problems.push(`request leaving the origin ${expectedOrigin}: ${request.method()} ${url}`);
    }
  });
  page.on('requestfailed', (request) => {
    const url = request.url();
    if (isAllowed(url)) return;
    const errorText = request.failure()?.errorText ?? '';
    const issued = issuedAt.get(request);
    if (/ERR_ABORTED/.test(errorText) && issued && (issued.navigationPending || navigations > issued.navigations)) return;
    problems.push(`request failed: ${request.method()} ${url}: ${request.failure()?.errorText ?? '?'}`);
  });
  page.on('response', (response) => {
    const url = response.url();
    const request = response.request();
    if (response.status() < 400 || isAllowed(url)) return;
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) return;
    problems.push(`HTTP ${response.status()} for ${request.method()} ${url}`);
  });
  page.on('console', (msg) => {
    const text = msg.text();
    if (text.includes('panicked at')) {
      problems.push(`Rust panic (console.${msg.type()}): ${text}`);
      return;
    }
    if (msg.type() !== 'error') return;
    if (text.startsWith(CSP_VIOLATION)) {
      problems.push(text);
      return;
    }
    const where = (msg.location()?.url ?? '').split('#')[0];
    // Chromium logs "Failed to load resource: … 404" for every 4xx/5xx,
    // including the 404.html that boots a deep link and deliberately broken URLs.
    if (/^Failed to load resource/.test(text) && (documents.has(where) || isAllowed(where))) return;
    problems.push(`console error: ${text}${where ? ` (at ${where})` : ''}`);
  });
  page.on('pageerror', (error) => {
    problems.push(`page error: ${error.stack || error.message || error}`);
  });
  page.on('crash', () => problems.push('the page crashed'));

  return {
    context,
    page,
    problems,
    /** Whitelists one more URL pattern from now on. */
    allow(pattern) {
      allowed.push(pattern);
    },
    /** Fails listing every problem recorded so far. */
    assertClean(label = '') {
      if (problems.length > 0) {
        assert.fail(
          `${label ? `${label}: ` : ''}${problems.length} problem(s) on ${page.url()}:\n  - ${problems.join('\n  - ')}`,
        );
      }
    },
    async close() {
      await context.close().catch(() => {});
    },
  };
}

/**
 * Waits until the app has finished loading: it has taken over the
 * prerendered page (the body is no longer marked `data-prerendered`), `main
 * h1` is visible and no `.loading` placeholder is left.
 */
export async function waitForApp(page, { timeout = TIMEOUT } = {}) {
  await page.waitForFunction(
    () => {
      if (document.body?.hasAttribute('data-prerendered')) return false;
      const h1 = document.querySelector('main h1');
      if (!h1 || document.querySelector('.loading')) return false;
      const box = h1.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && getComputedStyle(h1).visibility !== 'hidden';
    },
    null,
    { timeout },
  );
}

/**
 * Loads `url` in `page` and waits for the app. Returns the document's
 * response. A page made only at build time (`data-built`: about, Data,
 * changes, print) has no app to wait for: it is read as it arrives.
 */
export async function gotoApp(page, url) {
  const response = await page.goto(url, { waitUntil: 'load' });
  if (await page.evaluate(() => document.body?.hasAttribute('data-built'))) return response;
  await waitForApp(page);
  return response;
}

/** The tags the site must meet: WCAG 2.0, 2.1 and 2.2, levels A and AA. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe on the page and fails listing every violation (id, impact, targets). */
export async function checkAxe(page, label = '') {
  // Legacy mode runs axe in the page itself: the site has no iframes, and it is
  // about twice as fast as the default, which opens an extra blank page per run.
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).setLegacyMode(true).analyze();
  const violations = results.violations;
  if (violations.length > 0) {
    const lines = violations.map((v) => {
      const nodes = v.nodes
        .map((n) => `      ${JSON.stringify(n.target)}${n.failureSummary ? `: ${n.failureSummary.replace(/\s+/g, ' ')}` : ''}`)
        .join('\n');
      return `  - ${v.id} (${v.impact}): ${v.help}\n${nodes}`;
    });
    assert.fail(`axe found ${violations.length} violation(s)${label ? ` on ${label}` : ''} (${page.url()}):\n${lines.join('\n')}`);
  }
  return results;
}

/**
 * The text of what `locator` shows, as written (no `display: none` on the
 * way to it), whitespace collapsed, whether or not the browser has laid it
 * out yet: `innerText` leaves out the cards and timeline entries that
 * `content-visibility: auto` skips while they are out of view. Text nodes
 * are joined as they are, with nothing between blocks.
 */
export async function shownText(locator) {
  // A walk of its own: with JavaScript off, the page cannot call back into a TreeWalker's filter.
  const text = await locator.evaluate((root) => {
    const parts = [];
    const walk = (node) => {
      if (node.nodeType === Node.TEXT_NODE) parts.push(node.data);
      else if (node.nodeType === Node.ELEMENT_NODE && node.checkVisibility()) for (const child of node.childNodes) walk(child);
    };
    for (const child of root.childNodes) walk(child);
    return parts.join('');
  });
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Scrolls `locator` into view and waits two frames: the browser lays out a
 * card or timeline entry (`content-visibility: auto`) only once it is near
 * the viewport, at its next rendering.
 */
export async function scrollIntoLayout(locator) {
  await locator.scrollIntoViewIfNeeded();
  await locator.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

/** The main text of the page, whitespace collapsed (for checking facts). */
export async function mainText(page) {
  const text = await page.locator('main').innerText();
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The page's footnotes hold together: every [n] leads to an entry of the
 * page's source list, every entry is cited on the page, and every "Cited for"
 * link leads back to an element of the page that holds a citation of it.
 * Returns how many entries the list has.
 */
export async function checkFootnotes(page, where = '') {
  // A filter hides entries and footnotes (`hidden`), it does not remove them.
  // What is in a closed disclosure, or in a chart's other view (the app shows
  // it when a link leads there), still counts.
  const problems = await page.evaluate(() => {
    const out = [];
    const shown = (el) => !el.closest('[hidden]:not(.table-view, .chart-view)');
    const entries = [...document.querySelectorAll('main ol.source-list > li')].filter(shown);
    const cited = new Set();
    for (const a of [...document.querySelectorAll('main sup.cite a')].filter(shown)) {
      const href = a.getAttribute('href');
      const id = href.slice(href.indexOf('#') + 1);
      cited.add(id);
      const entry = document.querySelector(`main ol.source-list > li#${CSS.escape(id)}`);
      if (!entry) out.push(`[${a.textContent}] → ${href}: no entry`);
      else if (!shown(entry)) out.push(`[${a.textContent}] → ${href}: its entry is hidden`);
    }
    for (const li of entries) {
      if (!cited.has(li.id)) out.push(`${li.id} is listed but not cited by anything shown`);
      for (const back of [...li.querySelectorAll('.cited-by a')].filter(shown)) {
        const href = back.getAttribute('href');
        const target = document.getElementById(href.slice(href.indexOf('#') + 1));
        if (!target) {
          out.push(`${li.id}: back-link ${href} has no target`);
        } else if (!shown(target)) {
          out.push(`${li.id}: back-link ${href} leads to a hidden fact`);
        } else if (![...target.querySelectorAll('sup.cite a')].some((a) => a.getAttribute('href').endsWith(`#${li.id}`))) {
          out.push(`${li.id}: back-link ${href} leads to a fact that does not cite it`);
        }
      }
    }
    return { out, entries: entries.length };
  });
  assert.deepEqual(problems.out, [], `${where ? `${where}: ` : ''}footnotes`);
  return problems.entries;
}

/**
 * Serves `page` the app's shell and mission `id`'s file with the Arabic of its
 * timeline taken out, so that the app downloads it and shows those entries in
 * English, marked: the shipped data has Arabic throughout.
 */
export async function serveTimelineInEnglishOnly(page, id, url) {
  const mission = JSON.parse(readFileSync(path.join(DIST, 'data', 'missions', `${id}.json`), 'utf8'));
  const english = (text) => (text ? { en: text.en } : text);
  for (const r of mission.resolutions) r.effect = english(r.effect);
  for (const e of mission.events) Object.assign(e, { title: english(e.title), description: english(e.description) });
  await useShell(page);
  await page.route(sameFile(url), (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(mission) }),
  );
}
