//! `make build` (after Trunk): writes `robots.txt` and, when the address the
//! site is published at is known, `sitemap.xml` into the built site.
//!
//! Usage: `site_files DIST [SITE_URL]`, SITE_URL being the whole address of
//! the site's root (`https://owner.github.io/mission-pages/`). A sitemap lists
//! whole addresses, so without it only `robots.txt` is written.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    mission_pages::facts::publish::tool_exit("site-files", native::run())
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use mission_pages::data::MissionIndex;
    use mission_pages::facts::publish::{robots, site_pages, sitemap};
    use mission_pages::site::SiteBase;
    use mission_pages::site::load::{INDEX_FILE, parse};

    pub fn run() -> Result<(), String> {
        let mut args = std::env::args().skip(1);
        let dist = args.next().ok_or("usage: site_files DIST [SITE_URL]")?;
        let site_url = args.next().filter(|u| !u.trim().is_empty());
        let text = std::fs::read_to_string(INDEX_FILE)
            .map_err(|e| format!("cannot read {INDEX_FILE}: {e}"))?;
        let index: MissionIndex = parse(INDEX_FILE, &text).map_err(|e| e.to_string())?;
        let write = |name: &str, text: &str| {
            let path = format!("{dist}/{name}");
            std::fs::write(&path, text).map_err(|e| format!("cannot write {path}: {e}"))
        };
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
}
