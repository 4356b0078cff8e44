//! What the site is, who makes it, and how facts are sourced.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::components::cite_page::CiteThisPage;
use crate::site::routes;
use crate::site::{SiteBase, strings};

/// The about page.
#[component]
pub fn AboutPage() -> impl IntoView {
    let base = expect_context::<SiteBase>();
    let t = strings();
    let rules = [
        t.built_about_rule_cited(),
        t.built_about_rule_dated(),
        t.built_about_rule_differ(),
        t.built_about_rule_un_first(),
        t.built_about_rule_own_words(),
    ]
    .map(|rule| view! { <li>{rule}</li> });
    view! {
        <Title text=t.built_about_title()/>
        <Meta name="description" content=t.built_about_description()/>
        <article class="prose">
            <h1>{t.built_about_heading()}</h1>
            <p>{t.built_about_intro()} " " {t.built_about_independent()}</p>
            <h2 id="sources">{t.built_about_sources_heading()}</h2>
            <ul>{rules}</ul>
            <h2 id="languages">{t.built_about_languages_heading()}</h2>
            <p>{t.built_about_languages()}</p>
            <p><a href=base.href(&routes::home())>{t.built_about_browse()}</a></p>
        </article>
        <CiteThisPage title=t.built_about_title() page=routes::about()/>
    }
}
