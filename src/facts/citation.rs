//! How to cite a page of the site: its title, the site's name, its whole
//! address and the date its data last changed, written in the APA, MLA and
//! Chicago styles, and as BibTeX and RIS records for reference managers.
//!
//! Pure functions of a [`PageCitation`], so the prerendered page, the app and
//! the tests write the very same text.

use crate::data::Date;
use crate::site::i18n::{Locale, Strings};

/// What a citation of one page says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageCitation {
    /// The page's title, as in its `<title>` without the site's name.
    pub title: String,
    /// The site's name in the page's language.
    pub site: String,
    /// The page's whole address (or its path, for a build that does not
    /// know where it is published).
    pub url: String,
    /// The page's path on the site, without the site's base, its language
    /// or its query: `/missions/unami/timeline/`.
    pub page: String,
    /// When the page's data last changed, if the build knew.
    pub changed: Option<Date>,
    /// The page's language.
    pub locale: Locale,
}

/// The citation styles the page offers, each as text to copy.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    Apa,
    Mla,
    Chicago,
}

impl Style {
    pub const ALL: [Style; 3] = [Style::Apa, Style::Mla, Style::Chicago];

    /// The style's name and edition, as reference guides write it.
    pub fn name(self) -> &'static str {
        match self {
            Style::Apa => "APA (7th ed.)",
            Style::Mla => "MLA (9th ed.)",
            Style::Chicago => "Chicago (17th ed.)",
        }
    }

    /// For element ids and file names: `apa`.
    pub fn slug(self) -> &'static str {
        match self {
            Style::Apa => "apa",
            Style::Mla => "mla",
            Style::Chicago => "chicago",
        }
    }
}

/// A run of a citation's text; the styles set the title or the site's name
/// in italics.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run {
    pub text: String,
    pub italic: bool,
}

fn plain(text: impl Into<String>) -> Run {
    Run {
        text: text.into(),
        italic: false,
    }
}

fn italic(text: impl Into<String>) -> Run {
    Run {
        text: text.into(),
        italic: true,
    }
}

/// MLA abbreviates English month names longer than four letters.
const MLA_MONTHS: [&str; 12] = [
    "Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.",
];

impl PageCitation {
    /// The citation in `style`, in the page's language.
    pub fn styled(&self, style: Style) -> Vec<Run> {
        let t = self.locale.strings();
        let quoted = |text: &str| t.cite_quoted(text);
        let title = &self.title;
        let site = &self.site;
        let url = &self.url;
        match style {
            // Mission Pages. (2026, December 7). *UNAMI: Timeline*. https://…
            Style::Apa => {
                let date = match self.changed {
                    Some(d) => self.date(t, style, d),
                    None => t.cite_no_date().to_owned(),
                };
                vec![
                    plain(format!("{site}. ({date}). ")),
                    italic(title.clone()),
                    plain(format!(". {url}")),
                ]
            }
            // “UNAMI: Timeline.” *Mission Pages*, 7 Dec. 2026, https://….
            Style::Mla => {
                let date = self
                    .changed
                    .map(|d| format!(", {}", self.date(t, style, d)))
                    .unwrap_or_default();
                vec![
                    plain(format!("{} ", quoted(&format!("{title}.")))),
                    italic(site.clone()),
                    plain(format!("{date}, {url}.")),
                ]
            }
            // “UNAMI: Timeline.” Mission Pages. Last modified December 7, 2026. https://….
            Style::Chicago => {
                let date = self
                    .changed
                    .map(|d| format!(" {}.", t.cite_last_modified(self.date(t, style, d))))
                    .unwrap_or_default();
                vec![plain(format!(
                    "{} {site}.{date} {url}.",
                    quoted(&format!("{title}."))
                ))]
            }
        }
    }

    /// A date as `style` writes it: English dates in each style's own form,
    /// other languages in their usual one.
    fn date(&self, t: &Strings, style: Style, d: Date) -> String {
        if self.locale != Locale::DEFAULT {
            return t.date(d);
        }
        let month = d.month.map(|m| t.month(m));
        match (style, month, d.day) {
            (Style::Apa, Some(m), Some(day)) => format!("{}, {m} {day}", d.year),
            (Style::Apa, Some(m), None) => format!("{}, {m}", d.year),
            (Style::Mla, Some(_), day) => {
                let m = MLA_MONTHS[usize::from(d.month.unwrap_or(1)).clamp(1, 12) - 1];
                match day {
                    Some(day) => format!("{day} {m} {}", d.year),
                    None => format!("{m} {}", d.year),
                }
            }
            (Style::Chicago, Some(m), Some(day)) => format!("{m} {day}, {}", d.year),
            (Style::Chicago, Some(m), None) => format!("{m} {}", d.year),
            _ => d.year.to_string(),
        }
    }

    /// The key of the BibTeX entry, from the page's path:
    /// `missionpages-missions-unami-timeline-2019` (`-ar` for a page in Arabic).
    pub fn key(&self) -> String {
        let mut key = String::from("missionpages");
        for part in self.page.split('/').filter(|p| !p.is_empty()) {
            key.push('-');
            key.extend(
                part.chars()
                    .filter(|c| c.is_ascii_alphanumeric() || *c == '-'),
            );
        }
        if self.locale != Locale::DEFAULT {
            key.push('-');
            key.push_str(self.locale.code());
        }
        key
    }

    /// A BibTeX entry (`@misc`, which BibTeX and biblatex both read), in UTF-8.
    pub fn bibtex(&self) -> String {
        let mut fields = vec![
            ("title", format!("{{{}}}", bibtex_escape(&self.title))),
            ("author", format!("{{{}}}", bibtex_escape(&self.site))),
            ("howpublished", format!("\\url{{{}}}", self.url)),
            ("url", self.url.clone()),
        ];
        if let Some(d) = self.changed {
            fields.push(("year", d.year.to_string()));
            fields.push(("date", d.iso()));
        }
        fields.push(("language", self.locale.code().to_owned()));
        let body: String = fields
            .into_iter()
            .map(|(name, value)| format!("  {name:<12} = {{{value}}},\n"))
            .collect();
        format!("@misc{{{},\n{body}}}\n", self.key())
    }

    /// A RIS record (type `ELEC`, a web page), with the CRLF line ends the
    /// format asks for.
    pub fn ris(&self) -> String {
        let mut lines = vec![
            ("TY", "ELEC".to_owned()),
            ("TI", self.title.clone()),
            ("T2", self.site.clone()),
            ("PB", self.site.clone()),
            ("UR", self.url.clone()),
        ];
        if let Some(d) = self.changed {
            lines.push(("PY", d.year.to_string()));
            let (m, day) = (d.month.unwrap_or(0), d.day.unwrap_or(0));
            let part = |n: u8| {
                if n == 0 {
                    String::new()
                } else {
                    format!("{n:02}")
                }
            };
            lines.push(("DA", format!("{}/{}/{}", d.year, part(m), part(day))));
        }
        lines.push(("LA", self.locale.code().to_owned()));
        lines.push(("ER", String::new()));
        lines
            .into_iter()
            .map(|(tag, value)| format!("{tag}  - {value}\r\n"))
            .collect()
    }
}

/// Escapes what BibTeX would read as markup in a field's text.
fn bibtex_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' | '}' | '&' | '%' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The runs as plain text (what "Copy" copies).
    fn text_of(runs: &[Run]) -> String {
        runs.iter().map(|r| r.text.as_str()).collect()
    }

    fn unami(changed: Option<&str>, locale: Locale) -> PageCitation {
        PageCitation {
            title: "UNAMI: United Nations Assistance Mission for Iraq".to_owned(),
            site: locale.strings().site_name().to_owned(),
            url: "https://example.org/mp/missions/unami/".to_owned(),
            page: "/missions/unami/".to_owned(),
            changed: changed.map(|d| Date::parse(d).expect("a date")),
            locale,
        }
    }

    #[test]
    fn the_three_styles_in_english() {
        let c = unami(Some("2026-12-07"), Locale::DEFAULT);
        assert_eq!(
            text_of(&c.styled(Style::Apa)),
            "Mission Pages. (2026, December 7). UNAMI: United Nations Assistance Mission for Iraq. https://example.org/mp/missions/unami/"
        );
        assert_eq!(
            text_of(&c.styled(Style::Mla)),
            "“UNAMI: United Nations Assistance Mission for Iraq.” Mission Pages, 7 Dec. 2026, https://example.org/mp/missions/unami/."
        );
        assert_eq!(
            text_of(&c.styled(Style::Chicago)),
            "“UNAMI: United Nations Assistance Mission for Iraq.” Mission Pages. Last modified December 7, 2026. https://example.org/mp/missions/unami/."
        );
        // APA's title and MLA's site are in italics.
        assert!(c.styled(Style::Apa)[1].italic);
        assert_eq!(c.styled(Style::Mla)[1], italic("Mission Pages"));
    }

    #[test]
    fn without_a_date_apa_says_so_and_the_others_leave_it_out() {
        let c = unami(None, Locale::DEFAULT);
        assert!(text_of(&c.styled(Style::Apa)).starts_with("Mission Pages. (n.d.). "));
        assert!(!text_of(&c.styled(Style::Mla)).contains("2026"));
        assert!(!text_of(&c.styled(Style::Chicago)).contains("Last modified"));
        assert!(!c.bibtex().contains("year"));
        assert!(!c.ris().contains("PY  -"));
    }

    #[test]
    fn bibtex_and_ris_records() {
        let c = unami(Some("2026-12-07"), Locale::DEFAULT);
        assert_eq!(
            c.bibtex(),
            "@misc{missionpages-missions-unami,\n  \
             title        = {{UNAMI: United Nations Assistance Mission for Iraq}},\n  \
             author       = {{Mission Pages}},\n  \
             howpublished = {\\url{https://example.org/mp/missions/unami/}},\n  \
             url          = {https://example.org/mp/missions/unami/},\n  \
             year         = {2026},\n  \
             date         = {2026-12-07},\n  \
             language     = {en},\n}\n"
        );
        let ris = c.ris();
        assert!(ris.starts_with("TY  - ELEC\r\nTI  - UNAMI: United Nations"));
        assert!(ris.contains("\r\nDA  - 2026/12/07\r\n"));
        assert!(ris.ends_with("ER  - \r\n"));
    }

    #[test]
    fn arabic_citations_use_arabic_words_and_dates() {
        let c = unami(Some("2026-12-07"), Locale::from_code("ar").expect("Arabic"));
        let t = c.locale.strings();
        let apa = text_of(&c.styled(Style::Apa));
        assert!(apa.starts_with(t.site_name()), "{apa}");
        assert!(
            apa.contains(&t.date(Date::parse("2026-12-07").expect("date"))),
            "{apa}"
        );
        assert!(c.key().ends_with("-ar"));
        assert!(c.ris().contains("LA  - ar"));
    }

    #[test]
    fn keys_follow_the_path_and_markup_is_escaped() {
        let mut c = unami(None, Locale::DEFAULT);
        c.page = "/missions/unami/timeline/2019/".to_owned();
        assert_eq!(c.key(), "missionpages-missions-unami-timeline-2019");
        c.page = "/compare/".to_owned();
        assert_eq!(c.key(), "missionpages-compare");
        c.page = "/".to_owned();
        assert_eq!(c.key(), "missionpages");
        assert_eq!(bibtex_escape("R&D 100% {x}_y"), "R\\&D 100\\% \\{x\\}\\_y");
    }
}
