//! The data the pages show: the model, dates, multilingual text, and loading.

#[cfg(not(target_arch = "wasm32"))]
pub mod coverage;
pub mod date;
pub mod link;
pub mod load;
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

pub use date::Date;
pub use link::safe_link;
pub use load::LoadError;
pub use model::*;
pub use text::{Localized, Text};
