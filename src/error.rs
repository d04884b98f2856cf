//! The one error type of the application.
//!
//! Each variant has a stable snake_case [`AppError::code`], usable as an i18n key, and one
//! [`AppError::status`]. Browsers get a themed HTML page (see `web::errors`); internal causes
//! are logged, never shown.
//!
//! What a person sent that the domain refuses is [`AppError::Invalid`]: the [`Problems`] of
//! every field found wrong at once, each a field name and a [`Reason`] from a closed list.
//! The back-office shows each next to its field; a future JSON API renders the same error as
//! `application/problem+json` (RFC 9457), its messages from the same translations:
//!
//! ```json
//! {
//!   "type": "https://metiers.numerique.gouv.fr/problemes/invalid",
//!   "title": "…",
//!   "status": 400,
//!   "errors": [
//!     { "field": "title", "code": "required", "message": "Indiquez un intitulé…" },
//!     { "field": "postal_code", "code": "not_a_postal_code", "message": "…" }
//!   ]
//! }
//! ```
//!
//! `type` ends with [`AppError::code`] and `status` is [`AppError::status`] for every variant;
//! `errors` lists [`Problems::iter`], `code` being [`Reason::code`] and `message` what
//! `I18n::field_error` gives in the language asked for (`form-error-FIELD-REASON`, then
//! `form-error-REASON`).

use std::fmt;

use poem::http::StatusCode;

/// Why the domain refuses the value of a field. Each reason has a stable [`Reason::code`] and a
/// message `form-error-CODE` in every language; a field may have a more precise one,
/// `form-error-FIELD-CODE`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Reason {
    /// Empty, or missing.
    Required,
    /// Longer than its limit.
    TooLong,
    /// More values than its limit.
    TooMany,
    /// Rich text nesting too many lists or quotes.
    TooDeep,
    NotHttpUrl,
    NotAnEmail,
    NotANumber,
    NotADate,
    NotAPostalCode,
    /// Not lower-case letters, digits and dashes.
    NotASlug,
    /// Not a `#rrggbb` colour.
    NotAColour,
    NotASiret,
    /// A French name without its article (`DGFiP` for `la DGFiP`).
    NoArticle,
    /// Not one of the codes of its list (a category, a theme, a role…).
    UnknownCode,
    OutOfRange,
    /// Lower than the minimum another field gives.
    BelowMinimum,
    /// Taken by another item (a slug, an email).
    AlreadyUsed,
    AlreadyMember,
    AlreadyInvited,
    /// Points at something (a service, an image) of another ministry, or at nothing.
    NotOfThisMinistry,
    /// Someone changed or reviewed the item since it was read.
    ChangedMeanwhile,
    /// The item is archived: it no longer changes.
    Archived,
    /// The item's status does not allow this step.
    WrongStatus,
    /// Managers do not change their own membership.
    OwnMembership,
    /// Still shown somewhere: it cannot go.
    InUse,
    /// An empty file.
    Empty,
    /// A file over its limit.
    TooLarge,
    NotAnImage,
    TooManyPixels,
    /// A damaged file, or a form that cannot be read.
    Unreadable,
    /// A picture already in the media library.
    Duplicate,
    /// The media storage does not answer: nothing was kept.
    StorageDown,
    NotAPhone,
    /// A file that is not a PDF (a CV).
    NotAPdf,
    /// A date already passed where one to come is needed (an offer's deadline).
    InThePast,
    /// Not a reference of the API (letters, digits, `.`, `_` and `-`, at most 100).
    NotAReference,
}

impl Reason {
    pub const ALL: [Reason; 36] = [
        Reason::Required,
        Reason::TooLong,
        Reason::TooMany,
        Reason::TooDeep,
        Reason::NotHttpUrl,
        Reason::NotAnEmail,
        Reason::NotANumber,
        Reason::NotADate,
        Reason::NotAPostalCode,
        Reason::NotASlug,
        Reason::NotAColour,
        Reason::NotASiret,
        Reason::NoArticle,
        Reason::UnknownCode,
        Reason::OutOfRange,
        Reason::BelowMinimum,
        Reason::AlreadyUsed,
        Reason::AlreadyMember,
        Reason::AlreadyInvited,
        Reason::NotOfThisMinistry,
        Reason::ChangedMeanwhile,
        Reason::Archived,
        Reason::WrongStatus,
        Reason::OwnMembership,
        Reason::InUse,
        Reason::Empty,
        Reason::TooLarge,
        Reason::NotAnImage,
        Reason::TooManyPixels,
        Reason::Unreadable,
        Reason::Duplicate,
        Reason::StorageDown,
        Reason::NotAPhone,
        Reason::NotAPdf,
        Reason::InThePast,
        Reason::NotAReference,
    ];

    /// A stable snake_case code, for translations (`form-error-CODE`) and API problems.
    pub fn code(self) -> &'static str {
        match self {
            Reason::Required => "required",
            Reason::TooLong => "too_long",
            Reason::TooMany => "too_many",
            Reason::TooDeep => "too_deep",
            Reason::NotHttpUrl => "not_http_url",
            Reason::NotAnEmail => "not_an_email",
            Reason::NotANumber => "not_a_number",
            Reason::NotADate => "not_a_date",
            Reason::NotAPostalCode => "not_a_postal_code",
            Reason::NotASlug => "not_a_slug",
            Reason::NotAColour => "not_a_colour",
            Reason::NotASiret => "not_a_siret",
            Reason::NoArticle => "no_article",
            Reason::UnknownCode => "unknown_code",
            Reason::OutOfRange => "out_of_range",
            Reason::BelowMinimum => "below_minimum",
            Reason::AlreadyUsed => "already_used",
            Reason::AlreadyMember => "already_member",
            Reason::AlreadyInvited => "already_invited",
            Reason::NotOfThisMinistry => "not_of_this_ministry",
            Reason::ChangedMeanwhile => "changed_meanwhile",
            Reason::Archived => "archived",
            Reason::WrongStatus => "wrong_status",
            Reason::OwnMembership => "own_membership",
            Reason::InUse => "in_use",
            Reason::Empty => "empty",
            Reason::TooLarge => "too_large",
            Reason::NotAnImage => "not_an_image",
            Reason::TooManyPixels => "too_many_pixels",
            Reason::Unreadable => "unreadable",
            Reason::Duplicate => "duplicate",
            Reason::StorageDown => "storage_down",
            Reason::NotAPhone => "not_a_phone",
            Reason::NotAPdf => "not_a_pdf",
            Reason::InThePast => "in_the_past",
            Reason::NotAReference => "not_a_reference",
        }
    }

    /// What the reason says in English, for logs and the command line.
    fn describe(self) -> &'static str {
        match self {
            Reason::Required => "required",
            Reason::TooLong => "too long",
            Reason::TooMany => "too many values",
            Reason::TooDeep => "nested too deeply",
            Reason::NotHttpUrl => "not an http(s) address",
            Reason::NotAnEmail => "not an email address",
            Reason::NotANumber => "not a whole number",
            Reason::NotADate => "not a date",
            Reason::NotAPostalCode => "not a French postal code",
            Reason::NotASlug => "not lower-case letters, digits and dashes",
            Reason::NotAColour => "not a colour like #000091",
            Reason::NotASiret => "not a SIRET number",
            Reason::NoArticle => "without its article (le, la, l', les)",
            Reason::UnknownCode => "not one of the choices",
            Reason::OutOfRange => "out of range",
            Reason::BelowMinimum => "lower than the minimum",
            Reason::AlreadyUsed => "already used",
            Reason::AlreadyMember => "already a member of this ministry",
            Reason::AlreadyInvited => "already invited",
            Reason::NotOfThisMinistry => "not of this ministry",
            Reason::ChangedMeanwhile => "changed meanwhile",
            Reason::Archived => "archived: it cannot change",
            Reason::WrongStatus => "not possible in this status",
            Reason::OwnMembership => "your own membership",
            Reason::InUse => "still in use",
            Reason::Empty => "empty",
            Reason::TooLarge => "too large",
            Reason::NotAnImage => "not a JPEG, PNG or WebP image",
            Reason::TooManyPixels => "too many pixels",
            Reason::Unreadable => "unreadable",
            Reason::Duplicate => "already in the media library",
            Reason::StorageDown => "the media storage does not answer",
            Reason::NotAPhone => "not a phone number",
            Reason::NotAPdf => "not a PDF file",
            Reason::InThePast => "in the past",
            Reason::NotAReference => "not a reference (letters, digits, '.', '_', '-')",
        }
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.describe())
    }
}

/// A field refused, and why. `detail` names the value at fault when that helps the one who
/// reads a log or a command's error (a SIRET number among several); it is never translated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub field: String,
    pub reason: Reason,
    pub detail: Option<String>,
}

impl FieldError {
    pub fn new(field: impl Into<String>, reason: Reason) -> Self {
        Self {
            field: field.into(),
            reason,
            detail: None,
        }
    }

    pub fn with_detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(detail.into());
        self
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.reason)?;
        match &self.detail {
            Some(detail) => write!(f, " ({detail})"),
            None => Ok(()),
        }
    }
}

/// The fields refused by a check, in the order found, one problem a field (the first found:
/// a field that cannot be read is not also called missing). A check collects every problem
/// before it refuses, so that a form shows them all at once:
///
/// ```ignore
/// let mut problems = Problems::default();
/// if title.is_empty() {
///     problems.add("title", Reason::Required);
/// }
/// problems.check(text::check_http_url("apply_url", url))?;
/// problems.into_result()?;
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Problems(Vec<FieldError>);

impl Problems {
    /// Adds a problem, unless `error.field` already has one.
    pub fn push(&mut self, error: FieldError) {
        if !self.0.iter().any(|known| known.field == error.field) {
            self.0.push(error);
        }
    }

    /// Refuses `field` for `reason` (unless it already has a problem).
    pub fn add(&mut self, field: impl Into<String>, reason: Reason) {
        self.push(FieldError::new(field, reason));
    }

    /// The value of a check of other fields, or `None` with its problems added; any other
    /// error goes on up.
    pub fn check<T>(&mut self, result: AppResult<T>) -> AppResult<Option<T>> {
        match result {
            Ok(value) => Ok(Some(value)),
            Err(AppError::Invalid(problems)) => {
                problems.0.into_iter().for_each(|error| self.push(error));
                Ok(None)
            }
            Err(error) => Err(error),
        }
    }

    /// `result`, unless problems were found before it: then every problem, those of `result`
    /// too. Any other error of `result` goes on up.
    pub fn along_with<T>(mut self, result: AppResult<T>) -> AppResult<T> {
        match self.check(result)? {
            Some(value) if self.is_empty() => Ok(value),
            _ => Err(AppError::Invalid(self)),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &FieldError> {
        self.0.iter()
    }

    /// `Ok` when nothing was refused, else [`AppError::Invalid`] with every problem.
    pub fn into_result(self) -> AppResult<()> {
        if self.is_empty() {
            Ok(())
        } else {
            Err(AppError::Invalid(self))
        }
    }
}

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, error) in self.0.iter().enumerate() {
            if index > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{error}")?;
        }
        Ok(())
    }
}

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    /// The back-office needs a logged-in user: browsers are sent to the login page.
    #[error("sign-in required")]
    SignInRequired,
    #[error("forbidden")]
    Forbidden,
    /// What was asked is no longer there: an offer that closed while a candidate applied.
    #[error("gone")]
    Gone,
    /// A client past its rate limit, told to come back in `retry_after` seconds.
    #[error("too many requests")]
    TooManyRequests { retry_after: u64 },
    /// A request body larger than its route accepts.
    #[error("request body too large")]
    TooLarge,
    /// Fields a person sent that the domain refuses, every one found (see [`Problems`]).
    #[error("invalid {0}")]
    Invalid(Problems),
    /// A request that cannot be taken apart into fields: a NUL byte in its query, a body that
    /// cannot be read, a text too long to preview.
    #[error("bad request: {0}")]
    BadRequest(&'static str),
    /// A value given on the command line or in an address, not in a form field, that names
    /// nothing (`argument` is its name: a job, a ministry, a role).
    #[error("invalid {argument}: {message}")]
    Argument {
        argument: &'static str,
        message: String,
    },
    #[error("configuration error: {key}: {message}")]
    Config { key: String, message: String },
    /// What the application ships, loads or starts, rather than what a person sent, cannot be
    /// used: its locales, a theme, the demo data, the ProConnect client, the server's address,
    /// the job scheduler (`part`).
    #[error("{part}: {message}")]
    Setup { part: &'static str, message: String },
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
    /// A media object key made of something else than safe segments: a fault of the code, not
    /// of the storage.
    #[error("'{0}' is not a media key")]
    MediaKey(String),
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
    /// A stable code for logs, API problems (the end of their `type`) and translations.
    pub fn code(&self) -> &'static str {
        match self {
            Self::NotFound => "not_found",
            Self::SignInRequired => "sign_in_required",
            Self::Forbidden => "forbidden",
            Self::Gone => "gone",
            Self::TooManyRequests { .. } => "too_many_requests",
            Self::TooLarge => "too_large",
            Self::Invalid(_) => "invalid",
            Self::BadRequest(_) => "bad_request",
            Self::Argument { .. } => "argument",
            Self::Config { .. } => "config",
            Self::Setup { .. } => "setup",
            Self::Database(_) => "database",
            Self::Template(_) => "template",
            Self::Io(_) => "io",
            Self::Data(_) => "data",
            Self::Storage(_) => "storage",
            Self::MediaKey(_) => "media_key",
            Self::ImageProcessing(_) => "image_processing",
            Self::JobFailed { .. } => "job_failed",
            Self::MediaMismatches(_) => "media_mismatches",
        }
    }

    /// The HTTP status of the error, for pages and API problems alike.
    pub fn status(&self) -> StatusCode {
        match self {
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::SignInRequired => StatusCode::UNAUTHORIZED,
            Self::Forbidden => StatusCode::FORBIDDEN,
            Self::Gone => StatusCode::GONE,
            Self::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            Self::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Self::Invalid(_) | Self::BadRequest(_) | Self::Argument { .. } => {
                StatusCode::BAD_REQUEST
            }
            Self::Storage(_) => StatusCode::SERVICE_UNAVAILABLE,
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The exit code of a command that ends with this error: 2 for what was typed wrong (as
    /// for a bad option), 1 for a failure.
    pub fn exit_code(&self) -> u8 {
        match self {
            Self::Invalid(_) | Self::Argument { .. } => 2,
            _ => 1,
        }
    }

    /// One field refused for `reason`.
    pub fn invalid(field: impl Into<String>, reason: Reason) -> Self {
        Self::Invalid(Problems(vec![FieldError::new(field, reason)]))
    }

    /// A command-line or address `argument` that names nothing.
    pub fn argument(argument: &'static str, message: impl Into<String>) -> Self {
        Self::Argument {
            argument,
            message: message.into(),
        }
    }

    /// A `part` of the application that cannot be used (see [`AppError::Setup`]).
    pub fn setup(part: &'static str, message: impl fmt::Display) -> Self {
        Self::Setup {
            part,
            message: message.to_string(),
        }
    }
}

impl From<FieldError> for AppError {
    fn from(error: FieldError) -> Self {
        Self::Invalid(Problems(vec![error]))
    }
}

impl poem::error::ResponseError for AppError {
    fn status(&self) -> StatusCode {
        AppError::status(self)
    }
}

pub type AppResult<T> = Result<T, AppError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reason_codes_are_distinct_snake_case() {
        let codes: std::collections::BTreeSet<_> = Reason::ALL.iter().map(|r| r.code()).collect();
        assert_eq!(codes.len(), Reason::ALL.len());
        for code in codes {
            assert!(
                code.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'),
                "{code}"
            );
        }
    }

    #[test]
    fn problems_keep_every_field_once_and_say_them_all() {
        let mut problems = Problems::default();
        problems.add("title", Reason::Required);
        let checked: AppResult<()> = Err(AppError::invalid("title", Reason::TooLong));
        assert_eq!(problems.check(checked).unwrap(), None);
        problems.push(FieldError::new("sirets", Reason::NotASiret).with_detail("123"));
        assert!(problems.check(Ok::<_, AppError>(1)).unwrap() == Some(1));
        let other: AppResult<()> = Err(AppError::NotFound);
        assert!(matches!(problems.check(other), Err(AppError::NotFound)));
        let error = problems.into_result().unwrap_err();
        assert_eq!(error.status(), StatusCode::BAD_REQUEST);
        assert_eq!(
            error.to_string(),
            "invalid title: required; sirets: not a SIRET number (123)"
        );
        assert!(Problems::default().into_result().is_ok());
    }
}
