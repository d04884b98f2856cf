//! Emails of the workflow, through the outbox: a digest to the DINUM admins when something
//! waits for review, the decision to its author.

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use super::queue::waiting;
use crate::{
    codes::Status,
    content::{Content, Item},
    entities::{offers, stories, tenants, users},
    error::AppResult,
    ids::{Id, UserId},
    mail,
};

/// How long the admins' digest waits for more items before it leaves.
pub const DIGEST_DELAY: chrono::Duration = chrono::Duration::minutes(10);

/// What a review decided, for its author.
pub(super) struct Decided {
    pub(super) title: String,
    pub(super) status: Status,
    pub(super) comment: String,
}

/// Tells user `author_id` what the review of item `id` decided.
pub(super) async fn email_author<E: Content>(
    db: &impl ConnectionTrait,
    letterhead: &mail::Letterhead<'_>,
    author_id: Option<UserId>,
    id: Id<E>,
    decided: Decided,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let Some(author_id) = author_id else {
        return Ok(());
    };
    let Some(author) = users::Entity::find_by_id(author_id.get()).one(db).await? else {
        return Ok(());
    };
    let has_comment = if decided.comment.trim().is_empty() {
        "no"
    } else {
        "yes"
    };
    let args = [
        ("title", decided.title),
        ("decision", decided.status.as_str().to_owned()),
        ("has_comment", has_comment.to_owned()),
        ("comment", decided.comment),
        (
            "link",
            format!("{}/admin/{}/{id}", letterhead.base_url, E::KIND.path()),
        ),
    ];
    let mail = mail::compose(letterhead, "review", &author.email, &args)?;
    mail::enqueue(db, &mail, now).await?;
    Ok(())
}

/// Tells the DINUM admins what waits for review: one digest each, which leaves
/// [`DIGEST_DELAY`] after the first item and lists everything waiting by then.
pub(super) async fn notify_reviewers(
    db: &impl ConnectionTrait,
    letterhead: &mail::Letterhead<'_>,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let ministries: std::collections::HashMap<i32, String> = tenants::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|tenant| (tenant.id, tenant.name))
        .collect();
    let mut lines = Vec::new();
    lines.extend(waiting_lines::<offers::Entity>(db, &ministries).await?);
    lines.extend(waiting_lines::<stories::Entity>(db, &ministries).await?);
    let args = [
        ("count", lines.len().to_string()),
        ("items", lines.join("\n")),
        ("link", format!("{}/admin/moderation", letterhead.base_url)),
    ];
    let admins = users::Entity::find()
        .filter(users::Column::IsAdmin.eq(true))
        .all(db)
        .await?;
    for admin in admins {
        let mail = mail::compose(letterhead, "review_digest", &admin.email, &args)?;
        mail::enqueue_digest(db, &mail, now, DIGEST_DELAY).await?;
    }
    Ok(())
}

/// One line per item of `E` waiting for review: its title and ministry.
async fn waiting_lines<E: Content>(
    db: &impl ConnectionTrait,
    ministries: &std::collections::HashMap<i32, String>,
) -> AppResult<Vec<String>> {
    Ok(waiting::<E>(db, None)
        .await?
        .into_iter()
        .map(|item| {
            let ministry = ministries
                .get(&item.tenant_id())
                .cloned()
                .unwrap_or_default();
            format!("- {} ({ministry})", item.title().to_owned())
        })
        .collect())
}
