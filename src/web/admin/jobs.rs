//! `/admin/taches`: the scheduled jobs' recent runs and failures (DINUM admins), and a button
//! that runs a job now.

use minijinja::context;
use poem::{
    Response, handler,
    web::{Form, Path},
};
use serde::Serialize;

use super::{Admin, Pairs};
use crate::{
    error::AppResult,
    jobs::{self, Job},
};

/// How many runs the page lists.
const RUNS_SHOWN: u64 = 200;

#[derive(Serialize)]
struct RunRow {
    job: &'static str,
    trigger: String,
    started_at: String,
    seconds: Option<String>,
    rows_affected: Option<i64>,
    error: Option<String>,
}

#[derive(Serialize)]
struct JobRow {
    name: &'static str,
    schedule: String,
}

#[handler]
pub async fn list(admin: Admin<'_>) -> AppResult<Response> {
    let runs = jobs::recent(&admin.state.db, &admin.everywhere()?, RUNS_SHOWN).await?;
    let rows: Vec<RunRow> = runs
        .into_iter()
        .filter_map(|run| {
            let job = Job::parse(&run.job)?;
            Some(RunRow {
                job: job.name(),
                trigger: admin.t(&format!("admin-jobs-trigger-{}", run.trigger)),
                started_at: super::paris_time_to_the_second(run.started_at),
                seconds: run.finished_at.map(|finished| {
                    let took = finished - run.started_at;
                    format!("{:.3}", took.num_milliseconds() as f64 / 1000.0)
                }),
                rows_affected: run.rows_affected,
                error: run.error,
            })
        })
        .collect();
    let failures = rows.iter().filter(|row| row.error.is_some()).count();
    let config = &admin.state.config;
    let jobs: Vec<JobRow> = Job::ALL
        .into_iter()
        .map(|job| {
            let cron = config.jobs.schedule(job.name(), job.default_schedule());
            let (key, args) = jobs::describe_schedule(&cron);
            let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
            JobRow {
                name: job.name(),
                schedule: admin.page.t_with(key, &args),
            }
        })
        .collect();
    let data = context! {
        runs => rows,
        failures => failures,
        jobs => jobs,
        scheduler => config.jobs.scheduler,
    };
    let title = admin.t("admin-jobs-title");
    admin.render("admin/jobs.html", title, "jobs", data)
}

#[handler]
pub async fn run_now(
    admin: Admin<'_>,
    Path(name): Path<String>,
    posted: Form<Pairs>,
) -> AppResult<Response> {
    admin.posted(posted)?;
    let job = jobs::named(&name)?;
    let ran = jobs::run_now(&admin.state.jobs(), &admin.everywhere()?, job).await?;
    let notice = match ran {
        Some(run) if run.error.is_none() => "job-done",
        Some(_) => "job-failed",
        None => "job-busy",
    };
    Ok(admin.redirect("/admin/taches", notice))
}
