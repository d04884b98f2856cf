//! The `server` section: where the portal listens and answers from, its data folder, themes,
//! page cache, logs and the proxies in front of it.

use std::{net::SocketAddr, path::PathBuf};

use super::sources::{Setting, Sources};
use crate::{error::AppError, net::IpRange};

/// How logs are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Clone, Debug)]
pub struct ServerConfig {
    pub bind: SocketAddr,
    /// Public URL of the portal, without trailing slash: canonical links, feeds, sitemap.
    pub base_url: String,
    /// The folder of the default SQLite database, emails and media.
    pub data_dir: PathBuf,
    /// When set, themes are read from this folder on every request (edit and reload);
    /// otherwise the themes embedded in the binary are used.
    pub themes_dir: Option<PathBuf>,
    /// How long a rendered public page is served from memory; 0 turns the cache off.
    pub page_cache_seconds: u64,
    pub log_format: LogFormat,
    /// The reverse proxies in front of the portal: from them only, `X-Forwarded-For` names the
    /// client (for the login rate limit).
    pub trusted_proxies: Vec<IpRange>,
    /// Requests to `/api` allowed per minute to each token and to each client address apart;
    /// 0 turns the limit off.
    pub api_rate_limit_per_minute: u32,
}

impl ServerConfig {
    pub(super) fn from_sources(sources: &Sources) -> Result<Self, AppError> {
        let file = &sources.file;
        let bind = match sources.pick("bind", &file.bind) {
            Some(setting) => setting.value.parse::<SocketAddr>().map_err(|_| {
                setting.invalid(format!(
                    "'{}' is not an address like 127.0.0.1:8080",
                    setting.value
                ))
            })?,
            None => SocketAddr::from(([127, 0, 0, 1], 8080)),
        };
        Ok(Self {
            bind,
            data_dir: PathBuf::from(sources.text_or("data_dir", &file.data_dir, "data")),
            base_url: match sources.pick("base_url", &file.base_url) {
                Some(setting) => base_url(setting)?,
                None => format!("http://{bind}"),
            },
            themes_dir: sources
                .pick("themes_dir", &file.themes_dir)
                .map(themes_dir)
                .transpose()?,
            page_cache_seconds: sources.whole_number(
                "page_cache_seconds",
                &file.page_cache_seconds,
                30,
            )?,
            log_format: sources
                .pick("log_format", &file.log_format)
                .map_or(Ok(LogFormat::Text), log_format)?,
            trusted_proxies: sources
                .pick("trusted_proxies", &file.trusted_proxies)
                .map_or_else(|| Ok(Vec::new()), trusted_proxies)?,
            api_rate_limit_per_minute: sources.whole_number(
                "api_rate_limit_per_minute",
                &file.api_rate_limit_per_minute,
                600,
            )?,
        })
    }

    /// Whether the portal is served over https (HSTS and secure cookies).
    pub fn is_https(&self) -> bool {
        self.base_url.starts_with("https://")
    }
}

/// An http(s) URL, without its trailing slashes.
fn base_url(setting: Setting) -> Result<String, AppError> {
    let trimmed = setting.value.trim_end_matches('/');
    if !(trimmed.starts_with("http://") || trimmed.starts_with("https://")) || trimmed.len() < 10 {
        return Err(setting.invalid(format!("'{}' is not an http(s) URL", setting.value)));
    }
    Ok(trimmed.to_owned())
}

/// A folder of themes, which must hold at least the `dsfr` one.
fn themes_dir(setting: Setting) -> Result<PathBuf, AppError> {
    let path = PathBuf::from(&setting.value);
    if path.join("dsfr").is_dir() {
        Ok(path)
    } else {
        Err(setting.invalid(format!("{} has no dsfr theme folder", path.display())))
    }
}

fn log_format(setting: Setting) -> Result<LogFormat, AppError> {
    match setting.value.as_str() {
        "text" => Ok(LogFormat::Text),
        "json" => Ok(LogFormat::Json),
        value => Err(setting.invalid(format!("'{value}' is not text or json"))),
    }
}

/// Addresses and ranges, separated by commas or spaces.
fn trusted_proxies(setting: Setting) -> Result<Vec<IpRange>, AppError> {
    setting
        .value
        .split([',', ' '])
        .filter(|range| !range.is_empty())
        .map(|range| {
            range
                .parse()
                .map_err(|_| setting.invalid(format!("'{range}' is not an IP address or range")))
        })
        .collect()
}
