// A whole mission in print (issue 20): `/missions/{id}/print/` has every
// section of a mission on one page. Chromium prints it to PDF at A4 and at
// US Letter, in English and in Arabic, and pdf.js (an independent reader)
// reads the PDF back: a sensible number of pages, no text outside the page's
// printable box, no text printed over other text, the body text at its size
// (not shrunk to fit) and the last source at the end. In the page itself, in
// print media at the paper's width: no table wider than its box, no
// controls. Also axe in both languages, the footnotes leading to the one
// list of sources, the page without JavaScript, and the link to it.

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';

import { useEnvironment, withPage, gotoApp, checkAxe, checkFootnotes, DIST } from './lib/browser.mjs';

const env = useEnvironment();
const MISSIONS = ['unami', 'unsmil'];
const LANGUAGES = [
  { code: 'en', prefix: '' },
  { code: 'ar', prefix: 'ar/' },
];
const PARTS = ['overview', 'mandate', 'timeline', 'leadership', 'personnel', 'offices', 'sources'];

/** The paper sizes in PDF points (1/72 in), and the margins `@page` sets (style/main.css). */
const PAPER = {
  A4: { width: 595.28, height: 841.89 },
  Letter: { width: 612, height: 792 },
};
const MM = 72 / 25.4;
const MARGIN = { block: 15 * MM, inline: 14 * MM };
/** The printable width of the narrower paper (A4) in CSS pixels (96 a inch). */
const PRINT_WIDTH_PX = Math.floor(((PAPER.A4.width - 2 * MARGIN.inline) * 96) / 72);

const data = {};
before(async () => {
  for (const id of MISSIONS) {
    data[id] = JSON.parse(await readFile(path.join(DIST, 'data', 'missions', `${id}.json`), 'utf8'));
  }
});

/** Every page's text items of the PDF `bytes`: `{ str, x0, x1, y0, y1, size }` in points, y upwards. */
async function readPdf(bytes) {
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false }).promise;
  const pages = [];
  for (let n = 1; n <= doc.numPages; n += 1) {
    const page = await doc.getPage(n);
    const [, , width, height] = page.view;
    const { items } = await page.getTextContent();
    const runs = items
      .filter((i) => i.str.trim() !== '' && i.width > 0)
      .map((i) => {
        const size = Math.hypot(i.transform[2], i.transform[3]);
        const [x, y] = [i.transform[4], i.transform[5]];
        // From the baseline: a fifth of the size below it, four fifths above.
        return { str: i.str, x0: x, x1: x + i.width, y0: y - 0.2 * size, y1: y + 0.8 * size, size };
      });
    pages.push({ width, height, runs });
  }
  await doc.destroy();
  return pages;
}

/** The runs of `page` that stick out of the printable box (with `slack` points). */
function outsideBox(page, slack = 1) {
  const left = MARGIN.inline - slack;
  const right = page.width - MARGIN.inline + slack;
  const bottom = MARGIN.block - slack;
  const top = page.height - MARGIN.block + slack;
  return page.runs.filter((r) => r.x0 < left || r.x1 > right || r.y0 < bottom || r.y1 > top);
}

/**
 * Pairs of runs of `page` printed over each other: boxes that share more
 * than a sliver both across (glyphs of a joined script touch) and up and
 * down (a footnote's raised number sits beside its word, not on it).
 */
function overlaps(page) {
  const runs = [...page.runs].sort((a, b) => a.x0 - b.x0);
  const found = [];
  for (let i = 0; i < runs.length; i += 1) {
    const a = runs[i];
    for (let j = i + 1; j < runs.length && runs[j].x0 < a.x1; j += 1) {
      const b = runs[j];
      const across = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
      const down = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
      const smaller = Math.min(a.x1 - a.x0, b.x1 - b.x0, 1.5 * Math.min(a.size, b.size));
      if (across > Math.max(1, 0.5 * smaller) && down > 0.5 * Math.min(a.size, b.size)) {
        found.push(`"${a.str}" and "${b.str}" at (${a.x0.toFixed(1)}, ${a.y0.toFixed(1)})`);
      }
    }
  }
  return found;
}

/** The median font size of a PDF's runs, weighted by their length. */
function bodySize(pages) {
  const sizes = pages.flatMap((p) => p.runs.flatMap((r) => Array(Math.min(r.str.length, 200)).fill(r.size)));
  sizes.sort((a, b) => a - b);
  return sizes[Math.floor(sizes.length / 2)];
}

for (const id of MISSIONS) {
  for (const { code, prefix } of LANGUAGES) {
    test(`${id} (${code}): printed to PDF at A4 and Letter, every page within its box, no text over text`, async (t) => {
      await withPage(env, {}, async (page) => {
        await gotoApp(page, env.url(`${prefix}missions/${id}/print/`));
        const m = data[id];
        const counts = {};
        for (const [format, paper] of Object.entries(PAPER)) {
          const pages = await readPdf(await page.pdf({ format }));
          const where = `${id} ${code} ${format}`;
          for (const [n, p] of pages.entries()) {
            assert.ok(Math.abs(p.width - paper.width) < 1 && Math.abs(p.height - paper.height) < 1, `${where} p. ${n + 1}: ${p.width}×${p.height} pt`);
            const out = outsideBox(p);
            assert.deepEqual(out.map((r) => `"${r.str}" ${r.x0.toFixed(1)}–${r.x1.toFixed(1)}, ${r.y0.toFixed(1)}–${r.y1.toFixed(1)}`), [], `${where} p. ${n + 1}: text outside the printable box`);
            assert.deepEqual(overlaps(p), [], `${where} p. ${n + 1}: text over text`);
          }
          // Printed at its size: Chromium shrinks a page wider than the paper.
          const size = bodySize(pages);
          assert.ok(size >= 10 && size <= 12.5, `${where}: body text at ${size.toFixed(1)} pt`);
          // As many pages as the text needs: from a dense page of small print
          // to a sparse one, plus a page for each part that starts on its own.
          const chars = pages.reduce((sum, p) => sum + p.runs.reduce((s, r) => s + r.str.length, 0), 0);
          const [min, max] = [Math.max(2, Math.ceil(chars / 6000)), Math.ceil(chars / 900) + PARTS.length];
          t.diagnostic(`${where}: ${pages.length} pages (${chars} characters; sensible: ${min}–${max})`);
          assert.ok(pages.length >= min && pages.length <= max, `${where}: ${pages.length} pages, not within ${min}–${max}`);
          // Nothing lost at the end: the last source's address is printed.
          const last = m.sources[m.sources.length - 1].url.replace(/^https?:\/\//, '').replace(/\/$/, '');
          const tail = pages.slice(-3).flatMap((p) => p.runs.map((r) => r.str)).join('').replace(/\s+/g, '');
          assert.ok(tail.includes(last.replace(/\s+/g, '')), `${where}: the last source (${last}) ends the PDF`);
          // Every number of the list of sources is printed: none cut off at
          // the margin. A marker is "12." or, right to left, "12" after ".".
          const numbers = new Set(
            pages.flatMap((p) =>
              p.runs.map((r, k) => /^(\d+)\.(?:\s|$)/.exec(r.str)?.[1] ?? (/^\d+$/.test(r.str) && p.runs[k - 1]?.str === '.' ? r.str : null)),
            ),
          );
          const missing = m.sources.map((_, i) => String(i + 1)).filter((n) => !numbers.has(n));
          assert.deepEqual(missing, [], `${where}: the numbers of the sources`);
          counts[format] = pages.length;
        }
        // Letter is shorter and a little wider than A4: about as many pages.
        assert.ok(Math.abs(counts.A4 - counts.Letter) <= Math.ceil(counts.A4 / 5), `A4 ${counts.A4}, Letter ${counts.Letter} pages`);
      });
    });
  }
}

test('the print page in print media, at the paper\'s width: no table wider than its box, no controls, every part', async () => {
  for (const id of MISSIONS) {
    for (const { code, prefix } of LANGUAGES) {
      await withPage(env, { viewport: { width: PRINT_WIDTH_PX, height: 1000 } }, async (page) => {
        const where = `${id} (${code})`;
        await gotoApp(page, env.url(`${prefix}missions/${id}/print/`));
        await page.emulateMedia({ media: 'print' });
        const wide = await page.evaluate(() =>
          [...document.querySelectorAll('table, .table-scroll')]
            .filter((el) => el.scrollWidth > el.clientWidth)
            .map((el) => `${el.closest('[id]')?.id}: ${el.scrollWidth} > ${el.clientWidth}`),
        );
        assert.deepEqual(wide, [], `${where}: tables wider than their box`);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= PRINT_WIDTH_PX, `${where}: the page is ${width}px wide at ${PRINT_WIDTH_PX}px`);
        // Nothing to press on paper.
        for (const part of ['button', 'form', 'select', 'input', '.section-nav', '.theme-toggle', '.language-switch', '.print-link']) {
          assert.equal(await page.locator(`${part}:visible`).count(), 0, `${where}: no ${part} in print`);
        }
        // Every part, each once; the figures as tables, the mandate open.
        for (const part of PARTS) {
          assert.equal(await page.locator(`main section.print-${part} > h2.print-heading`).count(), 1, `${where}: ${part}`);
        }
        assert.equal(await page.locator('main .chart-view, main .plot').count(), 0, `${where}: no charts`);
        assert.ok(await page.locator('#personnel-chart table').isVisible(), `${where}: the personnel table`);
        const areas = data[id].mandate.length;
        assert.equal(await page.locator('main .mandate-area details[open]').count(), areas, `${where}: every mandate area open`);
        const entries = data[id].resolutions.length + data[id].events.length;
        assert.equal(await page.locator('main ol.timeline > li').count(), entries, `${where}: every timeline entry`);
        assert.equal(await page.locator('main h1').count(), 1, `${where}: one h1`);
        await page.emulateMedia({ media: 'screen' });
      });
    }
  }
});

test('the print page passes axe in English and Arabic, and its footnotes lead to its one list of sources', async () => {
  for (const id of MISSIONS) {
    for (const { code, prefix } of LANGUAGES) {
      await withPage(env, {}, async (page) => {
        const where = `${id} print (${code})`;
        await gotoApp(page, env.url(`${prefix}missions/${id}/print/`));
        assert.equal(await page.locator('main ol.source-list').count(), 1, `${where}: one source list`);
        assert.equal(await checkFootnotes(page, where), data[id].sources.length, `${where}: every source listed`);
        // Headings in order: none more than one level below the one before.
        const levels = await page.locator('main :is(h1, h2, h3, h4, h5, h6)').evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])));
        assert.equal(levels[0], 1, `${where}: starts with its h1`);
        for (let i = 1; i < levels.length; i += 1) assert.ok(levels[i] <= levels[i - 1] + 1, `${where}: h${levels[i - 1]} then h${levels[i]}`);
        await checkAxe(page, where);
      });
    }
  }
});

test('each mission page links to its print page, which reads in full without JavaScript; other addresses stay not found', async () => {
  await withPage(env, {}, async (page) => {
    for (const [prefix, slug] of [['', ''], ['', 'timeline/'], ['ar/', 'personnel/']]) {
      await gotoApp(page, env.url(`${prefix}missions/unsmil/${slug}`));
      const link = page.locator('main .print-link a');
      assert.equal(await link.getAttribute('href'), env.path(`${prefix}missions/unsmil/print/`));
    }
    await page.locator('main .print-link a').click();
    await page.waitForURL(/\/ar\/missions\/unsmil\/print\/$/);
    await page.locator('main section.print-sources').waitFor();
  });
  const context = await env.browser.newContext({ javaScriptEnabled: false, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    for (const { code, prefix } of LANGUAGES) {
      const response = await page.goto(env.url(`${prefix}missions/unami/print/`));
      assert.equal(response.status(), 200, `${code}: served`);
      for (const part of PARTS) {
        assert.ok(await page.locator(`main section.print-${part} > h2.print-heading`).isVisible(), `${code}: ${part} without scripts`);
      }
      assert.ok(await page.locator('#personnel-chart table').isVisible(), `${code}: the personnel table without scripts`);
      assert.equal(await page.locator('main ol.source-list > li').count(), data.unami.sources.length);
    }
    for (const wrong of ['missions/unami/prints/', 'missions/unami/print/2019/', 'missions/no-such/print/']) {
      const response = await page.goto(env.url(wrong));
      assert.equal(response.status(), 404, wrong);
    }
  } finally {
    await context.close();
  }
  // In the app, `print` is its own route and the section route still refuses what it does not know.
  await withPage(env, {}, async (page) => {
    for (const wrong of ['missions/unami/prints', 'missions/unami/print/2019']) {
      await gotoApp(page, env.url(wrong));
      assert.equal(await page.locator('main section.print-part').count(), 0, wrong);
      assert.match(await page.title(), /not found/i, wrong);
    }
  });
});
