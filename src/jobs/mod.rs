//! Scheduled jobs: offers expire, editors are reminded before, scheduled publications go live,
//! personal data past its retention goes, the email outbox is sent, job alerts go out. Each job is idempotent,
//! runs on its schedule (`serve`, or a dedicated `metiers worker`) and by hand
//! (`metiers jobs run NAME`, or the back-office's "run now").
//!
//! One run across instances: a run starts by inserting its `job_runs` row, unique by job and
//! tick, so that when several instances share a database only the first to claim a tick runs
//! it (a lease row; no consensus of our own). On SQLite a single instance is assumed.

mod purge;
mod reminders;
pub mod scheduler;

use chrono::{DateTime, Duration, DurationRound, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
    sea_query::{Expr, ExprTrait},
};

use crate::{
    accounts::AdminScope,
    app::Clock,
    caches::pages::PageCache,
    codes::Status,
    content::Content,
    entities::{job_runs, offers, stories},
    error::{AppError, AppResult},
    mail::{Letterhead, Mailer},
};

/// What a job may use, and nothing else of the application: the database, the clock, the
/// page cache (so that what a job changes shows at once), the mailer and what composing an
/// email needs, and how long personal data is kept. `AppState::jobs` builds it.
pub struct Context<'a> {
    pub db: &'a sea_orm::DatabaseConnection,
    pub clock: &'a Clock,
    pub page_cache: &'a PageCache,
    /// Which offers match an alert.
    pub search: &'a crate::search::SearchIndex,
    pub mailer: &'a Mailer,
    pub letterhead: Letterhead<'a>,
    /// Where candidates' CVs are kept, which their purge deletes.
    pub storage: &'a crate::media::storage::Storage,
    pub retention: Retention,
}

/// How long personal data is kept before `purge_personal_data` deletes it.
#[derive(Clone, Copy, Debug)]
pub struct Retention {
    /// A session idle for this long is over.
    pub session_idle: Duration,
    pub email_days: i64,
    pub audit_days: i64,
    pub application_days: i64,
    pub talent_days: i64,
}

/// The jobs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Job {
    ExpireOffers,
    ExpiryReminders,
    PublishScheduled,
    PurgePersonalData,
    Outbox,
    SendAlerts,
}

impl Job {
    pub const ALL: [Job; 6] = [
        Job::ExpireOffers,
        Job::ExpiryReminders,
        Job::PublishScheduled,
        Job::PurgePersonalData,
        Job::Outbox,
        Job::SendAlerts,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Job::ExpireOffers => "expire_offers",
            Job::ExpiryReminders => "expiry_reminders",
            Job::PublishScheduled => "publish_scheduled",
            Job::PurgePersonalData => "purge_personal_data",
            Job::Outbox => "outbox",
            Job::SendAlerts => "send_alerts",
        }
    }

    pub fn parse(name: &str) -> Option<Job> {
        Job::ALL.into_iter().find(|job| job.name() == name)
    }

    /// When it runs unless configured otherwise (`sec min hour day month weekday`, Paris time).
    pub fn default_schedule(self) -> &'static str {
        match self {
            Job::ExpireOffers | Job::PublishScheduled => "0 * * * * *",
            Job::ExpiryReminders => "0 0 8 * * *",
            Job::PurgePersonalData => "0 30 3 * * *",
            Job::Outbox => "30 * * * * *",
            // Hourly, after the publications of the hour went live.
            Job::SendAlerts => "0 15 * * * *",
        }
    }

    /// Does the job's work at `now`; returns how many rows (offers, emails…) it touched.
    async fn work(self, jobs: &Context<'_>, now: DateTime<Utc>) -> AppResult<u64> {
        match self {
            Job::ExpireOffers => expire_offers(jobs, now).await,
            Job::ExpiryReminders => {
                let offers = reminders::send(jobs, now).await?;
                let talents = crate::talents::remind(
                    jobs.db,
                    &jobs.letterhead,
                    jobs.retention.talent_days,
                    now,
                )
                .await?;
                Ok(offers + talents)
            }
            Job::PublishScheduled => publish_scheduled(jobs, now).await,
            Job::PurgePersonalData => purge::run(jobs, now).await,
            Job::Outbox => Ok(jobs.mailer.deliver_due(jobs.db, now).await? as u64),
            Job::SendAlerts => {
                crate::alerts::send_due(jobs.db, jobs.search, &jobs.letterhead, now).await
            }
        }
    }
}

/// What started a run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trigger {
    Schedule,
    /// The back-office's "run now".
    Manual,
    /// `metiers jobs run`.
    Command,
}

impl Trigger {
    fn code(self) -> &'static str {
        match self {
            Trigger::Schedule => "schedule",
            Trigger::Manual => "manual",
            Trigger::Command => "command",
        }
    }
}

/// Runs `job` for tick `tick`, unless another instance claimed that tick already (`None`).
/// The run is recorded, with its error if it failed.
pub async fn run(
    jobs: &Context<'_>,
    job: Job,
    tick: DateTime<Utc>,
    trigger: Trigger,
) -> AppResult<Option<job_runs::Model>> {
    let tick = tick.duration_trunc(Duration::seconds(1)).unwrap_or(tick);
    let claimed = job_runs::ActiveModel {
        job: Set(job.name().to_owned()),
        scheduled_at: Set(tick),
        trigger: Set(trigger.code().to_owned()),
        started_at: Set(jobs.clock.now()),
        ..Default::default()
    }
    .insert(jobs.db)
    .await;
    let claimed = match claimed {
        Ok(row) => row,
        Err(error) if crate::db::is_unique_violation(&error) => return Ok(None),
        Err(error) => return Err(error.into()),
    };
    let outcome = job.work(jobs, jobs.clock.now()).await;
    let mut finished: job_runs::ActiveModel = claimed.into();
    finished.finished_at = Set(Some(jobs.clock.now()));
    match &outcome {
        Ok(rows) => finished.rows_affected = Set(Some(i64::try_from(*rows).unwrap_or(i64::MAX))),
        Err(error) => {
            tracing::error!(job = job.name(), %error, "a job failed");
            finished.error = Set(Some(error.to_string()));
        }
    }
    Ok(Some(finished.update(jobs.db).await?))
}

/// Published offers whose expiry has come become expired, in one statement; the portal
/// already hides them from that minute, this makes it their status (410 on their page).
async fn expire_offers(jobs: &Context<'_>, now: DateTime<Utc>) -> AppResult<u64> {
    let expired = offers::Entity::update_many()
        .col_expr(offers::Column::Status, Expr::value(Status::Expired))
        .col_expr(
            offers::Column::Version,
            Expr::col(offers::Column::Version).add(1),
        )
        .col_expr(offers::Column::UpdatedAt, Expr::value(now))
        .filter(offers::Column::Status.eq(Status::Published))
        .filter(offers::Column::ExpiresAt.lte(now))
        .exec(jobs.db)
        .await?;
    if expired.rows_affected > 0 {
        jobs.page_cache.clear();
    }
    Ok(expired.rows_affected)
}

/// Approved items whose publication day came since the last run go live: they show on the
/// portal from that moment; this clears the page cache so that they do at once. Returns how
/// many came out.
async fn publish_scheduled(jobs: &Context<'_>, now: DateTime<Utc>) -> AppResult<u64> {
    let since = job_runs::Entity::find()
        .filter(job_runs::Column::Job.eq(Job::PublishScheduled.name()))
        .filter(job_runs::Column::FinishedAt.is_not_null())
        .filter(job_runs::Column::Error.is_null())
        .order_by_desc(job_runs::Column::StartedAt)
        .one(jobs.db)
        .await?
        .map_or(now - Duration::days(1), |run| run.started_at);
    let offers = came_out::<offers::Entity>(jobs.db, since, now).await?;
    let stories = came_out::<stories::Entity>(jobs.db, since, now).await?;
    if offers + stories > 0 {
        jobs.page_cache.clear();
    }
    Ok(offers + stories)
}

/// How many published items of `E` went public after `since`, up to `now`.
async fn came_out<E: Content>(
    db: &impl ConnectionTrait,
    since: DateTime<Utc>,
    now: DateTime<Utc>,
) -> AppResult<u64> {
    Ok(E::find()
        .filter(E::COLUMNS.status.eq(Status::Published))
        .filter(E::COLUMNS.published_at.gt(since))
        .filter(E::COLUMNS.published_at.lte(now))
        .count(db)
        .await?)
}

/// The newest runs, newest first, and the failed ones among the last day's (DINUM admins).
pub async fn recent(
    db: &impl ConnectionTrait,
    _scope: &AdminScope,
    limit: u64,
) -> AppResult<Vec<job_runs::Model>> {
    Ok(job_runs::Entity::find()
        .order_by_desc(job_runs::Column::StartedAt)
        .order_by_desc(job_runs::Column::Id)
        .limit(limit)
        .all(db)
        .await?)
}

/// Runs `job` now on behalf of a DINUM admin (the back-office's "run now").
pub async fn run_now(
    jobs: &Context<'_>,
    _scope: &AdminScope,
    job: Job,
) -> AppResult<Option<job_runs::Model>> {
    run(jobs, job, jobs.clock.now(), Trigger::Manual).await
}

/// Refuses an unknown job name, for the command line and the back-office.
pub fn named(name: &str) -> AppResult<Job> {
    Job::parse(name).ok_or_else(|| {
        let names: Vec<&str> = Job::ALL.iter().map(|job| job.name()).collect();
        AppError::argument(
            "job",
            format!("unknown job {name} (one of {})", names.join(", ")),
        )
    })
}

/// A schedule (`sec min hour day month weekday`) as people read it: the message that says
/// it (`admin-schedule-…`) and that message's arguments. What has no words yet is shown as
/// the cron string it is (`admin-schedule-cron`).
pub fn describe_schedule(cron: &str) -> (&'static str, Vec<(&'static str, String)>) {
    let fields: Vec<&str> = cron.split_whitespace().collect();
    let number = |field: &str| field.parse::<u32>().ok();
    match fields.as_slice() {
        [second, "*", "*", "*", "*", "*"] if number(second).is_some() => {
            ("admin-schedule-every-minute", Vec::new())
        }
        [every, "*", "*", "*", "*", "*"] if every.strip_prefix("*/").and_then(number).is_some() => {
            let seconds = every.trim_start_matches("*/").to_owned();
            ("admin-schedule-every-seconds", vec![("seconds", seconds)])
        }
        [second, minute, "*", "*", "*", "*"] if number(second).is_some() => match number(minute) {
            Some(minute) => (
                "admin-schedule-hourly",
                vec![("minute", minute.to_string())],
            ),
            None => ("admin-schedule-cron", vec![("cron", cron.to_owned())]),
        },
        [second, minute, hour, "*", "*", "*"] if number(second).is_some() => {
            match (number(hour), number(minute)) {
                (Some(hour), Some(minute)) => (
                    "admin-schedule-daily",
                    vec![("time", format!("{hour:02}:{minute:02}"))],
                ),
                _ => ("admin-schedule-cron", vec![("cron", cron.to_owned())]),
            }
        }
        _ => ("admin-schedule-cron", vec![("cron", cron.to_owned())]),
    }
}

#[cfg(test)]
mod schedule_tests {
    use super::*;

    #[test]
    fn schedules_are_told_in_words() {
        let key = |cron: &str| describe_schedule(cron).0;
        assert_eq!(key("30 * * * * *"), "admin-schedule-every-minute");
        assert_eq!(key("*/10 * * * * *"), "admin-schedule-every-seconds");
        assert_eq!(
            describe_schedule("0 15 * * * *").1,
            [("minute", "15".to_owned())]
        );
        assert_eq!(
            describe_schedule("0 0 8 * * *").1,
            [("time", "08:00".to_owned())]
        );
        assert_eq!(key("0 0 9 * * Mon-Fri"), "admin-schedule-cron");
        for job in Job::ALL {
            assert_ne!(
                key(job.default_schedule()),
                "admin-schedule-cron",
                "{}",
                job.name()
            );
        }
    }
}
