//! One typed [`Config`], read from an optional `metiers.toml` and overridden by `METIERS_*`
//! environment variables. Every key is documented in README.md; a bad value stops start-up with
//! one line naming the key.
//!
//! The file stays one flat table of keys ([`sources`]); the configuration is made of sections,
//! each read by its own module from the keys it owns.

mod analytics;
mod auth;
mod database;
mod jobs;
mod mail;
mod media;
mod server;
mod sources;

pub use analytics::{AnalyticsConfig, MatomoConfig};
pub use auth::{AuthConfig, PROCONNECT_SCOPES, ProConnectConfig};
pub use database::DatabaseConfig;
pub use jobs::JobsConfig;
pub use mail::{MailConfig, MailTransport};
pub use media::{MediaConfig, MediaStorage, S3Settings};
pub use server::{LogFormat, ServerConfig};

use sources::{FileConfig, Sources};

use crate::error::AppError;

/// The running configuration.
#[derive(Clone, Debug)]
pub struct Config {
    pub server: ServerConfig,
    pub database: DatabaseConfig,
    pub auth: AuthConfig,
    pub mail: MailConfig,
    pub media: MediaConfig,
    pub jobs: JobsConfig,
    pub analytics: AnalyticsConfig,
    /// Demo mode (`serve --demo`): demo data and the demo accounts' login page. Never set
    /// from files or the environment.
    pub demo: bool,
}

impl Config {
    /// Reads `metiers.toml` (or the file named by `METIERS_CONFIG`) then the environment.
    pub fn load() -> Result<Self, AppError> {
        Self::from_sources(FileConfig::load()?, &|name| std::env::var(name).ok())
    }

    /// Builds the configuration from explicit values only (tests and tools).
    pub fn from_env_fn(env: impl Fn(&str) -> Option<String>) -> Result<Self, AppError> {
        Self::from_sources(FileConfig::default(), &env)
    }

    fn from_sources(
        file: FileConfig,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> Result<Self, AppError> {
        let sources = Sources::new(file, env);
        let server = ServerConfig::from_sources(&sources)?;
        Ok(Self {
            database: DatabaseConfig::from_sources(&sources, &server.data_dir)?,
            auth: AuthConfig::from_sources(&sources)?,
            mail: MailConfig::from_sources(&sources)?,
            media: MediaConfig::from_sources(&sources)?,
            jobs: JobsConfig::from_sources(&sources)?,
            analytics: AnalyticsConfig::from_sources(&sources)?,
            server,
            demo: false,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The configuration of these environment variables alone.
    pub(super) fn config(pairs: &[(&str, &str)]) -> Result<Config, AppError> {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_env_fn(move |name| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        })
    }

    #[test]
    fn defaults_use_sqlite_under_the_data_folder() {
        let config = config(&[]).unwrap();
        assert_eq!(config.server.bind.to_string(), "127.0.0.1:8080");
        assert_eq!(config.database.url, "sqlite://data/metiers.db?mode=rwc");
        assert_eq!(config.server.base_url, "http://127.0.0.1:8080");
    }

    #[test]
    fn matomo_is_off_unless_configured_whole() {
        assert!(config(&[]).unwrap().analytics.matomo.is_none());
        let on = config(&[
            ("METIERS_MATOMO_URL", "https://stats.data.gouv.fr/"),
            ("METIERS_MATOMO_SITE_ID", "42"),
        ])
        .unwrap();
        let matomo = on.analytics.matomo.unwrap();
        assert_eq!(matomo.url, "https://stats.data.gouv.fr");
        assert_eq!(matomo.origin(), "https://stats.data.gouv.fr");
        let error = config(&[("METIERS_MATOMO_URL", "https://stats.data.gouv.fr")])
            .unwrap_err()
            .to_string();
        assert!(error.contains("METIERS_MATOMO_SITE_ID"), "{error}");
        let error = config(&[
            ("METIERS_MATOMO_URL", "stats"),
            ("METIERS_MATOMO_SITE_ID", "1"),
        ])
        .unwrap_err()
        .to_string();
        assert!(error.contains("METIERS_MATOMO_URL"), "{error}");
        let error = config(&[("METIERS_COUNT_FLUSH_SECONDS", "0")])
            .unwrap_err()
            .to_string();
        assert!(error.contains("METIERS_COUNT_FLUSH_SECONDS"), "{error}");
    }

    #[test]
    fn a_bad_value_names_its_key() {
        let error = config(&[("METIERS_BIND", "nowhere")])
            .unwrap_err()
            .to_string();
        assert!(error.contains("METIERS_BIND"), "{error}");
        let error = config(&[("METIERS_PAGE_CACHE_SECONDS", "soon")])
            .unwrap_err()
            .to_string();
        assert!(error.contains("METIERS_PAGE_CACHE_SECONDS"), "{error}");
        let error = config(&[("METIERS_BASE_URL", "example.org")])
            .unwrap_err()
            .to_string();
        assert!(error.contains("METIERS_BASE_URL"), "{error}");
        let error = config(&[("DATABASE_URL", "mysql://x")])
            .unwrap_err()
            .to_string();
        assert!(error.contains("DATABASE_URL"), "{error}");
    }
}
