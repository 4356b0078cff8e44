//! A sentence from the data in the reader's language: the translation when
//! the data has one, else the English text, marked so the reader knows (and
//! tagged `lang="en"` so a screen reader pronounces it as English).

use leptos::either::Either;
use leptos::prelude::*;

use crate::data::{Localized, Text};
use crate::site::{SiteBase, strings};

/// The text in the language the page is read in, or its English fallback.
pub fn in_page_language(text: &Text) -> Localized<'_> {
    let locale = use_context::<SiteBase>()
        .map(|b| b.locale())
        .unwrap_or_default();
    text.get(locale.code())
}

/// The text in the page's language, or the English one marked as such.
pub fn localized(text: &Text) -> impl IntoView + use<> {
    let chosen = in_page_language(text);
    if chosen.is_fallback {
        Either::Right(view! {
            <span class="untranslated">
                <span lang="en" dir="ltr">{close_bidi(chosen.text).into_owned()}</span>
                {untranslated_marker()}
            </span>
        })
    } else {
        Either::Left(data_text(chosen.text))
    }
}

/// Whether a text holds an explicit bidirectional embedding, override or
/// isolate control (U+202A to U+202E, U+2066 to U+2069), which, left open,
/// would reorder whatever follows the text in its paragraph.
pub fn has_bidi_controls(text: &str) -> bool {
    text.chars().any(is_bidi_control)
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The text with its bidi controls closed where it ends: a pop (U+2069) for
/// each isolate it opens and leaves open, a pop (U+202C) for each embedding or
/// override, and no stray U+2069 (it would close the isolate around the text).
/// An isolating element alone is not enough: the pop the browser puts at its
/// end closes the text's last open isolate instead of the element's own.
pub fn close_bidi(text: &str) -> std::borrow::Cow<'_, str> {
    if !has_bidi_controls(text) {
        return text.into();
    }
    // Embeddings open in each open isolate, outermost (the text itself) first.
    let mut open: Vec<usize> = vec![0];
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\u{2066}'..='\u{2068}' => open.push(0),
            '\u{2069}' if open.len() == 1 => continue,
            // Closes the embeddings opened inside the isolate too.
            '\u{2069}' => {
                open.pop();
            }
            '\u{202A}' | '\u{202B}' | '\u{202D}' | '\u{202E}' => {
                *open.last_mut().expect("the text's own level") += 1;
            }
            '\u{202C}' => {
                let embeddings = open.last_mut().expect("the text's own level");
                if *embeddings == 0 {
                    continue;
                }
                *embeddings -= 1;
            }
            _ => {}
        }
        out.push(c);
    }
    while let Some(embeddings) = open.pop() {
        out.extend(std::iter::repeat_n('\u{202C}', embeddings));
        if !open.is_empty() {
            out.push('\u{2069}');
        }
    }
    out.into()
}

/// The class that isolates a data text holding bidi controls (`unicode-bidi:
/// isolate`), for the element showing it; none for the ordinary text, so its
/// HTML stays as it was. Show the text itself through [`close_bidi`].
pub fn isolate_class(text: &str) -> Option<&'static str> {
    has_bidi_controls(text).then_some("isolate")
}

/// A text from the data, as text; when it holds bidi controls, closed
/// ([`close_bidi`]) and in an isolating `<span>`, so they cannot reorder the
/// citation or the words after it.
pub fn data_text(text: &str) -> impl IntoView + use<> {
    match isolate_class(text) {
        Some(class) => {
            Either::Right(view! { <span class=class>{close_bidi(text).into_owned()}</span> })
        }
        None => Either::Left(text.to_owned()),
    }
}

/// " (English)" after a text shown in English because the reader's language
/// lacks it, with a tooltip saying so.
pub fn untranslated_marker() -> impl IntoView {
    let t = strings();
    view! {
        " "
        <span class="untranslated-marker" title=t.untranslated_title()>
            "(" {t.untranslated_marker()} ")"
        </span>
    }
}

/// The text in the page's language as a plain string, for attributes and
/// titles, falling back to English unmarked.
pub fn localized_plain(text: &Text) -> String {
    in_page_language(text).text.to_owned()
}

/// Where a date or a link goes in a translated sentence given to
/// [`sentence_with`]: the message's placeholder is filled with this.
pub const SLOT: &str = "\u{1}";

/// A translated sentence (made with [`SLOT`] for one of its placeholders)
/// with `inner` (a link, a `<time>`) in that place.
pub fn sentence_with(sentence: String, inner: impl IntoView) -> impl IntoView {
    let (before, after) = sentence.split_once(SLOT).unwrap_or((&sentence, ""));
    // Rendered to HTML (the prerenderer), an empty text becomes a space, which
    // the browser's render has not ("2025 , as decided"): leave empty parts out.
    let part = |text: &str| (!text.is_empty()).then(|| text.to_owned());
    view! { {part(before)} {inner} {part(after)} }
}

/// A translated sentence with a date in it, the date as a `<time>` element.
pub fn sentence_with_date(sentence: String, date: crate::data::Date) -> impl IntoView + use<> {
    sentence_with(
        sentence,
        view! { <time datetime=date.iso()>{strings().date(date)}</time> },
    )
}

#[cfg(test)]
mod tests {
    use super::close_bidi;

    #[test]
    fn ordinary_text_is_left_alone() {
        assert!(matches!(
            close_bidi("Baghdad بغداد"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn open_isolates_and_overrides_are_closed_at_the_end() {
        // RLO, then LRI RLI FSI left open: the isolates are popped (which
        // closes what they hold), then the override.
        assert_eq!(
            close_bidi("a \u{202E}b \u{2066}c \u{2067}d \u{2068}e"),
            "a \u{202E}b \u{2066}c \u{2067}d \u{2068}e\u{2069}\u{2069}\u{2069}\u{202C}"
        );
        // An override inside an isolate is closed by the isolate's pop.
        assert_eq!(
            close_bidi("\u{2067}\u{202D}x"),
            "\u{2067}\u{202D}x\u{202C}\u{2069}"
        );
    }

    #[test]
    fn stray_pops_are_dropped_and_balanced_text_kept() {
        assert_eq!(close_bidi("x\u{2069}y\u{202C}z"), "xyz");
        assert_eq!(
            close_bidi("\u{2066}x\u{2069} \u{202B}y\u{202C}"),
            "\u{2066}x\u{2069} \u{202B}y\u{202C}"
        );
    }
}
