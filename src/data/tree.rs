//! (native) The data folder as a whole, for the tools that write files made
//! from it: `data/index.json` (`make index`) and `docs/coverage.md`
//! (`make coverage`).

use std::path::Path;

use super::files::{INDEX_FILE, parse};
use super::model::{Mission, MissionIndex};
use super::schema::INDEX_SCHEMA;

/// The folder that holds `data/`, as the data tools take it: their first
/// argument, or the current folder.
pub fn root_argument() -> std::path::PathBuf {
    std::env::args_os()
        .nth(1)
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::path::PathBuf::from("."))
}

/// Every `data/missions/*.json` under `root`, parsed, in file-name order; or
/// the first problem (`make validate` lists them all).
pub fn read_missions(root: &Path) -> Result<Vec<Mission>, String> {
    let dir = root.join("data/missions");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .map_err(|e| format!("{}: cannot read the folder: {e}", dir.display()))?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json"))
        .collect();
    names.sort();
    names
        .iter()
        .map(|name| {
            let file = format!("data/missions/{name}");
            let text = std::fs::read_to_string(root.join(&file))
                .map_err(|e| format!("{file}: cannot read the file: {e}"))?;
            parse::<Mission>(&file, &text).map_err(|e| e.to_string())
        })
        .collect()
}

/// The catalogue's index made from the mission files: each entry is
/// `Mission::summary`, so nothing in it is written twice by hand. Missions
/// keep the order of `previous` (the service worker caches in that order);
/// new ones follow, by id.
pub fn make_index(missions: &[Mission], previous: Option<&MissionIndex>) -> MissionIndex {
    let position = |id: &str| {
        previous
            .and_then(|p| p.missions.iter().position(|s| s.id == id))
            .unwrap_or(usize::MAX)
    };
    let mut entries: Vec<_> = missions.iter().map(Mission::summary).collect();
    entries.sort_by(|a, b| position(&a.id).cmp(&position(&b.id)).then(a.id.cmp(&b.id)));
    MissionIndex {
        schema: Some(INDEX_SCHEMA.1.to_owned()),
        missions: entries,
    }
}

/// Writes `data/index.json` from the mission files under `root`.
pub fn write_index(root: &Path) -> Result<usize, String> {
    let missions = read_missions(root)?;
    let path = root.join(INDEX_FILE);
    let previous = std::fs::read_to_string(&path)
        .ok()
        .and_then(|text| parse::<MissionIndex>(INDEX_FILE, &text).ok());
    let index = make_index(&missions, previous.as_ref());
    let text = serde_json::to_string_pretty(&index).map_err(|e| e.to_string())? + "\n";
    std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(index.missions.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::files::parse;

    fn mission(id: &str) -> Mission {
        let mut m: Mission = parse(
            "test.json",
            include_str!("../../tests/fixtures/validate/valid/data/missions/test.json"),
        )
        .unwrap();
        m.id = id.to_owned();
        m
    }

    #[test]
    fn the_index_keeps_its_order_and_adds_new_missions_by_id() {
        let previous = make_index(&[mission("b"), mission("a")], None);
        assert_eq!(ids(&previous), ["a", "b"]);
        let reordered = MissionIndex {
            missions: previous.missions.iter().rev().cloned().collect(),
            ..previous
        };
        let next = make_index(
            &[mission("a"), mission("d"), mission("b"), mission("c")],
            Some(&reordered),
        );
        assert_eq!(ids(&next), ["b", "a", "c", "d"]);
        assert_eq!(next.missions[0], mission("b").summary());
    }

    fn ids(index: &MissionIndex) -> Vec<&str> {
        index.missions.iter().map(|m| m.id.as_str()).collect()
    }
}
