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

use crate::data::{Mission, Spellings, Text};
use crate::facts::citations::{anchors, source_anchor};
use crate::facts::timeline::{EntryKind, entries_in};
use crate::site::i18n::{Locale, Strings};
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
    /// The title or text is English, for want of a translation.
    #[serde(rename = "e", default, skip_serializing_if = "std::ops::Not::not")]
    pub in_english: bool,
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
    pub fn label(self, t: &crate::site::i18n::Strings) -> &'static str {
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
    /// The documents of these missions in the language of `t`, in order,
    /// with the spelling groups.
    pub fn build(missions: &[Mission], spellings: Vec<Vec<String>>, t: &Strings) -> SearchData {
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
            data.docs.extend(documents(m, position, t));
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

/// The text in every language but the one shown in `lang` (`lang` or, for
/// want of it, English), for the searched-only field.
fn other_languages<'a>(text: &'a Text, lang: &str) -> impl Iterator<Item = &'a str> {
    let shown = text.get(lang).lang;
    text.languages()
        .filter(move |l| *l != shown)
        .map(|l| text.get(l).text)
}

/// An optional text in `lang` (or English), or nothing.
fn plain<'a>(text: Option<&'a Text>, lang: &str) -> &'a str {
    text.map(|t| t.get(lang).text).unwrap_or_default()
}

/// Joins the non-empty parts with " · ".
fn joined<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    parts
        .into_iter()
        .filter(|p| !p.trim().is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
}

/// One mission's documents in the language of `t`, in page order.
pub fn documents(m: &Mission, mission: u16, t: &Strings) -> Vec<Doc> {
    let lang = t.locale().code();
    let mut docs = Vec::new();
    // An entry of a long timeline is on its page: `timeline/2019/1`.
    let timeline_pages = crate::facts::timeline::Pages::of(m);
    let mut add = |page: Option<Section>, anchor: String, kind, in_english, title, body, extra| {
        let page = match page {
            None => String::new(),
            Some(Section::Timeline) => match timeline_pages.place_of(&anchor) {
                Some(p) => format!("{}/{}/{}", Section::Timeline.slug(), p.year, p.part),
                None => Section::Timeline.slug().to_owned(),
            },
            Some(section) => section.slug().to_owned(),
        };
        docs.push(Doc {
            mission,
            page,
            anchor,
            kind,
            title,
            body,
            extra,
            in_english,
        });
    };
    let text = |text: &Text| text.get(lang).text.to_owned();
    // Whether any of the texts a document shows fell back to English.
    let english = |shown: &[Option<&Text>]| {
        shown
            .iter()
            .flatten()
            .any(|text| text.get(lang).is_fallback)
    };

    let mut extra: Vec<&str> = vec![m.id.as_str()];
    extra.extend(other_languages(&m.name, lang));
    extra.extend(m.country.languages().map(|l| m.country.get(l).text));
    if let Some(hq) = &m.headquarters {
        extra.extend(hq.value.languages().map(|l| hq.value.get(l).text));
    }
    extra.extend(m.status.note.as_ref().map(|n| n.get(lang).text));
    add(
        None,
        String::new(),
        DocKind::Mission,
        english(&[Some(&m.name), Some(&m.summary.value)]),
        format!("{}: {}", m.acronym, text(&m.name)),
        text(&m.summary.value),
        joined(extra),
    );

    for area in &m.mandate {
        add(
            Some(Section::Mandate),
            anchors::mandate_area(&area.id),
            DocKind::Mandate,
            english(&[Some(&area.title), area.description.as_ref()]),
            text(&area.title),
            plain(area.description.as_ref(), lang).to_owned(),
            joined(other_languages(&area.title, lang)),
        );
    }

    for entry in entries_in(m, t) {
        let kind = match entry.kind {
            EntryKind::Resolution => DocKind::Resolution,
            EntryKind::Event => DocKind::Event,
            EntryKind::Leadership => DocKind::LeadershipChange,
        };
        let date = t.date(entry.date);
        // An event's title in the other languages, so that either finds it.
        let mut extra: Vec<&str> = m
            .events
            .iter()
            .find(|e| entry.anchor.strip_prefix("ev-") == Some(e.id.as_str()))
            .map(|e| other_languages(&e.title, lang).collect())
            .unwrap_or_default();
        extra.extend(entry.other_readings.iter().map(|r| r.says.get(lang).text));
        add(
            Some(Section::Timeline),
            entry.anchor.clone(),
            kind,
            entry.title_in_english || entry.body_in_english,
            entry.title.clone(),
            joined([date.as_str(), entry.body.unwrap_or_default()]),
            joined(extra),
        );
    }

    for post in &m.leadership {
        let post_title = match &post.portfolio {
            Some(p) => format!("{}{}{}", text(&post.title), t.list_comma(), text(p)),
            None => text(&post.title),
        };
        if post.holders.is_empty() {
            add(
                Some(Section::Leadership),
                anchors::post(&post.id),
                DocKind::Post,
                english(&[Some(&post.title), post.portfolio.as_ref()]),
                post_title.clone(),
                String::new(),
                String::new(),
            );
        }
        for (i, holder) in post.holders.iter().enumerate() {
            let when = t.tenure(holder.from, holder.to).unwrap_or_default();
            let nationality = plain(holder.nationality.as_ref(), lang);
            let note = plain(holder.note.as_ref(), lang);
            let mut extra: Vec<&str> = other_languages(&holder.name, lang).collect();
            extra.extend(holder.other_readings.iter().map(|r| r.says.get(lang).text));
            add(
                Some(Section::Leadership),
                anchors::holder(&post.id, i),
                DocKind::Person,
                english(&[Some(&holder.name), Some(&post.title)]),
                text(&holder.name),
                joined([post_title.as_str(), when.as_str(), nationality, note]),
                joined(extra),
            );
        }
    }

    for office in &m.offices {
        let city = office
            .place
            .as_ref()
            .map(|p| p.city.as_str())
            .unwrap_or_default();
        let mut extra: Vec<&str> = other_languages(&office.name, lang).collect();
        extra.push(city);
        add(
            Some(Section::Offices),
            anchors::office(&office.id),
            DocKind::Office,
            english(&[Some(&office.name), office.role.as_ref()]),
            text(&office.name),
            joined([
                plain(office.role.as_ref(), lang),
                plain(office.note.as_ref(), lang),
            ]),
            joined(extra),
        );
    }

    // A source's title is its document's own: shown as written, not marked.
    for (i, source) in m.sources.iter().enumerate() {
        add(
            Some(Section::Sources),
            source_anchor(i + 1),
            DocKind::Source,
            false,
            text(&source.title),
            text(&source.publisher),
            joined(other_languages(&source.title, lang)),
        );
    }
    docs
}
