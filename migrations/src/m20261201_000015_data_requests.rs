//! A candidate's requests about their personal data: to receive what the site holds about
//! their address, or to erase it, each confirmed through a link emailed to that address.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum DataRequests {
    Table,
    Id,
    /// Lower-cased.
    Email,
    /// `export` or `erase`.
    Kind,
    /// The secret of the emailed link.
    Token,
    CreatedAt,
    DoneAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(DataRequests::Table)
                    .col(pk_auto(DataRequests::Id))
                    .col(string(DataRequests::Email))
                    .col(string(DataRequests::Kind))
                    .col(string(DataRequests::Token).unique_key())
                    .col(timestamp_with_time_zone(DataRequests::CreatedAt))
                    .col(timestamp_with_time_zone_null(DataRequests::DoneAt))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(DataRequests::Table).to_owned())
            .await
    }
}
