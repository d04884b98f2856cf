//! API tokens: made by a ministry's managers (or the command line), each for one ministry, with
//! a name, grants, an expiry, and its last use recorded. The secret is shown once; only its
//! SHA-256 is kept, so a leaked database gives no usable token. Creation and revocation are
//! audited.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};

use crate::{
    accounts::{
        Scope,
        sessions::{hash, random_token},
    },
    audit,
    entities::{api_tokens, tenants},
    error::{AppError, AppResult, Problems, Reason},
};

/// What a token may do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Grant {
    /// Create, update, close and list the ministry's offers.
    OffersWrite,
    /// List the ministry's applications (candidates' personal data).
    ApplicationsRead,
    /// Move the ministry's applications from one status to another.
    ApplicationsWrite,
}

impl Grant {
    pub const ALL: [Grant; 3] = [
        Grant::OffersWrite,
        Grant::ApplicationsRead,
        Grant::ApplicationsWrite,
    ];

    /// The grant's code, as tokens list it and the API's documentation names it.
    pub fn code(self) -> &'static str {
        match self {
            Grant::OffersWrite => "offers:write",
            Grant::ApplicationsRead => "applications:read",
            Grant::ApplicationsWrite => "applications:write",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|grant| grant.code() == code)
    }
}

/// Every token secret starts with this, so that secret scanners and people recognise one.
const SECRET_PREFIX: &str = "mdn_";
/// How long a token lasts when its maker does not say.
pub const DEFAULT_VALID_DAYS: i64 = 365;
/// The longest a token may last: a forgotten token does not work for ever.
pub const MAX_VALID_DAYS: i64 = 730;
/// The longest name of a token.
const MAX_NAME_CHARS: usize = 100;
/// How often a token's last use is written: at most once a minute, not on every request.
const LAST_USE_PRECISION: Duration = Duration::minutes(1);

/// A token to make.
#[derive(Clone, Debug)]
pub struct NewToken {
    pub name: String,
    pub grants: Vec<Grant>,
    pub valid_days: i64,
}

impl NewToken {
    fn check(&self) -> AppResult<()> {
        let mut problems = Problems::default();
        let name = self.name.trim();
        if name.is_empty() {
            problems.add("name", Reason::Required);
        } else if name.chars().count() > MAX_NAME_CHARS {
            problems.add("name", Reason::TooLong);
        }
        if self.grants.is_empty() {
            problems.add("scopes", Reason::Required);
        }
        if !(1..=MAX_VALID_DAYS).contains(&self.valid_days) {
            problems.add("valid_days", Reason::OutOfRange);
        }
        problems.into_result()
    }
}

/// A token of the scope's ministry, made by one of its managers; returns the row and the
/// secret, which is not kept and cannot be shown again. Call it in a transaction.
pub async fn create(
    db: &impl ConnectionTrait,
    scope: &Scope,
    new: NewToken,
    now: DateTime<Utc>,
) -> AppResult<(api_tokens::Model, String)> {
    scope.require_manager()?;
    new.check()?;
    let secret = format!("{SECRET_PREFIX}{}", random_token()?);
    let mut grants = new.grants.clone();
    grants.sort_by_key(|grant| grant.code());
    grants.dedup();
    let token = api_tokens::ActiveModel {
        tenant_id: Set(scope.tenant().get()),
        name: Set(new.name.trim().to_owned()),
        token_hash: Set(hash(&secret)),
        prefix: Set(secret.chars().take(SECRET_PREFIX.len() + 6).collect()),
        scopes: Set(grants
            .iter()
            .map(|grant| grant.code())
            .collect::<Vec<_>>()
            .join(" ")),
        created_by: Set(scope.user().map(|user| user.get())),
        created_at: Set(now),
        expires_at: Set(now + Duration::days(new.valid_days)),
        ..Default::default()
    }
    .insert(db)
    .await?;
    audit::record(
        db,
        scope.user(),
        "api_token.create",
        subject(&token),
        None,
        Some(&token),
        now,
    )
    .await?;
    Ok((token, secret))
}

fn subject(token: &api_tokens::Model) -> audit::Subject<'static> {
    audit::Subject {
        tenant_id: Some(token.tenant_id),
        entity_type: "api_token",
        entity_id: Some(token.id),
    }
}

/// The scope's ministry's tokens, newest first, revoked and expired ones included.
pub async fn list(db: &impl ConnectionTrait, scope: &Scope) -> AppResult<Vec<api_tokens::Model>> {
    scope.require_manager()?;
    Ok(api_tokens::Entity::find()
        .filter(api_tokens::Column::TenantId.eq(scope.tenant()))
        .order_by_desc(api_tokens::Column::CreatedAt)
        .order_by_desc(api_tokens::Column::Id)
        .all(db)
        .await?)
}

/// Revokes token `id` of the scope's ministry: it fails from the next request on. Revoking
/// a revoked token changes nothing. Call it in a transaction.
pub async fn revoke(
    db: &impl ConnectionTrait,
    scope: &Scope,
    id: i32,
    now: DateTime<Utc>,
) -> AppResult<api_tokens::Model> {
    scope.require_manager()?;
    let before = api_tokens::Entity::find_by_id(id)
        .filter(api_tokens::Column::TenantId.eq(scope.tenant()))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    if before.revoked_at.is_some() {
        return Ok(before);
    }
    let mut active: api_tokens::ActiveModel = before.clone().into();
    active.revoked_at = Set(Some(now));
    let after = active.update(db).await?;
    audit::record(
        db,
        scope.user(),
        "api_token.revoke",
        subject(&after),
        Some(&before),
        Some(&after),
        now,
    )
    .await?;
    Ok(after)
}

/// Whether `token` works at `now`: not revoked, not expired.
fn is_valid(token: &api_tokens::Model, now: DateTime<Utc>) -> bool {
    token.revoked_at.is_none() && now < token.expires_at
}

/// Where `token` stands at `now`: `valid`, `expired` or `revoked`.
pub fn state(token: &api_tokens::Model, now: DateTime<Utc>) -> &'static str {
    match (token.revoked_at, is_valid(token, now)) {
        (Some(_), _) => "revoked",
        (None, true) => "valid",
        (None, false) => "expired",
    }
}

/// What a request made with a valid token may reach: its ministry's rows, as far as its
/// grants allow.
#[derive(Clone, Debug)]
pub struct TokenScope {
    scope: Scope,
    grants: Vec<Grant>,
    token_id: i32,
}

impl TokenScope {
    /// The token's id: what its requests are counted by.
    pub fn token_id(&self) -> i32 {
        self.token_id
    }

    /// The ministry's scope, if the token holds `grant`.
    pub fn require(&self, grant: Grant) -> AppResult<&Scope> {
        if self.grants.contains(&grant) {
            Ok(&self.scope)
        } else {
            Err(AppError::Forbidden)
        }
    }
}

/// The scope of the token whose secret is `secret`; [`AppError::SignInRequired`] when no valid
/// token of an active ministry has it. Records the token's use.
pub async fn authenticate(
    db: &impl ConnectionTrait,
    secret: &str,
    now: DateTime<Utc>,
) -> AppResult<TokenScope> {
    if !secret.starts_with(SECRET_PREFIX) || secret.len() > 200 {
        return Err(AppError::SignInRequired);
    }
    let token = api_tokens::Entity::find()
        .filter(api_tokens::Column::TokenHash.eq(hash(secret)))
        .one(db)
        .await?
        .filter(|token| is_valid(token, now))
        .ok_or(AppError::SignInRequired)?;
    let active = tenants::Entity::find_by_id(token.tenant_id)
        .one(db)
        .await?
        .is_some_and(|tenant| tenant.archived_at.is_none());
    if !active {
        return Err(AppError::SignInRequired);
    }
    if token
        .last_used_at
        .is_none_or(|used| now - used >= LAST_USE_PRECISION)
    {
        api_tokens::Entity::update_many()
            .col_expr(
                api_tokens::Column::LastUsedAt,
                sea_orm::sea_query::Expr::value(now),
            )
            .filter(api_tokens::Column::Id.eq(token.id))
            .exec(db)
            .await?;
    }
    let grants = token
        .scopes
        .split_whitespace()
        .filter_map(Grant::parse)
        .collect();
    Ok(TokenScope {
        scope: Scope::of_token(&token),
        grants,
        token_id: token.id,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grants_read_back_from_their_codes() {
        for grant in Grant::ALL {
            assert_eq!(Grant::parse(grant.code()), Some(grant));
        }
        assert_eq!(Grant::parse("offers:read"), None);
    }

    #[test]
    fn a_new_token_is_checked_field_by_field() {
        let new = NewToken {
            name: " ".into(),
            grants: vec![],
            valid_days: MAX_VALID_DAYS + 1,
        };
        let AppError::Invalid(problems) = new.check().unwrap_err() else {
            panic!("not a field problem");
        };
        let fields: Vec<_> = problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(fields, ["name", "scopes", "valid_days"]);
    }
}
