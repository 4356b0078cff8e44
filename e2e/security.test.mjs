// What every page promises about what it loads and runs (SECURITY.md): a
// strict Content Security Policy with no inline script, no referrer, and Subresource Integrity on every script and stylesheet, checked
// in the built files and seen working in the browser. (Every other end-to-end
// test fails on any policy violation and any request leaving the origin: see
// openPage in lib/browser.mjs.)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

import { useEnvironment, openPage, gotoApp, appFile, DIST, BASE_PATH, CSP_VIOLATION } from './lib/browser.mjs';

const env = useEnvironment();

/** Every HTML file of the build, relative to it. */
function htmlFiles(dir = DIST, prefix = '') {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const rel = prefix + entry.name;
    if (entry.isDirectory()) return htmlFiles(path.join(dir, entry.name), `${rel}/`);
    return entry.name.endsWith('.html') ? [rel] : [];
  });
}

/** The start tags named `name` in `html`, as maps of their attributes (quoted or not). */
function tags(html, name) {
  return [...html.matchAll(new RegExp(`<${name}\\b([^>]*)>`, 'gi'))].map((m) => {
    const attributes = new Map();
    for (const a of m[1].matchAll(/([\w-]+)(?:=(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
      attributes.set(a[1].toLowerCase(), a[2] ?? a[3] ?? a[4] ?? '');
    }
    return { attributes, at: m.index };
  });
}

/** The directives of a policy: name → list of sources. */
function directives(policy) {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name, sources]),
  );
}

/** The integrity value of a file of the build, given its address on the site. */
function integrityOf(address) {
  const rel = address.startsWith(BASE_PATH) ? address.slice(BASE_PATH.length) : address;
  const bytes = readFileSync(path.join(DIST, rel.split('?')[0]));
  return `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
}

test('every built page carries the policy, no inline script, no referrer, and checked scripts and styles', () => {
  const files = htmlFiles();
  assert.ok(files.length >= 200, `the build's pages (${files.length})`);
  assert.ok(files.includes('shell.html') && files.includes('404.html'), 'the shell and the not-found page too');
  for (const file of files) {
    const html = readFileSync(path.join(DIST, file), 'utf8');
    const metas = tags(html, 'meta');
    const csp = metas.filter((m) => m.attributes.get('http-equiv')?.toLowerCase() === 'content-security-policy');
    assert.equal(csp.length, 1, `${file}: one policy`);
    const policy = directives(csp[0].attributes.get('content'));
    assert.deepEqual(policy.get('default-src'), ["'none'"], `${file}: nothing by default`);
    const scripts = policy.get('script-src');
    assert.deepEqual(scripts, ["'self'", "'wasm-unsafe-eval'"], `${file}: scripts from the site's files only`);
    for (const directive of ['style-src', 'connect-src', 'img-src']) {
      const sources = policy.get(directive) ?? [];
      assert.ok(!sources.includes("'unsafe-inline'") && !sources.includes("'unsafe-eval'") && !sources.includes('*'), `${file}: ${directive} ${sources}`);
      assert.ok(sources.every((s) => s.startsWith("'")), `${file}: ${directive} names no other host`);
    }
    assert.deepEqual(policy.get('object-src'), ["'none'"], file);
    // The policy comes before anything it governs.
    const first = Math.min(...[...tags(html, 'script'), ...tags(html, 'link'), ...tags(html, 'style')].map((t) => t.at));
    assert.ok(csp[0].at < first, `${file}: the policy is before the first script, link or style`);
    const referrer = metas.find((m) => m.attributes.get('name') === 'referrer');
    assert.equal(referrer?.attributes.get('content'), 'no-referrer', `${file}: no referrer`);

    for (const { attributes } of tags(html, 'script')) {
      const src = attributes.get('src');
      if (attributes.get('type') === 'application/ld+json') continue;
      assert.ok(src, `${file}: no inline script (${[...attributes.keys()].join(' ')})`);
      assert.equal(attributes.get('integrity'), integrityOf(src), `${file}: ${src} carries its integrity value`);
      if (attributes.has('data-app-wasm')) {
        assert.equal(attributes.get('data-app-js-integrity'), integrityOf(attributes.get('data-app-js')), `${file}: the glue's`);
        assert.equal(attributes.get('data-app-wasm-integrity'), integrityOf(attributes.get('data-app-wasm')), `${file}: the WebAssembly's`);
      }
    }
    const inline = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)].filter((m) => m[1].trim() !== '');
    assert.deepEqual(inline.map((m) => m[0].slice(0, 80)), [], `${file}: no inline script`);
    for (const { attributes } of tags(html, 'link').filter((l) => l.attributes.get('rel') === 'stylesheet')) {
      assert.equal(attributes.get('integrity'), integrityOf(attributes.get('href')), `${file}: its stylesheet carries its integrity value`);
    }
  }
});

test('in the browser, an injected inline script and an inline event handler are refused and reported', async () => {
  const s = await openPage(env.browser, { origin: env.server.origin });
  try {
    const { page } = s;
    await gotoApp(page, env.url('missions/unami/'));
    const ran = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.append(document.createTextNode('window.__ran = "script"'));
      document.head.append(script);
      // What a data string would become if it were ever parsed as HTML.
      const holder = document.createElement('div');
      holder.innerHTML = '<img src="data:," onerror="window.__ran = \'handler\'">';
      document.body.append(holder);
      await new Promise((resolve) => setTimeout(resolve, 300));
      holder.remove();
      return window.__ran ?? null;
    });
    assert.equal(ran, null, 'neither the script nor the handler ran');
    const reported = s.problems.filter((p) => p.startsWith(CSP_VIOLATION));
    assert.ok(reported.some((p) => /script-src-elem refused inline/.test(p)), `the inline script was reported: ${reported.join(' | ')}`);
    assert.ok(reported.some((p) => /script-src-attr refused inline/.test(p)), `the handler was reported: ${reported.join(' | ')}`);
    assert.ok(reported.some((p) => /img-src refused data/.test(p)), `the data: image was refused: ${reported.join(' | ')}`);
    // Besides those and Chromium's own console messages about them, nothing.
    const expected = (p) => reported.includes(p) || /violates the following Content Security Policy directive/.test(p);
    s.problems.splice(0, s.problems.length, ...s.problems.filter((p) => !expected(p)));
    s.assertClean();
  } finally {
    await s.close();
  }
});

for (const [what, pattern] of [
  ['WebAssembly', appFile('wasm')],
  ['JavaScript glue', appFile('glue')],
]) {
  test(`a ${what} file altered on its way is refused: the page stays as it was, readable`, async () => {
    const s = await openPage(env.browser, { origin: env.server.origin, allow: [pattern] });
    try {
      const { page } = s;
      let altered = 0;
      await page.route(pattern, async (route) => {
        const response = await route.fetch();
        const body = Buffer.concat([await response.body(), Buffer.from('\n// altered\n')]);
        altered += 1;
        await route.fulfill({ response, body });
      });
      const warnings = [];
      page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
      await page.goto(env.url('missions/unami/'));
      await page.waitForFunction(() => document.readyState === 'complete');
      const deadline = Date.now() + 10_000;
      while (!warnings.some((w) => w.includes('did not start')) && Date.now() < deadline) await page.waitForTimeout(100);
      assert.ok(altered >= 1, `the ${what} was asked for`);
      assert.ok(warnings.some((w) => w.includes('did not start')), `app-start.js gave up: ${warnings.join(' | ')}`);
      assert.equal(await page.evaluate(() => document.body.hasAttribute('data-prerendered')), true, 'the prerendered page is still there');
      assert.match(await page.locator('main h1').innerText(), /United Nations Assistance Mission for Iraq/);
      assert.ok(
        s.problems.some((p) => /integrity/i.test(p)),
        `the browser reported the integrity failure: ${s.problems.join(' | ')}`,
      );
    } finally {
      await s.close();
    }
  });
}

test('following a link sends no referrer', async () => {
  // Without the app, links are plain links: a full load, as from any page.
  const s = await openPage(env.browser, { origin: env.server.origin, appAtOnce: false });
  try {
    const { page } = s;
    const sent = [];
    page.on('request', async (r) => {
      if (r.isNavigationRequest() && r.url().endsWith('/about/')) sent.push((await r.allHeaders()).referer ?? '');
    });
    await page.goto(env.url('missions/unami/'), { waitUntil: 'load' });
    await Promise.all([page.waitForURL('**/about/'), page.locator('.site-nav a[href$="/about/"]').click()]);
    await page.waitForFunction(() => document.readyState === 'complete');
    assert.equal(await page.evaluate(() => document.referrer), '', 'the page does not learn where the reader came from');
    assert.deepEqual(sent, [''], 'no Referer header');
    s.assertClean();
  } finally {
    await s.close();
  }
});
