//! A mission's overview, and the loading shared by every mission page.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::components::Outlet;
use leptos_router::hooks::use_params_map;

use crate::components::cite::{Cite, PageSources};
use crate::components::cite_page::CiteThisPage;
use crate::components::gaps::Gaps;
use crate::components::key_facts::KeyFacts;
use crate::components::load_state::{LoadFailed, Loading};
use crate::components::mission_header::MissionHeader;
use crate::components::section_nav::SectionNav;
use crate::components::text::{SLOT, localized, localized_plain, sentence_with_date};
use crate::data::Mission;
use crate::facts::mission::MissionFacts;
use crate::facts::mission::anchors;
use crate::pages::not_found::NotFound;
use crate::site::load::{LoadError, load_mission_answer, loaded_mission};
use crate::site::routes::{self, Section};
use crate::site::{SiteBase, strings};

/// Where the mission a page is about stands: loading, loaded (its facts,
/// worked out once for all its pages), not in the data, or not to be had.
#[derive(Clone, Debug, PartialEq)]
enum MissionState {
    Loading,
    Loaded(Arc<MissionFacts>),
    NotFound,
    Failed(LoadError),
}

/// What [`MissionRoute`] gives the pages under it.
#[derive(Clone, Copy)]
struct MissionContext {
    state: Memo<MissionState>,
    retry: Callback<()>,
}

/// `/missions/{id}/…`: loads the mission named by the `:id` route parameter
/// and works out its facts, once for all of its pages, which render in its
/// [`Outlet`]: moving between a mission's pages loads and computes nothing.
///
/// Whatever the order in which answers arrive (a reader clicking quickly
/// from mission to mission), the pages show only what is about the id in
/// the address: a mission this visit already has is taken at once, looked
/// up by that id, and an error or "not found" only if it was the answer for
/// that id; an answer for another mission leaves the placeholder up.
#[component]
pub fn MissionRoute() -> impl IntoView {
    let params = use_params_map();
    let base = expect_context::<SiteBase>();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let answer = LocalResource::new(move || load_mission_answer(base.clone(), id.get()));
    let state = Memo::new(move |previous: Option<&MissionState>| {
        let id = id.get();
        if let Some(MissionState::Loaded(facts)) = previous
            && facts.id == id
        {
            return MissionState::Loaded(facts.clone());
        }
        if let Some(loaded) = loaded_mission(&id) {
            return MissionState::Loaded(facts_of(loaded));
        }
        match answer.get() {
            Some((answered, Err(error))) if answered == id => MissionState::Failed(error),
            Some((answered, Ok(None))) if answered == id => MissionState::NotFound,
            // Still on its way, or an answer about another mission.
            _ => MissionState::Loading,
        }
    });
    let retry = Callback::new(move |()| answer.refetch());
    provide_context(MissionContext { state, retry });
    view! { <Outlet/> }
}

/// Shows the page's mission with `render` once [`MissionRoute`] has it; a
/// placeholder while it loads, "not found" for an unknown id, and an alert
/// with a retry when the data cannot be had.
pub fn with_mission<V: IntoView + 'static>(
    render: impl Fn(Arc<MissionFacts>) -> V + Send + Sync + 'static,
) -> impl IntoView {
    let MissionContext { state, retry } = expect_context();
    move || match state.get() {
        MissionState::Loaded(facts) => render(facts).into_any(),
        MissionState::Failed(error) => view! {
            <Title text=strings().load_failed_title()/>
            <LoadFailed error=error on_retry=retry/>
        }
        .into_any(),
        MissionState::NotFound => view! { <NotFound/> }.into_any(),
        MissionState::Loading => view! {
            <Title text=strings().loading_title()/>
            <Loading label=strings().loading_mission()/>
        }
        .into_any(),
    }
}

/// A mission's facts in the reader's language.
pub fn facts_of(mission: Arc<Mission>) -> Arc<MissionFacts> {
    Arc::new(MissionFacts::new(mission, strings()))
}

/// `/missions/{id}`.
#[component]
pub fn MissionPage() -> impl IntoView {
    with_mission(|mission| view! { <Overview mission=mission/> })
}

#[component]
fn Overview(mission: Arc<MissionFacts>) -> impl IntoView {
    let base = expect_context::<SiteBase>();
    let t = strings();
    let title = format!("{}: {}", mission.acronym, localized_plain(&mission.name));
    let description = localized_plain(&mission.summary.value);
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
        <Title text=title.clone()/>
        <Meta name="description" content=description/>
        <MissionHeader mission=mission.clone()/>
        <SectionNav mission_id=mission.id.clone()/>
        <div class="overview">
            {summary(&mission)}
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
        <CiteThisPage
            title=title
            page=routes::mission(&mission.id)
            missions=vec![mission.id.clone()]
        />
    }
}

/// The overview's summary and milestones (also on the print page).
pub fn summary(mission: &Arc<MissionFacts>) -> impl IntoView + use<> {
    let t = strings();
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
    view! {
        <section class="summary" aria-labelledby="summary-heading">
            <h2 id="summary-heading">{t.overview_summary()}</h2>
            <p id=anchors::SUMMARY>
                {localized(&mission.summary.value)}
                <Cite mission=mission.clone() refs=mission.summary.sources.clone()/>
            </p>
            <h2>{t.overview_milestones()}</h2>
            <ol class="milestones">{milestones}</ol>
        </section>
    }
}
