//! A mission's overview, and the loading shared by every mission page.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

use crate::citations::anchors;
use crate::components::cite::{Cite, PageSources};
use crate::components::key_facts::KeyFacts;
use crate::components::load_state::{LoadFailed, Loading};
use crate::components::mission_header::MissionHeader;
use crate::components::section_nav::SectionNav;
use crate::data::Mission;
use crate::data::load::{load_mission, loaded_mission};
use crate::format::resolution_label;
use crate::pages::not_found::NotFound;
use crate::routes::{self, Section};
use crate::site::SiteBase;

/// Loads the mission named by the `:id` route parameter and shows it with
/// `render`; shows a placeholder while loading, "not found" for an unknown
/// id, and an alert with a retry when the data cannot be had.
///
/// A loaded mission is rendered from the visit's cache of loaded missions,
/// looked up by the id in the address, so the page can never show one
/// mission's data at another's address.
pub fn with_mission<V: IntoView + 'static>(
    render: impl Fn(Arc<Mission>) -> V + Send + Sync + 'static,
) -> impl IntoView {
    let params = use_params_map();
    let base = expect_context::<SiteBase>();
    let mission = LocalResource::new(move || {
        load_mission(base.clone(), params.read().get("id").unwrap_or_default())
    });
    let retry = Callback::new(move |()| mission.refetch());
    move || {
        let id = params.read().get("id").unwrap_or_default();
        if let Some(loaded) = loaded_mission(&id) {
            return render(loaded).into_any();
        }
        match mission.get() {
            // A result for another mission can linger while the new one loads.
            None | Some(Ok(Some(_))) => view! {
                <Title text="Loading…"/>
                <Loading label="Loading the mission"/>
            }
            .into_any(),
            Some(Err(error)) => view! {
                <Title text="Could not load the page"/>
                <LoadFailed error=error on_retry=retry/>
            }
            .into_any(),
            Some(Ok(None)) => view! { <NotFound/> }.into_any(),
        }
    }
}

/// `/missions/{id}`.
#[component]
pub fn MissionPage() -> impl IntoView {
    with_mission(|mission| view! { <Overview mission=mission/> })
}

#[component]
fn Overview(mission: Arc<Mission>) -> impl IntoView {
    let base = expect_context::<SiteBase>();
    let title = format!("{}: {}", mission.acronym, mission.name.en());
    let description = mission.summary.value.en().to_owned();
    let milestones = mission
        .resolutions
        .iter()
        .filter(|r| r.milestone)
        .map(|r| {
            view! {
                <li id=anchors::milestone(r.number)>
                    <h3>
                        {resolution_label(r.number, r.year)}
                        <span class="date">
                            ", adopted "
                            <time datetime=r.adopted.iso()>{r.adopted.to_english()}</time>
                        </span>
                    </h3>
                    <p>{r.effect.en().to_owned()} <Cite mission=mission.clone() refs=r.sources.clone()/></p>
                </li>
            }
        })
        .collect_view();
    let cards = Section::ALL
        .into_iter()
        .map(|s| {
            view! {
                <li>
                    <a class="section-card" href=base.href(&routes::section(&mission.id, s))>
                        {s.label_en()}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <Title text=title/>
        <Meta name="description" content=description/>
        <MissionHeader mission=mission.clone()/>
        <SectionNav mission_id=mission.id.clone() current=None/>
        <div class="overview">
            <section class="summary" aria-labelledby="summary-heading">
                <h2 id="summary-heading">"Summary"</h2>
                <p id=anchors::SUMMARY>
                    {mission.summary.value.en().to_owned()}
                    <Cite mission=mission.clone() refs=mission.summary.sources.clone()/>
                </p>
                <h2>"Resolutions that shaped the mission"</h2>
                <ol class="milestones">{milestones}</ol>
            </section>
            <KeyFacts mission=mission.clone()/>
            <section class="explore" aria-labelledby="explore-heading">
                <h2 id="explore-heading">"Explore"</h2>
                <ul class="section-cards">{cards}</ul>
                <p class="compare-link">
                    <a href=base.href(&routes::compare(&[mission.id.as_str()]))>
                        "Compare with other missions"
                    </a>
                </p>
            </section>
        </div>
        <PageSources mission=mission.clone() page=None/>
    }
}
