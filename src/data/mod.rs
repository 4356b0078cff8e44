//! The data the pages show: the model, dates, multilingual text, and loading.

pub mod date;
pub mod load;
pub mod locate;
pub mod model;
pub mod text;
pub mod validate;

pub use date::Date;
pub use load::LoadError;
pub use model::*;
pub use text::Text;
