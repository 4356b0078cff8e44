//! `/changes` and `/missions/{id}/changes`: what changed in the data and
//! when, from the project's history at build time (`data::history`).
//!
//! Documents made at build time only (see `pages::built`): the app never
//! renders them, so their code is not in the WebAssembly.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::components::cite_page::CiteThisPage;
use crate::components::mission_header::MissionHeader;
use crate::components::section_nav::SectionNav;
use crate::data::history::{Change, HISTORY_FILE, History, MissionChange};
use crate::facts::mission::MissionFacts;
use crate::pages::mission::with_mission;
use crate::site::load::{loaded, loaded_index};
use crate::site::routes::{self, CHANGES_FEED};
use crate::site::{SiteBase, strings};

/// Every change to the data.
#[component]
pub fn ChangesPage() -> impl IntoView {
    let t = strings();
    view! {
        <Title text=t.built_changes_title()/>
        <Meta name="description" content=t.built_changes_description()/>
        <h1>{t.built_changes_title()}</h1>
        <p class="lede">{t.built_changes_lede()}</p>
        <FeedLink/>
        <ChangeList mission=None/>
        <CiteThisPage title=t.built_changes_title() page=routes::changes()/>
    }
}

/// The changes to one mission's data.
#[component]
pub fn MissionChangesPage() -> impl IntoView {
    with_mission(|mission| view! { <MissionChanges mission=mission/> })
}

#[component]
fn MissionChanges(mission: Arc<MissionFacts>) -> impl IntoView {
    let t = strings();
    let title = t.built_changes_mission_title(&mission.acronym);
    view! {
        <Title text=title.clone()/>
        <Meta name="description" content=t.built_changes_description()/>
        <MissionHeader mission=mission.clone() section_label=t.built_changes_title()/>
        <SectionNav mission_id=mission.id.clone()/>
        <p class="lede">{t.built_changes_lede()}</p>
        <FeedLink/>
        <ChangeList mission=Some(mission.id.clone())/>
        <CiteThisPage
            title=title
            page=routes::mission_changes(&mission.id)
            missions=vec![mission.id.clone()]
        />
    }
}

/// The Atom feed of the changes.
#[component]
fn FeedLink() -> impl IntoView {
    let base = expect_context::<SiteBase>();
    view! {
        <p class="feed-link">
            <a href=base.asset(CHANGES_FEED) type="application/atom+xml">{strings().built_changes_feed()}</a>
        </p>
    }
}

/// The changes, newest first: all of them, or those to one mission.
#[component]
fn ChangeList(mission: Option<String>) -> impl IntoView {
    // The prerenderer has read the history (or stopped, naming the file).
    let history = loaded::<History>(HISTORY_FILE).unwrap_or_default();
    changes(&history, mission.as_deref())
}

fn changes(history: &History, mission: Option<&str>) -> impl IntoView + use<> {
    let t = strings();
    if !history.is_available() {
        return view! { <p class="notice">{t.built_changes_unavailable()}</p> }.into_any();
    }
    let list: Vec<&Change> = match mission {
        Some(id) => history.of_mission(id).collect(),
        None => history.all().iter().collect(),
    };
    if list.is_empty() {
        return view! { <p>{t.built_changes_none()}</p> }.into_any();
    }
    let count = t.built_changes_count(list.len() as u32);
    let items = list
        .into_iter()
        .map(|change| change_item(change, mission))
        .collect_view();
    view! {
        <p class="changes-count">{count}</p>
        <ol class="changes">{items}</ol>
    }
    .into_any()
}

/// One change: its date, its summary (the editors', in English), and what it
/// changed in each mission (in the one mission, on a mission's page).
fn change_item(change: &Change, only: Option<&str>) -> impl IntoView + use<> {
    let base = expect_context::<SiteBase>();
    let t = strings();
    let missions = change
        .missions
        .iter()
        .filter(|m| only.is_none_or(|id| m.id == id))
        .map(|m| {
            let what = what_changed(m);
            let name = only.is_none().then(|| {
                let acronym = loaded_index()
                    .and_then(|i| {
                        i.missions
                            .iter()
                            .find(|s| s.id == m.id)
                            .map(|s| s.acronym.clone())
                    })
                    .unwrap_or_else(|| m.id.clone());
                view! { <a href=base.href(&routes::mission_changes(&m.id))>{acronym}</a> ": " }
            });
            view! { <li>{name} {what}</li> }
        })
        .collect_view();
    view! {
        <li class="change" id=format!("change-{}", change.commit)>
            <h2>
                <time datetime=change.date.iso()>{t.date(change.date)}</time>
                <span class="change-commit">{t.built_changes_commit(&change.commit)}</span>
            </h2>
            <p class="change-summary" lang="en" dir="ltr">{change.summary.clone()}</p>
            <ul class="change-missions">{missions}</ul>
        </li>
    }
}

/// "Timeline entries: 3 added, 1 changed; Sources: 2 added".
fn what_changed(m: &MissionChange) -> String {
    let t = strings();
    if m.added {
        return t.built_change_file_added().to_owned();
    }
    if m.removed {
        return t.built_change_file_removed().to_owned();
    }
    m.fields
        .iter()
        .map(|f| {
            let counts: Vec<String> = [
                (f.added, t.built_change_added(f.added)),
                (f.removed, t.built_change_removed(f.removed)),
                (f.changed, t.built_change_changed(f.changed)),
            ]
            .into_iter()
            .filter(|(n, _)| *n > 0)
            .map(|(_, text)| text)
            .collect();
            format!(
                "{}: {}",
                field_label(&f.field, t),
                counts.join(t.list_comma())
            )
        })
        .collect::<Vec<_>>()
        .join(t.list_semicolon())
}

/// What a top-level field of a mission file holds, for the lists of
/// changes (`data::history::FieldChange`); "other details" for the rest.
fn field_label(field: &str, t: &crate::site::i18n::Strings) -> &'static str {
    match field {
        "name" | "acronym" => t.built_field_name(),
        "status" => t.built_field_status(),
        "summary" => t.built_field_summary(),
        "resolutions" => t.built_field_resolutions(),
        "leadership" => t.built_field_leadership(),
        "personnel" => t.built_field_personnel(),
        "events" => t.built_field_events(),
        "mandate" => t.built_field_mandate(),
        "budget" => t.built_field_budget(),
        "offices" => t.built_field_offices(),
        "sources" => t.built_field_sources(),
        "related" => t.built_field_related(),
        "not_found" => t.built_field_not_found(),
        _ => t.built_field_other(),
    }
}
