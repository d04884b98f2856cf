//! The one error type of the application.
//!
//! Each variant has a stable snake_case [`AppError::code`], usable as an i18n key. Browsers get a
//! themed HTML page (see `web::errors`); internal causes are logged, never shown.

use poem::http::StatusCode;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    /// The back-office needs a logged-in user: browsers are sent to the login page.
    #[error("sign-in required")]
    SignInRequired,
    #[error("forbidden")]
    Forbidden,
    #[error("too many requests")]
    TooManyRequests,
    /// A request body larger than its route accepts.
    #[error("request body too large")]
    TooLarge,
    #[error("invalid {field}: {message}")]
    Invalid { field: String, message: String },
    #[error("configuration error: {key}: {message}")]
    Config { key: String, message: String },
    #[error("database error: {0}")]
    Database(#[from] sea_orm::DbErr),
    #[error("template error: {0}")]
    Template(#[from] minijinja::Error),
    #[error("i/o error: {0}")]
    Io(#[from] std::io::Error),
    #[error("invalid data: {0}")]
    Data(#[from] serde_json::Error),
    /// The media storage (files or S3) failed or cannot be reached.
    #[error("media storage: {0}")]
    Storage(String),
    /// Image processing failed for a reason that is not the picture's (an encoder, a stopped
    /// worker thread).
    #[error("image processing: {0}")]
    ImageProcessing(String),
    /// A job run by hand ended in an error.
    #[error("job {job} failed: {error}")]
    JobFailed { job: String, error: String },
    /// `media check` found rows and stored objects that disagree.
    #[error("{0} mismatches between media rows and storage")]
    MediaMismatches(usize),
}

impl AppError {
    /// A stable code for logs, API problems and translations.
    pub fn code(&self) -> &'static str {
        match self {
            Self::NotFound => "not_found",
            Self::SignInRequired => "sign_in_required",
            Self::Forbidden => "forbidden",
            Self::TooManyRequests => "too_many_requests",
            Self::TooLarge => "too_large",
            Self::Invalid { .. } => "invalid",
            Self::Config { .. } => "config",
            Self::Database(_) => "database",
            Self::Template(_) => "template",
            Self::Io(_) => "io",
            Self::Data(_) => "data",
            Self::Storage(_) => "storage",
            Self::ImageProcessing(_) => "image_processing",
            Self::JobFailed { .. } => "job_failed",
            Self::MediaMismatches(_) => "media_mismatches",
        }
    }

    pub fn status(&self) -> StatusCode {
        match self {
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::SignInRequired => StatusCode::UNAUTHORIZED,
            Self::Forbidden => StatusCode::FORBIDDEN,
            Self::TooManyRequests => StatusCode::TOO_MANY_REQUESTS,
            Self::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Self::Invalid { .. } => StatusCode::BAD_REQUEST,
            Self::Storage(_) => StatusCode::SERVICE_UNAVAILABLE,
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    pub fn invalid(field: &str, message: impl Into<String>) -> Self {
        Self::Invalid {
            field: field.to_owned(),
            message: message.into(),
        }
    }
}

impl poem::error::ResponseError for AppError {
    fn status(&self) -> StatusCode {
        AppError::status(self)
    }
}

pub type AppResult<T> = Result<T, AppError>;
