//! The jobs on their schedules, with `tokio-cron-scheduler`, in Paris time. Every instance
//! that runs a scheduler fires each tick; the first to claim it runs it (see [`super::run`]).
//! Ticks are told apart by the minute, so a job runs at most once a minute.

use chrono::{Duration, DurationRound};
use tokio_cron_scheduler::{Job as CronJob, JobScheduler};

use super::{Job, Trigger, run};
use crate::{
    app::SharedState,
    error::{AppError, AppResult},
};

fn failed(error: impl std::fmt::Display) -> AppError {
    AppError::setup("job scheduler", error)
}

/// Starts every job on its schedule; the scheduler runs until the process ends.
pub async fn start(state: SharedState) -> AppResult<JobScheduler> {
    let scheduler = JobScheduler::new().await.map_err(failed)?;
    for job in Job::ALL {
        let schedule = state
            .config
            .jobs
            .schedule(job.name(), job.default_schedule());
        let state = state.clone();
        let cron =
            CronJob::new_async_tz(schedule.as_str(), chrono_tz::Europe::Paris, move |_, _| {
                let state = state.clone();
                Box::pin(async move {
                    let now = state.now();
                    let tick = now.duration_trunc(Duration::minutes(1)).unwrap_or(now);
                    if let Err(error) = run(&state.jobs(), job, tick, Trigger::Schedule).await {
                        tracing::error!(job = job.name(), %error, "a job could not be run");
                    }
                })
            })
            .map_err(|e| AppError::Config {
                key: format!("METIERS_SCHEDULE_{}", job.name().to_uppercase()),
                message: format!("'{schedule}': {e}"),
            })?;
        scheduler.add(cron).await.map_err(failed)?;
    }
    scheduler.start().await.map_err(failed)?;
    Ok(scheduler)
}
