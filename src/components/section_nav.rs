//! Links between a mission's overview and its sections, on every mission
//! page, and to the page with all of them, for printing.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::site::routes::{self, Section};
use crate::site::{SiteBase, strings};

/// The mission's page list, and a link to its print page. The router's
/// links mark the page shown with `aria-current`: the overview only on
/// itself, a section also on its pages (a year of a long timeline).
#[component]
pub fn SectionNav(#[prop(into)] mission_id: String) -> impl IntoView {
    let base = expect_context::<SiteBase>();
    let t = strings();
    let overview = view! {
        <li>
            <A href=base.href(&routes::mission(&mission_id)) exact=true>{t.section_overview()}</A>
        </li>
    };
    let sections = Section::ALL
        .into_iter()
        .map(|s| {
            view! {
                <li>
                    <A href=base.href(&routes::section(&mission_id, s))>{s.label(t)}</A>
                </li>
            }
        })
        .collect_view();
    let print = base.href(&routes::print(&mission_id));
    view! {
        <nav class="section-nav" aria-label=t.sections_label()>
            <ul>{overview}{sections}</ul>
        </nav>
        <p class="print-link"><a href=print rel=routes::BUILT_PAGE_REL>{t.print_link()}</a></p>
    }
}
