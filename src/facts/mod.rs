//! Facts: what the pages, the footnotes, search and compare show, worked out
//! from the data. Nothing here renders; everything here is tested natively.

pub mod catalogue;
pub mod chart;
pub mod citations;
pub mod compare;
#[cfg(not(target_arch = "wasm32"))]
pub mod publish;
pub mod search;
pub mod timeline;
