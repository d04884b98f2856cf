use sea_orm::entity::prelude::*;

/// An email waiting to be sent, or sent (see `mail`).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "outbox")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// What the email is about: `invitation`, `login_link`…
    pub kind: String,
    pub recipient: String,
    pub subject: String,
    pub text_body: String,
    pub html_body: String,
    pub created_at: DateTimeUtc,
    pub attempts: i32,
    pub next_attempt_at: DateTimeUtc,
    pub sent_at: Option<DateTimeUtc>,
    pub last_error: Option<String>,
    /// Where answers go, when not to the site's own address.
    pub reply_to: Option<String>,
    /// A one-click unsubscribe address (`List-Unsubscribe`, RFC 8058).
    pub unsubscribe_url: Option<String>,
    /// The name of the one attached file, if any.
    pub attachment_name: Option<String>,
    /// The attached file (JSON text).
    pub attachment: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
