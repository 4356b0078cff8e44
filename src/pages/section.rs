//! `/missions/{id}/{section}`: one part of a mission in depth. This page
//! frames the section (header, navigation, the page's sources); each
//! section's body is its own module under `sections/`. A long timeline also
//! has a page per year, `/missions/{id}/timeline/{year}`.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

use crate::components::cite::{PageSources, SourceList};
use crate::components::cite_page::CiteThisPage;
use crate::components::gaps::Gaps;
use crate::components::mission_header::MissionHeader;
use crate::components::section_nav::SectionNav;
use crate::facts::mission::MissionFacts;
use crate::facts::timeline::YearPage;
use crate::pages::mission::with_mission;
use crate::pages::not_found::NotFound;
use crate::pages::sections;
use crate::site::routes::{self, Section};
use crate::site::{SiteBase, strings};

/// Shows the section named in the address, or "not found" for an unknown
/// one, or for a page the mission's timeline does not have.
#[component]
pub fn SectionPage() -> impl IntoView {
    let params = use_params_map();
    move || {
        let (slug, year, part) = params.with(|p| {
            let slug = p.get("section").unwrap_or_default();
            (slug, p.get("year"), p.get("part"))
        });
        let page = year.map(|year| {
            Some(YearPage {
                year: parse_number(&year, 4)?,
                part: part.map_or(Some(1), |p| parse_number(&p, 5).filter(|p| *p > 1))?,
            })
        });
        match (Section::from_slug(&slug), page) {
            (Some(section), None) => with_mission(move |mission| {
                view! { <SectionView mission=mission section=section page=None/> }
            })
            .into_any(),
            (Some(Section::Timeline), Some(Some(page))) => with_mission(move |mission| {
                if mission.timeline().has(page) {
                    let page = Some(page);
                    view! { <SectionView mission=mission section=Section::Timeline page=page/> }
                        .into_any()
                } else {
                    view! { <NotFound/> }.into_any()
                }
            })
            .into_any(),
            _ => view! { <NotFound/> }.into_any(),
        }
    }
}

/// A number as the address writes it: digits only, at most `digits` of
/// them, no leading zero (so each page has one address).
fn parse_number(text: &str, digits: usize) -> Option<u16> {
    (!text.is_empty()
        && text.len() <= digits
        && !text.starts_with('0')
        && text.bytes().all(|b| b.is_ascii_digit()))
    .then(|| text.parse().ok())
    .flatten()
}

#[component]
fn SectionView(
    mission: Arc<MissionFacts>,
    section: Section,
    /// A page of a split timeline.
    page: Option<YearPage>,
) -> impl IntoView {
    let t = strings();
    let label = match page {
        Some(page) => crate::facts::timeline::page_title(mission.timeline(), page),
        None => section.label(t).to_owned(),
    };
    let title = format!("{label} · {}", mission.acronym);
    // A year's page sits under its timeline in the breadcrumb.
    let parent = page.as_ref().map(|_| {
        let href = expect_context::<SiteBase>().href(&routes::section(&mission.id, section));
        (section.label(t).to_owned(), href)
    });
    let description = sections::description(&mission, section);
    let body = match section {
        Section::Mandate => sections::mandate::view(&mission).into_any(),
        Section::Timeline => sections::timeline::view(&mission, page).into_any(),
        Section::Leadership => sections::leadership::view(&mission).into_any(),
        Section::Personnel => sections::personnel::view(&mission, false).into_any(),
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
    let path = match page {
        Some(page) => routes::timeline_page(&mission.id, page),
        None => routes::section(&mission.id, section),
    };
    view! {
        <Title text=title.clone()/>
        <Meta name="description" content=description/>
        <MissionHeader mission=mission.clone() section_label=label parent=parent/>
        <SectionNav mission_id=mission.id.clone()/>
        <div class=format!("section-body section-{}", section.slug())>{body}</div>
        <Gaps mission=mission.clone() page=Some(section)/>
        {sources}
        <CiteThisPage title=title page=path missions=vec![mission.id.clone()]/>
    }
}
