// The compare page: missions side by side from the address, their key facts
// in one table, staff numbers on one chart, mandate areas and timelines
// aligned by year; choosing missions with the form (Back undoes it), ids the
// page ignores, the way in from an overview, and axe at desktop and phone
// widths in both themes.

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { useEnvironment, withPage, gotoApp, mainText, checkAxe, DIST, REPO_ROOT, sameFile } from './lib/browser.mjs';

const env = useEnvironment();
const data = {};
let index;
before(async () => {
  index = JSON.parse(await readFile(path.join(DIST, 'data', 'index.json'), 'utf8'));
  for (const { id } of index.missions) {
    data[id] = JSON.parse(await readFile(path.join(DIST, 'data', 'missions', `${id}.json`), 'utf8'));
  }
});

/** The text of the key-facts cell in the row headed `label`, column `column` (0-based). */
async function factCell(page, label, column) {
  const row = page.locator('main table.compare-table:not(.compare-years) tbody tr', {
    has: page.locator('th[scope="row"]', { hasText: label }),
  });
  assert.equal(await row.count(), 1, `one row "${label}"`);
  return (await row.locator('td').nth(column).innerText()).replace(/\s+/g, ' ').trim();
}

/** English text of a "YYYY", "YYYY-MM" or "YYYY-MM-DD" date, as the pages write it. */
function english(date) {
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const [y, m, d] = date.split('-');
  if (!m) return y;
  if (!d) return `${months[Number(m) - 1]} ${y}`;
  return `${Number(d)} ${months[Number(m) - 1]} ${y}`;
}

test('UNAMI and UNAMA from the address: key facts, chart, mandate areas and years', async () => {
  await withPage(env, {}, async (page) => {
    const [unami, unama] = [data.unami, data.unama];
    await gotoApp(page, env.url('compare?ids=unami,unama'));
    assert.equal(await page.title(), 'UNAMI and UNAMA compared · Mission Pages');
    assert.equal(await page.locator('main h1').innerText(), 'UNAMI and UNAMA compared');
    const description = await page.locator('head meta[name="description"]').getAttribute('content');
    assert.match(description, /UNAMI and UNAMA/);

    // Key facts: one table, a caption, the missions as column headers
    // linking to their overviews, a row header per fact.
    const table = page.locator('main table.compare-table').first();
    assert.ok((await table.locator('caption').innerText()).length > 0);
    const headers = table.locator('thead th[scope="col"] a');
    assert.deepEqual(await headers.allInnerTexts(), ['UNAMI', 'UNAMA']);
    assert.equal(await headers.nth(0).getAttribute('href'), env.path('missions/unami/'));
    assert.equal(await headers.nth(1).getAttribute('href'), env.path('missions/unama/'));
    assert.ok((await table.locator('tbody th[scope="row"]').count()) >= 9);

    // Values from each mission's file.
    assert.ok((await factCell(page, 'Headquarters', 0)).startsWith(unami.headquarters.value.en));
    assert.ok((await factCell(page, 'Headquarters', 1)).startsWith(unama.headquarters.value.en));
    assert.ok((await factCell(page, 'Established', 0)).startsWith(english(unami.established.date)));
    assert.ok((await factCell(page, 'Established', 1)).startsWith(english(unama.established.date)));
    const lastHead = (m) => m.leadership.find((p) => !p.reports_to).holders.at(-1).name.en;
    assert.ok((await factCell(page, 'Head of mission', 0)).includes(lastHead(unami)));
    assert.ok((await factCell(page, 'Head of mission', 1)).includes(lastHead(unama)));
    // The latest dated figure; of two with the same date, the head count (as Mission::latest_personnel).
    const headcount = (p) => (p.measure ? 0 : 1);
    // A plan only where there is nothing else.
    const latestOf = (figures) =>
      figures
        .filter((p) => p.as_of)
        .sort((a, b) => (a.as_of < b.as_of ? -1 : a.as_of > b.as_of ? 1 : headcount(a) - headcount(b)))
        .at(-1);
    const latest = (m) => latestOf(m.personnel.filter((p) => p.measure !== 'planned')) ?? latestOf(m.personnel);
    const measure = (p) => ({ authorized: ' (authorized ceiling)', posts: ' (approved posts)', planned: ' (planned)' })[p.measure] ?? '';
    for (const [i, m] of [unami, unama].entries()) {
      const p = latest(m);
      const total = p.total.toLocaleString('en-US');
      const text = await factCell(page, 'Personnel', i);
      assert.ok(text.startsWith(`${p.approximate ? 'about ' : ''}${total} people${measure(p)} (as of ${english(p.as_of)})`), text);
      assert.equal(await factCell(page, 'Resolutions', i), `${m.resolutions.length} resolutions`);
    }
    // A fact a mission lacks says so.
    assert.equal(unama.status.mandate_end, undefined);
    assert.equal(await factCell(page, 'Mandate end', 1), 'Not in the data');

    // Citations lead to the right mission's sources page.
    const unamaCite = table.locator('tbody tr', { has: page.locator('th', { hasText: 'Headquarters' }) }).locator('td').nth(1).locator('sup.cite a').first();
    const n = Number((await unamaCite.innerText()).replace(/\D/g, ''));
    const first = Math.min(...unama.headquarters.sources.map((id) => unama.sources.findIndex((s) => s.id === id) + 1));
    assert.equal(n, first, 'numbered as in UNAMA\'s own list of sources');
    assert.equal(await unamaCite.getAttribute('href'), env.path(`missions/unama/sources/#source-${n}`));
    assert.equal(await unamaCite.getAttribute('aria-label'), `UNAMA source ${n}`);
    await unamaCite.click();
    await page.waitForURL((u) => u.pathname === env.path('missions/unama/sources/') && u.hash === `#source-${n}`);
    await page.waitForFunction((id) => document.getElementById(id)?.classList.contains('targeted'), `source-${n}`);
    await page.goBack();
    await page.waitForURL(/compare\/\?ids=unami,unama$/);
    await page.locator('#compare-personnel-chart').waitFor();

    // One chart, a line and points per mission, a legend naming them.
    const figure = page.locator('#compare-personnel-chart');
    assert.equal(await figure.locator('.time-chart').count(), 1);
    assert.equal(await figure.locator(".plot svg path.line").count(), 2);
    const dated = (m) => m.personnel.filter((p) => p.as_of).length;
    const series = figure.locator('ul.points');
    assert.equal(await series.count(), 2);
    assert.equal(await series.nth(0).getAttribute('aria-label'), 'UNAMI: figures in the chart');
    assert.equal(await series.nth(0).locator('.point').count(), dated(unami));
    assert.equal(await series.nth(1).locator('.point').count(), dated(unama));
    assert.deepEqual(await figure.locator('.chart-legend li').allInnerTexts(), ['UNAMI', 'UNAMA']);
    // The two lines differ by more than colour: dash pattern and marker shape.
    const look = await figure.evaluate((fig) => {
      const lines = [...fig.querySelectorAll('.plot svg path.line')].map((l) => getComputedStyle(l).strokeDasharray);
      const marks = [...fig.querySelectorAll('ul.points')].map((ul) => {
        const s = getComputedStyle(ul.querySelector('.point'), '::before');
        return `${s.borderRadius} ${s.transform} ${s.clipPath}`;
      });
      return { lines, marks };
    });
    assert.notEqual(look.lines[0], look.lines[1], 'dash patterns differ');
    assert.notEqual(look.marks[0], look.marks[1], 'marker shapes differ');
    // Each point is focusable and its tooltip names the mission.
    // Points are in time order: the last is the latest figure.
    const point = series.nth(1).locator('.point').last();
    await point.focus();
    const tip = point.locator('.tip');
    assert.ok(await tip.evaluate((el) => el.getBoundingClientRect().width > 20), 'the tooltip shows on focus');
    const tipText = (await tip.innerText()).replace(/\s+/g, ' ');
    assert.match(tipText, /^UNAMA /i);
    assert.match(tipText, new RegExp(`As of ${english(latest(unama).as_of)}`));
    // The table view: a row per figure, with mission, date, people, source.
    await figure.getByRole('button', { name: 'Show as table' }).click();
    const rows = await figure.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [...tr.children].map((c) => c.textContent.replace(/\s+/g, ' ').trim())),
    );
    assert.equal(rows.length, unami.personnel.length + unama.personnel.length);
    assert.equal(rows.filter((r) => r[0] === 'UNAMA').length, unama.personnel.length);
    for (const r of rows) assert.match(r[3], /^\[\d+\]/, 'each figure cites a source');
    await figure.getByRole('button', { name: 'Show as table' }).click();

    // Mandate areas: each links to its place on the mission's mandate page.
    const areas = page.locator('#compare-mandate-unami + ul a');
    assert.equal(await areas.count(), unami.mandate.length);
    assert.equal(await areas.first().getAttribute('href'), env.path(`missions/unami/mandate/#mandate-${unami.mandate[0].id}`));
    if (unama.mandate?.length ?? 0) {
      assert.equal(await page.locator('#compare-mandate-unama + ul a').count(), unama.mandate.length);
    } else {
      assert.equal(await page.locator('#compare-mandate-unama + .missing').innerText(), 'Not in the data');
    }

    // Timelines by year: a row for 2007, and its links land on the timeline.
    const years = page.locator('main table.compare-years');
    assert.deepEqual(await years.locator('thead th[scope="col"]').allInnerTexts().then((t) => t.map((s) => s.split('\n')[0])), ['Year', 'UNAMI', 'UNAMA']);
    const allYears = new Set(
      [unami, unama].flatMap((m) => [...(m.resolutions ?? []).map((r) => r.adopted), ...(m.events ?? []).map((e) => e.date)]).map((d) => Number(d.slice(0, 4))),
    );
    assert.equal(await years.locator('tbody tr').count(), allYears.size, 'a row per year of either');
    const row2007 = years.locator('tbody tr', { has: page.locator('th[scope="row"]', { hasText: /^2007$/ }) });
    assert.equal(await row2007.count(), 1);
    const inYear = (m) => (m.resolutions ?? []).filter((r) => r.adopted.startsWith('2007')).length + (m.events ?? []).filter((e) => e.date.startsWith('2007')).length;
    assert.equal(await row2007.locator('td').nth(0).locator('li').count(), inYear(unami));
    assert.equal(await row2007.locator('td').nth(1).locator('li').count(), inYear(unama));
    const link = row2007.locator('td').nth(0).locator('a', { hasText: 'Resolution 1770' });
    assert.equal(await link.getAttribute('href'), env.path('missions/unami/timeline/#res-1770'));
    await link.click();
    await page.waitForURL(/missions\/unami\/timeline\/#res-1770$/);
    await page.waitForFunction(() => document.getElementById('res-1770')?.classList.contains('targeted'));
    assert.match(await page.locator('#res-1770 h3').innerText(), /Resolution 1770 \(2007\)/);
  });
});

test('adding a mission with the form, removing one, and Back', async () => {
  await withPage(env, {}, async (page) => {
    await gotoApp(page, env.url('compare?ids=unami,unama'));
    const select = page.getByRole('combobox', { name: 'Add a mission' });
    const offered = await select.locator('option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
    assert.equal(offered.length, index.missions.length - 2, 'every mission not yet chosen');
    assert.ok(!offered.includes('unami') && !offered.includes('unama'));
    await select.selectOption('unsmil');
    await page.getByRole('button', { name: 'Add to the comparison' }).click();
    await page.waitForURL(/compare\/\?ids=unami,unama,unsmil$/);
    await page.waitForFunction(() => document.querySelectorAll('main table.compare-table:not(.compare-years) thead th[scope="col"] a').length === 3);
    assert.equal(await page.locator('main h1').innerText(), 'UNAMI, UNAMA and UNSMIL compared');
    assert.equal(await page.locator('#compare-personnel-chart ul.points').count(), 3);
    assert.equal(await page.locator('#compare-personnel-chart .chart-legend li').count(), 3);

    // Remove UNAMA: a link, so it works without script too.
    const remove = page.getByRole('link', { name: 'Remove UNAMA from the comparison' });
    assert.equal(await remove.getAttribute('href'), env.path('compare/?ids=unami,unsmil'));
    await remove.click();
    await page.waitForURL(/compare\/\?ids=unami,unsmil$/);
    await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'UNAMI and UNSMIL compared');

    // Back restores each step.
    await page.goBack();
    await page.waitForURL(/compare\/\?ids=unami,unama,unsmil$/);
    await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'UNAMI, UNAMA and UNSMIL compared');
    await page.goBack();
    await page.waitForURL(/compare\/\?ids=unami,unama$/);
    await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'UNAMI and UNAMA compared');
  });
});

test('the form works without JavaScript: repeated ids become the comma-separated address', async () => {
  await withPage(env, {}, async (page) => {
    // What the GET form (or the catalogue's checkboxes) submits.
    await gotoApp(page, env.url('compare?ids=unami%2Cunama&ids=unsmil'));
    await page.waitForURL(/compare\/\?ids=unami,unama,unsmil$/);
    assert.equal(await page.locator('main h1').innerText(), 'UNAMI, UNAMA and UNSMIL compared');
    await gotoApp(page, env.url('compare?ids=unami&ids=unama'));
    await page.waitForURL(/compare\/\?ids=unami,unama$/);
    // The form itself: GET to the compare page, the chosen ids kept.
    const form = page.locator('main form.compare-add');
    assert.equal(await form.getAttribute('method'), 'get');
    assert.equal(await form.getAttribute('action'), env.path('compare/'));
    assert.equal(await form.locator('input[type="hidden"][name="ids"]').getAttribute('value'), 'unami,unama');
    assert.equal(await form.locator('select').getAttribute('name'), 'ids');
  });
});

test('fewer than two missions, unknown and invalid ids, and more than four', async () => {
  await withPage(env, {}, async (page) => {
    await gotoApp(page, env.url('compare'));
    assert.equal(await page.locator('main h1').innerText(), 'Compare missions');
    assert.match(await mainText(page), /two to four missions side by side/);
    assert.equal(await page.locator('main table').count(), 0);
    assert.ok(await page.getByRole('combobox', { name: 'Add a mission' }).isVisible());

    await gotoApp(page, env.url('compare?ids=unami,nosuch,..%2Fetc,UNAMA'));
    await page.waitForURL(/compare\/\?ids=unami,nosuch,\.\.%2Fetc,UNAMA$/);
    const notice = (await page.locator('main .compare-ignored').innerText()).replace(/\s+/g, ' ');
    assert.match(notice, /“nosuch”/);
    assert.match(notice, /no mission in our data has this id/);
    assert.match(notice, /“\.\.\/etc” and “UNAMA”: they are not mission ids/);
    assert.match(await mainText(page), /Choose a second mission to compare with UNAMI\./);
    await checkAxe(page, 'compare with one mission and ignored ids');

    const five = ['unami', 'unama', 'unsmil', 'unmha', 'unitams'];
    await gotoApp(page, env.url(`compare?ids=${five.join(',')}`));
    const acronyms = five.map((id) => data[id].acronym);
    assert.match(await page.locator('main .compare-ignored').innerText(), new RegExp(`showing the first 4, without ${acronyms[4]}`));
    await page.waitForFunction(() => document.querySelectorAll('#compare-personnel-chart').length === 1);
    assert.deepEqual(
      await page.locator('main table.compare-table:not(.compare-years) thead th[scope="col"] a').allInnerTexts(),
      acronyms.slice(0, 4),
    );
    assert.match(await mainText(page), /4 missions is the most this page compares/);
  });
});

test('the overview links to the compare page, which asks for a second mission', async () => {
  await withPage(env, {}, async (page) => {
    await gotoApp(page, env.url('missions/unama'));
    const link = page.getByRole('link', { name: 'Compare with other missions' });
    assert.equal(await link.getAttribute('href'), env.path('compare/?ids=unama'));
    await link.click();
    await page.waitForURL(/compare\/\?ids=unama$/);
    await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Compare missions');
    assert.match(await mainText(page), /Choose a second mission to compare with UNAMA\./);
    await page.getByRole('combobox', { name: 'Add a mission' }).selectOption('unami');
    await page.getByRole('button', { name: 'Add to the comparison' }).click();
    await page.waitForURL(/compare\/\?ids=unama,unami$/);
    await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'UNAMA and UNAMI compared');
  });
});

test('a mission file that fails is named with a retry, and the others still show', async () => {
  await withPage(env, { allow: ['data/missions/unama.json'] }, async (page) => {
    let fail = true;
    await page.route(sameFile('**/data/missions/unama.json'), (route) => (fail ? route.fulfill({ status: 500, body: '' }) : route.continue()));
    await gotoApp(page, env.url('compare?ids=unami,unama,unsmil'));
    const alert = page.locator('main .load-error[role="alert"]');
    await alert.waitFor();
    assert.match(await alert.innerText(), /data\/missions\/unama\.json/);
    const headers = page.locator('main table.compare-table:not(.compare-years) thead th[scope="col"] a');
    assert.deepEqual(await headers.allInnerTexts(), ['UNAMI', 'UNSMIL'], 'the others are compared');
    fail = false;
    await alert.getByRole('button', { name: 'Try again' }).click();
    await page.waitForFunction(() => document.querySelectorAll('main table.compare-table:not(.compare-years) thead th[scope="col"] a').length === 3);
    assert.equal(await alert.count(), 0);
  });
});

test('axe passes and nothing scrolls sideways, at 1280 px and at 390 px in light and dark', async () => {
  for (const [width, height] of [[1280, 900], [390, 844]]) {
    for (const colorScheme of ['light', 'dark']) {
      await withPage(env, { viewport: { width, height }, colorScheme }, async (page) => {
        for (const ids of ['unami,unama', 'unami,unama,unsmil,unmha']) {
          await gotoApp(page, env.url(`compare?ids=${ids}`));
          await page.locator('#compare-personnel-chart').waitFor();
          const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
          assert.ok(scroll <= width, `compare?ids=${ids} is ${scroll}px wide at ${width}px (${colorScheme})`);
          await checkAxe(page, `compare?ids=${ids} at ${width}px, ${colorScheme}`);
          // The chart's table view, too.
          await page.locator('#compare-personnel-chart').getByRole('button', { name: 'Show as table' }).click();
          await checkAxe(page, `compare table view at ${width}px, ${colorScheme}`);
        }
      });
    }
  }
});

test('in Arabic: right to left, headings and row labels from locales/ar.json, data in Arabic, axe in light and dark', async () => {
  const ar = JSON.parse(await readFile(path.join(REPO_ROOT, 'locales', 'ar.json'), 'utf8'));
  const [unami, unama] = [data.unami, data.unama];
  const names = `${unami.acronym}${ar.list_and}${unama.acronym}`;
  for (const colorScheme of ['light', 'dark']) {
    await withPage(env, { viewport: { width: 1280, height: 900 }, colorScheme }, async (page) => {
      await gotoApp(page, env.url('ar/compare?ids=unami,unama'));
      await page.locator('#compare-personnel-chart').waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'ar');
      assert.equal(await page.locator('main h1').innerText(), ar.cmp_heading.replace('{names}', names));
      assert.match(await page.title(), new RegExp(`^${ar.cmp_heading.replace('{names}', names)} · `));
      const h2 = await page.locator('main h2').allInnerTexts();
      for (const key of ['cmp_chosen_heading', 'cmp_facts_heading', 'cmp_personnel_heading', 'cmp_mandate_heading', 'cmp_timeline_heading']) {
        assert.ok(h2.includes(ar[key]), `${key}: ${ar[key]} in ${h2.join(' | ')}`);
      }
      // Row labels, the missing fact, dates and counts in Arabic.
      const rows = page.locator('main table.compare-table:not(.compare-years) tbody th[scope="row"]');
      assert.deepEqual(await rows.allInnerTexts(), [
        'status', 'established', 'mandate_end', 'headquarters', 'head', 'personnel', 'budget', 'resolutions', 'offices',
      ].map((k) => ar[`cmp_row_${k}`]));
      assert.equal(await factCell(page, ar.cmp_row_mandate_end, 1), ar.cmp_missing);
      assert.ok((await factCell(page, ar.cmp_row_status, 0)).startsWith(ar.cmp_status_ended.replace('{status}', ar[`status_${unami.status.state}`]).split('{date}')[0]));
      const month = ar[`month_${unami.established.date.slice(5, 7)}`];
      assert.ok((await factCell(page, ar.cmp_row_established, 0)).includes(month), 'the date in Arabic');
      assert.ok((await factCell(page, ar.cmp_row_headquarters, 0)).startsWith(unami.headquarters.value.ar ?? unami.headquarters.value.en));
      // Mandate areas and timeline entries from the data's Arabic texts.
      const firstArea = unami.mandate[0].title;
      assert.ok((await page.locator('#compare-mandate-unami + ul a').first().innerText()).startsWith(firstArea.ar ?? firstArea.en));
      const row2007 = page.locator('main table.compare-years tbody tr', { has: page.locator('th[scope="row"]', { hasText: /^2007$/ }) });
      const res1770 = ar.resolution_label.replace('{number}', '1770').replace('{year}', '2007');
      assert.equal(await row2007.locator('td').nth(0).locator('a', { hasText: res1770 }).count(), 1);
      assert.equal(await page.locator('main table.compare-years thead th[scope="col"]').first().innerText(), ar.cmp_year);
      // The chart: one line per mission, its legend in the missions' order.
      assert.equal(await page.locator('#compare-personnel-chart .plot svg path.line').count(), 2);
      const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(scroll <= 1280, `no sideways scroll (${scroll}px)`);
      await checkAxe(page, `Arabic compare, ${colorScheme}`);
    });
  }
});
