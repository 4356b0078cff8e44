//! What search looks through: every mission's content cut into documents,
//! one for each thing a result can link to (a timeline entry, a mandate area,
//! a person, an office, a source), with the page and anchor it is at.
//!
//! The build writes these for all missions to one file (`make search-data`),
//! so the search page downloads one small file instead of every mission; the
//! anchors come from the same functions the pages use, so results land on
//! the element that shows the fact.

use serde::{Deserialize, Serialize};

use crate::citations::anchors;
use crate::components::cite::source_anchor;
use crate::data::{Mission, Text};
use crate::i18n::Locale;
use crate::routes::Section;
use crate::timeline::{EntryKind, entries};

/// The file the search page downloads, relative to the site's base.
pub const SEARCH_FILE: &str = "search-data/docs.json";

/// `search-data/docs.json`: every document of every mission.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SearchData {
    /// The missions, in the index's order; documents refer to them by position.
    pub missions: Vec<MissionRef>,
    pub docs: Vec<Doc>,
    /// Groups of spellings of one word (transliterations), folded.
    #[serde(default)]
    pub spellings: Vec<Vec<String>>,
}

/// A mission as results name it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MissionRef {
    pub id: String,
    pub acronym: String,
}

/// One thing search can find. Short field names keep the file small.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Doc {
    /// The mission's position in [`SearchData::missions`].
    #[serde(rename = "m")]
    pub mission: u16,
    /// The page: a section's slug, or empty for the overview.
    #[serde(rename = "p", default, skip_serializing_if = "String::is_empty")]
    pub page: String,
    /// The id of the element showing it on that page; empty for the page's top.
    #[serde(rename = "a", default, skip_serializing_if = "String::is_empty")]
    pub anchor: String,
    #[serde(rename = "k")]
    pub kind: DocKind,
    /// Shown as the result's heading.
    #[serde(rename = "t")]
    pub title: String,
    /// Shown, cut to the part that matches, under the heading.
    #[serde(rename = "b", default, skip_serializing_if = "String::is_empty")]
    pub body: String,
    /// Searched but not shown: names in other languages, other readings.
    #[serde(rename = "x", default, skip_serializing_if = "String::is_empty")]
    pub extra: String,
}

/// What a document is, for the label on a result.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DocKind {
    Mission,
    Mandate,
    Resolution,
    Event,
    LeadershipChange,
    Person,
    Post,
    Office,
    Source,
}

impl DocKind {
    /// The label on a result, in the reader's language.
    pub fn label(self, t: &crate::i18n::Strings) -> &'static str {
        match self {
            DocKind::Mission => t.srch_kind_mission(),
            DocKind::Mandate => t.srch_kind_mandate(),
            DocKind::Resolution => t.srch_kind_resolution(),
            DocKind::Event => t.srch_kind_event(),
            DocKind::LeadershipChange => t.srch_kind_leadership_change(),
            DocKind::Person => t.srch_kind_person(),
            DocKind::Post => t.srch_kind_post(),
            DocKind::Office => t.srch_kind_office(),
            DocKind::Source => t.srch_kind_source(),
        }
    }
}

impl SearchData {
    /// The documents of these missions, in order, with the spelling groups.
    pub fn build(missions: &[Mission], spellings: Vec<Vec<String>>) -> SearchData {
        let mut data = SearchData {
            spellings,
            ..SearchData::default()
        };
        for (i, m) in missions.iter().enumerate() {
            data.missions.push(MissionRef {
                id: m.id.clone(),
                acronym: m.acronym.clone(),
            });
            let position = u16::try_from(i).unwrap_or(u16::MAX);
            data.docs.extend(documents(m, position));
        }
        data
    }

    /// The address of a document's page and anchor, without the site's base.
    pub fn href(&self, doc: &Doc) -> String {
        let id = self
            .missions
            .get(usize::from(doc.mission))
            .map_or("", |m| m.id.as_str());
        let page = match Section::from_slug(&doc.page) {
            Some(section) => crate::routes::section(id, section),
            None => crate::routes::mission(id),
        };
        if doc.anchor.is_empty() {
            page
        } else {
            format!("{page}#{}", doc.anchor)
        }
    }

    pub fn acronym(&self, doc: &Doc) -> &str {
        self.missions
            .get(usize::from(doc.mission))
            .map_or("", |m| m.acronym.as_str())
    }
}

/// Every language's text but English, for the searched-only field.
fn other_languages(text: &Text) -> impl Iterator<Item = &str> {
    text.languages()
        .filter(|l| *l != "en")
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

/// One mission's documents, in page order.
pub fn documents(m: &Mission, mission: u16) -> Vec<Doc> {
    let mut docs = Vec::new();
    let mut add = |page: Option<Section>, anchor: String, kind, title, body, extra| {
        docs.push(Doc {
            mission,
            page: page.map(|s| s.slug().to_owned()).unwrap_or_default(),
            anchor,
            kind,
            title,
            body,
            extra,
        });
    };

    let mut extra: Vec<&str> = vec![m.id.as_str()];
    extra.extend(other_languages(&m.name));
    extra.extend(m.country.languages().map(|l| m.country.get(l).text));
    if let Some(hq) = &m.headquarters {
        extra.extend(hq.value.languages().map(|l| hq.value.get(l).text));
    }
    if let Some(note) = &m.status.note {
        extra.push(note.en());
    }
    add(
        None,
        String::new(),
        DocKind::Mission,
        format!("{}: {}", m.acronym, m.name.en()),
        m.summary.value.en().to_owned(),
        joined(extra),
    );

    for area in &m.mandate {
        add(
            Some(Section::Mandate),
            anchors::mandate_area(&area.id),
            DocKind::Mandate,
            area.title.en().to_owned(),
            area.description
                .as_ref()
                .map(|d| d.en().to_owned())
                .unwrap_or_default(),
            joined(other_languages(&area.title)),
        );
    }

    for entry in entries(m) {
        let kind = match entry.kind {
            EntryKind::Resolution => DocKind::Resolution,
            EntryKind::Event => DocKind::Event,
            EntryKind::Leadership => DocKind::LeadershipChange,
        };
        let date = entry.date.to_english();
        add(
            Some(Section::Timeline),
            entry.anchor.clone(),
            kind,
            entry.title.clone(),
            joined([date.as_str(), entry.body.unwrap_or_default()]),
            joined(entry.other_readings.iter().map(|r| r.says.en())),
        );
    }

    for post in &m.leadership {
        let post_title = match &post.portfolio {
            Some(p) => format!("{}, {}", post.title.en(), p.en()),
            None => post.title.en().to_owned(),
        };
        if post.holders.is_empty() {
            add(
                Some(Section::Leadership),
                anchors::post(&post.id),
                DocKind::Post,
                post_title.clone(),
                String::new(),
                String::new(),
            );
        }
        for (i, holder) in post.holders.iter().enumerate() {
            let when = Locale::DEFAULT
                .strings()
                .tenure(holder.from, holder.to)
                .unwrap_or_default();
            let nationality = holder
                .nationality
                .as_ref()
                .map(|n| n.en())
                .unwrap_or_default();
            let note = holder.note.as_ref().map(|n| n.en()).unwrap_or_default();
            let mut extra: Vec<&str> = other_languages(&holder.name).collect();
            extra.extend(holder.other_readings.iter().map(|r| r.says.en()));
            add(
                Some(Section::Leadership),
                anchors::holder(&post.id, i),
                DocKind::Person,
                holder.name.en().to_owned(),
                joined([post_title.as_str(), when.as_str(), nationality, note]),
                joined(extra),
            );
        }
    }

    for office in &m.offices {
        let role = office.role.as_ref().map(|r| r.en()).unwrap_or_default();
        let note = office.note.as_ref().map(|n| n.en()).unwrap_or_default();
        let city = office
            .place
            .as_ref()
            .map(|p| p.city.as_str())
            .unwrap_or_default();
        let mut extra: Vec<&str> = other_languages(&office.name).collect();
        extra.push(city);
        add(
            Some(Section::Offices),
            anchors::office(&office.id),
            DocKind::Office,
            office.name.en().to_owned(),
            joined([role, note]),
            joined(extra),
        );
    }

    for (i, source) in m.sources.iter().enumerate() {
        add(
            Some(Section::Sources),
            source_anchor(i + 1),
            DocKind::Source,
            source.title.en().to_owned(),
            source.publisher.en().to_owned(),
            joined(other_languages(&source.title)),
        );
    }
    docs
}
