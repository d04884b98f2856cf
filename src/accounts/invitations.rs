//! Invitations to a ministry: who may invite, and how a first login accepts them.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};

use super::{Actor, AdminScope, Role, Scope, normalize_email};
use crate::{
    audit,
    entities::{invitations, memberships, tenants},
    error::{AppError, AppResult, Reason},
    ids::{InvitationId, TenantId, UserId},
    mail,
};

/// How long an invitation waits for its first login.
pub const VALIDITY_DAYS: i64 = 14;

/// Invites `email` to the scope's ministry with `role`. Managers of that ministry and DINUM
/// admins may; anyone else is refused. Call it in a transaction.
pub async fn invite(
    db: &impl ConnectionTrait,
    scope: &Scope,
    email: &str,
    role: Role,
    now: DateTime<Utc>,
) -> AppResult<invitations::Model> {
    scope.require_manager()?;
    let tenant_id = scope.tenant().get();
    let email = normalize_email(email)?;
    if let Some(user) = super::find_by_email(db, &email).await?
        && memberships::Entity::find_by_id((user.id, tenant_id))
            .one(db)
            .await?
            .is_some()
    {
        return Err(AppError::invalid("email", Reason::AlreadyMember));
    }
    if pending_for(db, &email, now)
        .await?
        .iter()
        .any(|pending| pending.tenant_id == tenant_id)
    {
        return Err(AppError::invalid("email", Reason::AlreadyInvited));
    }
    let invitation = invitations::ActiveModel {
        tenant_id: Set(tenant_id),
        email: Set(email),
        role: Set(role.as_str().to_owned()),
        invited_by: Set(scope.user().map(UserId::get)),
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
        scope.user(),
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
    user_id: UserId,
    pending: Vec<invitations::Model>,
    now: DateTime<Utc>,
) -> AppResult<()> {
    for invitation in pending {
        let role = Role::parse(&invitation.role).unwrap_or(Role::Editor);
        if memberships::Entity::find_by_id((user_id.get(), invitation.tenant_id))
            .one(db)
            .await?
            .is_none()
        {
            // The invitation is the ministry's consent.
            let ministry = AdminScope::system().ministry(TenantId::new(invitation.tenant_id));
            super::add_membership(db, &ministry, user_id, role, now).await?;
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

/// The invitations to the scope's ministry still waiting, oldest first (its managers).
pub async fn pending_in(
    db: &impl ConnectionTrait,
    scope: &Scope,
    now: DateTime<Utc>,
) -> AppResult<Vec<invitations::Model>> {
    scope.require_manager()?;
    Ok(invitations::Entity::find()
        .filter(invitations::Column::TenantId.eq(scope.tenant()))
        .filter(invitations::Column::AcceptedAt.is_null())
        .filter(invitations::Column::RevokedAt.is_null())
        .filter(invitations::Column::ExpiresAt.gt(now))
        .order_by_asc(invitations::Column::CreatedAt)
        .all(db)
        .await?)
}

/// Invitation `id` of the scope's ministry, still waiting.
async fn find_pending(
    db: &impl ConnectionTrait,
    scope: &Scope,
    id: InvitationId,
    now: DateTime<Utc>,
) -> AppResult<invitations::Model> {
    scope.require_manager()?;
    invitations::Entity::find_by_id(id.get())
        .filter(invitations::Column::TenantId.eq(scope.tenant()))
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
    scope: &Scope,
    id: InvitationId,
    now: DateTime<Utc>,
) -> AppResult<invitations::Model> {
    let extend = |active: &mut invitations::ActiveModel| {
        active.expires_at = Set(now + Duration::days(VALIDITY_DAYS));
    };
    change_pending(db, scope, id, "invitation.resend", extend, now).await
}

/// Withdraws invitation `id`: a login with its email no longer accepts it. Call it in a
/// transaction.
pub async fn revoke(
    db: &impl ConnectionTrait,
    scope: &Scope,
    id: InvitationId,
    now: DateTime<Utc>,
) -> AppResult<invitations::Model> {
    let withdraw = |active: &mut invitations::ActiveModel| active.revoked_at = Set(Some(now));
    change_pending(db, scope, id, "invitation.revoke", withdraw, now).await
}

/// Applies `change` to pending invitation `id` of the scope's ministry, and audits it.
async fn change_pending(
    db: &impl ConnectionTrait,
    scope: &Scope,
    id: InvitationId,
    action: &str,
    change: impl FnOnce(&mut invitations::ActiveModel),
    now: DateTime<Utc>,
) -> AppResult<invitations::Model> {
    let before = find_pending(db, scope, id, now).await?;
    let mut active: invitations::ActiveModel = before.clone().into();
    change(&mut active);
    let after = active.update(db).await?;
    let (old, new) = (Some(&before), Some(&after));
    audit::record(db, scope.user(), action, subject(&after), old, new, now).await?;
    Ok(after)
}

fn subject(invitation: &invitations::Model) -> audit::Subject<'static> {
    audit::Subject {
        tenant_id: Some(invitation.tenant_id),
        entity_type: "invitation",
        entity_id: Some(invitation.id),
    }
}
