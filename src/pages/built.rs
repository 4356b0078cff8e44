//! Pages made only when the site is built: the about page, the Data page
//! and the lists of changes (`pages::about`, `pages::data`, `pages::changes`). They are documents, with
//! nothing for the app to do, so the app does not render them: their code
//! stays out of the WebAssembly, links to them load them as pages
//! (`routes::BUILT_PAGE_REL`), and their files never start the app.
//!
//! In the browser the router still knows their addresses, for the one case
//! the app is asked for one: `trunk serve`, which has no built pages.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::site::strings;

/// What the app shows at a built page's address: that `make build` makes it.
#[component]
pub fn BuiltOnly() -> impl IntoView {
    let t = strings();
    view! {
        <Title text=t.made_at_build_title()/>
        <div class="not-found">
            <h1>{t.made_at_build_title()}</h1>
            <p>{t.made_at_build_body()}</p>
        </div>
    }
}
