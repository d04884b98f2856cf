//! The JSON API under `/api` (docs/api.md): the public read API ([`public`]) and the
//! integration API of the ministries' systems ([`integration`]), typed with poem-openapi and
//! described by one OpenAPI document (`/api/openapi.json`) with its documentation page
//! (`/api/docs`). Errors are problems ([`problem`]); requests are counted per client address
//! and per token ([`ApiLimits`]); public answers go through the page cache like portal pages
//! (ETag, `304`, `Cache-Control`), and may be read from any site (CORS).

mod docs;
pub mod integration;
pub mod objects;
pub mod problem;
pub mod public;

use poem::{
    Endpoint, EndpointExt, IntoResponse, Middleware, Request, Response, Result, Route, get,
    http::{HeaderValue, Method, header},
};
use poem_openapi::{OpenApiService, Tags};
use sha2::{Digest, Sha256};

pub use docs::page as docs_page;
pub use problem::{ApiError, PublicError};

use crate::{app::SharedState, error::AppError, render::hex};

/// What an operation of the integration API answers: its response, or a problem.
pub type ApiResult<T> = std::result::Result<T, ApiError>;
/// What a public operation answers: its response, or a problem.
pub type PublicResult<T> = std::result::Result<T, PublicError>;

/// The version of the API's contract (a breaking change would make `/api/v2`).
pub const VERSION: &str = "1.0.0";

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

/// Counts each API request against its client address's and its token's limits (the
/// `api_rate_limit_per_minute` setting; answers the page cache serves do not count), and opens
/// public reads to every site (CORS).
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

/// The secret of the request's `Authorization: Bearer` header, if any.
fn bearer_secret(request: &Request) -> Option<&str> {
    let value = request.header(header::AUTHORIZATION)?;
    let (scheme, secret) = value.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| secret.trim())
}

impl<E: Endpoint> Endpoint for ApiLimitsEndpoint<E> {
    type Output = Response;

    async fn call(&self, request: Request) -> Result<Response> {
        let state = &self.state;
        if state.config.server.api_rate_limit_per_minute > 0 {
            super::clients::admit(&state.api_limiter, state, &request)?;
            if let Some(secret) = bearer_secret(&request) {
                let key = hex(&Sha256::digest(secret.as_bytes()));
                state
                    .api_token_limiter
                    .admit(key)
                    .map_err(|retry_after| AppError::TooManyRequests { retry_after })?;
            }
        }
        let public_read = matches!(*request.method(), Method::GET | Method::HEAD)
            && !request.uri().path().contains("/integration");
        let mut response = self.inner.call(request).await?.into_response();
        if public_read {
            response.headers_mut().insert(
                header::ACCESS_CONTROL_ALLOW_ORIGIN,
                HeaderValue::from_static("*"),
            );
        }
        Ok(response)
    }
}
