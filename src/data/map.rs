//! The offices map of a mission, as the build writes it to `maps/{id}.json`
//! (scripts/maps.mjs): country outlines already projected to SVG paths, and
//! each office's position in the same coordinates.

use std::collections::BTreeMap;

use serde::Deserialize;

/// The path of a mission's map file, relative to the site's base.
pub fn map_file(mission_id: &str) -> String {
    format!("maps/{mission_id}.json")
}

/// One mission's map.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct MapData {
    /// The size of the SVG coordinate space (its viewBox).
    pub width: f64,
    pub height: f64,
    /// The English name of the country drawn, or "" for a region.
    pub country: String,
    /// SVG path data of the mission's country (or countries).
    pub outline: String,
    /// SVG path data of the other countries in the frame.
    pub neighbours: String,
    /// Each placed office's position, by office id.
    pub places: BTreeMap<String, MapPlace>,
    /// Offices whose position is known but lies outside the frame.
    #[serde(default)]
    pub outside: Vec<String>,
    /// Offices the build could not place.
    #[serde(default)]
    pub unplaced: Vec<String>,
    /// Where the shapes and positions come from, and their licences.
    pub attribution: String,
}

/// Where an office is drawn, and where that position comes from.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct MapPlace {
    pub x: f64,
    pub y: f64,
    pub lat: f64,
    pub lon: f64,
    /// "data" (coordinates in the mission file) or "geonames" (the town's position).
    pub from: String,
    #[serde(default)]
    pub geonames_id: Option<u64>,
}
