//! The frame around every page: skip link, header, main landmark and footer.

use leptos::prelude::*;

use wasm_bindgen::JsCast;

use super::theme_toggle::ThemeToggle;
use crate::site::dom::MAIN_ID;
use crate::site::i18n::Locale;
use crate::site::routes;
use crate::site::{CurrentPath, SiteBase, here, strings};
use leptos_router::hooks::{use_location, use_navigate};

/// The id of the page's search box, which the `/` key focuses.
pub const SEARCH_INPUT_ID: &str = "search-input";

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
            crate::site::dom::scroll_to_id_when_present(id.to_owned());
        } else if previous.is_some_and(|p| p != path) {
            crate::site::dom::focus(MAIN_ID);
        }
        path
    });
    // The search page has its own, larger box.
    let on_search_page = move || routes::is_page(&location.pathname.get(), &routes::search(""));
    let _ = window_event_listener(leptos::ev::keydown, focus_search_on_slash);
    let t = strings();
    let translated_note = (base.locale() != Locale::DEFAULT).then(|| {
        view! { <p class="translation-note">{t.footer_translations()}</p> }
    });
    let feed = base.asset(routes::CHANGES_FEED);
    view! {
        <leptos_meta::Link
            rel="alternate"
            type_="application/atom+xml"
            title=t.footer_changes()
            href=feed
        />
        <SkipLink/>
        <header class="site-header">
            <div class="wrap site-header-inner">
                <a class="site-name" href=base.href(&routes::home())>
                    <span class="site-mark" aria-hidden="true"></span>
                    {t.site_name()}
                </a>
                <nav class="site-nav" aria-label=t.nav_label()>
                    <ul>
                        <li>
                            <a href=base.href(&routes::home())>{t.nav_missions()}</a>
                        </li>
                        <li>
                            <a href=base.href(&routes::data()) rel=routes::BUILT_PAGE_REL>{t.nav_data()}</a>
                        </li>
                        <li>
                            <a href=base.href(&routes::about()) rel=routes::BUILT_PAGE_REL>{t.nav_about()}</a>
                        </li>
                    </ul>
                </nav>
                <LanguageSwitch/>
                {move || (!on_search_page()).then(|| view! { <SiteSearch/> })}
                <ThemeToggle/>
            </div>
        </header>
        <main id=MAIN_ID tabindex="-1" class="wrap">
            {children()}
        </main>
        <footer class="site-footer">
            <div class="wrap">
                <p>
                    <strong>{t.footer_not_official()}</strong>
                    " " {t.footer_independent()} " "
                    <a href=base.href(&routes::about_sources()) rel=routes::BUILT_PAGE_REL>
                        {t.footer_how_we_source()}
                    </a>
                    "."
                </p>
                {translated_note}
                <p>
                    <a href=base.href(&routes::changes()) rel=routes::BUILT_PAGE_REL>
                        {t.footer_changes()}
                    </a>
                    " · "
                    <a href=base.href(&routes::data()) rel=routes::BUILT_PAGE_REL>{t.footer_data()}</a>
                </p>
            </div>
        </footer>
    }
}

/// This page in the other published languages: a link per language that
/// keeps the path, query and fragment, and the matching `hreflang` alternates
/// in the head. A full page load, since each language has its own base.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let base = expect_context::<SiteBase>();
    let location = use_location();
    let router_base = base.router_base();
    // The page's path under the language's prefix, with its query and fragment.
    let here = {
        let router_base = router_base.clone();
        move || {
            let path = location.pathname.get();
            let page = path.strip_prefix(router_base.as_str()).unwrap_or(&path);
            // One form (`/about/`), however the address was typed.
            let page = routes::page_path(page);
            // A prerendered page has no fragment (the server never sees
            // one), and the router warns when asked for it there.
            let hash = if cfg!(feature = "ssr") {
                String::new()
            } else {
                location.hash.get()
            };
            (page, location.search.get(), hash)
        }
    };
    let current = base.locale();
    let canonical_base = base.clone();
    let address = move |locale: Locale, (page, search, hash): &(String, String, String)| {
        let query = if search.is_empty() {
            String::new()
        } else {
            format!("?{search}")
        };
        format!("{}{query}{hash}", base.href_in(locale, page))
    };
    let links = Locale::ALL
        .into_iter()
        .filter(|l| l.is_published() && *l != current)
        .map(|l| {
            let (here, address) = (here.clone(), address.clone());
            view! {
                <a
                    class="language-link"
                    href=move || address(l, &here())
                    hreflang=l.code()
                    lang=l.code()
                    dir=l.dir()
                    rel="alternate external"
                >
                    {l.native_name()}
                </a>
            }
        })
        .collect_view();
    // The page's own address (without its query: a filtered catalogue is the
    // catalogue), and its alternates in every published language, this one
    // included, and the default for readers whose language the site lacks.
    // Only as whole addresses: a build that does not know its address
    // (no `SITE_URL`) has none.
    let knows_origin = canonical_base.knows_origin();
    let alternates = move || {
        let (page, search, _) = here();
        let canonical = canonical_base.absolute(&canonical_base.href(&page));
        let alternates = Locale::ALL
            .into_iter()
            .filter(|l| l.is_published())
            .map(|l| (l.code(), l))
            .chain(std::iter::once(("x-default", Locale::DEFAULT)))
            .map(|(hreflang, l)| {
                let href = canonical_base
                    .absolute(&address(l, &(page.clone(), search.clone(), String::new())));
                view! { <leptos_meta::Link rel="alternate" hreflang=hreflang href=href/> }
            })
            .collect_view();
        view! {
            <leptos_meta::Link rel="canonical" href=canonical/>
            {alternates}
        }
    };
    let label = strings().language_switch_label();
    let any = Locale::ALL
        .into_iter()
        .any(|l| l.is_published() && l != current);
    view! {
        {any.then(|| view! { <nav class="language-switch" aria-label=label>{links}</nav> })}
        {knows_origin.then_some(alternates)}
    }
}

/// The id of the header's search box.
pub const SITE_SEARCH_ID: &str = "site-search";

/// A search box in the header of every page but the search page: submitting
/// it opens `/search?q=…` (a plain GET form without script).
#[component]
fn SiteSearch() -> impl IntoView {
    let base = expect_context::<SiteBase>();
    let t = strings();
    let input = NodeRef::<leptos::html::Input>::new();
    let navigate = use_navigate();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let q = input.get().map(|i| i.value()).unwrap_or_default();
        navigate(&routes::search(&q), Default::default());
    };
    // Start downloading the search data as soon as the reader shows interest.
    let warm = {
        let base = base.clone();
        move |_| {
            let base = base.clone();
            leptos::task::spawn_local(async move {
                let _ = crate::facts::search::load_search_index(base).await;
            });
        }
    };
    view! {
        <form
            class="site-search"
            role="search"
            aria-label=t.search_all_label()
            method="get"
            action=base.href(&routes::search(""))
            on:submit=on_submit
        >
            <label for=SITE_SEARCH_ID class="visually-hidden">{t.search_all_label()}</label>
            <input
                id=SITE_SEARCH_ID
                type="search"
                name="q"
                placeholder=t.search_placeholder()
                autocomplete="off"
                aria-keyshortcuts="/"
                node_ref=input
                on:focus=warm
            />
            <button type="submit" class="site-search-button">
                <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false">
                    <circle cx="8.5" cy="8.5" r="5.5"/>
                    <path d="M12.5 12.5 17 17"/>
                </svg>
                <span class="visually-hidden">{t.search_button()}</span>
            </button>
        </form>
    }
}

/// The `/` key focuses the search box (the page's own on the search page),
/// unless the reader is typing in a field.
fn focus_search_on_slash(ev: leptos::ev::KeyboardEvent) {
    if ev.key() != "/" || ev.ctrl_key() || ev.meta_key() || ev.alt_key() || ev.default_prevented() {
        return;
    }
    let typing = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
        .is_some_and(|el| {
            matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || el.is_content_editable()
        });
    if typing {
        return;
    }
    let document = web_sys::window().and_then(|w| w.document());
    let input = document.and_then(|d| {
        d.get_element_by_id(SEARCH_INPUT_ID)
            .or_else(|| d.get_element_by_id(SITE_SEARCH_ID))
    });
    if let Some(input) = input.and_then(|i| i.dyn_into::<web_sys::HtmlInputElement>().ok()) {
        ev.prevent_default();
        let _ = input.focus();
        input.select();
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
            {strings().skip_to_main()}
        </a>
    }
}
