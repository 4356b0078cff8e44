// The frame around every page: skip link, header, main landmark, footer,
// theme toggle, small screens and print.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useEnvironment, withPage, gotoApp, waitForApp } from './lib/browser.mjs';

const env = useEnvironment();

const LIGHT_BG = 'rgb(255, 255, 255)';
const DARK_BG = 'rgb(17, 20, 24)';
const bodyBackground = (page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const dataTheme = (page) => page.evaluate(() => document.documentElement.getAttribute('data-theme'));
const themeToggle = (page) => page.locator('header button.theme-toggle');

for (const where of ['', 'missions/unami', 'missions/unami/personnel']) {
  test(`the first Tab focuses the skip link, which moves focus to <main> (/${where})`, async () => {
    await withPage(env, {}, async (page) => {
      await gotoApp(page, env.url(where));
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement;
        const box = el.getBoundingClientRect();
        return {
          tag: el.tagName,
          text: el.textContent.trim(),
          className: el.className,
          onScreen: box.top >= 0 && box.bottom <= innerHeight && box.width > 0,
        };
      });
      assert.equal(focused.tag, 'A');
      assert.equal(focused.text, 'Skip to main content');
      assert.ok(focused.onScreen, 'the focused skip link is visible on screen');
      const pathBefore = new URL(page.url()).pathname;
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.id === 'main');
      const active = await page.evaluate(() => ({ tag: document.activeElement.tagName, id: document.activeElement.id }));
      assert.deepEqual(active, { tag: 'MAIN', id: 'main' });
      // Skipping does not navigate anywhere.
      assert.equal(new URL(page.url()).pathname, pathBefore);
      await waitForApp(page);
      // The next Tab goes into the main content, past the header.
      await page.keyboard.press('Tab');
      const inMain = await page.evaluate(() => !!document.activeElement.closest('main'));
      assert.ok(inMain, 'the Tab after skipping lands inside <main>');
    });
  });
}

test('the header names the site and links home; one main landmark; the footer disclaims', async () => {
  await withPage(env, {}, async (page) => {
    for (const where of ['', 'about', 'missions/unami', 'missions/unami/sources', 'nope']) {
      await gotoApp(page, env.url(where));
      const name = page.locator('header a.site-name');
      assert.equal((await name.innerText()).trim(), 'Mission Pages', where);
      assert.equal(await name.getAttribute('href'), env.server.basePath, where);
      assert.equal(await page.locator('main, [role="main"]').count(), 1, `one main landmark on /${where}`);
      assert.equal(await page.locator('main#main').count(), 1, where);
      assert.equal(await page.locator('header.site-header').count(), 1, where);
      const footer = page.locator('footer');
      assert.equal(await footer.count(), 1, where);
      assert.match(await footer.innerText(), /not an official United Nations website/, where);
      const sourcesLink = footer.locator(`a[href="${env.path('about/#sources')}"]`);
      assert.equal(await sourcesLink.count(), 1, `the footer links to the sources explanation on /${where}`);
    }
  });
});

test('the footer link leads to the about page section on sources', async () => {
  await withPage(env, {}, async (page) => {
    await gotoApp(page, env.url('missions/unami'));
    await page.locator(`footer a[href="${env.path('about/#sources')}"]`).click();
    await page.waitForFunction(() => document.querySelector('main h1')?.textContent.includes('About'));
    const url = new URL(page.url());
    assert.equal(url.pathname, env.path('about/'));
    assert.equal(url.hash, '#sources');
    assert.equal(await page.locator('main h2#sources').count(), 1);
  });
});

// The heading a fragment names exists only once the app has rendered it, after
// the browser (and the router) looked for it: the shell scrolls to it then.
test('the footer link to the sources explanation scrolls it into view', async () => {
  await withPage(env, { viewport: { width: 390, height: 300 } }, async (page) => {
    const inView = () =>
      page.waitForFunction(
        () => {
          const h = document.getElementById('sources');
          if (!h) return false;
          const box = h.getBoundingClientRect();
          // Sub-pixel layout can leave the top at -0.5 after scrollIntoView.
          return box.top >= -1 && box.bottom <= innerHeight;
        },
        null,
        { timeout: 3_000 },
      ).then(
        () => true,
        () => false,
      );
    await gotoApp(page, env.url('missions/unami'));
    await page.locator(`footer a[href="${env.path('about/#sources')}"]`).click();
    await page.waitForFunction(() => document.getElementById('sources'));
    assert.ok(await inView(), 'after following the footer link, "How facts are sourced and dated" is on screen');
    await gotoApp(page, env.url('about#sources'));
    assert.ok(await inView(), 'loaded directly, <base>about#sources shows "How facts are sourced and dated" on screen');
  });
});

test('the site name link goes home without reloading the page', async () => {
  await withPage(env, {}, async (page) => {
    await gotoApp(page, env.url('missions/unami/timeline'));
    await page.evaluate(() => {
      window.__marker = 'kept';
    });
    await page.locator('header a.site-name').click();
    await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'UN field missions');
    assert.equal(new URL(page.url()).pathname, env.server.basePath);
    assert.equal(await page.evaluate(() => window.__marker), 'kept');
  });
});

test('the theme toggle switches light and dark, and the choice survives a reload', async () => {
  await withPage(env, { colorScheme: 'light' }, async (page) => {
    await gotoApp(page, env.url(''));
    const toggle = themeToggle(page);
    assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
    assert.match(await toggle.innerText(), /Dark theme/);
    assert.equal(await dataTheme(page), null, 'no saved choice at first');
    assert.equal(await bodyBackground(page), LIGHT_BG);

    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
    assert.equal(await dataTheme(page), 'dark');
    assert.equal(await bodyBackground(page), DARK_BG);
    assert.equal(await page.evaluate(() => localStorage.getItem('mission-pages-theme')), 'dark');

    await page.reload();
    await waitForApp(page);
    assert.equal(await dataTheme(page), 'dark', 'the dark choice is remembered');
    assert.equal(await bodyBackground(page), DARK_BG);
    await page.waitForFunction(() => document.querySelector('.theme-toggle')?.getAttribute('aria-pressed') === 'true');

    // Remembered across pages too (deep link to another page).
    await gotoApp(page, env.url('missions/unami'));
    assert.equal(await dataTheme(page), 'dark');
    assert.equal(await bodyBackground(page), DARK_BG);

    await themeToggle(page).click();
    assert.equal(await themeToggle(page).getAttribute('aria-pressed'), 'false');
    assert.equal(await dataTheme(page), 'light');
    assert.equal(await bodyBackground(page), LIGHT_BG);
    await page.reload();
    await waitForApp(page);
    assert.equal(await dataTheme(page), 'light', 'the light choice is remembered');
    assert.equal(await bodyBackground(page), LIGHT_BG);
    await page.waitForFunction(() => document.querySelector('.theme-toggle')?.getAttribute('aria-pressed') === 'false');
  });
});

test('with a dark system setting and no saved choice the page is dark; light can still be chosen', async () => {
  await withPage(env, { colorScheme: 'dark' }, async (page) => {
    await gotoApp(page, env.url(''));
    assert.equal(await dataTheme(page), null);
    assert.equal(await bodyBackground(page), DARK_BG);
    await page.waitForFunction(() => document.querySelector('.theme-toggle')?.getAttribute('aria-pressed') === 'true');

    await themeToggle(page).click();
    assert.equal(await themeToggle(page).getAttribute('aria-pressed'), 'false');
    assert.equal(await dataTheme(page), 'light');
    assert.equal(await bodyBackground(page), LIGHT_BG, 'the chosen light theme wins over the system setting');
    await page.reload();
    await waitForApp(page);
    assert.equal(await bodyBackground(page), LIGHT_BG);
  });
});

for (const width of [320, 390]) {
  test(`no horizontal scrolling at ${width}px wide`, async () => {
    await withPage(env, { viewport: { width, height: 800 } }, async (page) => {
      for (const where of ['', 'missions/unami', 'missions/unami/personnel', 'missions/unami/sources']) {
        await gotoApp(page, env.url(where));
        const { scrollWidth, clientWidth } = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          clientWidth: document.documentElement.clientWidth,
        }));
        assert.ok(scrollWidth <= clientWidth, `/${where} at ${width}px: scrollWidth ${scrollWidth} > clientWidth ${clientWidth}`);
      }
    });
  });
}

test('print hides the theme toggle and the navigation aids', async () => {
  await withPage(env, {}, async (page) => {
    await gotoApp(page, env.url('missions/unami'));
    assert.ok(await themeToggle(page).isVisible());
    await page.emulateMedia({ media: 'print' });
    assert.equal(await themeToggle(page).isVisible(), false, 'theme toggle hidden in print');
    assert.equal(await page.locator('nav.section-nav').isVisible(), false, 'section navigation hidden in print');
    assert.ok(await page.locator('main h1').isVisible(), 'the content still prints');
    // Print is black on white even when the dark theme was chosen.
    await page.emulateMedia({ media: 'screen' });
    await themeToggle(page).click();
    await page.emulateMedia({ media: 'print' });
    assert.equal(await bodyBackground(page), LIGHT_BG);
    await page.emulateMedia({ media: 'screen' });
    assert.ok(await themeToggle(page).isVisible());
  });
});
