//! Leadership: an organisation chart of the posts (a nested list, which is
//! what a screen reader announces and what the chart's lines are drawn
//! around), then each post with everyone who held it and when.

use std::sync::Arc;

use leptos::prelude::*;

use crate::citations::anchors;
use crate::components::cite::Cite;
use crate::components::readings::OtherReadings;
use crate::data::{Mission, Post};
use crate::format::tenure;
use crate::site::here;

pub fn view(m: &Arc<Mission>) -> impl IntoView + use<> {
    if m.leadership.is_empty() {
        return view! { <p class="notice">"Our sources do not name this mission's leaders."</p> }
            .into_any();
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
            <h2 id="org-heading">"Organisation"</h2>
            <p class="hint">"Each post with the last person our sources name in it. Posts below a post report to it."</p>
            <ul class="org-chart">{roots}</ul>
        </section>
        <h2>"Posts and their holders"</h2>
        {posts}
    }
    .into_any()
}

/// A post in the chart and, nested under it, the posts that report to it.
fn org_node(m: &Arc<Mission>, post: &Post, depth: usize) -> AnyView {
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
    let holder = post.latest_holder().map(|h| {
        view! {
            <span class="org-holder">{h.name.en().to_owned()}</span>
            {tenure(h.from, h.to).map(|t| view! { <span class="org-tenure">{t}</span> })}
        }
    });
    view! {
        <li>
            <div class="org-post">
                <a class="org-title" href=here(&anchors::post(&post.id))>{post.title.en().to_owned()}</a>
                {post.portfolio.as_ref().map(|p| view! { <span class="org-portfolio">{p.en().to_owned()}</span> })}
                {holder}
            </div>
            {children}
        </li>
    }
    .into_any()
}

/// One post: what it covers, whom it reports to, and its holders in order.
fn post_block(m: &Arc<Mission>, post: &Post) -> impl IntoView + use<> {
    let reports_to = post
        .reports_to
        .as_deref()
        .and_then(|id| m.leadership.iter().find(|p| p.id == id))
        .map(|boss| {
            view! {
                <p class="meta">
                    "Reports to the " <a href=here(&anchors::post(&boss.id))>{boss.title.en().to_owned()}</a>
                </p>
            }
        });
    let holders = post
        .holders
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let nationality = h.nationality.as_ref().map(|n| format!(" ({})", n.en()));
            view! {
                <li id=anchors::holder(&post.id, i)>
                    <span class="holder-name">{h.name.en().to_owned()}</span>
                    {nationality}
                    {tenure(h.from, h.to).map(|t| format!(", {t}"))}
                    {h.note.as_ref().map(|n| format!(". {}", n.en()))}
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
                {post.title.en().to_owned()}
                <Cite mission=m.clone() refs=post.sources.clone()/>
            </h3>
            {post.portfolio.as_ref().map(|p| view! { <p class="meta">{format!("Portfolio: {}", p.en())}</p> })}
            {reports_to}
            {(count == 0).then(|| view! { <p class="notice">"Our sources name no holder of this post."</p> })}
            <ol class="holders">{holders}</ol>
        </section>
    }
}
