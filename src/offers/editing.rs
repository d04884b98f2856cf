//! Offers as the back-office writes them: every function takes the acting user and the
//! ministry they work on, and an offer of another ministry is not found.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};

use super::NewOffer;
use crate::{
    accounts::Actor,
    audit,
    codes::Status,
    entities::{offers, structures},
    error::{AppError, AppResult},
    offers::search,
    slug,
};

/// How many offers the back-office list shows at most.
pub const LIST_LIMIT: u64 = 500;

/// The offers of ministry `tenant_id`, newest change first, filtered by status and words.
pub async fn list(
    db: &impl ConnectionTrait,
    actor: &Actor,
    tenant_id: i32,
    status: Option<Status>,
    words: &str,
) -> AppResult<Vec<offers::Model>> {
    actor.require_editor(tenant_id)?;
    let mut query = offers::Entity::find().filter(offers::Column::TenantId.eq(tenant_id));
    if let Some(status) = status {
        query = query.filter(offers::Column::Status.eq(status.as_str()));
    }
    for word in search::normalize(words).split_whitespace() {
        query = query.filter(offers::Column::SearchText.contains(word));
    }
    Ok(query
        .order_by_desc(offers::Column::UpdatedAt)
        .order_by_desc(offers::Column::Id)
        .limit(LIST_LIMIT)
        .all(db)
        .await?)
}

/// Offer `id` of ministry `tenant_id`.
pub async fn find(
    db: &impl ConnectionTrait,
    actor: &Actor,
    tenant_id: i32,
    id: i32,
) -> AppResult<offers::Model> {
    actor.require_editor(tenant_id)?;
    offers::Entity::find_by_id(id)
        .filter(offers::Column::TenantId.eq(tenant_id))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

/// Refuses a direction or service that is not ministry `tenant_id`'s.
async fn check_structure(
    db: &impl ConnectionTrait,
    tenant_id: i32,
    structure_id: Option<i32>,
) -> AppResult<()> {
    let Some(id) = structure_id else {
        return Ok(());
    };
    let found = structures::Entity::find_by_id(id)
        .filter(structures::Column::TenantId.eq(tenant_id))
        .one(db)
        .await?;
    match found {
        Some(_) => Ok(()),
        None => Err(AppError::invalid(
            "structure_id",
            "not a service of this ministry",
        )),
    }
}

fn subject(offer: &offers::Model) -> audit::Subject<'static> {
    audit::Subject {
        tenant_id: Some(offer.tenant_id),
        entity_type: "offer",
        entity_id: Some(offer.id),
    }
}

/// Writes a new draft in ministry `tenant_id`. Call it inside a transaction.
pub async fn create(
    db: &impl ConnectionTrait,
    actor: &Actor,
    tenant_id: i32,
    mut new: NewOffer,
    now: DateTime<Utc>,
) -> AppResult<offers::Model> {
    actor.require_editor(tenant_id)?;
    check_structure(db, tenant_id, new.structure_id).await?;
    new.tenant_id = tenant_id;
    new.created_by = Some(actor.user.id);
    new.status = Some(Status::Draft);
    new.published_at = None;
    new.filled_at = None;
    new.source_name = None;
    new.external_id = None;
    new.external_url = None;
    let offer = super::create(db, new, now).await?;
    audit::record(
        db,
        Some(actor.user.id),
        "offer.create",
        subject(&offer),
        None,
        Some(&offer),
        now,
    )
    .await?;
    Ok(offer)
}

/// Rewrites offer `id` of ministry `tenant_id`. Call it inside a transaction.
pub async fn update(
    db: &impl ConnectionTrait,
    actor: &Actor,
    tenant_id: i32,
    id: i32,
    new: &NewOffer,
    now: DateTime<Utc>,
) -> AppResult<offers::Model> {
    let before = find(db, actor, tenant_id, id).await?;
    if before.status == Status::Archived.as_str() {
        return Err(AppError::invalid(
            "status",
            "an archived offer cannot change",
        ));
    }
    check_structure(db, tenant_id, new.structure_id).await?;
    let after = super::update(db, &before, new, now).await?;
    audit::record(
        db,
        Some(actor.user.id),
        "offer.update",
        subject(&after),
        Some(&before),
        Some(&after),
        now,
    )
    .await?;
    Ok(after)
}

/// Copies offer `id` as a new draft of the same ministry. Call it inside a transaction.
pub async fn duplicate(
    db: &impl ConnectionTrait,
    actor: &Actor,
    tenant_id: i32,
    id: i32,
    now: DateTime<Utc>,
) -> AppResult<offers::Model> {
    let original = find(db, actor, tenant_id, id).await?;
    let contract_types = super::contract_types(db, &[original.id])
        .await?
        .remove(&original.id)
        .unwrap_or_default();
    let mut copy: offers::ActiveModel = original.clone().into();
    copy.id = sea_orm::ActiveValue::NotSet;
    let mut candidates = slug::copy_candidates(&original.slug);
    let free_slug = loop {
        let candidate = candidates.next().expect("endless candidates");
        if !super::slug_taken(db, &candidate).await? {
            break candidate;
        }
    };
    copy.slug = Set(free_slug);
    copy.status = Set(Status::Draft.as_str().to_owned());
    copy.published_at = Set(None);
    copy.filled_at = Set(None);
    copy.source_name = Set(None);
    copy.external_id = Set(None);
    copy.external_url = Set(None);
    copy.version = Set(1);
    copy.created_by = Set(Some(actor.user.id));
    copy.created_at = Set(now);
    copy.updated_at = Set(now);
    let copy = copy.insert(db).await?;
    super::replace_contract_types(db, copy.id, &contract_types).await?;
    audit::record(
        db,
        Some(actor.user.id),
        "offer.duplicate",
        subject(&copy),
        Some(&original),
        Some(&copy),
        now,
    )
    .await?;
    Ok(copy)
}

/// Archives offer `id`: it leaves the portal for good. Call it inside a transaction.
pub async fn archive(
    db: &impl ConnectionTrait,
    actor: &Actor,
    tenant_id: i32,
    id: i32,
    now: DateTime<Utc>,
) -> AppResult<offers::Model> {
    let before = find(db, actor, tenant_id, id).await?;
    let mut active: offers::ActiveModel = before.clone().into();
    active.status = Set(Status::Archived.as_str().to_owned());
    active.version = Set(before.version + 1);
    active.updated_at = Set(now);
    let after = active.update(db).await?;
    audit::record(
        db,
        Some(actor.user.id),
        "offer.archive",
        subject(&after),
        Some(&before),
        Some(&after),
        now,
    )
    .await?;
    Ok(after)
}

/// How many offers of ministry `tenant_id` are in each status.
pub async fn count_by_status(
    db: &impl ConnectionTrait,
    actor: &Actor,
    tenant_id: i32,
) -> AppResult<Vec<(String, i64)>> {
    actor.require_editor(tenant_id)?;
    Ok(offers::Entity::find()
        .select_only()
        .column(offers::Column::Status)
        .column_as(offers::Column::Id.count(), "count")
        .filter(offers::Column::TenantId.eq(tenant_id))
        .group_by(offers::Column::Status)
        .into_tuple()
        .all(db)
        .await?)
}
