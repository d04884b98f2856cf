//! Back-office sessions: a random token in an HttpOnly cookie, its SHA-256 in the database,
//! an idle timeout and an absolute lifetime, revoked at logout.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use sha2::{Digest, Sha256};

use super::Scope;
use crate::{
    entities::{sessions, users},
    error::{AppError, AppResult},
    ids::UserId,
    render::hex,
};

/// How long sessions live.
#[derive(Clone, Copy, Debug)]
pub struct SessionPolicy {
    /// Without activity for this long, a session ends.
    pub idle: Duration,
    /// A session never lasts longer than this.
    pub absolute: Duration,
}

/// A new session's secrets: the cookie's token and the forms' CSRF token.
pub struct OpenedSession {
    pub token: String,
    pub csrf_token: String,
}

/// 32 random bytes, hex-encoded.
pub fn random_token() -> AppResult<String> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| AppError::Io(std::io::Error::other(e.to_string())))?;
    Ok(hex(&bytes))
}

/// What is kept of a secret (a session's, an API token's): its SHA-256, in hexadecimal.
pub(crate) fn hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

/// Opens a session for `user_id`; `id_token` is the provider's, kept for logout.
pub async fn open(
    db: &impl ConnectionTrait,
    user_id: UserId,
    id_token: Option<String>,
    policy: SessionPolicy,
    now: DateTime<Utc>,
) -> AppResult<OpenedSession> {
    let opened = OpenedSession {
        token: random_token()?,
        csrf_token: random_token()?,
    };
    sessions::ActiveModel {
        token_hash: Set(hash(&opened.token)),
        user_id: Set(user_id.get()),
        csrf_token: Set(opened.csrf_token.clone()),
        created_at: Set(now),
        last_seen_at: Set(now),
        expires_at: Set(now + policy.absolute),
        id_token: Set(id_token),
        tenant_id: Set(None),
    }
    .insert(db)
    .await?;
    Ok(opened)
}

/// The live session of `token` and its user; an expired session is deleted on the way.
pub async fn find(
    db: &impl ConnectionTrait,
    token: &str,
    policy: SessionPolicy,
    now: DateTime<Utc>,
) -> AppResult<Option<(sessions::Model, users::Model)>> {
    let Some(session) = sessions::Entity::find_by_id(hash(token)).one(db).await? else {
        return Ok(None);
    };
    if session.expires_at <= now || session.last_seen_at + policy.idle <= now {
        sessions::Entity::delete_by_id(session.token_hash)
            .exec(db)
            .await?;
        return Ok(None);
    }
    let Some(user) = users::Entity::find_by_id(session.user_id).one(db).await? else {
        return Ok(None);
    };
    if now - session.last_seen_at > Duration::minutes(1) {
        sessions::Entity::update_many()
            .col_expr(
                sessions::Column::LastSeenAt,
                sea_orm::sea_query::Expr::value(now),
            )
            .filter(sessions::Column::TokenHash.eq(session.token_hash.as_str()))
            .exec(db)
            .await?;
    }
    Ok(Some((session, user)))
}

/// Ends the session of `token` (logout).
pub async fn close(db: &impl ConnectionTrait, token: &str) -> AppResult<()> {
    sessions::Entity::delete_by_id(hash(token)).exec(db).await?;
    Ok(())
}

/// Sets the ministry the session of `token_hash` works on: the scope's, which its user may
/// work on.
pub async fn switch_tenant(
    db: &impl ConnectionTrait,
    token_hash: &str,
    scope: &Scope,
) -> AppResult<()> {
    sessions::Entity::update_many()
        .col_expr(
            sessions::Column::TenantId,
            sea_orm::sea_query::Expr::value(scope.tenant()),
        )
        .filter(sessions::Column::TokenHash.eq(token_hash))
        .exec(db)
        .await?;
    Ok(())
}
