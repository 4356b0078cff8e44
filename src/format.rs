//! Turning data into the words and numbers a reader sees (English for now).

use crate::data::{BudgetKind, Date};

/// "Resolution 1770 (2007)".
pub fn resolution_label(number: u32, year: u16) -> String {
    format!("Resolution {number} ({year})")
}

/// A count with thousands separated: 1104 → "1,104".
pub fn count(n: u32) -> String {
    group_thousands(u64::from(n))
}

/// A whole number with thousands separated: 158990000 → "158,990,000".
pub fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A head count as the source gives it: "about 1,000" when it is approximate.
pub fn head_count(total: u32, approximate: bool) -> String {
    if approximate {
        format!("about {}", count(total))
    } else {
        count(total)
    }
}

/// US dollars, whole: 158990000 → "$158,990,000".
pub fn usd(amount: u64) -> String {
    format!("${}", group_thousands(amount))
}

/// US dollars for a chart label: "$159.0 million", "$850,000".
pub fn usd_short(amount: u64) -> String {
    if amount >= 1_000_000 {
        let tenths = (amount + 50_000) / 100_000;
        format!("${}.{} million", group_thousands(tenths / 10), tenths % 10)
    } else {
        usd(amount)
    }
}

/// Where a budget figure stands: "Proposed", "As reported"…
pub fn budget_stage(kind: BudgetKind) -> &'static str {
    match kind {
        BudgetKind::Proposed => "Proposed",
        BudgetKind::Approved => "Approved",
        BudgetKind::Revised => "Revised",
        BudgetKind::Reported => "As reported",
    }
}

/// A web address as a reader would type it: percent-encoded letters (Arabic,
/// accented Latin) decoded for display. The link itself keeps the address as
/// given; anything that does not decode to text is shown unchanged.
pub fn readable_url(url: &str) -> String {
    let bytes = url.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
            (b'%', Some(&h), Some(&l)) if hex(h).is_some() && hex(l).is_some() => {
                let byte = (hex(h).unwrap_or(0) * 16 + hex(l).unwrap_or(0)) as u8;
                // Keep encoded ASCII (spaces, slashes…) as it was: only letters beyond ASCII read better decoded.
                if byte < 0x80 {
                    out.extend_from_slice(&bytes[i..i + 3]);
                } else {
                    out.push(byte);
                }
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| url.to_owned())
}

/// A period of office as far as the sources date it.
pub fn tenure(from: Option<Date>, to: Option<Date>) -> Option<String> {
    match (from, to) {
        (Some(f), Some(t)) => Some(format!("{} – {}", f.to_english(), t.to_english())),
        (Some(f), None) => Some(format!("from {}", f.to_english())),
        (None, Some(t)) => Some(format!("until {}", t.to_english())),
        (None, None) => None,
    }
}

/// Joins names as English prose: "A", "A and B", "A, B and C".
pub fn and_list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<Date> {
        Some(Date::parse(s).unwrap())
    }

    #[test]
    fn web_addresses_read_in_their_own_letters() {
        assert_eq!(
            readable_url("https://iraq.un.org/ar/232836-%D9%8A%D9%88%D9%86%D8%A7%D9%85%D9%8A"),
            "https://iraq.un.org/ar/232836-يونامي"
        );
        assert_eq!(
            readable_url("https://x.org/a%20b%2Fc"),
            "https://x.org/a%20b%2Fc"
        );
        assert_eq!(readable_url("https://x.org/%FF%FE"), "https://x.org/%FF%FE");
        assert_eq!(readable_url("https://x.org/100%"), "https://x.org/100%");
    }

    #[test]
    fn labels_resolutions() {
        assert_eq!(resolution_label(1500, 2003), "Resolution 1500 (2003)");
    }

    #[test]
    fn separates_thousands() {
        assert_eq!(count(0), "0");
        assert_eq!(count(648), "648");
        assert_eq!(count(1104), "1,104");
        assert_eq!(count(158_990_000), "158,990,000");
    }

    #[test]
    fn marks_approximate_counts_and_writes_dollars() {
        assert_eq!(head_count(1000, true), "about 1,000");
        assert_eq!(head_count(648, false), "648");
        assert_eq!(usd(158_990_000), "$158,990,000");
        assert_eq!(usd(5), "$5");
        assert_eq!(usd_short(158_990_000), "$159.0 million");
        assert_eq!(usd_short(21_700_000), "$21.7 million");
        assert_eq!(usd_short(850_000), "$850,000");
    }

    #[test]
    fn writes_tenures_at_their_precision() {
        assert_eq!(
            tenure(d("2024-07-15"), d("2025-12-31")).as_deref(),
            Some("15 July 2024 – 31 December 2025")
        );
        assert_eq!(
            tenure(d("2022-07"), None).as_deref(),
            Some("from July 2022")
        );
        assert_eq!(tenure(None, d("2011")).as_deref(), Some("until 2011"));
        assert_eq!(tenure(None, None), None);
    }

    #[test]
    fn joins_lists_as_prose() {
        assert_eq!(and_list(&[]), "");
        assert_eq!(and_list(&["DPO"]), "DPO");
        assert_eq!(and_list(&["DPO", "DOS"]), "DPO and DOS");
        assert_eq!(and_list(&["A", "B", "C"]), "A, B and C");
    }
}
