// Long lists (style/main.css): the catalogue's cards and the timeline's
// entries have `content-visibility: auto`, so the browser skips the layout and
// paint of those out of view. The skipping must cost readers nothing: an
// address with a fragment lands on its entry far down the timeline, with
// JavaScript off and with the app; Tab reaches every card in order and shows
// the one it focuses; entry markers are not clipped; axe finds nothing.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useEnvironment, withPage, gotoApp, checkAxe, scrollIntoLayout } from './lib/browser.mjs';

const env = useEnvironment();
const TIMELINE = 'missions/unami/timeline/';
const WIDTHS = [1280, 390];

/**
 * In a page: whether the contents of a card or entry are laid out, or skipped
 * while out of view (the element itself always has its box).
 */
function laidOut(e) {
  return e.firstElementChild.checkVisibility({ contentVisibilityAuto: true });
}

/**
 * In a page: the box of the element of this id against the viewport, whether
 * it is laid out, and how far down the page is scrolled.
 */
function placeOf(id) {
  const e = document.getElementById(id);
  const box = e.getBoundingClientRect();
  return {
    top: Math.round(box.top),
    bottom: Math.round(box.bottom),
    height: innerHeight,
    scrolled: Math.round(scrollY),
    rendered: e.firstElementChild.checkVisibility({ contentVisibilityAuto: true }),
  };
}

/** In the viewport, laid out, and far down: screens below the top of the page. */
const inViewport = (p) => p.rendered && p.top >= -1 && p.bottom <= p.height + 1 && p.bottom > p.top && p.scrolled > 3 * p.height;

/**
 * Asserts that the element of this id comes into the viewport, laid out,
 * and stays there (entries above it may take their real sizes meanwhile).
 * Polls from Node, not in the page: it may be running without JavaScript.
 */
async function assertLandsOn(page, id, label) {
  let place;
  for (let tries = 0; tries < 50; tries += 1) {
    place = await page.evaluate(placeOf, id);
    if (inViewport(place)) break;
    await page.waitForTimeout(100);
  }
  assert.ok(inViewport(place), `${label}: #${id} in the viewport, laid out: ${JSON.stringify(place)}`);
  await page.waitForTimeout(500);
  place = await page.evaluate(placeOf, id);
  assert.ok(inViewport(place), `${label}: #${id} still in the viewport half a second later: ${JSON.stringify(place)}`);
}

/**
 * Ids far down the UNAMI timeline: its last entry, and the one three quarters
 * down, read from the prerendered page once.
 */
let targets;
async function farEntries() {
  if (targets) return targets;
  const context = await env.browser.newContext({ javaScriptEnabled: false, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    await page.goto(env.url(TIMELINE));
    const ids = await page.locator('main ol.timeline > li.entry').evaluateAll((lis) => lis.map((li) => li.id));
    assert.ok(ids.length >= 40, `the UNAMI timeline is long (${ids.length} entries)`);
    targets = [ids[ids.length - 1], ids[Math.floor(ids.length * 0.75)]];
    return targets;
  } finally {
    await context.close();
  }
}

test('cards and timeline entries are skipped while out of view (content-visibility: auto), entry markers whole', async () => {
  // At a phone's width, where the catalogue is one card wide.
  await withPage(env, { viewport: { width: 390, height: 800 } }, async (page) => {
    await gotoApp(page, env.url(''));
    const lastCard = page.locator('main .card-list > .card').last();
    const card = { style: await lastCard.evaluate((e) => getComputedStyle(e).contentVisibility), rendered: await lastCard.evaluate(laidOut) };
    assert.deepEqual(card, { style: 'auto', rendered: false }, 'the last card: content-visibility auto, skipped at first');

    const [last] = await farEntries();
    await gotoApp(page, env.url(TIMELINE));
    assert.equal(await page.locator(`[id="${last}"]`).evaluate(laidOut), false, `#${last} is skipped at first`);
    // Paint containment clips an entry to its padding box; each kind of entry's
    // marker sits over the line down the list, partly outside: the clip margin must hold it.
    // Measured on the first entry of each kind, laid out (a skipped entry's
    // marker has no transform or size to read).
    const kinds = await page
      .locator('main ol.timeline > li.entry')
      .evaluateAll((lis) => [...new Set(lis.map((li) => [...li.classList].find((c) => c.startsWith('entry-'))))]);
    assert.ok(kinds.length >= 2, `entries of several kinds: ${kinds.join(', ')}`);
    for (const kind of kinds) {
      const entry = page.locator(`main ol.timeline > li.${kind}`).first();
      await scrollIntoLayout(entry);
      assert.ok(await entry.evaluate(laidOut), `${kind}: laid out once in view`);
      const e = await entry.evaluate((li) => {
        const s = getComputedStyle(li);
        const m = getComputedStyle(li, '::before');
        const [a, b] = m.transform === 'none' ? [1, 0] : m.transform.match(/-?[\d.]+(e-?\d+)?/g).map(Number);
        const w = parseFloat(m.width);
        const h = parseFloat(m.height);
        // How far the marker, turned, reaches out of the padding box's start edge.
        const start = s.direction === 'rtl' ? parseFloat(m.right) : parseFloat(m.left);
        const overhang = -start + (Math.abs(a) * w + Math.abs(b) * h - w) / 2;
        return { style: s.contentVisibility, overhang: Math.round(overhang * 10) / 10, margin: parseFloat(s.overflowClipMargin) || 0 };
      });
      assert.equal(e.style, 'auto', `${kind}: content-visibility`);
      assert.ok(e.overhang > 0 && e.margin >= e.overhang, `${kind}: the clip margin (${e.margin} px) holds the marker (${e.overhang} px out)`);
    }
  });
});

for (const width of WIDTHS) {
  test(`an address with a fragment far down the timeline lands on its entry at ${width} px, without JavaScript`, async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false, serviceWorkers: 'block', viewport: { width, height: 800 } });
    try {
      for (const id of await farEntries()) {
        const page = await context.newPage();
        await page.goto(`${env.url(TIMELINE)}#${id}`);
        await assertLandsOn(page, id, `prerendered at ${width} px`);
        await page.close();
      }
    } finally {
      await context.close();
    }
  });

  test(`an address with a fragment far down the timeline lands on its entry at ${width} px, with the app`, async () => {
    await withPage(env, { viewport: { width, height: 800 } }, async (page) => {
      for (const id of await farEntries()) {
        await gotoApp(page, `${env.url(TIMELINE)}#${id}`);
        await page.waitForFunction((id) => document.getElementById(id)?.classList.contains('targeted'), id);
        await assertLandsOn(page, id, `with the app at ${width} px`);
        await page.goto('about:blank');
      }
    });
  });
}

test('Tab reaches every card of the catalogue in order, and the last one, far down, shows when focused', async () => {
  await withPage(env, { viewport: { width: 390, height: 800 } }, async (page) => {
    await gotoApp(page, env.url(''));
    const cards = page.locator('main .card-list > .card');
    const count = await cards.count();
    assert.ok(count >= 10, `${count} cards`);
    const last = cards.last();
    assert.equal(await last.evaluate(laidOut), false, 'the last card is skipped at first');

    // Tab from the top of the page; note the card each stop is in.
    const visited = [];
    let reached = false;
    for (let presses = 0; presses < 300 && !reached; presses += 1) {
      await page.keyboard.press('Tab');
      const at = await page.evaluate(() => {
        const card = document.activeElement?.closest('main .card-list > .card');
        return card ? [...card.parentElement.children].indexOf(card) : -1;
      });
      if (at >= 0 && visited.at(-1) !== at) visited.push(at);
      reached = at === count - 1;
    }
    assert.deepEqual(visited, [...Array(count).keys()], 'every card, in order, none skipped');

    const focused = await page.evaluate(() => {
      const e = document.activeElement;
      const card = e.closest('.card');
      const box = e.getBoundingClientRect();
      return {
        top: box.top,
        bottom: box.bottom,
        height: innerHeight,
        rendered: e.checkVisibility({ contentVisibilityAuto: true }),
        text: card.innerText,
        acronym: card.querySelector('.card-acronym').textContent,
      };
    });
    assert.ok(focused.rendered, 'the focused card is laid out');
    assert.ok(focused.top >= 0 && focused.bottom <= focused.height, `the focused control is in the viewport: ${JSON.stringify(focused)}`);
    assert.ok(focused.text.includes(focused.acronym), `the focused card shows its text: "${focused.text}"`);
  });
});

test('axe finds nothing on the catalogue and the timeline while cards and entries are skipped', async () => {
  await withPage(env, { viewport: { width: 390, height: 800 } }, async (page) => {
    await gotoApp(page, env.url(''));
    assert.equal(await page.locator('main .card-list > .card').last().evaluate(laidOut), false, 'the last card is skipped');
    await checkAxe(page, 'the catalogue at 390 px');
  });
  await withPage(env, {}, async (page) => {
    const [last] = await farEntries();
    await gotoApp(page, env.url(TIMELINE));
    assert.equal(await page.locator(`[id="${last}"]`).evaluate(laidOut), false, `#${last} is skipped`);
    await checkAxe(page, 'the timeline at 1280 px');
  });
});
