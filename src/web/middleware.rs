//! Request ids, access logs, security headers, and `HEAD` answered as `GET`.
//!
//! What poem ships is used where it does the same job: the security headers are its
//! `SetHeader`. Two things stay hand-written on purpose. Compression: public pages are
//! gzipped once when they enter the page cache (`caches::pages::Encoded`, served by
//! `web::http::respond`), where poem's `Compression` would compress every response again
//! and bring brotli and zstd into the build. Cookies: the three the site sets (session, login
//! CSRF, ProConnect state) need the `__Host-` prefix behind https and our own signature
//! (`web::auth`); poem's `CookieJar` would add the `cookie` crate's crypto for ~40 lines.

use std::{
    sync::atomic::{AtomicU64, Ordering},
    time::Instant,
};

use poem::{
    Endpoint, IntoResponse, Middleware, Request, Response, Result,
    http::{HeaderValue, Method, header},
    middleware::SetHeader,
};
use tracing::Instrument;

/// The Content-Security-Policy of every response: no inline script or style, no framing. A
/// Matomo instance (`matomo_origin`), when configured, may serve its script and receive its
/// hits.
pub fn content_security_policy(matomo_origin: Option<&str>) -> String {
    let matomo = matomo_origin
        .map(|origin| format!(" {origin}"))
        .unwrap_or_default();
    format!(
        "default-src 'self'; script-src 'self'{matomo}; style-src 'self'; \
img-src 'self' data:{matomo}; font-src 'self'; connect-src 'self'{matomo}; media-src 'self'; \
object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    )
}

/// The id of the request being served, in its extensions (for error pages and logs).
#[derive(Clone, Debug)]
pub struct RequestId(pub String);

/// Marks a `HEAD` request that goes on as a `GET` (see [`Observe`]): nothing counts it as
/// a visit.
#[derive(Clone, Copy, Debug)]
pub struct AskedHead;

/// Whether `request` is a `HEAD` answered as a `GET`.
pub fn asked_head(request: &Request) -> bool {
    request.extensions().get::<AskedHead>().is_some()
}

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
            request.extensions_mut().insert(AskedHead);
        }
        let path = without_secrets(request.original_uri().path());
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
        // Per request: a proxy may say the client came over https.
        if https {
            headers.insert(
                header::STRICT_TRANSPORT_SECURITY,
                HeaderValue::from_static("max-age=63072000; includeSubDomains"),
            );
        }
        Ok(response)
    }
}

/// The paths whose last segment is a secret (the key of a candidate's profile or alert, a
/// login link): the log shows them without it.
const SECRET_PATHS: [&str; 6] = [
    "/vivier/profil/",
    "/vivier/confirmer/",
    "/alertes/confirmer/",
    "/alertes/desabonner/",
    "/connexion/lien/",
    "/donnees-personnelles/demande/",
];

/// `path` as the log may keep it: a secret segment becomes `…`.
fn without_secrets(path: &str) -> String {
    for prefix in SECRET_PATHS {
        if let Some(at) = path.find(prefix) {
            let start = at + prefix.len();
            let rest = &path[start..];
            let end = rest.find('/').map_or(path.len(), |slash| start + slash);
            return format!("{}…{}", &path[..start], &path[end..]);
        }
    }
    path.to_owned()
}

/// The security headers of every response, error pages included: a strict CSP, no sniffing,
/// no framing, no powerful features (HSTS, which depends on the request, is `Observe`'s).
pub fn security_headers(matomo: Option<&crate::config::MatomoConfig>) -> SetHeader {
    let origin = matomo.map(crate::config::MatomoConfig::origin);
    SetHeader::new()
        .overriding(
            header::CONTENT_SECURITY_POLICY,
            content_security_policy(origin.as_deref()),
        )
        .overriding(header::X_CONTENT_TYPE_OPTIONS, "nosniff")
        .overriding(header::REFERRER_POLICY, "strict-origin-when-cross-origin")
        .overriding(header::X_FRAME_OPTIONS, "DENY")
        .overriding("cross-origin-opener-policy", "same-origin")
        .overriding(
            "permissions-policy",
            "camera=(), microphone=(), geolocation=(), interest-cohort=()",
        )
}

#[cfg(test)]
mod tests {
    use super::{content_security_policy, without_secrets};

    #[test]
    fn only_a_configured_matomo_is_allowed() {
        let strict = content_security_policy(None);
        assert!(strict.contains("script-src 'self';"), "{strict}");
        let matomo = content_security_policy(Some("https://stats.data.gouv.fr"));
        for directive in ["script-src", "img-src", "connect-src"] {
            let allowed = matomo
                .split(';')
                .find(|part| part.trim().starts_with(directive))
                .unwrap();
            assert!(allowed.ends_with(" https://stats.data.gouv.fr"), "{matomo}");
        }
        assert!(matomo.contains("style-src 'self';"), "{matomo}");
    }

    #[test]
    fn secrets_never_reach_the_log() {
        let token = "ab".repeat(32);
        for (path, logged) in [
            (format!("/vivier/profil/{token}"), "/vivier/profil/…"),
            (
                format!("/en/vivier/profil/{token}/supprimer"),
                "/en/vivier/profil/…/supprimer",
            ),
            (
                format!("/alertes/desabonner/{token}"),
                "/alertes/desabonner/…",
            ),
            (format!("/connexion/lien/{token}"), "/connexion/lien/…"),
            ("/offres/dev".to_owned(), "/offres/dev"),
        ] {
            assert_eq!(without_secrets(&path), logged);
        }
    }
}
