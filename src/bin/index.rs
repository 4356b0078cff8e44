//! `make index`: writes `data/index.json`, the catalogue's list, from the
//! mission files (each entry is what `Mission::summary` makes of its file).
//!
//! Usage: index [ROOT]   (ROOT holds data/; default: the current folder)

// A native tool: the data files are read from disk. In the browser build
// (`clippy --target wasm32`) it is an empty program.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use mission_pages::data::tree::{root_argument, write_index};
    match write_index(&root_argument()) {
        Ok(count) => {
            println!("wrote data/index.json: {count} missions");
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}\n(run `make validate` to see every problem)");
            std::process::ExitCode::FAILURE
        }
    }
}
