//! Where sources disagree: the other versions of a fact, each with its sources,
//! shown beside the main one instead of being dropped.

use std::sync::Arc;

use leptos::prelude::*;

use super::cite::Cite;
use crate::components::text::localized;
use crate::data::Reading;
use crate::facts::mission::MissionFacts;
use crate::site::strings;

/// "Sources differ:" and each other reading, cited. Renders nothing when all agree.
#[component]
pub fn OtherReadings(
    #[prop(into)] mission: Arc<MissionFacts>,
    readings: Vec<Reading>,
) -> impl IntoView {
    (!readings.is_empty()).then(|| {
        let items = readings
            .into_iter()
            .map(|r| {
                view! {
                    <li>{localized(&r.says)} <Cite mission=mission.clone() refs=r.sources/></li>
                }
            })
            .collect_view();
        view! {
            <div class="other-readings">
                <p class="other-readings-label">{strings().sources_differ()}</p>
                <ul>{items}</ul>
            </div>
        }
    })
}
