//! The site's data files: their names, and their text turned into typed
//! data, every failure naming the file (and, for a damaged file, the line,
//! column and field).
//!
//! Parsing is separate from fetching (the loader's job in the browser) so
//! that native tests and the validator exercise the same code the browser
//! runs.

use serde::de::DeserializeOwned;

/// The path of the catalogue index, relative to the site's base.
pub const INDEX_FILE: &str = "data/index.json";

/// The spellings search treats as one word, relative to the site's base
/// (read at build time into the search data).
pub const SPELLINGS_FILE: &str = "data/spellings.json";

/// The path of a mission's file, relative to the site's base.
pub fn mission_file(id: &str) -> String {
    format!("data/missions/{id}.json")
}

/// The mission whose file `file` is, if it is one ([`mission_file`] backwards).
pub fn mission_of_file(file: &str) -> Option<&str> {
    file.strip_prefix("data/missions/")?.strip_suffix(".json")
}

/// Why a data file could not be used. Each variant names the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// The request did not complete (offline, blocked).
    Network { file: String, message: String },
    /// Nothing whole arrived within the loader's time limit: a stalled
    /// connection would otherwise keep the loading placeholder forever.
    TimedOut { file: String, seconds: u32 },
    /// The server answered, but not with the file.
    Status { file: String, status: u16 },
    /// The file arrived but is not the JSON the site expects.
    Parse {
        file: String,
        /// Where in the data the problem is, like `resolutions[2].adopted`; `.` for the top.
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
}

impl LoadError {
    /// The data file the error is about.
    pub fn file(&self) -> &str {
        match self {
            LoadError::Network { file, .. }
            | LoadError::TimedOut { file, .. }
            | LoadError::Status { file, .. }
            | LoadError::Parse { file, .. } => file,
        }
    }
}

impl std::error::Error for LoadError {}

/// Parses a data file's text, reporting the line and column of any error and,
/// in native builds (the validator and tests), the field path too.
///
/// The browser build leaves the field path out: tracking it doubles the
/// deserialising code in the WebAssembly, and line and column already say
/// where to look.
pub fn parse<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, LoadError> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    #[cfg(not(target_arch = "wasm32"))]
    let value = serde_path_to_error::deserialize(&mut deserializer).map_err(|err| {
        let path = err.path().to_string();
        parse_error(file, text, path, &err.into_inner())
    })?;
    #[cfg(target_arch = "wasm32")]
    let value = T::deserialize(&mut deserializer)
        .map_err(|err| parse_error(file, text, ".".to_owned(), &err))?;
    // Text after the JSON value (two values glued together, say) is damage too.
    deserializer
        .end()
        .map_err(|err| parse_error(file, text, ".".to_owned(), &err))?;
    Ok(value)
}

fn parse_error(file: &str, text: &str, path: String, err: &serde_json::Error) -> LoadError {
    let message = err.to_string();
    // serde_json appends " at line L column C"; the error carries both separately.
    let message = message
        .rsplit_once(" at line ")
        .map_or(message.as_str(), |(head, _)| head)
        .to_owned();
    LoadError::Parse {
        file: file.to_owned(),
        path,
        line: err.line(),
        column: char_column(text, err.line(), err.column()),
        message,
    }
}

/// serde_json counts columns in bytes; editors count characters (an Arabic
/// letter is two bytes). Converts the one to the other.
fn char_column(text: &str, line: usize, byte_column: usize) -> usize {
    let Some(line_text) = text.split('\n').nth(line.saturating_sub(1)) else {
        return byte_column;
    };
    let mut end = byte_column.min(line_text.len());
    while !line_text.is_char_boundary(end) {
        end -= 1;
    }
    line_text[..end].chars().count().max(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::MissionIndex;

    #[test]
    fn a_mission_file_names_its_mission() {
        assert_eq!(mission_of_file(&mission_file("unami")), Some("unami"));
        assert_eq!(mission_of_file(INDEX_FILE), None);
        assert_eq!(mission_of_file("maps/unami.json"), None);
    }

    #[test]
    fn reports_line_column_and_field_of_a_shape_error() {
        let text = "{\n  \"missions\": [\n    {\"id\": 3}\n  ]\n}";
        let err = parse::<MissionIndex>("data/index.json", text).unwrap_err();
        let LoadError::Parse {
            file,
            path,
            line,
            column,
            message,
        } = &err
        else {
            panic!("expected a parse error, got {err:?}");
        };
        assert_eq!(file, "data/index.json");
        assert_eq!(path, "missions[0].id");
        assert_eq!((*line, *column), (3, 12));
        assert!(message.contains("expected a string"), "{message}");
        assert!(!message.contains(" at line "), "{message}");
        assert_eq!(
            err.to_string(),
            format!(
                "data/index.json is damaged: {message}, at line 3, column 12 (field missions[0].id)."
            )
        );
    }

    #[test]
    fn counts_columns_in_characters() {
        let text = "{\"ar\": \"العراق\", \"en\": 5}";
        let err = parse::<crate::data::Text>("f.json", text).unwrap_err();
        let LoadError::Parse { line, column, .. } = err else {
            panic!("{err:?}")
        };
        // Where an editor puts the cursor after the 5: Arabic letters count one each.
        let after_five = text[..text.find('5').unwrap() + 1].chars().count();
        assert_eq!((line, column), (1, after_five));
        assert_eq!(char_column("عراق", 1, 8), 4);
        assert_eq!(char_column("abc", 1, 2), 2);
    }

    #[test]
    fn reports_truncated_json() {
        let err = parse::<MissionIndex>("data/index.json", "{\"missions\": [").unwrap_err();
        assert!(
            matches!(&err, LoadError::Parse { line: 1, message, .. } if message.contains("EOF")),
            "{err:?}"
        );
    }

    #[test]
    fn refuses_unknown_fields_and_trailing_text() {
        let err = parse::<MissionIndex>("f.json", r#"{"missions": [], "extra": 1}"#).unwrap_err();
        assert!(err.to_string().contains("unknown field `extra`"), "{err}");
        let err = parse::<MissionIndex>("f.json", r#"{"missions": []} []"#).unwrap_err();
        assert!(err.to_string().contains("trailing characters"), "{err}");
    }

    #[test]
    fn names_the_file_in_every_message() {
        let errors = [
            LoadError::Network {
                file: "data/x.json".into(),
                message: "offline".into(),
            },
            LoadError::Status {
                file: "data/x.json".into(),
                status: 404,
            },
            LoadError::Status {
                file: "data/x.json".into(),
                status: 500,
            },
            LoadError::TimedOut {
                file: "data/x.json".into(),
                seconds: 20,
            },
        ];
        for e in errors {
            assert!(e.to_string().contains("data/x.json"), "{e}");
            assert_eq!(e.file(), "data/x.json");
        }
    }
}
