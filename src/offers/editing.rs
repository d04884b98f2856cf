//! Offers as the back-office writes them, within the ministry the acting user works on (what
//! offers share with stories is in [`crate::content`]).

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, Set};

use crate::{
    accounts::Scope,
    codes::Status,
    content,
    entities::{offers, structures},
    error::{AppError, AppResult, Reason},
    ids::OfferId,
    offers::search,
};

/// The offers `within` a ministry or every ministry, newest change first, filtered by status
/// and words.
pub async fn list(
    db: &impl ConnectionTrait,
    within: &content::Within,
    status: Option<Status>,
    words: &str,
) -> AppResult<Vec<offers::Model>> {
    let mut matching = Condition::all();
    for word in search::normalize(words).split_whitespace() {
        matching = matching.add(offers::Column::SearchText.contains(word));
    }
    content::list::<offers::Entity>(db, within, status, matching).await
}

/// Refuses a direction or service that is not the scope's ministry's.
pub(crate) async fn check_structure(
    db: &impl ConnectionTrait,
    scope: &Scope,
    structure_id: Option<i32>,
) -> AppResult<()> {
    let Some(id) = structure_id else {
        return Ok(());
    };
    let found = structures::Entity::find_by_id(id)
        .filter(structures::Column::TenantId.eq(scope.tenant()))
        .one(db)
        .await?;
    match found {
        Some(_) => Ok(()),
        None => Err(AppError::invalid("structure_id", Reason::NotOfThisMinistry)),
    }
}

/// Copies offer `id`, with its contract types, as a new draft of the same ministry; what
/// came from an importer stays with the original. Call it inside a transaction.
pub async fn duplicate(
    db: &impl ConnectionTrait,
    scope: &Scope,
    id: OfferId,
    now: DateTime<Utc>,
) -> AppResult<offers::Model> {
    let own = |copy: &mut offers::ActiveModel| {
        copy.filled_at = Set(None);
        copy.source_name = Set(None);
        copy.external_id = Set(None);
        copy.external_url = Set(None);
    };
    let (original, copy) = content::duplicate::<offers::Entity>(db, scope, id, own, now).await?;
    let contract_types = super::contract_types(db, &[original.key()])
        .await?
        .remove(&original.id)
        .unwrap_or_default();
    super::replace_contract_types(db, copy.key(), &contract_types).await?;
    Ok(copy)
}
