//! Hand-written charts: lines and dots or bars drawn in SVG, with every word
//! (axis labels, values, tooltips) in HTML laid over it, so text stays
//! readable at any width. Each mark can be reached with the keyboard and
//! shows its value, date and source on hover and on focus; Escape hides it.
//!
//! [`ChartFigure`] wraps a chart with a "Show as table" toggle and a CSV
//! download of the same numbers.

use leptos::prelude::*;

use crate::facts::chart::{csv_data_url, percent, tip_placement, value_ticks, year_ticks};
use crate::site::strings;

/// A figure with a chart, the same numbers as a table, and a CSV download.
#[component]
pub fn ChartFigure(
    /// The id of the figure; the caption's id derives from it.
    #[prop(into)]
    id: String,
    #[prop(into)] caption: String,
    /// The CSV file's name and text.
    #[prop(into)]
    csv_name: String,
    #[prop(into)] csv: String,
    /// Rows of the table have ids starting with this: when the address
    /// points at one (a footnote's link back, say), the table is shown.
    anchor_prefix: &'static str,
    chart: AnyView,
    table: AnyView,
    /// Only the table, with no chart, toggle or download (for print).
    #[prop(optional)]
    table_only: bool,
) -> impl IntoView {
    let as_table = RwSignal::new(table_only);
    let hash = leptos_router::hooks::use_location().hash;
    Effect::new(move || {
        if hash.get().starts_with(&format!("#{anchor_prefix}")) {
            as_table.set(true);
        }
    });
    let t = strings();
    let caption_id = format!("{id}-caption");
    let labelled_by = caption_id.clone();
    view! {
        <figure class="chart-figure" id=id aria-labelledby=labelled_by>
            <figcaption id=caption_id>{caption}</figcaption>
            {(!table_only).then(|| view! {
                <div class="chart-tools">
                    <button
                        type="button"
                        class="button-secondary"
                        aria-pressed=move || if as_table.get() { "true" } else { "false" }
                        on:click=move |_| as_table.update(|t| *t = !*t)
                    >
                        {t.chart_show_table()}
                    </button>
                    <a class="button-secondary" href=csv_data_url(&csv) download=csv_name>
                        {t.chart_download_csv()}
                    </a>
                </div>
                <div class="chart-view" hidden=move || as_table.get()>{chart}</div>
            })}
            <div class="table-view" hidden=move || !as_table.get()>{table}</div>
        </figure>
    }
}

/// One mark: where it goes and what it says.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    /// On a time axis, the position in years; on a bar chart, unused.
    pub x: f64,
    pub value: f64,
    /// The short label: the date of a point, the period of a bar.
    pub label: String,
    /// The value as text: "about 1,000 people".
    pub value_text: String,
    /// More lines for the tooltip: notes, sources.
    pub details: Vec<String>,
    /// Drawn hollow: an approximate figure or a proposal rather than a final number.
    pub hollow: bool,
}

/// One line of a [`TimeChart`]: its name, for the legend and the tooltips,
/// and its marks in time order.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub name: String,
    pub marks: Vec<Mark>,
}

/// The tooltip and accessible text of a mark (read when the mark is
/// focused); `series` names its line where a chart has several.
fn tip(mark: &Mark, class: String, series: Option<&str>) -> impl IntoView + use<> {
    let series = series.map(|name| view! { <span class="tip-series">{name.to_owned()}</span> });
    let details = mark
        .details
        .iter()
        .map(|d| view! { <span class="tip-line">{d.clone()}</span> })
        .collect_view();
    view! {
        <span class=format!("tip {class}")>
            {series}
            <span class="tip-label">{mark.label.clone()}</span>
            <span class="tip-value">{mark.value_text.clone()}</span>
            {details}
        </span>
    }
}

/// Points over time joined by a line, on a value axis starting at 0: one
/// line per series. With several, each has its own colour, marker shape and
/// line pattern (`series-0`, `series-1`… in the stylesheet), so they can be
/// told apart without colour, and a legend names them; a single series is
/// drawn as a plain chart, without a legend.
#[component]
pub fn TimeChart(
    series: Vec<Series>,
    /// What the values count, for the axis: "People".
    #[prop(into)]
    unit: String,
    /// Formats an axis value: 1000 → "1,000".
    format_value: fn(f64) -> String,
) -> impl IntoView {
    let all = || series.iter().flat_map(|s| s.marks.iter());
    let (Some(first), Some(last)) = (
        all().map(|m| m.x).reduce(f64::min),
        all().map(|m| m.x).reduce(f64::max),
    ) else {
        return None;
    };
    let (x0, x1) = (first.floor(), last.ceil().max(first.floor() + 1.0));
    let max = all().map(|m| m.value).fold(0.0, f64::max);
    let ticks = value_ticks(max, 4);
    let top = ticks.last().copied().unwrap_or(1.0);
    let x = move |v: f64| percent(v, x0, x1);
    let y = move |v: f64| 100.0 - percent(v, 0.0, top);
    let t = strings();
    let several = series.len() > 1;
    let lines = series
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let d = s
                .marks
                .iter()
                .enumerate()
                .map(|(j, m)| {
                    format!(
                        "{}{:.2},{:.2}",
                        if j == 0 { "M" } else { "L" },
                        x(m.x),
                        y(m.value)
                    )
                })
                .collect::<String>();
            view! { <path class=format!("line series-{i}") d=d/> }
        })
        .collect_view();
    let grid = ticks
        .iter()
        .map(|t| format!("M0,{:.2}H100", y(*t)))
        .collect::<String>();
    let y_labels = ticks
        .iter()
        .map(|t| view! { <span class="tick tick-y" style=format!("top:{:.2}%", y(*t))>{format_value(*t)}</span> })
        .collect_view();
    let x_labels = year_ticks(x0 as u16, x1 as u16, 8)
        .into_iter()
        .map(|yr| {
            view! { <span class="tick tick-x" style=format!("inset-inline-start:{:.2}%", x(f64::from(yr)))>{yr.to_string()}</span> }
        })
        .collect_view();
    let dismissed = RwSignal::new(false);
    let points = series
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let name = several.then_some(s.name.as_str());
            let items = s
                .marks
                .iter()
                .map(|m| {
                    let (px, py) = (x(m.x), y(m.value));
                    let class = if m.hollow { "point hollow" } else { "point" };
                    view! {
                        <li class=class tabindex="0" style=format!("inset-inline-start:{px:.2}%;top:{py:.2}%")>
                            {tip(m, tip_placement(px, py, 35.0), name)}
                        </li>
                    }
                })
                .collect_view();
            let label = match name {
                Some(name) => t.chart_series_figures(name),
                None => t.chart_figures().to_owned(),
            };
            view! { <ul class=format!("points series-{i}") aria-label=label>{items}</ul> }
        })
        .collect_view();
    let legend = several.then(|| {
        let items = series
            .iter()
            .enumerate()
            .map(|(i, s)| {
                view! {
                    <li class=format!("series-{i}")>
                        <span class="legend-key" aria-hidden="true">
                            <svg viewBox="0 0 40 12" focusable="false">
                                <path class="line" d="M0,6H40"/>
                            </svg>
                            <span class="legend-mark"></span>
                        </span>
                        {s.name.clone()}
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="legend chart-legend" aria-label=t.chart_lines()>{items}</ul> }
    });
    Some(view! {
        {legend}
        <div
            class="time-chart"
            class:dismissed=move || dismissed.get()
            on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                if ev.key() == "Escape" {
                    dismissed.set(true);
                }
            }
            on:focusin=move |_| dismissed.set(false)
            on:pointerover=move |_| dismissed.set(false)
        >
            <span class="axis-unit">{unit}</span>
            <div class="plot">
                <svg viewBox="0 0 100 100" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                    <path class="grid" d=grid/>
                    {lines}
                </svg>
                <div class="ticks" aria-hidden="true">{y_labels}{x_labels}</div>
                {points}
            </div>
        </div>
    })
}

/// Horizontal bars, one a row, each labelled with its period and value.
#[component]
pub fn BarChart(marks: Vec<Mark>) -> impl IntoView {
    let max = marks.iter().map(|m| m.value).fold(0.0, f64::max);
    let top = value_ticks(max, 4).last().copied().unwrap_or(1.0);
    let rows = marks
        .iter()
        .map(|m| {
            let width = percent(m.value, 0.0, top);
            let class = if m.hollow {
                "bar-row hollow"
            } else {
                "bar-row"
            };
            view! {
                <li class=class tabindex="0">
                    <span class="bar-label" aria-hidden="true">{m.label.clone()}</span>
                    <span class="bar-track" aria-hidden="true">
                        <svg viewBox="0 0 100 10" preserveAspectRatio="none" focusable="false">
                            <rect class="bar" x="0" y="0" width=format!("{width:.2}") height="10"/>
                        </svg>
                        <span class="bar-value">{m.value_text.clone()}</span>
                    </span>
                    {tip(m, String::new(), None)}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="bar-chart" aria-label=strings().chart_figures()>{rows}</ul> }
}
