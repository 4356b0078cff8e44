// The interactive mission pages: every section of UNAMI and of two other
// missions, with their key facts, footnotes and links back, the mandate's
// disclosures, the timeline's filters in the address, the organisation chart,
// the charts with their tables and CSV downloads, and the offices map.
// Axe runs on each page, at desktop and phone widths.

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { useEnvironment, withPage, gotoApp, mainText, checkAxe, checkFootnotes, DIST } from './lib/browser.mjs';

const env = useEnvironment();
const MISSIONS = ['unami', 'unsmil', 'unama'];
const SECTIONS = ['mandate', 'timeline', 'leadership', 'personnel', 'offices', 'sources'];
const data = {};
before(async () => {
  for (const id of MISSIONS) {
    data[id] = JSON.parse(await readFile(path.join(DIST, 'data', 'missions', `${id}.json`), 'utf8'));
  }
});

for (const id of MISSIONS) {
  test(`${id}: every section has its title, navigation, footnotes, and passes axe`, async () => {
    await withPage(env, {}, async (page) => {
      const m = data[id];
      for (const slug of SECTIONS) {
        await gotoApp(page, env.url(`missions/${id}/${slug}`));
        assert.match(await page.title(), new RegExp(`· ${m.acronym} · Mission Pages$`), `${id}/${slug} title`);
        const description = await page.locator('head meta[name="description"]').getAttribute('content');
        assert.ok(description && description.includes(m.acronym), `${id}/${slug} has a description naming the mission`);
        const current = page.locator('nav.section-nav a[aria-current="page"]');
        assert.equal(await current.count(), 1);
        assert.equal(await current.getAttribute('href'), env.path(`missions/${id}/${slug}/`));
        if (slug !== 'sources') assert.ok((await checkFootnotes(page)) > 0, `${id}/${slug} cites sources`);
        await checkAxe(page, `${id}/${slug}`);
      }
    });
  });

  test(`${id}: every section reads at 390 px without sideways scrolling, light and dark`, async () => {
    for (const colorScheme of ['light', 'dark']) {
      await withPage(env, { viewport: { width: 390, height: 844 }, colorScheme }, async (page) => {
        for (const slug of SECTIONS) {
          await gotoApp(page, env.url(`missions/${id}/${slug}`));
          const width = await page.evaluate(() => document.documentElement.scrollWidth);
          assert.ok(width <= 390, `${id}/${slug} is ${width}px wide at 390px (${colorScheme})`);
          await checkAxe(page, `${id}/${slug} at 390px, ${colorScheme}`);
        }
      });
    }
  });
}

test('UNAMI mandate: each area is a disclosure that opens by mouse, keyboard and address', async () => {
  await withPage(env, {}, async (page) => {
    const m = data.unami;
    await gotoApp(page, env.url('missions/unami/mandate'));
    const areas = page.locator('main .mandate-area');
    assert.equal(await areas.count(), m.mandate.length);
    assert.equal(await page.locator('main .mandate-area details[open]').count(), 0, 'closed at first');

    // Mouse.
    const first = areas.first();
    await first.locator('summary').click();
    assert.equal(await first.locator('details').getAttribute('open'), '');
    assert.ok(await first.locator('.area-body').isVisible());

    // Keyboard: Enter on the focused summary toggles it.
    const second = areas.nth(1);
    await second.locator('summary').focus();
    await page.keyboard.press('Enter');
    assert.ok(await second.locator('.area-body').isVisible(), 'Enter opens');
    await page.keyboard.press('Enter');
    assert.ok(!(await second.locator('.area-body').isVisible()), 'Enter closes');

    // The area shows which resolution introduced it, linked to the timeline.
    const political = m.mandate.find((a) => a.introduced_by === 1770);
    const area = page.locator(`#mandate-${political.id}`);
    assert.match(await area.locator('summary').innerText(), /Since resolution 1770 \(2007\)/);
    await area.locator('summary').click();
    const link = area.locator('.area-body a', { hasText: 'Resolution 1770 (2007)' });
    assert.equal(await link.getAttribute('href'), env.path('missions/unami/timeline/#res-1770'));
    await link.click();
    await page.waitForURL(/timeline\/#res-1770$/);
    await page.waitForFunction(() => document.getElementById('res-1770')?.classList.contains('targeted'));
    const inView = await page.locator('#res-1770').evaluate((el) => {
      const box = el.getBoundingClientRect();
      return box.top >= -1 && box.top < innerHeight;
    });
    assert.ok(inView, 'the resolution is scrolled into view on the timeline');

    // "Open all", and an address pointing into a closed area opens it.
    await gotoApp(page, env.url('missions/unami/mandate'));
    await page.getByRole('button', { name: 'Open all' }).click();
    assert.equal(await page.locator('main .mandate-area details[open]').count(), m.mandate.length);
    await page.getByRole('button', { name: 'Close all' }).click();
    assert.equal(await page.locator('main .mandate-area details[open]').count(), 0);
    const last = m.mandate[m.mandate.length - 1];
    await page.goto('about:blank');
    await gotoApp(page, env.url(`missions/unami/mandate#mandate-${last.id}`));
    await page.waitForFunction((id) => document.querySelector(`#${id} details`)?.open, `mandate-${last.id}`);
  });
});

test('UNAMI timeline: filters by kind and year live in the address and survive reload and back', async () => {
  await withPage(env, {}, async (page) => {
    const m = data.unami;
    const total = m.resolutions.length + m.events.length;
    await gotoApp(page, env.url('missions/unami/timeline'));
    // What is shown: a filter hides entries, it does not remove them.
    const entries = page.locator('main ol.timeline > li:visible');
    assert.equal(await entries.count(), total);
    assert.equal(await page.locator('main .filter-status').innerText(), `Showing all ${total} entries.`);

    // Keyboard: Space on the focused checkbox unticks "Events".
    const events = page.getByRole('checkbox', { name: /^Events/ });
    await events.focus();
    await page.keyboard.press('Space');
    await page.waitForURL(/\?kind=resolution&kind=leadership$/);
    assert.equal(await events.isChecked(), false);
    assert.ok(await events.evaluate((el) => el === document.activeElement), 'focus stays on the checkbox');
    await page.getByRole('checkbox', { name: /^Leadership changes/ }).uncheck();
    await page.waitForURL(/\?kind=resolution$/);
    assert.equal(await entries.count(), m.resolutions.length);
    assert.equal(await page.locator('main ol.timeline > li.entry-resolution:visible').count(), m.resolutions.length);
    assert.equal(await page.locator('main .filter-status').innerText(), `Showing ${m.resolutions.length} of ${total} entries.`);

    // A year range.
    await page.getByRole('combobox', { name: 'From' }).selectOption('2010');
    await page.waitForURL(/\?kind=resolution&from=2010$/);
    await page.getByRole('combobox', { name: 'To' }).selectOption('2015');
    await page.waitForURL(/\?kind=resolution&from=2010&to=2015$/);
    const inRange = m.resolutions.filter((r) => r.year >= 2010 && r.year <= 2015).length;
    assert.ok(inRange > 0);
    assert.equal(await entries.count(), inRange);
    const years = await entries.locator('time').evaluateAll((ts) => ts.map((t) => Number(t.getAttribute('datetime').slice(0, 4))));
    assert.ok(years.every((y) => y >= 2010 && y <= 2015), `years ${years}`);
    const headings = await page.locator('main .year-heading:visible').allInnerTexts();
    assert.deepEqual(headings, [...new Set(years.map(String))], 'one heading a year');
    // The footnotes follow: only the sources of the entries shown.
    assert.match(await page.locator('#sources-heading').innerText(), /Sources for the entries shown/);
    await checkFootnotes(page);

    // The address alone gives the same view: reload it.
    const filtered = page.url();
    await gotoApp(page, filtered);
    assert.equal(await entries.count(), inRange);
    assert.equal(await page.getByRole('checkbox', { name: /^Resolutions/ }).isChecked(), true);
    assert.equal(await page.getByRole('checkbox', { name: /^Events/ }).isChecked(), false);
    assert.equal(await page.getByRole('combobox', { name: 'From' }).inputValue(), '2010');
    assert.equal(await page.getByRole('combobox', { name: 'To' }).inputValue(), '2015');
    await checkAxe(page, 'filtered timeline');

    // Back undoes the last change.
    await page.goBack();
    await page.waitForURL(/\?kind=resolution&from=2010$/);
    assert.equal(await page.getByRole('combobox', { name: 'To' }).inputValue(), '');
    assert.equal(await entries.count(), m.resolutions.filter((r) => r.year >= 2010).length);

    // A footnote keeps the filters in the address.
    const cite = page.locator('main ol.timeline sup.cite a').first();
    assert.match(await cite.getAttribute('href'), /\?kind=resolution&from=2010#source-\d+$/);

    // "Show everything" clears them; nothing matches shows a message.
    await page.getByRole('link', { name: 'Show everything' }).click();
    await page.waitForURL((u) => u.search === '' && u.pathname.endsWith('/timeline/'));
    assert.equal(await entries.count(), total);
    await gotoApp(page, env.url('missions/unami/timeline?kind='));
    assert.equal(await entries.count(), 0);
    assert.match(await mainText(page), /No entry matches these filters/);
  });
});

test('UNAMI timeline: an entry has its anchor, date, what it did and its sources', async () => {
  await withPage(env, {}, async (page) => {
    await gotoApp(page, env.url('missions/unami/timeline#res-1770'));
    const entry = page.locator('#res-1770');
    await page.waitForFunction(() => document.getElementById('res-1770')?.classList.contains('targeted'));
    assert.equal(await entry.locator('time').getAttribute('datetime'), '2007-08-10');
    assert.equal(await entry.locator('h3').innerText(), 'Resolution 1770 (2007)');
    const r = data.unami.resolutions.find((x) => x.number === 1770);
    assert.ok((await entry.innerText()).includes(r.effect.en));
    assert.ok((await entry.locator('sup.cite a').count()) >= 1);

    // Footnote and back: [n] leads to the source, "Cited for" leads back.
    const cite = entry.locator('sup.cite a').first();
    const hash = new URL(await cite.evaluate((a) => a.href)).hash;
    await cite.click();
    await page.waitForFunction((h) => document.querySelector(h)?.classList.contains('targeted'), hash);
    const back = page.locator(`${hash} .cited-by a`, { hasText: 'Resolution 1770 (2007)' });
    await back.click();
    await page.waitForFunction(() => document.getElementById('res-1770')?.classList.contains('targeted'));
  });
});

test('UNAMI leadership: the organisation chart is a nested list of posts with holders', async () => {
  await withPage(env, {}, async (page) => {
    const m = data.unami;
    await gotoApp(page, env.url('missions/unami/leadership'));
    const head = m.leadership.find((p) => !p.reports_to);
    const deputies = m.leadership.filter((p) => p.reports_to === head.id);
    assert.ok(deputies.length >= 2);
    const root = page.locator('main ul.org-chart > li');
    assert.equal(await root.count(), 1);
    assert.equal(await root.locator(':scope > .org-post .org-title').innerText(), head.title.en);
    assert.equal(await root.locator(':scope > ul > li').count(), deputies.length);
    // What a screen reader gets: a list whose item holds a list of the deputies.
    const snapshot = await page.locator('main ul.org-chart').ariaSnapshot();
    assert.match(snapshot, /^- list:\n\s+- listitem:/);
    assert.match(snapshot, /\n\s+- list:\n\s+- listitem:/, `nested list in:\n${snapshot}`);
    const rc = deputies.find((d) => /Resident Coordinator/.test(d.title.en));
    assert.ok(rc, 'the Resident and Humanitarian Coordinator post is in the data');
    assert.ok(snapshot.includes(rc.title.en), 'the chart names the RC/HC post');
    // Each chart box shows the last holder and links to the post's holders.
    const latest = head.holders[head.holders.length - 1];
    assert.ok((await root.locator(':scope > .org-post').innerText()).includes(latest.name.en));
    await root.locator(':scope > .org-post a').click();
    await page.waitForFunction((id) => document.getElementById(id)?.classList.contains('targeted'), `post-${head.id}`);
    // Every holder of every post, with tenure.
    for (const post of m.leadership) {
      const items = page.locator(`#post-${post.id} ol.holders > li`);
      assert.equal(await items.count(), post.holders.length, post.id);
    }
    const text = await mainText(page);
    assert.match(text, /Ashraf Jehangir Qazi \(Pakistan\), 22 July 2004 – 18 September 2007/);
  });
});

/** Reads a download triggered by `click` and returns its file name and text. */
async function download(page, click) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const stream = await file.createReadStream();
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  return { name: file.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
}

/** Splits CSV text into rows of fields (RFC 4180 quoting). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 1; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n') { row.push(field.replace(/\r$/, '')); rows.push(row); row = []; field = ''; }
    else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

test('UNAMI personnel: chart values on hover and focus, table toggle, CSV download', async () => {
  await withPage(env, {}, async (page) => {
    const m = data.unami;
    await gotoApp(page, env.url('missions/unami/personnel'));
    const figure = page.locator('#personnel-chart');
    const dated = m.personnel.filter((p) => p.as_of);
    const points = figure.locator('.point');
    assert.equal(await points.count(), dated.length, 'one point per dated figure');

    // Keyboard: Tab reaches a point, whose tooltip shows date, value and source.
    const p2009 = dated.findIndex((p) => p.as_of === '2009-08');
    const point = points.nth(p2009);
    await point.focus();
    const tip = point.locator('.tip');
    assert.ok(await tip.evaluate((el) => el.getBoundingClientRect().width > 20), 'the tooltip shows on focus');
    const tipText = (await tip.innerText()).replace(/\s+/g, ' ');
    assert.match(tipText, /As of August 2009/);
    assert.match(tipText, /1,104 people/);
    assert.match(tipText, /Source \[\d+\]/);
    // Escape hides it (WCAG 1.4.13), focus stays.
    await page.keyboard.press('Escape');
    assert.ok(await tip.evaluate((el) => el.getBoundingClientRect().width <= 1), 'Escape dismisses the tooltip');
    // Hover shows another.
    await points.nth(0).hover();
    assert.ok(await points.nth(0).locator('.tip').evaluate((el) => el.getBoundingClientRect().width > 20), 'hover shows the tooltip');

    // The table view has the same numbers, with sources.
    const toggle = figure.getByRole('button', { name: 'Show as table' });
    assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
    assert.ok(!(await figure.locator('table').isVisible()));
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
    assert.ok(await figure.locator('table').isVisible());
    assert.ok(!(await figure.locator('.time-chart').isVisible()), 'the chart makes way for the table');
    const rows = await figure.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [...tr.children].map((c) => c.textContent.replace(/\s+/g, ' ').trim())),
    );
    assert.equal(rows.length, m.personnel.length);
    const byTotal = Object.fromEntries(rows.map((r) => [r[1], r]));
    assert.match(byTotal['648'][0], /^Undated/);
    assert.match(byTotal['648'][2], /International staff: 251; National staff: 397/);
    assert.equal(byTotal['1,104'][0], 'August 2009');
    assert.ok(byTotal['about 1,000'], 'approximate figures say so');
    for (const r of rows) assert.match(r[4], /^\[\d+\]/, 'each row cites a source');
    await checkAxe(page, 'personnel as tables');
    await toggle.click();
    assert.ok(await figure.locator('.time-chart').isVisible());

    // CSV: the same figures, with dates and source addresses.
    const csv = await download(page, () => figure.getByRole('link', { name: 'Download CSV' }).click());
    assert.equal(csv.name, 'unami-personnel.csv');
    const table = parseCsv(csv.text);
    assert.deepEqual(table[0], ['as_of', 'date_note', 'people', 'approximate', 'measure', 'breakdown', 'note', 'sources']);
    assert.equal(table.length - 1, m.personnel.length);
    for (const [i, p] of m.personnel.entries()) {
      assert.equal(table[i + 1][0], p.as_of ?? '');
      assert.equal(table[i + 1][2], String(p.total));
      assert.equal(table[i + 1][4], p.measure ?? 'headcount');
      assert.match(table[i + 1][7], /^https?:\/\//);
    }

    // The breakdown by category where a source gives one.
    const breakdown = await page.locator('main .breakdowns').innerText();
    assert.match(breakdown, /International staff: 251/);
    assert.match(breakdown, /National staff: 397/);
  });
});

test('UNAMI budget: bars with values, table toggle and CSV', async () => {
  await withPage(env, {}, async (page) => {
    const m = data.unami;
    await gotoApp(page, env.url('missions/unami/personnel'));
    const figure = page.locator('#budget-chart');
    const bars = figure.locator('.bar-row');
    assert.equal(await bars.count(), m.budget.length);
    assert.match(await figure.locator('.bar-chart').innerText(), /\$159\.0 million/);
    const b2010 = figure.locator('.bar-row', { hasText: /^2010/ });
    await b2010.focus();
    const tip = (await b2010.locator('.tip').innerText()).replace(/\s+/g, ' ');
    assert.match(tip, /Proposed/);
    assert.match(tip, /Source \[\d+\]/);
    await figure.getByRole('button', { name: 'Show as table' }).click();
    assert.match(await figure.locator('table').innerText(), /\$158,990,000/);
    const csv = await download(page, () => figure.getByRole('link', { name: 'Download CSV' }).click());
    assert.equal(csv.name, 'unami-budget.csv');
    const table = parseCsv(csv.text);
    assert.deepEqual(table[0], ['period', 'year', 'amount_usd', 'stage', 'note', 'sources']);
    assert.equal(table.length - 1, m.budget.length);
    assert.ok(table.some((r) => r[2] === '158990000' && r[3] === 'proposed'));
  });
});

test('a footnote link back into a chart table shows the table', async () => {
  await withPage(env, {}, async (page) => {
    await gotoApp(page, env.url('missions/unami/personnel'));
    const back = page.locator('main .page-sources .cited-by a[href$="#personnel-3"]').first();
    await back.click();
    const figure = page.locator('#personnel-chart');
    await page.waitForFunction(() => document.getElementById('personnel-3')?.classList.contains('targeted'));
    assert.equal(await figure.getByRole('button', { name: 'Show as table' }).getAttribute('aria-pressed'), 'true');
    assert.ok(await page.locator('#personnel-3').isVisible());
  });
});

for (const id of MISSIONS) {
  test(`${id} offices: the map places the offices it can, and the list has them all`, async () => {
    await withPage(env, {}, async (page) => {
      const m = data[id];
      const map = JSON.parse(await readFile(path.join(DIST, 'maps', `${id}.json`), 'utf8'));
      await gotoApp(page, env.url(`missions/${id}/offices`));
      const figure = page.locator('main figure.office-map');
      await figure.waitFor();
      assert.equal(await figure.locator('svg path.map-country').count(), 1);
      assert.ok((await figure.locator('svg path.map-country').getAttribute('d')).length > 100, 'an outline');
      const placed = Object.keys(map.places);
      assert.ok(placed.length >= 2, `${id}: at least two offices on the map`);
      const markers = figure.locator('.map-markers > li');
      assert.equal(await markers.count(), placed.length);
      assert.match(await figure.locator('figcaption').innerText(), new RegExp(`${placed.length} of ${m.offices.length} on the map`));
      assert.match(await figure.locator('.map-credit').innerText(), /Natural Earth/);
      assert.equal(await figure.locator('.map-label').count(), placed.length);
      const drawn = m.offices.filter((x) => placed.includes(x.id));
      for (const [i, o] of drawn.entries()) {
        // Each marker's details name the office and its state, as the list does.
        const marker = figure.locator(`#marker-${o.id}`);
        const state = await page.locator(`#office-${o.id} .office-state`).innerText();
        const tip = (await marker.locator('.tip').evaluate((t) => t.textContent)).replace(/\s+/g, ' ');
        assert.ok(tip.includes(o.name.en) && tip.includes(state), `${o.id}: ${tip}`);
        // The visible label says the name, and "(closed)" for a closed office.
        const label = await figure.locator('.map-label').nth(i).innerText();
        assert.ok(label.startsWith(o.name.en), `${o.id}: ${label}`);
        if (/^Closed/.test(state)) assert.match(label, /\(closed\)$/, `${o.id} is marked closed`);
        // Markers lie inside the map.
        const inside = await marker.evaluate((li) => {
          const box = li.querySelector('.marker-dot').getBoundingClientRect();
          const frame = li.closest('.map-frame').getBoundingClientRect();
          return box.left >= frame.left - 1 && box.right <= frame.right + 1 && box.top >= frame.top - 1 && box.bottom <= frame.bottom + 1;
        });
        assert.ok(inside, `${o.id} marker inside the frame`);
      }
      assert.equal(await page.locator('main ul.offices > li').count(), m.offices.length);
      // Keyboard: Tab reaches a marker and shows its details; Escape hides them.
      const first = markers.first();
      await first.focus();
      const tip = first.locator('.tip');
      assert.ok(await tip.evaluate((el) => el.getBoundingClientRect().width > 20), 'details show on focus');
      await page.keyboard.press('Escape');
      assert.ok(await tip.evaluate((el) => el.getBoundingClientRect().width <= 1), 'Escape hides them');
      // Hover shows them too.
      await markers.last().hover();
      assert.ok(await markers.last().locator('.tip').evaluate((el) => el.getBoundingClientRect().width > 20), 'details show on hover');
    });
  });
}

test('UNAMI offices: closed offices show their closing dates on the map and in the list', async () => {
  await withPage(env, {}, async (page) => {
    await gotoApp(page, env.url('missions/unami/offices'));
    await page.locator('main figure.office-map').waitFor();
    assert.match(await page.locator('#office-kirkuk .office-state').innerText(), /^Closed 30 April 2025$/);
    assert.match(await page.locator('#office-baghdad .office-state').innerText(), /^Closed with the mission \(31 December 2025\)$/);
    // The office in Jordan is outside the map of Iraq, and the map says so.
    assert.match(await page.locator('main .map-missing').innerText(), /^Not on the map: Amman \(Jordan\), outside the area shown\.$/);
    await page.locator('#marker-kirkuk').focus();
    assert.match(await page.locator('#marker-kirkuk .tip').innerText(), /Closed 30 April 2025/);
  });
});

test('UNAMI sources: every source is listed, and every "cited for" link lands on its fact', async () => {
  await withPage(env, {}, async (page) => {
    const m = data.unami;
    await gotoApp(page, env.url('missions/unami/sources'));
    const entries = page.locator('main ol.source-list > li');
    assert.equal(await entries.count(), m.sources.length);
    for (const [i, s] of m.sources.entries()) {
      const li = page.locator(`#source-${i + 1}`);
      assert.equal(await li.locator('cite').innerText(), s.title.en);
      assert.equal(await li.locator('a.source-url').getAttribute('href'), s.url);
    }
    const links = await page.locator('main .cited-by a').evaluateAll((as) =>
      as.map((a) => ({ href: a.getAttribute('href'), source: a.closest('li[id^="source-"]').id })),
    );
    assert.ok(links.length >= m.sources.length, 'every source is cited somewhere');
    // Group by page, then check each anchor exists and cites the source.
    const byPage = new Map();
    for (const l of links) {
      const [p, anchor] = l.href.split('#');
      if (!byPage.has(p)) byPage.set(p, []);
      byPage.get(p).push({ anchor, source: l.source });
    }
    assert.ok(byPage.size >= 6, `links into the overview and the sections (${[...byPage.keys()]})`);
    for (const [p, wanted] of byPage) {
      await gotoApp(page, env.server.origin + p);
      const missing = await page.evaluate((wanted) =>
        wanted
          .filter(({ anchor, source }) => {
            const el = document.getElementById(anchor);
            return !el || ![...el.querySelectorAll('sup.cite a')].some((a) => a.getAttribute('href').endsWith(`#${source}`));
          })
          .map(({ anchor, source }) => `${anchor} (${source})`),
      wanted);
      assert.deepEqual(missing, [], `on ${p}`);
    }
  });
});
