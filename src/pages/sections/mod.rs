//! The body of each mission section, one module a section. Each takes the
//! loaded mission and renders what the data holds, giving every sourced fact
//! the anchor that [`crate::citations`] lists for it.

pub mod leadership;
pub mod mandate;
pub mod offices;
pub mod personnel;
pub mod timeline;

use crate::data::Mission;
use crate::routes::Section;

/// The page's meta description: what the reader will find, with counts.
pub fn description(m: &Mission, section: Section) -> String {
    let name = m.name.en();
    let acronym = &m.acronym;
    match section {
        Section::Mandate => format!(
            "What the Security Council asked {acronym} ({name}) to do: {} mandate areas, each with the resolutions that set or changed it.",
            m.mandate.len()
        ),
        Section::Timeline => format!(
            "{} resolutions and {} key events in the life of {acronym} ({name}), in order, each with its sources.",
            m.resolutions.len(),
            m.events.len()
        ),
        Section::Leadership => format!(
            "Who led {acronym} ({name}): the organisation of its senior posts and everyone who held them, with dates."
        ),
        Section::Personnel => format!(
            "Staff numbers and budgets of {acronym} ({name}) over time, as charts and tables, each figure dated and sourced."
        ),
        Section::Offices => format!(
            "Where {acronym} ({name}) worked: {} offices on a map and in a list, with opening and closing dates.",
            m.offices.len()
        ),
        Section::Sources => format!(
            "All {} sources behind the pages about {acronym} ({name}), with links to the facts each supports.",
            m.sources.len()
        ),
    }
}
