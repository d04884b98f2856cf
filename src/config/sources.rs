//! Where settings come from: the keys of `metiers.toml`, each overridden by its `METIERS_<KEY>`
//! variable, and the readers of the kinds of value that several sections share.

use std::{path::PathBuf, str::FromStr};

use serde::Deserialize;

use crate::error::AppError;

/// The keys of `metiers.toml`, all in one flat table: the file's format. Each may be overridden
/// by `METIERS_<KEY>` in upper case.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FileConfig {
    pub(super) bind: Option<String>,
    pub(super) data_dir: Option<String>,
    pub(super) database_url: Option<String>,
    pub(super) database_max_connections: Option<String>,
    pub(super) base_url: Option<String>,
    pub(super) themes_dir: Option<String>,
    pub(super) page_cache_seconds: Option<String>,
    pub(super) log_format: Option<String>,
    pub(super) session_idle_minutes: Option<String>,
    pub(super) session_max_hours: Option<String>,
    pub(super) login_attempts_per_minute: Option<String>,
    pub(super) trusted_proxies: Option<String>,
    pub(super) api_rate_limit_per_minute: Option<String>,
    pub(super) secret_key: Option<String>,
    pub(super) proconnect_issuer: Option<String>,
    pub(super) proconnect_client_id: Option<String>,
    pub(super) proconnect_client_secret: Option<String>,
    pub(super) proconnect_scopes: Option<String>,
    pub(super) proconnect_acr_values: Option<String>,
    pub(super) mail_transport: Option<String>,
    pub(super) smtp_url: Option<String>,
    pub(super) mail_from: Option<String>,
    pub(super) login_links: Option<String>,
    pub(super) media_storage: Option<String>,
    pub(super) s3_endpoint: Option<String>,
    pub(super) s3_region: Option<String>,
    pub(super) s3_bucket: Option<String>,
    pub(super) s3_access_key_id: Option<String>,
    pub(super) s3_secret_access_key: Option<String>,
    pub(super) s3_path_style: Option<String>,
    pub(super) upload_max_bytes: Option<String>,
    pub(super) scheduler: Option<String>,
    pub(super) schedule_expire_offers: Option<String>,
    pub(super) schedule_expiry_reminders: Option<String>,
    pub(super) schedule_publish_scheduled: Option<String>,
    pub(super) schedule_purge_personal_data: Option<String>,
    pub(super) schedule_outbox: Option<String>,
    pub(super) schedule_send_alerts: Option<String>,
    pub(super) audit_retention_days: Option<String>,
    pub(super) email_retention_days: Option<String>,
    pub(super) application_retention_days: Option<String>,
    pub(super) talent_retention_days: Option<String>,
    pub(super) count_views: Option<String>,
    pub(super) count_flush_seconds: Option<String>,
    pub(super) matomo_url: Option<String>,
    pub(super) matomo_site_id: Option<String>,
}

impl FileConfig {
    /// Reads `metiers.toml` (or the file named by `METIERS_CONFIG`, which must then exist).
    pub(super) fn load() -> Result<Self, AppError> {
        let explicit = std::env::var("METIERS_CONFIG").ok();
        let path = PathBuf::from(explicit.clone().unwrap_or_else(|| "metiers.toml".into()));
        match std::fs::read_to_string(&path) {
            Ok(text) => toml::from_str::<Self>(&text).map_err(|e| {
                invalid(
                    "METIERS_CONFIG",
                    format!("{}: {}", path.display(), e.message()),
                )
            }),
            Err(_) if explicit.is_none() => Ok(Self::default()),
            Err(e) => Err(invalid(
                "METIERS_CONFIG",
                format!("{}: {e}", path.display()),
            )),
        }
    }
}

/// The file's keys and the environment, which wins.
pub(super) struct Sources<'a> {
    pub(super) file: FileConfig,
    env: &'a dyn Fn(&str) -> Option<String>,
}

/// A value and the name it was read under (`bind` from the file, `METIERS_BIND` from the
/// environment): the name its errors give.
pub(super) struct Setting {
    pub(super) key: String,
    pub(super) value: String,
}

impl Setting {
    pub(super) fn invalid(&self, message: impl Into<String>) -> AppError {
        invalid(&self.key, message)
    }
}

impl<'a> Sources<'a> {
    pub(super) fn new(file: FileConfig, env: &'a dyn Fn(&str) -> Option<String>) -> Self {
        Self { file, env }
    }

    /// The environment variable `name`, as it is.
    pub(super) fn var(&self, name: &str) -> Option<Setting> {
        (self.env)(name).map(|value| Setting {
            key: name.to_owned(),
            value,
        })
    }

    /// Key `key`: its `METIERS_` variable, else `from_file`, the file's value of it.
    pub(super) fn pick(&self, key: &str, from_file: &Option<String>) -> Option<Setting> {
        self.var(&env_name(key)).or_else(|| {
            from_file.clone().map(|value| Setting {
                key: key.to_owned(),
                value,
            })
        })
    }

    /// Key `key` as text, else `default`.
    pub(super) fn text_or(&self, key: &str, from_file: &Option<String>, default: &str) -> String {
        self.pick(key, from_file)
            .map_or_else(|| default.to_owned(), |setting| setting.value)
    }

    /// Key `key` as a whole number (spaces around it allowed), else `default`.
    pub(super) fn whole_number<T: FromStr>(
        &self,
        key: &str,
        from_file: &Option<String>,
        default: T,
    ) -> Result<T, AppError> {
        match self.pick(key, from_file) {
            None => Ok(default),
            Some(setting) => {
                setting.value.trim().parse().map_err(|_| {
                    setting.invalid(format!("'{}' is not a whole number", setting.value))
                })
            }
        }
    }

    /// Key `key` as a whole number of at least 1, else `default`. Below 1, the error names the
    /// variable wherever the value came from.
    pub(super) fn at_least_one<T: FromStr + PartialOrd + From<u8>>(
        &self,
        key: &str,
        from_file: &Option<String>,
        default: T,
    ) -> Result<T, AppError> {
        let number = self.whole_number(key, from_file, default)?;
        if number < T::from(1) {
            return Err(invalid(&env_name(key), "must be at least 1"));
        }
        Ok(number)
    }

    /// Key `key` as a positive number of `unit` (no spaces around it), else `default`.
    pub(super) fn positive<T: FromStr + PartialOrd + Default>(
        &self,
        key: &str,
        from_file: &Option<String>,
        default: T,
        unit: &str,
    ) -> Result<T, AppError> {
        match self.pick(key, from_file) {
            None => Ok(default),
            Some(setting) => setting
                .value
                .parse::<T>()
                .ok()
                .filter(|number| *number > T::default())
                .ok_or_else(|| {
                    setting.invalid(format!("'{}' is not a number of {unit}", setting.value))
                }),
        }
    }

    /// Key `key` as `true` or `false`, else `default`.
    pub(super) fn flag(
        &self,
        key: &str,
        from_file: &Option<String>,
        default: bool,
    ) -> Result<bool, AppError> {
        match self.pick(key, from_file) {
            None => Ok(default),
            Some(setting) if setting.value == "true" => Ok(true),
            Some(setting) if setting.value == "false" => Ok(false),
            Some(setting) => {
                Err(setting.invalid(format!("'{}' is not true or false", setting.value)))
            }
        }
    }
}

/// The variable that overrides key `key`: `METIERS_<KEY>`.
pub(super) fn env_name(key: &str) -> String {
    format!("METIERS_{}", key.to_uppercase())
}

pub(super) fn invalid(key: &str, message: impl Into<String>) -> AppError {
    AppError::Config {
        key: key.to_owned(),
        message: message.into(),
    }
}
