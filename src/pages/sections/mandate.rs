//! Mandate: the mission's summary and each area of its mandate as a
//! disclosure (native `<details>`, which works with keyboard, screen readers
//! and without JavaScript), with the resolutions that set or changed it.

use std::sync::Arc;

use leptos::prelude::*;

use crate::components::cite::Cite;
use crate::components::text::{SLOT, localized, sentence_with};
use crate::data::MandateArea;
use crate::facts::mission::MissionFacts;
use crate::facts::mission::anchors;
use crate::facts::timeline::{Pages, resolution_anchor};
use crate::site::routes::Section;
use crate::site::{SiteBase, strings};

pub fn view(m: &Arc<MissionFacts>) -> impl IntoView + use<> {
    view! {
        <p id=anchors::SUMMARY>
            {localized(&m.summary.value)}
            <Cite mission=m.clone() refs=m.summary.sources.clone()/>
        </p>
        {areas(m, false)}
    }
}

/// The areas of the mandate; `printed`: every area open, without the
/// button that opens or closes them all (the print page).
pub fn areas(m: &Arc<MissionFacts>, printed: bool) -> impl IntoView + use<> {
    let t = strings();
    if m.mandate.is_empty() {
        return view! { <p class="notice">{t.mandate_no_areas()}</p> }.into_any();
    }
    // `None` until the reader asks to open or close them all.
    let all_open = RwSignal::new(printed.then_some(true));
    let toggle_all = move |_| all_open.update(|v| *v = Some(!v.unwrap_or(false)));
    // On a long timeline a resolution is on its year's page.
    let timeline = m.timeline();
    let areas = m
        .mandate
        .iter()
        .map(|area| area_item(m, timeline, area, all_open))
        .collect_view();
    let toggle = (!printed).then(|| {
        view! {
            <button type="button" class="button-secondary" on:click=toggle_all>
                {move || if all_open.get().unwrap_or(false) { t.close_all() } else { t.open_all() }}
            </button>
        }
    });
    view! {
        <div class="list-heading">
            <h2>{t.mandate_areas(m.mandate.len())}</h2>
            {toggle}
        </div>
        <ul class="mandate-areas">{areas}</ul>
    }
    .into_any()
}

fn area_item(
    m: &Arc<MissionFacts>,
    timeline: &Pages,
    area: &MandateArea,
    all_open: RwSignal<Option<bool>>,
) -> impl IntoView + use<> {
    let t = strings();
    let base = expect_context::<SiteBase>();
    let in_sentence = |n: u32| {
        m.resolution(n)
            .map(|r| t.resolution_in_sentence(r.number, r.year))
            .unwrap_or_else(|| t.resolution_number(n).to_lowercase())
    };
    let label = |n: u32| {
        m.resolution(n)
            .map(|r| t.resolution_label(r.number, r.year))
            .unwrap_or_else(|| t.resolution_number(n))
    };
    let link = |n: u32| {
        let href = timeline.fact_href(&m.id, Some(Section::Timeline), &resolution_anchor(n));
        view! { <a href=base.href(&href)>{label(n)}</a> }
    };
    // The short line beside the title, readable while the area is closed.
    let changes = area.changed_by.len() as u32;
    let meta = match (area.introduced_by, changes) {
        (None, 0) => None,
        (None, n) => Some(t.mandate_changed(n)),
        (Some(r), 0) => Some(t.mandate_since(in_sentence(r))),
        (Some(r), n) => Some(format!(
            "{}{}{}",
            t.mandate_since(in_sentence(r)),
            t.list_comma(),
            t.mandate_changed_after(n)
        )),
    };
    let introduced = area
        .introduced_by
        .map(|n| view! { <p>{sentence_with(t.mandate_introduced_by(SLOT), link(n))}</p> });
    let changed = (!area.changed_by.is_empty()).then(|| {
        let last = area.changed_by.len() - 1;
        let links = area
            .changed_by
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let sep = match i {
                    0 => "",
                    i if i == last => t.list_and(),
                    _ => t.list_comma(),
                };
                view! { {sep} {link(*n)} }
            })
            .collect_view();
        view! { <p>{sentence_with(t.mandate_changed_by(SLOT), links)}</p> }
    });
    view! {
        <li id=anchors::mandate_area(&area.id) class="mandate-area">
            // `open` too: the prerendered print page has every area open.
            <details open=all_open.get_untracked().unwrap_or(false) prop:open=move || all_open.get().unwrap_or(false)>
                <summary>
                    <span class="area-title">{localized(&area.title)}</span>
                    {meta.map(|meta| view! { <span class="area-meta">{meta}</span> })}
                </summary>
                <div class="area-body">
                    {area.description.as_ref().map(|d| view! { <p>{localized(d)}</p> })}
                    <p class="area-sources">{t.mandate_area_sources()} " " <Cite mission=m.clone() refs=area.sources.clone()/></p>
                    {introduced}
                    {changed}
                </div>
            </details>
        </li>
    }
}
