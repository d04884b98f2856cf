//! Image renditions read once, kept in memory up to a bound (see `web::media` for how requests
//! use it). A kept one is never stale, since its key names its content. A deletion or
//! replacement on this instance empties the cache; one on another instance shows here within
//! [`KEPT_FOR`].

use std::{
    collections::HashMap,
    sync::RwLock,
    time::{Duration, Instant},
};

use bytes::Bytes;

/// How long a kept rendition is served before it is looked up again.
const KEPT_FOR: Duration = Duration::from_secs(600);
/// The most bytes kept in memory.
const MAX_KEPT_BYTES: usize = 64 * 1024 * 1024;

/// Renditions read once, by key: when they were read, their type and bytes.
#[derive(Default)]
pub struct MediaCache {
    kept: RwLock<HashMap<String, (Instant, &'static str, Bytes)>>,
}

impl MediaCache {
    pub fn get(&self, key: &str) -> Option<(&'static str, Bytes)> {
        let kept = self
            .kept
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let (read_at, content_type, bytes) = kept.get(key)?;
        (read_at.elapsed() < KEPT_FOR).then(|| (*content_type, bytes.clone()))
    }

    pub fn put(&self, key: &str, content_type: &'static str, bytes: Bytes) {
        let mut kept = self
            .kept
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        kept.retain(|_, (read_at, _, _)| read_at.elapsed() < KEPT_FOR);
        let used: usize = kept.values().map(|(_, _, bytes)| bytes.len()).sum();
        if used + bytes.len() <= MAX_KEPT_BYTES {
            kept.insert(key.to_owned(), (Instant::now(), content_type, bytes));
        }
    }

    /// Forgets every rendition (after an image was deleted or replaced).
    pub fn clear(&self) {
        self.kept
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clear();
    }
}
