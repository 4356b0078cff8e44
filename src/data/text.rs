//! Human-readable text in several languages.
//!
//! Every sentence in the data is a map from a language code to the text, so a
//! new language is new entries, not new fields. English is required: it is what
//! a reader sees when their language has no translation yet.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize};

/// The language every text must have, and the one shown when another is missing.
pub const FALLBACK_LANG: &str = "en";

/// A text by language code (`{"en": "…", "ar": "…"}`); always has English.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Text(BTreeMap<String, String>);

/// A text chosen for a language, and whether it had to fall back to English.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Localized<'a> {
    pub text: &'a str,
    /// The language the text is actually in (differs from the one asked for on fallback).
    pub lang: &'a str,
    pub is_fallback: bool,
}

impl Text {
    /// Builds a text with only English, as tests and generated data need.
    pub fn english(text: impl Into<String>) -> Text {
        Text(BTreeMap::from([(FALLBACK_LANG.to_owned(), text.into())]))
    }

    /// The English text, which every `Text` has.
    pub fn en(&self) -> &str {
        self.0
            .get(FALLBACK_LANG)
            .map(String::as_str)
            .unwrap_or_default()
    }

    /// The text in `lang`, or the English one marked as a fallback.
    pub fn get(&self, lang: &str) -> Localized<'_> {
        match self.0.get_key_value(lang) {
            Some((code, text)) if !text.trim().is_empty() => Localized {
                text,
                lang: code,
                is_fallback: false,
            },
            _ => Localized {
                text: self.en(),
                lang: FALLBACK_LANG,
                is_fallback: lang != FALLBACK_LANG,
            },
        }
    }

    /// The language codes this text is written in.
    pub fn languages(&self) -> impl Iterator<Item = &str> {
        self.0.keys().map(String::as_str)
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let map = BTreeMap::<String, String>::deserialize(deserializer)?;
        match map.get(FALLBACK_LANG) {
            Some(en) if !en.trim().is_empty() => Ok(Text(map)),
            Some(_) => Err(serde::de::Error::custom(
                "the English text (\"en\") is empty",
            )),
            None => Err(serde::de::Error::custom(
                "a text needs an English version under the key \"en\"",
            )),
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for Text {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Text".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A text by language code, like {\"en\": \"…\", \"ar\": \"…\"}. English is required.",
            "type": "object",
            "required": ["en"],
            "properties": { "en": { "type": "string", "minLength": 1 } },
            "additionalProperties": { "type": "string" },
            "propertyNames": { "pattern": "^[a-z]{2,3}(-[A-Za-z0-9]+)*$" }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_the_asked_language() {
        let t: Text = serde_json::from_str(r#"{"en":"Iraq","ar":"العراق"}"#).unwrap();
        let ar = t.get("ar");
        assert_eq!(ar.text, "العراق");
        assert!(!ar.is_fallback);
        assert_eq!(t.get("en").text, "Iraq");
    }

    #[test]
    fn falls_back_to_english_visibly() {
        let t = Text::english("Iraq");
        let ku = t.get("ckb");
        assert_eq!(ku.text, "Iraq");
        assert_eq!(ku.lang, "en");
        assert!(ku.is_fallback);
        assert!(!t.get("en").is_fallback);
    }

    #[test]
    fn requires_english() {
        let err = serde_json::from_str::<Text>(r#"{"ar":"العراق"}"#).unwrap_err();
        assert!(err.to_string().contains("\"en\""), "{err}");
        assert!(serde_json::from_str::<Text>(r#"{"en":"  "}"#).is_err());
    }
}
