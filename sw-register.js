// Registers the service worker (dist/sw.js, made by scripts/service-worker.mjs)
// once the page has loaded, so that it never competes with a first visit's
// downloads. From then on the site works offline. Browsers without service
// workers, and pages opened from files, simply go without.
(function () {
  if (!("serviceWorker" in navigator) || !window.isSecureContext) return;
  window.addEventListener("load", function () {
    navigator.serviceWorker.register(new URL("sw.js", document.baseURI).href).catch(function () {
      // No offline copy this time (private mode, storage full): the site works online.
    });
  });
})();
