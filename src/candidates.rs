//! What the candidate side shares (applications, the talent pool): the checks of what a
//! candidate types about themself, and the state of a link sent to confirm an address.

use chrono::{DateTime, Duration, Utc};

use crate::{
    error::{AppResult, Problems, Reason},
    text,
};

/// The longest first or last name, in characters.
const MAX_NAME_CHARS: usize = 100;
/// How many profile links a candidate gives at most.
pub const MAX_LINKS: usize = 5;
/// How long a link confirming an address works.
pub const CONFIRM_WITHIN: Duration = Duration::days(7);

/// A first and a last name, required and short; trimmed.
pub fn check_names(
    problems: &mut Problems,
    first: &str,
    last: &str,
) -> AppResult<(String, String)> {
    for (field, value) in [("first_name", first), ("last_name", last)] {
        let value = value.trim();
        if value.is_empty() {
            problems.add(field, Reason::Required);
        }
        problems.check(text::check_length(field, value, MAX_NAME_CHARS))?;
    }
    Ok((first.trim().to_owned(), last.trim().to_owned()))
}

/// Profile links, one per line, each a web address, at most [`MAX_LINKS`]; given back one
/// per line without the blank ones.
pub fn check_links(problems: &mut Problems, links: &str) -> AppResult<String> {
    let links: Vec<&str> = links
        .lines()
        .map(str::trim)
        .filter(|link| !link.is_empty())
        .collect();
    if links.len() > MAX_LINKS {
        problems.add("links", Reason::TooMany);
    }
    for link in &links {
        problems.check(text::check_http_url("links", link))?;
    }
    Ok(links.join("\n"))
}

/// Whether `token` looks like the secret of a candidate's link (64 hexadecimal digits):
/// anything else is not looked up.
pub fn is_token(token: &str) -> bool {
    token.len() == 64 && token.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Where a link that confirms an address stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OptIn {
    /// Sent, not yet followed, still valid.
    Waiting,
    /// Followed before: the address is confirmed.
    Confirmed,
    /// Not followed in time.
    Expired,
}

impl OptIn {
    /// The state of a link sent at `sent_at` and followed at `confirmed_at`, if it was.
    pub fn of(
        sent_at: DateTime<Utc>,
        confirmed_at: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> Self {
        match confirmed_at {
            Some(_) => OptIn::Confirmed,
            None if now - sent_at > CONFIRM_WITHIN => OptIn::Expired,
            None => OptIn::Waiting,
        }
    }
}
