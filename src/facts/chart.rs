//! The arithmetic behind the charts, kept apart from rendering so it can be
//! tested natively: axis ticks, placing dates on a time axis, and the CSV
//! files readers can download.

use crate::data::Date;

/// Round steps for a value axis from 0 to at least `max`: about `count` of
/// them, each 1, 2 or 5 times a power of ten. Returns the tick values, 0 first.
pub fn value_ticks(max: f64, count: usize) -> Vec<f64> {
    if max.is_nan() || max <= 0.0 || !max.is_finite() {
        return vec![0.0, 1.0];
    }
    let rough = max / count.max(1) as f64;
    let magnitude = 10f64.powf(rough.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= rough)
        .unwrap_or(10.0 * magnitude);
    let steps = (max / step).ceil() as usize;
    (0..=steps).map(|i| i as f64 * step).collect()
}

/// A date as a position in years, in the middle of whatever it names: "2025"
/// sits at mid-2025, "August 2009" at mid-August, a day at that day.
pub fn year_position(d: Date) -> f64 {
    let year = f64::from(d.year);
    match (d.month, d.day) {
        (None, _) => year + 0.5,
        (Some(m), None) => year + (f64::from(m) - 0.5) / 12.0,
        (Some(m), Some(day)) => year + (f64::from(m) - 1.0) / 12.0 + (f64::from(day) - 0.5) / 365.0,
    }
}

/// Year ticks for a time axis from `first` to `last`: whole years, every 1,
/// 2, 5 or 10 years so that there are at most `max_ticks`.
pub fn year_ticks(first: u16, last: u16, max_ticks: usize) -> Vec<u16> {
    let span = last.saturating_sub(first).max(1);
    let step = [1u16, 2, 5, 10, 20, 50]
        .into_iter()
        .find(|s| usize::from(span / s) < max_ticks.max(2))
        .unwrap_or(100);
    let start = first.div_ceil(step) * step;
    (start..=last).step_by(usize::from(step)).collect()
}

/// Where a mark's tooltip opens so it stays inside its chart or map: the CSS
/// classes for a mark at (`x`, `y`) percent, opening below marks nearer the
/// top than `below_under` percent.
pub fn tip_placement(x: f64, y: f64, below_under: f64) -> String {
    let side = if x > 66.0 {
        "tip-start"
    } else if x < 33.0 {
        "tip-end"
    } else {
        "tip-mid"
    };
    let vertical = if y < below_under {
        "tip-below"
    } else {
        "tip-above"
    };
    format!("{side} {vertical}")
}

/// `value` as a percentage of the way from `min` to `max`, for placing marks.
pub fn percent(value: f64, min: f64, max: f64) -> f64 {
    if max > min {
        ((value - min) / (max - min) * 100.0).clamp(0.0, 100.0)
    } else {
        50.0
    }
}

/// A CSV file (RFC 4180): a header row and the rows, fields quoted when needed.
pub fn csv(header: &[&str], rows: &[Vec<String>]) -> String {
    let line = |fields: &mut dyn Iterator<Item = &str>| -> String {
        fields.map(csv_field).collect::<Vec<_>>().join(",")
    };
    let mut out = line(&mut header.iter().copied());
    out.push_str("\r\n");
    for row in rows {
        out.push_str(&line(&mut row.iter().map(String::as_str)));
        out.push_str("\r\n");
    }
    out
}

fn csv_field(field: &str) -> String {
    if field.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_owned()
    }
}

/// A `data:` address holding the CSV text (see [`routes::data_url`]).
///
/// [`routes::data_url`]: crate::site::routes::data_url
pub fn csv_data_url(csv: &str) -> String {
    crate::site::routes::data_url("text/csv", csv)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_ticks_are_round_and_cover_the_maximum() {
        assert_eq!(value_ticks(1104.0, 5), vec![0.0, 500.0, 1000.0, 1500.0]);
        assert_eq!(value_ticks(648.0, 4), vec![0.0, 200.0, 400.0, 600.0, 800.0]);
        let money = value_ticks(158_990_000.0, 4);
        assert_eq!(money.last(), Some(&200_000_000.0));
        assert_eq!(value_ticks(0.0, 4), vec![0.0, 1.0]);
    }

    #[test]
    fn dates_sit_in_the_middle_of_what_they_name() {
        let d = |s| year_position(Date::parse(s).unwrap());
        assert_eq!(d("2025"), 2025.5);
        assert!((d("2009-08") - (2009.0 + 7.5 / 12.0)).abs() < 1e-9);
        assert!(d("2009-08-01") < d("2009-08") && d("2009-08") < d("2009-08-31"));
    }

    #[test]
    fn year_ticks_thin_out_over_long_spans() {
        assert_eq!(year_ticks(2003, 2006, 8), vec![2003, 2004, 2005, 2006]);
        assert_eq!(
            year_ticks(2003, 2025, 8),
            vec![2005, 2010, 2015, 2020, 2025]
        );
    }

    #[test]
    fn csv_quotes_only_what_needs_it() {
        let text = csv(
            &["as_of", "note"],
            &[vec!["2009-08".into(), "1,104 strong, \"about\"".into()]],
        );
        assert_eq!(
            text,
            "as_of,note\r\n2009-08,\"1,104 strong, \"\"about\"\"\"\r\n"
        );
        let url = csv_data_url("a,b\r\n");
        assert_eq!(url, "data:text/csv;charset=utf-8,a%2Cb%0D%0A");
        assert_eq!(csv_data_url("é"), "data:text/csv;charset=utf-8,%C3%A9");
    }
}
