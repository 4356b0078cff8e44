//! Checks every data file and reports every problem, each with its file,
//! line, column and field path, so an editor can fix them all in one pass.
//!
//! Shape errors (bad JSON, a wrong type, an unknown field, a date that does
//! not exist) come from parsing with the same types the app uses. The rules
//! below then check what types cannot: unique ids, sources that resolve,
//! dates in order, totals that add up, links that are web addresses, and an
//! index that matches the mission files.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::path::Path;

use serde_json::Value;

use super::coverage::{FloorProblem, floor_problems};
use super::files::{INDEX_FILE, LoadError, SPELLINGS_FILE, mission_file, parse};
use super::link::check_link;
use super::locate::{FieldPath, locate};
use super::model::{Headcount, Mission, MissionIndex, MissionSummary, Spellings};
use super::schema::{INDEX_SCHEMA, MISSION_SCHEMA, SPELLINGS_SCHEMA};

/// One problem in one data file.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Issue {
    pub file: String,
    pub line: usize,
    pub column: usize,
    /// The field, like `resolutions[2].sources[0]`; `.` for the whole file.
    pub path: String,
    pub message: String,
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}: {}",
            self.file, self.line, self.column, self.path, self.message
        )
    }
}

/// A data file's path (relative to the data folder's parent, like
/// `data/missions/unami.json`) and its text.
pub struct DataFile {
    pub name: String,
    pub text: String,
}

/// Reads `data/index.json` and every `data/missions/*.json` under `root`
/// (the folder that holds `data/`) and validates them.
pub fn validate_tree(root: &Path) -> Vec<Issue> {
    let read = |name: &str| -> Result<DataFile, Issue> {
        std::fs::read_to_string(root.join(name))
            .map(|text| DataFile {
                name: name.to_owned(),
                text,
            })
            .map_err(|e| file_issue(name, format!("cannot read the file: {e}")))
    };
    let mut issues = Vec::new();
    let index = read(INDEX_FILE).map_err(|e| issues.push(e)).ok();
    let mut missions = Vec::new();
    let dir = root.join("data/missions");
    match std::fs::read_dir(&dir) {
        Ok(entries) => {
            let mut names: Vec<String> = entries
                .filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".json"))
                .collect();
            names.sort();
            for name in names {
                match read(&format!("data/missions/{name}")) {
                    Ok(file) => missions.push(file),
                    Err(e) => issues.push(e),
                }
            }
        }
        Err(e) => issues.push(file_issue(
            "data/missions",
            format!("cannot read the folder: {e}"),
        )),
    }
    issues.extend(validate_files(index.as_ref(), &missions));
    if root.join(SPELLINGS_FILE).exists() {
        match read(SPELLINGS_FILE) {
            Ok(file) => issues.extend(validate_spellings(&file)),
            Err(e) => issues.push(e),
        }
    }
    issues.sort();
    issues
}

/// Checks `data/spellings.json`: each group names at least two spellings,
/// each a single word, and no spelling is in two groups.
pub fn validate_spellings(file: &DataFile) -> Vec<Issue> {
    let mut issues = Vec::new();
    check_untyped(file, SPELLINGS_SCHEMA.1, &mut issues);
    let spellings = match parse::<Spellings>(&file.name, &file.text) {
        Ok(s) => s,
        Err(e) => {
            issues.push(parse_issue(e));
            return issues;
        }
    };
    let mut report = Reporter {
        file,
        issues: &mut issues,
    };
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, group) in spellings.groups.iter().enumerate() {
        let here = FieldPath::root().key("groups").index(i);
        if group.words.len() < 2 {
            report.at(
                here.key("words"),
                "a group needs at least two spellings".to_owned(),
            );
        }
        for (j, word) in group.words.iter().enumerate() {
            if crate::data::words::words(word).count() != 1 {
                report.at(
                    here.key("words").index(j),
                    format!("\"{word}\" is not one word: search compares words one by one"),
                );
            }
            let folded = crate::data::words::fold(word);
            if let Some(other) = seen.insert(folded, i).filter(|o| *o != i) {
                report.at(
                    here.key("words").index(j),
                    format!("\"{word}\" is also in groups[{other}]: merge the two groups"),
                );
            }
        }
    }
    issues
}

/// Validates an index file (if it could be read) and the mission files.
pub fn validate_files(index: Option<&DataFile>, missions: &[DataFile]) -> Vec<Issue> {
    let mut issues = Vec::new();
    let parsed_index = index.and_then(|file| match parse::<MissionIndex>(&file.name, &file.text) {
        Ok(i) => Some(i),
        Err(e) => {
            issues.push(parse_issue(e));
            None
        }
    });
    let mut parsed_missions: BTreeMap<String, (&DataFile, Mission)> = BTreeMap::new();
    for file in missions {
        check_untyped(file, MISSION_SCHEMA.1, &mut issues);
        match parse::<Mission>(&file.name, &file.text) {
            Ok(mission) => {
                let mut report = Reporter {
                    file,
                    issues: &mut issues,
                };
                check_mission(&mission, &mut report);
                let expected = mission_file(&mission.id);
                if file.name != expected {
                    report.at(
                        FieldPath::root().key("id"),
                        format!(
                            "the id \"{}\" does not match the file name; the file should be {expected}",
                            mission.id
                        ),
                    );
                }
                parsed_missions.insert(mission.id.clone(), (file, mission));
            }
            Err(e) => issues.push(parse_issue(e)),
        }
    }
    check_relations(&parsed_missions, &mut issues);
    if let (Some(file), Some(index)) = (index, &parsed_index) {
        check_untyped(file, INDEX_SCHEMA.1, &mut issues);
        let mut report = Reporter {
            file,
            issues: &mut issues,
        };
        check_index(index, &parsed_missions, missions, &mut report);
    }
    issues.sort();
    issues
}

/// A relation naming another mission's page points at a mission file that
/// names this one the other way round, so readers can go both ways.
fn check_relations(missions: &BTreeMap<String, (&DataFile, Mission)>, issues: &mut Vec<Issue>) {
    for (file, m) in missions.values() {
        let mut report = Reporter { file, issues };
        for (i, rel) in m.related.iter().enumerate() {
            let Some(other_id) = &rel.id else { continue };
            let here = FieldPath::root().key("related").index(i);
            if other_id == &m.id {
                report.at(here.key("id"), "a mission cannot follow itself".to_owned());
                continue;
            }
            match missions.get(other_id) {
                None => report.at(
                    here.key("id"),
                    format!(
                        "there is no mission file {}: leave \"id\" out for a mission the site has no page for",
                        mission_file(other_id)
                    ),
                ),
                Some((_, other)) => {
                    let reverse = rel.relation.reverse();
                    let named_back = other
                        .related
                        .iter()
                        .any(|r| r.relation == reverse && r.id.as_deref() == Some(m.id.as_str()));
                    if !named_back {
                        report.at(
                            here.key("id"),
                            format!(
                                "{} does not name \"{}\" as its {}: add the relation there too",
                                mission_file(other_id),
                                m.id,
                                if reverse == super::model::RelationKind::Predecessor {
                                    "predecessor"
                                } else {
                                    "successor"
                                }
                            ),
                        );
                    }
                    if other.acronym != rel.acronym {
                        report.at(
                            here.key("acronym"),
                            format!(
                                "{} gives the acronym {}, not {}",
                                mission_file(other_id),
                                other.acronym,
                                rel.acronym
                            ),
                        );
                    }
                }
            }
        }
    }
}

fn file_issue(file: &str, message: String) -> Issue {
    Issue {
        file: file.to_owned(),
        line: 1,
        column: 1,
        path: ".".to_owned(),
        message,
    }
}

fn parse_issue(error: LoadError) -> Issue {
    match error {
        LoadError::Parse {
            file,
            path,
            line,
            column,
            message,
        } => Issue {
            file,
            line,
            column,
            path,
            message,
        },
        other => file_issue(other.file(), other.to_string()),
    }
}

/// Collects issues for one file, locating each field path in its text.
struct Reporter<'a> {
    file: &'a DataFile,
    issues: &'a mut Vec<Issue>,
}

impl Reporter<'_> {
    fn at(&mut self, path: FieldPath, message: String) {
        let (line, column) = locate(&self.file.text, &path);
        self.issues.push(Issue {
            file: self.file.name.clone(),
            line,
            column,
            path: path.to_string(),
            message,
        });
    }
}

/// The rules read from the plain JSON tree rather than the typed model: every
/// file names its JSON Schema (so editors check it as it is typed), every value
/// under a key named `url` is an http(s) address, and every `sources` list of a
/// fact names entries of the file's own `sources` list. Walking the tree means
/// a fact added to the model later is checked without listing it here.
fn check_untyped(file: &DataFile, schema: &str, issues: &mut Vec<Issue>) {
    let Ok(value) = serde_json::from_str::<Value>(&file.text) else {
        return; // the parse error is reported already
    };
    let mut report = Reporter { file, issues };
    match value.get("$schema") {
        Some(Value::String(s)) if s == schema => {}
        Some(other) => report.at(
            FieldPath::root().key("$schema"),
            format!("the schema reference is {other}; it should be \"{schema}\""),
        ),
        None => report.at(
            FieldPath::root(),
            format!("add \"$schema\": \"{schema}\" so editors can check this file"),
        ),
    }
    let source_ids: HashSet<&str> = value
        .get("sources")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|s| s.get("id").and_then(Value::as_str))
        .collect();
    walk(&value, FieldPath::root(), &mut |path, key, v| {
        // A fact's references; the top-level `sources` is the list itself.
        if key == Some("sources")
            && path.0.len() > 1
            && let Value::Array(refs) = v
        {
            for (i, id) in refs.iter().enumerate() {
                if let Value::String(id) = id
                    && !source_ids.contains(id.as_str())
                {
                    report.at(
                        path.index(i),
                        format!("no source has the id \"{id}\" (see this file's \"sources\" list)"),
                    );
                }
            }
        }
        if key == Some("url")
            && let Value::String(url) = v
            && let Err(why) = check_link(url)
        {
            // Debug-quoted, so a tab or an invisible character shows as an escape.
            report.at(path.clone(), format!("{url:?} is not a web address: {why}"));
        }
    });
}

fn walk(value: &Value, path: FieldPath, visit: &mut impl FnMut(&FieldPath, Option<&str>, &Value)) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let child = path.key(k);
                visit(&child, Some(k), v);
                walk(v, child, visit);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                let child = path.index(i);
                visit(&child, None, v);
                walk(v, child, visit);
            }
        }
        _ => {}
    }
}

fn check_mission(m: &Mission, report: &mut Reporter<'_>) {
    let root = FieldPath::root();

    // Source ids are unique (references are checked in `check_untyped`).
    let mut source_ids = HashSet::new();
    for (i, s) in m.sources.iter().enumerate() {
        if !source_ids.insert(s.id.as_str()) {
            report.at(
                root.key("sources").index(i).key("id"),
                format!("the source id \"{}\" is used twice", s.id),
            );
        }
    }

    // Posts: unique ids, and `reports_to` names one of them.
    let mut post_ids = HashSet::new();
    for (i, p) in m.leadership.iter().enumerate() {
        if !post_ids.insert(p.id.as_str()) {
            report.at(
                root.key("leadership").index(i).key("id"),
                format!("the post id \"{}\" is used twice", p.id),
            );
        }
    }
    for (i, p) in m.leadership.iter().enumerate() {
        if let Some(boss) = &p.reports_to
            && !post_ids.contains(boss.as_str())
        {
            report.at(
                root.key("leadership").index(i).key("reports_to"),
                format!("no post has the id \"{boss}\""),
            );
        }
        for (j, t) in p.holders.iter().enumerate() {
            if let (Some(from), Some(to)) = (t.from, t.to)
                && from > to
            {
                report.at(
                    root.key("leadership")
                        .index(i)
                        .key("holders")
                        .index(j)
                        .key("to"),
                    format!("the tenure ends ({to}) before it starts ({from})"),
                );
            }
        }
    }

    // Resolution numbers are unique; the ones the status and establishment name exist.
    let mut numbers = HashSet::new();
    for (i, r) in m.resolutions.iter().enumerate() {
        if !numbers.insert(r.number) {
            report.at(
                root.key("resolutions").index(i).key("number"),
                format!("resolution {} is listed twice", r.number),
            );
        }
        if r.adopted.year != r.year {
            report.at(
                root.key("resolutions").index(i).key("adopted"),
                format!(
                    "resolution {} ({}) is dated {}, another year",
                    r.number, r.year, r.adopted
                ),
            );
        }
    }

    // Events are kept in date order, as editors and reviewers read them.
    for (i, pair) in m.events.windows(2).enumerate() {
        if pair[1].date < pair[0].date {
            report.at(
                root.key("events").index(i + 1).key("date"),
                format!(
                    "{} comes after an event of {}: keep events in date order",
                    pair[1].date, pair[0].date
                ),
            );
        }
    }

    // Ids of events, offices and mandate areas are unique (pages link to them).
    let lists: [(&str, Vec<&str>); 3] = [
        ("events", m.events.iter().map(|e| e.id.as_str()).collect()),
        ("offices", m.offices.iter().map(|o| o.id.as_str()).collect()),
        ("mandate", m.mandate.iter().map(|a| a.id.as_str()).collect()),
    ];
    for (list, ids) in lists {
        let mut seen = HashSet::new();
        for (i, id) in ids.into_iter().enumerate() {
            if !seen.insert(id) {
                report.at(
                    root.key(list).index(i).key("id"),
                    format!("the id \"{id}\" is used twice in {list}"),
                );
            }
        }
    }

    // The founding and final resolutions, where named, are in the list.
    let named = [
        (
            root.key("established").key("resolution"),
            m.established.resolution,
        ),
        (
            root.key("status").key("final_resolution"),
            m.status.final_resolution,
        ),
    ];
    for (path, number) in named {
        if let Some(n) = number
            && !m.resolutions.is_empty()
            && !numbers.contains(&n)
        {
            report.at(
                path,
                format!("resolution {n} is not in this mission's resolutions"),
            );
        }
    }

    // Mandate areas name resolutions the mission lists.
    for (i, area) in m.mandate.iter().enumerate() {
        let here = root.key("mandate").index(i);
        let named = area
            .introduced_by
            .iter()
            .map(|n| (here.key("introduced_by"), *n))
            .chain(
                area.changed_by
                    .iter()
                    .enumerate()
                    .map(|(j, n)| (here.key("changed_by").index(j), *n)),
            );
        for (path, number) in named {
            if !numbers.contains(&number) {
                report.at(
                    path,
                    format!("resolution {number} is not in this mission's resolutions"),
                );
            }
        }
    }

    // Offices: opened before closed, and on the Earth.
    for (i, o) in m.offices.iter().enumerate() {
        let here = root.key("offices").index(i);
        if let (Some(opened), Some(closed)) = (o.opened, o.closed)
            && opened > closed
        {
            report.at(
                here.key("closed"),
                format!("the office closes ({closed}) before it opens ({opened})"),
            );
        }
        if let Some(c) = o.coordinates
            && !((-90.0..=90.0).contains(&c.lat) && (-180.0..=180.0).contains(&c.lon))
        {
            report.at(
                here.key("coordinates"),
                format!("({}, {}) is not a latitude and longitude", c.lat, c.lon),
            );
        }
        if let Some(place) = &o.place {
            if place.city.trim().is_empty() {
                report.at(here.key("place").key("city"), "the city is empty".into());
            }
            if !(place.country.len() == 2 && place.country.bytes().all(|b| b.is_ascii_uppercase()))
            {
                report.at(
                    here.key("place").key("country"),
                    format!(
                        "\"{}\" is not a two-letter ISO 3166 country code like \"IQ\"",
                        place.country
                    ),
                );
            }
        }
    }

    // The end of the mandate and the final resolution belong to a mission that
    // is closing or has closed; an active one's current period is its latest
    // resolution's (the catalogue would read "1974–2026" as its whole life).
    if m.status.state == super::model::StatusState::Active {
        if m.status.mandate_end.is_some() {
            report.at(
                root.key("status").key("mandate_end"),
                "an active mission has no end of mandate: say when the current period ends in the latest resolution's effect or the status note".to_owned(),
            );
        }
        if m.status.final_resolution.is_some() {
            report.at(
                root.key("status").key("final_resolution"),
                "an active mission has no final resolution".to_owned(),
            );
        }
    }

    // Dates in order.
    if let Some(end) = m.status.mandate_end
        && end < m.established.date
    {
        report.at(
            root.key("status").key("mandate_end"),
            format!(
                "the mandate ends ({end}) before the mission was established ({})",
                m.established.date
            ),
        );
    }
    for (i, b) in m.departments.iter().enumerate() {
        if let (Some(from), Some(to)) = (b.from, b.to)
            && from > to
        {
            report.at(
                root.key("departments").index(i).key("to"),
                format!("the period ends ({to}) before it starts ({from})"),
            );
        }
    }

    // A total equals the sum of its parts, where parts are given.
    for (i, p) in m.personnel.iter().enumerate() {
        if p.parts.is_empty() || p.approximate {
            continue;
        }
        let sum: u64 = p.parts.iter().map(|part| u64::from(part.count)).sum();
        if sum != u64::from(p.total) {
            report.at(
                root.key("personnel").index(i).key("total"),
                format!("the total is {} but its parts add up to {sum}", p.total),
            );
        }
    }

    // Closure phases run forwards.
    let phases = [
        ("drawdown", &m.status.drawdown),
        ("liquidation", &m.status.liquidation),
    ];
    for (key, phase) in phases {
        if let Some(phase) = phase
            && let (Some(from), Some(to)) = (phase.from, phase.to)
            && from > to
        {
            report.at(
                root.key("status").key(key).key("to"),
                format!("the {key} ends ({to}) before it starts ({from})"),
            );
        }
    }

    // The floor: every required fact is held, or `not_found` says why.
    for problem in floor_problems(m) {
        let path = match &problem {
            FloorProblem::Unexplained(item) => match item.field() {
                Some(field) => root.key(field),
                None => root.clone(),
            },
            FloorProblem::DeclaredButHeld { index, .. }
            | FloorProblem::DeclaredTwice { index, .. } => {
                root.key("not_found").index(*index).key("item")
            }
        };
        report.at(path, problem.to_string());
    }
}

/// An end date as the index check reports it.
fn describe_end(end: Option<super::Date>) -> String {
    end.map_or_else(|| "no end date".to_owned(), |d| d.to_string())
}

/// Whether the index's personnel figure differs from the mission file's
/// latest dated one, and what to write instead.
fn headcount_mismatch(entry: &MissionSummary, m: &Mission, file: &str) -> Option<String> {
    let latest = m.summary().personnel;
    let describe = |h: &Headcount| serde_json::to_string(h).unwrap_or_default();
    match (&entry.personnel, &latest) {
        (a, b) if a == b => None,
        (None, Some(b)) => Some(format!(
            "missing: {file}'s latest dated personnel figure is {}",
            describe(b)
        )),
        (Some(_), None) => Some(format!(
            "{file} has no dated personnel figure: remove this field"
        )),
        (Some(a), Some(b)) => Some(format!(
            "the index says {} but {file}'s latest dated personnel figure is {}",
            describe(a),
            describe(b)
        )),
        (None, None) => None,
    }
}

fn check_index(
    index: &MissionIndex,
    missions: &BTreeMap<String, (&DataFile, Mission)>,
    files: &[DataFile],
    report: &mut Reporter<'_>,
) {
    let root = FieldPath::root().key("missions");
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, entry) in index.missions.iter().enumerate() {
        let here = root.index(i);
        if let Some(first) = seen.insert(entry.id.as_str(), i) {
            report.at(
                here.key("id"),
                format!(
                    "the mission id \"{}\" is listed twice (also at missions[{first}])",
                    entry.id
                ),
            );
            continue;
        }
        let expected = mission_file(&entry.id);
        match missions.get(&entry.id) {
            Some((_, m)) => {
                let mismatch = |field: &str, index: String, file: String| {
                    (index != file).then(|| {
                        (
                            here.key(field),
                            format!("the index says {index} but {expected} says {file} (`make index` rewrites the index)"),
                        )
                    })
                };
                let checks = [
                    mismatch("acronym", entry.acronym.clone(), m.acronym.clone()),
                    mismatch("name", entry.name.en().to_owned(), m.name.en().to_owned()),
                    mismatch("kind", format!("{:?}", entry.kind), format!("{:?}", m.kind)),
                    mismatch(
                        "region",
                        entry.region.slug().to_owned(),
                        m.region.slug().to_owned(),
                    ),
                    mismatch(
                        "status",
                        format!("{:?}", entry.status),
                        format!("{:?}", m.status.state),
                    ),
                    mismatch(
                        "start",
                        entry.start.to_string(),
                        m.established.date.to_string(),
                    ),
                    mismatch(
                        "end",
                        describe_end(entry.end),
                        describe_end(m.status.mandate_end),
                    ),
                ];
                for (path, message) in checks.into_iter().flatten() {
                    report.at(path, message);
                }
                if let Some(message) = headcount_mismatch(entry, m, &expected) {
                    report.at(here.key("personnel"), message);
                }
            }
            None if files.iter().any(|f| f.name == expected) => {
                // The file exists but could not be parsed: reported there.
            }
            None => report.at(
                here.key("id"),
                format!(
                    "the index lists \"{}\" but there is no file {expected}",
                    entry.id
                ),
            ),
        }
    }
    for file in files {
        let listed = index
            .missions
            .iter()
            .any(|entry| mission_file(&entry.id) == file.name);
        if !listed {
            report.at(
                FieldPath::root().key("missions"),
                format!("{} is not listed in the index: run `make index`", file.name),
            );
        }
    }
}
