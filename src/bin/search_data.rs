//! `make search-data`: writes the documents the search page looks through,
//! for every mission listed in data/index.json, to
//! target/generated/search-data/docs.json (Trunk copies it to dist/).
//!
//! Run after `make validate`'s checks pass: it stops at the first file it
//! cannot read, naming it.

// A native tool: the data files are read from disk. In the browser build
// (`clippy --target wasm32`) it is an empty program.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    match native::run() {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("search-data: {message}");
            std::process::ExitCode::FAILURE
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use mission_pages::data::load::{INDEX_FILE, SPELLINGS_FILE, mission_file, parse};
    use mission_pages::data::{Mission, MissionIndex, Spellings};
    use mission_pages::search::SearchData;
    use mission_pages::search::text::fold;

    const OUT_DIR: &str = "target/generated/search-data";

    fn read<T: serde::de::DeserializeOwned>(file: &str) -> Result<T, String> {
        let text = std::fs::read_to_string(file).map_err(|e| format!("cannot read {file}: {e}"))?;
        parse(file, &text).map_err(|e| e.to_string())
    }

    pub fn run() -> Result<(), String> {
        let index: MissionIndex = read(INDEX_FILE)?;
        let missions = index
            .missions
            .iter()
            .map(|m| read::<Mission>(&mission_file(&m.id)))
            .collect::<Result<Vec<_>, _>>()?;
        let spellings: Spellings = if std::path::Path::new(SPELLINGS_FILE).exists() {
            read(SPELLINGS_FILE)?
        } else {
            Spellings::default()
        };
        let groups = spellings
            .groups
            .iter()
            .map(|g| g.words.iter().map(|w| fold(w)).collect())
            .collect();
        let data = SearchData::build(&missions, groups);
        let json = serde_json::to_string(&data).map_err(|e| e.to_string())?;
        let out = format!("{OUT_DIR}/docs.json");
        std::fs::create_dir_all(OUT_DIR)
            .and_then(|()| std::fs::write(&out, &json))
            .map_err(|e| format!("cannot write {out}: {e}"))?;
        println!(
            "wrote {out}: {} documents of {} missions, {} bytes",
            data.docs.len(),
            data.missions.len(),
            json.len()
        );
        Ok(())
    }
}
