// The benchmark of issue 8: a release build served like a real static host
// (scripts/bench/server.mjs: GitHub Pages' addresses, brotli or gzip), measured
// with Lighthouse 12 (mobile and desktop presets) on four pages and on a plain
// static copy of the UNAMI overview (same HTML and CSS, no script: the limit
// for this content), plus what a first visit downloads and two timings inside
// the app. Prints the results and writes them into BENCHMARKS.md.
//
//   node scripts/bench/bench.mjs DIST [--runs N] [--port P]   (`make bench` builds, then runs it)
// --port: serve on this port, the one the build's SITE_URL names (its canonical
// and alternate links are whole addresses, as on a real host).
//
// With --runs N each Lighthouse figure is Lighthouse's median run of N.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
import { launch } from 'chrome-launcher';
import { chromium } from 'playwright-core';

import { startServer } from './server.mjs';
import { readManifest } from '../manifest.mjs';
import { CHROMIUM, CHROME_FLAGS } from './chromium.mjs';
import { makeLargeSite } from './large-site.mjs';
import { startAppAtOnce } from '../../e2e/lib/browser.mjs';
import { measureTaps, tapTable } from './taps.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const LABELS = { performance: 'performance', accessibility: 'accessibility', 'best-practices': 'best practices', seo: 'SEO' };
const PAGES = [
  { key: 'catalogue', name: 'Catalogue', path: '' },
  { key: 'overview', name: 'UNAMI overview', path: 'missions/unami/' },
  { key: 'timeline', name: 'UNAMI timeline', path: 'missions/unami/timeline/' },
  { key: 'arabic', name: 'UNAMI overview, Arabic', path: 'ar/missions/unami/' },
  { key: 'static', name: 'Static UNAMI overview', path: 'static/unami/' },
];
const APP_PAGES = PAGES.filter((p) => p.key !== 'static');
const MARKER = '<!-- Everything below is written by scripts/bench/bench.mjs and replaced on each run. -->';

const args = process.argv.slice(2);
const dist = args[0];
const runsAt = args.indexOf('--runs');
const runs = runsAt < 0 ? 1 : Number(args[runsAt + 1]);
const portAt = args.indexOf('--port');
const port = portAt < 0 ? 0 : Number(args[portAt + 1]);
if (!dist || dist.startsWith('--') || !(runs >= 1)) {
  console.error('usage: node scripts/bench/bench.mjs DIST [--runs N] [--port P]');
  process.exit(2);
}

const started = Date.now();
const load = [];
const sampleLoad = () => load.push(os.loadavg()[0]);
sampleLoad();
const sampler = setInterval(sampleLoad, 5000);

// The static page: the prerendered overview without any <script> (the loader, the
// theme and worker scripts, the embedded data) or preload of the app's JS and wasm.
const tmp = mkdtempSync(path.join(os.tmpdir(), 'mission-pages-bench-'));
cpSync(dist, tmp, { recursive: true });
const overviewHtml = readFileSync(path.join(dist, 'missions/unami/index.html'), 'utf8');
const staticHtml = overviewHtml
  .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '')
  .replace(/<link\b[^>]*>/g, (link) => (/rel=["']?(modulepreload|preload)\b/.test(link) && /\.(wasm|m?js)\b/.test(link) ? '' : link));
mkdirSync(path.join(tmp, 'static/unami'), { recursive: true });
writeFileSync(path.join(tmp, 'static/unami/index.html'), staticHtml);

const basePath = readFileSync(path.join(dist, 'index.html'), 'utf8').match(/<base href=["']?([^"'\s>]+)/)?.[1] ?? '/';
const manifest = readManifest(dist);
const { version } = manifest;
console.log(`Compressing every file of ${dist} once (brotli 11, gzip 9)…`);
const server = await startServer({ root: tmp, basePath, port });
const url = (page) => server.baseUrl + page.path;

/** The file a URL of the site names (`dir/` is `dir/index.html`), or null. */
function fileOf(address) {
  const { pathname } = new URL(address);
  if (!pathname.startsWith(new URL(server.baseUrl).pathname)) return null;
  const rel = decodeURIComponent(pathname.slice(new URL(server.baseUrl).pathname.length));
  return rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel;
}
const sizes = (rel) => {
  const f = server.files.get(rel);
  return { raw: f.raw.length, gzip: (f.gzip ?? f.raw).length, brotli: (f.br ?? f.raw).length };
};

let browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROME_FLAGS });
const chromiumVersion = browser.version();

// ---------------------------------------------------------------- first visits
/**
 * Every response of a first visit in a fresh profile, until the network has been
 * idle for 3 s: what the page downloads, then what the service worker adds to
 * its cache (it registers at `load`). Bodies are counted as the server sent them,
 * plus headers.
 */
async function firstVisit(page) {
  const context = await browser.newContext({ serviceWorkers: 'allow' });
  let inflight = 0;
  let last = Date.now();
  const pending = [];
  context.on('request', () => { inflight++; last = Date.now(); });
  context.on('requestfailed', () => { inflight--; last = Date.now(); });
  context.on('requestfinished', (req) => {
    inflight--;
    last = Date.now();
    pending.push((async () => {
      const response = await req.response();
      const file = response?.status() === 404 ? '404.html' : fileOf(req.url());
      // Answered by the worker from its cache: nothing crossed the network.
      if (!response || response.fromServiceWorker() || !server.files.has(file)) return null;
      const coding = (await response.allHeaders())['content-encoding'];
      const f = server.files.get(file);
      const body = (coding === 'br' ? f.br : coding === 'gzip' ? f.gzip : f.raw).length;
      return { file, byWorker: Boolean(req.serviceWorker()), sent: body + (await req.sizes()).responseHeadersSize };
    })());
  });
  const tab = await context.newPage();
  await tab.goto(url(page), { waitUntil: 'load' });
  // (A request still open after 30 s of silence is given up on.)
  while ((inflight > 0 && Date.now() - last < 30000) || Date.now() - last < 3000) await new Promise((r) => setTimeout(r, 200));
  const responses = (await Promise.all(pending)).filter(Boolean);
  await context.close();
  // The app and the page's data, which app-start.js fetches once the page has
  // loaded (issue 18), are counted apart: the first-visit budget is for what
  // the page needs before it has loaded.
  const prefetched = responses.filter((r) => !r.byWorker && isPrefetched(r.file));
  const own = responses.filter((r) => !r.byWorker && !isPrefetched(r.file));
  const worker = responses.filter((r) => r.byWorker);
  const total = (list, key) => list.reduce((n, r) => n + (key === 'sent' ? r.sent : sizes(r.file)[key]), 0);
  // The data the page carries inside its HTML (<script type="application/json" data-preload>).
  const html = server.files.get(fileOf(url(page))).raw.toString();
  const embedded = [...html.matchAll(/<script type="application\/json"[^>]*>([\s\S]*?)<\/script>/g)].reduce((n, m) => n + Buffer.byteLength(m[1]), 0);
  return {
    files: own.map((r) => r.file),
    requests: own.length,
    raw: total(own, 'raw'), gzip: total(own, 'gzip'), brotli: total(own, 'brotli'), sent: total(own, 'sent'),
    embedded,
    worker: worker.map((r) => ({ ...r, again: own.some((o) => o.file === r.file) })),
    workerSent: total(worker, 'sent'),
    workerGzip: total(worker, 'gzip'),
    prefetched: prefetched.map((r) => r.file),
    prefetchedGzip: total(prefetched, 'gzip'),
    prefetchedSent: total(prefetched, 'sent'),
  };
}

/** What app-start.js fetches after the page's load event: the WebAssembly, its glue, the page's data files. */
const isPrefetched = (file) => file === manifest.glue.file || file === manifest.wasm.file || /^data\/|^maps\//.test(file);

// ---------------------------------------------------------------- inside the app
/** Loads a page and waits for the app to have replaced the prerendered one. */
async function gotoApp(tab, address) {
  await tab.goto(address, { waitUntil: 'load' });
  await tab.waitForFunction(() => !document.body.hasAttribute('data-prerendered') && document.querySelector('main h1') && !document.querySelector('.loading'));
}

const groupBy = (list, key) => list.reduce((groups, x) => ((groups[key(x)] ??= []).push(x), groups), {});
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

/**
 * From a click on a section link to the next frame after the new section is in
 * the page (its `main h1` changed, nothing left loading): the click event's
 * time to a task after the following animation frame, i.e. after its paint.
 * Two rounds of the seven sections of UNAMI, each click leaving the previous one.
 */
async function sectionClicks(at = url(PAGES[1]), only = null, rounds = 2) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  await context.addInitScript(startAppAtOnce); // the app's own speed, once it runs
  const tab = await context.newPage();
  await gotoApp(tab, at);
  const links = await tab.locator('.section-nav a').evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.textContent]));
  const times = [];
  // `only`: that section, from the overview (the first link), in a page of its own each time.
  const order = only === null ? links : [links.find(([href]) => href.endsWith(only))];
  for (let i = 1; i <= rounds * order.length; i++) {
    if (only !== null && i > 1) await gotoApp(tab, at);
    const [href, name] = order[i % order.length];
    times.push({ name, ms: await timedClick(tab, `.section-nav a[href="${href}"]`) });
    await tab.waitForTimeout(300);
  }
  await context.close();
  return times;
}

/**
 * Clicks `selector` in `tab` and returns the milliseconds from the click to
 * the first frame painted after the app has put a new page in (its heading
 * changed, no loading placeholder left).
 */
async function timedClick(tab, selector) {
  await tab.evaluate(() => {
    const before = document.querySelector('main h1')?.textContent;
    window.painted = new Promise((resolve) => {
      addEventListener('click', (event) => {
        const ready = () => document.querySelector('main h1')?.textContent !== before && !document.querySelector('.loading');
        const done = () => requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - event.timeStamp)));
        const observer = new MutationObserver(() => ready() && (observer.disconnect(), done()));
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
      }, { capture: true, once: true });
    });
  });
  await tab.locator(selector).first().click();
  return tab.evaluate(() => window.painted);
}

/** Clicks `selector` on a fresh copy of the page `at`, `rounds` times: the milliseconds of each. */
async function linkClicks(at, selector, rounds = 3) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  await context.addInitScript(startAppAtOnce);
  const tab = await context.newPage();
  const times = [];
  for (let i = 0; i < rounds; i++) {
    await gotoApp(tab, at);
    times.push({ name: selector, ms: await timedClick(tab, selector) });
  }
  await context.close();
  return times;
}

/**
 * Opens `at` `rounds` times, in a fresh profile each, with the app started at
 * once (as when the reader reaches for a control): the milliseconds from
 * navigation to the app's page in place, its data downloaded and read.
 */
async function appStarts(at, rounds = 3) {
  const times = [];
  for (let i = 0; i < rounds; i++) {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    await context.addInitScript(startAppAtOnce);
    const tab = await context.newPage();
    const started = Date.now();
    await gotoApp(tab, at);
    times.push({ name: 'start', ms: Date.now() - started });
    await context.close();
  }
  return times;
}

/** The app's own User Timing measure of each keystroke's search, typing `words` on the search page. */
async function keystrokes(at = url({ path: 'search/' }), words = 'canal hotel') {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  await context.addInitScript(startAppAtOnce); // the app's own speed, once it runs
  const tab = await context.newPage();
  await gotoApp(tab, at);
  await tab.waitForFunction(() => performance.getEntriesByName('search-index').length > 0);
  const index = await tab.evaluate(() => performance.getEntriesByName('search-index')[0].duration);
  await tab.locator('#search-input').focus();
  for (const letter of words) {
    await tab.keyboard.type(letter);
    await tab.waitForTimeout(100); // about a fast typist's pace: each letter searched on its own
  }
  await tab.waitForFunction((w) => document.querySelector('main .search-status')?.textContent.includes(`“${w}”`), words);
  const times = await tab.evaluate(() => performance.getEntriesByName('search').map((e) => e.duration));
  await context.close();
  return { times, index };
}

// ---------------------------------------------------------------- Lighthouse
async function lighthouseRun(address, preset) {
  const chrome = await launch({ chromePath: CHROMIUM, chromeFlags: ['--headless=new', ...CHROME_FLAGS] });
  try {
    const result = await lighthouse(address, { port: chrome.port, logLevel: 'error', onlyCategories: CATEGORIES }, preset === 'desktop' ? desktopConfig : undefined);
    return result.lhr;
  } finally {
    await chrome.kill();
  }
}

function lighthouseFigures(lhr) {
  const value = (id) => lhr.audits[id]?.numericValue ?? null;
  const requests = lhr.audits['network-requests']?.details?.items ?? [];
  const byType = {};
  for (const r of requests) byType[r.resourceType ?? 'Other'] = (byType[r.resourceType ?? 'Other'] ?? 0) + r.transferSize;
  // What costs points outside performance, to say why a score is not 100.
  const lost = CATEGORIES.slice(1).flatMap((c) =>
    (lhr.categories[c]?.auditRefs ?? []).filter((ref) => ref.weight > 0 && lhr.audits[ref.id]?.score !== null && lhr.audits[ref.id]?.score < 1).map((ref) => `${c}: ${ref.id}`));
  return {
    fcp: value('first-contentful-paint'), lcp: value('largest-contentful-paint'), tbt: value('total-blocking-time'),
    cls: value('cumulative-layout-shift'), si: value('speed-index'),
    scores: Object.fromEntries(CATEGORIES.map((c) => [c, lhr.categories[c]?.score ?? null])),
    transfer: requests.reduce((n, r) => n + r.transferSize, 0), byType, lost,
    error: lhr.runtimeError?.code ?? null,
  };
}

// ---------------------------------------------------------------- run
const visits = {};
for (const page of PAGES) {
  console.log(`First visit: ${page.name}`);
  visits[page.key] = await firstVisit(page);
}
console.log('Section clicks and keystrokes');
const clicks = await sectionClicks();
const search = await keystrokes();
const taps = await measureTaps({ browser, baseUrl: server.baseUrl, runs });
await browser.close();

const lh = { mobile: {}, desktop: {} };
for (const preset of ['mobile', 'desktop']) {
  for (const page of PAGES) {
    const lhrs = [];
    for (let i = 0; i < runs; i++) {
      console.log(`Lighthouse ${preset}: ${page.name}${runs > 1 ? ` (${i + 1}/${runs})` : ''}`);
      lhrs.push(await lighthouseRun(url(page), preset));
    }
    lh[preset][page.key] = { ...lighthouseFigures(runs > 1 ? computeMedianRun(lhrs) : lhrs[0]), version: lhrs[0].lighthouseVersion };
  }
}
await server.close();
rmSync(tmp, { recursive: true, force: true });

// ---------------------------------------------------------------- limits (issue 9)
console.log('The large site: 1,000 missions, a 10,000-entry timeline');
const large = makeLargeSite(dist, { siteUrl: server.baseUrl });
const largeServer = await startServer({ root: large.root, basePath, port });
const largeUrl = (p) => largeServer.baseUrl + p;
const LARGE_PAGES = [
  { key: 'catalogue', name: 'Catalogue, 1,000 missions', path: '' },
  { key: 'timeline', name: 'UNAMI timeline, 10,000 entries: its table of years', path: 'missions/unami/timeline/' },
  { key: 'timelineYear', name: `UNAMI timeline, ${large.timelineYear.match(/(\d{4})\/$/)[1]} (its busiest year, ${large.timelineYearEntries} entries), page 1`, path: large.timelineYear },
];
browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROME_FLAGS });
const largeData = (() => {
  const f = largeServer.files.get('data/missions/unami.json');
  return { raw: f.raw.length, gzip: (f.gzip ?? f.raw).length };
})();
const largeSizes = Object.fromEntries(LARGE_PAGES.map((p) => {
  const f = largeServer.files.get(`${p.path}index.html`);
  return [p.key, { raw: f.raw.length, gzip: (f.gzip ?? f.raw).length }];
}));
/** `measure()`, or what stopped it (a page too slow to answer within Playwright's 30 s, say). */
async function attempt(name, measure) {
  try {
    return await measure();
  } catch (error) {
    console.log(`${name}: ${error.message.split('\n')[0]}`);
    return { failed: error.message.split('\n')[0] };
  }
}
const limits = {
  clicks: await attempt('click to the large timeline', () => sectionClicks(largeUrl('missions/unami/'), 'timeline/', 3)),
  start: await attempt('the app on the large UNAMI overview', () => appStarts(largeUrl('missions/unami/'), 3)),
  next: await attempt('click to the next page of the large timeline', () => linkClicks(largeUrl(large.timelineYear), 'main .year-steps a[rel="next"]', 3)),
  search: await attempt('search over 1,000 missions', () => keystrokes(largeUrl('search/'), 'security council resolution')),
  lh: {},
};
await browser.close();
for (const page of LARGE_PAGES) {
  const lhrs = [];
  for (let i = 0; i < runs; i++) {
    console.log(`Lighthouse mobile: ${page.name}${runs > 1 ? ` (${i + 1}/${runs})` : ''}`);
    const lhr = await attempt(`Lighthouse on ${page.name}`, () => lighthouseRun(largeUrl(page.path), 'mobile'));
    if (!lhr.failed) lhrs.push(lhr);
  }
  limits.lh[page.key] = lhrs.length ? lighthouseFigures(lhrs.length > 1 ? computeMedianRun(lhrs) : lhrs[0]) : { error: 'Lighthouse did not finish', scores: {} };
}
await largeServer.close();
large.cleanup();
clearInterval(sampler);
sampleLoad();

// ---------------------------------------------------------------- report
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
const secs = (ms) => (ms === null ? '—' : `${(ms / 1000).toFixed(2)} s`);
const msec = (ms) => (ms === null ? '—' : `${Math.round(ms)} ms`);
const score = (s) => (s === null ? '—' : String(Math.round(s * 100)));
const ratio = (x, base) => (x === null || !base ? '' : ` (×${(x / base).toFixed(1)})`);
const row = (cells) => `| ${cells.join(' | ')} |`;
const table = (head, rows) => [row(head), row(head.map(() => '---')), ...rows.map(row)].join('\n');

function lighthouseTable(preset) {
  const base = lh[preset].static;
  return table(['page', ...CATEGORIES.map((c) => LABELS[c]), 'FCP', 'LCP', 'TBT', 'CLS', 'Speed Index', 'transfer'],
    PAGES.map((p) => {
      const m = lh[preset][p.key];
      if (m.error) return [p.name, `error: ${m.error}`, ...Array(9).fill('')];
      return [p.name, ...CATEGORIES.map((c) => score(m.scores[c])),
        secs(m.fcp) + ratio(m.fcp, base.fcp), secs(m.lcp) + ratio(m.lcp, base.lcp), msec(m.tbt) + ratio(m.tbt, base.tbt),
        m.cls === null ? '—' : m.cls.toFixed(3), secs(m.si) + ratio(m.si, base.si), kib(m.transfer) + ratio(m.transfer, base.transfer)];
    }));
}

const types = [...new Set(PAGES.flatMap((p) => Object.keys(lh.mobile[p.key].byType)))].sort();
const typeTable = table(['page', ...types, 'total'],
  PAGES.map((p) => [p.name, ...types.map((t) => kib(lh.mobile[p.key].byType[t] ?? 0)), kib(lh.mobile[p.key].transfer)]));

const visitTable = table(['page', 'requests', 'raw', 'gzip', 'brotli', 'sent, with headers', 'of which data embedded in the HTML (raw)', 'then the service worker', 'total sent'],
  PAGES.map((p) => {
    const v = visits[p.key];
    return [p.name, v.requests, kib(v.raw), kib(v.gzip) + ratio(v.gzip, visits.static.gzip), kib(v.brotli), kib(v.sent), kib(v.embedded),
      v.worker.length ? `${kib(v.workerSent)} in ${v.worker.length} requests` : '—', kib(v.sent + v.workerSent)];
  }));

const assetNames = [...new Set(PAGES.flatMap((p) => visits[p.key].files))];
const assetTable = table(['file', 'raw', 'gzip', 'brotli', 'first visit of'],
  assetNames.map((f) => [f, kib(sizes(f).raw), kib(sizes(f).gzip), kib(sizes(f).brotli),
    PAGES.filter((p) => visits[p.key].files.includes(f)).map((p) => p.key).join(', ')]));

// The worker's cache, grouped by what it holds (measured on the overview's first visit).
const workerFiles = visits.overview.worker;
const group = (f) => (/\.(wasm|m?js|css|svg)$/.test(f) || f === 'shell.html' ? 'app (wasm, scripts, styles, icon, shell)' : f.split('/').slice(0, -1).join('/') || f);
const groups = Object.entries(groupBy(workerFiles, (r) => group(r.file)));
const workerTable = table(['what', 'files', 'raw', 'gzip', 'sent', 'already downloaded by the page'],
  groups.map(([g, list]) => [g, list.length, kib(list.reduce((n, r) => n + sizes(r.file).raw, 0)), kib(list.reduce((n, r) => n + sizes(r.file).gzip, 0)),
    kib(list.reduce((n, r) => n + r.sent, 0)), list.filter((r) => r.again).map((r) => r.file).join(', ') || '—']));

const clickTimes = clicks.map((c) => c.ms);
const bySection = Object.entries(groupBy(clicks, (c) => c.name)).map(([name, list]) => `${name} ${list.map((c) => msec(c.ms)).join(' / ')}`).join('; ');

const overview = visits.overview;
const mobile = (key) => lh.mobile[key];
const each = (f) => APP_PAGES.map((p) => `${p.name} ${f(p)}`).join('; ');
const budgets = [
  ['First-visit transfer of the UNAMI overview until it has loaded ≤ 160 KiB gzip', `${kib(overview.gzip)} gzip; then the app and the page's data, fetched once it has loaded, ${kib(overview.prefetchedGzip)}; then the service worker's cache, ${kib(overview.workerGzip)}`, overview.gzip <= 160 * 1024],
  ...taps.map((t) => [`First tap under Lighthouse's mobile throttling, cold, 1.5 s after load, answered ≤ 1.5 s: ${t.name}`, secs(t.answerMs), t.answerMs !== null && t.answerMs <= 1500]),
  ['Lighthouse mobile performance ≥ 95 on the four pages', each((p) => score(mobile(p.key).scores.performance)), APP_PAGES.every((p) => mobile(p.key).scores.performance >= 0.95)],
  ...CATEGORIES.slice(1).map((c) => [`Lighthouse mobile ${LABELS[c]} = 100 on the four pages`, each((p) => score(mobile(p.key).scores[c])), APP_PAGES.every((p) => mobile(p.key).scores[c] === 1)]),
  [`Mobile LCP ≤ 1.3 × the static page's (${secs(mobile('static').lcp)})`, each((p) => `×${(mobile(p.key).lcp / mobile('static').lcp).toFixed(2)}`), APP_PAGES.every((p) => mobile(p.key).lcp <= 1.3 * mobile('static').lcp)],
  ['CLS 0 on the four pages, mobile and desktop', each((p) => `${mobile(p.key).cls?.toFixed(3) ?? '—'} / ${lh.desktop[p.key].cls?.toFixed(3) ?? '—'}`), APP_PAGES.every((p) => mobile(p.key).cls === 0 && lh.desktop[p.key].cls === 0)],
  ...LARGE_PAGES.map((p) => {
    const m = limits.lh[p.key];
    if (m.error) return [`Limits: ${p.name}, mobile performance ≥ 95, LCP ≤ 1.3 × the static page's, CLS 0`, `error: ${m.error}`, false];
    const ok = m.scores.performance >= 0.95 && m.lcp <= 1.3 * mobile('static').lcp && m.cls === 0;
    return [`Limits: ${p.name}, mobile performance ≥ 95, LCP ≤ 1.3 × the static page's, CLS 0`,
      `${score(m.scores.performance)}, ×${(m.lcp / mobile('static').lcp).toFixed(2)}, ${m.cls?.toFixed(3) ?? '—'}`, ok];
  }),
  ['Limits: search per keystroke on 1,000 missions, median < 50 ms (as e2e/search.test.mjs holds)',
    limits.search.failed ?? `${median(limits.search.times).toFixed(2)} ms`, !limits.search.failed && median(limits.search.times) < 50],
];

const lost = PAGES.flatMap((p) => ['mobile', 'desktop'].flatMap((preset) => lh[preset][p.key].lost.map((l) => `${p.name} (${preset}) ${l}`)));
const cpus = os.cpus();
const loadSorted = [...load].sort((a, b) => a - b);
const commit = (() => { try { return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO }).toString().trim(); } catch { return 'unknown'; } })();
const minutes = (Date.now() - started) / 60000;

const measured = `## Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC

- Machine: ${cpus.length} × ${cpus[0]?.model.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory; Node ${process.version}; Chromium ${chromiumVersion}; Lighthouse ${lh.mobile.overview.version}.
- Build: \`${dist}\` (version ${version}, served under \`${basePath}\`); repository at commit ${commit}.
- Lighthouse: ${runs === 1 ? 'one run' : `the median run of ${runs}`} per page and preset, each in a fresh Chromium.
- Run notes: the whole run took ${minutes.toFixed(1)} minutes. Load average (1 min) during it: ${loadSorted[0].toFixed(1)} to ${loadSorted.at(-1).toFixed(1)}, median ${median(load).toFixed(1)}, on ${cpus.length} CPUs${median(load) > cpus.length * 0.5 ? ': the machine was busy with other work, which inflates the times (Lighthouse mobile multiplies the CPU time it sees by 4); re-measure on an idle machine before drawing conclusions from them' : ''}.

### Budgets

${table(['budget', 'measured', 'result'], budgets.map(([b, m, ok]) => [b, m, ok ? 'PASS' : '**FAIL**']))}

### Lighthouse, mobile (simulated slow 4G, 4× CPU slowdown)

In brackets: the ratio to the static page's figure.

${lighthouseTable('mobile')}

### Lighthouse, desktop

${lighthouseTable('desktop')}

### Lighthouse transfer by resource type (mobile)

${typeTable}

${lost.length ? `Audits costing points outside performance: ${lost.join('; ')}.` : 'No audit costs points in accessibility, best practices or SEO.'}

### First visit, measured in Chromium against the compressing server

Each page opened in a fresh profile with service workers allowed, until the network was idle for 3 s. "raw", "gzip" and "brotli" are the page's own downloads (before the service worker's caching) at each coding; in brackets the ratio to the static page. The service worker registers once the page has loaded and then downloads its cache.

${visitTable}

#### What those first visits download

${assetTable}

#### What the service worker downloads for its cache (UNAMI overview's first visit)

${workerTable}

<details><summary>Each file the service worker downloads</summary>

${table(['file', 'sent', 'already downloaded by the page'], workerFiles.map((r) => [r.file, kib(r.sent), r.again ? 'yes' : '']))}

</details>

### The first tap on a slow phone (issue 18)

\`scripts/bench/taps.mjs\`: Lighthouse's mobile throttling applied in Chromium (562.5 ms round trips, 1,474.56 kbit/s down, 675 up, CPU ×4, the service worker throttled alike), a fresh profile each run, a tap 1.5 s after the load event; from the tap's \`pointerdown\` to the frame that shows its effect${runs > 1 ? ` (median of ${runs} runs)` : ''}. After the page's load event app-start.js fetches the app and the page's data (${kib(overview.prefetchedGzip)} gzip on the UNAMI overview: ${overview.prefetched.join(', ')}).

${tapTable(taps)}

### Inside the app (Chromium on this machine, no throttling)

${table(['measure', 'median', 'max', 'samples'], [
  ['Click on a section link → new content painted (UNAMI, seven sections twice)', msec(median(clickTimes)), msec(Math.max(...clickTimes)), clickTimes.length],
  ['Search per keystroke, typing "canal hotel" (User Timing `search`)', `${median(search.times).toFixed(2)} ms`, `${Math.max(...search.times).toFixed(2)} ms`, search.times.length],
  ['Building the search index, once per visit (`search-index`)', `${search.index.toFixed(1)} ms`, '', 1],
])}

Each click: ${bySection}.

### Limits: 1,000 missions, a 10,000-entry timeline (issue 9)

The same build with the data grown (\`scripts/bench/large-site.mjs\`): the shipped missions repeated under new ids to 1,000 (each with words of its own), UNAMI's timeline repeated to ${limits.lh.timeline ? '10,000' : '?'} entries; ${kib(large.bytes)} of JSON. Its search documents and the pages below are made by the project's own tools, as \`make build\` makes them.

${table(['page', 'HTML raw', 'HTML gzip', 'performance', 'accessibility', 'best practices', 'SEO', 'FCP', 'LCP', 'TBT', 'CLS'],
  LARGE_PAGES.map((p) => {
    const m = limits.lh[p.key];
    if (m.error) return [p.name, '', '', `error: ${m.error}`, ...Array(7).fill('')];
    return [p.name, kib(largeSizes[p.key].raw), kib(largeSizes[p.key].gzip), ...CATEGORIES.map((c) => score(m.scores[c])),
      secs(m.fcp), secs(m.lcp) + ratio(m.lcp, mobile('static').lcp), msec(m.tbt), m.cls === null ? '—' : m.cls.toFixed(3)];
  }))}

${table(['inside the app, on the large site', 'median', 'max', 'samples'], [
  limits.clicks.failed
    ? ['Click from the overview to the 10,000-entry timeline → painted', `did not finish: ${limits.clicks.failed}`, '', '']
    : ['Click from the overview to the 10,000-entry timeline (its table of years) → painted (a fresh page each time)', msec(median(limits.clicks.map((c) => c.ms))), msec(Math.max(...limits.clicks.map((c) => c.ms))), limits.clicks.length],
  limits.start.failed
    ? ['The app started on the UNAMI overview', `did not finish: ${limits.start.failed}`, '', '']
    : [`The app started at once on the UNAMI overview (fresh profile) → its page in place, data/missions/unami.json of ${kib(largeData.raw)} (${kib(largeData.gzip)} gzip) downloaded and read`, msec(median(limits.start.map((c) => c.ms))), msec(Math.max(...limits.start.map((c) => c.ms))), limits.start.length],
  limits.next.failed
    ? ['Click on "Next" on a 250-entry page of the timeline', `did not finish: ${limits.next.failed}`, '', '']
    : ['Click on "Next" from the busiest year\'s first page to its second → painted (a fresh page each time)', msec(median(limits.next.map((c) => c.ms))), msec(Math.max(...limits.next.map((c) => c.ms))), limits.next.length],
  limits.search.failed
    ? ['Search per keystroke, 1,000 missions', `did not finish: ${limits.search.failed}`, '', '']
    : ['Search per keystroke, 1,000 missions, typing "security council resolution"', `${median(limits.search.times).toFixed(2)} ms`, `${Math.max(...limits.search.times).toFixed(2)} ms`, limits.search.times.length],
  limits.search.failed ? ['Building the search index over 1,000 missions', '—', '', ''] : ['Building the search index over 1,000 missions, once per visit', `${limits.search.index.toFixed(1)} ms`, '', 1],
])}
`;

console.log(`\n${measured}`);
const file = path.join(REPO, 'BENCHMARKS.md');
const intro = existsSync(file) && readFileSync(file, 'utf8').includes(MARKER) ? readFileSync(file, 'utf8').split(MARKER)[0] : '# Benchmarks\n\n';
writeFileSync(file, `${intro}${MARKER}\n\n${measured}`);
console.log(`Written to ${path.relative(process.cwd(), file) || file}; ${minutes.toFixed(1)} minutes.`);
