//! The data the pages show: the model, dates, multilingual text, the data
//! files' names and parsing, and (natively) validation.

#[cfg(not(target_arch = "wasm32"))]
pub mod coverage;
pub mod date;
pub mod downloads;
pub mod files;
pub mod history;
pub mod link;
pub mod locate;
pub mod map;
pub mod model;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;
pub mod text;
#[cfg(not(target_arch = "wasm32"))]
pub mod tree;
#[cfg(not(target_arch = "wasm32"))]
pub mod validate;
pub mod words;

pub use date::Date;
pub use link::safe_link;
pub use model::*;
pub use text::{Localized, Text};
