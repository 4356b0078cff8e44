//! What search looks through: every mission's content cut into documents,
//! one for each thing a result can link to (a timeline entry, a mandate area,
//! a person, an office, a source), with the page and anchor it is at.
//!
//! The build writes these for all missions to one file per language
//! (`make search-data`), so the search page downloads one small file instead
//! of every mission; the anchors come from the same functions the pages use,
//! so results land on the element that shows the fact. A language's file
//! shows its own texts, the English ones where the data lacks them (so
//! marked), and also searches every other language's.

use serde::{Deserialize, Serialize};

use crate::data::Spellings;
use crate::facts::mission::{FactKind, MissionFacts};
use crate::site::i18n::Locale;
use crate::site::routes::Section;

/// The file the search page of a language downloads, relative to the site's
/// base: `search-data/docs.json` in English, `search-data/docs-ar.json` in
/// Arabic. A language being prepared searches the English documents.
pub fn search_file(locale: Locale) -> String {
    if locale == Locale::DEFAULT || !locale.is_published() {
        "search-data/docs.json".to_owned()
    } else {
        format!("search-data/docs-{}.json", locale.code())
    }
}

/// `search-data/docs*.json`: every document of every mission.
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
    /// The page: a section's slug, or empty for the overview; for a year's
    /// pages of a long timeline, the slug, the year and the page
    /// (`timeline/2019/1`).
    #[serde(rename = "p", default, skip_serializing_if = "String::is_empty")]
    pub page: String,
    /// The id of the element showing it on that page; empty for the page's top.
    #[serde(rename = "a", default, skip_serializing_if = "String::is_empty")]
    pub anchor: String,
    #[serde(rename = "k")]
    pub kind: FactKind,
    /// Shown as the result's heading.
    #[serde(rename = "t")]
    pub title: String,
    /// Shown, cut to the part that matches, under the heading.
    #[serde(rename = "b", default, skip_serializing_if = "String::is_empty")]
    pub body: String,
    /// Searched but not shown: names in other languages, other readings.
    #[serde(rename = "x", default, skip_serializing_if = "String::is_empty")]
    pub extra: String,
    /// The title or text is English, for want of a translation.
    #[serde(rename = "e", default, skip_serializing_if = "std::ops::Not::not")]
    pub in_english: bool,
}

/// The spelling groups of `data/spellings.json` as [`SearchData::build`]
/// takes them: each spelling folded, as search compares words.
pub fn folded_spellings(spellings: &Spellings) -> Vec<Vec<String>> {
    spellings
        .groups
        .iter()
        .map(|g| {
            g.words
                .iter()
                .map(|w| crate::data::words::fold(w))
                .collect()
        })
        .collect()
}

impl SearchData {
    /// The documents of these missions' facts (all in one language), in
    /// order, with the spelling groups.
    pub fn build(missions: &[MissionFacts], spellings: Vec<Vec<String>>) -> SearchData {
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
        let mut parts = doc.page.split('/');
        let section = parts.next().and_then(Section::from_slug);
        let mut number = || parts.next().and_then(|n| n.parse::<u16>().ok());
        let page = match (section, number(), number()) {
            (Some(Section::Timeline), Some(year), part) => crate::site::routes::timeline_page(
                id,
                crate::facts::timeline::YearPage {
                    year,
                    part: part.unwrap_or(1),
                },
            ),
            (Some(section), _, _) => crate::site::routes::section(id, section),
            (None, _, _) => crate::site::routes::mission(id),
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

/// One mission's documents, in page order: its facts that search finds.
pub fn documents(facts: &MissionFacts, mission: u16) -> Vec<Doc> {
    let timeline = facts.timeline();
    let searched = facts
        .all()
        .iter()
        .filter_map(|f| Some((f, f.search.as_ref()?)));
    searched
        .map(|(fact, search)| {
            // An entry of a long timeline is on its page: `timeline/2019/1`.
            let page = match fact.page {
                None => String::new(),
                Some(Section::Timeline) => match timeline.place_of(&fact.anchor) {
                    Some(p) => format!("{}/{}/{}", Section::Timeline.slug(), p.year, p.part),
                    None => Section::Timeline.slug().to_owned(),
                },
                Some(section) => section.slug().to_owned(),
            };
            Doc {
                mission,
                page,
                anchor: fact.anchor.clone(),
                kind: fact.kind,
                title: search.title.clone(),
                body: search.body.clone(),
                extra: search.extra.clone(),
                in_english: search.in_english,
            }
        })
        .collect()
}
