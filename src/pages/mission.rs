//! A mission's overview, and the loading shared by every mission page.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

use crate::components::cite::{Cite, PageSources};
use crate::components::gaps::Gaps;
use crate::components::key_facts::KeyFacts;
use crate::components::load_state::{LoadFailed, Loading};
use crate::components::mission_header::MissionHeader;
use crate::components::section_nav::SectionNav;
use crate::components::text::{SLOT, localized, localized_plain, sentence_with_date};
use crate::data::Mission;
use crate::facts::citations::anchors;
use crate::pages::not_found::NotFound;
use crate::site::load::{load_mission_answer, loaded_mission};
use crate::site::routes::{self, Section};
use crate::site::{SiteBase, strings};

/// Loads the mission named by the `:id` route parameter and shows it with
/// `render`; shows a placeholder while loading, "not found" for an unknown
/// id, and an alert with a retry when the data cannot be had.
///
/// Whatever the order in which answers arrive (a reader clicking quickly
/// from mission to mission), the page shows only what is about the id in
/// its address: a loaded mission comes from the visit's cache, looked up by
/// that id, and an error or "not found" only if it was the answer for that
/// id; an answer for another mission leaves the placeholder up.
pub fn with_mission<V: IntoView + 'static>(
    render: impl Fn(Arc<Mission>) -> V + Send + Sync + 'static,
) -> impl IntoView {
    let params = use_params_map();
    let base = expect_context::<SiteBase>();
    let mission = LocalResource::new(move || {
        load_mission_answer(base.clone(), params.read().get("id").unwrap_or_default())
    });
    let retry = Callback::new(move |()| mission.refetch());
    move || {
        let id = params.read().get("id").unwrap_or_default();
        if let Some(loaded) = loaded_mission(&id) {
            return render(loaded).into_any();
        }
        match mission.get() {
            Some((answered, Err(error))) if answered == id => view! {
                <Title text=strings().load_failed_title()/>
                <LoadFailed error=error on_retry=retry/>
            }
            .into_any(),
            Some((answered, Ok(None))) if answered == id => view! { <NotFound/> }.into_any(),
            // Still on its way, or an answer about another mission.
            _ => view! {
                <Title text=strings().loading_title()/>
                <Loading label=strings().loading_mission()/>
            }
            .into_any(),
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
    let t = strings();
    let title = format!("{}: {}", mission.acronym, localized_plain(&mission.name));
    let description = localized_plain(&mission.summary.value);
    let milestones = mission
        .resolutions
        .iter()
        .filter(|r| r.milestone)
        .map(|r| {
            view! {
                <li id=anchors::milestone(r.number)>
                    <h3>
                        {t.resolution_label(r.number, r.year)}
                        <span class="date">{sentence_with_date(t.adopted_on(SLOT), r.adopted)}</span>
                    </h3>
                    <p>{localized(&r.effect)} <Cite mission=mission.clone() refs=r.sources.clone()/></p>
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
                        {s.label(t)}
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
                <h2 id="summary-heading">{t.overview_summary()}</h2>
                <p id=anchors::SUMMARY>
                    {localized(&mission.summary.value)}
                    <Cite mission=mission.clone() refs=mission.summary.sources.clone()/>
                </p>
                <h2>{t.overview_milestones()}</h2>
                <ol class="milestones">{milestones}</ol>
            </section>
            <KeyFacts mission=mission.clone()/>
            <section class="explore" aria-labelledby="explore-heading">
                <h2 id="explore-heading">{t.overview_explore()}</h2>
                <ul class="section-cards">{cards}</ul>
                <p class="compare-link">
                    <a href=base.href(&routes::compare(&[mission.id.as_str()]))>
                        {t.overview_compare()}
                    </a>
                </p>
            </section>
        </div>
        <Gaps mission=mission.clone() page=None/>
        <PageSources mission=mission.clone() page=None/>
    }
}
