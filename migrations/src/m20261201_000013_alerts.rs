//! Job alerts: a search of `/offres` a candidate receives by email, daily or weekly, once they
//! confirm their address; and which offers each address was already sent.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Alerts {
    Table,
    Id,
    /// Lower-cased.
    Email,
    /// The search, as the query string of `/offres` (its normalised parameters).
    Filter,
    /// `daily` or `weekly`.
    Frequency,
    /// The secret of the links in the alert's emails (confirm, unsubscribe).
    Token,
    ConfirmedAt,
    LastSentAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum AlertDeliveries {
    Table,
    Id,
    Email,
    OfferId,
    SentAt,
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
                    .table(Alerts::Table)
                    .col(pk_auto(Alerts::Id))
                    .col(string(Alerts::Email))
                    .col(text(Alerts::Filter))
                    .col(string(Alerts::Frequency))
                    .col(string(Alerts::Token).unique_key())
                    .col(timestamp_with_time_zone_null(Alerts::ConfirmedAt))
                    .col(timestamp_with_time_zone_null(Alerts::LastSentAt))
                    .col(timestamp_with_time_zone(Alerts::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_alerts_email")
                    .table(Alerts::Table)
                    .col(Alerts::Email)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(AlertDeliveries::Table)
                    .col(pk_auto(AlertDeliveries::Id))
                    .col(string(AlertDeliveries::Email))
                    .col(integer(AlertDeliveries::OfferId))
                    .col(timestamp_with_time_zone(AlertDeliveries::SentAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(AlertDeliveries::Table, AlertDeliveries::OfferId)
                            .to(Offers::Table, Offers::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_alert_deliveries_email_offer")
                    .table(AlertDeliveries::Table)
                    .col(AlertDeliveries::Email)
                    .col(AlertDeliveries::OfferId)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(AlertDeliveries::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(Alerts::Table).to_owned())
            .await
    }
}
