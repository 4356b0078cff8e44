//! The data as tables, for the CSV files of the Data page
//! (`src/bin/downloads.rs` writes them) and the CSV downloads beside the
//! charts: one row per resolution, head of mission, personnel figure, budget
//! figure, office and source.
//!
//! Written for analysis, not for reading aloud: dates in ISO form, numbers
//! without grouping, yes/no flags, and each text in English with its Arabic
//! beside it (`effect_en`, `effect_ar`) where the data can have Arabic. An
//! Arabic cell is empty when the data has no Arabic: a researcher must not
//! take an English fallback for a translation. Every row carries the ids of
//! its sources and their web addresses, so a row can be checked on its own.

use crate::data::downloads::Table;
use crate::data::{BudgetKind, Measure, Mission, PersonnelFigure, Text};
use crate::facts::chart::csv;

/// A table's header and rows, every row as long as the header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rows {
    pub columns: Vec<&'static str>,
    pub rows: Vec<Vec<String>>,
}

/// The byte order mark the CSV files start with: without it, spreadsheet
/// programs read UTF-8 as their local code page and garble the Arabic.
pub const BOM: char = '\u{FEFF}';

/// The column that says whose row it is, first in the all-missions tables.
pub const MISSION_COLUMN: &str = "mission";

/// One mission's `table`.
pub fn table(m: &Mission, table: Table) -> Rows {
    match table {
        Table::Resolutions => resolutions(m),
        Table::HeadsOfMission => heads_of_mission(m),
        Table::Personnel => personnel(m),
        Table::Budgets => budgets(m),
        Table::Offices => offices(m),
        Table::Sources => sources(m),
    }
}

/// Every mission's `table` in one, in the order given, with the mission's
/// id in a first column: the per-mission tables one after another.
pub fn all_missions(missions: &[Mission], which: Table) -> Rows {
    let mut columns = vec![MISSION_COLUMN];
    columns.extend(table_columns(which));
    let rows = missions
        .iter()
        .flat_map(|m| {
            table(m, which).rows.into_iter().map(|row| {
                let mut out = Vec::with_capacity(row.len() + 1);
                out.push(m.id.clone());
                out.extend(row);
                out
            })
        })
        .collect();
    Rows { columns, rows }
}

/// A table's columns, whatever the mission.
pub fn table_columns(which: Table) -> Vec<&'static str> {
    match which {
        Table::Resolutions => RESOLUTION_COLUMNS.to_vec(),
        Table::HeadsOfMission => HEAD_COLUMNS.to_vec(),
        Table::Personnel => PERSONNEL_COLUMNS.to_vec(),
        Table::Budgets => BUDGET_COLUMNS.to_vec(),
        Table::Offices => OFFICE_COLUMNS.to_vec(),
        Table::Sources => SOURCE_COLUMNS.to_vec(),
    }
}

impl Rows {
    /// The table as a CSV file (RFC 4180, CRLF line ends), starting with a
    /// byte order mark (see [`BOM`]).
    pub fn csv_file(&self) -> String {
        let mut out = String::from(BOM);
        out.push_str(&csv(&self.columns, &self.rows));
        out
    }
}

/// The web addresses of the sources, space-separated, for CSV files; ids
/// the mission does not list are left out.
pub fn source_urls(m: &Mission, refs: &[String]) -> String {
    refs.iter()
        .filter_map(|r| m.sources.iter().find(|s| s.id == *r))
        .map(|s| s.url.clone())
        .collect::<Vec<_>>()
        .join(" ")
}

/// What a figure counts, as the CSV files write it.
pub fn measure_slug(measure: Measure) -> &'static str {
    match measure {
        Measure::Headcount => "headcount",
        Measure::Authorized => "authorized",
        Measure::Posts => "posts",
        Measure::Planned => "planned",
    }
}

/// Where a budget figure stands, as the CSV files write it (the data's own
/// value, as the JSON has it).
pub fn budget_kind_slug(kind: BudgetKind) -> &'static str {
    match kind {
        BudgetKind::Proposed => "proposed",
        BudgetKind::Approved => "approved",
        BudgetKind::Revised => "revised",
        BudgetKind::Reported => "reported",
    }
}

const RESOLUTION_COLUMNS: [&str; 8] = [
    "number",
    "year",
    "adopted",
    "milestone",
    "effect_en",
    "effect_ar",
    "source_ids",
    "source_urls",
];

fn resolutions(m: &Mission) -> Rows {
    rows_of(&RESOLUTION_COLUMNS, &m.resolutions, |r| {
        let mut row = vec![
            r.number.to_string(),
            r.year.to_string(),
            r.adopted.iso(),
            yes_no(r.milestone),
        ];
        row.extend(en_ar(&r.effect));
        row.extend(sourced(m, &r.sources));
        row
    })
}

const HEAD_COLUMNS: [&str; 14] = [
    "post_id",
    "post_en",
    "post_ar",
    "name_en",
    "name_ar",
    "nationality_en",
    "nationality_ar",
    "from",
    "to",
    "acting",
    "note_en",
    "note_ar",
    "source_ids",
    "source_urls",
];

/// Everyone who held the head of mission's post ([`Mission::head_post`], the
/// rule the overview and the coverage report use), in the file's order.
fn heads_of_mission(m: &Mission) -> Rows {
    let holders = m
        .head_post()
        .into_iter()
        .flat_map(|post| post.holders.iter().map(move |h| (post, h)));
    rows_of(&HEAD_COLUMNS, holders, |(post, h)| {
        let mut row = vec![post.id.clone()];
        row.extend(en_ar(&post.title));
        row.extend(en_ar(&h.name));
        row.extend(en_ar_opt(h.nationality.as_ref()));
        row.extend([iso_opt(h.from), iso_opt(h.to), yes_no(h.acting)]);
        row.extend(en_ar_opt(h.note.as_ref()));
        row.extend(sourced(m, &h.sources));
        row
    })
}

const PERSONNEL_COLUMNS: [&str; 12] = [
    "as_of",
    "date_note_en",
    "date_note_ar",
    "people",
    "approximate",
    "measure",
    "breakdown_en",
    "breakdown_ar",
    "note_en",
    "note_ar",
    "source_ids",
    "source_urls",
];

/// The figures in the file's order.
fn personnel(m: &Mission) -> Rows {
    rows_of(&PERSONNEL_COLUMNS, &m.personnel, |p| {
        let mut row = vec![p.as_of.map(|d| d.iso()).unwrap_or_default()];
        row.extend(en_ar_opt(p.date_note.as_ref()));
        row.extend([
            p.total.to_string(),
            yes_no(p.approximate),
            measure_slug(p.measure).to_owned(),
            breakdown(p, "en"),
            breakdown(p, "ar"),
        ]);
        row.extend(en_ar_opt(p.note.as_ref()));
        row.extend(sourced(m, &p.sources));
        row
    })
}

/// "International staff: 300; National staff: 648", the parts' labels in
/// `lang` (empty when a label has no text in it) and plain numbers.
fn breakdown(p: &PersonnelFigure, lang: &str) -> String {
    let labels: Option<Vec<String>> = p
        .parts
        .iter()
        .map(|part| exact(&part.label, lang).map(|l| format!("{l}: {}", part.count)))
        .collect();
    labels.map(|l| l.join("; ")).unwrap_or_default()
}

const BUDGET_COLUMNS: [&str; 9] = [
    "period_en",
    "period_ar",
    "year",
    "amount_usd",
    "stage",
    "note_en",
    "note_ar",
    "source_ids",
    "source_urls",
];

/// The figures in the file's order (the page sorts them by year).
fn budgets(m: &Mission) -> Rows {
    rows_of(&BUDGET_COLUMNS, &m.budget, |b| {
        let mut row = en_ar(&b.period).to_vec();
        row.extend([
            b.year.to_string(),
            b.amount_usd.to_string(),
            budget_kind_slug(b.kind).to_owned(),
        ]);
        row.extend(en_ar_opt(b.note.as_ref()));
        row.extend(sourced(m, &b.sources));
        row
    })
}

const OFFICE_COLUMNS: [&str; 15] = [
    "id",
    "name_en",
    "name_ar",
    "role_en",
    "role_ar",
    "city",
    "country_code",
    "lat",
    "lon",
    "opened",
    "closed",
    "note_en",
    "note_ar",
    "source_ids",
    "source_urls",
];

/// `lat` and `lon` only where the data gives coordinates (the map places
/// the other offices by their town, which is not a source's statement).
fn offices(m: &Mission) -> Rows {
    rows_of(&OFFICE_COLUMNS, &m.offices, |o| {
        let mut row = vec![o.id.clone()];
        row.extend(en_ar(&o.name));
        row.extend(en_ar_opt(o.role.as_ref()));
        row.extend([
            o.place.as_ref().map(|p| p.city.clone()).unwrap_or_default(),
            o.place
                .as_ref()
                .map(|p| p.country.clone())
                .unwrap_or_default(),
            o.coordinates.map(|c| c.lat.to_string()).unwrap_or_default(),
            o.coordinates.map(|c| c.lon.to_string()).unwrap_or_default(),
            iso_opt(o.opened),
            iso_opt(o.closed),
        ]);
        row.extend(en_ar_opt(o.note.as_ref()));
        row.extend(sourced(m, &o.sources));
        row
    })
}

const SOURCE_COLUMNS: [&str; 9] = [
    "number",
    "id",
    "title_en",
    "title_ar",
    "described",
    "publisher_en",
    "publisher_ar",
    "url",
    "date",
];

/// The sources in the file's order; `number` is the footnote number the
/// pages give each one.
fn sources(m: &Mission) -> Rows {
    rows_of(&SOURCE_COLUMNS, m.sources.iter().enumerate(), |(i, s)| {
        let mut row = vec![(i + 1).to_string(), s.id.clone()];
        row.extend(en_ar(&s.title));
        row.push(yes_no(s.described));
        row.extend(en_ar(&s.publisher));
        row.extend([s.url.clone(), iso_opt(s.date)]);
        row
    })
}

/// A table of `columns`, a row for each item.
fn rows_of<T>(
    columns: &[&'static str],
    items: impl IntoIterator<Item = T>,
    row: impl Fn(T) -> Vec<String>,
) -> Rows {
    Rows {
        columns: columns.to_vec(),
        rows: items.into_iter().map(row).collect(),
    }
}

/// The text in `lang` exactly: `None` where only the English fallback is there.
fn exact<'a>(text: &'a Text, lang: &str) -> Option<&'a str> {
    let l = text.get(lang);
    (!l.is_fallback).then_some(l.text)
}

fn en_ar(text: &Text) -> [String; 2] {
    [
        text.en().to_owned(),
        exact(text, "ar").unwrap_or_default().to_owned(),
    ]
}

fn en_ar_opt(text: Option<&Text>) -> [String; 2] {
    text.map(en_ar).unwrap_or_default()
}

/// The `source_ids` and `source_urls` cells: ids space-separated, as the
/// addresses are (an id has no spaces; the validator checks they exist).
fn sourced(m: &Mission, refs: &[String]) -> [String; 2] {
    [refs.join(" "), source_urls(m, refs)]
}

fn iso_opt(date: Option<crate::data::Date>) -> String {
    date.map(|d| d.iso()).unwrap_or_default()
}

fn yes_no(flag: bool) -> String {
    if flag { "yes" } else { "no" }.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mission() -> Mission {
        let json = r#"{
          "id": "unx", "acronym": "UNX",
          "name": {"en": "UN Mission X", "ar": "بعثة الأمم المتحدة س"},
          "kind": "special-political-mission",
          "country": {"en": "Xland"}, "region": "asia",
          "status": {"state": "active", "sources": ["s1"]},
          "established": {"date": "2003-08-14", "resolution": 1500, "sources": ["s1"]},
          "summary": {"value": {"en": "A mission."}, "sources": ["s1"]},
          "resolutions": [
            {"number": 1500, "year": 2003, "adopted": "2003-08-14",
             "effect": {"en": "Established UNX, \"for one year\"", "ar": "أنشأت البعثة"},
             "milestone": true, "sources": ["s1", "s2"]},
            {"number": 1557, "year": 2004, "adopted": "2004-08-12",
             "effect": {"en": "Extended, line\nbreak"}, "sources": ["s2"]}
          ],
          "leadership": [
            {"id": "srsg", "title": {"en": "Special Representative", "ar": "الممثل الخاص"},
             "holders": [{"name": {"en": "Jane Doe", "ar": "جين دو"}, "from": "2003-08",
                          "acting": true, "sources": ["s2"]}],
             "sources": ["s2"]},
            {"id": "dsrsg", "title": {"en": "Deputy"}, "reports_to": "srsg",
             "holders": [{"name": {"en": "John Roe"}, "sources": ["s2"]}], "sources": ["s2"]}
          ],
          "personnel": [
            {"as_of": "2009-08", "total": 1104, "approximate": true,
             "parts": [{"label": {"en": "International staff", "ar": "موظفون دوليون"}, "count": 300},
                       {"label": {"en": "National staff", "ar": "موظفون وطنيون"}, "count": 804}],
             "sources": ["s1"]},
            {"total": 20, "measure": "authorized", "date_note": {"en": "Undated"}, "sources": ["s9"]}
          ],
          "budget": [{"period": {"en": "2005"}, "year": 2005, "amount_usd": 158990000,
                      "kind": "approved", "sources": ["s1"]}],
          "offices": [{"id": "hq", "name": {"en": "Baghdad", "ar": "بغداد"},
                       "coordinates": {"lat": 33.3, "lon": 44.4},
                       "place": {"city": "Baghdad", "country": "IQ"}, "sources": ["s1"]}],
          "sources": [
            {"id": "s1", "title": {"en": "Report, one"}, "publisher": {"en": "UN"},
             "url": "https://example.org/1", "date": "2003"},
            {"id": "s2", "title": {"en": "Two", "ar": "اثنان"}, "publisher": {"en": "UN"},
             "url": "https://example.org/2", "described": true}
          ]
        }"#;
        serde_json::from_str(json).expect("the test mission parses")
    }

    fn column<'a>(rows: &'a Rows, name: &str) -> Vec<&'a str> {
        let i = rows
            .columns
            .iter()
            .position(|c| *c == name)
            .expect("a column");
        rows.rows.iter().map(|r| r[i].as_str()).collect()
    }

    #[test]
    fn every_row_is_as_long_as_its_header() {
        let m = mission();
        for which in Table::ALL {
            let rows = table(&m, which);
            assert_eq!(rows.columns, table_columns(which), "{which:?}");
            assert!(!rows.rows.is_empty(), "{which:?} has rows");
            for row in &rows.rows {
                assert_eq!(row.len(), rows.columns.len(), "{which:?}: {row:?}");
            }
            let all = all_missions(&[m.clone(), m.clone()], which);
            assert_eq!(all.columns[0], MISSION_COLUMN);
            assert_eq!(all.rows.len(), 2 * rows.rows.len());
            assert!(all.rows.iter().all(|r| r.len() == all.columns.len()));
        }
    }

    #[test]
    fn arabic_sits_beside_english_and_is_never_a_fallback() {
        let m = mission();
        let r = table(&m, Table::Resolutions);
        assert_eq!(column(&r, "effect_ar"), ["أنشأت البعثة", ""]);
        assert_eq!(column(&r, "number"), ["1500", "1557"]);
        assert_eq!(column(&r, "milestone"), ["yes", "no"]);
        assert_eq!(column(&r, "source_ids"), ["s1 s2", "s2"]);
        assert_eq!(
            column(&r, "source_urls"),
            [
                "https://example.org/1 https://example.org/2",
                "https://example.org/2"
            ]
        );
        let p = table(&m, Table::Personnel);
        assert_eq!(
            column(&p, "breakdown_ar"),
            ["موظفون دوليون: 300; موظفون وطنيون: 804", ""]
        );
        assert_eq!(column(&p, "measure"), ["headcount", "authorized"]);
        assert_eq!(column(&p, "as_of"), ["2009-08", ""]);
        // An id the mission does not list gives no address.
        assert_eq!(column(&p, "source_urls"), ["https://example.org/1", ""]);
    }

    #[test]
    fn heads_are_the_holders_of_the_head_post_only() {
        let h = table(&mission(), Table::HeadsOfMission);
        assert_eq!(column(&h, "name_en"), ["Jane Doe"]);
        assert_eq!(column(&h, "name_ar"), ["جين دو"]);
        assert_eq!(column(&h, "acting"), ["yes"]);
        assert_eq!(column(&h, "from"), ["2003-08"]);
    }

    #[test]
    fn offices_budgets_and_sources_keep_their_values() {
        let m = mission();
        let o = table(&m, Table::Offices);
        assert_eq!(column(&o, "lat"), ["33.3"]);
        assert_eq!(column(&o, "country_code"), ["IQ"]);
        let b = table(&m, Table::Budgets);
        assert_eq!(column(&b, "amount_usd"), ["158990000"]);
        assert_eq!(column(&b, "stage"), ["approved"]);
        let s = table(&m, Table::Sources);
        assert_eq!(column(&s, "number"), ["1", "2"]);
        assert_eq!(column(&s, "described"), ["no", "yes"]);
        assert_eq!(column(&s, "date"), ["2003", ""]);
    }

    #[test]
    fn a_csv_file_starts_with_a_bom_and_quotes_what_needs_it() {
        let text = table(&mission(), Table::Resolutions).csv_file();
        assert!(text.starts_with("\u{FEFF}number,year,adopted,"));
        assert!(text.contains("\"Established UNX, \"\"for one year\"\"\""));
        assert!(text.contains("\"Extended, line\nbreak\""));
        assert!(text.ends_with("\r\n"));
    }
}
