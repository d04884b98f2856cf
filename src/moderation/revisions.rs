//! Revisions: every save, submission and review keeps a snapshot of the item (its row and
//! what lives in other tables), its author, time, status and review comment.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};

use crate::{
    codes::Status,
    content::{self, Content, Item, Snapshot},
    entities::revisions,
    error::{AppError, AppResult},
    ids::{MediaId, UserId},
};

/// The snapshot of `model` as stored now: its row, and what lives in other tables.
pub async fn snapshot<E: Content>(
    db: &impl ConnectionTrait,
    model: &E::Model,
) -> AppResult<Snapshot> {
    let mut snapshot = match serde_json::to_value(model)? {
        serde_json::Value::Object(row) => row,
        _ => Snapshot::new(),
    };
    snapshot.extend(E::extras(db, content::id_of::<E>(model)).await?);
    Ok(snapshot)
}

/// The item a snapshot holds.
pub(super) fn from_snapshot<E: Content>(snapshot: &Snapshot) -> AppResult<E::Model> {
    Ok(serde_json::from_value(serde_json::Value::Object(
        snapshot.clone(),
    ))?)
}

/// Keeps `snapshot` as the next revision of `item`, in `status`, by `by`, with the review's
/// comment.
pub(super) async fn keep_snapshot<E: Content>(
    db: &impl ConnectionTrait,
    by: Option<UserId>,
    item: &E::Model,
    snapshot: Snapshot,
    status: Status,
    comment: Option<String>,
    now: DateTime<Utc>,
) -> AppResult<revisions::Model> {
    let id = item.id();
    let earlier = of_item::<E>(item).count(db).await?;
    Ok(revisions::ActiveModel {
        tenant_id: Set(item.tenant_id()),
        entity_type: Set(E::KIND.code().to_owned()),
        entity_id: Set(id),
        number: Set(i32::try_from(earlier).unwrap_or(i32::MAX - 1) + 1),
        snapshot: Set(serde_json::to_string(&snapshot)?),
        author_id: Set(by.map(UserId::get)),
        status: Set(status),
        review_comment: Set(comment),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?)
}

/// Keeps a revision of `model` as it is stored now, by `by`, with the review's comment.
/// Every save, submission and review keeps one.
pub async fn keep_revision<E: Content>(
    db: &impl ConnectionTrait,
    by: Option<UserId>,
    model: &E::Model,
    comment: Option<String>,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let snapshot = snapshot::<E>(db, model).await?;
    keep_snapshot::<E>(db, by, model, snapshot, model.status(), comment, now).await?;
    Ok(())
}

/// Leaves out of `snapshot` the image it shows when that image was deleted from the library
/// since (an older version, or a proposal that waited); whether it did.
pub(super) async fn forget_deleted_image<E: Content>(
    db: &impl ConnectionTrait,
    snapshot: &mut Snapshot,
) -> AppResult<bool> {
    let Some(id) = snapshot.get(E::IMAGE).and_then(serde_json::Value::as_i64) else {
        return Ok(false);
    };
    let id = i32::try_from(id).map_err(|_| AppError::NotFound)?;
    if crate::media::exists(db, MediaId::new(id)).await? {
        return Ok(false);
    }
    snapshot.insert(E::IMAGE.to_owned(), serde_json::Value::Null);
    Ok(true)
}

/// The fields of `item` as it was last published, from its revisions (`None` if it never was).
pub async fn last_published<E: Content>(
    db: &impl ConnectionTrait,
    item: &E::Model,
) -> AppResult<Option<Snapshot>> {
    let revision = of_item::<E>(item)
        .filter(revisions::Column::Status.eq(Status::Published))
        .order_by_desc(revisions::Column::Id)
        .one(db)
        .await?;
    Ok(match revision {
        Some(revision) => serde_json::from_str(&revision.snapshot)?,
        None => None,
    })
}

/// The revisions of `item`, newest first.
pub async fn history<E: Content>(
    db: &impl ConnectionTrait,
    item: &E::Model,
) -> AppResult<Vec<revisions::Model>> {
    Ok(of_item::<E>(item)
        .order_by_desc(revisions::Column::Id)
        .limit(content::LIST_LIMIT)
        .all(db)
        .await?)
}

/// The last review comment of `item`, for its author.
pub async fn last_comment<E: Content>(
    db: &impl ConnectionTrait,
    item: &E::Model,
) -> AppResult<Option<String>> {
    Ok(of_item::<E>(item)
        .filter(revisions::Column::ReviewComment.is_not_null())
        .order_by_desc(revisions::Column::Id)
        .one(db)
        .await?
        .and_then(|revision| revision.review_comment))
}

/// The revisions of `item`, a query.
fn of_item<E: Content>(item: &E::Model) -> sea_orm::Select<revisions::Entity> {
    revisions::Entity::find()
        .filter(revisions::Column::EntityType.eq(E::KIND.code()))
        .filter(revisions::Column::EntityId.eq(item.id()))
}

/// Version `number` of `item`.
pub(super) async fn numbered<E: Content>(
    db: &impl ConnectionTrait,
    item: &E::Model,
    number: i32,
) -> AppResult<revisions::Model> {
    of_item::<E>(item)
        .filter(revisions::Column::Number.eq(number))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}
