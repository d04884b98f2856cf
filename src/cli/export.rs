//! `export stats`: a year of statistics as a file, the same figures as the back-office page.

use std::{io::IsTerminal, path::PathBuf, time::Duration};

use chrono::{DateTime, Utc};
use indicatif::{ProgressBar, ProgressStyle};

use crate::{
    accounts::AdminScope,
    config::Config,
    db,
    error::AppResult,
    i18n::{I18n, Lang},
    statistics::{self, Format, Level},
};

/// Reports each step: a progress bar on a terminal, plain lines otherwise (logs, CI).
enum Progress {
    Bar(ProgressBar),
    Lines,
}

impl Progress {
    fn new(steps: u64) -> Self {
        if !std::io::stderr().is_terminal() {
            return Progress::Lines;
        }
        let bar = ProgressBar::new(steps);
        if let Ok(style) = ProgressStyle::with_template("{bar:30} {pos}/{len} {msg}") {
            bar.set_style(style);
        }
        bar.enable_steady_tick(Duration::from_millis(120));
        Progress::Bar(bar)
    }

    fn step(&self, message: &str) {
        match self {
            Progress::Bar(bar) => {
                bar.inc(1);
                bar.set_message(message.to_owned());
            }
            Progress::Lines => eprintln!("export: {message}"),
        }
    }

    fn done(&self, message: String) {
        match self {
            Progress::Bar(bar) => bar.finish_with_message(message),
            Progress::Lines => eprintln!("export: {message}"),
        }
    }
}

/// Writes the statistics of `year` (of ministry `tenant`, else the whole site) in `format` to
/// `output`, or to the standard output.
pub async fn stats(
    config: &Config,
    (year, tenant): (&str, Option<&str>),
    format: Format,
    output: Option<PathBuf>,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let progress = Progress::new(4);
    progress.step("opening the database");
    let db = db::open(config).await?;
    let year = statistics::check_year(&db, year, now).await?;
    let level = match tenant {
        None => Level::Nation,
        Some(slug) => {
            let ministry = statistics::ministry_by_slug(&db, slug).await?;
            Level::Ministry(AdminScope::system().ministry(ministry.key()))
        }
    };
    progress.step("computing the figures");
    let report = statistics::report(&db, &level, year, now).await?;
    progress.step("writing the file");
    let i18n = I18n::load()?;
    let bytes =
        tokio::task::spawn_blocking(move || statistics::export(&report, format, &i18n, Lang::Fr))
            .await
            .map_err(|error| crate::error::AppError::setup("export", error))??;
    progress.step("saving");
    match &output {
        Some(path) => std::fs::write(path, &bytes)?,
        None => {
            use std::io::Write;
            std::io::stdout().write_all(&bytes)?;
        }
    }
    let to = output.map_or_else(
        || "the standard output".to_owned(),
        |p| p.display().to_string(),
    );
    progress.done(format!(
        "{} bytes of {} written to {to}",
        bytes.len(),
        format.code()
    ));
    Ok(())
}
