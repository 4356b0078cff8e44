//! Full-text search over every mission: an inverted index of folded words,
//! built in the browser from the documents the build ships, queried on every
//! keystroke.
//!
//! A query matches the documents that contain all its words (the last one as
//! the start of a word, since the reader may still be typing it), ranked by
//! where the words are (a heading counts most) and whether they appear
//! together as typed. The index is built here, once a visit, rather than
//! shipped: the documents are downloaded anyway, and an index would add to
//! them.

pub mod documents;

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

use crate::data::words::{fold, is_word_char, words};
pub use documents::{Doc, SearchData, folded_spellings, search_file};

/// The most words of a query that are searched; the rest are ignored. No
/// reader types more, and each word costs a pass over the index, so an
/// address with a crafted `?q=` of thousands of words cannot make every
/// keystroke slow.
pub const MAX_QUERY_WORDS: usize = 32;

/// Where in a document a word was found; the weight says how much it counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Field {
    Title,
    Body,
    Extra,
}

impl Field {
    fn weight(self) -> f32 {
        match self {
            Field::Title => 8.0,
            Field::Body => 3.0,
            Field::Extra => 2.0,
        }
    }
}

/// A document containing a word, and where.
#[derive(Clone, Copy, Debug)]
struct Posting {
    doc: u32,
    field: Field,
}

/// The documents and, for every folded word in them, where it occurs.
pub struct Index {
    pub data: SearchData,
    /// Every distinct folded word, sorted, so a prefix is a range.
    terms: Vec<String>,
    /// For each term, the documents containing it (each document and field once).
    postings: Vec<Vec<Posting>>,
}

/// One word of a query, with the words it may match.
#[derive(Clone, Debug, PartialEq)]
pub struct Term {
    /// Folded words that count as this one: what was typed and its other spellings.
    pub words: Vec<String>,
    /// The typed word may be the start of a longer word.
    pub prefix: bool,
}

/// A parsed query.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Query {
    pub terms: Vec<Term>,
    /// The folded words as typed, joined by spaces, for the phrase bonus.
    phrase: String,
}

/// Results: how many documents matched, and the best ones in order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Results {
    pub total: usize,
    /// Positions in [`SearchData::docs`], best first.
    pub docs: Vec<usize>,
}

/// A piece of text, marked when it is a word the query matched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    pub text: String,
    pub matched: bool,
}

/// The shortest word prefix search looks up: one letter would match most words.
const MIN_PREFIX_CHARS: usize = 2;

impl Index {
    /// Indexes every document.
    pub fn new(data: SearchData) -> Index {
        let mut map: HashMap<String, Vec<Posting>> = HashMap::new();
        for (i, doc) in data.docs.iter().enumerate() {
            let doc_id = u32::try_from(i).unwrap_or(u32::MAX);
            for (field, text) in [
                (Field::Title, &doc.title),
                (Field::Body, &doc.body),
                (Field::Extra, &doc.extra),
            ] {
                for (_, word) in words(text) {
                    let list = map.entry(fold(word)).or_default();
                    let seen = list
                        .last()
                        .is_some_and(|p| p.doc == doc_id && p.field <= field);
                    if !seen {
                        list.push(Posting { doc: doc_id, field });
                    }
                }
            }
        }
        let mut entries: Vec<(String, Vec<Posting>)> = map.into_iter().collect();
        entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let (terms, postings) = entries.into_iter().unzip();
        Index {
            data,
            terms,
            postings,
        }
    }

    /// How many distinct words the index holds.
    pub fn term_count(&self) -> usize {
        self.terms.len()
    }

    /// Reads a query: its words, folded, each with its other spellings.
    pub fn parse(&self, query: &str) -> Query {
        let typed: Vec<String> = words(query)
            .map(|(_, w)| fold(w))
            .filter(|w| !w.is_empty())
            .take(MAX_QUERY_WORDS)
            .collect();
        let last = typed.len().saturating_sub(1);
        let terms = typed
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let prefix = i == last && w.chars().count() >= MIN_PREFIX_CHARS;
                let mut alternatives = vec![w.clone()];
                for group in &self.data.spellings {
                    let hit = group
                        .iter()
                        .any(|s| s == w || (prefix && s.starts_with(w.as_str())));
                    if hit {
                        alternatives.extend(group.iter().filter(|s| *s != w).cloned());
                    }
                }
                Term {
                    words: alternatives,
                    prefix,
                }
            })
            .collect();
        Query {
            terms,
            phrase: typed.join(" "),
        }
    }

    /// The terms (by position) that a query word matches: itself, or every
    /// term starting with it.
    fn matching_terms(&self, word: &str, prefix: bool) -> std::ops::Range<usize> {
        let start = self.terms.partition_point(|t| t.as_str() < word);
        let end = if prefix {
            start + self.terms[start..].partition_point(|t| t.starts_with(word))
        } else {
            start + usize::from(self.terms.get(start).is_some_and(|t| t == word))
        };
        start..end
    }

    /// The documents containing every word of the query, best first, at most `limit`.
    pub fn search(&self, query: &Query, limit: usize) -> Results {
        if query.terms.is_empty() {
            return Results::default();
        }
        let n = self.data.docs.len();
        let mut score = vec![0f32; n];
        // How many of the query's words each document has matched so far
        // (a count as wide as the query: a pasted text can have any length).
        let mut matched = vec![0usize; n];
        let mut best = vec![0f32; n];
        let mut touched: Vec<u32> = Vec::new();
        for (round, term) in query.terms.iter().enumerate() {
            for (k, word) in term.words.iter().enumerate() {
                // Other spellings are whole words; only the typed word is a prefix.
                let prefix = term.prefix && k == 0;
                for t in self.matching_terms(word, prefix) {
                    // A whole word counts more than the start of one.
                    let whole = if self.terms[t] == *word { 1.0 } else { 0.6 };
                    for p in &self.postings[t] {
                        let d = p.doc as usize;
                        if matched[d] != round {
                            continue; // missed an earlier word
                        }
                        let w = p.field.weight() * whole;
                        if best[d] == 0.0 {
                            touched.push(p.doc);
                        }
                        if w > best[d] {
                            best[d] = w;
                        }
                    }
                }
            }
            for &d in &touched {
                let d = d as usize;
                score[d] += best[d];
                matched[d] = round + 1;
                best[d] = 0.0;
            }
            touched.clear();
        }
        let all = query.terms.len();
        let mut hits: Vec<usize> = (0..n).filter(|&d| matched[d] == all).collect();
        let total = hits.len();
        // Rank by score, then keep the document order (page order) for ties.
        let by_score = |hits: &mut Vec<usize>, score: &[f32]| {
            hits.sort_by(|a, b| score[*b].total_cmp(&score[*a]).then(a.cmp(b)));
        };
        by_score(&mut hits, &score);
        // The words together as typed ("canal hotel") lift a result; checked
        // on the leading results only, since it reads the documents' text.
        if query.terms.len() > 1 {
            hits.truncate(limit.max(1) * 4);
            for &d in &hits {
                let doc = &self.data.docs[d];
                if contains_phrase(&doc.title, &query.phrase) {
                    score[d] += 10.0;
                } else if contains_phrase(&doc.body, &query.phrase) {
                    score[d] += 5.0;
                }
            }
            by_score(&mut hits, &score);
        }
        hits.truncate(limit);
        Results { total, docs: hits }
    }

    /// Splits `text` into pieces, marking the words the query matched.
    pub fn highlight(&self, text: &str, query: &Query) -> Vec<Segment> {
        let mut out = Vec::new();
        let mut at = 0;
        for (start, word) in words(text) {
            if matches_query(&fold(word), query) {
                if start > at {
                    out.push(Segment {
                        text: text[at..start].to_owned(),
                        matched: false,
                    });
                }
                out.push(Segment {
                    text: word.to_owned(),
                    matched: true,
                });
                at = start + word.len();
            }
        }
        if at < text.len() {
            out.push(Segment {
                text: text[at..].to_owned(),
                matched: false,
            });
        }
        out
    }

    /// The part of `text` around its first matched word, at most about
    /// `max_chars` long, with "…" where it was cut; highlighted.
    pub fn snippet(&self, text: &str, query: &Query, max_chars: usize) -> Vec<Segment> {
        if text.chars().count() <= max_chars {
            return self.highlight(text, query);
        }
        let first = words(text)
            .find(|(_, w)| matches_query(&fold(w), query))
            .map_or(0, |(start, _)| start);
        // Start a little before the match, at the start of a word.
        let lead = max_chars / 4;
        let from = if text[..first].chars().count() <= lead {
            0
        } else {
            let back = text[..first]
                .char_indices()
                .rev()
                .nth(lead.saturating_sub(1))
                .map_or(0, |(i, _)| i);
            // `back` may fall inside a word: start at the next whole one.
            let inside = text[..back].chars().next_back().is_some_and(is_word_char);
            words(&text[back..])
                .find(|(i, _)| *i > 0 || !inside)
                .map_or(back, |(i, _)| back + i)
        };
        let mut to = text[from..]
            .char_indices()
            .nth(max_chars)
            .map_or(text.len(), |(i, _)| from + i);
        // End at the end of a word.
        if to < text.len() {
            to = words(&text[from..to])
                .last()
                .map_or(to, |(i, w)| from + i + w.len());
        }
        let mut out = Vec::new();
        if from > 0 {
            out.push(Segment {
                text: "…".into(),
                matched: false,
            });
        }
        out.extend(self.highlight(&text[from..to], query));
        if to < text.len() {
            out.push(Segment {
                text: " …".into(),
                matched: false,
            });
        }
        out
    }
}

/// Whether a folded word is one the query asked for.
fn matches_query(word: &str, query: &Query) -> bool {
    query.terms.iter().any(|t| {
        t.words
            .iter()
            .enumerate()
            .any(|(k, w)| word == w || (t.prefix && k == 0 && word.starts_with(w.as_str())))
    })
}

/// Whether the text holds the folded phrase, with words joined by anything.
fn contains_phrase(text: &str, phrase: &str) -> bool {
    let folded: Vec<String> = words(text).map(|(_, w)| fold(w)).collect();
    let wanted: Vec<&str> = phrase.split(' ').collect();
    let last = wanted.len() - 1;
    folded.windows(wanted.len()).any(|window| {
        window
            .iter()
            .zip(&wanted)
            .enumerate()
            .all(|(i, (have, want))| {
                if i == last {
                    have.starts_with(want)
                } else {
                    have == want
                }
            })
    })
}

thread_local! {
    /// The search index, built once a visit from the search data (a visit
    /// is in one language: the language switch loads the other's pages).
    static SEARCH_INDEX: RefCell<Option<Arc<Index>>> = const { RefCell::new(None) };
}

/// Downloads the search data and builds the index from it, once a visit.
pub async fn load_search_index(
    base: crate::site::SiteBase,
) -> Result<Arc<Index>, crate::site::load::LoadError> {
    if let Some(index) = SEARCH_INDEX.with(|s| s.borrow().clone()) {
        return Ok(index);
    }
    let file = search_file(base.locale());
    let data: SearchData = crate::site::load::fetch(&base, &file).await?;
    let index = crate::site::dom::timed("search-index", || Arc::new(Index::new(data)));
    SEARCH_INDEX.with(|s| *s.borrow_mut() = Some(index.clone()));
    Ok(index)
}

#[cfg(test)]
mod tests;
