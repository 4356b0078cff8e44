//! Timeline: every resolution and key event in order, grouped by year, with
//! filters by kind and by year range that live in the address. A timeline
//! too long for one page ([`Pages`]) has a page per year, and its first page
//! is a table of the years.
//!
//! The filters are a plain GET form, so they work without JavaScript (an
//! "Apply" button shows then); with it, each change updates the address and
//! the list at once, and a status message says how many entries are shown.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::components::cite::{Cite, PageSources, Shown, ShownAnchors};
use crate::components::data_table::DataTable;
use crate::components::readings::OtherReadings;
use crate::components::text::{close_bidi, isolate_class, untranslated_marker};
use crate::facts::mission::MissionFacts;
use crate::facts::mission::anchors;
use crate::facts::timeline::{Entry, EntryKind, Filter, Pages, YearCounts, YearPage};
use crate::site::format::count;
use crate::site::routes::{self, Section};
use crate::site::{SiteBase, strings};

/// The timeline, or one page of it (`page`, one the timeline has).
pub fn view(m: &Arc<MissionFacts>, page: Option<YearPage>) -> AnyView {
    if page.is_none() && m.timeline().is_split() {
        year_index(m, m.timeline()).into_any()
    } else {
        entries_view(m, page).into_any()
    }
}

/// A page's name in links between pages: "2019", or "2019, page 2".
fn page_name(page: YearPage) -> String {
    if page.part > 1 {
        strings().timeline_year_part(page.part, page.year)
    } else {
        page.year.to_string()
    }
}

/// Every entry under its year, without filters or footnotes, however long
/// the timeline (the print page).
pub fn every_entry(m: &Arc<MissionFacts>) -> impl IntoView + use<> {
    let all: Vec<&Entry> = m.entries().iter().collect();
    year_groups(m, &all, Memo::new(|_| Filter::default()))
}

/// The entries with their filters: the whole timeline, or one year of a
/// split one (then with links to the other years instead of a year range).
fn entries_view(m: &Arc<MissionFacts>, page: Option<YearPage>) -> impl IntoView + use<> {
    let t = strings();
    let query = use_query_map();
    let filter = Memo::new(move |_| {
        let q = query.read();
        let f = Filter::from_query(
            q.get_all("kind").as_deref(),
            q.get_str("from"),
            q.get_str("to"),
        );
        // A year's page is that year: a range in its address means nothing.
        if page.is_some() {
            f.with_years(None, None)
        } else {
            f
        }
    });
    let route = match page {
        Some(p) => routes::timeline_page(&m.id, p),
        None => routes::section(&m.id, Section::Timeline),
    };
    let base = expect_context::<SiteBase>();
    let path = base.href(&route);
    let navigate = use_navigate();
    let apply = {
        // The router adds the site's base itself.
        Callback::new(move |next: Filter| {
            navigate(
                &format!("{route}{}", next.query()),
                NavigateOptions {
                    scroll: false,
                    ..Default::default()
                },
            );
        })
    };
    let pages = m.timeline();
    let in_page = |e: &&Entry| page.is_none_or(|page| pages.place_of(&e.anchor) == Some(page));
    // The page's entries are rendered once; a filter only shows and hides
    // them (and their footnotes), which answers a tick at once even on a slow
    // phone, where rendering hundreds of entries anew took a frame and more.
    let all: Vec<&Entry> = m.entries().iter().filter(in_page).collect();
    let (years, counts, total) = {
        let mut years: Vec<u16> = all.iter().map(|e| e.date.year).collect();
        years.dedup();
        let counts = EntryKind::ALL.map(|k| all.iter().filter(|e| e.kind == k).count());
        (years, counts, all.len())
    };
    let year_nav = page.map(|p| year_links(&base, &m.id, pages, p));
    let year_steps = page.map(|p| {
        view! { <p class="year-steps">{year_steps(&base, &m.id, pages, p)}</p> }
    });
    // Each entry's anchor, kind and year: what the filter and the footnotes need.
    let keys: Arc<[(String, EntryKind, u16)]> = all
        .iter()
        .map(|e| (e.anchor.clone(), e.kind, e.date.year))
        .collect();
    let shown_count = Memo::new({
        let keys = keys.clone();
        move |_| admitted(&keys, filter.get()).count()
    });
    let status = move || {
        if filter.get().is_everything() {
            t.timeline_showing_all(total)
        } else {
            t.timeline_showing_some(shown_count.get(), total)
        }
    };
    // Footnotes for what is shown: the entries, and the closure notice. A
    // year's page always lists only its own.
    let shown: Signal<Shown> = Memo::new(move |_| {
        let f = filter.get();
        (page.is_some() || !f.is_everything()).then(|| {
            admitted(&keys, f)
                .cloned()
                .chain(std::iter::once(anchors::CLOSURE.to_owned()))
                .collect::<ShownAnchors>()
        })
    })
    .into();
    let only = page.is_some().then(|| {
        all.iter()
            .map(|e| e.anchor.clone())
            .chain(std::iter::once(anchors::CLOSURE.to_owned()))
            .collect::<Vec<_>>()
    });
    let groups = year_groups(m, &all, filter);
    let list = view! {
        <p class="filter-status" role="status">{status}</p>
        {move || (shown_count.get() == 0).then(|| view! {
            <p class="notice">{t.timeline_no_match()}</p>
        })}
        {groups}
        <PageSources mission=m.clone() page=Some(Section::Timeline) only=only shown=shown/>
    };
    let years = page.is_none().then_some(years);
    view! {
        {year_nav}
        <Filters path=path years=years counts=counts filter=filter apply=apply/>
        <div class="timeline-results">{list}</div>
        {year_steps}
    }
}

/// The anchors of the entries `filter` lets through, of `keys` (each entry's
/// anchor, kind and year).
fn admitted(keys: &[(String, EntryKind, u16)], filter: Filter) -> impl Iterator<Item = &String> {
    keys.iter()
        .filter(move |(_, kind, year)| filter.admits_kind_in(*kind, *year))
        .map(|(anchor, _, _)| anchor)
}

/// The first page of a split timeline: each year with its entries of each
/// kind, the year linking to its page.
fn year_index(m: &Arc<MissionFacts>, pages: &Pages) -> impl IntoView + use<> {
    let t = strings();
    let base = expect_context::<SiteBase>();
    let total: usize = pages.years().iter().map(YearCounts::total).sum();
    let mut columns = vec![t.timeline_year()];
    columns.extend(EntryKind::ALL.map(|k| k.plural(t)));
    columns.push(t.timeline_all_kinds());
    let rows = pages
        .years()
        .iter()
        .map(|y| {
            let href = base.href(&routes::timeline_page(
                &m.id,
                YearPage {
                    year: y.year,
                    part: 1,
                },
            ));
            let counts = y
                .counts
                .iter()
                .map(|&n| view! { <td class="num">{count(n as u64)}</td> })
                .collect_view();
            view! {
                <tr>
                    <th scope="row"><a href=href>{y.year.to_string()}</a></th>
                    {counts}
                    <td class="num">{count(y.total() as u64)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <p class="lede">{t.timeline_by_year_intro(&m.acronym, count(total as u64))}</p>
        <DataTable
            label=t.timeline_by_year_label()
            caption=t.timeline_by_year_caption()
            columns=columns
        >
            {rows}
        </DataTable>
        <PageSources
            mission=m.clone()
            page=Some(Section::Timeline)
            only=Some(vec![anchors::CLOSURE.to_owned()])
        />
    }
}

/// Links between the pages of a split timeline: every year, the current one
/// marked, the pages of the current year when it has several, and the
/// previous and next page.
fn year_links(base: &SiteBase, id: &str, pages: &Pages, page: YearPage) -> impl IntoView + use<> {
    let t = strings();
    let link = |p: YearPage, text: String, current: Option<&'static str>| {
        let href = base.href(&routes::timeline_page(id, p));
        view! { <li><a href=href aria-current=current>{text}</a></li> }
    };
    // The current year is the page itself, or, when the year has several
    // pages, the year the current page is one of.
    let years = pages
        .years()
        .iter()
        .map(|y| {
            let first = YearPage {
                year: y.year,
                part: 1,
            };
            let current =
                (y.year == page.year).then_some(if y.parts > 1 { "true" } else { "page" });
            link(first, y.year.to_string(), current)
        })
        .collect_view();
    let parts = pages.year(page.year).filter(|y| y.parts > 1).map(|y| {
        let items = (1..=y.parts)
            .map(|part| {
                let p = YearPage { year: y.year, part };
                link(p, part.to_string(), (p == page).then_some("page"))
            })
            .collect_view();
        view! {
            <ul class="year-parts" aria-label=t.timeline_year_parts_label(y.year)>{items}</ul>
        }
    });
    view! {
        <nav class="year-pages" aria-label=t.timeline_years_nav()>
            <ul>
                <li><a href=base.href(&routes::section(id, Section::Timeline))>{t.timeline_all_years()}</a></li>
                {years}
            </ul>
            {parts}
            {year_steps(base, id, pages, page)}
        </nav>
    }
}

/// "Previous: 2018" and "Next: 2019, page 2", where there are such pages.
fn year_steps(base: &SiteBase, id: &str, pages: &Pages, page: YearPage) -> impl IntoView + use<> {
    let t = strings();
    let (before, after) = pages.neighbours(page);
    let step = |p: Option<YearPage>, rel: &'static str, label: &'static str| {
        p.map(|p| {
            view! {
                <a class=format!("year-step year-{rel}") rel=rel href=base.href(&routes::timeline_page(id, p))>
                    {label} " " <span class="year-step-page">{page_name(p)}</span>
                </a>
            }
        })
    };
    view! {
        {step(before, "prev", t.timeline_previous())}
        {step(after, "next", t.timeline_next())}
    }
}

/// The form: a checkbox for each kind of entry, and a year range.
#[component]
fn Filters(
    path: String,
    /// The years of the range's choices; `None` on a year's own page.
    years: Option<Vec<u16>>,
    counts: [usize; 3],
    filter: Memo<Filter>,
    apply: Callback<Filter>,
) -> impl IntoView {
    let t = strings();
    let kinds = EntryKind::ALL
        .into_iter()
        .map(|kind| {
            let on_change = move |ev: leptos::ev::Event| {
                apply.run(
                    filter
                        .get_untracked()
                        .with_kind(kind, event_target_checked(&ev)),
                );
            };
            view! {
                <label class="check">
                    <input
                        type="checkbox"
                        name="kind"
                        value=kind.slug()
                        // The attribute too: the prerendered page starts as the app does.
                        checked=move || filter.get().shows(kind)
                        prop:checked=move || filter.get().shows(kind)
                        on:change=on_change
                    />
                    {format!("{} ({})", kind.plural(t), counts[kind as usize])}
                </label>
            }
        })
        .collect_view();
    let year_select = |years: &[u16], name: &'static str, label: &'static str, is_from: bool| {
        let chosen = move || {
            let f = filter.get();
            if is_from { f.from } else { f.to }
        };
        // `selected` too: the prerendered page starts as the app does.
        let options = years
            .iter()
            .map(|&y| {
                view! { <option value=y.to_string() selected=move || chosen() == Some(y)>{y.to_string()}</option> }
            })
            .collect_view();
        let any = if is_from {
            t.timeline_earliest()
        } else {
            t.timeline_latest()
        };
        let on_change = move |ev: leptos::ev::Event| {
            let year = event_target_value(&ev).parse::<u16>().ok();
            let f = filter.get_untracked();
            apply.run(if is_from {
                f.with_years(year, f.to)
            } else {
                f.with_years(f.from, year)
            });
        };
        let selected = move || chosen().map(|y| y.to_string()).unwrap_or_default();
        view! {
            <label class="select">
                <span>{label}</span>
                <select name=name on:change=on_change prop:value=selected>
                    <option value="" selected=move || chosen().is_none()>{any}</option>
                    {options}
                </select>
            </label>
        }
    };
    let reset_href = path.clone();
    view! {
        <form class="filters" method="get" action=path aria-label=t.timeline_filter_label()>
            <fieldset>
                <legend>{t.timeline_show()}</legend>
                {kinds}
            </fieldset>
            {years.map(|years| view! {
                <fieldset class="years">
                    <legend>{t.timeline_years()}</legend>
                    {year_select(&years, "from", t.timeline_from(), true)}
                    {year_select(&years, "to", t.timeline_to(), false)}
                </fieldset>
            })}
            {move || (!filter.get().is_everything()).then(|| view! {
                <a class="reset" href=reset_href.clone()>{t.timeline_show_everything()}</a>
            })}
        </form>
    }
}

/// The entries under a heading for each year, each (and each year) hidden
/// while the filter leaves it out.
fn year_groups(
    m: &Arc<MissionFacts>,
    all: &[&Entry],
    filter: Memo<Filter>,
) -> impl IntoView + use<> {
    let mut groups: Vec<(u16, Vec<&Entry>)> = Vec::new();
    for &e in all {
        match groups.last_mut() {
            Some((year, list)) if *year == e.date.year => list.push(e),
            _ => groups.push((e.date.year, vec![e])),
        }
    }
    groups
        .into_iter()
        .map(|(year, list)| {
            let kinds: Vec<EntryKind> = list.iter().map(|e| e.kind).collect();
            let year_hidden = move || {
                let f = filter.get();
                !kinds.iter().any(|&kind| f.admits_kind_in(kind, year))
            };
            let items = list
                .into_iter()
                .map(|e| {
                    let kind = e.kind;
                    let hidden = move || !filter.get().admits_kind_in(kind, year);
                    entry_item(m, e, hidden)
                })
                .collect_view();
            view! {
                <section class="year" aria-labelledby=format!("year-{year}") hidden=year_hidden>
                    <h2 id=format!("year-{year}") class="year-heading">{year.to_string()}</h2>
                    <ol class="timeline">{items}</ol>
                </section>
            }
        })
        .collect_view()
}

fn entry_item<F>(m: &Arc<MissionFacts>, e: &Entry, hidden: F) -> impl IntoView + use<F>
where
    F: Fn() -> bool + Send + Sync + 'static,
{
    let t = strings();
    let kind = e.kind.label(t);
    // Text the reader's language lacks is shown in English, tagged and marked
    // once: after the title when the title is English, else after the text.
    let english = |yes: bool| {
        if yes {
            (Some("en"), Some("ltr"))
        } else {
            (None, None)
        }
    };
    let (title_lang, title_dir) = english(e.title_in_english);
    let (body_lang, body_dir) = english(e.body_in_english);
    let title_marker = e.title_in_english.then(untranslated_marker);
    let body_marker = (e.body_in_english && !e.title_in_english).then(untranslated_marker);
    view! {
        <li id=e.anchor.clone() class=format!("entry entry-{}", e.kind.slug()) hidden=hidden>
            <p class="entry-meta">
                <span class="entry-kind">{kind}</span>
                <time datetime=e.date.iso()>{t.date(e.date)}</time>
            </p>
            <h3 class="entry-title">
                <span lang=title_lang dir=title_dir class=isolate_class(&e.title)>
                    {close_bidi(&e.title).into_owned()}
                </span>
                {title_marker}
            </h3>
            <p>
                <span lang=body_lang dir=body_dir class=e.body.as_deref().and_then(isolate_class)>
                    {e.body.as_deref().map(|b| close_bidi(b).into_owned())}
                </span>
                {body_marker}
                <Cite mission=m.clone() refs=e.sources.to_vec()/>
            </p>
            <OtherReadings mission=m.clone() readings=e.other_readings.to_vec()/>
        </li>
    }
}
