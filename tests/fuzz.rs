//! Property tests, this project's fuzzing (cargo-fuzz needs nightly Rust):
//! whatever the data files, a search query or a date say, the code that
//! reads them returns a value or an error and never panics.
//!
//! Each property runs a bounded number of cases, so `cargo test` (the `unit`
//! layer of scripts/test-all.sh) stays quick. To search longer:
//!
//! ```sh
//! make fuzz                                  # 20,000 cases a property
//! PROPTEST_CASES=100000 cargo test --test fuzz
//! ```
//!
//! A failure prints the smallest input proptest found and records its seed in
//! tests/fuzz.proptest-regressions, which later runs try first. Fix the code,
//! keep the input as an ordinary unit test beside it, and commit the
//! regressions file only with that fix.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;
use std::sync::LazyLock;

use proptest::prelude::*;
use proptest::sample::select;
use serde_json::Value;

use mission_pages::data::link::{check_link, safe_link};
use mission_pages::data::locate::{FieldPath, locate};
use mission_pages::data::validate::{DataFile, Issue, validate_files, validate_spellings};
use mission_pages::data::words::{fold, is_word_char, words};
use mission_pages::data::{Date, Mission, MissionIndex, Spellings, Text};
use mission_pages::facts::mission::MissionFacts;
use mission_pages::facts::search::{Index, SearchData, folded_spellings};
use mission_pages::site::format::readable_url;
use mission_pages::site::i18n::Locale;
use mission_pages::site::load::{INDEX_FILE, SPELLINGS_FILE, mission_file, parse};

/// The configuration of a property that takes about as long per case as
/// parsing a small file: `PROPTEST_CASES` when set, else `default_cases`
/// (chosen so that the whole file runs in seconds in a debug build).
fn cases(default_cases: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default_cases);
    ProptestConfig {
        cases,
        // Shrinking a mutated mission file can take long; a minute is plenty.
        max_shrink_time: 60_000,
        ..ProptestConfig::default()
    }
}

fn read(path: &str) -> String {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()))
}

/// The shipped files the mutations start from.
static UNAMI: LazyLock<String> = LazyLock::new(|| read(&mission_file("unami")));
static INDEX: LazyLock<String> = LazyLock::new(|| read(INDEX_FILE));
static SPELLINGS: LazyLock<String> = LazyLock::new(|| read(SPELLINGS_FILE));

// ---------------------------------------------------------------------------
// Data files: parsing, validating, locating errors.
// ---------------------------------------------------------------------------

/// Pieces of JSON (and of things that break JSON) to splice into the files:
/// brackets, quotes and escapes, values of the wrong type, impossible dates,
/// numbers too large, hostile links, multi-byte and invisible characters.
const JSON_PIECES: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "\\",
    "\\\"",
    "\\u",
    "\\ud800",
    "\\u0000",
    "null",
    "true",
    "0",
    "-1",
    "1e999",
    "18446744073709551616",
    "4294967296",
    "65536",
    "\"\"",
    "\"x\"",
    "{}",
    "[]",
    "\"2003-02-29\"",
    "\"2003-13\"",
    "\"0000\"",
    "\"javascript:alert(1)\"",
    "\" https://x\"",
    "\"id\"",
    "\"sources\"",
    "\"en\"",
    "\"ar\"",
    "\"url\"",
    "\"$schema\"",
    "العراق",
    "\u{0651}",
    "\u{202E}",
    "\u{FEFF}",
    "\u{0}",
    "\n",
    "\r\n",
    "\t",
    "😀",
    "é",
    "\u{0301}",
];

/// A change to a text; positions are reduced to the text's length and
/// moved back to a character boundary when applied.
#[derive(Clone, Debug)]
enum Edit {
    Insert {
        at: usize,
        piece: String,
    },
    Delete {
        at: usize,
        len: usize,
    },
    Replace {
        at: usize,
        len: usize,
        piece: String,
    },
    /// Copies a span of the text elsewhere: other parts of the file's own
    /// structure, in places they do not belong.
    Copy {
        from: usize,
        len: usize,
        to: usize,
    },
    Truncate {
        at: usize,
    },
}

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => select(JSON_PIECES).prop_map(str::to_owned),
        1 => any::<String>(),
    ]
}

fn edit() -> impl Strategy<Value = Edit> {
    let at = any::<usize>();
    prop_oneof![
        (at, piece()).prop_map(|(at, piece)| Edit::Insert { at, piece }),
        (at, 0..64usize).prop_map(|(at, len)| Edit::Delete { at, len }),
        (at, 0..16usize, piece()).prop_map(|(at, len, piece)| Edit::Replace { at, len, piece }),
        (at, 0..400usize, at).prop_map(|(from, len, to)| Edit::Copy { from, len, to }),
        at.prop_map(|at| Edit::Truncate { at }),
    ]
}

/// The character boundary at or before `at` (reduced to the text's length).
fn boundary(text: &str, at: usize) -> usize {
    let mut at = at % (text.len() + 1);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn apply(text: &str, edits: &[Edit]) -> String {
    let mut text = text.to_owned();
    for edit in edits {
        match edit {
            Edit::Insert { at, piece } => text.insert_str(boundary(&text, *at), piece),
            Edit::Delete { at, len } => {
                let start = boundary(&text, *at);
                let end = boundary(&text, start + len);
                text.replace_range(start..end.max(start), "");
            }
            Edit::Replace { at, len, piece } => {
                let start = boundary(&text, *at);
                let end = boundary(&text, start + len);
                text.replace_range(start..end.max(start), piece);
            }
            Edit::Copy { from, len, to } => {
                let start = boundary(&text, *from);
                let end = boundary(&text, start + len).max(start);
                let span = text[start..end].to_owned();
                text.insert_str(boundary(&text, *to), &span);
            }
            Edit::Truncate { at } => text.truncate(boundary(&text, *at)),
        }
    }
    text
}

/// Every issue points inside its file: a line the file has and a column on
/// it (one past its end at most), counted in characters.
fn assert_inside(issue: &Issue, files: &[&DataFile]) {
    let Some(file) = files.iter().find(|f| f.name == issue.file) else {
        // Issues about files that are not there (the index lists a mission
        // whose file is missing) are placed at the top of the index.
        return;
    };
    let lines: Vec<&str> = file.text.split('\n').collect();
    assert!(
        issue.line >= 1 && issue.line <= lines.len(),
        "line out of the file: {issue}"
    );
    let width = lines[issue.line - 1].chars().count();
    assert!(
        issue.column >= 1 && issue.column <= width + 1,
        "column out of the line: {issue}"
    );
}

/// Runs the validator (and the app's parser) on these files as the shipped
/// index, UNAMI's file and the spellings, as `make validate` would.
fn validate_all(index: &str, unami: &str, spellings: &str) {
    let index = DataFile {
        name: INDEX_FILE.to_owned(),
        text: index.to_owned(),
    };
    let unami = DataFile {
        name: mission_file("unami"),
        text: unami.to_owned(),
    };
    let spellings = DataFile {
        name: SPELLINGS_FILE.to_owned(),
        text: spellings.to_owned(),
    };
    let files = [&index, &unami, &spellings];
    let mut issues = validate_files(Some(&index), std::slice::from_ref(&unami));
    issues.extend(validate_spellings(&spellings));
    for issue in &issues {
        assert_inside(issue, &files);
        let _ = issue.to_string();
    }
    // What the browser does with a downloaded file: parse it, and word any
    // error for the reader in each language.
    for error in [
        parse::<Mission>(&unami.name, &unami.text).err(),
        parse::<MissionIndex>(&index.name, &index.text).err(),
        parse::<Spellings>(&spellings.name, &spellings.text).err(),
    ]
    .into_iter()
    .flatten()
    {
        for locale in Locale::ALL {
            let _ = error.describe(locale.strings());
        }
    }
}

/// Every field path of a JSON value, to look up in (changed) texts.
fn field_paths(value: &Value, here: FieldPath, out: &mut Vec<FieldPath>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                let path = here.key(key);
                field_paths(child, path.clone(), out);
                out.push(path);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                let path = here.index(i);
                field_paths(child, path.clone(), out);
                out.push(path);
            }
        }
        _ => {}
    }
}

static UNAMI_PATHS: LazyLock<Vec<FieldPath>> = LazyLock::new(|| {
    let value: Value = serde_json::from_str(&UNAMI).expect("unami.json is JSON");
    let mut paths = vec![FieldPath::root()];
    field_paths(&value, FieldPath::root(), &mut paths);
    paths
});

/// A field path, real (from UNAMI's file) or made up.
fn field_path() -> impl Strategy<Value = FieldPath> {
    let step = prop_oneof![
        select(&["id", "sources", "url", "en", "", "\"", "\\"][..]).prop_map(str::to_owned),
        any::<String>(),
    ];
    let made_up = prop::collection::vec((step, any::<Option<u16>>()), 0..6).prop_map(|steps| {
        steps
            .into_iter()
            .fold(FieldPath::root(), |path, (key, index)| match index {
                Some(i) => path.index(usize::from(i)),
                None => path.key(&key),
            })
    });
    prop_oneof![select(UNAMI_PATHS.clone()), made_up]
}

/// Wherever `locate` is asked to look, it answers a line and column inside the text.
fn assert_located_inside(text: &str, path: &FieldPath) {
    let (line, column) = locate(text, path);
    let lines: Vec<&str> = text.split('\n').collect();
    assert!(line >= 1 && line <= lines.len(), "line {line} for {path}");
    let width = lines[line - 1].chars().count();
    assert!(
        column >= 1 && column <= width + 1,
        "column {column} for {path}"
    );
}

/// JSON-like text: tokens that steer `locate`'s scanner and the parser deep
/// into nesting, strings and escapes.
fn json_soup() -> impl Strategy<Value = String> {
    prop::collection::vec(select(JSON_PIECES), 0..64).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(cases(512))]

    #[test]
    fn arbitrary_bytes_never_panic_the_validator(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let text = String::from_utf8_lossy(&bytes);
        validate_all(&text, &text, &text);
    }

    #[test]
    fn arbitrary_strings_never_panic_the_validator(text in any::<String>()) {
        validate_all(&text, &text, &text);
    }

    #[test]
    fn json_soup_never_panics_the_validator(text in json_soup()) {
        validate_all(&text, &text, &text);
    }

    #[test]
    fn locate_answers_inside_any_text(text in prop_oneof![any::<String>(), json_soup()], path in field_path()) {
        assert_located_inside(&text, &path);
    }
}

proptest! {
    // Each case parses and validates UNAMI's file, twice.
    #![proptest_config(cases(96))]

    #[test]
    fn a_damaged_mission_file_is_reported_not_panicked_on(edits in prop::collection::vec(edit(), 1..5)) {
        validate_all(&INDEX, &apply(&UNAMI, &edits), &SPELLINGS);
    }

    #[test]
    fn locate_answers_inside_a_damaged_mission_file(
        edits in prop::collection::vec(edit(), 1..5),
        path in field_path(),
    ) {
        assert_located_inside(&apply(&UNAMI, &edits), &path);
    }
}

proptest! {
    #![proptest_config(cases(192))]

    #[test]
    fn a_damaged_index_or_spellings_file_is_reported_not_panicked_on(
        index_edits in prop::collection::vec(edit(), 0..5),
        spellings_edits in prop::collection::vec(edit(), 0..5),
    ) {
        // UNAMI's file as shipped, so the index's cross-checks run against it.
        validate_all(&apply(&INDEX, &index_edits), &UNAMI, &apply(&SPELLINGS, &spellings_edits));
    }
}

// ---------------------------------------------------------------------------
// Links.
// ---------------------------------------------------------------------------

/// Pieces of addresses, hostile and not.
const LINK_PIECES: &[&str] = &[
    "http",
    "https",
    "HTTP",
    "hTtPs",
    "javascript",
    "JAVASCRIPT",
    "java\tscript",
    "data",
    "file",
    ":",
    "//",
    "/",
    "\\",
    "@",
    "?",
    "#",
    " ",
    "\t",
    "\n",
    "\u{0}",
    "\u{202E}",
    "\u{200B}",
    "\u{FEFF}",
    "example.org",
    "un.org",
    ":80",
    ":x",
    "[::1]",
    "%20",
    "%E2%80%AE",
    "%D9%8A",
    "%",
    "%ZZ",
    "alert(1)",
    "يونامي",
    "é",
];

/// Whether a text holds a character a reader cannot see: spaces, controls,
/// or a right-to-left override (which turns "exe.txt" into "txt.exe").
fn hides_something(text: &str) -> bool {
    text.chars()
        .any(|c| c.is_whitespace() || c.is_control() || c == '\u{202E}')
}

fn link_like() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::collection::vec(select(LINK_PIECES), 0..10).prop_map(|p| p.concat()),
        any::<String>(),
    ]
}

proptest! {
    #![proptest_config(cases(2048))]

    #[test]
    fn only_plain_web_addresses_become_links(url in link_like()) {
        let checked = check_link(&url);
        let _ = checked.as_ref().map_err(ToString::to_string);
        prop_assert_eq!(safe_link(&url), checked.ok());
        if let Some(link) = safe_link(&url) {
            let lower = link.to_ascii_lowercase();
            prop_assert!(lower.starts_with("https://") || lower.starts_with("http://"));
            prop_assert!(!hides_something(link));
            prop_assert!(!link.contains('\\'));
            // What the page shows for it hides nothing either.
            let shown = readable_url(link);
            prop_assert!(!hides_something(&shown), "{:?} shows as {:?}", link, shown);
        }
    }
}

// ---------------------------------------------------------------------------
// Search.
// ---------------------------------------------------------------------------

/// The index a search page of `locale` builds, from the shipped data (as
/// src/facts/search/tests.rs builds it).
fn shipped_index(locale: Locale) -> Index {
    let index: MissionIndex = parse(INDEX_FILE, &INDEX).expect("the shipped index parses");
    let missions: Vec<Mission> = index
        .missions
        .iter()
        .map(|m| {
            let file = mission_file(&m.id);
            parse(&file, &read(&file)).expect("the shipped missions parse")
        })
        .collect();
    let spellings: Spellings =
        parse(SPELLINGS_FILE, &SPELLINGS).expect("the shipped spellings parse");
    let facts: Vec<MissionFacts> = missions
        .into_iter()
        .map(|m: Mission| MissionFacts::new(m, locale.strings()))
        .collect();
    Index::new(SearchData::build(&facts, folded_spellings(&spellings)))
}

static SEARCH_EN: LazyLock<Index> = LazyLock::new(|| shipped_index(Locale::DEFAULT));
static SEARCH_AR: LazyLock<Index> = LazyLock::new(|| {
    shipped_index(Locale::from_code("ar").expect("Arabic is a published language"))
});

/// What readers type, and what they paste: words in the data, Arabic with
/// and without marks, combining accents, direction marks, joiners, emoji,
/// letters whose lower case is longer (İ), and punctuation.
const QUERY_PIECES: &[&str] = &[
    "canal",
    "Hotel",
    "unami",
    "UNAMI",
    "Hodeidah",
    "hud",
    "baghdad",
    "بعثة",
    "الأُمَم",
    "العراق",
    "ـ",
    "\u{064B}",
    "\u{0670}",
    "\u{0301}",
    "\u{0300}",
    "e\u{0301}",
    "\u{200F}",
    "\u{200E}",
    "\u{202E}",
    "\u{061C}",
    "\u{200D}",
    "\u{FEFF}",
    "👩\u{200D}👩\u{200D}👧",
    "🇮🇶",
    "İ",
    "ß",
    "ﬁ",
    "Σ",
    "٢٠٠٣",
    "1770",
    "a",
    "é",
    " ",
    "  ",
    "-",
    "'",
    "\"",
    "%",
    "\0",
    "\n",
    "\t",
    "<mark>",
    "*",
    "中文",
];

fn query() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => prop::collection::vec(select(QUERY_PIECES), 0..12).prop_map(|p| p.concat()),
        1 => any::<String>(),
        1 => "\\PC{0,40}",
    ]
}

/// Runs a query as the search page does, and checks what it renders: the
/// highlighted title is the title, the excerpt is cut from the text.
fn search_like_the_page(index: &Index, typed: &str) -> Result<(), TestCaseError> {
    const SHOWN: usize = 50;
    let query = index.parse(typed);
    let results = index.search(&query, SHOWN);
    prop_assert!(results.docs.len() <= SHOWN && results.docs.len() <= results.total);
    for &d in &results.docs {
        let doc = &index.data.docs[d];
        let _ = index.data.href(doc);
        let title: String = index
            .highlight(&doc.title, &query)
            .into_iter()
            .map(|s| s.text)
            .collect();
        prop_assert_eq!(&title, &doc.title);
        for segment in index.snippet(&doc.body, &query, 220) {
            // "…" and " …" mark where the excerpt was cut.
            let cut_mark = !segment.matched && segment.text.trim_start() == "…";
            prop_assert!(cut_mark || doc.body.contains(&segment.text));
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(cases(1024))]

    #[test]
    fn any_query_searches_without_panicking(typed in query(), arabic in any::<bool>()) {
        let index = if arabic { &*SEARCH_AR } else { &*SEARCH_EN };
        search_like_the_page(index, &typed)?;
    }

    /// Highlighting and excerpts on any text, not only the documents'.
    #[test]
    fn any_text_highlights_and_cuts_without_panicking(typed in query(), text in query(), max in 0..300usize) {
        let index = &*SEARCH_EN;
        let query = index.parse(&typed);
        let joined: String = index.highlight(&text, &query).into_iter().map(|s| s.text).collect();
        prop_assert_eq!(joined, text.clone());
        let _ = index.snippet(&text, &query, max);
    }
}

proptest! {
    // Long queries: pasted paragraphs, held-down keys.
    #![proptest_config(cases(32))]

    #[test]
    fn long_queries_search_without_panicking(pieces in prop::collection::vec(select(QUERY_PIECES), 100..3000)) {
        search_like_the_page(&SEARCH_EN, &pieces.concat())?;
    }
}

// ---------------------------------------------------------------------------
// Dates and text normalisation.
// ---------------------------------------------------------------------------

fn date_like() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?",
        "[0-9٠-٩+ -]{0,12}",
        any::<String>(),
    ]
}

proptest! {
    #![proptest_config(cases(2048))]

    #[test]
    fn dates_parse_or_are_refused(text in date_like()) {
        match Date::parse(&text) {
            Ok(date) => {
                // A date the parser accepts is written back exactly as given.
                prop_assert_eq!(date.iso(), text.clone());
                for locale in Locale::ALL {
                    let _ = locale.strings().date(date);
                }
            }
            Err(e) => {
                let _ = e.to_string();
            }
        }
        let _ = serde_json::from_value::<Date>(Value::String(text));
    }

    #[test]
    fn search_folding_and_words_hold_for_any_text(text in query()) {
        let folded = fold(&text);
        prop_assert_eq!(fold(&folded), folded.clone(), "folding twice changes nothing");
        for (at, word) in words(&text) {
            prop_assert_eq!(&text[at..at + word.len()], word);
            prop_assert!(!word.is_empty() && word.chars().all(is_word_char));
        }
    }

    #[test]
    fn texts_fall_back_to_english(
        entries in prop::collection::btree_map(select(&["en", "ar", "ckb", "", "EN"][..]), query(), 0..4),
        lang in select(&["en", "ar", "ckb", "", "x"][..]),
    ) {
        let json = serde_json::to_string(&entries).expect("a map of strings is JSON");
        match parse::<Text>("f.json", &json) {
            Ok(text) => {
                let chosen = text.get(lang);
                prop_assert!(!chosen.text.trim().is_empty());
                prop_assert_eq!(chosen.is_fallback, chosen.lang != lang);
                prop_assert_eq!(text.en(), entries["en"].as_str());
            }
            Err(_) => prop_assert!(entries.get("en").is_none_or(|en| en.trim().is_empty())),
        }
    }
}
