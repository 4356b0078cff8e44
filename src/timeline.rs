//! The mission's timeline as one ordered list: resolutions and key events
//! together, each with the anchor the pages link to (`#res-1770`, `#ev-…`).

use crate::data::{Date, EventKind, Mission, Reading};

/// What a timeline entry is, for labels and filters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntryKind {
    Resolution,
    Event,
    Leadership,
}

impl EntryKind {
    pub const ALL: [EntryKind; 3] = [
        EntryKind::Resolution,
        EntryKind::Event,
        EntryKind::Leadership,
    ];

    /// The value in the address: `?kind=resolution`.
    pub fn slug(self) -> &'static str {
        match self {
            EntryKind::Resolution => "resolution",
            EntryKind::Event => "event",
            EntryKind::Leadership => "leadership",
        }
    }

    /// One entry's kind: "Resolution".
    pub fn label(self, t: &crate::i18n::Strings) -> &'static str {
        match self {
            EntryKind::Resolution => t.entry_resolution(),
            EntryKind::Event => t.entry_event(),
            EntryKind::Leadership => t.entry_leadership(),
        }
    }

    /// Entries of the kind: "Resolutions".
    pub fn plural(self, t: &crate::i18n::Strings) -> &'static str {
        match self {
            EntryKind::Resolution => t.entries_resolution(),
            EntryKind::Event => t.entries_event(),
            EntryKind::Leadership => t.entries_leadership(),
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// Which entries the timeline shows. It lives in the address
/// (`?kind=resolution&kind=event&from=2004&to=2010`) so a filtered view can be
/// shared and the back button undoes a change; no parameters means everything.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Filter {
    kinds: [bool; 3],
    pub from: Option<u16>,
    pub to: Option<u16>,
}

impl Default for Filter {
    fn default() -> Self {
        Filter {
            kinds: [true; 3],
            from: None,
            to: None,
        }
    }
}

impl Filter {
    /// Reads the address's `kind` values (absent: every kind; present but
    /// empty: none), `from` and `to`. Unknown values are ignored, and a range
    /// given backwards is turned round.
    pub fn from_query(kinds: Option<&[String]>, from: Option<&str>, to: Option<&str>) -> Filter {
        let kinds = match kinds {
            None => [true; 3],
            Some(values) => EntryKind::ALL.map(|k| values.iter().any(|v| v.trim() == k.slug())),
        };
        let year = |v: Option<&str>| v.and_then(|v| v.trim().parse::<u16>().ok());
        Filter {
            kinds,
            from: None,
            to: None,
        }
        .with_years(year(from), year(to))
    }

    /// The same filter over another year range, turned round if given backwards.
    pub fn with_years(mut self, from: Option<u16>, to: Option<u16>) -> Filter {
        (self.from, self.to) = match (from, to) {
            (Some(f), Some(t)) if f > t => (Some(t), Some(f)),
            range => range,
        };
        self
    }

    /// The query string for the address, `""` for the unfiltered timeline.
    pub fn query(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if self.kinds != [true; 3] {
            let chosen: Vec<&str> = EntryKind::ALL
                .into_iter()
                .filter(|k| self.shows(*k))
                .map(EntryKind::slug)
                .collect();
            if chosen.is_empty() {
                parts.push("kind=".into());
            }
            parts.extend(chosen.into_iter().map(|k| format!("kind={k}")));
        }
        parts.extend(self.from.map(|y| format!("from={y}")));
        parts.extend(self.to.map(|y| format!("to={y}")));
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }

    pub fn shows(&self, kind: EntryKind) -> bool {
        self.kinds[kind.index()]
    }

    pub fn with_kind(mut self, kind: EntryKind, shown: bool) -> Filter {
        self.kinds[kind.index()] = shown;
        self
    }

    pub fn is_everything(&self) -> bool {
        *self == Filter::default()
    }

    /// Whether the entry passes the filter.
    pub fn admits(&self, e: &Entry<'_>) -> bool {
        self.shows(e.kind)
            && self.from.is_none_or(|y| e.date.year >= y)
            && self.to.is_none_or(|y| e.date.year <= y)
    }
}

/// One dated line of the timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry<'a> {
    pub anchor: String,
    pub date: Date,
    pub kind: EntryKind,
    pub title: String,
    pub body: Option<&'a str>,
    /// The title is the English one: the reader's language has no
    /// translation of it yet.
    pub title_in_english: bool,
    /// The same for the text.
    pub body_in_english: bool,
    pub sources: &'a [String],
    pub other_readings: &'a [Reading],
}

/// The anchor of a resolution on the timeline page.
pub fn resolution_anchor(number: u32) -> String {
    format!("res-{number}")
}

/// Every resolution and event, oldest first; on the same date, resolutions
/// first. In English; see [`entries_in`].
pub fn entries(m: &Mission) -> Vec<Entry<'_>> {
    entries_in(m, crate::i18n::Locale::DEFAULT.strings())
}

/// The entries with their titles and texts in the language of `t` (the
/// English ones where the data has no translation, as each entry says).
pub fn entries_in<'a>(m: &'a Mission, t: &crate::i18n::Strings) -> Vec<Entry<'a>> {
    let lang = t.locale().code();
    let resolutions = m.resolutions.iter().map(|r| {
        let body = r.effect.get(lang);
        Entry {
            anchor: resolution_anchor(r.number),
            date: r.adopted,
            kind: EntryKind::Resolution,
            title: t.resolution_label(r.number, r.year),
            body: Some(body.text),
            title_in_english: false,
            body_in_english: body.is_fallback,
            sources: &r.sources,
            other_readings: &r.other_readings,
        }
    });
    let events = m.events.iter().map(|e| {
        let title = e.title.get(lang);
        let body = e.description.as_ref().map(|d| d.get(lang));
        Entry {
            anchor: format!("ev-{}", e.id),
            date: e.date,
            kind: match e.kind {
                EventKind::Event => EntryKind::Event,
                EventKind::Leadership => EntryKind::Leadership,
            },
            title: title.text.to_owned(),
            body: body.map(|b| b.text),
            title_in_english: title.is_fallback,
            body_in_english: body.is_some_and(|b| b.is_fallback),
            sources: &e.sources,
            other_readings: &e.other_readings,
        }
    });
    let mut all: Vec<Entry<'a>> = resolutions.chain(events).collect();
    all.sort_by_key(|e| (e.date, e.kind != EntryKind::Resolution));
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::load::parse;

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn no_parameters_show_everything_and_write_no_query() {
        let f = Filter::from_query(None, None, None);
        assert!(f.is_everything());
        assert_eq!(f.query(), "");
    }

    #[test]
    fn filters_round_trip_through_the_address() {
        let kinds = strings(&["event", "resolution", "nonsense"]);
        let f = Filter::from_query(Some(&kinds), Some("2004"), Some("2010"));
        assert!(f.shows(EntryKind::Resolution) && f.shows(EntryKind::Event));
        assert!(!f.shows(EntryKind::Leadership));
        assert_eq!(f.query(), "?kind=resolution&kind=event&from=2004&to=2010");
        // Reading the written query gives the same filter back.
        let again = Filter::from_query(
            Some(&strings(&["resolution", "event"])),
            Some("2004"),
            Some("2010"),
        );
        assert_eq!(again, f);
    }

    #[test]
    fn an_empty_kind_means_none_and_a_backwards_range_is_turned_round() {
        let none = Filter::from_query(Some(&strings(&[""])), None, None);
        assert!(EntryKind::ALL.iter().all(|k| !none.shows(*k)));
        assert_eq!(none.query(), "?kind=");
        let f = Filter::from_query(None, Some("2010"), Some("2004"));
        assert_eq!((f.from, f.to), (Some(2004), Some(2010)));
        let junk = Filter::from_query(None, Some("soon"), Some(""));
        assert!(junk.is_everything());
    }

    #[test]
    fn admits_entries_by_kind_and_year() {
        let m: Mission = parse(
            "unami.json",
            include_str!("../tests/fixtures/validate/valid/data/missions/test.json"),
        )
        .unwrap();
        let all = entries(&m);
        let only_resolutions = Filter::default()
            .with_kind(EntryKind::Event, false)
            .with_kind(EntryKind::Leadership, false);
        let shown: Vec<_> = all.iter().filter(|e| only_resolutions.admits(e)).collect();
        assert_eq!(shown.len(), m.resolutions.len());
        let first_year = all[0].date.year;
        let later = Filter {
            from: Some(first_year + 1),
            ..Filter::default()
        };
        assert!(
            all.iter()
                .filter(|e| later.admits(e))
                .all(|e| e.date.year > first_year)
        );
        assert!(!later.admits(&all[0]));
    }

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
