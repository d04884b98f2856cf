use sea_orm::entity::prelude::*;

/// A token with which a ministry's systems use the integration API (see `integration::tokens`).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "api_tokens")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub tenant_id: i32,
    pub name: String,
    /// The SHA-256 of the secret; the secret itself is shown once and never kept.
    #[serde(skip)]
    pub token_hash: String,
    /// The first characters of the secret, to tell tokens apart.
    pub prefix: String,
    /// Space-separated grants (`offers:write`…).
    pub scopes: String,
    pub created_by: Option<i32>,
    pub created_at: DateTimeUtc,
    pub expires_at: DateTimeUtc,
    pub last_used_at: Option<DateTimeUtc>,
    pub revoked_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
