//! One module a page. Each reads its route parameters, loads its data and
//! hands it to components.

#[cfg(not(target_arch = "wasm32"))]
pub mod about;
pub mod built;
pub mod catalogue;
#[cfg(not(target_arch = "wasm32"))]
pub mod changes;
pub mod compare;
#[cfg(not(target_arch = "wasm32"))]
pub mod data;
pub mod mission;
pub mod not_found;
#[cfg(not(target_arch = "wasm32"))]
pub mod print;
pub mod search;
pub mod section;
pub mod sections;
