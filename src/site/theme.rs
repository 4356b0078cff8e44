//! The light/dark theme choice: read from and written to the page and localStorage.
//!
//! `theme-init.js` applies a remembered choice before the first paint; this
//! module only runs in event handlers and effects, never while rendering.

/// The localStorage key, shared with `theme-init.js`.
pub const STORAGE_KEY: &str = "mission-pages-theme";

/// Whether the page currently shows the dark theme (a saved choice, else the system's).
pub fn is_dark_now() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let chosen = window
        .document()
        .and_then(|d| d.document_element())
        .and_then(|html| html.get_attribute("data-theme"));
    match chosen.as_deref() {
        Some("dark") => true,
        Some("light") => false,
        _ => window
            .match_media("(prefers-color-scheme: dark)")
            .ok()
            .flatten()
            .is_some_and(|m| m.matches()),
    }
}

/// Shows the chosen theme and remembers it for later visits.
pub fn apply(dark: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let value = if dark { "dark" } else { "light" };
    if let Some(html) = window.document().and_then(|d| d.document_element()) {
        let _ = html.set_attribute("data-theme", value);
    }
    // Private browsing may refuse storage; the choice then lasts for this page only.
    if let Ok(Some(storage)) = window.local_storage() {
        let _ = storage.set_item(STORAGE_KEY, value);
    }
}
