//! What the yearly goals are measured with, without measuring anyone: counts by day, never a
//! visitor's address, cookie or browser. A visitor who asks not to be tracked (`DNT: 1` or
//! `Sec-GPC: 1`) is not counted at all.
//!
//! For now: the clicks on "apply" of offers whose candidates apply elsewhere (an external site
//! or an email address), the recruitments the site cannot see otherwise.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, Set,
    sea_query::{Expr, ExprTrait},
};

use crate::{
    accounts::Scope,
    entities::{apply_clicks, offers},
    error::AppResult,
    ids::OfferId,
};

/// Counts one click on the apply button of `offer` on the day of `now`.
pub async fn count_apply_click(
    db: &impl ConnectionTrait,
    offer: &offers::Model,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let day = now.date_naive();
    let bump = || {
        apply_clicks::Entity::update_many()
            .col_expr(
                apply_clicks::Column::Clicks,
                Expr::col(apply_clicks::Column::Clicks).add(1),
            )
            .filter(apply_clicks::Column::OfferId.eq(offer.id))
            .filter(apply_clicks::Column::Day.eq(day))
            .exec(db)
    };
    if bump().await?.rows_affected > 0 {
        return Ok(());
    }
    let first = apply_clicks::ActiveModel {
        offer_id: Set(offer.id),
        tenant_id: Set(offer.tenant_id),
        day: Set(day),
        clicks: Set(1),
        ..Default::default()
    }
    .insert(db)
    .await;
    match first {
        Ok(_) => Ok(()),
        // Another click of the same day wrote the row first: count on it.
        Err(error) if crate::db::is_unique_violation(&error) => {
            bump().await.map(|_| ()).map_err(Into::into)
        }
        Err(error) => Err(error.into()),
    }
}

/// How many times the apply button of `offer` (of the scope's ministry) led away, in all.
pub async fn apply_clicks_of(
    db: &impl ConnectionTrait,
    scope: &Scope,
    offer: OfferId,
) -> AppResult<i64> {
    // One row a day: summed here, the same on both databases.
    let days: Vec<i64> = apply_clicks::Entity::find()
        .select_only()
        .column(apply_clicks::Column::Clicks)
        .filter(apply_clicks::Column::OfferId.eq(offer))
        .filter(apply_clicks::Column::TenantId.eq(scope.tenant()))
        .into_tuple()
        .all(db)
        .await?;
    Ok(days.iter().sum())
}
