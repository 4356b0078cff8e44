// For researchers (issue 20): a citation of every page, in three styles and
// as BibTeX and RIS, in the page and in its head; the Data page with every
// file, its size and date; the lists of changes and their Atom feed. In
// English and Arabic, prerendered (read here without JavaScript too), and
// checked with axe.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import { useEnvironment, openPage, gotoApp, checkAxe, DIST, REPO_ROOT } from './lib/browser.mjs';

const env = useEnvironment();
const locale = (code) => JSON.parse(readFileSync(path.join(REPO_ROOT, 'locales', `${code}.json`), 'utf8'));
const EN = locale('en');
const AR = locale('ar');
const DATES = JSON.parse(readFileSync(path.join(DIST, 'history', 'dates.json'), 'utf8'));
const DOWNLOADS = JSON.parse(readFileSync(path.join(DIST, 'downloads', 'index.json'), 'utf8'));

/** The built file of a page (`missions/unami/` → dist/missions/unami/index.html). */
const built = (page) => readFileSync(path.join(DIST, page, 'index.html'), 'utf8');

/** The `content` of every `<meta name=citation_…>` in a page's HTML. */
function citationMeta(html) {
  const found = {};
  for (const [tag] of html.matchAll(/<meta\b[^>]*>/g)) {
    const name = tag.match(/name="?(citation_[a-z_]+)"?/)?.[1];
    const content = tag.match(/content="([^"]*)"/)?.[1];
    if (name) found[name] = content;
  }
  return found;
}

const PAGES = [
  { page: 'missions/unami/', title: 'UNAMI: United Nations Assistance Mission for Iraq', missions: ['unami'] },
  { page: 'missions/unami/timeline/', title: `${EN.section_timeline} · UNAMI`, missions: ['unami'] },
  { page: '', title: EN.catalogue_title, missions: [] },
  { page: 'compare/', title: EN.cmp_title, missions: [] },
  { page: 'data/', title: EN.built_data_dataset_title, missions: [] },
];

test('every kind of page carries its citation in its head and its text, without JavaScript', () => {
  for (const { page, title, missions } of PAGES) {
    const html = built(page);
    const meta = citationMeta(html);
    assert.equal(meta.citation_title, title.replaceAll('&', '&amp;'), `${page}: citation_title`);
    assert.match(meta.citation_public_url, new RegExp(`${page.replaceAll('/', '\\/')}$`), `${page}: citation_public_url`);
    assert.equal(meta.citation_language, 'en');
    const changed = missions.length ? missions.map((m) => DATES.missions[m]).sort().at(-1) : DATES.data;
    if (DATES.available) assert.equal(meta.citation_date, changed.replaceAll('-', '/'), `${page}: citation_date`);
    else assert.equal(meta.citation_date, undefined);
    for (const style of ['apa', 'mla', 'chicago']) assert.match(html, new RegExp(`id="?cite-${style}`), `${page}: ${style}`);
    assert.match(html, /download="?missionpages[^"\s>]*\.bib/, `${page}: BibTeX file`);
    assert.match(html, /download="?missionpages[^"\s>]*\.ris/, `${page}: RIS file`);
  }
  const ar = citationMeta(built('ar/missions/unami/'));
  assert.equal(ar.citation_language, 'ar');
  assert.match(ar.citation_public_url, /\/ar\/missions\/unami\/$/);
});

test('UNAMI overview: the three styles, the BibTeX and RIS files, and Copy with a status message', async () => {
  const s = await openPage(env.browser, { origin: env.server.origin, appAtOnce: false });
  try {
    await s.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.origin });
    await s.page.goto(env.url('missions/unami/'));
    const cite = s.page.locator('details.cite-page');
    await cite.locator('summary').click();
    const changed = DATES.missions.unami;
    const apa = (await s.page.locator('#cite-apa').innerText()).trim();
    const mla = (await s.page.locator('#cite-mla').innerText()).trim();
    const chicago = (await s.page.locator('#cite-chicago').innerText()).trim();
    // A build without SITE_URL writes the path; the app, once started, the whole address.
    const address = apa.match(/(\S*\/mission-pages\/missions\/unami\/)$/)?.[1];
    assert.ok(address?.endsWith(env.path('missions/unami/')), apa);
    const title = 'UNAMI: United Nations Assistance Mission for Iraq';
    if (DATES.available) {
      const [y, m, d] = changed.split('-').map(Number);
      const month = EN[`month_${String(m).padStart(2, '0')}`];
      assert.equal(apa, `Mission Pages. (${y}, ${month} ${d}). ${title}. ${address}`);
      assert.match(mla, new RegExp(`^“${title}\\.” Mission Pages, ${d} [A-Z][a-z]+\\.? ${y}, ${address.replaceAll('/', '\\/')}\\.$`));
      assert.equal(chicago, `“${title}.” Mission Pages. Last modified ${month} ${d}, ${y}. ${address}.`);
    } else {
      assert.equal(apa, `Mission Pages. (n.d.). ${title}. ${address}`);
    }
    assert.equal(await s.page.locator('#cite-apa i').innerText(), title, 'APA sets the title in italics');
    // The files: data: addresses a reference manager imports.
    const bib = decodeURIComponent((await cite.locator('a[download$=".bib"]').getAttribute('href')).split(',').slice(1).join(','));
    assert.match(bib, /^@misc\{missionpages-missions-unami,\n/);
    assert.match(bib, /title {8}= \{\{UNAMI: United Nations Assistance Mission for Iraq\}\}/);
    const ris = decodeURIComponent((await cite.locator('a[download$=".ris"]').getAttribute('href')).split(',').slice(1).join(','));
    assert.match(ris, /^TY {2}- ELEC\r\nTI {2}- UNAMI: United Nations Assistance Mission for Iraq\r\n/);
    assert.match(ris, /ER {2}- \r\n$/);
    // A click downloads the file (the page's policy lets a data: download through).
    const [download] = await Promise.all([s.page.waitForEvent('download'), cite.locator('a[download$=".bib"]').click()]);
    assert.equal(download.suggestedFilename(), 'missionpages-missions-unami.bib');
    assert.equal(readFileSync(await download.path(), 'utf8'), bib);
    // Copy works before the app has started (the page is still prerendered).
    await cite.locator('button[data-copy="cite-mla"]').click();
    await s.page.locator('#cite-status').filter({ hasText: EN.cite_copied.replace('{style}', 'MLA (9th ed.)') }).waitFor();
    assert.equal(await s.page.locator('#cite-status').getAttribute('role'), 'status');
    const copied = await s.page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, (await s.page.locator('#cite-mla').innerText()).trim());
    await checkAxe(s.page, 'UNAMI overview, citation open');
    s.assertClean();
  } finally {
    await s.close();
  }
});

test('the citation and the data\'s date are the same once the app has taken over, in Arabic too', async () => {
  const s = await openPage(env.browser, { origin: env.server.origin });
  try {
    await gotoApp(s.page, env.url('ar/missions/unami/timeline/'));
    const header = await s.page.locator('.data-changed').innerText();
    if (DATES.available) assert.match(header, new RegExp(AR.data_last_changed.split('{date}')[0].trim()));
    else assert.match(header, new RegExp(AR.data_changed_unknown));
    assert.equal(await s.page.locator('.data-changed a').getAttribute('href'), env.path('ar/missions/unami/changes/'));
    const apa = await s.page.locator('#cite-apa').textContent();
    assert.ok(apa.startsWith(AR.site_name), apa);
    assert.match(apa, /\/ar\/missions\/unami\/timeline\/$/);
    s.assertClean();
  } finally {
    await s.close();
  }
});

test('the Data page lists every file with its size and date, and each link answers', async () => {
  const s = await openPage(env.browser, { origin: env.server.origin, appAtOnce: false });
  try {
    await s.page.goto(env.url('data/'));
    assert.ok(await s.page.evaluate(() => document.body.hasAttribute('data-built')), 'a page the app never takes over');
    const hrefs = await s.page.locator('main a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    for (const file of DOWNLOADS.files) {
      assert.ok(hrefs.includes(env.path(file.path)), `${file.path} is linked`);
      assert.equal(statSync(path.join(DIST, file.path)).size, file.bytes, `${file.path}: its listed size`);
    }
    const zip = DOWNLOADS.files.find((f) => f.kind === 'zip');
    const answer = await s.page.request.get(env.url(zip.path));
    assert.equal(answer.status(), 200);
    assert.equal((await answer.body()).subarray(0, 2).toString(), 'PK', 'a zip file');
    const text = await s.page.locator('main').innerText();
    assert.match(text, /CC BY 4\.0/);
    assert.match(text, /MIT/);
    assert.ok(await s.page.locator('details.cite-page[open] #cite-apa').isVisible(), 'how to cite the dataset, open');
    await checkAxe(s.page, 'Data page');
    await s.page.goto(env.url('ar/data/'));
    assert.equal(await s.page.locator('h1').innerText(), AR.built_data_title);
    await checkAxe(s.page, 'Data page, Arabic');
    s.assertClean();
  } finally {
    await s.close();
  }
});

test('the changes: each mission\'s list, the whole list and the Atom feed', async () => {
  const s = await openPage(env.browser, { origin: env.server.origin, appAtOnce: false });
  try {
    const history = JSON.parse(readFileSync(path.join(DIST, 'history', 'history.json'), 'utf8'));
    await s.page.goto(env.url('missions/unami/changes/'));
    const items = s.page.locator('ol.changes > li');
    if (history.changes) {
      const ofUnami = history.changes.filter((c) => c.missions.some((m) => m.id === 'unami'));
      assert.equal(await items.count(), ofUnami.length);
      assert.equal(await items.first().locator('time').getAttribute('datetime'), ofUnami[0].date);
      assert.equal((await items.first().locator('.change-summary').innerText()).trim(), ofUnami[0].summary);
    } else {
      assert.match(await s.page.locator('main').innerText(), new RegExp(EN.built_changes_unavailable.slice(0, 30)));
    }
    await checkAxe(s.page, 'UNAMI changes');
    await s.page.goto(env.url('ar/changes/'));
    assert.equal(await s.page.locator('h1').innerText(), AR.built_changes_title);
    await checkAxe(s.page, 'changes, Arabic');
    const feed = await s.page.request.get(env.url('changes.xml'));
    assert.equal(feed.status(), 200);
    const xml = await feed.text();
    assert.match(xml, /^<\?xml version="1\.0" encoding="utf-8"\?>\s*<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom"/i);
    const parsed = await s.page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      if (doc.querySelector('parsererror')) return null;
      return { entries: doc.querySelectorAll('entry').length, title: doc.querySelector('feed > title')?.textContent };
    }, xml);
    assert.ok(parsed, 'the feed is well-formed XML');
    assert.equal(parsed.entries, history.changes ? history.changes.length : 0);
    s.assertClean();
  } finally {
    await s.close();
  }
});
