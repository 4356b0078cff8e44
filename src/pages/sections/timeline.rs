//! Timeline: every resolution and key event in order, grouped by year, with
//! filters by kind and by year range that live in the address.
//!
//! The filters are a plain GET form, so they work without JavaScript (an
//! "Apply" button shows then); with it, each change updates the address and
//! the list at once, and a status message says how many entries are shown.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_location, use_navigate};

use crate::citations::anchors;
use crate::components::cite::{Cite, PageSources};
use crate::components::readings::OtherReadings;
use crate::components::text::{close_bidi, isolate_class, untranslated_marker};
use crate::data::Mission;
use crate::routes::{self, Section};
use crate::site::{SiteBase, strings};
use crate::timeline::{Entry, EntryKind, Filter, entries_in};

pub fn view(m: &Arc<Mission>) -> impl IntoView + use<> {
    let t = strings();
    let location = use_location();
    let filter = Memo::new(move |_| {
        let q = location.query.read();
        Filter::from_query(
            q.get_all("kind").as_deref(),
            q.get_str("from"),
            q.get_str("to"),
        )
    });
    let route = routes::section(&m.id, Section::Timeline);
    let path = expect_context::<SiteBase>().href(&route);
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
    let (years, counts, total) = {
        let all = entries_in(m, t);
        let mut years: Vec<u16> = all.iter().map(|e| e.date.year).collect();
        years.dedup();
        let counts = EntryKind::ALL.map(|k| all.iter().filter(|e| e.kind == k).count());
        (years, counts, all.len())
    };
    let mission = m.clone();
    let list = move || {
        let f = filter.get();
        let all = entries_in(&mission, t);
        let shown: Vec<&Entry<'_>> = all.iter().filter(|e| f.admits(e)).collect();
        let status = if f.is_everything() {
            t.timeline_showing_all(total)
        } else {
            t.timeline_showing_some(shown.len(), total)
        };
        let groups = year_groups(&mission, &shown);
        // Footnotes for what is shown: the entries, and the closure notice.
        let only = (!f.is_everything()).then(|| {
            shown
                .iter()
                .map(|e| e.anchor.clone())
                .chain(std::iter::once(anchors::CLOSURE.to_owned()))
                .collect::<Vec<_>>()
        });
        view! {
            <p class="filter-status" role="status">{status}</p>
            {shown.is_empty().then(|| view! {
                <p class="notice">{t.timeline_no_match()}</p>
            })}
            {groups}
            <PageSources mission=mission.clone() page=Some(Section::Timeline) only=only/>
        }
    };
    view! {
        <Filters path=path years=years counts=counts filter=filter apply=apply/>
        <div class="timeline-results">{list}</div>
    }
}

/// The form: a checkbox for each kind of entry, and a year range.
#[component]
fn Filters(
    path: String,
    years: Vec<u16>,
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
                        prop:checked=move || filter.get().shows(kind)
                        on:change=on_change
                    />
                    {format!("{} ({})", kind.plural(t), counts[kind as usize])}
                </label>
            }
        })
        .collect_view();
    let year_select = |name: &'static str, label: &'static str, is_from: bool| {
        let options = years
            .iter()
            .map(|y| view! { <option value=y.to_string()>{y.to_string()}</option> })
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
        let selected = move || {
            let f = filter.get();
            let year = if is_from { f.from } else { f.to };
            year.map(|y| y.to_string()).unwrap_or_default()
        };
        view! {
            <label class="select">
                <span>{label}</span>
                <select name=name on:change=on_change prop:value=selected>
                    <option value="">{any}</option>
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
            <fieldset class="years">
                <legend>{t.timeline_years()}</legend>
                {year_select("from", t.timeline_from(), true)}
                {year_select("to", t.timeline_to(), false)}
            </fieldset>
            {move || (!filter.get().is_everything()).then(|| view! {
                <a class="reset" href=reset_href.clone()>{t.timeline_show_everything()}</a>
            })}
        </form>
    }
}

/// The entries under a heading for each year.
fn year_groups(m: &Arc<Mission>, shown: &[&Entry<'_>]) -> impl IntoView + use<> {
    let mut groups: Vec<(u16, Vec<&Entry<'_>>)> = Vec::new();
    for e in shown {
        match groups.last_mut() {
            Some((year, list)) if *year == e.date.year => list.push(e),
            _ => groups.push((e.date.year, vec![e])),
        }
    }
    groups
        .into_iter()
        .map(|(year, list)| {
            let items = list.into_iter().map(|e| entry_item(m, e)).collect_view();
            view! {
                <section class="year" aria-labelledby=format!("year-{year}")>
                    <h2 id=format!("year-{year}") class="year-heading">{year.to_string()}</h2>
                    <ol class="timeline">{items}</ol>
                </section>
            }
        })
        .collect_view()
}

fn entry_item(m: &Arc<Mission>, e: &Entry<'_>) -> impl IntoView + use<> {
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
        <li id=e.anchor.clone() class=format!("entry entry-{}", e.kind.slug())>
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
                <span lang=body_lang dir=body_dir class=e.body.and_then(isolate_class)>
                    {e.body.map(|b| close_bidi(b).into_owned())}
                </span>
                {body_marker}
                <Cite mission=m.clone() refs=e.sources.to_vec()/>
            </p>
            <OtherReadings mission=m.clone() readings=e.other_readings.to_vec()/>
        </li>
    }
}
