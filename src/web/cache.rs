//! Public pages served from the instance's page cache (`caches::pages`), filled on a miss.

use std::sync::Arc;

use poem::{
    Endpoint, IntoResponse, Middleware, Request, Response, Result,
    http::{Method, StatusCode, header},
};

use super::http::respond;
use crate::caches::pages::Encoded;

/// How long browsers and proxies may keep a page of `status`.
fn cache_control(status: u16) -> &'static str {
    if status == 200 {
        "public, max-age=60"
    } else {
        "public, max-age=30"
    }
}

/// Serves public pages from the [`PageCache`](crate::caches::pages::PageCache), filling it on a miss; compresses and tags
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
        // Logins and logouts are one visitor's, whatever their query says.
        && !path.starts_with("/connexion")
        && !path.starts_with("/en/connexion")
        && !path.ends_with("/candidater")
        && !path.ends_with("/apply")
        && !path.starts_with("/deconnexion")
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
            None if uri.path().starts_with("/api/") => api_key(uri.path(), uri.query()),
            None => uri.path().to_owned(),
        };
        let change = self.state.search.last_change();
        if let Some(page) = cache.get(&key, change) {
            return Ok(respond(
                &page,
                request.headers(),
                cache_control(page.status),
            ));
        }
        if !cache.is_on() {
            return self.render(request, key).await;
        }
        let lock = cache.rendering_lock(&key);
        // Forgets the lock however this ends, a client gone away included.
        let _done = DoneRendering(cache, &key);
        let _turn = lock.lock().await;
        if let Some(page) = cache.get(&key, change) {
            return Ok(respond(
                &page,
                request.headers(),
                cache_control(page.status),
            ));
        }
        self.render(request, key.clone()).await
    }
}

/// The cache key of an API answer: its path and the parameters the public API reads, in a
/// fixed order (others, which it ignores, make no new entry).
fn api_key(path: &str, query: Option<&str>) -> String {
    let mut pairs: Vec<(String, String)> =
        serde_urlencoded::from_str::<Vec<(String, String)>>(query.unwrap_or_default())
            .unwrap_or_default()
            .into_iter()
            .filter(|(name, _)| super::api::public::PARAMETERS.contains(&name.as_str()))
            .collect();
    pairs.sort();
    format!(
        "{path}?{}",
        serde_urlencoded::to_string(&pairs).unwrap_or_default()
    )
}

/// Removes a page's rendering lock when dropped.
struct DoneRendering<'a>(&'a crate::caches::pages::PageCache, &'a str);

impl Drop for DoneRendering<'_> {
    fn drop(&mut self) {
        self.0.done_rendering(self.1);
    }
}

impl<E: Endpoint> CachedPagesEndpoint<E> {
    /// Renders a page, then keeps it when it may be shared.
    async fn render(&self, request: Request, key: String) -> Result<Response> {
        let cache = &self.state.page_cache;
        // Read before rendering: the page shows at least this change.
        let change = self.state.search.last_change();
        let headers = request.headers().clone();
        let response = self.inner.call(request).await?.into_response();
        let status = response.status();
        let content_type = response.content_type().unwrap_or_default().to_owned();
        let keep = matches!(status, StatusCode::OK | StatusCode::GONE)
            && (content_type.starts_with("text/")
                || content_type.contains("xml")
                || content_type.starts_with("application/json"))
            && response.headers().get(header::SET_COOKIE).is_none()
            // A page rendered for one visitor only says so.
            && response
                .headers()
                .get(header::CACHE_CONTROL)
                .is_none_or(|value| value != "no-store");
        if !keep {
            return Ok(response);
        }
        let (parts, body) = response.into_parts();
        let bytes = body.into_bytes().await?;
        if bytes.len() > crate::caches::pages::MAX_BODY {
            return Ok(Response::from_parts(parts, bytes.into()));
        }
        let page = Arc::new(Encoded::new(status.as_u16(), &content_type, bytes));
        cache.put(key, page.clone(), change);
        let mut response = respond(&page, &headers, cache_control(status.as_u16()));
        for (name, value) in &parts.headers {
            if !response.headers().contains_key(name) {
                response.headers_mut().insert(name, value.clone());
            }
        }
        Ok(response)
    }
}
