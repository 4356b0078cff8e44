//! Mission Pages: sourced, interactive pages about United Nations field missions.
//!
//! The library holds everything testable; `main.rs` only mounts [`app::App`].
//! See ARCHITECTURE.md for how data flows from `data/*.json` to the screen.

// Rendering to HTML (the prerenderer) resolves each `into_any` view's whole
// type in an async block, deeper than the compiler allows by default.
#![cfg_attr(feature = "ssr", recursion_limit = "256")]

pub mod app;
pub mod components;
pub mod data;
pub mod facts;
pub mod pages;
pub mod site;
pub mod takeover;

/// Mounts the app into `<body>`, reading the site's base from `<base href>`
/// and the language from the address (`/ar/...` is Arabic), which it also
/// writes into `<html lang dir>`.
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        // The message and stack for whoever debugs it, in the console...
        console_error_panic_hook::hook(info);
        // ...and for the reader, a notice instead of a page that silently
        // stopped responding (the release build aborts after a panic).
        site::dom::show_app_failure();
    }));
    let window = web_sys::window();
    let document = window.as_ref().and_then(|w| w.document());
    let site = document
        .as_ref()
        .and_then(|d| d.base_uri().ok().flatten())
        .map(|uri| site::SiteBase::from_public_url(&uri))
        .unwrap_or_default();
    let path = window
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    let under_root = path.strip_prefix(site.root()).unwrap_or(&path);
    let (locale, _) = site::i18n::Locale::split_path(under_root);
    if let Some(html) = document.as_ref().and_then(|d| d.document_element()) {
        let _ = html.set_attribute("lang", locale.code());
        let _ = html.set_attribute("dir", locale.dir());
    }
    // The build's version, which the prerenderer writes into every page.
    let version = document
        .as_ref()
        .and_then(|d| {
            d.query_selector(&format!("meta[name=\"{}\"]", site::VERSION_META))
                .ok()
                .flatten()
        })
        .and_then(|m| m.get_attribute("content"))
        .unwrap_or_default();
    // The prerenderer says where the build is published, when it knows.
    let published = document.as_ref().is_some_and(|d| {
        d.query_selector(&format!("meta[name=\"{}\"]", site::SITE_URL_META))
            .ok()
            .flatten()
            .is_some()
    });
    let base = site
        .in_locale(locale)
        .with_version(&version)
        .published(published);
    if let Some(document) = &document {
        takeover::start(document, base);
    }
}
