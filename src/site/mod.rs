//! The site's words and addresses: its languages and UI strings, what data
//! values are called, number and date formats, the base path and routes,
//! and what touches the browser (the page, the theme, fetching data files).
//! Above the data, below the facts.

mod base;
pub mod dom;
pub mod format;
pub mod i18n;
pub mod labels;
pub mod load;
pub mod routes;
pub mod theme;

pub use base::{CurrentPath, MANIFEST_FILE, SITE_URL_META, SiteBase, VERSION_META, here, strings};
