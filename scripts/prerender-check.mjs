// Prototype check of prerendered pages (issue 7): opens each page of a
// prerendered dist/ in headless Chromium, first with JavaScript off (a
// screenshot of each), then with it on, watching every frame for the
// moment the app takes over: whether the page's heading ever disappears,
// whether it moves, and which data files are downloaded.
//
//   node scripts/prerender-check.mjs DIR OUT_DIR [basePath=/] PATH...

import { mkdir } from "node:fs/promises";
import { chromium } from "playwright-core";
import { startServer } from "../e2e/lib/server.mjs";

const [root = "dist", outDir = "target/prerender-shots", basePath = "/", ...paths] = process.argv.slice(2);
const pages = paths.length ? paths : ["", "missions/unami", "missions/unami/timeline", "ar/missions/unami"];
await mkdir(outDir, { recursive: true });
const server = await startServer({ root, basePath });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium" });
try {
  for (const js of [false, true]) {
    const context = await browser.newContext({ javaScriptEnabled: js, viewport: { width: 1100, height: 900 } });
    // Every frame from the first: is the heading there, and where.
    await context.addInitScript(() => {
      window.__frames = [];
      const look = () => {
        const h1 = document.querySelector("main h1");
        window.__frames.push({
          t: Math.round(performance.now()),
          h1: h1 ? h1.textContent.trim().slice(0, 40) : null,
          top: h1 ? Math.round(h1.getBoundingClientRect().top) : null,
          height: document.documentElement.scrollHeight,
          prerendered: document.body ? document.body.hasAttribute("data-prerendered") : null,
        });
        if (window.__frames.length < 600) requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    });
    for (const p of pages) {
      const page = await context.newPage();
      const data = [];
      page.on("request", (r) => {
        const u = new URL(r.url());
        if (u.pathname.endsWith(".json")) data.push(u.pathname);
      });
      const errors = [];
      page.on("pageerror", (e) => errors.push(String(e)));
      const url = server.baseUrl + p;
      const response = await page.goto(url, { waitUntil: "load" });
      await page.waitForTimeout(js ? 1500 : 200);
      const name = `${js ? "js" : "nojs"}-${p.replace(/\//g, "_") || "home"}`;
      await page.screenshot({ path: `${outDir}/${name}.png` });
      const h1 = await page.locator("main h1").first().textContent().catch(() => null);
      const title = await page.title();
      const headCount = await page.evaluate(() => ({
        descriptions: document.querySelectorAll('head meta[name="description"]').length,
        alternates: document.querySelectorAll('head link[rel="alternate"]').length,
      }));
      let frames = [];
      if (js) frames = await page.evaluate(() => window.__frames);
      // Frames before the body was parsed have no heading yet; count the gaps after it first showed.
      const first = frames.findIndex((f) => f.h1 !== null);
      const missing = first < 0 ? frames.length : frames.slice(first).filter((f) => f.h1 === null).length;
      const tops = [...new Set(frames.filter((f) => f.top !== null).map((f) => f.top))];
      console.log(
        JSON.stringify({
          js, path: p, status: response.status(), title, h1, ...headCount,
          data, errors,
          ...(js ? { frames: frames.length, framesWithoutH1: missing, h1Tops: tops, stillPrerendered: frames.at(-1)?.prerendered } : {}),
        }),
      );
      await page.close();
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
