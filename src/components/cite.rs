//! Footnote-style references from a fact to the sources that support it.

use std::sync::Arc;

use leptos::prelude::*;

use crate::components::text::{close_bidi, data_text, in_page_language, isolate_class};
use crate::data::{Source, safe_link};
use crate::facts::mission::MissionFacts;
use crate::facts::mission::{Page, anchors};
use crate::facts::timeline::{YearPage, page_title};
use crate::site::format::readable_url;
use crate::site::routes::{self, Section};
use crate::site::{SiteBase, here, strings};

/// Bracketed source numbers after a fact, each linking to its entry in the list.
#[component]
pub fn Cite(
    /// The mission whose source list numbers the references.
    #[prop(into)]
    mission: Arc<MissionFacts>,
    /// The ids of the sources the fact cites.
    refs: Vec<String>,
    /// Link to the mission's sources page rather than to this page's
    /// footnotes: for facts shown away from the mission's own pages (the
    /// compare page), where the link also names the mission.
    #[prop(optional)]
    to_sources_page: bool,
) -> impl IntoView {
    let t = strings();
    let numbers = mission.source_numbers(&refs);
    let sources_page = to_sources_page.then(|| {
        use_context::<SiteBase>()
            .unwrap_or_default()
            .href(&routes::section(&mission.id, Section::Sources))
    });
    (!numbers.is_empty()).then(|| {
        view! {
            <sup class="cite">
                {numbers
                    .into_iter()
                    .map(|n| {
                        let anchor = anchors::source(n);
                        let on_page = here(&anchor);
                        let (elsewhere, label) = match &sources_page {
                            Some(page) => (
                                Some(format!("{page}#{anchor}")),
                                t.cite_mission_source(&mission.acronym, n),
                            ),
                            None => (None, t.cite_source(n)),
                        };
                        let href = move || elsewhere.clone().unwrap_or_else(&on_page);
                        view! {
                            <a href=href aria-label=label>
                                {format!("[{n}]")}
                            </a>
                        }
                    })
                    .collect_view()}
            </sup>
        }
    })
}

/// The anchors of the facts a filter leaves on show.
pub type ShownAnchors = std::collections::HashSet<String>;

/// Which of a page's facts are on show while a filter narrows them: `None`
/// while none does (the heading then says "this page", not "what is shown").
pub type Shown = Option<ShownAnchors>;

/// Under a page's facts: the sources the page cites, numbered as in the
/// mission's list, each with links back up to the facts that cite it, and a
/// link to the mission's full list of sources.
#[component]
pub fn PageSources(
    #[prop(into)] mission: Arc<MissionFacts>,
    /// The page: the overview (`None`) or a section.
    page: Page,
    /// Only the facts with these anchors are on the page (a year of a long
    /// timeline).
    #[prop(default = None)]
    only: Option<Vec<String>>,
    /// Of those, the ones a filter leaves on show: a source none of them
    /// cites, and each link back to a fact left out, is hidden, not removed,
    /// so a change of filter is answered at once.
    #[prop(optional, into)]
    shown: Option<Signal<Shown>>,
) -> impl IntoView {
    let t = strings();
    let notes = match &only {
        None => mission.footnotes(page),
        Some(anchors) => {
            // A set: a page of a long timeline shows hundreds of entries.
            let shown: std::collections::HashSet<&str> =
                anchors.iter().map(String::as_str).collect();
            mission.footnotes_of(page, |a| shown.contains(a))
        }
    };
    // A page with no sourced fact (a mission with no figures) lists none.
    if notes.is_empty() {
        return None;
    }
    let all = use_context::<SiteBase>()
        .unwrap_or_default()
        .href(&routes::section(&mission.id, Section::Sources));
    let described = notes
        .iter()
        .any(|n| {
            mission
                .sources
                .get(n.number - 1)
                .is_some_and(|s| s.described)
        })
        .then(|| view! { <p class="source-note">{t.sources_described_note()}</p> });
    let shown = shown.unwrap_or_else(|| Signal::derive(|| None));
    let is_left_out =
        move |anchor: &str| shown.with(|s| s.as_ref().is_some_and(|s| !s.contains(anchor)));
    let items = notes
        .into_iter()
        .filter_map(|note| {
            let source = mission.sources.get(note.number - 1)?;
            let anchors: Vec<String> = note.cited_by.iter().map(|(a, _)| a.clone()).collect();
            let note_hidden = move || anchors.iter().all(|a| is_left_out(a));
            let back = note
                .cited_by
                .into_iter()
                .map(|(anchor, label)| {
                    let label = close_bidi(&label).into_owned();
                    let href = here(&anchor);
                    view! { <li hidden=move || is_left_out(&anchor)><a href=href>{label}</a></li> }
                })
                .collect_view();
            Some(source_item(
                note.number,
                source,
                back.into_any(),
                note_hidden,
            ))
        })
        .collect_view();
    let narrowed = only.is_some();
    let heading = move || {
        if narrowed || shown.with(Option::is_some) {
            t.sources_for_shown()
        } else {
            t.sources_for_page()
        }
    };
    Some(view! {
        <section class="page-sources" aria-labelledby="sources-heading">
            <h2 id="sources-heading">{heading}</h2>
            <p class="hint">{t.sources_numbered(&mission.acronym)}</p>
            <ol class="source-list">{items}</ol>
            {described}
            <p><a href=all>{t.sources_all(&mission.acronym, mission.sources.len())}</a></p>
        </section>
    })
}

/// Every source of the mission, numbered, each with links to every fact on
/// any of the mission's pages that cites it.
#[component]
pub fn SourceList(#[prop(into)] mission: Arc<MissionFacts>) -> impl IntoView {
    let base = use_context::<SiteBase>().unwrap_or_default();
    let t = strings();
    // Facts on a long timeline are on their year's page.
    let timeline_pages = mission.timeline();
    let items = mission
        .sources
        .iter()
        .enumerate()
        .map(|(i, source)| {
            // On a timeline split into pages, a source may back thousands of
            // entries: one link to each page that has some, with their count.
            let mut on_timeline_pages = std::collections::BTreeMap::<YearPage, u32>::new();
            let mut links = Vec::new();
            for fact in mission.cited_in(i + 1) {
                let (page, anchor, label) = (fact.page, &fact.anchor, &fact.label);
                if page == Some(Section::Timeline)
                    && let Some(place) = timeline_pages.place_of(anchor)
                {
                    *on_timeline_pages.entry(place).or_default() += 1;
                    continue;
                }
                let page_name = page.map_or(t.section_overview(), |s| s.label(t));
                let href = base.href(&timeline_pages.fact_href(&mission.id, page, anchor));
                let text = close_bidi(&format!("{page_name}: {label}")).into_owned();
                links.push(view! { <li><a href=href>{text}</a></li> }.into_any());
            }
            links.extend(on_timeline_pages.into_iter().map(|(place, n)| {
                let href = base.href(&routes::timeline_page(&mission.id, place));
                let text = t.sources_timeline_page(n, page_title(timeline_pages, place));
                view! { <li><a href=href>{text}</a></li> }.into_any()
            }));
            source_item(
                i + 1,
                source,
                links.into_iter().collect_view().into_any(),
                || false,
            )
        })
        .collect_view();
    let described = mission
        .sources
        .iter()
        .any(|s| s.described)
        .then(|| view! { <p class="source-note">{t.sources_described_note()}</p> });
    view! {
        <ol class="source-list">{items}</ol>
        {described}
    }
}

/// One numbered source; `cited_by` is the list items linking to the facts it
/// supports; `hidden` says when no fact on show cites it.
fn source_item<H>(
    number: usize,
    source: &Source,
    cited_by: AnyView,
    hidden: H,
) -> impl IntoView + use<H>
where
    H: Fn() -> bool + Send + Sync + 'static,
{
    let t = strings();
    let title = in_page_language(&source.title);
    let publisher = in_page_language(&source.publisher);
    let date = source.date.map(|d| {
        view! {
            ", "
            <time datetime=d.iso()>{t.date(d)}</time>
        }
    });
    // Only whole http(s) addresses become links; anything else (which the
    // validator refuses) is shown, inert, as text.
    let address = match safe_link(&source.url) {
        Some(url) => view! {
            <a class="source-url" href=url.to_owned() rel="external noopener noreferrer">
                {readable_url(url)}
            </a>
        }
        .into_any(),
        None => view! { <span class="source-url">{source.url.clone()}</span> }.into_any(),
    };
    // A document's title is its own, not a text to translate: a reference
    // to an English document reads as an English reference, left to right,
    // even on an Arabic page (its punctuation would scatter otherwise).
    let lang = title.is_fallback.then_some("en");
    let dir = lang.map(|_| "ltr");
    view! {
        <li id=anchors::source(number) value=number.to_string() hidden=hidden>
            <span class="source-ref" lang=lang dir=dir>
                {source.described.then_some("[")}
                <cite class=isolate_class(title.text)>{close_bidi(title.text).into_owned()}</cite>
                {source.described.then_some("]")}
                ". "
                {data_text(publisher.text)}
                {date}
                ". "
                {address}
            </span>
            <div class="cited-by">
                <span class="cited-by-label">{t.cited_for()}</span>
                <ul>{cited_by}</ul>
            </div>
        </li>
    }
}
