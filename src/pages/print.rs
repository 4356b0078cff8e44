//! `/missions/{id}/print/`: every section of a mission on one page, to print
//! or save as a PDF. It composes the sections' own views: the figures as
//! tables, the mandate's areas open, the whole timeline without its filters,
//! the offices without their map, and one list of sources at the end, to
//! which the footnotes of this page link (see [`crate::site::here`]).

use std::sync::Arc;

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::components::cite::SourceList;
use crate::components::cite_page::CiteThisPage;
use crate::components::gaps::Gaps;
use crate::components::key_facts::KeyFacts;
use crate::components::mission_header::MissionHeader;
use crate::components::text::localized_plain;
use crate::facts::mission::MissionFacts;
use crate::pages::mission::{summary, with_mission};
use crate::pages::sections;
use crate::site::routes::{self, Section};
use crate::site::strings;

/// `/missions/{id}/print/`.
#[component]
pub fn PrintPage() -> impl IntoView {
    with_mission(|mission| view! { <Print mission=mission/> })
}

#[component]
fn Print(mission: Arc<MissionFacts>) -> impl IntoView {
    let t = strings();
    let m = &mission;
    let title = format!("{} · {}", t.built_print_title(), m.acronym);
    let description = t.built_print_description(&m.acronym, localized_plain(&m.name));
    let overview = view! {
        <div class="overview">{summary(m)} <KeyFacts mission=m.clone()/></div>
        <Gaps mission=m.clone() page=None/>
    };
    let parts = [
        (None, overview.into_any()),
        (
            Some(Section::Mandate),
            sections::mandate::areas(m, true).into_any(),
        ),
        (
            Some(Section::Timeline),
            sections::timeline::every_entry(m).into_any(),
        ),
        (
            Some(Section::Leadership),
            sections::leadership::view(m).into_any(),
        ),
        (
            Some(Section::Personnel),
            sections::personnel::view(m, true).into_any(),
        ),
        (
            Some(Section::Offices),
            sections::offices::list(m).into_any(),
        ),
        (
            Some(Section::Sources),
            view! { <SourceList mission=m.clone()/> }.into_any(),
        ),
    ]
    .map(|(section, body)| {
        let slug = section.map_or("overview", Section::slug);
        let id = format!("print-{slug}");
        let labelled_by = id.clone();
        view! {
            <section class=format!("print-part print-{slug}") aria-labelledby=labelled_by>
                <h2 id=id class="print-heading">
                    {section.map_or(t.section_overview(), |s| s.label(t))}
                </h2>
                {body}
            </section>
        }
    });
    // The whole header, as on the overview: the closure's full story too.
    view! {
        <Title text=title.clone()/>
        <Meta name="description" content=description/>
        <MissionHeader mission=m.clone()/>
        <p class="lede print-lede">{t.built_print_lede(&m.acronym)}</p>
        <div class="print-page">{parts.into_iter().collect_view()}</div>
        // Open, so that the printed copy says how to cite it.
        <CiteThisPage title=title page=routes::print(&m.id) missions=vec![m.id.clone()] open=true/>
    }
}
