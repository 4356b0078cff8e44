// Routing under a sub-path, as on GitHub Pages: client-side navigation, deep
// links (each page a prerendered file), unknown addresses (404.html with 404), titles,
// descriptions, and links that never escape the base path.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useEnvironment, withPage, gotoApp, waitForApp } from './lib/browser.mjs';

const env = useEnvironment();

const NAME = 'United Nations Assistance Mission for Iraq';
const SECTIONS = [
  { slug: 'mandate', label: 'Mandate' },
  { slug: 'timeline', label: 'Timeline' },
  { slug: 'leadership', label: 'Leadership' },
  { slug: 'personnel', label: 'Personnel and budget' },
  { slug: 'offices', label: 'Offices' },
  { slug: 'sources', label: 'Sources' },
];

const h1Text = async (page) => (await page.locator('main h1').innerText()).replace(/\s+/g, ' ').trim();

/** Waits until `main h1` starts with `text` (client-side navigation has no load event). */
async function waitForHeading(page, text) {
  await page.waitForFunction(
    (t) => !document.querySelector('.loading') && (document.querySelector('main h1')?.textContent ?? '').replace(/\s+/g, ' ').trim().startsWith(t),
    text,
  );
}

/** Checks the title and description are the page's own, and every site link stays under the base. */
async function checkHead(page, where) {
  // The title is set by the app after rendering; wait for it to leave the placeholder.
  await page.waitForFunction(() => document.title !== 'Mission Pages' && !document.title.startsWith('Loading'));
  const title = await page.title();
  assert.match(title, /^.+ · Mission Pages$/, `${where}: title "${title}" names the page`);
  const descriptions = await page.locator('meta[name="description"]').evaluateAll((els) => els.map((e) => e.getAttribute('content')));
  assert.equal(descriptions.length, 1, `${where}: exactly one meta description, got ${JSON.stringify(descriptions)}`);
  assert.ok(descriptions[0] && descriptions[0].trim().length >= 20, `${where}: a meaningful meta description, got "${descriptions[0]}"`);
  await checkLinksUnderBase(page, where);
  return { title, description: descriptions[0] };
}

async function checkLinksUnderBase(page, where) {
  const hrefs = await page.locator('a[href^="/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.ok(hrefs.length > 0, `${where}: has site links`);
  const escaping = hrefs.filter((h) => !h.startsWith(env.server.basePath));
  assert.deepEqual(escaping, [], `${where}: links outside ${env.server.basePath}`);
  // And no link (relative or not) resolves to another origin's site path or outside the base.
  const outside = await page.locator('a[href]').evaluateAll((as) => {
    const base = new URL(document.baseURI).pathname;
    return as
      .map((a) => a.href)
      .filter((u) => {
        const url = new URL(u);
        return url.origin === location.origin && !url.pathname.startsWith(base);
      });
  });
  assert.deepEqual(outside, [], `${where}: same-origin links resolving outside the base`);
}

test('the catalogue at the base lists UNAMI with a link to its page', async () => {
  await withPage(env, {}, async (page) => {
    const response = await gotoApp(page, env.url(''));
    assert.equal(response.status(), 200, 'the base itself is a real file (index.html)');
    assert.equal(await h1Text(page), 'UN field missions');
    const card = page.locator(`main .card a[href="${env.path('missions/unami/')}"]`);
    assert.equal(await card.count(), 1);
    assert.equal(await card.getAttribute('href'), env.path('missions/unami/'));
    assert.match(await card.innerText(), new RegExp(NAME));
    await checkHead(page, 'catalogue');
  });
});

test('the base without its trailing slash redirects to the catalogue', async () => {
  await withPage(env, {}, async (page) => {
    await gotoApp(page, env.server.origin + env.server.basePath.replace(/\/$/, ''));
    assert.equal(new URL(page.url()).pathname, env.server.basePath);
    assert.equal(await h1Text(page), 'UN field missions');
  });
});

test('following links navigates client-side and stays under the base', async () => {
  await withPage(env, {}, async (page) => {
    await gotoApp(page, env.url(''));
    await page.evaluate(() => {
      window.__marker = 'same document';
    });
    const documents = [];
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) documents.push(frame.url());
    });
    const requests = [];
    page.on('request', (r) => {
      if (r.isNavigationRequest()) requests.push(r.url());
    });

    await page.locator(`main .card a[href="${env.path('missions/unami/')}"]`).click();
    await waitForHeading(page, NAME);
    assert.equal(new URL(page.url()).pathname, env.path('missions/unami/'));
    assert.equal(await page.evaluate(() => window.__marker), 'same document', 'no full reload');

    await page.locator('nav.section-nav a', { hasText: 'Timeline' }).click();
    await waitForHeading(page, 'Timeline');
    assert.equal(new URL(page.url()).pathname, env.path('missions/unami/timeline/'));
    assert.equal(await page.locator('nav.section-nav a[aria-current="page"]').innerText(), 'Timeline');

    await page.locator('nav.breadcrumb a', { hasText: 'UNAMI' }).click();
    await waitForHeading(page, NAME);
    assert.equal(new URL(page.url()).pathname, env.path('missions/unami/'));

    await page.locator('main a.section-card', { hasText: 'Leadership' }).click();
    await waitForHeading(page, 'Leadership');
    assert.equal(new URL(page.url()).pathname, env.path('missions/unami/leadership/'));

    await page.locator('header nav a', { hasText: 'Missions' }).click();
    await waitForHeading(page, 'UN field missions');
    assert.equal(new URL(page.url()).pathname, env.server.basePath);

    assert.equal(await page.evaluate(() => window.__marker), 'same document', 'no full reload along the way');
    assert.deepEqual(requests, [], 'no document requests during client-side navigation');

    // A page made only at build time (about) is loaded as a page: the router leaves its link alone.
    await page.locator('header nav a', { hasText: 'About' }).click();
    await waitForHeading(page, 'About Mission Pages');
    assert.equal(new URL(page.url()).pathname, env.path('about/'));
    assert.equal(await page.evaluate(() => window.__marker), undefined, 'a new document');
    assert.deepEqual(requests, [env.url('about/')], 'one document request: the about page');
  });
});

test('the back and forward buttons return to the previous pages', async () => {
  await withPage(env, {}, async (page) => {
    await gotoApp(page, env.url(''));
    await page.locator(`main .card a[href="${env.path('missions/unami/')}"]`).click();
    await waitForHeading(page, NAME);
    await page.locator('nav.section-nav a', { hasText: 'Personnel and budget' }).click();
    await waitForHeading(page, 'Personnel and budget');

    await page.goBack();
    await waitForHeading(page, NAME);
    assert.equal(new URL(page.url()).pathname, env.path('missions/unami/'));
    await page.goBack();
    await waitForHeading(page, 'UN field missions');
    assert.equal(new URL(page.url()).pathname, env.server.basePath);
    await page.goForward();
    await waitForHeading(page, NAME);
    assert.equal(new URL(page.url()).pathname, env.path('missions/unami/'));
    await checkHead(page, 'overview after forward');
  });
});

test('a deep link to the UNAMI overview works', async () => {
  await withPage(env, {}, async (page) => {
    const response = await gotoApp(page, env.url('missions/unami/'));
    // A page of its own (missions/unami/index.html), which the app takes over.
    assert.equal(response.status(), 200);
    assert.equal(await h1Text(page), `${NAME} (UNAMI)`);
    const current = page.locator('nav.section-nav a[aria-current="page"]');
    assert.equal(await current.count(), 1);
    assert.equal(await current.innerText(), 'Overview');
    assert.equal(await current.getAttribute('href'), env.path('missions/unami/'));
    const { title } = await checkHead(page, 'overview');
    assert.equal(title, `UNAMI: ${NAME} · Mission Pages`);
  });
});

test('deep links to every UNAMI section work, each with its own heading, title and current link', async () => {
  await withPage(env, {}, async (page) => {
    const titles = new Set();
    for (const { slug, label } of SECTIONS) {
      const where = `missions/unami/${slug}/`;
      await gotoApp(page, env.url(where));
      const h1 = await h1Text(page);
      assert.ok(h1.startsWith(label), `${where}: h1 "${h1}" starts with "${label}"`);
      assert.match(h1, /UNAMI/, where);
      const current = page.locator('nav.section-nav a[aria-current="page"]');
      assert.equal(await current.count(), 1, `${where}: one current link`);
      assert.equal(await current.innerText(), label, where);
      assert.equal(await current.getAttribute('href'), env.path(where), where);
      assert.equal(await page.locator('nav.section-nav a').count(), SECTIONS.length + 1, where);
      const crumb = page.locator('nav.breadcrumb [aria-current="page"]');
      assert.equal((await crumb.innerText()).trim(), label, `${where}: breadcrumb`);
      const { title } = await checkHead(page, where);
      assert.equal(title, `${label} · UNAMI · Mission Pages`, where);
      titles.add(title);
    }
    assert.equal(titles.size, SECTIONS.length, 'every section has a different title');
  });
});

test('the about page has its own title and description', async () => {
  await withPage(env, {}, async (page) => {
    await gotoApp(page, env.url('about'));
    assert.equal(await h1Text(page), 'About Mission Pages');
    const { title } = await checkHead(page, 'about');
    assert.equal(title, 'About · Mission Pages');
  });
});

for (const where of ['nope/deeper', 'nope', 'missions/zzz', 'missions/unami/nope', 'missions/UNAMI', 'missions/unami/timeline/extra', 'missions/%2e%2e%2fdata']) {
  test(`an unknown address shows "Page not found" with a way back (/${where})`, async () => {
    await withPage(env, {}, async (page) => {
      const response = await gotoApp(page, env.url(where));
      assert.equal(response.status(), 404);
      assert.equal(await h1Text(page), 'Page not found');
      const home = page.locator(`main a[href="${env.server.basePath}"]`);
      assert.equal(await home.count(), 1, 'a link back to the list of missions');
      const { title } = await checkHead(page, where);
      assert.equal(title, 'Page not found · Mission Pages');
      await home.click();
      await waitForHeading(page, 'UN field missions');
      assert.equal(new URL(page.url()).pathname, env.server.basePath);
    });
  });
}

test('switching between missions pages updates title and description', async () => {
  await withPage(env, {}, async (page) => {
    await gotoApp(page, env.url('missions/unami/mandate'));
    const mandate = await checkHead(page, 'mandate');
    await page.locator('nav.section-nav a', { hasText: 'Offices' }).click();
    await waitForHeading(page, 'Offices');
    await page.waitForFunction((t) => document.title !== t, mandate.title);
    const offices = await checkHead(page, 'offices');
    assert.equal(offices.title, 'Offices · UNAMI · Mission Pages');
    assert.notEqual(offices.description, mandate.description);
    await waitForApp(page);
  });
});
