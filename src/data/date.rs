//! Calendar dates as the sources give them: a year, a month or a day.
//!
//! Sources often say "May 2003" or just "2005"; storing a precision keeps the
//! pages from showing a day nobody reported.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A date known to the year, the month or the day, written `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

/// Why a date string was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateError {
    Shape(String),
    NoSuchMonth(u8),
    NoSuchDay { year: u16, month: u8, day: u8 },
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateError::Shape(s) => {
                write!(
                    f,
                    "`{s}` is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD"
                )
            }
            DateError::NoSuchMonth(m) => write!(f, "month {m} does not exist"),
            DateError::NoSuchDay { year, month, day } => {
                write!(f, "{year}-{month:02} has no day {day}")
            }
        }
    }
}

impl std::error::Error for DateError {}

fn is_leap(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn digits<T: std::str::FromStr>(part: &str, len: usize) -> Option<T> {
    (part.len() == len && part.bytes().all(|b| b.is_ascii_digit()))
        .then(|| part.parse().ok())
        .flatten()
}

impl Date {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, refusing days that do not exist.
    pub fn parse(s: &str) -> Result<Date, DateError> {
        let shape = || DateError::Shape(s.to_owned());
        let mut parts = s.split('-');
        let year: u16 = parts.next().and_then(|p| digits(p, 4)).ok_or_else(shape)?;
        let month: Option<u8> = match parts.next() {
            None => None,
            Some(p) => Some(digits(p, 2).ok_or_else(shape)?),
        };
        let day: Option<u8> = match parts.next() {
            None => None,
            Some(p) => Some(digits(p, 2).ok_or_else(shape)?),
        };
        if parts.next().is_some() {
            return Err(shape());
        }
        if let Some(m) = month
            && !(1..=12).contains(&m)
        {
            return Err(DateError::NoSuchMonth(m));
        }
        if let (Some(m), Some(d)) = (month, day)
            && (d == 0 || d > days_in_month(year, m))
        {
            return Err(DateError::NoSuchDay {
                year,
                month: m,
                day: d,
            });
        }
        Ok(Date { year, month, day })
    }

    /// The machine-readable form, for `<time datetime>`.
    pub fn iso(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", self.year),
            (Some(m), None) => format!("{:04}-{m:02}", self.year),
            _ => format!("{:04}", self.year),
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.iso())
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        Date::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A date as precise as the source: YYYY, YYYY-MM or YYYY-MM-DD.",
            "type": "string",
            "pattern": "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_precision() {
        assert_eq!(
            Date::parse("2003-08-14").unwrap(),
            Date {
                year: 2003,
                month: Some(8),
                day: Some(14)
            }
        );
        assert_eq!(Date::parse("2003-05").unwrap().day, None);
        assert_eq!(Date::parse("2005").unwrap().month, None);
    }

    #[test]
    fn refuses_dates_that_do_not_exist() {
        assert_eq!(
            Date::parse("2025-02-29"),
            Err(DateError::NoSuchDay {
                year: 2025,
                month: 2,
                day: 29
            })
        );
        assert!(Date::parse("2024-02-29").is_ok(), "2024 is a leap year");
        assert_eq!(Date::parse("2003-13"), Err(DateError::NoSuchMonth(13)));
        for bad in [
            "",
            "03-08-14",
            "2003/08/14",
            "2003-8-14",
            "2003-08-14-01",
            "２００３",
        ] {
            assert!(
                matches!(Date::parse(bad), Err(DateError::Shape(_))),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn writes_english_at_its_precision() {
        assert_eq!(
            Date::parse("2025-12-31").unwrap().to_english(),
            "31 December 2025"
        );
        assert_eq!(Date::parse("2003-05").unwrap().to_english(), "May 2003");
        assert_eq!(Date::parse("2005").unwrap().to_english(), "2005");
    }

    #[test]
    fn orders_chronologically() {
        let a = Date::parse("2003-08-14").unwrap();
        let b = Date::parse("2007-08-10").unwrap();
        assert!(a < b);
    }
}
