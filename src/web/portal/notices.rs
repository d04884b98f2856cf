//! The pages that only tell what became of a link a candidate followed (to confirm, to leave,
//! after it expired or was used), with at most one button: shared by the talent pool's and
//! the alerts' pages.

use minijinja::{Value, context};
use poem::http::StatusCode;

use super::PageContext;
use crate::candidates::OptIn;

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
