//! Changes to live items wait for review while the published version stays online: an offer or
//! a story points at its proposed revision. And an approved item may wait for a publication
//! date chosen by its editor.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Offers {
    Table,
}

#[derive(DeriveIden)]
enum Stories {
    Table,
}

#[derive(DeriveIden)]
enum Content {
    /// The revision holding a proposed change of the live item, if any.
    ProposalId,
    /// When an approved item goes public, if its editor chose a later date.
    PublishAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per statement.
        for table in [Offers::Table.into_iden(), Stories::Table.into_iden()] {
            for column in [
                integer_null(Content::ProposalId),
                timestamp_with_time_zone_null(Content::PublishAt),
            ] {
                let mut column = column;
                manager
                    .alter_table(
                        Table::alter()
                            .table(table.clone())
                            .add_column(&mut column)
                            .to_owned(),
                    )
                    .await?;
            }
        }
        Ok(())
    }
}
