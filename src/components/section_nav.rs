//! Links between a mission's overview and its sections, on every mission page.

use leptos::prelude::*;

use crate::routes::{self, Section};
use crate::site::SiteBase;

/// The mission's page list; the current page is marked with `aria-current`.
#[component]
pub fn SectionNav(
    #[prop(into)] mission_id: String,
    /// The section shown, or `None` on the overview.
    current: Option<Section>,
) -> impl IntoView {
    let base = expect_context::<SiteBase>();
    let link = |href: String, label: &'static str, is_current: bool| {
        view! {
            <li>
                <a href=href aria-current=is_current.then_some("page")>{label}</a>
            </li>
        }
    };
    let overview = link(
        base.href(&routes::mission(&mission_id)),
        "Overview",
        current.is_none(),
    );
    let sections = Section::ALL
        .into_iter()
        .map(|s| {
            link(
                base.href(&routes::section(&mission_id, s)),
                s.label_en(),
                current == Some(s),
            )
        })
        .collect_view();
    view! {
        <nav class="section-nav" aria-label="Mission sections">
            <ul>{overview}{sections}</ul>
        </nav>
    }
}
