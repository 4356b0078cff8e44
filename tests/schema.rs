//! The committed JSON Schemas match the Rust model; run `make schema` after
//! changing the model to bring them up to date.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use mission_pages::data::schema::{
    INDEX_SCHEMA, MISSION_SCHEMA, SPELLINGS_SCHEMA, index_schema, mission_schema, spellings_schema,
};

fn committed(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
        .unwrap_or_else(|e| panic!("{path}: {e}; run `make schema`"))
}

#[test]
fn the_committed_schemas_are_up_to_date() {
    for (path, generated) in [
        (INDEX_SCHEMA.0, index_schema()),
        (MISSION_SCHEMA.0, mission_schema()),
        (SPELLINGS_SCHEMA.0, spellings_schema()),
    ] {
        assert!(
            committed(path) == generated,
            "{path} is out of date with the Rust model: run `make schema` and commit the result"
        );
    }
}

#[test]
fn the_schemas_require_what_the_model_requires() {
    let mission: serde_json::Value = serde_json::from_str(&mission_schema()).unwrap();
    assert_eq!(
        mission["additionalProperties"], false,
        "unknown fields are refused"
    );
    let required = mission["required"].as_array().unwrap();
    for field in ["id", "name", "status", "established", "sources"] {
        assert!(required.iter().any(|r| r == field), "{field} is required");
    }
    let text = &mission["definitions"]["Text"];
    assert_eq!(
        text["required"][0], "en",
        "English is required in every text"
    );
}
