//! One module a page. Each reads its route parameters, loads its data and
//! hands it to components.

pub mod about;
pub mod catalogue;
pub mod compare;
pub mod mission;
pub mod not_found;
pub mod print;
pub mod search;
pub mod section;
pub mod sections;
