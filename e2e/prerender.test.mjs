// Prerendered pages (issue 7): `make build` writes every page of the site to
// its own HTML file, rendered by the app's own components.
//
// - With JavaScript off, every page of the site, in every language, reads in
//   full: its heading, its content, its navigation, and links that all lead
//   to a page of the build, each answered at once (no redirect).
// - With JavaScript on, the app takes over the page it was given: no layout
//   shift, no loading placeholder, the page's data downloaded once beside the app.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { useEnvironment, openPage, waitForApp, gotoApp, shownText, DIST, REPO_ROOT, BASE_PATH } from './lib/browser.mjs';
import { startServer } from './lib/server.mjs';

const env = useEnvironment();

const INDEX = JSON.parse(readFileSync(path.join(DIST, 'data', 'index.json'), 'utf8'));
const MISSIONS = INDEX.missions;
const SECTIONS = ['mandate', 'timeline', 'leadership', 'personnel', 'offices', 'sources'];
const locale = (code) => JSON.parse(readFileSync(path.join(REPO_ROOT, 'locales', `${code}.json`), 'utf8'));
/** The published languages: English at the root, the others under their code. */
const LANGUAGES = [
  { code: 'en', prefix: '', strings: locale('en') },
  { code: 'ar', prefix: 'ar/', strings: locale('ar') },
];

/** Every page of the site in one language, as paths under the base, each with what it must show. */
function pagesOf({ prefix, strings }) {
  const pages = [
    { path: '', kind: 'catalogue' },
    { path: 'about/', kind: 'about', heading: strings.built_about_heading },
    { path: 'search/', kind: 'needs-script', heading: strings.srch_title, notice: strings.srch_needs_script },
    { path: 'compare/', kind: 'needs-script', notice: strings.cmp_needs_script },
  ];
  for (const m of MISSIONS) {
    pages.push({ path: `missions/${m.id}/`, kind: 'overview', mission: m });
    for (const slug of SECTIONS) {
      pages.push({ path: `missions/${m.id}/${slug}/`, kind: 'section', mission: m, heading: strings[`section_${slug}`] });
    }
    pages.push({ path: `missions/${m.id}/print/`, kind: 'print', mission: m });
  }
  return pages.map((p) => ({ ...p, path: prefix + p.path }));
}

const squash = (s) => (s ?? '').replace(/\s+/g, ' ').trim();

test('every prerendered page reads in full with JavaScript off, and every link it has leads to a page', async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false, serviceWorkers: 'block' });
  const page = await context.newPage();
  const links = new Map(); // address → a page that links to it
  let count = 0;
  try {
    for (const language of LANGUAGES) {
      for (const p of pagesOf(language)) {
        const where = `${p.path || '/'} (${language.code})`;
        assert.ok(existsSync(path.join(DIST, p.path, 'index.html')), `${where}: dist/${p.path}index.html exists`);
        const response = await page.goto(env.url(p.path));
        assert.equal(response.status(), 200, `${where}: status`);
        assert.equal(await page.evaluate(() => document.documentElement.lang), language.code, `${where}: lang`);
        assert.equal(await page.evaluate(() => document.documentElement.dir), language.code === 'ar' ? 'rtl' : 'ltr', `${where}: dir`);
        const h1 = squash(await page.locator('main h1').first().textContent());
        assert.ok(h1.length > 2, `${where}: a heading`);
        const title = await page.title();
        assert.notEqual(title, 'Mission Pages', `${where}: its own title`);
        assert.ok(title.length > 'Mission Pages'.length, `${where}: title "${title}"`);
        // A build that does not know its whole address (no SITE_URL, as here)
        // names no canonical or alternate page: those must be whole addresses.
        assert.equal(await page.locator('link[rel=canonical], link[hreflang]').count(), 0, `${where}: no canonical without SITE_URL`);
        assert.equal(await page.locator('.loading:visible').count(), 0, `${where}: no loading placeholder`);
        // What needs the app is not offered: the theme switch, search boxes, filters, compare ticks.
        for (const part of ['.theme-toggle', '.site-search', '.search-form', '.filters', '.card-compare']) {
          assert.equal(await page.locator(`${part}:visible`).count(), 0, `${where}: no ${part} without scripts`);
        }
        // Not innerText: it leaves out the cards and entries the browser skips out of view.
        const text = await shownText(page.locator('main'));
        switch (p.kind) {
          case 'catalogue':
            assert.equal(await page.locator('main li.card').count(), MISSIONS.length, `${where}: every mission`);
            assert.equal(await page.locator('.needs-script:visible').count(), 1, `${where}: filters need scripts, said`);
            break;
          case 'about':
          case 'needs-script':
            if (p.heading) assert.equal(h1, squash(p.heading), `${where}: heading`);
            if (p.notice) assert.ok(text.includes(squash(p.notice)), `${where}: says what needs scripts`);
            break;
          case 'overview':
          case 'print':
            assert.ok(h1.includes(p.mission.acronym), `${where}: heading names ${p.mission.acronym}: ${h1}`);
            assert.ok((await page.locator('#summary').innerText()).trim().length > 40, `${where}: the summary`);
            break;
          case 'section': {
            assert.ok(h1.startsWith(squash(p.heading)) && h1.includes(p.mission.acronym), `${where}: heading ${h1}`);
            const current = await page.locator('.section-nav a[aria-current=page]').textContent();
            assert.equal(squash(current), squash(p.heading), `${where}: the section is marked current`);
            break;
          }
        }
        if (p.kind === 'overview' || p.kind === 'section' || p.kind === 'print') {
          assert.ok(text.length > h1.length + 200, `${where}: content beyond the heading (${text.length} characters)`);
        }
        for (const href of await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.href))) {
          const url = new URL(href);
          if (url.origin !== env.server.origin) continue;
          const address = url.origin + url.pathname;
          if (!links.has(address)) links.set(address, where);
        }
        count += 1;
      }
    }
    assert.equal(count, (4 + MISSIONS.length * 8) * LANGUAGES.length);
    // Every link of every page: a file of the build, answered without a redirect.
    for (const [address, from] of links) {
      const response = await fetch(address, { redirect: 'manual' });
      assert.equal(response.status, 200, `${address} (linked from ${from}) answers ${response.status}`);
    }
    assert.ok(links.size >= count, `every page is linked from another: ${links.size} addresses checked`);
  } finally {
    await context.close();
  }
});

test('without JavaScript, charts give way to their tables', async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    await page.goto(env.url('missions/unami/personnel/'));
    const figure = page.locator('#personnel-chart');
    assert.equal(await figure.locator('.chart-view').isVisible(), false, 'the chart, which needs scripts to switch, is hidden');
    assert.ok(await figure.locator('.table-view table').isVisible(), 'its table is shown');
    assert.ok((await figure.locator('.table-view tbody tr').count()) > 3, 'with its rows');
    assert.equal(await figure.locator('button:visible').count(), 0, 'and no buttons that cannot work');
  } finally {
    await context.close();
  }
});

test('an unknown address answers 404 with a readable not-found page', async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    const response = await page.goto(env.url('missions/unami/no-such-section/'));
    assert.equal(response.status(), 404);
    assert.equal(squash(await page.locator('main h1').textContent()), squash(LANGUAGES[0].strings.not_found_title));
    assert.ok(await page.locator(`main a[href="${env.path('')}"]`).count(), 'a way back to the catalogue');
  } finally {
    await context.close();
  }
});

test('the prerendered text is the text the app renders, on every page of a mission in both languages', async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false, serviceWorkers: 'block' });
  const s = await openPage(env.browser, { origin: env.server.origin });
  try {
    const still = await context.newPage();
    // (The about page is made only at build time: the app never renders it.)
    const where = ['', 'missions/unami/', ...SECTIONS.map((slug) => `missions/unami/${slug}/`), 'missions/unmha/', 'missions/unmha/timeline/'];
    for (const p of [...where, ...where.map((w) => `ar/${w}`)]) {
      await still.goto(env.url(p));
      // Charts are drawn only by the app, and their tables shown only without it: compare the rest.
      const text = (page) =>
        page.evaluate(() => {
          const main = document.querySelector('main').cloneNode(true);
          main.querySelectorAll('.chart-figure, noscript, .needs-script').forEach((e) => e.remove());
          return main.textContent.replace(/\s+/g, ' ').trim();
        });
      const prerendered = await text(still);
      await s.page.goto(env.url(p));
      await waitForApp(s.page);
      const rendered = await text(s.page);
      if (prerendered !== rendered) {
        let i = 0;
        while (prerendered[i] === rendered[i]) i += 1;
        assert.fail(`${p || '/'}: the texts part at ${i}:\n  prerendered: …${prerendered.slice(i - 60, i + 60)}…\n  the app:     …${rendered.slice(i - 60, i + 60)}…`);
      }
    }
    s.assertClean();
  } finally {
    await context.close();
    await s.close();
  }
});

test('a build for the root of a host: deep links and reloads, with and without JavaScript', async () => {
  // The same build made for `/`: Trunk's page with the root as its public URL
  // (what `trunk build --public-url /` writes), then the build's own prerender
  // and service worker steps, as `make build PUBLIC_URL=/` runs them.
  const root = mkdtempSync(path.join(os.tmpdir(), 'mission-pages-root-'));
  try {
    cpSync(DIST, root, { recursive: true });
    for (const page of ['index.html', '404.html', 'about', 'search', 'compare', 'missions', 'ar']) {
      rmSync(path.join(root, page), { recursive: true, force: true });
    }
    const shell = path.join(root, 'shell.html');
    writeFileSync(shell, readFileSync(shell, 'utf8').replaceAll(BASE_PATH, '/'));
    execFileSync(path.join(REPO_ROOT, 'target', 'debug', 'prerender'), ['--template', shell, '--out', root], { cwd: REPO_ROOT });
    execFileSync('node', [path.join(REPO_ROOT, 'scripts', 'service-worker.mjs'), root]);
    const server = await startServer({ root, basePath: '/' });
    try {
      const still = await env.browser.newContext({ javaScriptEnabled: false, serviceWorkers: 'block' });
      const page = await still.newPage();
      const response = await page.goto(`${server.origin}/missions/unami/timeline/`);
      assert.equal(response.status(), 200);
      assert.match(squash(await page.locator('main h1').textContent()), /^Timeline.*UNAMI/);
      assert.equal(await page.locator('link[rel=canonical], link[hreflang]').count(), 0, 'no canonical without SITE_URL');
      const hrefs = await page.locator('a[href^="/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      assert.ok(hrefs.includes('/missions/unami/sources/'), 'links from the root');
      assert.ok(!hrefs.some((h) => h.startsWith(BASE_PATH)), 'no link to the sub-path build');
      await still.close();

      const s = await openPage(env.browser, { origin: server.origin });
      try {
        await gotoApp(s.page, `${server.origin}/ar/missions/unama/`);
        assert.equal(await s.page.evaluate(() => document.documentElement.dir), 'rtl');
        await s.page.locator('.section-nav a[href="/ar/missions/unama/timeline/"]').click();
        await s.page.waitForURL(`${server.origin}/ar/missions/unama/timeline/`);
        await s.page.locator('main ol.timeline').first().waitFor();
        await s.page.reload();
        await waitForApp(s.page);
        assert.ok((await s.page.locator('main ol.timeline li').count()) > 0, 'the timeline after a reload');
        const unknown = await s.page.goto(`${server.origin}/missions/nope/`);
        assert.equal(unknown.status(), 404);
        await waitForApp(s.page);
        assert.equal(squash(await s.page.locator('main h1').textContent()), squash(LANGUAGES[0].strings.not_found_title));
        s.assertClean();
      } finally {
        await s.close();
      }
    } finally {
      await server.close();
    }
    // With its whole address (`make build SITE_URL=…`), a page names its
    // canonical address and its alternates in every language, whole.
    execFileSync(path.join(REPO_ROOT, 'target', 'debug', 'prerender'),
      ['--template', shell, '--out', root, '--site-url', 'https://example.org/', '/missions/unami/timeline/'], { cwd: REPO_ROOT });
    const html = readFileSync(path.join(root, 'missions/unami/timeline/index.html'), 'utf8');
    const attribute = (tag, name) => tag.match(new RegExp(` ${name}="([^"]*)"`))?.[1] ?? '';
    const links = [...html.matchAll(/<link data-prerendered [^>]*>/g)]
      .map(([tag]) => `${attribute(tag, 'rel')} ${attribute(tag, 'hreflang')} ${attribute(tag, 'href')}`)
      // (The Atom feed is an alternate too, of no language.)
      .filter((link) => /^(canonical|alternate) /.test(link) && !link.endsWith('/changes.xml'));
    assert.deepEqual(links.sort(), [
      'alternate ar https://example.org/ar/missions/unami/timeline/',
      'alternate en https://example.org/missions/unami/timeline/',
      'alternate x-default https://example.org/missions/unami/timeline/',
      'canonical  https://example.org/missions/unami/timeline/',
    ]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

/** Records, from the first byte of the page: layout shifts, loading placeholders, and the heading as first parsed. */
function watchTakeover() {
  window.__takeover = { shifts: [], whileParsing: [], placeholders: 0, before: null };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const moved = e.sources.map((m) => {
        const n = m.node;
        const what = n ? `${n.nodeName.toLowerCase()}${n.id ? `#${n.id}` : ''}${n.className && typeof n.className === 'string' ? `.${n.className.split(' ')[0]}` : ''}` : '?';
        const r = (b) => `${Math.round(b.x)},${Math.round(b.y)} ${Math.round(b.width)}×${Math.round(b.height)}`;
        return `${what} ${r(m.previousRect)} → ${r(m.currentRect)}`;
      });
      const shift = `${e.value.toFixed(4)} at ${Math.round(e.startTime)} ms: ${moved.join('; ')}`;
      // A shift while the page is still being parsed is the browser painting
      // a part of it early (seen once, on a busy machine, before the app was
      // even downloaded): not the takeover's, and Lighthouse's CLS covers it.
      const parsed = window.__takeover.before?.at;
      if (parsed === undefined || e.startTime < parsed) window.__takeover.whileParsing.push(shift);
      else window.__takeover.shifts.push(shift);
    }
  }).observe({ type: 'layout-shift', buffered: true });
  new MutationObserver(() => {
    if (document.querySelector('.loading')) window.__takeover.placeholders += 1;
  }).observe(document, { subtree: true, childList: true });
  document.addEventListener('DOMContentLoaded', () => {
    const h1 = document.querySelector('main h1');
    window.__takeover.before = {
      at: performance.now(),
      prerendered: document.body.hasAttribute('data-prerendered'),
      h1: h1?.textContent.replace(/\s+/g, ' ').trim(),
      top: h1?.getBoundingClientRect().top,
    };
  });
}

for (const [label, where, files] of [
  ['the catalogue', '', ['data/index.json']],
  ['the UNAMI overview', 'missions/unami/', ['data/index.json', 'data/missions/unami.json']],
  ['the UNAMI timeline', 'missions/unami/timeline/', ['data/missions/unami.json']],
  ['UNAMI’s offices in Arabic, with the map', 'ar/missions/unami/offices/', ['data/missions/unami.json', 'maps/unami.json']],
  ['UNAMI’s personnel chart on a phone', 'missions/unami/personnel/', ['data/missions/unami.json']],
  ['the Arabic overview on a wide screen', 'ar/missions/unami/', ['data/missions/unami.json']],
]) {
  test(`the app takes over ${label} with no layout shift, no placeholder, its data downloaded once`, async (t) => {
    const viewport = label.includes('phone')
      ? { width: 390, height: 844 }
      : label.includes('wide')
        ? { width: 1350, height: 940 } // Lighthouse's desktop preset
        : { width: 1280, height: 800 };
    const s = await openPage(env.browser, { origin: env.server.origin, viewport });
    try {
      const { page } = s;
      await page.addInitScript(watchTakeover);
      // The app starts a second late, so the prerendered page is surely painted
      // first, as on a slow phone: any difference between the two would show.
      await page.route(/_bg\.wasm$/, async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        await route.continue();
      });
      const requested = [];
      page.on('request', (r) => requested.push(new URL(r.url()).pathname));
      await page.goto(env.url(where));
      await waitForApp(page);
      // Whatever the app does right after it starts (effects, the map) has run.
      await page.waitForTimeout(500);
      const seen = await page.evaluate(() => window.__takeover);
      assert.ok(seen.before, 'the page was parsed before the app started');
      assert.equal(seen.before.prerendered, true, 'the server sent a prerendered page');
      const h1 = await page.evaluate(() => {
        const h = document.querySelector('main h1');
        return { h1: h.textContent.replace(/\s+/g, ' ').trim(), top: h.getBoundingClientRect().top };
      });
      assert.equal(h1.h1, seen.before.h1, 'the same heading before and after');
      assert.equal(h1.top, seen.before.top, 'in the same place');
      assert.deepEqual(seen.shifts, [], 'no layout shift (CLS 0) once the page is parsed');
      for (const shift of seen.whileParsing) t.diagnostic(`a shift while the page was parsed: ${shift}`);
      assert.equal(seen.placeholders, 0, 'no loading placeholder ever shown');
      // The page's data comes beside the app, once, and is handed over before it starts.
      for (const file of files) {
        const times = requested.filter((p) => p.endsWith(file)).length;
        assert.equal(times, 1, `${file} downloaded once: ${requested.join(' ')}`);
      }
      s.assertClean();
    } finally {
      await s.close();
    }
  });
}
