//! The files a reader can download from the Data page: each mission's JSON,
//! the schemas, the CSV tables and the zip of everything, listed with their
//! sizes and dates by the build (`src/bin/downloads.rs`).

use serde::{Deserialize, Serialize};

use crate::data::Date;

/// The path of the list of downloads, relative to the site's base.
pub const DOWNLOADS_FILE: &str = "downloads/index.json";

/// The path of the zip of the whole dataset, relative to the site's base.
pub const DATASET_ZIP: &str = "downloads/mission-pages-data.zip";

/// The data's licence (`LICENSE-DATA`): Creative Commons Attribution 4.0.
pub const DATA_LICENCE: &str = "CC BY 4.0";
/// The data licence's own page.
pub const DATA_LICENCE_URL: &str = "https://creativecommons.org/licenses/by/4.0/";
/// The code's licence (`LICENSE`, and `Cargo.toml`).
pub const CODE_LICENCE: &str = "MIT";

/// Every downloadable file, in the order the Data page lists them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Downloads {
    pub files: Vec<Download>,
}

/// One file, as the Data page lists it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Download {
    /// Relative to the site's base: `data/missions/unami.json`,
    /// `downloads/missions/unami/resolutions.csv`.
    pub path: String,
    pub kind: DownloadKind,
    /// The mission it is about; `None` for files about every mission.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mission: Option<String>,
    /// The table, for a CSV file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table: Option<Table>,
    /// Its size in bytes.
    pub bytes: u64,
    /// When the data in it last changed (from the history), if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changed: Option<Date>,
}

/// What a downloadable file is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DownloadKind {
    /// A mission's data file, as editors write it.
    Mission,
    /// The catalogue's index of every mission.
    Index,
    /// A JSON Schema of the data files.
    Schema,
    /// One table of one mission, or of every mission, as CSV.
    Csv,
    /// The whole dataset in one zip file.
    Zip,
}

/// The tables every mission's data is also published as, one CSV file each.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Table {
    Resolutions,
    HeadsOfMission,
    Personnel,
    Budgets,
    Offices,
    Sources,
}

impl Table {
    /// Every table, in the order the Data page lists them.
    pub const ALL: [Table; 6] = [
        Table::Resolutions,
        Table::HeadsOfMission,
        Table::Personnel,
        Table::Budgets,
        Table::Offices,
        Table::Sources,
    ];

    /// The file name's stem: `heads-of-mission`.
    pub fn slug(self) -> &'static str {
        match self {
            Table::Resolutions => "resolutions",
            Table::HeadsOfMission => "heads-of-mission",
            Table::Personnel => "personnel",
            Table::Budgets => "budgets",
            Table::Offices => "offices",
            Table::Sources => "sources",
        }
    }

    /// The path of the table's CSV file for one mission, or for every
    /// mission together (`None`).
    pub fn csv_path(self, mission: Option<&str>) -> String {
        match mission {
            Some(id) => format!("downloads/missions/{id}/{}.csv", self.slug()),
            None => format!("downloads/all/{}.csv", self.slug()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_have_one_path_each() {
        assert_eq!(
            Table::HeadsOfMission.csv_path(Some("unami")),
            "downloads/missions/unami/heads-of-mission.csv"
        );
        assert_eq!(Table::Sources.csv_path(None), "downloads/all/sources.csv");
        let json = serde_json::to_string(&Table::HeadsOfMission).expect("serialises");
        assert_eq!(json, "\"heads-of-mission\"");
    }
}
