//! A mission's facts, worked out once per mission and language: every fact
//! on every page with its anchor, label and sources, and what is looked up
//! in them. The pages, their footnotes, the sources page, search and compare
//! all read this; none of them walks the mission to find its facts.
//!
//! A new kind of fact is added here, in [`MissionFacts::new`]: it then has
//! its footnotes, its "cited for" links and, if it is searched, its result.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::data::{
    BudgetFigure, Mission, PersonnelFigure, Post, Reading, RelationKind, StatusState, Tenure, Text,
};
use crate::facts::timeline::{Entry, EntryKind, EntryRecord, Pages, entries_in};
use crate::site::i18n::Strings;
use crate::site::routes::Section;

/// A mission page: the overview (`None`) or one section.
pub type Page = Option<Section>;

/// The ids of the elements that show facts. A page gives its elements these
/// ids, and footnotes, the sources page and search results link to them.
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
    /// A source in a page's footnotes and on the sources page.
    pub fn source(number: usize) -> String {
        format!("source-{number}")
    }
}

/// What a fact is. The kinds search finds are named in its data files as
/// serialized here.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FactKind {
    /// The mission itself: the top of its overview.
    Mission,
    /// The notice that heads every page of a closing or closed mission,
    /// and its stages.
    Closure,
    Summary,
    /// A resolution the overview lists as a milestone.
    Milestone,
    /// One of the overview's key facts (status, leaders, personnel…).
    KeyFact,
    Mandate,
    Resolution,
    Event,
    LeadershipChange,
    Post,
    /// A person who held a post.
    Person,
    Personnel,
    Budget,
    Office,
    Source,
}

impl FactKind {
    /// What a search result of this kind is called, in the reader's language.
    pub fn label(self, t: &Strings) -> &'static str {
        match self {
            FactKind::Mandate => t.srch_kind_mandate(),
            FactKind::Resolution | FactKind::Milestone => t.srch_kind_resolution(),
            FactKind::Event => t.srch_kind_event(),
            FactKind::LeadershipChange => t.srch_kind_leadership_change(),
            FactKind::Person => t.srch_kind_person(),
            FactKind::Post => t.srch_kind_post(),
            FactKind::Office => t.srch_kind_office(),
            FactKind::Source => t.srch_kind_source(),
            // Never searched on their own: about the mission as a whole.
            FactKind::Mission
            | FactKind::Closure
            | FactKind::Summary
            | FactKind::KeyFact
            | FactKind::Personnel
            | FactKind::Budget => t.srch_kind_mission(),
        }
    }

    fn of_entry(kind: EntryKind) -> FactKind {
        match kind {
            EntryKind::Resolution => FactKind::Resolution,
            EntryKind::Event => FactKind::Event,
            EntryKind::Leadership => FactKind::LeadershipChange,
        }
    }
}

/// One fact on one page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fact {
    pub page: Page,
    /// The id of the element showing the fact; empty for the page's top.
    pub anchor: String,
    pub kind: FactKind,
    /// What the fact is, in a few words ("Resolution 1500 (2003)").
    pub label: String,
    /// The ids of the sources it cites (none for a source itself).
    pub sources: Vec<String>,
    /// How search shows and finds it; `None` for a fact search leaves out.
    pub search: Option<Searched>,
}

/// A fact as a search result: its heading, the text under it, words found
/// but not shown (names in other languages, other readings), and whether
/// any of it is English for want of a translation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Searched {
    pub title: String,
    pub body: String,
    pub extra: String,
    pub in_english: bool,
}

/// One source in a page's footnotes: its number in the mission's list, and
/// the facts on the page that cite it (anchor, label), in page order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Footnote {
    pub number: usize,
    pub cited_by: Vec<(String, String)>,
}

/// Every fact of one mission in one language, and the indexes built from
/// them. Built once, by [`MissionFacts::new`], and shared (`Arc`).
#[derive(Debug)]
pub struct MissionFacts {
    mission: Arc<Mission>,
    /// Every fact, page by page in the order of the section navigation, in
    /// page order within a page.
    facts: Vec<Fact>,
    /// Where each page's facts are in `facts`.
    pages: Vec<(Page, Range<usize>)>,
    /// A source's footnote number by its id.
    numbers: HashMap<String, usize>,
    /// For each source (by number − 1), the facts that cite it, in order;
    /// the closure notice, repeated on every page, once, on the overview.
    cited: Vec<Vec<usize>>,
    entries: Vec<Entry>,
    timeline: Pages,
    /// The overview's personnel figures: the latest dated one, then the
    /// undated ones (indexes into the mission's figures).
    key_personnel: Vec<usize>,
    /// The budget figures of the latest year the data has.
    latest_budget: Vec<usize>,
}

impl std::ops::Deref for MissionFacts {
    type Target = Mission;

    /// The mission the facts are about, for what a page shows as it is.
    fn deref(&self) -> &Mission {
        &self.mission
    }
}

impl PartialEq for MissionFacts {
    /// Facts worked out from the same mission are the same.
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.mission, &other.mission) || self.mission == other.mission
    }
}

impl MissionFacts {
    /// Works out every fact of `mission` in the language of `t`.
    pub fn new(mission: impl Into<Arc<Mission>>, t: &Strings) -> MissionFacts {
        let mission: Arc<Mission> = mission.into();
        let m = &*mission;
        let entries = entries_in(m, t);
        let timeline = Pages::of(&entries);
        let key_personnel: Vec<usize> = {
            let latest = m
                .latest_personnel()
                .and_then(|p| m.personnel.iter().position(|q| std::ptr::eq(p, q)));
            let undated = (0..m.personnel.len()).filter(|i| m.personnel[*i].as_of.is_none());
            latest.into_iter().chain(undated).collect()
        };
        let latest_budget = match m.budget.iter().map(|b| b.year).max() {
            Some(year) => (0..m.budget.len())
                .filter(|i| m.budget[*i].year == year)
                .collect(),
            None => Vec::new(),
        };
        let numbers = m
            .sources
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.clone(), i + 1))
            .collect();
        let mut built = Builder {
            m,
            t,
            lang: Lang(t.locale().code()),
            facts: Vec::new(),
            pages: Vec::new(),
        };
        built.all(&entries, &key_personnel);
        let mut facts = MissionFacts {
            facts: built.facts,
            pages: built.pages,
            numbers,
            cited: Vec::new(),
            entries,
            timeline,
            key_personnel,
            latest_budget,
            mission: Arc::clone(&mission),
        };
        facts.cited = facts.index_citations();
        facts
    }

    fn index_citations(&self) -> Vec<Vec<usize>> {
        let mut cited = vec![Vec::new(); self.mission.sources.len()];
        for (i, fact) in self.facts.iter().enumerate() {
            if fact.kind == FactKind::Closure
                && fact.anchor == anchors::CLOSURE
                && fact.page.is_some()
            {
                continue;
            }
            for n in self.source_numbers(&fact.sources) {
                cited[n - 1].push(i);
            }
        }
        cited
    }

    /// The mission the facts are about.
    pub fn mission(&self) -> &Arc<Mission> {
        &self.mission
    }

    /// Every fact, page by page.
    pub fn all(&self) -> &[Fact] {
        &self.facts
    }

    /// The facts on one page, in page order.
    pub fn on_page(&self, page: Page) -> &[Fact] {
        self.pages
            .iter()
            .find(|(p, _)| *p == page)
            .map_or(&[][..], |(_, range)| &self.facts[range.clone()])
    }

    /// The footnote number of a source, in the order the mission lists them.
    pub fn source_number(&self, id: &str) -> Option<usize> {
        self.numbers.get(id).copied()
    }

    /// The footnote numbers of these source ids, ascending and each once, as
    /// footnotes are read; ids not in the list are left out.
    pub fn source_numbers(&self, ids: &[String]) -> Vec<usize> {
        let mut numbers: Vec<usize> = ids.iter().filter_map(|id| self.source_number(id)).collect();
        numbers.sort_unstable();
        numbers.dedup();
        numbers
    }

    /// The sources a page cites, by number, each with the facts citing it.
    pub fn footnotes(&self, page: Page) -> Vec<Footnote> {
        self.footnotes_of(page, |_| true)
    }

    /// The same, for the facts shown: those whose anchor `shown` accepts (a
    /// year's page of a long timeline, say).
    pub fn footnotes_of(&self, page: Page, shown: impl Fn(&str) -> bool) -> Vec<Footnote> {
        let mut notes: BTreeMap<usize, Vec<(String, String)>> = BTreeMap::new();
        for fact in self.on_page(page).iter().filter(|f| shown(&f.anchor)) {
            for number in self.source_numbers(&fact.sources) {
                notes
                    .entry(number)
                    .or_default()
                    .push((fact.anchor.clone(), fact.label.clone()));
            }
        }
        notes
            .into_iter()
            .map(|(number, cited_by)| Footnote { number, cited_by })
            .collect()
    }

    /// Every fact on any page that cites the source with this number, in
    /// page order; the closure notice once, on the overview.
    pub fn cited_in(&self, number: usize) -> impl Iterator<Item = &Fact> + '_ {
        let cited = number.checked_sub(1).and_then(|i| self.cited.get(i));
        cited.into_iter().flatten().map(|i| &self.facts[*i])
    }

    /// The timeline's entries in its order, in the reader's language.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// How the timeline is laid out: on one page, or on pages by year.
    pub fn timeline(&self) -> &Pages {
        &self.timeline
    }

    /// The head of mission: the post no other reports to, and the last
    /// person listed for it (current, or last before closure).
    pub fn head(&self) -> Option<(&Post, Option<&Tenure>)> {
        let post = self.mission.head_post()?;
        Some((post, post.latest_holder()))
    }

    /// The personnel figures the overview shows: the latest dated one, then
    /// the undated ones (which cannot be placed in time, so none of them can
    /// be called older). The first is the one a summary gives.
    pub fn key_personnel(&self) -> impl Iterator<Item = &PersonnelFigure> + '_ {
        self.key_personnel
            .iter()
            .map(|i| &self.mission.personnel[*i])
    }

    /// The budget figures of the latest year the data has, in the file's
    /// order: a year can have several (a proposal and a revision, say), and
    /// picking one would say more than the sources do.
    pub fn latest_budget(&self) -> impl Iterator<Item = &BudgetFigure> + '_ {
        self.latest_budget.iter().map(|i| &self.mission.budget[*i])
    }
}

/// Puts the facts together, page by page.
struct Builder<'a> {
    m: &'a Mission,
    t: &'a Strings,
    lang: Lang<'a>,
    facts: Vec<Fact>,
    pages: Vec<(Page, Range<usize>)>,
}

impl Builder<'_> {
    /// Adds a fact that search leaves out.
    fn add(&mut self, kind: FactKind, anchor: String, label: String, sources: Vec<String>) {
        self.push(kind, anchor, label, sources, None);
    }

    /// Adds a fact, unless it cites nothing and search leaves it out (as it
    /// does every fact in the browser): it would have nothing to show.
    fn push(
        &mut self,
        kind: FactKind,
        anchor: String,
        label: String,
        sources: Vec<String>,
        search: Option<Searched>,
    ) {
        if sources.is_empty() && search.is_none() {
            return;
        }
        self.facts.push(Fact {
            page: self.pages.last().and_then(|(p, _)| *p),
            anchor,
            kind,
            label,
            sources,
            search,
        });
    }

    /// Adds a fact that search finds too. How search shows it is worked out
    /// only for the search documents, at build time (`make search-data`):
    /// the browser downloads them, and never builds them.
    fn add_searched(
        &mut self,
        kind: FactKind,
        anchor: String,
        label: String,
        sources: Vec<String>,
        search: impl FnOnce() -> Searched,
    ) {
        let search = (!cfg!(target_arch = "wasm32")).then(search);
        self.push(kind, anchor, label, sources, search);
    }

    /// Starts a page: the facts added next are on it. The closure notice
    /// heads every page of a closing or closed mission.
    fn page(&mut self, page: Page) {
        if let Some((_, range)) = self.pages.last_mut() {
            range.end = self.facts.len();
        }
        self.pages.push((page, self.facts.len()..self.facts.len()));
        if self.m.status.state != StatusState::Active {
            let label = self.t.cit_closure().to_owned();
            let sources = self.m.status.sources.clone();
            self.add(FactKind::Closure, anchors::CLOSURE.into(), label, sources);
        }
    }

    fn all(&mut self, entries: &[Entry], key_personnel: &[usize]) {
        self.overview(key_personnel);
        self.mandate();
        self.page(Some(Section::Timeline));
        for e in entries {
            self.entry(e);
        }
        self.leadership();
        self.personnel();
        self.offices();
        self.sources();
        if let Some((_, range)) = self.pages.last_mut() {
            range.end = self.facts.len();
        }
    }

    fn overview(&mut self, key_personnel: &[usize]) {
        let (m, t, lang) = (self.m, self.t, self.lang);
        self.page(None);
        let title = format!("{}: {}", m.acronym, lang.text(&m.name));
        let search = || {
            let mut extra: Vec<&str> = vec![m.id.as_str()];
            extra.extend(other_languages(&m.name, lang.0));
            extra.extend(m.country.languages().map(|l| m.country.get(l).text));
            if let Some(hq) = &m.headquarters {
                extra.extend(hq.value.languages().map(|l| hq.value.get(l).text));
            }
            extra.extend(m.status.note.as_ref().map(|n| n.get(lang.0).text));
            Searched {
                title: title.clone(),
                body: lang.text(&m.summary.value),
                extra: joined(extra),
                in_english: lang.english(&[Some(&m.name), Some(&m.summary.value)]),
            }
        };
        let label = title.clone();
        self.add_searched(FactKind::Mission, String::new(), label, Vec::new(), search);

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
                let sources = phase.sources.clone();
                self.add(FactKind::Closure, anchor.into(), label.into(), sources);
            }
        }
        let summary = m.summary.sources.clone();
        let label = t.overview_summary().to_owned();
        self.add(FactKind::Summary, anchors::SUMMARY.into(), label, summary);
        for r in m.resolutions.iter().filter(|r| r.milestone) {
            let label = t.resolution_label(r.number, r.year);
            let anchor = anchors::milestone(r.number);
            self.add(FactKind::Milestone, anchor, label, r.sources.clone());
        }
        let key = |anchor: &str, label: &str, sources: Vec<String>| {
            (anchor.to_owned(), label.to_owned(), sources)
        };
        let mut keys = vec![
            key(anchors::STATUS, t.cit_status(), m.status.sources.clone()),
            key(
                anchors::ESTABLISHED,
                t.cit_established(),
                m.established.sources.clone(),
            ),
        ];
        if let Some(hq) = &m.headquarters {
            keys.push(key(
                anchors::HEADQUARTERS,
                t.cit_headquarters(),
                hq.sources.clone(),
            ));
        }
        if let Some(head) = m.head_post() {
            let post_sources = |post: &Post| -> Vec<String> {
                let holder = post
                    .latest_holder()
                    .into_iter()
                    .flat_map(|h| h.sources.iter());
                post.sources.iter().chain(holder).cloned().collect()
            };
            keys.push(key(anchors::LEADERS, t.cit_head(), post_sources(head)));
            let deputies = m.deputies_of(&head.id).flat_map(post_sources).collect();
            keys.push(key(anchors::DEPUTIES, t.cit_deputies(), deputies));
        }
        let personnel = key_personnel
            .iter()
            .flat_map(|i| m.personnel[*i].sources.iter().cloned())
            .collect();
        keys.push(key(anchors::PERSONNEL, t.cit_personnel(), personnel));
        let departments = m
            .departments
            .iter()
            .flat_map(|d| d.sources.iter().cloned())
            .collect();
        keys.push(key(anchors::DEPARTMENTS, t.cit_departments(), departments));
        for (kind, anchor) in [
            (RelationKind::Predecessor, anchors::PREDECESSORS),
            (RelationKind::Successor, anchors::SUCCESSORS),
        ] {
            let sources = m
                .related
                .iter()
                .filter(|r| r.relation == kind)
                .flat_map(|r| r.sources.iter().cloned())
                .collect();
            keys.push(key(anchor, t.cit_related(), sources));
        }
        for (anchor, label, sources) in keys {
            self.add(FactKind::KeyFact, anchor, label, sources);
        }
    }

    fn mandate(&mut self) {
        let (m, t, lang) = (self.m, self.t, self.lang);
        self.page(Some(Section::Mandate));
        let label = t.overview_summary().to_owned();
        let summary = m.summary.sources.clone();
        self.add(FactKind::Summary, anchors::SUMMARY.into(), label, summary);
        for area in &m.mandate {
            let title = lang.text(&area.title);
            let search = || Searched {
                title: title.clone(),
                body: lang.plain(area.description.as_ref()).to_owned(),
                extra: joined(other_languages(&area.title, lang.0)),
                in_english: lang.english(&[Some(&area.title), area.description.as_ref()]),
            };
            let anchor = anchors::mandate_area(&area.id);
            let sources = area.sources.clone();
            self.add_searched(FactKind::Mandate, anchor, title.clone(), sources, search);
        }
    }

    fn entry(&mut self, e: &Entry) {
        let (m, t, lang) = (self.m, self.t, self.lang);
        let search = || {
            // An event's title in the other languages, so that either finds it.
            let mut extra: Vec<&str> = match e.record {
                EntryRecord::Event(i) => other_languages(&m.events[i].title, lang.0).collect(),
                EntryRecord::Resolution(_) => Vec::new(),
            };
            extra.extend(e.other_readings.iter().map(|r| r.says.get(lang.0).text));
            let date = t.date(e.date);
            Searched {
                title: e.title.clone(),
                body: joined([date.as_str(), e.body.as_deref().unwrap_or_default()]),
                extra: joined(extra),
                in_english: e.title_in_english || e.body_in_english,
            }
        };
        let sources = with_readings(&e.sources, &e.other_readings);
        let kind = FactKind::of_entry(e.kind);
        self.add_searched(kind, e.anchor.clone(), e.title.clone(), sources, search);
    }

    fn leadership(&mut self) {
        let (m, t, lang) = (self.m, self.t, self.lang);
        self.page(Some(Section::Leadership));
        for post in &m.leadership {
            let title = lang.text(&post.title);
            // Search names a post with its portfolio, if it has one.
            let full_title = || match &post.portfolio {
                Some(p) => format!("{title}{}{}", t.list_comma(), lang.text(p)),
                None => title.clone(),
            };
            let anchor = anchors::post(&post.id);
            let sources = post.sources.clone();
            // A post is found by its holders; one with none, by itself.
            if post.holders.is_empty() {
                let search = || Searched {
                    title: full_title(),
                    in_english: lang.english(&[Some(&post.title), post.portfolio.as_ref()]),
                    ..Searched::default()
                };
                self.add_searched(FactKind::Post, anchor, title.clone(), sources, search);
            } else {
                self.add(FactKind::Post, anchor, title.clone(), sources);
            }
            for (i, holder) in post.holders.iter().enumerate() {
                let name = lang.text(&holder.name);
                let search = || {
                    let when = t.tenure(holder.from, holder.to).unwrap_or_default();
                    let nationality = lang.plain(holder.nationality.as_ref());
                    let note = lang.plain(holder.note.as_ref());
                    let mut extra: Vec<&str> = other_languages(&holder.name, lang.0).collect();
                    extra.extend(
                        holder
                            .other_readings
                            .iter()
                            .map(|r| r.says.get(lang.0).text),
                    );
                    let post_title = full_title();
                    Searched {
                        title: name.clone(),
                        body: joined([post_title.as_str(), when.as_str(), nationality, note]),
                        extra: joined(extra),
                        in_english: lang.english(&[Some(&holder.name), Some(&post.title)]),
                    }
                };
                let sources = with_readings(&holder.sources, &holder.other_readings);
                let anchor = anchors::holder(&post.id, i);
                self.add_searched(FactKind::Person, anchor, name.clone(), sources, search);
            }
        }
    }

    fn personnel(&mut self) {
        let (m, t, lang) = (self.m, self.t, self.lang);
        self.page(Some(Section::Personnel));
        for (i, p) in m.personnel.iter().enumerate() {
            let label = match p.as_of {
                Some(d) => t.cit_personnel_as_of(t.date(d)),
                None => t.cit_personnel_undated().to_owned(),
            };
            let anchor = anchors::personnel(i);
            self.add(FactKind::Personnel, anchor, label, p.sources.clone());
        }
        for (i, b) in m.budget.iter().enumerate() {
            let label = t.cit_budget(b.period.get(lang.0).text);
            self.add(
                FactKind::Budget,
                anchors::budget(i),
                label,
                b.sources.clone(),
            );
        }
    }

    fn offices(&mut self) {
        let (m, lang) = (self.m, self.lang);
        self.page(Some(Section::Offices));
        for office in &m.offices {
            let name = lang.text(&office.name);
            let search = || {
                let city = office.place.as_ref().map(|p| p.city.as_str());
                let mut extra: Vec<&str> = other_languages(&office.name, lang.0).collect();
                extra.push(city.unwrap_or_default());
                let body = [office.role.as_ref(), office.note.as_ref()].map(|t| lang.plain(t));
                Searched {
                    title: name.clone(),
                    body: joined(body),
                    extra: joined(extra),
                    in_english: lang.english(&[Some(&office.name), office.role.as_ref()]),
                }
            };
            let anchor = anchors::office(&office.id);
            let sources = office.sources.clone();
            self.add_searched(FactKind::Office, anchor, name.clone(), sources, search);
        }
    }

    /// The sources page lists every source. A source's title is its
    /// document's own: shown as written, never marked as English.
    fn sources(&mut self) {
        let (m, lang) = (self.m, self.lang);
        self.page(Some(Section::Sources));
        for (i, source) in m.sources.iter().enumerate() {
            let title = lang.text(&source.title);
            let search = || Searched {
                title: title.clone(),
                body: lang.text(&source.publisher),
                extra: joined(other_languages(&source.title, lang.0)),
                in_english: false,
            };
            let anchor = anchors::source(i + 1);
            self.add_searched(FactKind::Source, anchor, title.clone(), Vec::new(), search);
        }
    }
}

/// The reader's language, as the facts' texts are picked in it.
#[derive(Clone, Copy)]
struct Lang<'a>(&'a str);

impl Lang<'_> {
    /// A text in this language, or in English for want of it.
    fn text(self, text: &Text) -> String {
        text.get(self.0).text.to_owned()
    }

    /// An optional text, or nothing.
    fn plain(self, text: Option<&Text>) -> &str {
        text.map(|t| t.get(self.0).text).unwrap_or_default()
    }

    /// Whether any of these texts falls back to English.
    fn english(self, shown: &[Option<&Text>]) -> bool {
        shown
            .iter()
            .flatten()
            .any(|text| text.get(self.0).is_fallback)
    }
}

/// A fact's sources and those of the other readings it shows.
fn with_readings(sources: &[String], readings: &[Reading]) -> Vec<String> {
    sources
        .iter()
        .chain(readings.iter().flat_map(|r| r.sources.iter()))
        .cloned()
        .collect()
}

/// The text in every language but the one shown in `lang` (`lang` or, for
/// want of it, English), for the searched-only field.
fn other_languages<'a>(text: &'a Text, lang: &str) -> impl Iterator<Item = &'a str> {
    let shown = text.get(lang).lang;
    text.languages()
        .filter(move |l| *l != shown)
        .map(|l| text.get(l).text)
}

/// Joins the non-empty parts with " · ".
fn joined<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    parts
        .into_iter()
        .filter(|p| !p.trim().is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::files::parse;
    use crate::site::i18n::Locale;

    fn en() -> &'static Strings {
        Locale::DEFAULT.strings()
    }

    fn fixture() -> Mission {
        parse(
            "test.json",
            include_str!("../../tests/fixtures/validate/valid/data/missions/test.json"),
        )
        .unwrap()
    }

    fn shipped(id: &str) -> Mission {
        let path = format!("{}/data/missions/{id}.json", env!("CARGO_MANIFEST_DIR"));
        parse(id, &std::fs::read_to_string(path).unwrap()).unwrap()
    }

    #[test]
    fn every_fact_of_the_fixture_is_on_its_page() {
        let m = fixture();
        let facts = MissionFacts::new(m.clone(), en());
        let on = |page: Page, anchor: &str| facts.on_page(page).iter().any(|f| f.anchor == anchor);
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
        for i in 0..m.sources.len() {
            assert!(on(Some(Section::Sources), &anchors::source(i + 1)));
        }
        // Pages in the order of the section navigation, each fact on one.
        let pages: Vec<Page> = facts.pages.iter().map(|(p, _)| *p).collect();
        let expected: Vec<Page> = std::iter::once(None)
            .chain(Section::ALL.into_iter().map(Some))
            .collect();
        assert_eq!(pages, expected);
        let counted: usize = expected.iter().map(|p| facts.on_page(*p).len()).sum();
        assert_eq!(counted, facts.all().len());
        assert!(facts.on_page(None).iter().all(|f| f.page.is_none()));
    }

    #[test]
    fn footnotes_are_numbered_in_order_and_point_back_to_each_fact() {
        let m = fixture();
        let facts = MissionFacts::new(m.clone(), en());
        let notes = facts.footnotes(Some(Section::Timeline));
        assert!(!notes.is_empty());
        let numbers: Vec<usize> = notes.iter().map(|n| n.number).collect();
        let mut sorted = numbers.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(numbers, sorted, "ascending, each once");
        // Every source cited on the timeline appears, and nothing else:
        // the entries' sources, their readings' and the closure notice's.
        let mut expected: Vec<usize> = facts
            .entries()
            .iter()
            .flat_map(|e| with_readings(&e.sources, &e.other_readings))
            .chain(m.status.sources.clone())
            .filter_map(|id| m.sources.iter().position(|s| s.id == id).map(|i| i + 1))
            .collect();
        expected.sort_unstable();
        expected.dedup();
        assert_eq!(numbers, expected);
        // A reading's source points back at the entry that shows the reading.
        let entry = facts
            .entries()
            .iter()
            .find(|e| !e.other_readings.is_empty())
            .unwrap();
        let n = facts
            .source_number(&entry.other_readings[0].sources[0])
            .unwrap();
        let note = notes.iter().find(|f| f.number == n).unwrap();
        assert!(note.cited_by.iter().any(|(a, _)| *a == entry.anchor));
        // A filter leaves out the facts it hides, and the sources only they cite.
        let first = &facts.entries()[0].anchor;
        let only_first = facts.footnotes_of(Some(Section::Timeline), |a| a == first);
        assert!(
            only_first
                .iter()
                .all(|n| n.cited_by.iter().all(|(a, _)| a == first))
        );
        assert!(only_first.len() < notes.len() || facts.entries().len() == 1);
    }

    #[test]
    fn each_source_lists_the_facts_citing_it_and_the_closure_notice_once() {
        let m = shipped("unami");
        let facts = MissionFacts::new(m.clone(), en());
        assert_ne!(m.status.state, StatusState::Active, "UNAMI has closed");
        for (i, source) in m.sources.iter().enumerate() {
            let cited: Vec<&Fact> = facts.cited_in(i + 1).collect();
            let closures = cited
                .iter()
                .filter(|f| f.anchor == anchors::CLOSURE)
                .count();
            assert!(closures <= 1);
            // Exactly the facts whose sources name it.
            let expected = facts
                .all()
                .iter()
                .filter(|f| f.sources.contains(&source.id))
                .filter(|f| f.anchor != anchors::CLOSURE || f.page.is_none())
                .count();
            assert_eq!(cited.len(), expected, "{}", source.id);
        }
        assert_eq!(facts.cited_in(0).count(), 0);
        assert_eq!(facts.cited_in(m.sources.len() + 1).count(), 0);
    }

    #[test]
    fn search_finds_what_a_reader_looks_for_and_nothing_else() {
        let m = shipped("unami");
        let facts = MissionFacts::new(m.clone(), en());
        let searched: Vec<&Fact> = facts.all().iter().filter(|f| f.search.is_some()).collect();
        let count = |kind| searched.iter().filter(|f| f.kind == kind).count();
        assert_eq!(count(FactKind::Mission), 1);
        assert_eq!(count(FactKind::Mandate), m.mandate.len());
        assert_eq!(count(FactKind::Resolution), m.resolutions.len());
        assert_eq!(count(FactKind::Office), m.offices.len());
        assert_eq!(count(FactKind::Source), m.sources.len());
        let holders: usize = m.leadership.iter().map(|p| p.holders.len()).sum();
        assert_eq!(count(FactKind::Person), holders);
        assert_eq!(count(FactKind::Closure) + count(FactKind::KeyFact), 0);
    }

    #[test]
    fn picks_the_latest_figures_and_the_last_head() {
        let unami = shipped("unami");
        let facts = MissionFacts::new(unami.clone(), en());
        let p = facts.key_personnel().next().unwrap();
        // The latest figure that is not a plan (UNAMI's last is the 126 staff
        // planned for its liquidation).
        assert_eq!(
            p.as_of,
            unami
                .personnel
                .iter()
                .filter(|p| p.measure != crate::data::Measure::Planned)
                .filter_map(|p| p.as_of)
                .max()
        );
        assert!(
            unami
                .personnel
                .iter()
                .any(|f| f.measure == crate::data::Measure::Planned && f.as_of > p.as_of),
            "a later plan is passed over"
        );
        let budget: Vec<&BudgetFigure> = facts.latest_budget().collect();
        let top = unami.budget.iter().map(|b| b.year).max().unwrap();
        assert!(!budget.is_empty());
        assert!(budget.iter().all(|b| b.year == top));
        assert_eq!(
            budget.len(),
            unami.budget.iter().filter(|b| b.year == top).count()
        );
        let (post, holder) = facts.head().unwrap();
        assert!(post.reports_to.is_none());
        assert_eq!(holder, post.holders.last());

        // A mission with only an undated figure still shows it; none, nothing.
        let mut undated = unami.clone();
        undated.personnel.retain(|p| p.as_of.is_none());
        let facts = MissionFacts::new(undated.clone(), en());
        assert!(
            facts
                .key_personnel()
                .next()
                .is_some_and(|p| p.as_of.is_none())
        );
        undated.personnel.clear();
        undated.budget.clear();
        undated.leadership.clear();
        let facts = MissionFacts::new(undated, en());
        assert!(facts.key_personnel().next().is_none());
        assert_eq!(facts.latest_budget().count(), 0);
        assert!(facts.head().is_none());
    }
}
