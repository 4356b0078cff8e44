// Starts the app on a prerendered page when the reader needs it.
//
// A prerendered page is whole without the app: its text, tables, links and
// footnotes are all there. The app (its WebAssembly is the largest download) adds what
// needs a program: search, filters, the theme switch, chart tooltips, the
// table/chart switch, comparing, moving between pages without reloading. So a
// first visit downloads the page and its styles only, and the app starts:
//
// - at once when the page is nothing without it (the search page, marked
//   `data-app-now`), when the address has a query (a filtered view, a search,
//   a comparison), when the site's offline copy is in place (a returning
//   reader: the app is on the device already), and when
//   `localStorage["mission-pages-start"]` is "now" (the end-to-end tests);
// - otherwise as soon as the reader reaches for a control: a pointer over or
//   on it, a touch, focus, a key.
//
// Once the page has loaded, the app is downloaded and compiled in the
// background (not for readers who asked to save data), so that it is ready,
// or nearly, by the time the reader reaches for a control.
//
// Whatever the reader did meanwhile carries over: the control in focus, what
// was typed or ticked, the scroll position, and a click on a button is
// clicked again once the app has taken over (the app renders the same page,
// so the controls are the same, in the same order).
//
// Prerendered pages load this file instead of Trunk's loader (see
// src/bin/prerender.rs). Its tag gives it, from the build's manifest, the
// app's two addresses and their integrity values, and the build's version.

const tag = document.querySelector("script[data-app-wasm]");
const CONTROLS = "a[href], button, input, select, textarea, summary, [tabindex]";
const REACHED = "button, input, select, textarea, summary, label, [tabindex], .chart-figure, .office-map";

let state = "waiting"; // then "starting", then "started"
let pendingClick = null; // where the button clicked too early is
let pendingSlash = false;

function startsAtOnce() {
  let asked = false;
  try {
    asked = localStorage.getItem("mission-pages-start") === "now";
  } catch {
    // Storage can be unavailable (privacy settings).
  }
  return (
    asked ||
    location.search !== "" ||
    document.body.hasAttribute("data-app-now") ||
    Boolean(navigator.serviceWorker && navigator.serviceWorker.controller)
  );
}

/**
 * Where a control is, in terms that hold in the app's page too: the nearest
 * element with an id around it, and its place among that element's controls.
 * (Counting from the top of the page would not do: a chart draws its points,
 * each focusable, only in the app.) `what` tells the control apart from
 * another one at that place while the app's page is still half rendered.
 */
function locate(el) {
  const scope = el.parentElement?.closest("[id]") ?? document.body;
  return { id: scope === document.body ? null : scope.id, i: [...scope.querySelectorAll(CONTROLS)].indexOf(el), what: kind(el) };
}

/** A control's element, type and name, and a box's value (which tells a group's boxes apart). */
const kind = (el) => [el.tagName, el.type, el.name, el.type === "checkbox" || el.type === "radio" ? el.value : ""].join(" ");

function find(place) {
  const scope = place.id === null ? document.body : document.getElementById(place.id);
  const el = scope?.querySelectorAll(CONTROLS)[place.i];
  return el && kind(el) === place.what ? el : undefined;
}

/** Whether the reader changed a control from the state the page came with. */
function isChanged(el) {
  if (el.type === "checkbox" || el.type === "radio") return el.checked !== el.defaultChecked;
  if (el.tagName === "SELECT") {
    const initial = [...el.options].find((o) => o.defaultSelected) ?? el.options[0];
    return Boolean(initial) && el.value !== initial.value;
  }
  return "defaultValue" in el && el.value !== el.defaultValue;
}

/** What the reader changed on the page so far, to carry over to the app's page. */
function snapshot() {
  const changed = [...document.querySelectorAll(CONTROLS)]
    .filter(isChanged)
    .map((el) => (el.type === "checkbox" || el.type === "radio" ? { place: locate(el), checked: el.checked } : { place: locate(el), value: el.value }));
  const focused = document.activeElement?.matches(CONTROLS) ? locate(document.activeElement) : null;
  // Disclosures the reader opened without the app (see onReach).
  const opened = [...document.querySelectorAll("details[id][open]")].map((d) => d.id);
  return { focused, changed, opened, x: scrollX, y: scrollY, reading: readingPlace() };
}

/**
 * Where the reader is reading: the element with an id at the top of the
 * window, and how far below the top its own top is. Restoring the scroll
 * position alone would not do: parts of a long page far from the window are
 * only laid out when near it (content-visibility), so the app's new page
 * has other heights above the reader until they are.
 */
function readingPlace() {
  const at = document.elementFromPoint(innerWidth / 2, 1)?.closest("[id]");
  return at ? { id: at.id, top: at.getBoundingClientRect().top } : null;
}

/**
 * Runs `then` with what `look` finds: at once, or as soon as the app adds it
 * to the page (the app renders a page's content a moment after its frame,
 * once its data is read, and a chart after that). Watching the page's
 * changes rather than waiting for the next frame puts the reader's ticks
 * and place back before the app's page is first painted, so the page is
 * laid out once, not twice. After two seconds without it, runs `otherwise`.
 */
function whenThere(look, then, otherwise = () => {}) {
  const found = look();
  if (found) return then(found);
  const stop = () => {
    watcher.disconnect();
    clearTimeout(timer);
  };
  const watcher = new MutationObserver(() => {
    const now = look();
    if (!now) return;
    stop();
    then(now);
  });
  const timer = setTimeout(() => {
    stop();
    otherwise();
  }, 2000);
  watcher.observe(document.body, { childList: true, subtree: true });
}

/** Runs `then` with the control at `place` once the app has rendered it. */
const whenFound = (place, then) => whenThere(() => find(place), then);

function restore(saved) {
  for (const { place, checked, value } of saved.changed) {
    whenFound(place, (el) => {
      if (checked !== undefined) el.checked = checked;
      else el.value = value;
      el.dispatchEvent(new Event("input", { bubbles: true }));
      el.dispatchEvent(new Event("change", { bubbles: true }));
    });
  }
  for (const id of saved.opened) whenThere(() => document.getElementById(id), (el) => (el.open = true));
  if (saved.focused) whenFound(saved.focused, (el) => el.focus({ preventScroll: true }));
  if (pendingClick) whenFound(pendingClick, (el) => el.click());
  if (pendingSlash) dispatchEvent(new KeyboardEvent("keydown", { key: "/", bubbles: true }));
  // The reader's place last, just before the frame is painted: measuring the
  // page lays it out, which is then done once, with the ticks' effects in
  // it. (Nothing to do for a reader at the top: the app's page starts there.)
  if (saved.x !== 0 || saved.y !== 0) requestAnimationFrame(() => returnTo(saved));
}

/** Scrolls back to where the reader was reading (see readingPlace). */
function returnTo(saved) {
  const reading = saved.reading && document.getElementById(saved.reading.id);
  if (reading?.checkVisibility()) scrollTo(saved.x, scrollY + reading.getBoundingClientRect().top - saved.reading.top);
  else scrollTo(saved.x, saved.y);
}

async function compile(url, integrity) {
  try {
    return await WebAssembly.compileStreaming(fetch(url, { integrity }));
  } catch (error) {
    // A host that serves .wasm with another content type.
    if (!(error instanceof TypeError) || /integrity/i.test(error.message)) throw error;
    return WebAssembly.compile(await (await fetch(url, { integrity })).arrayBuffer());
  }
}

/**
 * Imports the app's JavaScript glue, checked against its integrity value: a
 * module preload carries the check (import() cannot), and the import then
 * takes the module the preload fetched.
 */
function importChecked(url, integrity) {
  return new Promise((resolve, reject) => {
    const link = document.createElement("link");
    link.rel = "modulepreload";
    link.href = url;
    link.integrity = integrity;
    link.crossOrigin = "anonymous";
    link.onload = () => import(url).then(resolve, reject);
    link.onerror = () => reject(new Error(`${url} did not load or did not match its integrity value`));
    document.head.append(link);
  });
}

/**
 * The data files the page was rendered from (`<body data-app-data>`), with
 * the build's version in their address as the app asks for them (so the
 * offline copy answers): each as [file, blob], or, for one that could not be
 * had, [file, null, why]. The app then keeps the page as it is and says why
 * (src/takeover.rs).
 */
function pageData() {
  const files = (document.body.dataset.appData ?? "").split(" ").filter(Boolean);
  const version = tag.dataset.appVersion;
  return Promise.all(
    files.map((file) => {
      const url = new URL(file, document.baseURI);
      if (version) url.searchParams.set("v", version);
      // A stalled download is given up after the app's own time limit
      // (load::LOAD_TIMEOUT_SECONDS, which the prerenderer writes on the tag).
      return fetch(url, { signal: AbortSignal.timeout(Number(tag.dataset.appTimeout) * 1000) }).then(
        (response) =>
          // Kept as a blob until the app starts: decoding a large file's text
          // is work on the main thread, which a page read without the app
          // never needs.
          response.ok
            ? response.blob().then((blob) => [file, blob], (error) => [file, null, failure(error)])
            : [file, null, { status: String(response.status) }],
        (error) => [file, null, failure(error)],
      );
    }),
  );
}

const failure = (error) => (error?.name === "TimeoutError" ? { timedOut: "" } : { message: String(error?.message ?? error) });

/** Hands the page's data to the app as it starts: inert elements (a <template> never renders or runs). */
function handOver(data) {
  for (const [file, text, why] of data) {
    const holder = document.createElement("template");
    if (text === null) {
      holder.dataset.preloadFailed = file;
      Object.assign(holder.dataset, why);
    } else {
      holder.dataset.preload = file;
      holder.textContent = text;
    }
    document.body.append(holder);
  }
}

// The app tells when it replaces the prerendered page (src/takeover.rs): at
// once as it starts, or later, after "Try again", when a data file it needs
// could not be had at first. Either way what the reader did carries over.
let saved = null;
let takingOver = false;
addEventListener("mission-pages:before-takeover", () => {
  saved = snapshot();
  takingOver = true;
  formsIntoAddress();
});

/**
 * A plain GET form that filters the page it is on (the timeline's, the
 * catalogue's) keeps its state in the address. What the reader set in one
 * before the app ran goes into the address before the app reads it, as if
 * they had pressed its "Apply" button: the app's page is then rendered
 * filtered at once, not rendered whole and filtered after. (Empty fields are
 * left out; the app writes the address its own way when the reader's
 * changes are replayed into it.)
 */
function formsIntoAddress() {
  for (const form of document.querySelectorAll('form[method="get" i]')) {
    if (new URL(form.action, document.baseURI).pathname !== location.pathname) continue;
    if (![...form.elements].some(isChanged)) continue;
    const query = new URLSearchParams([...new FormData(form)].filter(([, value]) => value !== "")).toString();
    history.replaceState(history.state, "", `${location.pathname}${query ? `?${query}` : ""}${location.hash}`);
  }
}
addEventListener("mission-pages:after-takeover", () => {
  const what = saved;
  saved = null;
  whenRendered(() => {
    if (what) restore(what);
    dispatchEvent(new CustomEvent("TrunkApplicationStarted"));
  });
});

/**
 * Runs `then` once the app's page has its content (it mounts its frame first
 * and renders the content in a microtask, before anything is painted), or
 * after two seconds whatever the page holds.
 */
const whenRendered = (then) => whenThere(() => document.querySelector("main")?.firstElementChild, () => then(), then);

let prepared = null;

/**
 * Downloads and compiles the app and downloads the page's data, once (again
 * after a failure), running nothing: the page stays as it is until start().
 */
function prepare() {
  prepared ??= Promise.all([
    importChecked(tag.dataset.appJs, tag.dataset.appJsIntegrity),
    compile(tag.dataset.appWasm, tag.dataset.appWasmIntegrity),
    pageData(),
  ]).catch((error) => {
    prepared = null;
    throw error;
  });
  return prepared;
}

/**
 * Whether to fetch the app once the page has loaded, before the reader asks
 * for it, so that the first tap is answered sooner: not for a reader who
 * asked to save data, nor on a 2G-like connection (where the browser says).
 */
function mayPrefetch() {
  const connection = navigator.connection;
  return !(connection && (connection.saveData || /2g/.test(connection.effectiveType ?? "")));
}

/** Runs `then` once the page has painted content (at once where the browser cannot tell). */
function afterFirstPaint(then) {
  const painted = () => performance.getEntriesByName("first-contentful-paint").length > 0;
  if (!window.PerformanceObserver?.supportedEntryTypes?.includes("paint") || painted()) return then();
  const observer = new PerformanceObserver(() => {
    if (!painted()) return;
    observer.disconnect();
    then();
  });
  observer.observe({ type: "paint" });
}

async function start() {
  if (state !== "waiting") return;
  state = "starting";
  try {
    const [glue, module, files] = await prepare();
    const data = await Promise.all(files.map(([file, blob, why]) => (blob === null ? [file, null, why] : blob.text().then((text) => [file, text]))));
    handOver(data);
    // Runs the app's start in this task: it replaces the page before the
    // browser paints again, or keeps it and says which data is missing.
    state = "started";
    window.wasmBindings = glue;
    const prerendered = document.body.hasAttribute("data-prerendered");
    glue.initSync({ module });
    if (!prerendered) {
      // The shell: the app mounted into it, with nothing to take over.
      dispatchEvent(new CustomEvent("TrunkApplicationStarted"));
    } else if (!takingOver) {
      // The page stays as it was: a click or "/" waiting for the app is dropped.
      pendingClick = null;
      pendingSlash = false;
    }
  } catch (error) {
    // Offline or interrupted: the page stays as it is, readable; the next
    // reach for a control tries again.
    if (state === "starting") state = "waiting";
    console.warn("Mission Pages: the app did not start", error);
  }
}

function onReach(event) {
  if (state === "started") return;
  const target = event.target instanceof Element ? event.target : null;
  // What works as well without the app (a citation's Copy button, its
  // <details>) is left to do so, at once.
  if (target?.closest("[data-works-without-app]")) return;
  if (event.type === "keydown") {
    const typing = target?.closest("input, select, textarea, [contenteditable]");
    if (event.key === "/" && !typing) {
      event.preventDefault();
      pendingSlash = true;
    }
    start();
    return;
  }
  if (event.type === "click") {
    // A button clicked before the app is there: clicked again once it is.
    const button = target?.closest("button, summary, [role=button]");
    if (!button) return;
    event.preventDefault();
    event.stopPropagation();
    pendingClick = locate(button);
    start();
    return;
  }
  if (target?.closest(REACHED)) start();
}

// The theme switch in the state the app gives it (src/site/theme.rs,
// is_dark_now): pressed when the page shows the dark theme, whether chosen
// here before (theme-init.js applied it) or the system's.
const themeToggle = document.querySelector(".theme-toggle");
if (themeToggle) {
  const chosen = document.documentElement.dataset.theme;
  const dark = chosen ? chosen === "dark" : matchMedia("(prefers-color-scheme: dark)").matches;
  themeToggle.setAttribute("aria-pressed", String(dark));
}

// A page made only at build time (the Data page, the lists of changes:
// src/pages/built.rs) is a document the app does not render: it never
// starts there. Its one control that needs script, the theme switch, is
// worked here (as src/site/theme.rs does in the app).
const built = document.body.hasAttribute("data-built");
if (built) {
  // The "/" key, as the app does (src/components/shell.rs).
  addEventListener("keydown", (event) => {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    if (event.target instanceof Element && event.target.closest("input, select, textarea, [contenteditable]")) return;
    const box = document.getElementById("site-search");
    if (!box) return;
    event.preventDefault();
    box.focus();
    box.select();
  });
}
if (built && themeToggle) {
  themeToggle.addEventListener("click", () => {
    const dark = themeToggle.getAttribute("aria-pressed") !== "true";
    document.documentElement.dataset.theme = dark ? "dark" : "light";
    themeToggle.setAttribute("aria-pressed", String(dark));
    try {
      localStorage.setItem("mission-pages-theme", dark ? "dark" : "light");
    } catch {
      // Private browsing may refuse storage: the choice lasts for this page.
    }
  });
}

if (tag) {
  // Once the page has loaded, the app is fetched (not run) while the reader
  // reads; sw-register.js waits for it, so the offline copy's downloads
  // never compete with it (the worker then finds the app in the HTTP cache).
  addEventListener("load", () => {
    if (!mayPrefetch() && state === "waiting") return;
    window.missionPagesAppFetched = new Promise((done) => {
      // After the page's first contentful paint (which can come after the
      // load event: nothing is painted before the header is whole): the
      // app's download never competes with what the reader sees first. (Not
      // waiting for an idle moment as well: on a slow phone that came
      // 0.1–0.3 s later, and Lighthouse's figures were the same without it.)
      // A hidden tab paints nothing: the worker then waits 10 s at most.
      const go = () => prepare().then(done, done);
      afterFirstPaint(go);
      setTimeout(done, 10_000);
    });
  });
  if (built) {
    // Nothing to start.
  } else if (startsAtOnce()) {
    start();
  } else {
    for (const type of ["pointerover", "pointerdown", "touchstart", "focusin", "keydown", "click"]) {
      addEventListener(type, onReach, { capture: true, passive: type !== "click" && type !== "keydown" });
    }
  }
}
