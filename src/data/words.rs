//! Words as search and the validator compare them: folded so that case,
//! Latin accents and the ways Arabic is written with or without marks make
//! no difference.

/// Lower case with Latin accents removed ("Genève" → "geneve") and Arabic
/// normalised: alef with hamza or madda to bare alef, ta marbuta to ha, alef
/// maqsura to ya, Persian/Kurdish kaf and ya to the Arabic letters, Arabic-Indic
/// digits to 0–9, and short-vowel marks (tashkeel) and tatweel removed.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        if let Some(c) = fold_char(c) {
            out.push(c);
        }
    }
    out
}

fn fold_char(c: char) -> Option<char> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' => 'i',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ś' | 'š' | 'ş' => 's',
        'ť' | 'ţ' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ة' => 'ه',
        'ى' => 'ي',
        // Persian and Kurdish keyboards type these for Arabic kaf and ya.
        'ک' => 'ك',
        'ی' => 'ي',
        // Arabic-Indic and Eastern Arabic-Indic digits, as Western digits.
        '٠'..='٩' => char::from_digit(c as u32 - '٠' as u32, 10).unwrap_or(c),
        '۰'..='۹' => char::from_digit(c as u32 - '۰' as u32, 10).unwrap_or(c),
        c if is_mark(c) => return None,
        other => other,
    })
}

/// Marks written on or between letters that do not change the word: Arabic
/// tashkeel, the superscript alef, tatweel, and combining Latin accents.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' | '\u{0300}'..='\u{036F}')
}

/// Whether a character belongs to a word (see [`words`]).
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

/// The words of `text`, each with the byte offset where it starts.
///
/// A word is a run of letters and digits (with their marks); anything else
/// separates words, so "Mazar-e-Sharif" is three words, as a query for it is.
pub fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut rest = text.char_indices().peekable();
    std::iter::from_fn(move || {
        while rest.next_if(|(_, c)| !is_word_char(*c)).is_some() {}
        let (start, _) = *rest.peek()?;
        let mut end = start;
        while let Some((i, c)) = rest.next_if(|(_, c)| is_word_char(*c)) {
            end = i + c.len_utf8();
        }
        Some((start, &text[start..end]))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_and_latin_accents() {
        assert_eq!(fold("Genève ÉLAN Ñandú"), "geneve elan nandu");
        // A decomposed accent (e + combining grave) folds like the composed one.
        assert_eq!(fold("Gene\u{300}ve"), "geneve");
    }

    #[test]
    fn folds_arabic_spellings_together() {
        // Alef forms, ta marbuta, alef maqsura, tashkeel and tatweel.
        assert_eq!(fold("إيران"), fold("ايران"));
        assert_eq!(fold("أفغانستان"), "افغانستان");
        assert_eq!(fold("آمال"), "امال");
        assert_eq!(fold("بعثة"), "بعثه");
        assert_eq!(fold("مصطفى"), "مصطفي");
        assert_eq!(fold("العِرَاق"), "العراق");
        assert_eq!(fold("بـعـثـة"), "بعثه");
        assert_eq!(fold("الأُمَم المتّحدة"), "الامم المتحده");
        assert_eq!(fold("کرکوک"), fold("كركوك"));
        assert_eq!(fold("کوردی"), fold("كوردي"));
        assert_eq!(fold("٢٠٠٣ ۱۷۷۰"), "2003 1770");
    }

    #[test]
    fn splits_words_on_anything_but_letters_and_digits() {
        let text = "Mazar-e-Sharif, 19 Aug. 2003: the UN's «Canal Hotel»";
        let found: Vec<&str> = words(text).map(|(_, w)| w).collect();
        assert_eq!(
            found,
            [
                "Mazar", "e", "Sharif", "19", "Aug", "2003", "the", "UN", "s", "Canal", "Hotel"
            ]
        );
        for (at, w) in words(text) {
            assert_eq!(&text[at..at + w.len()], w);
        }
        // Arabic words keep their marks inside them.
        let arabic: Vec<&str> = words("بعثة الأُمَم، المتحدة").map(|(_, w)| w).collect();
        assert_eq!(arabic, ["بعثة", "الأُمَم", "المتحدة"]);
        assert_eq!(words("  ,, ").count(), 0);
    }
}
