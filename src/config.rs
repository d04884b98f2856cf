//! One typed [`Config`], read from an optional `metiers.toml` and overridden by `METIERS_*`
//! environment variables. Every key is documented in README.md; a bad value stops start-up with
//! one line naming the key.

use std::{net::SocketAddr, path::PathBuf};

use serde::Deserialize;

use crate::error::AppError;

/// How logs are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogFormat {
    Text,
    Json,
}

/// ProConnect (OpenID Connect) client settings.
#[derive(Clone, Debug)]
pub struct ProConnectConfig {
    /// The issuer, e.g. `https://fca.integ01.dev-agentconnect.fr/api/v2` (integration) or
    /// `https://auth.agentconnect.gouv.fr/api/v2` (production).
    pub issuer: String,
    pub client_id: String,
    pub client_secret: String,
    pub scopes: Vec<String>,
    /// Accepted assurance levels (`acr`), asked as essential.
    pub acr_values: Vec<String>,
}

/// ProConnect's default scopes.
pub const PROCONNECT_SCOPES: &str = "openid email given_name usual_name uid siret idp_id";

/// The running configuration.
#[derive(Clone, Debug)]
pub struct Config {
    pub bind: SocketAddr,
    pub data_dir: PathBuf,
    pub database_url: String,
    pub database_max_connections: u32,
    /// Public URL of the portal, without trailing slash: canonical links, feeds, sitemap.
    pub base_url: String,
    /// When set, themes are read from this folder on every request (edit and reload);
    /// otherwise the themes embedded in the binary are used.
    pub themes_dir: Option<PathBuf>,
    /// How long a rendered public page is served from memory; 0 turns the cache off.
    pub page_cache_seconds: u64,
    pub log_format: LogFormat,
    /// Minutes without activity after which a back-office session ends.
    pub session_idle_minutes: i64,
    /// Hours after which a back-office session ends, active or not.
    pub session_max_hours: i64,
    /// Demo mode (`serve --demo`): demo data and the demo accounts' login page. Never set
    /// from files or the environment.
    pub demo: bool,
    /// Login attempts allowed per client and minute.
    pub login_attempts_per_minute: u32,
    /// The key the portal signs its cookies with; instances behind one address must share it.
    /// `None`: a random key of this process.
    pub secret_key: Option<String>,
    /// The reverse proxies in front of the portal: from them only, `X-Forwarded-For` names the
    /// client (for the login rate limit).
    pub trusted_proxies: Vec<crate::net::IpRange>,
    /// ProConnect login; `None` when not configured (the login button is then disabled).
    pub proconnect: Option<ProConnectConfig>,
    /// How emails leave: files under the data folder (default), the log, or SMTP.
    pub mail_transport: MailTransport,
    /// The `From` of every email.
    pub mail_from: String,
    /// Login links by email for people without ProConnect (off by default).
    pub login_links: bool,
    /// Where media files live: files under the data folder (default) or an S3 bucket.
    pub media_storage: MediaStorage,
    /// The largest file an upload may be, in bytes, whatever the browser says.
    pub upload_max_bytes: usize,
    /// Whether `serve` runs the scheduled jobs (off when a `metiers worker` runs them).
    pub scheduler: bool,
    /// Job schedules that differ from the defaults, by job name.
    pub schedules: Vec<(String, String)>,
    /// Days the audit log keeps who did what before it forgets the people.
    pub audit_retention_days: i64,
    /// Days an email stays in the outbox.
    pub email_retention_days: i64,
}

/// Where media files live.
#[derive(Clone, Debug, PartialEq)]
pub enum MediaStorage {
    /// Files under `DATA_DIR/media` (the default: a demo needs no server).
    Files,
    /// An S3-compatible bucket (AWS S3, Scaleway, OVH, MinIO, Garage…).
    S3(S3Settings),
}

/// An S3-compatible bucket and how to reach it.
#[derive(Clone, Debug, PartialEq)]
pub struct S3Settings {
    /// `https://s3.fr-par.scw.cloud`, `http://127.0.0.1:9000`…
    pub endpoint: String,
    pub region: String,
    pub bucket: String,
    pub access_key_id: String,
    pub secret_access_key: String,
    /// Path-style addresses (`endpoint/bucket/key`, most self-hosted servers) rather than
    /// virtual-hosted ones (`bucket.endpoint/key`).
    pub path_style: bool,
}

/// Where the email outbox sends its emails.
#[derive(Clone, Debug, PartialEq)]
pub enum MailTransport {
    /// One `.eml` file per email under `DATA_DIR/mail` (the default: a demo needs no server).
    Files,
    /// The log (`tracing`), at info level.
    Log,
    /// An SMTP server: `smtp://host:port` (no TLS), `smtp://user:pass@host:587?tls=required`
    /// (STARTTLS) or `smtps://user:pass@host:465`.
    Smtp(String),
}

/// The keys of `metiers.toml`; each may be overridden by `METIERS_<KEY>` in upper case.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileConfig {
    bind: Option<String>,
    data_dir: Option<String>,
    database_url: Option<String>,
    database_max_connections: Option<String>,
    base_url: Option<String>,
    themes_dir: Option<String>,
    page_cache_seconds: Option<String>,
    log_format: Option<String>,
    session_idle_minutes: Option<String>,
    session_max_hours: Option<String>,
    login_attempts_per_minute: Option<String>,
    trusted_proxies: Option<String>,
    secret_key: Option<String>,
    proconnect_issuer: Option<String>,
    proconnect_client_id: Option<String>,
    proconnect_client_secret: Option<String>,
    proconnect_scopes: Option<String>,
    proconnect_acr_values: Option<String>,
    mail_transport: Option<String>,
    smtp_url: Option<String>,
    mail_from: Option<String>,
    login_links: Option<String>,
    media_storage: Option<String>,
    s3_endpoint: Option<String>,
    s3_region: Option<String>,
    s3_bucket: Option<String>,
    s3_access_key_id: Option<String>,
    s3_secret_access_key: Option<String>,
    s3_path_style: Option<String>,
    upload_max_bytes: Option<String>,
    scheduler: Option<String>,
    schedule_expire_offers: Option<String>,
    schedule_expiry_reminders: Option<String>,
    schedule_publish_scheduled: Option<String>,
    schedule_purge_personal_data: Option<String>,
    schedule_outbox: Option<String>,
    audit_retention_days: Option<String>,
    email_retention_days: Option<String>,
}

fn invalid(key: &str, message: impl Into<String>) -> AppError {
    AppError::Config {
        key: key.to_owned(),
        message: message.into(),
    }
}

impl Config {
    /// Reads `metiers.toml` (or the file named by `METIERS_CONFIG`) then the environment.
    pub fn load() -> Result<Self, AppError> {
        let explicit = std::env::var("METIERS_CONFIG").ok();
        let path = PathBuf::from(explicit.clone().unwrap_or_else(|| "metiers.toml".into()));
        let file = match std::fs::read_to_string(&path) {
            Ok(text) => toml::from_str::<FileConfig>(&text).map_err(|e| {
                invalid(
                    "METIERS_CONFIG",
                    format!("{}: {}", path.display(), e.message()),
                )
            })?,
            Err(_) if explicit.is_none() => FileConfig::default(),
            Err(e) => {
                return Err(invalid(
                    "METIERS_CONFIG",
                    format!("{}: {e}", path.display()),
                ));
            }
        };
        Self::from_sources(file, |name| std::env::var(name).ok())
    }

    /// Builds the configuration from explicit values only (tests and tools).
    pub fn from_env_fn(env: impl Fn(&str) -> Option<String>) -> Result<Self, AppError> {
        Self::from_sources(FileConfig::default(), env)
    }

    fn from_sources(
        file: FileConfig,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<Self, AppError> {
        let pick = |key: &str, from_file: Option<String>| -> Option<(String, String)> {
            let env_key = format!("METIERS_{}", key.to_uppercase());
            env(&env_key)
                .map(|value| (env_key, value))
                .or_else(|| from_file.map(|value| (key.to_owned(), value)))
        };

        let bind = match pick("bind", file.bind) {
            Some((key, value)) => value.parse::<SocketAddr>().map_err(|_| {
                invalid(
                    &key,
                    format!("'{value}' is not an address like 127.0.0.1:8080"),
                )
            })?,
            None => SocketAddr::from(([127, 0, 0, 1], 8080)),
        };
        let data_dir = PathBuf::from(
            pick("data_dir", file.data_dir).map_or_else(|| "data".to_owned(), |(_, value)| value),
        );
        let database_url = match pick("database_url", file.database_url)
            .or_else(|| env("DATABASE_URL").map(|value| ("DATABASE_URL".to_owned(), value)))
        {
            Some((key, value)) => {
                if !(value.starts_with("sqlite:")
                    || value.starts_with("postgres://")
                    || value.starts_with("postgresql://"))
                {
                    return Err(invalid(&key, "expected a sqlite: or postgres:// URL"));
                }
                value
            }
            None => format!(
                "sqlite://{}?mode=rwc",
                data_dir.join("metiers.db").display()
            ),
        };
        let database_max_connections = parse_number(
            pick("database_max_connections", file.database_max_connections),
            10,
        )?;
        if database_max_connections == 0 {
            return Err(invalid(
                "METIERS_DATABASE_MAX_CONNECTIONS",
                "must be at least 1",
            ));
        }
        let base_url = match pick("base_url", file.base_url) {
            Some((key, value)) => {
                let trimmed = value.trim_end_matches('/');
                if !(trimmed.starts_with("http://") || trimmed.starts_with("https://"))
                    || trimmed.len() < 10
                {
                    return Err(invalid(&key, format!("'{value}' is not an http(s) URL")));
                }
                trimmed.to_owned()
            }
            None => format!("http://{bind}"),
        };
        let themes_dir = pick("themes_dir", file.themes_dir).map(|(key, value)| {
            let path = PathBuf::from(value);
            if path.join("dsfr").is_dir() {
                Ok(path)
            } else {
                Err(invalid(
                    &key,
                    format!("{} has no dsfr theme folder", path.display()),
                ))
            }
        });
        let themes_dir = themes_dir.transpose()?;
        let page_cache_seconds =
            parse_number(pick("page_cache_seconds", file.page_cache_seconds), 30)?;
        let log_format = match pick("log_format", file.log_format) {
            None => LogFormat::Text,
            Some((_, value)) if value == "text" => LogFormat::Text,
            Some((_, value)) if value == "json" => LogFormat::Json,
            Some((key, value)) => {
                return Err(invalid(&key, format!("'{value}' is not text or json")));
            }
        };
        let session_idle_minutes: i64 =
            parse_number(pick("session_idle_minutes", file.session_idle_minutes), 60)?;
        let session_max_hours: i64 =
            parse_number(pick("session_max_hours", file.session_max_hours), 12)?;
        if session_idle_minutes < 1 {
            return Err(invalid(
                "METIERS_SESSION_IDLE_MINUTES",
                "must be at least 1",
            ));
        }
        if session_max_hours < 1 {
            return Err(invalid("METIERS_SESSION_MAX_HOURS", "must be at least 1"));
        }
        let login_attempts_per_minute: u32 = parse_number(
            pick("login_attempts_per_minute", file.login_attempts_per_minute),
            10,
        )?;
        if login_attempts_per_minute < 1 {
            return Err(invalid(
                "METIERS_LOGIN_ATTEMPTS_PER_MINUTE",
                "must be at least 1",
            ));
        }
        let secret_key = match pick("secret_key", file.secret_key) {
            Some((key, value)) if value.len() < 32 => {
                return Err(invalid(&key, "must be at least 32 characters"));
            }
            other => other.map(|(_, value)| value),
        };
        let trusted_proxies = match pick("trusted_proxies", file.trusted_proxies) {
            None => Vec::new(),
            Some((key, value)) => value
                .split([',', ' '])
                .filter(|range| !range.is_empty())
                .map(|range| {
                    range.parse().map_err(|_| {
                        invalid(&key, format!("'{range}' is not an IP address or range"))
                    })
                })
                .collect::<Result<_, _>>()?,
        };
        let proconnect = match (
            pick("proconnect_issuer", file.proconnect_issuer),
            pick("proconnect_client_id", file.proconnect_client_id),
            pick("proconnect_client_secret", file.proconnect_client_secret),
        ) {
            (None, None, None) => None,
            (Some((key, issuer)), Some((_, client_id)), Some((_, client_secret))) => {
                if !(issuer.starts_with("https://")
                    || issuer.starts_with("http://127.0.0.1")
                    || issuer.starts_with("http://localhost"))
                {
                    return Err(invalid(&key, "an https:// issuer URL"));
                }
                let words = |value: Option<(String, String)>, default: &str| -> Vec<String> {
                    value
                        .map_or(default.to_owned(), |(_, v)| v)
                        .split_whitespace()
                        .map(str::to_owned)
                        .collect()
                };
                let scopes = words(
                    pick("proconnect_scopes", file.proconnect_scopes),
                    PROCONNECT_SCOPES,
                );
                if !scopes.iter().any(|s| s == "openid") {
                    return Err(invalid("METIERS_PROCONNECT_SCOPES", "must include openid"));
                }
                Some(ProConnectConfig {
                    issuer: issuer.trim_end_matches('/').to_owned(),
                    client_id,
                    client_secret,
                    scopes,
                    acr_values: words(
                        pick("proconnect_acr_values", file.proconnect_acr_values),
                        "eidas1",
                    ),
                })
            }
            (issuer, client_id, _) => {
                let missing = if issuer.is_none() {
                    "METIERS_PROCONNECT_ISSUER"
                } else if client_id.is_none() {
                    "METIERS_PROCONNECT_CLIENT_ID"
                } else {
                    "METIERS_PROCONNECT_CLIENT_SECRET"
                };
                return Err(invalid(
                    missing,
                    "ProConnect needs an issuer, a client id and a client secret",
                ));
            }
        };
        let smtp = |(key, url): (String, String)| {
            if url.starts_with("smtp://") || url.starts_with("smtps://") {
                Ok(MailTransport::Smtp(url))
            } else {
                Err(invalid(
                    &key,
                    format!("'{url}' is not an smtp:// or smtps:// URL"),
                ))
            }
        };
        let mail_transport = match (
            pick("mail_transport", file.mail_transport),
            pick("smtp_url", file.smtp_url),
        ) {
            (None, None) => MailTransport::Files,
            (None, Some(url)) => smtp(url)?,
            (Some((_, name)), _) if name == "files" => MailTransport::Files,
            (Some((_, name)), _) if name == "log" => MailTransport::Log,
            (Some((_, name)), Some(url)) if name == "smtp" => smtp(url)?,
            (Some((key, name)), None) if name == "smtp" => {
                return Err(invalid(&key, "smtp needs METIERS_SMTP_URL"));
            }
            (Some((key, name)), _) => {
                return Err(invalid(&key, format!("'{name}' is not files, log or smtp")));
            }
        };
        let mail_from = pick("mail_from", file.mail_from).map_or_else(
            || "Métiers du Numérique <ne-pas-repondre@metiers.numerique.gouv.fr>".to_owned(),
            |(_, from)| from,
        );
        let login_links = match pick("login_links", file.login_links) {
            None => false,
            Some((_, value)) if value == "true" => true,
            Some((_, value)) if value == "false" => false,
            Some((key, value)) => {
                return Err(invalid(&key, format!("'{value}' is not true or false")));
            }
        };
        let media_storage = match pick("media_storage", file.media_storage) {
            None => MediaStorage::Files,
            Some((_, name)) if name == "files" => MediaStorage::Files,
            Some((_, name)) if name == "s3" => {
                let required = |key: &str, value: Option<String>| {
                    pick(key, value).map(|(_, value)| value).ok_or_else(|| {
                        invalid(
                            &format!("METIERS_{}", key.to_uppercase()),
                            "required for S3 media storage",
                        )
                    })
                };
                let endpoint = required("s3_endpoint", file.s3_endpoint)?;
                if !(endpoint.starts_with("https://") || endpoint.starts_with("http://")) {
                    return Err(invalid(
                        "METIERS_S3_ENDPOINT",
                        format!("'{endpoint}' is not an http(s) URL"),
                    ));
                }
                let path_style = match pick("s3_path_style", file.s3_path_style) {
                    None => true,
                    Some((_, value)) if value == "true" => true,
                    Some((_, value)) if value == "false" => false,
                    Some((key, value)) => {
                        return Err(invalid(&key, format!("'{value}' is not true or false")));
                    }
                };
                MediaStorage::S3(S3Settings {
                    endpoint: endpoint.trim_end_matches('/').to_owned(),
                    region: pick("s3_region", file.s3_region)
                        .map_or_else(|| "us-east-1".to_owned(), |(_, region)| region),
                    bucket: required("s3_bucket", file.s3_bucket)?,
                    access_key_id: required("s3_access_key_id", file.s3_access_key_id)?,
                    secret_access_key: required("s3_secret_access_key", file.s3_secret_access_key)?,
                    path_style,
                })
            }
            Some((key, name)) => {
                return Err(invalid(&key, format!("'{name}' is not files or s3")));
            }
        };
        let upload_max_bytes = match pick("upload_max_bytes", file.upload_max_bytes) {
            None => 5_000_000,
            Some((key, value)) => value
                .parse::<usize>()
                .ok()
                .filter(|bytes| *bytes > 0)
                .ok_or_else(|| invalid(&key, format!("'{value}' is not a number of bytes")))?,
        };
        let scheduler = match pick("scheduler", file.scheduler) {
            None => true,
            Some((_, value)) if value == "true" => true,
            Some((_, value)) if value == "false" => false,
            Some((key, value)) => {
                return Err(invalid(&key, format!("'{value}' is not true or false")));
            }
        };
        let schedules = [
            ("expire_offers", file.schedule_expire_offers),
            ("expiry_reminders", file.schedule_expiry_reminders),
            ("publish_scheduled", file.schedule_publish_scheduled),
            ("purge_personal_data", file.schedule_purge_personal_data),
            ("outbox", file.schedule_outbox),
        ]
        .into_iter()
        .filter_map(|(job, value)| {
            pick(&format!("schedule_{job}"), value).map(|(_, cron)| (job.to_owned(), cron))
        })
        .collect();
        let days = |key: &str, value: Option<String>, default: i64| match pick(key, value) {
            None => Ok(default),
            Some((key, value)) => value
                .parse::<i64>()
                .ok()
                .filter(|days| *days > 0)
                .ok_or_else(|| invalid(&key, format!("'{value}' is not a number of days"))),
        };
        let audit_retention_days = days("audit_retention_days", file.audit_retention_days, 365)?;
        let email_retention_days = days("email_retention_days", file.email_retention_days, 30)?;
        Ok(Self {
            scheduler,
            schedules,
            audit_retention_days,
            email_retention_days,
            upload_max_bytes,
            media_storage,
            bind,
            data_dir,
            database_url,
            database_max_connections,
            base_url,
            themes_dir,
            page_cache_seconds,
            log_format,
            session_idle_minutes,
            session_max_hours,
            demo: false,
            login_attempts_per_minute,
            trusted_proxies,
            secret_key,
            proconnect,
            mail_transport,
            mail_from,
            login_links,
        })
    }

    /// The schedule of job `job`: the configured one, else `default`.
    pub fn schedule(&self, job: &str, default: &str) -> String {
        self.schedules
            .iter()
            .find(|(name, _)| name == job)
            .map_or_else(|| default.to_owned(), |(_, cron)| cron.clone())
    }

    pub fn session_policy(&self) -> crate::accounts::sessions::SessionPolicy {
        crate::accounts::sessions::SessionPolicy {
            idle: chrono::Duration::minutes(self.session_idle_minutes),
            absolute: chrono::Duration::hours(self.session_max_hours),
        }
    }

    /// Whether the portal is served over https (HSTS and secure cookies).
    pub fn is_https(&self) -> bool {
        self.base_url.starts_with("https://")
    }
}

fn parse_number<T: std::str::FromStr>(
    value: Option<(String, String)>,
    default: T,
) -> Result<T, AppError> {
    match value {
        None => Ok(default),
        Some((key, value)) => value
            .trim()
            .parse()
            .map_err(|_| invalid(&key, format!("'{value}' is not a whole number"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(pairs: &[(&str, &str)]) -> Result<Config, AppError> {
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
        assert_eq!(config.bind.to_string(), "127.0.0.1:8080");
        assert_eq!(config.database_url, "sqlite://data/metiers.db?mode=rwc");
        assert_eq!(config.base_url, "http://127.0.0.1:8080");
    }

    #[test]
    fn database_url_falls_back_to_the_conventional_variable() {
        let config = config(&[("DATABASE_URL", "postgres://localhost/x")]).unwrap();
        assert_eq!(config.database_url, "postgres://localhost/x");
        let config = config_with_both();
        assert_eq!(config.database_url, "postgres://localhost/ours");
    }

    fn config_with_both() -> Config {
        config(&[
            ("DATABASE_URL", "postgres://localhost/x"),
            ("METIERS_DATABASE_URL", "postgres://localhost/ours"),
        ])
        .unwrap()
    }

    #[test]
    fn proconnect_needs_its_three_keys() {
        assert!(config(&[]).unwrap().proconnect.is_none());
        let error = config(&[(
            "METIERS_PROCONNECT_ISSUER",
            "https://auth.example.gouv.fr/api/v2",
        )])
        .unwrap_err()
        .to_string();
        assert!(error.contains("METIERS_PROCONNECT_CLIENT_ID"), "{error}");
        let proconnect = config(&[
            (
                "METIERS_PROCONNECT_ISSUER",
                "https://auth.example.gouv.fr/api/v2/",
            ),
            ("METIERS_PROCONNECT_CLIENT_ID", "id"),
            ("METIERS_PROCONNECT_CLIENT_SECRET", "secret"),
        ])
        .unwrap()
        .proconnect
        .unwrap();
        assert_eq!(proconnect.issuer, "https://auth.example.gouv.fr/api/v2");
        assert_eq!(proconnect.acr_values, vec!["eidas1"]);
        assert!(proconnect.scopes.contains(&"siret".to_owned()));
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
