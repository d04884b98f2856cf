//! Back-office users, their memberships in ministries and their sessions.

mod actor;
pub mod invitations;
pub mod login_links;
pub mod members;
pub mod proconnect;
mod scope;
pub mod sessions;

pub use actor::{Actor, display_name};
pub use scope::{AdminScope, Scope};

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};

use crate::{
    entities::{memberships, users},
    error::{AppError, AppResult, Reason},
    ids::UserId,
};

/// A role in a ministry: a manager runs its members and settings, an editor writes its offers,
/// stories and images.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    Manager,
    Editor,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Manager => "manager",
            Role::Editor => "editor",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        match code {
            "manager" => Some(Role::Manager),
            "editor" => Some(Role::Editor),
            _ => None,
        }
    }
}

/// A plausible email address, lower-cased.
pub fn normalize_email(email: &str) -> AppResult<String> {
    let email = email.trim().to_lowercase();
    if crate::text::is_email(&email) {
        Ok(email)
    } else {
        Err(AppError::invalid("email", Reason::NotAnEmail))
    }
}

#[derive(Clone, Debug, Default)]
pub struct NewUser {
    pub email: String,
    pub given_name: String,
    pub usual_name: String,
    pub is_admin: bool,
}

pub async fn create_user(
    db: &impl ConnectionTrait,
    new: NewUser,
    now: DateTime<Utc>,
) -> AppResult<users::Model> {
    let email = normalize_email(&new.email)?;
    if find_by_email(db, &email).await?.is_some() {
        return Err(AppError::invalid("email", Reason::AlreadyUsed));
    }
    Ok(users::ActiveModel {
        sub: Set(None),
        email: Set(email),
        given_name: Set(new.given_name.trim().to_owned()),
        usual_name: Set(new.usual_name.trim().to_owned()),
        siret: Set(None),
        is_admin: Set(new.is_admin),
        created_at: Set(now),
        last_login_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?)
}

pub async fn find_by_email(
    db: &impl ConnectionTrait,
    email: &str,
) -> AppResult<Option<users::Model>> {
    // What is not an address is nobody's (and never reaches the database).
    let Ok(email) = normalize_email(email) else {
        return Ok(None);
    };
    Ok(users::Entity::find()
        .filter(users::Column::Email.eq(email))
        .one(db)
        .await?)
}

pub async fn list_users(db: &impl ConnectionTrait) -> AppResult<Vec<users::Model>> {
    Ok(users::Entity::find()
        .order_by_asc(users::Column::Email)
        .all(db)
        .await?)
}

pub async fn memberships_of(
    db: &impl ConnectionTrait,
    user_id: UserId,
) -> AppResult<Vec<memberships::Model>> {
    Ok(memberships::Entity::find()
        .filter(memberships::Column::UserId.eq(user_id))
        .all(db)
        .await?)
}

/// Every membership of every ministry, grouped by user (one query, for lists of users).
pub async fn memberships_by_user(
    db: &impl ConnectionTrait,
    _scope: &AdminScope,
) -> AppResult<std::collections::HashMap<i32, Vec<memberships::Model>>> {
    let mut by_user: std::collections::HashMap<i32, Vec<memberships::Model>> = Default::default();
    for membership in memberships::Entity::find().all(db).await? {
        by_user
            .entry(membership.user_id)
            .or_default()
            .push(membership);
    }
    Ok(by_user)
}

/// Makes user `user_id` a member of the scope's ministry with `role`.
pub async fn add_membership(
    db: &impl ConnectionTrait,
    scope: &Scope,
    user_id: UserId,
    role: Role,
    now: DateTime<Utc>,
) -> AppResult<memberships::Model> {
    scope.require_manager()?;
    Ok(memberships::ActiveModel {
        user_id: Set(user_id.get()),
        tenant_id: Set(scope.tenant().get()),
        role: Set(role.as_str().to_owned()),
        created_at: Set(now),
    }
    .insert(db)
    .await?)
}

/// The user a ProConnect identity logs in as: matched by `sub`, else by email (recording the
/// new `sub`, which differs per identity provider); their names and SIRET are refreshed, and
/// pending invitations for their email become memberships (a first login creates the user).
/// Only DINUM admins and members of a ministry get in: `None` for anyone else. Call it in a
/// transaction.
pub async fn sign_in(
    db: &impl ConnectionTrait,
    identity: &proconnect::Identity,
    now: DateTime<Utc>,
) -> AppResult<Option<users::Model>> {
    let pending = invitations::pending_for(db, &identity.email, now).await?;
    let by_sub = users::Entity::find()
        .filter(users::Column::Sub.eq(identity.sub.as_str()))
        .one(db)
        .await?;
    let user = match by_sub {
        Some(user) => user,
        None => match find_by_email(db, &identity.email).await? {
            Some(user) => user,
            None if !pending.is_empty() => {
                let new = NewUser {
                    email: identity.email.clone(),
                    given_name: identity.given_name.clone(),
                    usual_name: identity.usual_name.clone(),
                    is_admin: false,
                };
                create_user(db, new, now).await?
            }
            None => return Ok(None),
        },
    };
    let user_id = UserId::new(user.id);
    invitations::accept_all(db, user_id, pending, now).await?;
    if !user.is_admin && memberships_of(db, user_id).await?.is_empty() {
        return Ok(None);
    }
    let mut active: users::ActiveModel = user.into();
    active.sub = Set(Some(identity.sub.clone()));
    if !identity.given_name.is_empty() {
        active.given_name = Set(identity.given_name.clone());
    }
    if !identity.usual_name.is_empty() {
        active.usual_name = Set(identity.usual_name.clone());
    }
    if identity.siret.is_some() {
        active.siret = Set(identity.siret.clone());
    }
    active.last_login_at = Set(Some(now));
    Ok(Some(active.update(db).await?))
}

/// Users by id, for the names shown beside their actions.
pub async fn users_by_id(
    db: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = i32>,
) -> AppResult<std::collections::HashMap<i32, users::Model>> {
    let ids: Vec<i32> = ids.into_iter().collect();
    if ids.is_empty() {
        return Ok(Default::default());
    }
    Ok(users::Entity::find()
        .filter(users::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|user| (user.id, user))
        .collect())
}

/// Records a login in the audit log (`method`: `proconnect` or `demo`).
pub async fn record_login(
    db: &impl ConnectionTrait,
    user_id: UserId,
    method: &str,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let subject = crate::audit::Subject {
        tenant_id: None,
        entity_type: "user",
        entity_id: Some(user_id.get()),
    };
    let details = serde_json::json!({ "method": method });
    crate::audit::record(
        db,
        Some(user_id),
        "user.login",
        subject,
        None,
        Some(&details),
        now,
    )
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_checked_and_lower_cased() {
        assert_eq!(
            normalize_email(" Marie.Curie@Numerique.Gouv.fr ").unwrap(),
            "marie.curie@numerique.gouv.fr"
        );
        for bad in ["", "marie", "a@b", "a@@b.fr", "a b@c.fr", "@c.fr"] {
            assert!(normalize_email(bad).is_err(), "{bad}");
        }
    }
}
