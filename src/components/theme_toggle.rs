//! A toggle button (WAI-ARIA "button" pattern with `aria-pressed`) for the dark theme.

use leptos::prelude::*;

/// Switches between light and dark; the choice is remembered across visits.
#[component]
pub fn ThemeToggle() -> impl IntoView {
    let (dark, set_dark) = signal(false);
    // After mount only: learn which theme is showing (saved choice or system).
    Effect::new(move |_| set_dark.set(crate::site::theme::is_dark_now()));
    let toggle = move |_| {
        let next = !dark.get_untracked();
        set_dark.set(next);
        crate::site::theme::apply(next);
    };
    view! {
        <button
            type="button"
            class="theme-toggle"
            aria-pressed=move || if dark.get() { "true" } else { "false" }
            on:click=toggle
        >
            <span class="theme-toggle-icon" aria-hidden="true"></span>
            {crate::site::strings().theme_dark()}
        </button>
    }
}
