//! Candidates' files (CVs): private objects of the media store under `private/`, never served
//! under `/media/` nor from a public bucket address, and read only through the domain.
//!
//! A key carries the second it was made (`private/FOLDER/SECONDS-TOKEN.pdf`): an object is
//! written before the row that owns it, so an object no row owns is an orphan only once it is
//! old enough that no write can still be on its way, and [`remove_orphans`] can tell.

use std::collections::HashSet;

use chrono::{DateTime, Duration, Utc};

use super::storage::Storage;
use crate::error::AppResult;

/// What every private key starts with.
pub const PREFIX: &str = "private/";

/// How old an object no row owns must be before it counts as an orphan.
const ORPHAN_AFTER: Duration = Duration::hours(1);

/// A new, unguessable key under `private/{folder}/`.
pub fn new_key(folder: &str, now: DateTime<Utc>) -> AppResult<String> {
    let token = crate::accounts::sessions::random_token()?;
    Ok(format!("{PREFIX}{folder}/{}-{token}.pdf", now.timestamp()))
}

/// When the object at `key` was made, from its name.
fn made_at(key: &str) -> Option<DateTime<Utc>> {
    let name = key.rsplit('/').next()?;
    let seconds = name.split_once('-')?.0.parse().ok()?;
    DateTime::from_timestamp(seconds, 0)
}

/// Deletes object `key`; a failure is logged (the retention job tries orphans again).
pub async fn remove(storage: &Storage, key: &str) {
    if let Err(error) = storage.delete(key).await {
        tracing::warn!(%error, "a private object could not be deleted");
    }
}

/// Ends a write that stored object `new` (if any) for the row it wrote: once it succeeded,
/// removes the objects it left unused (a replaced CV) and gives its value; once it failed,
/// removes `new`, which no row owns, and gives the error.
pub async fn settle<T>(
    storage: &Storage,
    new: Option<&str>,
    written: AppResult<(T, Vec<String>)>,
) -> AppResult<T> {
    match written {
        Ok((value, unused)) => {
            for key in unused {
                remove(storage, &key).await;
            }
            Ok(value)
        }
        Err(error) => {
            if let Some(key) = new {
                remove(storage, key).await;
            }
            Err(error)
        }
    }
}

/// Deletes the objects under `private/{folder}/` that no key of `owned` names and that are
/// older than an hour (or whose name gives no date); returns how many went.
pub async fn remove_orphans(
    storage: &Storage,
    folder: &str,
    owned: &HashSet<String>,
    now: DateTime<Utc>,
) -> AppResult<u64> {
    let mut removed = 0;
    for key in storage.keys(&format!("{PREFIX}{folder}/")).await? {
        let settled = made_at(&key).is_none_or(|made| made <= now - ORPHAN_AFTER);
        if settled && !owned.contains(&key) {
            storage.delete(&key).await?;
            removed += 1;
        }
    }
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_tells_when_it_was_made() {
        let now = DateTime::from_timestamp(1_790_000_000, 0).unwrap();
        let key = new_key("applications/tenant-3", now).unwrap();
        assert!(key.starts_with("private/applications/tenant-3/1790000000-"));
        assert_eq!(made_at(&key), Some(now));
        assert_eq!(made_at("private/applications/cv.pdf"), None);
    }
}
