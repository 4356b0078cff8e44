//! Numbers and addresses as a reader sees them, the same in every language
//! (the site writes Western digits everywhere); words are in `i18n::Strings`.

/// A count with thousands separated: 1104 → "1,104".
pub fn count(n: impl Into<u64>) -> String {
    let digits = n.into().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
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
    match String::from_utf8(out) {
        // A decoded direction override or zero-width space would make the
        // address read as something it is not: then show it as written.
        Ok(decoded) if !decoded.chars().any(crate::data::link::is_hidden) => decoded,
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        // A right-to-left override (U+202E) would show "exe.txt" as "txt.exe".
        assert_eq!(
            readable_url("https://x.org/%E2%80%AEtxt.exe"),
            "https://x.org/%E2%80%AEtxt.exe"
        );
        assert_eq!(
            readable_url("https://x.org/%C2%A0nbsp"),
            "https://x.org/%C2%A0nbsp"
        );
    }

    #[test]
    fn separates_thousands() {
        assert_eq!(count(0u32), "0");
        assert_eq!(count(648u32), "648");
        assert_eq!(count(1104u32), "1,104");
        assert_eq!(count(158_990_000u32), "158,990,000");
    }
}
