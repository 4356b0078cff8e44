//! The compare page's logic, apart from rendering so it can be tested
//! natively: which missions the address asks for, the figures each column
//! shows, and the missions' timelines aligned by year.

use crate::data::{BudgetFigure, Date, Mission, PersonnelFigure, Post, StatusState, Tenure};
use crate::format::{and_list, budget_stage, count, head_count, resolution_label, tenure, usd};
use crate::routes::{self, Section, is_valid_mission_id};
use crate::timeline::{Entry, EntryKind, Filter, entries};

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

    /// The chosen ids as `&str`, for [`crate::routes::compare`].
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
    pub fn messages(&self, acronym: impl Fn(&str) -> String) -> Vec<String> {
        let quoted = |ids: &[String]| -> String {
            let q: Vec<String> = ids
                .iter()
                .map(|id| format!("“{}”", id.chars().take(40).collect::<String>()))
                .collect();
            and_list(&q.iter().map(String::as_str).collect::<Vec<_>>())
        };
        let mut out = Vec::new();
        if !self.invalid.is_empty() {
            out.push(format!(
                "Ignored {}: {} (ids are lower-case letters, digits and hyphens).",
                quoted(&self.invalid),
                if self.invalid.len() == 1 {
                    "it is not a mission id"
                } else {
                    "they are not mission ids"
                },
            ));
        }
        if !self.unknown.is_empty() {
            out.push(format!(
                "Ignored {}: no mission in our data has {}.",
                quoted(&self.unknown),
                if self.unknown.len() == 1 {
                    "this id"
                } else {
                    "these ids"
                },
            ));
        }
        if !self.left_out.is_empty() {
            let names: Vec<String> = self.left_out.iter().map(|id| acronym(id)).collect();
            out.push(format!(
                "At most {MAX_MISSIONS} missions can be compared at once: showing the first {MAX_MISSIONS}, without {}.",
                and_list(&names.iter().map(String::as_str).collect::<Vec<_>>())
            ));
        }
        out
    }
}

/// The query (without `?`) the address should have for these ids: the
/// comma-separated form, `""` for none.
pub fn canonical_query(ids: &[&str]) -> String {
    let path = crate::routes::compare(ids);
    path.split_once('?')
        .map(|(_, q)| q.to_owned())
        .unwrap_or_default()
}

/// The head of mission as the overview shows it: the post no other reports
/// to, and the last person listed for it (current, or last before closure).
pub fn head_of_mission(m: &Mission) -> Option<(&Post, &Tenure)> {
    let post = m.head_post()?;
    Some((post, post.latest_holder()?))
}

/// The personnel figure a column shows: the latest dated one, else the
/// first undated one (which cannot be placed in time).
pub fn latest_personnel(m: &Mission) -> Option<&PersonnelFigure> {
    m.latest_personnel()
        .or_else(|| m.personnel.iter().find(|p| p.as_of.is_none()))
}

/// The budget figures of the latest year the data has, in the file's order:
/// a year can have several (a proposal and a revision, say), and picking
/// one would say more than the sources do.
pub fn latest_budget(m: &Mission) -> Vec<&BudgetFigure> {
    let Some(year) = m.budget.iter().map(|b| b.year).max() else {
        return Vec::new();
    };
    m.budget.iter().filter(|b| b.year == year).collect()
}

/// A piece of a key fact as the compare table writes it.
#[derive(Clone, Debug, PartialEq)]
pub enum Piece {
    Text(String),
    Date(Date),
    /// A number that stands out: "about 990 people".
    Figure(String),
    /// A link to a site path (without the base).
    Link(String, String),
    /// Footnote numbers for these source ids, linked to the mission's sources page.
    Cite(Vec<String>),
}

/// One fact: its pieces in reading order.
pub type Fact = Vec<Piece>;

/// The key facts the compare table has a row for, with what each mission
/// shows in it: no fact ("Not in the data"), one, or a list.
pub const FACT_ROWS: [&str; 9] = [
    "Status",
    "Established",
    "Mandate end",
    "Headquarters",
    "Head of mission (latest listed)",
    "Personnel (latest figure)",
    "Budget (latest year)",
    "Resolutions in our data",
    "Offices in our data",
];

/// A mission's facts for each of [`FACT_ROWS`], in that order.
pub fn key_facts(m: &Mission) -> [Vec<Fact>; 9] {
    use Piece::*;
    let text = |s: &str| Text(s.to_owned());
    let resolution = |n: u32| {
        m.resolution(n)
            .map(|r| resolution_label(r.number, r.year))
            .unwrap_or_else(|| format!("Resolution {n}"))
    };
    let s = &m.status;
    let mut status = vec![text(s.state.label_en())];
    if let Some(d) = s.mandate_end {
        status.push(text(if s.state == StatusState::Closed {
            ": mandate ended "
        } else {
            ": mandate ends "
        }));
        status.push(Date(d));
    }
    status.push(Cite(s.sources.clone()));

    let e = &m.established;
    let mut established = vec![Date(e.date)];
    match (e.resolution, &e.basis) {
        (Some(n), _) => established.push(Text(format!(", by {}", resolution(n).to_lowercase()))),
        (None, Some(basis)) => established.push(Text(format!(", {}", basis.en()))),
        (None, None) => {}
    }
    established.push(Cite(e.sources.clone()));

    let end = (s.mandate_end.is_some() || s.final_resolution.is_some()).then(|| {
        let mut f: Fact = s.mandate_end.map(Date).into_iter().collect();
        if let Some(n) = s.final_resolution {
            let sep = if s.mandate_end.is_some() { "; " } else { "" };
            f.push(Text(format!("{sep}final resolution: {}", resolution(n))));
        }
        f.push(Cite(s.sources.clone()));
        f
    });

    let headquarters = m
        .headquarters
        .as_ref()
        .map(|hq| vec![Text(hq.value.en().to_owned()), Cite(hq.sources.clone())]);

    let head = head_of_mission(m).map(|(post, h)| {
        let mut f = vec![text(h.name.en())];
        f.extend(
            h.nationality
                .as_ref()
                .map(|n| Text(format!(" ({})", n.en()))),
        );
        f.extend(tenure(h.from, h.to).map(|t| Text(format!(", {t}"))));
        f.push(Cite(
            post.sources.iter().chain(&h.sources).cloned().collect(),
        ));
        f
    });

    let personnel = latest_personnel(m).map(|p| {
        let mut f = vec![Figure(format!(
            "{} people",
            head_count(p.total, p.approximate)
        ))];
        match (p.as_of, &p.date_note) {
            (Some(d), _) => f.extend([text(" (as of "), Date(d), text(")")]),
            (None, Some(note)) => f.push(Text(format!(" ({})", note.en()))),
            (None, None) => f.push(text(" (undated)")),
        }
        f.push(Cite(p.sources.clone()));
        f
    });

    let budget = latest_budget(m)
        .into_iter()
        .map(|b| {
            vec![
                Figure(usd(b.amount_usd)),
                Text(format!(
                    " ({}), {}",
                    budget_stage(b.kind).to_lowercase(),
                    b.period.en()
                )),
                Cite(b.sources.clone()),
            ]
        })
        .collect();

    let counted = |n: usize, what: &str, path: String| {
        (n > 0).then(|| {
            let plural = if n == 1 { "" } else { "s" };
            vec![Link(path, format!("{} {what}{plural}", count(n as u32)))]
        })
    };
    let only_resolutions = Filter::default()
        .with_kind(EntryKind::Event, false)
        .with_kind(EntryKind::Leadership, false);
    let resolutions = counted(
        m.resolutions.len(),
        "resolution",
        format!(
            "{}{}",
            routes::section(&m.id, Section::Timeline),
            only_resolutions.query()
        ),
    );
    let offices = counted(
        m.offices.len(),
        "office",
        routes::section(&m.id, Section::Offices),
    );

    let one = |f: Option<Fact>| f.into_iter().collect::<Vec<_>>();
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

/// One year of the aligned timelines: for each mission (in the order
/// given), its timeline entries of that year, oldest first.
#[derive(Clone, Debug, PartialEq)]
pub struct YearRow<'a> {
    pub year: u16,
    pub cells: Vec<Vec<Entry<'a>>>,
}

/// Every year in which any of the missions has a resolution or an event,
/// oldest first, with each mission's entries of that year.
pub fn aligned_years<'a>(missions: &[&'a Mission]) -> Vec<YearRow<'a>> {
    let timelines: Vec<Vec<Entry<'a>>> = missions.iter().map(|m| entries(m)).collect();
    let mut years: Vec<u16> = timelines.iter().flatten().map(|e| e.date.year).collect();
    years.sort_unstable();
    years.dedup();
    years
        .into_iter()
        .map(|year| YearRow {
            year,
            cells: timelines
                .iter()
                .map(|t| t.iter().filter(|e| e.date.year == year).cloned().collect())
                .collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::load::parse;

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    fn mission(file: &str) -> Mission {
        let path = format!("{}/data/missions/{file}.json", env!("CARGO_MANIFEST_DIR"));
        parse(file, &std::fs::read_to_string(path).unwrap()).unwrap()
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
    fn picks_the_latest_figures_and_the_last_head() {
        let unami = mission("unami");
        let p = latest_personnel(&unami).unwrap();
        assert_eq!(
            p.as_of,
            unami.personnel.iter().filter_map(|p| p.as_of).max()
        );
        let budget = latest_budget(&unami);
        let top = unami.budget.iter().map(|b| b.year).max().unwrap();
        assert!(!budget.is_empty());
        assert!(budget.iter().all(|b| b.year == top));
        assert_eq!(
            budget.len(),
            unami.budget.iter().filter(|b| b.year == top).count()
        );
        let (post, holder) = head_of_mission(&unami).unwrap();
        assert!(post.reports_to.is_none());
        assert_eq!(Some(holder), post.holders.last());

        // A mission with only an undated figure still shows it; none, nothing.
        let mut undated = unami.clone();
        undated.personnel.retain(|p| p.as_of.is_none());
        assert!(latest_personnel(&undated).is_some_and(|p| p.as_of.is_none()));
        undated.personnel.clear();
        undated.budget.clear();
        undated.leadership.clear();
        assert!(latest_personnel(&undated).is_none());
        assert!(latest_budget(&undated).is_empty());
        assert!(head_of_mission(&undated).is_none());
    }

    #[test]
    fn key_facts_cite_every_value_and_leave_out_what_a_mission_lacks() {
        let unami = mission("unami");
        let unama = mission("unama");
        let facts = key_facts(&unami);
        assert_eq!(facts.len(), FACT_ROWS.len());
        for (row, cell) in FACT_ROWS.iter().zip(&facts) {
            assert!(!cell.is_empty(), "UNAMI has {row}");
            for fact in cell {
                let links = fact.iter().any(|p| matches!(p, Piece::Link(..)));
                let cites = fact
                    .iter()
                    .any(|p| matches!(p, Piece::Cite(r) if !r.is_empty()));
                assert!(links || cites, "{row} is cited or links to where it is");
            }
        }
        // Established: the date, then the resolution.
        assert_eq!(facts[1][0][0], Piece::Date(unami.established.date));
        assert_eq!(
            facts[1][0][1],
            Piece::Text(", by resolution 1500 (2003)".into())
        );
        // The latest year's budget figures, all of them.
        assert_eq!(facts[6].len(), latest_budget(&unami).len());
        assert_eq!(
            facts[7][0][0],
            Piece::Link(
                "/missions/unami/timeline?kind=resolution".into(),
                format!("{} resolutions", unami.resolutions.len())
            )
        );
        // An active mission has no mandate end: the page says "Not in the data".
        let unama_facts = key_facts(&unama);
        assert!(unama.status.mandate_end.is_none() && unama.status.final_resolution.is_none());
        assert!(unama_facts[2].is_empty());
        assert_eq!(unama_facts[0][0][0], Piece::Text("Active".into()));
    }

    #[test]
    fn names_what_it_ignores() {
        let known = |id: &str| ["a", "b", "c", "d", "e", "f"].contains(&id);
        let c = Choice::new(
            &strings(&["a", "b", "c", "d", "e", "f", "x", "A!", "B"]),
            known,
        );
        let lines = c.messages(|id| id.to_uppercase());
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
                .messages(|id| id.to_owned())
                .is_empty()
        );
    }

    #[test]
    fn aligns_timelines_on_the_union_of_years() {
        let unami = mission("unami");
        let unama = mission("unama");
        let rows = aligned_years(&[&unami, &unama]);
        let years: Vec<u16> = rows.iter().map(|r| r.year).collect();
        let mut expected: Vec<u16> = entries(&unami)
            .iter()
            .chain(entries(&unama).iter())
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
