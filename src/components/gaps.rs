//! What the sources read do not say: a mission's `not_found` entries shown
//! where the missing facts would be, so a gap is visible rather than silent.

use std::sync::Arc;

use leptos::prelude::*;

use crate::components::text::localized;
use crate::data::{FloorItem, Gap, Mission};
use crate::facts::mission::MissionFacts;
use crate::facts::mission::Page;
use crate::site::routes::Section;
use crate::site::strings;

/// The page that would show the item's facts; the overview lists every gap.
pub fn page_of(item: FloorItem) -> Page {
    match item {
        FloorItem::Resolutions => Some(Section::Timeline),
        FloorItem::Mandate | FloorItem::MandateLinks => Some(Section::Mandate),
        FloorItem::Heads
        | FloorItem::HeadDates
        | FloorItem::Nationality
        | FloorItem::ActingHeads => Some(Section::Leadership),
        FloorItem::Personnel
        | FloorItem::PersonnelParts
        | FloorItem::PersonnelHistory
        | FloorItem::PersonnelPeak
        | FloorItem::Budget
        | FloorItem::BudgetHistory => Some(Section::Personnel),
        FloorItem::Offices | FloorItem::OfficeDates => Some(Section::Offices),
        FloorItem::ArabicName
        | FloorItem::Headquarters
        | FloorItem::EstablishmentBasis
        | FloorItem::FinalResolution
        | FloorItem::MandateEnd
        | FloorItem::Drawdown
        | FloorItem::Liquidation
        | FloorItem::ArabicSummary => None,
    }
}

/// The gaps a page shows: on the overview all of them, on a section its own.
pub fn gaps_on(mission: &Mission, page: Page) -> Vec<&Gap> {
    mission
        .not_found
        .iter()
        .filter(|g| page.is_none() || page_of(g.item) == page)
        .collect()
}

/// A note listing what was looked for and not found; nothing when nothing is missing.
#[component]
pub fn Gaps(#[prop(into)] mission: Arc<MissionFacts>, page: Page) -> impl IntoView {
    let t = strings();
    let gaps = gaps_on(&mission, page);
    (!gaps.is_empty()).then(|| {
        let items = gaps
            .into_iter()
            .map(|g| {
                view! {
                    <li>
                        <strong>{g.item.label(t)}</strong>
                        ": "
                        {localized(&g.looked_for)}
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="notice notice-gaps" aria-labelledby="gaps-heading">
                <h2 id="gaps-heading">{t.gaps_heading()}</h2>
                <p>{t.gaps_intro()}</p>
                <ul>{items}</ul>
            </section>
        }
    })
}
