//! The page for addresses the site does not have.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::routes;
use crate::site::SiteBase;

/// "Page not found", with a way home. Used for unknown paths and unknown missions.
#[component]
pub fn NotFound() -> impl IntoView {
    let base = expect_context::<SiteBase>();
    view! {
        <Title text="Page not found"/>
        <Meta name="description" content="This address is not a page of Mission Pages."/>
        <div class="not-found">
            <h1>"Page not found"</h1>
            <p>"There is no page at this address. It may have been mistyped, or the mission may not be in our data yet."</p>
            <p><a class="button" href=base.href(&routes::home())>"Go to the list of missions"</a></p>
        </div>
    }
}
