//! `serve` and `worker`: the portal, and the scheduled jobs without it.

use std::net::SocketAddr;

use chrono::{DateTime, Utc};
use sea_orm::{EntityTrait, PaginatorTrait};

use crate::{app::AppState, config::Config, demo, error::AppResult, web};

/// Serves the portal; with `demo`, seeds the demo data into an empty database first.
pub async fn serve(
    mut config: Config,
    demo: bool,
    bind: Option<SocketAddr>,
    now: DateTime<Utc>,
) -> AppResult<()> {
    if let Some(bind) = bind {
        if config.server.base_url == format!("http://{}", config.server.bind) {
            config.server.base_url = format!("http://{bind}");
        }
        config.server.bind = bind;
    }
    config.demo = demo;
    let state = AppState::build(config).await?;
    if demo {
        let empty = crate::entities::tenants::Entity::find()
            .count(&state.db)
            .await?
            == 0;
        if empty {
            let report = demo::seed(&state.db, demo::DEFAULT_OFFERS, now).await?;
            tracing::info!(?report, "demo data seeded");
        }
        let history = demo::seed_history(&state.db, now).await?;
        tracing::info!(history, "two years of demo statistics ready");
        let accounts = demo::seed_accounts(&state.db, now).await?;
        demo::seed_proposal(&state.db, &state.letterhead(), now).await?;
        let pictures = demo::seed_media(&state.db, &state.storage, now).await?;
        tracing::info!(pictures, "demo pictures ready");
        let letterhead = state.letterhead();
        let applications =
            demo::seed_applications(&state.db, &state.storage, &letterhead, now).await?;
        tracing::info!(applications, "demo applications ready");
        let talents = demo::seed_talents(&state.db, &state.storage, &letterhead, now).await?;
        tracing::info!(talents, "demo talent pool ready");
        tracing::info!(accounts, "demo accounts ready: log in at /connexion");
    }
    // The portal works without its media: say so loudly, but serve.
    if let Err(error) = state.storage.check().await {
        tracing::error!(%error, "the media storage does not answer");
    }
    web::serve(state).await
}

/// Runs the scheduled jobs on their schedules until Ctrl-C.
pub async fn worker(config: Config) -> AppResult<()> {
    let state = AppState::build(config).await?;
    let _scheduler = crate::jobs::scheduler::start(state.clone()).await?;
    tracing::info!("the scheduled jobs run; stop with Ctrl-C");
    tokio::signal::ctrl_c().await?;
    Ok(())
}
