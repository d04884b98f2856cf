//! The application state shared by every request, built once at start-up.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use sea_orm::DatabaseConnection;
use sha2::Digest;

use crate::{
    accounts::proconnect::ProConnect,
    caches::{attempts::RateLimiter, media::MediaCache, pages::PageCache},
    config::Config,
    db,
    error::AppResult,
    i18n::I18n,
    mail::Mailer,
    media::storage::Storage,
    render::Renderer,
};

pub struct AppState {
    pub config: Config,
    pub db: DatabaseConnection,
    pub i18n: Arc<I18n>,
    pub renderer: Renderer,
    pub page_cache: PageCache,
    /// The offers as search reads them (see `search`).
    pub search: crate::search::SearchIndex,
    /// ProConnect login, when configured.
    pub proconnect: Option<ProConnect>,
    /// Bounds login attempts per client.
    pub login_limiter: RateLimiter,
    /// Bounds applications per client.
    pub application_limiter: RateLimiter,
    /// Bounds API requests per client address (see `web::api`).
    pub api_limiter: RateLimiter,
    /// Bounds API requests per token, counted by its id once it is recognised.
    pub api_token_limiter: RateLimiter<i32>,
    /// Sends the email outbox.
    pub mailer: Mailer,
    /// Where media files live.
    pub storage: Storage,
    /// What time it is (settable in tests).
    pub clock: Clock,
    /// Image renditions kept in memory once served.
    pub media_cache: MediaCache,
    /// Page views counted since they were last written (see `analytics`).
    pub views: crate::analytics::Views,
    /// What the portal signs its cookies with (see `Config::secret_key`).
    pub signing_key: [u8; 32],
}

/// The time the application lives at: the system's, unless a test set it.
#[derive(Default)]
pub struct Clock {
    fixed: std::sync::RwLock<Option<DateTime<Utc>>>,
}

impl Clock {
    pub fn now(&self) -> DateTime<Utc> {
        let fixed = *self
            .fixed
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        fixed.unwrap_or_else(Utc::now)
    }

    /// Stops the clock at `at` (tests).
    pub fn set(&self, at: DateTime<Utc>) {
        *self
            .fixed
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = Some(at);
    }
}

pub type SharedState = Arc<AppState>;

impl AppState {
    /// Connects to the database, applies the migrations and loads translations and themes.
    pub async fn build(config: Config) -> AppResult<SharedState> {
        let db = db::open(&config).await?;
        Self::with_database(config, db)
    }

    /// Builds the state on an open, migrated database.
    pub fn with_database(config: Config, db: DatabaseConnection) -> AppResult<SharedState> {
        let i18n = Arc::new(I18n::load()?);
        let renderer = Renderer::new(config.server.themes_dir.clone(), i18n.clone())?;
        let page_cache = PageCache::new(std::time::Duration::from_secs(
            config.server.page_cache_seconds,
        ));
        let proconnect = match &config.auth.proconnect {
            Some(settings) => Some(ProConnect::new(settings.clone(), &config.server.base_url)?),
            None => None,
        };
        let signing_key = match &config.auth.secret_key {
            Some(secret) => sha2::Sha256::digest(secret.as_bytes()).into(),
            None => {
                let mut key = [0u8; 32];
                getrandom::fill(&mut key).map_err(|e| {
                    crate::error::AppError::Io(std::io::Error::other(e.to_string()))
                })?;
                key
            }
        };
        Ok(Arc::new(Self {
            signing_key,
            mailer: Mailer::new(&config.mail, &config.server.data_dir)?,
            storage: Storage::new(&config)?,
            clock: Clock::default(),
            media_cache: MediaCache::default(),
            views: crate::analytics::Views::default(),
            proconnect,
            login_limiter: RateLimiter::new(config.auth.login_attempts_per_minute),
            application_limiter: RateLimiter::new(crate::applications::PER_CLIENT_AND_MINUTE),
            api_limiter: RateLimiter::new(config.server.api_rate_limit_per_minute),
            api_token_limiter: RateLimiter::new(config.server.api_rate_limit_per_minute),
            config,
            db,
            i18n,
            renderer,
            page_cache,
            search: crate::search::SearchIndex::default(),
        }))
    }

    /// What emails need to be composed: the messages, the templates and the site's address.
    pub fn letterhead(&self) -> crate::mail::Letterhead<'_> {
        crate::mail::Letterhead {
            i18n: &self.i18n,
            renderer: &self.renderer,
            base_url: &self.config.server.base_url,
        }
    }

    /// What the scheduled jobs may use.
    pub fn jobs(&self) -> crate::jobs::Context<'_> {
        crate::jobs::Context {
            db: &self.db,
            clock: &self.clock,
            page_cache: &self.page_cache,
            search: &self.search,
            mailer: &self.mailer,
            letterhead: self.letterhead(),
            storage: &self.storage,
            retention: crate::jobs::Retention {
                session_idle: self.config.auth.session_policy().idle,
                email_days: self.config.jobs.email_retention_days,
                audit_days: self.config.jobs.audit_retention_days,
                application_days: self.config.jobs.application_retention_days,
                talent_days: self.config.jobs.talent_retention_days,
            },
        }
    }

    /// The offers as search sees them, up to the database's last change.
    pub async fn catalogue(
        &self,
    ) -> AppResult<std::sync::RwLockReadGuard<'_, crate::search::Catalogue>> {
        self.search.current(&self.db).await
    }

    /// The current time; every rule that depends on time reads it from here.
    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }
}
