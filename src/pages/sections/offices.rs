//! Offices: a map of where the mission worked (loaded on this page only, as
//! the build wrote it) and the same offices as a list with their dates.

use std::sync::Arc;

use leptos::prelude::*;

use crate::citations::anchors;
use crate::components::cite::Cite;
use crate::components::load_state::LoadFailed;
use crate::components::office_map::{OfficeMap, OfficeState};
use crate::data::Mission;
use crate::data::load::fetch;
use crate::data::map::{MapData, map_file};
use crate::site::SiteBase;

pub fn view(m: &Arc<Mission>) -> impl IntoView + use<> {
    if m.offices.is_empty() {
        return view! { <p class="notice">"Our sources do not list this mission's offices."</p> }
            .into_any();
    }
    let base = expect_context::<SiteBase>();
    let file = map_file(&m.id);
    let map = LocalResource::new(move || {
        let (base, file) = (base.clone(), file.clone());
        async move { fetch::<MapData>(&base, &file).await }
    });
    let retry = Callback::new(move |()| map.refetch());
    let mission = m.clone();
    let map_view = move || match map.get() {
        None => {
            view! { <div class="map-loading" role="status">"Loading the map…"</div> }.into_any()
        }
        Some(Err(error)) => view! {
            <LoadFailed error=error on_retry=retry part="The map could not be loaded"/>
        }
        .into_any(),
        Some(Ok(data)) if data.places.is_empty() => view! {
            <p class="notice">
                "None of these offices can be placed on a map yet: our sources give no position, \
                 and the gazetteer the site uses does not list the town."
            </p>
        }
        .into_any(),
        Some(Ok(data)) => view! { <OfficeMap mission=mission.clone() map=data/> }.into_any(),
    };
    let items = m
        .offices
        .iter()
        .map(|o| {
            let state = OfficeState::of(m, o);
            let opened = o.opened.map(|d| view! { <p class="meta">"Opened " <time datetime=d.iso()>{d.to_english()}</time></p> });
            let class = if state.is_open() { "office open" } else { "office closed" };
            view! {
                <li id=anchors::office(&o.id) class=class>
                    <h3>{o.name.en().to_owned()} <Cite mission=m.clone() refs=o.sources.clone()/></h3>
                    {o.role.as_ref().map(|r| view! { <p>{r.en().to_owned()}</p> })}
                    {opened}
                    <p class="meta office-state">{state.describe()}</p>
                    {o.note.as_ref().map(|n| view! { <p>{n.en().to_owned()}</p> })}
                </li>
            }
        })
        .collect_view();
    view! {
        <h2>"Map"</h2>
        <div class="map-slot">{map_view}</div>
        <h2>{format!("All offices ({})", m.offices.len())}</h2>
        <ul class="offices">{items}</ul>
    }
    .into_any()
}
