//! Small browser actions the pages need after rendering: moving focus and
//! scrolling to a fragment. Called from effects and event handlers only.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// The id of the `<main>` element, the skip link's target and where focus
/// goes after a change of page.
pub const MAIN_ID: &str = "main";

fn element_by_id(id: &str) -> Option<web_sys::HtmlElement> {
    web_sys::window()?
        .document()?
        .get_element_by_id(id)?
        .dyn_into::<web_sys::HtmlElement>()
        .ok()
}

/// The whole address of a path on this site (`https://host/base/?q=x`).
///
/// The router drops a path's trailing slash when it adds the site's base,
/// so `/?q=x` under `/repo` would become `/repo?q=x`, which static hosts
/// redirect to `/repo/`, losing the query. A whole address passes unchanged.
pub fn absolute(path: &str) -> String {
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    format!("{origin}{path}")
}

/// Runs `work` and records how long it took as a User Timing measure named
/// `name` (seen in the browser's performance tools, and read by the tests
/// that hold search to its time budget).
///
/// Natively (tests, the prerenderer) it only runs `work`.
pub fn timed<T>(name: &str, work: impl FnOnce() -> T) -> T {
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = name;
        work()
    }
    #[cfg(target_arch = "wasm32")]
    {
        let performance = web_sys::window().and_then(|w| w.performance());
        let start = format!("{name}:start");
        if let Some(p) = &performance {
            let _ = p.mark(&start);
        }
        let value = work();
        if let Some(p) = &performance {
            let _ = p.measure_with_start_mark(name, &start);
            p.clear_marks_with_mark_name(&start);
        }
        value
    }
}

/// Moves focus to the element with this id (which must be focusable, e.g.
/// `tabindex="-1"`), so a screen reader starts reading there.
pub fn focus(id: &str) {
    if let Some(el) = element_by_id(id) {
        let _ = el.focus();
    }
}

/// Scrolls the element with this id into view, waiting for it to appear:
/// a page's content may render only once its data has arrived, and a table
/// row may show only once its chart has switched to the table. A closed
/// `<details>` around it is opened, and it is marked `.targeted` (the router
/// changes the address with the History API, so CSS `:target` would not match).
pub fn scroll_to_id_when_present(id: String) {
    const DELAYS_MS: [i32; 6] = [0, 50, 150, 400, 1000, 2500];
    fn attempt(id: String, tries_left: usize) {
        if let Some(el) = element_by_id(&id) {
            // The element may sit in a closed disclosure, or be one's container.
            let closed = el
                .closest("details:not([open])")
                .ok()
                .flatten()
                .or_else(|| {
                    el.query_selector(":scope > details:not([open])")
                        .ok()
                        .flatten()
                });
            if let Some(details) = closed {
                let _ = details.set_attribute("open", "");
            }
            // Rendered but not laid out (inside a hidden view): wait for it.
            if el.offset_parent().is_some() || tries_left == 0 {
                mark_targeted(&el);
                el.scroll_into_view();
                return;
            }
        }
        let Some(next) = tries_left.checked_sub(1) else {
            return;
        };
        let delay = DELAYS_MS[DELAYS_MS.len() - 1 - next];
        let retry = Closure::once_into_js(move || attempt(id, next));
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                retry.unchecked_ref(),
                delay,
            );
        }
    }
    attempt(id, DELAYS_MS.len());
}

fn mark_targeted(el: &web_sys::HtmlElement) {
    if let Some(doc) = web_sys::window().and_then(|w| w.document())
        && let Ok(Some(previous)) = doc.query_selector(".targeted")
    {
        let _ = previous.class_list().remove_1("targeted");
    }
    let _ = el.class_list().add_1("targeted");
}

/// Clears a page the build prerendered (`<body data-prerendered>`) for the
/// app, in the task that then mounts it, so the browser never paints
/// between: removes the prerendered head elements and body content, which
/// the app renders again. `takeover` decides when (its data handed over
/// and sound).
pub fn clear_prerendered(document: &web_sys::Document) {
    let Some(body) = document.body() else {
        return;
    };
    while let Ok(Some(element)) = document.query_selector("head [data-prerendered]") {
        element.remove();
    }
    let _ = body.remove_attribute("data-prerendered");
    body.replace_children_with_node_0();
}

/// The id of the notice [`show_app_failure`] puts on the page.
pub const APP_FAILURE_ID: &str = "app-failure";

/// Tells the reader the app has stopped, after a panic: an alert at the top
/// of the page, in the page's language, with a link that reloads it. Built
/// with plain DOM calls, text only, since the app's own rendering cannot be
/// trusted any more (and the link works without it). Shown once.
pub fn show_app_failure() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if document.get_element_by_id(APP_FAILURE_ID).is_some() {
        return;
    }
    let locale = document
        .document_element()
        .and_then(|html| html.get_attribute("lang"))
        .and_then(|code| crate::site::i18n::Locale::from_code(&code))
        .unwrap_or_default();
    let t = locale.strings();
    let element = |tag: &str, class: &str, text: &str| {
        let el = document.create_element(tag).ok()?;
        if !class.is_empty() {
            el.set_class_name(class);
        }
        el.set_text_content(Some(text));
        Some(el)
    };
    let here = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let (Some(notice), Some(heading), Some(body), Some(reload)) = (
        element("div", "load-error app-failure", ""),
        element("h2", "", t.app_failed_title()),
        element("p", "", t.app_failed_body()),
        element("a", "button", t.app_failed_reload()),
    ) else {
        return;
    };
    notice.set_id(APP_FAILURE_ID);
    let _ = notice.set_attribute("role", "alert");
    let _ = reload.set_attribute("href", &here);
    let paragraph = document.create_element("p").ok();
    let _ = notice.append_child(&heading);
    let _ = notice.append_child(&body);
    if let Some(p) = paragraph {
        let _ = p.append_child(&reload);
        let _ = notice.append_child(&p);
    }
    let at = document
        .get_element_by_id(MAIN_ID)
        .or_else(|| document.body().map(Into::into));
    if let Some(at) = at {
        let _ = at.prepend_with_node_1(&notice);
    }
}
