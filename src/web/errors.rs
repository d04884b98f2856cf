//! Error pages: every error becomes a themed HTML page with the right status; internal causes
//! are logged with the request id and never shown.

use minijinja::context;
use poem::{Endpoint, IntoResponse, Middleware, Request, Response, Result, http::header};

use super::{
    middleware::RequestId,
    portal::{PageContext, View},
};
use crate::{app::SharedState, error::AppError};

pub struct ErrorPages(pub SharedState);

impl<E: Endpoint> Middleware<E> for ErrorPages {
    type Output = ErrorPagesEndpoint<E>;

    fn transform(&self, inner: E) -> Self::Output {
        ErrorPagesEndpoint {
            inner,
            state: self.0.clone(),
        }
    }
}

pub struct ErrorPagesEndpoint<E> {
    inner: E,
    state: SharedState,
}

impl<E: Endpoint> Endpoint for ErrorPagesEndpoint<E> {
    type Output = Response;

    async fn call(&self, request: Request) -> Result<Response> {
        // Only an error needs the page's context: the address is kept until then.
        let uri = request.original_uri().clone();
        let method = request.method().clone();
        let request_id = request
            .extensions()
            .get::<RequestId>()
            .map(|id| id.0.clone())
            .unwrap_or_default();
        let error = match self.inner.call(request).await {
            Ok(response) => return Ok(response.into_response()),
            Err(error) => error,
        };
        if uri.path().starts_with("/api/") {
            if error.status().is_server_error() {
                tracing::error!(request_id, error = %error, "API request failed");
            }
            return Ok(super::api::problem::response(
                &self.state,
                &error,
                uri.path(),
            ));
        }
        let page = PageContext::at(&self.state, &uri);
        if let Some(AppError::SignInRequired) = error.downcast_ref::<AppError>() {
            let asked = (method == poem::http::Method::GET).then_some(&uri);
            return Ok(match asked {
                Some(asked) => super::auth::sign_in_then_back(&self.state, asked),
                None => super::http::see_other("/connexion").finish(),
            });
        }
        let status = error.status();
        if status.is_server_error() {
            let code = error
                .downcast_ref::<AppError>()
                .map_or("internal", AppError::code);
            tracing::error!(request_id, code, error = %error, "request failed");
        }
        let known = [400, 403, 404, 410, 413, 429, 500].contains(&status.as_u16());
        let key = if known {
            status.as_u16()
        } else if status.is_client_error() {
            404
        } else {
            500
        };
        // What names nothing, said precisely when the site has words for it.
        let detail = match error.downcast_ref::<AppError>() {
            Some(AppError::Argument { argument, .. }) => {
                let key = format!("error-argument-{argument}");
                self.state.i18n.has(page.lang, &key).then(|| page.t(&key))
            }
            _ => None,
        };
        let view = View::new(
            "errors/error.html",
            page.t(&format!("error-{key}-title")),
            page.t(&format!("error-{key}-message")),
            context! {
                status => status.as_u16(),
                title_key => format!("error-{key}-title"),
                message_key => format!("error-{key}-message"),
                request_id => request_id,
                detail => detail,
            },
        )
        .status(status);
        match page.render(view) {
            Ok(mut response) => {
                if let Some(AppError::TooManyRequests { retry_after }) = error.downcast_ref()
                    && let Ok(value) = header::HeaderValue::from_str(&retry_after.to_string())
                {
                    response.headers_mut().insert(header::RETRY_AFTER, value);
                }
                Ok(response)
            }
            Err(render_error) => {
                tracing::error!(request_id, error = %render_error, "error page failed");
                Ok(Response::builder()
                    .status(status)
                    .header(header::CONTENT_TYPE, "text/plain; charset=utf-8")
                    .body(format!(
                        "{} {}",
                        status.as_u16(),
                        status.canonical_reason().unwrap_or("Error")
                    )))
            }
        }
    }
}
