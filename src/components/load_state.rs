//! What a page shows while its data is on the way, and when it cannot arrive.

use leptos::prelude::*;

use crate::site::load::LoadError;
use crate::site::strings;

/// A placeholder the size of a typical page top, so the layout does not jump
/// when the data arrives. Announced politely to screen readers.
#[component]
pub fn Loading(
    /// What is loading, for assistive technology ("Loading UNAMI").
    #[prop(into)]
    label: String,
) -> impl IntoView {
    view! {
        <div class="loading" role="status" aria-live="polite">
            <span class="visually-hidden">{label}</span>
            <div class="skeleton skeleton-eyebrow" aria-hidden="true"></div>
            <div class="skeleton skeleton-title" aria-hidden="true"></div>
            <div class="skeleton skeleton-line" aria-hidden="true"></div>
            <div class="skeleton skeleton-line" aria-hidden="true"></div>
            <div class="skeleton skeleton-line short" aria-hidden="true"></div>
        </div>
    }
}

/// An alert naming the data file and the problem, with a button to try again.
#[component]
pub fn LoadFailed(
    error: LoadError,
    /// Called when the reader asks to try again.
    on_retry: Callback<()>,
    /// For a part of a page (the map, say): its heading, at level 2.
    #[prop(optional, into)]
    part: Option<String>,
) -> impl IntoView {
    let t = strings();
    let file = error.file().to_owned();
    let message = error.describe(t);
    let heading = match part {
        Some(part) => view! { <h2>{part}</h2> }.into_any(),
        None => view! { <h1>{t.load_failed_page()}</h1> }.into_any(),
    };
    view! {
        <div class="load-error" role="alert">
            {heading}
            <p>{message}</p>
            <p class="load-error-file">{t.load_data_file()} " " <code>{file}</code></p>
            <button type="button" class="button" on:click=move |_| on_retry.run(())>
                {t.load_retry()}
            </button>
        </div>
    }
}

/// The id of [`DataUnavailable`]'s sentence on what does not work, which
/// each disabled control names as its description.
pub const DATA_PROBLEMS_WHAT_ID: &str = "data-problems-what";

/// When the app cannot take over a prerendered page for want of a data file
/// (see `takeover`): the page stays, and this alert names each file and its
/// problem, says what does not work meanwhile, and offers to try again.
#[component]
pub fn DataUnavailable(
    errors: ReadSignal<Vec<LoadError>>,
    /// While the files are being downloaded again.
    busy: ReadSignal<bool>,
    /// Called when the reader asks to try again.
    on_retry: Callback<()>,
) -> impl IntoView {
    let t = strings();
    let problems = move || {
        errors
            .get()
            .into_iter()
            .map(|error| {
                view! { <li>{error.describe(t)}</li> }
            })
            .collect_view()
    };
    view! {
        <div class="load-error data-problems" role="alert">
            <h2>{t.data_unavailable_title()}</h2>
            <ul>{problems}</ul>
            <p id=DATA_PROBLEMS_WHAT_ID>{t.data_unavailable_body()}</p>
            <button
                type="button"
                class="button"
                aria-disabled=move || busy.get().then_some("true")
                on:click=move |_| on_retry.run(())
            >
                {t.load_retry()}
            </button>
        </div>
    }
}

/// Said only to readers whose browser runs no scripts (`<noscript>`): what
/// this part of a prerendered page cannot do for them, and what still works.
#[component]
pub fn NeedsScript(
    /// The whole sentence, in the reader's language.
    #[prop(into)]
    message: String,
) -> impl IntoView {
    view! {
        <noscript>
            <p class="needs-script">{message}</p>
        </noscript>
    }
}
