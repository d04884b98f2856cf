//! What the yearly goals are measured with: counts per day (`daily_counts`, which takes over
//! the apply clicks of `apply_clicks`), the recruitments made through the site (`recruitments`,
//! nothing about the person) and the goals set for each year (`goals`).
//!
//! None of them points at an offer or a ministry with a foreign key: the figures of past years
//! stay when an offer or a ministry goes. `0` stands for "no ministry" and "no offer".

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum DailyCounts {
    Table,
    Id,
    Day,
    Metric,
    TenantId,
    OfferId,
    Count,
}

#[derive(DeriveIden)]
enum Recruitments {
    Table,
    Id,
    TenantId,
    OfferId,
    HiredOn,
    DaysToHire,
}

#[derive(DeriveIden)]
enum Goals {
    Table,
    Id,
    Year,
    Indicator,
    TenantId,
    Target,
    UpdatedBy,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum ApplyClicks {
    Table,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(DailyCounts::Table)
                    .col(pk_auto(DailyCounts::Id))
                    .col(date(DailyCounts::Day))
                    .col(string_len(DailyCounts::Metric, 32))
                    .col(integer(DailyCounts::TenantId).default(0))
                    .col(integer(DailyCounts::OfferId).default(0))
                    .col(big_integer(DailyCounts::Count))
                    .to_owned(),
            )
            .await?;
        // One row per day, metric, ministry and offer: what counts add to. Offer first, so that
        // the ministries' totals (offer 0) of a year are one range.
        manager
            .create_index(
                Index::create()
                    .name("idx_daily_counts_key")
                    .table(DailyCounts::Table)
                    .col(DailyCounts::OfferId)
                    .col(DailyCounts::Day)
                    .col(DailyCounts::Metric)
                    .col(DailyCounts::TenantId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        // The same with the count: the reports read the index alone.
        manager
            .create_index(
                Index::create()
                    .name("idx_daily_counts_report")
                    .table(DailyCounts::Table)
                    .col(DailyCounts::OfferId)
                    .col(DailyCounts::Day)
                    .col(DailyCounts::Metric)
                    .col(DailyCounts::TenantId)
                    .col(DailyCounts::Count)
                    .to_owned(),
            )
            .await?;
        // The apply clicks counted so far, with their ministry's total of each day.
        let db = manager.get_connection();
        db.execute_unprepared(
            "INSERT INTO daily_counts (day, metric, tenant_id, offer_id, count) \
             SELECT day, 'apply_elsewhere', tenant_id, offer_id, clicks FROM apply_clicks",
        )
        .await?;
        db.execute_unprepared(
            "INSERT INTO daily_counts (day, metric, tenant_id, offer_id, count) \
             SELECT day, 'apply_elsewhere', tenant_id, 0, SUM(clicks) FROM apply_clicks \
             GROUP BY day, tenant_id",
        )
        .await?;
        manager
            .drop_table(Table::drop().table(ApplyClicks::Table).to_owned())
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Recruitments::Table)
                    .col(pk_auto(Recruitments::Id))
                    .col(integer(Recruitments::TenantId))
                    .col(integer(Recruitments::OfferId))
                    .col(date(Recruitments::HiredOn))
                    .col(integer_null(Recruitments::DaysToHire))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_recruitments_hired_on")
                    .table(Recruitments::Table)
                    .col(Recruitments::HiredOn)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Goals::Table)
                    .col(pk_auto(Goals::Id))
                    .col(integer(Goals::Year))
                    .col(string_len(Goals::Indicator, 32))
                    .col(integer(Goals::TenantId).default(0))
                    .col(integer(Goals::Target))
                    .col(integer_null(Goals::UpdatedBy))
                    .col(timestamp_with_time_zone(Goals::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_goals_key")
                    .table(Goals::Table)
                    .col(Goals::Year)
                    .col(Goals::Indicator)
                    .col(Goals::TenantId)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            Goals::Table.into_iden(),
            Recruitments::Table.into_iden(),
            DailyCounts::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
