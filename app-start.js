// Starts the app on a prerendered page when the reader needs it.
//
// A prerendered page is whole without the app: its text, tables, links and
// footnotes are all there. The app (about 500 KB of WebAssembly) adds what
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
// Whatever the reader did meanwhile carries over: the control in focus, what
// was typed or ticked, the scroll position, and a click on a button is
// clicked again once the app has taken over (the app renders the same page,
// so the controls are the same, in the same order).
//
// Prerendered pages load this file instead of Trunk's loader (see
// src/bin/prerender.rs), with the loader's two addresses.

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
 * each focusable, only in the app.)
 */
function locate(el) {
  const scope = el.parentElement?.closest("[id]") ?? document.body;
  return { id: scope === document.body ? null : scope.id, i: [...scope.querySelectorAll(CONTROLS)].indexOf(el) };
}

function find(place) {
  const scope = place.id === null ? document.body : document.getElementById(place.id);
  return scope ? scope.querySelectorAll(CONTROLS)[place.i] : undefined;
}

/** What the reader changed on the page so far, to carry over to the app's page. */
function snapshot() {
  const changed = [];
  for (const el of document.querySelectorAll(CONTROLS)) {
    if (el.type === "checkbox" || el.type === "radio") {
      if (el.checked !== el.defaultChecked) changed.push({ place: locate(el), checked: el.checked });
    } else if (el.tagName === "SELECT") {
      const initial = [...el.options].find((o) => o.defaultSelected) ?? el.options[0];
      if (initial && el.value !== initial.value) changed.push({ place: locate(el), value: el.value });
    } else if ("defaultValue" in el && el.value !== el.defaultValue) {
      changed.push({ place: locate(el), value: el.value });
    }
  }
  const focused = document.activeElement?.matches(CONTROLS) ? locate(document.activeElement) : null;
  return { focused, changed, x: scrollX, y: scrollY };
}

/**
 * Runs `then` with the control at `place` once the app has rendered it: at
 * once for most, a few frames later for parts the app renders after the
 * page's frame (a chart). Gives up after two seconds.
 */
function whenFound(place, then) {
  const until = performance.now() + 2000;
  const look = () => {
    const el = find(place);
    if (el) then(el);
    else if (performance.now() < until) requestAnimationFrame(look);
  };
  look();
}

function restore(saved) {
  scrollTo(saved.x, saved.y);
  for (const { place, checked, value } of saved.changed) {
    whenFound(place, (el) => {
      if (checked !== undefined) el.checked = checked;
      else el.value = value;
      el.dispatchEvent(new Event("input", { bubbles: true }));
      el.dispatchEvent(new Event("change", { bubbles: true }));
    });
  }
  if (saved.focused) whenFound(saved.focused, (el) => el.focus({ preventScroll: true }));
  if (pendingClick) whenFound(pendingClick, (el) => el.click());
  if (pendingSlash) dispatchEvent(new KeyboardEvent("keydown", { key: "/", bubbles: true }));
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
 * offline copy answers). One that fails is left out: the app then asks for
 * it itself, and says so if it cannot have it.
 */
function pageData() {
  const files = (document.body.dataset.appData ?? "").split(" ").filter(Boolean);
  const version = document.querySelector('meta[name="mission-pages-version"]')?.content;
  return Promise.all(
    files.map((file) => {
      const url = new URL(file, document.baseURI);
      if (version) url.searchParams.set("v", version);
      // A stalled download is given up after the app's own time limit
      // (data::load::LOAD_TIMEOUT_SECONDS): the app then asks for the file
      // itself and says so if it cannot have it, instead of never starting.
      return fetch(url, { signal: AbortSignal.timeout(20_000) }).then(
        (response) => (response.ok ? response.text().then((text) => [file, text]) : null),
        () => null,
      );
    }),
  ).then((found) => found.filter(Boolean));
}

async function start() {
  if (state !== "waiting") return;
  state = "starting";
  try {
    const [glue, module, data] = await Promise.all([
      importChecked(tag.dataset.appJs, tag.dataset.appJsIntegrity),
      compile(tag.dataset.appWasm, tag.dataset.appWasmIntegrity),
      pageData(),
    ]);
    // The page's data, where the app takes it from as it starts: as the
    // text of an inert element (a <template> never renders or runs).
    for (const [file, text] of data) {
      const holder = document.createElement("template");
      holder.dataset.preload = file;
      holder.textContent = text;
      document.body.append(holder);
    }
    const saved = snapshot();
    // Runs the app's start in this task: it replaces the page before the
    // browser paints again.
    glue.initSync({ module });
    state = "started";
    window.wasmBindings = glue;
    restore(saved);
    dispatchEvent(new CustomEvent("TrunkApplicationStarted"));
  } catch (error) {
    // Offline or interrupted: the page stays as it is, readable; the next
    // reach for a control tries again.
    state = "waiting";
    console.warn("Mission Pages: the app did not start", error);
  }
}

function onReach(event) {
  if (state === "started") return;
  const target = event.target instanceof Element ? event.target : null;
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

if (tag) {
  if (startsAtOnce()) {
    start();
  } else {
    for (const type of ["pointerover", "pointerdown", "touchstart", "focusin", "keydown", "click"]) {
      addEventListener(type, onReach, { capture: true, passive: type !== "click" && type !== "keydown" });
    }
  }
}
