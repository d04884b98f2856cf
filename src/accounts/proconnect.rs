//! ProConnect login (OpenID Connect, authorization code flow with PKCE S256): discovery,
//! the authorization URL with `state`, `nonce` and the essential `acr` claim, the code exchange
//! (`client_secret_post`), the ID token's checks (signature RS256/ES256 against the JWKS,
//! issuer, audience, expiry, nonce, acr), userinfo (signed JWT or JSON) and logout.

use chrono::{DateTime, Duration, Utc};
use openidconnect::{
    AccessTokenHash, AdditionalClaims, AuthType, AuthenticationFlow, AuthorizationCode, ClientId,
    ClientSecret, CsrfToken, EndpointMaybeSet, EndpointNotSet, EndpointSet, IssuerUrl, JsonWebKey,
    Nonce, OAuth2TokenResponse, PkceCodeChallenge, PkceCodeVerifier, ProviderMetadataWithLogout,
    RedirectUrl, Scope, TokenResponse,
    core::{CoreClient, CoreJsonWebKeySet, CoreJwsSigningAlgorithm, CoreResponseType},
    reqwest,
};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use serde::{Deserialize, Serialize};
use tokio::sync::RwLock;

use crate::{
    config::ProConnectConfig,
    entities::login_attempts,
    error::{AppError, AppResult},
};

/// How long a user may take at the provider before the login must start again.
const ATTEMPT_LIFETIME_MINUTES: i64 = 10;

/// Why a login did not succeed; each has its own page.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum LoginFailure {
    #[error("the user cancelled at the provider")]
    Cancelled,
    #[error("unknown or expired login state")]
    UnknownState,
    #[error("the identity provider cannot be reached: {0}")]
    ProviderDown(String),
    #[error("the identity provider's answer was refused: {0}")]
    Refused(String),
}

impl LoginFailure {
    /// The message key of the page that explains it.
    pub fn code(&self) -> &'static str {
        match self {
            LoginFailure::Cancelled => "cancelled",
            LoginFailure::UnknownState => "state",
            LoginFailure::ProviderDown(_) => "provider-down",
            LoginFailure::Refused(_) => "refused",
        }
    }
}

/// The claims ProConnect adds to the standard ones.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
pub struct ProConnectClaims {
    pub usual_name: Option<String>,
    pub uid: Option<String>,
    pub siret: Option<String>,
    pub idp_id: Option<String>,
    pub organization_label: Option<String>,
}

impl AdditionalClaims for ProConnectClaims {}

/// Who the provider says logged in.
#[derive(Clone, Debug)]
pub struct Identity {
    pub sub: String,
    pub email: String,
    pub given_name: String,
    pub usual_name: String,
    pub siret: Option<String>,
    pub idp_id: Option<String>,
    pub organization_label: Option<String>,
    /// Sent back as `id_token_hint` at logout.
    pub id_token: String,
}

type Client = CoreClient<
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointMaybeSet,
    EndpointMaybeSet,
>;

/// The provider as discovered, kept until a failure asks for a new discovery.
struct Discovered {
    client: Client,
    end_session: Option<String>,
    userinfo: Option<String>,
    jwks: CoreJsonWebKeySet,
}

pub struct ProConnect {
    config: ProConnectConfig,
    redirect_url: String,
    post_logout_url: String,
    http: reqwest::Client,
    discovered: RwLock<Option<std::sync::Arc<Discovered>>>,
}

fn down(error: impl std::fmt::Display) -> LoginFailure {
    LoginFailure::ProviderDown(error.to_string())
}

fn refused(error: impl std::fmt::Display) -> LoginFailure {
    LoginFailure::Refused(error.to_string())
}

impl ProConnect {
    pub fn new(config: ProConnectConfig, base_url: &str) -> AppResult<Self> {
        let http = reqwest::ClientBuilder::new()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(std::time::Duration::from_secs(10))
            .build()
            .map_err(|e| AppError::setup("proconnect", e))?;
        Ok(Self {
            config,
            redirect_url: format!("{base_url}/connexion/proconnect/retour"),
            post_logout_url: format!("{base_url}/deconnexion/retour"),
            http,
            discovered: RwLock::new(None),
        })
    }

    async fn discovered(&self) -> Result<std::sync::Arc<Discovered>, LoginFailure> {
        if let Some(discovered) = self.discovered.read().await.clone() {
            return Ok(discovered);
        }
        let issuer = IssuerUrl::new(self.config.issuer.clone()).map_err(down)?;
        let metadata = ProviderMetadataWithLogout::discover_async(issuer, &self.http)
            .await
            .map_err(down)?;
        let end_session = metadata
            .additional_metadata()
            .end_session_endpoint
            .as_ref()
            .map(|url| url.to_string());
        let userinfo = metadata.userinfo_endpoint().map(|url| url.to_string());
        let jwks = metadata.jwks().clone();
        let client = CoreClient::from_provider_metadata(
            metadata,
            ClientId::new(self.config.client_id.clone()),
            Some(ClientSecret::new(self.config.client_secret.clone())),
        )
        .set_auth_type(AuthType::RequestBody)
        .set_redirect_uri(RedirectUrl::new(self.redirect_url.clone()).map_err(down)?);
        let discovered = std::sync::Arc::new(Discovered {
            client,
            end_session,
            userinfo,
            jwks,
        });
        *self.discovered.write().await = Some(discovered.clone());
        Ok(discovered)
    }

    /// Forgets the discovered provider (its keys may have rotated).
    async fn forget(&self) {
        *self.discovered.write().await = None;
    }

    /// Starts a login: records the attempt and returns the provider's authorization URL and
    /// the attempt's `state`, which the browser must show again on return (its cookie).
    pub async fn start(
        &self,
        db: &impl ConnectionTrait,
        now: DateTime<Utc>,
    ) -> AppResult<Result<(String, String), LoginFailure>> {
        let discovered = match self.discovered().await {
            Ok(discovered) => discovered,
            Err(failure) => return Ok(Err(failure)),
        };
        // State and nonce of 43 characters (32 random bytes): ProConnect asks for at least 32.
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let acr = serde_json::json!({
            "id_token": {"acr": {"essential": true, "values": self.config.acr_values}},
        });
        let mut request = discovered
            .client
            .authorize_url(
                AuthenticationFlow::<CoreResponseType>::AuthorizationCode,
                || CsrfToken::new_random_len(32),
                || Nonce::new_random_len(32),
            )
            .set_pkce_challenge(challenge)
            .add_extra_param("claims", acr.to_string());
        for scope in self.config.scopes.iter().filter(|s| *s != "openid") {
            request = request.add_scope(Scope::new(scope.clone()));
        }
        let (url, state, nonce) = request.url();
        login_attempts::Entity::delete_many()
            .filter(
                login_attempts::Column::CreatedAt
                    .lt(now - Duration::minutes(ATTEMPT_LIFETIME_MINUTES)),
            )
            .exec(db)
            .await?;
        login_attempts::ActiveModel {
            state: Set(state.secret().clone()),
            nonce: Set(nonce.secret().clone()),
            pkce_verifier: Set(verifier.secret().clone()),
            created_at: Set(now),
        }
        .insert(db)
        .await?;
        Ok(Ok((url.to_string(), state.secret().clone())))
    }

    /// Takes the login attempt of `state`: it can be used once.
    async fn take_attempt(
        db: &impl ConnectionTrait,
        state: &str,
        now: DateTime<Utc>,
    ) -> AppResult<Option<login_attempts::Model>> {
        let Some(attempt) = login_attempts::Entity::find_by_id(state.to_owned())
            .one(db)
            .await?
        else {
            return Ok(None);
        };
        let deleted = login_attempts::Entity::delete_by_id(state.to_owned())
            .exec(db)
            .await?;
        let fresh = now - attempt.created_at < Duration::minutes(ATTEMPT_LIFETIME_MINUTES);
        Ok((deleted.rows_affected == 1 && fresh).then_some(attempt))
    }

    /// Ends a login when the provider sends the user back with `code` (or `error`) and `state`.
    pub async fn finish(
        &self,
        db: &impl ConnectionTrait,
        code: Option<&str>,
        error: Option<&str>,
        state: &str,
        now: DateTime<Utc>,
    ) -> AppResult<Result<Identity, LoginFailure>> {
        let Some(attempt) = Self::take_attempt(db, state, now).await? else {
            return Ok(Err(LoginFailure::UnknownState));
        };
        if error == Some("access_denied") {
            return Ok(Err(LoginFailure::Cancelled));
        }
        let (Some(code), None) = (code, error) else {
            return Ok(Err(refused(format!(
                "error {}",
                error.unwrap_or("without code")
            ))));
        };
        let result = self.exchange(code, attempt).await;
        if matches!(result, Err(LoginFailure::Refused(_))) {
            // Keys may have rotated: the next login discovers the provider again.
            self.forget().await;
        }
        Ok(result)
    }

    async fn exchange(
        &self,
        code: &str,
        attempt: login_attempts::Model,
    ) -> Result<Identity, LoginFailure> {
        let discovered = self.discovered().await?;
        let client = &discovered.client;
        let tokens = client
            .exchange_code(AuthorizationCode::new(code.to_owned()))
            .map_err(down)?
            .set_pkce_verifier(PkceCodeVerifier::new(attempt.pkce_verifier))
            .request_async(&self.http)
            .await
            .map_err(|e| match e {
                openidconnect::RequestTokenError::Request(e) => down(e),
                other => refused(other),
            })?;
        let id_token = tokens.id_token().ok_or_else(|| refused("no ID token"))?;
        let verifier = client.id_token_verifier().set_allowed_algs([
            CoreJwsSigningAlgorithm::RsaSsaPkcs1V15Sha256,
            CoreJwsSigningAlgorithm::EcdsaP256Sha256,
        ]);
        let claims = id_token
            .claims(&verifier, &Nonce::new(attempt.nonce))
            .map_err(refused)?;
        let acr = claims.auth_context_ref().map(|acr| acr.as_str().to_owned());
        if !acr
            .as_ref()
            .is_some_and(|acr| self.config.acr_values.contains(acr))
        {
            return Err(refused(format!("assurance level {acr:?} not accepted")));
        }
        if let Some(expected) = claims.access_token_hash() {
            let alg = id_token.signing_alg().map_err(refused)?;
            let key = id_token.signing_key(&verifier).map_err(refused)?;
            let actual =
                AccessTokenHash::from_token(tokens.access_token(), alg, key).map_err(refused)?;
            if actual != *expected {
                return Err(refused("access token hash mismatch"));
            }
        }
        let subject = claims.subject().as_str().to_owned();
        let userinfo = self
            .userinfo(&discovered, tokens.access_token().secret(), &subject)
            .await?;
        let email = userinfo
            .email
            .or_else(|| claims.email().map(|email| email.as_str().to_owned()))
            .ok_or_else(|| refused("no email"))?;
        Ok(Identity {
            sub: subject,
            email,
            given_name: userinfo.given_name.unwrap_or_default(),
            usual_name: userinfo.extra.usual_name.unwrap_or_default(),
            siret: userinfo.extra.siret,
            idp_id: userinfo.extra.idp_id,
            organization_label: userinfo.extra.organization_label,
            id_token: id_token.to_string(),
        })
    }

    /// Userinfo, as a signed JWT (ProConnect's way, RS256 or ES256, checked against the JWKS,
    /// the issuer, the audience and the subject) or as plain JSON.
    async fn userinfo(
        &self,
        discovered: &Discovered,
        access_token: &str,
        subject: &str,
    ) -> Result<UserInfo, LoginFailure> {
        let endpoint = discovered
            .userinfo
            .as_ref()
            .ok_or_else(|| refused("no userinfo endpoint"))?;
        let response = self
            .http
            .get(endpoint)
            .bearer_auth(access_token)
            .header("accept", "application/jwt, application/json")
            .send()
            .await
            .map_err(down)?;
        if !response.status().is_success() {
            return Err(refused(format!("userinfo answered {}", response.status())));
        }
        let is_jwt = response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("application/jwt"));
        let body = response.text().await.map_err(down)?;
        let userinfo: UserInfo = if is_jwt {
            let payload = verify_jws(&discovered.jwks, body.trim())?;
            let userinfo: UserInfo = serde_json::from_slice(&payload).map_err(refused)?;
            if userinfo.iss.as_deref() != Some(self.config.issuer.as_str()) {
                return Err(refused("userinfo from another issuer"));
            }
            if !userinfo
                .aud
                .as_ref()
                .is_some_and(|aud| aud.contains(&self.config.client_id))
            {
                return Err(refused("userinfo for another client"));
            }
            userinfo
        } else {
            serde_json::from_str(&body).map_err(refused)?
        };
        if userinfo.sub != subject {
            return Err(refused("userinfo about another subject"));
        }
        Ok(userinfo)
    }

    /// The provider's logout URL for a session opened with `id_token`, coming back with `state`.
    pub async fn logout_url(&self, id_token: &str, state: &str) -> Option<String> {
        let discovered = self.discovered().await.ok()?;
        let end_session = discovered.end_session.as_ref()?;
        let mut url = url::Url::parse(end_session).ok()?;
        url.query_pairs_mut()
            .append_pair("id_token_hint", id_token)
            .append_pair("state", state)
            .append_pair("post_logout_redirect_uri", &self.post_logout_url);
        Some(url.to_string())
    }
}

/// What userinfo says, signed or not.
#[derive(Deserialize)]
struct UserInfo {
    sub: String,
    iss: Option<String>,
    aud: Option<Audience>,
    email: Option<String>,
    given_name: Option<String>,
    #[serde(flatten)]
    extra: ProConnectClaims,
}

/// `aud`: one client id or several.
#[derive(Deserialize)]
#[serde(untagged)]
enum Audience {
    One(String),
    Many(Vec<String>),
}

impl Audience {
    fn contains(&self, client_id: &str) -> bool {
        match self {
            Audience::One(aud) => aud == client_id,
            Audience::Many(auds) => auds.iter().any(|aud| aud == client_id),
        }
    }
}

#[derive(Deserialize)]
struct JwsHeader {
    alg: CoreJwsSigningAlgorithm,
    kid: Option<String>,
}

/// Checks a compact JWS signed with RS256 or ES256 by a key of `jwks`; returns its payload.
fn verify_jws(jwks: &CoreJsonWebKeySet, token: &str) -> Result<Vec<u8>, LoginFailure> {
    use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
    let mut parts = token.split('.');
    let (Some(header), Some(payload), Some(signature), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(refused("not a compact JWS"));
    };
    let decode = |part: &str| URL_SAFE_NO_PAD.decode(part).map_err(refused);
    let header: JwsHeader = serde_json::from_slice(&decode(header)?).map_err(refused)?;
    if !matches!(
        header.alg,
        CoreJwsSigningAlgorithm::RsaSsaPkcs1V15Sha256 | CoreJwsSigningAlgorithm::EcdsaP256Sha256
    ) {
        return Err(refused(format!(
            "signature algorithm {:?} not accepted",
            header.alg
        )));
    }
    let signing_input = &token[..token.rfind('.').unwrap_or_default()];
    let signature = decode(signature)?;
    let verified = jwks
        .keys()
        .iter()
        .filter(|key| {
            header.kid.is_none() || key.key_id().map(|id| id.as_str()) == header.kid.as_deref()
        })
        .any(|key| {
            key.verify_signature(&header.alg, signing_input.as_bytes(), &signature)
                .is_ok()
        });
    if !verified {
        return Err(refused("userinfo signature does not verify"));
    }
    decode(payload)
}
