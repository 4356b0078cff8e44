// What the UNAMI pages say: the facts on the overview, the citations and the
// source list, and the content of each section page.

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { useEnvironment, withPage, gotoApp, mainText, checkAxe, DIST } from './lib/browser.mjs';

const env = useEnvironment();
let unami; // the data file the pages are built from, as served
before(async () => {
  unami = JSON.parse(await readFile(path.join(DIST, 'data', 'missions', 'unami.json'), 'utf8'));
});

/** The text of one key fact (the <dd> after the <dt> with this label). */
async function fact(page, label) {
  const dd = page.locator('.key-facts .fact', { has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) }).locator('dd');
  assert.equal(await dd.count(), 1, `one key fact "${label}"`);
  return (await dd.innerText()).replace(/\s+/g, ' ').trim();
}

test('the overview states the facts of UNAMI', async () => {
  await withPage(env, {}, async (page) => {
    await gotoApp(page, env.url('missions/unami'));
    const text = await mainText(page);

    const h1 = (await page.locator('main h1').innerText()).replace(/\s+/g, ' ');
    assert.match(h1, /United Nations Assistance Mission for Iraq/);
    assert.match(h1, /\bUNAMI\b/);

    const established = await fact(page, 'Established');
    assert.match(established, /14 August 2003/);
    assert.match(established, /resolution 1500 \(2003\)/i);
    assert.match(established, /at the request of the Government of Iraq/);
    assert.equal(await page.locator('.key-facts time[datetime="2003-08-14"]').count(), 1);

    // The milestone resolutions.
    assert.match(text, /Resolution 1500 \(2003\), adopted 14 August 2003/);
    assert.match(text, /Resolution 1770 \(2007\), adopted 10 August 2007/);
    assert.match(text, /Resolution 2732 \(2024\), adopted 31 May 2024/);
    assert.equal(await page.locator('.milestones time[datetime="2007-08-10"]').count(), 1);

    const head = await fact(page, 'Head of mission');
    assert.match(head, /Special Representative of the Secretary-General/);
    assert.match(head, /Mohamed Al Hassan/);

    const deputies = page.locator('.key-facts .fact', { has: page.locator('dt', { hasText: /^Deputies$/ }) }).locator('li.post');
    assert.equal(await deputies.count(), 2, 'two deputies');
    for (let i = 0; i < 2; i += 1) {
      const portfolio = deputies.nth(i).locator('.portfolio');
      assert.equal(await portfolio.count(), 1, `deputy ${i + 1} has a portfolio line`);
      assert.match(await portfolio.innerText(), /^Portfolio: \S/);
    }

    const personnel = await fact(page, 'Personnel');
    assert.match(personnel, /648: 251 international staff and 397 national staff/);
    assert.match(personnel, /\(Undated/i, 'the 648 figure says it is undated');
    assert.match(personnel, /636 \(as of 2025\)/);
    // Dated figures come first, then the undated ones.
    assert.ok(personnel.indexOf('636') < personnel.indexOf('648'), 'the dated figure is listed first');

    const departments = await fact(page, 'Headquarters departments');
    assert.match(departments, /Administered by DPPA, supported by DPO and DOS/);

    // The closure notice.
    const notice = page.locator('main section.notice-closed');
    assert.equal(await notice.count(), 1);
    const noticeText = (await notice.innerText()).replace(/\s+/g, ' ');
    assert.match(noticeText, /\bclosed\b/);
    assert.match(noticeText, /resolution 2732 \(2024\)/i);
    assert.match(noticeText, /31 December 2025/);
    assert.equal(await notice.locator('time[datetime="2025-12-31"]').count(), 1);
    assert.match(await fact(page, 'Status'), /Closed: mandate ended 31 December 2025/);
  });
});

test('every citation on the overview points to an entry of its source list', async () => {
  await withPage(env, {}, async (page) => {
    await gotoApp(page, env.url('missions/unami'));
    const { cites, entries } = await page.evaluate(() => ({
      cites: [...document.querySelectorAll('main sup.cite a')].map((a) => ({
        href: a.getAttribute('href'),
        text: a.textContent,
        label: a.getAttribute('aria-label'),
      })),
      entries: [...document.querySelectorAll('main ol.source-list > li')].map((li) => ({
        id: li.id,
        value: li.getAttribute('value'),
        address: li.querySelector('a.source-url')?.getAttribute('href'),
      })),
    }));
    assert.ok(cites.length >= 20, `many citations (got ${cites.length})`);
    const ids = new Set(entries.map((e) => e.id));
    const cited = new Set();
    for (const cite of cites) {
      // The fragment names the entry (whatever comes before the # is checked by the next test).
      const fragment = cite.href.slice(cite.href.indexOf('#'));
      assert.match(fragment, /^#source-\d+$/, `citation ${cite.text}: ${cite.href}`);
      assert.ok(ids.has(fragment.slice(1)), `citation ${cite.text} → ${cite.href} exists in the source list`);
      cited.add(fragment.slice(1));
      const n = fragment.replace('#source-', '');
      assert.equal(cite.text, `[${n}]`);
      assert.equal(cite.label, `Source ${n}`);
    }
    // The list holds exactly the sources the page cites, numbered as in the
    // mission's whole list, each with its web address.
    assert.deepEqual([...ids].sort(), [...cited].sort());
    for (const e of entries) {
      assert.equal(e.id, `source-${e.value}`);
      assert.match(e.address, /^https?:\/\/\S+$/, `${e.id} links to a web address`);
      const source = unami.sources[Number(e.value) - 1];
      const li = page.locator(`#${e.id}`);
      assert.equal(await li.locator('cite').innerText(), source.title.en);
      assert.equal(e.address, source.url);
      assert.equal(await li.locator('a.source-url').getAttribute('rel'), 'external noopener noreferrer');
    }
    // And it leads to the mission's whole bibliography.
    const all = page.getByRole('link', { name: `All ${unami.sources.length} sources for UNAMI` });
    assert.equal(await all.getAttribute('href'), env.path('missions/unami/sources/'));
  });
});

test('following a citation stays on the page and shows the source', async () => {
  await withPage(env, {}, async (page) => {
    await gotoApp(page, env.url('missions/unami'));
    const pathname = env.path('missions/unami/');
    const first = page.locator('main .key-facts sup.cite a').first();
    const href = await first.getAttribute('href');
    const { resolved, hash } = await first.evaluate((a) => ({ resolved: new URL(a.href).pathname, hash: new URL(a.href).hash }));
    assert.equal(resolved, pathname, `citation href="${href}" must resolve to this page, not ${resolved}`);
    await first.click();
    await page.waitForTimeout(300);
    const url = new URL(page.url());
    assert.equal(url.pathname, pathname, 'still on the overview after following a citation');
    assert.equal(url.hash, hash);
    assert.match(await page.locator('main h1').innerText(), /United Nations Assistance Mission for Iraq/);
    const target = page.locator(`main ol.source-list > li${hash}`);
    assert.equal(await target.count(), 1);
    const inView = await target.evaluate((el) => {
      const box = el.getBoundingClientRect();
      return box.top >= -1 && box.top < innerHeight;
    });
    assert.ok(inView, `the cited source ${href} is scrolled into view`);
  });
});

test('the timeline lists every resolution and event in date order', async () => {
  await withPage(env, {}, async (page) => {
    await gotoApp(page, env.url('missions/unami/timeline'));
    const items = await page.locator('main ol.timeline > li').evaluateAll((lis) =>
      lis.map((li) => ({ id: li.id, date: li.querySelector('time')?.getAttribute('datetime'), text: li.textContent })),
    );
    assert.equal(items.length, unami.resolutions.length + unami.events.length);
    // ISO dates of mixed precision ("2003", "2003-08", "2003-08-14") sort as text in date order.
    const dates = items.map((i) => i.date);
    assert.deepEqual(dates, [...dates].sort(), 'oldest first');
    const ids = new Set(items.map((i) => i.id));
    for (const r of unami.resolutions) assert.ok(ids.has(`res-${r.number}`), `#res-${r.number}`);
    for (const e of unami.events) assert.ok(ids.has(`ev-${e.id}`), `#ev-${e.id}`);
    assert.equal(ids.size, items.length, 'every anchor is unique');
    const res1770 = items.find((i) => i.id === 'res-1770');
    assert.equal(res1770.date, '2007-08-10');
    assert.match(res1770.text, /Resolution 1770 \(2007\)/);
    // Where sources disagree, the other readings are shown beside the entry.
    const canal = await page.locator('main ol.timeline > li', { hasText: 'Canal Hotel' }).first().innerText();
    assert.match(canal, /Sources differ/);
    await checkCitations(page);
  });
});

test('the leadership page lists each post and its holders', async () => {
  await withPage(env, {}, async (page) => {
    await gotoApp(page, env.url('missions/unami/leadership'));
    const text = await mainText(page);
    assert.equal(await page.locator('main .post-block').count(), unami.leadership.length);
    for (const post of unami.leadership) {
      assert.ok(text.includes(post.title.en), post.title.en);
      for (const h of post.holders) assert.ok(text.includes(h.name.en), h.name.en);
    }
    await checkCitations(page);
  });
});

test('the personnel page has tables of dated figures and budgets', async () => {
  await withPage(env, {}, async (page) => {
    await gotoApp(page, env.url('missions/unami/personnel'));
    for (const button of await page.getByRole('button', { name: 'Show as table' }).all()) await button.click();
    const region = page.locator('main .table-scroll[aria-label="Personnel figures"]');
    const table = region.locator('table');
    assert.equal(await table.count(), 1);
    assert.match(await table.locator('caption').innerText(), /Personnel figures/);
    assert.equal(await table.locator('thead th[scope="col"]').count(), 5);
    const rows = await table.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [...tr.children].map((c) => c.textContent.replace(/\s+/g, ' ').trim())),
    );
    assert.equal(rows.length, unami.personnel.length);
    const byTotal = Object.fromEntries(rows.map((r) => [r[1], r]));
    assert.match(byTotal['648'][0], /^Undated/);
    assert.match(byTotal['648'][2], /International staff: 251; National staff: 397/);
    assert.equal(byTotal['636'][0], '2025');
    assert.equal(byTotal['1,104'][0], 'August 2009');
    assert.ok(byTotal['about 1,000'], 'approximate figures say so');
    // The scrolling table regions can be reached by keyboard and are named.
    assert.equal(await region.getAttribute('tabindex'), '0');
    const budget = page.locator('main .table-scroll[aria-label="Budget figures"] tbody tr');
    assert.equal(await budget.count(), unami.budget.length);
    assert.match(await page.locator('main .table-scroll[aria-label="Budget figures"]').innerText(), /\$158,990,000/);
    await checkCitations(page);
  });
});

test('the mandate, offices and sources pages show their content', async () => {
  await withPage(env, {}, async (page) => {
    await gotoApp(page, env.url('missions/unami/mandate'));
    assert.ok((await mainText(page)).includes(unami.summary.value.en));
    await checkCitations(page);

    await gotoApp(page, env.url('missions/unami/mandate'));
    assert.equal(await page.locator('main .mandate-areas > li').count(), unami.mandate.length);
    // A mandate area links to the resolution that introduced it, on the timeline.
    const link = page.locator('main .mandate-areas a', { hasText: 'Resolution 1770 (2007)' }).first();
    assert.equal(await link.getAttribute('href'), env.path('missions/unami/timeline/#res-1770'));

    await gotoApp(page, env.url('missions/unami/offices'));
    const offices = await mainText(page);
    for (const o of unami.offices) assert.ok(offices.includes(o.name.en), o.name.en);
    assert.match(offices, /Closed 30 April 2025/, 'Kirkuk closed on 30 April 2025');
    await checkCitations(page);

    await gotoApp(page, env.url('missions/unami/sources'));
    // The sources page is the list itself, not the list twice.
    assert.equal(await page.locator('main ol.source-list').count(), 1);
    assert.equal(await page.locator('main ol.source-list > li').count(), unami.sources.length);
    assert.equal(await page.locator('main #sources-heading').count(), 0);
  });
});

/** Every citation on a section page points to an entry of its source list. */
async function checkCitations(page) {
  const broken = await page.evaluate(() =>
    [...document.querySelectorAll('main sup.cite a')]
      .map((a) => a.getAttribute('href'))
      .filter((h) => {
        const fragment = h.slice(h.indexOf('#'));
        return !/^#source-\d+$/.test(fragment) || !document.querySelector(`main ol.source-list > li${fragment}`);
      }),
  );
  assert.deepEqual(broken, [], 'citations without a source list entry');
}
