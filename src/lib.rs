//! Mission Pages: sourced, interactive pages about United Nations field missions.
//!
//! The library holds everything testable; `main.rs` only mounts [`app::App`].
//! See ARCHITECTURE.md for how data flows from `data/*.json` to the screen.

pub mod app;
pub mod catalogue;
pub mod chart;
pub mod citations;
pub mod compare;
pub mod components;
pub mod data;
pub mod dom;
pub mod format;
pub mod pages;
pub mod routes;
pub mod search;
pub mod site;
pub mod theme;
pub mod timeline;

/// Mounts the app into `<body>`, reading the site's base from `<base href>`.
pub fn start() {
    console_error_panic_hook::set_once();
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .map(|uri| site::SiteBase::from_public_url(&uri))
        .unwrap_or_default();
    leptos::mount::mount_to_body(move || leptos::view! { <app::App base=base/> });
}
