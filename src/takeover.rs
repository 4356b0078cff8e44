//! The app taking over a prerendered page (ARCHITECTURE.md, "The app on
//! demand"): at once when every data file the page was rendered from is here
//! and sound. Otherwise the page stays as it is, readable, with what the
//! reader did on it, and an alert names each file and its problem and offers
//! to try again; the controls that need the app say they do not work yet.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::load_state::{DATA_PROBLEMS_WHAT_ID, DataUnavailable};
use crate::site::SiteBase;
use crate::site::load::LoadError;
use crate::site::load::{LOAD_TIMEOUT_SECONDS, check_preloaded, download_again, preload};

/// Fired on `window` just before the app replaces a prerendered page and
/// just after: `app-start.js` notes what the reader did on the page (ticks,
/// typed words, focus, scroll) and carries it over to the app's page.
const BEFORE_TAKEOVER: &str = "mission-pages:before-takeover";
const AFTER_TAKEOVER: &str = "mission-pages:after-takeover";

/// The parts of a prerendered page that do nothing without the app: their
/// controls are described by the alert. (Close to what the prerenderer's
/// no-script style hides, which also hides what a reader without scripts
/// cannot use at all, such as the search boxes.)
const NEEDS_APP: &str = ".filters, .chart-tools, .card-compare, .compare-bar, .theme-toggle";

/// Of those, the ones that get a note beside them saying why.
const NOTED: &str = ".filters, .chart-tools";

const CONTROLS: &str = "button, input, select, textarea";

/// Where the alert goes: the id of the element that holds it.
const DATA_PROBLEMS_ID: &str = "data-problems";

/// Mounts the app: over a prerendered page once its data is sound, else
/// into the (empty) shell, whose pages load their own data.
pub fn start(document: &web_sys::Document, base: SiteBase) {
    let prerendered = document
        .body()
        .is_some_and(|b| b.has_attribute("data-prerendered"));
    if !prerendered {
        mount(base);
        return;
    }
    let problems = page_data_problems(document);
    if problems.is_empty() {
        take_over(document, base);
    } else {
        keep_page(document, base, problems);
    }
}

fn mount(base: SiteBase) {
    leptos::mount::mount_to_body(move || view! { <crate::app::App base=base/> });
}

fn fire(name: &str) {
    if let (Some(window), Ok(event)) = (web_sys::window(), web_sys::Event::new(name)) {
        let _ = window.dispatch_event(&event);
    }
}

/// Replaces the prerendered page with the app's, in one task (no paint in
/// between), telling `app-start.js` before and after. (The router renders the
/// page's content in a microtask after the mount: `app-start.js` waits for
/// it before it restores what the reader did.)
fn take_over(document: &web_sys::Document, base: SiteBase) {
    fire(BEFORE_TAKEOVER);
    crate::site::dom::clear_prerendered(document);
    mount(base);
    fire(AFTER_TAKEOVER);
}

/// The page's data files (`<body data-app-data>`), which `app-start.js`
/// downloaded beside the app and put into the body: each one's text in a
/// `<template data-preload=FILE>`, or, for one it could not have, a
/// `<template data-preload-failed=FILE>` saying why. Hands the texts to the
/// visit cache and returns what is wrong with any file.
fn page_data_problems(document: &web_sys::Document) -> Vec<LoadError> {
    let files: Vec<String> = document
        .body()
        .and_then(|b| b.get_attribute("data-app-data"))
        .unwrap_or_default()
        .split_whitespace()
        .map(str::to_owned)
        .collect();
    let mut failed = Vec::new();
    while let Ok(Some(holder)) = document.query_selector("template[data-preload]") {
        if let (Some(file), Some(text)) =
            (holder.get_attribute("data-preload"), holder.text_content())
        {
            preload(&file, text);
        }
        holder.remove();
    }
    while let Ok(Some(holder)) = document.query_selector("template[data-preload-failed]") {
        if let Some(error) = download_failure(&holder) {
            failed.push(error);
        }
        holder.remove();
    }
    files
        .iter()
        .filter_map(|file| match failed.iter().find(|e| e.file() == file) {
            Some(error) => Some(error.clone()),
            None => check_preloaded(file).err(),
        })
        .collect()
}

/// Why `app-start.js` could not download a file, from its `<template>`.
fn download_failure(holder: &web_sys::Element) -> Option<LoadError> {
    let file = holder.get_attribute("data-preload-failed")?;
    let status = holder
        .get_attribute("data-status")
        .and_then(|s| s.parse::<u16>().ok());
    Some(if let Some(status) = status {
        LoadError::Status { file, status }
    } else if holder.has_attribute("data-timed-out") {
        LoadError::TimedOut {
            file,
            seconds: LOAD_TIMEOUT_SECONDS,
        }
    } else {
        let message = holder.get_attribute("data-message").unwrap_or_default();
        LoadError::Network { file, message }
    })
}

/// Leaves the prerendered page in place, with an alert fixed at the foot of
/// the window naming each file and problem, with "Try again" (fixed, so
/// nothing on the page moves under the reader's finger: the tap that started
/// the app lands where it was aimed). The controls that need the app stay as
/// the reader set them, described by the alert, with a note beside the
/// filters and the chart switches; whatever they tick is carried over when
/// "Try again" succeeds.
fn keep_page(document: &web_sys::Document, base: SiteBase, problems: Vec<LoadError>) {
    let (Ok(holder), Some(body)) = (document.create_element("div"), document.body()) else {
        return;
    };
    holder.set_id(DATA_PROBLEMS_ID);
    let _ = body.append_with_node_1(&holder);
    describe_what_needs_the_app(document, &base);
    let errors = RwSignal::new(problems);
    let busy = RwSignal::new(false);
    let document = document.clone();
    let alert_base = base.clone();
    let retry = Callback::new(move |()| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        leptos::task::spawn_local(try_again(document.clone(), base.clone(), errors, busy));
    });
    let Ok(holder) = holder.dyn_into::<web_sys::HtmlElement>() else {
        return;
    };
    leptos::mount::mount_to(holder, move || {
        provide_context(alert_base.clone());
        view! { <DataUnavailable errors=errors.read_only() busy=busy.read_only() on_retry=retry/> }
    })
    .forget();
}

/// Downloads each file again; takes over the page once all are sound, else
/// says what is still wrong. (A named function: the same code as an
/// `async move` block in a closure can break the release build's LTO,
/// see `load::load_mission_answer`.)
async fn try_again(
    document: web_sys::Document,
    base: SiteBase,
    errors: RwSignal<Vec<LoadError>>,
    busy: RwSignal<bool>,
) {
    let files: Vec<String> = errors
        .get_untracked()
        .iter()
        .map(|e| e.file().to_owned())
        .collect();
    let mut still = Vec::new();
    for file in files {
        if let Err(error) = download_again(base.clone(), file).await {
            still.push(error);
        }
    }
    busy.set(false);
    if still.is_empty() {
        take_over(&document, base);
    } else {
        errors.set(still);
    }
}

/// Every element matching `selector`.
fn elements(document: &web_sys::Document, selector: &str) -> Vec<web_sys::Element> {
    let Ok(found) = document.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..found.length())
        .filter_map(|i| found.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
        .collect()
}

fn describe_what_needs_the_app(document: &web_sys::Document, base: &SiteBase) {
    let controls = format!(":is({NEEDS_APP}):is({CONTROLS}), :is({NEEDS_APP}) :is({CONTROLS})");
    for control in elements(document, &controls) {
        let _ = control.set_attribute("aria-describedby", DATA_PROBLEMS_WHAT_ID);
    }
    let note_text = base.locale().strings().data_feature_unavailable();
    for part in elements(document, NOTED) {
        if let Ok(note) = document.create_element("p") {
            note.set_class_name("unavailable-note");
            note.set_text_content(Some(note_text));
            // After the part, not before it: nothing above the control the
            // reader is tapping moves while the tap lands.
            let _ = part.after_with_node_1(&note);
        }
    }
}
