//! The `jobs` section: whether `serve` runs the scheduled jobs, their schedules, and how long
//! the data they purge is kept.

use super::sources::Sources;
use crate::error::AppError;

#[derive(Clone, Debug)]
pub struct JobsConfig {
    /// Whether `serve` runs the scheduled jobs (off when a `metiers worker` runs them).
    pub scheduler: bool,
    /// Job schedules that differ from the defaults, by job name.
    pub schedules: Vec<(String, String)>,
    /// Days the audit log keeps who did what before it forgets the people.
    pub audit_retention_days: i64,
    /// Days an email stays in the outbox.
    pub email_retention_days: i64,
    /// Days an application made on the site is kept, with its CV.
    pub application_retention_days: i64,
    /// Days a talent profile lasts unless its candidate renews it.
    pub talent_retention_days: i64,
}

impl JobsConfig {
    pub(super) fn from_sources(sources: &Sources) -> Result<Self, AppError> {
        let file = &sources.file;
        let schedules = [
            ("expire_offers", &file.schedule_expire_offers),
            ("expiry_reminders", &file.schedule_expiry_reminders),
            ("publish_scheduled", &file.schedule_publish_scheduled),
            ("purge_personal_data", &file.schedule_purge_personal_data),
            ("outbox", &file.schedule_outbox),
            ("send_alerts", &file.schedule_send_alerts),
        ]
        .into_iter()
        .filter_map(|(job, from_file)| {
            sources
                .pick(&format!("schedule_{job}"), from_file)
                .map(|cron| (job.to_owned(), cron.value))
        })
        .collect();
        Ok(Self {
            scheduler: sources.flag("scheduler", &file.scheduler, true)?,
            schedules,
            audit_retention_days: sources.positive(
                "audit_retention_days",
                &file.audit_retention_days,
                365,
                "days",
            )?,
            email_retention_days: sources.positive(
                "email_retention_days",
                &file.email_retention_days,
                30,
                "days",
            )?,
            application_retention_days: sources.positive(
                "application_retention_days",
                &file.application_retention_days,
                crate::applications::DEFAULT_RETENTION_DAYS,
                "days",
            )?,
            talent_retention_days: sources.positive(
                "talent_retention_days",
                &file.talent_retention_days,
                crate::talents::DEFAULT_RETENTION_DAYS,
                "days",
            )?,
        })
    }

    /// The schedule of job `job`: the configured one, else `default`.
    pub fn schedule(&self, job: &str, default: &str) -> String {
        self.schedules
            .iter()
            .find(|(name, _)| name == job)
            .map_or_else(|| default.to_owned(), |(_, cron)| cron.clone())
    }
}
