//! The content model: what the JSON files under `data/` hold.
//!
//! The same types are read by the browser app and by native tests, and every
//! struct refuses unknown fields, so a misspelt key in a data file is an error
//! rather than a silently missing fact. Facts carry the ids of their sources.

use serde::{Deserialize, Serialize};

use super::date::Date;
use super::text::Text;

/// Ids of entries in the mission's `sources` list that support a fact.
pub type SourceRefs = Vec<String>;

/// `data/index.json`: the short list the catalogue needs, one entry a mission.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MissionIndex {
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    pub missions: Vec<MissionSummary>,
}

/// One mission as the catalogue lists it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MissionSummary {
    pub id: String,
    pub acronym: String,
    pub name: Text,
    pub kind: MissionKind,
    pub country: Text,
    /// Where the mission works, for the catalogue's region filter.
    pub region: Region,
    pub status: StatusState,
    pub start: Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<Date>,
    /// The mission file's latest dated personnel figure, for the card and the
    /// order by size (the validator checks that the two agree).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub personnel: Option<Headcount>,
}

/// A head count and its date, as the catalogue shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Headcount {
    pub total: u32,
    pub as_of: Date,
    /// The source gives a round or approximate number.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub approximate: bool,
    /// What the figure counts, when it is not people serving (a ceiling, posts).
    #[serde(default, skip_serializing_if = "Measure::is_headcount")]
    pub measure: Measure,
}

/// The part of the world a mission works in: the project's own grouping by
/// geography, for finding missions, not a UN classification.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Region {
    Africa,
    Americas,
    Asia,
    Europe,
    MiddleEast,
}

impl Region {
    pub const ALL: [Region; 5] = [
        Region::Africa,
        Region::Americas,
        Region::Asia,
        Region::Europe,
        Region::MiddleEast,
    ];

    /// The value in the data and in the address: `middle-east`.
    pub fn slug(self) -> &'static str {
        match self {
            Region::Africa => "africa",
            Region::Americas => "americas",
            Region::Asia => "asia",
            Region::Europe => "europe",
            Region::MiddleEast => "middle-east",
        }
    }
}

/// `data/spellings.json`: words written more than one way in Latin letters
/// (transliterations like Hudaydah and Hodeidah), which search treats as one.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Spellings {
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    pub groups: Vec<SpellingGroup>,
}

/// Spellings of one word, each a single word.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SpellingGroup {
    pub words: Vec<String>,
    /// What the word is, and where each spelling is used.
    pub note: String,
}

/// `data/missions/{id}.json`: everything the mission's pages show.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Mission {
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    pub id: String,
    pub acronym: String,
    pub name: Text,
    pub kind: MissionKind,
    pub country: Text,
    /// Where the mission works, for the catalogue's region filter (copied to the index).
    pub region: Region,
    /// Where the mission is based, when a source says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headquarters: Option<Sourced<Text>>,
    pub status: Status,
    pub established: Establishment,
    pub summary: Sourced<Text>,
    #[serde(default)]
    pub resolutions: Vec<Resolution>,
    #[serde(default)]
    pub leadership: Vec<Post>,
    #[serde(default)]
    pub personnel: Vec<PersonnelFigure>,
    #[serde(default)]
    pub departments: Vec<Backstopping>,
    /// What the mission was asked to do, area by area.
    #[serde(default)]
    pub mandate: Vec<MandateArea>,
    /// Key events other than resolutions, in date order (the validator checks).
    #[serde(default)]
    pub events: Vec<Event>,
    #[serde(default)]
    pub budget: Vec<BudgetFigure>,
    #[serde(default)]
    pub offices: Vec<Office>,
    /// The missions this one took over from or handed over to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<Relation>,
    /// Facts the floor asks for that the sources read do not give, and what was looked for.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_found: Vec<Gap>,
    pub sources: Vec<Source>,
}

/// Another mission this one follows or is followed by.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Relation {
    pub relation: RelationKind,
    /// The other mission's id, when the site has a page for it (the validator
    /// then asks that mission to name this one the other way round).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub acronym: String,
    pub name: Text,
    /// When the one handed over to the other.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    pub sources: SourceRefs,
}

/// Which way a relation between missions points.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum RelationKind {
    /// The other mission came before this one.
    Predecessor,
    /// The other mission came after this one.
    Successor,
}

impl RelationKind {
    /// The same relation seen from the other mission.
    pub fn reverse(self) -> RelationKind {
        match self {
            RelationKind::Predecessor => RelationKind::Successor,
            RelationKind::Successor => RelationKind::Predecessor,
        }
    }
}

/// A fact of the floor that the sources read do not give.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Gap {
    pub item: FloorItem,
    /// What was looked for, where, and what was found instead.
    pub looked_for: Text,
}

/// What every mission's data should hold (the floor, see `data::coverage`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum FloorItem {
    ArabicName,
    Headquarters,
    EstablishmentBasis,
    FinalResolution,
    MandateEnd,
    Drawdown,
    Liquidation,
    Resolutions,
    Mandate,
    MandateLinks,
    Heads,
    HeadDates,
    Nationality,
    ActingHeads,
    Personnel,
    PersonnelParts,
    PersonnelHistory,
    PersonnelPeak,
    Budget,
    BudgetHistory,
    Offices,
    OfficeDates,
    ArabicSummary,
}

/// What sort of field presence the mission is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum MissionKind {
    SpecialPoliticalMission,
    PeacekeepingOperation,
    RegionalOffice,
    EnvoyOffice,
}

/// Whether the mission still works.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum StatusState {
    Active,
    Closing,
    Closed,
}

/// A value with the sources that support it and, where it can change, when it held.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Sourced<T> {
    pub value: T,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<Date>,
    pub sources: SourceRefs,
}

/// The mission's state, with the dates and decisions that ended it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Status {
    pub state: StatusState,
    /// The last day of the mandate, for missions that have closed or are closing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mandate_end: Option<Date>,
    /// The resolution that ended or will end the mandate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub final_resolution: Option<u32>,
    /// What closing meant, in a sentence or two.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// How the mission drew down its staff and sites before the end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drawdown: Option<Phase>,
    /// How it was wound up after the mandate ended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub liquidation: Option<Phase>,
    pub sources: SourceRefs,
}

/// A stage of a mission's closure: when it ran and what it involved.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Phase {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<Date>,
    pub description: Text,
    pub sources: SourceRefs,
}

/// How the mission came to be.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Establishment {
    pub date: Date,
    /// The Security Council resolution that set the mission up, if one did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolution: Option<u32>,
    /// How it was set up when no resolution did (an exchange of letters, say).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<Text>,
    /// Whose request the Council answered, if a source says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requested_by: Option<Text>,
    pub sources: SourceRefs,
}

/// A Security Council resolution about the mission.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Resolution {
    pub number: u32,
    pub year: u16,
    pub adopted: Date,
    /// What the resolution did for the mission.
    pub effect: Text,
    /// Shown on the overview among the resolutions that shaped the mission.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub milestone: bool,
    /// What other sources say where they disagree (a different date, say).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_readings: Vec<Reading>,
    pub sources: SourceRefs,
}

/// Another source's version of a fact, shown beside the main one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Reading {
    /// The other version, as a sentence: "A US Embassy page dates the vote 11 August 2004."
    pub says: Text,
    pub sources: SourceRefs,
}

/// One area of the mandate, and the resolutions that set or changed it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MandateArea {
    pub id: String,
    pub title: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// The resolution that first gave the mission this task, if a source says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub introduced_by: Option<u32>,
    /// Later resolutions that changed it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changed_by: Vec<u32>,
    pub sources: SourceRefs,
}

/// A key event in the mission's life.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub id: String,
    pub date: Date,
    pub kind: EventKind,
    pub title: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_readings: Vec<Reading>,
    pub sources: SourceRefs,
}

/// What an event is about, for the timeline's filters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum EventKind {
    Event,
    Leadership,
}

/// An amount of money for a period, as a source states it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BudgetFigure {
    /// The period the amount covers, in words ("January to April 2005").
    pub period: Text,
    /// The year the period falls in, for ordering and charts.
    pub year: u16,
    pub amount_usd: u64,
    pub kind: BudgetKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    pub sources: SourceRefs,
}

/// Where a budget figure stands in the UN's budget process.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum BudgetKind {
    Proposed,
    Approved,
    Revised,
    /// A figure a source reports without saying which.
    Reported,
}

/// A place the mission worked from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Office {
    pub id: String,
    pub name: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Text>,
    /// Where to place it on a map, when a source gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coordinates: Option<Coordinates>,
    /// The town or city it is in, which the build looks up in the GeoNames
    /// gazetteer to place the office on the map when no coordinates are given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<Place>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opened: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    pub sources: SourceRefs,
}

/// A town or city, as the GeoNames gazetteer names it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Place {
    /// The place's name in GeoNames, like `Erbil`.
    pub city: String,
    /// The ISO 3166-1 alpha-2 code of its country, like `IQ`.
    pub country: String,
}

/// A point on the Earth, in decimal degrees.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Coordinates {
    pub lat: f64,
    pub lon: f64,
}

/// A post in the mission's leadership, and who held it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Post {
    pub id: String,
    pub title: Text,
    /// The areas of work the post covers, for deputies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub portfolio: Option<Text>,
    /// The id of the post this one reports to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reports_to: Option<String>,
    #[serde(default)]
    pub holders: Vec<Tenure>,
    pub sources: SourceRefs,
}

/// One person's time in a post.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Tenure {
    /// The person's name, by language (names are written differently in Arabic script).
    pub name: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nationality: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<Date>,
    /// Held the post as acting head or officer in charge.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub acting: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_readings: Vec<Reading>,
    pub sources: SourceRefs,
}

/// A head count at a time; `as_of` is absent only when the source gives no date.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PersonnelFigure {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<Date>,
    /// Said when `as_of` is missing or loose: what the source lets us say about the date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_note: Option<Text>,
    pub total: u32,
    /// What the figure counts, when it is not people serving (a ceiling, posts).
    #[serde(default, skip_serializing_if = "Measure::is_headcount")]
    pub measure: Measure,
    /// The source gives a round or approximate number ("about 1,000").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub approximate: bool,
    #[serde(default)]
    pub parts: Vec<PersonnelPart>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    pub sources: SourceRefs,
}

/// What a personnel figure counts: a reader must not take a ceiling for a head count.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Measure {
    /// People serving at the date (the default).
    #[default]
    Headcount,
    /// The most the Security Council authorized.
    Authorized,
    /// Posts approved in a budget.
    Posts,
    /// A plan for a coming period.
    Planned,
}

impl Measure {
    pub fn is_headcount(&self) -> bool {
        *self == Measure::Headcount
    }
}

/// One category of a personnel figure (international staff, national staff, …).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PersonnelPart {
    pub label: Text,
    pub count: u32,
}

/// The Headquarters departments behind the mission during a period.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Backstopping {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<Date>,
    pub lead: Department,
    #[serde(default)]
    pub support: Vec<Department>,
    pub sources: SourceRefs,
}

/// A UN Secretariat department, by acronym and name.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Department {
    pub acronym: String,
    /// The full name, where a source gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Text>,
}

/// A document that supports facts on the pages.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    /// The document's title, as it gives it (its headline).
    pub title: Text,
    /// The title is a description written here, because the copy read showed
    /// no headline: shown in square brackets, as references mark a supplied title.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub described: bool,
    pub publisher: Text,
    /// A whole http or https address: only these become links.
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(pattern(super::link::LINK_PATTERN))
    )]
    pub url: String,
    /// When the document was published, if it says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
}

impl Mission {
    /// The post no other post reports to: the head of mission.
    pub fn head_post(&self) -> Option<&Post> {
        self.leadership.iter().find(|p| p.reports_to.is_none())
    }

    /// Posts that report directly to `post_id`.
    pub fn deputies_of<'a>(&'a self, post_id: &'a str) -> impl Iterator<Item = &'a Post> {
        self.leadership
            .iter()
            .filter(move |p| p.reports_to.as_deref() == Some(post_id))
    }

    /// The resolution with this number, if the data lists it.
    pub fn resolution(&self, number: u32) -> Option<&Resolution> {
        self.resolutions.iter().find(|r| r.number == number)
    }

    /// The most recent dated personnel figure (undated ones cannot be placed in
    /// time); of figures with the same date, a head count before a ceiling or
    /// posts. A plan counts only where there is nothing else: 126 staff to be
    /// kept for a liquidation say less about a mission than the 636 it had.
    pub fn latest_personnel(&self) -> Option<&PersonnelFigure> {
        let dated = || self.personnel.iter().filter(|p| p.as_of.is_some());
        dated()
            .filter(|p| p.measure != Measure::Planned)
            .max_by_key(|p| (p.as_of, p.measure.is_headcount()))
            .or_else(|| dated().max_by_key(|p| p.as_of))
    }

    /// The catalogue's entry for this mission (`data/index.json` is made of these).
    pub fn summary(&self) -> MissionSummary {
        MissionSummary {
            id: self.id.clone(),
            acronym: self.acronym.clone(),
            name: self.name.clone(),
            kind: self.kind,
            country: self.country.clone(),
            region: self.region,
            status: self.status.state,
            start: self.established.date,
            end: self.status.mandate_end,
            personnel: self.latest_personnel().and_then(|p| {
                p.as_of.map(|as_of| Headcount {
                    total: p.total,
                    as_of,
                    approximate: p.approximate,
                    measure: p.measure,
                })
            }),
        }
    }

    /// What the sources read do not give, for this floor item.
    pub fn gap(&self, item: FloorItem) -> Option<&Gap> {
        self.not_found.iter().find(|g| g.item == item)
    }

    /// The departments in charge now (or at closure): the period with no end date.
    pub fn current_departments(&self) -> Option<&Backstopping> {
        self.departments.iter().find(|d| d.to.is_none())
    }
}

impl Post {
    /// The last person listed for the post.
    pub fn latest_holder(&self) -> Option<&Tenure> {
        self.holders.last()
    }
}
