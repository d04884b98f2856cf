use sea_orm::entity::prelude::*;

/// An expiry reminder sent for an offer: `days_before` its expiry `expires_at`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "offer_reminders")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub offer_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub days_before: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub expires_at: DateTimeUtc,
    pub sent_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
