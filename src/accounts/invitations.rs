//! Invitations to a ministry: who may invite, and how a first login accepts them.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};

use super::{Actor, Role, normalize_email};
use crate::{
    audit,
    entities::{invitations, memberships, tenants},
    error::{AppError, AppResult},
    mail,
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
    actor.require_manager(tenant_id)?;
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
    if pending_for(db, &email, now)
        .await?
        .iter()
        .any(|pending| pending.tenant_id == tenant_id)
    {
        return Err(AppError::invalid(
            "email",
            "already invited: resend the invitation",
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
    audit::record(
        db,
        Some(actor.user.id),
        "invitation.create",
        subject(&invitation),
        None,
        Some(&invitation),
        now,
    )
    .await?;
    Ok(invitation)
}

/// Writes the email of `invitation` (new or resent) to the outbox, from `inviter`. Call it in
/// the invitation's transaction.
pub async fn email(
    db: &impl ConnectionTrait,
    letterhead: &mail::Letterhead<'_>,
    invitation: &invitations::Model,
    inviter: &Actor,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let ministry = tenants::Entity::find_by_id(invitation.tenant_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let args = [
        ("inviter", inviter.display_name()),
        ("ministry", ministry.name),
        ("role", invitation.role.clone()),
        (
            "expires",
            invitation.expires_at.format("%d/%m/%Y").to_string(),
        ),
        ("link", format!("{}/connexion", letterhead.base_url)),
    ];
    let mail = mail::compose(letterhead, "invitation", &invitation.email, &args)?;
    mail::enqueue(db, &mail, now).await?;
    Ok(())
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
        audit::record(
            db,
            Some(user_id),
            "invitation.accept",
            subject(&invitation),
            Some(&invitation),
            Some(&accepted),
            now,
        )
        .await?;
    }
    Ok(())
}

/// The invitations to ministry `tenant_id` still waiting, oldest first (its managers).
pub async fn pending_in(
    db: &impl ConnectionTrait,
    actor: &Actor,
    tenant_id: i32,
    now: DateTime<Utc>,
) -> AppResult<Vec<invitations::Model>> {
    actor.require_manager(tenant_id)?;
    Ok(invitations::Entity::find()
        .filter(invitations::Column::TenantId.eq(tenant_id))
        .filter(invitations::Column::AcceptedAt.is_null())
        .filter(invitations::Column::RevokedAt.is_null())
        .filter(invitations::Column::ExpiresAt.gt(now))
        .order_by_asc(invitations::Column::CreatedAt)
        .all(db)
        .await?)
}

/// Invitation `id` of ministry `tenant_id`, still waiting.
async fn find_pending(
    db: &impl ConnectionTrait,
    actor: &Actor,
    tenant_id: i32,
    id: i32,
    now: DateTime<Utc>,
) -> AppResult<invitations::Model> {
    actor.require_manager(tenant_id)?;
    invitations::Entity::find_by_id(id)
        .filter(invitations::Column::TenantId.eq(tenant_id))
        .filter(invitations::Column::AcceptedAt.is_null())
        .filter(invitations::Column::RevokedAt.is_null())
        .filter(invitations::Column::ExpiresAt.gt(now))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

/// Gives invitation `id` a new validity period (the invitation email goes out again with the
/// email outbox). Call it in a transaction.
pub async fn resend(
    db: &impl ConnectionTrait,
    actor: &Actor,
    tenant_id: i32,
    id: i32,
    now: DateTime<Utc>,
) -> AppResult<invitations::Model> {
    let extend = |active: &mut invitations::ActiveModel| {
        active.expires_at = Set(now + Duration::days(VALIDITY_DAYS));
    };
    change_pending(db, actor, (tenant_id, id), "invitation.resend", extend, now).await
}

/// Withdraws invitation `id`: a login with its email no longer accepts it. Call it in a
/// transaction.
pub async fn revoke(
    db: &impl ConnectionTrait,
    actor: &Actor,
    tenant_id: i32,
    id: i32,
    now: DateTime<Utc>,
) -> AppResult<invitations::Model> {
    let withdraw = |active: &mut invitations::ActiveModel| active.revoked_at = Set(Some(now));
    change_pending(
        db,
        actor,
        (tenant_id, id),
        "invitation.revoke",
        withdraw,
        now,
    )
    .await
}

/// Applies `change` to pending invitation `id` of ministry `tenant_id`, and audits it.
async fn change_pending(
    db: &impl ConnectionTrait,
    actor: &Actor,
    (tenant_id, id): (i32, i32),
    action: &str,
    change: impl FnOnce(&mut invitations::ActiveModel),
    now: DateTime<Utc>,
) -> AppResult<invitations::Model> {
    let before = find_pending(db, actor, tenant_id, id, now).await?;
    let mut active: invitations::ActiveModel = before.clone().into();
    change(&mut active);
    let after = active.update(db).await?;
    let (old, new) = (Some(&before), Some(&after));
    audit::record(
        db,
        Some(actor.user.id),
        action,
        subject(&after),
        old,
        new,
        now,
    )
    .await?;
    Ok(after)
}

fn subject(invitation: &invitations::Model) -> audit::Subject<'static> {
    audit::Subject {
        tenant_id: Some(invitation.tenant_id),
        entity_type: "invitation",
        entity_id: Some(invitation.id),
    }
}
