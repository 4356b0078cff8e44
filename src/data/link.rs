//! Which addresses in the data may become links.
//!
//! A source's `url` is written into an `href`, so a `javascript:` or `data:`
//! address there would run or show whatever the data says when clicked. The
//! validator refuses such addresses and the app renders them as plain text:
//! both ask [`check_link`], so they cannot disagree.
//!
//! Browsers forgive a lot (they drop tabs and line breaks anywhere in an
//! address, spaces and control characters at its ends, and read `\` as `/`),
//! which is how `java\tscript:` and ` javascript:` slip past naive checks.
//! This check forgives nothing: an address is accepted only as it is written.

use std::fmt;

/// Why an address may not become a link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    /// Empty, or only spaces.
    Empty,
    /// A space, tab, line break, control or invisible character (browsers
    /// drop some of these, so what is read is not what is followed).
    HiddenCharacter { index: usize, character: char },
    /// A backslash, which browsers read as `/` in web addresses.
    Backslash,
    /// No scheme: a relative address (`/about`, `//host/x`, `www.un.org`).
    NoScheme,
    /// A scheme other than http or https (`javascript`, `data`, `file`…).
    NotWeb { scheme: String },
    /// `http:` or `https:` without `//` after it.
    NotAbsolute,
    /// Nothing between `//` and the path.
    NoHost,
    /// A user name or password before the host (`https://un.org@evil.example`
    /// goes to evil.example).
    Credentials,
    /// A port that is not a number.
    BadPort,
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkError::Empty => f.write_str("the address is empty"),
            LinkError::HiddenCharacter { index, character } => write!(
                f,
                "character {} is {}: write the address without spaces, \
                 line breaks or invisible characters (encode a space as %20)",
                index + 1,
                character.escape_unicode()
            ),
            LinkError::Backslash => {
                f.write_str("it holds a backslash: web addresses use forward slashes")
            }
            LinkError::NoScheme => {
                f.write_str("it is not a whole address: start it with https:// or http://")
            }
            LinkError::NotWeb { scheme } => write!(
                f,
                "its scheme is \"{scheme}:\"; links must start with https:// or http://"
            ),
            LinkError::NotAbsolute => f.write_str("write // after https: or http:"),
            LinkError::NoHost => f.write_str("it names no host after //"),
            LinkError::Credentials => f.write_str(
                "it has a user name or password before the host (the part before @): \
                 remove it",
            ),
            LinkError::BadPort => f.write_str("the port after the host is not a number"),
        }
    }
}

impl std::error::Error for LinkError {}

/// The JSON Schema's pattern for a link (an ECMAScript regular expression,
/// which has no case-insensitive flag in JSON Schema): editors flag most bad
/// addresses as they are typed; [`check_link`] remains the authority.
pub const LINK_PATTERN: &str = r"^[Hh][Tt][Tt][Pp][Ss]?://[^\s/?#@\\]+([/?#][^\s\\]*)?$";

/// `url` if it is a whole http or https address, fit to be an `href`.
///
/// The one question the pages ask before making a link from data.
pub fn safe_link(url: &str) -> Option<&str> {
    check_link(url).ok()
}

/// Checks that `url` is a whole http or https address written plainly:
/// `http` or `https` (any case), `://`, a host with no user name or
/// password, an optional numeric port, and then anything but hidden
/// characters and backslashes.
pub fn check_link(url: &str) -> Result<&str, LinkError> {
    if url.trim().is_empty() {
        return Err(LinkError::Empty);
    }
    if let Some((index, character)) = url.chars().enumerate().find(|(_, c)| is_hidden(*c)) {
        return Err(LinkError::HiddenCharacter { index, character });
    }
    if url.contains('\\') {
        return Err(LinkError::Backslash);
    }
    let (scheme, rest) = url.split_once(':').ok_or(LinkError::NoScheme)?;
    if !is_scheme(scheme) {
        return Err(LinkError::NoScheme);
    }
    if !(scheme.eq_ignore_ascii_case("https") || scheme.eq_ignore_ascii_case("http")) {
        return Err(LinkError::NotWeb {
            scheme: scheme.to_owned(),
        });
    }
    let rest = rest.strip_prefix("//").ok_or(LinkError::NotAbsolute)?;
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if authority.contains('@') {
        return Err(LinkError::Credentials);
    }
    let (host, port) = match authority.rsplit_once(':') {
        // An IPv6 host (`[::1]`) holds colons of its own.
        Some((host, port)) if !port.contains(']') => (host, Some(port)),
        _ => (authority, None),
    };
    if host.is_empty() {
        return Err(LinkError::NoHost);
    }
    if port.is_some_and(|p| !p.bytes().all(|b| b.is_ascii_digit())) {
        return Err(LinkError::BadPort);
    }
    Ok(url)
}

/// A URL scheme as RFC 3986 writes it: a letter, then letters, digits, `+`, `-`, `.`.
fn is_scheme(s: &str) -> bool {
    let mut bytes = s.bytes();
    bytes.next().is_some_and(|b| b.is_ascii_alphabetic())
        && bytes.all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'))
}

/// Characters that do not show, or show as space, in an address: whitespace,
/// controls, and the invisible formatting characters (soft hyphen, zero-width
/// spaces and joiners, direction marks and overrides, the byte order mark).
pub(crate) fn is_hidden(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            '\u{00AD}'
                | '\u{061C}'
                | '\u{180E}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{206F}'
                | '\u{FEFF}'
                | '\u{FFF9}'..='\u{FFFB}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_whole_web_addresses() {
        for ok in [
            "https://press.un.org/en/2024/sc15714.doc.htm",
            "http://unscr.com/en/resolutions/2421",
            "HTTPS://EXAMPLE.ORG/",
            "Http://example.org",
            "http://the-uncensored-wiki.com:20121/2012/A/UNAMI.html",
            "https://example.org?q=a:b@c",
            "https://example.org#x@y",
            "https://[2001:db8::1]/x",
            "https://[2001:db8::1]:8443/x",
            "https://iraq.un.org/ar/232836-يونامي",
        ] {
            assert_eq!(safe_link(ok), Some(ok), "{ok}");
        }
    }

    #[test]
    fn refuses_other_schemes_whatever_their_case() {
        for (bad, scheme) in [
            ("javascript:alert(1)", "javascript"),
            ("JAVASCRIPT:alert(1)", "JAVASCRIPT"),
            ("JavaScript:alert(1)", "JavaScript"),
            ("vbscript:msgbox(1)", "vbscript"),
            ("data:text/html,<script>alert(1)</script>", "data"),
            ("file:///etc/passwd", "file"),
            ("ftp://example.org/", "ftp"),
            ("mailto:a@example.org", "mailto"),
            ("httpx://example.org", "httpx"),
        ] {
            assert_eq!(
                check_link(bad),
                Err(LinkError::NotWeb {
                    scheme: scheme.to_owned()
                }),
                "{bad}"
            );
        }
    }

    #[test]
    fn refuses_hidden_characters_anywhere() {
        for (bad, index) in [
            (" javascript:alert(1)", 0),
            ("java\tscript:alert(1)", 4),
            ("java\nscript:alert(1)", 4),
            ("\u{0}javascript:alert(1)", 0),
            (" https://example.org", 0),
            ("https://example.org ", 19),
            ("https://exa mple.org", 11),
            ("\u{FEFF}https://example.org", 0),
            ("https://example.org/\u{202E}gpj.exe", 20),
            ("https://exa\u{200B}mple.org", 11),
            ("https://example.org/\u{7f}", 20),
        ] {
            assert!(
                matches!(check_link(bad), Err(LinkError::HiddenCharacter { index: i, .. }) if i == index),
                "{bad:?}: {:?}",
                check_link(bad)
            );
        }
    }

    #[test]
    fn refuses_relative_and_broken_addresses() {
        let cases = [
            ("", LinkError::Empty),
            ("   ", LinkError::Empty),
            ("/about", LinkError::NoScheme),
            ("//evil.example", LinkError::NoScheme),
            ("www.un.org", LinkError::NoScheme),
            ("example.org/a:b", LinkError::NoScheme),
            (":https://x", LinkError::NoScheme),
            ("1http://x", LinkError::NoScheme),
            ("https:example.org", LinkError::NotAbsolute),
            ("https:/example.org", LinkError::NotAbsolute),
            ("https://", LinkError::NoHost),
            ("https:///etc/passwd", LinkError::NoHost),
            ("https://:80/", LinkError::NoHost),
            ("https:\\\\evil.example", LinkError::Backslash),
            ("https://un.org\\@evil.example", LinkError::Backslash),
            ("https://un.org@evil.example/", LinkError::Credentials),
            ("https://user:pass@example.org/", LinkError::Credentials),
            ("https://example.org:http/", LinkError::BadPort),
        ];
        for (bad, why) in cases {
            assert_eq!(check_link(bad), Err(why), "{bad:?}");
            assert_eq!(safe_link(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn explains_each_refusal() {
        let said = check_link("java\tscript:x").unwrap_err().to_string();
        assert!(said.contains("character 5 is \\u{9}"), "{said}");
        let said = check_link("data:x").unwrap_err().to_string();
        assert!(said.contains("\"data:\""), "{said}");
    }
}
