//! What every request is checked for before any handler reads it: no NUL byte in its address,
//! and a body no larger than what the route could ever need (a form, or an upload).
//!
//! A urlencoded or JSON body is read here in full, up to its limit, so a handler never holds
//! more; a multipart body (an upload) is passed on as a stream that fails past its limit.

use futures_util::StreamExt;
use poem::{
    Body, Endpoint, Middleware, Request, Result,
    http::{Method, header},
};
use tokio::io::AsyncReadExt;

use crate::{app::SharedState, error::AppError};

/// The largest form body: eight Markdown sections at their length limit, percent-encoded.
const FORM_MAX_BYTES: usize = 2 * 1024 * 1024;
/// What a multipart body may carry besides its file: the other fields and the part headers.
const MULTIPART_OVERHEAD_BYTES: usize = 256 * 1024;

pub struct Limits(pub SharedState);

impl<E: Endpoint> Middleware<E> for Limits {
    type Output = LimitsEndpoint<E>;

    fn transform(&self, inner: E) -> Self::Output {
        LimitsEndpoint {
            inner,
            upload_max_bytes: self.0.config.media.upload_max_bytes,
        }
    }
}

pub struct LimitsEndpoint<E> {
    inner: E,
    upload_max_bytes: usize,
}

/// Whether a raw (still percent-encoded) path or query carries a NUL byte, which no page,
/// slug or search ever contains and which PostgreSQL refuses in text.
fn carries_nul(raw: &str) -> bool {
    raw.contains('\0')
        || raw
            .as_bytes()
            .windows(3)
            .any(|w| w[0] == b'%' && w[1] == b'0' && w[2] == b'0')
}

impl<E: Endpoint> Endpoint for LimitsEndpoint<E> {
    type Output = E::Output;

    async fn call(&self, mut request: Request) -> Result<Self::Output> {
        let uri = request.original_uri();
        if carries_nul(uri.path()) {
            return Err(AppError::NotFound.into());
        }
        if uri.query().is_some_and(carries_nul) {
            return Err(AppError::BadRequest("a NUL byte in the query").into());
        }
        if matches!(
            *request.method(),
            Method::GET | Method::HEAD | Method::OPTIONS
        ) {
            return self.inner.call(request).await;
        }
        let multipart = request
            .content_type()
            .is_some_and(|t| t.starts_with("multipart/"));
        let limit = if multipart {
            let path = uri.path();
            let candidate_form = path.ends_with("/candidater")
                || path.ends_with("/apply")
                || path.contains("/vivier");
            let file_max = if candidate_form {
                // Room for a CV well over its limit, which the form then refuses by name.
                4 * crate::applications::CV_MAX_BYTES
            } else {
                self.upload_max_bytes
            };
            file_max + MULTIPART_OVERHEAD_BYTES
        } else {
            FORM_MAX_BYTES
        };
        let declared = request
            .header(header::CONTENT_LENGTH)
            .and_then(|length| length.parse::<u64>().ok());
        if declared.is_some_and(|length| length > limit as u64) {
            drain(request.take_body()).await;
            return Err(AppError::TooLarge.into());
        }
        let body = request.take_body();
        if multipart {
            request.set_body(limited_stream(body, limit));
        } else {
            let mut reader = body.into_async_read().take(limit as u64 + 1);
            let mut bytes = Vec::new();
            reader
                .read_to_end(&mut bytes)
                .await
                .map_err(|_| AppError::BadRequest("the body cannot be read"))?;
            if bytes.len() > limit {
                drain(Body::from_async_read(reader.into_inner())).await;
                return Err(AppError::TooLarge.into());
            }
            request.set_body(bytes);
        }
        self.inner.call(request).await
    }
}

/// How much of a refused body is read and dropped, so that a browser still sending it gets
/// the 413 page rather than a reset connection; past that, or after [`DRAIN_TIME`], the
/// connection is simply closed.
const DRAIN_BYTES: u64 = 16 * 1024 * 1024;
const DRAIN_TIME: std::time::Duration = std::time::Duration::from_secs(2);

/// Reads and drops what is left of `body`, within [`DRAIN_BYTES`] and [`DRAIN_TIME`].
async fn drain(body: Body) {
    let mut rest = body.into_async_read().take(DRAIN_BYTES);
    let _ = tokio::time::timeout(
        DRAIN_TIME,
        tokio::io::copy(&mut rest, &mut tokio::io::sink()),
    )
    .await;
}

/// `body` as a stream that fails once more than `limit` bytes went through.
fn limited_stream(body: Body, limit: usize) -> Body {
    let mut seen = 0usize;
    Body::from_bytes_stream(body.into_bytes_stream().map(move |chunk| {
        let chunk = chunk?;
        seen = seen.saturating_add(chunk.len());
        if seen > limit {
            return Err(std::io::Error::other("request body over its limit"));
        }
        Ok(chunk)
    }))
}

#[cfg(test)]
mod tests {
    use super::carries_nul;

    #[test]
    fn nul_bytes_are_found_encoded_or_not() {
        assert!(carries_nul("/offres/a%00b"));
        assert!(carries_nul("q=%00"));
        assert!(!carries_nul("/offres/a%20b"));
        assert!(!carries_nul("q=100%25"));
    }
}
