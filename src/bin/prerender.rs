//! Build-time prerendering (a prototype for issue 7): renders the app's own
//! components natively, page by page, into copies of the built `index.html`,
//! so each page can be read without JavaScript.
//!
//! ```text
//! cargo run --features ssr --bin prerender -- \
//!     --template dist/index.html --out dist [--site-url https://host/path/] [PATH...]
//! ```
//!
//! With no PATH, every page: in each published language the catalogue, the
//! about, search and compare pages, each mission and each of its sections,
//! and `404.html`. The site's base is read from the template's `<base href>`;
//! `--site-url`, the whole address the site is published at, gives the
//! canonical and alternate links their scheme and host.
//! Data comes from `data/` and the maps from `target/generated/maps/`
//! (`make maps`), put into the app's visit cache before rendering, so pages
//! render at once with their content instead of their loading placeholder.
//!
//! The app's files come from the build's manifest in the output folder
//! (`build-manifest.json`, written by Trunk's hook, `scripts/manifest.mjs`),
//! to which this step adds the build's version: a hash of Trunk's output and
//! of every page it writes, written into every page too.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use hydration_context::SsrSharedContext;

use leptos::prelude::*;
use leptos_meta::ServerMetaContext;
use leptos_router::location::RequestUrl;

use mission_pages::app::App;
use mission_pages::data::MissionIndex;
use mission_pages::data::downloads::DOWNLOADS_FILE;
use mission_pages::data::history::{DATES_FILE, HISTORY_FILE};
use mission_pages::data::map::map_file;
use mission_pages::site::i18n::Locale;
use mission_pages::site::load::{
    INDEX_FILE, check_preloaded, mission_file, parse, preload, preloaded_text,
};
use mission_pages::site::routes::{self, Section};
use mission_pages::site::{MANIFEST_FILE, SITE_URL_META, SiteBase, VERSION_META};
use sha2::Digest;

/// Where the maps are made (`make maps`); the site serves them at `maps/`.
const MAPS_DIR: &str = "target/generated/maps";
/// Where `make generated` writes the build's own data files (the history, the
/// list of downloads), which Trunk copies into the site under the same paths.
const GENERATED_DIR: &str = "target/generated";

/// Without JavaScript a chart cannot switch to its table: show the table
/// (the same numbers) instead. Hide what only the app can do, which a static
/// host cannot either (it answers `?kind=…` with the same page): the theme
/// switch, search boxes, filters and compare ticks, and the placeholders of
/// what only the app loads (search results); the pages say so in a
/// `NeedsScript` notice. Inside `<noscript>`, so it never applies once
/// scripts run; allowed by its hash in the Content Security Policy.
const NOSCRIPT_CSS: &str = concat!(
    ".chart-figure .chart-view,.chart-figure .chart-tools button,.theme-toggle,.loading,",
    ".site-search,.search-form,.filters,.card-compare,.compare-bar,.copy-button{display:none}",
    // `!important`: the site's style hides whatever is `hidden`, whatever else applies.
    ".chart-figure .table-view[hidden]{display:block !important}",
);

/// Where leptos_meta injects the page's head elements (see `inject_meta_context`).
const HEAD_MARKER: &str = "<!--HEAD-->";

/// The version in pages until it is known (see `with_version`), in the two
/// places it goes: the version meta and app-start.js's tag.
const VERSION_PENDING: &str = "version-pending";

/// A file of the app, as the manifest names it.
#[derive(serde::Deserialize)]
struct Asset {
    file: String,
    integrity: String,
}

/// What this step reads of the build's manifest.
#[derive(serde::Deserialize)]
struct Manifest {
    glue: Asset,
    wasm: Asset,
    start: Asset,
    /// A hash of Trunk's output.
    output: String,
}

struct Options {
    template: PathBuf,
    out: PathBuf,
    site_url: String,
    paths: Vec<String>,
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("prerender: {message}");
            ExitCode::FAILURE
        }
    }
}

fn options() -> Result<Options, String> {
    let mut options = Options {
        template: PathBuf::from("dist/index.html"),
        out: PathBuf::from("dist"),
        site_url: String::new(),
        paths: Vec::new(),
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--template" => options.template = value()?.into(),
            "--out" => options.out = value()?.into(),
            "--site-url" => options.site_url = value()?,
            _ if arg.starts_with('/') || arg == "404" => options.paths.push(arg),
            _ => return Err(format!("unknown argument {arg}")),
        }
    }
    Ok(options)
}

fn run() -> Result<(), String> {
    let options = options()?;
    let template = std::fs::read_to_string(&options.template)
        .map_err(|e| format!("cannot read {}: {e}", options.template.display()))?;
    let manifest_file = options.out.join(MANIFEST_FILE);
    let mut manifest_json: serde_json::Value = std::fs::read_to_string(&manifest_file)
        .map_err(|e| {
            format!(
                "cannot read {}: {e} (Trunk's post_build hook writes it: Trunk.toml)",
                manifest_file.display()
            )
        })
        .and_then(|text| {
            serde_json::from_str(&text).map_err(|e| format!("{}: {e}", manifest_file.display()))
        })?;
    let manifest: Manifest = serde_json::from_value(manifest_json.clone())
        .map_err(|e| format!("{}: {e}", manifest_file.display()))?;
    // The template may be a shell this step made before (a second build
    // from the same Trunk output): its pages start the app on demand.
    let template = template.replacen("<body data-app-now", "<body", 1);
    let template = with_head_metas(&start_app_on_demand(
        &without_icon_integrity(&template),
        &manifest,
    )?)?;
    let site = site_base(&template, &options.site_url)?;
    // Where the build is published, for the app: citations then give whole
    // addresses in both renderings (`SiteBase::citable`).
    let template = if options.site_url.is_empty() {
        template
    } else {
        let meta = format!(
            "<meta name=\"{SITE_URL_META}\" content=\"{}\">",
            options
                .site_url
                .replace('&', "&amp;")
                .replace('"', "&quot;")
        );
        template.replacen("</head>", &format!("{meta}</head>"), 1)
    };
    let index = preload_data()?;
    let paths = if options.paths.is_empty() {
        every_page(&index)?
    } else {
        options.paths.clone()
    };
    // leptos_meta's head injection waits a tick of an executor.
    any_spawner::Executor::init_futures_executor()
        .map_err(|e| format!("cannot start an executor: {e:?}"))?;
    let mut pages = vec![(options.out.join("shell.html"), shell(&template))];
    for path in &paths {
        let (page_path, file) = if path == "404" {
            ("/404".to_owned(), options.out.join("404.html"))
        } else {
            (path.clone(), output_file(&options.out, path))
        };
        pages.push((file, render_page(&template, &site, &page_path)));
    }
    let version = build_version(&manifest, &options.out, &pages);
    let mut total = 0;
    for (file, html) in &pages {
        let html = with_version(html, &version).map_err(|e| format!("{}: {e}", file.display()))?;
        if let Some(dir) = file.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        std::fs::write(file, &html).map_err(|e| format!("{}: {e}", file.display()))?;
        total += html.len();
    }
    manifest_json["version"] = version.clone().into();
    let text = serde_json::to_string_pretty(&manifest_json).map_err(|e| e.to_string())?;
    std::fs::write(&manifest_file, text + "\n")
        .map_err(|e| format!("{}: {e}", manifest_file.display()))?;
    println!(
        "prerendered {} pages into {} ({total} bytes), version {version}",
        paths.len(),
        options.out.display()
    );
    Ok(())
}

/// The build's version: the start of a SHA-256 of Trunk's output (the
/// manifest's hash of it) and of every page this step writes, each with its
/// path, as they are before the version goes in. So any change to what the
/// site serves (the app, its data, a page) makes a new version, and the
/// same build made again has the same one. (A run for some pages only hashes
/// those: the others keep the version they had.)
fn build_version(manifest: &Manifest, out: &Path, pages: &[(PathBuf, String)]) -> String {
    let mut hash = sha2::Sha256::new();
    hash.update(manifest.output.as_bytes());
    for (file, html) in pages {
        let path = file.strip_prefix(out).unwrap_or(file);
        hash.update(format!("\0{}\0", path.display()).as_bytes());
        hash.update(html.as_bytes());
    }
    hash.finalize()[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// `page` with the build's version where [`VERSION_PENDING`] holds its
/// place: in the version meta and on app-start.js's tag, both in the head
/// (the page's own text comes after it, and stays as it is).
fn with_version(page: &str, version: &str) -> Result<String, String> {
    let head = page
        .find("</head>")
        .or_else(|| page.find("<body"))
        .ok_or("no </head> or <body>")?;
    let places = [
        version_meta(VERSION_PENDING),
        version_attribute(VERSION_PENDING),
    ];
    let mut doc = page[..head].to_owned();
    for place in &places {
        if doc.matches(place.as_str()).count() != 1 {
            return Err(format!("the head should hold {place} once"));
        }
    }
    doc = doc
        .replacen(&places[0], &version_meta(version), 1)
        .replacen(&places[1], &version_attribute(version), 1);
    doc.push_str(&page[head..]);
    Ok(doc)
}

/// The `<meta>` that carries the build's version, which the app (`lib.rs`)
/// and the service worker read.
fn version_meta(version: &str) -> String {
    format!("<meta name=\"{VERSION_META}\" content=\"{version}\">")
}

/// The attribute of app-start.js's tag that gives it the build's version.
fn version_attribute(version: &str) -> String {
    format!(" data-app-version=\"{version}\"")
}

/// The site's base from the template's `<base href>` (Trunk's public URL),
/// with the scheme and host of `site_url` when one is given. The two must
/// name the same path, or the links would point elsewhere than the pages.
fn site_base(template: &str, site_url: &str) -> Result<SiteBase, String> {
    let from_template = SiteBase::from_public_url(&base_href(template).unwrap_or("/".into()));
    if site_url.is_empty() {
        return Ok(from_template);
    }
    let published = SiteBase::from_public_url(site_url);
    if published.root() != from_template.root() {
        return Err(format!(
            "the site URL {site_url} has the path {:?} but the build's public URL has {:?}",
            published.root(),
            from_template.root()
        ));
    }
    Ok(published.published(true))
}

/// Reads the index, every mission and every map there is into the visit
/// cache the pages read from.
fn preload_data() -> Result<MissionIndex, String> {
    let read =
        |file: &str| std::fs::read_to_string(file).map_err(|e| format!("cannot read {file}: {e}"));
    // The history, its dates and the downloads' list (`make generated`),
    // which every page's citation, the changes and the Data page read.
    for file in [HISTORY_FILE, DATES_FILE, DOWNLOADS_FILE] {
        let on_disk = Path::new(GENERATED_DIR).join(file);
        let text = std::fs::read_to_string(&on_disk).map_err(|e| {
            format!(
                "cannot read {}: {e} (run `make generated`)",
                on_disk.display()
            )
        })?;
        preload(file, text);
        check_preloaded(file).map_err(|e| e.to_string())?;
    }
    let text = read(INDEX_FILE)?;
    let index: MissionIndex = parse(INDEX_FILE, &text).map_err(|e| e.to_string())?;
    preload(INDEX_FILE, text);
    for mission in &index.missions {
        let file = mission_file(&mission.id);
        preload(&file, read(&file)?);
        let map = map_file(&mission.id);
        let on_disk = Path::new(MAPS_DIR).join(format!("{}.json", mission.id));
        match std::fs::read_to_string(&on_disk) {
            Ok(text) => preload(&map, text),
            Err(_) => eprintln!(
                "prerender: no {} (run `make maps`): offices pages keep the map placeholder",
                on_disk.display()
            ),
        }
    }
    Ok(index)
}

/// Every page of the site, in every published language, and "404".
fn every_page(index: &MissionIndex) -> Result<Vec<String>, String> {
    let pages = mission_pages::facts::publish::site_pages(index, |file| {
        preloaded_text(file)
            .map(|text| text.to_string())
            .ok_or_else(|| format!("{file} was not read"))
    })?;
    let mut all: Vec<String> = Locale::ALL
        .into_iter()
        .filter(|l| l.is_published())
        .flat_map(|l| {
            let prefix = l.prefix();
            pages.iter().map(move |p| format!("{prefix}{p}"))
        })
        .collect();
    all.push("404".to_owned());
    Ok(all)
}

/// `/missions/unami` → `OUT/missions/unami/index.html`.
fn output_file(out: &Path, path: &str) -> PathBuf {
    let mut file = out.to_path_buf();
    file.extend(path.split('/').filter(|s| !s.is_empty()));
    file.join("index.html")
}

/// The page at `path` (under the site's root, with its language prefix) as
/// a whole document: the template with the rendered app as its body and the
/// page's title, meta and link elements in its head.
fn render_page(template: &str, site: &SiteBase, path: &str) -> String {
    let (locale, _) = Locale::split_path(path);
    let base = site.clone().in_locale(locale);
    let request = format!("{}{path}", site.root());
    // A server's shared context: browser-only helpers (window event
    // listeners) then do nothing, as under leptos's server integrations.
    let owner = Owner::new_root(Some(Arc::new(SsrSharedContext::new())));
    let (body, meta) = owner.with(|| {
        let (meta, meta_output) = ServerMetaContext::new();
        provide_context(meta);
        provide_context(RequestUrl::new(&request));
        // Without the empty comments (`<!>`) server rendering leaves to
        // mark places for hydration: nothing here hydrates (the app renders
        // over the page), and they are not valid HTML.
        let body = view! { <App base=base/> }.to_html().replace("<!>", "");
        (body, meta_output)
    });
    // The search page is nothing but the app (its results, its suggestions).
    let start = if routes::is_page(path, &routes::search("")) {
        AppStart::AtOnce
    } else if is_built_page(path) {
        AppStart::Never
    } else {
        AppStart::OnDemand
    };
    let data = if start == AppStart::Never {
        Vec::new()
    } else {
        page_data(path)
    };
    let document = fill_template(template, locale, &body, &data, start);
    let injected = futures::executor::block_on(async move {
        use futures::StreamExt;
        let stream = meta
            .inject_meta_context(futures::stream::iter([document]))
            .await;
        stream.collect::<String>().await
    });
    drop(owner);
    mark_head_elements(injected)
}

/// Marks the elements leptos_meta put in the head (all after the marker)
/// `data-prerendered`, so the app can remove them before it adds its own.
fn mark_head_elements(mut doc: String) -> String {
    let (Some(start), Some(end)) = (doc.find(HEAD_MARKER), doc.find("</head>")) else {
        return doc;
    };
    let marked = doc[start + HEAD_MARKER.len()..end]
        .replace("<meta ", "<meta data-prerendered ")
        .replace("<link ", "<link data-prerendered ");
    doc.replace_range(start..end, &marked);
    doc
}

/// When `app-start.js` starts the app on a page.
#[derive(Clone, Copy, PartialEq, Eq)]
enum AppStart {
    /// When the reader reaches for a control (most pages).
    OnDemand,
    /// At once: the page is nothing without it (search).
    AtOnce,
    /// Never: a page made only at build time (`pages::built`), which the
    /// app does not render.
    Never,
}

/// Whether `path` (with its language prefix) is a page made only at build
/// time: the about page, the Data page, the lists of changes and the print
/// pages (`pages::built`).
fn is_built_page(path: &str) -> bool {
    let (_, page) = Locale::split_path(path);
    let page = routes::page_path(page);
    let mission = page
        .strip_prefix("/missions/")
        .and_then(|rest| rest.split('/').next())
        .unwrap_or_default();
    [
        routes::about(),
        routes::data(),
        routes::changes(),
        routes::mission_changes(mission),
        routes::print(mission),
    ]
    .contains(&page)
}

/// The data files a page renders from, which `app-start.js` downloads beside
/// the app and hands over before it starts (`<template data-preload=FILE>`,
/// read by `mission_pages::takeover`), so
/// the app renders the same page at once, with no loading placeholder. They
/// are not in the page: a reader who never starts the app never needs them,
/// and the page arrives sooner without them.
fn page_data(path: &str) -> Vec<String> {
    let (_, page) = Locale::split_path(path);
    let mut files = vec![INDEX_FILE.to_owned(), DATES_FILE.to_owned()];
    let mut parts = page.trim_matches('/').split('/');
    if let (Some("missions"), Some(id)) = (parts.next(), parts.next()) {
        files.push(mission_file(id));
        if parts.next() == Some(Section::Offices.slug()) {
            files.push(map_file(id));
        }
    }
    files.retain(|file| preloaded_text(file).is_some());
    files
}

/// The template with `<html lang dir>` set, its own `<title>` taken out (the
/// page's comes from leptos_meta), the no-script style added and the body's
/// content replaced by `body`, and the body marked with the `data` files the
/// app needs for it and with when `app-start.js` starts it.
fn fill_template(
    template: &str,
    locale: Locale,
    body: &str,
    data: &[String],
    start: AppStart,
) -> String {
    let mut doc = template.to_owned();
    if let Some(start) = doc.find("<html")
        && let Some(len) = doc[start..].find('>')
    {
        doc.replace_range(
            start..start + len + 1,
            &format!("<html lang=\"{}\" dir=\"{}\">", locale.code(), locale.dir()),
        );
    }
    if let Some(start) = doc.find("<title>")
        && let Some(len) = doc[start..].find("</title>")
    {
        doc.replace_range(start..start + len + "</title>".len(), "");
    }
    if let Some(head_end) = doc.find("</head>") {
        // leptos_meta puts the page's head elements after the marker.
        doc.insert_str(
            head_end,
            &format!("<noscript><style>{NOSCRIPT_CSS}</style></noscript>{HEAD_MARKER}"),
        );
    }
    if let Some(open) = doc.find("<body")
        && let Some(open_len) = doc[open..].find('>')
        && let Some(close) = doc.rfind("</body>")
    {
        let content = open + open_len + 1;
        // Trunk's loader scripts, if it put any in the body, stay.
        let scripts: String = script_tags(&doc[content..close]);
        doc.replace_range(content..close, &format!("{body}{scripts}"));
        // Tells the app to replace this body rather than add to it.
        let mut marks = format!(" data-prerendered data-app-data=\"{}\"", data.join(" "));
        match start {
            AppStart::AtOnce => marks.push_str(" data-app-now"),
            AppStart::Never => marks.push_str(" data-built"),
            AppStart::OnDemand => {}
        }
        doc.insert_str(open + "<body".len(), &marks);
    }
    doc
}

/// Trunk's page starts the app as soon as it loads: a module script that
/// imports the JavaScript glue and downloads the WebAssembly, which the head
/// also preloads. A prerendered page is whole without it, so it gets
/// `app-start.js` instead, given the two addresses and their integrity values
/// from the manifest, which starts the app when the reader reaches for
/// something only the app does (see that file), and the preloads go. A first
/// visit then downloads the page and its styles only.
///
/// The loader is the one script that names the glue (in a shell this step
/// made before, that is app-start.js's tag, made again); the preloads are
/// the links to the glue or the WebAssembly.
fn start_app_on_demand(template: &str, manifest: &Manifest) -> Result<String, String> {
    let (glue, wasm) = (&manifest.glue.file, &manifest.wasm.file);
    let names = |address: &str, file: &str| address.rsplit('/').next() == Some(file);
    let mut doc = template.to_owned();
    for range in element_ranges(template, "<link", ">").into_iter().rev() {
        if attribute(&template[range.clone()], "href")
            .is_some_and(|a| names(&a, glue) || names(&a, wasm))
        {
            doc.replace_range(range, "");
        }
    }
    let loaders: Vec<_> = element_ranges(&doc, "<script", "</script>")
        .into_iter()
        .filter(|r| doc[r.clone()].contains(glue.as_str()))
        .collect();
    let [loader] = loaders.as_slice() else {
        return Err(format!(
            "the template should have one script that loads the app's glue {glue} (named in {MANIFEST_FILE}), not {}",
            loaders.len()
        ));
    };
    // The addresses under the site's root, as Trunk's loader had them (a
    // module's import() takes no bare file name).
    let root = base_href(template).unwrap_or_else(|| "./".to_owned());
    let tag = format!(
        "<script type=\"module\" src=\"{}\" integrity=\"{}\" data-app-js=\"{root}{glue}\" data-app-js-integrity=\"{}\" data-app-wasm=\"{root}{wasm}\" data-app-wasm-integrity=\"{}\"{} data-app-timeout=\"{}\"></script>",
        manifest.start.file,
        manifest.start.integrity,
        manifest.glue.integrity,
        manifest.wasm.integrity,
        version_attribute(VERSION_PENDING),
        // The app's time limit for a data file, which app-start.js's own downloads keep too.
        mission_pages::site::load::LOAD_TIMEOUT_SECONDS,
    );
    doc.replace_range(loader.clone(), &tag);
    Ok(doc)
}

/// Trunk gives the icon's `<link>` an `integrity` value, which HTML allows
/// only on stylesheets and preloads (and browsers ignore on icons): it goes.
fn without_icon_integrity(template: &str) -> String {
    let mut doc = template.to_owned();
    for range in element_ranges(template, "<link", ">").into_iter().rev() {
        let tag = &template[range.clone()];
        let is_icon = matches!(attribute(tag, "rel").as_deref(), Some("icon"));
        if let (true, Some(value)) = (is_icon, attribute(tag, "integrity")) {
            let without = tag
                .replacen(&format!(" integrity=\"{value}\""), "", 1)
                .replacen(&format!(" integrity={value}"), "", 1);
            doc.replace_range(range, &without);
        }
    }
    doc
}

/// Trunk's page made the shell the service worker answers offline for a
/// page it has not cached: the app loaded as on the other pages (by
/// `app-start.js`, with the same checks and policy), started at once since
/// the shell has no content of its own.
fn shell(template: &str) -> String {
    template.replacen("<body", "<body data-app-now", 1)
}

/// Where each element (or tag) that starts with `open` and ends with `close`
/// is in `html`, in order.
fn element_ranges(html: &str, open: &str, close: &str) -> Vec<std::ops::Range<usize>> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(start) = html[from..].find(open).map(|i| from + i) {
        let Some(len) = html[start..].find(close) else {
            break;
        };
        let end = start + len + close.len();
        found.push(start..end);
        from = end;
    }
    found
}

/// The `<script>…</script>` elements of a piece of HTML, in order.
fn script_tags(html: &str) -> String {
    element_ranges(html, "<script", "</script>")
        .into_iter()
        .map(|r| &html[r])
        .collect()
}

/// The `href` of the template's `<base>` (Trunk writes the public URL there),
/// quoted or not (minified).
fn base_href(template: &str) -> Option<String> {
    let start = template.find("<base")?;
    attribute(
        &template[start..start + template[start..].find('>')?],
        "href",
    )
}

/// The value of attribute `name` in an HTML start tag, quoted or not.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=");
    let value = &tag[tag.find(&key)? + key.len()..];
    let value = match value.chars().next()? {
        q @ ('"' | '\'') => value[1..].split(q).next()?,
        _ => value
            .split(|c: char| c.is_whitespace() || c == '>')
            .next()?,
    };
    Some(value.to_owned())
}

/// The hash source (`'sha256-…'`) that allows one inline `<style>` element
/// with this text under a Content Security Policy.
fn style_hash(css: &str) -> String {
    format!("'sha256-{}'", base64(&sha2::Sha256::digest(css.as_bytes())))
}

/// A digest as policy hashes write it.
fn base64(digest: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(digest)
}

/// What every page may load and run, as a `<meta http-equiv>` (a static
/// host sets no headers): its own files only, scripts from files (no inline
/// script, no `eval`; WebAssembly may compile), styles from the stylesheet
/// and the no-script style (by its hash), no plugins, no frames, forms and
/// `<base>` to the site only. `style-src-attr` lets the
/// charts and the map place their points with `style` attributes; those can
/// run nothing, and the data cannot write any (it is rendered as text).
/// `frame-ancestors` cannot be set from a page: SECURITY.md says which
/// header to add where a host allows it.
fn content_security_policy() -> String {
    [
        "default-src 'none'".to_owned(),
        "script-src 'self' 'wasm-unsafe-eval'".to_owned(),
        format!("style-src 'self' {}", style_hash(NOSCRIPT_CSS)),
        "style-src-attr 'unsafe-inline'".to_owned(),
        "img-src 'self'".to_owned(),
        "connect-src 'self'".to_owned(),
        "manifest-src 'self'".to_owned(),
        "worker-src 'self'".to_owned(),
        "base-uri 'self'".to_owned(),
        "form-action 'self'".to_owned(),
        "object-src 'none'".to_owned(),
    ]
    .join("; ")
}

/// Puts the Content Security Policy and the referrer policy first in the
/// head, before anything they govern, and the version meta (its place: see
/// [`with_version`]) before them. The referrer policy sends no address
/// at all with a request or a followed link: a source a reader opens does
/// not learn which page of the site they came from. (A shell this step has
/// already made keeps its policies and has its version meta replaced.)
fn with_head_metas(template: &str) -> Result<String, String> {
    let mut doc = template.to_owned();
    let old_version = format!("<meta name=\"{VERSION_META}\"");
    for range in element_ranges(template, &old_version, ">")
        .into_iter()
        .rev()
    {
        doc.replace_range(range, "");
    }
    let at = doc
        .find("<meta charset")
        .and_then(|start| Some(start + doc[start..].find('>')? + 1))
        .ok_or("the template has no <meta charset> to put the security policy after")?;
    if !doc.contains("Content-Security-Policy") {
        doc.insert_str(
            at,
            &format!(
                "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\"><meta name=\"referrer\" content=\"no-referrer\">",
                content_security_policy()
            ),
        );
    }
    doc.insert_str(at, &version_meta(VERSION_PENDING));
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Trunk's page as `trunk build --release` writes it (minified), cut short.
    const TRUNK_PAGE: &str = concat!(
        "<!doctype html><html dir=ltr lang=en><meta charset=utf-8><title>Mission Pages</title><base href=/mp/>",
        "<link href=/mp/app-0123456789abcdef.js rel=modulepreload integrity=sha384-TRUNKGLUE crossorigin=anonymous>",
        "<link href=/mp/app-0123456789abcdef_bg.wasm rel=preload integrity=sha384-TRUNKWASM crossorigin=anonymous type=application/wasm as=fetch>",
        "<link href=/mp/main-0123456789abcdef.css integrity=sha384-CSS rel=stylesheet>",
        "<script type=module>import init, * as bindings from '/mp/app-0123456789abcdef.js';",
        "const wasm = await init({ module_or_path: '/mp/app-0123456789abcdef_bg.wasm' });</script>",
        "</head><body></body></html>",
    );

    fn manifest(glue: &str) -> Manifest {
        let asset = |file: &str, integrity: &str| Asset {
            file: file.to_owned(),
            integrity: integrity.to_owned(),
        };
        Manifest {
            glue: asset(glue, "sha384-GLUE"),
            wasm: asset("app-0123456789abcdef_bg.wasm", "sha384-WASM"),
            start: asset("app-start.js", "sha384-START"),
            output: "0".repeat(64),
        }
    }

    fn template(page: &str, manifest: &Manifest) -> Result<String, String> {
        with_head_metas(&start_app_on_demand(page, manifest)?)
    }

    #[test]
    fn the_loader_and_preloads_give_way_to_app_start_with_the_manifests_values() {
        let made = template(TRUNK_PAGE, &manifest("app-0123456789abcdef.js")).unwrap();
        assert!(
            !made.contains("module_or_path") && !made.contains("preload"),
            "{made}"
        );
        assert!(
            made.contains("main-0123456789abcdef.css"),
            "the stylesheet stays"
        );
        assert!(made.contains(concat!(
            "<script type=\"module\" src=\"app-start.js\" integrity=\"sha384-START\" ",
            "data-app-js=\"/mp/app-0123456789abcdef.js\" data-app-js-integrity=\"sha384-GLUE\" ",
            "data-app-wasm=\"/mp/app-0123456789abcdef_bg.wasm\" data-app-wasm-integrity=\"sha384-WASM\" ",
            "data-app-version=\"version-pending\"",
        )));
        // A shell made before, of another version, is made again the same.
        let shell = with_version(&shell(&made), "0123456789abcdef").unwrap();
        let again = shell.replacen("<body data-app-now", "<body", 1);
        assert_eq!(
            template(&again, &manifest("app-0123456789abcdef.js")),
            Ok(made)
        );
    }

    #[test]
    fn a_template_without_the_manifests_glue_is_refused_naming_it() {
        let error = template(TRUNK_PAGE, &manifest("app-fedcba9876543210.js")).unwrap_err();
        assert!(
            error.contains("app-fedcba9876543210.js") && error.contains(MANIFEST_FILE),
            "{error}"
        );
    }

    #[test]
    fn the_version_goes_into_the_meta_and_app_starts_tag_and_changes_with_any_page() {
        let made = template(TRUNK_PAGE, &manifest("app-0123456789abcdef.js")).unwrap();
        let page = made.replacen("<body></body>", "<body><p>version-pending</p></body>", 1);
        let stamped = with_version(&page, "0123456789abcdef").unwrap();
        assert!(stamped.contains(&version_meta("0123456789abcdef")));
        assert!(stamped.contains(" data-app-version=\"0123456789abcdef\""));
        assert!(
            stamped.contains("<p>version-pending</p>"),
            "the page's text stays"
        );
        assert!(with_version(TRUNK_PAGE, "0123456789abcdef").is_err());

        let out = Path::new("dist");
        let pages = |text: &str| vec![(out.join("index.html"), text.to_owned())];
        let version = build_version(&manifest("g"), out, &pages(&page));
        assert_eq!(version.len(), 16);
        assert_eq!(build_version(&manifest("g"), out, &pages(&page)), version);
        assert_ne!(build_version(&manifest("g"), out, &pages(&made)), version);
    }
}
