//! The mission's timeline as one ordered list: resolutions and key events
//! together, each with the anchor the pages link to (`#res-1770`, `#ev-…`).

use crate::data::{Date, EventKind, Mission, Reading};
pub use crate::site::routes::YearPage;

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
    pub fn label(self, t: &crate::site::i18n::Strings) -> &'static str {
        match self {
            EntryKind::Resolution => t.entry_resolution(),
            EntryKind::Event => t.entry_event(),
            EntryKind::Leadership => t.entry_leadership(),
        }
    }

    /// Entries of the kind: "Resolutions".
    pub fn plural(self, t: &crate::site::i18n::Strings) -> &'static str {
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
    pub fn admits(&self, e: &Entry) -> bool {
        self.admits_kind_in(e.kind, e.date.year)
    }

    /// Whether an entry of this kind and year passes the filter.
    pub fn admits_kind_in(&self, kind: EntryKind, year: u16) -> bool {
        self.shows(kind) && self.from.is_none_or(|y| year >= y) && self.to.is_none_or(|y| year <= y)
    }
}

/// Where in the data a timeline entry comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntryRecord {
    /// The mission's resolution at this position.
    Resolution(usize),
    /// The mission's event at this position.
    Event(usize),
}

/// One dated line of the timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub anchor: String,
    pub date: Date,
    pub kind: EntryKind,
    pub record: EntryRecord,
    pub title: String,
    pub body: Option<String>,
    /// The title is the English one: the reader's language has no
    /// translation of it yet.
    pub title_in_english: bool,
    /// The same for the text.
    pub body_in_english: bool,
    pub sources: Vec<String>,
    pub other_readings: Vec<Reading>,
}

/// The anchor of a resolution on the timeline page.
pub fn resolution_anchor(number: u32) -> String {
    format!("res-{number}")
}

/// Every resolution and event, oldest first; on the same date, resolutions
/// first. In English; see [`entries_in`].
pub fn entries(m: &Mission) -> Vec<Entry> {
    entries_in(m, crate::site::i18n::Locale::DEFAULT.strings())
}

/// The entries with their titles and texts in the language of `t` (the
/// English ones where the data has no translation, as each entry says).
pub fn entries_in(m: &Mission, t: &crate::site::i18n::Strings) -> Vec<Entry> {
    let lang = t.locale().code();
    let resolutions = m.resolutions.iter().enumerate().map(|(i, r)| {
        let body = r.effect.get(lang);
        Entry {
            anchor: resolution_anchor(r.number),
            date: r.adopted,
            kind: EntryKind::Resolution,
            record: EntryRecord::Resolution(i),
            title: t.resolution_label(r.number, r.year),
            body: Some(body.text.to_owned()),
            title_in_english: false,
            body_in_english: body.is_fallback,
            sources: r.sources.clone(),
            other_readings: r.other_readings.clone(),
        }
    });
    let events = m.events.iter().enumerate().map(|(i, e)| {
        let title = e.title.get(lang);
        let body = e.description.as_ref().map(|d| d.get(lang));
        Entry {
            anchor: format!("ev-{}", e.id),
            date: e.date,
            kind: match e.kind {
                EventKind::Event => EntryKind::Event,
                EventKind::Leadership => EntryKind::Leadership,
            },
            record: EntryRecord::Event(i),
            title: title.text.to_owned(),
            body: body.map(|b| b.text.to_owned()),
            title_in_english: title.is_fallback,
            body_in_english: body.is_some_and(|b| b.is_fallback),
            sources: e.sources.clone(),
            other_readings: e.other_readings.clone(),
        }
    });
    let mut all: Vec<Entry> = resolutions.chain(events).collect();
    all.sort_by_key(|e| (e.date, e.kind != EntryKind::Resolution));
    all
}

/// The most entries the timeline shows on one page. A longer timeline gets a
/// page per year instead (`/missions/{id}/timeline/2019/`), a year longer
/// than this more than one (`…/2019/2/`), and its first page becomes a
/// table of the years: ten thousand entries on one page take seconds to lay
/// out on a phone and tens of megabytes of HTML.
pub const ONE_PAGE_LIMIT: usize = 250;

/// How a mission's timeline is laid out: on one page, or, past
/// [`ONE_PAGE_LIMIT`] entries, on pages by year. Worked out once per view
/// and asked where each entry is.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Pages {
    /// Each year with entries, oldest first, with its counts. Empty when one
    /// page holds the whole timeline.
    years: Vec<YearCounts>,
    /// The page of each entry's anchor, for links into a split timeline.
    page_of: std::collections::HashMap<String, YearPage>,
}

/// One year of a split timeline: its entries of each kind (in
/// [`EntryKind::ALL`]'s order) and how many pages they fill.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct YearCounts {
    pub year: u16,
    pub counts: [usize; 3],
    pub parts: u16,
}

impl YearCounts {
    pub fn total(&self) -> usize {
        self.counts.iter().sum()
    }
}

impl Pages {
    /// The layout of a timeline of these entries (in the timeline's order):
    /// each year's cut into pages of at most [`ONE_PAGE_LIMIT`].
    pub fn of(entries: &[Entry]) -> Pages {
        if entries.len() <= ONE_PAGE_LIMIT {
            return Pages::default();
        }
        let mut years: Vec<YearCounts> = Vec::new();
        let mut page_of = std::collections::HashMap::new();
        let mut in_year = 0;
        for e in entries {
            let year = e.date.year;
            if years.last().is_none_or(|y| y.year != year) {
                years.push(YearCounts {
                    year,
                    counts: [0; 3],
                    parts: 1,
                });
                in_year = 0;
            }
            let Some(current) = years.last_mut() else {
                continue;
            };
            current.counts[e.kind.index()] += 1;
            let part = u16::try_from(in_year / ONE_PAGE_LIMIT + 1).unwrap_or(u16::MAX);
            current.parts = part;
            page_of.insert(e.anchor.clone(), YearPage { year, part });
            in_year += 1;
        }
        Pages { years, page_of }
    }

    /// Whether the timeline has pages by year.
    pub fn is_split(&self) -> bool {
        !self.years.is_empty()
    }

    /// The years with pages of their own, oldest first (none when one page
    /// holds the whole timeline).
    pub fn years(&self) -> &[YearCounts] {
        &self.years
    }

    /// Every page of a split timeline, in order.
    pub fn pages(&self) -> impl Iterator<Item = YearPage> + '_ {
        self.years
            .iter()
            .flat_map(|y| (1..=y.parts).map(move |part| YearPage { year: y.year, part }))
    }

    /// Whether `page` is one of the timeline's pages.
    pub fn has(&self, page: YearPage) -> bool {
        self.years
            .iter()
            .any(|y| y.year == page.year && (1..=y.parts).contains(&page.part))
    }

    /// The year's counts, if it has pages.
    pub fn year(&self, year: u16) -> Option<&YearCounts> {
        self.years.iter().find(|y| y.year == year)
    }

    /// The pages before and after `page`, for "previous" and "next" links.
    pub fn neighbours(&self, page: YearPage) -> (Option<YearPage>, Option<YearPage>) {
        let all: Vec<YearPage> = self.pages().collect();
        let at = all.iter().position(|p| *p == page);
        let before = at.and_then(|i| i.checked_sub(1)).and_then(|i| all.get(i));
        let after = at.and_then(|i| all.get(i + 1));
        (before.copied(), after.copied())
    }

    /// The page that shows the entry `anchor`, on a split timeline.
    pub fn place_of(&self, anchor: &str) -> Option<YearPage> {
        self.page_of.get(anchor).copied()
    }

    /// The page (a site path without the base) that shows the timeline
    /// entry `anchor`: its own page on a split timeline.
    pub fn page_of(&self, mission_id: &str, anchor: &str) -> String {
        match self.place_of(anchor) {
            Some(page) => crate::site::routes::timeline_page(mission_id, page),
            None => {
                crate::site::routes::section(mission_id, crate::site::routes::Section::Timeline)
            }
        }
    }

    /// The page and anchor of a fact on `page` (a section, or the overview
    /// when `None`), as links to it are written: `/missions/unami/timeline/#res-1770`.
    pub fn fact_href(
        &self,
        mission_id: &str,
        page: Option<crate::site::routes::Section>,
        anchor: &str,
    ) -> String {
        use crate::site::routes::{self, Section};
        let path = match page {
            None => routes::mission(mission_id),
            Some(Section::Timeline) => self.page_of(mission_id, anchor),
            Some(section) => routes::section(mission_id, section),
        };
        if anchor.is_empty() {
            path
        } else {
            format!("{path}#{anchor}")
        }
    }
}

/// For tests elsewhere in the crate: a mission whose timeline is long.
/// The heading of one page of a split timeline: "Timeline, 2019", or
/// "Timeline, 2019, page 2 of 3" for a year of several pages.
pub fn page_title(pages: &Pages, page: YearPage) -> String {
    let t = crate::site::strings();
    match pages.year(page.year).map(|y| y.parts) {
        Some(parts) if parts > 1 => t.timeline_year_part_title(page.part, parts, page.year),
        _ => t.timeline_year_title(page.year),
    }
}

#[cfg(test)]
pub(crate) mod fixtures {
    use crate::data::Mission;
    use crate::data::files::parse;

    /// The fixture mission with its one event repeated until the timeline
    /// has `entries` entries, spread over seven years from 2001 (and all in
    /// 2001 when `one_year`).
    pub(crate) fn long_timeline(entries: usize, one_year: bool) -> Mission {
        let mut m: Mission = parse(
            "test.json",
            include_str!("../../tests/fixtures/validate/valid/data/missions/test.json"),
        )
        .unwrap();
        let event = m.events[0].clone();
        let mut n = 0;
        while m.resolutions.len() + m.events.len() < entries {
            let mut e = event.clone();
            e.id = format!("copy-{n}");
            e.date.year = if one_year {
                2001
            } else {
                2001 + (n % 7) as u16
            };
            m.events.push(e);
            n += 1;
        }
        m
    }
}

#[cfg(test)]
mod tests {
    use super::fixtures::long_timeline;
    use super::*;
    use crate::data::files::parse;

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
            include_str!("../../tests/fixtures/validate/valid/data/missions/test.json"),
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
            include_str!("../../tests/fixtures/validate/valid/data/missions/test.json"),
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

    #[test]
    fn a_timeline_up_to_the_limit_is_one_page() {
        let m = long_timeline(ONE_PAGE_LIMIT, false);
        let pages = Pages::of(&entries(&m));
        assert!(!pages.is_split());
        assert_eq!(pages.pages().count(), 0);
        assert_eq!(
            pages.page_of("test", "ev-copy-3"),
            "/missions/test/timeline/"
        );
        assert_eq!(
            pages.fact_href(
                "test",
                Some(crate::site::routes::Section::Timeline),
                "res-1"
            ),
            "/missions/test/timeline/#res-1"
        );
    }

    #[test]
    fn a_longer_timeline_has_a_page_per_year_and_knows_where_each_entry_is() {
        let m = long_timeline(ONE_PAGE_LIMIT + 1, false);
        let pages = Pages::of(&entries(&m));
        assert!(pages.is_split());
        let all = entries(&m);
        // Every year with entries has a page, in order, with its counts.
        let mut years: Vec<u16> = all.iter().map(|e| e.date.year).collect();
        years.sort();
        years.dedup();
        assert_eq!(
            pages.years().iter().map(|y| y.year).collect::<Vec<_>>(),
            years
        );
        assert!(pages.years().iter().all(|y| y.parts == 1));
        let counted: usize = pages.years().iter().map(YearCounts::total).sum();
        assert_eq!(counted, all.len());
        for y in pages.years() {
            for kind in EntryKind::ALL {
                let n = all
                    .iter()
                    .filter(|e| e.date.year == y.year && e.kind == kind)
                    .count();
                assert_eq!(y.counts[kind.index()], n, "{} {kind:?}", y.year);
            }
        }
        // Each entry links to its own year's page.
        for e in &all {
            let place = YearPage {
                year: e.date.year,
                part: 1,
            };
            assert_eq!(pages.place_of(&e.anchor), Some(place));
            assert_eq!(
                pages.page_of("test", &e.anchor),
                format!("/missions/test/timeline/{}/", e.date.year)
            );
        }
        assert_eq!(pages.place_of("ev-nothing"), None);
        let all_pages: Vec<YearPage> = pages.pages().collect();
        assert_eq!(pages.neighbours(all_pages[0]), (None, Some(all_pages[1])));
        assert_eq!(pages.neighbours(*all_pages.last().unwrap()).1, None);
        assert!(pages.has(all_pages[0]));
        assert!(!pages.has(YearPage {
            year: 1990,
            part: 1
        }));
        assert!(!pages.has(YearPage {
            year: all_pages[0].year,
            part: 2
        }));
    }

    #[test]
    fn a_year_longer_than_a_page_fills_several_in_order() {
        let m = long_timeline(ONE_PAGE_LIMIT * 2 + 10, true);
        let pages = Pages::of(&entries(&m));
        let all = entries(&m);
        let year = all[0].date.year;
        assert_eq!(pages.year(year).map(|y| y.parts), Some(3));
        // The first page holds the first entries, the last the rest.
        for (i, e) in all.iter().filter(|e| e.date.year == year).enumerate() {
            let part = (i / ONE_PAGE_LIMIT + 1) as u16;
            assert_eq!(pages.place_of(&e.anchor), Some(YearPage { year, part }));
        }
        let second = YearPage { year, part: 2 };
        assert_eq!(
            pages.page_of("test", &all[ONE_PAGE_LIMIT].anchor),
            format!("/missions/test/timeline/{year}/2/")
        );
        assert_eq!(
            pages.neighbours(second),
            (
                Some(YearPage { year, part: 1 }),
                Some(YearPage { year, part: 3 })
            )
        );
    }
}
