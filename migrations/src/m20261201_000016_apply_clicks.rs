//! How many times a day each offer's "apply" button led to its external site or its email
//! address: a count, nothing about who clicked.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ApplyClicks {
    Table,
    Id,
    OfferId,
    TenantId,
    Day,
    Clicks,
}

#[derive(DeriveIden)]
enum Offers {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ApplyClicks::Table)
                    .col(pk_auto(ApplyClicks::Id))
                    .col(integer(ApplyClicks::OfferId))
                    .col(integer(ApplyClicks::TenantId))
                    .col(date(ApplyClicks::Day))
                    .col(big_integer(ApplyClicks::Clicks))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ApplyClicks::Table, ApplyClicks::OfferId)
                            .to(Offers::Table, Offers::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_apply_clicks_offer_day")
                    .table(ApplyClicks::Table)
                    .col(ApplyClicks::OfferId)
                    .col(ApplyClicks::Day)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(ApplyClicks::Table).to_owned())
            .await
    }
}
