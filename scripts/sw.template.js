// Mission Pages' service worker: after a first visit the whole site works
// offline. Written into dist/sw.js by scripts/service-worker.mjs, which fills
// in VERSION (a hash of the build) and FILES (the files to keep from the
// start: the app, its styles, every data file, and the app's shell page).
//
// - Install: FILES go into the cache named for VERSION, all or nothing. The
//   prerendered pages (218 of 5–60 KB) are not among them: a page goes into
//   the cache when it is visited.
// - Pages (navigations): the network first, so a reader online always gets the
//   newest build; offline, the cached page, or else the app's shell, which
//   renders any page of the site from the cached data.
// - Data files carry the build's version in their address (`?v=`): the
//   version this worker holds comes from its cache, another version (a page
//   newer than this worker) from the network. So a page never mixes files of
//   two builds.
// - Everything else (names with a content hash, icons): the cache first.
// - A new build installs beside the old one and takes over once no page of the
//   old one is open (no skipWaiting): the next visit is on the new build, and
//   the old cache is deleted then.
const VERSION = "__VERSION__";
const FILES = __FILES__;
const CACHE = `mission-pages-${VERSION}`;
const SCOPE = new URL("./", self.location).href;

/**
 * Files named for their content (`main-1b0691b214224423.css`) may come from
 * the browser's cache, where the page just put them: no second download.
 * Others are checked with the server, so a new build's data is never taken
 * for the old one's.
 */
function cacheMode(file) {
  return /-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css|svg)$/.test(file) ? "default" : "no-cache";
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
  if (!html.includes(`name="mission-pages-version" content="${VERSION}"`)) return;
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
      .then((hit) => hit || fetch(request)),
  );
});
