//! What changed in the data, and when: made at build time from the
//! repository's history (`src/bin/history.rs`), read by the pages ("data last
//! changed", the lists of changes, citations) and the Atom feed.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::data::Date;

/// The path of the history file, relative to the site's base.
pub const HISTORY_FILE: &str = "history/history.json";

/// The path of [`ChangeDates`]' file, relative to the site's base.
pub const DATES_FILE: &str = "history/dates.json";

/// When the data last changed, in all and mission by mission: what every
/// page shows and cites. Its own small file, so that pages do not download
/// the whole history, which grows with every change.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChangeDates {
    /// Whether the build knew the history (else every date is unknown).
    pub available: bool,
    /// The last change to any of the data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<Date>,
    /// Each mission's last change, by id.
    #[serde(default)]
    pub missions: BTreeMap<String, Date>,
}

impl ChangeDates {
    /// When the data of these missions last changed (of all, for none).
    pub fn of(&self, missions: &[String]) -> Option<Date> {
        if missions.is_empty() {
            self.data
        } else {
            missions
                .iter()
                .filter_map(|id| self.missions.get(id))
                .max()
                .copied()
        }
    }
}

/// The data's changes, newest first, or why the build could not know them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct History {
    /// `None` when the build had no history to read (a tarball, a shallow
    /// clone): the pages then say the history is unavailable rather than
    /// show a partial one.
    pub changes: Option<Vec<Change>>,
    /// Why the history is unavailable, for the build's log (in English).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unavailable: Option<String>,
}

/// One commit that changed files under `data/`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Change {
    /// The commit's date (UTC).
    pub date: Date,
    /// The commit's abbreviated hash.
    pub commit: String,
    /// The commit message's first line, as its author wrote it (in English).
    pub summary: String,
    /// The missions whose files it changed, by id, in id order.
    pub missions: Vec<MissionChange>,
}

/// How one commit changed one mission's file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MissionChange {
    pub id: String,
    /// The file was new in this commit.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub added: bool,
    /// The file was removed in this commit.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub removed: bool,
    /// What changed, field by field (top-level fields of the mission file),
    /// in the file's field order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldChange>,
}

/// How many items of one top-level field (`events`, `sources`…) a commit
/// added, removed or changed; a field that is not a list counts as one
/// item changed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldChange {
    pub field: String,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub added: u32,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub removed: u32,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub changed: u32,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

impl History {
    /// Whether the build knew the history.
    pub fn is_available(&self) -> bool {
        self.changes.is_some()
    }

    /// Every change, newest first (none when unavailable).
    pub fn all(&self) -> &[Change] {
        self.changes.as_deref().unwrap_or_default()
    }

    /// The changes to one mission's file, newest first.
    pub fn of_mission<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a Change> + 'a {
        self.all()
            .iter()
            .filter(move |c| c.missions.iter().any(|m| m.id == id))
    }

    /// When the mission's data last changed, if known.
    pub fn mission_changed(&self, id: &str) -> Option<Date> {
        self.of_mission(id).map(|c| c.date).max()
    }

    /// When any of the data last changed, if known.
    pub fn data_changed(&self) -> Option<Date> {
        self.all().iter().map(|c| c.date).max()
    }

    /// The dates every page shows ([`DATES_FILE`]).
    pub fn dates(&self) -> ChangeDates {
        let ids: std::collections::BTreeSet<&str> = self
            .all()
            .iter()
            .flat_map(|c| c.missions.iter().map(|m| m.id.as_str()))
            .collect();
        let missions = ids
            .into_iter()
            .filter_map(|id| Some((id.to_owned(), self.mission_changed(id)?)))
            .collect();
        ChangeDates {
            available: self.is_available(),
            data: self.data_changed(),
            missions,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(date: &str, ids: &[&str]) -> Change {
        Change {
            date: Date::parse(date).expect("a date"),
            commit: "abc1234".to_owned(),
            summary: "Edit".to_owned(),
            missions: ids
                .iter()
                .map(|id| MissionChange {
                    id: (*id).to_owned(),
                    added: false,
                    removed: false,
                    fields: vec![],
                })
                .collect(),
        }
    }

    #[test]
    fn dates_come_from_the_changes_that_touched_the_mission() {
        let history = History {
            changes: Some(vec![
                change("2026-12-07", &["unama"]),
                change("2026-11-28", &["unami", "unama"]),
            ]),
            unavailable: None,
        };
        assert_eq!(
            history.mission_changed("unami"),
            Date::parse("2026-11-28").ok()
        );
        assert_eq!(
            history.mission_changed("unama"),
            Date::parse("2026-12-07").ok()
        );
        assert_eq!(history.mission_changed("unmik"), None);
        assert_eq!(history.data_changed(), Date::parse("2026-12-07").ok());
        assert_eq!(history.of_mission("unami").count(), 1);
        let dates = history.dates();
        assert!(dates.available);
        assert_eq!(
            dates.of(&["unami".to_owned()]),
            history.mission_changed("unami")
        );
        assert_eq!(
            dates.of(&["unami".to_owned(), "unama".to_owned()]),
            Date::parse("2026-12-07").ok()
        );
        assert_eq!(dates.of(&[]), history.data_changed());
        assert_eq!(dates.of(&["unmik".to_owned()]), None);
    }

    #[test]
    fn an_unavailable_history_knows_no_dates() {
        let history: History =
            serde_json::from_str(r#"{"changes":null,"unavailable":"no .git"}"#).expect("parses");
        assert!(!history.is_available());
        assert_eq!(history.data_changed(), None);
        assert_eq!(history.mission_changed("unami"), None);
    }
}
