use sea_orm::entity::prelude::*;

/// A recruitment made through the site: an application moved to `hired`. Nothing about the
/// person: it outlives the application, which is erased on schedule or on request.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "recruitments")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub tenant_id: i32,
    pub offer_id: i32,
    pub hired_on: Date,
    /// Days from the offer's first publication to the hire.
    pub days_to_hire: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
