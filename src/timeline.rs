//! The mission's timeline as one ordered list: resolutions and key events
//! together, each with the anchor the pages link to (`#res-1770`, `#ev-…`).

use crate::data::{Date, EventKind, Mission, Reading};
use crate::format::resolution_label;

/// What a timeline entry is, for labels and (later) filters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntryKind {
    Resolution,
    Event,
    Leadership,
}

/// One dated line of the timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry<'a> {
    pub anchor: String,
    pub date: Date,
    pub kind: EntryKind,
    pub title: String,
    pub body: Option<&'a str>,
    pub sources: &'a [String],
    pub other_readings: &'a [Reading],
}

/// The anchor of a resolution on the timeline page.
pub fn resolution_anchor(number: u32) -> String {
    format!("res-{number}")
}

/// Every resolution and event, oldest first; on the same date, resolutions first.
pub fn entries(m: &Mission) -> Vec<Entry<'_>> {
    let resolutions = m.resolutions.iter().map(|r| Entry {
        anchor: resolution_anchor(r.number),
        date: r.adopted,
        kind: EntryKind::Resolution,
        title: resolution_label(r.number, r.year),
        body: Some(r.effect.en()),
        sources: &r.sources,
        other_readings: &r.other_readings,
    });
    let events = m.events.iter().map(|e| Entry {
        anchor: format!("ev-{}", e.id),
        date: e.date,
        kind: match e.kind {
            EventKind::Event => EntryKind::Event,
            EventKind::Leadership => EntryKind::Leadership,
        },
        title: e.title.en().to_owned(),
        body: e.description.as_ref().map(|d| d.en()),
        sources: &e.sources,
        other_readings: &e.other_readings,
    });
    let mut all: Vec<Entry<'_>> = resolutions.chain(events).collect();
    all.sort_by_key(|e| (e.date, e.kind != EntryKind::Resolution));
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::load::parse;

    #[test]
    fn merges_resolutions_and_events_in_date_order() {
        let m: Mission = parse(
            "unami.json",
            include_str!("../tests/fixtures/validate/valid/data/missions/test.json"),
        )
        .unwrap();
        let all = entries(&m);
        assert_eq!(all.len(), m.resolutions.len() + m.events.len());
        let dates: Vec<Date> = all.iter().map(|e| e.date).collect();
        let mut sorted = dates.clone();
        sorted.sort();
        assert_eq!(dates, sorted);
        // The fixture's event shares its date with resolution 1, which comes first.
        assert_eq!(all[0].anchor, "res-1");
        assert_eq!(all[1].anchor, "ev-start");
        assert_eq!(all[1].other_readings.len(), 1);
    }
}
