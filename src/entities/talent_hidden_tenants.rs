use sea_orm::entity::prelude::*;

/// A ministry a talent chose not to be seen by.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "talent_hidden_tenants")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub talent_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
