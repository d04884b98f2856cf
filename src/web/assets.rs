//! Static files of the themes under `/static/<version>/<theme>/<path>`. The version changes
//! with any static file, so a current URL is cached for a year (`immutable`).

use std::{
    collections::HashMap,
    sync::{Arc, RwLock},
};

use poem::{
    Request, Response, handler,
    http::StatusCode,
    web::{Data, Path},
};

use super::http::respond;
use crate::caches::pages::Encoded;
use crate::{app::SharedState, error::AppError};

/// Encoded static files, kept once read (embedded themes only).
#[derive(Default)]
pub struct AssetCache(RwLock<HashMap<String, Arc<Encoded>>>);

#[handler]
pub fn static_file(
    request: &Request,
    Path((version, path)): Path<(String, String)>,
    Data(state): Data<&SharedState>,
    Data(cache): Data<&Arc<AssetCache>>,
) -> Result<Response, AppError> {
    let renderer = &state.renderer;
    let (theme, file) = path.split_once('/').ok_or(AppError::NotFound)?;
    let cache_control = if renderer.reloads() {
        "no-cache"
    } else if version == renderer.asset_version() {
        "public, max-age=31536000, immutable"
    } else {
        "public, max-age=300"
    };
    if let Some(encoded) = cache.0.read().unwrap_or_else(|e| e.into_inner()).get(&path) {
        return Ok(respond(encoded, request.headers(), cache_control));
    }
    let found = renderer
        .static_file(theme, file)
        .ok_or(AppError::NotFound)?;
    let encoded = Arc::new(Encoded::new(
        StatusCode::OK.as_u16(),
        found.content_type,
        found.bytes.into_owned(),
    ));
    if !renderer.reloads() {
        cache
            .0
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .insert(path.clone(), encoded.clone());
    }
    Ok(respond(&encoded, request.headers(), cache_control))
}
