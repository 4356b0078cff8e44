//! Links between a mission's overview and its sections, on every mission page.

use leptos::prelude::*;

use crate::site::routes::{self, Section};
use crate::site::{SiteBase, strings};

/// The mission's page list; the current page is marked with `aria-current`.
#[component]
pub fn SectionNav(
    #[prop(into)] mission_id: String,
    /// The section shown, or `None` on the overview.
    current: Option<Section>,
) -> impl IntoView {
    let base = expect_context::<SiteBase>();
    let t = strings();
    let link = |href: String, label: &'static str, is_current: bool| {
        view! {
            <li>
                <a href=href aria-current=is_current.then_some("page")>{label}</a>
            </li>
        }
    };
    let overview = link(
        base.href(&routes::mission(&mission_id)),
        t.section_overview(),
        current.is_none(),
    );
    let sections = Section::ALL
        .into_iter()
        .map(|s| {
            link(
                base.href(&routes::section(&mission_id, s)),
                s.label(t),
                current == Some(s),
            )
        })
        .collect_view();
    view! {
        <nav class="section-nav" aria-label=t.sections_label()>
            <ul>{overview}{sections}</ul>
        </nav>
    }
}
