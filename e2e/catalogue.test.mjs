// The catalogue's filters: status, kind, words and order, kept in the address
// so a filtered view can be shared, reloaded and undone with Back.

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { useEnvironment, withPage, gotoApp, checkAxe, DIST } from './lib/browser.mjs';

const env = useEnvironment();
let missions;
before(async () => {
  missions = JSON.parse(await readFile(path.join(DIST, 'data', 'index.json'), 'utf8')).missions;
});

const acronyms = (page) => page.locator('main .card-acronym').allInnerTexts();

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
    const byStart = [...missions].sort((a, b) => (a.start < b.start ? 1 : a.start > b.start ? -1 : 0)).map((m) => m.acronym);
    await expectCards(page, byStart);
    await gotoApp(page, env.url('?sort=oldest'));
    await expectCards(page, [...byStart].reverse());
  });
});
