// Accessibility: axe (WCAG 2.0, 2.1 and 2.2, levels A and AA) finds nothing on
// any page, in the light and the dark theme, in English and in Arabic (right
// to left), including the not-found page and the alert shown when data cannot
// be loaded.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useEnvironment, openPage, gotoApp, checkAxe, sameFile, useShell, serveTimelineInEnglishOnly } from './lib/browser.mjs';

const env = useEnvironment();

const PAGES = [
  { name: 'catalogue', where: '' },
  { name: 'about page', where: 'about' },
  { name: 'UNAMI overview', where: 'missions/unami' },
  ...['mandate', 'timeline', 'leadership', 'personnel', 'offices', 'sources'].map((slug) => ({
    name: `UNAMI ${slug}`,
    where: `missions/unami/${slug}`,
  })),
  { name: 'UNAMI print page', where: 'missions/unami/print' },
  { name: 'not-found page', where: 'missions/unami/nope' },
  // Right to left, in Arabic.
  { name: 'Arabic catalogue', where: 'ar/' },
  { name: 'Arabic UNAMI overview', where: 'ar/missions/unami' },
  ...['timeline', 'leadership', 'personnel', 'offices', 'sources'].map((slug) => ({
    name: `Arabic UNAMI ${slug}`,
    where: `ar/missions/unami/${slug}`,
  })),
  { name: 'Arabic UNAMI print page', where: 'ar/missions/unami/print' },
  { name: 'Arabic UNAMA timeline (English texts marked)', where: 'ar/missions/unama/timeline', englishOnly: 'unama' },
];

for (const colorScheme of ['light', 'dark']) {
  for (const { name, where, englishOnly } of PAGES) {
    test(`axe: no violations on the ${name} (${colorScheme})`, async () => {
      const s = await openPage(env.browser, { origin: env.server.origin, colorScheme });
      try {
        if (englishOnly) await serveTimelineInEnglishOnly(s.page, englishOnly, env.url(`data/missions/${englishOnly}.json`));
        await gotoApp(s.page, env.url(where));
        if (englishOnly) assert.ok((await s.page.locator('main .untranslated-marker').count()) > 0, 'English texts, marked');
        await checkAxe(s.page, `${name}, ${colorScheme}`);
        s.assertClean();
      } finally {
        await s.close();
      }
    });
  }

  test(`axe: no violations on the data-error alert (${colorScheme})`, async () => {
    const fileUrl = env.url('data/missions/unami.json');
    const s = await openPage(env.browser, { origin: env.server.origin, colorScheme, allow: [fileUrl] });
    try {
      await useShell(s.page); // the app's shell, in which the app downloads the data itself
      await s.page.route(sameFile(fileUrl), (route) => route.fulfill({ status: 500, contentType: 'text/plain', body: 'Internal Server Error' }));
      await gotoApp(s.page, env.url('missions/unami'));
      assert.equal(await s.page.locator('main [role="alert"]').count(), 1);
      await checkAxe(s.page, `data-error alert, ${colorScheme}`);
      // With keyboard focus on the button too (the focus ring must show).
      await s.page.getByRole('button', { name: 'Try again' }).focus();
      await checkAxe(s.page, `data-error alert with focus, ${colorScheme}`);
      s.assertClean();
    } finally {
      await s.close();
    }
  });
}

test('axe: no violations with the dark theme chosen by the toggle on a light system', async () => {
  const s = await openPage(env.browser, { origin: env.server.origin, colorScheme: 'light' });
  try {
    await gotoApp(s.page, env.url('missions/unami'));
    await s.page.locator('header button.theme-toggle').click();
    assert.equal(await s.page.evaluate(() => document.documentElement.dataset.theme), 'dark');
    await checkAxe(s.page, 'overview, dark by choice');
    await gotoApp(s.page, env.url('missions/unami/personnel'));
    await checkAxe(s.page, 'personnel, dark by choice');
    s.assertClean();
  } finally {
    await s.close();
  }
});

test('axe: no violations with visited links and the skip link shown', async () => {
  // Visited links have their own colour; the skip link appears on focus.
  const s = await openPage(env.browser, { origin: env.server.origin, colorScheme: 'dark' });
  try {
    await gotoApp(s.page, env.url('about'));
    await gotoApp(s.page, env.url(''));
    await s.page.keyboard.press('Tab');
    await checkAxe(s.page, 'catalogue with focus on the skip link');
    s.assertClean();
  } finally {
    await s.close();
  }
});
