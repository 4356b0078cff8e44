// Applies the reader's remembered theme before the first paint, so a dark-theme
// reader never sees a flash of the light one. Without a saved choice the CSS
// follows the system setting (prefers-color-scheme). The key matches src/theme.rs.
(function () {
  try {
    var saved = window.localStorage.getItem("mission-pages-theme");
    if (saved === "dark" || saved === "light") {
      document.documentElement.setAttribute("data-theme", saved);
    }
  } catch (e) {
    // Storage can be unavailable (privacy settings); the system theme applies.
  }
})();
