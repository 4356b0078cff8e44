//! Personnel and budget: head counts over time and budget figures, each as a
//! chart with a table of the same numbers and a CSV download, every figure
//! dated and sourced.

use std::sync::Arc;

use leptos::prelude::*;

use crate::components::chart::{BarChart, ChartFigure, Mark, Series, TimeChart};
use crate::components::cite::Cite;
use crate::components::data_table::DataTable;
use crate::components::text::{localized, localized_plain};
use crate::data::{BudgetFigure, BudgetKind, Measure, PersonnelFigure};
use crate::facts::chart::{csv, year_position};
use crate::facts::mission::MissionFacts;
use crate::facts::mission::anchors;
use crate::facts::tables::{measure_slug, source_urls};
use crate::site::format::count;
use crate::site::i18n::Strings;
use crate::site::strings;

/// `printed`: the figures as tables only (the print page).
pub fn view(m: &Arc<MissionFacts>, printed: bool) -> impl IntoView + use<> {
    let t = strings();
    let personnel = if m.personnel.is_empty() {
        view! { <p class="notice">{t.personnel_none()}</p> }.into_any()
    } else {
        personnel_figure(m, printed).into_any()
    };
    let budget = if m.budget.is_empty() {
        view! { <p class="notice">{t.budget_none()}</p> }.into_any()
    } else {
        budget_figure(m, printed).into_any()
    };
    view! {
        <h2>{t.fact_personnel()}</h2>
        {personnel}
        {breakdowns(m)}
        <h2>{t.budget_heading()}</h2>
        {budget}
    }
}

/// "Source [3]" or "Sources [3], [7]", for tooltips.
fn sources_line(t: &Strings, m: &MissionFacts, refs: &[String]) -> String {
    let n = m.source_numbers(refs);
    let list = n
        .iter()
        .map(|n| format!("[{n}]"))
        .collect::<Vec<_>>()
        .join(t.list_comma());
    t.tip_sources(n.len() as u32, list)
}

/// The CSV columns of a personnel figure, as [`figure_fields`] fills them.
pub const FIGURE_COLUMNS: [&str; 5] = ["as_of", "date_note", "people", "approximate", "measure"];

/// A personnel figure's CSV fields (in English, for analysis): its date or
/// dating note, its number, whether it is approximate, and what it counts.
pub fn figure_fields(p: &PersonnelFigure) -> Vec<String> {
    vec![
        p.as_of.map(|d| d.iso()).unwrap_or_default(),
        p.date_note
            .as_ref()
            .map(|n| n.en().to_owned())
            .unwrap_or_default(),
        p.total.to_string(),
        if p.approximate { "yes" } else { "no" }.to_owned(),
        measure_slug(p.measure).to_owned(),
    ]
}

fn when(t: &Strings, p: &PersonnelFigure) -> String {
    p.as_of
        .map(|d| t.date(d))
        .unwrap_or_else(|| t.undated().to_owned())
}

/// "International staff: 300; national staff: 648", in the page's language
/// (`lang` is its code; the CSV files are written in English).
fn parts_text(t: &Strings, lang: &str, p: &PersonnelFigure) -> String {
    p.parts
        .iter()
        .map(|part| format!("{}: {}", part.label.get(lang).text, count(part.count)))
        .collect::<Vec<_>>()
        .join(t.list_semicolon())
}

/// The dated personnel figures as chart marks, in time order (the compare
/// page draws these too, one line per mission).
pub fn personnel_marks(m: &MissionFacts) -> Vec<Mark> {
    marks_of(m, |_| true)
}

/// One line for each thing the figures count (people serving, ceilings,
/// posts, plans), so that a ceiling is never read as a head count.
fn personnel_series(m: &MissionFacts) -> Vec<Series> {
    let t = strings();
    let measures = [
        Measure::Headcount,
        Measure::Authorized,
        Measure::Posts,
        Measure::Planned,
    ];
    measures
        .into_iter()
        .map(|measure| {
            let name = match measure {
                Measure::Headcount => t.series_headcount(),
                Measure::Authorized => t.series_authorized(),
                Measure::Posts => t.series_posts(),
                Measure::Planned => t.series_planned(),
            };
            (name.to_owned(), marks_of(m, |p| p.measure == measure))
        })
        .filter(|(_, marks)| !marks.is_empty())
        .map(|(name, marks)| Series { name, marks })
        .collect()
}

fn marks_of(m: &MissionFacts, keep: impl Fn(&PersonnelFigure) -> bool) -> Vec<Mark> {
    let t = strings();
    let lang = t.locale().code();
    let mut dated: Vec<&PersonnelFigure> = m
        .personnel
        .iter()
        .filter(|p| p.as_of.is_some() && keep(p))
        .collect();
    dated.sort_by_key(|p| p.as_of);
    dated
        .iter()
        .filter_map(|p| {
            let d = p.as_of?;
            let mut details = Vec::new();
            if !p.parts.is_empty() {
                details.push(parts_text(t, lang, p));
            }
            if let Some(note) = &p.date_note {
                details.push(note.get(lang).text.to_owned());
            }
            details.push(sources_line(t, m, &p.sources));
            Some(Mark {
                x: year_position(d),
                value: f64::from(p.total),
                label: t.as_of(t.date(d)),
                value_text: t.people_figure(p.total, p.approximate, p.measure),
                details,
                hollow: p.approximate,
            })
        })
        .collect()
}

fn personnel_figure(m: &Arc<MissionFacts>, printed: bool) -> impl IntoView + use<> {
    let t = strings();
    let lang = t.locale().code();
    let en = crate::site::i18n::Locale::DEFAULT.strings();
    let series = personnel_series(m);
    let dated: usize = series.iter().map(|s| s.marks.len()).sum();
    let undated = m.personnel.len() - dated;
    let rows = m
        .personnel
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let when_cell = match (&p.as_of, &p.date_note) {
                (Some(d), _) => view! { <time datetime=d.iso()>{t.date(*d)}</time> }.into_any(),
                (None, Some(n)) => localized(n).into_any(),
                (None, None) => t.undated().into_any(),
            };
            view! {
                <tr id=anchors::personnel(i)>
                    <th scope="row">{when_cell}</th>
                    <td class="num">{t.figure(p.total, p.approximate, p.measure)}</td>
                    <td>{parts_text(t, lang, p)}</td>
                    <td>{p.note.as_ref().map(localized)}</td>
                    <td><Cite mission=m.clone() refs=p.sources.clone()/></td>
                </tr>
            }
        })
        .collect_view();
    let table = view! {
        <DataTable
            label=t.personnel_table_label()
            caption=t.personnel_table_caption()
            columns=vec![t.col_as_of(), t.col_people(), t.col_breakdown(), t.col_note(), t.col_sources()]
        >
            {rows}
        </DataTable>
    };
    let csv_rows: Vec<Vec<String>> = m
        .personnel
        .iter()
        .map(|p| {
            let mut row = figure_fields(p);
            row.extend([
                parts_text(en, "en", p),
                p.note
                    .as_ref()
                    .map(|n| n.en().to_owned())
                    .unwrap_or_default(),
                source_urls(m, &p.sources),
            ]);
            row
        })
        .collect();
    let mut columns = FIGURE_COLUMNS.to_vec();
    columns.extend(["breakdown", "note", "sources"]);
    let text = csv(&columns, &csv_rows);
    let chart = view! {
        <TimeChart
            series=series
            unit=t.chart_unit_people()
            format_value=|v| count(v as u32)
        />
        <p class="chart-note">
            {t.chart_hollow_points()}
            {(undated > 0).then(|| format!(" {}", t.chart_undated(undated as u32)))}
        </p>
    };
    view! {
        <ChartFigure
            id="personnel-chart"
            caption=t.personnel_chart_caption(&m.acronym)
            csv_name=format!("{}-personnel.csv", m.id)
            csv=text
            anchor_prefix="personnel-"
            chart=chart.into_any()
            table=table.into_any()
            table_only=printed
        />
    }
}

/// The figures a source breaks down (international and national staff,
/// civilian and military), each as a bar split into its parts.
fn breakdowns(m: &Arc<MissionFacts>) -> impl IntoView + use<> {
    let t = strings();
    let with_parts: Vec<&PersonnelFigure> =
        m.personnel.iter().filter(|p| !p.parts.is_empty()).collect();
    (!with_parts.is_empty()).then(|| {
        let rows = with_parts
            .into_iter()
            .map(|p| {
                let sum: u32 = p.parts.iter().map(|x| x.count).sum();
                let whole = f64::from(sum.max(p.total).max(1));
                let mut offset = 0.0;
                let segments = p
                    .parts
                    .iter()
                    .enumerate()
                    .map(|(i, part)| {
                        let width = f64::from(part.count) / whole * 100.0;
                        let x = offset;
                        offset += width;
                        view! {
                            <rect class=format!("segment segment-{}", i % 4) x=format!("{x:.2}") y="0" width=format!("{width:.2}") height="10"/>
                        }
                    })
                    .collect_view();
                let legend = p
                    .parts
                    .iter()
                    .enumerate()
                    .map(|(i, part)| {
                        view! {
                            <li><span class=format!("swatch segment-{}", i % 4) aria-hidden="true"></span>
                                {format!("{}: {}", localized_plain(&part.label), count(part.count))}</li>
                        }
                    })
                    .collect_view();
                view! {
                    <li class="breakdown">
                        <p class="breakdown-title">
                            {t.breakdown_title(t.figure(p.total, p.approximate, p.measure), when(t, p))}
                            <Cite mission=m.clone() refs=p.sources.clone()/>
                        </p>
                        <svg class="breakdown-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                            {segments}
                        </svg>
                        <ul class="legend">{legend}</ul>
                    </li>
                }
            })
            .collect_view();
        view! {
            <h3>{t.breakdown_heading()}</h3>
            <ul class="breakdowns">{rows}</ul>
        }
    })
}

fn budget_figure(m: &Arc<MissionFacts>, printed: bool) -> impl IntoView + use<> {
    let t = strings();
    let en = crate::site::i18n::Locale::DEFAULT.strings();
    // In time order; the table and CSV keep the same order as the bars.
    let mut figures: Vec<(usize, &BudgetFigure)> = m.budget.iter().enumerate().collect();
    figures.sort_by_key(|(_, b)| b.year);
    let marks: Vec<Mark> = figures
        .iter()
        .map(|(_, b)| {
            let mut details = vec![b.kind.label(t).to_owned()];
            details.extend(b.note.as_ref().map(localized_plain));
            details.push(sources_line(t, m, &b.sources));
            Mark {
                x: f64::from(b.year),
                value: b.amount_usd as f64,
                label: localized_plain(&b.period),
                value_text: t.usd_short(b.amount_usd),
                details,
                hollow: b.kind == BudgetKind::Proposed,
            }
        })
        .collect();
    let rows = figures
        .iter()
        .map(|(i, b)| {
            view! {
                <tr id=anchors::budget(*i)>
                    <th scope="row">{localized(&b.period)}</th>
                    <td class="num">{t.usd_amount(b.amount_usd)}</td>
                    <td>{b.kind.label(t)}</td>
                    <td>{b.note.as_ref().map(localized)}</td>
                    <td><Cite mission=m.clone() refs=b.sources.clone()/></td>
                </tr>
            }
        })
        .collect_view();
    let table = view! {
        <DataTable
            label=t.budget_table_label()
            caption=t.budget_table_caption()
            columns=vec![t.col_period(), t.col_amount(), t.col_stage(), t.col_note(), t.col_sources()]
        >
            {rows}
        </DataTable>
    };
    let csv_rows: Vec<Vec<String>> = figures
        .iter()
        .map(|(_, b)| {
            vec![
                b.period.en().to_owned(),
                b.year.to_string(),
                b.amount_usd.to_string(),
                b.kind.label(en).to_lowercase(),
                b.note
                    .as_ref()
                    .map(|n| n.en().to_owned())
                    .unwrap_or_default(),
                source_urls(m, &b.sources),
            ]
        })
        .collect();
    let text = csv(
        &["period", "year", "amount_usd", "stage", "note", "sources"],
        &csv_rows,
    );
    let chart = view! {
        <BarChart marks=marks/>
        <p class="chart-note">{t.budget_chart_note()}</p>
    };
    view! {
        <ChartFigure
            id="budget-chart"
            caption=t.budget_chart_caption(&m.acronym)
            csv_name=format!("{}-budget.csv", m.id)
            csv=text
            anchor_prefix="budget-"
            chart=chart.into_any()
            table=table.into_any()
            table_only=printed
        />
    }
}
