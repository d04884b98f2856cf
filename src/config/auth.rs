//! The `auth` section: back-office sessions, the login's rate limit and signing key, and the
//! ways to log in (ProConnect, links by email).

use super::sources::{Sources, invalid};
use crate::{accounts::sessions::SessionPolicy, error::AppError};

/// ProConnect's default scopes.
pub const PROCONNECT_SCOPES: &str = "openid email given_name usual_name uid siret idp_id";

#[derive(Clone, Debug)]
pub struct AuthConfig {
    /// Minutes without activity after which a back-office session ends.
    pub session_idle_minutes: i64,
    /// Hours after which a back-office session ends, active or not.
    pub session_max_hours: i64,
    /// Login attempts allowed per client and minute.
    pub login_attempts_per_minute: u32,
    /// The key the portal signs its cookies with; instances behind one address must share it.
    /// `None`: a random key of this process.
    pub secret_key: Option<String>,
    /// ProConnect login; `None` when not configured (the login button is then disabled).
    pub proconnect: Option<ProConnectConfig>,
    /// Login links by email for people without ProConnect (off by default).
    pub login_links: bool,
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

impl AuthConfig {
    pub(super) fn from_sources(sources: &Sources) -> Result<Self, AppError> {
        let file = &sources.file;
        let secret_key = match sources.pick("secret_key", &file.secret_key) {
            Some(setting) if setting.value.len() < 32 => {
                return Err(setting.invalid("must be at least 32 characters"));
            }
            other => other.map(|setting| setting.value),
        };
        Ok(Self {
            session_idle_minutes: sources.at_least_one(
                "session_idle_minutes",
                &file.session_idle_minutes,
                60,
            )?,
            session_max_hours: sources.at_least_one(
                "session_max_hours",
                &file.session_max_hours,
                12,
            )?,
            login_attempts_per_minute: sources.at_least_one(
                "login_attempts_per_minute",
                &file.login_attempts_per_minute,
                10,
            )?,
            secret_key,
            proconnect: ProConnectConfig::from_sources(sources)?,
            login_links: sources.flag("login_links", &file.login_links, false)?,
        })
    }

    pub fn session_policy(&self) -> SessionPolicy {
        SessionPolicy {
            idle: chrono::Duration::minutes(self.session_idle_minutes),
            absolute: chrono::Duration::hours(self.session_max_hours),
        }
    }
}

impl ProConnectConfig {
    /// `None` without any of the three keys it needs; an error with only some of them.
    fn from_sources(sources: &Sources) -> Result<Option<Self>, AppError> {
        let file = &sources.file;
        let (issuer, client_id, client_secret) = match (
            sources.pick("proconnect_issuer", &file.proconnect_issuer),
            sources.pick("proconnect_client_id", &file.proconnect_client_id),
            sources.pick("proconnect_client_secret", &file.proconnect_client_secret),
        ) {
            (None, None, None) => return Ok(None),
            (Some(issuer), Some(client_id), Some(client_secret)) => {
                (issuer, client_id.value, client_secret.value)
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
        let url = &issuer.value;
        if !(url.starts_with("https://")
            || url.starts_with("http://127.0.0.1")
            || url.starts_with("http://localhost"))
        {
            return Err(issuer.invalid("an https:// issuer URL"));
        }
        let words = |key: &str, from_file: &Option<String>, default: &str| -> Vec<String> {
            sources
                .text_or(key, from_file, default)
                .split_whitespace()
                .map(str::to_owned)
                .collect()
        };
        let scopes = words(
            "proconnect_scopes",
            &file.proconnect_scopes,
            PROCONNECT_SCOPES,
        );
        if !scopes.iter().any(|s| s == "openid") {
            return Err(invalid("METIERS_PROCONNECT_SCOPES", "must include openid"));
        }
        Ok(Some(Self {
            issuer: url.trim_end_matches('/').to_owned(),
            client_id,
            client_secret,
            scopes,
            acr_values: words(
                "proconnect_acr_values",
                &file.proconnect_acr_values,
                "eidas1",
            ),
        }))
    }
}

#[cfg(test)]
mod tests {
    use crate::config::tests::config;

    #[test]
    fn proconnect_needs_its_three_keys() {
        assert!(config(&[]).unwrap().auth.proconnect.is_none());
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
        .auth
        .proconnect
        .unwrap();
        assert_eq!(proconnect.issuer, "https://auth.example.gouv.fr/api/v2");
        assert_eq!(proconnect.acr_values, vec!["eidas1"]);
        assert!(proconnect.scopes.contains(&"siret".to_owned()));
    }
}
