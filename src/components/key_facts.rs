//! The key-facts box of a mission's overview: a description list, each fact cited.

use std::sync::Arc;

use leptos::prelude::*;

use super::cite::Cite;
use crate::citations::anchors;
use crate::data::{Backstopping, Mission, PersonnelFigure, Post};
use crate::format::{and_list, count, head_count, resolution_label, tenure};

/// Status, establishment, headquarters, leaders, personnel and departments.
#[component]
pub fn KeyFacts(#[prop(into)] mission: Arc<Mission>) -> impl IntoView {
    let m = &mission;
    let status = {
        let end = m
            .status
            .mandate_end
            .map(|d| view! { ": mandate ended " <time datetime=d.iso()>{d.to_english()}</time> });
        view! {
            {m.status.state.label_en()}
            {end}
            <Cite mission=m.clone() refs=m.status.sources.clone()/>
        }
    };
    let established = {
        let e = &m.established;
        let how = match (e.resolution, &e.basis) {
            (Some(n), _) => Some(format!(
                ", by {}",
                m.resolution(n)
                    .map(|r| resolution_label(r.number, r.year))
                    .unwrap_or_else(|| format!("Resolution {n}"))
                    .to_lowercase()
            )),
            (None, Some(basis)) => Some(format!(", {}", basis.en())),
            (None, None) => None,
        };
        let request = e
            .requested_by
            .as_ref()
            .map(|who| format!(", at the request of {}", who.en()));
        view! {
            <time datetime=e.date.iso()>{e.date.to_english()}</time>
            {how}
            {request}
            <Cite mission=m.clone() refs=e.sources.clone()/>
        }
    };
    let headquarters = m.headquarters.as_ref().map(|hq| {
        view! {
            <div class="fact" id=anchors::HEADQUARTERS>
                <dt>"Headquarters"</dt>
                <dd>
                    {hq.value.en().to_owned()}
                    <Cite mission=m.clone() refs=hq.sources.clone()/>
                </dd>
            </div>
        }
    });
    let head = m.head_post().map(|post| {
        let deputies: Vec<_> = m
            .deputies_of(&post.id)
            .map(|d| post_item(&mission, d))
            .collect();
        let deputies = (!deputies.is_empty()).then(|| {
            view! {
                <div class="fact" id=anchors::DEPUTIES>
                    <dt>"Deputies"</dt>
                    <dd><ul class="plain">{deputies}</ul></dd>
                </div>
            }
        });
        view! {
            <div class="fact" id=anchors::LEADERS>
                <dt>"Head of mission"</dt>
                <dd><ul class="plain">{post_item(&mission, post)}</ul></dd>
            </div>
            {deputies}
        }
    });
    let personnel = (!m.personnel.is_empty()).then(|| {
        view! {
            <div class="fact" id=anchors::PERSONNEL>
                <dt>"Personnel"</dt>
                <dd>
                    <ul class="plain">
                        {key_personnel(m)
                            .into_iter()
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
                <dt>"Headquarters departments"</dt>
                <dd>
                    <ul class="plain">
                        {periods.into_iter().map(|b| departments_item(&mission, b)).collect_view()}
                    </ul>
                </dd>
            </div>
        }
    });
    view! {
        <section class="key-facts" aria-labelledby="key-facts-heading">
            <h2 id="key-facts-heading">"Key facts"</h2>
            <dl>
                <div class="fact" id=anchors::STATUS><dt>"Status"</dt><dd>{status}</dd></div>
                <div class="fact" id=anchors::ESTABLISHED><dt>"Established"</dt><dd>{established}</dd></div>
                {headquarters}
                {head}
                {personnel}
                {departments}
            </dl>
        </section>
    }
}

/// The latest dated figure, then the undated ones (which cannot be placed in
/// time, so none of them can be called older); the personnel page has the rest.
fn key_personnel(m: &Mission) -> Vec<&PersonnelFigure> {
    m.latest_personnel()
        .into_iter()
        .chain(m.personnel.iter().filter(|p| p.as_of.is_none()))
        .collect()
}

fn post_item(mission: &Arc<Mission>, post: &Post) -> impl IntoView + use<> {
    let holder = post.latest_holder().map(|h| {
        let nationality = h.nationality.as_ref().map(|n| format!(" ({})", n.en()));
        let period = tenure(h.from, h.to).map(|t| format!(", {t}"));
        view! {
            <span class="holder">
                {h.name.en().to_owned()}
                {nationality}
                {period}
                <Cite mission=mission.clone() refs=h.sources.clone()/>
            </span>
        }
    });
    let portfolio = post
        .portfolio
        .as_ref()
        .map(|p| view! { <span class="portfolio">{format!("Portfolio: {}", p.en())}</span> });
    view! {
        <li class="post">
            <span class="post-title">
                {post.title.en().to_owned()}
                <Cite mission=mission.clone() refs=post.sources.clone()/>
            </span>
            {portfolio}
            {holder}
        </li>
    }
}

fn personnel_item(mission: &Arc<Mission>, p: &PersonnelFigure) -> impl IntoView + use<> {
    let parts: Vec<String> = p
        .parts
        .iter()
        .map(|part| format!("{} {}", count(part.count), part.label.en().to_lowercase()))
        .collect();
    let breakdown = (!parts.is_empty()).then(|| {
        let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
        format!(": {}", and_list(&parts))
    });
    let when = match (p.as_of, &p.date_note) {
        (Some(d), _) => {
            view! { " (as of " <time datetime=d.iso()>{d.to_english()}</time> ")" }.into_any()
        }
        (None, Some(note)) => {
            view! { <span class="date-note">{format!(" ({})", note.en())}</span> }.into_any()
        }
        (None, None) => view! { <span class="date-note">" (undated)"</span> }.into_any(),
    };
    let note = p.note.as_ref().map(|n| format!(" {}", n.en()));
    view! {
        <li>
            <strong class="figure">{head_count(p.total, p.approximate)}</strong>
            {breakdown}
            {when}
            {note}
            <Cite mission=mission.clone() refs=p.sources.clone()/>
        </li>
    }
}

fn departments_item(mission: &Arc<Mission>, b: &Backstopping) -> impl IntoView + use<> {
    let support: Vec<&str> = b.support.iter().map(|d| d.acronym.as_str()).collect();
    let supported = (!support.is_empty()).then(|| format!(", supported by {}", and_list(&support)));
    let period = tenure(b.from, b.to).map(|t| format!(" ({t})"));
    view! {
        <li>
            {format!("Administered by {}", b.lead.acronym)}
            {supported}
            {period}
            <Cite mission=mission.clone() refs=b.sources.clone()/>
        </li>
    }
}
