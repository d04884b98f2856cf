//! A ministry's name as French sentences use it, with its article ("la DGFiP", "l'ANSSI",
//! "le ministère de l'Intérieur"), so that the portal writes "Site de la DGFiP", not "Site de
//! DGFiP". Empty: derived from the full name.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Tenants {
    Table,
    ShortName,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Tenants::Table)
                    .add_column(string(Tenants::ShortName).default(""))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Tenants::Table)
                    .drop_column(Tenants::ShortName)
                    .to_owned(),
            )
            .await
    }
}
