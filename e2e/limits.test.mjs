// The limits (issue 9): the site with 1,000 missions and a 10,000-entry
// timeline, made from this build by scripts/bench/large-site.mjs with the
// project's own tools (its search documents and the pages it prerenders).
// A timeline that long is split into pages by year, at most 250 entries a
// page (src/facts/timeline.rs): each page must read with and without JavaScript,
// link to the others, and be where search and citations send the reader.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import { launchBrowser, openPage, waitForApp, checkAxe, DIST, BASE_PATH, TIMEOUT } from './lib/browser.mjs';
import { startServer } from './lib/server.mjs';
import { makeLargeSite } from '../scripts/bench/large-site.mjs';

const PAGE_LIMIT = 250;
const SLOW = Math.max(TIMEOUT, 60_000);
const env = {};

before(async () => {
  env.site = makeLargeSite(DIST, { extraPages: ['missions/unami/sources/'] });
  env.server = await startServer({ root: env.site.root, basePath: BASE_PATH });
  env.browser = await launchBrowser();
  env.url = (p) => env.server.baseUrl + p;
});
after(async () => {
  await env.browser?.close().catch(() => {});
  await env.server?.close();
  env.site?.cleanup();
});

/** The rows of the table of years on a split timeline's first page. */
const yearRows = (page) =>
  page.$$eval('main .table-scroll tbody tr', (rows) =>
    rows.map((r) => ({
      year: r.querySelector('th').textContent.trim(),
      href: r.querySelector('th a')?.getAttribute('href'),
      total: Number(r.lastElementChild.textContent.replace(/\D/g, '')),
    })),
  );

test('without JavaScript, the 10,000-entry timeline reads as a table of years and pages of at most 250 entries', async () => {
  const { site } = env;
  const context = await env.browser.newContext({ javaScriptEnabled: false, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    assert.equal((await page.goto(env.url('missions/unami/timeline/'))).status(), 200);
    const rows = await yearRows(page);
    assert.ok(rows.length > 10, `a row per year (${rows.length})`);
    assert.equal(rows.reduce((n, r) => n + r.total, 0), site.events, 'the years add up to every entry');
    assert.equal(await page.locator('main ol.timeline > li').count(), 0, 'no entry on the table page itself');
    const busiest = rows.find((r) => r.href?.endsWith(site.timelineYear));
    assert.ok(busiest, `the table links to ${site.timelineYear}`);
    assert.equal(busiest.total, site.timelineYearEntries, 'with its count');

    // The busiest year: more than one page, the first full, its pages linked.
    assert.ok(site.timelineYearEntries > PAGE_LIMIT, 'the busiest year needs more than one page');
    assert.equal((await page.goto(env.url(site.timelineYear))).status(), 200);
    assert.equal(await page.locator('main ol.timeline > li').count(), PAGE_LIMIT, 'its first page holds 250 entries');
    const nav = page.locator('main nav.year-pages');
    assert.equal(await nav.locator('a[aria-current="page"]').count(), 1, 'one link is marked as the page');
    assert.equal(await nav.locator('.year-parts a[aria-current="page"]').innerText(), '1', 'the year\'s first page');
    assert.equal(await nav.locator(`a[aria-current="true"]`).innerText(), site.timelineYear.match(/(\d{4})\/$/)[1], 'in the current year');
    const parts = await nav.locator('.year-parts a').count();
    assert.equal(parts, Math.ceil(site.timelineYearEntries / PAGE_LIMIT), 'a link to each of its pages');
    const next = page.locator('main .year-steps a[rel="next"]');
    assert.equal(await next.getAttribute('href'), `${BASE_PATH}${site.timelineYear}2/`);
    const size = statSync(path.join(site.root, site.timelineYear, 'index.html')).size;
    assert.ok(size < 1024 * 1024, `the page is under 1 MiB of HTML (${size} bytes)`);

    // Its second page, followed from the first.
    await next.click();
    await page.waitForURL(/\/2\/$/);
    const second = await page.locator('main ol.timeline > li').count();
    assert.ok(second > 0 && second <= PAGE_LIMIT, `the second page holds 1 to 250 entries (${second})`);
    assert.match(await page.locator('main h1').innerText(), new RegExp(`page 2 of ${parts}`));
    // Its footnotes are those of the entries shown, each linking back to one on this page.
    const backLinks = await page.$$eval('main .page-sources .source-list li li a', (as) => as.map((a) => a.getAttribute('href')));
    assert.ok(backLinks.length >= second, 'every entry has a link back from its sources');
    assert.ok(backLinks.every((h) => h.startsWith(`${BASE_PATH}${site.timelineYear}2/#`)), 'back links stay on the page');
  } finally {
    await context.close();
  }
});

test('in the app: from the table of years to a year, page by page, with the filters', async () => {
  const { site } = env;
  const s = await openPage(env.browser, { origin: env.server.origin });
  const { page } = s;
  page.setDefaultTimeout(SLOW);
  try {
    await page.goto(env.url('missions/unami/'), { waitUntil: 'load' });
    await waitForApp(page, { timeout: SLOW });
    await page.locator('main nav a', { hasText: 'Timeline' }).first().click();
    await page.waitForFunction(() => document.querySelectorAll('main .table-scroll tbody tr').length > 0);
    assert.equal((await yearRows(page)).reduce((n, r) => n + r.total, 0), site.events);
    await checkAxe(page, 'the table of years');

    const year = site.timelineYear.match(/(\d{4})\/$/)[1];
    await page.locator('main tbody th a', { hasText: year }).click();
    await page.waitForFunction(() => document.querySelectorAll('main ol.timeline > li').length > 0);
    assert.equal(await page.locator('main ol.timeline > li').count(), PAGE_LIMIT);
    assert.equal(await page.locator('main h1').evaluate((h) => h.firstChild.textContent.trim()).then((t) => t.startsWith(`Timeline, ${year}`)), true);
    await checkAxe(page, 'a year of the timeline');

    // "Next" goes to the year's second page, in the app, with no reload.
    await page.evaluate(() => (window.__sameDocument = true));
    await page.locator('main .year-steps a[rel="next"]').click();
    await page.waitForURL(new RegExp(`/timeline/${year}/2/$`));
    await page.waitForFunction(() => document.querySelector('main h1')?.textContent.includes('page 2'));
    assert.equal(await page.evaluate(() => window.__sameDocument), true, 'the app changed the page itself');
    const total = await page.locator('main ol.timeline > li').count();
    assert.ok(total > 0 && total <= PAGE_LIMIT);

    // The kind filter works on the page, in the address.
    const events = page.locator('main form.filters input[value="event"]');
    await events.uncheck();
    await page.waitForURL(/kind=/);
    const left = await page.locator('main ol.timeline > li:visible').count();
    assert.ok(left < total, `fewer entries without events (${left} of ${total})`);
    assert.equal(await page.locator('main ol.timeline > li.entry-event:visible').count(), 0);
    assert.match(await page.locator('main .filter-status').innerText(), new RegExp(`${left} of ${total}`));
    s.assertClean('the split timeline in the app');
  } finally {
    await s.close();
  }
});

test('search sends the reader to the page of the timeline that holds the entry', async () => {
  const { site } = env;
  const docs = JSON.parse(readFileSync(path.join(site.root, 'search-data', 'docs.json'), 'utf8'));
  const year = site.timelineYear.match(/(\d{4})\/$/)[1];
  // An entry on the busiest year's second page, found by its (numbered) title.
  const doc = docs.docs.find((d) => d.p === `timeline/${year}/2` && d.m === 0);
  assert.ok(doc, `a search document on timeline/${year}/2`);
  const s = await openPage(env.browser, { origin: env.server.origin });
  const { page } = s;
  page.setDefaultTimeout(SLOW);
  try {
    // Its title, whose number ("(37)") only it has with those words.
    await page.goto(env.url(`search/?q=${encodeURIComponent(doc.t.replace(/[()]/g, ""))}`), { waitUntil: "load" });
    await waitForApp(page, { timeout: SLOW });
    const link = page.locator(`main a[href$="#${doc.a}"]`).first();
    await link.waitFor();
    assert.equal(await link.getAttribute('href'), `${BASE_PATH}${site.timelineYear}2/#${doc.a}`);
    await link.click();
    await page.waitForURL(new RegExp(`/timeline/${year}/2/#${doc.a}$`));
    const entry = page.locator(`[id="${doc.a}"]`);
    await entry.waitFor();
    await page.waitForFunction((id) => {
      const box = document.getElementById(id)?.getBoundingClientRect();
      return box && box.top >= 0 && box.top < window.innerHeight;
    }, doc.a);
    s.assertClean('search to a split timeline');
  } finally {
    await s.close();
  }
});

test('the sources page links to the pages of a long timeline, with their counts, not to each of 10,000 entries', async () => {
  const { site } = env;
  const context = await env.browser.newContext({ javaScriptEnabled: false, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    assert.equal((await page.goto(env.url('missions/unami/sources/'))).status(), 200);
    const size = statSync(path.join(site.root, 'missions/unami/sources/index.html')).size;
    assert.ok(size < 256 * 1024, `the page is under 256 KiB of HTML (${size} bytes)`);
    const links = await page.$$eval('main .source-list li li a', (as) => as.map((a) => ({ href: a.getAttribute('href'), text: a.textContent })));
    const toPages = links.filter((l) => /\/timeline\/\d{4}\/(\d+\/)?$/.test(l.href));
    assert.ok(toPages.length > 0, 'links to timeline pages');
    assert.ok(toPages.every((l) => /^Timeline, \d{4}(, page \d+ of \d+)?: \d+ entr(y|ies)$/.test(l.text)), `each named with its count: ${toPages[0].text}`);
    assert.equal(links.filter((l) => /\/timeline\/.*#ev-/.test(l.href)).length, 0, 'no link to each entry of the split timeline');
    // Every entry is counted once for each source it cites: the counts add up.
    const counted = toPages.reduce((n, l) => n + Number(l.text.match(/(\d+) entr/)[1]), 0);
    assert.ok(counted >= site.events, `the counts cover every entry at least once (${counted})`);
  } finally {
    await context.close();
  }
});

test('a page the timeline does not have is not found', async () => {
  const s = await openPage(env.browser, { origin: env.server.origin });
  const { page } = s;
  page.setDefaultTimeout(SLOW);
  try {
    // The shell's 404 page, then the app's own routing of each address.
    for (const where of ['missions/unami/timeline/1990/', 'missions/unami/timeline/2010/1/', 'missions/unami/timeline/2010/99/', 'missions/unami/timeline/02010/', 'missions/unama/timeline/2010/']) {
      const response = await page.goto(env.url(where), { waitUntil: 'load' });
      assert.equal(response.status(), 404, `${where}: the host answers 404`);
      await waitForApp(page, { timeout: SLOW });
      assert.match(await page.locator('main h1').innerText(), /not found/i, `${where}: not found`);
    }
    s.assertClean('timeline pages that do not exist');
  } finally {
    await s.close();
  }
});
