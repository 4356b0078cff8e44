//! `make build` (after Trunk): writes `robots.txt`, the Atom feed of the
//! data's changes (`changes.xml`, from `history/history.json`, which Trunk
//! copied into the build) and, when the address the site is published at is
//! known, `sitemap.xml` into the built site.
//!
//! Usage: `site_files DIST [SITE_URL [PUBLIC_URL]]`, SITE_URL being the whole
//! address of the site's root (`https://owner.github.io/mission-pages/`), or
//! empty. A sitemap lists whole addresses, so without it there is none; the
//! feed then links by paths under PUBLIC_URL (`/mission-pages/`, default `/`).

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    mission_pages::facts::publish::tool_exit("site-files", native::run())
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use mission_pages::data::MissionIndex;
    use mission_pages::data::history::{HISTORY_FILE, History};
    use mission_pages::facts::publish::{changes_feed, robots, site_pages, sitemap};
    use mission_pages::site::SiteBase;
    use mission_pages::site::load::{INDEX_FILE, parse};
    use mission_pages::site::routes::CHANGES_FEED;

    pub fn run() -> Result<(), String> {
        let mut args = std::env::args().skip(1);
        let dist = args
            .next()
            .ok_or("usage: site_files DIST [SITE_URL [PUBLIC_URL]]")?;
        let site_url = args.next().filter(|u| !u.trim().is_empty());
        let public_url = args.next().filter(|u| !u.trim().is_empty());
        let text = std::fs::read_to_string(INDEX_FILE)
            .map_err(|e| format!("cannot read {INDEX_FILE}: {e}"))?;
        let index: MissionIndex = parse(INDEX_FILE, &text).map_err(|e| e.to_string())?;
        let write = |name: &str, text: &str| {
            let path = format!("{dist}/{name}");
            std::fs::write(&path, text).map_err(|e| format!("cannot write {path}: {e}"))
        };
        write_feed(&dist, site_url.as_deref(), public_url.as_deref(), &index)?;
        match site_url {
            Some(url) if url.contains("://") => {
                let base = SiteBase::from_public_url(&url);
                let pages = site_pages(&index, |file| {
                    std::fs::read_to_string(file).map_err(|e| format!("cannot read {file}: {e}"))
                })?;
                write("sitemap.xml", &sitemap(&base, &pages))?;
                let sitemap_url = base.absolute(&base.asset("/sitemap.xml"));
                write("robots.txt", &robots(Some(&sitemap_url)))?;
                println!(
                    "wrote {dist}/sitemap.xml ({} pages per language) and {dist}/robots.txt",
                    pages.len()
                );
            }
            Some(url) => {
                return Err(format!(
                    "SITE_URL must be a whole address (https://…), not {url:?}"
                ));
            }
            None => {
                write("robots.txt", &robots(None))?;
                println!(
                    "wrote {dist}/robots.txt; no sitemap.xml without SITE_URL (make build SITE_URL=https://…/)"
                );
            }
        }
        Ok(())
    }

    /// `changes.xml` from the history in the build. A build without the
    /// history file (made by hand, without `make generated`) gets the feed
    /// of an unavailable history, which says so, rather than none.
    fn write_feed(
        dist: &str,
        site_url: Option<&str>,
        public_url: Option<&str>,
        index: &MissionIndex,
    ) -> Result<(), String> {
        let file = format!("{dist}/{HISTORY_FILE}");
        let history = match std::fs::read_to_string(&file) {
            Ok(text) => serde_json::from_str::<History>(&text)
                .map_err(|e| format!("{file} is not a history: {e}"))?,
            Err(e) => History {
                changes: None,
                unavailable: Some(format!("the build has no {HISTORY_FILE} ({e})")),
            },
        };
        let base = match site_url.filter(|u| u.contains("://")) {
            Some(url) => SiteBase::from_public_url(url),
            None => SiteBase::from_public_url(public_url.unwrap_or("/")),
        };
        let feed = format!("{dist}{CHANGES_FEED}");
        std::fs::write(&feed, changes_feed(&base, &history, index))
            .map_err(|e| format!("cannot write {feed}: {e}"))?;
        println!(
            "wrote {feed}: {} changes{}",
            history.all().len(),
            if history.is_available() {
                ""
            } else {
                " (the history is unavailable)"
            }
        );
        Ok(())
    }
}
