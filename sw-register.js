// Registers the service worker (dist/sw.js, made by scripts/service-worker.mjs)
// once the page has loaded, so that it never competes with a first visit's
// downloads, nor with the app's (see app-start.js). From then on the site works offline. Browsers without service
// workers, and pages opened from files, simply go without.
(function () {
  if (!("serviceWorker" in navigator) || !window.isSecureContext) return;
  function register() {
    navigator.serviceWorker.register(new URL("sw.js", document.baseURI).href).catch(function () {
      // No offline copy this time (private mode, storage full): the site works online.
    });
  }
  window.addEventListener("load", function () {
    // After app-start.js has fetched the app, if it does (it starts on the
    // same event): the reader's next tap needs the app before the worker
    // needs its copies of the data.
    setTimeout(function () {
      Promise.resolve(window.missionPagesAppFetched).then(register, register);
    }, 0);
  });
})();
