//! `/media/KEY`: the stored renditions of the ministries' images, served by the application
//! from either store (files or S3), so that pages keep `img-src 'self'`. Keys are
//! content-addressed: a key always holds the same bytes, and browsers keep them for a year.
//!
//! Renditions read once are kept in memory ([`MediaCache`]), up to a bound: a kept one is never
//! stale, since its key names its content. A deletion or replacement on this instance empties
//! the cache; one on another instance shows here within [`KEPT_FOR`].

use std::{
    collections::HashMap,
    sync::RwLock,
    time::{Duration, Instant},
};

use bytes::Bytes;
use poem::{
    Response, handler,
    http::{StatusCode, header},
    web::{Data, Path},
};

use crate::{app::SharedState, error::AppError, media};

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
    fn get(&self, key: &str) -> Option<(&'static str, Bytes)> {
        let kept = self
            .kept
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let (read_at, content_type, bytes) = kept.get(key)?;
        (read_at.elapsed() < KEPT_FOR).then(|| (*content_type, bytes.clone()))
    }

    fn put(&self, key: &str, content_type: &'static str, bytes: Bytes) {
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

#[handler]
pub async fn object(
    Path(key): Path<String>,
    Data(state): Data<&SharedState>,
) -> Result<Response, AppError> {
    let (content_type, bytes) = match state.media_cache.get(&key) {
        Some(kept) => kept,
        None => {
            let read = read(state, &key).await?;
            state.media_cache.put(&key, read.0, read.1.clone());
            read
        }
    };
    Ok(Response::builder()
        .status(StatusCode::OK)
        .header(header::CONTENT_TYPE, content_type)
        .header(header::CACHE_CONTROL, "public, max-age=31536000, immutable")
        .body(bytes))
}

/// Rendition `key` of a known image, from the store.
async fn read(state: &SharedState, key: &str) -> Result<(&'static str, Bytes), AppError> {
    // Only the renditions of a known image: never an orphan, never another kind of file.
    media::find_by_object_key(&state.db, key)
        .await?
        .ok_or(AppError::NotFound)?;
    let content_type = match key.rsplit_once('.').map(|(_, extension)| extension) {
        Some("webp") => "image/webp",
        Some("png") => "image/png",
        Some("jpg") => "image/jpeg",
        _ => return Err(AppError::NotFound),
    };
    let bytes = state.storage.get(key).await?.ok_or(AppError::NotFound)?;
    Ok((content_type, Bytes::from(bytes)))
}
