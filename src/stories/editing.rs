//! Stories as the back-office writes them: every function takes the acting user and the
//! ministry they work on, and a story of another ministry is not found.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};

use super::NewStory;
use crate::{
    accounts::Actor,
    audit,
    codes::Status,
    entities::stories,
    error::{AppError, AppResult},
    slug,
};

/// The stories of ministry `tenant_id`, newest change first, filtered by status and words.
pub async fn list(
    db: &impl ConnectionTrait,
    actor: &Actor,
    tenant_id: i32,
    status: Option<Status>,
    words: &str,
) -> AppResult<Vec<stories::Model>> {
    actor.require_editor(tenant_id)?;
    let mut query = stories::Entity::find().filter(stories::Column::TenantId.eq(tenant_id));
    if let Some(status) = status {
        query = query.filter(stories::Column::Status.eq(status.as_str()));
    }
    let words = words.trim();
    if !words.is_empty() {
        query = query.filter(stories::Column::PersonName.contains(words));
    }
    Ok(query
        .order_by_desc(stories::Column::UpdatedAt)
        .order_by_desc(stories::Column::Id)
        .limit(crate::offers::editing::LIST_LIMIT)
        .all(db)
        .await?)
}

/// Story `id` of ministry `tenant_id`.
pub async fn find(
    db: &impl ConnectionTrait,
    actor: &Actor,
    tenant_id: i32,
    id: i32,
) -> AppResult<stories::Model> {
    actor.require_editor(tenant_id)?;
    stories::Entity::find_by_id(id)
        .filter(stories::Column::TenantId.eq(tenant_id))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

fn subject(story: &stories::Model) -> audit::Subject<'static> {
    audit::Subject {
        tenant_id: Some(story.tenant_id),
        entity_type: "story",
        entity_id: Some(story.id),
    }
}

/// Writes a new draft in ministry `tenant_id`. Call it inside a transaction.
pub async fn create(
    db: &impl ConnectionTrait,
    actor: &Actor,
    tenant_id: i32,
    mut new: NewStory,
    now: DateTime<Utc>,
) -> AppResult<stories::Model> {
    actor.require_editor(tenant_id)?;
    new.tenant_id = tenant_id;
    new.created_by = Some(actor.user.id);
    new.status = Some(Status::Draft);
    new.published_at = None;
    let story = super::create(db, new, now).await?;
    let created = Some(&story);
    audit::record(
        db,
        Some(actor.user.id),
        "story.create",
        subject(&story),
        None,
        created,
        now,
    )
    .await?;
    Ok(story)
}

/// Rewrites story `id` of ministry `tenant_id`. Call it inside a transaction.
pub async fn update(
    db: &impl ConnectionTrait,
    actor: &Actor,
    tenant_id: i32,
    id: i32,
    new: &NewStory,
    now: DateTime<Utc>,
) -> AppResult<stories::Model> {
    let before = find(db, actor, tenant_id, id).await?;
    if before.status == Status::Archived.as_str() {
        return Err(AppError::invalid(
            "status",
            "an archived story cannot change",
        ));
    }
    let after = super::update(db, &before, new, now).await?;
    let (old, new) = (Some(&before), Some(&after));
    audit::record(
        db,
        Some(actor.user.id),
        "story.update",
        subject(&after),
        old,
        new,
        now,
    )
    .await?;
    Ok(after)
}

/// Copies story `id` as a new draft of the same ministry. Call it inside a transaction.
pub async fn duplicate(
    db: &impl ConnectionTrait,
    actor: &Actor,
    tenant_id: i32,
    id: i32,
    now: DateTime<Utc>,
) -> AppResult<stories::Model> {
    let original = find(db, actor, tenant_id, id).await?;
    let mut copy: stories::ActiveModel = original.clone().into();
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
    copy.version = Set(1);
    copy.created_by = Set(Some(actor.user.id));
    copy.created_at = Set(now);
    copy.updated_at = Set(now);
    let copy = copy.insert(db).await?;
    let (old, new) = (Some(&original), Some(&copy));
    audit::record(
        db,
        Some(actor.user.id),
        "story.duplicate",
        subject(&copy),
        old,
        new,
        now,
    )
    .await?;
    Ok(copy)
}

/// Archives story `id`: it leaves the portal for good. Call it inside a transaction.
pub async fn archive(
    db: &impl ConnectionTrait,
    actor: &Actor,
    tenant_id: i32,
    id: i32,
    now: DateTime<Utc>,
) -> AppResult<stories::Model> {
    let before = find(db, actor, tenant_id, id).await?;
    let mut active: stories::ActiveModel = before.clone().into();
    active.status = Set(Status::Archived.as_str().to_owned());
    active.version = Set(before.version + 1);
    active.updated_at = Set(now);
    let after = active.update(db).await?;
    let (old, new) = (Some(&before), Some(&after));
    audit::record(
        db,
        Some(actor.user.id),
        "story.archive",
        subject(&after),
        old,
        new,
        now,
    )
    .await?;
    Ok(after)
}

/// How many stories of ministry `tenant_id` are in each status.
pub async fn count_by_status(
    db: &impl ConnectionTrait,
    actor: &Actor,
    tenant_id: i32,
) -> AppResult<Vec<(String, i64)>> {
    actor.require_editor(tenant_id)?;
    Ok(stories::Entity::find()
        .select_only()
        .column(stories::Column::Status)
        .column_as(stories::Column::Id.count(), "count")
        .filter(stories::Column::TenantId.eq(tenant_id))
        .group_by(stories::Column::Status)
        .into_tuple()
        .all(db)
        .await?)
}
