//! A sentence from the data in the reader's language: the translation when
//! the data has one, else the English text, marked so the reader knows (and
//! tagged `lang="en"` so a screen reader pronounces it as English).

use leptos::either::Either;
use leptos::prelude::*;

use crate::data::Text;
use crate::site::{SiteBase, strings};

/// The text in the page's language, or the English one marked as such.
pub fn localized(text: &Text) -> impl IntoView + use<> {
    let locale = use_context::<SiteBase>()
        .map(|b| b.locale())
        .unwrap_or_default();
    let chosen = text.get(locale.code());
    if chosen.is_fallback {
        let t = strings();
        Either::Right(view! {
            <span class="untranslated" title=t.untranslated_title()>
                <span lang="en" dir="ltr">{chosen.text.to_owned()}</span>
                " "
                <span class="untranslated-marker">"(" {t.untranslated_marker()} ")"</span>
            </span>
        })
    } else {
        Either::Left(chosen.text.to_owned())
    }
}

/// The text in the page's language as a plain string, for attributes and
/// titles, falling back to English unmarked.
pub fn localized_plain(text: &Text) -> String {
    let locale = use_context::<SiteBase>()
        .map(|b| b.locale())
        .unwrap_or_default();
    text.get(locale.code()).text.to_owned()
}

/// Where the date goes in a sentence given to [`sentence_with_date`].
pub const DATE_SLOT: &str = "\u{1}";

/// A translated sentence with a date in it (made with [`DATE_SLOT`] where the
/// date goes), the date written as a `<time>` element.
pub fn sentence_with_date(sentence: String, date: crate::data::Date) -> impl IntoView + use<> {
    let (before, after) = sentence.split_once(DATE_SLOT).unwrap_or((&sentence, ""));
    let (before, after) = (before.to_owned(), after.to_owned());
    view! { {before} <time datetime=date.iso()>{strings().date(date)}</time> {after} }
}
