//! What the site is, who makes it, and how facts are sourced.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::site::routes;
use crate::site::{SiteBase, strings};

/// The about page.
#[component]
pub fn AboutPage() -> impl IntoView {
    let base = expect_context::<SiteBase>();
    let t = strings();
    let rules = [
        t.about_rule_cited(),
        t.about_rule_dated(),
        t.about_rule_differ(),
        t.about_rule_un_first(),
        t.about_rule_own_words(),
    ]
    .map(|rule| view! { <li>{rule}</li> });
    view! {
        <Title text=t.about_title()/>
        <Meta name="description" content=t.about_description()/>
        <article class="prose">
            <h1>{t.about_heading()}</h1>
            <p>{t.about_intro()} " " {t.about_independent()}</p>
            <h2 id="sources">{t.about_sources_heading()}</h2>
            <ul>{rules}</ul>
            <h2 id="languages">{t.about_languages_heading()}</h2>
            <p>{t.about_languages()}</p>
            <p><a href=base.href(&routes::home())>{t.about_browse()}</a></p>
        </article>
    }
}
