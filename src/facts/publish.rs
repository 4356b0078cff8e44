//! Files a static host serves beside the pages, made at build time from the
//! routes: `sitemap.xml` (every page in every published language, each with
//! its alternates) and `robots.txt`. Written by `src/bin/site_files.rs`.
//! Also what the build tools under `src/bin/` share.

use crate::site::SiteBase;
use crate::site::i18n::Locale;

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

fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
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
        // 4 site pages and 8 a mission, in each language.
        assert_eq!(xml.matches("<url>").count(), (4 + 2 * 8) * published);
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

    #[test]
    fn robots_allow_everything_and_point_at_the_sitemap() {
        assert_eq!(robots(None), "User-agent: *\nAllow: /\n");
        assert!(
            robots(Some("https://x.org/sitemap.xml"))
                .ends_with("Sitemap: https://x.org/sitemap.xml\n")
        );
    }
}
