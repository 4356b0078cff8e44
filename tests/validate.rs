//! The data validator: the shipped data passes, and each broken fixture under
//! tests/fixtures/validate/ makes exactly the rule it breaks fire, at the
//! right file, line, column and field.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::Command;

use mission_pages::data::validate::{DataFile, Issue, validate_files, validate_tree};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/validate")
        .join(name)
}

/// The text at an issue's line and column, to check it points at the right place.
fn text_at(root: &Path, issue: &Issue) -> String {
    let text = std::fs::read_to_string(root.join(&issue.file)).unwrap();
    let line = text.lines().nth(issue.line - 1).unwrap_or_default();
    line.chars().skip(issue.column - 1).collect()
}

/// Runs the validator on a fixture and expects exactly one issue.
fn single_issue(name: &str) -> (Issue, String) {
    let root = fixture(name);
    let issues = validate_tree(&root);
    assert_eq!(issues.len(), 1, "{name}: {issues:#?}");
    let issue = issues.into_iter().next().unwrap();
    let at = text_at(&root, &issue);
    (issue, at)
}

fn expect(name: &str, file: &str, path: &str, message: &str, points_at: &str) {
    let (issue, at) = single_issue(name);
    assert_eq!(issue.file, file, "{name}: {issue}");
    assert_eq!(issue.path, path, "{name}: {issue}");
    assert!(
        issue.message.contains(message),
        "{name}: expected {message:?} in {issue}"
    );
    assert!(
        at.starts_with(points_at),
        "{name}: {issue} points at {at:?}, expected {points_at:?}"
    );
}

/// Runs the validator on a fixture and expects exactly these issues, in
/// order, all in its mission file: (field path, part of the message, the
/// text the line and column point at).
fn expect_in_mission(name: &str, expected: &[(&str, &str, &str)]) {
    let root = fixture(name);
    let issues = validate_tree(&root);
    assert_eq!(issues.len(), expected.len(), "{name}: {issues:#?}");
    for (issue, (path, message, points_at)) in issues.iter().zip(expected) {
        assert_eq!(issue.file, MISSION, "{issue}");
        assert_eq!(issue.path, *path, "{issue}");
        assert!(
            issue.message.contains(message),
            "expected {message:?} in {issue}"
        );
        let at = text_at(&root, issue);
        assert!(
            at.starts_with(points_at),
            "{issue} points at {at:?}, expected {points_at:?}"
        );
    }
}

const MISSION: &str = "data/missions/test.json";
const INDEX: &str = "data/index.json";

#[test]
fn the_shipped_data_is_valid() {
    let issues = validate_tree(Path::new(env!("CARGO_MANIFEST_DIR")));
    assert!(issues.is_empty(), "{issues:#?}");
}

#[test]
fn the_valid_fixture_is_valid() {
    assert_eq!(validate_tree(&fixture("valid")), vec![]);
}

#[test]
fn json_syntax_errors_give_line_and_column() {
    let (issue, _) = single_issue("syntax-truncated");
    assert_eq!(issue.file, MISSION);
    assert!(issue.message.contains("EOF"), "{issue}");
    let text = std::fs::read_to_string(fixture("syntax-truncated").join(MISSION)).unwrap();
    assert_eq!(issue.line, text.lines().count(), "{issue}");
}

#[test]
fn shape_errors_name_the_field() {
    let (issue, _) = single_issue("shape-unknown-field");
    assert_eq!(issue.file, MISSION);
    assert!(
        issue.message.contains("unknown field `headquaters`"),
        "{issue}"
    );

    let (issue, _) = single_issue("shape-impossible-date");
    assert_eq!(issue.path, "resolutions[1].adopted", "{issue}");
    assert!(issue.message.contains("has no day 30"), "{issue}");

    let (issue, _) = single_issue("shape-missing-english");
    assert_eq!(issue.path, "summary.value", "{issue}");
    assert!(issue.message.contains("\"en\""), "{issue}");
}

#[test]
fn ids_are_unique() {
    expect(
        "duplicate-source-id",
        MISSION,
        "sources[2].id",
        "used twice",
        "\"s1\"",
    );
    expect(
        "duplicate-post",
        MISSION,
        "leadership[1].id",
        "used twice",
        "\"head\"",
    );
    expect(
        "duplicate-index-id",
        INDEX,
        "missions[1].id",
        "listed twice",
        "\"test\"",
    );
}

#[test]
fn every_source_reference_resolves() {
    expect(
        "dangling-source",
        MISSION,
        "resolutions[1].sources[1]",
        "no source has the id \"s9\"",
        "\"s9\"",
    );
    expect(
        "unknown-post",
        MISSION,
        "leadership[1].reports_to",
        "no post has the id \"chief\"",
        "\"chief\"",
    );
}

#[test]
fn dates_are_in_order() {
    expect(
        "tenure-order",
        MISSION,
        "leadership[0].holders[0].to",
        "ends (2020-02) before it starts (2021-05)",
        "\"2020-02\"",
    );
    expect(
        "mandate-before-established",
        MISSION,
        "status.mandate_end",
        "before the mission was established",
        "\"2019-12-31\"",
    );
    expect(
        "department-order",
        MISSION,
        "departments[0].to",
        "ends",
        "\"2021-12-31\"",
    );
    expect(
        "resolution-year",
        MISSION,
        "resolutions[1].adopted",
        "another year",
        "\"2022-06-30\"",
    );
}

#[test]
fn totals_equal_the_sum_of_their_parts() {
    expect(
        "personnel-sum",
        MISSION,
        "personnel[0].total",
        "the total is 11 but its parts add up to 10",
        "11",
    );
}

#[test]
fn resolution_numbers_are_unique() {
    expect(
        "duplicate-resolution",
        MISSION,
        "resolutions[1].number",
        "listed twice",
        "1,",
    );
}

#[test]
fn links_are_web_addresses_only() {
    expect(
        "non-web-link",
        MISSION,
        "sources[0].url",
        "is not a web address",
        "\"javascript:alert(1)\"",
    );
}

/// Links dressed up to pass a careless check (a leading space, a tab inside
/// the scheme, capitals, a data address, a scheme-less address) are each
/// reported at their own `url`.
#[test]
fn disguised_links_are_each_reported_where_they_are() {
    expect_in_mission(
        "disguised-links",
        &[
            (
                "sources[0].url",
                "is not a web address: character 1 is \\u{20}",
                "\" javascript:alert(1)\"",
            ),
            (
                "sources[1].url",
                "is not a web address: character 5 is \\u{9}",
                "\"java\\tscript:",
            ),
            (
                "sources[2].url",
                "its scheme is \"JAVASCRIPT:\"",
                "\"JAVASCRIPT:alert(1)\"",
            ),
            (
                "sources[3].url",
                "its scheme is \"data:\"",
                "\"data:text/html",
            ),
            (
                "sources[4].url",
                "not a whole address",
                "\"//evil.example/page\"",
            ),
        ],
    );
}

/// Every kind of address a link may not have, each put in place of the valid
/// fixture's first source address: exactly one issue, at that `url`.
#[test]
fn only_whole_http_addresses_pass_as_links() {
    let valid = std::fs::read_to_string(fixture("valid").join(MISSION)).unwrap();
    let good = "\"https://example.org/one\"";
    assert!(valid.contains(good));
    let (line, column) = valid
        .lines()
        .enumerate()
        .find_map(|(i, l)| l.find(good).map(|at| (i + 1, l[..at].chars().count() + 1)))
        .unwrap();
    for bad in [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "\u{1}javascript:alert(1)",
        "java\nscript:alert(1)",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "data:,x",
        "about:blank",
        "relative/page.html",
        "/absolute/path",
        "www.un.org",
        "https:example.org",
        "https://",
        "https://un.org@evil.example/",
        "https:\\\\evil.example",
        "https://example.org/\u{202E}fdp.exe",
        "",
    ] {
        let text = valid.replacen(good, &serde_json::to_string(bad).unwrap(), 1);
        let issues = validate_files(
            None,
            &[DataFile {
                name: MISSION.to_owned(),
                text,
            }],
        );
        assert_eq!(issues.len(), 1, "{bad:?}: {issues:#?}");
        let issue = &issues[0];
        assert_eq!(
            (issue.path.as_str(), issue.line, issue.column),
            ("sources[0].url", line, column),
            "{bad:?}: {issue}"
        );
        assert!(issue.message.contains("is not a web address"), "{issue}");
    }
}

#[test]
fn the_index_and_the_mission_files_match() {
    expect(
        "index-lists-missing-file",
        INDEX,
        "missions[1].id",
        "no file data/missions/ghost.json",
        "\"ghost\"",
    );
    expect(
        "file-not-in-index",
        INDEX,
        "missions",
        "data/missions/other.json is not listed",
        "[",
    );
    expect(
        "id-not-file-name",
        MISSION,
        "id",
        "does not match the file name",
        "\"tset\"",
    );
    expect(
        "index-disagrees",
        INDEX,
        "missions[0].acronym",
        "the index says TST",
        "\"TST\"",
    );
    expect(
        "index-headcount",
        INDEX,
        "missions[0].personnel",
        "the index says {\"total\":12,\"as_of\":\"2020\"} but data/missions/test.json's latest dated personnel figure is {\"total\":10,\"as_of\":\"2020\"}",
        "{",
    );
    expect(
        "index-headcount-missing",
        INDEX,
        "missions[0].personnel",
        "missing: data/missions/test.json's latest dated personnel figure is {\"total\":10",
        "{",
    );
}

#[test]
fn spellings_are_single_words() {
    expect(
        "spellings-two-words",
        "data/spellings.json",
        "groups[0].words[1]",
        "\"Al Hudaydah\" is not one word",
        "\"Al Hudaydah\"",
    );
}

#[test]
fn the_new_parts_follow_their_rules() {
    expect(
        "establishment-unstated",
        MISSION,
        "established",
        "below the floor (establishment-basis)",
        "{",
    );
    expect(
        "office-order",
        MISSION,
        "offices[0].closed",
        "closes (2020-06) before it opens (2021)",
        "\"2020-06\"",
    );
    expect(
        "mandate-unknown-resolution",
        MISSION,
        "mandate[0].changed_by[0]",
        "resolution 7 is not in this mission's resolutions",
        "7",
    );
}

#[test]
fn an_office_place_names_a_city_and_a_country_code() {
    expect_in_mission(
        "bad-place",
        &[
            ("offices[0].place.city", "the city is empty", "\"\""),
            (
                "offices[0].place.country",
                "\"iq\" is not a two-letter ISO 3166 country code",
                "\"iq\"",
            ),
        ],
    );
}

#[test]
fn every_file_names_its_schema() {
    expect(
        "schema-reference-wrong",
        MISSION,
        "$schema",
        "it should be \"../schema/mission.schema.json\"",
        "\"schema/mission.schema.json\"",
    );
}

#[test]
fn every_problem_is_reported_not_only_the_first() {
    let issues = validate_tree(&fixture("many-problems"));
    let found: Vec<(&str, &str)> = issues
        .iter()
        .map(|i| (i.file.as_str(), i.path.as_str()))
        .collect();
    assert_eq!(
        found,
        vec![
            (INDEX, "missions[0].acronym"),
            (MISSION, "resolutions[0].sources[0]"),
            (MISSION, "personnel[0].total"),
            (MISSION, "sources[0].url"),
        ],
        "{issues:#?}"
    );
}

#[test]
fn the_command_prints_file_line_column_and_fails() {
    let run = |root: PathBuf| {
        Command::new(env!("CARGO_BIN_EXE_validate"))
            .arg(root)
            .output()
            .expect("the validator runs")
    };
    let ok = run(fixture("valid"));
    assert!(ok.status.success());

    let bad = run(fixture("personnel-sum"));
    assert_eq!(bad.status.code(), Some(1));
    let out = String::from_utf8(bad.stdout).unwrap();
    let first = out.lines().next().unwrap();
    let (issue, _) = single_issue("personnel-sum");
    assert_eq!(
        first,
        format!(
            "data/missions/test.json:{}:{}: personnel[0].total: the total is 11 but its parts add up to 10",
            issue.line, issue.column
        )
    );
    assert!(out.ends_with("1 problem in 1 file\n"), "{out}");
}

/// `data/index.json` is what `make index` makes of the mission files.
#[test]
fn the_index_is_made_from_the_mission_files() {
    use mission_pages::data::tree::{make_index, read_missions};
    use mission_pages::site::load::parse;
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let missions = read_missions(root).expect("the mission files parse");
    let text = std::fs::read_to_string(root.join("data/index.json")).unwrap();
    let index: mission_pages::data::MissionIndex = parse("data/index.json", &text).unwrap();
    assert!(
        make_index(&missions, Some(&index)) == index,
        "data/index.json is out of date: run `make index`"
    );
}

/// `docs/coverage.md` is what `make coverage` makes of the mission files.
#[test]
fn the_coverage_table_is_current() {
    use mission_pages::data::coverage::{COVERAGE_FILE, coverage_table};
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let missions = mission_pages::data::tree::read_missions(root).expect("the mission files parse");
    let written = std::fs::read_to_string(root.join(COVERAGE_FILE)).unwrap_or_default();
    assert!(
        written == coverage_table(&missions),
        "{COVERAGE_FILE} is out of date: run `make coverage`"
    );
}

/// The floor (issue 17): a missing fact must be declared, a declared one must
/// really be missing, and a link to another mission goes both ways.
#[test]
fn the_floor_and_relations_follow_their_rules() {
    expect(
        "floor-unexplained",
        MISSION,
        "personnel",
        "below the floor (personnel-history)",
        "[",
    );
    expect(
        "gap-but-held",
        MISSION,
        "not_found[0].item",
        "\"headquarters\" is declared not found, but the file holds",
        "\"headquarters\"",
    );
    expect(
        "relation-one-way",
        MISSION,
        "related[0].id",
        "data/missions/other.json does not name \"test\" as its predecessor",
        "\"other\"",
    );
}

#[test]
fn events_are_kept_in_date_order() {
    expect(
        "event-order",
        MISSION,
        "events[1].date",
        "2019-06-01 comes after an event of 2020-01-01: keep events in date order",
        "\"2019-06-01\"",
    );
}

#[test]
fn an_active_mission_has_no_end_of_mandate() {
    expect_in_mission(
        "active-with-end",
        &[
            (
                "status.mandate_end",
                "an active mission has no end of mandate",
                "\"",
            ),
            (
                "status.final_resolution",
                "an active mission has no final resolution",
                "",
            ),
        ],
    );
}
