//! Proposals: a change to a live item of a ministry that is not trusted is kept as a revision
//! the item points at (`proposal_id`), waiting for review while the live version stays
//! online. Approving it writes it over the live version.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, EntityTrait, IdenStatic, IntoActiveModel, Iterable,
    ModelTrait,
};

use super::{
    notifications::notify_reviewers,
    revisions::{forget_deleted_image, from_snapshot, keep_snapshot, snapshot},
    state::{claim, set},
};
use crate::{
    codes::Status,
    content::{self, Content, Item, Snapshot},
    entities::revisions,
    error::AppResult,
    ids::UserId,
    mail,
};

/// Writes the fields `snapshot` holds over `live`, if it is still at the version read: its
/// life cycle stays, a proposal it had is settled.
pub(super) async fn apply<E: Content>(
    db: &impl ConnectionTrait,
    live: &E::Model,
    snapshot: &Snapshot,
    now: DateTime<Utc>,
) -> AppResult<E::Model> {
    let mut snapshot = snapshot.clone();
    forget_deleted_image::<E>(db, &mut snapshot).await?;
    let proposed = from_snapshot::<E>(&snapshot)?;
    let live = claim::<E>(db, live, now).await?;
    let mut active = live.into_active_model();
    for field in E::Column::iter() {
        let name = field.as_str();
        let life_cycle = E::COLUMNS.life_cycle().iter().any(|c| c.as_str() == name);
        if !life_cycle && !E::KEPT.contains(&name) {
            active.set(field, proposed.get(field));
        }
    }
    active.set(E::COLUMNS.proposal_id, None::<i32>.into());
    let applied = active.update(db).await?;
    E::restore_extras(db, content::id_of::<E>(&applied), &snapshot).await?;
    Ok(applied)
}

/// Keeps `snapshot` as a proposed change of live item `live` (found through a scope) by `by`,
/// waiting for review, and tells the reviewers.
pub async fn propose<E: Content>(
    db: &impl ConnectionTrait,
    letterhead: &mail::Letterhead<'_>,
    by: Option<UserId>,
    live: &E::Model,
    snapshot: Snapshot,
    now: DateTime<Utc>,
) -> AppResult<E::Model> {
    let claimed = claim::<E>(db, live, now).await?;
    let revision =
        keep_snapshot::<E>(db, by, live, snapshot, Status::PendingReview, None, now).await?;
    let after = set::<E>(
        db,
        claimed,
        vec![(E::COLUMNS.proposal_id, Some(revision.id).into())],
    )
    .await?;
    content::record::<E>(db, by, "propose", Some(live), &after, now).await?;
    notify_reviewers(db, letterhead, now).await?;
    Ok(after)
}

/// The change proposed for `item`, if any: its revision and what the item would become.
pub async fn proposal<E: Content>(
    db: &impl ConnectionTrait,
    item: &E::Model,
) -> AppResult<Option<(revisions::Model, Snapshot)>> {
    let Some(id) = item.proposal_id() else {
        return Ok(None);
    };
    let Some(revision) = revisions::Entity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    let snapshot = serde_json::from_str(&revision.snapshot)?;
    Ok(Some((revision, snapshot)))
}

/// The status of the change proposed for each of `items` that has one (waiting for review,
/// sent back), by item id: one query for a whole list.
pub async fn proposal_statuses<E: Content>(
    db: &impl ConnectionTrait,
    items: &[E::Model],
) -> AppResult<std::collections::HashMap<i32, Status>> {
    let item_of: std::collections::HashMap<i32, i32> = items
        .iter()
        .filter_map(|item| item.proposal_id().map(|revision| (revision, item.id())))
        .collect();
    if item_of.is_empty() {
        return Ok(std::collections::HashMap::new());
    }
    use sea_orm::{ColumnTrait, QueryFilter};
    Ok(revisions::Entity::find()
        .filter(revisions::Column::Id.is_in(item_of.keys().copied()))
        .all(db)
        .await?
        .into_iter()
        .filter_map(|revision| {
            item_of
                .get(&revision.id)
                .map(|&item| (item, revision.status))
        })
        .collect())
}

/// What an editor works on: the change proposed for `item` if there is one, else the item.
pub async fn working_copy<E: Content>(
    db: &impl ConnectionTrait,
    item: &E::Model,
) -> AppResult<(E::Model, Snapshot)> {
    match proposal::<E>(db, item).await? {
        Some((_, snapshot)) => Ok((from_snapshot::<E>(&snapshot)?, snapshot)),
        None => Ok((item.clone(), snapshot::<E>(db, item).await?)),
    }
}
