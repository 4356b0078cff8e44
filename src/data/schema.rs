//! JSON Schemas for the data files, generated from the model so they cannot
//! drift from what the app accepts. Editors use them (through each file's
//! `"$schema"`) to check a file as it is typed. Native builds only.

use schemars::{JsonSchema, generate::SchemaSettings};

use super::model::{Mission, MissionIndex, Spellings};

/// Where the schemas live, relative to the folder that holds `data/`, and the
/// `"$schema"` value each kind of data file uses to point at its schema.
pub const INDEX_SCHEMA: (&str, &str) =
    ("data/schema/index.schema.json", "schema/index.schema.json");
pub const MISSION_SCHEMA: (&str, &str) = (
    "data/schema/mission.schema.json",
    "../schema/mission.schema.json",
);

pub const SPELLINGS_SCHEMA: (&str, &str) = (
    "data/schema/spellings.schema.json",
    "schema/spellings.schema.json",
);

fn schema_text<T: JsonSchema>(title: &str) -> String {
    let generator = SchemaSettings::draft07().into_generator();
    let mut schema = generator.into_root_schema_for::<T>();
    schema.insert("title".to_owned(), title.into());
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

/// The schema of `data/index.json`.
pub fn index_schema() -> String {
    schema_text::<MissionIndex>("Mission Pages catalogue index")
}

/// The schema of each `data/missions/{id}.json`.
pub fn mission_schema() -> String {
    schema_text::<Mission>("Mission Pages mission")
}

/// The schema of `data/spellings.json`.
pub fn spellings_schema() -> String {
    schema_text::<Spellings>("Mission Pages search spellings")
}
