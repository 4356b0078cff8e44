//! `/search?q=`: every mission's content searched as you type, results
//! ranked, matched words marked, each result linking to its exact place.
//!
//! The page's own words are in the reader's language, and so are the
//! documents searched (`search-data/docs.json`, `docs-ar.json`…, made at
//! build time); a result whose text the data lacks in that language is in
//! English, tagged `lang="en"` and marked.

use std::sync::Arc;

use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::components::load_state::{LoadFailed, Loading, NeedsScript};
use crate::components::shell::SEARCH_INPUT_ID;
use crate::components::text::untranslated_marker;
use crate::facts::search::load_search_index;
use crate::facts::search::{Index, Segment};
use crate::site::i18n::Strings;
use crate::site::routes;
use crate::site::{SiteBase, strings};

/// How many results a page lists.
const SHOWN: usize = 50;

/// How long a result's excerpt is, in characters.
const SNIPPET_CHARS: usize = 220;

#[component]
pub fn SearchPage() -> impl IntoView {
    let base = expect_context::<SiteBase>();
    let query = use_query_map();
    let in_address = Memo::new(move |_| {
        query
            .read()
            .get_str("q")
            .unwrap_or_default()
            .trim()
            .to_owned()
    });
    // What the box holds, and what was last searched for: searching waits
    // for the browser to show the typed letter, and skips letters typed
    // meanwhile, so typing never waits for results.
    let typed = RwSignal::new(in_address.get_untracked());
    let searched = RwSignal::new(in_address.get_untracked());
    let pending = StoredValue::new(false);
    // Back and Forward change the address: show that search.
    Effect::new(move |_| {
        let q = in_address.get();
        if q != typed.get_untracked().trim() {
            typed.set(q.clone());
            searched.set(q);
        }
    });
    let navigate = use_navigate();
    let on_input = move |ev: leptos::ev::Event| {
        typed.set(event_target_value(&ev));
        if pending.get_value() {
            return;
        }
        pending.set_value(true);
        let navigate = navigate.clone();
        set_timeout(
            move || {
                pending.set_value(false);
                let q = typed.get_untracked().trim().to_owned();
                if q == searched.get_untracked() {
                    return;
                }
                // The first search adds a history entry; refining it replaces it.
                let replace = !in_address.get_untracked().is_empty();
                searched.set(q.clone());
                navigate(
                    &routes::search(&q),
                    NavigateOptions {
                        replace,
                        scroll: false,
                        ..Default::default()
                    },
                );
            },
            std::time::Duration::ZERO,
        );
    };
    let index = LocalResource::new(move || load_search_index(base.clone()));
    let retry = Callback::new(move |()| index.refetch());
    let t = strings();
    let title = move || {
        // The prerenderer reads the title once the page's view (and this
        // signal) is gone: then it is the title of no search.
        let q = searched.try_get().unwrap_or_default();
        if q.is_empty() {
            t.srch_title().to_owned()
        } else {
            t.srch_title_query(q)
        }
    };
    let action = expect_context::<SiteBase>().href(&routes::search(""));
    view! {
        <Title text=title/>
        <Meta name="description" content=t.srch_description()/>
        <h1>{t.srch_title()}</h1>
        <form class="search-form" method="get" action=action role="search" aria-label=t.srch_form_label()>
            <label for=SEARCH_INPUT_ID>{t.srch_input_label()}</label>
            <div class="search-row">
                <input
                    id=SEARCH_INPUT_ID
                    type="search"
                    name="q"
                    autocomplete="off"
                    spellcheck="false"
                    aria-keyshortcuts="/"
                    aria-describedby="search-hint"
                    prop:value=move || typed.get()
                    on:input=on_input
                />
                <button type="submit" class="button">{t.search_button()}</button>
            </div>
            <p id="search-hint" class="hint">{t.srch_hint()}</p>
        </form>
        <NeedsScript message=t.srch_needs_script()/>
        {move || match index.get() {
            None => view! { <Loading label=t.srch_loading()/> }.into_any(),
            Some(Err(error)) => view! { <LoadFailed error=error on_retry=retry/> }.into_any(),
            Some(Ok(index)) => view! { <SearchResults index=index query=searched/> }.into_any(),
        }}
    }
}

/// The results of the latest search, or suggestions before the first.
#[component]
fn SearchResults(index: Arc<Index>, query: RwSignal<String>) -> impl IntoView {
    let base = expect_context::<SiteBase>();
    let t = strings();
    move || {
        let q = query.get();
        if q.is_empty() {
            return Either::Left(suggestions(&base, t, index.data.missions.len()));
        }
        let parsed = index.parse(&q);
        let results = crate::site::dom::timed("search", || index.search(&parsed, SHOWN));
        let total = u32::try_from(results.total).unwrap_or(u32::MAX);
        let status = match results.total {
            0 => t.srch_no_results(&q),
            n if n > SHOWN => t.srch_results_best(total, &q, SHOWN),
            _ => t.srch_results(total, &q),
        };
        let items = results
            .docs
            .iter()
            .map(|&d| {
                let doc = &index.data.docs[d];
                let href = base.href(&index.data.href(doc));
                // A result the reader's language lacks is in English: tagged and marked.
                let in_english = doc.in_english;
                let title = english(in_english, marked(index.highlight(&doc.title, &parsed)));
                let snippet = (!doc.body.is_empty()).then(|| {
                    let text = marked(index.snippet(&doc.body, &parsed, SNIPPET_CHARS));
                    view! { <p class="result-snippet">{english(in_english, text)}</p> }
                });
                let marker = in_english.then(untranslated_marker);
                view! {
                    <li class="search-result">
                        <p class="result-meta">
                            <span class="result-mission">{index.data.acronym(doc).to_owned()}</span>
                            " · "
                            {doc.kind.label(t)}
                            {marker}
                        </p>
                        <h2 class="result-title"><a href=href>{title}</a></h2>
                        {snippet}
                    </li>
                }
            })
            .collect_view();
        Either::Right(view! {
            <p class="search-status" role="status">{status}</p>
            <ol class="search-results">{items}</ol>
        })
    }
}

/// English text in a page of another language: tagged so that screen
/// readers say it in English and it runs left to right.
fn english(in_english: bool, text: impl IntoView) -> impl IntoView {
    if in_english {
        Either::Left(view! { <span lang="en" dir="ltr">{text}</span> })
    } else {
        Either::Right(text)
    }
}

/// Text with the matched words in `<mark>`.
fn marked(segments: Vec<Segment>) -> impl IntoView {
    segments
        .into_iter()
        .map(|s| {
            if s.matched {
                Either::Left(view! { <mark>{s.text}</mark> })
            } else {
                Either::Right(s.text)
            }
        })
        .collect_view()
}

/// Before a search: what can be found, with a few searches to try.
fn suggestions(base: &SiteBase, t: &'static Strings, missions: usize) -> impl IntoView + use<> {
    let tries = t
        .srch_tries()
        .split('|')
        .map(|q| view! { <li><a href=base.href(&routes::search(q))>{q}</a></li> })
        .collect_view();
    let missions = u32::try_from(missions).unwrap_or(u32::MAX);
    view! {
        <p class="search-status" role="status">{t.srch_intro(missions)}</p>
        <h2 class="search-tries-heading">{t.srch_try()}</h2>
        <ul class="search-tries">{tries}</ul>
    }
}
