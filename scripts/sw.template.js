// Mission Pages' service worker: after a first visit the site works offline,
// what it has cached at once and every page and data file read since.
// Written into dist/sw.js by scripts/service-worker.mjs, which fills in
// VERSION (the build's, from its manifest), VERSION_META and HASHED_NAME
// (from shared-names.json), FILES (the files to keep from the start: the
// app, its styles, the catalogue's index, the app's shell page, and as many
// missions, maps and search documents as its data budget allows) and RUNTIME
// (every other data file, with a digest of its content).
//
// - Install: FILES go into the cache named for VERSION, all or nothing. The
//   prerendered pages are not among them: a page goes into
//   the cache when it is visited. On a small site FILES holds every data
//   file; on a large one (1,000 missions) most are left to RUNTIME, so that a
//   first visit does not download tens of megabytes.
// - Pages (navigations): the network first, so a reader online always gets the
//   newest build; offline, the cached page, or else the app's shell, which
//   renders any page of the site from the cached data (or says which data it
//   could not have).
// - Data files carry the build's version in their address (`?v=`): the
//   version this worker holds comes from its cache, another version (a page
//   newer than this worker) from the network. So a page never mixes files of
//   two builds. A file of RUNTIME not cached yet comes from the network and is
//   kept, so a mission read once can be read offline; only if its content is
//   this build's (the digest), since the host may already serve a newer one.
// - Everything else (names with a content hash, icons): the cache first.
// - A new build installs beside the old one and takes over once no page of the
//   old one is open (no skipWaiting): the next visit is on the new build, and
//   the old cache is deleted then.
const VERSION = "__VERSION__";
/** The `<meta name>` that carries a page's version. */
const VERSION_META = "__VERSION_META__";
/** A name with a content hash (`main-1b0691b214224423.css`). */
const HASHED_NAME = new RegExp(__HASHED_NAME__);
const FILES = __FILES__;
const RUNTIME = new Map(__RUNTIME__);
const CACHE = `mission-pages-${VERSION}`;
const SCOPE = new URL("./", self.location).href;

/**
 * Files named for their content (`main-1b0691b214224423.css`) may come from
 * the browser's cache, where the page just put them: no second download.
 * Others are checked with the server, so a new build's data is never taken
 * for the old one's.
 */
function cacheMode(file) {
  return HASHED_NAME.test(file) ? "default" : "no-cache";
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(FILES.map((f) => new Request(SCOPE + f, { cache: cacheMode(f) })))),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("mission-pages-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

/** The cache key of a page: `…/missions/unami` and `…/missions/unami/` are both `…/missions/unami/index.html`. */
function pageKey(url) {
  const path = url.pathname.endsWith("/") ? url.pathname : `${url.pathname}/`;
  return new URL(`${path}index.html`, url.origin).href;
}

/** Offline: the page if it was visited, else the shell, in which the app renders it. */
async function cachedPage(url) {
  const cache = await caches.open(CACHE);
  return (await cache.match(pageKey(url))) || (await cache.match(SCOPE + "shell.html"));
}

/** Keeps a page just fetched for offline use, if it is of this worker's build. */
async function keepPage(response) {
  if (response.status !== 200 || !(response.headers.get("content-type") || "").startsWith("text/html")) return;
  const html = await response.clone().text();
  if (!html.includes(`<meta name="${VERSION_META}" content="${VERSION}">`)) return;
  const cache = await caches.open(CACHE);
  await cache.put(pageKey(new URL(response.url)), response);
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || !url.href.startsWith(SCOPE)) return;
  if (request.mode === "navigate") {
    // "no-store": offline, the browser's own cache could otherwise answer with
    // a page of an older build. "manual": a host's redirect (`/about` to
    // `/about/`) goes back to the browser, which may not be given a
    // followed redirect for a navigation.
    event.respondWith(
      fetch(request.url, { cache: "no-store", credentials: "same-origin", redirect: "manual" }).then(
        (response) => {
          if (response.type !== "opaqueredirect") event.waitUntil(keepPage(response.clone()));
          return response;
        },
        async () => (await cachedPage(url)) || Response.error(),
      ),
    );
    return;
  }
  const version = url.searchParams.get("v");
  if (version !== null && version !== VERSION) return; // another build's file: the network's
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(request, { ignoreSearch: version !== null }))
      .then((hit) => hit || fetchAndKeep(event, url, version)),
  );
});

/**
 * A file not in the cache, from the network; a data file of RUNTIME asked
 * for with this build's version is also kept, under its address without the
 * query, where the lookup above finds it next time, as it finds FILES.
 */
function fetchAndKeep(event, url, version) {
  const file = url.href.slice(SCOPE.length).split(/[?#]/)[0];
  const expected = version === VERSION ? RUNTIME.get(file) : undefined;
  return fetch(event.request).then((response) => {
    if (expected !== undefined && response.status === 200) event.waitUntil(keepData(SCOPE + file, expected, response.clone()));
    return response;
  });
}

/** Keeps a data file fetched for offline use, if it is this build's: the start of its SHA-256 is `expected`. */
async function keepData(key, expected, response) {
  const bytes = await response.arrayBuffer();
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  const hex = Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
  if (!hex.startsWith(expected)) return; // another build's file: not this cache's
  const cache = await caches.open(CACHE);
  // Only the type: the network's Content-Encoding and Content-Length are of
  // the bytes as sent, not of these, decoded.
  const headers = { "content-type": response.headers.get("content-type") || "application/json" };
  await cache.put(key, new Response(bytes, { headers }));
}
