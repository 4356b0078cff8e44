// Saves screenshots of the built site (dist/) so anyone can look at it:
// each page at 1280 px and 390 px wide, in the light and the dark theme, in
// English and in Arabic (names starting `ar-`).
//
// Usage: node scripts/screenshots.mjs [dist] [out=docs/screenshots] [only]
// With FIRST_SCREEN=1, each shot is the first screen only, not the whole page
// (small enough to commit: docs/screenshots/first-screen/, see README.md).
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { startServer } from "../e2e/lib/server.mjs";
import { CHROMIUM_ARGS, startAppAtOnce } from "../e2e/lib/browser.mjs";

const root = process.argv[2] ?? "dist";
// Only the pages whose names contain this, if given: `... dist out compare`.
const only = process.argv[4];
const out = process.argv[3] ?? "docs/screenshots";
const pages = {
  catalogue: "",
  "unami-overview": "missions/unami",
  "unami-mandate": "missions/unami/mandate",
  "unami-timeline": "missions/unami/timeline",
  "unami-leadership": "missions/unami/leadership",
  "unami-personnel": "missions/unami/personnel",
  "unami-offices": "missions/unami/offices",
  "unami-sources": "missions/unami/sources",
  "unsmil-overview": "missions/unsmil",
  "compare-two": "compare?ids=unami,unama",
  "compare-four": "compare?ids=unami,unama,unsmil,unmha",
  "compare-choose": "compare?ids=unami,nosuch",
  "not-found": "missions/no-such-mission",
  // Arabic, right to left.
  "ar-catalogue": "ar/",
  "ar-unami-overview": "ar/missions/unami",
  "ar-unami-timeline": "ar/missions/unami/timeline",
  "ar-unami-personnel": "ar/missions/unami/personnel",
  "ar-unami-offices": "ar/missions/unami/offices",
  "ar-compare-two": "ar/compare?ids=unami,unama",
  "ar-search": "ar/search?q=" + encodeURIComponent("بغداد"),
};
const viewports = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } };

mkdirSync(out, { recursive: true });
// Serve the build under the sub-path it was built for (its <base href>).
const basePath = readFileSync(join(root, "index.html"), "utf8").match(/<base href="?([^" >]+)/)?.[1] ?? "/";
const server = await startServer({ root, basePath });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: CHROMIUM_ARGS,
});
try {
  for (const [name, path] of Object.entries(pages).filter(([n]) => !only || n.includes(only))) {
    for (const [size, viewport] of Object.entries(viewports)) {
      for (const colorScheme of ["light", "dark"]) {
        const context = await browser.newContext({ viewport, colorScheme, serviceWorkers: "block" });
        // The app, started at once (app-start.js), as a reader using the page sees it.
        await context.addInitScript(startAppAtOnce);
        const page = await context.newPage();
        await page.goto(server.baseUrl + path);
        await page.locator("main h1").first().waitFor();
        await page.waitForFunction(() => !document.body.hasAttribute("data-prerendered"));
        await page.waitForFunction(() => !document.querySelector(".loading"));
        const file = join(out, `${name}-${size}-${colorScheme}.png`);
        const fullPage = process.env.FIRST_SCREEN !== "1";
        // Chromium lays out and paints the cards and timeline entries marked
        // `content-visibility: auto` only near the viewport: a whole-page shot
        // would show the others as empty boxes.
        if (fullPage) {
          await page.evaluate(() => {
            for (const e of document.querySelectorAll("body *")) {
              if (getComputedStyle(e).contentVisibility === "auto") e.style.contentVisibility = "visible";
            }
          });
        }
        await page.screenshot({ path: file, fullPage });
        console.log(file);
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
