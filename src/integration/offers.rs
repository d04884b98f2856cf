//! A ministry's offers as its own systems push them: each known by the ministry's reference
//! (its HR software's number), created by the first push, changed by the next ones, closed when
//! filled or withdrawn. A push goes through the back-office's moderation: a new offer waits for
//! review (or is published at once in a trusted ministry), a change to a live offer of an
//! untrusted ministry waits as a proposal while the live version stays online. Pushing the same
//! offer again changes nothing, so a system may push its whole catalogue every night. A
//! rejected, expired or withdrawn offer no longer changes.

use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, TransactionTrait, sea_query::Expr,
};

use crate::{
    accounts::Scope,
    codes::Status,
    content::{self, Content},
    entities::offers,
    error::{AppError, AppResult, Reason},
    mail, moderation,
    offers::NewOffer,
};

/// The source of the offers pushed through the API (offers written here have none, the demo's
/// imported ones another).
pub const SOURCE: &str = "api";
/// The longest reference.
const MAX_REFERENCE_CHARS: usize = 100;

/// Refuses a reference that is not 1 to 100 ASCII letters, digits, `.`, `_` or `-`: it is part
/// of the offer's API address.
fn check_reference(reference: &str) -> AppResult<()> {
    let fits = (1..=MAX_REFERENCE_CHARS).contains(&reference.len())
        && reference
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'));
    if fits {
        Ok(())
    } else {
        Err(AppError::invalid("reference", Reason::NotAReference))
    }
}

/// The offer of the scope's ministry pushed under `reference`.
pub async fn find(
    db: &impl ConnectionTrait,
    scope: &Scope,
    reference: &str,
) -> AppResult<offers::Model> {
    check_reference(reference)?;
    offers::Entity::find()
        .filter(offers::Column::TenantId.eq(scope.tenant()))
        .filter(offers::Column::SourceName.eq(SOURCE))
        .filter(offers::Column::ExternalId.eq(reference))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

/// A page of the scope's ministry's pushed offers, by reference, with how many there are.
pub async fn list(
    db: &impl ConnectionTrait,
    scope: &Scope,
    status: Option<Status>,
    (offset, limit): (u64, u64),
) -> AppResult<(Vec<offers::Model>, u64)> {
    let mut query = offers::Entity::find()
        .filter(offers::Column::TenantId.eq(scope.tenant()))
        .filter(offers::Column::SourceName.eq(SOURCE));
    if let Some(status) = status {
        query = query.filter(offers::Column::Status.eq(status));
    }
    let total = query.clone().count(db).await?;
    let rows = query
        .order_by_asc(offers::Column::ExternalId)
        .offset(offset)
        .limit(limit)
        .all(db)
        .await?;
    Ok((rows, total))
}

/// What a push did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pushed {
    /// A new offer, waiting for review (or published, in a trusted ministry).
    Created,
    /// The offer changed, or its change waits for review as a proposal.
    Updated,
    /// The offer (or the change already waiting) is the same: nothing was written.
    Unchanged,
}

/// Creates or updates the offer of the scope's ministry under `reference` with `new`. Call it
/// in a transaction.
pub async fn push(
    db: &DatabaseTransaction,
    letterhead: &mail::Letterhead<'_>,
    scope: &Scope,
    reference: &str,
    new: NewOffer,
    now: DateTime<Utc>,
) -> AppResult<(offers::Model, Pushed)> {
    check_reference(reference)?;
    let existing = match find(db, scope, reference).await {
        Err(AppError::NotFound) => None,
        found => Some(found?),
    };
    let Some(existing) = existing else {
        let created = moderation::create::<offers::Entity>(db, scope, new, now).await?;
        mark_as_pushed(db, &created, reference).await?;
        let submitted =
            moderation::submit::<offers::Entity>(db, letterhead, scope, created.key(), now).await?;
        return Ok((submitted, Pushed::Created));
    };
    // Refused, expired or withdrawn, it no longer changes: push under a new reference.
    if matches!(
        existing.status,
        Status::Rejected | Status::Expired | Status::Archived
    ) {
        return Err(AppError::invalid("status", Reason::WrongStatus));
    }
    if !changes_anything(db, scope, &existing, &new, now).await? {
        return Ok((existing, Pushed::Unchanged));
    }
    let edited =
        moderation::edit::<offers::Entity>(db, letterhead, scope, existing.key(), &new, now)
            .await?;
    // A draft sent back with changes asked goes back to review once changed.
    let resubmit = matches!(edited.status, Status::Draft | Status::ChangesRequested)
        && edited.proposal_id.is_none();
    let after = if resubmit {
        moderation::submit::<offers::Entity>(db, letterhead, scope, edited.key(), now).await?
    } else {
        edited
    };
    Ok((after, Pushed::Updated))
}

/// Records that `offer` came through the API under `reference`; a push of the same reference
/// at the same moment loses here, on the unique index, rather than making a twin.
async fn mark_as_pushed(
    db: &impl ConnectionTrait,
    offer: &offers::Model,
    reference: &str,
) -> AppResult<()> {
    let written = offers::Entity::update_many()
        .col_expr(offers::Column::SourceName, Expr::value(SOURCE))
        .col_expr(offers::Column::ExternalId, Expr::value(reference))
        .filter(offers::Column::Id.eq(offer.id))
        .exec(db)
        .await;
    match written {
        Ok(_) => Ok(()),
        Err(error) if crate::db::is_unique_violation(&error) => {
            Err(AppError::invalid("reference", Reason::ChangedMeanwhile))
        }
        Err(error) => Err(error.into()),
    }
}

/// Whether writing `new` over `existing` would change what it shows, or what its waiting
/// proposal proposes: the write is tried in a savepoint and undone.
async fn changes_anything(
    db: &DatabaseTransaction,
    scope: &Scope,
    existing: &offers::Model,
    new: &NewOffer,
    now: DateTime<Utc>,
) -> AppResult<bool> {
    let (_, current) = moderation::working_copy::<offers::Entity>(db, existing).await?;
    let trial = db.begin().await?;
    let written = <offers::Entity as Content>::write(&trial, scope, existing, new, now).await?;
    let proposed = moderation::snapshot::<offers::Entity>(&trial, &written).await?;
    trial.rollback().await?;
    let fields: Vec<&'static str> = crate::offers::FIELDS
        .into_iter()
        .chain(crate::offers::SECTION_KEYS)
        .collect();
    Ok(!moderation::changes(&current, &proposed, &fields).is_empty())
}

/// How a pushed offer is closed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Closing {
    /// Someone was recruited: the page stays online with a banner, out of the listings.
    Filled,
    /// The offer is withdrawn: it leaves the portal for good.
    Withdrawn,
}

/// Closes the offer of the scope's ministry under `reference`. Closing it again the same way
/// changes nothing. Call it in a transaction.
pub async fn close(
    db: &impl ConnectionTrait,
    scope: &Scope,
    reference: &str,
    closing: Closing,
    now: DateTime<Utc>,
) -> AppResult<offers::Model> {
    let offer = find(db, scope, reference).await?;
    match (closing, offer.status) {
        (Closing::Filled, Status::Filled) | (Closing::Withdrawn, Status::Archived) => Ok(offer),
        (Closing::Filled, _) => moderation::mark_filled(db, scope, offer.key(), now).await,
        (Closing::Withdrawn, _) => {
            content::archive::<offers::Entity>(db, scope, offer.key(), now).await
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_short_plain_words() {
        for good in ["2026-00042", "SIRH.42_b", "a"] {
            assert!(check_reference(good).is_ok(), "{good}");
        }
        let long = "x".repeat(MAX_REFERENCE_CHARS + 1);
        for bad in ["", "a/b", "é", "a b", long.as_str()] {
            assert!(check_reference(bad).is_err(), "{bad}");
        }
    }
}
