//! Leadership: an organisation chart of the posts (a nested list, which is
//! what a screen reader announces and what the chart's lines are drawn
//! around), then each post with everyone who held it and when.

use std::sync::Arc;

use leptos::prelude::*;

use crate::components::cite::Cite;
use crate::components::readings::OtherReadings;
use crate::components::text::{SLOT, data_text, localized, localized_plain, sentence_with};
use crate::data::Post;
use crate::facts::mission::MissionFacts;
use crate::facts::mission::anchors;
use crate::site::{here, strings};

pub fn view(m: &Arc<MissionFacts>) -> impl IntoView + use<> {
    let t = strings();
    if m.leadership.is_empty() {
        return view! { <p class="notice">{t.leadership_none()}</p> }.into_any();
    }
    let roots = m
        .leadership
        .iter()
        .filter(|p| p.reports_to.is_none())
        .map(|p| org_node(m, p, 0))
        .collect_view();
    let posts = m.leadership.iter().map(|p| post_block(m, p)).collect_view();
    view! {
        <section class="org" aria-labelledby="org-heading">
            <h2 id="org-heading">{t.leadership_org()}</h2>
            <p class="hint">{t.leadership_org_hint()}</p>
            <ul class="org-chart">{roots}</ul>
        </section>
        <h2>{t.leadership_posts()}</h2>
        {posts}
    }
    .into_any()
}

/// A post in the chart and, nested under it, the posts that report to it.
fn org_node(m: &Arc<MissionFacts>, post: &Post, depth: usize) -> AnyView {
    // Deep enough for any mission; stops a reporting loop in bad data.
    const MAX_DEPTH: usize = 6;
    let reports: Vec<&Post> = m.deputies_of(&post.id).collect();
    let children = (!reports.is_empty() && depth < MAX_DEPTH).then(|| {
        let nodes = reports
            .into_iter()
            .map(|p| org_node(m, p, depth + 1))
            .collect_view();
        view! { <ul>{nodes}</ul> }
    });
    let t = strings();
    let holder = post.latest_holder().map(|h| {
        view! {
            <span class="org-holder">{localized(&h.name)}</span>
            {t.tenure(h.from, h.to).map(|p| view! { <span class="org-tenure">{p}</span> })}
        }
    });
    view! {
        <li>
            <div class="org-post">
                <a class="org-title" href=here(&anchors::post(&post.id))>{localized(&post.title)}</a>
                {post.portfolio.as_ref().map(|p| view! { <span class="org-portfolio">{localized(p)}</span> })}
                {holder}
            </div>
            {children}
        </li>
    }
    .into_any()
}

/// One post: what it covers, whom it reports to, and its holders in order.
fn post_block(m: &Arc<MissionFacts>, post: &Post) -> impl IntoView + use<> {
    let t = strings();
    let reports_to = post
        .reports_to
        .as_deref()
        .and_then(|id| m.leadership.iter().find(|p| p.id == id))
        .map(|boss| {
            let link =
                view! { <a href=here(&anchors::post(&boss.id))>{localized(&boss.title)}</a> };
            view! { <p class="meta">{sentence_with(t.leadership_reports_to(SLOT), link)}</p> }
        });
    let holders = post
        .holders
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let nationality = h
                .nationality
                .as_ref()
                // Isolated: an open override in it would turn the dates after it round.
                .map(|n| view! { " (" {data_text(&localized_plain(n))} ")" });
            view! {
                <li id=anchors::holder(&post.id, i)>
                    <span class="holder-name">{localized(&h.name)}</span>
                    {h.acting.then(|| view! { " " <span class="acting">"(" {t.holder_acting()} ")"</span> })}
                    {nationality}
                    {t.tenure(h.from, h.to).map(|p| format!("{}{p}", t.list_comma()))}
                    {h.note.as_ref().map(|n| view! { ". " {localized(n)} })}
                    <Cite mission=m.clone() refs=h.sources.clone()/>
                    <OtherReadings mission=m.clone() readings=h.other_readings.clone()/>
                </li>
            }
        })
        .collect_view();
    let count = post.holders.len();
    view! {
        <section class="post-block" id=anchors::post(&post.id) aria-labelledby=format!("{}-heading", anchors::post(&post.id))>
            <h3 id=format!("{}-heading", anchors::post(&post.id))>
                {localized(&post.title)}
                <Cite mission=m.clone() refs=post.sources.clone()/>
            </h3>
            {post.portfolio.as_ref().map(|p| view! { <p class="meta">{t.fact_portfolio(localized_plain(p))}</p> })}
            {reports_to}
            {(count == 0).then(|| view! { <p class="notice">{t.leadership_no_holder()}</p> })}
            <ol class="holders">{holders}</ol>
        </section>
    }
}
