use sea_orm::entity::prelude::*;

use crate::codes::AlertFrequency;

/// A job alert: a search of the offers sent by email. Personal data (an address): read only
/// through `alerts::` functions, by the token of its links.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "alerts")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub email: String,
    /// The search, as the query string of `/offres`.
    pub filter: String,
    pub frequency: AlertFrequency,
    /// The secret of the alert's links (confirm, unsubscribe).
    #[serde(skip)]
    pub token: String,
    pub confirmed_at: Option<DateTimeUtc>,
    pub last_sent_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
