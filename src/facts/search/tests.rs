//! Search over the shipped data: what readers type finds what they mean.

use super::*;
use crate::data::files::parse;
use crate::data::{Mission, MissionIndex, Spellings};
use crate::facts::mission::{FactKind, MissionFacts};

/// The index the English search page builds, from the shipped data files.
fn shipped() -> Index {
    shipped_in(crate::site::i18n::Locale::DEFAULT)
}

/// The index the search page of `locale` builds.
fn shipped_in(locale: crate::site::i18n::Locale) -> Index {
    let index: MissionIndex =
        parse("data/index.json", include_str!("../../../data/index.json")).unwrap();
    let missions: Vec<Mission> = index
        .missions
        .iter()
        .map(|m| {
            let file = crate::site::load::mission_file(&m.id);
            let text = std::fs::read_to_string(&file).unwrap();
            parse(&file, &text).unwrap()
        })
        .collect();
    let spellings: Spellings = parse(
        "data/spellings.json",
        include_str!("../../../data/spellings.json"),
    )
    .unwrap();
    let facts: Vec<MissionFacts> = missions
        .into_iter()
        .map(|m: Mission| MissionFacts::new(m, locale.strings()))
        .collect();
    Index::new(SearchData::build(&facts, folded_spellings(&spellings)))
}

fn top(index: &Index, query: &str, n: usize) -> Vec<String> {
    let q = index.parse(query);
    let results = index.search(&q, n);
    results
        .docs
        .iter()
        .map(|&d| index.data.href(&index.data.docs[d]))
        .collect()
}

#[test]
fn canal_hotel_finds_the_unami_event_at_its_anchor() {
    let index = shipped();
    let hits = top(&index, "Canal Hotel", 3);
    let first = &hits[0];
    assert!(
        first.starts_with("/missions/unami/timeline/#ev-"),
        "{hits:?}"
    );
    // The anchor is one the timeline page gives an entry.
    let unami = &index.data.docs[index.search(&index.parse("canal hotel"), 1).docs[0]];
    assert!(unami.title.contains("Canal Hotel") || unami.body.contains("Canal Hotel"));
    // Case, accents and an unfinished last word make no difference.
    assert_eq!(top(&index, "CANAL hot", 1)[0], *first);
}

#[test]
fn hodeidah_finds_unmha_through_its_other_spelling() {
    let index = shipped();
    let hits = top(&index, "Hodeidah", 5);
    assert_eq!(hits[0], "/missions/unmha/", "{hits:?}");
    assert_eq!(top(&index, "hudaydah", 1)[0], "/missions/unmha/");
}

#[test]
fn every_word_must_match_and_headings_rank_first() {
    let index = shipped();
    let q = index.parse("unami zzzzqx");
    assert_eq!(index.search(&q, 10).total, 0);
    // A mission's own document comes first for its acronym.
    assert_eq!(top(&index, "UNAMA", 1)[0], "/missions/unama/");
    let q = index.parse("resolution");
    let results = index.search(&q, 5);
    assert!(results.total > 5);
    assert_eq!(results.docs.len(), 5);
    // Ties keep page order, so results are stable.
    assert_eq!(results, index.search(&q, 5));
    assert_eq!(index.search(&index.parse("  , "), 10), Results::default());
}

#[test]
fn documents_cover_every_part_of_a_mission() {
    let index = shipped();
    let unami: Vec<&Doc> = index
        .data
        .docs
        .iter()
        .filter(|d| index.data.acronym(d) == "UNAMI")
        .collect();
    for kind in [
        FactKind::Mission,
        FactKind::Mandate,
        FactKind::Resolution,
        FactKind::Event,
        FactKind::Person,
        FactKind::Office,
        FactKind::Source,
    ] {
        assert!(unami.iter().any(|d| d.kind == kind), "no {kind:?}");
    }
    // People are found by name, and link to their place on the leadership page.
    let person = unami.iter().find(|d| d.kind == FactKind::Person).unwrap();
    let surname = person.title.split_whitespace().last().unwrap();
    let hits = top(&index, surname, 10);
    assert!(
        hits.contains(&index.data.href(person)),
        "{surname}: {hits:?}"
    );
    assert!(index.data.href(person).contains("/leadership/#post-"));
}

#[test]
fn arabic_names_match_however_they_are_written() {
    let index = shipped();
    // UNAMI's Arabic name, typed with hamza and ta marbuta the data lacks.
    assert_eq!(
        top(&index, "بعثة الأمم لمساعدة العراق", 1)[0],
        "/missions/unami/"
    );
}

#[test]
fn arabic_readers_search_arabic_documents_and_english_words_too() {
    let ar = crate::site::i18n::Locale::from_code("ar").unwrap();
    let index = shipped_in(ar);
    // UNAMI's Baghdad office is among the first results, shown in Arabic.
    let hits = index.search(&index.parse("بغداد"), 5).docs;
    let baghdad = hits
        .iter()
        .map(|&d| &index.data.docs[d])
        .find(|d| index.data.href(d) == "/missions/unami/offices/#office-baghdad")
        .expect("the Baghdad office in the first five");
    assert_eq!(baghdad.title, "بغداد");
    assert!(!baghdad.in_english);
    // An English query still finds the event (its English title is searched
    // too), which is shown in Arabic.
    let hits = index.search(&index.parse("Canal Hotel"), 5).docs;
    let canal = hits
        .iter()
        .map(|&d| &index.data.docs[d])
        .find(|d| {
            index
                .data
                .href(d)
                .starts_with("/missions/unami/timeline/#ev-")
        })
        .expect("the Canal Hotel event in the first five");
    assert!(canal.title.contains("فندق القناة"), "{}", canal.title);
    assert!(!canal.in_english);
    assert!(canal.body.contains(ar.strings().month(8)), "{}", canal.body);
    // A resolution whose effect has no Arabic shows in English, marked (the
    // shipped data has Arabic throughout, so one is made English-only here).
    let mut unama: Mission = parse(
        "data/missions/unama.json",
        &std::fs::read_to_string("data/missions/unama.json").unwrap(),
    )
    .unwrap();
    let first = &mut unama.resolutions[0];
    first.effect = crate::data::Text::english(first.effect.en());
    let number = first.number;
    let data = SearchData::build(&[MissionFacts::new(unama, ar.strings())], Vec::new());
    let english = data
        .docs
        .iter()
        .find(|d| d.kind == FactKind::Resolution && d.title.contains(&number.to_string()))
        .expect("the UNAMA resolution made English-only");
    assert!(english.in_english, "{english:?}");
    // Documents say so only where it is true: English ones never are.
    assert!(shipped().data.docs.iter().all(|d| !d.in_english));
}

#[test]
fn every_suggested_search_finds_something_in_its_language() {
    for locale in crate::site::i18n::Locale::ALL
        .into_iter()
        .filter(|l| l.is_published())
    {
        let index = shipped_in(locale);
        for query in locale.strings().srch_tries().split('|') {
            let found = index.search(&index.parse(query), 1).total;
            assert!(found > 0, "{}: {query} finds nothing", locale.code());
        }
    }
}

#[test]
fn highlights_the_matched_words_only() {
    let index = shipped();
    let q = index.parse("canal hot");
    let segments = index.highlight("The Canal Hotel, hotels and a canal.", &q);
    let marked: Vec<&str> = segments
        .iter()
        .filter(|s| s.matched)
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!(marked, ["Canal", "Hotel", "hotels", "canal"]);
    let joined: String = segments.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(joined, "The Canal Hotel, hotels and a canal.");
}

#[test]
fn snippets_cut_around_the_first_match() {
    let index = shipped();
    let q = index.parse("needle");
    let text = format!(
        "{} a needle here {}",
        "hay ".repeat(100),
        "straw ".repeat(100)
    );
    let segments = index.snippet(&text, &q, 80);
    let joined: String = segments.iter().map(|s| s.text.as_str()).collect();
    assert!(joined.starts_with('…') && joined.ends_with('…'), "{joined}");
    assert!(joined.chars().count() <= 90, "{joined}");
    assert!(segments.iter().any(|s| s.matched && s.text == "needle"));
    // The excerpt starts at a whole word, never inside one.
    let text = format!("{} needle", "abcdefghij".repeat(30));
    let joined: String = index
        .snippet(&text, &q, 40)
        .iter()
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!(joined, "…needle");
    let text = format!("{}abcdefg x needle", "abcdefghij ".repeat(30));
    let joined: String = index
        .snippet(&text, &q, 40)
        .iter()
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!(joined, "…abcdefg x needle");
    // Short texts are whole.
    let short = index.snippet("a needle", &q, 80);
    assert_eq!(short.len(), 2);
}

#[test]
fn round_trips_through_the_shipped_file_format() {
    let index = shipped();
    let json = serde_json::to_string(&index.data).unwrap();
    let back: SearchData = parse("search-data/docs.json", &json).unwrap();
    assert_eq!(back, index.data);
}

/// A query of more than 65,535 words (a pasted text, or a crafted `?q=`)
/// overflowed the per-document count of matched words, a `u16`: a panic in
/// a debug build, and no results in a release one. Found while writing
/// tests/fuzz.rs, which searches long queries. Now only the first
/// [`MAX_QUERY_WORDS`] words are searched at all.
#[test]
fn a_query_longer_than_65535_words_still_searches() {
    let index = shipped();
    let typed = "mission ".repeat(70_000);
    let query = index.parse(&typed);
    assert_eq!(query.terms.len(), MAX_QUERY_WORDS);
    let results = index.search(&query, 5);
    assert_eq!(
        results.total,
        index.search(&index.parse("mission mission"), 5).total,
        "every document with the word has it 70,000 times over"
    );
}

#[test]
fn an_entry_of_a_long_timeline_links_to_its_own_page() {
    use crate::facts::timeline::{ONE_PAGE_LIMIT, fixtures::long_timeline};
    let m = long_timeline(ONE_PAGE_LIMIT * 2 + 10, true);
    let facts = MissionFacts::new(m.clone(), crate::site::i18n::Locale::DEFAULT.strings());
    let pages = facts.timeline().clone();
    let data = SearchData::build(std::slice::from_ref(&facts), Default::default());
    let entries: Vec<&Doc> = data
        .docs
        .iter()
        .filter(|d| d.page.starts_with("timeline"))
        .collect();
    assert_eq!(entries.len(), ONE_PAGE_LIMIT * 2 + 10);
    for doc in entries {
        let expected = format!("{}#{}", pages.page_of(&m.id, &doc.anchor), doc.anchor);
        assert_eq!(data.href(doc), expected);
    }
    // The last entries of 2001 are on its third page.
    let last = data
        .docs
        .iter()
        .rfind(|d| d.page.starts_with("timeline/2001"));
    assert!(
        last.is_some_and(|d| data.href(d).starts_with("/missions/test/timeline/2001/3/#")),
        "{last:?}"
    );
}
