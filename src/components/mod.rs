//! Reusable widgets. Each renders from what it is given and calls no browser
//! API while rendering, so it can also be rendered to static HTML.

pub mod chart;
pub mod cite;
pub mod cite_page;
pub mod data_table;
pub mod gaps;
pub mod key_facts;
pub mod load_state;
pub mod mission_header;
pub mod office_map;
pub mod readings;
pub mod section_nav;
pub mod shell;
pub mod text;
pub mod theme_toggle;
