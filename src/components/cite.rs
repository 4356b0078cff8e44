//! Footnote-style references from a fact to the sources that support it.

use leptos::prelude::*;

use crate::data::{Mission, Source};
use crate::routes::is_web_address;
use crate::site::here;

/// The anchor id of a source in a page's source list.
pub fn source_anchor(number: usize) -> String {
    format!("source-{number}")
}

/// Bracketed source numbers after a fact, each linking to its entry in the list.
#[component]
pub fn Cite(
    /// The mission whose source list numbers the references.
    #[prop(into)]
    mission: std::sync::Arc<Mission>,
    /// The ids of the sources the fact cites.
    refs: Vec<String>,
) -> impl IntoView {
    // In ascending order and each once, as footnote numbers are read.
    let mut numbers: Vec<usize> = refs
        .iter()
        .filter_map(|r| mission.source_number(r))
        .collect();
    numbers.sort_unstable();
    numbers.dedup();
    (!numbers.is_empty()).then(|| {
        view! {
            <sup class="cite">
                {numbers
                    .into_iter()
                    .map(|n| {
                        view! {
                            <a href=here(&source_anchor(n)) aria-label=format!("Source {n}")>
                                {format!("[{n}]")}
                            </a>
                        }
                    })
                    .collect_view()}
            </sup>
        }
    })
}

/// The numbered list of a mission's sources, each with title, publisher, date and address.
#[component]
pub fn SourceList(#[prop(into)] mission: std::sync::Arc<Mission>) -> impl IntoView {
    let items = mission
        .sources
        .iter()
        .enumerate()
        .map(|(i, source)| source_item(i + 1, source))
        .collect_view();
    view! { <ol class="source-list">{items}</ol> }
}

fn source_item(number: usize, source: &Source) -> impl IntoView + use<> {
    let date = source.date.map(|d| {
        view! {
            ", "
            <time datetime=d.iso()>{d.to_english()}</time>
        }
    });
    // Only web addresses become links; anything else is shown, inert, as text.
    let address = if is_web_address(&source.url) {
        view! {
            <a class="source-url" href=source.url.clone() rel="external noopener noreferrer">
                {source.url.clone()}
            </a>
        }
        .into_any()
    } else {
        view! { <span class="source-url">{source.url.clone()}</span> }.into_any()
    };
    view! {
        <li id=source_anchor(number) value=number.to_string()>
            <cite>{source.title.en().to_owned()}</cite>
            ". "
            {source.publisher.en().to_owned()}
            {date}
            ". "
            {address}
        </li>
    }
}
