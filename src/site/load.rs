//! Fetching the bundled data files in the browser, once a visit each, and
//! the visit's loaded data. What a file is called and how its text is read
//! are in `data::files`.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;

use serde::de::DeserializeOwned;

use crate::data::downloads::{DOWNLOADS_FILE, Downloads};
pub use crate::data::files::{
    INDEX_FILE, LoadError, SPELLINGS_FILE, mission_file, mission_of_file, parse,
};
use crate::data::history::{ChangeDates, DATES_FILE, HISTORY_FILE, History};
use crate::data::{Mission, MissionIndex};
use crate::site::SiteBase;

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

/// How long a data file may take, from asking to its last byte: many times
/// what the largest mission's file takes on a slow phone network
/// (BENCHMARKS.md), so this only ends a stalled connection.
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
    } else if file == HISTORY_FILE {
        parse::<History>(file, &text).map(|_| ())
    } else if file == DATES_FILE {
        parse::<ChangeDates>(file, &text).map(|_| ())
    } else if file == DOWNLOADS_FILE {
        parse::<Downloads>(file, &text).map(|_| ())
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
    if !crate::site::routes::is_valid_mission_id(&id) {
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
    if !crate::site::routes::is_valid_mission_id(id) {
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

/// Loads the catalogue index.
pub async fn load_index(base: SiteBase) -> Result<Arc<MissionIndex>, LoadError> {
    if let Some(index) = loaded_index() {
        return Ok(index);
    }
    let index = Arc::new(fetch(&base, INDEX_FILE).await?);
    LOADED_INDEX.with(|i| *i.borrow_mut() = Some(Arc::clone(&index)));
    Ok(index)
}

thread_local! {
    /// The build's own files (the history, the list of downloads) once
    /// parsed in this visit, by file path.
    static LOADED_FILES: RefCell<HashMap<&'static str, Arc<dyn std::any::Any + Send + Sync>>> =
        RefCell::new(HashMap::new());
}

/// `file`, parsed as `T`, if this visit already has it (downloaded or preloaded).
pub fn loaded<T: DeserializeOwned + Send + Sync + 'static>(file: &'static str) -> Option<Arc<T>> {
    let kept = LOADED_FILES.with(|f| f.borrow().get(file).cloned());
    if let Some(value) = kept.and_then(|v| v.downcast::<T>().ok()) {
        return Some(value);
    }
    let value = Arc::new(preloaded::<T>(file)?);
    LOADED_FILES.with(|f| f.borrow_mut().insert(file, value.clone()));
    Some(value)
}

/// Loads `file` as `T` once a visit ([`loaded`] if it is here already).
pub async fn load<T: DeserializeOwned + Send + Sync + 'static>(
    base: SiteBase,
    file: &'static str,
) -> Result<Arc<T>, LoadError> {
    if let Some(value) = loaded::<T>(file) {
        return Ok(value);
    }
    let value = Arc::new(fetch::<T>(&base, file).await?);
    LOADED_FILES.with(|f| f.borrow_mut().insert(file, value.clone()));
    Ok(value)
}

/// When the data last changed, for every page ("data last changed",
/// citations): `None` while the file is on its way.
#[derive(Clone, Copy)]
pub struct DataHistory(leptos::prelude::ReadSignal<Option<Arc<ChangeDates>>>);

impl DataHistory {
    /// The dates, once here and sound.
    pub fn get(&self) -> Option<Arc<ChangeDates>> {
        use leptos::prelude::Get;
        self.0.get()
    }
}

/// Provides [`DataHistory`] to the app's pages: at once when the file is
/// here already (preloaded), else downloaded once in the background. A
/// file that cannot be had leaves the dates unknown, as the pages say.
pub fn provide_history(base: SiteBase) {
    use leptos::prelude::*;
    let dates = RwSignal::new(loaded::<ChangeDates>(DATES_FILE));
    if dates.get_untracked().is_none() && !cfg!(feature = "ssr") {
        leptos::task::spawn_local(async move {
            dates.set(load::<ChangeDates>(base, DATES_FILE).await.ok());
        });
    }
    provide_context(DataHistory(dates.read_only()));
}

/// The [`DataHistory`] the app provides (none outside it, as in a
/// component test).
pub fn use_history() -> Option<DataHistory> {
    leptos::prelude::use_context::<DataHistory>()
}
