//! `/missions/{id}/{section}`: one part of a mission in depth.
//!
//! The foundation shows what the data already holds for each section; the
//! interactive versions (filters, charts, map) replace these bodies.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

use crate::components::cite::{Cite, SourceList};
use crate::components::mission_header::MissionHeader;
use crate::components::section_nav::SectionNav;
use crate::data::Mission;
use crate::format::{count, resolution_label, tenure};
use crate::pages::mission::with_mission;
use crate::pages::not_found::NotFound;
use crate::routes::Section;

/// Shows the section named in the address, or "not found" for an unknown one.
#[component]
pub fn SectionPage() -> impl IntoView {
    let params = use_params_map();
    move || {
        let slug = params.read().get("section").unwrap_or_default();
        match Section::from_slug(&slug) {
            None => view! { <NotFound/> }.into_any(),
            Some(section) => with_mission(move |mission| {
                view! { <SectionView mission=mission section=section/> }
            })
            .into_any(),
        }
    }
}

#[component]
fn SectionView(mission: Arc<Mission>, section: Section) -> impl IntoView {
    let title = format!("{} · {}", section.label_en(), mission.acronym);
    let description = format!("{} of the {}.", section.label_en(), mission.name.en());
    let body = match section {
        Section::Mandate => mandate(&mission).into_any(),
        Section::Timeline => timeline(&mission).into_any(),
        Section::Leadership => leadership(&mission).into_any(),
        Section::Personnel => personnel(&mission).into_any(),
        Section::Offices => view! {
            <p class="notice">"Offices are not in this mission's data yet."</p>
        }
        .into_any(),
        Section::Sources => view! { <SourceList mission=mission.clone()/> }.into_any(),
    };
    let sources = (section != Section::Sources).then(|| {
        view! {
            <section aria-labelledby="sources-heading">
                <h2 id="sources-heading">"Sources"</h2>
                <SourceList mission=mission.clone()/>
            </section>
        }
    });
    view! {
        <Title text=title/>
        <Meta name="description" content=description/>
        <MissionHeader mission=mission.clone() section_label=section.label_en()/>
        <SectionNav mission_id=mission.id.clone() current=Some(section)/>
        <div class="section-body">{body}</div>
        {sources}
    }
}

fn mandate(m: &Arc<Mission>) -> impl IntoView + use<> {
    view! {
        <p>
            {m.summary.value.en().to_owned()}
            <Cite mission=m.clone() refs=m.summary.sources.clone()/>
        </p>
    }
}

fn timeline(m: &Arc<Mission>) -> impl IntoView + use<> {
    let mut resolutions: Vec<_> = m.resolutions.iter().collect();
    resolutions.sort_by_key(|r| r.adopted);
    let items = resolutions
        .into_iter()
        .map(|r| {
            view! {
                <li id=format!("res-{}", r.number)>
                    <h2 class="h3">
                        <time datetime=r.adopted.iso()>{r.adopted.to_english()}</time>
                        ": " {resolution_label(r.number, r.year)}
                    </h2>
                    <p>{r.effect.en().to_owned()} <Cite mission=m.clone() refs=r.sources.clone()/></p>
                </li>
            }
        })
        .collect_view();
    view! { <ol class="timeline">{items}</ol> }
}

fn leadership(m: &Arc<Mission>) -> impl IntoView + use<> {
    let posts = m
        .leadership
        .iter()
        .map(|post| {
            let holders = post
                .holders
                .iter()
                .map(|h| {
                    let period = tenure(h.from, h.to).map(|t| format!(", {t}"));
                    let note = h.note.as_ref().map(|n| format!(". {}", n.en()));
                    view! {
                        <li>{h.name.clone()} {period} {note} <Cite mission=m.clone() refs=h.sources.clone()/></li>
                    }
                })
                .collect_view();
            view! {
                <section class="post-block">
                    <h2 class="h3">{post.title.en().to_owned()} <Cite mission=m.clone() refs=post.sources.clone()/></h2>
                    <ul>{holders}</ul>
                </section>
            }
        })
        .collect_view();
    view! { <div>{posts}</div> }
}

fn personnel(m: &Arc<Mission>) -> impl IntoView + use<> {
    let rows = m
        .personnel
        .iter()
        .map(|p| {
            let when = p
                .as_of
                .map(|d| d.to_english())
                .or_else(|| p.date_note.as_ref().map(|n| n.en().to_owned()))
                .unwrap_or_else(|| "Undated".to_owned());
            let parts = p
                .parts
                .iter()
                .map(|part| format!("{}: {}", part.label.en(), count(part.count)))
                .collect::<Vec<_>>()
                .join("; ");
            view! {
                <tr>
                    <th scope="row">{when}</th>
                    <td class="num">{count(p.total)}</td>
                    <td>{parts}</td>
                    <td><Cite mission=m.clone() refs=p.sources.clone()/></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label="Personnel figures">
            <table>
                <caption>"Personnel figures, as each source dates them"</caption>
                <thead>
                    <tr>
                        <th scope="col">"As of"</th>
                        <th scope="col">"Total"</th>
                        <th scope="col">"Breakdown"</th>
                        <th scope="col">"Sources"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
