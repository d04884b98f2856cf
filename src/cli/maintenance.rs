//! Commands that look after the database and the storage: migrations, demo data, a job run
//! by hand, the media check.

use chrono::{DateTime, Utc};

use super::SeedArgs;
use crate::{
    accounts::AdminScope,
    app::AppState,
    config::Config,
    db, demo,
    error::{AppError, AppResult},
    media::{self, storage::Storage},
};

/// Applies the pending migrations.
pub async fn migrate(config: &Config) -> AppResult<()> {
    db::open(config).await?;
    println!("migrations applied");
    Ok(())
}

/// Writes the demo data that is missing.
pub async fn seed(config: &Config, args: SeedArgs, now: DateTime<Utc>) -> AppResult<()> {
    let db = db::open(config).await?;
    debug_assert!(args.demo);
    let report = demo::seed(&db, args.offers, now).await?;
    let storage = Storage::new(config)?;
    let pictures = demo::seed_media(&db, &storage, now).await?;
    println!(
        "seeded {} ministries, {} offers, {} stories, {pictures} pictures",
        report.ministries, report.offers, report.stories
    );
    if args.history {
        let past = demo::seed_history(&db, now).await?;
        println!("seeded {past} past offers and two years of daily figures");
    }
    Ok(())
}

/// Runs job `name` now.
pub async fn run_job(config: Config, name: &str) -> AppResult<()> {
    let job = crate::jobs::named(name)?;
    let state = AppState::build(config).await?;
    let trigger = crate::jobs::Trigger::Command;
    match crate::jobs::run(&state.jobs(), job, state.now(), trigger).await? {
        None => println!("{name}: already running for this second elsewhere"),
        Some(run) => match run.error {
            Some(error) => {
                return Err(AppError::JobFailed {
                    job: name.to_owned(),
                    error,
                });
            }
            None => println!("{name}: {} rows", run.rows_affected.unwrap_or(0)),
        },
    }
    Ok(())
}

/// Compares the media rows with the stored objects; with `repair`, removes the orphans.
pub async fn check_media(config: &Config, repair: bool) -> AppResult<()> {
    let db = db::open(config).await?;
    let storage = Storage::new(config)?;
    storage.check().await?;
    let found = media::check(&db, &AdminScope::system(), &storage).await?;
    for key in &found.orphan_objects {
        println!("orphan object {key}");
    }
    for (id, key) in &found.missing_objects {
        println!("missing object {key} of media {id}");
    }
    if repair {
        let removed = media::remove_orphans(&storage, &found).await?;
        println!("removed {removed} orphan objects");
    }
    let left = found.missing_objects.len()
        + if repair {
            0
        } else {
            found.orphan_objects.len()
        };
    if left == 0 {
        println!("media and storage agree");
        Ok(())
    } else {
        Err(AppError::MediaMismatches(left))
    }
}
