//! Mandate: the mission's summary and each area of its mandate as a
//! disclosure (native `<details>`, which works with keyboard, screen readers
//! and without JavaScript), with the resolutions that set or changed it.

use std::sync::Arc;

use leptos::prelude::*;

use crate::citations::anchors;
use crate::components::cite::Cite;
use crate::data::{MandateArea, Mission};
use crate::format::resolution_label;
use crate::routes::{self, Section};
use crate::site::SiteBase;
use crate::timeline::resolution_anchor;

pub fn view(m: &Arc<Mission>) -> impl IntoView + use<> {
    if m.mandate.is_empty() {
        return view! {
            <p id=anchors::SUMMARY>
                {m.summary.value.en().to_owned()}
                <Cite mission=m.clone() refs=m.summary.sources.clone()/>
            </p>
            <p class="notice">"Our sources do not break this mission's mandate down into areas."</p>
        }
        .into_any();
    }
    // `None` until the reader asks to open or close them all.
    let all_open = RwSignal::new(None::<bool>);
    let toggle_all = move |_| all_open.update(|v| *v = Some(!v.unwrap_or(false)));
    let areas = m
        .mandate
        .iter()
        .map(|area| area_item(m, area, all_open))
        .collect_view();
    view! {
        <p id=anchors::SUMMARY>
            {m.summary.value.en().to_owned()}
            <Cite mission=m.clone() refs=m.summary.sources.clone()/>
        </p>
        <div class="list-heading">
            <h2>{format!("Mandate areas ({})", m.mandate.len())}</h2>
            <button type="button" class="button-secondary" on:click=toggle_all>
                {move || if all_open.get().unwrap_or(false) { "Close all" } else { "Open all" }}
            </button>
        </div>
        <ul class="mandate-areas">{areas}</ul>
    }
    .into_any()
}

fn area_item(
    m: &Arc<Mission>,
    area: &MandateArea,
    all_open: RwSignal<Option<bool>>,
) -> impl IntoView + use<> {
    let timeline = expect_context::<SiteBase>().href(&routes::section(&m.id, Section::Timeline));
    let label = |n: u32| {
        m.resolution(n)
            .map(|r| resolution_label(r.number, r.year))
            .unwrap_or_else(|| format!("Resolution {n}"))
    };
    let link =
        |n: u32| view! { <a href=format!("{timeline}#{}", resolution_anchor(n))>{label(n)}</a> };
    // The short line beside the title, readable while the area is closed.
    let mut meta = Vec::new();
    if let Some(n) = area.introduced_by {
        meta.push(format!("Since {}", label(n).to_lowercase()));
    }
    match (area.changed_by.len(), meta.is_empty()) {
        (0, _) => {}
        (1, first) => meta.push(
            if first {
                "Changed once"
            } else {
                "changed once"
            }
            .to_owned(),
        ),
        (n, first) => meta.push(format!(
            "{} {n} times",
            if first { "Changed" } else { "changed" }
        )),
    }
    let introduced = area
        .introduced_by
        .map(|n| view! { <p>"Introduced by " {link(n)} "."</p> });
    let changed = (!area.changed_by.is_empty()).then(|| {
        let last = area.changed_by.len() - 1;
        let links = area
            .changed_by
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let sep = match i {
                    0 => "",
                    i if i == last => " and ",
                    _ => ", ",
                };
                view! { {sep} {link(*n)} }
            })
            .collect_view();
        view! { <p>"Changed by " {links} "."</p> }
    });
    view! {
        <li id=anchors::mandate_area(&area.id) class="mandate-area">
            <details prop:open=move || all_open.get().unwrap_or(false)>
                <summary>
                    <span class="area-title">{area.title.en().to_owned()}</span>
                    {(!meta.is_empty()).then(|| view! { <span class="area-meta">{meta.join(", ")}</span> })}
                </summary>
                <div class="area-body">
                    {area.description.as_ref().map(|d| view! { <p>{d.en().to_owned()}</p> })}
                    <p class="area-sources">"Sources: " <Cite mission=m.clone() refs=area.sources.clone()/></p>
                    {introduced}
                    {changed}
                </div>
            </details>
        </li>
    }
}
