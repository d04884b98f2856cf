//! Scheduled jobs: one row per run (claimed by inserting it, so that of several instances
//! only one runs a given tick), and the expiry reminders already sent (each once).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum JobRuns {
    Table,
    Id,
    Job,
    /// The tick this run is for (the moment of a manual run): unique with `job`.
    ScheduledAt,
    /// `schedule`, `manual` (back-office) or `command` (`metiers jobs run`).
    Trigger,
    StartedAt,
    FinishedAt,
    RowsAffected,
    Error,
}

#[derive(DeriveIden)]
enum OfferReminders {
    Table,
    OfferId,
    /// 7 or 1: how many days before the expiry.
    DaysBefore,
    /// The expiry it was about: extending an offer makes new reminders due.
    ExpiresAt,
    SentAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(JobRuns::Table)
                    .col(pk_auto(JobRuns::Id))
                    .col(string(JobRuns::Job))
                    .col(timestamp_with_time_zone(JobRuns::ScheduledAt))
                    .col(string(JobRuns::Trigger))
                    .col(timestamp_with_time_zone(JobRuns::StartedAt))
                    .col(timestamp_with_time_zone_null(JobRuns::FinishedAt))
                    .col(big_integer_null(JobRuns::RowsAffected))
                    .col(text_null(JobRuns::Error))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_job_runs_tick")
                    .table(JobRuns::Table)
                    .col(JobRuns::Job)
                    .col(JobRuns::ScheduledAt)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(OfferReminders::Table)
                    .col(integer(OfferReminders::OfferId))
                    .col(integer(OfferReminders::DaysBefore))
                    .col(timestamp_with_time_zone(OfferReminders::ExpiresAt))
                    .col(timestamp_with_time_zone(OfferReminders::SentAt))
                    .primary_key(
                        Index::create()
                            .col(OfferReminders::OfferId)
                            .col(OfferReminders::DaysBefore)
                            .col(OfferReminders::ExpiresAt),
                    )
                    .to_owned(),
            )
            .await?;
        Ok(())
    }
}
