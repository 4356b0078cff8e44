//! Where the site lives: its base path, and addresses inside it.
//!
//! A static host may serve the site at the root (`/`) or under a sub-path
//! (`/repo/` on GitHub Pages). Every link and data address goes through
//! [`SiteBase`] so that none escapes the sub-path.

/// The path prefix the site is served under: `""` at the root, else like `/some/path`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SiteBase(String);

impl SiteBase {
    /// Reads the public URL Trunk writes into `<base href>`: a path (`/some/path/`)
    /// or a whole address (`https://host/some/path/`).
    pub fn from_public_url(public_url: &str) -> SiteBase {
        let path = match public_url.split_once("://") {
            Some((_, rest)) => rest.find('/').map_or("", |i| &rest[i..]),
            None => public_url,
        };
        let path = path.split(['?', '#']).next().unwrap_or_default();
        let trimmed = path.trim_matches('/');
        if trimmed.is_empty() {
            SiteBase::default()
        } else {
            SiteBase(format!("/{trimmed}"))
        }
    }

    /// The prefix to give the router: `""` or `/some/path`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The address of a site path (which starts with `/`) under the base.
    pub fn href(&self, path: &str) -> String {
        debug_assert!(path.starts_with('/'), "site paths start with /: {path}");
        format!("{}{path}", self.0)
    }
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
            assert_eq!(base.as_str(), "", "{url}");
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
            assert_eq!(base.as_str(), "/some/path", "{url}");
            assert_eq!(base.href("/"), "/some/path/");
            assert_eq!(base.href("/data/index.json"), "/some/path/data/index.json");
        }
    }
}
