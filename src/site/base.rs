//! Where the site lives: its base path, and addresses inside it.
//!
//! A static host may serve the site at the root (`/`) or under a sub-path
//! (`/repo/` on GitHub Pages). Every link and data address goes through
//! [`SiteBase`] so that none escapes the sub-path.

use crate::site::i18n::Locale;

// `MANIFEST_FILE` (the build's manifest, which names the app's files and
// holds the build's version) and `VERSION_META` (the `<meta name>` that
// carries that version in every page), from `shared-names.json` (build.rs).
include!(concat!(env!("OUT_DIR"), "/shared_names.rs"));

/// The `<meta name>` that carries the address the build was published at
/// (`SITE_URL`), written by the prerenderer when it knows it.
pub const SITE_URL_META: &str = "mission-pages-site-url";

/// Where the site is served from and in which language it is being read.
///
/// `root` is the path prefix of the whole site: `""` at the root, else like
/// `/some/path`. Pages of a language other than English live under its code
/// (`/some/path/ar/...`); data files are shared by all languages.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SiteBase {
    /// `https://host` when known (the browser's `<base href>`, or the
    /// address a build is published at), for whole addresses; else `""`.
    origin: String,
    root: String,
    locale: Locale,
    /// Whether the build was told the address it is published at
    /// (`SITE_URL`; in the browser, `<meta name=SITE_URL_META>`): only then
    /// do citations give whole addresses, the same in the prerendered page
    /// and in the app.
    published: bool,
    /// The build's version (`<meta name=VERSION_META>`), added to
    /// the addresses of data files so that a page only ever reads the files
    /// of its own build, from the offline cache or the network; `""` in
    /// development.
    version: String,
}

impl SiteBase {
    /// Reads the public URL Trunk writes into `<base href>`: a path (`/some/path/`)
    /// or a whole address (`https://host/some/path/`). The language is English
    /// until [`SiteBase::in_locale`] says otherwise.
    pub fn from_public_url(public_url: &str) -> SiteBase {
        let (origin, path) = match public_url.split_once("://") {
            Some((scheme, rest)) => {
                let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
                (
                    format!("{scheme}://{}", &rest[..host_end]),
                    rest.get(host_end..).unwrap_or_default(),
                )
            }
            None => (String::new(), public_url),
        };
        let path = path.split(['?', '#']).next().unwrap_or_default();
        let trimmed = path.trim_matches('/');
        let root = if trimmed.is_empty() {
            String::new()
        } else {
            format!("/{trimmed}")
        };
        SiteBase {
            origin,
            root,
            locale: Locale::DEFAULT,
            published: false,
            version: String::new(),
        }
    }

    /// The same site read in `locale`.
    pub fn in_locale(self, locale: Locale) -> SiteBase {
        SiteBase { locale, ..self }
    }

    /// The same site, marked as published at a known address (or not).
    pub fn published(self, published: bool) -> SiteBase {
        SiteBase { published, ..self }
    }

    /// The address to cite for an `href` of this site: whole when the build
    /// knows where it is published, else the `href` (a citation must read
    /// the same in the prerendered page and in the app).
    pub fn citable(&self, href: &str) -> String {
        if self.published {
            self.absolute(href)
        } else {
            href.to_owned()
        }
    }

    /// The same site, built as `version`.
    pub fn with_version(self, version: &str) -> SiteBase {
        SiteBase {
            version: version.to_owned(),
            ..self
        }
    }

    /// The language pages are read in.
    pub fn locale(&self) -> Locale {
        self.locale
    }

    /// The site's own prefix, without the language: `""` or `/some/path`.
    pub fn root(&self) -> &str {
        &self.root
    }

    /// The prefix to give the router: the root and the language's prefix
    /// (`/some/path/ar`).
    pub fn router_base(&self) -> String {
        format!("{}{}", self.root, self.locale.prefix())
    }

    /// The address of a page (a site path, starting with `/`) in the current language.
    pub fn href(&self, path: &str) -> String {
        self.href_in(self.locale, path)
    }

    /// The address of a page in another language.
    pub fn href_in(&self, locale: Locale, path: &str) -> String {
        debug_assert!(path.starts_with('/'), "site paths start with /: {path}");
        format!("{}{}{path}", self.root, locale.prefix())
    }

    /// A whole address for an `href` of this site (canonical and alternate
    /// links, the sitemap): `https://host/some/path/ar/about`. Without a
    /// known origin, the `href` itself.
    pub fn absolute(&self, href: &str) -> String {
        format!("{}{href}", self.origin)
    }

    /// Whether whole addresses can be written: a page's canonical and
    /// alternate links must be whole, so a build that does not know where it
    /// will be published leaves them out.
    pub fn knows_origin(&self) -> bool {
        !self.origin.is_empty()
    }

    /// The address of a file every language shares (`/data/index.json`).
    pub fn asset(&self, path: &str) -> String {
        debug_assert!(path.starts_with('/'), "site paths start with /: {path}");
        format!("{}{path}", self.root)
    }

    /// The address to download a data file from: [`SiteBase::asset`] with
    /// the build's version, `/data/index.json?v=1a2b…`.
    pub fn data_url(&self, path: &str) -> String {
        if self.version.is_empty() {
            self.asset(path)
        } else {
            format!("{}?v={}", self.asset(path), self.version)
        }
    }
}

/// The UI strings of the language being read (English outside the app).
pub fn strings() -> &'static crate::site::i18n::Strings {
    leptos::prelude::use_context::<SiteBase>()
        .map(|b| b.locale())
        .unwrap_or_default()
        .strings()
}

/// The path of the page being shown (with the base), provided by the shell.
///
/// Links to a place on the page (`#source-3`) are written with it: under
/// `<base href>`, a bare `#source-3` would point at the site's home page.
#[derive(Clone, Copy, Debug)]
pub struct CurrentPath(pub leptos::prelude::Signal<String>);

/// The address of the element `id` on the current page: `{path}#{id}`, or just
/// `#{id}` where no page path is provided (a component rendered on its own).
pub fn here(id: &str) -> impl Fn() -> String + Send + Sync + 'static + use<> {
    use leptos::prelude::{Get, use_context};
    let page = use_context::<CurrentPath>();
    let id = id.to_owned();
    move || {
        let path = page.map(|p| p.0.get()).unwrap_or_default();
        format!("{path}#{id}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_has_an_empty_prefix() {
        for url in ["/", "", "http://127.0.0.1:8080/", "https://example.org"] {
            let base = SiteBase::from_public_url(url);
            assert_eq!(base.root(), "", "{url}");
            assert_eq!(base.href("/missions/unami"), "/missions/unami");
        }
    }

    #[test]
    fn sub_path_prefixes_every_link() {
        for url in [
            "/some/path/",
            "/some/path",
            "http://127.0.0.1:8080/some/path/",
            "https://owner.github.io/some/path/?x#y",
        ] {
            let base = SiteBase::from_public_url(url);
            assert_eq!(base.root(), "/some/path", "{url}");
            assert_eq!(base.href("/"), "/some/path/");
            assert_eq!(base.href("/data/index.json"), "/some/path/data/index.json");
        }
    }

    #[test]
    fn data_files_carry_the_build_version() {
        let base = SiteBase::from_public_url("/some/path/");
        assert_eq!(
            base.data_url("/data/index.json"),
            "/some/path/data/index.json"
        );
        let built = base.with_version("1a2b3c");
        assert_eq!(
            built.data_url("/data/index.json"),
            "/some/path/data/index.json?v=1a2b3c"
        );
        assert_eq!(
            built.asset("/data/index.json"),
            "/some/path/data/index.json"
        );
    }

    #[test]
    fn whole_addresses_keep_the_origin_of_the_public_url() {
        let base = SiteBase::from_public_url("https://owner.github.io/mission-pages/");
        assert_eq!(base.root(), "/mission-pages");
        assert!(base.knows_origin());
        assert!(!SiteBase::from_public_url("/mission-pages/").knows_origin());
        assert_eq!(
            base.absolute(&base.href("/about")),
            "https://owner.github.io/mission-pages/about"
        );
        let ar = base.in_locale(Locale::from_code("ar").unwrap());
        assert_eq!(
            ar.absolute(&ar.href("/")),
            "https://owner.github.io/mission-pages/ar/"
        );
        let local = SiteBase::from_public_url("http://127.0.0.1:8080");
        assert_eq!(local.absolute(&local.href("/")), "http://127.0.0.1:8080/");
        let path_only = SiteBase::from_public_url("/mission-pages/");
        assert_eq!(path_only.absolute(&path_only.href("/")), "/mission-pages/");
    }

    #[test]
    fn other_languages_prefix_pages_but_not_data() {
        let ar = Locale::from_code("ar").unwrap();
        let base = SiteBase::from_public_url("/some/path/").in_locale(ar);
        assert_eq!(base.router_base(), "/some/path/ar");
        assert_eq!(base.href("/missions/unami"), "/some/path/ar/missions/unami");
        assert_eq!(base.href("/"), "/some/path/ar/");
        assert_eq!(base.asset("/data/index.json"), "/some/path/data/index.json");
        assert_eq!(base.href_in(Locale::DEFAULT, "/about"), "/some/path/about");
        let root = SiteBase::from_public_url("/").in_locale(ar);
        assert_eq!(root.router_base(), "/ar");
    }
}
