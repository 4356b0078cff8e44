//! The body of each mission section, one module a section. Each takes the
//! loaded mission and renders what the data holds, giving every sourced fact
//! the anchor that [`crate::facts::citations`] lists for it.

pub mod leadership;
pub mod mandate;
pub mod offices;
pub mod personnel;
pub mod timeline;

use crate::components::text::localized_plain;
use crate::data::Mission;
use crate::site::routes::Section;
use crate::site::strings;

/// The page's meta description: what the reader will find, with counts.
pub fn description(m: &Mission, section: Section) -> String {
    let t = strings();
    let name = localized_plain(&m.name);
    let acronym = &m.acronym;
    match section {
        Section::Mandate => t.desc_mandate(acronym, m.mandate.len(), name),
        Section::Timeline => t.desc_timeline(acronym, m.events.len(), name, m.resolutions.len()),
        Section::Leadership => t.desc_leadership(acronym, name),
        Section::Personnel => t.desc_personnel(acronym, name),
        Section::Offices => t.desc_offices(acronym, m.offices.len(), name),
        Section::Sources => t.desc_sources(acronym, m.sources.len(), name),
    }
}
