// Runs in the head, before the body is parsed.
//
// Applies the reader's remembered theme before the first paint, so a dark-theme
// reader never sees a flash of the light one. Without a saved choice the CSS
// follows the system setting (prefers-color-scheme). The key matches src/site/theme.rs.
(function () {
  try {
    var saved = window.localStorage.getItem("mission-pages-theme");
    if (saved === "dark" || saved === "light") {
      document.documentElement.setAttribute("data-theme", saved);
    }
  } catch (e) {
    // Storage can be unavailable (privacy settings); the system theme applies.
  }
  // Paint nothing until the page's header is whole: a prerendered page
  // painted half-parsed would move its header's end items when the rest
  // arrives (a layout shift). Added from here, while the head is parsed, as
  // the HTML checker does not know `blocking` on `rel=expect` yet.
  var expect = document.createElement("link");
  expect.rel = "expect";
  expect.href = "#main";
  expect.setAttribute("blocking", "render");
  document.head.appendChild(expect);
})();
