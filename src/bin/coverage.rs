//! `make coverage`: writes `docs/coverage.md`, every mission against every
//! item of the floor (count, or "not found" with what was looked for).
//!
//! Usage: coverage [ROOT]   (ROOT holds data/ and docs/; default: the current folder)

// A native tool: the data files are read from disk. In the browser build
// (`clippy --target wasm32`) it is an empty program.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use mission_pages::data::coverage::{COVERAGE_FILE, coverage_table};
    use mission_pages::data::tree::{read_missions, root_argument};
    let root = root_argument();
    let written = read_missions(&root).and_then(|missions| {
        std::fs::write(root.join(COVERAGE_FILE), coverage_table(&missions))
            .map_err(|e| format!("{COVERAGE_FILE}: {e}"))
    });
    match written {
        Ok(()) => {
            println!("wrote {COVERAGE_FILE}");
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}\n(run `make validate` to see every problem)");
            std::process::ExitCode::FAILURE
        }
    }
}
