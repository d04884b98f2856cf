//! An item's life-cycle state as the workflow moves it: a change takes the item at the
//! version it was read (optimistic locking), so two people acting at once cannot both win.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, IntoActiveModel, QueryFilter, sea_query::Expr,
};

use crate::{
    codes::Status,
    content::{Content, Item},
    error::{AppError, AppResult, Reason},
};

/// Takes item `before` for a change if it is still at the version read (someone may have
/// acted since): its version goes up. Returns it as it now is.
pub(super) async fn claim<E: Content>(
    db: &impl ConnectionTrait,
    before: &E::Model,
    now: DateTime<Utc>,
) -> AppResult<E::Model> {
    let columns = &E::COLUMNS;
    let (id, version) = (before.id(), before.version());
    let claimed = E::update_many()
        .col_expr(columns.version, Expr::value(version + 1))
        .col_expr(columns.updated_at, Expr::value(now))
        .filter(columns.id.eq(id))
        .filter(columns.version.eq(version))
        .exec(db)
        .await?;
    if claimed.rows_affected != 1 {
        return Err(AppError::invalid("version", Reason::ChangedMeanwhile));
    }
    reread::<E>(db, id).await
}

pub(super) async fn reread<E: Content>(db: &impl ConnectionTrait, id: i32) -> AppResult<E::Model> {
    E::find()
        .filter(E::COLUMNS.id.eq(id))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

/// Writes `changes` (column, value) on item `item`.
pub(super) async fn set<E: Content>(
    db: &impl ConnectionTrait,
    item: E::Model,
    changes: Vec<(E::Column, sea_orm::Value)>,
) -> AppResult<E::Model> {
    let mut active = item.into_active_model();
    for (column, value) in changes {
        active.set(column, value);
    }
    Ok(active.update(db).await?)
}

/// Moves `before` to `to` if it is still at the version read. Published, it goes public now
/// or at the date its editor chose.
pub(super) async fn move_to<E: Content>(
    db: &impl ConnectionTrait,
    before: &E::Model,
    to: Status,
    now: DateTime<Utc>,
) -> AppResult<E::Model> {
    let item = claim::<E>(db, before, now).await?;
    let mut changes = vec![(E::COLUMNS.status, to.into())];
    if to == Status::Published {
        let publish_at = item.publish_at().unwrap_or(now);
        changes.push((E::COLUMNS.published_at, Some(publish_at.max(now)).into()));
    }
    set::<E>(db, item, changes).await
}
