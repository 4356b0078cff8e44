//! The top of every mission page: breadcrumb, name, kind and closure notice.

use std::sync::Arc;

use leptos::prelude::*;

use super::cite::Cite;
use crate::components::text::{SLOT, localized, localized_plain, sentence_with_date};
use crate::data::{Phase, StatusState};
use crate::facts::mission::MissionFacts;
use crate::facts::mission::anchors;
use crate::site::load::use_history;
use crate::site::routes;
use crate::site::{SiteBase, strings};

/// Breadcrumb, heading and (for missions that ended or are ending) a notice.
#[component]
pub fn MissionHeader(
    #[prop(into)] mission: Arc<MissionFacts>,
    /// The heading of a section page, or `None` on the overview.
    #[prop(optional, into)]
    section_label: Option<String>,
    /// The page above this one within the mission, as its label and
    /// address (a timeline's year page sits under the timeline).
    #[prop(default = None)]
    parent: Option<(String, String)>,
) -> impl IntoView {
    let base = expect_context::<SiteBase>();
    let t = strings();
    let eyebrow = format!(
        "{} · {}",
        mission.kind.label(t),
        localized_plain(&mission.country)
    );
    let name = localized_plain(&mission.name);
    let acronym = mission.acronym.clone();
    let crumb = match &section_label {
        None => view! { <li aria-current="page">{acronym.clone()}</li> }.into_any(),
        Some(label) => view! {
            <li><a href=base.href(&routes::mission(&mission.id))>{acronym.clone()}</a></li>
            {parent.map(|(name, href)| view! { <li><a href=href>{name}</a></li> })}
            <li aria-current="page">{label.clone()}</li>
        }
        .into_any(),
    };
    let heading = match section_label.clone() {
        None => view! {
            <h1>{name} " " <span class="acronym">"(" {acronym} ")"</span></h1>
        }
        .into_any(),
        Some(label) => view! {
            <h1>{label} <span class="h1-context">{format!("{name} ({acronym})")}</span></h1>
        }
        .into_any(),
    };
    // The whole story of the closure on the overview; its first line elsewhere.
    let full = section_label.is_none();
    view! {
        <nav class="breadcrumb" aria-label=t.breadcrumb_label()>
            <ol>
                <li><a href=base.href(&routes::home())>{t.breadcrumb_missions()}</a></li>
                {crumb}
            </ol>
        </nav>
        <header class="mission-header">
            <p class="eyebrow">{eyebrow}</p>
            {heading}
            <DataChanged mission_id=mission.id.clone()/>
        </header>
        <ClosureNotice mission=mission full=full/>
    }
}

/// When the mission's data last changed, with a link to the list of changes.
#[component]
fn DataChanged(mission_id: String) -> impl IntoView {
    let base = expect_context::<SiteBase>();
    let t = strings();
    let history = use_history();
    let href = base.href(&routes::mission_changes(&mission_id));
    let mission = [mission_id.clone()];
    let when = move || match history.and_then(|h| h.get()).and_then(|d| d.of(&mission)) {
        Some(date) => sentence_with_date(t.data_last_changed(SLOT), date).into_any(),
        None => t.data_changed_unknown().into_any(),
    };
    view! {
        <p class="data-changed">
            {when} " · " <a href=href rel=routes::BUILT_PAGE_REL>{t.cite_changes_link()}</a>
        </p>
    }
}

/// A notice that the mission has closed or is closing, with the deciding resolution.
#[component]
fn ClosureNotice(
    #[prop(into)] mission: Arc<MissionFacts>,
    /// With the note on what closing meant (the overview), or without.
    full: bool,
) -> impl IntoView {
    let status = &mission.status;
    let t = strings();
    let heading = match status.state {
        StatusState::Active => return None,
        StatusState::Closing => t.closure_is_closing(&mission.acronym),
        StatusState::Closed => t.closure_has_closed(&mission.acronym),
    };
    let end = status.mandate_end.map(|d| {
        if status.state == StatusState::Closed {
            sentence_with_date(t.closure_mandate_ended(SLOT), d).into_any()
        } else {
            sentence_with_date(t.closure_mandate_ends(SLOT), d).into_any()
        }
    });
    let by = status.final_resolution.map(|n| {
        let year = mission.resolution(n).map(|r| r.year);
        let label = match year {
            Some(year) => t.resolution_in_sentence(n, year),
            None => t.resolution_in_sentence(n, "").replace(" ()", ""),
        };
        t.closure_decided_by(label)
    });
    // The sources go after the first line, or after the note when there is
    // no first line (then the note shows on every page: it is all there is).
    let has_line = end.is_some() || by.is_some();
    let cite = || view! { <Cite mission=mission.clone() refs=status.sources.clone()/> };
    let line = has_line.then(|| view! { <p>{end} {by} {t.sentence_end()} {cite()}</p> });
    let note = status
        .note
        .as_ref()
        .filter(|_| full || !has_line)
        .map(|n| view! { <p>{localized(n)} {(!has_line).then(cite)}</p> });
    let bare = (!has_line && note.is_none()).then(|| view! { <p>{cite()}</p> });
    let drawdown = full
        .then(|| {
            closure_phase(
                &mission,
                anchors::DRAWDOWN,
                t.closure_drawdown(),
                &status.drawdown,
            )
        })
        .flatten();
    let liquidation = full
        .then(|| {
            closure_phase(
                &mission,
                anchors::LIQUIDATION,
                t.closure_liquidation(),
                &status.liquidation,
            )
        })
        .flatten();
    Some(view! {
        <section class="notice notice-closed" id=anchors::CLOSURE aria-labelledby="closure-heading">
            <h2 id="closure-heading">{heading}</h2>
            {line}
            {note}
            {bare}
            {drawdown}
            {liquidation}
        </section>
    })
}

/// A stage of the closure (drawdown, liquidation): when, and what it involved.
///
/// A named function on purpose: the same code as a closure in
/// `ClosureNotice` made the release WebAssembly build fail ("failed to get
/// bitcode from object file for LTO (Invalid Wasm linking symbol)", rustc
/// 1.95), as in `load::load_mission_answer`.
fn closure_phase(
    mission: &Arc<MissionFacts>,
    anchor: &'static str,
    label: &'static str,
    phase: &Option<Phase>,
) -> Option<AnyView> {
    let t = strings();
    let p = phase.as_ref()?;
    let period = t.tenure(p.from, p.to).map(|period| format!(" ({period})"));
    Some(
        view! {
            <p id=anchor>
                <strong>{label}</strong>
                {period}
                ": "
                {localized(&p.description)}
                <Cite mission=mission.clone() refs=p.sources.clone()/>
            </p>
        }
        .into_any(),
    )
}
