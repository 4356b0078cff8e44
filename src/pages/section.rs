//! `/missions/{id}/{section}`: one part of a mission in depth.
//!
//! The foundation shows what the data already holds for each section; the
//! interactive versions (filters, charts, map) replace these bodies.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

use crate::components::cite::{Cite, SourceList};
use crate::components::data_table::DataTable;
use crate::components::mission_header::MissionHeader;
use crate::components::readings::OtherReadings;
use crate::components::section_nav::SectionNav;
use crate::data::{BudgetKind, Mission};
use crate::format::{count, head_count, resolution_label, tenure, usd};
use crate::pages::mission::with_mission;
use crate::pages::not_found::NotFound;
use crate::routes::{self, Section};
use crate::site::SiteBase;
use crate::timeline::{EntryKind, entries, resolution_anchor};

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
        Section::Offices => offices(&mission).into_any(),
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
    let base = expect_context::<SiteBase>();
    let timeline = base.href(&routes::section(&m.id, Section::Timeline));
    let areas = m
        .mandate
        .iter()
        .map(|area| {
            let link = |n: u32| {
                let label = m
                    .resolution(n)
                    .map(|r| resolution_label(r.number, r.year))
                    .unwrap_or_else(|| format!("Resolution {n}"));
                view! { <a href=format!("{timeline}#{}", resolution_anchor(n))>{label}</a> }
            };
            let introduced = area
                .introduced_by
                .map(|n| view! { <p class="meta">"Introduced by " {link(n)}</p> });
            let changed = (!area.changed_by.is_empty()).then(|| {
                let links = area
                    .changed_by
                    .iter()
                    .map(|n| view! { " " {link(*n)} })
                    .collect_view();
                view! { <p class="meta">"Changed by" {links}</p> }
            });
            view! {
                <li id=format!("mandate-{}", area.id)>
                    <h2 class="h3">{area.title.en().to_owned()} <Cite mission=m.clone() refs=area.sources.clone()/></h2>
                    {area.description.as_ref().map(|d| view! { <p>{d.en().to_owned()}</p> })}
                    {introduced}
                    {changed}
                </li>
            }
        })
        .collect_view();
    view! {
        <p>
            {m.summary.value.en().to_owned()}
            <Cite mission=m.clone() refs=m.summary.sources.clone()/>
        </p>
        <ul class="mandate-areas">{areas}</ul>
    }
}

fn timeline(m: &Arc<Mission>) -> impl IntoView + use<> {
    let items = entries(m)
        .into_iter()
        .map(|e| {
            let kind = match e.kind {
                EntryKind::Resolution => "Resolution",
                EntryKind::Event => "Event",
                EntryKind::Leadership => "Leadership",
            };
            view! {
                <li id=e.anchor.clone() class=format!("entry entry-{}", kind.to_lowercase())>
                    <h2 class="h3">
                        <time datetime=e.date.iso()>{e.date.to_english()}</time>
                        ": " {e.title.clone()}
                    </h2>
                    <p class="meta">{kind}</p>
                    {e.body.map(|b| view! { <p>{b.to_owned()} <Cite mission=m.clone() refs=e.sources.to_vec()/></p> }.into_any())
                        .unwrap_or_else(|| view! { <Cite mission=m.clone() refs=e.sources.to_vec()/> }.into_any())}
                    <OtherReadings mission=m.clone() readings=e.other_readings.to_vec()/>
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
                    let nationality = h.nationality.as_ref().map(|n| format!(" ({})", n.en()));
                    let period = tenure(h.from, h.to).map(|t| format!(", {t}"));
                    let note = h.note.as_ref().map(|n| format!(". {}", n.en()));
                    view! {
                        <li>
                            {h.name.en().to_owned()} {nationality} {period} {note}
                            <Cite mission=m.clone() refs=h.sources.clone()/>
                            <OtherReadings mission=m.clone() readings=h.other_readings.clone()/>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="post-block">
                    <h2 class="h3">{post.title.en().to_owned()} <Cite mission=m.clone() refs=post.sources.clone()/></h2>
                    {post.portfolio.as_ref().map(|p| view! { <p class="meta">{format!("Portfolio: {}", p.en())}</p> })}
                    <ol>{holders}</ol>
                </section>
            }
        })
        .collect_view();
    view! { <div>{posts}</div> }
}

fn offices(m: &Arc<Mission>) -> impl IntoView + use<> {
    if m.offices.is_empty() {
        return view! { <p class="notice">"Our sources do not list this mission's offices."</p> }
            .into_any();
    }
    let items = m
        .offices
        .iter()
        .map(|o| {
            let state = match (o.opened, o.closed) {
                (_, Some(closed)) => format!("Closed {}", closed.to_english()),
                (Some(opened), None) => format!("Opened {}", opened.to_english()),
                (None, None) => String::new(),
            };
            view! {
                <li id=format!("office-{}", o.id)>
                    <h2 class="h3">{o.name.en().to_owned()} <Cite mission=m.clone() refs=o.sources.clone()/></h2>
                    {o.role.as_ref().map(|r| view! { <p>{r.en().to_owned()}</p> })}
                    {(!state.is_empty()).then(|| view! { <p class="meta">{state}</p> })}
                    {o.note.as_ref().map(|n| view! { <p>{n.en().to_owned()}</p> })}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="offices">{items}</ul> }.into_any()
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
                    <td class="num">{head_count(p.total, p.approximate)}</td>
                    <td>{parts}</td>
                    <td><Cite mission=m.clone() refs=p.sources.clone()/></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <DataTable
            label="Personnel figures"
            caption="Personnel figures, as each source dates them"
            columns=&["As of", "Total", "Breakdown", "Sources"]
        >
            {rows}
        </DataTable>
        {budget(m)}
    }
}

fn budget(m: &Arc<Mission>) -> impl IntoView + use<> {
    (!m.budget.is_empty()).then(|| {
        let mut figures: Vec<_> = m.budget.iter().collect();
        figures.sort_by_key(|b| b.year);
        let rows = figures
            .into_iter()
            .map(|b| {
                let kind = match b.kind {
                    BudgetKind::Proposed => "Proposed",
                    BudgetKind::Approved => "Approved",
                    BudgetKind::Revised => "Revised",
                    BudgetKind::Reported => "As reported",
                };
                view! {
                    <tr>
                        <th scope="row">{b.period.en().to_owned()}</th>
                        <td class="num">{usd(b.amount_usd)}</td>
                        <td>{kind} {b.note.as_ref().map(|n| format!(". {}", n.en()))}</td>
                        <td><Cite mission=m.clone() refs=b.sources.clone()/></td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <DataTable
                label="Budget figures"
                caption="Budget figures, in US dollars"
                columns=&["Period", "Amount", "Stage", "Sources"]
            >
                {rows}
            </DataTable>
        }
    })
}
