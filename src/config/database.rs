//! The `database` section: which database, and how many connections to it.

use std::path::Path;

use super::sources::Sources;
use crate::error::AppError;

#[derive(Clone, Debug)]
pub struct DatabaseConfig {
    /// A `sqlite:` or `postgres://` URL.
    pub url: String,
    pub max_connections: u32,
}

impl DatabaseConfig {
    /// Without a URL, the database is SQLite's `metiers.db` under `data_dir`.
    pub(super) fn from_sources(sources: &Sources, data_dir: &Path) -> Result<Self, AppError> {
        let file = &sources.file;
        let url = match sources
            .pick("database_url", &file.database_url)
            .or_else(|| sources.var("DATABASE_URL"))
        {
            Some(setting) => {
                let url = &setting.value;
                if !(url.starts_with("sqlite:")
                    || url.starts_with("postgres://")
                    || url.starts_with("postgresql://"))
                {
                    return Err(setting.invalid("expected a sqlite: or postgres:// URL"));
                }
                setting.value
            }
            None => format!(
                "sqlite://{}?mode=rwc",
                data_dir.join("metiers.db").display()
            ),
        };
        Ok(Self {
            url,
            max_connections: sources.at_least_one(
                "database_max_connections",
                &file.database_max_connections,
                10,
            )?,
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::config::tests::config;

    #[test]
    fn database_url_falls_back_to_the_conventional_variable() {
        let config = config(&[("DATABASE_URL", "postgres://localhost/x")]).unwrap();
        assert_eq!(config.database.url, "postgres://localhost/x");
        let config = config_with_both();
        assert_eq!(config.database.url, "postgres://localhost/ours");
    }

    fn config_with_both() -> crate::config::Config {
        config(&[
            ("DATABASE_URL", "postgres://localhost/x"),
            ("METIERS_DATABASE_URL", "postgres://localhost/ours"),
        ])
        .unwrap()
    }
}
