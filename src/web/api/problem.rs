//! Errors of the API as RFC 9457 problems (`application/problem+json`): a stable `code` (the
//! end of `type`), the HTTP status, a title in French and in English, and for refused fields
//! one entry per field with its own code and messages, from the same translations as the
//! back-office's forms.

use poem::{
    Response,
    http::{HeaderValue, StatusCode, header},
};
use poem_openapi::{
    ApiResponse, Object,
    registry::{MetaMediaType, MetaResponse, MetaResponses, Registry},
    types::{ToJSON, Type},
};

use crate::{app::AppState, error::AppError, i18n::Lang};

/// Where the kinds of problems are named: `type` is this followed by the problem's code.
const TYPE_BASE: &str = "https://metiers.numerique.gouv.fr/api/problemes/";
pub const CONTENT_TYPE: &str = "application/problem+json";

/// What went wrong with a request.
#[derive(Object, Debug)]
pub struct Problem {
    /// A URI naming the kind of problem; it ends with `code`.
    #[oai(rename = "type")]
    pub kind: String,
    /// The kind of problem, stable: `invalid`, `bad_request`, `argument`, `unauthorized`,
    /// `forbidden`, `not_found`, `method_not_allowed`, `gone`, `too_large`,
    /// `too_many_requests`, `unsupported_media_type`, `internal`, `unavailable`.
    pub code: String,
    /// The HTTP status.
    pub status: u16,
    /// What happened, in French.
    pub title: String,
    /// What happened, in English.
    pub title_en: String,
    /// More about this occurrence, in English, when there is more to say (which parameter
    /// could not be read, and why).
    #[oai(skip_serializing_if_is_none)]
    pub detail: Option<String>,
    /// The fields refused, each once, all at once (absent when the problem is not theirs).
    #[oai(default, skip_serializing_if_is_empty)]
    pub errors: Vec<FieldProblem>,
}

/// A field refused, and why.
#[derive(Object, Debug)]
pub struct FieldProblem {
    /// The field's name, as in the request (`title`, `postal_code`, a parameter's name).
    pub field: String,
    /// Why, stable: `required`, `too_long`, `not_a_postal_code`…
    pub code: String,
    /// What to do, in French.
    pub message: String,
    /// What to do, in English.
    pub message_en: String,
}

/// The statuses an operation may answer with a problem; those of tokens and bodies only where
/// it takes them.
const STATUSES: [(u16, &str); 10] = [
    (
        400,
        "The request or one of its fields is refused (`invalid`, `bad_request`).",
    ),
    (
        401,
        "No valid API token: missing, unknown, expired or revoked.",
    ),
    (
        403,
        "The token does not hold the scope this operation needs.",
    ),
    (
        404,
        "Nothing of that name, or nothing this token may reach.",
    ),
    (
        410,
        "The offer was public and is no longer: expired or withdrawn.",
    ),
    (413, "The body is larger than the API accepts."),
    (415, "The body is not `application/json`."),
    (
        429,
        "Too many requests: wait for the seconds `Retry-After` says.",
    ),
    (
        500,
        "An unexpected error; it is logged with the request's id.",
    ),
    (503, "The service cannot answer for now; try again later."),
];

/// An error an operation answers with, as a problem (the API's side of [`AppError`]).
/// `WITH_TOKEN`: the operation takes a token and a body, and may answer 401, 403, 413 and 415
/// besides the problems every operation may answer.
#[derive(Debug)]
pub struct ApiError<const WITH_TOKEN: bool = true>(pub AppError);

/// The error of a public operation: no token, no body.
pub type PublicError = ApiError<false>;

impl<const WITH_TOKEN: bool> From<AppError> for ApiError<WITH_TOKEN> {
    fn from(error: AppError) -> Self {
        Self(error)
    }
}

impl<const WITH_TOKEN: bool> From<ApiError<WITH_TOKEN>> for poem::Error {
    fn from(error: ApiError<WITH_TOKEN>) -> Self {
        error.0.into()
    }
}

impl<const WITH_TOKEN: bool> ApiResponse for ApiError<WITH_TOKEN> {
    fn meta() -> MetaResponses {
        MetaResponses {
            responses: STATUSES
                .iter()
                .filter(|(status, _)| WITH_TOKEN || ![401, 403, 413, 415].contains(status))
                .map(|&(status, description)| MetaResponse {
                    description,
                    status: Some(status),
                    status_range: None,
                    content: vec![MetaMediaType {
                        content_type: CONTENT_TYPE,
                        schema: Problem::schema_ref(),
                    }],
                    headers: vec![],
                })
                .collect(),
        }
    }

    fn register(registry: &mut Registry) {
        Problem::register(registry);
    }
}

/// The problem's code and, for errors that are not the application's own (a parameter
/// poem-openapi could not read), what it said.
fn code_of(error: &poem::Error) -> (&'static str, Option<String>) {
    if let Some(app) = error.downcast_ref::<AppError>() {
        let code = match app {
            AppError::SignInRequired => "unauthorized",
            AppError::Storage(_) => "unavailable",
            other if other.status().is_server_error() => "internal",
            other => other.code(),
        };
        return (code, None);
    }
    let status = error.status();
    let code = match status {
        StatusCode::BAD_REQUEST => "bad_request",
        StatusCode::UNAUTHORIZED => "unauthorized",
        StatusCode::FORBIDDEN => "forbidden",
        StatusCode::NOT_FOUND => "not_found",
        StatusCode::METHOD_NOT_ALLOWED => "method_not_allowed",
        StatusCode::PAYLOAD_TOO_LARGE => "too_large",
        StatusCode::UNSUPPORTED_MEDIA_TYPE => "unsupported_media_type",
        status if status.is_client_error() => "bad_request",
        _ => "internal",
    };
    let detail = (status.is_client_error() && code != "not_found").then(|| error.to_string());
    (code, detail)
}

/// The parameter or field a message of poem-openapi names, if any (`failed to parse
/// parameter `page`…`, `field `title`…`).
fn field_named(detail: &str) -> Option<String> {
    let quoted = |after: &str| {
        let start = detail.find(after)? + after.len();
        let rest = detail[start..].trim_start_matches(['`', '"', ' ']);
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
            .collect();
        (!name.is_empty()).then_some(name)
    };
    quoted("parameter").or_else(|| quoted("field"))
}

/// `error` as a problem, its messages in both languages.
pub fn problem(state: &AppState, error: &poem::Error) -> Problem {
    let status = error.status();
    let (code, detail) = code_of(error);
    let title = |lang| state.i18n.text(lang, &format!("api-problem-{code}"));
    let mut errors: Vec<FieldProblem> = match error.downcast_ref::<AppError>() {
        Some(AppError::Invalid(problems)) => problems
            .iter()
            .map(|field| FieldProblem {
                field: field.field.clone(),
                code: field.reason.code().to_owned(),
                message: state.i18n.field_error(Lang::Fr, field),
                message_en: state.i18n.field_error(Lang::En, field),
            })
            .collect(),
        _ => Vec::new(),
    };
    if let Some(field) = detail.as_deref().and_then(field_named) {
        errors.push(FieldProblem {
            field,
            code: "unreadable".to_owned(),
            message: state.i18n.text(Lang::Fr, "api-field-unreadable"),
            message_en: state.i18n.text(Lang::En, "api-field-unreadable"),
        });
    }
    Problem {
        kind: format!("{TYPE_BASE}{code}"),
        code: code.to_owned(),
        status: status.as_u16(),
        title: title(Lang::Fr),
        title_en: title(Lang::En),
        detail,
        errors,
    }
}

/// The response of `error` to a request of the API at `path`: its problem, never cached, with
/// `Retry-After` when the client is past its rate limit, `WWW-Authenticate` when a token is
/// needed, and readable from any site for the public API.
pub fn response(state: &AppState, error: &poem::Error, path: &str) -> Response {
    let problem = problem(state, error);
    let body = problem.to_json_string();
    let mut response = Response::builder()
        .status(error.status())
        .header(header::CONTENT_TYPE, CONTENT_TYPE)
        .header(header::CACHE_CONTROL, "no-store")
        .body(body);
    let headers = response.headers_mut();
    if let Some(AppError::TooManyRequests { retry_after }) = error.downcast_ref::<AppError>()
        && let Ok(value) = HeaderValue::from_str(&retry_after.to_string())
    {
        headers.insert(header::RETRY_AFTER, value);
    }
    if super::is_public(path) {
        headers.insert(
            header::ACCESS_CONTROL_ALLOW_ORIGIN,
            HeaderValue::from_static("*"),
        );
    }
    if error.status() == StatusCode::UNAUTHORIZED {
        headers.insert(
            header::WWW_AUTHENTICATE,
            HeaderValue::from_static("Bearer realm=\"metiers\""),
        );
    }
    response
}

#[cfg(test)]
mod tests {
    use super::field_named;

    #[test]
    fn the_field_a_parser_names_is_found() {
        assert_eq!(
            field_named("failed to parse parameter `page`: out of range").as_deref(),
            Some("page")
        );
        assert_eq!(
            field_named("parse error: field `title` verification failed").as_deref(),
            Some("title")
        );
        assert_eq!(field_named("the body cannot be read"), None);
    }
}
