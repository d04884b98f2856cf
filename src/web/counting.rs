//! Counts the portal's page views as they are served, page-cache hits included (see
//! `analytics`): only successful HTML `GET`s by people who did not ask not to be tracked,
//! never robots, never a signed-in member of the back-office.

use poem::{Endpoint, IntoResponse, Middleware, Request, Response, Result, http::StatusCode};

use crate::{
    analytics::{self, Seen},
    app::SharedState,
    i18n::Lang,
};

pub struct CountViews(pub SharedState);

impl<E: Endpoint> Middleware<E> for CountViews {
    type Output = CountViewsEndpoint<E>;

    fn transform(&self, inner: E) -> Self::Output {
        CountViewsEndpoint {
            inner,
            state: self.0.clone(),
        }
    }
}

pub struct CountViewsEndpoint<E> {
    inner: E,
    state: SharedState,
}

/// The page a public path shows, or `None` for what is not a portal page.
fn seen(path: &str) -> Option<Seen> {
    let (_, path) = Lang::from_path(path);
    let segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    match segments.as_slice() {
        [
            "admin" | "static" | "media" | "connexion" | "deconnexion" | "healthz" | "readyz",
            ..,
        ] => None,
        ["offres", slug] => Some(Seen::Offer((*slug).to_owned())),
        ["offres", slug, "candidater" | "apply"] => Some(Seen::ApplyForm((*slug).to_owned())),
        ["ministeres", slug] => Some(Seen::Ministry((*slug).to_owned())),
        _ => Some(Seen::Page),
    }
}

/// Whether this request is a visitor's that may be counted.
fn countable(request: &Request) -> bool {
    request.method() == poem::http::Method::GET
        && !super::middleware::asked_head(request)
        && !analytics::refuses_tracking(|name| request.header(name).map(str::to_owned))
        && !analytics::is_robot(request.header(poem::http::header::USER_AGENT))
        && super::auth::cookie(request, super::auth::SESSION_COOKIE).is_none()
}

impl<E: Endpoint> Endpoint for CountViewsEndpoint<E> {
    type Output = Response;

    async fn call(&self, request: Request) -> Result<Response> {
        let counted = countable(&request)
            .then(|| seen(request.original_uri().path()))
            .flatten();
        let response = self.inner.call(request).await?.into_response();
        if let Some(seen) = counted
            && response.status() == StatusCode::OK
            && response
                .content_type()
                .is_some_and(|kind| kind.starts_with("text/html"))
        {
            let day = analytics::day_of(self.state.now());
            self.state.views.record(day, seen);
        }
        Ok(response)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_name_what_was_seen() {
        let offer = |slug: &str| Some(Seen::Offer(slug.to_owned()));
        assert_eq!(seen("/offres/dev-1"), offer("dev-1"));
        assert_eq!(seen("/en/offres/dev-1"), offer("dev-1"));
        assert_eq!(
            seen("/en/offres/dev-1/apply"),
            Some(Seen::ApplyForm("dev-1".to_owned()))
        );
        assert_eq!(
            seen("/ministeres/anssi"),
            Some(Seen::Ministry("anssi".to_owned()))
        );
        assert_eq!(seen("/"), Some(Seen::Page));
        assert_eq!(seen("/offres"), Some(Seen::Page));
        assert_eq!(seen("/admin/offres"), None);
        assert_eq!(seen("/en/admin"), None);
        assert_eq!(seen("/static/1/app.css"), None);
    }
}
