//! The public page cache: rendered pages kept in memory for a few seconds, with their ETag and
//! gzip encoding computed once.
//!
//! Every instance keeps its own cache, so a change shows everywhere within `page_cache_seconds`.
//! A page is keyed by its path and the parameters it reads, normalised, and the cache is
//! bounded by the bytes it holds.

use std::{
    collections::HashMap,
    sync::{Arc, Mutex, RwLock},
    time::{Duration, Instant},
};

use poem::{
    Endpoint, IntoResponse, Middleware, Request, Response, Result,
    http::{Method, StatusCode, header},
};

use super::http::Encoded;

/// The most memory the kept pages may take (bodies and keys); past it, expired pages go first,
/// then the oldest.
const MAX_BYTES: usize = 64 * 1024 * 1024;
/// Pages larger than this are not kept.
const MAX_BODY: usize = 2 * 1024 * 1024;

pub struct PageCache {
    ttl: Duration,
    entries: RwLock<Entries>,
    /// One lock per page being rendered, so that concurrent misses render it once.
    rendering: Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>,
}

/// The kept pages by key, with when each was rendered, and the bytes they take.
#[derive(Default)]
struct Entries {
    pages: HashMap<String, (Instant, Arc<Encoded>)>,
    bytes: usize,
}

/// What a kept page costs in memory.
fn footprint(key: &str, page: &Encoded) -> usize {
    key.len() + page.identity.len() + page.gzip.as_ref().map_or(0, |gzip| gzip.len())
}

impl Entries {
    fn remove(&mut self, key: &str) {
        if let Some((_, page)) = self.pages.remove(key) {
            self.bytes -= footprint(key, &page);
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
            .filter(|(_, (at, _))| at.elapsed() >= ttl)
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
            .map(|(key, (at, _))| (*at, key.clone()))
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
    fn rendering_lock(&self, key: &str) -> Arc<tokio::sync::Mutex<()>> {
        let mut rendering = self.rendering.lock().unwrap_or_else(|e| e.into_inner());
        rendering.entry(key.to_owned()).or_default().clone()
    }

    fn done_rendering(&self, key: &str) {
        self.rendering
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(key);
    }

    fn get(&self, key: &str) -> Option<Arc<Encoded>> {
        let entries = self.entries.read().unwrap_or_else(|e| e.into_inner());
        entries
            .pages
            .get(key)
            .filter(|(at, _)| at.elapsed() < self.ttl)
            .map(|(_, page)| page.clone())
    }

    fn put(&self, key: String, page: Arc<Encoded>) {
        if self.ttl.is_zero() {
            return;
        }
        let size = footprint(&key, &page);
        let mut entries = self.entries.write().unwrap_or_else(|e| e.into_inner());
        entries.remove(&key);
        entries.make_room(size, self.ttl);
        entries.bytes += size;
        entries.pages.insert(key, (Instant::now(), page));
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

    fn cache_control(&self, status: StatusCode) -> &'static str {
        if status == StatusCode::OK {
            "public, max-age=60"
        } else {
            "public, max-age=30"
        }
    }
}

/// Serves public pages from the [`PageCache`], filling it on a miss; compresses and tags
/// every text page, cached or not.
pub struct CachedPages(pub Arc<crate::app::AppState>);

impl<E: Endpoint> Middleware<E> for CachedPages {
    type Output = CachedPagesEndpoint<E>;

    fn transform(&self, inner: E) -> Self::Output {
        CachedPagesEndpoint {
            inner,
            state: self.0.clone(),
        }
    }
}

pub struct CachedPagesEndpoint<E> {
    inner: E,
    state: Arc<crate::app::AppState>,
}

/// Pages that may be cached: anonymous GETs of the public portal.
fn cacheable(request: &Request) -> bool {
    let path = request.original_uri().path();
    (request.method() == Method::GET || request.method() == Method::HEAD)
        && !path.starts_with("/static/")
        && !path.starts_with("/media/")
        && !path.starts_with("/admin")
        && !path.starts_with("/en/admin")
        && !matches!(path, "/healthz" | "/readyz")
        && !matches!(path, "/connexion")
        && super::auth::cookie(request, super::auth::SESSION_COOKIE).is_none()
        && request.header(header::AUTHORIZATION).is_none()
}

impl<E: Endpoint> Endpoint for CachedPagesEndpoint<E> {
    type Output = Response;

    async fn call(&self, request: Request) -> Result<Response> {
        if !cacheable(&request) {
            return self
                .inner
                .call(request)
                .await
                .map(IntoResponse::into_response);
        }
        let cache = &self.state.page_cache;
        // Keyed by what the page reads: unknown parameters make no new entry.
        let uri = request.original_uri();
        let key = match super::portal::page_query(uri.path(), uri.query()) {
            Some(query) => format!("{}?{query}", uri.path()),
            None => uri.path().to_owned(),
        };
        if let Some(page) = cache.get(&key) {
            return Ok(page.respond(request.headers(), cache.cache_control(page.status)));
        }
        if cache.ttl.is_zero() {
            return self.render(request, key).await;
        }
        let lock = cache.rendering_lock(&key);
        let _turn = lock.lock().await;
        if let Some(page) = cache.get(&key) {
            return Ok(page.respond(request.headers(), cache.cache_control(page.status)));
        }
        let response = self.render(request, key.clone()).await;
        cache.done_rendering(&key);
        response
    }
}

impl<E: Endpoint> CachedPagesEndpoint<E> {
    /// Renders a page, then keeps it when it may be shared.
    async fn render(&self, request: Request, key: String) -> Result<Response> {
        let cache = &self.state.page_cache;
        let headers = request.headers().clone();
        let response = self.inner.call(request).await?.into_response();
        let status = response.status();
        let content_type = response.content_type().unwrap_or_default().to_owned();
        let keep = matches!(status, StatusCode::OK | StatusCode::GONE)
            && (content_type.starts_with("text/") || content_type.contains("xml"))
            && response.headers().get(header::SET_COOKIE).is_none();
        if !keep {
            return Ok(response);
        }
        let (parts, body) = response.into_parts();
        let bytes = body.into_bytes().await?;
        if bytes.len() > MAX_BODY {
            return Ok(Response::from_parts(parts, bytes.into()));
        }
        let page = Arc::new(Encoded::new(status, &content_type, bytes));
        cache.put(key, page.clone());
        let mut response = page.respond(&headers, cache.cache_control(status));
        for (name, value) in &parts.headers {
            if !response.headers().contains_key(name) {
                response.headers_mut().insert(name, value.clone());
            }
        }
        Ok(response)
    }
}
