//! The site's addresses: one place that knows every path the app serves.
//!
//! Pages build links with these functions (then [`crate::site::SiteBase::href`])
//! so a renamed path changes in one place.

/// The sections of a mission, each at `/missions/{id}/{slug}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Mandate,
    Timeline,
    Leadership,
    Personnel,
    Offices,
    Sources,
}

impl Section {
    /// Every section, in the order the section navigation shows them.
    pub const ALL: [Section; 6] = [
        Section::Mandate,
        Section::Timeline,
        Section::Leadership,
        Section::Personnel,
        Section::Offices,
        Section::Sources,
    ];

    /// The path segment of the section.
    pub fn slug(self) -> &'static str {
        match self {
            Section::Mandate => "mandate",
            Section::Timeline => "timeline",
            Section::Leadership => "leadership",
            Section::Personnel => "personnel",
            Section::Offices => "offices",
            Section::Sources => "sources",
        }
    }

    /// The section for a path segment, if there is one.
    pub fn from_slug(slug: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|s| s.slug() == slug)
    }

    /// The section's name in navigation and headings, in the reader's language.
    pub fn label(self, t: &crate::site::i18n::Strings) -> &'static str {
        match self {
            Section::Mandate => t.section_mandate(),
            Section::Timeline => t.section_timeline(),
            Section::Leadership => t.section_leadership(),
            Section::Personnel => t.section_personnel(),
            Section::Offices => t.section_offices(),
            Section::Sources => t.section_sources(),
        }
    }
}

// Every page's path ends in `/`: the build writes each page to its own
// folder (`missions/unami/index.html`), which static hosts serve at
// `missions/unami/` and reach from `missions/unami` only by a redirect (one
// more round trip on a slow network, and some hosts drop the query on the
// way). The router matches either form.

/// Whether the address path `pathname` (with or without the site's base
/// and its final `/`) is the page `route` (one of this module's paths).
pub fn is_page(pathname: &str, route: &str) -> bool {
    let route = route.split(['?', '#']).next().unwrap_or_default();
    pathname
        .trim_end_matches('/')
        .ends_with(route.trim_end_matches('/'))
}

/// The one form of a page's path: `/missions/unami` → `/missions/unami/`.
pub fn page_path(path: &str) -> String {
    if path.ends_with('/') {
        path.to_owned()
    } else {
        format!("{path}/")
    }
}

/// The catalogue, the home page.
pub fn home() -> String {
    "/".to_owned()
}

/// What the site is and how it sources facts.
pub fn about() -> String {
    "/about/".to_owned()
}

/// The part of the about page on sources and dates.
pub fn about_sources() -> String {
    "/about/#sources".to_owned()
}

/// A mission's overview.
pub fn mission(id: &str) -> String {
    format!("/missions/{id}/")
}

/// One section of a mission.
pub fn section(id: &str, section: Section) -> String {
    format!("/missions/{id}/{}/", section.slug())
}

/// One page of a timeline split by years (see the timeline's `Pages`):
/// `/missions/unami/timeline/2019/`, and `/missions/unami/timeline/2019/2/`
/// for the second page of a year too long for one.
pub fn timeline_page(id: &str, page: YearPage) -> String {
    let timeline = Section::Timeline.slug();
    match page.part {
        0 | 1 => format!("/missions/{id}/{timeline}/{}/", page.year),
        part => format!("/missions/{id}/{timeline}/{}/{part}/", page.year),
    }
}

/// The `rel` of every link to a page made only at build time (the Data
/// page, the lists of changes: `pages::built`): the router leaves such a
/// link to the browser, which loads the page's file.
pub const BUILT_PAGE_REL: &str = "external";

/// The Data page: every file to download, with sizes, dates and licences.
pub fn data() -> String {
    "/data/".to_owned()
}

/// Every change to the data, newest first (its feed is [`CHANGES_FEED`]).
pub fn changes() -> String {
    "/changes/".to_owned()
}

/// The Atom feed of the changes to the data, a file every language shares.
pub const CHANGES_FEED: &str = "/changes.xml";

/// The changes to one mission's data.
pub fn mission_changes(id: &str) -> String {
    format!("/missions/{id}/changes/")
}

/// Every section of one mission on one page, for printing.
pub fn print(id: &str) -> String {
    format!("/missions/{id}/print/")
}

/// Missions side by side: `/compare/?ids=unami,unama`, or `/compare/` for none.
///
/// The ids are written as given, comma-separated; anything but letters,
/// digits and `-._~` is percent-encoded, so an id typed into the address
/// cannot add parameters or break the query.
pub fn compare(ids: &[&str]) -> String {
    if ids.is_empty() {
        return "/compare/".to_owned();
    }
    let encoded: Vec<String> = ids.iter().map(|id| encode_query_value(id)).collect();
    format!("/compare/?ids={}", encoded.join(","))
}

/// Search across every mission: `/search/?q=canal+hotel`.
pub fn search(query: &str) -> String {
    let query = query.trim();
    if query.is_empty() {
        "/search/".to_owned()
    } else {
        format!("/search/?q={}", encode_query_value(query))
    }
}

/// Every page a static copy of the site has, as site paths without the
/// language's prefix: the catalogue, the about, search and compare pages,
/// and each mission's overview, sections and print page, given as its id
/// and the pages of its timeline by year (none for most).
pub fn all_pages<'a>(missions: impl IntoIterator<Item = (&'a str, Vec<YearPage>)>) -> Vec<String> {
    let mut pages = vec![home(), about(), search(""), compare(&[]), data(), changes()];
    for (id, timeline_years) in missions {
        pages.push(mission(id));
        pages.push(mission_changes(id));
        pages.extend(Section::ALL.into_iter().map(|s| section(id, s)));
        pages.extend(timeline_years.into_iter().map(|p| timeline_page(id, p)));
        pages.push(print(id));
    }
    pages
}

/// Whether `id` can name a mission: lowercase letters, digits and single hyphens.
///
/// Checked before any request, so an address like `/missions/..%2F` never
/// turns into a request for some other file.
pub fn is_valid_mission_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 40
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
}

/// One page of a split timeline: a year, and which of that year's pages
/// (from 1; a year has more than one only past the timeline's limit of entries on one page).
/// In the timeline's order: by year, then page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct YearPage {
    pub year: u16,
    pub part: u16,
}

/// A `data:` address holding `text` (UTF-8) as a file of type `mime`, for
/// a download link that needs no script to build the file (and so also
/// works in static HTML): a chart's CSV, a citation's BibTeX and RIS.
pub fn data_url(mime: &str, text: &str) -> String {
    format!("data:{mime};charset=utf-8,{}", percent_encode(text, "%20"))
}

/// Percent-encodes a query value (the router decodes it when reading).
pub fn encode_query_value(v: &str) -> String {
    percent_encode(v, "+")
}

/// Percent-encodes all but letters, digits and `-_.~`, writing a space as
/// `space` (`+` in a query, `%20` elsewhere).
pub fn percent_encode(text: &str, space: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(char::from(b));
        } else if b == b' ' {
            out.push_str(space);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_section_round_trips_through_its_slug() {
        for s in Section::ALL {
            assert_eq!(Section::from_slug(s.slug()), Some(s));
        }
        assert_eq!(Section::from_slug("budget"), None);
        assert_eq!(Section::from_slug("Timeline"), None);
    }

    #[test]
    fn builds_paths() {
        assert_eq!(home(), "/");
        assert_eq!(mission("unami"), "/missions/unami/");
        assert_eq!(
            section("unami", Section::Timeline),
            "/missions/unami/timeline/"
        );
        let page = |year, part| timeline_page("unami", YearPage { year, part });
        assert_eq!(page(2019, 1), "/missions/unami/timeline/2019/");
        assert_eq!(page(2019, 3), "/missions/unami/timeline/2019/3/");
        assert_eq!(search(" canal hotel "), "/search/?q=canal+hotel");
        assert_eq!(search(""), "/search/");
    }

    #[test]
    fn a_page_is_the_same_with_or_without_its_final_slash() {
        assert!(is_page("/mission-pages/search", &search("x")));
        assert!(is_page("/mission-pages/ar/search/", &search("")));
        assert!(!is_page("/mission-pages/about/", &search("")));
        assert_eq!(page_path("/about"), "/about/");
        assert_eq!(page_path("/about/"), "/about/");
        assert_eq!(page_path("/"), "/");
    }

    #[test]
    fn compare_writes_ids_comma_separated() {
        assert_eq!(compare(&[]), "/compare/");
        assert_eq!(compare(&["unami"]), "/compare/?ids=unami");
        assert_eq!(compare(&["unami", "unama"]), "/compare/?ids=unami,unama");
        assert_eq!(
            compare(&["unsom-untmis", "ose-syria"]),
            "/compare/?ids=unsom-untmis,ose-syria"
        );
        // Whatever was typed stays one value: no new parameter, no extra id.
        assert_eq!(
            compare(&["a&b=c", "x,y", "é"]),
            "/compare/?ids=a%26b%3Dc,x%2Cy,%C3%A9"
        );
    }

    #[test]
    fn accepts_only_plain_ids() {
        for ok in ["unami", "unsom-untmis", "ose-syria", "a1"] {
            assert!(is_valid_mission_id(ok), "{ok}");
        }
        for bad in [
            "", "UNAMI", "../index", "a/b", "-x", "x-", "a--b", "ü", "a.json",
        ] {
            assert!(!is_valid_mission_id(bad), "{bad}");
        }
    }
}
