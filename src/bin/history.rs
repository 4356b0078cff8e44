//! `make history`: writes `target/generated/history/history.json` (a
//! [`History`]): every commit that changed a mission file under
//! `data/missions/`, newest first, with what it changed field by field. The
//! Data page, the changes pages, the citations ("data last changed") and the
//! Atom feed read it; Trunk copies it to `dist/history/`.
//!
//! It asks `git` (the repository the build runs in). Without a history to
//! read (no `git`, not a repository, a shallow clone such as CI's default
//! checkout) it writes `{"changes": null, "unavailable": "…"}` and succeeds:
//! a build from a tarball must still work, and the pages then say the
//! history is unavailable rather than show part of it.
//!
//! It writes the file only when its content changes, so that Trunk's
//! watcher, which rebuilds when a copied file is written, does not loop.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    mission_pages::facts::publish::tool_exit("history", native::run())
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::path::Path;
    use std::process::Command;

    use mission_pages::data::Date;
    use mission_pages::data::history::{Change, FieldChange, History, MissionChange};
    use mission_pages::facts::publish::write_if_changed;
    use serde_json::Value;

    pub const OUT_FILE: &str = "target/generated/history/history.json";
    /// `data::history::DATES_FILE`, where Trunk copies it from.
    const DATES_OUT_FILE: &str = "target/generated/history/dates.json";

    /// Where the mission files are, relative to the project's root.
    const MISSIONS_DIR: &str = "data/missions";

    pub fn run() -> Result<(), String> {
        let history = read_history(Path::new("."));
        match (&history.changes, &history.unavailable) {
            (Some(changes), _) => println!("history: {} changes to the data", changes.len()),
            (None, why) => println!(
                "history: unavailable ({}); the pages will say so",
                why.as_deref().unwrap_or("unknown")
            ),
        }
        let written = write_if_changed(Path::new(OUT_FILE), to_json(&history)?.as_bytes())?;
        if written {
            println!("wrote {OUT_FILE}");
        }
        // The dates every page shows, in a file of their own (`ChangeDates`).
        let dates = serde_json::to_string(&history.dates())
            .map_err(|e| format!("cannot write the dates as JSON: {e}"))?
            + "\n";
        if write_if_changed(Path::new(DATES_OUT_FILE), dates.as_bytes())? {
            println!("wrote {DATES_OUT_FILE}");
        }
        Ok(())
    }

    pub fn to_json(history: &History) -> Result<String, String> {
        serde_json::to_string(history)
            .map(|mut s| {
                s.push('\n');
                s
            })
            .map_err(|e| format!("cannot write the history as JSON: {e}"))
    }

    /// The history of the mission files of the project at `root`, or why
    /// there is none. Never fails: an unreadable history is "unavailable".
    pub fn read_history(root: &Path) -> History {
        match changes(root) {
            Ok(changes) => History {
                changes: Some(changes),
                unavailable: None,
            },
            Err(why) => History {
                changes: None,
                unavailable: Some(why),
            },
        }
    }

    /// Runs `git` in `root` with `args`; its standard output, or why not.
    fn git(root: &Path, args: &[&str]) -> Result<String, String> {
        let out = Command::new("git")
            .args(args)
            .current_dir(root)
            // Dates in UTC whatever the machine's zone (`format-local`).
            .env("TZ", "UTC")
            .output()
            .map_err(|e| match e.kind() {
                std::io::ErrorKind::NotFound => "git is not installed".to_owned(),
                _ => format!("cannot run git: {e}"),
            })?;
        if !out.status.success() {
            let err = String::from_utf8_lossy(&out.stderr);
            return Err(format!(
                "git {} failed: {}",
                args.first().copied().unwrap_or_default(),
                err.lines().next().unwrap_or("no message").trim()
            ));
        }
        String::from_utf8(out.stdout)
            .map_err(|_| format!("git {args:?} wrote text that is not UTF-8"))
    }

    /// What a commit's header says, before its files.
    const FIELD: char = '\u{1f}';
    const RECORD: char = '\u{1e}';

    fn changes(root: &Path) -> Result<Vec<Change>, String> {
        match git(root, &["rev-parse", "--is-inside-work-tree"]) {
            Ok(answer) if answer.trim() == "true" => {}
            Ok(_) => return Err("not inside a git work tree".to_owned()),
            Err(e) if e.starts_with("git rev-parse failed") => {
                return Err("not a git repository".to_owned());
            }
            Err(e) => return Err(e),
        }
        if git(root, &["rev-parse", "--is-shallow-repository"])?.trim() == "true" {
            return Err(
                "a shallow clone has only part of the history (git fetch --unshallow, or fetch-depth: 0 on CI)"
                    .to_owned(),
            );
        }
        // No HEAD yet (a repository without commits): nothing has changed.
        if git(root, &["rev-parse", "--verify", "--quiet", "HEAD"]).is_err() {
            return Ok(Vec::new());
        }
        // One record per commit: full hash, short hash, committer date (UTC
        // day), subject; then its files. Paths relative to `root`
        // (`--relative`) in case the project sits inside a larger repository.
        let format = format!("--format={RECORD}%H{FIELD}%h{FIELD}%cd{FIELD}%s");
        let log = git(
            root,
            &[
                "log",
                &format,
                "--date=format-local:%Y-%m-%d",
                "--abbrev=10",
                "--no-renames",
                "--name-status",
                "--relative",
                "--",
                MISSIONS_DIR,
            ],
        )?;
        let mut out = Vec::new();
        for record in log.split(RECORD).filter(|r| !r.trim().is_empty()) {
            let (header, files) = record.split_once('\n').unwrap_or((record, ""));
            let parts: Vec<&str> = header.split(FIELD).collect();
            let [hash, short, date, subject] = parts[..] else {
                return Err(format!(
                    "git log wrote a line it was not asked for: {header:?}"
                ));
            };
            let date = Date::parse(date)
                .map_err(|e| format!("git log gave commit {short} the date {date:?}: {e}"))?;
            let mut missions = Vec::new();
            for line in files.lines().filter(|l| !l.trim().is_empty()) {
                let Some((status, path)) = line.split_once('\t') else {
                    continue;
                };
                let Some(id) = mission_id(path) else { continue };
                let old = || show(root, &format!("{hash}^"), path);
                let new = || show(root, hash, path);
                missions.push(match status {
                    "A" => MissionChange {
                        id: id.to_owned(),
                        added: true,
                        removed: false,
                        fields: Vec::new(),
                    },
                    "D" => MissionChange {
                        id: id.to_owned(),
                        added: false,
                        removed: true,
                        fields: Vec::new(),
                    },
                    _ => MissionChange {
                        id: id.to_owned(),
                        added: false,
                        removed: false,
                        fields: compare_files(&old(), &new()),
                    },
                });
            }
            if missions.is_empty() {
                continue;
            }
            missions.sort_by(|a, b| a.id.cmp(&b.id));
            out.push(Change {
                date,
                commit: short.to_owned(),
                summary: subject.trim().to_owned(),
                missions,
            });
        }
        // Newest first by date even where committer clocks disagree with the
        // commits' order; within a day, git's order.
        out.sort_by_key(|c| std::cmp::Reverse(c.date));
        Ok(out)
    }

    /// `data/missions/unami.json` → `unami`; nothing for other files.
    fn mission_id(path: &str) -> Option<&str> {
        let id = path
            .strip_prefix(MISSIONS_DIR)?
            .strip_prefix('/')?
            .strip_suffix(".json")?;
        (!id.is_empty() && !id.contains('/')).then_some(id)
    }

    /// A file's text at a commit, if it was there and could be read.
    fn show(root: &Path, rev: &str, path: &str) -> Option<String> {
        git(root, &["show", &format!("{rev}:./{path}")]).ok()
    }

    /// What changed between two versions of a mission file (either missing
    /// or unreadable as JSON: nothing can be said field by field).
    pub fn compare_files(old: &Option<String>, new: &Option<String>) -> Vec<FieldChange> {
        let parse = |text: &Option<String>| {
            text.as_deref()
                .and_then(|t| serde_json::from_str::<Ordered>(t).ok())
        };
        match (parse(old), parse(new)) {
            (Some(old), Some(new)) => compare_fields(&old.0, &new.0),
            _ => Vec::new(),
        }
    }

    /// A JSON object's fields in the file's order (serde_json's own map
    /// sorts them, and its order-keeping feature would grow the browser's
    /// build too).
    pub struct Ordered(pub Vec<(String, Value)>);

    impl<'de> serde::Deserialize<'de> for Ordered {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct Visitor;
            impl<'de> serde::de::Visitor<'de> for Visitor {
                type Value = Ordered;
                fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                    f.write_str("a JSON object")
                }
                fn visit_map<A: serde::de::MapAccess<'de>>(
                    self,
                    mut map: A,
                ) -> Result<Ordered, A::Error> {
                    let mut fields = Vec::new();
                    while let Some(entry) = map.next_entry::<String, Value>()? {
                        fields.push(entry);
                    }
                    Ok(Ordered(fields))
                }
            }
            d.deserialize_map(Visitor)
        }
    }

    /// Field by field, in the new file's order, then the fields it no longer
    /// has; fields that did not change are left out. Compared as JSON, not
    /// as today's model: an old commit may not fit it.
    pub fn compare_fields(old: &[(String, Value)], new: &[(String, Value)]) -> Vec<FieldChange> {
        let get = |fields: &[(String, Value)], name: &str| {
            fields
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        };
        let names = new
            .iter()
            .map(|(k, _)| k)
            .chain(old.iter().map(|(k, _)| k).filter(|k| get(new, k).is_none()));
        names
            .filter_map(|name| {
                let (a, b) = (get(old, name), get(new, name));
                let (added, removed, changed) = compare_values(a.as_ref(), b.as_ref());
                (added + removed + changed > 0).then(|| FieldChange {
                    field: name.clone(),
                    added,
                    removed,
                    changed,
                })
            })
            .collect()
    }

    /// (added, removed, changed) between two values of one field: items of
    /// a list (a missing list counts as empty), or one change for anything
    /// else that differs.
    pub fn compare_values(old: Option<&Value>, new: Option<&Value>) -> (u32, u32, u32) {
        const EMPTY: &[Value] = &[];
        match (old, new) {
            (a, b) if a == b => (0, 0, 0),
            (Some(Value::Array(a)), Some(Value::Array(b))) => compare_lists(a, b),
            (Some(Value::Array(a)), None) => compare_lists(a, EMPTY),
            (None, Some(Value::Array(b))) => compare_lists(EMPTY, b),
            _ => (0, 0, 1),
        }
    }

    /// An item's identity: its `id`, else its `number` (resolutions), else
    /// none (matched only by being equal).
    fn key(item: &Value) -> Option<(&'static str, &Value)> {
        ["id", "number"]
            .into_iter()
            .find_map(|k| item.get(k).map(|v| (k, v)))
    }

    /// Items of the new list matched to the old by their key (each old item
    /// once): matched and different is changed, unmatched new is added,
    /// unmatched old is removed. Items without a key match an equal item.
    pub fn compare_lists(old: &[Value], new: &[Value]) -> (u32, u32, u32) {
        let mut used = vec![false; old.len()];
        let (mut added, mut changed) = (0, 0);
        for item in new {
            let k = key(item);
            let found = (0..old.len()).find(|&i| {
                !used[i]
                    && match k {
                        Some(k) => key(&old[i]) == Some(k),
                        None => key(&old[i]).is_none() && old[i] == *item,
                    }
            });
            match found {
                Some(i) => {
                    used[i] = true;
                    if old[i] != *item {
                        changed += 1;
                    }
                }
                None => added += 1,
            }
        }
        let removed = used.iter().filter(|u| !**u).count() as u32;
        (added, removed, changed)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::native::*;
    use serde_json::{Value, json};
    use std::path::{Path, PathBuf};
    use std::process::Command;

    /// The fields of a JSON object, in the text's order (`json!` sorts them).
    fn fields(text: &str) -> Vec<(String, Value)> {
        serde_json::from_str::<Ordered>(text).expect("an object").0
    }

    #[test]
    fn list_items_match_by_id_then_number_then_equality() {
        let old = [
            json!({"id": "a", "x": 1}),
            json!({"id": "b"}),
            json!({"id": "c"}),
        ];
        let new = [
            json!({"id": "a", "x": 2}),
            json!({"id": "c"}),
            json!({"id": "d"}),
        ];
        assert_eq!(compare_lists(&old, &new), (1, 1, 1));
        let old = [json!({"number": 1500, "e": "x"}), json!({"number": 1546})];
        let new = [
            json!({"number": 1500, "e": "y"}),
            json!({"number": 1546}),
            json!({"number": 1557}),
        ];
        assert_eq!(compare_lists(&old, &new), (1, 0, 1));
        // No key: an edited item is one removed and one added.
        let old = [
            json!({"as_of": "2009", "total": 1}),
            json!({"as_of": "2010", "total": 2}),
        ];
        let new = [
            json!({"as_of": "2009", "total": 1}),
            json!({"as_of": "2010", "total": 3}),
        ];
        assert_eq!(compare_lists(&old, &new), (1, 1, 0));
        // Reordering changes nothing.
        let old = [json!("a"), json!("b")];
        let new = [json!("b"), json!("a")];
        assert_eq!(compare_lists(&old, &new), (0, 0, 0));
        // Duplicates are matched once each.
        assert_eq!(
            compare_lists(&[json!("a")], &[json!("a"), json!("a")]),
            (1, 0, 0)
        );
    }

    #[test]
    fn fields_are_compared_in_the_files_order() {
        let old = fields(
            r#"{"id": "unx", "name": {"en": "X"}, "events": [{"id": "e1"}],
                "sources": [{"id": "s1"}], "gone": true}"#,
        );
        let new = fields(
            r#"{"id": "unx", "name": {"en": "X", "ar": "س"}, "events": [{"id": "e1"}, {"id": "e2"}],
                "sources": [], "budget": [{"year": 2005}]}"#,
        );
        let changes = compare_fields(&old, &new);
        let got: Vec<(&str, u32, u32, u32)> = changes
            .iter()
            .map(|c| (c.field.as_str(), c.added, c.removed, c.changed))
            .collect();
        assert_eq!(
            got,
            [
                ("name", 0, 0, 1),
                ("events", 1, 0, 0),
                ("sources", 0, 1, 0),
                ("budget", 1, 0, 0),
                ("gone", 0, 0, 1),
            ]
        );
    }

    #[test]
    fn files_that_are_not_json_give_no_fields() {
        assert!(compare_files(&Some("{".into()), &Some("{}".into())).is_empty());
        assert!(compare_files(&None, &Some("{}".into())).is_empty());
    }

    /// A fresh empty folder under the system's temporary folder.
    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("mission-pages-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("a temporary folder");
        dir
    }

    fn git(dir: &Path, args: &[&str], date: &str) {
        let status = Command::new("git")
            .args(["-c", "user.name=Test", "-c", "user.email=test@example.org"])
            .args([
                "-c",
                "commit.gpgsign=false",
                "-c",
                "init.defaultBranch=main",
            ])
            .args(args)
            .current_dir(dir)
            .env("GIT_AUTHOR_DATE", date)
            .env("GIT_COMMITTER_DATE", date)
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE")
            .env_remove("GIT_INDEX_FILE")
            .status()
            .expect("git runs");
        assert!(status.success(), "git {args:?}");
    }

    #[test]
    fn a_folder_that_is_no_repository_has_no_history() {
        let dir = temp_dir("no-repo");
        let history = read_history(&dir);
        assert_eq!(history.changes, None);
        assert!(history.unavailable.is_some());
        let json = to_json(&history).expect("serialises");
        assert!(
            json.starts_with(r#"{"changes":null,"unavailable":"#),
            "{json}"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_repository_gives_its_changes_newest_first() {
        let dir = temp_dir("repo");
        let missions = dir.join("data/missions");
        std::fs::create_dir_all(&missions).expect("a folder");
        let write = |name: &str, v: Value| {
            std::fs::write(
                missions.join(name),
                serde_json::to_string_pretty(&v).unwrap(),
            )
            .expect("writes")
        };
        git(&dir, &["init", "-q"], "2026-01-01T00:00:00Z");
        write(
            "unx.json",
            json!({"id": "unx", "resolutions": [{"number": 1500}]}),
        );
        write("uny.json", json!({"id": "uny"}));
        std::fs::write(dir.join("README"), "not data").expect("writes");
        git(&dir, &["add", "."], "2026-01-01T00:00:00Z");
        git(
            &dir,
            &["commit", "-q", "-m", "Add UNX and UNY"],
            "2026-01-02T23:30:00-05:00",
        );
        write(
            "unx.json",
            json!({"id": "unx", "resolutions": [{"number": 1500, "x": 1}, {"number": 1546}]}),
        );
        std::fs::remove_file(missions.join("uny.json")).expect("removes");
        git(&dir, &["add", "-A"], "2026-01-04T00:00:00Z");
        git(
            &dir,
            &["commit", "-q", "-m", "UNX: resolution 1546\n\nMore words."],
            "2026-01-04T10:00:00Z",
        );
        std::fs::write(dir.join("README"), "still not data").expect("writes");
        git(
            &dir,
            &["commit", "-q", "-am", "Not data"],
            "2026-01-05T10:00:00Z",
        );

        let history = read_history(&dir);
        assert_eq!(history.unavailable, None);
        let changes = history.changes.expect("a history");
        assert_eq!(changes.len(), 2, "{changes:?}");
        assert_eq!(changes[0].summary, "UNX: resolution 1546");
        assert_eq!(changes[0].date.iso(), "2026-01-04");
        // 23:30 at UTC−5 is the next day in UTC.
        assert_eq!(changes[1].date.iso(), "2026-01-03");
        assert_eq!(changes[0].commit.len(), 10);
        let ids: Vec<&str> = changes[0].missions.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(ids, ["unx", "uny"]);
        assert!(changes[0].missions[1].removed);
        let unx = &changes[0].missions[0];
        assert_eq!(unx.fields.len(), 1);
        assert_eq!(
            (
                unx.fields[0].field.as_str(),
                unx.fields[0].added,
                unx.fields[0].changed
            ),
            ("resolutions", 1, 1)
        );
        assert!(changes[1].missions.iter().all(|m| m.added));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
