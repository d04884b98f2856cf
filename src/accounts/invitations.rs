//! Invitations to a ministry: who may invite, and how a first login accepts them.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

use super::{Actor, Role, normalize_email};
use crate::{
    audit,
    entities::{invitations, memberships},
    error::{AppError, AppResult},
};

/// How long an invitation waits for its first login.
pub const VALIDITY_DAYS: i64 = 14;

/// Invites `email` to ministry `tenant_id` with `role`. Managers of that ministry and DINUM
/// admins may; anyone else is refused. Call it in a transaction.
pub async fn invite(
    db: &impl ConnectionTrait,
    actor: &Actor,
    tenant_id: i32,
    email: &str,
    role: Role,
    now: DateTime<Utc>,
) -> AppResult<invitations::Model> {
    if !actor.can_manage(tenant_id) {
        return Err(AppError::Forbidden);
    }
    let email = normalize_email(email)?;
    if let Some(user) = super::find_by_email(db, &email).await?
        && memberships::Entity::find_by_id((user.id, tenant_id))
            .one(db)
            .await?
            .is_some()
    {
        return Err(AppError::invalid(
            "email",
            "already a member of this ministry",
        ));
    }
    let invitation = invitations::ActiveModel {
        tenant_id: Set(tenant_id),
        email: Set(email),
        role: Set(role.as_str().to_owned()),
        invited_by: Set(Some(actor.user.id)),
        created_at: Set(now),
        expires_at: Set(now + Duration::days(VALIDITY_DAYS)),
        accepted_at: Set(None),
        revoked_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let subject = audit::Subject {
        tenant_id: Some(tenant_id),
        entity_type: "invitation",
        entity_id: Some(invitation.id),
    };
    audit::record(
        db,
        Some(actor.user.id),
        "invitation.create",
        subject,
        None,
        Some(&invitation),
        now,
    )
    .await?;
    Ok(invitation)
}

/// The invitations of `email` still waiting.
pub async fn pending_for(
    db: &impl ConnectionTrait,
    email: &str,
    now: DateTime<Utc>,
) -> AppResult<Vec<invitations::Model>> {
    Ok(invitations::Entity::find()
        .filter(invitations::Column::Email.eq(email.trim().to_lowercase()))
        .filter(invitations::Column::AcceptedAt.is_null())
        .filter(invitations::Column::RevokedAt.is_null())
        .filter(invitations::Column::ExpiresAt.gt(now))
        .all(db)
        .await?)
}

/// Turns the pending invitations of `user_id`'s email into memberships.
pub async fn accept_all(
    db: &impl ConnectionTrait,
    user_id: i32,
    pending: Vec<invitations::Model>,
    now: DateTime<Utc>,
) -> AppResult<()> {
    for invitation in pending {
        let role = Role::parse(&invitation.role).unwrap_or(Role::Editor);
        if memberships::Entity::find_by_id((user_id, invitation.tenant_id))
            .one(db)
            .await?
            .is_none()
        {
            super::add_membership(db, user_id, invitation.tenant_id, role, now).await?;
        }
        let mut accepted: invitations::ActiveModel = invitation.clone().into();
        accepted.accepted_at = Set(Some(now));
        let accepted = accepted.update(db).await?;
        let subject = audit::Subject {
            tenant_id: Some(invitation.tenant_id),
            entity_type: "invitation",
            entity_id: Some(invitation.id),
        };
        audit::record(
            db,
            Some(user_id),
            "invitation.accept",
            subject,
            Some(&invitation),
            Some(&accepted),
            now,
        )
        .await?;
    }
    Ok(())
}
