//! A ministry's members, as its managers see and change them.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

use super::{Role, Scope};
use crate::{
    audit,
    entities::{memberships, users},
    error::{AppError, AppResult, Reason},
    ids::UserId,
};

/// A member of a ministry.
pub struct Member {
    pub user: users::Model,
    pub role: Role,
}

/// The members of the scope's ministry, by email (its managers).
pub async fn list(db: &impl ConnectionTrait, scope: &Scope) -> AppResult<Vec<Member>> {
    scope.require_manager()?;
    let rows = memberships::Entity::find()
        .filter(memberships::Column::TenantId.eq(scope.tenant()))
        .all(db)
        .await?;
    let mut users = super::users_by_id(db, rows.iter().map(|m| m.user_id)).await?;
    let mut members: Vec<Member> = rows
        .into_iter()
        .filter_map(|m| {
            Some(Member {
                role: Role::parse(&m.role)?,
                user: users.remove(&m.user_id)?,
            })
        })
        .collect();
    members.sort_by(|a, b| a.user.email.cmp(&b.user.email));
    Ok(members)
}

/// The membership of `user_id` in the scope's ministry, which someone else manages: managers
/// do not change their own role nor remove themselves (a ministry keeps a manager).
async fn find_other(
    db: &impl ConnectionTrait,
    scope: &Scope,
    user_id: UserId,
) -> AppResult<memberships::Model> {
    scope.require_manager()?;
    if Some(user_id) == scope.user() {
        return Err(AppError::invalid("user", Reason::OwnMembership));
    }
    memberships::Entity::find_by_id((user_id.get(), scope.tenant().get()))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

fn subject(membership: &memberships::Model) -> audit::Subject<'static> {
    audit::Subject {
        tenant_id: Some(membership.tenant_id),
        entity_type: "membership",
        entity_id: Some(membership.user_id),
    }
}

/// Gives member `user_id` of the scope's ministry a new role. Call it in a transaction.
pub async fn change_role(
    db: &impl ConnectionTrait,
    scope: &Scope,
    user_id: UserId,
    role: Role,
    now: DateTime<Utc>,
) -> AppResult<memberships::Model> {
    let before = find_other(db, scope, user_id).await?;
    let mut active: memberships::ActiveModel = before.clone().into();
    active.role = Set(role.as_str().to_owned());
    let after = active.update(db).await?;
    let (old, new) = (Some(&before), Some(&after));
    audit::record(
        db,
        scope.user(),
        "membership.role",
        subject(&after),
        old,
        new,
        now,
    )
    .await?;
    Ok(after)
}

/// Removes member `user_id` from the scope's ministry: their access ends with their next
/// request. Call it in a transaction.
pub async fn remove(
    db: &impl ConnectionTrait,
    scope: &Scope,
    user_id: UserId,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let before = find_other(db, scope, user_id).await?;
    memberships::Entity::delete_by_id((before.user_id, before.tenant_id))
        .exec(db)
        .await?;
    let subject = subject(&before);
    audit::record(
        db,
        scope.user(),
        "membership.remove",
        subject,
        Some(&before),
        None,
        now,
    )
    .await?;
    Ok(())
}
