//! The public page cache: rendered pages kept in memory for a few seconds, with their ETag and
//! gzip encoding computed once (see `web::cache` for how requests use it).
//!
//! Every instance keeps its own cache. A page is kept with the number of the last content
//! change it was rendered after (see `search`), and is no longer served once a later change
//! is known: a change made on another instance shows here within a second (what time alone
//! changes, a publication day or an expiry, within `page_cache_seconds`). A page is keyed by its path and the parameters it reads, normalised, and the cache is
//! bounded by the bytes it holds.

use std::{
    collections::HashMap,
    io::Write,
    sync::{Arc, Mutex, RwLock},
    time::{Duration, Instant},
};

use sha2::{Digest, Sha256};

use crate::render::{hex, is_compressible};

/// A body with its strong ETag and, when worth it, its gzip encoding.
pub struct Encoded {
    pub status: u16,
    pub content_type: String,
    pub identity: bytes::Bytes,
    pub gzip: Option<bytes::Bytes>,
    pub etag: String,
}

impl Encoded {
    pub fn new(status: u16, content_type: &str, bytes: impl Into<bytes::Bytes>) -> Self {
        let identity: bytes::Bytes = bytes.into();
        let etag = format!("\"{}\"", &hex(&Sha256::digest(&identity))[..20]);
        let gzip = (is_compressible(content_type) && identity.len() > 512).then(|| gzip(&identity));
        Self {
            status,
            content_type: content_type.to_owned(),
            identity,
            gzip,
            etag,
        }
    }
}

fn gzip(bytes: &[u8]) -> bytes::Bytes {
    let mut encoder = flate2::write::GzEncoder::new(
        Vec::with_capacity(bytes.len() / 4),
        flate2::Compression::new(6),
    );
    encoder.write_all(bytes).expect("writing to memory");
    encoder.finish().expect("writing to memory").into()
}

/// The most memory the kept pages may take (bodies and keys); past it, expired pages go first,
/// then the oldest.
const MAX_BYTES: usize = 64 * 1024 * 1024;
/// Pages larger than this are not kept.
pub const MAX_BODY: usize = 2 * 1024 * 1024;

/// Rendered public pages by key, each kept `ttl` after it was rendered.
pub struct PageCache {
    ttl: Duration,
    entries: RwLock<Entries>,
    /// One lock per page being rendered, so that concurrent misses render it once.
    rendering: Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>,
}

/// The kept pages by key, with when each was rendered, and the bytes they take.
#[derive(Default)]
struct Entries {
    pages: HashMap<String, Kept>,
    bytes: usize,
}

/// A kept page with when it was rendered and the content change it shows.
struct Kept {
    at: Instant,
    change: i64,
    page: Arc<Encoded>,
}

/// What a kept page costs in memory.
fn footprint(key: &str, page: &Encoded) -> usize {
    key.len() + page.identity.len() + page.gzip.as_ref().map_or(0, |gzip| gzip.len())
}

impl Entries {
    fn remove(&mut self, key: &str) {
        if let Some(kept) = self.pages.remove(key) {
            self.bytes -= footprint(key, &kept.page);
        }
    }

    /// Drops expired pages, then the oldest, until `needed` more bytes fit.
    fn make_room(&mut self, needed: usize, ttl: Duration) {
        if self.bytes + needed <= MAX_BYTES {
            return;
        }
        let expired: Vec<String> = self
            .pages
            .iter()
            .filter(|(_, kept)| kept.at.elapsed() >= ttl)
            .map(|(key, _)| key.clone())
            .collect();
        for key in expired {
            self.remove(&key);
        }
        if self.bytes + needed <= MAX_BYTES {
            return;
        }
        let mut by_age: Vec<(Instant, String)> = self
            .pages
            .iter()
            .map(|(key, kept)| (kept.at, key.clone()))
            .collect();
        by_age.sort();
        for (_, key) in by_age {
            if self.bytes + needed <= MAX_BYTES {
                break;
            }
            self.remove(&key);
        }
    }
}

impl PageCache {
    pub fn new(ttl: Duration) -> Self {
        Self {
            ttl,
            entries: RwLock::new(Entries::default()),
            rendering: Mutex::new(HashMap::new()),
        }
    }

    /// The lock that requests missing page `key` take in turn.
    pub fn rendering_lock(&self, key: &str) -> Arc<tokio::sync::Mutex<()>> {
        let mut rendering = self.rendering.lock().unwrap_or_else(|e| e.into_inner());
        rendering.entry(key.to_owned()).or_default().clone()
    }

    pub fn done_rendering(&self, key: &str) {
        self.rendering
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(key);
    }

    /// Page `key`, if kept less than the time to live ago and rendered after content change
    /// `change` (the last one known).
    pub fn get(&self, key: &str, change: i64) -> Option<Arc<Encoded>> {
        let entries = self.entries.read().unwrap_or_else(|e| e.into_inner());
        entries
            .pages
            .get(key)
            .filter(|kept| kept.at.elapsed() < self.ttl && kept.change >= change)
            .map(|kept| kept.page.clone())
    }

    /// Keeps page `key`, rendered after content change `change`.
    pub fn put(&self, key: String, page: Arc<Encoded>, change: i64) {
        if self.ttl.is_zero() {
            return;
        }
        let size = footprint(&key, &page);
        let mut entries = self.entries.write().unwrap_or_else(|e| e.into_inner());
        entries.remove(&key);
        entries.make_room(size, self.ttl);
        entries.bytes += size;
        entries.pages.insert(
            key,
            Kept {
                at: Instant::now(),
                change,
                page,
            },
        );
    }

    /// Whether pages are kept at all (`page_cache_seconds` is not 0).
    pub fn is_on(&self) -> bool {
        !self.ttl.is_zero()
    }

    /// The memory the kept pages take, in bytes.
    pub fn bytes(&self) -> usize {
        self.entries.read().unwrap_or_else(|e| e.into_inner()).bytes
    }

    /// Forgets every page: after a change in the back-office, this instance's portal shows it
    /// at once (the others within `page_cache_seconds`).
    pub fn clear(&self) {
        *self.entries.write().unwrap_or_else(|e| e.into_inner()) = Entries::default();
    }
}
