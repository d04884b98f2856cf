//! The JSON API under `/api` (docs/api.md): the public read API ([`public`]) and the
//! integration API of the ministries' systems ([`integration`]), typed with poem-openapi and
//! described by one OpenAPI document (`/api/openapi.json`) with its documentation page
//! (`/api/docs`). Errors are problems ([`problem`]); requests are counted per client address
//! and per token ([`ApiLimits`]); public answers go through the page cache like portal pages
//! (ETag, `304`, `Cache-Control`), and may be read from any site ([`open_public_reads`]);
//! the integration API's are never kept (`no-store`).

mod docs;
pub mod integration;
pub mod objects;
pub mod problem;
pub mod public;

use poem::{
    Endpoint, EndpointExt, IntoResponse, Middleware, Request, Response, Result, Route, get,
    http::{HeaderValue, header},
};
use poem_openapi::{OpenApiService, Tags};

pub use docs::page as docs_page;
pub use problem::{ApiError, PublicError};

use crate::{
    app::SharedState,
    error::{AppResult, Problems, Reason},
};

/// What an operation of the integration API answers: its response, or a problem.
pub type ApiResult<T> = std::result::Result<T, ApiError>;
/// What a public operation answers: its response, or a problem.
pub type PublicResult<T> = std::result::Result<T, PublicError>;

/// The version of the API's contract (a breaking change would make `/api/v2`).
pub const VERSION: &str = "1.0.0";

/// The page of a list an operation was asked for: its number and size, checked.
#[derive(Clone, Copy, Debug)]
pub struct Paging {
    pub page: u64,
    pub per_page: u64,
}

impl Paging {
    /// The most items a page holds.
    const MAX_PER_PAGE: u64 = 100;
    /// The deepest page: past it, narrow the search.
    const MAX_PAGE: u64 = 10_000;

    /// Reads `page` (1 when absent) and `per_page` (`default` when absent), refusing each out
    /// of range, both at once.
    pub fn read(page: Option<u64>, per_page: Option<u64>, default: u64) -> AppResult<Self> {
        let (page, per_page) = (page.unwrap_or(1), per_page.unwrap_or(default));
        let mut problems = Problems::default();
        if !(1..=Self::MAX_PAGE).contains(&page) {
            problems.add("page", Reason::OutOfRange);
        }
        if !(1..=Self::MAX_PER_PAGE).contains(&per_page) {
            problems.add("per_page", Reason::OutOfRange);
        }
        problems.into_result()?;
        Ok(Self { page, per_page })
    }

    /// The rows it skips and the rows it takes.
    pub fn window(self) -> (u64, u64) {
        ((self.page - 1) * self.per_page, self.per_page)
    }

    /// How many pages `total` items fill (at least one).
    pub fn pages(self, total: u64) -> u64 {
        total.div_ceil(self.per_page).max(1)
    }
}

/// The two halves of the API.
#[derive(Tags)]
pub enum Tag {
    /// What the portal shows, for anyone, without a token: offers, ministries, stories and
    /// the year's figures.
    Public,
    /// A ministry's own systems, with one of its API tokens: its offers by its own
    /// references, and its applications.
    Integration,
}

/// The API as one OpenAPI service, served at `base_url/api/v1`.
pub fn service(
    base_url: &str,
) -> OpenApiService<(public::PublicApi, integration::IntegrationApi), ()> {
    OpenApiService::new(
        (public::PublicApi, integration::IntegrationApi),
        "Métiers du Numérique",
        VERSION,
    )
    .summary("The State's portal for digital jobs: its offers, ministries and stories, and the integration of the ministries' systems.")
    .description(include_str!("description.md"))
    .server(format!("{base_url}/api/v1"))
}

/// The OpenAPI document of the API served from `base_url`, as JSON.
pub fn document(base_url: &str) -> String {
    service(base_url).spec()
}

/// The routes under `/api`.
pub fn routes(state: &SharedState) -> Route {
    let service = service(&state.config.server.base_url);
    let spec = service.spec_endpoint();
    Route::new()
        .nest("/v1", service.with(ApiLimits(state.clone())))
        .at("/openapi.json", spec)
        .at("/docs", get(docs::page))
}

/// Whether `path` is the public API's or its contract's: no token, readable from any site.
pub fn is_public(path: &str) -> bool {
    path.starts_with("/api/") && !path.starts_with("/api/v1/integration")
}

/// Lets any site read the public API's answers from a browser (`Access-Control-Allow-Origin:
/// *`), those the page cache serves included; problems get it in `problem::response`.
pub async fn open_public_reads<E: Endpoint>(
    next: std::sync::Arc<E>,
    request: Request,
) -> Result<Response> {
    let public = is_public(request.original_uri().path());
    let mut response = next.call(request).await?.into_response();
    if public {
        response.headers_mut().insert(
            header::ACCESS_CONTROL_ALLOW_ORIGIN,
            HeaderValue::from_static("*"),
        );
    }
    Ok(response)
}

/// Counts each API request against its client address's limit (the
/// `api_rate_limit_per_minute` setting; answers the page cache serves do not count; a token's
/// own limit is counted once it is recognised, in `integration`), and keeps the integration
/// API's answers (candidates' data among them) out of every cache.
pub struct ApiLimits(pub SharedState);

impl<E: Endpoint> Middleware<E> for ApiLimits {
    type Output = ApiLimitsEndpoint<E>;

    fn transform(&self, inner: E) -> Self::Output {
        ApiLimitsEndpoint {
            inner,
            state: self.0.clone(),
        }
    }
}

pub struct ApiLimitsEndpoint<E> {
    inner: E,
    state: SharedState,
}

impl<E: Endpoint> Endpoint for ApiLimitsEndpoint<E> {
    type Output = Response;

    async fn call(&self, request: Request) -> Result<Response> {
        let state = &self.state;
        if state.config.server.api_rate_limit_per_minute > 0 {
            super::clients::admit(&state.api_limiter, state, &request)?;
        }
        let private = !is_public(request.original_uri().path());
        let mut response = self.inner.call(request).await?.into_response();
        if private {
            response
                .headers_mut()
                .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        }
        Ok(response)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_cache_knows_every_parameter_of_the_public_api() {
        let document: serde_json::Value =
            serde_json::from_str(&document("https://example.org")).unwrap();
        let paths = document["paths"].as_object().unwrap();
        for (path, operations) in paths
            .iter()
            .filter(|(path, _)| is_public(&format!("/api/v1{path}")))
        {
            for parameter in operations["get"]["parameters"]
                .as_array()
                .into_iter()
                .flatten()
            {
                let name = parameter["name"].as_str().unwrap();
                if parameter["in"] == "query" {
                    assert!(public::PARAMETERS.contains(&name), "{path}: {name}");
                }
            }
        }
    }

    #[test]
    fn pages_are_read_within_bounds() {
        let paging = Paging::read(Some(3), None, 20).unwrap();
        assert_eq!(paging.window(), (40, 20));
        assert_eq!(paging.pages(41), 3);
        assert_eq!(paging.pages(0), 1);
        let Err(crate::error::AppError::Invalid(problems)) = Paging::read(Some(0), Some(101), 20)
        else {
            panic!("out of range");
        };
        let fields: Vec<_> = problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(fields, ["page", "per_page"]);
    }
}
