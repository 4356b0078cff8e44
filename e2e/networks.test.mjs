// Bad networks: data that arrives slowly, never, or in another order than it
// was asked for. The page always shows the mission its address names, or a
// clear error about that mission's file with a retry; never one mission's
// data (or error) under another's address.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useEnvironment, openPage, gotoApp, waitForApp, useShell, sameFile, mainText } from './lib/browser.mjs';

const env = useEnvironment();

/** Answers `route` after `ms`, with what the server has (or `answer`). */
function later(ms, answer = (route) => route.continue()) {
  return async (route) => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    await answer(route).catch(() => {}); // the page may have gone meanwhile
  };
}

/** The h1 of the page, whitespace collapsed. */
async function heading(page) {
  return (await page.locator('main h1').first().innerText()).replace(/\s+/g, ' ').trim();
}

test('data that takes 10 seconds: the loading notice, then the page, no error', async () => {
  const file = env.url('data/missions/unami.json');
  const s = await openPage(env.browser, { origin: env.server.origin });
  try {
    const { page } = s;
    await useShell(page);
    await page.route(sameFile(file), later(10_000));
    const started = Date.now();
    await page.goto(env.url('missions/unami/'));
    const status = page.locator('main .loading[role="status"]');
    await status.waitFor();
    assert.match(await status.innerText(), /Loading/, 'the placeholder is announced');
    await waitForApp(page, { timeout: 30_000 });
    assert.ok(Date.now() - started >= 9_000, 'the page came once the file did');
    assert.match(await heading(page), /^United Nations Assistance Mission for Iraq/);
    assert.equal(await page.locator('main [role="alert"]').count(), 0, 'no error for slow data');
    s.assertClean();
  } finally {
    await s.close();
  }
});

test('data that never arrives: after the time-out, an alert naming the file, and "Try again" recovers', async () => {
  const file = env.url('data/missions/unami.json');
  const isFile = sameFile(file);
  const s = await openPage(env.browser, { origin: env.server.origin, allow: [file] });
  try {
    const { page } = s;
    await useShell(page);
    // The server takes the request and never answers.
    await page.route(isFile, () => new Promise(() => {}));
    await page.goto(env.url('missions/unami/'));
    const alert = page.locator('main [role="alert"]');
    await alert.waitFor({ timeout: 40_000 });
    const message = (await alert.innerText()).replace(/\s+/g, ' ');
    assert.match(message, /data\/missions\/unami\.json did not arrive within 20 seconds/, message);
    await page.unroute(isFile);
    await alert.getByRole('button', { name: 'Try again' }).click();
    await waitForApp(page);
    assert.match(await heading(page), /^United Nations Assistance Mission for Iraq/);
    s.assertClean();
  } finally {
    await s.close();
  }
});

// A prerendered page's data that never arrives: e2e/takeover.test.mjs (the page
// stays, with an alert naming the file and a retry).

/**
 * From the catalogue, opens the first mission (whose file answers late), goes
 * back before it arrives and opens the second: the page must stay on the
 * second mission once the first one's answer lands.
 */
async function clickAwayBeforeItArrives({ first, second, slowAnswer, allow = [] }) {
  const s = await openPage(env.browser, { origin: env.server.origin, allow });
  try {
    const { page } = s;
    let firstAnswered = false;
    await page.route(sameFile(env.url(`data/missions/${first}.json`)), later(3_000, async (route) => {
      await slowAnswer(route);
      firstAnswered = true;
    }));
    await gotoApp(page, env.url(''));
    await page.locator(`main li.card a[href$="/missions/${first}/"]`).click();
    await page.locator('main .loading').waitFor();
    await page.goBack();
    await page.locator(`main li.card a[href$="/missions/${second}/"]`).click();
    await page.waitForURL(`**/missions/${second}/`);
    await waitForApp(page);
    const deadline = Date.now() + 10_000;
    while (!firstAnswered && Date.now() < deadline) await page.waitForTimeout(100);
    assert.ok(firstAnswered, `${first}'s file was answered meanwhile`);
    // Whatever the app does with the late answer has happened.
    await page.waitForTimeout(500);
    assert.ok(page.url().endsWith(`/missions/${second}/`), page.url());
    return { s, page };
  } catch (error) {
    await s.close();
    throw error;
  }
}

test('a late answer for the mission left behind does not replace the one in the address', async () => {
  const { s, page } = await clickAwayBeforeItArrives({
    first: 'unami',
    second: 'unama',
    slowAnswer: (route) => route.continue(),
  });
  try {
    assert.match(await heading(page), /United Nations Assistance Mission in Afghanistan/);
    const text = await mainText(page);
    assert.ok(!text.includes('Iraq'), 'nothing about UNAMI on UNAMA’s page');
    assert.equal(await page.title().then((t) => t.startsWith('UNAMA')), true, await page.title());
    s.assertClean();
  } finally {
    await s.close();
  }
});

test('a late failure of the mission left behind shows no error on the one in the address', async () => {
  const file = env.url('data/missions/unami.json');
  const { s, page } = await clickAwayBeforeItArrives({
    first: 'unami',
    second: 'unama',
    slowAnswer: (route) => route.fulfill({ status: 500, contentType: 'text/plain', body: 'Internal Server Error' }),
    allow: [file],
  });
  try {
    assert.equal(await page.locator('main [role="alert"]').count(), 0, 'no alert on UNAMA’s page');
    assert.match(await heading(page), /United Nations Assistance Mission in Afghanistan/);
    // Back to UNAMI: asked again, its own failure is shown there, named.
    await page.goBack();
    await page.locator('main li.card a[href$="/missions/unami/"]').click();
    const alert = page.locator('main [role="alert"]');
    await alert.waitFor({ timeout: 10_000 });
    assert.match((await alert.innerText()).replace(/\s+/g, ' '), /data\/missions\/unami\.json.*HTTP 500/);
    s.assertClean();
  } finally {
    await s.close();
  }
});

test('quick clicks between sections of two missions end on the last one clicked', async () => {
  const s = await openPage(env.browser, { origin: env.server.origin });
  try {
    const { page } = s;
    await page.route(sameFile(env.url('data/missions/unama.json')), later(2_000));
    await gotoApp(page, env.url('missions/unami/timeline/'));
    // To UNAMA's timeline (slow), then at once back to UNAMI's personnel.
    await page.evaluate((href) => {
      const a = document.createElement('a');
      a.href = href;
      a.textContent = 'UNAMA';
      a.id = 'test-jump';
      document.querySelector('main').append(a);
    }, env.path('missions/unama/timeline/'));
    await page.locator('#test-jump').click();
    await page.waitForURL('**/missions/unama/timeline/');
    await page.goBack();
    await page.waitForURL('**/missions/unami/timeline/');
    await page.locator('.section-nav a[href$="/missions/unami/personnel/"]').click();
    await page.waitForURL('**/missions/unami/personnel/');
    await page.waitForTimeout(2_500);
    await waitForApp(page);
    assert.match(await heading(page), /Personnel/);
    const title = await page.title();
    assert.ok(title.includes('UNAMI') && !title.includes('UNAMA'), title);
    const header = await page.locator('main header.mission-header').innerText();
    assert.ok(header.includes('Iraq') && !header.includes('Afghanistan'), `UNAMI’s header, not UNAMA’s: ${header}`);
    s.assertClean();
  } finally {
    await s.close();
  }
});
