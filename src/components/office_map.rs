//! A map of the mission's offices: the country drawn from Natural Earth
//! outlines (projected at build time), each office a marker linking to its
//! entry in the list, labelled with its name and whether it is open.
//! The words and markers are HTML over the SVG, so they stay legible at any
//! width and each marker is a link the keyboard reaches.

use leptos::prelude::*;

use crate::components::text::{data_text, localized, localized_plain};
use crate::data::map::MapData;
use crate::data::{Date, Mission, Office, StatusState};
use crate::facts::chart::tip_placement;
use crate::facts::mission::MissionFacts;
use crate::site::i18n::Strings;
use crate::site::strings;

/// Whether an office is open, as far as the data says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OfficeState {
    Open,
    /// Closed on this date.
    Closed(Date),
    /// No closing date of its own, but the mission has closed (on this date,
    /// where the data gives it).
    ClosedWithMission(Option<Date>),
}

impl OfficeState {
    pub fn of(m: &Mission, o: &Office) -> OfficeState {
        match (o.closed, m.status.state, m.status.mandate_end) {
            (Some(d), _, _) => OfficeState::Closed(d),
            (None, StatusState::Closed, end) => OfficeState::ClosedWithMission(end),
            _ => OfficeState::Open,
        }
    }

    pub fn is_open(&self) -> bool {
        *self == OfficeState::Open
    }

    /// "Closed 30 April 2025", "Closed with the mission (31 December 2025)".
    pub fn describe(&self, t: &Strings) -> String {
        match self {
            OfficeState::Open => t.office_open().into(),
            OfficeState::Closed(d) => t.office_closed_on(t.date(*d)),
            OfficeState::ClosedWithMission(None) => t.office_closed_with_mission().into(),
            OfficeState::ClosedWithMission(Some(d)) => t.office_closed_with_mission_on(t.date(*d)),
        }
    }
}

/// Which side of its marker each label goes: `true` for before it (to the
/// left), when the label would otherwise run over a neighbour on its right
/// or past the right edge. Positions are percentages of the map's size.
pub fn labels_before(points: &[(f64, f64)]) -> Vec<bool> {
    // A label is about a quarter of the map wide and a line (4%) high.
    const LABEL_WIDTH: f64 = 28.0;
    const LINE: f64 = 7.0;
    points
        .iter()
        .map(|&(x, y)| {
            x > 70.0
                || points
                    .iter()
                    .any(|&(ox, oy)| ox > x && ox - x < LABEL_WIDTH && (oy - y).abs() < LINE)
        })
        .collect()
}

/// The map, its legend and where its shapes and positions come from.
#[component]
pub fn OfficeMap(mission: std::sync::Arc<MissionFacts>, map: MapData) -> impl IntoView {
    let t = strings();
    let placed: Vec<(&Office, f64, f64)> = mission
        .offices
        .iter()
        .filter_map(|o| {
            map.places
                .get(&o.id)
                .map(|p| (o, p.x / map.width * 100.0, p.y / map.height * 100.0))
        })
        .collect();
    let count = placed.len();
    let before = labels_before(&placed.iter().map(|&(_, x, y)| (x, y)).collect::<Vec<_>>());
    let at = |x: f64, y: f64| format!("left:{x:.2}%;top:{y:.2}%");
    // Labels sit in a layer under the markers, so that a long label never
    // covers another office's target.
    let labels = placed
        .iter()
        .zip(&before)
        .map(|(&(o, x, y), &before)| {
            let closed = !OfficeState::of(&mission, o).is_open();
            let class = if before {
                "map-label before"
            } else {
                "map-label"
            };
            view! {
                <span class=class style=at(x, y)>
                    {data_text(&localized_plain(&o.name))}
                    {closed.then_some(t.office_closed_mark())}
                </span>
            }
        })
        .collect_view();
    // Each marker is a point the keyboard reaches, not a link: offices close
    // together on a phone-sized map would make links too small to tap
    // (WCAG 2.5.8). Its details show on hover and focus; the list below the
    // map has every office with its sources.
    let markers = placed
        .iter()
        .map(|&(o, x, y)| {
            let state = OfficeState::of(&mission, o);
            let class = if state.is_open() { "marker open" } else { "marker closed" };
            view! {
                <li class=class tabindex="0" style=at(x, y) id=format!("marker-{}", o.id)>
                    <span class="marker-dot" aria-hidden="true"></span>
                    <span class=format!("tip {}", tip_placement(x, y, 30.0))>
                        <span class="tip-label">{localized(&o.name)}</span>
                        {o.role.as_ref().map(|r| view! { <span class="tip-line">{localized(r)}</span> })}
                        <span class="tip-value">{state.describe(t)}</span>
                    </span>
                </li>
            }
        })
        .collect_view();
    let dismissed = RwSignal::new(false);
    // Say which offices are missing from the map, and why.
    let names = |ids: &[String]| -> Vec<String> {
        ids.iter()
            .filter_map(|id| mission.offices.iter().find(|o| &o.id == id))
            .map(|o| localized_plain(&o.name))
            .collect()
    };
    let mut missing = Vec::new();
    let outside = names(&map.outside);
    if !outside.is_empty() {
        missing.push(t.map_outside(t.and_list(&outside)));
    }
    let unplaced = names(&map.unplaced);
    if !unplaced.is_empty() {
        missing.push(t.map_unplaced(t.and_list(&unplaced)));
    }
    let missing = (!missing.is_empty()).then(|| {
        view! { <p class="map-missing">{t.map_missing(missing.join(t.list_semicolon()))}</p> }
    });
    // The map names the country in English; the mission's own data names it
    // in the reader's language where it is one country.
    let place_name = if map.country.is_empty() {
        t.map_the_region().to_owned()
    } else if mission.country.en() == map.country {
        localized_plain(&mission.country)
    } else {
        map.country.clone()
    };
    let caption = t.map_caption(&mission.acronym, count, place_name, mission.offices.len());
    view! {
        <figure class="office-map" aria-labelledby="map-caption">
            <figcaption id="map-caption">{caption}</figcaption>
            <div class="map-frame" style=format!("aspect-ratio:{:.0}/{:.0}", map.width, map.height)>
                <svg viewBox=format!("0 0 {} {}", map.width, map.height) aria-hidden="true" focusable="false">
                    <path class="map-neighbours" d=map.neighbours.clone()/>
                    <path class="map-country" d=map.outline.clone()/>
                </svg>
                <div class="map-labels" aria-hidden="true">{labels}</div>
                <ul
                    class="map-markers"
                    class:dismissed=move || dismissed.get()
                    aria-label=t.map_markers_label()
                    on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                        if ev.key() == "Escape" {
                            dismissed.set(true);
                        }
                    }
                    on:focusin=move |_| dismissed.set(false)
                    on:pointerover=move |_| dismissed.set(false)
                >
                    {markers}
                </ul>
            </div>
            <ul class="legend map-legend" aria-label=t.map_legend()>
                <li><span class="marker-dot open" aria-hidden="true"></span>{t.office_open()}</li>
                <li><span class="marker-dot closed" aria-hidden="true"></span>{t.office_closed()}</li>
            </ul>
            {missing}
            <p class="map-credit">
                <span lang="en" dir="ltr">{map.attribution.clone()}</span>
                " "
                {t.map_credit_note()}
            </p>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::labels_before;

    #[test]
    fn labels_move_before_markers_with_a_neighbour_close_on_the_right() {
        // Mosul and Erbil on one line: Mosul's label goes to the left.
        // Basra near the right edge: to the left. Baghdad alone: to the right.
        let sides = labels_before(&[(45.0, 18.0), (53.0, 19.0), (85.0, 80.0), (55.0, 50.0)]);
        assert_eq!(sides, vec![true, false, true, false]);
    }
}
