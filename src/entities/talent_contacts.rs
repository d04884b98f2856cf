use sea_orm::entity::prelude::*;

/// A recruiter of a ministry wrote to a talent through the site (the message itself is not
/// kept: it left in an email).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "talent_contacts")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub talent_id: i32,
    pub tenant_id: i32,
    pub user_id: Option<i32>,
    pub offer_id: Option<i32>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
