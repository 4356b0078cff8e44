//! Facts: what the pages, the footnotes, search and compare show, worked out
//! from the data. Nothing here renders; everything here is tested natively.
//! A mission's facts are built once, in `mission`; the other modules read them.

pub mod catalogue;
pub mod chart;
pub mod citation;
pub mod compare;
pub mod mission;
#[cfg(not(target_arch = "wasm32"))]
pub mod publish;
pub mod search;
pub mod tables;
pub mod timeline;
