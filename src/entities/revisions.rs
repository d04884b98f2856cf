use sea_orm::entity::prelude::*;

/// A saved version of an offer or a story (JSON snapshot), with its review state.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "revisions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub tenant_id: i32,
    /// `offer` or `story`.
    pub entity_type: String,
    pub entity_id: i32,
    pub number: i32,
    pub snapshot: String,
    pub author_id: Option<i32>,
    pub status: crate::codes::Status,
    pub review_comment: Option<String>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
