//! `make schema`: writes the JSON Schemas of the data files (data/schema/),
//! generated from the Rust model. A test fails when the committed ones are stale.

// A native tool: the data files are read from disk. In the browser build
// (`clippy --target wasm32`) it is an empty program.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    native::main()
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::process::ExitCode;

    use mission_pages::data::schema::{
        INDEX_SCHEMA, MISSION_SCHEMA, SPELLINGS_SCHEMA, index_schema, mission_schema,
        spellings_schema,
    };

    pub fn main() -> ExitCode {
        let mut status = ExitCode::SUCCESS;
        for ((path, _), text) in [
            (INDEX_SCHEMA, index_schema()),
            (MISSION_SCHEMA, mission_schema()),
            (SPELLINGS_SCHEMA, spellings_schema()),
        ] {
            let written =
                std::fs::create_dir_all("data/schema").and_then(|()| std::fs::write(path, text));
            match written {
                Ok(()) => println!("wrote {path}"),
                Err(e) => {
                    eprintln!("cannot write {path}: {e}");
                    status = ExitCode::FAILURE;
                }
            }
        }
        status
    }
}
