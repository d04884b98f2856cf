use sea_orm::entity::prelude::*;

use crate::codes::{ApplicationStatus, NotRetainedReason};

/// An application made on the site to an offer of a ministry. Personal data: read only through
/// `applications::` functions that take the ministry's scope.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "applications")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub tenant_id: i32,
    pub offer_id: i32,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: Option<String>,
    pub links: String,
    pub message: String,
    pub cv_key: String,
    pub cv_size: i64,
    pub status: ApplicationStatus,
    pub not_retained_reason: Option<NotRetainedReason>,
    pub notes: String,
    pub consent_at: DateTimeUtc,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
