//! `make search-data`: writes the documents the search page looks through,
//! for every mission listed in data/index.json, one file per published
//! language, to target/generated/search-data/ (`docs.json` in English,
//! `docs-ar.json`…; Trunk copies them to dist/).
//!
//! Run after `make validate`'s checks pass: it stops at the first file it
//! cannot read, naming it.

// A native tool: the data files are read from disk. In the browser build
// (`clippy --target wasm32`) it is an empty program.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    mission_pages::facts::publish::tool_exit("search-data", native::run())
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use mission_pages::data::{Mission, MissionIndex, Spellings};
    use mission_pages::facts::mission::MissionFacts;
    use mission_pages::facts::search::{SearchData, folded_spellings, search_file};
    use mission_pages::site::i18n::Locale;
    use mission_pages::site::load::{INDEX_FILE, SPELLINGS_FILE, mission_file, parse};

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
        let groups = folded_spellings(&spellings);
        let _ = std::fs::remove_dir_all(OUT_DIR);
        std::fs::create_dir_all(OUT_DIR).map_err(|e| format!("cannot create {OUT_DIR}: {e}"))?;
        for locale in Locale::ALL.into_iter().filter(|l| l.is_published()) {
            let facts: Vec<MissionFacts> = missions
                .iter()
                .map(|m| MissionFacts::new(m.clone(), locale.strings()))
                .collect();
            let data = SearchData::build(&facts, groups.clone());
            let json = serde_json::to_string(&data).map_err(|e| e.to_string())?;
            let file = search_file(locale);
            let name = file.trim_start_matches("search-data/");
            let out = format!("{OUT_DIR}/{name}");
            std::fs::write(&out, &json).map_err(|e| format!("cannot write {out}: {e}"))?;
            let english = data.docs.iter().filter(|d| d.in_english).count();
            println!(
                "wrote {out}: {} documents of {} missions ({english} in English for want of a translation), {} bytes",
                data.docs.len(),
                data.missions.len(),
                json.len()
            );
        }
        Ok(())
    }
}
