//! What the site is, who makes it, and how facts are sourced.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::routes;
use crate::site::SiteBase;

/// The about page.
#[component]
pub fn AboutPage() -> impl IntoView {
    let base = expect_context::<SiteBase>();
    view! {
        <Title text="About"/>
        <Meta name="description" content="What Mission Pages is, and how each fact on it is sourced and dated."/>
        <article class="prose">
            <h1>"About Mission Pages"</h1>
            <p>
                "Mission Pages presents United Nations field missions in a form that is quick to read and easy to check. "
                "It is an independent project: it is not an official United Nations website and does not speak for the United Nations."
            </p>
            <h2 id="sources">"How facts are sourced and dated"</h2>
            <ul>
                <li>"Every fact is followed by numbered references to the public documents that support it; each mission page lists those documents with their publisher, date and address."</li>
                <li>"Figures that change over time, such as staff numbers, carry the date they applied to. When a source gives no date, the page says so."</li>
                <li>"Where sources disagree, the pages show each version with its source instead of choosing one silently."</li>
                <li>"United Nations documents are cited first wherever one supports the fact."</li>
                <li>"The text is written for this site; facts and figures come from the sources."</li>
            </ul>
            <p><a href=base.href(&routes::home())>"Browse the missions"</a></p>
        </article>
    }
}
