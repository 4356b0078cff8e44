//! Fetching the bundled JSON files and turning them into typed data.
//!
//! Parsing is separate from fetching so that native tests (and the validator)
//! exercise the same code the browser runs. Every failure names the file.

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;
use std::rc::Rc;

use std::sync::Arc;

use serde::de::DeserializeOwned;

use super::model::{Mission, MissionIndex};

use crate::site::SiteBase;

/// The path of the catalogue index, relative to the site's base.
pub const INDEX_FILE: &str = "data/index.json";

/// The spellings search treats as one word, relative to the site's base
/// (read at build time into the search data).
pub const SPELLINGS_FILE: &str = "data/spellings.json";

/// The path of a mission's file, relative to the site's base.
pub fn mission_file(id: &str) -> String {
    format!("data/missions/{id}.json")
}

/// The mission whose file `file` is, if it is one ([`mission_file`] backwards).
pub fn mission_of_file(file: &str) -> Option<&str> {
    file.strip_prefix("data/missions/")?.strip_suffix(".json")
}

/// Why a data file could not be used. Each variant names the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// The request did not complete (offline, blocked).
    Network { file: String, message: String },
    /// Nothing whole arrived within [`LOAD_TIMEOUT_SECONDS`]: a stalled
    /// connection would otherwise keep the loading placeholder forever.
    TimedOut { file: String, seconds: u32 },
    /// The server answered, but not with the file.
    Status { file: String, status: u16 },
    /// The file arrived but is not the JSON the site expects.
    Parse {
        file: String,
        /// Where in the data the problem is, like `resolutions[2].adopted`; `.` for the top.
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
}

impl LoadError {
    /// The data file the error is about.
    pub fn file(&self) -> &str {
        match self {
            LoadError::Network { file, .. }
            | LoadError::TimedOut { file, .. }
            | LoadError::Status { file, .. }
            | LoadError::Parse { file, .. } => file,
        }
    }
}

impl LoadError {
    /// What went wrong, in the words of `t`'s language (the file name and the
    /// parser's own message stay as they are: they are what an editor needs).
    pub fn describe(&self, t: &crate::i18n::Strings) -> String {
        match self {
            LoadError::Network { file, message } => t.load_network(file, message),
            LoadError::TimedOut { file, seconds } => t.load_timed_out(file, seconds),
            LoadError::Status { file, status: 404 } => t.load_not_found(file),
            LoadError::Status { file, status } => t.load_status(file, status),
            LoadError::Parse {
                file,
                path,
                line,
                column,
                message,
            } => {
                let field = if path == "." {
                    String::new()
                } else {
                    t.load_field(path)
                };
                format!(
                    "{}{field}{}",
                    t.load_damaged(column, file, line, message),
                    t.sentence_end()
                )
            }
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(crate::i18n::Locale::DEFAULT.strings()))
    }
}

impl std::error::Error for LoadError {}

/// Parses a data file's text, reporting the line and column of any error and,
/// in native builds (the validator and tests), the field path too.
///
/// The browser build leaves the field path out: tracking it doubles the
/// deserialising code in the WebAssembly, and line and column already say
/// where to look.
pub fn parse<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, LoadError> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    #[cfg(not(target_arch = "wasm32"))]
    let value = serde_path_to_error::deserialize(&mut deserializer).map_err(|err| {
        let path = err.path().to_string();
        parse_error(file, text, path, &err.into_inner())
    })?;
    #[cfg(target_arch = "wasm32")]
    let value = T::deserialize(&mut deserializer)
        .map_err(|err| parse_error(file, text, ".".to_owned(), &err))?;
    // Text after the JSON value (two values glued together, say) is damage too.
    deserializer
        .end()
        .map_err(|err| parse_error(file, text, ".".to_owned(), &err))?;
    Ok(value)
}

fn parse_error(file: &str, text: &str, path: String, err: &serde_json::Error) -> LoadError {
    let message = err.to_string();
    // serde_json appends " at line L column C"; the error carries both separately.
    let message = message
        .rsplit_once(" at line ")
        .map_or(message.as_str(), |(head, _)| head)
        .to_owned();
    LoadError::Parse {
        file: file.to_owned(),
        path,
        line: err.line(),
        column: char_column(text, err.line(), err.column()),
        message,
    }
}

/// serde_json counts columns in bytes; editors count characters (an Arabic
/// letter is two bytes). Converts the one to the other.
fn char_column(text: &str, line: usize, byte_column: usize) -> usize {
    let Some(line_text) = text.split('\n').nth(line.saturating_sub(1)) else {
        return byte_column;
    };
    let mut end = byte_column.min(line_text.len());
    while !line_text.is_char_boundary(end) {
        end -= 1;
    }
    line_text[..end].chars().count().max(1)
}

thread_local! {
    /// Texts of data files already downloaded in this visit, by file path.
    static FETCHED: RefCell<HashMap<String, Rc<str>>> = RefCell::new(HashMap::new());
}

/// Hands over a data file's text without downloading it: the prerenderer
/// reads it from disk, and `app-start.js` downloads it beside the app.
/// Pages then render from it at once (see [`preloaded`]) instead of showing
/// their loading placeholder.
pub fn preload(file: &str, text: impl Into<Rc<str>>) {
    FETCHED.with(|f| f.borrow_mut().insert(file.to_owned(), text.into()));
}

/// The text of `file`, if it is already here (preloaded or downloaded).
pub fn preloaded_text(file: &str) -> Option<Rc<str>> {
    FETCHED.with(|f| f.borrow().get(file).cloned())
}

/// `file` parsed, if its text is already here (preloaded or downloaded in
/// this visit); `None` if it is not, or does not parse (the asynchronous
/// load then reports the error).
pub fn preloaded<T: DeserializeOwned>(file: &str) -> Option<T> {
    parse(file, &preloaded_text(file)?).ok()
}

/// Downloads `file` (relative to the site's base) once per visit and parses it.
///
/// Only files that downloaded and parsed are remembered, so a retry after any
/// error asks the server again.
pub async fn fetch<T: DeserializeOwned>(base: &SiteBase, file: &str) -> Result<T, LoadError> {
    if let Some(text) = FETCHED.with(|f| f.borrow().get(file).cloned()) {
        return parse(file, &text);
    }
    let text = fetch_text(base, file).await?;
    let value = parse(file, &text)?;
    // Remembered only once it parses: a retry after damage asks the server again.
    FETCHED.with(|f| f.borrow_mut().insert(file.to_owned(), text.into()));
    Ok(value)
}

/// How long a data file may take, from asking to its last byte. The largest
/// file (UNAMI's) is about 23 KB compressed: a few seconds on a slow phone
/// network, so this only ends a stalled connection.
pub const LOAD_TIMEOUT_SECONDS: u32 = 20;

async fn fetch_text(base: &SiteBase, file: &str) -> Result<String, LoadError> {
    // Aborts the request, body included, when the time is up.
    let deadline = web_sys::AbortSignal::timeout_with_u32(LOAD_TIMEOUT_SECONDS * 1000);
    let failed = |e: gloo_net::Error| {
        if deadline.aborted() {
            LoadError::TimedOut {
                file: file.to_owned(),
                seconds: LOAD_TIMEOUT_SECONDS,
            }
        } else {
            LoadError::Network {
                file: file.to_owned(),
                message: e.to_string(),
            }
        }
    };
    let response = gloo_net::http::Request::get(&base.data_url(&format!("/{file}")))
        .abort_signal(Some(&deadline))
        .send()
        .await
        .map_err(failed)?;
    if !response.ok() {
        return Err(LoadError::Status {
            file: file.to_owned(),
            status: response.status(),
        });
    }
    response.text().await.map_err(failed)
}

/// Whether `file`, handed over before the app starts (see [`preload`]), is
/// what the site expects: the catalogue's index, a mission's file or an
/// offices map. The index and a mission are kept as parsed, so the pages do
/// not parse them again; a damaged text is forgotten, so that the next
/// download asks the server again.
pub fn check_preloaded(file: &str) -> Result<(), LoadError> {
    let Some(text) = preloaded_text(file) else {
        return Err(LoadError::Network {
            file: file.to_owned(),
            message: "it was not downloaded".to_owned(),
        });
    };
    let checked = if file == INDEX_FILE {
        parse::<MissionIndex>(file, &text)
            .map(|index| LOADED_INDEX.with(|i| *i.borrow_mut() = Some(Arc::new(index))))
    } else if let Some(id) = mission_of_file(file) {
        parse::<Mission>(file, &text).map(|mission| {
            LOADED_MISSIONS.with(|m| m.borrow_mut().insert(id.to_owned(), Arc::new(mission)));
        })
    } else if file.starts_with("maps/") {
        parse::<crate::data::map::MapData>(file, &text).map(|_| ())
    } else {
        Ok(())
    };
    if checked.is_err() {
        FETCHED.with(|f| f.borrow_mut().remove(file));
    }
    checked
}

/// Downloads `file` again and checks it as [`check_preloaded`] does: what
/// "Try again" does for a file the page could not have when the app started.
pub async fn download_again(base: SiteBase, file: String) -> Result<(), LoadError> {
    let text = fetch_text(&base, &file).await?;
    preload(&file, text);
    check_preloaded(&file)
}

/// Loads a mission's file, first checking the index lists it.
///
/// `Ok(None)` means there is no such mission (the page shows "not found"); an
/// `Err` means the data could not be had (the page offers a retry).
pub async fn load_mission(base: SiteBase, id: String) -> Result<Option<Arc<Mission>>, LoadError> {
    if !crate::routes::is_valid_mission_id(&id) {
        return Ok(None);
    }
    let index: MissionIndex = fetch(&base, INDEX_FILE).await?;
    if !index.missions.iter().any(|m| m.id == id) {
        return Ok(None);
    }
    let mission = Arc::new(fetch::<Mission>(&base, &mission_file(&id)).await?);
    LOADED_MISSIONS.with(|m| m.borrow_mut().insert(id, mission.clone()));
    Ok(Some(mission))
}

/// [`load_mission`]'s answer with the id it is about, so that a page can
/// tell an answer for its own mission from a late one for another.
///
/// A named function on purpose: the same code as an `async move` block in
/// `pages::mission::with_mission` made the release WebAssembly build fail
/// ("failed to get bitcode from object file for LTO (Invalid Wasm linking
/// symbol)", rustc 1.95).
pub async fn load_mission_answer(
    base: SiteBase,
    id: String,
) -> (String, Result<Option<Arc<Mission>>, LoadError>) {
    let answer = load_mission(base, id.clone()).await;
    (id, answer)
}

thread_local! {
    /// Missions already loaded in this visit, so moving between a mission's
    /// pages renders at once instead of showing the loading placeholder.
    static LOADED_MISSIONS: RefCell<HashMap<String, Arc<Mission>>> = RefCell::new(HashMap::new());
}

/// The mission with this id if this visit has already loaded it, or its
/// file (and the index listing it) was preloaded.
pub fn loaded_mission(id: &str) -> Option<Arc<Mission>> {
    if let Some(mission) = LOADED_MISSIONS.with(|m| m.borrow().get(id).cloned()) {
        return Some(mission);
    }
    if !crate::routes::is_valid_mission_id(id) {
        return None;
    }
    let listed = loaded_index()?.missions.iter().any(|m| m.id == id);
    let mission = Arc::new(preloaded::<Mission>(&mission_file(id)).filter(|_| listed)?);
    LOADED_MISSIONS.with(|m| m.borrow_mut().insert(id.to_owned(), mission.clone()));
    Some(mission)
}

thread_local! {
    /// The catalogue index once parsed in this visit.
    static LOADED_INDEX: RefCell<Option<Arc<MissionIndex>>> = const { RefCell::new(None) };
}

/// The catalogue index if this visit already has it (downloaded or preloaded).
pub fn loaded_index() -> Option<Arc<MissionIndex>> {
    if let Some(index) = LOADED_INDEX.with(|i| i.borrow().clone()) {
        return Some(index);
    }
    let index = Arc::new(preloaded::<MissionIndex>(INDEX_FILE)?);
    LOADED_INDEX.with(|i| *i.borrow_mut() = Some(index.clone()));
    Some(index)
}

thread_local! {
    /// The search index, built once a visit from the search data (a visit
    /// is in one language: the language switch loads the other's pages).
    static SEARCH_INDEX: RefCell<Option<Arc<crate::search::Index>>> = const { RefCell::new(None) };
}

/// Downloads the search data and builds the index from it, once a visit.
pub async fn load_search_index(base: SiteBase) -> Result<Arc<crate::search::Index>, LoadError> {
    if let Some(index) = SEARCH_INDEX.with(|s| s.borrow().clone()) {
        return Ok(index);
    }
    let file = crate::search::search_file(base.locale());
    let data: crate::search::SearchData = fetch(&base, &file).await?;
    let index = crate::dom::timed("search-index", || Arc::new(crate::search::Index::new(data)));
    SEARCH_INDEX.with(|s| *s.borrow_mut() = Some(index.clone()));
    Ok(index)
}

/// Loads the catalogue index.
pub async fn load_index(base: SiteBase) -> Result<Arc<MissionIndex>, LoadError> {
    if let Some(index) = loaded_index() {
        return Ok(index);
    }
    let index = Arc::new(fetch(&base, INDEX_FILE).await?);
    LOADED_INDEX.with(|i| *i.borrow_mut() = Some(Arc::clone(&index)));
    Ok(index)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mission_file_names_its_mission() {
        assert_eq!(mission_of_file(&mission_file("unami")), Some("unami"));
        assert_eq!(mission_of_file(INDEX_FILE), None);
        assert_eq!(mission_of_file("maps/unami.json"), None);
    }

    #[test]
    fn reports_line_column_and_field_of_a_shape_error() {
        let text = "{\n  \"missions\": [\n    {\"id\": 3}\n  ]\n}";
        let err = parse::<MissionIndex>("data/index.json", text).unwrap_err();
        let LoadError::Parse {
            file,
            path,
            line,
            column,
            message,
        } = &err
        else {
            panic!("expected a parse error, got {err:?}");
        };
        assert_eq!(file, "data/index.json");
        assert_eq!(path, "missions[0].id");
        assert_eq!((*line, *column), (3, 12));
        assert!(message.contains("expected a string"), "{message}");
        assert!(!message.contains(" at line "), "{message}");
        assert_eq!(
            err.to_string(),
            format!(
                "data/index.json is damaged: {message}, at line 3, column 12 (field missions[0].id)."
            )
        );
    }

    #[test]
    fn counts_columns_in_characters() {
        let text = "{\"ar\": \"العراق\", \"en\": 5}";
        let err = parse::<crate::data::Text>("f.json", text).unwrap_err();
        let LoadError::Parse { line, column, .. } = err else {
            panic!("{err:?}")
        };
        // Where an editor puts the cursor after the 5: Arabic letters count one each.
        let after_five = text[..text.find('5').unwrap() + 1].chars().count();
        assert_eq!((line, column), (1, after_five));
        assert_eq!(char_column("عراق", 1, 8), 4);
        assert_eq!(char_column("abc", 1, 2), 2);
    }

    #[test]
    fn reports_truncated_json() {
        let err = parse::<MissionIndex>("data/index.json", "{\"missions\": [").unwrap_err();
        assert!(
            matches!(&err, LoadError::Parse { line: 1, message, .. } if message.contains("EOF")),
            "{err:?}"
        );
    }

    #[test]
    fn refuses_unknown_fields_and_trailing_text() {
        let err = parse::<MissionIndex>("f.json", r#"{"missions": [], "extra": 1}"#).unwrap_err();
        assert!(err.to_string().contains("unknown field `extra`"), "{err}");
        let err = parse::<MissionIndex>("f.json", r#"{"missions": []} []"#).unwrap_err();
        assert!(err.to_string().contains("trailing characters"), "{err}");
    }

    #[test]
    fn names_the_file_in_every_message() {
        let errors = [
            LoadError::Network {
                file: "data/x.json".into(),
                message: "offline".into(),
            },
            LoadError::Status {
                file: "data/x.json".into(),
                status: 404,
            },
            LoadError::Status {
                file: "data/x.json".into(),
                status: 500,
            },
            LoadError::TimedOut {
                file: "data/x.json".into(),
                seconds: LOAD_TIMEOUT_SECONDS,
            },
        ];
        for e in errors {
            assert!(e.to_string().contains("data/x.json"), "{e}");
            assert_eq!(e.file(), "data/x.json");
        }
    }
}
