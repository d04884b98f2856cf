use sea_orm::entity::prelude::*;

use crate::codes::DataRequestKind;

/// A candidate's request to receive or erase what the site holds about their address.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "data_requests")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub email: String,
    pub kind: DataRequestKind,
    /// The secret of the emailed link.
    #[serde(skip)]
    pub token: String,
    pub created_at: DateTimeUtc,
    pub done_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
