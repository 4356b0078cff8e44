// The catalogue's filters: status, kind, words and order, kept in the address
// so a filtered view can be shared, reloaded and undone with Back.

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { useEnvironment, withPage, gotoApp, checkAxe, scrollIntoLayout, DIST } from './lib/browser.mjs';

const env = useEnvironment();
let missions;
before(async () => {
  missions = JSON.parse(await readFile(path.join(DIST, 'data', 'index.json'), 'utf8')).missions;
});

// textContent, not innerText: cards out of view are not laid out (content-visibility).
const acronyms = (page) => page.locator('main .card-acronym').allTextContents();

/** Waits until the cards show exactly these acronyms (the list renders after the address changes). */
async function expectCards(page, expected) {
  await page
    .waitForFunction(
      (want) => JSON.stringify([...document.querySelectorAll('main .card-acronym')].map((e) => e.textContent)) === JSON.stringify(want),
      expected,
      { timeout: 5000 },
    )
    .catch(() => {});
  assert.deepEqual(await acronyms(page), expected);
}

test('the catalogue lists every mission by name, and filters by status and kind in the address', async () => {
  await withPage(env, {}, async (page) => {
    await gotoApp(page, env.url(''));
    const all = await acronyms(page);
    assert.equal(all.length, missions.length);
    assert.deepEqual(all, [...all].sort(), 'A to Z');
    assert.equal(await page.locator('main .filter-status').innerText(), `Showing all ${missions.length} missions.`);

    await page.getByRole('combobox', { name: 'Status' }).selectOption('closed');
    await page.waitForURL(/\?status=closed$/);
    // Under the base with its slash: static hosts redirect /base to /base/ and drop the query.
    assert.equal(new URL(page.url()).pathname, env.path(''));
    const closed = missions.filter((m) => m.status === 'closed').map((m) => m.acronym).sort();
    await expectCards(page, closed);
    assert.equal(await page.locator('main .filter-status').innerText(), `Showing ${closed.length} of ${missions.length} missions.`);

    await page.getByRole('combobox', { name: 'Kind' }).selectOption('special-political-mission');
    await page.waitForURL(/\?status=closed&kind=special-political-mission$/);
    const both = missions.filter((m) => m.status === 'closed' && m.kind === 'special-political-mission').map((m) => m.acronym).sort();
    await expectCards(page, both);
    await checkAxe(page, 'filtered catalogue');

    // The address alone gives the same view.
    await gotoApp(page, page.url());
    await expectCards(page, both);
    assert.equal(await page.getByRole('combobox', { name: 'Status' }).inputValue(), 'closed');
    assert.equal(await page.getByRole('combobox', { name: 'Kind' }).inputValue(), 'special-political-mission');

    // Back undoes the last choice.
    await page.goBack();
    await page.waitForURL(/\?status=closed$/);
    await expectCards(page, closed);
  });
});

test('the catalogue filters by words as you type, in any case and without accents', async () => {
  await withPage(env, {}, async (page) => {
    await gotoApp(page, env.url(''));
    const box = page.getByRole('searchbox', { name: 'Name or country' });
    await box.fill('hudaydah');
    await page.waitForURL(/\?q=hudaydah$/);
    await expectCards(page, ['UNMHA']);
    await box.fill('IRAQ');
    await page.waitForURL(/\?q=IRAQ$/);
    await expectCards(page, ['UNAMI']);
    assert.ok(await box.evaluate((el) => el === document.activeElement), 'focus stays in the box');
    // Typing replaced the address rather than adding an entry a letter.
    await page.goBack();
    await page.waitForURL((u) => u.search === '');
    await expectCards(page, missions.map((m) => m.acronym).sort());

    await gotoApp(page, env.url('?q=nothing+like+this'));
    await expectCards(page, []);
    await page.getByRole('link', { name: 'Show all missions' }).click();
    await page.waitForURL((u) => u.search === '');
    await expectCards(page, missions.map((m) => m.acronym).sort());
  });
});

test('the catalogue sorts by start date either way', async () => {
  await withPage(env, {}, async (page) => {
    await gotoApp(page, env.url(''));
    await page.getByRole('combobox', { name: 'Order' }).selectOption('newest');
    await page.waitForURL(/\?sort=newest$/);
    // Missions that started on the same day stay in the order by name, either way.
    const byName = [...missions].sort((a, b) => (a.acronym < b.acronym ? -1 : a.acronym > b.acronym ? 1 : 0));
    const byStart = (sign) => [...byName].sort((a, b) => sign * (a.start < b.start ? -1 : a.start > b.start ? 1 : 0)).map((m) => m.acronym);
    await expectCards(page, byStart(-1));
    await gotoApp(page, env.url('?sort=oldest'));
    await expectCards(page, byStart(1));
  });
});

test('the catalogue filters by region, orders by size and shows each latest personnel figure', async () => {
  await withPage(env, {}, async (page) => {
    await gotoApp(page, env.url(''));
    await page.getByRole('combobox', { name: 'Region' }).selectOption('middle-east');
    await page.getByRole('combobox', { name: 'Order' }).selectOption('size');
    await page.waitForURL(/\?region=middle-east&sort=size$/);
    const inRegion = missions.filter((m) => m.region === 'middle-east');
    // Largest figure first, then the missions without one by name.
    const bySize = [...inRegion].sort(
      (a, b) => (b.personnel?.total ?? -1) - (a.personnel?.total ?? -1) || (a.acronym < b.acronym ? -1 : 1),
    );
    await expectCards(page, bySize.map((m) => m.acronym));
    // Only regions some mission is in are offered.
    const offered = await page.getByRole('combobox', { name: 'Region' }).locator('option').evaluateAll((os) => os.map((o) => o.value));
    assert.deepEqual(offered.slice(1).sort(), [...new Set(missions.map((m) => m.region))].sort());

    // Each card says its figure and the figure's date, or that the data has none.
    for (const m of bySize) {
      const card = page.locator('main .card').filter({ has: page.locator('.card-acronym', { hasText: new RegExp(`^${m.acronym}$`) }) });
      // Read in view, as a reader would: a card far down is laid out only when near the viewport.
      await scrollIntoLayout(card);
      const text = (await card.innerText()).replace(/\s+/g, ' ');
      if (m.personnel) {
        const figure = m.personnel.total.toLocaleString('en-US');
        // What the figure counts, when it is not people serving, and how old it is.
        const measure = { authorized: ' (authorized ceiling)', posts: ' (approved posts)', planned: ' (planned)' }[m.personnel.measure] ?? '';
        assert.ok(text.includes(`Personnel ${m.personnel.approximate ? 'about ' : ''}${figure}${measure}, as of `), `${m.acronym}: ${text}`);
        assert.ok(text.includes(m.personnel.as_of.slice(0, 4)), `${m.acronym} figure's year: ${text}`);
      } else {
        assert.ok(text.includes('Personnel No figure in the data'), `${m.acronym}: ${text}`);
      }
    }
    await checkAxe(page, 'catalogue by region and size');
  });
});

test('ticking missions on the catalogue opens them side by side', async () => {
  await withPage(env, {}, async (page) => {
    await gotoApp(page, env.url(''));
    const bar = page.locator('main .compare-bar [role="status"]');
    assert.match(await bar.innerText(), /Tick two to four missions/);
    await page.getByRole('checkbox', { name: 'Compare UNAMI', exact: true }).check();
    assert.match(await bar.innerText(), /1 mission chosen/);
    // The choice survives a change of filter.
    await page.getByRole('combobox', { name: 'Region' }).selectOption('asia');
    await page.waitForURL(/\?region=asia$/);
    await page.getByRole('checkbox', { name: 'Compare UNAMA' }).check();
    assert.match(await bar.innerText(), /2 missions chosen/);
    await checkAxe(page, 'catalogue with missions ticked');
    await page.locator('main .compare-bar').getByRole('button', { name: 'Compare' }).click();
    await page.waitForURL((u) => u.pathname === env.path('compare/') && u.search === '?ids=unami,unama');
    await page.waitForFunction(() => document.title.startsWith('UNAMI and UNAMA compared'));
  });
});
