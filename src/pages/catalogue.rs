//! The home page: every mission in the data, as a card.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::components::load_state::{LoadFailed, Loading};
use crate::data::load::load_index;
use crate::data::{MissionIndex, MissionSummary};
use crate::routes;
use crate::site::SiteBase;

/// Lists the missions from `data/index.json`.
#[component]
pub fn CataloguePage() -> impl IntoView {
    let base = expect_context::<SiteBase>();
    let index = LocalResource::new(move || load_index(base.clone()));
    let retry = Callback::new(move |()| index.refetch());
    view! {
        <Title text="UN field missions"/>
        <Meta
            name="description"
            content="Sourced, dated facts about United Nations field missions: mandates, timelines, leaders, staff and offices."
        />
        {move || match index.get() {
            None => view! { <Loading label="Loading the list of missions"/> }.into_any(),
            Some(Err(error)) => view! { <LoadFailed error=error on_retry=retry/> }.into_any(),
            Some(Ok(index)) => view! { <Catalogue index=index/> }.into_any(),
        }}
    }
}

#[component]
fn Catalogue(index: Arc<MissionIndex>) -> impl IntoView {
    let cards = index.missions.iter().map(mission_card).collect_view();
    view! {
        <h1>"UN field missions"</h1>
        <p class="lede">
            "Mandates, timelines, leaders, staff and offices of United Nations field missions, each fact with its source and date."
        </p>
        <ul class="card-list">{cards}</ul>
    }
}

fn mission_card(m: &MissionSummary) -> impl IntoView + use<> {
    let base = expect_context::<SiteBase>();
    let years = match m.end {
        Some(end) => format!("{}–{}", m.start.year, end.year),
        None => format!("since {}", m.start.year),
    };
    view! {
        <li class="card">
            <h2 class="card-title">
                <a href=base.href(&routes::mission(&m.id))>
                    <span class="card-acronym">{m.acronym.clone()}</span>
                    <span class="card-name">{m.name.en().to_owned()}</span>
                </a>
            </h2>
            <dl class="card-facts">
                <div><dt>"Where"</dt><dd>{m.country.en().to_owned()}</dd></div>
                <div><dt>"Kind"</dt><dd>{m.kind.label_en()}</dd></div>
                <div>
                    <dt>"Status"</dt>
                    <dd><span class=format!("status status-{}", m.status.label_en().to_lowercase())>{m.status.label_en()}</span>
                    " · " {years}</dd>
                </div>
            </dl>
        </li>
    }
}
