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
                <span lang="en" dir="ltr">{chosen.text.to_owned()}</span>
                {untranslated_marker()}
            </span>
        })
    } else {
        Either::Left(chosen.text.to_owned())
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
