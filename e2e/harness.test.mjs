// Tests of the test harness itself (e2e/lib/browser.mjs): a harness that saw
// nothing would let every other test pass, so check it sees what it must and
// ignores only what it may.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useEnvironment, openPage, gotoApp } from './lib/browser.mjs';

const env = useEnvironment();

async function withPage(options, fn) {
  const s = await openPage(env.browser, { origin: env.server.origin, ...options });
  try {
    await fn(s.page, s);
  } finally {
    await s.close();
  }
}

test('an unknown address, served as 404.html with status 404, is not a problem', async () => {
  await withPage({}, async (page, s) => {
    const response = await gotoApp(page, env.url('missions/unami/no-such-section'));
    assert.equal(response.status(), 404);
    s.assertClean();
  });
});

test('records console errors, page errors and Rust panics', async () => {
  await withPage({}, async (page, s) => {
    await gotoApp(page, env.url(''));
    await page.evaluate(() => {
      console.error('something broke');
      console.log('panicked at src/app.rs:1:1: oh no');
      setTimeout(() => {
        throw new Error('uncaught boom');
      });
    });
    await page.waitForTimeout(100);
    const all = s.problems.join('\n');
    assert.match(all, /console error: something broke/);
    assert.match(all, /Rust panic .*panicked at src\/app\.rs/);
    assert.match(all, /page error: .*uncaught boom/);
    assert.throws(() => s.assertClean(), /3 problem\(s\)/);
  });
});

test('records failed requests and error responses, except allowed ones', async () => {
  const allowed = env.url('data/allowed-missing.json');
  await withPage({ allow: [allowed] }, async (page, s) => {
    await gotoApp(page, env.url(''));
    await page.evaluate(async (urls) => {
      for (const u of urls) await fetch(u).catch(() => {});
    }, [allowed, env.url('data/missing.json')]);
    await page.route('**/data/failed.json', (route) => route.abort('failed'));
    await page.evaluate((u) => fetch(u).catch(() => {}), env.url('data/failed.json'));
    // Aborted without any navigation: still a problem.
    await page.route('**/data/aborted.json', (route) => route.abort('aborted'));
    await page.evaluate((u) => fetch(u).catch(() => {}), env.url('data/aborted.json'));
    await page.waitForTimeout(100);
    const all = s.problems.join('\n');
    assert.match(all, /HTTP 404 for GET .*data\/missing\.json/);
    assert.match(all, /request failed: GET .*data\/failed\.json: net::ERR_FAILED/);
    assert.match(all, /request failed: GET .*data\/aborted\.json: net::ERR_ABORTED/);
    assert.doesNotMatch(all, /allowed-missing/);
  });
});

test('records requests leaving the origin, and the policy refusing them', async () => {
  await withPage({}, async (page, s) => {
    await gotoApp(page, env.url(''));
    // Answered by the route, so nothing really leaves the machine.
    await page.route('https://example.org/**', (route) => route.fulfill({ status: 200, body: 'x' }));
    const tracker = () => fetch('https://example.org/tracker.js', { mode: 'no-cors' }).catch(() => {});
    // The site's pages refuse it (connect-src 'self'): the violation is recorded.
    await page.evaluate(tracker);
    await page.waitForTimeout(100);
    assert.match(s.problems.join('\n'), /Content Security Policy violation: connect-src refused https:\/\/example\.org\/tracker\.js/);
    // A document without the policy (a data file) lets it go: the request is recorded.
    await page.goto(env.url('data/index.json'));
    await page.evaluate(tracker);
    await page.waitForTimeout(100);
    assert.match(s.problems.join('\n'), /request leaving the origin .*example\.org\/tracker\.js/);
  });
});

test('ignores requests of a previous document cancelled by the next navigation', async () => {
  await withPage({}, async (page, s) => {
    await gotoApp(page, env.url(''));
    // A request that never answers, cancelled when the next document loads.
    await page.route('**/data/slow.json', () => {});
    await page.evaluate((u) => {
      fetch(u).catch(() => {});
    }, env.url('data/slow.json'));
    await page.waitForTimeout(100);
    await gotoApp(page, env.url('about'));
    await page.waitForTimeout(100);
    s.assertClean();
  });
});
