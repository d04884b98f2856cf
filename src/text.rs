//! Text typed by people: cleaned on the way in, checked by the domain.
//!
//! Every form value goes through [`clean`] before anything reads it, and the domain checks
//! lengths, addresses and emails with the functions here, so that one rule holds everywhere.

use crate::error::{AppError, AppResult, Reason};

/// The longest one-line text field (names, roles, cities, contacts), in characters.
pub const MAX_LINE_CHARS: usize = 200;
/// The longest web address, in characters.
pub const MAX_URL_CHARS: usize = 2_000;

/// `value` without control characters (tabs and line breaks stay, `\r\n` becomes `\n`) and
/// without Unicode non-characters (U+FFFE, U+FFFF, …), which no person types and which XML
/// feeds and PostgreSQL refuse.
pub fn clean(value: &str) -> String {
    let value = value.replace("\r\n", "\n");
    value
        .chars()
        .map(|c| if c == '\r' { '\n' } else { c })
        .filter(|&c| matches!(c, '\n' | '\t') || !(c.is_control() || is_noncharacter(c)))
        .collect()
}

/// Whether `c` is one of the 66 code points Unicode keeps out of interchange.
pub fn is_noncharacter(c: char) -> bool {
    let code = u32::from(c);
    (0xFDD0..=0xFDEF).contains(&code) || code & 0xFFFE == 0xFFFE
}

/// Refuses `value` when longer than `max` characters.
/// A day typed as the date fields send it (`2027-01-15`) or as people write it
/// (`15/01/2027`).
pub fn parse_day(text: &str) -> Option<chrono::NaiveDate> {
    let text = text.trim();
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .or_else(|_| chrono::NaiveDate::parse_from_str(text, "%d/%m/%Y"))
        .ok()
}

/// `text` percent-encoded for a URL's query (every byte but letters, digits and `-._~`).
pub fn percent_encode(text: &str) -> String {
    text.bytes()
        .map(|byte| match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (byte as char).to_string()
            }
            _ => format!("%{byte:02X}"),
        })
        .collect()
}

pub fn check_length(field: &str, value: &str, max: usize) -> AppResult<()> {
    if value.chars().count() > max {
        return Err(AppError::invalid(field, Reason::TooLong));
    }
    Ok(())
}

/// Whether `url` is an absolute `http` or `https` address with a host (no `javascript:`,
/// `data:` or relative address).
pub fn is_http_url(url: &str) -> bool {
    url.chars().count() <= MAX_URL_CHARS
        && !url.contains(char::is_whitespace)
        && url::Url::parse(url).is_ok_and(|parsed| {
            matches!(parsed.scheme(), "http" | "https")
                && parsed.host_str().is_some_and(|host| !host.is_empty())
        })
}

/// Refuses an address that is not [`is_http_url`].
pub fn check_http_url(field: &str, url: &str) -> AppResult<()> {
    if is_http_url(url) {
        Ok(())
    } else {
        Err(AppError::invalid(field, Reason::NotHttpUrl))
    }
}

/// Whether `email` is a plausible address: one `@`, a dotted domain, no space, at most 254
/// characters.
pub fn is_email(email: &str) -> bool {
    email.len() <= 254
        && email.matches('@').count() == 1
        && !email.contains(|c: char| c.is_whitespace() || c.is_control())
        && email.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains("..")
        })
}

/// Refuses an address that is not [`is_email`].
pub fn check_email(field: &str, email: &str) -> AppResult<()> {
    if is_email(email) {
        Ok(())
    } else {
        Err(AppError::invalid(field, Reason::NotAnEmail))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_noncharacters_are_dropped() {
        assert_eq!(clean("a\u{0}b\u{FFFF}c\u{FFFE}\u{FDD0}d"), "abcd");
        assert_eq!(
            clean("un\r\ndeux\rtrois\tquatre"),
            "un\ndeux\ntrois\tquatre"
        );
        assert_eq!(clean("développeur·se"), "développeur·se");
    }

    #[test]
    fn only_web_addresses_pass() {
        assert!(is_http_url("https://www.numerique.gouv.fr/"));
        assert!(is_http_url("http://exemple.fr/offre?id=1"));
        for bad in [
            "javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "JAVASCRIPT:alert(1)",
            "//exemple.fr",
            "https://",
            "https://exemple .fr",
            "ftp://exemple.fr",
        ] {
            assert!(!is_http_url(bad), "{bad}");
        }
    }

    #[test]
    fn emails_are_plausible() {
        assert!(is_email("anne.dupont@agriculture.gouv.fr"));
        for bad in [
            "", "a@b", "a@@b.fr", "a b@c.fr", "@c.fr", "a@.fr", "a@b..fr",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
    }
}
