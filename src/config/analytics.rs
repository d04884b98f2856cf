//! The `analytics` section: the server's own counting of visits, and an optional Matomo tag.

use super::sources::Sources;
use crate::error::AppError;

#[derive(Clone, Debug)]
pub struct AnalyticsConfig {
    /// Whether the portal counts its page views (offers, ministries, apply buttons, visits).
    /// Applications, recruitments and sign-ups are counted whatever this says.
    pub count_views: bool,
    /// How often the views counted in memory are written to the database: at most this many
    /// seconds of views are lost if the process is killed.
    pub flush_seconds: u64,
    /// A Matomo instance that every portal page reports to, off unless set.
    pub matomo: Option<MatomoConfig>,
}

/// Where Matomo is and which of its sites this deployment is.
#[derive(Clone, Debug, PartialEq)]
pub struct MatomoConfig {
    /// The instance's address, `https://stats.data.gouv.fr` (no trailing slash).
    pub url: String,
    pub site_id: u32,
}

impl MatomoConfig {
    /// The instance's origin (`https://stats.example.fr`), which the CSP allows.
    pub fn origin(&self) -> String {
        url::Url::parse(&self.url)
            .map(|url| url.origin().ascii_serialization())
            .unwrap_or_else(|_| self.url.clone())
    }
}

impl AnalyticsConfig {
    pub(super) fn from_sources(sources: &Sources) -> Result<Self, AppError> {
        let file = &sources.file;
        let matomo = match sources.pick("matomo_url", &file.matomo_url) {
            None => None,
            Some(url) => {
                let address = url.value.trim_end_matches('/').to_owned();
                if !crate::text::is_http_url(&address) {
                    return Err(url.invalid(format!("'{}' is not an http(s) address", url.value)));
                }
                let site_id = sources.at_least_one("matomo_site_id", &file.matomo_site_id, 0)?;
                Some(MatomoConfig {
                    url: address,
                    site_id,
                })
            }
        };
        Ok(Self {
            count_views: sources.flag("count_views", &file.count_views, true)?,
            flush_seconds: sources.positive(
                "count_flush_seconds",
                &file.count_flush_seconds,
                5,
                "seconds",
            )?,
            matomo,
        })
    }
}
