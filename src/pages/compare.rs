//! `/compare?ids=unami,unama`: two to four missions side by side. Key facts
//! in one table, staff numbers on one chart, mandate areas, and timelines
//! aligned by year. Every fact links to its source on the mission's own
//! sources page.
//!
//! The missions are chosen in the address; a GET form adds one and a link
//! removes one, so the page works without JavaScript. With it, adding
//! navigates within the app (Back undoes it). Reading the address and the
//! figures each column shows is in [`crate::facts::compare`].

use std::sync::Arc;

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::components::cite_page::CiteThisPage;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_url};

use crate::components::chart::{ChartFigure, Series, TimeChart};
use crate::components::cite::Cite;
use crate::components::data_table::DataTable;
use crate::components::load_state::{LoadFailed, Loading, NeedsScript};
use crate::components::text::{localized, localized_plain};
use crate::data::{Mission, MissionIndex};
use crate::facts::chart::csv;
use crate::facts::compare::{
    Choice, MAX_MISSIONS, Piece, aligned_years, canonical_query, entry_title, fact_rows, key_facts,
    parse_ids,
};
use crate::facts::mission::MissionFacts;
use crate::facts::mission::anchors;
use crate::facts::tables::source_urls;
use crate::pages::mission::facts_of;
use crate::pages::sections::personnel::{FIGURE_COLUMNS, figure_fields, personnel_marks};
use crate::site::format::count;
use crate::site::load::LoadError;
use crate::site::load::{load_index, load_mission, loaded_index, loaded_mission};
use crate::site::routes::{self, Section};
use crate::site::{SiteBase, strings};

/// `/compare`: reads the ids, loads the index, then the missions.
#[component]
pub fn ComparePage() -> impl IntoView {
    let base = expect_context::<SiteBase>();
    // The address as this page's route sees it: the ids and the check below
    // read the same one, so they never disagree in the middle of a navigation.
    let url = use_url();
    let ids = Memo::new(move |_| {
        parse_ids(
            &url.read()
                .search_params()
                .get_all("ids")
                .unwrap_or_default(),
        )
    });
    // The address keeps one form, `?ids=a,b`, whatever form brought the
    // reader here (a form of checkboxes sends `?ids=a&ids=b`).
    let navigate = use_navigate();
    Effect::new(move || {
        let (on_page, search) = url.with(|url| {
            let on_page = routes::is_page(url.path(), &routes::compare(&[]));
            (on_page, url.search().to_owned())
        });
        if !on_page {
            return;
        }
        let ids = ids.get();
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        if search != canonical_query(&ids) {
            navigate(
                &routes::compare(&ids),
                NavigateOptions {
                    replace: true,
                    scroll: false,
                    ..Default::default()
                },
            );
        }
    });
    let index = LocalResource::new(move || load_index(base.clone()));
    let retry = Callback::new(move |()| index.refetch());
    let t = strings();
    view! {
        {move || match loaded_index().map(Ok).or_else(|| index.get()) {
            None => view! {
                <Title text=t.cmp_title()/>
                <Loading label=t.catalogue_loading()/>
            }
            .into_any(),
            Some(Err(error)) => view! {
                <Title text=t.load_failed_title()/>
                <LoadFailed error=error on_retry=retry/>
            }
            .into_any(),
            Some(Ok(index)) => view! { <Comparison index=index ids=ids/> }.into_any(),
        }}
    }
}

#[component]
fn Comparison(index: Arc<MissionIndex>, ids: Memo<Vec<String>>) -> impl IntoView {
    let base = expect_context::<SiteBase>();
    let known = index.clone();
    let choice =
        Memo::new(move |_| Choice::new(&ids.get(), |id| known.missions.iter().any(|m| m.id == id)));
    let missions = LocalResource::new({
        let base = base.clone();
        move || {
            let chosen = choice.get().chosen;
            let base = base.clone();
            async move {
                let mut out = Vec::new();
                for id in chosen {
                    let result = load_mission(base.clone(), id.clone()).await;
                    out.push((id, result));
                }
                out
            }
        }
    });
    let retry = Callback::new(move |()| missions.refetch());
    // Each mission's facts are worked out once while the page is open, not
    // again on each change of the choice.
    let worked_out =
        StoredValue::new(std::collections::HashMap::<String, Arc<MissionFacts>>::new());
    let facts = move |m: Arc<Mission>| {
        worked_out.try_update_value(|all| {
            all.entry(m.id.clone())
                .or_insert_with(|| facts_of(m))
                .clone()
        })
    };
    // The page is drawn anew when the choice changes: start a screen reader
    // at its new heading, as after any other navigation.
    Effect::new(move |previous: Option<()>| {
        choice.track();
        if previous.is_some() {
            crate::site::dom::focus(crate::site::dom::MAIN_ID);
        }
    });
    let selected = RwSignal::new(String::new());
    let navigate = use_navigate();
    let add = Callback::new(move |()| {
        let id = selected.get_untracked();
        if !id.is_empty() {
            selected.set(String::new());
            navigate(
                &routes::compare(&choice.get_untracked().with(&id)),
                NavigateOptions {
                    scroll: false,
                    ..Default::default()
                },
            );
        }
    });
    let t = strings();
    move || {
        let c = choice.get();
        let results = missions.get();
        let names: Vec<String> = c.chosen.iter().map(|id| acronym_of(&index, id)).collect();
        let names = t.and_list(&names);
        let (heading, description) = if c.chosen.len() < 2 {
            (
                t.cmp_title().to_owned(),
                t.cmp_description_none().to_owned(),
            )
        } else {
            (t.cmp_heading(&names), t.cmp_description(&names))
        };
        let lede = if c.chosen.len() >= 2 {
            t.cmp_lede().to_owned()
        } else {
            let ask = match c.chosen.first() {
                Some(id) => t.cmp_ask_second(acronym_of(&index, id)),
                None => t.cmp_ask_two().to_owned(),
            };
            format!("{} {ask}", t.cmp_intro())
        };
        let ignored = c.messages(t, |id| acronym_of(&index, id));
        let ignored = (!ignored.is_empty()).then(|| {
            view! {
                <div class="notice compare-ignored">
                    {ignored.into_iter().map(|l| view! { <p>{l}</p> }).collect_view()}
                </div>
            }
        });
        view! {
            <Title text=heading.clone()/>
            <Meta name="description" content=description/>
            <h1>{heading.clone()}</h1>
            <p class="lede">{lede}</p>
            {ignored}
            {chooser(&index, &c, selected, add)}
            <div class="compare-body">{body(&c, results, retry, facts)}</div>
            <CiteThisPage
                title=heading
                page=routes::compare(&c.ids())
                missions=c.chosen.clone()
            />
        }
    }
}

/// Each chosen mission's id and what loading its file gave.
type Loaded = Vec<(String, Result<Option<Arc<Mission>>, LoadError>)>;

/// What the missions' files give (`facts` works out a mission's facts): the comparison, an alert for each file
/// that could not be loaded, or a placeholder while they load.
fn body(
    c: &Choice,
    results: Option<Loaded>,
    retry: Callback<()>,
    facts: impl Fn(Arc<Mission>) -> Option<Arc<MissionFacts>>,
) -> AnyView {
    let mut loaded: Vec<Arc<Mission>> = Vec::new();
    let mut failed = Vec::new();
    for id in &c.chosen {
        // Missions loaded earlier in the visit show at once.
        if let Some(m) = loaded_mission(id) {
            loaded.push(m);
            continue;
        }
        match results
            .as_ref()
            .and_then(|r| r.iter().find(|(x, _)| x == id))
        {
            Some((_, Ok(Some(m)))) => loaded.push(m.clone()),
            Some((_, Err(error))) => failed.push((id.clone(), error.clone())),
            // The index lists it, so this does not happen; nothing to show.
            Some((_, Ok(None))) => {}
            None => return view! { <Loading label=strings().cmp_loading_missions()/> }.into_any(),
        }
    }
    let failures = failed
        .into_iter()
        .map(|(id, error)| {
            view! { <LoadFailed error=error on_retry=retry part=strings().cmp_load_failed(id)/> }
        })
        .collect_view();
    let loaded: Vec<Arc<MissionFacts>> = loaded.into_iter().filter_map(facts).collect();
    let sections = (loaded.len() >= 2).then(|| {
        view! {
            {key_facts_table(&loaded)}
            {personnel_chart(&loaded)}
            {mandate_areas(&loaded)}
            {aligned_timelines(&loaded)}
        }
    });
    view! { {failures} {sections} }.into_any()
}

/// A mission's acronym from the index, or its id if the index lacks it.
fn acronym_of(index: &MissionIndex, id: &str) -> String {
    index
        .missions
        .iter()
        .find(|m| m.id == id)
        .map_or_else(|| id.to_owned(), |m| m.acronym.clone())
}

/// The missions chosen, each with a link removing it, and a GET form adding
/// one (without script, the browser submits it; with script, `add` navigates).
fn chooser(
    index: &MissionIndex,
    c: &Choice,
    selected: RwSignal<String>,
    add: Callback<()>,
) -> impl IntoView + use<> {
    let base = expect_context::<SiteBase>();
    let t = strings();
    let items = c
        .chosen
        .iter()
        .filter_map(|id| index.missions.iter().find(|m| &m.id == id))
        .map(|m| {
            view! {
                <li>
                    <a class="chosen-name" href=base.href(&routes::mission(&m.id))>
                        <span class="chosen-acronym">{m.acronym.clone()}</span>
                        " "
                        {localized(&m.name)}
                    </a>
                    <a
                        class="button-secondary"
                        href=base.href(&routes::compare(&c.without(&m.id)))
                        aria-label=t.cmp_remove_label(&m.acronym)
                    >
                        {t.cmp_remove()}
                    </a>
                </li>
            }
        })
        .collect_view();
    let form = if c.chosen.len() >= MAX_MISSIONS {
        view! {
            <p>{t.cmp_max_reached(MAX_MISSIONS)}</p>
        }
        .into_any()
    } else {
        let options = index
            .missions
            .iter()
            .filter(|m| !c.chosen.contains(&m.id))
            .map(|m| {
                view! { <option value=m.id.clone()>{format!("{} ({})", m.acronym, localized_plain(&m.country))}</option> }
            })
            .collect_view();
        let current = (!c.chosen.is_empty())
            .then(|| view! { <input type="hidden" name="ids" value=c.chosen.join(",")/> });
        view! {
            <NeedsScript message=t.cmp_needs_script()/>
            <form
                class="filters compare-add"
                method="get"
                action=base.href(&routes::compare(&[]))
                on:submit=move |ev| {
                    ev.prevent_default();
                    add.run(());
                }
            >
                {current}
                <label class="select">
                    <span>{t.cmp_add_label()}</span>
                    <select name="ids" required on:change=move |ev| selected.set(event_target_value(&ev))>
                        <option value="">{t.cmp_choose()}</option>
                        {options}
                    </select>
                </label>
                <button type="submit" class="button">{t.cmp_add_button()}</button>
            </form>
        }
        .into_any()
    };
    view! {
        <section class="compare-choose" aria-labelledby="choose-heading">
            <h2 id="choose-heading">{t.cmp_chosen_heading()}</h2>
            {(!c.chosen.is_empty()).then(|| view! { <ul class="chosen">{items}</ul> })}
            {form}
        </section>
    }
}

/// "Not in the data", for a fact a mission's file does not have.
fn missing() -> AnyView {
    view! { <span class="missing">{strings().cmp_missing()}</span> }.into_any()
}

/// Column headers: each mission's acronym, linked to its overview.
fn mission_headers(missions: &[Arc<MissionFacts>]) -> impl IntoView + use<> {
    let base = expect_context::<SiteBase>();
    missions
        .iter()
        .map(|m| {
            view! {
                <th scope="col">
                    <a href=base.href(&routes::mission(&m.id))>{m.acronym.clone()}</a>
                    <span class="col-country">{localized(&m.country)}</span>
                </th>
            }
        })
        .collect_view()
}

/// Status, establishment, end, headquarters, head, staff, budget, counts:
/// a row each, a column per mission.
fn key_facts_table(missions: &[Arc<MissionFacts>]) -> impl IntoView + use<> {
    let base = expect_context::<SiteBase>();
    let t = strings();
    let facts: Vec<_> = missions.iter().map(|m| key_facts(m, t)).collect();
    let body = fact_rows(t)
        .iter()
        .enumerate()
        .map(|(row, label)| {
            let cells = missions
                .iter()
                .zip(&facts)
                .map(|(m, f)| {
                    let cell = match f[row].as_slice() {
                        [] => missing(),
                        [one] => pieces(&base, m, one),
                        many => {
                            let items = many
                                .iter()
                                .map(|fact| view! { <li>{pieces(&base, m, fact)}</li> })
                                .collect_view();
                            view! { <ul class="plain">{items}</ul> }.into_any()
                        }
                    };
                    view! { <td>{cell}</td> }
                })
                .collect_view();
            view! { <tr><th scope="row">{*label}</th>{cells}</tr> }
        })
        .collect_view();
    let names: Vec<&str> = missions.iter().map(|m| m.acronym.as_str()).collect();
    view! {
        <section class="compare-section" aria-labelledby="compare-facts-heading">
            <h2 id="compare-facts-heading">{t.cmp_facts_heading()}</h2>
            <div class="table-scroll" role="region" aria-label=t.cmp_facts_region() tabindex="0">
                <table class="compare-table">
                    <caption>{t.cmp_facts_caption(t.and_list(&names))}</caption>
                    <thead>
                        <tr>
                            <th scope="col"><span class="visually-hidden">{t.cmp_fact()}</span></th>
                            {mission_headers(missions)}
                        </tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        </section>
    }
}

/// A fact's pieces; citations link to the mission's sources page.
fn pieces(base: &SiteBase, m: &Arc<MissionFacts>, fact: &[Piece]) -> AnyView {
    fact.iter()
        .map(|p| match p {
            Piece::Text(t) => t.clone().into_any(),
            Piece::Data(text) => localized(text).into_any(),
            Piece::Date(d) => date(*d).into_any(),
            Piece::Figure(t) => view! { <strong class="figure">{t.clone()}</strong> }.into_any(),
            Piece::Link(path, text) => {
                view! { <a href=base.href(path)>{text.clone()}</a> }.into_any()
            }
            Piece::Cite(refs) => cite(m, refs.clone()).into_any(),
        })
        .collect_view()
        .into_any()
}

/// A date in the reader's language, in a `<time>` element.
fn date(d: crate::data::Date) -> impl IntoView + use<> {
    view! { <time datetime=d.iso()>{strings().date(d)}</time> }
}

fn cite(m: &Arc<MissionFacts>, refs: Vec<String>) -> impl IntoView + use<> {
    view! { <Cite mission=m.clone() refs=refs to_sources_page=true/> }
}

/// Every dated staff figure on one chart, a line per mission, with the
/// figures as a table and a CSV file.
fn personnel_chart(missions: &[Arc<MissionFacts>]) -> AnyView {
    let t = strings();
    let series: Vec<Series> = missions
        .iter()
        .map(|m| Series {
            name: m.acronym.clone(),
            marks: personnel_marks(m),
        })
        .filter(|s| !s.marks.is_empty())
        .collect();
    let without: Vec<&str> = missions
        .iter()
        .filter(|m| m.personnel.iter().all(|p| p.as_of.is_none()))
        .map(|m| m.acronym.as_str())
        .collect();
    let undated: usize = missions
        .iter()
        .map(|m| m.personnel.iter().filter(|p| p.as_of.is_none()).count())
        .sum();
    let heading = view! { <h2 id="compare-personnel-heading">{t.cmp_personnel_heading()}</h2> };
    if series.is_empty() {
        return view! {
            <section class="compare-section" aria-labelledby="compare-personnel-heading">
                {heading}
                <p class="notice">{t.cmp_no_dated_staff()}</p>
            </section>
        }
        .into_any();
    }
    let mut figures = Vec::new();
    for m in missions {
        let mut list: Vec<_> = m.personnel.iter().collect();
        // Dated figures in time order, then the undated ones.
        list.sort_by_key(|p| (p.as_of.is_none(), p.as_of));
        figures.extend(list.into_iter().map(|p| (m.clone(), p)));
    }
    let rows = figures
        .iter()
        .map(|(m, p)| {
            let when = match (p.as_of, &p.date_note) {
                (Some(d), _) => date(d).into_any(),
                (None, Some(n)) => localized(n).into_any(),
                (None, None) => t.undated().into_any(),
            };
            view! {
                <tr>
                    <th scope="row">{m.acronym.clone()}</th>
                    <td>{when}</td>
                    <td class="num">{t.figure(p.total, p.approximate, p.measure)}</td>
                    <td>{cite(m, p.sources.clone())}</td>
                </tr>
            }
        })
        .collect_view();
    let table = view! {
        <DataTable
            label=t.cmp_table_label()
            caption=t.cmp_table_caption()
            columns=vec![t.cmp_col_mission(), t.col_as_of(), t.col_people(), t.col_sources()]
        >
            {rows}
        </DataTable>
    };
    let csv_rows: Vec<Vec<String>> = figures
        .iter()
        .map(|(m, p)| {
            let mut row = vec![m.acronym.clone()];
            row.extend(figure_fields(p));
            row.push(source_urls(m, &p.sources));
            row
        })
        .collect();
    let mut columns = vec!["mission"];
    columns.extend(FIGURE_COLUMNS);
    columns.push("sources");
    let text = csv(&columns, &csv_rows);
    let names: Vec<&str> = missions.iter().map(|m| m.acronym.as_str()).collect();
    let ids: Vec<&str> = missions.iter().map(|m| m.id.as_str()).collect();
    let chart = view! {
        <TimeChart series=series unit=t.col_people() format_value=|v| count(v as u32)/>
        <p class="chart-note">
            {t.cmp_chart_note_series()} " " {t.cmp_chart_note_hollow()}
            {(!without.is_empty()).then(|| format!(" {}", t.cmp_chart_note_without(t.and_list(&without))))}
            {(undated > 0).then(|| format!(" {}", t.cmp_chart_note_undated(u32::try_from(undated).unwrap_or(u32::MAX))))}
        </p>
    };
    view! {
        <section class="compare-section" aria-labelledby="compare-personnel-heading">
            {heading}
            <ChartFigure
                id="compare-personnel-chart"
                caption=t.cmp_chart_caption(t.and_list(&names))
                csv_name=format!("{}-personnel.csv", ids.join("-"))
                csv=text
                anchor_prefix="compare-personnel-"
                chart=chart.into_any()
                table=table.into_any()
            />
        </section>
    }
    .into_any()
}

/// Each mission's mandate areas, linked to their place on its mandate page.
fn mandate_areas(missions: &[Arc<MissionFacts>]) -> impl IntoView + use<> {
    let base = expect_context::<SiteBase>();
    let columns = missions
        .iter()
        .map(|m| {
            let page = base.href(&routes::section(&m.id, Section::Mandate));
            let list = if m.mandate.is_empty() {
                missing()
            } else {
                let items = m
                    .mandate
                    .iter()
                    .map(|a| {
                        let href = format!("{page}#{}", anchors::mandate_area(&a.id));
                        view! { <li><a href=href>{localized(&a.title)}</a></li> }
                    })
                    .collect_view();
                view! { <ul>{items}</ul> }.into_any()
            };
            let heading_id = format!("compare-mandate-{}", m.id);
            let labelled_by = heading_id.clone();
            view! {
                <section class="compare-column" aria-labelledby=labelled_by>
                    <h3 id=heading_id>{m.acronym.clone()}</h3>
                    {list}
                </section>
            }
        })
        .collect_view();
    view! {
        <section class="compare-section" aria-labelledby="compare-mandate-heading">
            <h2 id="compare-mandate-heading">{strings().cmp_mandate_heading()}</h2>
            <div class="compare-columns">{columns}</div>
        </section>
    }
}

/// The missions' resolutions and events in one table, a row per year.
fn aligned_timelines(missions: &[Arc<MissionFacts>]) -> impl IntoView + use<> {
    let base = expect_context::<SiteBase>();
    let t = strings();
    let refs: Vec<&MissionFacts> = missions.iter().map(|m| m.as_ref()).collect();
    let rows = aligned_years(&refs)
        .into_iter()
        .map(|row| {
            let cells = row
                .cells
                .iter()
                .zip(missions)
                .map(|(entries, m)| {
                    if entries.is_empty() {
                        return view! {
                            <td>
                                <span class="none" aria-hidden="true">"–"</span>
                                <span class="visually-hidden">{t.cmp_nothing()}</span>
                            </td>
                        }
                        .into_any();
                    }
                    let items = entries
                        .iter()
                        .map(|e| {
                            // A long timeline has a page per year.
                            let href = base.href(&m.timeline().fact_href(&m.id, Some(Section::Timeline), &e.anchor));
                            view! {
                                <li class=format!("entry-{}", e.kind.slug())>
                                    <a href=href>
                                        {date(e.date)}
                                        <span class="entry-label">{pieces(&base, m, &[entry_title(m, e, t)])}</span>
                                    </a>
                                </li>
                            }
                        })
                        .collect_view();
                    view! { <td><ul class="compare-entries">{items}</ul></td> }.into_any()
                })
                .collect_view();
            view! {
                <tr>
                    <th scope="row">{row.year.to_string()}</th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="compare-section" aria-labelledby="compare-timeline-heading">
            <h2 id="compare-timeline-heading">{t.cmp_timeline_heading()}</h2>
            <p class="hint">{t.cmp_timeline_hint()}</p>
            <div class="table-scroll" role="region" aria-label=t.cmp_timeline_heading() tabindex="0">
                <table class="compare-table compare-years">
                    <caption>{t.cmp_timeline_caption()}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t.cmp_year()}</th>
                            {mission_headers(missions)}
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}
