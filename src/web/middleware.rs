//! Request ids, access logs, security headers, and `HEAD` answered as `GET`.

use std::{
    sync::atomic::{AtomicU64, Ordering},
    time::Instant,
};

use poem::{
    Endpoint, IntoResponse, Middleware, Request, Response, Result,
    http::{HeaderValue, Method, header},
};
use tracing::Instrument;

/// The Content-Security-Policy of every response: no inline script or style, no framing.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
img-src 'self' data:; font-src 'self'; connect-src 'self'; media-src 'self'; object-src 'none'; \
base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/// The id of the request being served, in its extensions (for error pages and logs).
#[derive(Clone, Debug)]
pub struct RequestId(pub String);

/// Gives each request an id (kept from `X-Request-Id` when sane), logs it and sets the
/// security headers on the response.
///
/// A `HEAD` request goes through every layer as the `GET` it stands for, so it gets the same
/// headers and can only ever see or store the whole page in the page cache; the server sends
/// the headers without the body.
pub struct Observe {
    pub https: bool,
}

impl<E: Endpoint> Middleware<E> for Observe {
    type Output = ObserveEndpoint<E>;

    fn transform(&self, inner: E) -> Self::Output {
        ObserveEndpoint {
            inner,
            https: self.https,
        }
    }
}

pub struct ObserveEndpoint<E> {
    inner: E,
    https: bool,
}

static NEXT_ID: AtomicU64 = AtomicU64::new(0);

fn new_request_id() -> String {
    let started = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default();
    format!(
        "{started:x}-{:x}-{:06x}",
        std::process::id(),
        NEXT_ID.fetch_add(1, Ordering::Relaxed)
    )
}

impl<E: Endpoint> Endpoint for ObserveEndpoint<E> {
    type Output = Response;

    async fn call(&self, mut request: Request) -> Result<Response> {
        let id = request
            .header("x-request-id")
            .filter(|id| {
                id.len() <= 64 && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
            })
            .map(str::to_owned)
            .unwrap_or_else(new_request_id);
        request.extensions_mut().insert(RequestId(id.clone()));
        let https = self.https
            || request
                .header("x-forwarded-proto")
                .is_some_and(|proto| proto.eq_ignore_ascii_case("https"));
        let method = request.method().clone();
        if method == Method::HEAD {
            request.set_method(Method::GET);
        }
        let path = request.original_uri().path().to_owned();
        let started = Instant::now();
        let span = tracing::info_span!("request", request_id = %id);
        let result = self.inner.call(request).instrument(span.clone()).await;
        let mut response = match result {
            Ok(response) => response.into_response(),
            Err(error) => error.into_response(),
        };
        span.in_scope(|| {
            tracing::info!(
                %method,
                path,
                status = response.status().as_u16(),
                micros = started.elapsed().as_micros() as u64,
                "served"
            );
        });
        let headers = response.headers_mut();
        if let Ok(value) = HeaderValue::from_str(&id) {
            headers.insert("x-request-id", value);
        }
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CONTENT_SECURITY_POLICY),
        );
        headers.insert(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        );
        headers.insert(
            header::REFERRER_POLICY,
            HeaderValue::from_static("strict-origin-when-cross-origin"),
        );
        headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
        headers.insert(
            "cross-origin-opener-policy",
            HeaderValue::from_static("same-origin"),
        );
        headers.insert(
            "permissions-policy",
            HeaderValue::from_static(
                "camera=(), microphone=(), geolocation=(), interest-cohort=()",
            ),
        );
        if https {
            headers.insert(
                header::STRICT_TRANSPORT_SECURITY,
                HeaderValue::from_static("max-age=63072000; includeSubDomains"),
            );
        }
        Ok(response)
    }
}
