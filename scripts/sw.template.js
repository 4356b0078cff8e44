// Mission Pages' service worker: after a first visit the whole site works
// offline. Written into dist/sw.js by scripts/service-worker.mjs, which fills
// in VERSION (a hash of the build) and FILES (every file of the build).
//
// - Install: every file of this build goes into the cache named for VERSION,
//   all or nothing.
// - Pages (navigations): the network first, so a reader online always gets the
//   newest build; offline, the cached page, or the app's shell for an address
//   the build has no file for.
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

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(FILES.map((f) => new Request(SCOPE + f, { cache: "reload" })))),
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

/** The cached file for a site address: `ar/missions/unami` → `ar/missions/unami/index.html`, else the shell. */
async function cachedPage(url) {
  const cache = await caches.open(CACHE);
  const path = url.pathname.endsWith("/") ? url.pathname : `${url.pathname}/`;
  return (
    (await cache.match(new URL(`${path}index.html`, url.origin).href)) ||
    (await cache.match(url.origin + url.pathname)) ||
    (await cache.match(SCOPE + "index.html"))
  );
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || !url.href.startsWith(SCOPE)) return;
  if (request.mode === "navigate") {
    // "no-store": offline, the browser's own cache could otherwise answer with
    // a page of an older build.
    event.respondWith(
      fetch(request.url, { cache: "no-store", credentials: "same-origin" }).catch(
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
