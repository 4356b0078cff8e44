//! Small browser actions the pages need after rendering: moving focus and
//! scrolling to a fragment. Called from effects and event handlers only.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

fn element_by_id(id: &str) -> Option<web_sys::HtmlElement> {
    web_sys::window()?
        .document()?
        .get_element_by_id(id)?
        .dyn_into::<web_sys::HtmlElement>()
        .ok()
}

/// Moves focus to the element with this id (which must be focusable, e.g.
/// `tabindex="-1"`), so a screen reader starts reading there.
pub fn focus(id: &str) {
    if let Some(el) = element_by_id(id) {
        let _ = el.focus();
    }
}

/// Scrolls the element with this id into view, waiting for it to appear:
/// a page's content may render only once its data has arrived.
pub fn scroll_to_id_when_present(id: String) {
    const DELAYS_MS: [i32; 6] = [0, 50, 150, 400, 1000, 2500];
    fn attempt(id: String, tries_left: usize) {
        if let Some(el) = element_by_id(&id) {
            el.scroll_into_view();
            return;
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
