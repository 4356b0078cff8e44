//! A table of figures that scrolls sideways on narrow screens instead of
//! widening the page; the scrolling region is named and keyboard reachable.

use leptos::prelude::*;

/// A captioned table with column headers; the rows are the children.
#[component]
pub fn DataTable(
    /// The accessible name of the scrolling region.
    #[prop(into)]
    label: String,
    #[prop(into)] caption: String,
    /// The column headers, in reading order (left to right in English).
    #[prop(into)]
    columns: Vec<&'static str>,
    children: Children,
) -> impl IntoView {
    let headers = columns
        .iter()
        .map(|c| view! { <th scope="col">{*c}</th> })
        .collect_view();
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=label>
            <table>
                <caption>{caption}</caption>
                <thead>
                    <tr>{headers}</tr>
                </thead>
                <tbody>{children()}</tbody>
            </table>
        </div>
    }
}
