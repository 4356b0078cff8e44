// Every page of every mission in the data, kept
// cheap enough to grow with the data: each page is read as prerendered, before
// the app starts, for its title, footnotes, gaps, links to related missions
// and axe; then the app starts once per mission and language and moves
// through the mission's pages itself, and each must show the text that was
// prerendered for it.
//
// About seven seconds a mission (`make test` prints the time).

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { useEnvironment, openPage, waitForApp, checkAxe, checkFootnotes, DIST, REPO_ROOT } from './lib/browser.mjs';

const env = useEnvironment();
const INDEX = JSON.parse(readFileSync(path.join(DIST, 'data', 'index.json'), 'utf8'));
const SECTIONS = ['mandate', 'timeline', 'leadership', 'personnel', 'offices', 'sources'];
const mission = (id) => JSON.parse(readFileSync(path.join(DIST, 'data', 'missions', `${id}.json`), 'utf8'));
const locale = (code) => JSON.parse(readFileSync(path.join(REPO_ROOT, 'locales', `${code}.json`), 'utf8'));
const LANGUAGES = [
  { code: 'en', prefix: '', strings: locale('en') },
  { code: 'ar', prefix: 'ar/', strings: locale('ar') },
];

/** The page a floor item's gap is shown on (besides the overview), as components/gaps.rs says. */
function gapPage(item) {
  if (item === 'resolutions') return 'timeline';
  if (item.startsWith('mandate')) return 'mandate';
  if (['heads', 'head-dates', 'nationality', 'acting-heads'].includes(item)) return 'leadership';
  if (item.startsWith('personnel') || item.startsWith('budget')) return 'personnel';
  if (item.startsWith('office')) return 'offices';
  return '';
}

/** The page's text as both renderings must show it: charts are drawn only by the app, their tables shown only without it. */
const comparableText = (page) =>
  page.evaluate(() => {
    const main = document.querySelector('main').cloneNode(true);
    main.querySelectorAll('.chart-figure, noscript, .needs-script').forEach((e) => e.remove());
    return main.textContent.replace(/\s+/g, ' ').trim();
  });

// The prerendered pages as a static host serves them, with JavaScript on (axe
// needs it) but the app left unstarted: it starts only when a reader reaches
// for a control, and nothing here does (each page is checked to be still the
// prerendered one). The prerender tests read every page with JavaScript off.
let still;
let app; // the app, started once per mission and language
/** The two browsers' contexts, made once the environment is up. */
async function contexts() {
  still ??= await env.browser.newContext({ serviceWorkers: 'block', reducedMotion: 'reduce' });
  app ??= await openPage(env.browser, { origin: env.server.origin });
  return { still, app };
}
after(async () => {
  await still?.close();
  await app?.close();
});

for (const { id } of INDEX.missions) {
  test(`${id}: every page reads prerendered, with its footnotes, gaps and related missions, passes axe, and the app shows the same`, async () => {
    const m = mission(id);
    const { still, app } = await contexts();
    const page = await still.newPage();
    try {
      for (const language of LANGUAGES) {
        const texts = new Map();
        for (const slug of ['', ...SECTIONS]) {
          const address = `${language.prefix}missions/${id}/${slug ? `${slug}/` : ''}`;
          const where = `/${address}`;
          const response = await page.goto(env.url(address));
          assert.equal(response.status(), 200, `${where}: status`);
          assert.ok((await page.title()).includes(m.acronym), `${where}: the title names ${m.acronym}`);
          // What the sources read do not say is said where the fact would be.
          const gaps = (m.not_found ?? []).filter((g) => slug === '' || gapPage(g.item) === slug);
          assert.equal(await page.locator('main .notice-gaps li').count(), gaps.length, `${where}: its gaps`);
          if (slug === 'sources') {
            assert.equal(await page.locator('main ol.source-list > li').count(), m.sources.length, `${where}: every source`);
          } else {
            // A page with no sourced fact (no figures, no offices) says what was looked for instead.
            const cited = await checkFootnotes(page, where);
            assert.ok(cited > 0 || gaps.length > 0, `${where}: cites its sources, or says what was not found`);
            assert.equal(await page.locator('main .page-sources').count(), cited > 0 ? 1 : 0, `${where}: a source list only with sources`);
          }
          if (slug === '') {
            if (language.code === 'en') {
              assert.ok((await page.locator('main h1').innerText()).includes(m.name.en), `${where}: the heading names the mission`);
            }
            assert.ok(await page.locator('.key-facts #fact-established').count(), `${where}: key facts`);
            for (const r of (m.related ?? []).filter((r) => r.id)) {
              const group = r.relation === 'predecessor' ? '#fact-predecessors' : '#fact-successors';
              const link = page.locator(`${group} a[href$="missions/${r.id}/"]`);
              assert.equal(await link.count(), 1, `${where}: links to ${r.acronym}`);
            }
          }
          // Axe on every page in English; in Arabic, where the layout turns round, on the overview.
          if (language.code === 'en' || slug === '') await checkAxe(page, where);
          texts.set(slug, await comparableText(page));
          assert.ok(await page.evaluate(() => document.body.hasAttribute('data-prerendered')), `${where}: still the prerendered page`);
        }

        // The app, started once, moves through the same pages and shows the same text.
        const first = `${language.prefix}missions/${id}/`;
        await app.page.goto(env.url(first));
        await waitForApp(app.page);
        for (const slug of ['', ...SECTIONS]) {
          const where = `/${language.prefix}missions/${id}/${slug ? `${slug}/` : ''} (the app)`;
          if (slug) {
            const target = env.path(`${language.prefix}missions/${id}/${slug}/`);
            await app.page.locator(`nav.section-nav a[href="${target}"]`).click();
            await app.page.waitForFunction(
              (href) => document.querySelector('nav.section-nav a[aria-current="page"]')?.getAttribute('href') === href,
              target,
            );
          }
          if (slug === 'offices' && (m.offices ?? []).length > 0) {
            // The map, or a note saying why there is none; never a lasting placeholder.
            await app.page.waitForFunction(() => !document.querySelector('.map-loading'));
          }
          const rendered = await comparableText(app.page);
          const prerendered = texts.get(slug);
          if (prerendered !== rendered) {
            let i = 0;
            while (prerendered[i] === rendered[i]) i += 1;
            assert.fail(`${where}: the texts part at ${i}:\n  prerendered: …${prerendered.slice(i - 60, i + 60)}…\n  the app:     …${rendered.slice(i - 60, i + 60)}…`);
          }
        }
      }
      app.assertClean();
    } finally {
      await page.close();
    }
  });
}
