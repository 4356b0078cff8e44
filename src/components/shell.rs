//! The frame around every page: skip link, header, main landmark and footer.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::theme_toggle::ThemeToggle;
use crate::routes;
use crate::site::{CurrentPath, SiteBase, here};
use leptos_router::hooks::use_location;

/// The id of the `<main>` element, the skip link's target.
pub const MAIN_ID: &str = "main";

/// Wraps a page in the site's header and footer. Inside the router: it
/// provides the current page's path and manages focus and fragments.
#[component]
pub fn Shell(children: Children) -> impl IntoView {
    let base = expect_context::<SiteBase>();
    let location = use_location();
    // With the query, so a link to a footnote keeps a filtered view as it is.
    let (pathname, search) = (location.pathname, location.search);
    provide_context(CurrentPath(Signal::derive(move || {
        let search = search.get();
        if search.is_empty() {
            pathname.get()
        } else {
            format!("{}?{search}", pathname.get())
        }
    })));
    // After a navigation, start a screen reader at the new content; with a
    // fragment, bring its element into view once the page has rendered it.
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        let hash = location.hash.get();
        if let Some(id) = hash.strip_prefix('#').filter(|id| !id.is_empty()) {
            crate::dom::scroll_to_id_when_present(id.to_owned());
        } else if previous.is_some_and(|p| p != path) {
            crate::dom::focus(MAIN_ID);
        }
        path
    });
    view! {
        <SkipLink/>
        <header class="site-header">
            <div class="wrap site-header-inner">
                <a class="site-name" href=base.href(&routes::home())>
                    <span class="site-mark" aria-hidden="true"></span>
                    "Mission Pages"
                </a>
                <nav class="site-nav" aria-label="Site">
                    <ul>
                        <li>
                            <a href=base.href(&routes::home())>"Missions"</a>
                        </li>
                        <li>
                            <a href=base.href(&routes::about())>"About"</a>
                        </li>
                    </ul>
                </nav>
                <ThemeToggle/>
            </div>
        </header>
        <main id=MAIN_ID tabindex="-1" class="wrap">
            {children()}
        </main>
        <footer class="site-footer">
            <div class="wrap">
                <p>
                    <strong>"Mission Pages is not an official United Nations website."</strong>
                    " It is an independent reference. Every fact on it links to the public source it comes from: "
                    <a href=base.href(&routes::about_sources())>"how we source and date facts"</a>
                    "."
                </p>
            </div>
        </footer>
    }
}

/// "Skip to main content": the first thing a keyboard reaches on every page.
#[component]
fn SkipLink() -> impl IntoView {
    // The router would treat the fragment link as a navigation; move focus
    // directly instead, which is what the link promises.
    let skip = |ev: leptos::ev::MouseEvent| {
        let main = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(MAIN_ID))
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(main) = main {
            ev.prevent_default();
            let _ = main.focus();
            main.scroll_into_view();
        }
    };
    view! {
        <a class="skip-link" href=here(MAIN_ID) on:click=skip>
            "Skip to main content"
        </a>
    }
}
