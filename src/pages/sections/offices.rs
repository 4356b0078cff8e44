//! Offices: a map of where the mission worked (loaded on this page only, as
//! the build wrote it) and the same offices as a list with their dates.

use std::sync::Arc;

use leptos::prelude::*;

use crate::components::cite::Cite;
use crate::components::load_state::LoadFailed;
use crate::components::office_map::{OfficeMap, OfficeState};
use crate::components::text::{SLOT, localized, sentence_with_date};
use crate::data::map::{MapData, map_file};
use crate::facts::mission::MissionFacts;
use crate::facts::mission::anchors;
use crate::site::load::{fetch, preloaded};
use crate::site::{SiteBase, strings};

pub fn view(m: &Arc<MissionFacts>) -> impl IntoView + use<> {
    let t = strings();
    if m.offices.is_empty() {
        return view! { <p class="notice">{t.offices_none()}</p> }.into_any();
    }
    let base = expect_context::<SiteBase>();
    let file = map_file(&m.id);
    // A map already here (the prerenderer's, or handed over by app-start.js)
    // shows at once, parsed once.
    let map_here = preloaded::<MapData>(&file);
    let map = LocalResource::new(move || {
        let (base, file) = (base.clone(), file.clone());
        async move { fetch::<MapData>(&base, &file).await }
    });
    let retry = Callback::new(move |()| map.refetch());
    let mission = m.clone();
    let map_view = move || match map_here.clone().map(Ok).or_else(|| map.get()) {
        None => view! { <div class="map-loading" role="status">{t.map_loading()}</div> }.into_any(),
        Some(Err(error)) => view! {
            <LoadFailed error=error on_retry=retry part=t.map_failed()/>
        }
        .into_any(),
        Some(Ok(data)) if data.places.is_empty() => view! {
            <p class="notice">{t.map_none_placed()}</p>
        }
        .into_any(),
        Some(Ok(data)) => view! { <OfficeMap mission=mission.clone() map=data/> }.into_any(),
    };
    view! {
        <h2>{t.offices_map()}</h2>
        <div class="map-slot">{map_view}</div>
        {list(m)}
    }
    .into_any()
}

/// The offices with their dates (without the map on the print page).
pub fn list(m: &Arc<MissionFacts>) -> impl IntoView + use<> {
    let t = strings();
    if m.offices.is_empty() {
        return view! { <p class="notice">{t.offices_none()}</p> }.into_any();
    }
    let items = m
        .offices
        .iter()
        .map(|o| {
            let state = OfficeState::of(m, o);
            let opened = o.opened.map(
                |d| view! { <p class="meta">{sentence_with_date(t.office_opened(SLOT), d)}</p> },
            );
            let class = if state.is_open() {
                "office open"
            } else {
                "office closed"
            };
            view! {
                <li id=anchors::office(&o.id) class=class>
                    <h3>{localized(&o.name)} <Cite mission=m.clone() refs=o.sources.clone()/></h3>
                    {o.role.as_ref().map(|r| view! { <p>{localized(r)}</p> })}
                    {opened}
                    <p class="meta office-state">{state.describe(t)}</p>
                    {o.note.as_ref().map(|n| view! { <p>{localized(n)}</p> })}
                </li>
            }
        })
        .collect_view();
    view! {
        <h2>{t.offices_all(m.offices.len())}</h2>
        <ul class="offices">{items}</ul>
    }
    .into_any()
}
