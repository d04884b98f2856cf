//! Response bodies prepared once and served many times: ETag, gzip and conditional requests.

use std::io::Write;

use poem::{
    Body, Response,
    http::{HeaderMap, HeaderValue, StatusCode, header},
};
use sha2::{Digest, Sha256};

use crate::render::{hex, is_compressible};

/// A body with its strong ETag and, when worth it, its gzip encoding.
pub struct Encoded {
    pub status: StatusCode,
    pub content_type: String,
    pub identity: bytes::Bytes,
    pub gzip: Option<bytes::Bytes>,
    pub etag: String,
}

impl Encoded {
    pub fn new(status: StatusCode, content_type: &str, bytes: impl Into<bytes::Bytes>) -> Self {
        let identity: bytes::Bytes = bytes.into();
        let etag = format!("\"{}\"", &hex(&Sha256::digest(&identity))[..20]);
        let gzip = (is_compressible(content_type) && identity.len() > 512).then(|| gzip(&identity));
        Self {
            status,
            content_type: content_type.to_owned(),
            identity,
            gzip,
            etag,
        }
    }

    /// The response to a request with these headers: 304 when the client holds this version,
    /// gzip when it accepts it.
    pub fn respond(&self, request_headers: &HeaderMap, cache_control: &str) -> Response {
        let mut response = Response::builder()
            .header(header::ETAG, self.etag.as_str())
            .header(header::CACHE_CONTROL, cache_control)
            .header(header::VARY, "Accept-Encoding");
        let client_has_it = request_headers
            .get(header::IF_NONE_MATCH)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|tags| {
                tags.split(',')
                    .any(|tag| tag.trim() == self.etag || tag.trim() == "*")
            });
        if client_has_it && self.status == StatusCode::OK {
            return response
                .status(StatusCode::NOT_MODIFIED)
                .body(Body::empty());
        }
        response = response
            .status(self.status)
            .header(header::CONTENT_TYPE, self.content_type.as_str());
        match &self.gzip {
            Some(gzip) if accepts_gzip(request_headers) => response
                .header(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"))
                .body(gzip.clone()),
            _ => response.body(self.identity.clone()),
        }
    }
}

fn accepts_gzip(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|coding| {
            let mut parts = coding.trim().split(';');
            let name = parts.next().unwrap_or_default().trim();
            let refused = parts.any(|p| matches!(p.trim(), "q=0" | "q=0.0" | "q=0.00" | "q=0.000"));
            name.eq_ignore_ascii_case("gzip") && !refused
        })
}

fn gzip(bytes: &[u8]) -> bytes::Bytes {
    let mut encoder = flate2::write::GzEncoder::new(
        Vec::with_capacity(bytes.len() / 4),
        flate2::Compression::new(6),
    );
    encoder.write_all(bytes).expect("writing to memory");
    encoder.finish().expect("writing to memory").into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gzip_is_negotiated() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::ACCEPT_ENCODING,
            HeaderValue::from_static("br, gzip;q=0.8"),
        );
        assert!(accepts_gzip(&headers));
        headers.insert(
            header::ACCEPT_ENCODING,
            HeaderValue::from_static("gzip;q=0, br"),
        );
        assert!(!accepts_gzip(&headers));
    }
}
