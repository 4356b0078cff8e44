//! The compare page's logic, apart from rendering so it can be tested
//! natively: which missions the address asks for, the figures each column
//! shows, and the missions' timelines aligned by year. Words come from the
//! reader's [`Strings`]; the data's own texts stay [`Text`]s, for the page to
//! show in the reader's language (or marked as English).

use crate::data::{Date, StatusState, Text};
use crate::facts::mission::MissionFacts;
use crate::facts::timeline::{Entry, EntryKind, EntryRecord, Filter};
use crate::site::i18n::Strings;
use crate::site::routes::{self, Section, is_valid_mission_id};

/// The most missions compared at once: more columns would not fit a screen.
pub const MAX_MISSIONS: usize = 4;

/// The ids in the address's `ids` values, in order, each once. Accepts
/// `?ids=a,b` and `?ids=a&ids=b` (what a form of checkboxes submits), and
/// a mix of the two; spaces around ids and empty parts are dropped.
pub fn parse_ids(values: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for part in values.iter().flat_map(|v| v.split(',')) {
        let id = part.trim();
        if !id.is_empty() && !out.iter().any(|x| x == id) {
            out.push(id.to_owned());
        }
    }
    out
}

/// What the page makes of the ids in the address.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Choice {
    /// The missions compared, at most [`MAX_MISSIONS`], in the address's order.
    pub chosen: Vec<String>,
    /// Ids that cannot name a mission (wrong characters, say).
    pub invalid: Vec<String>,
    /// Well-formed ids that no mission in the index has.
    pub unknown: Vec<String>,
    /// Missions beyond the first [`MAX_MISSIONS`], left out.
    pub left_out: Vec<String>,
}

impl Choice {
    /// Sorts the ids: `known` says whether the index lists a mission.
    pub fn new(ids: &[String], known: impl Fn(&str) -> bool) -> Choice {
        let mut c = Choice::default();
        for id in ids {
            if !is_valid_mission_id(id) {
                c.invalid.push(id.clone());
            } else if !known(id) {
                c.unknown.push(id.clone());
            } else if c.chosen.len() < MAX_MISSIONS {
                c.chosen.push(id.clone());
            } else {
                c.left_out.push(id.clone());
            }
        }
        c
    }

    /// The chosen ids as `&str`, for [`crate::site::routes::compare`].
    pub fn ids(&self) -> Vec<&str> {
        self.chosen.iter().map(String::as_str).collect()
    }

    /// The chosen ids without `id`: where a "Remove" link leads.
    pub fn without(&self, id: &str) -> Vec<&str> {
        self.ids().into_iter().filter(|x| *x != id).collect()
    }

    /// The chosen ids and `id` after them: where adding a mission leads.
    pub fn with<'a>(&'a self, id: &'a str) -> Vec<&'a str> {
        let mut ids = self.ids();
        if !ids.contains(&id) {
            ids.push(id);
        }
        ids
    }

    /// What the page says about the ids it leaves out, a sentence each;
    /// `acronym` names a mission by its id.
    pub fn messages(&self, t: &Strings, acronym: impl Fn(&str) -> String) -> Vec<String> {
        let quoted = |ids: &[String]| -> String {
            let q: Vec<String> = ids
                .iter()
                .map(|id| t.cmp_quoted(id.chars().take(40).collect::<String>()))
                .collect();
            t.and_list(&q)
        };
        let count = |ids: &[String]| u32::try_from(ids.len()).unwrap_or(u32::MAX);
        let mut out = Vec::new();
        if !self.invalid.is_empty() {
            out.push(t.cmp_ignored_invalid(count(&self.invalid), quoted(&self.invalid)));
        }
        if !self.unknown.is_empty() {
            out.push(t.cmp_ignored_unknown(count(&self.unknown), quoted(&self.unknown)));
        }
        if !self.left_out.is_empty() {
            let names: Vec<String> = self.left_out.iter().map(|id| acronym(id)).collect();
            out.push(t.cmp_left_out(MAX_MISSIONS, t.and_list(&names)));
        }
        out
    }
}

/// The query (without `?`) the address should have for these ids: the
/// comma-separated form, `""` for none.
pub fn canonical_query(ids: &[&str]) -> String {
    let path = crate::site::routes::compare(ids);
    path.split_once('?')
        .map(|(_, q)| q.to_owned())
        .unwrap_or_default()
}

/// A piece of a key fact as the compare table writes it.
#[derive(Clone, Debug, PartialEq)]
pub enum Piece {
    /// Words in the reader's language.
    Text(String),
    /// A text from the data, shown in the reader's language where it has one.
    Data(Text),
    Date(Date),
    /// A number that stands out: "about 990 people".
    Figure(String),
    /// A link to a site path (without the base).
    Link(String, String),
    /// Footnote numbers for these source ids, linked to the mission's sources page.
    Cite(Vec<String>),
}

/// One fact: its pieces in reading order.
pub type Statement = Vec<Piece>;

/// Where the pieces given to [`sentence`] go in a translated message: the
/// message is filled with these characters, then cut at them.
const SLOTS: [char; 2] = ['\u{1}', '\u{2}'];

/// A translated message made with [`SLOTS`] where `pieces` go (the first
/// slot for the first piece, and so on), as pieces in reading order.
fn sentence(message: &str, pieces: impl IntoIterator<Item = Piece>) -> Statement {
    let mut pieces: Vec<Option<Piece>> = pieces.into_iter().map(Some).collect();
    let mut out = Vec::new();
    let mut words = String::new();
    for c in message.chars() {
        match SLOTS.iter().position(|s| *s == c) {
            Some(i) => {
                if !words.is_empty() {
                    out.push(Piece::Text(std::mem::take(&mut words)));
                }
                out.extend(pieces.get_mut(i).and_then(Option::take));
            }
            None => words.push(c),
        }
    }
    if !words.is_empty() {
        out.push(Piece::Text(words));
    }
    out
}

/// The key facts the compare table has a row for, in the reader's language,
/// in the order of [`key_facts`].
pub fn fact_rows(t: &Strings) -> [&'static str; 9] {
    [
        t.cmp_row_status(),
        t.cmp_row_established(),
        t.cmp_row_mandate_end(),
        t.cmp_row_headquarters(),
        t.cmp_row_head(),
        t.cmp_row_personnel(),
        t.cmp_row_budget(),
        t.cmp_row_resolutions(),
        t.cmp_row_offices(),
    ]
}

/// A period of office as far as the sources date it, its dates as [`Piece::Date`].
fn tenure(t: &Strings, from: Option<Date>, to: Option<Date>) -> Option<Statement> {
    let [a, b] = SLOTS;
    match (from, to) {
        (Some(f), Some(e)) => Some(sentence(
            &t.tenure_range(a, b),
            [Piece::Date(f), Piece::Date(e)],
        )),
        (Some(f), None) => Some(sentence(&t.tenure_from(a), [Piece::Date(f)])),
        (None, Some(e)) => Some(sentence(&t.tenure_until(a), [Piece::Date(e)])),
        (None, None) => None,
    }
}

/// A mission's facts for each of [`fact_rows`], in that order.
pub fn key_facts(m: &MissionFacts, t: &Strings) -> [Vec<Statement>; 9] {
    use Piece::*;
    let slot = SLOTS[0];
    let sep = || Text(t.list_comma().to_owned());
    // A resolution as `message` names it, with its year when the data lists it.
    let resolution = |n: u32, message: fn(&Strings, u32, String) -> String| match m.resolution(n) {
        Some(r) => message(t, r.number, r.year.to_string()),
        None => message(t, n, String::new()).replace(" ()", ""),
    };
    let label: fn(&Strings, u32, String) -> String = |t, n, year| t.resolution_label(n, year);
    let in_sentence: fn(&Strings, u32, String) -> String =
        |t, n, year| t.resolution_in_sentence(n, year);
    let s = &m.status;
    let state = s.state.label(t);
    let mut status = match s.mandate_end {
        Some(d) if s.state == StatusState::Closed => {
            sentence(&t.cmp_status_ended(slot, state), [Date(d)])
        }
        Some(d) => sentence(&t.cmp_status_ends(slot, state), [Date(d)]),
        None => vec![Text(state.to_owned())],
    };
    status.push(Cite(s.sources.clone()));

    let e = &m.established;
    let mut established = match (e.resolution, &e.basis) {
        (Some(n), _) => sentence(
            &t.cmp_established_by(slot, resolution(n, in_sentence)),
            [Date(e.date)],
        ),
        (None, Some(basis)) => vec![Date(e.date), sep(), Data(basis.clone())],
        (None, None) => vec![Date(e.date)],
    };
    established.push(Cite(e.sources.clone()));

    let end = (s.mandate_end.is_some() || s.final_resolution.is_some()).then(|| {
        let mut f: Statement = match (s.mandate_end, s.final_resolution) {
            (Some(d), Some(n)) => {
                sentence(&t.cmp_end_and_final(slot, resolution(n, label)), [Date(d)])
            }
            (None, Some(n)) => vec![Text(t.cmp_final_only(resolution(n, label)))],
            (Some(d), None) => vec![Date(d)],
            (None, None) => Vec::new(),
        };
        f.push(Cite(s.sources.clone()));
        f
    });

    let headquarters = m
        .headquarters
        .as_ref()
        .map(|hq| vec![Data(hq.value.clone()), Cite(hq.sources.clone())]);

    let head = m
        .head()
        .and_then(|(post, h)| Some((post, h?)))
        .map(|(post, h)| {
            let mut f = vec![Data(h.name.clone())];
            if let Some(n) = &h.nationality {
                f.extend([Text(" (".into()), Data(n.clone()), Text(")".into())]);
            }
            if let Some(when) = tenure(t, h.from, h.to) {
                f.push(sep());
                f.extend(when);
            }
            f.push(Cite(
                post.sources.iter().chain(&h.sources).cloned().collect(),
            ));
            f
        });

    let personnel = m.key_personnel().next().map(|p| {
        let mut f = vec![Figure(t.people_figure(p.total, p.approximate, p.measure))];
        f.push(Text(" (".into()));
        match (p.as_of, &p.date_note) {
            (Some(d), _) => f.extend(sentence(&t.cmp_as_of(slot), [Date(d)])),
            (None, Some(note)) => f.push(Data(note.clone())),
            (None, None) => f.push(Text(t.undated().to_lowercase())),
        }
        f.push(Text(")".into()));
        f.push(Cite(p.sources.clone()));
        f
    });

    let budget = m
        .latest_budget()
        .map(|b| {
            vec![
                Figure(t.usd_amount(b.amount_usd)),
                Text(format!(" ({})", b.kind.label(t).to_lowercase())),
                sep(),
                Data(b.period.clone()),
                Cite(b.sources.clone()),
            ]
        })
        .collect();

    let counted = |n: usize, what: fn(&Strings, u32) -> String, path: String| {
        (n > 0).then(|| vec![Link(path, what(t, u32::try_from(n).unwrap_or(u32::MAX)))])
    };
    let only_resolutions = Filter::default()
        .with_kind(EntryKind::Event, false)
        .with_kind(EntryKind::Leadership, false);
    let resolutions = counted(
        m.resolutions.len(),
        |t, n| t.cmp_resolutions_count(n),
        format!(
            "{}{}",
            routes::section(&m.id, Section::Timeline),
            only_resolutions.query()
        ),
    );
    let offices = counted(
        m.offices.len(),
        |t, n| t.cmp_offices_count(n),
        routes::section(&m.id, Section::Offices),
    );

    let one = |f: Option<Statement>| f.into_iter().collect::<Vec<_>>();
    [
        vec![status],
        vec![established],
        one(end),
        one(headquarters),
        one(head),
        one(personnel),
        budget,
        one(resolutions),
        one(offices),
    ]
}

/// What an entry of `m`'s timeline is called on the compare page: a
/// resolution's label in the reader's language, or the event's title from
/// the data.
pub fn entry_title(m: &MissionFacts, e: &Entry, t: &Strings) -> Piece {
    match e.record {
        EntryRecord::Resolution(i) => {
            let r = &m.resolutions[i];
            Piece::Text(t.resolution_label(r.number, r.year))
        }
        EntryRecord::Event(i) => Piece::Data(m.events[i].title.clone()),
    }
}

/// One year of the aligned timelines: for each mission (in the order
/// given), its timeline entries of that year, oldest first.
#[derive(Clone, Debug, PartialEq)]
pub struct YearRow<'a> {
    pub year: u16,
    pub cells: Vec<Vec<&'a Entry>>,
}

/// Every year in which any of the missions has a resolution or an event,
/// oldest first, with each mission's entries of that year.
pub fn aligned_years<'a>(missions: &[&'a MissionFacts]) -> Vec<YearRow<'a>> {
    let timelines: Vec<&[Entry]> = missions.iter().map(|m| m.entries()).collect();
    let mut years: Vec<u16> = timelines
        .iter()
        .flat_map(|t| t.iter())
        .map(|e| e.date.year)
        .collect();
    years.sort_unstable();
    years.dedup();
    years
        .into_iter()
        .map(|year| YearRow {
            year,
            cells: timelines
                .iter()
                .map(|t| t.iter().filter(|e| e.date.year == year).collect())
                .collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::files::parse;
    use crate::site::i18n::Locale;

    fn english() -> &'static Strings {
        Locale::DEFAULT.strings()
    }

    fn arabic() -> &'static Strings {
        Locale::from_code("ar").unwrap().strings()
    }

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    fn mission(file: &str) -> MissionFacts {
        let path = format!("{}/data/missions/{file}.json", env!("CARGO_MANIFEST_DIR"));
        let m: crate::data::Mission = parse(file, &std::fs::read_to_string(path).unwrap()).unwrap();
        MissionFacts::new(m, english())
    }

    #[test]
    fn reads_comma_separated_and_repeated_ids() {
        assert_eq!(
            parse_ids(&strings(&["unami,unama"])),
            strings(&["unami", "unama"])
        );
        assert_eq!(
            parse_ids(&strings(&["unami", "unama"])),
            strings(&["unami", "unama"])
        );
        assert_eq!(
            parse_ids(&strings(&["unami, unama,", "unmha", "unami"])),
            strings(&["unami", "unama", "unmha"])
        );
        assert!(parse_ids(&strings(&["", ","])).is_empty());
        assert!(parse_ids(&[]).is_empty());
    }

    #[test]
    fn sorts_ids_into_chosen_invalid_unknown_and_left_out() {
        let known = |id: &str| ["a", "b", "c", "d", "e"].contains(&id);
        let c = Choice::new(
            &strings(&["a", "../x", "zz", "b", "c", "d", "e", "UNAMI"]),
            known,
        );
        assert_eq!(c.chosen, strings(&["a", "b", "c", "d"]));
        assert_eq!(c.invalid, strings(&["../x", "UNAMI"]));
        assert_eq!(c.unknown, strings(&["zz"]));
        assert_eq!(c.left_out, strings(&["e"]));
        assert_eq!(c.without("b"), vec!["a", "c", "d"]);
        let two = Choice::new(&strings(&["a", "b"]), known);
        assert_eq!(two.with("c"), vec!["a", "b", "c"]);
        assert_eq!(two.with("a"), vec!["a", "b"]);
    }

    #[test]
    fn the_canonical_query_is_comma_separated() {
        assert_eq!(canonical_query(&["unami", "unama"]), "ids=unami,unama");
        assert_eq!(canonical_query(&[]), "");
    }

    #[test]
    fn key_facts_cite_every_value_and_leave_out_what_a_mission_lacks() {
        let unami = mission("unami");
        let unama = mission("unama");
        let facts = key_facts(&unami, english());
        let rows = fact_rows(english());
        assert_eq!(facts.len(), rows.len());
        for (row, cell) in rows.iter().zip(&facts) {
            assert!(!cell.is_empty(), "UNAMI has {row}");
            for fact in cell {
                let links = fact.iter().any(|p| matches!(p, Piece::Link(..)));
                let cites = fact
                    .iter()
                    .any(|p| matches!(p, Piece::Cite(r) if !r.is_empty()));
                assert!(links || cites, "{row} is cited or links to where it is");
            }
        }
        // Status: the state, then when the mandate ended.
        let ended = unami.status.mandate_end.unwrap();
        assert_eq!(
            facts[0][0][..2],
            [
                Piece::Text("Closed: mandate ended ".into()),
                Piece::Date(ended)
            ]
        );
        // Established: the date, then the resolution.
        assert_eq!(facts[1][0][0], Piece::Date(unami.established.date));
        assert_eq!(
            facts[1][0][1],
            Piece::Text(", by resolution 1500 (2003)".into())
        );
        // The latest year's budget figures, all of them.
        assert_eq!(facts[6].len(), unami.latest_budget().count());
        assert_eq!(
            facts[7][0][0],
            Piece::Link(
                "/missions/unami/timeline/?kind=resolution".into(),
                format!("{} resolutions", unami.resolutions.len())
            )
        );
        // An active mission has no mandate end: the page says "Not in the data".
        let unama_facts = key_facts(&unama, english());
        assert!(unama.status.mandate_end.is_none() && unama.status.final_resolution.is_none());
        assert!(unama_facts[2].is_empty());
        assert_eq!(unama_facts[0][0][0], Piece::Text("Active".into()));
    }

    #[test]
    fn key_facts_read_in_arabic_with_the_data_left_as_texts() {
        let unami = mission("unami");
        let facts = key_facts(&unami, arabic());
        assert_eq!(fact_rows(arabic())[0], "الحالة");
        assert_eq!(
            facts[0][0][..2],
            [
                Piece::Text("مغلقة: انتهت الولاية في ".into()),
                Piece::Date(unami.status.mandate_end.unwrap())
            ]
        );
        // Established: the date, then "by resolution 1500 (2003)" in Arabic.
        assert_eq!(facts[1][0][0], Piece::Date(unami.established.date));
        assert_eq!(
            facts[1][0][1],
            Piece::Text("، بموجب القرار 1500 (2003)".into())
        );
        // The headquarters is the data's text, for the page to localise.
        assert_eq!(
            facts[3][0][0],
            Piece::Data(unami.headquarters.as_ref().unwrap().value.clone())
        );
        let n = unami.resolutions.len();
        assert!(
            matches!(&facts[7][0][0], Piece::Link(_, text) if text == &arabic().cmp_resolutions_count(n as u32))
        );
        // Counts take Arabic's plural forms.
        assert_eq!(arabic().cmp_resolutions_count(2), "قراران");
        assert_eq!(arabic().cmp_resolutions_count(7), "7 قرارات");
        assert_eq!(arabic().cmp_offices_count(12), "12 مكتبًا");
        assert_eq!(
            arabic().people(990, arabic().head_count(990, true)),
            "نحو 990 شخصًا"
        );
    }

    #[test]
    fn sentences_put_pieces_where_the_language_puts_them() {
        let d = Date::parse("2024-05-31").unwrap();
        let [a, b] = SLOTS;
        assert_eq!(
            sentence(&english().cmp_as_of(a), [Piece::Date(d)]),
            vec![Piece::Text("as of ".into()), Piece::Date(d)]
        );
        let e = Date::parse("2025").unwrap();
        assert_eq!(
            sentence(
                &arabic().tenure_range(a, b),
                [Piece::Date(d), Piece::Date(e)]
            ),
            vec![
                Piece::Text("من ".into()),
                Piece::Date(d),
                Piece::Text(" إلى ".into()),
                Piece::Date(e)
            ]
        );
        assert_eq!(english().and_list(&["A", "B", "C"]), "A, B and C");
        assert_eq!(arabic().and_list(&["A", "B", "C"]), "A، B وC");
        assert_eq!(arabic().and_list(&["A"]), "A");
        assert_eq!(english().and_list(&[] as &[&str]), "");
    }

    #[test]
    fn names_what_it_ignores() {
        let known = |id: &str| ["a", "b", "c", "d", "e", "f"].contains(&id);
        let c = Choice::new(
            &strings(&["a", "b", "c", "d", "e", "f", "x", "A!", "B"]),
            known,
        );
        let lines = c.messages(english(), |id| id.to_uppercase());
        assert_eq!(
            lines,
            vec![
                "Ignored “A!” and “B”: they are not mission ids (ids are lower-case letters, digits and hyphens).",
                "Ignored “x”: no mission in our data has this id.",
                "At most 4 missions can be compared at once: showing the first 4, without E and F.",
            ]
        );
        assert!(
            Choice::new(&strings(&["a", "b"]), known)
                .messages(english(), |id| id.to_owned())
                .is_empty()
        );
        assert_eq!(
            c.messages(arabic(), |id| id.to_uppercase())[1],
            "تم تجاهل «x»: لا توجد في بياناتنا بعثة بهذا المعرّف."
        );
    }

    #[test]
    fn aligns_timelines_on_the_union_of_years() {
        let unami = mission("unami");
        let unama = mission("unama");
        let rows = aligned_years(&[&unami, &unama]);
        let years: Vec<u16> = rows.iter().map(|r| r.year).collect();
        let mut expected: Vec<u16> = unami
            .entries()
            .iter()
            .chain(unama.entries())
            .map(|e| e.date.year)
            .collect();
        expected.sort_unstable();
        expected.dedup();
        assert_eq!(years, expected, "every year of either, once, in order");
        // Every entry lands once, in its mission's column and its year's row.
        for (i, m) in [&unami, &unama].into_iter().enumerate() {
            let placed: usize = rows.iter().map(|r| r.cells[i].len()).sum();
            assert_eq!(placed, m.resolutions.len() + m.events.len());
            assert!(
                rows.iter()
                    .all(|r| r.cells[i].iter().all(|e| e.date.year == r.year))
            );
        }
        // 2007 holds UNAMI's resolution 1770, with its timeline anchor.
        let y2007 = rows.iter().find(|r| r.year == 2007).unwrap();
        assert!(y2007.cells[0].iter().any(|e| e.anchor == "res-1770"));
        assert!(aligned_years(&[]).is_empty());
    }
}
