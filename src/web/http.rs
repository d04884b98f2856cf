//! Response bodies prepared once (`caches::pages::Encoded`) served many times: ETag, gzip and
//! conditional requests.

use poem::{
    Body, Response,
    http::{HeaderMap, HeaderValue, StatusCode, header},
};

use crate::caches::pages::Encoded;

/// The response to a request with these headers for prepared body `page`: 304 when the
/// client holds this version, gzip when it accepts it.
pub fn respond(page: &Encoded, request_headers: &HeaderMap, cache_control: &str) -> Response {
    let status = StatusCode::from_u16(page.status).unwrap_or(StatusCode::OK);
    let mut response = Response::builder()
        .header(header::ETAG, page.etag.as_str())
        .header(header::CACHE_CONTROL, cache_control)
        .header(header::VARY, "Accept-Encoding");
    let client_has_it = request_headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|tags| {
            tags.split(',')
                .any(|tag| tag.trim() == page.etag || tag.trim() == "*")
        });
    if client_has_it && status == StatusCode::OK {
        return response
            .status(StatusCode::NOT_MODIFIED)
            .body(Body::empty());
    }
    response = response
        .status(status)
        .header(header::CONTENT_TYPE, page.content_type.as_str());
    match &page.gzip {
        Some(gzip) if accepts_gzip(request_headers) => response
            .header(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"))
            .body(gzip.clone()),
        _ => response.body(page.identity.clone()),
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

/// A redirection to `to` after a form or a click (303: the browser follows with a GET).
pub fn see_other(to: &str) -> poem::ResponseBuilder {
    Response::builder()
        .status(StatusCode::SEE_OTHER)
        .header(header::LOCATION, to)
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
