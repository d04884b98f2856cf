use sea_orm::entity::prelude::*;

/// How many times `metric` (an `analytics::Metric` code) happened on `day`. A row with an
/// offer counts that offer; a row with offer 0 is its ministry's total of the day (tenant 0:
/// what belongs to no ministry, like the talent pool).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "daily_counts")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub day: Date,
    pub metric: String,
    pub tenant_id: i32,
    pub offer_id: i32,
    pub count: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
