//! Files a static host serves beside the pages, made at build time from the
//! routes: `sitemap.xml` (every page in every published language, each with
//! its alternates), `robots.txt` and the Atom feed of the data's changes
//! (`changes.xml`). Written by `src/bin/site_files.rs`.
//! Also what the build tools under `src/bin/` share.

use std::path::Path;

use crate::data::MissionIndex;
use crate::data::history::{Change, FieldChange, History, MissionChange};
use crate::site::SiteBase;
use crate::site::i18n::Locale;
use crate::site::routes;

/// The sitemap of `pages` (site paths from [`crate::site::routes::all_pages`]) for
/// a site published at `base` (which must know its origin: a sitemap lists
/// whole addresses). Each page is listed once per published language, with
/// its `hreflang` alternates, as search engines ask.
pub fn sitemap(base: &SiteBase, pages: &[String]) -> String {
    let published: Vec<Locale> = Locale::ALL
        .into_iter()
        .filter(|l| l.is_published())
        .collect();
    let address = |locale: Locale, page: &str| base.absolute(&base.href_in(locale, page));
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" \
         xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for page in pages {
        for &locale in &published {
            out.push_str("  <url>\n");
            out.push_str(&format!(
                "    <loc>{}</loc>\n",
                xml_escape(&address(locale, page))
            ));
            let alternates = published
                .iter()
                .map(|l| (l.code(), *l))
                .chain(std::iter::once(("x-default", Locale::DEFAULT)));
            for (hreflang, l) in alternates {
                out.push_str(&format!(
                    "    <xhtml:link rel=\"alternate\" hreflang=\"{hreflang}\" href=\"{}\"/>\n",
                    xml_escape(&address(l, page))
                ));
            }
            out.push_str("  </url>\n");
        }
    }
    out.push_str("</urlset>\n");
    out
}

/// Every page of the site (see [`crate::site::routes::all_pages`]): the index's
/// missions, each read with `read_mission` (given its data file) to learn
/// whether its timeline has a page per year.
pub fn site_pages(
    index: &crate::data::MissionIndex,
    read_mission: impl Fn(&str) -> Result<String, String>,
) -> Result<Vec<String>, String> {
    use crate::site::load::{mission_file, parse};
    let mut missions = Vec::with_capacity(index.missions.len());
    for summary in &index.missions {
        let file = mission_file(&summary.id);
        let mission: crate::data::Mission =
            parse(&file, &read_mission(&file)?).map_err(|e| e.to_string())?;
        let english = crate::site::i18n::Locale::DEFAULT.strings();
        let facts = crate::facts::mission::MissionFacts::new(mission, english);
        let years = facts.timeline().pages().collect();
        missions.push((summary.id.as_str(), years));
    }
    Ok(crate::site::routes::all_pages(missions))
}

/// `robots.txt`: every page may be read; the sitemap's address when known.
pub fn robots(sitemap_url: Option<&str>) -> String {
    let mut out = String::from("User-agent: *\nAllow: /\n");
    if let Some(url) = sitemap_url {
        out.push_str(&format!("\nSitemap: {url}\n"));
    }
    out
}

/// The exit of a build tool (`src/bin/`): success, or its message on stderr
/// after the tool's name.
pub fn tool_exit(tool: &str, result: Result<(), String>) -> std::process::ExitCode {
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{tool}: {message}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// Writes `text` to `path` (making its folder) unless the file already
/// holds exactly it, and says whether it wrote. Generated files that Trunk
/// copies must keep their time when nothing changed: its watcher rebuilds
/// when they are written, and the rebuild would make them again.
pub fn write_if_changed(path: &Path, bytes: &[u8]) -> Result<bool, String> {
    if std::fs::read(path).is_ok_and(|old| old == bytes) {
        return Ok(false);
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    std::fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(true)
}

/// The Atom 1.0 feed of the data's changes (RFC 4287): one entry per change,
/// newest first, its summary the title, a link to each changed mission's
/// changes page and, in plain text, what changed in each. Addresses are
/// whole when `base` knows its origin, else paths under the site's base
/// (a feed reader resolves them against the feed's own address). Without a
/// history, a valid feed with no entries whose subtitle says so.
pub fn changes_feed(base: &SiteBase, history: &History, index: &MissionIndex) -> String {
    let address = |path: &str| base.absolute(&base.href_in(Locale::DEFAULT, path));
    let feed_url = base.absolute(&base.asset(routes::CHANGES_FEED));
    let changes_page = address(&routes::changes());
    // RFC 4287 asks for a permanent id: the changes page's address, or a tag
    // URI where the site's address is unknown.
    let feed_id = if base.knows_origin() {
        changes_page.clone()
    } else {
        "tag:mission-pages,2026:changes".to_owned()
    };
    let updated = history
        .data_changed()
        .map_or_else(|| "1970-01-01T00:00:00Z".to_owned(), atom_date);
    let subtitle = match history.changes {
        Some(_) => "Every change to the data of Mission Pages, newest first.".to_owned(),
        None => format!(
            "The history of the data is unavailable in this build ({}).",
            history.unavailable.as_deref().unwrap_or("no reason given")
        ),
    };
    let acronym = |id: &str| {
        index
            .missions
            .iter()
            .find(|m| m.id == id)
            .map_or_else(|| id.to_owned(), |m| m.acronym.clone())
    };
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">\n");
    out.push_str(&format!("  <id>{}</id>\n", xml_escape(&feed_id)));
    out.push_str("  <title>Mission Pages: changes to the data</title>\n");
    out.push_str(&format!(
        "  <subtitle>{}</subtitle>\n",
        xml_escape(&subtitle)
    ));
    out.push_str(&format!("  <updated>{updated}</updated>\n"));
    out.push_str("  <author><name>The Mission Pages authors</name></author>\n");
    out.push_str(&format!(
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
        xml_escape(&feed_url)
    ));
    out.push_str(&format!(
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        xml_escape(&changes_page)
    ));
    out.push_str(
        "  <rights>Data: CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)</rights>\n",
    );
    for change in history.all() {
        out.push_str("  <entry>\n");
        let entry_id = if base.knows_origin() {
            format!("{changes_page}#change-{}", change.commit)
        } else {
            format!("tag:mission-pages,2026:commit:{}", change.commit)
        };
        out.push_str(&format!("    <id>{}</id>\n", xml_escape(&entry_id)));
        out.push_str(&format!(
            "    <title>{}</title>\n",
            xml_escape(&change.summary)
        ));
        out.push_str(&format!(
            "    <updated>{}</updated>\n",
            atom_date(change.date)
        ));
        // A reader opens the entry's one mission, or the list of changes.
        let alternate = match &change.missions[..] {
            [one] => address(&routes::mission_changes(&one.id)),
            _ => changes_page.clone(),
        };
        out.push_str(&format!(
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            xml_escape(&alternate)
        ));
        for m in &change.missions {
            out.push_str(&format!(
                "    <link rel=\"related\" type=\"text/html\" href=\"{}\" title=\"{}\"/>\n",
                xml_escape(&address(&routes::mission_changes(&m.id))),
                xml_escape(&acronym(&m.id))
            ));
        }
        out.push_str(&format!(
            "    <content type=\"text\">{}</content>\n",
            xml_escape(&change_text(change, &acronym))
        ));
        out.push_str("  </entry>\n");
    }
    out.push_str("</feed>\n");
    out
}

/// A day as an Atom date: midnight UTC (the history knows days only).
fn atom_date(date: crate::data::Date) -> String {
    format!("{}T00:00:00Z", date.iso())
}

/// What a change did, mission by mission, one line each: "UNAMI: events 2
/// added, 1 changed; name changed."
fn change_text(change: &Change, acronym: &dyn Fn(&str) -> String) -> String {
    let mut lines = vec![format!(
        "Commit {} of {}.",
        change.commit,
        change.date.iso()
    )];
    lines.extend(
        change
            .missions
            .iter()
            .map(|m| format!("{}: {}", acronym(&m.id), mission_text(m))),
    );
    lines.join("\n")
}

fn mission_text(m: &MissionChange) -> String {
    if m.added {
        return "added.".to_owned();
    }
    if m.removed {
        return "removed.".to_owned();
    }
    if m.fields.is_empty() {
        return "the file changed, but none of its fields (layout only).".to_owned();
    }
    let fields: Vec<String> = m.fields.iter().map(field_text).collect();
    format!("{}.", fields.join("; "))
}

fn field_text(f: &FieldChange) -> String {
    let counts: Vec<String> = [
        (f.added, "added"),
        (f.removed, "removed"),
        (f.changed, "changed"),
    ]
    .into_iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, what)| format!("{n} {what}"))
    .collect();
    format!("{} {}", f.field, counts.join(", "))
}

/// Text for XML character data and attribute values.
fn xml_escape(text: &str) -> String {
    text.chars()
        .filter(|c| xml_char(*c))
        .fold(String::with_capacity(text.len()), |mut out, c| {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '"' => out.push_str("&quot;"),
                '\'' => out.push_str("&apos;"),
                c => out.push(c),
            }
            out
        })
}

/// Whether XML 1.0 allows the character at all (a commit message may hold
/// control characters, which no escaping makes well-formed).
fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && !matches!(c, '\u{FFFE}' | '\u{FFFF}'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::routes::all_pages;

    #[test]
    fn the_sitemap_lists_every_page_in_every_language_with_its_alternates() {
        let base = SiteBase::from_public_url("https://owner.github.io/mission-pages/");
        let pages = all_pages([("unami", vec![]), ("unama", vec![])]);
        let xml = sitemap(&base, &pages);
        let published = Locale::ALL.iter().filter(|l| l.is_published()).count();
        assert_eq!(published, 2);
        // 6 site pages and 9 a mission (the overview, 6 sections, the
        // changes, the print page), in each language.
        assert_eq!(xml.matches("<url>").count(), (6 + 2 * 9) * published);
        assert!(
            xml.contains(
                "<loc>https://owner.github.io/mission-pages/missions/unami/timeline/</loc>"
            )
        );
        assert!(xml.contains(
            "<loc>https://owner.github.io/mission-pages/ar/missions/unami/timeline/</loc>"
        ));
        assert!(
            xml.contains("<loc>https://owner.github.io/mission-pages/missions/unama/print/</loc>")
        );
        assert!(xml.contains(
            "<xhtml:link rel=\"alternate\" hreflang=\"ar\" href=\"https://owner.github.io/mission-pages/ar/\"/>"
        ));
        assert!(xml.contains(
            "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"https://owner.github.io/mission-pages/about/\"/>"
        ));
        assert!(xml.starts_with("<?xml"));
    }

    fn history() -> History {
        serde_json::from_value(serde_json::json!({"changes": [
            {"date": "2026-12-07", "commit": "abc1234567", "summary": "UNAMI & UNAMI: <heads> \"fixed\" \u{1}",
             "missions": [{"id": "unama", "fields": [
                {"field": "leadership", "added": 1, "changed": 2},
                {"field": "name", "changed": 1}]}]},
            {"date": "2026-11-28", "commit": "def4567890", "summary": "Add UNMIK",
             "missions": [{"id": "unmik", "added": true}, {"id": "unami", "removed": true}]}
        ]}))
        .expect("a history")
    }

    fn index() -> MissionIndex {
        serde_json::from_str(include_str!("../../data/index.json")).expect("the index parses")
    }

    const ATOM: &str = "http://www.w3.org/2005/Atom";

    /// The feed parsed back, with the elements RFC 4287 requires checked.
    fn parse_feed(xml: &str) -> roxmltree::Document<'_> {
        let doc = roxmltree::Document::parse(xml).expect("well-formed XML");
        let feed = doc.root_element();
        assert_eq!(feed.tag_name().namespace(), Some(ATOM));
        assert_eq!(feed.tag_name().name(), "feed");
        let child = |node: roxmltree::Node<'_, '_>, name: &str| {
            node.children()
                .filter(|c| c.tag_name().name() == name && c.tag_name().namespace() == Some(ATOM))
                .count()
        };
        for required in ["id", "title", "updated", "author"] {
            assert_eq!(child(feed, required), 1, "feed/{required}");
        }
        assert!(
            feed.children()
                .any(|c| c.tag_name().name() == "link" && c.attribute("rel") == Some("self"))
        );
        for entry in feed.children().filter(|c| c.tag_name().name() == "entry") {
            for required in ["id", "title", "updated", "content"] {
                assert_eq!(child(entry, required), 1, "entry/{required}");
            }
        }
        doc
    }

    #[test]
    fn the_feed_is_atom_with_one_entry_per_change() {
        let base = SiteBase::from_public_url("https://owner.github.io/mission-pages/");
        let xml = changes_feed(&base, &history(), &index());
        let doc = parse_feed(&xml);
        let feed = doc.root_element();
        let text = |node: roxmltree::Node<'_, '_>, name: &str| {
            node.children()
                .find(|c| c.tag_name().name() == name)
                .and_then(|c| c.text())
                .unwrap_or_default()
                .to_owned()
        };
        assert_eq!(text(feed, "updated"), "2026-12-07T00:00:00Z");
        assert_eq!(
            text(feed, "id"),
            "https://owner.github.io/mission-pages/changes/"
        );
        let entries: Vec<_> = feed
            .children()
            .filter(|c| c.tag_name().name() == "entry")
            .collect();
        assert_eq!(entries.len(), 2);
        // Escaped going in, the same text coming out (less the control character).
        assert_eq!(
            text(entries[0], "title"),
            "UNAMI & UNAMI: <heads> \"fixed\" "
        );
        assert_eq!(
            text(entries[0], "content"),
            "Commit abc1234567 of 2026-12-07.\nUNAMA: leadership 1 added, 2 changed; name 1 changed."
        );
        let links: Vec<&str> = entries[1]
            .children()
            .filter(|c| c.attribute("rel") == Some("related"))
            .filter_map(|c| c.attribute("href"))
            .collect();
        assert_eq!(
            links,
            [
                "https://owner.github.io/mission-pages/missions/unmik/changes/",
                "https://owner.github.io/mission-pages/missions/unami/changes/"
            ]
        );
        assert!(text(entries[1], "content").contains("UNMIK: added."));
        assert!(xml.contains(
            "<link rel=\"self\" type=\"application/atom+xml\" href=\"https://owner.github.io/mission-pages/changes.xml\"/>"
        ));
    }

    #[test]
    fn without_an_address_or_a_history_the_feed_is_still_valid() {
        let base = SiteBase::from_public_url("/mission-pages/");
        let xml = changes_feed(&base, &history(), &index());
        parse_feed(&xml);
        assert!(xml.contains("href=\"/mission-pages/missions/unmik/changes/\""));
        assert!(xml.contains("<id>tag:mission-pages,2026:changes</id>"));

        let none: History =
            serde_json::from_str(r#"{"changes":null,"unavailable":"a shallow clone"}"#).unwrap();
        let xml = changes_feed(&base, &none, &index());
        let doc = parse_feed(&xml);
        assert_eq!(
            doc.descendants()
                .filter(|n| n.tag_name().name() == "entry")
                .count(),
            0
        );
        assert!(xml.contains("<subtitle>The history of the data is unavailable in this build (a shallow clone).</subtitle>"));
    }

    #[test]
    fn files_are_written_only_when_they_change() {
        let dir =
            std::env::temp_dir().join(format!("mission-pages-publish-{}", std::process::id()));
        let file = dir.join("a/b.txt");
        assert!(write_if_changed(&file, b"one").expect("writes"));
        assert!(!write_if_changed(&file, b"one").expect("no need"));
        assert!(write_if_changed(&file, b"two").expect("writes"));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn robots_allow_everything_and_point_at_the_sitemap() {
        assert_eq!(robots(None), "User-agent: *\nAllow: /\n");
        assert!(
            robots(Some("https://x.org/sitemap.xml"))
                .ends_with("Sitemap: https://x.org/sitemap.xml\n")
        );
    }
}
