//! `make schema`: writes the JSON Schemas of the data files (data/schema/),
//! generated from the Rust model. A test fails when the committed ones are stale.

use std::process::ExitCode;

use mission_pages::data::schema::{INDEX_SCHEMA, MISSION_SCHEMA, index_schema, mission_schema};

fn main() -> ExitCode {
    let mut status = ExitCode::SUCCESS;
    for ((path, _), text) in [
        (INDEX_SCHEMA, index_schema()),
        (MISSION_SCHEMA, mission_schema()),
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
