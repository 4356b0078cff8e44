// "The first tap" on a slow phone: how long after a reader's first touch of a
// control the page answers it, on a first visit. A prerendered page starts the
// app only when the reader reaches for a control (app-start.js), so the first
// tap waits for the app's JavaScript, WebAssembly and data to download, compile
// and take over; this measures that wait, as a reader would feel it.
//
//   node scripts/bench/taps.mjs DIST [--runs N]
//
// DIST is served like a real host (scripts/bench/server.mjs) under its own
// <base href>. Also a module: scripts/bench/bench.mjs can call measureTaps().
//
// Each run is cold: a new browser context (empty cache, no service worker yet;
// service workers allowed, as on a real first visit), Lighthouse's mobile
// throttling applied through CDP (a moto g power: 412×823 at 1.75, touch, 4×
// slower CPU, 562.5 ms round trips, 1.6 Mbit/s down, 675 kbit/s up). The page
// loads, then after 1.5 s of reading the reader taps. The time is measured in
// the page: from the tap's `pointerdown` to the first animation frame in which
// the page shows the tap's effect. With --runs N, the median of N runs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

import { startServer } from './server.mjs';
import { CHROMIUM, CHROME_FLAGS } from './chromium.mjs';


// Lighthouse 12's mobile preset (constants.js: throttling.mobileSlow4G, screenEmulation.mobile).
const NETWORK = { offline: false, latency: 562.5, downloadThroughput: (1474.56 * 1024) / 8, uploadThroughput: (675 * 1024) / 8 };
const CPU_SLOWDOWN = 4;
const PHONE = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true };

const READING_MS = 1500; // from the load event to the tap
const GIVE_UP_MS = 30_000; // an answer later than this is reported as "> 30 s"

/**
 * The three taps. `control` is what is tapped; `then` what the reader does
 * next (typing); the effect each waits for is in `installProbe` under `key`.
 */
export const TAPS = [
  { key: 'timeline', name: 'Timeline filter: tick "Events"', path: 'missions/unami/timeline/',
    control: 'form.filters input[type=checkbox][name=kind][value=event]' },
  { key: 'chart', name: 'Chart: "Show as table"', path: 'missions/unami/personnel/',
    control: '.chart-figure .chart-tools button' },
  { key: 'catalogue', name: 'Catalogue: type "Iraq"', path: '',
    control: 'form.catalogue-filters input[name=q]',
    then: (page) => page.keyboard.type('Iraq') },
];

/**
 * Runs in the page, before the tap. Records the first `pointerdown` (its
 * event time: when the finger touched, not when a busy page got to the
 * listener), then looks once per animation frame for the tap's effect and
 * records the frame's time when it is there. Each look queries the page
 * afresh: when the app takes over it renders the page anew.
 *
 * Effects (each also needs a change the prerendered page cannot make by itself,
 * so ticking a box before the app runs does not count):
 * - timeline: the status line ("Showing all 55 entries.") says something else
 *   and the number of entries shown changed;
 * - chart: the figure's button is pressed (aria-pressed="true") and its table
 *   view is shown (it is `hidden` in the prerendered page);
 * - catalogue: fewer mission cards shown than before, and the status line
 *   ("Showing all … missions.") changed.
 */
function installProbe(key) {
  const shown = (selector) => [...document.querySelectorAll(selector)].filter((el) => el.checkVisibility()).length;
  const status = () => document.querySelector('main [role=status]')?.textContent.trim() ?? null;
  const looks = {
    timeline: () => ({ status: status(), entries: shown('ol.timeline > li') }),
    chart: () => {
      const figure = document.querySelector('.chart-figure');
      return {
        pressed: figure?.querySelector('.chart-tools button')?.getAttribute('aria-pressed') === 'true',
        table: Boolean(figure?.querySelector('.table-view')?.checkVisibility()),
      };
    },
    catalogue: () => ({ status: status(), cards: shown('li.card') }),
  };
  const answers = {
    timeline: (was, now) => now.status !== was.status && now.entries !== was.entries,
    chart: (was, now) => now.pressed && now.table,
    catalogue: (was, now) => now.status !== was.status && now.cards < was.cards,
  };
  const look = looks[key];
  const before = look();
  const probe = { before, after: null, tapAt: null, tapWall: null, prerenderedAtTap: null, answeredAt: null, takenOverAt: null };
  window.tapProbe = probe;
  // When the app replaced the prerendered page (src/takeover.rs says so).
  addEventListener('mission-pages:after-takeover', () => { probe.takenOverAt = performance.now(); });

  const onTap = (event) => {
    if (probe.tapAt !== null) return;
    probe.tapAt = event.timeStamp;
    probe.tapWall = performance.timeOrigin + event.timeStamp; // to tell the network's requests before and after
    probe.prerenderedAtTap = document.body.hasAttribute('data-prerendered');
    requestAnimationFrame(frame);
  };
  // pointerdown is the tap; the others only in case a synthetic tap lacked it.
  for (const type of ['pointerdown', 'touchstart', 'mousedown', 'click']) addEventListener(type, onTap, { capture: true, passive: true });

  function frame() {
    const now = look();
    if (answers[key](before, now)) {
      probe.answeredAt = performance.now();
      probe.after = now;
    } else {
      probe.after = now; // the last look, to see what was missing if no answer comes
      requestAnimationFrame(frame);
    }
  }
  return before;
}

/**
 * Bytes that crossed the network, per request, from CDP's Network events of
 * one target (the page, or the service worker). Answers from the worker or the
 * HTTP cache count nothing here: the worker's own downloads are counted on its
 * target.
 */
class NetworkLog {
  constructor() {
    this.requests = new Map(); // requestId → { wall, clock, bytes, chunks, done, cached }
  }
  handle(method, params) {
    const r = this.requests.get(params.requestId);
    if (method === 'Network.requestWillBeSent') {
      // A redirect reuses the id: keep the first start.
      // `clock`: from CDP's monotonic seconds to the epoch's milliseconds, for the chunks' times.
      if (!r) this.requests.set(params.requestId, { wall: params.wallTime * 1000, clock: (params.wallTime - params.timestamp) * 1000, bytes: 0, chunks: [], done: false, cached: false });
    } else if (!r) {
      // Not ours (started before Network.enable).
    } else if (method === 'Network.responseReceived') {
      r.cached = Boolean(params.response.fromServiceWorker || params.response.fromDiskCache || params.response.fromPrefetchCache);
    } else if (method === 'Network.dataReceived') {
      r.chunks.push([r.clock + params.timestamp * 1000, params.encodedDataLength]);
    } else if (method === 'Network.requestServedFromCache') {
      r.cached = true;
    } else if (method === 'Network.loadingFinished') {
      r.done = true;
      r.bytes = r.cached ? 0 : params.encodedDataLength;
    } else if (method === 'Network.loadingFailed') {
      r.done = true;
    }
  }
  get pending() {
    return [...this.requests.values()].filter((r) => !r.done).length;
  }
  /**
   * Bytes of the requests started before and after `wall` (ms since the
   * epoch), and the bytes of all requests that arrived after it (`arrived`,
   * bodies only, counted as they came in).
   */
  split(wall) {
    const out = { before: 0, after: 0, requestsAfter: 0, arrived: 0 };
    for (const r of this.requests.values()) {
      if (wall !== null && r.wall >= wall) {
        out.after += r.bytes;
        out.requestsAfter++;
      } else out.before += r.bytes;
      if (!r.cached) for (const [at, bytes] of r.chunks) if (wall !== null && at >= wall) out.arrived += bytes;
    }
    return out;
  }
}

const NETWORK_EVENTS = ['Network.requestWillBeSent', 'Network.responseReceived', 'Network.dataReceived', 'Network.requestServedFromCache', 'Network.loadingFinished', 'Network.loadingFailed'];

/**
 * Throttles the page and, through CDP's auto-attach, every worker it starts
 * (the service worker's install downloads its cache over the same slow
 * network, as Lighthouse's DevTools throttling does; otherwise it would
 * download the app in a blink and the tap would find it cached). Workers are
 * held at their start until throttled. Logs both sides' network traffic.
 */
async function throttle(context, page) {
  const cdp = await context.newCDPSession(page);
  const pageLog = new NetworkLog();
  const workerLog = new NetworkLog();
  for (const method of NETWORK_EVENTS) cdp.on(method, (params) => pageLog.handle(method, params));

  // Playwright's CDP sessions cannot address a child session directly, so the
  // workers are attached in the (older) non-flat mode: messages go through
  // Target.sendMessageToTarget and come back as Target.receivedMessageFromTarget.
  let id = 0;
  const sendTo = (sessionId, method, params = {}) =>
    cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: ++id, method, params }) }).catch(() => {});
  cdp.on('Target.receivedMessageFromTarget', ({ message }) => {
    const { method, params } = JSON.parse(message);
    if (method && NETWORK_EVENTS.includes(method)) workerLog.handle(method, params);
  });
  const workers = { throttled: 0, seen: false };
  // Playwright sees every request of the context: a worker's request while no
  // worker was throttled means one escaped (reported, not hidden).
  context.on('request', (request) => { if (request.serviceWorker()) workers.seen = true; });
  cdp.on('Target.attachedToTarget', async ({ sessionId, targetInfo }) => {
    if (targetInfo.type === 'service_worker' || targetInfo.type === 'worker') {
      workers.throttled++;
      await sendTo(sessionId, 'Network.enable');
      await sendTo(sessionId, 'Network.emulateNetworkConditions', NETWORK);
    }
    await sendTo(sessionId, 'Runtime.runIfWaitingForDebugger');
  });

  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', NETWORK);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: false });
  return { pageLog, workerLog, workers };
}

/** One cold run of `tap` against `baseUrl`. */
async function runTap(browser, baseUrl, tap) {
  // Not setting localStorage "mission-pages-start": the app starts on demand, as on a real first visit.
  const context = await browser.newContext({ ...PHONE, serviceWorkers: 'allow' });
  try {
    const page = await context.newPage();
    const { pageLog, workerLog, workers } = await throttle(context, page);
    await page.goto(baseUrl + tap.path, { waitUntil: 'load', timeout: 120_000 });
    const loadMs = await page.evaluate(() => performance.getEntriesByType('navigation')[0]?.loadEventStart ?? null);
    await page.waitForTimeout(READING_MS);

    await page.evaluate(installProbe, tap.key);
    await page.locator(tap.control).first().tap();
    if (tap.then) await tap.then(page);
    // The probe records the time in the page; this only waits for it.
    const answered = await page
      .waitForFunction(() => window.tapProbe.answeredAt !== null, null, { polling: 100, timeout: GIVE_UP_MS })
      .then(() => true, () => false);
    const probe = await page.evaluate(() => ({
      ...window.tapProbe,
      // When the WebAssembly's last byte arrived (the page's own download of it).
      wasmAt: performance.getEntriesByType('resource').find((r) => r.name.endsWith('.wasm'))?.responseEnd ?? null,
    }));
    const answerMs = answered && probe.tapAt !== null ? probe.answeredAt - probe.tapAt : null;
    const sinceTap = (at) => (at === null || probe.tapAt === null ? null : at - probe.tapAt);

    // Let the page's downloads that the tap set off finish (at most 10 s more), to count them whole.
    for (let waited = 0; pageLog.pending > 0 && waited < 10_000; waited += 200) await page.waitForTimeout(200);
    const own = pageLog.split(probe.tapWall);
    const worker = workerLog.split(probe.tapWall);
    if (workers.seen && workers.throttled === 0) console.warn(`  warning: the service worker was not throttled in this run (${tap.key})`);
    return {
      answerMs, // null: no answer within 30 s
      wasmMs: sinceTap(probe.wasmAt), // the WebAssembly downloaded, from the tap (negative: before it)
      takeoverMs: sinceTap(probe.takenOverAt), // the app in place, from the tap
      loadMs,
      prerenderedAtTap: probe.prerenderedAtTap, // true: the app had not taken over when the reader tapped
      bytesBeforeTap: own.before,
      bytesAfterTap: own.after,
      requestsAfterTap: own.requestsAfter,
      receivedAfterTap: own.arrived + worker.arrived,
      workerBytes: worker.before + worker.after, // the service worker's own downloads, until the end of the run
      workerUnthrottled: workers.seen && workers.throttled === 0,
      before: probe.before,
      after: probe.after,
    };
  } finally {
    await context.close();
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

/**
 * Measures each tap of TAPS `runs` times (each cold) with `browser` (a
 * playwright-core Chromium) against the site at `baseUrl` (ending in '/').
 * Resolves to one result per tap:
 *   { key, name, path, answerMs, loadMs, prerenderedAtTap, bytesBeforeTap,
 *     bytesAfterTap, receivedAfterTap, workerBytes, runs: [...] }
 * - answerMs: pointerdown → first frame showing the effect (null: none within 30 s);
 * - loadMs: navigation start → load event;
 * - prerenderedAtTap: the app had not taken over yet when the reader tapped (in every run);
 * - bytesBeforeTap / bytesAfterTap: what the page's own requests started
 *   before / after the tap downloaded (encoded bodies and headers, CDP's
 *   loadingFinished); what the HTTP cache or the service worker answered counts 0;
 * - receivedAfterTap: every byte of body that arrived after the tap, the
 *   page's and the service worker's (its install downloads the app too, and
 *   the page's request for the same file then waits for that download);
 * - workerBytes: the service worker's own downloads during the run.
 * Each figure is the median over the runs (a run with no answer counting as
 * the slowest); `runs` holds each run's own figures.
 */
export async function measureTaps({ browser, baseUrl, runs = 1 }) {
  const results = [];
  for (const tap of TAPS) {
    const each = [];
    for (let i = 0; i < runs; i++) {
      console.log(`First tap: ${tap.name} (run ${i + 1} of ${runs})`);
      each.push(await runTap(browser, baseUrl, tap));
    }
    const mid = (key) => median(each.map((r) => r[key]));
    // A run with no answer counts as the slowest.
    const answer = median(each.map((r) => r.answerMs ?? Infinity));
    results.push({
      key: tap.key, name: tap.name, path: tap.path,
      answerMs: Number.isFinite(answer) ? answer : null,
      wasmMs: mid('wasmMs'),
      takeoverMs: mid('takeoverMs'),
      loadMs: mid('loadMs'),
      prerenderedAtTap: each.every((r) => r.prerenderedAtTap),
      bytesBeforeTap: mid('bytesBeforeTap'),
      bytesAfterTap: mid('bytesAfterTap'),
      receivedAfterTap: mid('receivedAfterTap'),
      workerBytes: mid('workerBytes'),
      runs: each,
    });
  }
  return results;
}

// ---------------------------------------------------------------- standalone
const kb = (n) => `${(n / 1000).toFixed(0)} KB`;
const secs = (ms) => (ms === null ? `> ${GIVE_UP_MS / 1000} s` : `${(ms / 1000).toFixed(2)} s`);

/** The results as a Markdown table. */
export function tapTable(results) {
  const row = (cells) => `| ${cells.join(' | ')} |`;
  const head = ['tap', 'answered after', 'WebAssembly arrived', 'app in place', 'app running at the tap', 'load', 'page: before the tap', 'page: after the tap',
    'all received after the tap', 'service worker'];
  const since = (ms) => (ms === null || ms === undefined ? '—' : `${ms < 0 ? '−' : '+'}${(Math.abs(ms) / 1000).toFixed(2)} s`);
  return [row(head), row(head.map(() => '---')), ...results.map((r) => row([
    `${r.name} (/${r.path})`, secs(r.answerMs), since(r.wasmMs), since(r.takeoverMs), r.prerenderedAtTap ? 'no' : 'yes', secs(r.loadMs),
    kb(r.bytesBeforeTap), kb(r.bytesAfterTap), kb(r.receivedAfterTap), kb(r.workerBytes),
  ]))].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const dist = args[0];
  const runsAt = args.indexOf('--runs');
  const runs = runsAt < 0 ? 1 : Number(args[runsAt + 1]);
  if (!dist || dist.startsWith('--') || !(runs >= 1)) {
    console.error('usage: node scripts/bench/taps.mjs DIST [--runs N]');
    process.exit(2);
  }
  const basePath = readFileSync(path.join(dist, 'index.html'), 'utf8').match(/<base href=["']?([^"'\s>]+)/)?.[1] ?? '/';
  console.log(`Compressing every file of ${dist} once (brotli 11, gzip 9)…`);
  const server = await startServer({ root: dist, basePath });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROME_FLAGS });
  try {
    const results = await measureTaps({ browser, baseUrl: server.baseUrl, runs });
    console.log(`\nThe first tap, Chromium ${browser.version()} with Lighthouse's mobile throttling, cold, ${runs === 1 ? '1 run' : `median of ${runs} runs`}:\n`);
    console.log(tapTable(results));
    console.log(`\n${JSON.stringify(results, null, 2)}`);
  } finally {
    await browser.close();
    await server.close();
  }
}
