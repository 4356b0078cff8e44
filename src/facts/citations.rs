//! Where each source is cited: every sourced fact on a mission's pages, with
//! the page it is on, the anchor of the element that shows it and a label.
//!
//! Each page lists the sources it cites under the facts, footnote style, with
//! links back up to the facts; the sources page lists every source with links
//! to every fact that cites it. Both read this one index, and the pages give
//! the elements these anchors, so the links always land on the fact.

use crate::data::{Mission, Reading, RelationKind, StatusState};
use crate::facts::timeline::entries_in;
use crate::site::i18n::Strings;
use crate::site::routes::Section;

/// A mission page: the overview (`None`) or one section.
pub type Page = Option<Section>;

/// One sourced fact on one page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Citation {
    pub page: Page,
    /// The id of the element showing the fact.
    pub anchor: String,
    /// What the fact is, in a few words ("Resolution 1500 (2003)").
    pub label: String,
    /// The ids of the sources it cites.
    pub sources: Vec<String>,
}

/// Anchors of facts that every mission page or several pages show.
pub mod anchors {
    pub const CLOSURE: &str = "closure";
    pub const SUMMARY: &str = "summary";
    pub const STATUS: &str = "fact-status";
    pub const ESTABLISHED: &str = "fact-established";
    pub const HEADQUARTERS: &str = "fact-headquarters";
    pub const LEADERS: &str = "fact-head";
    pub const DEPUTIES: &str = "fact-deputies";
    pub const PERSONNEL: &str = "fact-personnel";
    pub const DEPARTMENTS: &str = "fact-departments";
    /// The missions before this one, and those after (one `<dt>` group each).
    pub const PREDECESSORS: &str = "fact-predecessors";
    pub const SUCCESSORS: &str = "fact-successors";
    pub const DRAWDOWN: &str = "closure-drawdown";
    pub const LIQUIDATION: &str = "closure-liquidation";

    pub fn milestone(number: u32) -> String {
        format!("milestone-{number}")
    }
    pub fn mandate_area(id: &str) -> String {
        format!("mandate-{id}")
    }
    pub fn post(id: &str) -> String {
        format!("post-{id}")
    }
    pub fn holder(post_id: &str, index: usize) -> String {
        format!("post-{post_id}-holder-{index}")
    }
    pub fn personnel(index: usize) -> String {
        format!("personnel-{index}")
    }
    pub fn budget(index: usize) -> String {
        format!("budget-{index}")
    }
    pub fn office(id: &str) -> String {
        format!("office-{id}")
    }
}

/// Every sourced fact on every page of the mission, page by page in the
/// order of the section navigation, and in page order within a page.
pub fn citations(m: &Mission, t: &Strings) -> Vec<Citation> {
    let lang = t.locale().code();
    let mut out = Vec::new();
    let mut add = |page: Page, anchor: String, label: String, sources: Vec<String>| {
        if !sources.is_empty() {
            out.push(Citation {
                page,
                anchor,
                label,
                sources,
            });
        }
    };
    // The closure notice heads every page of a closing or closed mission.
    let pages = std::iter::once(None).chain(Section::ALL.into_iter().map(Some));
    if m.status.state != StatusState::Active {
        for page in pages {
            add(
                page,
                anchors::CLOSURE.into(),
                t.cit_closure().into(),
                m.status.sources.clone(),
            );
        }
    }

    // Overview: the closure notice's stages, then the summary.
    let phases = [
        (anchors::DRAWDOWN, t.cit_drawdown(), &m.status.drawdown),
        (
            anchors::LIQUIDATION,
            t.cit_liquidation(),
            &m.status.liquidation,
        ),
    ];
    for (anchor, label, phase) in phases {
        if let Some(phase) = phase {
            add(None, anchor.into(), label.into(), phase.sources.clone());
        }
    }
    add(
        None,
        anchors::SUMMARY.into(),
        t.overview_summary().into(),
        m.summary.sources.clone(),
    );
    for r in m.resolutions.iter().filter(|r| r.milestone) {
        add(
            None,
            anchors::milestone(r.number),
            t.resolution_label(r.number, r.year),
            r.sources.clone(),
        );
    }
    add(
        None,
        anchors::STATUS.into(),
        t.cit_status().into(),
        m.status.sources.clone(),
    );
    add(
        None,
        anchors::ESTABLISHED.into(),
        t.cit_established().into(),
        m.established.sources.clone(),
    );
    if let Some(hq) = &m.headquarters {
        add(
            None,
            anchors::HEADQUARTERS.into(),
            t.cit_headquarters().into(),
            hq.sources.clone(),
        );
    }
    if let Some(head) = m.head_post() {
        let post_sources = |post: &crate::data::Post| -> Vec<String> {
            let holder = post
                .latest_holder()
                .into_iter()
                .flat_map(|h| h.sources.iter());
            post.sources.iter().chain(holder).cloned().collect()
        };
        add(
            None,
            anchors::LEADERS.into(),
            t.cit_head().into(),
            post_sources(head),
        );
        add(
            None,
            anchors::DEPUTIES.into(),
            t.cit_deputies().into(),
            m.deputies_of(&head.id).flat_map(post_sources).collect(),
        );
    }
    let key_personnel = m
        .latest_personnel()
        .into_iter()
        .chain(m.personnel.iter().filter(|p| p.as_of.is_none()));
    add(
        None,
        anchors::PERSONNEL.into(),
        t.cit_personnel().into(),
        key_personnel
            .flat_map(|p| p.sources.iter().cloned())
            .collect(),
    );
    add(
        None,
        anchors::DEPARTMENTS.into(),
        t.cit_departments().into(),
        m.departments
            .iter()
            .flat_map(|d| d.sources.iter().cloned())
            .collect(),
    );

    for (kind, anchor) in [
        (RelationKind::Predecessor, anchors::PREDECESSORS),
        (RelationKind::Successor, anchors::SUCCESSORS),
    ] {
        add(
            None,
            anchor.into(),
            t.cit_related().into(),
            m.related
                .iter()
                .filter(|r| r.relation == kind)
                .flat_map(|r| r.sources.iter().cloned())
                .collect(),
        );
    }

    // Mandate.
    let mandate = Some(Section::Mandate);
    add(
        mandate,
        anchors::SUMMARY.into(),
        t.overview_summary().into(),
        m.summary.sources.clone(),
    );
    for area in &m.mandate {
        add(
            mandate,
            anchors::mandate_area(&area.id),
            area.title.get(lang).text.to_owned(),
            area.sources.clone(),
        );
    }

    // Timeline.
    for e in entries_in(m, t) {
        add(
            Some(Section::Timeline),
            e.anchor.clone(),
            e.title.clone(),
            with_readings(e.sources, e.other_readings),
        );
    }

    // Leadership.
    let leadership = Some(Section::Leadership);
    for post in &m.leadership {
        add(
            leadership,
            anchors::post(&post.id),
            post.title.get(lang).text.to_owned(),
            post.sources.clone(),
        );
        for (i, h) in post.holders.iter().enumerate() {
            add(
                leadership,
                anchors::holder(&post.id, i),
                h.name.get(lang).text.to_owned(),
                with_readings(&h.sources, &h.other_readings),
            );
        }
    }

    // Personnel and budget.
    let personnel = Some(Section::Personnel);
    for (i, p) in m.personnel.iter().enumerate() {
        let label = match p.as_of {
            Some(d) => t.cit_personnel_as_of(t.date(d)),
            None => t.cit_personnel_undated().to_owned(),
        };
        add(personnel, anchors::personnel(i), label, p.sources.clone());
    }
    for (i, b) in m.budget.iter().enumerate() {
        add(
            personnel,
            anchors::budget(i),
            t.cit_budget(b.period.get(lang).text),
            b.sources.clone(),
        );
    }

    // Offices.
    for o in &m.offices {
        add(
            Some(Section::Offices),
            anchors::office(&o.id),
            o.name.get(lang).text.to_owned(),
            o.sources.clone(),
        );
    }
    out
}

fn with_readings(sources: &[String], readings: &[Reading]) -> Vec<String> {
    sources
        .iter()
        .chain(readings.iter().flat_map(|r| r.sources.iter()))
        .cloned()
        .collect()
}

/// The anchor id of a source in a page's source list.
pub fn source_anchor(number: usize) -> String {
    format!("source-{number}")
}

/// One source in a page's footnotes: its number in the mission's list, and
/// the facts on the page that cite it (anchor, label), in page order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Footnote {
    pub number: usize,
    pub cited_by: Vec<(String, String)>,
}

/// The sources a page cites, by number, each with the facts citing it.
pub fn footnotes(m: &Mission, page: Page, t: &Strings) -> Vec<Footnote> {
    footnotes_of(m, page, t, |_| true)
}

/// The same, for the facts shown: those whose anchor `shown` accepts (the
/// timeline's entries that pass its filters, say).
pub fn footnotes_of(
    m: &Mission,
    page: Page,
    t: &Strings,
    shown: impl Fn(&str) -> bool,
) -> Vec<Footnote> {
    let mut notes: Vec<Footnote> = Vec::new();
    for c in citations(m, t)
        .into_iter()
        .filter(|c| c.page == page && shown(&c.anchor))
    {
        for number in m.source_numbers(&c.sources) {
            let fact = (c.anchor.clone(), c.label.clone());
            match notes.iter_mut().find(|n| n.number == number) {
                Some(note) => note.cited_by.push(fact),
                None => notes.push(Footnote {
                    number,
                    cited_by: vec![fact],
                }),
            }
        }
    }
    notes.sort_by_key(|n| n.number);
    notes
}

/// For each source (by number), every fact on every page that cites it; the
/// closure notice, repeated on every page, is listed once, on the overview.
pub fn cited_in(m: &Mission, t: &Strings) -> Vec<Vec<(Page, String, String)>> {
    let mut by_source = vec![Vec::new(); m.sources.len()];
    for c in citations(m, t) {
        if c.anchor == anchors::CLOSURE && c.page.is_some() {
            continue;
        }
        for id in &c.sources {
            if let Some(n) = m.source_number(id) {
                let fact = (c.page, c.anchor.clone(), c.label.clone());
                if !by_source[n - 1].contains(&fact) {
                    by_source[n - 1].push(fact);
                }
            }
        }
    }
    by_source
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::files::parse;
    use crate::facts::timeline::entries;

    fn en() -> &'static Strings {
        crate::site::i18n::Locale::DEFAULT.strings()
    }

    fn fixture() -> Mission {
        parse(
            "test.json",
            include_str!("../../tests/fixtures/validate/valid/data/missions/test.json"),
        )
        .unwrap()
    }

    #[test]
    fn every_fact_of_the_fixture_is_indexed_on_its_page() {
        let m = fixture();
        let all = citations(&m, en());
        let on =
            |page: Page, anchor: &str| all.iter().any(|c| c.page == page && c.anchor == anchor);
        assert!(on(None, anchors::SUMMARY));
        assert!(on(Some(Section::Mandate), anchors::SUMMARY));
        for r in &m.resolutions {
            assert!(on(Some(Section::Timeline), &format!("res-{}", r.number)));
        }
        for o in &m.offices {
            assert!(on(Some(Section::Offices), &anchors::office(&o.id)));
        }
        for (i, _) in m.personnel.iter().enumerate() {
            assert!(on(Some(Section::Personnel), &anchors::personnel(i)));
        }
        for post in &m.leadership {
            assert!(on(Some(Section::Leadership), &anchors::post(&post.id)));
        }
    }

    #[test]
    fn footnotes_are_numbered_in_order_and_point_back_to_each_fact() {
        let m = fixture();
        let notes = footnotes(&m, Some(Section::Timeline), en());
        assert!(!notes.is_empty());
        let numbers: Vec<usize> = notes.iter().map(|n| n.number).collect();
        let mut sorted = numbers.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(numbers, sorted, "ascending, each once");
        // Every source cited on the timeline appears, and nothing else.
        let mut expected: Vec<usize> = entries(&m)
            .iter()
            .flat_map(|e| with_readings(e.sources, e.other_readings))
            .filter_map(|id| m.source_number(&id))
            .collect();
        expected.extend(
            citations(&m, en())
                .iter()
                .filter(|c| c.page == Some(Section::Timeline) && c.anchor == anchors::CLOSURE)
                .flat_map(|c| c.sources.iter().filter_map(|id| m.source_number(id))),
        );
        expected.sort_unstable();
        expected.dedup();
        assert_eq!(numbers, expected);
        // A reading's source points back at the entry that shows the reading.
        let entry = entries(&m)
            .into_iter()
            .find(|e| !e.other_readings.is_empty())
            .unwrap();
        let n = m
            .source_number(&entry.other_readings[0].sources[0])
            .unwrap();
        let note = notes.iter().find(|f| f.number == n).unwrap();
        assert!(note.cited_by.iter().any(|(a, _)| *a == entry.anchor));
    }

    #[test]
    fn cited_in_lists_the_closure_notice_once() {
        let m = fixture();
        let by_source = cited_in(&m, en());
        assert_eq!(by_source.len(), m.sources.len());
        for facts in &by_source {
            let closures = facts
                .iter()
                .filter(|(_, a, _)| a == anchors::CLOSURE)
                .count();
            assert!(closures <= 1);
        }
    }
}
