// From the prerendered page to the app (issue 18): every control starts in
// the state the app gives it, so what the reader does before the app runs
// means the same after; and a data file the app cannot have never takes the
// page away: the prerendered content stays, an alert names the file and the
// problem with a retry, and what needs the file says it is unavailable.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { useEnvironment, openPage, waitForApp, delayApp, sameFile, DIST } from './lib/browser.mjs';

const env = useEnvironment();

/** A timeline split into pages by year, if the data has one (its first year's page). */
function timelineYearPage() {
  for (const id of readdirSync(path.join(DIST, 'missions')).sort()) {
    const dir = path.join(DIST, 'missions', id, 'timeline');
    const year = existsSync(dir) && readdirSync(dir).find((name) => /^\d{4}$/.test(name));
    if (year) return `missions/${id}/timeline/${year}/`;
  }
  return null;
}

/** Every kind of page the app renders (about, Data, changes and print are made only at build time). */
const PAGES = [
  '', 'search/', 'compare/',
  'missions/unami/', 'missions/unami/mandate/', 'missions/unami/timeline/', 'missions/unami/leadership/',
  'missions/unami/personnel/', 'missions/unami/offices/', 'missions/unami/sources/',
  'ar/missions/unami/timeline/', timelineYearPage(),
].filter((p) => p !== null);

/** In a page: the state of every control, by the nearest element with an id and its place there. */
function controlStates() {
  const controls = document.querySelectorAll('input, select, textarea, button[aria-pressed], [aria-expanded], details');
  const seen = new Map();
  return [...controls].map((el) => {
    const scope = el.parentElement?.closest('[id]')?.id ?? 'body';
    const kind = `${el.tagName.toLowerCase()}${el.name ? `[name=${el.name}]` : ''}${el.type === 'checkbox' || el.type === 'radio' ? `[value=${el.value}]` : ''}`;
    const key = `${scope} ${kind}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
    const state = { control: `${key} #${seen.get(key)}` };
    if (el.type === 'checkbox' || el.type === 'radio') state.checked = el.checked;
    else if (el.tagName === 'SELECT') state.selected = [...el.selectedOptions].map((o) => o.value);
    else if ('value' in el && el.tagName !== 'BUTTON') state.value = el.value;
    if (el.hasAttribute('aria-pressed')) state.pressed = el.getAttribute('aria-pressed');
    if (el.hasAttribute('aria-expanded')) state.expanded = el.getAttribute('aria-expanded');
    if (el.tagName === 'DETAILS') state.open = el.open;
    return state;
  });
}

/** The prerendered page with its scripts running but the app kept from starting (its WebAssembly never answered). */
async function prerendered(options = {}) {
  const s = await openPage(env.browser, { origin: env.server.origin, appAtOnce: false, ...options });
  await delayApp(s.page, Infinity);
  return s;
}

for (const colorScheme of ['light', 'dark']) {
  test(`every control of every kind of page starts as the app starts it (${colorScheme} system theme)`, async () => {
    const before = await prerendered({ colorScheme });
    const after = await openPage(env.browser, { origin: env.server.origin, colorScheme });
    try {
      for (const page of PAGES) {
        await before.page.goto(env.url(page), { waitUntil: 'load' });
        const prerenderedStates = await before.page.evaluate(controlStates);
        assert.ok(await before.page.evaluate(() => document.body.hasAttribute('data-prerendered')), `${page}: still prerendered`);
        await after.page.goto(env.url(page), { waitUntil: 'load' });
        await waitForApp(after.page);
        const appStates = await after.page.evaluate(controlStates);
        assert.ok(prerenderedStates.length > 0, `${page || '/'}: has controls`);
        assert.deepEqual(prerenderedStates, appStates, `${page || '/'}: the prerendered controls and the app's`);
      }
      after.assertClean();
    } finally {
      await before.close();
      await after.close();
    }
  });
}

test('a box unticked and a year chosen on the prerendered timeline filter it once the app runs', async () => {
  const s = await openPage(env.browser, { origin: env.server.origin, appAtOnce: false });
  try {
    await delayApp(s.page, 1500);
    await s.page.goto(env.url('missions/unami/timeline/'), { waitUntil: 'load' });
    const events = await s.page.locator('li.entry-event').count();
    assert.ok(events > 0, 'the timeline has events');
    await s.page.locator('form.filters input[value=event]').uncheck();
    await s.page.locator('form.filters select[name=from]').selectOption('2010');
    assert.ok(await s.page.evaluate(() => document.body.hasAttribute('data-prerendered')), 'all this before the app ran');
    await waitForApp(s.page);
    await s.page.waitForFunction(() => ![...document.querySelectorAll('li.entry-event')].some((li) => li.checkVisibility()));
    assert.equal(await s.page.locator('form.filters input[value=event]').isChecked(), false);
    assert.equal(await s.page.locator('form.filters input[value=resolution]').isChecked(), true);
    assert.equal(await s.page.locator('form.filters select[name=from]').inputValue(), '2010');
    const years = await s.page.locator('section.year:visible h2').allTextContents();
    assert.ok(years.length > 0 && years.every((y) => Number(y) >= 2010), `years shown: ${years}`);
    assert.match(s.page.url(), /kind=/);
    assert.match(await s.page.locator('.filter-status').textContent(), /\d/);
    s.assertClean();
  } finally {
    await s.close();
  }
});

test('a word typed in the prerendered catalogue filters it once the app runs', async () => {
  const s = await openPage(env.browser, { origin: env.server.origin, appAtOnce: false });
  try {
    await delayApp(s.page, 1500);
    await s.page.goto(env.url(''), { waitUntil: 'load' });
    const all = await s.page.locator('main .card').count();
    await s.page.locator('.catalogue-filters input[name=q]').fill('Iraq');
    await waitForApp(s.page);
    await s.page.waitForFunction((n) => document.querySelectorAll('main .card').length < n, all);
    const acronyms = await s.page.locator('main .card-acronym').allTextContents();
    assert.ok(acronyms.includes('UNAMI'), `cards: ${acronyms}`);
    assert.equal(await s.page.locator('.catalogue-filters input[name=q]').inputValue(), 'Iraq');
    s.assertClean();
  } finally {
    await s.close();
  }
});

test('the reader stays where they were on the page when the app takes over', async () => {
  const s = await openPage(env.browser, { origin: env.server.origin, appAtOnce: false, viewport: { width: 390, height: 700 } });
  try {
    await delayApp(s.page, 1500);
    await s.page.goto(env.url('missions/unami/timeline/'), { waitUntil: 'load' });
    // Well down the page: an entry at the top of the window.
    const entry = s.page.locator('li.entry').nth(20);
    await entry.evaluate((li) => li.scrollIntoView({ block: 'start' }));
    // Parts of a long page are laid out when near the window (content-visibility): let them settle.
    await s.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const before = await s.page.evaluate(() => {
      const top = document.elementFromPoint(195, 40)?.closest('li.entry');
      return { y: Math.round(scrollY), id: top?.id, at: top && Math.round(top.getBoundingClientRect().top) };
    });
    assert.ok(before.y > 1000 && before.id, `scrolled down to an entry: ${JSON.stringify(before)}`);
    // A key (not one that scrolls) starts the app.
    await s.page.keyboard.press('Shift');
    await waitForApp(s.page);
    await s.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const after = await s.page.evaluate((id) => ({ y: Math.round(scrollY), at: Math.round(document.getElementById(id).getBoundingClientRect().top) }), before.id);
    // (Not the scroll position itself: the parts of the app's page far above
    // are not laid out yet, content-visibility gives them estimated heights.)
    assert.ok(Math.abs(after.at - before.at) <= 2, `${before.id} where it was in the window: ${before.at} → ${after.at}`);
    s.assertClean();
  } finally {
    await s.close();
  }
});

// ---------------------------------------------------------------- data errors

/** Each data file a page is rendered from, on a page that uses it. */
const FILES = [
  { page: '', file: 'data/index.json', feature: '.catalogue-filters' },
  { page: 'missions/unami/timeline/', file: 'data/index.json', feature: 'form.filters' },
  { page: 'missions/unami/timeline/', file: 'data/missions/unami.json', feature: 'form.filters' },
  { page: 'missions/unami/personnel/', file: 'data/missions/unami.json', feature: '.chart-tools' },
  { page: 'missions/unami/offices/', file: 'maps/unami.json', feature: '.theme-toggle' },
];

/** One matcher per address: page.unroute() finds a route by the very matcher it was given. */
const matchers = new Map();
function fileMatcher(address) {
  if (!matchers.has(address)) matchers.set(address, sameFile(address));
  return matchers.get(address);
}

const FAILURES = {
  truncated: {
    serve: (file) => async (route) => {
      const text = readFileSync(path.join(DIST, file), 'utf8');
      await route.fulfill({ status: 200, contentType: 'application/json', body: text.slice(0, Math.floor(text.length / 2)) });
    },
    says: (file) => new RegExp(`${file.replaceAll('.', '\\.')} is damaged: .*line \\d+, column \\d+`),
  },
  missing: {
    serve: () => (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'not here' }),
    says: (file) => new RegExp(`${file.replaceAll('.', '\\.')} was not found on the server \\(HTTP 404\\)`),
  },
  'never arriving': {
    serve: () => () => {},
    says: (file) => new RegExp(`${file.replaceAll('.', '\\.')} did not arrive within 20 seconds`),
  },
};

/** Opens `page` with `file` failing as `how`, starts the app and checks the page stays whole with the alert. */
async function checkFailure({ page, file, feature }, how) {
  const where = `${page || '/'} with ${file} ${how}`;
  const address = env.url(file);
  const s = await openPage(env.browser, { origin: env.server.origin, appAtOnce: false, allow: [fileMatcher(address)] });
  try {
    await s.page.route(fileMatcher(address), FAILURES[how].serve(file));
    await s.page.goto(env.url(page), { waitUntil: 'domcontentloaded' });
    const text = await s.page.locator('main').textContent();
    const heading = await s.page.locator('main h1').textContent();
    // Where it is on the page (not in the window: hovering may scroll).
    const box = () => s.page.locator(feature).first().evaluate((el) => {
      const r = el.getBoundingClientRect();
      return `${r.left + scrollX},${r.top + scrollY} ${r.width}×${r.height}`;
    });
    const placed = await box();
    // The reader reaches for a control: the app starts and cannot have the file.
    await s.page.locator('main').hover();
    await s.page.locator('.theme-toggle').hover();
    const alert = s.page.locator('#data-problems [role=alert]');
    await alert.waitFor({ timeout: 40_000 });
    // Nothing moved under the reader's finger: the control is where it was.
    assert.equal(await box(), placed, `${where}: ${feature} did not move`);
    assert.match(await alert.innerText(), FAILURES[how].says(file), where);
    // Nothing of the page is gone: the same heading and every word of the text.
    assert.ok(await s.page.evaluate(() => document.body.hasAttribute('data-prerendered')), `${where}: the prerendered page stays`);
    assert.equal(await s.page.locator('main h1').textContent(), heading, where);
    const now = await s.page.evaluate(() => {
      const main = document.querySelector('main').cloneNode(true);
      for (const note of main.querySelectorAll('.unavailable-note')) note.remove();
      return main.textContent;
    });
    assert.equal(now, text, `${where}: every word of the page kept`);
    // What needs the app says why it does nothing, and keeps what the reader set.
    const controls = s.page.locator(`${feature} button, ${feature} input, ${feature} select, ${feature}:is(button)`);
    assert.ok((await controls.count()) > 0, `${where}: ${feature} has controls`);
    for (const control of await controls.all()) {
      assert.equal(await control.getAttribute('aria-describedby'), 'data-problems-what');
    }
    if (feature !== '.theme-toggle') assert.ok(await s.page.locator('.unavailable-note').first().isVisible(), `${where}: a note says why`);
    return s;
  } catch (error) {
    await s.close();
    throw error;
  }
}

for (const how of ['truncated', 'missing']) {
  test(`a ${how} data file leaves every page that uses it whole, with an alert naming it and a retry`, async () => {
    for (const entry of FILES) {
      const s = await checkFailure(entry, how);
      try {
        // The file comes back: "Try again" downloads it, and the app takes over.
        await s.page.unroute(fileMatcher(env.url(entry.file)));
        await s.page.locator('#data-problems button').click();
        await waitForApp(s.page);
        assert.equal(await s.page.locator('#data-problems').count(), 0, 'the alert goes with the prerendered page');
        s.assertClean();
      } finally {
        await s.close();
      }
    }
  });
}

test('a data file that never arrives leaves every page that uses it whole, with an alert naming it (about 20 s)', async () => {
  const sessions = await Promise.all(FILES.map((entry) => checkFailure(entry, 'never arriving')));
  for (const s of sessions) {
    s.assertClean();
    await s.close();
  }
});

test('a box unticked while the data was missing is still unticked once "Try again" lets the app take over', async () => {
  const address = env.url('data/missions/unami.json');
  const s = await openPage(env.browser, { origin: env.server.origin, appAtOnce: false, allow: [fileMatcher(address)] });
  try {
    await s.page.route(fileMatcher(address), FAILURES.missing.serve());
    await s.page.goto(env.url('missions/unami/timeline/'), { waitUntil: 'load' });
    // The untick starts the app, which cannot have the mission's file.
    await s.page.locator('form.filters input[value=event]').uncheck();
    await s.page.locator('#data-problems [role=alert]').waitFor();
    assert.equal(await s.page.locator('form.filters input[value=event]').isChecked(), false, 'the untick stays');
    await s.page.unroute(fileMatcher(address));
    await s.page.locator('#data-problems button').click();
    await waitForApp(s.page);
    await s.page.waitForFunction(() => ![...document.querySelectorAll('li.entry-event')].some((li) => li.checkVisibility()));
    assert.equal(await s.page.locator('form.filters input[value=event]').isChecked(), false);
    assert.ok((await s.page.locator('li.entry-resolution:visible').count()) > 0);
    s.assertClean();
  } finally {
    await s.close();
  }
});
