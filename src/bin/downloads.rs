//! `make downloads`: the files of the Data page, under
//! `target/generated/downloads/` (Trunk copies them to `dist/downloads/`):
//!
//! - `missions/{id}/{table}.csv`: each mission's six tables;
//! - `all/{table}.csv`: each table of every mission, with a `mission` column;
//! - `mission-pages-data.zip`: every mission file, `data/index.json`,
//!   `data/spellings.json`, the schemas, every CSV file and a README.txt
//!   (licences, how to cite);
//! - `index.json` (a [`Downloads`]): every file the page lists, with its
//!   size and when its data last changed (from `history/history.json`, which
//!   `make history` writes first; no dates without it).
//!
//! CSV files are UTF-8 with a byte order mark and CRLF line ends
//! (`facts::tables`). Everything is deterministic: the same data and history
//! make the same bytes (the zip's entries have a fixed time, in a fixed
//! order), and a file is written only when its bytes change, so Trunk's
//! watcher does not loop.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    mission_pages::facts::publish::tool_exit("downloads", native::run())
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::path::Path;

    use mission_pages::data::downloads::{
        DATASET_ZIP, DOWNLOADS_FILE, Download, DownloadKind, Downloads, Table,
    };
    use mission_pages::data::history::{HISTORY_FILE, History};
    use mission_pages::data::{Date, Mission, MissionIndex};
    use mission_pages::facts::publish::write_if_changed;
    use mission_pages::facts::tables;
    use mission_pages::site::load::{INDEX_FILE, SPELLINGS_FILE, mission_file, parse};

    use super::zip;

    /// Where the generated files go: `target/generated/` holds the site's
    /// `downloads/` and `history/` folders.
    const GENERATED: &str = "target/generated";

    /// The folder of the JSON Schemas (`make schema` writes them).
    const SCHEMA_DIR: &str = "data/schema";

    /// The zip's one folder, so that unpacking it makes one folder.
    const ZIP_ROOT: &str = "mission-pages-data";

    fn read_text(file: &str) -> Result<String, String> {
        std::fs::read_to_string(file).map_err(|e| format!("cannot read {file}: {e}"))
    }

    /// A file written under `target/generated/`, with its site path.
    fn write(site_path: &str, bytes: &[u8]) -> Result<(), String> {
        let path = format!("{GENERATED}/{site_path}");
        write_if_changed(Path::new(&path), bytes).map(|_| ())
    }

    pub fn run() -> Result<(), String> {
        let index: MissionIndex =
            parse(INDEX_FILE, &read_text(INDEX_FILE)?).map_err(|e| e.to_string())?;
        let mut ids: Vec<&str> = index.missions.iter().map(|m| m.id.as_str()).collect();
        ids.sort_unstable();
        let mut missions = Vec::with_capacity(ids.len());
        for id in &ids {
            let file = mission_file(id);
            let text = read_text(&file)?;
            let mission: Mission = parse(&file, &text).map_err(|e| e.to_string())?;
            missions.push((file, text, mission));
        }
        let history = read_history();
        let built = build(&missions, &history, &schema_files()?)?;
        for (path, bytes) in &built.files {
            write(path, bytes)?;
        }
        let zip_bytes = built
            .files
            .iter()
            .find(|(p, _)| p == DATASET_ZIP)
            .map_or(0, |(_, b)| b.len());
        let json = serde_json::to_string(&built.downloads)
            .map_err(|e| format!("cannot write {DOWNLOADS_FILE}: {e}"))?;
        write(DOWNLOADS_FILE, json.as_bytes())?;
        println!(
            "downloads: {} files listed in {GENERATED}/{DOWNLOADS_FILE}, {} CSV files, the zip {zip_bytes} bytes{}",
            built.downloads.files.len(),
            built.files.len() - 1,
            if history.is_available() {
                ""
            } else {
                " (no dates: the history is unavailable)"
            }
        );
        Ok(())
    }

    /// The history `make history` wrote; without it (or unreadable), an
    /// unavailable one: the files are still made, without dates.
    fn read_history() -> History {
        let file = format!("{GENERATED}/{HISTORY_FILE}");
        let read = std::fs::read_to_string(&file)
            .map_err(|e| e.to_string())
            .and_then(|text| serde_json::from_str::<History>(&text).map_err(|e| e.to_string()));
        read.unwrap_or_else(|e| {
            eprintln!("downloads: no dates: cannot read {file} ({e}); run `make history` first");
            History {
                changes: None,
                unavailable: Some(format!("{file}: {e}")),
            }
        })
    }

    /// The schema files, by site path, in name order.
    fn schema_files() -> Result<Vec<(String, Vec<u8>)>, String> {
        let entries =
            std::fs::read_dir(SCHEMA_DIR).map_err(|e| format!("cannot read {SCHEMA_DIR}: {e}"))?;
        let mut names = Vec::new();
        for entry in entries {
            let entry = entry.map_err(|e| format!("cannot read {SCHEMA_DIR}: {e}"))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.ends_with(".json") {
                names.push(name);
            }
        }
        names.sort();
        names
            .into_iter()
            .map(|name| {
                let path = format!("{SCHEMA_DIR}/{name}");
                std::fs::read(&path)
                    .map(|bytes| (path.clone(), bytes))
                    .map_err(|e| format!("cannot read {path}: {e}"))
            })
            .collect()
    }

    /// What `build` makes: the files to write under `target/generated/`
    /// (site path, bytes) and the list of downloads.
    pub struct Built {
        pub files: Vec<(String, Vec<u8>)>,
        pub downloads: Downloads,
    }

    /// Everything from the missions (site path of the file, its text, the
    /// mission, in id order), the history and the schema files.
    pub fn build(
        missions: &[(String, String, Mission)],
        history: &History,
        schemas: &[(String, Vec<u8>)],
    ) -> Result<Built, String> {
        let dataset_changed = history.data_changed();
        let mut files: Vec<(String, Vec<u8>)> = Vec::new();
        let mut listed: Vec<Download> = Vec::new();
        let entry =
            |path: &str, kind, mission: Option<&str>, table, bytes: usize, changed| Download {
                path: path.to_owned(),
                kind,
                mission: mission.map(str::to_owned),
                table,
                bytes: bytes as u64,
                changed,
            };

        // Each mission's JSON, then its tables.
        for (file, text, m) in missions {
            let changed = history.mission_changed(&m.id);
            listed.push(entry(
                file,
                DownloadKind::Mission,
                Some(&m.id),
                None,
                text.len(),
                changed,
            ));
            for which in Table::ALL {
                let path = which.csv_path(Some(&m.id));
                let bytes = tables::table(m, which).csv_file().into_bytes();
                listed.push(entry(
                    &path,
                    DownloadKind::Csv,
                    Some(&m.id),
                    Some(which),
                    bytes.len(),
                    changed,
                ));
                files.push((path, bytes));
            }
        }
        // Every mission's tables together.
        let all: Vec<Mission> = missions.iter().map(|(_, _, m)| m.clone()).collect();
        for which in Table::ALL {
            let path = which.csv_path(None);
            let bytes = tables::all_missions(&all, which).csv_file().into_bytes();
            listed.push(entry(
                &path,
                DownloadKind::Csv,
                None,
                Some(which),
                bytes.len(),
                dataset_changed,
            ));
            files.push((path, bytes));
        }

        // The zip: the README, the data files as editors write them, the CSV files.
        let index_text = read_bytes(INDEX_FILE)?;
        let spellings = read_bytes(SPELLINGS_FILE)?;
        let mut members: Vec<(String, Vec<u8>)> = vec![
            (
                "README.txt".to_owned(),
                readme(dataset_changed).into_bytes(),
            ),
            (INDEX_FILE.to_owned(), index_text.clone()),
            (SPELLINGS_FILE.to_owned(), spellings),
        ];
        members.extend(schemas.iter().cloned());
        members.extend(
            missions
                .iter()
                .map(|(file, text, _)| (file.clone(), text.clone().into_bytes())),
        );
        members.extend(files.iter().map(|(path, bytes)| {
            let inside = path.strip_prefix("downloads/").unwrap_or(path);
            (format!("csv/{inside}"), bytes.clone())
        }));
        let zip_bytes = zip::write(
            &members
                .iter()
                .map(|(name, bytes)| (format!("{ZIP_ROOT}/{name}"), bytes.as_slice()))
                .collect::<Vec<_>>(),
        )?;

        // The list, in the Data page's order: the zip, the index, the
        // schemas, each mission's files, the all-missions tables.
        let mut downloads = vec![
            entry(
                DATASET_ZIP,
                DownloadKind::Zip,
                None,
                None,
                zip_bytes.len(),
                dataset_changed,
            ),
            entry(
                INDEX_FILE,
                DownloadKind::Index,
                None,
                None,
                index_text.len(),
                dataset_changed,
            ),
        ];
        downloads.extend(schemas.iter().map(|(path, bytes)| {
            entry(
                path,
                DownloadKind::Schema,
                None,
                None,
                bytes.len(),
                dataset_changed,
            )
        }));
        downloads.extend(listed);
        files.push((DATASET_ZIP.to_owned(), zip_bytes));
        Ok(Built {
            files,
            downloads: Downloads { files: downloads },
        })
    }

    fn read_bytes(file: &str) -> Result<Vec<u8>, String> {
        std::fs::read(file).map_err(|e| format!("cannot read {file}: {e}"))
    }

    /// The zip's README.txt: what is in it, the licences, how to cite it.
    pub fn readme(changed: Option<Date>) -> String {
        let version = changed.map_or_else(
            || "the date you downloaded it".to_owned(),
            |d| format!("the data as of {}", d.iso()),
        );
        let year = changed.map_or_else(|| "n.d.".to_owned(), |d| d.year.to_string());
        let text = format!(
            "Mission Pages: the data
=======================

Sourced facts about United Nations field missions: resolutions, heads of
mission, personnel, budgets, offices and the documents that support them.

What is here
------------
data/missions/{{id}}.json  each mission, as the site's editors write it
data/index.json          the list of missions
data/spellings.json      words spelt more than one way (for search)
data/schema/*.json       JSON Schemas of these files
csv/missions/{{id}}/*.csv  each mission's tables
csv/all/*.csv            each table for every mission (first column: mission)

The CSV files are UTF-8 (with a byte order mark) with a header row. Texts are
in English (`_en`) with Arabic (`_ar`) where the data has it; an empty `_ar`
cell means no Arabic text, not an empty one. Every row names its sources by id
(`source_ids`) and address (`source_urls`), space-separated; each mission's
sources.csv lists them.

Licences
--------
The data (everything in this zip) is licensed under the Creative Commons
Attribution 4.0 International licence (CC BY 4.0):
https://creativecommons.org/licenses/by/4.0/
You may share and adapt it for any purpose, if you credit Mission Pages,
link to the licence and say whether you changed it.

The site's code is under the MIT licence (the LICENSE file of its repository);
it is not part of this download.

How to cite
-----------
The Mission Pages authors ({year}). Mission Pages: data on United Nations
field missions [Data set], {version}. Licensed under CC BY 4.0. Retrieved
from the address of the site's Data page, which you should give too.

Each fact on the site cites the documents it comes from: cite those for the
facts themselves.
"
        );
        text.replace('\n', "\r\n")
    }
}

/// A zip file (PKWARE's APPNOTE), written by hand: local headers, the
/// DEFLATE-compressed data (`miniz_oxide`), the central directory. No zip64
/// (the dataset is far below 4 GiB), no extra fields, every entry dated
/// 1980-01-01 00:00 (the format's first day) so that the same files make the
/// same bytes.
#[cfg(not(target_arch = "wasm32"))]
mod zip {
    /// DOS time and date of 1980-01-01 00:00:00.
    const DOS_TIME: u16 = 0;
    const DOS_DATE: u16 = (1 << 5) | 1;
    /// Version 2.0: DEFLATE.
    const VERSION: u16 = 20;
    /// Bit 11: names are UTF-8.
    const FLAGS: u16 = 1 << 11;
    const DEFLATE: u16 = 8;
    const STORE: u16 = 0;

    /// The zip of `files` (name, bytes), in the order given.
    pub fn write(files: &[(String, &[u8])]) -> Result<Vec<u8>, String> {
        let mut out = Vec::new();
        let mut central = Vec::new();
        for (name, data) in files {
            let too_big = || format!("{name} is too large for a zip without zip64");
            let deflated = miniz_oxide::deflate::compress_to_vec(data, 9);
            // A file DEFLATE cannot shrink is stored as it is.
            let (method, stored) = if deflated.len() < data.len() {
                (DEFLATE, deflated.as_slice())
            } else {
                (STORE, *data)
            };
            let crc = crc32(data);
            let offset = u32::try_from(out.len()).map_err(|_| too_big())?;
            let size = u32::try_from(data.len()).map_err(|_| too_big())?;
            let packed = u32::try_from(stored.len()).map_err(|_| too_big())?;
            let name_len =
                u16::try_from(name.len()).map_err(|_| format!("{name}: name too long"))?;
            let common = |v: &mut Vec<u8>| {
                put16(v, VERSION);
                put16(v, FLAGS);
                put16(v, method);
                put16(v, DOS_TIME);
                put16(v, DOS_DATE);
                put32(v, crc);
                put32(v, packed);
                put32(v, size);
                put16(v, name_len);
                put16(v, 0); // extra field length
            };
            put32(&mut out, 0x0403_4b50);
            common(&mut out);
            out.extend_from_slice(name.as_bytes());
            out.extend_from_slice(stored);

            put32(&mut central, 0x0201_4b50);
            put16(&mut central, VERSION); // made by: MS-DOS attributes, version 2.0
            common(&mut central);
            put16(&mut central, 0); // comment length
            put16(&mut central, 0); // disk number
            put16(&mut central, 0); // internal attributes
            put32(&mut central, 0); // external attributes
            put32(&mut central, offset);
            central.extend_from_slice(name.as_bytes());
        }
        let count =
            u16::try_from(files.len()).map_err(|_| "too many files for a zip without zip64")?;
        let central_offset = u32::try_from(out.len()).map_err(|_| "the zip is too large")?;
        let central_len = u32::try_from(central.len()).map_err(|_| "the zip is too large")?;
        out.extend_from_slice(&central);
        put32(&mut out, 0x0605_4b50);
        put16(&mut out, 0); // this disk
        put16(&mut out, 0); // the central directory's disk
        put16(&mut out, count);
        put16(&mut out, count);
        put32(&mut out, central_len);
        put32(&mut out, central_offset);
        put16(&mut out, 0); // comment length
        Ok(out)
    }

    fn put16(out: &mut Vec<u8>, v: u16) {
        out.extend_from_slice(&v.to_le_bytes());
    }

    fn put32(out: &mut Vec<u8>, v: u32) {
        out.extend_from_slice(&v.to_le_bytes());
    }

    /// CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320), as zip asks.
    pub fn crc32(data: &[u8]) -> u32 {
        const TABLE: [u32; 256] = {
            let mut table = [0u32; 256];
            let mut i = 0;
            while i < 256 {
                let mut c = i as u32;
                let mut k = 0;
                while k < 8 {
                    c = if c & 1 != 0 {
                        0xEDB8_8320 ^ (c >> 1)
                    } else {
                        c >> 1
                    };
                    k += 1;
                }
                table[i] = c;
                i += 1;
            }
            table
        };
        !data.iter().fold(!0u32, |c, &b| {
            TABLE[((c ^ u32::from(b)) & 0xFF) as usize] ^ (c >> 8)
        })
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        fn u16_at(b: &[u8], at: usize) -> u16 {
            u16::from_le_bytes([b[at], b[at + 1]])
        }

        fn u32_at(b: &[u8], at: usize) -> u32 {
            u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
        }

        #[test]
        fn crc32_matches_the_standard_check_value() {
            assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
            assert_eq!(crc32(b""), 0);
        }

        #[test]
        fn a_zip_reads_back_and_is_the_same_every_time() {
            let text = "naïve, عربي\r\n".repeat(200);
            let files = vec![
                ("a/text.csv".to_owned(), text.as_bytes()),
                ("b.txt".to_owned(), &b"x"[..]),
            ];
            let zip = write(&files).expect("a zip");
            assert_eq!(zip, write(&files).expect("a zip"), "deterministic");
            // The end record points at the central directory, which points
            // at each local header.
            let end = zip.len() - 22;
            assert_eq!(u32_at(&zip, end), 0x0605_4b50);
            assert_eq!(u16_at(&zip, end + 10), 2);
            let mut at = u32_at(&zip, end + 16) as usize;
            for (name, data) in &files {
                assert_eq!(u32_at(&zip, at), 0x0201_4b50);
                let method = u16_at(&zip, at + 10);
                let packed = u32_at(&zip, at + 20) as usize;
                let name_len = u16_at(&zip, at + 28) as usize;
                assert_eq!(&zip[at + 46..at + 46 + name_len], name.as_bytes());
                let local = u32_at(&zip, at + 42) as usize;
                assert_eq!(u32_at(&zip, local), 0x0403_4b50);
                let body = &zip[local + 30 + name_len..local + 30 + name_len + packed];
                let unpacked = if method == DEFLATE {
                    miniz_oxide::inflate::decompress_to_vec(body).expect("inflates")
                } else {
                    body.to_vec()
                };
                assert_eq!(&unpacked, data);
                assert_eq!(u32_at(&zip, at + 16), crc32(data));
                at += 46 + name_len;
            }
            // The long text was compressed; the one byte was stored.
            assert!(zip.len() < text.len());
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::native::*;
    use mission_pages::data::downloads::{DownloadKind, Table};
    use mission_pages::data::history::History;
    use mission_pages::data::{Mission, MissionIndex};
    use mission_pages::site::load::mission_file;

    /// The project's own data (tests run in the project's root).
    fn missions(ids: &[&str]) -> Vec<(String, String, Mission)> {
        ids.iter()
            .map(|id| {
                let file = mission_file(id);
                let text = std::fs::read_to_string(&file).expect("a mission file");
                let m: Mission = serde_json::from_str(&text).expect("a mission");
                (file, text, m)
            })
            .collect()
    }

    fn history() -> History {
        serde_json::from_value(serde_json::json!({"changes": [
            {"date": "2026-12-07", "commit": "abc", "summary": "s", "missions": [{"id": "unama"}]},
            {"date": "2026-11-28", "commit": "def", "summary": "s", "missions": [{"id": "unami"}]}
        ]}))
        .expect("a history")
    }

    #[test]
    fn the_list_is_in_the_data_pages_order_with_sizes_and_dates() {
        let schemas = vec![("data/schema/a.schema.json".to_owned(), b"{}".to_vec())];
        let built = build(&missions(&["unama", "unami"]), &history(), &schemas).expect("builds");
        let files = &built.downloads.files;
        let kinds: Vec<DownloadKind> = files.iter().map(|f| f.kind).collect();
        let mut expected = vec![DownloadKind::Zip, DownloadKind::Index, DownloadKind::Schema];
        for _ in 0..2 {
            expected.push(DownloadKind::Mission);
            expected.extend([DownloadKind::Csv; 6]);
        }
        expected.extend([DownloadKind::Csv; 6]);
        assert_eq!(kinds, expected);
        assert_eq!(files[3].path, "data/missions/unama.json");
        assert_eq!(files[4].path, "downloads/missions/unama/resolutions.csv");
        assert_eq!(files[4].table, Some(Table::Resolutions));
        assert_eq!(
            files[4].changed.map(|d| d.iso()).as_deref(),
            Some("2026-12-07")
        );
        assert_eq!(
            files[10].changed.map(|d| d.iso()).as_deref(),
            Some("2026-11-28")
        );
        assert_eq!(
            files[0].changed.map(|d| d.iso()).as_deref(),
            Some("2026-12-07")
        );
        assert_eq!(
            files.last().map(|f| f.path.as_str()),
            Some("downloads/all/sources.csv")
        );
        // Every size is the size of the bytes made.
        for (path, bytes) in &built.files {
            let listed = files.iter().find(|f| f.path == *path).expect("listed");
            assert_eq!(listed.bytes, bytes.len() as u64, "{path}");
        }
        // Without a history, no dates.
        let none = History::default();
        let built2 = build(&missions(&["unama", "unami"]), &none, &schemas).expect("builds");
        assert!(built2.downloads.files.iter().all(|f| f.changed.is_none()));
        // The same input makes the same bytes.
        let again = build(&missions(&["unama", "unami"]), &history(), &schemas).expect("builds");
        assert_eq!(built.files, again.files);
    }

    #[test]
    fn csv_files_have_a_bom_crlf_and_a_row_per_item() {
        let ms = missions(&["unami"]);
        let built = build(&ms, &History::default(), &[]).expect("builds");
        let (_, bytes) = built
            .files
            .iter()
            .find(|(p, _)| p == "downloads/missions/unami/resolutions.csv")
            .expect("the resolutions");
        assert!(bytes.starts_with("\u{FEFF}number,".as_bytes()));
        let text = String::from_utf8(bytes.clone()).expect("UTF-8");
        assert!(text.ends_with("\r\n"));
        assert!(!text.replace("\r\n", "").contains('\r'));
        let index: MissionIndex =
            serde_json::from_str(&std::fs::read_to_string("data/index.json").unwrap()).unwrap();
        assert!(index.missions.iter().any(|m| m.id == "unami"));
        assert!(!ms[0].2.resolutions.is_empty());
    }

    #[test]
    fn the_readme_names_the_licence_and_a_citation() {
        let text = readme(mission_pages::data::Date::parse("2026-12-07").ok());
        assert!(text.contains("https://creativecommons.org/licenses/by/4.0/"));
        assert!(text.contains("The Mission Pages authors (2026)"));
        assert!(text.contains("as of 2026-12-07"));
        assert!(!text.replace("\r\n", "").contains('\n'));
    }
}
