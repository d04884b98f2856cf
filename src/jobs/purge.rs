//! Personal data past its retention, deleted (RGPD). Each kind of data is one line of
//! [`PURGES`]: what later issues keep (applications, the talent pool, alert subscriptions)
//! plugs in with one line each.

use std::{future::Future, pin::Pin};

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter, sea_query::Expr};

use super::Context;
use crate::{
    entities::{audit_log, invitations, login_links, outbox, sessions},
    error::AppResult,
};

type Purging<'a> = Pin<Box<dyn Future<Output = AppResult<u64>> + Send + 'a>>;

/// A purge: returns how many rows it removed or emptied.
type Purge = for<'a> fn(&'a Context<'a>, DateTime<Utc>) -> Purging<'a>;

/// What is purged, and how.
const PURGES: [(&str, Purge); 9] = [
    ("login_links", login_links),
    ("sessions", sessions),
    ("invitations", invitations),
    ("emails", emails),
    ("audit_log", audit_log),
    ("applications", applications),
    ("talents", talents),
    ("alerts", alerts),
    ("data_requests", data_requests),
];

/// Runs every purge; returns how many rows went in all.
pub async fn run(jobs: &Context<'_>, now: DateTime<Utc>) -> AppResult<u64> {
    let mut total = 0;
    for (name, purge) in PURGES {
        let purged = purge(jobs, now).await?;
        tracing::info!(data = name, purged, "personal data purged");
        total += purged;
    }
    Ok(total)
}

/// Login links once used or expired.
fn login_links<'a>(jobs: &'a Context<'a>, now: DateTime<Utc>) -> Purging<'a> {
    Box::pin(async move {
        let done = Condition::any()
            .add(login_links::Column::UsedAt.is_not_null())
            .add(login_links::Column::ExpiresAt.lte(now));
        let deleted = login_links::Entity::delete_many()
            .filter(done)
            .exec(jobs.db)
            .await?;
        Ok(deleted.rows_affected)
    })
}

/// Sessions past their end, or idle for longer than allowed.
fn sessions<'a>(jobs: &'a Context<'a>, now: DateTime<Utc>) -> Purging<'a> {
    Box::pin(async move {
        let idle_since = now - jobs.retention.session_idle;
        let over = Condition::any()
            .add(sessions::Column::ExpiresAt.lte(now))
            .add(sessions::Column::LastSeenAt.lte(idle_since));
        let deleted = sessions::Entity::delete_many()
            .filter(over)
            .exec(jobs.db)
            .await?;
        Ok(deleted.rows_affected)
    })
}

/// Invitations that can no longer be used: past their expiry (accepted ones too: the
/// membership stays), or revoked.
fn invitations<'a>(jobs: &'a Context<'a>, now: DateTime<Utc>) -> Purging<'a> {
    Box::pin(async move {
        let over = Condition::any()
            .add(invitations::Column::ExpiresAt.lte(now))
            .add(invitations::Column::RevokedAt.is_not_null());
        let deleted = invitations::Entity::delete_many()
            .filter(over)
            .exec(jobs.db)
            .await?;
        Ok(deleted.rows_affected)
    })
}

/// Emails older than their retention: their bodies name people.
fn emails<'a>(jobs: &'a Context<'a>, now: DateTime<Utc>) -> Purging<'a> {
    Box::pin(async move {
        let before = now - Duration::days(jobs.retention.email_days);
        let deleted = outbox::Entity::delete_many()
            .filter(outbox::Column::CreatedAt.lte(before))
            .exec(jobs.db)
            .await?;
        Ok(deleted.rows_affected)
    })
}

/// Applications made on the site, with their CVs, once their retention passed since the
/// candidate last consented, and CV objects no application owns.
fn applications<'a>(jobs: &'a Context<'a>, now: DateTime<Utc>) -> Purging<'a> {
    Box::pin(crate::applications::purge(
        jobs.db,
        jobs.storage,
        now - Duration::days(jobs.retention.application_days),
        now,
    ))
}

/// Talent profiles never confirmed in time or not renewed within their retention, with their
/// CVs, and CV objects no profile owns.
fn talents<'a>(jobs: &'a Context<'a>, now: DateTime<Utc>) -> Purging<'a> {
    Box::pin(crate::talents::purge(
        jobs.db,
        jobs.storage,
        now - Duration::days(jobs.retention.talent_days),
        now,
    ))
}

/// Job alerts never confirmed in time, and what was sent to addresses without alerts.
fn alerts<'a>(jobs: &'a Context<'a>, now: DateTime<Utc>) -> Purging<'a> {
    Box::pin(crate::alerts::purge(jobs.db, now))
}

/// Requests about personal data, once their link expired.
fn data_requests<'a>(jobs: &'a Context<'a>, now: DateTime<Utc>) -> Purging<'a> {
    Box::pin(crate::personal_data::purge(jobs.db, now))
}

/// Audit entries older than their retention keep what happened, not who or to whom: their
/// author and their before and after states are emptied.
fn audit_log<'a>(jobs: &'a Context<'a>, now: DateTime<Utc>) -> Purging<'a> {
    Box::pin(async move {
        let before = now - Duration::days(jobs.retention.audit_days);
        let personal = Condition::any()
            .add(audit_log::Column::ActorId.is_not_null())
            .add(audit_log::Column::Before.is_not_null())
            .add(audit_log::Column::After.is_not_null());
        let emptied = audit_log::Entity::update_many()
            .col_expr(audit_log::Column::ActorId, Expr::value(None::<i32>))
            .col_expr(audit_log::Column::Before, Expr::value(None::<String>))
            .col_expr(audit_log::Column::After, Expr::value(None::<String>))
            .filter(audit_log::Column::CreatedAt.lte(before))
            .filter(personal)
            .exec(jobs.db)
            .await?;
        Ok(emptied.rows_affected)
    })
}
