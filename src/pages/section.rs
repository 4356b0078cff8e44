//! `/missions/{id}/{section}`: one part of a mission in depth. This page
//! frames the section (header, navigation, the page's sources); each
//! section's body is its own module under `sections/`.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

use crate::components::cite::{PageSources, SourceList};
use crate::components::mission_header::MissionHeader;
use crate::components::section_nav::SectionNav;
use crate::data::Mission;
use crate::pages::mission::with_mission;
use crate::pages::not_found::NotFound;
use crate::pages::sections;
use crate::routes::Section;
use crate::site::strings;

/// Shows the section named in the address, or "not found" for an unknown one.
#[component]
pub fn SectionPage() -> impl IntoView {
    let params = use_params_map();
    move || {
        let slug = params.read().get("section").unwrap_or_default();
        match Section::from_slug(&slug) {
            None => view! { <NotFound/> }.into_any(),
            Some(section) => with_mission(move |mission| {
                view! { <SectionView mission=mission section=section/> }
            })
            .into_any(),
        }
    }
}

#[component]
fn SectionView(mission: Arc<Mission>, section: Section) -> impl IntoView {
    let t = strings();
    let title = format!("{} · {}", section.label(t), mission.acronym);
    let description = sections::description(&mission, section);
    let body = match section {
        Section::Mandate => sections::mandate::view(&mission).into_any(),
        Section::Timeline => sections::timeline::view(&mission).into_any(),
        Section::Leadership => sections::leadership::view(&mission).into_any(),
        Section::Personnel => sections::personnel::view(&mission).into_any(),
        Section::Offices => sections::offices::view(&mission).into_any(),
        Section::Sources => view! {
            <p class="lede">{t.sources_lede(&mission.acronym)}</p>
            <SourceList mission=mission.clone()/>
        }
        .into_any(),
    };
    // The timeline lists the sources of the entries its filters let through.
    let sources = (!matches!(section, Section::Sources | Section::Timeline))
        .then(|| view! { <PageSources mission=mission.clone() page=Some(section)/> });
    view! {
        <Title text=title/>
        <Meta name="description" content=description/>
        <MissionHeader mission=mission.clone() section_label=section.label(t)/>
        <SectionNav mission_id=mission.id.clone() current=Some(section)/>
        <div class=format!("section-body section-{}", section.slug())>{body}</div>
        {sources}
    }
}
