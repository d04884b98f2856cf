//! What the candidates' public pages (the talent pool, alerts, personal data requests) share:
//! their steps (the form, "check your inbox", a notice), and the notices that only tell what
//! became of a link a candidate followed, with at most one button.

use std::collections::BTreeMap;

use minijinja::{Value, context};
use poem::http::StatusCode;

use super::PageContext;
use crate::{
    candidates::OptIn,
    error::{AppError, AppResult},
    web::admin::forms::{FormData, field_errors_in},
};

/// What a candidate's public page shows.
pub enum Step {
    /// The form, as typed, with the problems found.
    Form(FormData, BTreeMap<String, String>),
    /// Taken: the candidate is to confirm their address from the emailed link.
    Sent,
    /// What became of a link followed.
    Notice(Notice),
}

/// The step after a form was sent: "check your inbox", or the form again with the problems
/// the domain found; any other error goes on up.
pub fn after_sending(
    page: &PageContext<'_>,
    form: FormData,
    sent: AppResult<()>,
) -> AppResult<Step> {
    match sent {
        Ok(()) => Ok(Step::Sent),
        Err(error @ AppError::Invalid(_)) => Ok(Step::Form(form, field_errors_in(page, &error))),
        Err(error) => Err(error),
    }
}

/// How a form page answers: 200, or 400 when it shows problems.
pub fn status_of(errors: &BTreeMap<String, String>) -> StatusCode {
    if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    }
}

/// A step as a template takes it: `state` ("form", "sent" or "message"), the answer's status,
/// the form and its problems, and the notice's `message`.
pub struct Shown {
    pub state: &'static str,
    pub status: StatusCode,
    pub form: FormData,
    pub errors: BTreeMap<String, String>,
    pub message: Option<Value>,
}

impl Step {
    /// This step for a page whose notices are `{family}-…` messages.
    pub fn shown(self, page: &PageContext<'_>, family: &str) -> Shown {
        let blank = |state, status, message| Shown {
            state,
            status,
            form: FormData::default(),
            errors: BTreeMap::new(),
            message,
        };
        match self {
            Step::Form(form, errors) => Shown {
                state: "form",
                status: status_of(&errors),
                form,
                errors,
                message: None,
            },
            Step::Sent => blank("sent", StatusCode::OK, None),
            Step::Notice(notice) => {
                blank("message", notice.status, Some(notice.view(page, family)))
            }
        }
    }
}

/// A button under a notice: a form posting to `action` (with the page's CSRF token), or a
/// plain link to it.
pub struct Button {
    pub action: String,
    /// The message of its label.
    pub label: &'static str,
    pub posts: bool,
}

/// What a notice page says: the messages `{family}-{key}-title` and `{family}-{key}-text`.
pub struct Notice {
    pub key: &'static str,
    pub status: StatusCode,
    pub button: Option<Button>,
}

impl Notice {
    pub fn new(key: &'static str, status: StatusCode) -> Self {
        Self {
            key,
            status,
            button: None,
        }
    }

    /// This notice, with a button that posts to `action`.
    pub fn posting(mut self, action: String, label: &'static str) -> Self {
        self.button = Some(Button {
            action,
            label,
            posts: true,
        });
        self
    }

    /// This notice, with a button that leads to `path`.
    pub fn leading(mut self, path: &str, label: &'static str) -> Self {
        self.button = Some(Button {
            action: path.to_owned(),
            label,
            posts: false,
        });
        self
    }

    /// What `partials/notice.html` shows, in the page's language.
    pub fn view(&self, page: &PageContext<'_>, family: &str) -> Value {
        let key = self.key;
        context! {
            title => page.t(&format!("{family}-{key}-title")),
            text => page.t(&format!("{family}-{key}-text")),
            button => self.button.as_ref().map(|button| context! {
                action => page.link(&button.action),
                label => page.t(button.label),
                posts => button.posts,
            }),
        }
    }
}

/// What a followed confirmation link that no longer waits says: that it expired (410), or
/// that it was already used.
pub fn after_opt_in(state: OptIn) -> Notice {
    match state {
        OptIn::Expired => Notice::new("expired", StatusCode::GONE),
        _ => Notice::new("already", StatusCode::OK),
    }
}
