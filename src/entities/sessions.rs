use sea_orm::entity::prelude::*;

/// A back-office session; the cookie holds the token, the table its SHA-256.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "sessions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub token_hash: String,
    pub user_id: i32,
    /// Every form of the session carries it; a state-changing request without it is refused.
    pub csrf_token: String,
    pub created_at: DateTimeUtc,
    pub last_seen_at: DateTimeUtc,
    /// The absolute end of the session, whatever its activity.
    pub expires_at: DateTimeUtc,
    /// The provider's ID token, sent back as `id_token_hint` at logout.
    pub id_token: Option<String>,
    /// The ministry the session works on (see `accounts::workspace`).
    pub tenant_id: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
