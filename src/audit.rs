//! The audit log: who changed what, when, with the states before and after.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};
use serde::Serialize;

use crate::{accounts::AdminScope, entities::audit_log, error::AppResult, ids::UserId};

/// Every action the audit log records, each named in the journal by `admin-action-CODE`
/// (dots as dashes). Recording another one is a fault of the code, caught by the tests.
pub const ACTIONS: &[&str] = &[
    "offer.create",
    "offer.update",
    "offer.restore",
    "offer.submit",
    "offer.publish_trusted",
    "offer.approve",
    "offer.request_changes",
    "offer.reject",
    "offer.propose",
    "offer.duplicate",
    "offer.archive",
    "offer.fill",
    "story.create",
    "story.update",
    "story.restore",
    "story.submit",
    "story.publish_trusted",
    "story.approve",
    "story.request_changes",
    "story.reject",
    "story.propose",
    "story.duplicate",
    "story.archive",
    "media.upload",
    "media.describe",
    "media.replace",
    "media.delete",
    "application.create",
    "application.update",
    "application.status",
    "application.notes",
    "application.cv",
    "application.export",
    "talent.contact",
    "talent.cv",
    "goal.set",
    "invitation.create",
    "invitation.resend",
    "invitation.revoke",
    "invitation.accept",
    "membership.role",
    "membership.remove",
    "api_token.create",
    "api_token.revoke",
    "tenant.create",
    "tenant.update",
    "tenant.archive",
    "user.create",
    "user.login",
];

/// The message key that names `action` in the journal.
pub fn action_key(action: &str) -> String {
    format!("admin-action-{}", action.replace(['.', '_'], "-"))
}

/// What an audit entry is about.
pub struct Subject<'a> {
    pub tenant_id: Option<i32>,
    pub entity_type: &'a str,
    pub entity_id: Option<i32>,
}

/// Records `action` by `actor_id` (None: the command line or a job). Call it in the same
/// transaction as the change itself.
pub async fn record<T: Serialize>(
    db: &impl ConnectionTrait,
    actor_id: Option<UserId>,
    action: &str,
    subject: Subject<'_>,
    before: Option<&T>,
    after: Option<&T>,
    now: DateTime<Utc>,
) -> AppResult<()> {
    debug_assert!(
        ACTIONS.contains(&action),
        "{action} is not in audit::ACTIONS"
    );
    let to_json = |value: Option<&T>| value.map(serde_json::to_string).transpose();
    audit_log::ActiveModel {
        tenant_id: Set(subject.tenant_id),
        actor_id: Set(actor_id.map(UserId::get)),
        action: Set(action.to_owned()),
        entity_type: Set(subject.entity_type.to_owned()),
        entity_id: Set(subject.entity_id),
        before: Set(to_json(before)?),
        after: Set(to_json(after)?),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// The newest audit entries of every ministry, newest first.
pub async fn recent(
    db: &impl ConnectionTrait,
    _scope: &AdminScope,
    limit: u64,
) -> AppResult<Vec<audit_log::Model>> {
    use sea_orm::{EntityTrait, QueryOrder, QuerySelect};
    Ok(audit_log::Entity::find()
        .order_by_desc(audit_log::Column::CreatedAt)
        .order_by_desc(audit_log::Column::Id)
        .limit(limit)
        .all(db)
        .await?)
}
