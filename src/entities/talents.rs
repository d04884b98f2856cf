use sea_orm::entity::prelude::*;

use crate::codes::Experience;

/// A profile of the talent pool. Personal data: read only through `talents::` functions,
/// which leave out the profiles hidden from the reader's ministry.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "talents")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    /// Profession codes, separated by commas.
    pub professions: String,
    pub seniority: Experience,
    /// Region codes, separated by commas; empty for anywhere.
    pub regions: String,
    pub available_from: Option<Date>,
    pub links: String,
    pub summary: String,
    pub cv_key: Option<String>,
    pub cv_size: Option<i64>,
    /// The secret of the candidate's links (confirm, manage, delete); never shown to recruiters.
    #[serde(skip)]
    pub token: String,
    pub confirmed_at: Option<DateTimeUtc>,
    pub renewed_at: DateTimeUtc,
    pub reminded_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
