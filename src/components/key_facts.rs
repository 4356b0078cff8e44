//! The key-facts box of a mission's overview: a description list, each fact cited.

use std::sync::Arc;

use leptos::prelude::*;

use super::cite::Cite;
use crate::components::text::{SLOT, data_text, localized, localized_plain, sentence_with_date};
use crate::data::{Backstopping, PersonnelFigure, Post, RelationKind};
use crate::facts::mission::MissionFacts;
use crate::facts::mission::anchors;
use crate::site::format::count;
use crate::site::routes;
use crate::site::{SiteBase, strings};

/// Status, establishment, headquarters, leaders, personnel and departments.
#[component]
pub fn KeyFacts(#[prop(into)] mission: Arc<MissionFacts>) -> impl IntoView {
    let m = &mission;
    let t = strings();
    let status = {
        let end = m
            .status
            .mandate_end
            .map(|d| sentence_with_date(t.fact_mandate_ended(SLOT), d));
        view! {
            {m.status.state.label(t)}
            {end}
            <Cite mission=m.clone() refs=m.status.sources.clone()/>
        }
    };
    let established = {
        let e = &m.established;
        let how = match (e.resolution, &e.basis) {
            (Some(n), _) => Some(
                t.fact_by(
                    m.resolution(n)
                        .map(|r| t.resolution_in_sentence(r.number, r.year))
                        .unwrap_or_else(|| t.resolution_number(n).to_lowercase()),
                ),
            ),
            (None, Some(basis)) => Some(format!("{}{}", t.list_comma(), localized_plain(basis))),
            (None, None) => None,
        };
        let request = e
            .requested_by
            .as_ref()
            .map(|who| t.fact_requested_by(localized_plain(who)));
        view! {
            <time datetime=e.date.iso()>{t.date(e.date)}</time>
            {how}
            {request}
            <Cite mission=m.clone() refs=e.sources.clone()/>
        }
    };
    let headquarters = m.headquarters.as_ref().map(|hq| {
        view! {
            <div class="fact" id=anchors::HEADQUARTERS>
                <dt>{t.fact_headquarters()}</dt>
                <dd>
                    {localized(&hq.value)}
                    <Cite mission=m.clone() refs=hq.sources.clone()/>
                </dd>
            </div>
        }
    });
    let head = m.head().map(|(post, _)| {
        let deputies: Vec<_> = m
            .deputies_of(&post.id)
            .map(|d| post_item(&mission, d))
            .collect();
        let deputies = (!deputies.is_empty()).then(|| {
            view! {
                <div class="fact" id=anchors::DEPUTIES>
                    <dt>{t.fact_deputies()}</dt>
                    <dd><ul class="plain">{deputies}</ul></dd>
                </div>
            }
        });
        view! {
            <div class="fact" id=anchors::LEADERS>
                <dt>{t.fact_head()}</dt>
                <dd><ul class="plain">{post_item(&mission, post)}</ul></dd>
            </div>
            {deputies}
        }
    });
    let personnel = (!m.personnel.is_empty()).then(|| {
        view! {
            <div class="fact" id=anchors::PERSONNEL>
                <dt>{t.fact_personnel()}</dt>
                <dd>
                    <ul class="plain">
                        {m
                            .key_personnel()
                            .map(|p| personnel_item(&mission, p))
                            .collect_view()}
                    </ul>
                </dd>
            </div>
        }
    });
    let departments = (!m.departments.is_empty()).then(|| {
        let mut periods: Vec<&Backstopping> = m.departments.iter().collect();
        periods.sort_by_key(|b| std::cmp::Reverse(b.from));
        view! {
            <div class="fact" id=anchors::DEPARTMENTS>
                <dt>{t.fact_departments()}</dt>
                <dd>
                    <ul class="plain">
                        {periods.into_iter().map(|b| departments_item(&mission, b)).collect_view()}
                    </ul>
                </dd>
            </div>
        }
    });
    let related = (!m.related.is_empty()).then(|| related_fact(&mission));
    view! {
        <section class="key-facts" aria-labelledby="key-facts-heading">
            <h2 id="key-facts-heading">{t.key_facts()}</h2>
            <dl>
                <div class="fact" id=anchors::STATUS><dt>{t.fact_status()}</dt><dd>{status}</dd></div>
                <div class="fact" id=anchors::ESTABLISHED><dt>{t.fact_established()}</dt><dd>{established}</dd></div>
                {headquarters}
                {head}
                {personnel}
                {departments}
                {related}
            </dl>
        </section>
    }
}

fn post_item(mission: &Arc<MissionFacts>, post: &Post) -> impl IntoView + use<> {
    let t = strings();
    let holder = post.latest_holder().map(|h| {
        let nationality = h
            .nationality
            .as_ref()
            // Isolated: an open override in it would turn the dates after it round.
            .map(|n| view! { " (" {data_text(&localized_plain(n))} ")" });
        let period = t
            .tenure(h.from, h.to)
            .map(|p| format!("{}{p}", t.list_comma()));
        view! {
            <span class="holder">
                {localized(&h.name)}
                {h.acting.then(|| view! { " " <span class="acting">"(" {t.holder_acting()} ")"</span> })}
                {nationality}
                {period}
                <Cite mission=mission.clone() refs=h.sources.clone()/>
            </span>
        }
    });
    let portfolio = post
        .portfolio
        .as_ref()
        .map(|p| view! { <span class="portfolio">{t.fact_portfolio(localized_plain(p))}</span> });
    view! {
        <li class="post">
            <span class="post-title">
                {localized(&post.title)}
                <Cite mission=mission.clone() refs=post.sources.clone()/>
            </span>
            {portfolio}
            {holder}
        </li>
    }
}

fn personnel_item(mission: &Arc<MissionFacts>, p: &PersonnelFigure) -> impl IntoView + use<> {
    let t = strings();
    let parts: Vec<String> = p
        .parts
        .iter()
        .map(|part| {
            let label = localized_plain(&part.label).to_lowercase();
            format!("{} {label}", count(part.count))
        })
        .collect();
    let breakdown = (!parts.is_empty()).then(|| format!(": {}", t.and_list(&parts)));
    let when = match (p.as_of, &p.date_note) {
        (Some(d), _) => sentence_with_date(t.fact_as_of(SLOT), d).into_any(),
        (None, Some(note)) => {
            view! { <span class="date-note">{format!(" ({})", localized_plain(note))}</span> }
                .into_any()
        }
        (None, None) => view! { <span class="date-note">{t.fact_undated()}</span> }.into_any(),
    };
    let note = p.note.as_ref().map(|n| view! { " " {localized(n)} });
    view! {
        <li>
            <strong class="figure">{t.figure(p.total, p.approximate, p.measure)}</strong>
            {breakdown}
            {when}
            {note}
            <Cite mission=mission.clone() refs=p.sources.clone()/>
        </li>
    }
}

/// The missions this one came after and was followed by, each linked when the
/// site has its page.
fn related_fact(mission: &Arc<MissionFacts>) -> impl IntoView + use<> {
    let base = expect_context::<SiteBase>();
    let t = strings();
    let group = |kind: RelationKind| {
        let items: Vec<_> = mission
            .related
            .iter()
            .filter(|r| r.relation == kind)
            .map(|r| {
                let name = format!("{} ({})", r.acronym, localized_plain(&r.name));
                let name = match &r.id {
                    Some(id) => view! { <a href=base.href(&routes::mission(id))>{name}</a> }.into_any(),
                    None => view! { <span>{name}</span> }.into_any(),
                };
                let date = r.date.map(|d| {
                    view! { {t.list_comma()} <time datetime=d.iso()>{t.date(d)}</time> }
                });
                view! { <li>{name} {date} <Cite mission=mission.clone() refs=r.sources.clone()/></li> }
            })
            .collect();
        (!items.is_empty()).then(|| {
            let label = match kind {
                RelationKind::Predecessor => t.fact_predecessor(),
                RelationKind::Successor => t.fact_successor(),
            };
            (label, items)
        })
    };
    // One `<div>` per term and its description, as a `<dl>` allows, each
    // with the anchor its citations link to.
    [
        (RelationKind::Predecessor, anchors::PREDECESSORS),
        (RelationKind::Successor, anchors::SUCCESSORS),
    ]
    .into_iter()
    .filter_map(|(kind, anchor)| group(kind).map(|g| (anchor, g)))
    .map(|(anchor, (label, items))| {
        view! { <div class="fact" id=anchor><dt>{label}</dt> <dd><ul class="plain">{items}</ul></dd></div> }
    })
    .collect_view()
}

fn departments_item(mission: &Arc<MissionFacts>, b: &Backstopping) -> impl IntoView + use<> {
    let t = strings();
    let support: Vec<&str> = b.support.iter().map(|d| d.acronym.as_str()).collect();
    let supported = (!support.is_empty()).then(|| t.fact_supported_by(t.and_list(&support)));
    let period = t.tenure(b.from, b.to).map(|p| format!(" ({p})"));
    view! {
        <li>
            {t.fact_administered_by(&b.lead.acronym)}
            {supported}
            {period}
            <Cite mission=mission.clone() refs=b.sources.clone()/>
        </li>
    }
}
