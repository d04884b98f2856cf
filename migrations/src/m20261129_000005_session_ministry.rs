//! The ministry a back-office session works on: a user who belongs to several switches between
//! them, and every page and action of the session applies to that one.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Sessions {
    Table,
    TenantId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Sessions::Table)
                    .add_column(integer_null(Sessions::TenantId))
                    .to_owned(),
            )
            .await
    }
}
