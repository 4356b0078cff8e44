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

// "Copy" buttons (a citation, say: src/components/cite_page.rs). Handled
// here, on the document, so they work on a prerendered page before the app
// has started and on the app's pages alike. The button names the element
// to copy (data-copy), the status message to fill (data-copy-status) and
// what to say (data-copied, data-copy-failed). Without script the no-script
// style hides them: the text is there to select.
document.addEventListener("click", function (event) {
  var button = event.target instanceof Element && event.target.closest("button[data-copy]");
  if (!button) return;
  var source = document.getElementById(button.getAttribute("data-copy"));
  var status = document.getElementById(button.getAttribute("data-copy-status"));
  if (!source) return;
  var text = source.textContent.replace(/\s+/g, " ").trim();
  function say(copied) {
    if (!copied) {
      // Left selected, for the reader to copy by keyboard or menu.
      var range = document.createRange();
      range.selectNodeContents(source);
      var selection = getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
    }
    if (!status) return;
    // Emptied first, so the same message is announced again.
    status.textContent = "";
    setTimeout(function () {
      status.textContent = button.getAttribute(copied ? "data-copied" : "data-copy-failed");
    }, 50);
  }
  function byCommand() {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var copied = false;
    try {
      copied = document.execCommand("copy");
    } catch (e) {
      copied = false;
    }
    area.remove();
    button.focus();
    say(copied);
  }
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(text).then(function () {
      say(true);
    }, byCommand);
  } else {
    byCommand();
  }
});
