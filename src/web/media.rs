//! `/media/KEY`: the stored renditions of the ministries' images, served by the application
//! from either store (files or S3), so that pages keep `img-src 'self'`. Keys are
//! content-addressed: a key always holds the same bytes, and browsers keep them for a year.
//!
//! Renditions read once are kept in memory (`caches::media`).

use bytes::Bytes;
use poem::{
    Response, handler,
    http::{StatusCode, header},
    web::{Data, Path},
};

use crate::{app::SharedState, error::AppError, media};

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
