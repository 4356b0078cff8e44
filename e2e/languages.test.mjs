// Languages: each has its own address prefix (`/ar/...`), set in <html lang dir>,
// with the UI strings of locales/{code}.json and data shared by all languages.
// Every page loads directly in Arabic with no English interface text left, the
// language switch keeps the reader's place both ways, and English data text
// shown for want of a translation is tagged and marked.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import { useEnvironment, withPage, gotoApp, REPO_ROOT, sameFile, useShell, serveTimelineInEnglishOnly } from './lib/browser.mjs';

const env = useEnvironment();

const readJson = (file) => JSON.parse(fs.readFileSync(path.join(REPO_ROOT, file), 'utf8'));
const EN = readJson('locales/en.json');
const AR = readJson('locales/ar.json');
const UNAMI = readJson('data/missions/unami.json');

/**
 * The English interface wordings an Arabic page must not show: every message
 * of en.json that Arabic words differently, cut at its placeholders, keeping
 * the pieces of two words or more (single words such as "Open" could be part
 * of a name).
 */
function englishWordings() {
  const pieces = new Set();
  for (const [key, value] of Object.entries(EN)) {
    if (key.startsWith('_')) continue;
    const forms = typeof value === 'string' ? [value] : Object.values(value);
    const arabic = typeof AR[key] === 'string' ? [AR[key]] : Object.values(AR[key] ?? {});
    for (const form of forms) {
      if (arabic.includes(form)) continue;
      for (const piece of form.split(/\{[a-z_]+\}/)) {
        const words = piece.trim().replace(/^[^A-Za-z]+|[^A-Za-z]+$/g, '');
        if (words.split(/\s+/).length >= 2) pieces.add(words);
      }
    }
  }
  return [...pieces];
}

/** The page's visible text outside elements marked as English (data shown untranslated, English titles). */
async function textOutsideEnglish(page) {
  return page.evaluate(() => {
    const copy = document.body.cloneNode(true);
    copy.querySelectorAll('[lang="en"], script, style, noscript').forEach((e) => e.remove());
    return copy.textContent.replace(/\s+/g, ' ');
  });
}

const ARABIC_PAGES = [
  '',
  'about',
  'missions/unami',
  ...['mandate', 'timeline', 'leadership', 'personnel', 'offices', 'sources'].map((s) => `missions/unami/${s}`),
  'compare?ids=unami,unama',
  'search?q=' + encodeURIComponent('بغداد'),
  'missions/unami/nope',
];

test('every page loads directly in Arabic, right to left, with no English interface text', async () => {
  const english = englishWordings();
  assert.ok(english.length > 100, `only ${english.length} English wordings to look for`);
  await withPage(env, {}, async (page) => {
    for (const where of ARABIC_PAGES) {
      await gotoApp(page, env.url(`ar/${where}`));
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'ar', where);
      assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl', where);
      // The charts and tables render before their text is checked.
      await page.waitForTimeout(100);
      const text = await textOutsideEnglish(page);
      const leaks = english.filter((w) => text.includes(w));
      assert.deepEqual(leaks, [], `English interface text on /ar/${where}`);
      assert.doesNotMatch(await page.title(), /Mission Pages/, where);
    }
  });
});

test('UNAMI in Arabic: its own texts, Arabic UI words and dates, and the translation note', async () => {
  await withPage(env, {}, async (page) => {
    await gotoApp(page, env.url('ar/missions/unami'));
    assert.equal(await page.locator('main h1').innerText().then((t) => t.includes(UNAMI.name.ar)), true);
    assert.equal(await page.locator('#key-facts-heading').innerText(), AR.key_facts);
    // The mandate's end, 31 December 2025, as an Arabic date in a <time> element.
    const end = page.locator('#fact-status time');
    assert.equal(await end.getAttribute('datetime'), '2025-12-31');
    assert.equal(await end.innerText(), `31 ${AR.month_12} 2025`);
    assert.match(await page.locator('footer').innerText(), new RegExp(AR.footer_translations.slice(0, 20)));
    // Nothing on UNAMI's overview falls back to English.
    assert.equal(await page.locator('main .untranslated-marker').count(), 0);
  });
});

test('a mission without Arabic texts shows the English ones, tagged and marked as English', async () => {
  await withPage(env, {}, async (page) => {
    await serveTimelineInEnglishOnly(page, 'unama', env.url('data/missions/unama.json'));
    await gotoApp(page, env.url('ar/missions/unama/timeline'));
    const marked = page.locator('main .untranslated-marker');
    assert.ok((await marked.count()) > 0, 'no English marker on UNAMA\'s timeline');
    assert.equal(await marked.first().innerText(), `(${AR.untranslated_marker})`);
    // The English text before the marker is tagged lang="en" for screen readers.
    const tagged = await page.locator('main .entry [lang="en"]').count();
    assert.ok(tagged > 0, 'English entries are not tagged lang="en"');
  });
});

test('the language switch keeps the place: English deep link to the same anchor in Arabic', async () => {
  await withPage(env, {}, async (page) => {
    const post = `post-${UNAMI.leadership[0].id}`;
    await gotoApp(page, env.url(`missions/unami/leadership?from=switch#${post}`));
    const arabic = page.getByRole('navigation', { name: EN.language_switch_label }).getByRole('link', { name: AR._meta.name });
    assert.equal(await arabic.getAttribute('hreflang'), 'ar');
    assert.equal(await arabic.getAttribute('lang'), 'ar');
    // The switch is a full page load: wait for the new address, then for the app.
    await Promise.all([
      page.waitForURL((u) => u.pathname === env.path('ar/missions/unami/leadership/'), { waitUntil: 'commit' }),
      arabic.click(),
    ]);
    await page.waitForFunction(() => document.documentElement.lang === 'ar' && document.documentElement.dir === 'rtl');
    const url = new URL(page.url());
    assert.equal(url.search, '?from=switch');
    assert.equal(url.hash, `#${post}`);
    const target = page.locator(`[id="${post}"]`);
    await target.waitFor();
    assert.equal(await target.locator('h3').innerText().then((t) => t.includes(UNAMI.leadership[0].title.ar)), true);
    // The reader lands on the post, not at the top of the page.
    await page.waitForFunction(
      (id) => {
        const box = document.getElementById(id).getBoundingClientRect();
        return box.top >= -2 && box.top < window.innerHeight / 2;
      },
      post,
    );
  });
});

test('a data error in Arabic names the file, in Arabic, with a retry', async () => {
  const file = 'data/missions/unami.json';
  await withPage(env, { allow: [env.url(file)] }, async (page) => {
    const isFile = sameFile(env.url(file));
    await useShell(page); // the app's shell, in which the app downloads the data itself
    await page.route(isFile, (route) => route.fulfill({ status: 500, contentType: 'text/plain', body: 'x' }));
    await page.goto(env.url('ar/missions/unami'));
    const alert = page.locator('main [role="alert"]');
    await alert.waitFor();
    assert.equal(await alert.locator('h1').innerText(), AR.load_failed_page);
    assert.match(await alert.innerText(), /missions\/unami\.json/);
    assert.match(await alert.innerText(), /HTTP 500/);
    await page.unroute(isFile);
    await alert.getByRole('button', { name: AR.load_retry }).click();
    await page.locator('main h1').filter({ hasText: UNAMI.name.ar }).waitFor();
  });
});

test('an Arabic address loads right to left, with Arabic UI strings and the shared data', async () => {
  await withPage(env, {}, async (page) => {
    await gotoApp(page, env.url('ar/missions/unami/timeline?kind=resolution#res-1770'));
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'ar');
    assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
    assert.equal(await page.locator('.site-name').innerText(), 'صفحات البعثات');
    assert.match(await page.title(), / · صفحات البعثات$/);
    // Links inside the site keep the language's prefix; the data is shared.
    const home = await page.locator('.site-nav a').first().getAttribute('href');
    assert.equal(home, env.path('ar/'));
    await page.locator('[id="res-1770"]').waitFor();
    // The same place in English: path, query and fragment kept.
    const english = page.getByRole('navigation', { name: 'اللغة' }).getByRole('link', { name: 'English' });
    assert.equal(await english.getAttribute('hreflang'), 'en');
    const href = new URL(await english.evaluate((a) => a.href));
    assert.equal(href.pathname, env.path('missions/unami/timeline/'));
    assert.equal(href.search, '?kind=resolution');
    assert.equal(href.hash, '#res-1770');
    await Promise.all([
      page.waitForURL((u) => u.pathname === env.path('missions/unami/timeline/'), { waitUntil: 'commit' }),
      english.click(),
    ]);
    await page.waitForFunction(() => document.documentElement.lang === 'en' && document.documentElement.dir === 'ltr');
    await page.locator('[id="res-1770"]').waitFor();
  });
});

test('English pages declare their language and list the published alternates', async () => {
  await withPage(env, {}, async (page) => {
    // A page of the app: the app knows its whole address (a build without
    // SITE_URL writes no alternates into its files).
    await gotoApp(page, env.url('missions/unami/mandate'));
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    const alternates = await page
      .locator('link[rel="alternate"][hreflang]')
      .evaluateAll((ls) => ls.map((l) => [l.hreflang, new URL(l.href).pathname]));
    const mandate = 'missions/unami/mandate/';
    assert.deepEqual(alternates.find(([h]) => h === 'x-default'), ['x-default', env.path(mandate)]);
    assert.deepEqual(alternates.find(([h]) => h === 'en'), ['en', env.path(mandate)]);
    assert.deepEqual(alternates.find(([h]) => h === 'ar'), ['ar', env.path(`ar/${mandate}`)]);
  });
});

test('every page names its canonical address, without the query, in its own language', async () => {
  await withPage(env, {}, async (page) => {
    for (const where of ['missions/unami/timeline?kind=event', 'ar/missions/unami/timeline?kind=event', '?region=asia']) {
      await gotoApp(page, env.url(where));
      const canonical = page.locator('link[rel="canonical"]');
      assert.equal(await canonical.count(), 1, where);
      const href = new URL(await canonical.getAttribute('href'));
      assert.equal(href.origin, new URL(env.url('')).origin, where);
      assert.equal(href.pathname, env.path(where.split('?')[0].replace(/([^/])$/, '$1/')), where);
      assert.equal(href.search, '', where);
    }
  });
});

test('robots.txt lets every page be read', async () => {
  await withPage(env, {}, async (page) => {
    const response = await page.request.get(env.url('robots.txt'));
    assert.equal(response.status(), 200);
    assert.match(await response.text(), /^User-agent: \*\nAllow: \//);
  });
});
