//! The page for addresses the site does not have.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::site::routes;
use crate::site::{SiteBase, strings};

/// "Page not found", with a way home. Used for unknown paths and unknown missions.
#[component]
pub fn NotFound() -> impl IntoView {
    let base = expect_context::<SiteBase>();
    let t = strings();
    view! {
        <Title text=t.not_found_title()/>
        <Meta name="description" content=t.not_found_description()/>
        <div class="not-found">
            <h1>{t.not_found_title()}</h1>
            <p>{t.not_found_body()}</p>
            <p><a class="button" href=base.href(&routes::home())>{t.not_found_home()}</a></p>
        </div>
    }
}
