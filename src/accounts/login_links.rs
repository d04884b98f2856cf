//! Login links by email, for people without ProConnect (off unless `login_links` is set): a
//! link works once, for 15 minutes. Asking for one says nothing about whether the address has
//! an account.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set, sea_query::Expr,
};
use sha2::{Digest, Sha256};

use super::{find_by_email, invitations, memberships_of, normalize_email, sessions::random_token};
use crate::{
    entities::{login_links, users},
    error::AppResult,
    mail,
    render::hex,
};

/// How long a login link works.
pub const VALIDITY_MINUTES: i64 = 15;

fn hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

/// Whether `user` may get in: a DINUM admin or a member of a ministry.
async fn has_access(db: &impl ConnectionTrait, user: &users::Model) -> AppResult<bool> {
    Ok(user.is_admin || !memberships_of(db, user.key()).await?.is_empty())
}

/// Writes a login link for `email` to the outbox when the address belongs to someone who may
/// get in (a user with access, or someone with a pending invitation, whose user is created
/// now). Refuses only an address that is not one. Call it in a transaction.
pub async fn request(
    db: &impl ConnectionTrait,
    letterhead: &mail::Letterhead<'_>,
    email: &str,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let email = normalize_email(email)?;
    let invited = !invitations::pending_for(db, &email, now).await?.is_empty();
    let user = match find_by_email(db, &email).await? {
        Some(user) if invited || has_access(db, &user).await? => user,
        None if invited => {
            let new = super::NewUser {
                email: email.clone(),
                ..Default::default()
            };
            super::create_user(db, new, now).await?
        }
        _ => return Ok(()),
    };
    let token = random_token()?;
    login_links::ActiveModel {
        token_hash: Set(hash(&token)),
        user_id: Set(user.id),
        created_at: Set(now),
        expires_at: Set(now + Duration::minutes(VALIDITY_MINUTES)),
        used_at: Set(None),
    }
    .insert(db)
    .await?;
    let link = format!("{}/connexion/lien/{token}", letterhead.base_url);
    let mail = mail::compose(letterhead, "login_link", &user.email, &[("link", link)])?;
    mail::enqueue(db, &mail, now).await?;
    Ok(())
}

/// Uses the link of `token`: once, within its validity. Its user's pending invitations become
/// memberships; `None` when the link is unknown, used, expired, or its user has no access.
/// Call it in a transaction.
pub async fn redeem(
    db: &impl ConnectionTrait,
    token: &str,
    now: DateTime<Utc>,
) -> AppResult<Option<users::Model>> {
    let token_hash = hash(token);
    let used = login_links::Entity::update_many()
        .col_expr(login_links::Column::UsedAt, Expr::value(now))
        .filter(login_links::Column::TokenHash.eq(token_hash.as_str()))
        .filter(login_links::Column::UsedAt.is_null())
        .filter(login_links::Column::ExpiresAt.gt(now))
        .exec(db)
        .await?;
    if used.rows_affected != 1 {
        return Ok(None);
    }
    let Some(link) = login_links::Entity::find_by_id(token_hash).one(db).await? else {
        return Ok(None);
    };
    let Some(user) = users::Entity::find_by_id(link.user_id).one(db).await? else {
        return Ok(None);
    };
    let pending = invitations::pending_for(db, &user.email, now).await?;
    invitations::accept_all(db, user.key(), pending, now).await?;
    if !has_access(db, &user).await? {
        return Ok(None);
    }
    let mut active: users::ActiveModel = user.into();
    active.last_login_at = Set(Some(now));
    Ok(Some(active.update(db).await?))
}
