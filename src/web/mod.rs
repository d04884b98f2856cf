//! HTTP: the route tree and its middleware. Handlers are thin: extract, call the domain, render.

pub mod admin;
pub mod api;
mod assets;
pub(crate) mod auth;
mod cache;
mod charts;
pub(crate) mod clients;
mod counting;
mod errors;
mod http;
mod limits;
pub mod media;
pub mod middleware;
pub mod portal;
mod statistics;

use std::sync::Arc;

use poem::{
    Endpoint, EndpointExt, IntoResponse, Response, get, handler,
    http::{StatusCode, header},
    listener::TcpListener,
    post,
    web::Data,
};

use crate::{
    app::SharedState,
    db,
    error::{AppError, AppResult},
};

/// The whole application as one endpoint.
pub fn router(state: SharedState) -> impl Endpoint<Output = Response> {
    let routes = portal::root()
        .at("/healthz", get(healthz))
        .at("/readyz", get(readyz))
        .at("/static/:version/*path", get(assets::static_file))
        .at("/media/*key", get(media::object))
        .at("/connexion", get(auth::login_page))
        .at("/connexion/demo", post(auth::demo_login))
        .at("/connexion/lien", post(auth::login_link_request))
        .at(
            "/connexion/lien/:token",
            get(auth::login_link_page_for).post(auth::login_link_use),
        )
        .at("/connexion/proconnect", get(auth::proconnect_start))
        .at("/connexion/proconnect/retour", get(auth::proconnect_return))
        .at("/deconnexion", post(auth::logout))
        .at("/deconnexion/retour", get(auth::logout_return))
        .nest("/admin", admin::routes())
        .nest("/api", api::routes(&state))
        .nest(
            "/en",
            portal::english()
                .at("/connexion", get(auth::login_page))
                .at("/api/docs", get(api::docs_page))
                .nest("/admin", admin::routes()),
        );
    routes
        .with(cache::CachedPages(state.clone()))
        .around(api::open_public_reads)
        .with_if(
            state.config.analytics.count_views,
            counting::CountViews(state.clone()),
        )
        .with(limits::Limits(state.clone()))
        .with(errors::ErrorPages(state.clone()))
        .with(middleware::security_headers(
            state.config.analytics.matomo.as_ref(),
        ))
        .with(middleware::Observe {
            https: state.config.server.is_https(),
        })
        .data(Arc::new(assets::AssetCache::default()))
        .data(state)
        .map_to_response()
}

/// The process is up.
#[handler]
fn healthz() -> &'static str {
    "ok"
}

/// The process can serve: the database answers and the search index is built (503 while
/// its first build runs, some seconds at 100 000 offers).
#[handler]
async fn readyz(Data(state): Data<&SharedState>) -> Response {
    let problem = if !db::ping(&state.db).await {
        "database unreachable"
    } else if state.search.is_building() {
        "search index building"
    } else if let Err(error) = state.search.sync(&state.db).await {
        tracing::warn!(%error, "the search index cannot be read");
        "search index unavailable"
    } else {
        return "ready".into_response();
    };
    Response::builder()
        .status(StatusCode::SERVICE_UNAVAILABLE)
        .header(header::CONTENT_TYPE, "text/plain; charset=utf-8")
        .body(problem)
}

/// Serves until Ctrl-C or SIGTERM.
pub async fn serve(state: SharedState) -> AppResult<()> {
    let bind = state.config.server.bind;
    let app = router(state.clone());
    tokio::spawn(crate::mail::Mailer::run(state.clone()));
    tokio::spawn(write_views(state.clone()));
    tokio::spawn(crate::search::watch(state.clone()));
    // Kept alive while serving; a worker instance runs them instead when this is off.
    let _scheduler = match state.config.jobs.scheduler {
        true => Some(crate::jobs::scheduler::start(state.clone()).await?),
        false => None,
    };
    tracing::info!(%bind, base_url = %state.config.server.base_url, "serving the portal");
    let served = poem::Server::new(TcpListener::bind(bind))
        .run_with_graceful_shutdown(
            app,
            shutdown_signal(),
            Some(std::time::Duration::from_secs(10)),
        )
        .await
        .map_err(|e| AppError::setup("server", format!("METIERS_BIND {bind}: {e}")));
    // The views of the last seconds, before the process ends.
    if let Err(error) = state.views.flush(&state.db).await {
        tracing::warn!(%error, "the last page views could not be written");
    }
    served
}

/// Writes the page views counted in memory every `count_flush_seconds`.
async fn write_views(state: SharedState) {
    let every = std::time::Duration::from_secs(state.config.analytics.flush_seconds);
    loop {
        tokio::time::sleep(every).await;
        if let Err(error) = state.views.flush(&state.db).await {
            tracing::warn!(%error, "page views not written yet: kept for the next try");
        }
    }
}

async fn shutdown_signal() {
    let ctrl_c = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        let mut terminate =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
                .expect("installing the SIGTERM handler");
        tokio::select! {
            _ = ctrl_c => {},
            _ = terminate.recv() => {},
        }
    }
    #[cfg(not(unix))]
    let _ = ctrl_c.await;
    tracing::info!("shutting down");
}
