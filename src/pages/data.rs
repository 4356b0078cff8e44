//! `/data`: every file a reader can download, with its size and the date
//! its data last changed, the licences, and how to cite the dataset.
//!
//! A document made at build time only (see `pages::built`).

use std::sync::Arc;

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::components::cite_page::CiteThisPage;
use crate::components::data_table::DataTable;
use crate::data::Date;
use crate::data::MissionIndex;
use crate::data::downloads::{
    CODE_LICENCE, DATA_LICENCE, DATA_LICENCE_URL, DOWNLOADS_FILE, Download, DownloadKind,
    Downloads, Table,
};
use crate::site::format::count;
use crate::site::load::{loaded, loaded_index};
use crate::site::routes;
use crate::site::{SiteBase, strings};

/// The Data page.
#[component]
pub fn DataPage() -> impl IntoView {
    let t = strings();
    // The prerenderer has read both (or stopped, naming the file).
    let files = loaded::<Downloads>(DOWNLOADS_FILE)
        .zip(loaded_index())
        .map(|(downloads, index)| view! { <Files downloads=downloads index=index/> });
    view! {
        <Title text=t.built_data_title()/>
        <Meta name="description" content=t.built_data_description()/>
        <article class="data-page">
            <h1>{t.built_data_title()}</h1>
            <p class="lede">{t.built_data_lede()}</p>
            {files}
            <Licences/>
        </article>
        <CiteThisPage title=t.built_data_dataset_title() page=routes::data() open=true/>
    }
}

#[component]
fn Files(downloads: Arc<Downloads>, index: Arc<MissionIndex>) -> impl IntoView {
    let base = expect_context::<SiteBase>();
    let t = strings();
    let href = |d: &Download| base.asset(&format!("/{}", d.path));
    let changed = |d: &Download| when(d.changed);
    let zip = downloads
        .files
        .iter()
        .find(|d| d.kind == DownloadKind::Zip)
        .map(|zip| {
            view! {
                <section aria-labelledby="zip-heading">
                    <h2 id="zip-heading">{t.built_data_zip_heading()}</h2>
                    <p>{t.built_data_zip_body()}</p>
                    <p class="data-zip">
                        <a class="button" href=href(zip) download="">{t.built_data_zip_link()}</a>
                        " " {file_size(zip.bytes, t)} " · " {t.built_data_col_changed()} ": " {changed(zip)}
                    </p>
                </section>
            }
        });
    let shared = downloads
        .files
        .iter()
        .filter(|d| d.mission.is_none() && d.kind != DownloadKind::Zip)
        .map(|d| {
            view! {
                <tr>
                    <th scope="row"><a href=href(d)>{file_label(d)}</a></th>
                    <td>{format_of(d)}</td>
                    <td>{file_size(d.bytes, t)}</td>
                    <td>{changed(d)}</td>
                </tr>
            }
        })
        .collect_view();
    let missions = index
        .missions
        .iter()
        .map(|m| {
            let files: Vec<&Download> = downloads
                .files
                .iter()
                .filter(|d| d.mission.as_deref() == Some(m.id.as_str()))
                .collect();
            // The mission's JSON first, then its tables, each with its size.
            let links = files
                .iter()
                .map(|d| {
                    let name = if d.kind == DownloadKind::Mission {
                        "JSON".to_owned()
                    } else {
                        format!("{} (CSV)", file_label(d))
                    };
                    view! { <li><a href=href(d)>{name}</a> " " <span class="file-size">{file_size(d.bytes, t)}</span></li> }
                })
                .collect_view();
            let last = files.iter().filter_map(|d| d.changed).max();
            view! {
                <li class="mission-files" id=format!("files-{}", m.id)>
                    <h3>
                        <a href=base.href(&routes::mission(&m.id))>{m.acronym.clone()}</a>
                    </h3>
                    <p class="mission-files-changed">{t.built_data_col_changed()} ": " {when(last)}</p>
                    <ul class="inline-list">{links}</ul>
                </li>
            }
        })
        .collect_view();
    view! {
        {zip}
        <section aria-labelledby="all-heading">
            <h2 id="all-heading">{t.built_data_all_heading()}</h2>
            <p>{t.built_data_all_body()}</p>
            <DataTable
                label=t.built_data_all_heading()
                caption=t.built_data_all_heading()
                columns=vec![t.built_data_col_file(), t.built_data_col_format(), t.built_data_col_size(), t.built_data_col_changed()]
            >
                {shared}
            </DataTable>
        </section>
        <section aria-labelledby="each-heading">
            <h2 id="each-heading">{t.built_data_each_heading()}</h2>
            <p>{t.built_data_each_body()}</p>
            <ul class="missions-files">{missions}</ul>
        </section>
    }
}

/// What a file holds, in words.
fn file_label(d: &Download) -> String {
    let t = strings();
    match (d.kind, d.table) {
        (_, Some(table)) => table_label(table, t).to_owned(),
        (DownloadKind::Index, _) => t.built_data_kind_index().to_owned(),
        (DownloadKind::Schema, _) => {
            let name = d.path.rsplit('/').next().unwrap_or(&d.path);
            t.built_data_kind_schema(name)
        }
        _ => t.built_data_kind_mission().to_owned(),
    }
}

/// The file's format, as its name ends.
fn format_of(d: &Download) -> &'static str {
    match d.kind {
        DownloadKind::Csv => "CSV",
        DownloadKind::Zip => "zip",
        _ => "JSON",
    }
}

/// A date as a `<time>`, or "not known".
fn when(date: Option<Date>) -> AnyView {
    let t = strings();
    match date {
        Some(d) => view! { <time datetime=d.iso()>{t.date(d)}</time> }.into_any(),
        None => t.built_data_unknown_date().into_any(),
    }
}

/// A table's name.
fn table_label(table: Table, t: &crate::site::i18n::Strings) -> &'static str {
    match table {
        Table::Resolutions => t.built_table_resolutions(),
        Table::HeadsOfMission => t.built_table_heads_of_mission(),
        Table::Personnel => t.built_table_personnel(),
        Table::Budgets => t.built_table_budgets(),
        Table::Offices => t.built_table_offices(),
        Table::Sources => t.built_table_sources(),
    }
}

/// The data's and the code's licences, and the sources' own terms.
#[component]
fn Licences() -> impl IntoView {
    let t = strings();
    let licence_link = view! { <a href=DATA_LICENCE_URL rel="license">{DATA_LICENCE}</a> };
    let data = crate::components::text::sentence_with(
        t.built_data_licence_data(crate::components::text::SLOT),
        licence_link,
    );
    view! {
        <section aria-labelledby="licence-heading">
            <h2 id="licence-heading">{t.built_data_licence_heading()}</h2>
            <p>{data}</p>
            <p>{t.built_data_licence_code(CODE_LICENCE)}</p>
            <p>{t.built_data_licence_sources()}</p>
            <p>{t.built_data_cite_dataset()}</p>
        </section>
    }
}

/// A file's size as a reader reads it: "812 bytes", "2.4 kB", "1.3 MB"
/// (powers of 1,000, one decimal).
fn file_size(bytes: u64, t: &crate::site::i18n::Strings) -> String {
    let tenths = |unit: u64| {
        let tenths = (bytes * 10 + unit / 2) / unit;
        format!("{}.{}", count(tenths / 10), tenths % 10)
    };
    match bytes {
        0..1_000 => t.built_size_bytes(bytes),
        1_000..1_000_000 => t.built_size_kb(tenths(1_000)),
        _ => t.built_size_mb(tenths(1_000_000)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_sizes_in_words() {
        let t = crate::site::i18n::Locale::DEFAULT.strings();
        assert_eq!(file_size(812, t), "812 bytes");
        assert_eq!(file_size(2_449, t), "2.4 kB");
        assert_eq!(file_size(1_299_999, t), "1.3 MB");
        assert_eq!(file_size(12_345_678, t), "12.3 MB");
    }
}
